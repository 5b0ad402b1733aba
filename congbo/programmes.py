"""Programme pages: one per observance and year that has documents or events (the programmes are made
once with the site: `agenda.Programme`). Vietnam Population Day 2021 (its 60th anniversary) is the first."""

from __future__ import annotations

from . import urls
from .agenda import Programme
from .render import GeneratedPage, render_page
from .site import Site
from .texts import Links, article_url, document_reference, document_title


def render_programme(site: Site, programme: Programme) -> GeneratedPage:
    links = Links(site, programme.url)
    return render_page(
        "programme.html.j2",
        site=site,
        p=programme,
        links=links,
        urls=urls,
        today=site.today,
        title=document_title,
        reference=lambda document: document_reference(site, document),
        article_url=article_url,
        calendar_href=links.to(urls.calendar_year(programme.year, site.today.year) + f"#thang-{programme.dates[0].month}"),
        ics=links.to(urls.observance_ics(programme.observance.id)),
    )


def render_programme_pages(site: Site) -> dict[str, GeneratedPage]:
    return {urls.src_of(p.url): render_programme(site, p) for p in site.programmes}
