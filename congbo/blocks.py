"""HTML blocks for hand-written pages (through macros): the home page and the press page."""

from __future__ import annotations

from . import calendar, urls, vi
from .pages import Links, article_url, plan_reference, plan_title
from .render import render
from .site import Site


def next_observances(site: Site, here: str, count: int = 3) -> str:
    items = calendar.next_observances(site, site.today, count)
    rows = [
        {"item": o, "days": (o.start - site.today).days, "href": Links(site, here).to(urls.observance(o.observance.id))}
        for o in items
    ]
    return render("blocks/next_observances.html.j2", rows=rows, today=site.today, calendar_href=Links(site, here).to(urls.CALENDAR))


def current_plans(site: Site, here: str) -> str:
    """Plans whose activities are not all past, newest first; the latest few when none is current."""
    links = Links(site, here)
    current = [p for p in site.plans if _plan_end(p) is None or _plan_end(p) >= site.today]
    shown = current or list(site.plans[:3])
    rows = [{"plan": p, "href": links.plan(p), "title": plan_title(p), "reference": plan_reference(site, p)} for p in shown]
    return render("blocks/plans.html.j2", rows=rows, current=bool(current), index_href=links.to(urls.PLANS))


def _plan_end(plan):
    ends = [a.time.deadline or a.time.end for a in plan.activities if a.time.deadline or a.time.end]
    ongoing = any(a.time.ongoing or a.time.observances for a in plan.activities)
    return None if ongoing or not ends else max(ends)


def latest_articles(site: Site, here: str, count: int = 5) -> str:
    links = Links(site, here)
    rows = [{"article": a, "href": links.to(article_url(a))} for a in site.published_articles[:count]]
    return render("blocks/articles.html.j2", rows=rows, column=site.info.column, column_href=links.to(urls.COLUMN))


def press_contact(site: Site) -> str:
    return render("blocks/contact.html.j2", contact=site.info.contact)
