"""Programme pages: one per observance and year that has plans or events.

A programme gathers what the data says about one year's observance: the year's theme, the
plans working towards it, a timeline of their events and deadlines, and the related articles.
Vietnam Population Day 2021 (its 60th anniversary) is the first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from . import agenda, urls, vi
from .models import Event, Observance, Plan, Theme
from .render import GeneratedPage, render_page
from .site import ArticleRecord, Site
from .texts import Links, article_url, plan_reference, plan_title


@dataclass(frozen=True)
class Step(agenda.Span):
    """One line of a programme's timeline."""

    start: dt.date
    end: dt.date
    kind: str  # "plan" | "event" | "deadline" | "period" | "start" (a period without an end date) | "observance"
    title: str
    plan: Plan | None = None
    event: Event | None = None
    anchor: str | None = None  # an activity's row on the plan page
    partial: bool = False  # a plan dated by month or year only
    note: str | None = None  # what the timeline says besides the date: a period's end it cannot state


@dataclass(frozen=True)
class Programme(agenda.Span):
    site: Site
    observance: Observance
    year: int
    plans: tuple[Plan, ...]
    events: tuple[Event, ...]

    @property
    def id(self) -> str:
        return f"{self.observance.id}-{self.year}"

    @property
    def url(self) -> str:
        return urls.programme(self.observance.id, self.year)

    @property
    def dates(self) -> tuple[dt.date, dt.date]:
        return agenda.observance_dates(self.observance, self.year)

    @property
    def anniversary(self) -> int | None:
        return agenda.anniversary(self.observance, self.year)

    @property
    def theme(self) -> Theme | None:
        return self.site.theme_of(self.observance, self.year)

    @property
    def title(self) -> str:
        """'Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)', or 'Ngày Dân số Thế giới năm 2024'."""
        obs = self.observance
        if self.anniversary:
            origin = obs.origin
            day = self.dates[0]
            return f"Kỷ niệm {self.anniversary} năm {obs.name} ({vi.short_date(origin)} – {vi.short_date(day)})"
        return f"{obs.name} năm {self.year}"

    @cached_property
    def timeline(self) -> list[Step]:
        obs = self.observance
        start, end = self.dates
        when = "cả tháng" if obs.whole_month else "ngày kỷ niệm"
        steps = [Step(start, end, "observance", f"{obs.name} ({when})")]
        covered = {(e.plan, e.activity) for e in self.site.events if e.activity}
        for plan in self.plans:
            steps.append(Step(plan.date.first_day, plan.date.first_day, "plan", plan_title(plan), plan=plan, partial=plan.date.day is None))
            for activity in plan.activities:
                dates = agenda.activity_dates(plan, activity)
                anchor = urls.activity_anchor(activity.id)
                if dates is None or (dates.kind == "deadline" and (plan.id, activity.id) in covered):
                    continue
                note = f"bắt đầu; {vi.open_end(dates.open_end)}" if dates.kind == "start" else None
                steps.append(Step(dates.start, dates.end, dates.kind, activity.name, plan=plan, anchor=anchor,
                                  partial=dates.kind == "start" and not dates.start_exact, note=note))
        for event in self.events:
            kind = "deadline" if event.kind == "han" else "event"
            plan = self.site.plan.get(event.plan) if event.plan else None
            steps.append(Step(event.date, event.last_day, kind, event.name, plan=plan, event=event))
        order = {"plan": 0, "start": 1, "period": 1, "event": 2, "deadline": 3, "observance": 4}
        return sorted(steps, key=lambda s: (s.end if s.kind == "period" else s.start, order[s.kind], s.title))

    @property
    def start(self) -> dt.date:
        return min(s.start for s in self.timeline)

    @property
    def end(self) -> dt.date:
        return max(s.end for s in self.timeline)


    @cached_property
    def articles(self) -> list[ArticleRecord]:
        """Articles about the observance published in its year, and those about its plans or events
        published by the end of its year that name no other observance (a plan serving several
        observances is not a reason to list an article about another one, or a later year's)."""
        site = self.site
        candidates = site.articles_about(observance=self.observance.id)
        candidates += [a for p in self.plans for a in site.articles_about(plan=p.id)]
        candidates += [a for e in self.events for a in site.articles_about(event=e.id)]
        about = {id(a) for a in candidates if self._is_about(a)}
        return [a for a in site.published_articles if id(a) in about]

    def _is_about(self, article: ArticleRecord) -> bool:
        meta = article.meta
        if meta.observances:
            return self.observance.id in meta.observances and meta.date.year == self.year
        plans, events = {p.id for p in self.plans}, {e.id for e in self.events}
        linked = bool(plans & set(meta.plans) or events & set(meta.events))
        return linked and meta.date.year <= self.year


def programmes(site: Site) -> tuple[Programme, ...]:
    """Every programme, by observance (in data order) then year; worked out once per site."""
    if "programmes" not in site.derived:
        site.derived["programmes"] = _programmes(site)
    return site.derived["programmes"]


def _programmes(site: Site) -> tuple[Programme, ...]:
    found = []
    for obs in site.observances:
        plans: dict[int, list[Plan]] = {}
        for plan in site.plans:
            if obs.id in plan.observances:
                plans.setdefault(agenda.programme_year(obs, plan.date.first_day), []).append(plan)
        events: dict[int, list[Event]] = {}
        for event in site.events:
            if obs.id in event.observances:
                events.setdefault(event.date.year, []).append(event)
        for year in sorted(set(plans) | set(events)):
            year_plans = sorted(plans.get(year, []), key=lambda p: (p.date, p.id))
            ids = {p.id for p in year_plans}
            # The plans' own events belong to the programme too, whatever observance they name.
            year_events = {e.id: e for e in events.get(year, [])}
            year_events.update({e.id: e for e in site.events if e.plan in ids})
            found.append(Programme(site, obs, year, tuple(year_plans), tuple(sorted(year_events.values(), key=lambda e: (e.date, e.id)))))
    return tuple(found)


def programme_for(site: Site, observance_id: str, year: int) -> Programme | None:
    return next((p for p in programmes(site) if p.observance.id == observance_id and p.year == year), None)


def open_programmes(site: Site, today: dt.date, horizon: int = 366) -> list[Programme]:
    """Programmes under way on ``today``, or whose day comes within ``horizon`` days; soonest first."""
    near = today + dt.timedelta(days=horizon)
    found = [p for p in programmes(site) if p.is_current(today) or (not p.is_past(today) and p.dates[0] <= near)]
    return sorted(found, key=lambda p: (p.dates[0], p.id))


def render_programme(site: Site, programme: Programme) -> GeneratedPage:
    links = Links(site, programme.url)
    return render_page(
        "programme.html.j2",
        site=site, p=programme, links=links, urls=urls, today=site.today,
        title=plan_title, reference=lambda plan: plan_reference(site, plan),
        article_url=article_url, partial_date=vi.partial_date,
        calendar_href=links.to(urls.calendar_year(programme.year, site.today.year) + f"#thang-{programme.dates[0].month}"),
        ics=links.to(urls.observance_ics(programme.observance.id)),
    )


def render_programme_pages(site: Site) -> dict[str, GeneratedPage]:
    return {urls.src_of(p.url): render_programme(site, p) for p in programmes(site)}


def programme_links(site: Site, observance, links) -> list[tuple[int, str, str]]:
    """(year, link, title) of an observance's programmes, newest first, for its page."""
    found = [p for p in programmes(site) if p.observance.id == observance.id]
    return [(p.year, links.to(p.url), p.title) for p in sorted(found, key=lambda p: p.year, reverse=True)]
