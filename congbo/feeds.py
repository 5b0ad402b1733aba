"""The press feeds: RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1, as bytes.

What a partner's aggregator needs, point by point (shared/REFERENCES.md §4):

- one guid per item, a tag URI (RFC 4151) built from the record's fixed id, never from its title
  or file name, the same in every feed that carries the item (RSS ``isPermaLink="false"``);
- absolute URLs everywhere, including every ``href``/``src`` inside the content;
- ``pubDate`` from the data, +0700, RFC 822 with English names; nothing dated after the build;
- a short description, then the full HTML (``content:encoded``; Atom ``content type="html"``);
- one ``<enclosure>`` with the file's real byte length; ``media:content`` (medium, width, height)
  with ``media:description`` and ``media:credit``, not wrapped in ``media:group``;
- categories with a domain; ``language`` vi; ``ttl``; channel link to the HTML page; self link;
- ``lastBuildDate``/``updated`` from the newest item, so an unchanged site gives the same bytes;
- the 50 newest items, newest first, under 2 MB; text in NFC without control characters.

feedgen 1.0 is used with its pitfalls worked around: entries appended in order (it prepends by
default), the self link set before the HTML link (RSS keeps the last one), dates always given
(it defaults to now), and the item links, enclosure and Media RSS written by our own extension
(its Atom entry drops link attributes, and its media extension has no description or credit).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence
from urllib.parse import urljoin

import lxml.html
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import Markup, escape

from . import urls
from .channels import (
    MAX_BYTES,
    MAX_ITEMS,
    MIME,
    TTL_MINUTES,
    Channel,
    article_guid,
    column_channels,
    documents_channel,
    tag_uri,
)
from .images import IMAGE_TYPES
from .models import Category
from .sanitize import clean_body
from .site import ArticleRecord, Site
from .texts import activity_time, event_when, known_from, document_reference, document_title, source_entry
from .scalars import FORBIDDEN, VN_TZ

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
ATOM_NS = "http://www.w3.org/2005/Atom"


def clean(text: str) -> str:
    """NFC, without control characters."""
    return FORBIDDEN.sub("", unicodedata.normalize("NFC", text))


# --- items ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedImage:
    url: str
    mime: str
    length: int
    width: int
    height: int
    caption: str
    credit: str


@dataclass(frozen=True)
class FeedItem:
    guid: str
    title: str
    link: str
    summary: str
    content: str
    """Full HTML, every URL absolute."""
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]
    """(label, domain): the domain names the page listing what the label comes from (an observance's: the
    calendar), a page the site has; each label once (`labelled`)."""
    image: FeedImage | None = None


def image_mime(path: str) -> str:
    """The media type of an image file by its extension (the loader checks it matches the content)."""
    return IMAGE_TYPES[path.rsplit(".", 1)[-1].lower()]


def feed_content(html: str, base_url: str) -> str:
    """An article page's content as a feed carries it: without the title and the date line
    (the feed has its own), without heading permalinks, every URL absolute."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath(
        "./h1 | .//*[contains(concat(' ', @class, ' '), ' cb-article__meta ')] | .//a[contains(concat(' ', @class, ' '), ' headerlink ')]"
    ):
        element.drop_tree()
    for element in root.xpath(".//*[@*[starts-with(name(), 'data-search-') or name() = 'markdown']]"):
        for name in [n for n in element.attrib if n.startswith("data-search-") or n == "markdown"]:
            del element.attrib[name]  # markers for the site's search and for Markdown, meaningless to a reader
    _make_absolute(root, base_url)
    return clean_body(_inner(root))  # the page's body is clean already; the feed does not count on it


def _make_absolute(root, base_url: str) -> None:
    root.make_links_absolute(base_url, resolve_base_href=False)
    for element in root.xpath(".//*[@srcset]"):  # lxml leaves srcset alone: 'url 1x, url 2x'
        candidates = [c.strip().split(None, 1) for c in element.get("srcset").split(",") if c.strip()]
        element.set("srcset", ", ".join(" ".join([urljoin(base_url, c[0])] + c[1:]) for c in candidates))


def _inner(root) -> str:
    parts = [escape(root.text or "")] + [lxml.html.tostring(child, encoding="unicode") for child in root]
    return "".join(str(p) for p in parts).strip()


def observance_labels(site: Site, site_url: str, observance_ids: Sequence[str]) -> list[tuple[str, str]]:
    """Observances as feed categories: there is no index of observances, the calendar lists them all."""
    return [(site.observance[o].name, site_url + urls.CALENDAR) for o in observance_ids]


