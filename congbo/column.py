"""The column "Dân số và phát triển": listing pages, archive, category pages, and each article's page.

Every listing is built from indexes made once per build (by category, by year and month),
so the cost grows with the number of articles, not with its square. Articles themselves are
Markdown pages of MkDocs served at ``bai-viet/<id>/``; `article_parts` makes what wraps an
article's rendered body with its header (date, author, category, image) and related records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from markupsafe import Markup, escape

from . import urls, vi
from .models import Category
from .render import GeneratedPage, environment, render_page
from .site import ArticleRecord, Site
from .texts import document_reference, document_title, script_json

PAGE_SIZE = 20
"""Articles per listing page."""
PAGER_WINDOW = 2
"""Page numbers shown on each side of the current one (first and last are always shown)."""
"""The picture link previews show for pages without their own image (under docs/)."""


@dataclass(frozen=True)
class Listing:
    """One page of a listing: its URL, the articles on it, and where the other pages are."""

    url: str
    number: int
    count: int
    articles: Sequence[ArticleRecord]
    page_urls: Sequence[str]


def _groups(site: Site):
    """The column's indexes, made in one pass: published articles newest first, by category, by month."""
    published = site.published_articles
    by_category: dict[str, list[ArticleRecord]] = defaultdict(list)
    by_month: dict[tuple[int, int], list[ArticleRecord]] = defaultdict(list)
    for record in published:  # newest first, so every group is too
        by_category[record.meta.category].append(record)
        by_month[(record.meta.date.year, record.meta.date.month)].append(record)
    return published, by_category, by_month


def _listings(site: Site, published, by_category) -> list[tuple[Listing, Category | None]]:
    out = [(listing, None) for listing in paginate(published, urls.column_page)]
    for category in site.info.column.categories:
        out += [(listing, category) for listing in paginate(by_category[category.id], lambda n, c=category.id: urls.column_page(n, c))]
    return out


def render_column_pages(site: Site) -> dict[str, GeneratedPage]:
    """The column's generated pages by source path: the listings, all then by category, and the archive."""
    published, by_category, by_month = _groups(site)
    counts = {c.id: len(by_category[c.id]) for c in site.info.column.categories}
    pages = {
        urls.src_of(listing.url): render_listing(site, listing, category, None if category else counts)
        for listing, category in _listings(site, published, by_category)
    }
    pages.update(render_archive(site, by_month))
    return pages


