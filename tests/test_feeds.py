"""The press feeds, point by point (shared/REFERENCES.md §4), on the built sample site:
parsed by feedparser, read by newsboat from a local server, checked element by element with lxml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import functools
import http.server
import json
import os
import re
import sqlite3
import subprocess
import threading
import unicodedata
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree

from congbo import channels, feeds, urls
from congbo.models import Contact
from congbo.dates import PartialDate
from congbo.scalars import VN_TZ
from conftest import copy_project, mkdocs_build

TODAY = dt.date(2026, 11, 20)
BUILD_MOMENT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ)  # conftest.TEST_EPOCH
BASE = "https://danso.langson.gov.vn/"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "media": feeds.MEDIA_NS,
    "dc": feeds.DC_NS,
    "content": "http://purl.org/rss/1.0/modules/content/",
}
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$"
)
NEWSBOAT = "newsboat"


@pytest.fixture(scope="module")
def feed_paths(site):
    return channels.feed_paths(site)


def xml_feeds(paths):
    return [p for p in paths if p.endswith(".xml")]


def rss_paths(paths):
    return [p for p in paths if p.endswith("rss.xml")]


def atom_paths(paths):
    return [p for p in paths if p.endswith("atom.xml")]


def parse(built: Path, path: str):
    return etree.fromstring((built / path).read_bytes())


def expected_articles(site, category=None):
    return [a for a in site.published_articles if a.meta.date <= BUILD_MOMENT and (category is None or a.meta.category == category)]


# --- readers ----------------------------------------------------------------------------


def test_feedparser_reads_every_feed_without_complaint(built_site, feed_paths, site):
    assert len(feed_paths) == 3 + 2 * len(site.info.column.categories) + 2
    for path in xml_feeds(feed_paths):  # feedparser 6 reads RSS and Atom; the JSON Feed is checked below
        parsed = feedparser.parse((built_site / path).read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        assert parsed.feed.get("language", "vi").startswith("vi")
    column = feedparser.parse((built_site / "rss.xml").read_bytes())
    assert [e.id for e in column.entries] == [channels.article_guid(BASE, a.meta.id) for a in expected_articles(site)]
    first = column.entries[0]
    assert first.enclosures[0].length == str((built_site / expected_articles(site)[0].meta.image.file).stat().st_size)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """Serve a folder on loopback (the folder is read per request, so a rebuild in place is served)."""
    servers = []

    def start(folder: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def newsboat_reload(workdir: Path, url: str) -> list[tuple[str, str, str]]:
    """Fetch one feed with newsboat non-interactively; its cache's items as (guid, title, url).

    One cache per feed: newsboat keeps one row per guid across all feeds of a cache, and the same
    article rightly has the same guid in the RSS, Atom and category feeds.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "urls").write_text(url + "\n", encoding="utf-8")
    (workdir / "config").write_text("", encoding="utf-8")
    result = subprocess.run(
        [NEWSBOAT, "-u", "urls", "-c", "cache.db", "-C", "config", "-x", "reload"],
        cwd=workdir,
        env={**os.environ, "HOME": str(workdir)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(workdir / "cache.db") as db:
        return db.execute("SELECT guid, title, url FROM rss_item WHERE deleted = 0 ORDER BY guid").fetchall()


def test_newsboat_keeps_every_item_of_every_feed(site_url, built_site, feed_paths, tmp_path):
    for path in xml_feeds(feed_paths):
        root = parse(built_site, path)
        guids = sorted(root.xpath("//item/guid/text() | //atom:entry/atom:id/text()", namespaces=NS))
        items = newsboat_reload(tmp_path / path.replace("/", "_"), site_url + path)
        assert [guid for guid, _, _ in items] == guids, path
        assert all(link.startswith(BASE) for _, _, link in items)


# --- RSS 2.0, point by point -------------------------------------------------------------


def html_urls(fragment: str) -> list[str]:
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    return root.xpath(".//@href | .//@src | .//@srcset")


def test_rss_channel(built_site, feed_paths, site):
    for path in rss_paths(feed_paths):
        channel = parse(built_site, path).find("channel")
        home = channel.findtext("link")
        assert home.startswith(BASE) and home.endswith("/") and not home.endswith(".xml"), path
        assert (built_site / home[len(BASE) :] / "index.html").is_file(), "channel link is the HTML page"
        self_links = channel.findall("atom:link", NS)
        assert [(link.get("rel"), link.get("href"), link.get("type")) for link in self_links] == [
            ("self", BASE + path, "application/rss+xml")
        ]
        assert channel.findtext("language") == "vi"
        assert int(channel.findtext("ttl")) == channels.TTL_MINUTES
        assert RFC822.match(channel.findtext("lastBuildDate"))
        items = channel.findall("item")
        newest = max(email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items)
        assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")) >= newest
        assert channel.find("managingEditor") is None  # no press contact published: none is named


def test_rss_items_of_the_column(built_site, feed_paths, site):
    records = {channels.article_guid(BASE, a.meta.id): a for a in site.articles}
    for path in [p for p in rss_paths(feed_paths) if p.startswith(urls.COLUMN)]:
        category = path.split("/")[1] if path.count("/") == 2 else None
        items = parse(built_site, path).findall("channel/item")
        assert [i.findtext("guid") for i in items] == [channels.article_guid(BASE, a.meta.id) for a in expected_articles(site, category)][
            : channels.MAX_ITEMS
        ]
        dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items]
        assert dates == sorted(dates, reverse=True), "newest first"
        for item in items:
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "false"
            record = records[guid.text]
            meta = record.meta
            assert item.findtext("title") == meta.title
            assert item.findtext("link") == BASE + urls.article(meta.id)
            assert item.findtext("description") == meta.summary, "a short description first"
            pub = item.findtext("pubDate")
            assert RFC822.match(pub), pub
            assert email.utils.parsedate_to_datetime(pub) == meta.date <= BUILD_MOMENT
            assert item.find("author") is None, "RSS <author> must be an e-mail address: names go in dc:creator"
            assert item.findtext("dc:creator", namespaces=NS) == meta.author
            categories = item.findall("category")
            assert categories and all(c.get("domain", "").startswith(BASE) for c in categories)
            assert categories[0].text == next(c.name for c in site.info.column.categories if c.id == meta.category)

            content = item.findtext("content:encoded", namespaces=NS)
            assert meta.summary in content and len(content) > len(meta.summary) * 2, "full text after the description"
            links = html_urls(content)
            assert links and all(u.startswith(BASE) for u in links), [u for u in links if not u.startswith(BASE)]
            assert "<h1" not in content and "headerlink" not in content and 'markdown="' not in content

            enclosures = item.findall("enclosure")
            media = item.findall("media:content", NS)
            assert item.find("media:group", NS) is None
            if meta.image is None:
                assert enclosures == [] and media == []
                continue
            assert len(enclosures) == 1 and len(media) == 1
            image = built_site / meta.image.file
            assert enclosures[0].attrib == {"url": BASE + meta.image.file, "length": str(image.stat().st_size), "type": "image/png"}
            m = media[0]
            assert (m.get("url"), m.get("medium"), m.get("width"), m.get("height")) == (
                BASE + meta.image.file,
                "image",
                str(meta.image.width),
                str(meta.image.height),
            )
            assert m.findtext("media:description", namespaces=NS) == meta.image.caption
            assert m.findtext("media:credit", namespaces=NS) == meta.image.credit


def test_same_guid_in_every_feed_that_carries_the_item(built_site, feed_paths):
    links_by_guid: dict[str, set[str]] = {}
    carriers: dict[str, int] = {}
    for path in feed_paths:
        data = (built_site / path).read_bytes()
        if path.endswith(".json"):
            pairs = [(i["id"], i["url"]) for i in json.loads(data)["items"]]
        else:
            root = etree.fromstring(data)
            pairs = [(i.findtext("guid"), i.findtext("link")) for i in root.iter("item")]
            pairs += [
                (e.findtext("atom:id", namespaces=NS), e.find("atom:link[@rel='alternate']", NS).get("href"))
                for e in root.iter(f"{{{NS['atom']}}}entry")
            ]
        for guid, link in pairs:
            links_by_guid.setdefault(guid, set()).add(link)
            carriers[guid] = carriers.get(guid, 0) + 1
    assert all(len(links) == 1 for links in links_by_guid.values())
    article = channels.article_guid(BASE, "ngay-dan-so-the-gioi-11-7")
    assert article == "tag:danso.langson.gov.vn,2021:bai-viet/ngay-dan-so-the-gioi-11-7"
    assert carriers[article] == 5, "column RSS, Atom, JSON and the category's RSS and Atom"


def test_plans_and_events_feed(built_site, site):
    items = parse(built_site, urls.documents_feed("rss")).findall("channel/item")
    guids = [i.findtext("guid") for i in items]
    expected = {channels.tag_uri(BASE, urls.document(p.id)) for p in site.documents} | {
        channels.tag_uri(BASE, urls.event(e.id)) for e in site.events if e.plan
    }
    assert set(guids) == expected
    external = {s.url for r in (*site.documents, *site.events) for s in r.sources if s.url}
    assert external and all(u.startswith(("https://", "http://")) for u in external)
    for item in items:
        pub = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert pub <= BUILD_MOMENT
        # every link is absolute: to the site, or to a record's source elsewhere (a report, a full text)
        assert all(u.startswith(BASE) or u in external for u in html_urls(item.findtext("content:encoded", namespaces=NS)))
    # A document known only to its month or year is dated within it, and never before a document it cites.
    later = []
    for document in site.documents:
        item = next(i for i in items if i.findtext("guid") == channels.tag_uri(BASE, urls.document(document.id)))
        day = email.utils.parsedate_to_datetime(item.findtext("pubDate")).date()
        cited = [b.date.first_day for b in document.bases if isinstance(b.date, PartialDate)]
        assert document.date.first_day <= day <= document.date.last_day, document.id
        assert day == max([document.date.first_day, *cited]), document.id
        later += [document.id] if day > document.date.first_day else []
    # 2024-03-.. citing 13/3/2024, and 2024-??-?? citing 28/06/2024
    assert sorted(later) == ["cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024", "ke-hoach-nghi-quyet-21-khcn-bac-giang"]
    event = next(i for i in items if i.findtext("guid").endswith(":su-kien/han-lien-hoan-cap-huyen-lang-son-2021"))
    # An event is announced by its plan: dated by the plan (January 2021), not by the day it happens.
    assert event.findtext("pubDate") == "Fri, 01 Jan 2021 00:00:00 +0700"


# --- Atom --------------------------------------------------------------------------------


def test_atom_feeds(built_site, feed_paths, site):
    for path in atom_paths(feed_paths):
        root = parse(built_site, path)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
        links = {(link.get("rel"), link.get("type")): link.get("href") for link in root.findall("atom:link", NS)}
        assert links[("self", "application/atom+xml")] == BASE + path
        assert links[("alternate", "text/html")].startswith(BASE)
        entries = root.findall("atom:entry", NS)
        updated = [dt.datetime.fromisoformat(e.findtext("atom:updated", namespaces=NS)) for e in entries]
        assert dt.datetime.fromisoformat(root.findtext("atom:updated", namespaces=NS)) == max(updated), "updated from the newest item"
        published = [dt.datetime.fromisoformat(e.findtext("atom:published", namespaces=NS)) for e in entries]
        assert published == sorted(published, reverse=True) and max(published) <= BUILD_MOMENT
        for entry in entries:
            alternates = entry.findall("atom:link[@rel='alternate']", NS)
            assert len(alternates) == 1 and alternates[0].get("type") == "text/html"
            assert len(entry.findall("atom:link", NS)) == len(alternates) + len(entry.findall("atom:link[@rel='enclosure']", NS))
            for enclosure in entry.findall("atom:link[@rel='enclosure']", NS):
                assert enclosure.get("type") == "image/png"
                assert int(enclosure.get("length")) == (built_site / enclosure.get("href")[len(BASE) :]).stat().st_size
            content = entry.find("atom:content", NS)
            assert content.get("type") == "html"
            assert all(u.startswith(BASE) for u in html_urls(content.text))
            assert entry.findtext("atom:summary", namespaces=NS)
            assert entry.findtext("atom:published", namespaces=NS).endswith("+07:00")
    updated_article = parse(built_site, "atom.xml").xpath(
        "//atom:entry[atom:id='tag:danso.langson.gov.vn,2021:bai-viet/vi-sao-26-12-la-ngay-dan-so-viet-nam']", namespaces=NS
    )[0]
    assert updated_article.findtext("atom:published", namespaces=NS) == "2021-12-24T08:00:00+07:00"
    assert updated_article.findtext("atom:updated", namespaces=NS) == "2021-12-27T09:00:00+07:00"


def test_json_feed(built_site, site):
    feed = json.loads((built_site / urls.column_feed("json")).read_bytes())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE + urls.column_feed("json") and feed["home_page_url"] == BASE + urls.COLUMN
    assert feed["language"] == "vi"
    expected = expected_articles(site)
    assert [i["id"] for i in feed["items"]] == [channels.article_guid(BASE, a.meta.id) for a in expected]
    first, record = feed["items"][0], expected[0]
    assert first["date_published"] == record.meta.date.isoformat() and first["summary"] == record.meta.summary
    assert first["attachments"][0]["size_in_bytes"] == (built_site / record.meta.image.file).stat().st_size


# --- text, size, stability ---------------------------------------------------------------


def test_text_is_nfc_without_control_characters_and_under_the_size_limit(built_site, feed_paths):
    for path in feed_paths:
        data = (built_site / path).read_bytes()
        assert len(data) < channels.MAX_BYTES
        text = data.decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text), path


