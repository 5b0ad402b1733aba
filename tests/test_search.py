"""Site search finds Vietnamese typed without diacritics, and the search labels are Vietnamese.

How it works: overrides/assets/javascripts/lunr/min/lunr.vi.min.js replaces the lunr language
support that Material's search worker loads for `search: lang: vi`; it folds index tokens and
query terms like `congbo.vi.fold`. overrides/partials/languages/vi.html gives the labels and the
word separator. search_index.json itself is Material's, unchanged apart from the separator.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest

from congbo import urls, vi
from conftest import ROOT, screenshot_path

THEME = Path(material.__file__).parent / "templates"
DOCUMENT = "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/"
# Keys whose value is the same in every language: configuration, not words.
UNTRANSLATED = {"direction", "search.config.pipeline", "search.config.separator"}


def translations(path: Path) -> dict[str, str]:
    """The key → text table of one of Material's partials/languages/*.html files."""
    return dict(re.findall(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', path.read_text(encoding="utf-8"), re.M))


def search_tokens(text: str, separator: str) -> list[str]:
    """The terms the worker indexes for a text: split at the separator, lower-cased, folded."""
    return [vi.fold(word.lower()) for word in re.split(separator, text) if word]


@pytest.mark.parametrize(
    "typed, written",
    [
        ("dan so", "Dân số"),
        ("de nghi uy ban", "Đề nghị Ủy ban"),
        ("lien hoan tuyen truyen vien", "Liên hoan tuyên truyền viên"),
        ("van hoa", "Văn hoá"),  # old tone placement in the data ...
        ("văn hóa", "Văn hoá"),  # ... found by the new one
        ("sở y tế", unicodedata.normalize("NFD", "Sở Y tế")),  # decomposed text, as some keyboards type it
        ("u o a a e o d", "ư ơ ă â ê ô đ"),
    ],
)
def test_folding_makes_typed_and_written_words_meet(typed, written):
    assert vi.fold(typed).lower() == vi.fold(written).lower()
    assert vi.fold(written).isascii()


def test_vietnamese_labels_cover_every_key_of_material():
    ours = translations(ROOT / "overrides/partials/languages/vi.html")
    english = translations(THEME / "partials/languages/en.html")
    assert english, "Material's en.html could not be read"
    assert sorted(set(english) - set(ours)) == []
    left_in_english = {k: v for k, v in ours.items() if k not in UNTRANSLATED and v == english.get(k)}
    assert left_in_english == {}
    assert ours["top"] == "Lên đầu trang", "Material's vi.html says 'Trở lại mục lục' (back to the table of contents)"
    assert all(unicodedata.is_normalized("NFC", v) for v in ours.values())


def test_built_pages_carry_the_vietnamese_labels(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Lên đầu trang" in html and "Chuyển đến nội dung chính" in html
    for english in ("Back to top", "Initializing search", "Skip to content", "Metadata"):
        assert english not in html
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["translations"]["search.result.term.missing"] == "Không có"
    assert config["translations"]["search.result.one"] == "1 kết quả phù hợp"


def test_search_index_keeps_diacritics_and_splits_at_punctuation(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["vi"]
    separator = index["config"]["separator"]
    assert search_tokens("“Liên hoan tuyên truyền viên” (26/12/1961 – 26/12/2021); Sở Y tế, Đài PT-TH.", separator) == [
        "lien",
        "hoan",
        "tuyen",
        "truyen",
        "vien",
        "26",
        "12",
        "1961",
        "26",
        "12",
        "2021",
        "so",
        "y",
        "te",
        "dai",
        "pt",
        "th",
    ]
    # Folding happens in the browser: the index holds the text as written, once, and nothing more.
    assert any("Dân số" in doc["title"] for doc in index["docs"])
    assert {key for doc in index["docs"] for key in doc} <= {"location", "title", "text", "tags", "boost"}
    assert "folder-vi" in (built_site / "assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")


# --- in Chromium ---------------------------------------------------------------------------


@pytest.fixture
def search(browser, site_url):
    """Type a query into the header's search box at 1280 px; return the page once results show."""
    contexts = []

    def run(query: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.warnings = []
        # lunr warns through console.warn (an unregistered pipeline function, an invalid query)
        page.on("console", lambda msg: msg.type == "warning" and page.warnings.append(msg.text))
        page.on("pageerror", lambda exc: page.warnings.append(str(exc)))
        page.goto(site_url, wait_until="load")
        page.click(".md-search__input")
        page.keyboard.type(query)
        page.keyboard.press("End")  # Material reads the box on keyup; letters like "ố" are typed without one
        # results, or the help given when there are none (docs/assets/highlight.js)
        page.wait_for_selector(".md-search-result__item, .cb-search-help", timeout=10_000)
        return page

    yield run
    for context in contexts:
        context.close()


def results(page, site_url: str) -> list[dict]:
    """Every result link: its path, heading, marked words and the terms Material says it matched."""
    found = page.eval_on_selector_all(
        ".md-search-result__link",
        """links => links.map(a => ({
            href: a.getAttribute("href"),
            title: a.querySelector("h1, h2")?.textContent ?? "",
            marks: [...a.querySelectorAll("mark")].map(m => m.textContent),
        }))""",
    )
    for item in found:
        url = urlsplit(item["href"])
        item["path"] = url.path.removeprefix(urlsplit(site_url).path)
        item["terms"] = set(parse_qs(url.query).get("h", [""])[0].split())
    return found


@pytest.mark.browser
def test_dan_so_finds_dan_so(search, site_url):
    page = search("dan so")
    page.screenshot(path=str(screenshot_path("search-dan-so")))
    found = results(page, site_url)
    assert "Dân số" in found[0]["title"], [r["title"] for r in found[:5]]
    # Titles and previews keep their diacritics; the marks fall on the words as written.
    assert {"Dân", "số"} <= {w for r in found for m in r["marks"] for w in m.split()}  # neighbours share one mark
    assert found[0]["terms"] == {"dan", "so"}
    assert page.warnings == []


@pytest.mark.browser
def test_festival_query_without_diacritics_finds_the_lang_son_plan(search, site_url):
    page = search("lien hoan tuyen truyen vien")
    found = results(page, site_url)
    in_document = [r for r in found if r["path"] == DOCUMENT]
    assert in_document, sorted({r["path"] for r in found})
    # Every word matched, not just "hoan" (the only one that matched before folding).
    assert any(r["terms"] == {"lien", "hoan", "tuyen", "truyen", "vien"} for r in in_document)
    assert page.warnings == []


@pytest.mark.browser
def test_query_with_diacritics_still_works(search, site_url):
    page = search("dân số")
    found = results(page, site_url)
    assert "Dân số" in found[0]["title"]
    assert {"Dân", "số"} <= {w for r in found for m in r["marks"] for w in m.split()}  # neighbours share one mark
    assert page.warnings == []


@pytest.mark.browser
def test_worker_folds_like_congbo(search, built_site):
    """The worker's fold and congbo.vi.fold agree, on every title of the site and every Vietnamese letter."""
    page = search("dan so")
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    letters = "aăâeêioôơuưyd" + "đ"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    samples = sorted({doc["title"] for doc in index["docs"]}) + [
        unicodedata.normalize(form, (c + t)) for c in letters + letters.upper() for t in tones for form in ("NFC", "NFD")
    ]
    (worker,) = page.workers
    assert worker.evaluate("samples => samples.map(lunr.vi.fold)", samples) == [vi.fold(s) for s in samples]


# --- marking the words on the page a result leads to ------------------------------------------


def marked_on(browser, url: str) -> list[str]:
    """Open ``url`` (a page with ?h=…), let Material's highlighter run too, and return the marked words."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url, wait_until="networkidle")  # search_index.json loaded: Material has marked its words
        page.wait_for_timeout(300)
        assert errors == []
        assert page.locator("mark mark").count() == 0, "a word marked twice"
        return page.eval_on_selector_all("article mark[data-md-highlight]", "marks => marks.map(m => m.textContent)")
    finally:
        context.close()


@pytest.mark.browser
def test_words_typed_without_diacritics_are_marked_on_the_page(browser, site_url):
    marked = marked_on(browser, f"{site_url}{DOCUMENT}?h=dan+so")
    assert "Dân số" in marked
    # Whole words only: every marked word folds to a typed word; "đăng", "Sơn", "soạn" stay unmarked.
    assert {vi.fold(word).lower() for mark in marked for word in mark.split()} == {"dan", "so"}


@pytest.mark.browser
def test_words_typed_with_diacritics_are_marked_once(browser, site_url):
    marked = marked_on(browser, f"{site_url}{DOCUMENT}?h=dân+số")
    assert "Dân số" in marked and "dân" in marked
    assert {vi.fold(word).lower() for mark in marked for word in mark.split()} == {"dan", "so"}


@pytest.mark.browser
def test_no_prefix_of_another_word_is_marked(browser, site_url):
    marked = marked_on(browser, f"{site_url}{DOCUMENT}?h=so+dan")  # the plan says "Lạng Sơn" and "đăng" too
    assert not any(vi.fold(w).lower() in {"son", "dang", "soan"} for m in marked for w in m.split())
    assert marked, "the plan says 'dân số': something must be marked"


# --- ranking: the phrase typed comes first ------------------------------------------------------


def first_result(page, site_url: str) -> dict:
    page.wait_for_timeout(500)  # the last keystroke's results
    found = results(page, site_url)
    return found[0]


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, path, words",
    [
        ("dan so", None, "Dân số"),
        ("ke hoach 60 nam", DOCUMENT, "Kỷ niệm 60 năm"),
        ("ngay gia dinh", urls.observance("ngay-gia-dinh-viet-nam"), "Ngày Gia đình Việt Nam"),
        ("ngày gia đình", urls.observance("ngay-gia-dinh-viet-nam"), "Ngày Gia đình Việt Nam"),
    ],
)
def test_the_phrase_typed_ranks_first(search, site_url, query, path, words):
    page = search(query)
    first = first_result(page, site_url)
    if path:
        assert first["path"] == path, first
    assert words in first["title"], first
    assert page.warnings == []


@pytest.mark.browser
def test_every_typed_word_must_be_found(search, site_url, built_site):
    """ "Cao Lộc" (a district of Lạng Sơn) finds only the pages that say both words (the Lộc Ninh plan on
    người cao tuổi, and the pages listing it), never every page about "người cao tuổi"."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    words = {doc["location"]: set(search_tokens(doc["title"] + " " + doc["text"], separator)) for doc in index["docs"]}
    with_both = {loc.split("#")[0] for loc, found in words.items() if {"cao", "loc"} <= found}
    with_cao = {loc.split("#")[0] for loc, found in words.items() if "cao" in found}
    assert urls.document("ke-hoach-128-ubnd-loc-ninh") in with_both and len(with_both) < len(with_cao)
    page = search("Cao Lộc")
    found = {r["path"] for r in results(page, site_url)}
    assert urls.document("ke-hoach-128-ubnd-loc-ninh") in found
    assert found <= with_both, sorted(found - with_both)
    page = search("cao tuoi")
    assert "Người cao tuổi" in first_result(page, site_url)["title"]


# --- what the index carries for the first result ------------------------------------------------


def test_day_forms_are_the_ways_a_date_is_typed():
    assert vi.day_forms(26, 12) == ["26/12", "26-12"]
    assert vi.day_forms(11, 7) == ["11/7", "11-7", "11/07"]


def test_an_observance_page_carries_its_date_as_tags(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"]: doc for doc in index["docs"]}
    assert pages[urls.observance("ngay-dan-so-viet-nam")]["tags"] == ["26/12", "26-12"]
    assert pages[urls.observance("ngay-dan-so-the-gioi")]["tags"] == ["11/7", "11-7", "11/07"]
    assert "tags" not in pages[urls.observance("thang-hanh-dong-dan-so")]  # a whole month: no day to type
    assert "26 tháng 12" in pages[urls.observance("ngay-dan-so-viet-nam")]["text"]
    assert not (built_site / urls.observance("ngay-dan-so-viet-nam") / "index.html").read_text(encoding="utf-8").count("md-tag")


def test_documents_of_the_owners_province_weigh_more(site):
    from congbo import pages

    home = site.organisation[site.info.owner].province
    boosts = {
        document.id: (site.document_issuer(document).province == home, pages.document_search_boost(site, document))
        for document in site.documents
    }
    assert {boost for own, boost in boosts.values() if own} == {pages.HOME_DOCUMENT_BOOST}
    assert {boost for own, boost in boosts.values() if not own} == {pages.DOCUMENT_BOOST}
    assert pages.DOCUMENT_BOOST < pages.HOME_DOCUMENT_BOOST < 3  # 3: an observance's own page
