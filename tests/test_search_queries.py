"""What citizens type, and the first result they must get (issue #22), on the tests' own content (tests/project/,
the sample as it was on 6 December 2026: an editor's change to the sample does not move these results).

The table is that content's: a second site has other titles. Each query is typed into the header's search box in
Chromium, as a reader types it."""

from __future__ import annotations

import json
import re

import pytest

from congbo import urls, vi
from test_search import first_result, marked_on, results, search  # noqa: F401  (search: the fixture)

pytestmark = pytest.mark.browser

DOCUMENT = urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")

# (typed, path of the expected first result, words of its title)
QUERIES = [
    ("26/12", urls.observance("ngay-dan-so-viet-nam"), "Ngày Dân số Việt Nam"),
    ("26-12", urls.observance("ngay-dan-so-viet-nam"), "Ngày Dân số Việt Nam"),
    ("26 tháng 12", urls.observance("ngay-dan-so-viet-nam"), "Ngày Dân số Việt Nam"),
    ("11/7", urls.observance("ngay-dan-so-the-gioi"), "Ngày Dân số Thế giới"),
    ("11 tháng 7", urls.observance("ngay-dan-so-the-gioi"), "Ngày Dân số Thế giới"),
    ("ke hoach", DOCUMENT, "Lạng Sơn"),
    ("kế hoạch", DOCUMENT, "Lạng Sơn"),
    ("dan so", DOCUMENT, "Dân số"),
    ("Dân số", DOCUMENT, "Dân số"),
    ("lang son", DOCUMENT, "Lạng Sơn"),
    ("ngay gia dinh", urls.observance("ngay-gia-dinh-viet-nam"), "Ngày Gia đình Việt Nam"),
    ("thang hanh dong", urls.observance("thang-hanh-dong-dan-so"), "Tháng hành động quốc gia về Dân số"),
]


@pytest.mark.parametrize("query, path, words", QUERIES, ids=[q for q, _, _ in QUERIES])
def test_a_citizens_query_gets_the_right_first_result(search, site_url, query, path, words):
    page = search(query)
    first = first_result(page, site_url)
    assert first["path"] == path, [r["title"] for r in results(page, site_url)[:5]]
    assert words in first["title"]
    assert page.warnings == []


@pytest.mark.parametrize("accented, plain", [("Dân số", "dan so"), ("Kế hoạch", "ke hoach"), ("Lạng Sơn", "lang son")])
def test_a_query_without_diacritics_finds_every_page_its_accented_form_finds(search, site_url, built_site, accented, plain):
    def pages(query):
        page = search(query)
        page.wait_for_timeout(500)
        count = page.text_content(".md-search-result__meta")
        return count, {r["path"] for r in results(page, site_url) if "#" not in r["href"]}

    assert pages(plain) == pages(accented)
    # and both say as many pages as the index holds pages with every word (by prefix, folded)
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    want = [vi.fold(w.lower()) for w in plain.split()]
    holding = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if all(
            any(
                t.startswith(w)
                for t in (vi.fold(x.lower()) for x in re.split(separator, doc["title"] + " " + re.sub("<[^>]+>", " ", doc["text"])) if x)
            )
            for w in want
        )
    }
    assert pages(plain)[0].startswith(f"{len(holding)} ")


@pytest.mark.parametrize(
    "query, never",
    [
        ("so", {"sơn", "soạn", "sóc"}),
        ("dan", {"đăng", "dành"}),
        ("số", {"sở", "sơn", "so"}),
    ],
)
def test_the_results_list_marks_whole_words_by_the_typed_accents(search, site_url, query, never):
    page = search(query)
    page.wait_for_timeout(500)
    marked = {m.lower() for r in results(page, site_url) for mark in r["marks"] for m in mark.split()}
    assert marked, query
    if vi.fold(query) == query:
        assert {vi.fold(m) for m in marked} == {query}
    else:
        assert marked == {query}
    assert not marked & never
    # the links carry the words as typed, for the page they open
    assert all(r["terms"] == {query} for r in results(page, site_url))


def test_an_accented_query_marks_only_its_accents_on_the_page(browser, site_url):
    marked = marked_on(browser, f"{site_url}{DOCUMENT}?h=số")
    assert marked and {m.lower() for m in marked} == {"số"}


def test_an_empty_result_suggests_the_nearest_words_and_the_sections(search, site_url):
    page = search("dan soo")
    page.wait_for_selector(".cb-search-help", timeout=10_000)
    help_text = page.text_content(".cb-search-help")
    assert "Bạn có thể thử" in help_text and "dan số" in help_text
    sections = page.eval_on_selector_all(".cb-search-help a", "links => links.map(a => a.textContent)")
    assert {"Kế hoạch", "Lịch", "Chuyên mục", "Cơ quan", "Báo chí"} <= set(sections)
    # a suggestion opens the search with its words, and finds something
    page.click(".cb-search-help a >> text=dan số")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.input_value(".md-search__input") == "dan số"
    assert page.warnings == []


def test_a_query_with_no_result_offers_the_sections(search, site_url):
    page = search("xyzzy quux")
    page.wait_for_selector(".cb-search-help", timeout=10_000)
    assert "Bạn có thể thử xem các mục" in page.text_content(".cb-search-help")
    assert page.locator(".md-search-result__item").count() == 0