def test_nothing_is_dated_after_the_build_moment(site):
    """An article dated later on the build day is on its page (the day has come) but not yet in the feeds."""
    day = dataclasses.replace(site, today=dt.date(2026, 12, 1))
    before = feeds.render_feeds(day, BASE, dt.datetime(2026, 12, 1, 7, 0, tzinfo=VN_TZ), {})
    after = feeds.render_feeds(day, BASE, dt.datetime(2026, 12, 1, 7, 30, tzinfo=VN_TZ), {})
    assert b"thang-hanh-dong-dan-so-2026" not in before["rss.xml"]
    assert b"thang-hanh-dong-dan-so-2026" in after["rss.xml"]
    assert b"<lastBuildDate>Tue, 01 Dec 2026 07:30:00 +0700</lastBuildDate>" in after["rss.xml"]


def many(site, count: int, body: str = ""):
    base = site.published_articles[0]
    records = []
    for i in range(count):
        meta = base.meta.model_copy(update={"id": f"bai-{i:04d}", "date": base.meta.date - dt.timedelta(hours=i)})
        records.append(dataclasses.replace(base, meta=meta))
    return dataclasses.replace(site, articles=tuple(records)), {r.meta.id: body for r in records}


def test_fifty_newest_items_newest_first(site):
    big, pages = many(site, 120)
    rss = etree.fromstring(feeds.render_feeds(big, BASE, BUILD_MOMENT, pages)["rss.xml"])
    guids = rss.xpath("//item/guid/text()")
    assert guids == [channels.article_guid(BASE, f"bai-{i:04d}") for i in range(channels.MAX_ITEMS)]


