"""Everything published that is made from the data, by site-relative path: the one entry point an
engine needs. The renderers are siblings (none imports another); this module gathers what they make."""

from __future__ import annotations

from . import calendar_json, channels, column, documents_json, ical, identity, pages, preview, programmes, urls
from .render import GeneratedPage
from .site import Site


def render_all_pages(site: Site, base_url: str = "") -> dict[str, GeneratedPage]:
    """Every page made from the data, by source path: the records' pages, the column's, the programmes'."""
    made = pages.render_pages(site, base_url)
    made.update(column.render_column_pages(site))
    made.update(programmes.render_programme_pages(site))
    return made


def render_outputs(site: Site, base_url: str) -> dict[str, GeneratedPage | str | bytes]:
    """The generated pages, the calendar files, ``lich.json``, ``van-ban.json`` and ``robots.txt``. (The feeds need the articles' HTML
    too: see `feeds.render_feeds`.) ``base_url``: the address pages are published at (``site_url``; a preview's own)."""
    outputs: dict[str, GeneratedPage | str | bytes] = dict(render_all_pages(site, base_url))
    outputs.update(ical.render_ics_files(site, base_url))
    outputs[urls.CALENDAR_JSON] = calendar_json.render_calendar_json(site, base_url)
    outputs[urls.DOCUMENTS_JSON] = documents_json.render_documents_json(site, base_url)
    # From the published address, even in a preview: crawlers read the host's robots.txt, not a preview's.
    outputs[preview.ROBOTS_TXT] = preview.render_robots_txt(site.info.url)
    return outputs


def made_paths(site: Site, outputs: dict) -> list[str]:
    """Every site path made from the data: ``outputs`` (from `render_outputs`), the feeds, the colours
    file and the articles' pages. A hand-written file at one of them is refused (`content.twins`)."""
    articles = [urls.src_of(urls.article(record.meta.id)) for record in site.published_articles]
    return [*outputs, *channels.feed_paths(site), identity.COLOURS_CSS, *articles]