def paginate(articles: Sequence[ArticleRecord], url_of) -> list[Listing]:
    count = max(1, -(-len(articles) // PAGE_SIZE))
    page_urls = [url_of(n) for n in range(1, count + 1)]
    return [Listing(page_urls[n - 1], n, count, articles[(n - 1) * PAGE_SIZE : n * PAGE_SIZE], page_urls) for n in range(1, count + 1)]


def pager(listing: Listing) -> list[tuple[int | None, str | None]]:
    """The page links to show: (number, href) with (None, None) for a gap; href None for the current page."""
    shown = {1, listing.count} | set(range(listing.number - PAGER_WINDOW, listing.number + PAGER_WINDOW + 1))
    out: list[tuple[int | None, str | None]] = []
    previous = 0
    for n in sorted(k for k in shown if 1 <= k <= listing.count):
        if n > previous + 1:
            out.append((None, None))
        out.append((n, None if n == listing.number else urls.relative(listing.page_urls[n - 1], listing.url)))
        previous = n
    return out


def _rows(site: Site, articles: Iterable[ArticleRecord], here: str) -> list[dict]:
    categories = category_index(site)
    return [
        {
            "article": a.meta,
            "href": urls.relative(urls.article(a.meta.id), here),
            "category": categories.get(a.meta.category),
            "category_href": urls.relative(urls.category_page(a.meta.category), here),
        }
        for a in articles
    ]


def category_index(site: Site) -> dict[str, Category]:
    return {c.id: c for c in site.info.column.categories}


def _feed_links(here: str, category: str | None, kinds: Sequence[str]) -> list[tuple[str, str]]:
    labels = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
    return [(labels[k], urls.relative(urls.column_feed(k, category), here)) for k in kinds]


def render_listing(site: Site, listing: Listing, category: Category | None, counts: dict[str, int] | None) -> GeneratedPage:
    column = site.info.column
    here = listing.url
    name = category.name if category else column.name
    title = name if listing.number == 1 else f"{name} — trang {listing.number}"
    return render_page(
        "column_index.html.j2",
        title=title,
        description=category.description if category else column.description,
        column=column,
        category=category,
        listing=listing,
        rows=_rows(site, listing.articles, here),
        pager=pager(listing),
        prev_href=urls.relative(listing.page_urls[listing.number - 2], here) if listing.number > 1 else None,
        next_href=urls.relative(listing.page_urls[listing.number], here) if listing.number < listing.count else None,
        feeds=_feed_links(here, category.id if category else None, ("rss", "atom") if category else ("rss", "atom", "json")),
        categories=[] if counts is None else [(c, urls.relative(urls.category_page(c.id), here), counts[c.id]) for c in column.categories],
        column_href=urls.relative(urls.COLUMN, here),
        archive_href=urls.relative(urls.COLUMN_ARCHIVE, here),
        press_href=urls.relative(urls.PRESS, here),
    )


# --- archive --------------------------------------------------------------------------


def render_archive(site: Site, by_month: dict[tuple[int, int], list[ArticleRecord]]) -> dict[str, GeneratedPage]:
    """The archive: an index of years and months, and a page per year with a section per month."""
    years = sorted({y for y, _ in by_month}, reverse=True)
    pages = {urls.src_of(urls.COLUMN_ARCHIVE): render_archive_index(site, by_month)}
    for year in years:
        pages[urls.src_of(urls.archive_year(year))] = render_archive_year(site, by_month, year)
    return pages


def render_archive_index(site: Site, by_month: dict[tuple[int, int], list[ArticleRecord]]) -> GeneratedPage:
    months = sorted(by_month, reverse=True)
    here = urls.COLUMN_ARCHIVE
    index = [
        (
            year,
            urls.relative(urls.archive_year(year), here),
            [(m, urls.relative(urls.archive_month(year, m), here), len(by_month[(year, m)])) for y, m in months if y == year],
        )
        for year in sorted({y for y, _ in months}, reverse=True)
    ]
    return render_page("column_archive.html.j2", column=site.info.column, years=index, column_href=urls.relative(urls.COLUMN, here))


def render_archive_year(site: Site, by_month: dict[tuple[int, int], list[ArticleRecord]], year: int) -> GeneratedPage:
    here = urls.archive_year(year)
    groups = [(m, f"thang-{m:02d}", _rows(site, by_month[(year, m)], here)) for y, m in sorted(by_month, reverse=True) if y == year]
    return render_page(
        "column_archive_year.html.j2",
        column=site.info.column,
        year=year,
        groups=groups,
        archive_href=urls.relative(urls.COLUMN_ARCHIVE, here),
    )


# --- article pages --------------------------------------------------------------------


def held_back(site: Site) -> list[ArticleRecord]:
    """Articles dated after the build date: their pages and images wait for their day."""
    published = {a.meta.id for a in site.published_articles}
    return [a for a in site.articles if a.meta.id not in published]


def held_back_images(site: Site) -> set[str]:
    """Image files (under docs/) used only by held-back articles, so a picture does not leak early."""
    shown = {a.meta.image.file for a in site.published_articles if a.meta.image}
    return {a.meta.image.file for a in held_back(site) if a.meta.image and a.meta.image.file not in shown}


def moment(value) -> str:
    """'08:00, Thứ Năm, 11/07/2024'."""
    return f"{value.strftime('%H:%M')}, {vi.weekday(value.date())}, {vi.short_date(value.date())}"


def related(site: Site, record: ArticleRecord, here: str) -> list[dict]:
    """The documents, observances and events an article is about, as links from ``here``."""
    meta = record.meta
    out = []
    for document_id in meta.plans:
        document = site.document[document_id]
        href = urls.relative(urls.document(document_id), here)
        out.append(
            {"kind": document.kind_name, "href": href, "label": document_title(document), "note": document_reference(site, document)}
        )
    for obs_id in meta.observances:
        obs = site.observance[obs_id]
        when = f"ngày {vi.day_month(obs.day, obs.month)} hằng năm" if obs.day else f"cả tháng {obs.month} hằng năm"
        out.append({"kind": "Ngày kỷ niệm", "href": urls.relative(urls.observance(obs_id), here), "label": obs.name, "note": when})
    for event_id in meta.events:
        event = site.event[event_id]
        date = vi.short_date(event.first_day) if event.exact else event.date.text_with_state()
        when = ("hạn hoàn thành " if event.kind == "han" else "") + date
        out.append({"kind": "Sự kiện", "href": urls.relative(urls.event(event_id), here), "label": event.name, "note": when})
    return out


_BODY = "\x00body\x00"
"""Where an article's body goes in its page, while header and footer are made without it."""


@dataclass(frozen=True)
class ArticleParts:
    """What an article's page adds around the body Markdown makes: the head's data, header and footer."""

    meta: dict
    header: str
    footer: str

    def page_html(self, content: str) -> str:
        return f"{self.header}{content.strip()}{self.footer}"


def article_parts(site: Site, record: ArticleRecord, site_url: str) -> ArticleParts:
    """An article page's header (title, date, author, category, image) and footer (related records),
    made apart from its body, so only the body goes through Markdown and the rest can be made early."""
    meta = record.meta
    here = urls.article(meta.id)
    category = category_index(site)[meta.category]
    html = (
        environment()
        .get_template("column_article.html.j2")
        .render(
            meta=meta,
            category=category,
            moment=moment,
            body=_BODY,
            category_href=urls.relative(urls.category_page(category.id), here),
            image_src=urls.relative(meta.image.file, here) if meta.image else None,
            column=site.info.column,
            related=related(site, record, here),
            column_href=urls.relative(urls.COLUMN, here),
            press_href=urls.relative(urls.PRESS, here),
        )
    )
    header, footer = html.split(_BODY)
    return ArticleParts(article_page_meta(site, record, site_url), header, footer)


def article_page_meta(site: Site, record: ArticleRecord, site_url: str) -> dict:
    """What the page head says about an article: description, author, Open Graph, and what its
    schema.org data adds (`article_linked_data` makes that when the page is built).

    Material prints ``title``, ``description`` and ``author`` as HTML, unescaped (<title>, meta tags,
    header, search index): they are given escaped.
    """
    meta = record.meta
    image = site_url + meta.image.file if meta.image else site_url + site.info.share_image
    return {
        "title": escape(meta.title),
        "description": escape(meta.summary),
        "author": escape(meta.author),
        "cb_og": {
            "type": "article",
            "image": image,
            "image_alt": meta.image.caption if meta.image else site.info.name,
            "image_width": meta.image.width if meta.image else None,
            "image_height": meta.image.height if meta.image else None,
            "published": meta.date.isoformat(),
            "modified": (meta.updated or meta.date).isoformat(),
        },
        "cb_article": {"url": site_url + urls.article(meta.id), "section": category_index(site)[meta.category].name},
    }


def article_linked_data(page_meta: dict, publisher: str) -> Markup:
    """An article page's schema.org NewsArticle, from its page meta (`article_page_meta`), made as the
    page is built: the text is not held for every article while MkDocs reads them all."""
    og, article = page_meta["cb_og"], page_meta["cb_article"]
    return script_json(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page_meta["title"].unescape(),
            "description": page_meta["description"].unescape(),
            "datePublished": og["published"],
            "dateModified": og["modified"],
            "author": {"@type": "Person", "name": page_meta["author"].unescape()},
            "publisher": {"@type": "GovernmentOrganization", "name": publisher},
            "image": [og["image"]],
            "mainEntityOfPage": article["url"],
            "inLanguage": "vi",
            "articleSection": article["section"],
        }
    )