def test_a_feed_stays_under_two_megabytes(site):
    big, pages = many(site, 60, "<p>" + "Dân số và phát triển. " * 3000 + "</p>")
    out = feeds.render_feeds(big, BASE, BUILD_MOMENT, pages)
    for path in ("rss.xml", "atom.xml", "feed.json"):
        assert len(out[path]) < channels.MAX_BYTES
    items = etree.fromstring(out["rss.xml"]).findall("channel/item")
    assert 1 < len(items) < channels.MAX_ITEMS
    assert items[0].findtext("guid").endswith("bai-0000"), "the oldest are left out, never the newest"


def test_feed_html_is_made_absolute():
    page = (
        '<h1>T<a class="headerlink" href="#t">#</a></h1><div class="cb-article__meta" markdown="0">x</div>'
        '<p>Xem <a href="../../ke-hoach/a/">kế hoạch</a> <img src="../../chuyen-muc/anh/a.png" srcset="../../a.png 1x"> '
        '<a href="#muc">mục</a></p>'
    )
    out = feeds.feed_content(page, BASE + "bai-viet/a/")
    assert (
        out == f'<p>Xem <a href="{BASE}ke-hoach/a/">kế hoạch</a> <img src="{BASE}chuyen-muc/anh/a.png" srcset="{BASE}a.png 1x"> '
        f'<a href="{BASE}bai-viet/a/#muc">mục</a></p>'
    )


