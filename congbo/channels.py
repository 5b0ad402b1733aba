"""The site's feeds, as a catalogue: which there are, where each is, what it is called and what it
carries (kinds, paths, titles, guids). The feeds themselves are made by `feeds`; the press page and the
pages' heads list them from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit

from . import urls
from .site import Site

MAX_ITEMS = 50
MAX_BYTES = 2_000_000
"""A feed stays under 2 MB; past that, the oldest items are left out."""
TTL_MINUTES = 60
TAG_DATE = "2021"
"""The date in every tag URI (RFC 4151): fixed for good, or every guid would change."""
COLUMN_KINDS = ("rss", "atom", "json")
FEED_FORMATS = ("rss", "atom")
MIME = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    home: str
    """The HTML page the feed mirrors (absolute)."""
    guid: str
    paths: Mapping[str, str]
    """kind ('rss', 'atom', 'json') → site-relative path of that feed."""
    site_url: str

    def self_url(self, kind: str) -> str:
        return self.site_url + self.paths[kind]


def tag_uri(site_url: str, path: str) -> str:
    """'tag:danso.langson.gov.vn,2021:bai-viet/ngay-dan-so-the-gioi' — permanent, whatever the title."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:{path.strip('/')}"


def article_guid(site_url: str, article_id: str) -> str:
    return tag_uri(site_url, urls.article(article_id))


# --- channels -------------------------------------------------------------------------


def column_channels(site: Site, site_url: str) -> list[tuple[Channel, str | None]]:
    """The column's channel and one per category: (channel, category id or None)."""
    column = site.info.column
    out = [
        (
            Channel(
                title=f"{column.name} — {site.info.name}",
                description=column.description,
                home=site_url + urls.COLUMN,
                guid=tag_uri(site_url, urls.COLUMN),
                paths={k: urls.column_feed(k) for k in COLUMN_KINDS},
                site_url=site_url,
            ),
            None,
        )
    ]
    for category in column.categories:
        out.append(
            (
                Channel(
                    title=f"{category.name} — {column.name}",
                    description=category.description,
                    home=site_url + urls.category_page(category.id),
                    guid=tag_uri(site_url, urls.category_page(category.id)),
                    paths={k: urls.column_feed(k, category.id) for k in FEED_FORMATS},
                    site_url=site_url,
                ),
                category.id,
            )
        )
    return out


def documents_channel(site: Site, site_url: str) -> Channel:
    return Channel(
        title=f"Kế hoạch và sự kiện — {site.info.name}",
        description="Các kế hoạch được đăng nguyên văn và các mốc thời gian, sự kiện mà mỗi kế hoạch đặt ra.",
        home=site_url + urls.DOCUMENTS,
        guid=tag_uri(site_url, urls.DOCUMENTS),
        paths={k: urls.documents_feed(k) for k in FEED_FORMATS},
        site_url=site_url,
    )


def feed_paths(site: Site) -> list[str]:
    """Every feed file the site has (site-relative), whatever the articles: known before pages render."""
    paths = [urls.column_feed(k) for k in COLUMN_KINDS]
    paths += [urls.column_feed(k, c.id) for c in site.info.column.categories for k in FEED_FORMATS]
    return paths + [urls.documents_feed(k) for k in FEED_FORMATS]


def discovery_links(site: Site) -> dict[str, list[dict]]:
    """`<link rel="alternate">` targets for page heads: '' → the column's RSS, a category id → its own RSS.

    One link per page: Material's script fetches sitemap.xml once for every `<link rel="alternate">`
    it finds, taking each for a language version (mkdocs-material#8576); every feed, in each format,
    is listed on the press page."""
    column = site.info.column
    out = {"": [{"type": MIME["rss"], "title": f"{column.name} (RSS)", "href": urls.column_feed("rss")}]}
    for category in column.categories:
        out[category.id] = [
            {"type": MIME["rss"], "title": f"{category.name} — {column.name} (RSS)", "href": urls.column_feed("rss", category.id)},
        ]
    return out
