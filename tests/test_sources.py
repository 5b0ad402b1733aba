"""Sources as data: where each document, event and year's theme is known from, checked, shown under
"Nguồn" on its page (with the one line a record known only from reports carries), and published in
lich.json and the plans feed. On data each test writes into a copy of the project; what the sample
itself cites is checked at the end, in its own tier."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest
from conftest import TEST_TODAY, copy_project, replace, where
from lxml import etree, html

from congbo import calendar_json, feeds, urls
from congbo.errors import DataError
from congbo.load import load_site
from congbo.outputs import render_all_pages
from congbo.scalars import VN_TZ

QUANG_NAM = "data/plans/cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024.yml"
QUANG_NAM_ID = "cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024"
LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
LANG_SON_ID = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
BASE = "https://x.invalid/"
REPORT = "https://bao.example.vn/tin-1.html"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


def with_sources(project, rel: str, block: str) -> str:
    """A document's sources (if it has any) replaced by ``block``, at the end of its file; its new text."""
    path = project / rel
    text = _drop_block(path.read_text(encoding="utf-8"), "sources").rstrip("\n") + "\n" + block
    path.write_text(text, encoding="utf-8")
    return text


def _drop_block(text: str, key: str) -> str:
    lines, out, skipping = text.split("\n"), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or line.startswith("#") or not line):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


SAMPLE_THEME_SOURCES = """      sources:
        - kind: ban-tin
          name: "Báo Quảng Nam"
          url: "https://baoquangnam.vn/to-chuc-cac-hoat-dong-huong-ung-ngay-dan-so-the-gioi-11-7-3137404.html"
          date: 2024-07-04
          title: "Tổ chức các hoạt động hưởng ứng ngày Dân số thế giới 11/7"
          note: "Bản tin nêu chủ đề theo Công văn 3589 của Bộ Y tế."
"""
"""The sources the sample gives the 2024 theme of World Population Day: a test puts its own in their place."""


def theme_sources(project, block: str) -> str:
    return replace(project, "data/observances.yml", SAMPLE_THEME_SOURCES, block)


def page(root, url: str) -> str:
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    return render_all_pages(site, BASE)[urls.src_of(url)].source


def tree(source: str):
    return html.fromstring(f"<div>{source.split('---', 2)[2]}</div>")


def said(node) -> str:
    return " ".join(node.text_content().split())


FTP, SCRIPT = 'url: "ftp://', 'url: "javascript:'
BROKEN_NAME = '"Báo\\nMẫu Thử"'
REPORT_ONLY = f"""sources:
  - kind: ban-tin
    name: "Báo Mẫu Thử"
    url: "{REPORT}"
    date: 2024-07-04
    title: "Một bản tin thử"
"""


# --- the model's refusals ------------------------------------------------------------


def test_each_wrong_source_is_refused_at_its_place_saying_what_to_write(project):
    text = with_sources(
        project,
        QUANG_NAM,
        """sources:
  - kind: bao-chi
    name: "Báo Mẫu Thử"
  - kind: ban-tin
    name: "Báo Mẫu Thử"
    url: "ftp://bao.example.vn/tin.html"
  - kind: van-ban-dan
    document: khong-co-van-ban-nay
  - kind: ban-tin
    name: "Báo Mẫu Thử"
    link: "https://bao.example.vn/"
  - kind: ban-tin
    name: "Báo Mẫu Thử"
    url: "javascript:alert(1)"
""",
    )
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    shown = {str(p) for p in caught.value.problems}
    at = f"{QUANG_NAM}:"
    [kind] = [m for m in shown if "bao-chi" in m]
    assert kind.startswith(f"{at}{where(text, 'kind: bao-chi')}: sources[1].kind: phải là 'toan-van' (toàn văn)"), kind
    assert "'ban-tin' (bản tin)" in kind and "'van-ban-dan' (văn bản dẫn tới)" in kind
    assert f"{at}{where(text, FTP)}: sources[2].url: địa chỉ phải bắt đầu bằng 'https://' hoặc 'http://'" in "\n".join(shown)
    assert f"{at}{where(text, SCRIPT)}: sources[5].url: địa chỉ phải bắt đầu bằng 'https://' hoặc 'http://'" in "\n".join(shown)
    assert (
        f"{at}{where(text, 'document: khong-co-van-ban-nay')}: sources[3].document: không có văn bản mã 'khong-co-van-ban-nay' trong "
        f"data/plans/" in shown
    )
    [extra] = [m for m in shown if "'link'" in m]
    assert extra.startswith(f"{at}{where(text, 'link:')}: sources[4].link: trường 'link' không có trong mẫu dữ liệu")
    assert "kind, name, url, date, title, document, note" in extra