# --- renaming an article, and two builds ---------------------------------------------------


def test_renamed_article_keeps_its_guid_and_builds_are_byte_identical(built_site, feed_paths, tmp_path, serve):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    for path in feed_paths:
        assert (site_dir / path).read_bytes() == (built_site / path).read_bytes(), f"{path} differs between two builds"

    base_url = serve(site_dir)
    readers = {path: tmp_path / "reader" / path.replace("/", "_") for path in ("rss.xml", "atom.xml", "rss-kien-thuc.xml")}
    before = {path: newsboat_reload(workdir, base_url + path) for path, workdir in readers.items()}

    old = project / "docs/chuyen-muc/2024/ngay-dan-so-the-gioi.md"
    text = old.read_text(encoding="utf-8").replace(
        'title: "Ngày Dân số Thế giới 11/7 và chủ đề năm 2024"', 'title: "Ngày Dân số Thế giới 11/7: nguồn gốc và chủ đề năm 2024"'
    )
    (project / "docs/chuyen-muc/2024/11-7-ngay-dan-so-the-gioi.md").write_text(text, encoding="utf-8")
    old.unlink()
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr

    guid = channels.article_guid(BASE, "ngay-dan-so-the-gioi-11-7")
    for path, workdir in readers.items():
        after = newsboat_reload(workdir, base_url + path)
        assert [g for g, _, _ in after] == [g for g, _, _ in before[path]], f"{path}: a reader that had the old feed sees a new item"
        titles = {g: t for g, t, _ in after}
        assert titles[guid] == "Ngày Dân số Thế giới 11/7: nguồn gốc và chủ đề năm 2024", "the same item, updated in place"
    assert (site_dir / "bai-viet/ngay-dan-so-the-gioi-11-7/index.html").is_file()


