"""A payload in every text field of the data and of the articles' front matter, built for real: in every
output (page head and body, search index, RSS, Atom, JSON Feed, .ics, lich.json, JSON-LD, Open Graph)
it is text, never an element or an attribute; and what comes in comes out (each record, each article)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import lxml.html
import pytest
import yaml
from lxml import etree

from congbo import channels, urls
from congbo.load import load_site
from conftest import TEST_TODAY, copy_project, mkdocs_build

PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
BODY_PAYLOAD = '\n\n<script>alert(2)</script>\n\n[bấm vào đây](javascript:alert(3))\n\n<img src="y" onerror="alert(4)">\n'
NOT_TEXT = {
    "id",
    "kind",
    "date",
    "end",
    "start",
    "deadline",
    "owner",
    "parent",
    "successor",
    "organisers",
    "participants",
    "plan",
    "activity",
    "observances",
    "category",
    "plans",
    "events",
    "issuer",
    "lead",
    "partners",
    "duties_of",
    "section",
    "role",
    "organisation",
    "type",
    "valid_until",
    "origin",
    "updated",
    "email",
    "phone",
    "file",
    "at",
    "observance",
    "width",
    "height",
    "number",
    "month",
    "day",
    "year",
    "first_year",
    "ongoing",
    "time",
    "document",
    "event",
    "same_as",
    "co_issuers",
    "level",
    "members",
    "system",
    "url",
    "portal",
    "phone",
    "email",
    "primary",
    "dark",
    "logo",
    "favicon",
    "share_image",
    "superseded_by",
}
"""Keys whose values are ids, dates, numbers or closed vocabularies, not free text."""


def record_urls(site) -> list[str]:
    """The page of every record and every published article."""
    return (
        [urls.organisation(o.id) for o in site.organisations]
        + [urls.event(e.id) for e in site.events]
        + [urls.observance(o.id) for o in site.observances]
        + [urls.document(p.id) for p in site.documents]
        + [urls.article(a.meta.id) for a in site.published_articles]
    )


def poison(value, key=None):
    """Every free-text string of a YAML value, with the payload appended."""
    if isinstance(value, dict):
        return {k: (v if k in NOT_TEXT and not isinstance(v, dict) else poison(v, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and value.strip() in ("..", "??"):
        return value  # a fact's state (blank in the original, not known), not text
    if isinstance(value, str):
        return value + PAYLOAD
    return value


def dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)


def poison_project(root: Path) -> None:
    for path in sorted((root / "data").rglob("*.yml")):
        path.write_text(dump(poison(yaml.safe_load(path.read_text(encoding="utf-8")))), encoding="utf-8")
    for path in sorted((root / "docs/chuyen-muc").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        path.write_text(f"---\n{dump(poison(yaml.safe_load(front)))}---\n{body}{BODY_PAYLOAD}", encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("poisoned"))
    poison_project(root)
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    out = root / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return site, out


def assert_inert(tree, where: str) -> None:
    """No element or attribute made from the payloads: only text."""
    assert not tree.xpath("//img[@src='x'] | //*[@onerror] | //*[@onclick]"), where
    assert not [s for s in tree.xpath("//script[not(@type='application/ld+json')]") if "alert" in (s.text or "")], where
    assert not tree.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]"), where


def html_fragment(text: str):
    return lxml.html.fragment_fromstring(text or "", create_parent="div")


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_page_head_and_body_holds_the_payload_as_text(poisoned):
    site, out = poisoned
    for path in pages(out):
        tree = lxml.html.fromstring(path.read_bytes())
        assert_inert(tree, str(path))
    for url in record_urls(site):
        tree = lxml.html.fromstring((out / url / "index.html").read_bytes())
        assert PAYLOAD in tree.findtext(".//title"), url
        assert PAYLOAD in tree.xpath("//h1")[0].text_content(), url
        assert PAYLOAD in tree.xpath("//meta[@property='og:title']/@content")[0], url
        description = tree.xpath("//meta[@name='description']/@content")
        assert description and "&lt;" not in description[0] and "&amp;" not in description[0], url


def test_open_graph_and_json_ld_of_articles_hold_the_payload_as_text(poisoned):
    site, out = poisoned
    for record in site.published_articles:
        page = out / urls.article(record.meta.id) / "index.html"
        raw = page.read_text(encoding="utf-8")
        tree = lxml.html.fromstring(raw)
        assert tree.xpath("//meta[@property='og:description']/@content") == [record.meta.summary]
        assert tree.xpath("//meta[@name='description']/@content") == [record.meta.summary]
        [script] = tree.xpath("//script[@type='application/ld+json']")
        linked = json.loads(script.text)
        assert linked["headline"] == record.meta.title and linked["description"] == record.meta.summary
        assert raw.count("</script>") == raw.count("<script")  # nothing in the JSON closes its element


def test_article_bodies_lose_script_and_javascript_links_keep_their_text(poisoned):
    site, out = poisoned
    for record in site.published_articles:
        tree = lxml.html.fromstring((out / urls.article(record.meta.id) / "index.html").read_bytes())
        article = tree.xpath("//article")[0]
        assert "bấm vào đây" in article.text_content()
        assert not article.xpath(".//script")


def test_search_index_titles_are_inert_when_inserted_as_html(poisoned):
    site, out = poisoned
    docs = json.loads((out / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        for field in ("title", "text"):
            assert_inert(html_fragment(doc[field]), f"{doc['location']} {field}")
    titles = [html_fragment(d["title"]).text_content() for d in docs if "#" not in d["location"]]
    for record in site.published_articles:
        assert record.meta.title in titles  # every article is found, by its title as written


def feed_xml(out: Path, path: str):
    return etree.fromstring((out / path).read_bytes())


def test_rss_descriptions_and_content_are_inert_html(poisoned):
    site, out = poisoned
    for path in [p for p in channels.feed_paths(site) if p.endswith(".xml") and "rss" in p]:
        root = feed_xml(out, path)
        for element in root.iter("description", "{http://purl.org/rss/1.0/modules/content/}encoded"):
            assert_inert(html_fragment(element.text), f"{path} {element.tag}")
        shown = [PAYLOAD in html_fragment(d.text).text_content() for d in root.iter("description") if d.getparent().tag == "item"]
        assert all(shown) if path.startswith(urls.COLUMN) else any(shown), path  # an event's summary may be its date alone


def test_atom_and_json_feed_content_is_inert(poisoned):
    site, out = poisoned
    atom = "{http://www.w3.org/2005/Atom}"
    for path in channels.feed_paths(site):
        if path.endswith(".json"):
            feed = json.loads((out / path).read_text(encoding="utf-8"))
            for item in feed["items"]:
                assert_inert(html_fragment(item["content_html"]), path)
                assert item["title"].endswith(PAYLOAD) and item["summary"].endswith(PAYLOAD)
        elif "atom" in path:
            root = feed_xml(out, path)
            for content in root.iter(f"{atom}content"):
                assert content.get("type") == "html"
                assert_inert(html_fragment(content.text), path)
            summaries = list(root.iter(f"{atom}summary"))
            assert all(s.get("type") in (None, "text") for s in summaries)
            assert any(PAYLOAD in s.text for s in summaries) or not summaries, path


def test_calendars_and_lich_json_carry_the_payload_as_text(poisoned):
    site, out = poisoned
    calendar = icalendar.Calendar.from_ical((out / urls.ICS).read_bytes())
    summaries = [str(c["SUMMARY"]) for c in calendar.walk("VEVENT")]
    assert summaries and all(s.endswith(PAYLOAD) for s in summaries)
    for event in site.events:
        assert any(s.startswith(event.name) or event.name in s for s in summaries)
        single = icalendar.Calendar.from_ical((out / urls.event_ics(event.id)).read_bytes())
        assert [str(c["SUMMARY"]) for c in single.walk("VEVENT")] == [event.name]
    data = json.loads((out / urls.CALENDAR_JSON).read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    for event in site.events:
        assert json.dumps(event.name, ensure_ascii=False) in text


def test_count_in_is_count_out(poisoned):
    """Every record and every published article has its page, its place in its index and in the feeds."""
    site, out = poisoned
    for url in record_urls(site):
        assert (out / url / "index.html").is_file(), url
    for index, items in (
        (urls.ORGANISATIONS, [urls.organisation(o.id) for o in site.organisations if not o.kind == "nhom"]),
        (urls.DOCUMENTS, [urls.document(p.id) for p in site.documents]),
    ):
        links = {re.sub(r"^(\.\./)+", "", h) for h in lxml.html.fromstring((out / index / "index.html").read_bytes()).xpath("//a/@href")}
        hrefs = {urls.src_of(urls.ORGANISATIONS)} | {index + h for h in links}
        for url in items:
            assert url in hrefs or any(h.endswith(url) for h in hrefs), (index, url)
    rss = feed_xml(out, urls.column_feed("rss"))
    guids = [g.text for g in rss.iter("guid")]
    assert guids == [
        channels.article_guid(str(rss.findtext("channel/link")).split("chuyen-muc/")[0], a.meta.id)
        for a in site.published_articles[: channels.MAX_ITEMS]
    ]
    documents_rss = feed_xml(out, urls.documents_feed("rss"))
    assert len(list(documents_rss.iter("item"))) == len(site.documents) + sum(len(site.agenda.events_of(p.id)) for p in site.documents)
    calendar = icalendar.Calendar.from_ical((out / urls.ICS).read_bytes())
    uids = {str(c["UID"]) for c in calendar.walk("VEVENT")}
    assert all(any(e.id in uid for uid in uids) for e in site.events)
    data = json.loads((out / urls.CALENDAR_JSON).read_text(encoding="utf-8"))
    assert sorted(o["id"] for o in data["observances"]) == sorted(o.id for o in site.observances)
    assert {e.id for e in site.events} <= {i["id"] for i in data["items"]}
    for event in site.events:  # on the calendar page of its year
        year_page = out / urls.calendar_year(event.date.year, TEST_TODAY.year) / "index.html"
        assert any(
            h.rstrip("/").endswith(urls.event(event.id).rstrip("/"))
            for h in lxml.html.fromstring(year_page.read_bytes()).xpath("//a/@href")
        )


def linked_articles(out: Path, category: str | None) -> set[str]:
    """The article URLs a listing links to, over all its pages."""
    found, number = set(), 1
    while (out / urls.column_page(number, category) / "index.html").is_file():
        tree = lxml.html.fromstring((out / urls.column_page(number, category) / "index.html").read_bytes())
        found |= {re.sub(r"^(\.\./)+", "", h) for h in tree.xpath("//a/@href") if urls.ARTICLES in h}
        number += 1
    assert number > 1
    return found


def test_every_article_is_in_its_listings(poisoned):
    site, out = poisoned
    everywhere = linked_articles(out, None)
    for record in site.published_articles:
        assert urls.article(record.meta.id) in everywhere
        assert urls.article(record.meta.id) in linked_articles(out, record.meta.category)
        archive = lxml.html.fromstring((out / urls.archive_year(record.meta.date.year) / "index.html").read_bytes())
        assert any(h.endswith(urls.article(record.meta.id)) for h in archive.xpath("//a/@href"))
