"""HTML blocks for hand-written pages (through macros): the home page and the press page."""

from __future__ import annotations

from . import agenda, channels, urls
from .render import render
from .site import Site
from .texts import Links, article_url, document_reference, document_title, source_entries


def next_observances(site: Site, here: str, count: int = 3) -> str:
    """The home page's "Sắp tới": the next observances, then the programmes upcoming or under way."""
    links = Links(site, here)
    items = site.agenda.next_observances(site.today, count)
    rows = [
        {
            "item": o,
            "days": (o.start - site.today).days,
            "href": links.to(urls.observance(o.observance.id)),
            "anniversary": agenda.anniversary(o.observance, o.start.year),
        }
        for o in items
    ]
    running = [
        {"programme": p, "href": links.to(p.url), "current": p.is_current(site.today), "start": p.dates[0], "end": p.dates[1]}
        for p in agenda.open_programmes(site.programmes, site.today)
    ]
    return render(
        "blocks/next_observances.html.j2",
        rows=rows,
        programmes=running,
        today=site.today,
        calendar_href=links.to(urls.CALENDAR),
        subscribe_href=links.to(urls.CALENDAR + "#dua-vao-dien-thoai"),
    )


def current_documents(site: Site, here: str) -> str:
    """The documents the data shows apply on the build day (`Document.current_on`), newest first; when none
    does, the latest few, said to be only the latest."""
    links = Links(site, here)
    current = [p for p in site.documents if is_current(site, p)]
    shown = current or list(site.documents[:3])
    rows = [{"document": p, "href": links.document(p), "title": document_title(p), "reference": document_reference(site, p)} for p in shown]
    return render("blocks/documents.html.j2", rows=rows, current=bool(current), today=site.today, index_href=links.to(urls.DOCUMENTS))


def is_current(site: Site, document) -> bool:
    """Only from evidence entered in the data: its validity, the years it covers or its activities'
    dates include the build day. A document without such a period is never called current."""
    return document.current_on(site.today)


def latest_articles(site: Site, here: str, count: int = 5) -> str:
    links = Links(site, here)
    rows = [{"article": a, "href": links.to(article_url(a))} for a in site.published_articles[:count]]
    return render("blocks/articles.html.j2", rows=rows, column=site.info.column, column_href=links.to(urls.COLUMN))


def press_contact(site: Site, here: str) -> str:
    """The press contact, and the owner's public contact (the same block as on its own page)."""
    owner = site.organisation[site.info.owner]
    links = Links(site, here)
    return render(
        "blocks/contact.html.j2",
        contact=site.info.contact,
        owner=owner.name,
        owner_contact=owner.contact,
        owner_href=links.to(urls.organisation(owner.id)),
        sources=source_entries(site, owner.contact.sources, links) if owner.contact else [],
    )


def press_feeds(site: Site, here: str, site_url: str) -> str:
    """The feeds a newsroom can subscribe to: what each carries and its addresses (absolute, to copy)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    labels = {"rss": "RSS 2.0", "atom": "Atom", "json": "JSON Feed 1.1"}
    column = site.info.column
    counts = {c.id: 0 for c in column.categories}
    for a in site.published_articles:
        counts[a.meta.category] = counts.get(a.meta.category, 0) + 1
    rows = []
    for channel, category in channels.column_channels(site, base):
        name = next((c.name for c in column.categories if c.id == category), None)
        rows.append(
            {
                "title": f"Chuyên mục “{column.name}”" if category is None else f"Mục “{name}”",
                "page": Links(site, here).to(channel.home[len(base) :]),
                "carries": (
                    f"Mọi bài của chuyên mục, {channels.MAX_ITEMS} bài mới nhất, toàn văn kèm ảnh."
                    if category is None
                    else f"Chỉ các bài của mục này ({counts.get(category, 0)} bài hiện có), toàn văn kèm ảnh."
                ),
                "links": [(labels[k], channel.self_url(k)) for k in channel.paths],
            }
        )
    documents = channels.documents_channel(site, base)
    rows.append(
        {
            "title": "Kế hoạch và sự kiện",
            "page": Links(site, here).to(urls.DOCUMENTS),
            "carries": (
                "Mỗi văn bản được đăng (kế hoạch, công văn, quyết định…: trích yếu, số, cơ quan ban hành, các hoạt động) và các "
                "mốc, sự kiện văn bản đặt ra; ghi theo ngày ban hành văn bản."
            ),
            "links": [(labels[k], documents.self_url(k)) for k in documents.paths],
        }
    )
    return render("blocks/feeds.html.j2", rows=rows)


def press_feed_notes(site: Site, site_url: str, part: str) -> str:
    """How the feeds change ('updates') and what each item carries ('items')."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return render(
        "blocks/feed_notes.html.j2",
        part=part,
        ttl=channels.TTL_MINUTES,
        max_items=channels.MAX_ITEMS,
        example_guid=channels.article_guid(base, "ma-bai"),
    )


def reuse_terms(site: Site) -> str:
    return render("blocks/reuse.html.j2", column=site.info.column)


def built_on(site: Site) -> str:
    """The home page says on which day it was built: what it calls upcoming or past is as of that day."""
    return render("blocks/built_on.html.j2", today=site.today)