def test_a_published_press_contact_is_the_channels_managing_editor(site):
    contact = Contact(name="Nguyễn Văn A", role="Chuyên viên", phone="0200 0000 000", email="baochi@vi-du.vn")
    with_contact = dataclasses.replace(site, info=site.info.model_copy(update={"contact": contact}))
    rss = etree.fromstring(feeds.render_feeds(with_contact, BASE, BUILD_MOMENT, {})["rss.xml"])
    assert rss.findtext("channel/managingEditor") == "baochi@vi-du.vn (Nguyễn Văn A)"


def test_every_category_domain_and_scheme_is_a_page_of_the_site(built_site, feed_paths):
    """A category's domain (RSS) or scheme (Atom) is a page a reader can open: none is a 404."""
    uris = set()
    for path in xml_feeds(feed_paths):
        tree = etree.parse(str(built_site / path))
        uris |= set(tree.xpath("//category/@domain")) | set(tree.xpath("//atom:category/@scheme", namespaces=NS))
    assert uris
    assert {uri for uri in uris if not uri.startswith(BASE)} == set()
    missing = [uri for uri in uris if not (built_site / uri.removeprefix(BASE) / "index.html").is_file()]
    assert missing == []


def test_an_observance_listed_twice_is_one_category(site):
    meta = site.articles[0].meta
    twice = dataclasses.replace(site.articles[0], meta=meta.model_copy(update={"observances": ["ngay-dan-so-viet-nam"] * 3}))
    again = dataclasses.replace(site, articles=(twice,))
    rss = etree.fromstring(feeds.render_feeds(again, BASE, BUILD_MOMENT, {})["rss.xml"])
    assert [c.text for c in rss.iter("category")].count("Ngày Dân số Việt Nam") == 1