def test_a_source_is_one_line_and_a_citing_document_only_names_the_document(project):
    text = with_sources(
        project,
        QUANG_NAM,
        f"""sources:
  - kind: ban-tin
    name: "Báo\\nMẫu Thử"
  - kind: van-ban-dan
    document: {LANG_SON_ID}
    name: "Kế hoạch"
  - kind: ban-tin
    url: "{REPORT}"
""",
    )
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    shown = [str(p) for p in caught.value.problems]
    assert f"{QUANG_NAM}:{where(text, 'name: ' + BROKEN_NAME)}: sources[1].name: phải viết trên một dòng" in "\n".join(shown)
    assert any("sources[2]: nguồn 'van-ban-dan' chỉ ghi 'document'" in m for m in shown)
    assert any("sources[3]: ghi 'name': tên cơ quan báo chí" in m for m in shown)


def test_an_event_and_a_theme_name_only_documents_that_exist(project):
    events = replace(
        project,
        "data/events.yml",
        '  description: "Hội nghị thông qua',
        '  sources:\n    - kind: van-ban-dan\n      document: khong-co\n  description: "Hội nghị thông qua',
    )
    observances = theme_sources(project, "      sources:\n        - kind: van-ban-dan\n          document: cung-khong-co\n")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    shown = {str(p) for p in caught.value.problems}
    assert (
        f"data/events.yml:{where(events, 'document: khong-co')}: [hoi-nghi-icpd-cairo-1994].sources[1].document: không có văn bản mã "
        f"'khong-co' trong data/plans/" in shown
    )
    assert any(
        m.startswith(f"data/observances.yml:{where(observances, 'document: cung-khong-co')}:")
        and "không có văn bản mã 'cung-khong-co'" in m
        for m in shown
    )


# --- pages ---------------------------------------------------------------------------


def test_a_document_known_only_from_a_report_says_so_and_lists_it_under_nguon(project):
    with_sources(project, QUANG_NAM, REPORT_ONLY)
    doc = tree(page(project, urls.document(QUANG_NAM_ID)))
    [line] = doc.find_class("cb-meta__known-from")
    assert said(line) == "Biết qua bản tin của Báo Mẫu Thử ngày 04/07/2024."
    heading = doc.get_element_by_id("nguon")
    assert said(heading).startswith("Nguồn")
    listed = heading.getnext()
    [link] = listed.findall(".//a")
    assert link.get("href") == REPORT and link.get("rel") == "noopener" and said(link) == "Báo Mẫu Thử"
    assert "Bản tin, ngày 04/07/2024 · “Một bản tin thử”" in said(listed)


def test_the_full_text_is_linked_and_then_no_record_is_called_known_from_reports(project):
    with_sources(
        project,
        QUANG_NAM,
        REPORT_ONLY
        + """  - kind: toan-van
    name: "Ủy ban nhân dân tỉnh Mẫu"
    url: "https://ubnd.example.vn/van-ban.pdf"
""",
    )
    doc = tree(page(project, urls.document(QUANG_NAM_ID)))
    assert not doc.find_class("cb-meta__known-from")
    hrefs = [a.get("href") for a in doc.get_element_by_id("nguon").getnext().findall(".//a")]
    assert hrefs == [REPORT, "https://ubnd.example.vn/van-ban.pdf"]


def test_a_citing_document_is_linked_within_the_site(project):
    with_sources(project, QUANG_NAM, f"sources:\n  - kind: van-ban-dan\n    document: {LANG_SON_ID}\n")
    doc = tree(page(project, urls.document(QUANG_NAM_ID)))
    [line] = doc.find_class("cb-meta__known-from")
    assert said(line).startswith("Biết qua Kế hoạch tổ chức các hoạt động Kỷ niệm 60 năm") and said(line).endswith("(văn bản dẫn tới).")
    [link] = doc.get_element_by_id("nguon").getnext().findall(".//a")
    assert link.get("href") == f"../{LANG_SON_ID}/" and link.get("rel") is None


def test_a_record_without_sources_says_chua_ro_nguon(project):
    with_sources(project, QUANG_NAM, "")
    doc = tree(page(project, urls.document(QUANG_NAM_ID)))
    assert said(doc.get_element_by_id("nguon").getnext()) == "Văn bản này chưa rõ nguồn: ban biên tập chưa ghi nơi đã biết thông tin này."
    event = tree(page(project, urls.event("hoi-nghi-icpd-cairo-1994")))
    assert "chưa rõ nguồn" in said(event.get_element_by_id("nguon").getnext())