def labelled(labels: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Each category once, in the order first given (a record may list an observance twice)."""
    return tuple(dict.fromkeys(labels))


def article_items(
    site: Site, site_url: str, records: Sequence[ArticleRecord], content_of: Callable[[ArticleRecord], str]
) -> list[FeedItem]:
    categories = {c.id: c for c in site.info.column.categories}
    items = []
    for record in records:
        meta = record.meta
        link = site_url + urls.article(meta.id)
        category: Category = categories[meta.category]
        labels = [(category.name, site_url + urls.COLUMN)] + observance_labels(site, site_url, meta.observances)
        image = None
        if meta.image:
            image = FeedImage(
                url=site_url + meta.image.file,
                mime=image_mime(meta.image.file),
                length=record.image_bytes or 0,
                width=meta.image.width,
                height=meta.image.height,
                caption=meta.image.caption,
                credit=meta.image.credit,
            )
        items.append(
            FeedItem(
                guid=article_guid(site_url, meta.id),
                title=meta.title,
                link=link,
                summary=meta.summary,
                content=content_of(record),
                published=meta.date,
                updated=meta.updated or meta.date,
                authors=(meta.author,),
                categories=labelled(labels),
                image=image,
            )
        )
    return items


def full_text_link(document) -> str:
    """What the link to a document's page offers: its full text only when the site holds it."""
    if not document.full_text:
        return "Những gì đã biết về văn bản (chưa có toàn văn)"
    return f"Toàn văn {document.kind_name.lower()}" + (" và bảng phân công" if document.activities else "")


def sources_paragraph(site: Site, sources, site_url: str) -> Markup:
    """'Nguồn: <a>Báo Quảng Nam</a> (bản tin, ngày 04/07/2024); …', every link absolute; 'chưa rõ nguồn'
    when none is written. A record known only from reports says so first, as its page does."""
    entries = [source_entry(site, s, lambda document_id: site_url + urls.document(document_id)) for s in sources]
    shown = []
    for e in entries:
        name = Markup('<a href="{}">{}</a>').format(e["href"], e["name"]) if e["href"] else escape(e["name"])
        details = ", ".join(x for x in (e["label"].lower(), e["date"]) if x)
        shown.append(Markup("{} ({})").format(name, details))
    said = known_from(site, sources)
    lead = Markup("<p>{}.</p>").format(said) if said else Markup("")
    return lead + Markup("<p><strong>Nguồn:</strong> {}.</p>").format(Markup("; ").join(shown) if shown else "chưa rõ nguồn")


def document_items(site: Site, site_url: str) -> list[FeedItem]:
    """Documents, and the events each document sets, dated by the document's issue date (an event's own date
    is when it happens, not when it was announced). A document known only to its month or year is dated the
    first day it can have been issued (a feed item needs a full date): the first of that month or year, or
    the date of the latest document it cites if later. A document known only to have been issued on or before a day
    (``..2025-01-04``) has no known first day: it is dated that day, the one day its data names, which is never
    later than it can have been issued (`PartialDate.first_day`). Its text says what is blank or not known."""
    items = []
    for document in site.documents:
        issued = dt.datetime.combine(document.earliest_issue_day, dt.time(0, 0), VN_TZ)
        link = site_url + urls.document(document.id)
        reference = document_reference(site, document)
        observances = [(site.observance[o].name, site_url + urls.observance(o)) for o in document.observances]
        activities = [(a.name, activity_time(site, document, a.time)) for a in document.activities]
        content = Markup("").join(
            [
                Markup("<p>{}</p>").format(reference),
                Markup("<p><strong>Trích yếu:</strong> {}</p>").format(document.summary),
                Markup("<p><strong>Hướng tới:</strong> {}</p>").format(
                    Markup(", ").join(Markup('<a href="{}">{}</a>').format(h, n) for n, h in observances)
                )
                if observances
                else Markup(""),
                Markup("<p><strong>Các hoạt động:</strong></p><ul>{}</ul>").format(
                    Markup("").join(Markup("<li>{} — {}</li>").format(n, t) for n, t in activities)
                )
                if activities
                else Markup(""),
                sources_paragraph(site, document.sources, site_url),
                Markup('<p><a href="{}">{}</a></p>').format(link, full_text_link(document)),
            ]
        )
        labels = labelled([("Kế hoạch", site_url + urls.DOCUMENTS)] + observance_labels(site, site_url, document.observances))
        items.append(
            FeedItem(
                guid=tag_uri(site_url, urls.document(document.id)),
                title=document_title(document),
                link=link,
                summary=reference,
                content=str(content),
                published=issued,
                updated=issued,
                authors=(site.name_of(document.issuer),),
                categories=labels,
            )
        )
        for event in (item.event for item in site.agenda.events_of(document.id)):
            event_link = site_url + urls.event(event.id)
            when = event_when(event)
            summary = when + (f" — {event.place}" if event.place else "")
            content = Markup("").join(
                [
                    Markup("<p><strong>{}</strong>{}</p>").format(when, Markup(" — {}").format(event.place) if event.place else ""),
                    Markup("<p>{}</p>").format(event.description) if event.description else Markup(""),
                    Markup('<p>Thuộc <a href="{}">{}</a>.</p>').format(link, document_title(document)),
                    sources_paragraph(site, event.sources, site_url),
                ]
            )
            kind = "Hạn hoàn thành" if event.kind == "han" else "Sự kiện"
            organisers = tuple(site.name_of(o) for o in event.organisers) or (site.name_of(document.issuer),)
            items.append(
                FeedItem(
                    guid=tag_uri(site_url, urls.event(event.id)),
                    title=event.name,
                    link=event_link,
                    summary=summary,
                    content=str(content),
                    published=issued,
                    updated=issued,
                    authors=organisers,
                    categories=labelled([(kind, site_url + urls.CALENDAR)] + observance_labels(site, site_url, event.observances)),
                )
            )
    return items


def newest(items: Sequence[FeedItem], now: dt.datetime) -> list[FeedItem]:
    """Items already published at ``now``, newest first (ties by guid, so the order never wavers)."""
    ready = [i for i in items if i.published <= now]
    return sorted(ready, key=lambda i: (i.published, i.guid), reverse=True)


# --- the whole set --------------------------------------------------------------------


def render_feeds(site: Site, site_url: str, now: dt.datetime, page_html: Mapping[str, str]) -> dict[str, bytes]:
    """Every feed: site-relative path → bytes. ``page_html`` maps an article id to its rendered page
    content (links relative to the page); only the articles a feed carries are converted."""
    if not site_url or not site_url.startswith(("http://", "https://")):
        raise ValueError("site_url")
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    cache: dict[str, str] = {}

    def content_of(record: ArticleRecord) -> str:
        if record.meta.id not in cache:
            cache[record.meta.id] = clean(feed_content(page_html.get(record.meta.id, ""), site_url + urls.article(record.meta.id)))
        return cache[record.meta.id]

    owner = site.organisation[site.info.owner].name
    published = [a for a in site.published_articles if a.meta.date <= now]
    by_category: dict[str, list[ArticleRecord]] = {c.id: [] for c in site.info.column.categories}
    for record in published:
        by_category.setdefault(record.meta.category, []).append(record)

    fallback = dt.datetime.combine(site.today, dt.time(0, 0), VN_TZ)
    column_newest = published[0].meta.date if published else fallback
    out: dict[str, bytes] = {}
    for channel, category in column_channels(site, site_url):
        records = published if category is None else by_category[category]
        # Items are made for the newest few only: the cost does not grow with the archive.
        items = newest(article_items(site, site_url, records[:MAX_ITEMS], content_of), now)
        out.update(render_channel(site, channel, items, owner, column_newest))
    items = newest(document_items(site, site_url), now)
    out.update(render_channel(site, documents_channel(site, site_url), items, owner, items[0].published if items else fallback))
    return out


def render_channel(site: Site, channel: Channel, items: Sequence[FeedItem], owner: str, empty_date: dt.datetime) -> dict[str, bytes]:
    """Each format of one channel, with as many of the newest items as fit under the size limit."""
    renderers = {"rss": render_rss, "atom": render_atom, "json": render_json}
    out = {}
    for kind, path in channel.paths.items():
        count = min(len(items), MAX_ITEMS)
        while True:
            data = renderers[kind](site, channel, items[:count], owner, empty_date)
            if len(data) < MAX_BYTES or count <= 1:
                break
            count = max(1, count * 9 // 10)
        out[path] = data
    return out


# --- formats --------------------------------------------------------------------------


class _FeedExtension(BaseExtension):
    def extend_ns(self):
        return {"media": MEDIA_NS, "dc": DC_NS}


class _ItemExtension(BaseEntryExtension):
    """dc:creator, the one enclosure, Media RSS, and Atom links with their attributes."""

    def __init__(self):
        self.item: FeedItem | None = None

    def extend_ns(self):
        return {"media": MEDIA_NS, "dc": DC_NS}

    def extend_rss(self, entry):
        for name in self.item.authors:
            etree.SubElement(entry, f"{{{DC_NS}}}creator").text = clean(name)
        image = self.item.image
        if image:
            etree.SubElement(entry, "enclosure", url=image.url, length=str(image.length), type=image.mime)
            self._media(entry, image)
        return entry

    def extend_atom(self, entry):
        for link in entry.findall("link"):  # feedgen writes the alternate link without its attributes
            link.attrib["rel"] = "alternate"
            link.attrib["type"] = "text/html"
        image = self.item.image
        if image:
            etree.SubElement(entry, "link", rel="enclosure", type=image.mime, length=str(image.length), href=image.url)
            self._media(entry, image)
        return entry

    @staticmethod
    def _media(entry, image: FeedImage) -> None:
        media = etree.SubElement(
            entry,
            f"{{{MEDIA_NS}}}content",
            url=image.url,
            type=image.mime,
            medium="image",
            width=str(image.width),
            height=str(image.height),
            fileSize=str(image.length),
        )
        etree.SubElement(media, f"{{{MEDIA_NS}}}description", type="plain").text = clean(image.caption)
        etree.SubElement(media, f"{{{MEDIA_NS}}}credit").text = clean(image.credit)


def _generator(site: Site, channel: Channel, items: Sequence[FeedItem], owner: str, empty_date: dt.datetime, kind: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.register_extension("congbo", _FeedExtension, _ItemExtension)
    fg.id(channel.guid)
    fg.title(clean(channel.title))
    fg.description(str(escape(clean(channel.description))) if kind == "rss" else clean(channel.description))
    # RSS takes the channel link from the last link set: the self link goes first.
    fg.link(href=channel.self_url(kind), rel="self", type=MIME[kind])
    fg.link(href=channel.home, rel="alternate", type="text/html")
    fg.language("vi")
    fg.ttl(TTL_MINUTES)
    fg.author({"name": clean(owner)})
    contact = site.info.contact
    if contact is not None:
        fg.managingEditor(f"{contact.email} ({clean(contact.name)})")
    fg.rights(clean(site.info.column.reuse))
    fg.generator("congbo")
    last = max((i.updated for i in items), default=empty_date)
    fg.lastBuildDate(last)
    fg.pubDate(max((i.published for i in items), default=empty_date))
    for item in items:
        entry = fg.add_entry(order="append")
        entry.guid(item.guid, permalink=False)
        entry.title(clean(item.title))
        entry.link(href=item.link)
        # RSS readers show <description> as HTML: the text is escaped as HTML (and then as XML by lxml).
        entry.summary(str(escape(clean(item.summary))) if kind == "rss" else clean(item.summary))
        entry.content(item.content, type="html")
        entry.published(item.published)
        entry.updated(item.updated)
        for name in item.authors:
            entry.author({"name": clean(name)})
        if item.categories:  # at once: feedgen rebuilds the entry's whole list on each call (quadratic)
            entry.category([{"term": clean(label), "scheme": domain, "label": clean(label)} for label, domain in item.categories])
        entry.congbo.item = item
    return fg


def render_rss(site: Site, channel: Channel, items: Sequence[FeedItem], owner: str, empty_date: dt.datetime) -> bytes:
    fg = _generator(site, channel, items, owner, empty_date, "rss")
    return fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def render_atom(site: Site, channel: Channel, items: Sequence[FeedItem], owner: str, empty_date: dt.datetime) -> bytes:
    fg = _generator(site, channel, items, owner, empty_date, "atom")  # language() also sets xml:lang
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def render_json(site: Site, channel: Channel, items: Sequence[FeedItem], owner: str, empty_date: dt.datetime) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    def item_json(item: FeedItem) -> dict:
        out = {
            "id": item.guid,
            "url": item.link,
            "title": clean(item.title),
            "summary": clean(item.summary),
            "content_html": item.content,
            "date_published": item.published.isoformat(),
            "date_modified": item.updated.isoformat(),
            "authors": [{"name": clean(a)} for a in item.authors],
            "tags": [clean(label) for label, _ in item.categories],
            "language": "vi",
        }
        if item.image:
            out["image"] = item.image.url
            out["attachments"] = [
                {
                    "url": item.image.url,
                    "mime_type": item.image.mime,
                    "size_in_bytes": item.image.length,
                    "title": clean(item.image.caption),
                }
            ]
        return out

    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": clean(channel.title),
        "home_page_url": channel.home,
        "feed_url": channel.self_url("json"),
        "description": clean(channel.description),
        "language": "vi",
        "authors": [{"name": clean(owner)}],
        "items": [item_json(i) for i in items],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