def test_an_event_and_a_theme_show_their_sources(project):
    replace(
        project,
        "data/events.yml",
        '  description: "Hội nghị thông qua',
        f'  sources:\n    - kind: ban-tin\n      name: "Báo Mẫu Thử"\n      url: "{REPORT}"\n      date: 1994-09\n  description: "Hội '
        f"nghị thông qua",
    )
    theme_sources(
        project,
        f'      sources:\n        - kind: ban-tin\n          name: "Báo Mẫu Thử"\n          url: "{REPORT}"\n          date: 2024-07-04\n',
    )
    event = tree(page(project, urls.event("hoi-nghi-icpd-cairo-1994")))
    assert said(event.find_class("cb-meta__known-from")[0]) == "Biết qua bản tin của Báo Mẫu Thử tháng 09/1994."
    assert event.get_element_by_id("nguon").getnext().find(".//a").get("rel") == "noopener"
    obs = tree(page(project, urls.observance("ngay-dan-so-the-gioi")))
    listed = said(obs.get_element_by_id("chu-de").getnext())
    assert "Cơ quan công bố: Bộ Y tế · Biết qua bản tin của Báo Mẫu Thử ngày 04/07/2024" in listed
    section = obs.get_element_by_id("nguon")
    assert [a.get("href") for a in section.itersiblings() for a in a.iter("a")][:1] == [REPORT]


# --- lich.json and the plans feed ------------------------------------------------------


def test_lich_json_carries_the_sources_of_items_and_themes(project):
    with_sources(project, QUANG_NAM, REPORT_ONLY)
    theme_sources(project, f"      sources:\n        - kind: van-ban-dan\n          document: {QUANG_NAM_ID}\n")
    site = load_site(project, today=TEST_TODAY)
    data = json.loads(calendar_json.render_calendar_json(site, BASE))
    [item] = [i for i in data["items"] if i["plan"] and i["plan"]["id"] == QUANG_NAM_ID and i["kind"] == "han"]
    assert item["sources"] == [
        {
            "kind": "ban-tin",
            "label": "Bản tin",
            "name": "Báo Mẫu Thử",
            "url": REPORT,
            "date": "2024-07-04",
            "title": "Một bản tin thử",
            "document": None,
            "note": None,
        }
    ]
    [obs] = [o for o in data["observances"] if o["id"] == "ngay-dan-so-the-gioi"]
    [theme] = [t for t in obs["themes"] if t["year"] == 2024]
    assert theme["source"] == "Bộ Y tế"
    [cited] = theme["sources"]
    assert cited["kind"] == "van-ban-dan" and cited["document"] == QUANG_NAM_ID and cited["url"] == BASE + urls.document(QUANG_NAM_ID)
    [day] = [i for i in data["items"] if i["observance"] == "ngay-dan-so-the-gioi" and i["start"] == "2024-07-11"]
    assert day["sources"] == [cited]
    assert "`sources[]`" in dict(calendar_json.FIELDS)["items[]"] and "sources[]" in dict(calendar_json.FIELDS)


def test_the_plans_feed_names_the_sources_with_absolute_links(project):
    with_sources(project, QUANG_NAM, REPORT_ONLY + f"  - kind: van-ban-dan\n    document: {LANG_SON_ID}\n")
    site = load_site(project, today=TEST_TODAY)
    out = feeds.render_feeds(site, BASE, dt.datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ), {})
    parsed = feedparser.parse(out[urls.documents_feed("rss")])
    [entry] = [e for e in parsed.entries if e.link == BASE + urls.document(QUANG_NAM_ID)]
    content = html.fromstring(entry.content[0].value)
    [para] = [p for p in content.iter("p") if said(p).startswith("Nguồn:")]
    assert [a.get("href") for a in para.iter("a")] == [REPORT, BASE + urls.document(LANG_SON_ID)]
    assert "Báo Mẫu Thử (bản tin, ngày 04/07/2024)" in said(para)
    rss = etree.fromstring(out[urls.documents_feed("rss")])
    assert rss.find("channel/item") is not None
    others = [e for e in parsed.entries if e.link == BASE + urls.document("quyet-dinh-72-2001-qd-ttg")]
    assert others  # every document has its paragraph, even without sources
    with_sources(project, "data/plans/quyet-dinh-72-2001-qd-ttg.yml", "")
    site = load_site(project, today=TEST_TODAY)
    parsed = feedparser.parse(feeds.render_feeds(site, BASE, dt.datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ), {})[urls.documents_feed("rss")])
    [bare] = [e for e in parsed.entries if e.link == BASE + urls.document("quyet-dinh-72-2001-qd-ttg")]
    assert "<strong>Nguồn:</strong> chưa rõ nguồn." in bare.content[0].value


# --- the sample ----------------------------------------------------------------------


def test_every_sample_document_page_has_its_nguon_section(site):
    """The sample's own content: every document names where it is known from (the seeds, the reports
    and portal pages its file's comments cite); only records no source could be found for say 'chưa rõ nguồn'."""
    pages = render_all_pages(site, BASE)
    for document in site.documents:
        doc = tree(pages[urls.src_of(urls.document(document.id))].source)
        heading = doc.get_element_by_id("nguon")
        assert said(heading).startswith("Nguồn"), document.id
        assert document.sources and "chưa rõ nguồn" not in said(heading.getnext()), document.id
    quang_nam = tree(pages[urls.src_of(urls.document(QUANG_NAM_ID))].source)
    assert said(quang_nam.find_class("cb-meta__known-from")[0]) == "Biết qua bản tin của Báo Quảng Nam ngày 04/07/2024."
