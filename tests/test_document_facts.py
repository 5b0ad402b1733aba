"""What a report says of a document without its full text, and what the site may say of it: an unknown
place and an unknown lead, the status only from evidence entered in the data, relations between
documents, key points and numeric targets (on the page and in van-ban.json). Each test writes its
own small document into a copy of the project."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap

import pytest
from conftest import FIXTURE, ROOT, TEST_TODAY, where
from lxml import html

from congbo import blocks, documents_json, ical, outputs, pages, urls
from congbo.errors import DataError
from congbo.load import load_site

DOC_ID = "ke-hoach-thu"
DOC = f"data/plans/{DOC_ID}.yml"
OTHER_ID = "cong-van-thu"
OTHER = f"data/plans/{OTHER_ID}.yml"

HEAD = """\
id: {id}
type: KH
number: "??"
symbol: "KH-UBND"
issuer: ubnd-lang-son
place: "Lạng Sơn"
date: 2025-03-10
summary: "Thực hiện công tác dân số năm 2025"
signer: "??"
"""


@pytest.fixture
def project(tmp_path):
    """The tests' own data (its bodies and documents beside the test's own) and the press page, without the
    rest of docs/: the tests load the data alone, so each costs a load and not a copy of the column's images."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURE / "data", root / "data")
    (root / "docs").mkdir()
    shutil.copy2(ROOT / "docs/bao-chi.md", root / "docs/bao-chi.md")
    return root


def write_doc(project, extra: str = "", *, doc_id: str = DOC_ID, head: str = HEAD) -> str:
    """A small document of the test's own (``extra``: more fields, YAML at the top level); its text."""
    text = head.format(id=doc_id) + textwrap.dedent(extra)
    (project / f"data/plans/{doc_id}.yml").write_text(text, encoding="utf-8")
    return text


def load(project, today: dt.date = TEST_TODAY):
    """The data alone (no column: its articles are dated for the sample's build day, not a test's)."""
    return load_site(project, today=today)


def problems(project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


def document_page(project, doc_id: str = DOC_ID, today: dt.date = TEST_TODAY) -> str:
    site = load(project, today)
    return pages.render_document(site, site.document[doc_id]).source


def text_of(source: str) -> str:
    body = source.split("---", 2)[2]
    return " ".join(html.fromstring(f"<div>{body}</div>").text_content().split())


def tree(source: str):
    return html.fromstring(f"<div>{source.split('---', 2)[2]}</div>")


# --- an unknown place ----------------------------------------------------------------


def test_an_unknown_place_is_never_printed_and_the_page_says_it_is_not_known(project):
    write_doc(project, head=HEAD.replace('place: "Lạng Sơn"', 'place: "??"'))
    source = document_page(project)
    date_line = tree(source).find_class("vb-header__date")[0].text_content()
    assert date_line == "ngày 10 tháng 3 năm 2025"
    assert "??" not in text_of(source)
    assert "Ban biên tập chưa rõ số, địa danh và người ký của văn bản." in text_of(source)


def test_a_blank_place_is_refused_saying_every_original_prints_it_and_how_to_write_unknown(project):
    text = write_doc(project, head=HEAD.replace('place: "Lạng Sơn"', 'place: ".."'))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'place:')}: place: ")
    assert "kể cả bản dự thảo" in problem and "'??' (ban biên tập chưa rõ)" in problem


# --- an unknown lead -----------------------------------------------------------------

ACTIVITY = """\
activities:
  - id: chien-dich
    name: "Chiến dịch truyền thông"
    lead: {lead}
    time:
      start: 2025-06-20
      end: 2025-07-20
"""


def test_an_activity_with_an_unknown_lead_is_accepted_said_and_reaches_the_calendar(project):
    write_doc(project, ACTIVITY.format(lead='"??"'))
    site = load(project)
    page = text_of(pages.render_document(site, site.document[DOC_ID]).source)
    assert "Chiến dịch truyền thông Chưa rõ đơn vị chủ trì" in page
    periods = [o for o in site.agenda.occurrences(2025) if o.activity is not None and o.document.id == DOC_ID]
    assert [(o.start, o.end) for o in periods] == [(dt.date(2025, 6, 20), dt.date(2025, 7, 20))]
    assert all(activity.id != "chien-dich" for _, activity, _ in site.activities_of("ubnd-lang-son"))


def test_an_unknown_lead_is_in_the_calendar_file_without_a_body_s_name(project):
    write_doc(project, ACTIVITY.format(lead='"??"'))
    site = load(project)
    calendar = ical.render_ics_files(site, "https://x.invalid/")[urls.ICS].decode()
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:Chiến dịch truyền thông" in unfolded
    assert "Chưa rõ đơn vị chủ trì." in unfolded


def test_an_activity_kept_as_an_event_with_an_unknown_lead_has_no_organiser(project):
    write_doc(project, ACTIVITY.format(lead='"??"') + "    event: chien-dich-2025\n")
    site = load(project)
    assert site.event["chien-dich-2025"].organisers == []


@pytest.mark.parametrize("lead", ["so-y-te", "Sở Y tế", "'..'"])
def test_a_wrong_lead_says_how_to_record_an_unknown_one(project, lead):
    text = write_doc(project, ACTIVITY.format(lead=lead))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'lead:')}: activities[chien-dich].lead: ")
    assert "'??'" in problem


# --- status only from evidence -------------------------------------------------------

DAY = dt.date(2025, 6, 15)


def standing(project, extra: str, today: dt.date = DAY) -> tuple[bool, dict, str]:
    """(listed on the home page as current, the page's status, the status line as read)."""
    write_doc(project, extra)
    site = load(project, today)
    document = site.document[DOC_ID]
    status_line = " ".join(p.text_content() for p in tree(pages.render_document(site, document).source).find_class("cb-status"))
    return blocks.is_current(site, document), pages.document_status(site, document), " ".join(status_line.split())


def test_a_document_without_a_period_is_never_current_whatever_its_issuer(project):
    current, status, said = standing(project, "")
    assert not current and status == {"state": "not-known"}
    assert said == "Chưa rõ thời hạn: ban biên tập chưa biết văn bản được thực hiện đến ngày nào."


@pytest.mark.parametrize(
    "covers, today, current, said",
    [
        ("2025", DAY, True, "Đang thực hiện: văn bản áp dụng cho năm 2025."),
        ("2025", dt.date(2025, 12, 31), True, "Đang thực hiện: văn bản áp dụng cho năm 2025."),
        ("2025", dt.date(2026, 1, 1), False, "Đã qua thời gian áp dụng: văn bản áp dụng cho năm 2025."),
        ("{start: 2026, end: 2030}", DAY, False, "Chưa tới thời gian áp dụng: văn bản áp dụng cho giai đoạn 2026–2030."),
        ("{start: 2021, end: 2025}", dt.date(2025, 1, 1), True, "Đang thực hiện: văn bản áp dụng cho giai đoạn 2021–2025."),
    ],
)
def test_the_years_a_document_covers_decide_around_the_build_day(project, covers, today, current, said):
    assert standing(project, f"covers: {covers}\n", today)[::2] == (current, said)


@pytest.mark.parametrize(
    "validity, today, current, said",
    [
        ("{start: 2025-01-01, end: 2025-12-31}", DAY, True, "Còn hiệu lực: có hiệu lực từ ngày 01/01/2025 đến hết ngày 31/12/2025."),
        (
            "{start: 2025-01-01, end: 2025-06-14}",
            DAY,
            False,
            "Hết hiệu lực: văn bản có hiệu lực từ ngày 01/01/2025 đến hết ngày 14/06/2025.",
        ),
        ("{start: 2025-06-15, end: 2025-06-15}", DAY, True, "Còn hiệu lực: có hiệu lực từ ngày 15/06/2025 đến hết ngày 15/06/2025."),
        ("{start: 2025-06-16, end: '..'}", DAY, False, "Chưa có hiệu lực: văn bản có hiệu lực từ ngày 16/06/2025."),
        (
            "{start: 2025-01-01, end: '..'}",
            DAY,
            False,
            "Có hiệu lực từ ngày 01/01/2025; văn bản không ghi ngày hết hiệu lực, nên trang không nói văn bản còn hiệu lực hay không.",
        ),
        (
            "{start: 2025-01-01, end: '??'}",
            DAY,
            False,
            "Có hiệu lực từ ngày 01/01/2025; ban biên tập chưa rõ ngày hết hiệu lực, nên trang không nói văn bản còn hiệu lực hay không.",
        ),
        ("{start: 2025-01-01, end: 2025-06-??}", DAY, False, "Văn bản có hiệu lực từ ngày 01/01/2025 đến hết tháng 06/2025."),
        (
            "{start: 2025-01-01, end: 2025-06-??}",
            dt.date(2025, 5, 31),
            True,
            "Còn hiệu lực: có hiệu lực từ ngày 01/01/2025 đến hết tháng 06/2025.",
        ),
    ],
)
def test_a_validity_period_decides_alone_and_an_end_not_given_never_makes_it_current(project, validity, today, current, said):
    # Its activities (a deadline after the build day) would call it current: the validity decides.
    extra = f"validity: {validity}\n" + ACTIVITY.format(lead="so-y-te-lang-son").replace("end: 2025-07-20", "end: 2025-12-20")
    assert standing(project, extra, today)[::2] == (current, said)


def test_activities_not_all_past_make_a_document_current_until_the_last(project):
    extra = ACTIVITY.format(lead="so-y-te-lang-son")
    assert standing(project, extra, dt.date(2025, 7, 20))[0] is True
    assert standing(project, extra, dt.date(2025, 7, 21))[0] is False


def test_a_superseded_document_is_not_current_whatever_it_covers(project):
    write_doc(project, doc_id=OTHER_ID)
    assert standing(project, f"covers: 2025\nsuperseded_by: {OTHER_ID}\n")[:2] == (
        False,
        {"state": "superseded", "by": load(project).document[OTHER_ID], "title": "Kế hoạch thực hiện công tác dân số năm 2025"},
    )


def test_the_home_page_lists_only_documents_with_evidence_and_says_what_it_lists(project):
    write_doc(project, "covers: 2025\n")
    site = load(project, DAY)
    block = html.fromstring(f"<div>{blocks.current_documents(site, '')}</div>")
    assert [a.text_content() for a in block.find_class("cb-list__title")] == ["Kế hoạch thực hiện công tác dân số năm 2025"]
    assert "Văn bản chưa rõ thời hạn không được liệt kê ở đây." in block.text_content()


@pytest.mark.parametrize(
    "extra, path, said",
    [
        ("covers: {start: 2025, end: 2021}\n", "covers", "năm cuối 2021 trước năm đầu 2025"),
        ("covers: '2025'\n", "covers", "phải là một bảng các trường"),
        ("validity: {start: 2025-03-01, end: 2025-02-01}\n", "validity", "ngày hết hiệu lực 2025-02-01 trước ngày có hiệu lực 2025-03-01"),
        ("validity: {start: 2025-03-01}\n", "validity", "thiếu trường bắt buộc 'end'"),
    ],
)
def test_a_wrong_period_is_refused_at_its_place(project, extra, path, said):
    text = write_doc(project, extra)
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, path + ':')}: {path}")
    assert said in problem


# --- relations beyond bases ----------------------------------------------------------

OTHER_HEAD = HEAD.replace("date: 2025-03-10", "date: 2017-07-29").replace(
    '"Thực hiện công tác dân số năm 2025"', '"Về công tác dân số <b>tỉnh</b>"'
)


def test_a_relation_entered_once_shows_on_both_pages_in_either_time_order(project):
    write_doc(project, head=OTHER_HEAD, doc_id=OTHER_ID)
    write_doc(project, f'related:\n  - document: {OTHER_ID}\n    note: "cùng thực hiện Nghị quyết <21>"\n')
    site = load(project)
    for here, there, title in (
        (DOC_ID, OTHER_ID, "Kế hoạch về công tác dân số <b>tỉnh</b>"),
        (OTHER_ID, DOC_ID, "Kế hoạch thực hiện công tác dân số năm 2025"),
    ):
        source = pages.render_document(site, site.document[here]).source
        [item] = tree(source).xpath("//h2[@id='van-ban-lien-quan']/following-sibling::ul[1]/li")
        assert item.xpath("a/@href") == [f"../{there}/"]
        assert item.xpath("a")[0].text_content() == title
        assert item.text_content().endswith(" · cùng thực hiện Nghị quyết <21>")
        assert "<b>" not in source and "<21>" not in source  # escaped


@pytest.mark.parametrize(
    "related, said",
    [
        (f"  - document: {OTHER_ID[:-1]}\n", f"không có văn bản mã '{OTHER_ID[:-1]}' trong data/plans/; có phải '{OTHER_ID}'?"),
        (f"  - document: {DOC_ID}\n", "văn bản không thể liên quan với chính nó"),
        (
            f"  - document: {OTHER_ID}\n  - document: {OTHER_ID}\n",
            f"văn bản '{OTHER_ID}' đã ghi ở dòng 11; mỗi văn bản liên quan ghi một lần",
        ),
    ],
)
def test_a_wrong_relation_is_refused_at_its_place(project, related, said):
    write_doc(project, head=OTHER_HEAD, doc_id=OTHER_ID)
    text = write_doc(project, "related:\n" + related)
    [problem] = problems(project)
    line = text.count("\n", 0, text.rindex("  - document:")) + 1
    assert problem.startswith(f"{DOC}:{line}:")
    assert said in problem


def test_a_pair_entered_on_both_sides_is_refused_once_naming_the_other_place(project):
    other = write_doc(project, f"related:\n  - document: {DOC_ID}\n", head=OTHER_HEAD, doc_id=OTHER_ID)
    write_doc(project, f"related:\n  - document: {OTHER_ID}\n")
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:11:")  # ke-hoach-thu sorts after cong-van-thu: the message is on the second
    assert f"đã được ghi là liên quan ở {OTHER}:{where(other, '- document').split(':')[0]}" in problem
    assert "mỗi cặp chỉ ghi ở một văn bản" in problem


# --- key points and numeric targets ----------------------------------------------------

POINTS = """\
points:
  - "Tăng cường truyền thông về <giới tính khi sinh>"
  - "Mở rộng sàng lọc trước sinh & sơ sinh"
"""
TARGETS = """\
targets:
  - indicator: "Tỷ số giới tính khi sinh"
    comparison: giảm
    value: "0,2"
    unit: "điểm phần trăm"
    year: 2025
    baseline: {year: 2024}
  - indicator: "Tỷ lệ sàng lọc sơ sinh <b>"
    comparison: đạt
    value: "≥ 55"
    unit: "%"
    year: 2025
    baseline: {year: 2024, value: "28 %"}
    note: "Báo cáo nêu chỉ tiêu giao & kết quả"
  - indicator: "Người mới sử dụng biện pháp tránh thai hiện đại"
    comparison: đạt
    value: "5.113.387"
    unit: "người"
    year: 2025
"""


def test_key_points_are_listed_as_what_the_source_says_not_the_text(project):
    write_doc(project, POINTS)
    source = document_page(project)
    heading = tree(source).xpath("//h2[@id='noi-dung-chinh']")[0]
    assert heading.text_content().startswith("Nội dung chính theo nguồn")
    assert "không phải nguyên văn văn bản" in heading.getnext().text_content()
    items = [li.text_content() for li in tree(source).xpath("//ul[@class='cb-points']/li")]
    assert items == ["Tăng cường truyền thông về <giới tính khi sinh>", "Mở rộng sàng lọc trước sinh & sơ sinh"]
    assert "<giới tính" not in source  # escaped


def test_key_points_beside_a_full_text_are_refused_at_their_place(project):
    lang_son = project / "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
    text = lang_son.read_text(encoding="utf-8") + POINTS
    lang_son.write_text(text, encoding="utf-8")
    [problem] = problems(project)
    assert problem.startswith(f"data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml:{where(text, 'points:')}: points: ")
    assert "chỉ ghi khi chưa có toàn văn" in problem and "bỏ 'points'" in problem


def test_targets_are_a_table_with_caption_and_headers_and_values_as_written(project):
    write_doc(project, TARGETS)
    source = document_page(project)
    [table] = tree(source).xpath("//table[contains(@class, 'cb-targets')]")
    assert table.xpath("caption")[0].text_content().startswith("Các chỉ tiêu bằng số của văn bản, như nguồn nêu")
    assert [th.text_content() for th in table.xpath("thead/tr/th[@scope='col']")] == ["Chỉ tiêu", "Mức", "Năm", "So với", "Ghi chú"]
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in table.xpath("tbody/tr")]
    assert rows == [
        ["Tỷ số giới tính khi sinh", "giảm 0,2 điểm phần trăm", "2025", "năm 2024", "—"],
        ["Tỷ lệ sàng lọc sơ sinh <b>", "đạt ≥ 55 %", "2025", "28 % (năm 2024)", "Báo cáo nêu chỉ tiêu giao & kết quả"],
        ["Người mới sử dụng biện pháp tránh thai hiện đại", "đạt 5.113.387 người", "2025", "—", "—"],
    ]
    assert all(td.get("data-label") for td in table.xpath("tbody/tr/td"))  # each cell labelled for the phone layout
    assert "sơ sinh <b>" not in source


@pytest.mark.parametrize(
    "value, said",
    [
        ("1.8", 'ghi giá trị trong ngoặc kép, đúng như văn bản viết (ví dụ "1,8" hay "5.113.387"), nhận được số 1.8'),
        ("95", "nhận được số 95"),
        ('"chưa rõ"', "giá trị chỉ tiêu phải có chữ số"),
    ],
)
def test_a_target_value_not_as_written_is_refused_saying_to_quote_it(project, value, said):
    text = write_doc(project, TARGETS.replace('value: "0,2"', f"value: {value}"))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'value: ' + value)}: targets[1].value: ")
    assert said in problem


def test_a_target_comparison_not_in_the_list_names_the_choices(project):
    text = write_doc(project, TARGETS.replace("comparison: giảm", "comparison: hạ"))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'comparison: hạ')}: targets[1].comparison: ")
    assert "'đạt', 'tăng', 'giảm', 'không quá', 'ít nhất', 'trên', 'dưới' hoặc 'duy trì'" in problem


# --- van-ban.json ----------------------------------------------------------------------------


def documents_file(project, today: dt.date = TEST_TODAY) -> str:
    return outputs.render_outputs(load(project, today), BASE)[urls.DOCUMENTS_JSON]


BASE = "https://x.invalid/"


def test_van_ban_json_lists_each_document_with_its_facts_targets_and_relations(project):
    write_doc(project, head=OTHER_HEAD.replace('place: "Lạng Sơn"', 'place: "??"'), doc_id=OTHER_ID)
    write_doc(project, "covers: 2025\n" + TARGETS + POINTS + f'related:\n  - document: {OTHER_ID}\n    note: "cùng thực hiện"\n')
    data = json.loads(documents_file(project, DAY))
    assert data["as_of"] == "2025-06-15"
    by_id = {d["id"]: d for d in data["documents"]}
    assert [d["id"] for d in data["documents"]] == sorted(by_id)
    doc = by_id[DOC_ID]
    assert {k: doc[k] for k in ("url", "type", "kind", "number", "symbol", "reference", "place", "date", "date_precision", "current")} == {
        "url": f"{BASE}ke-hoach/{DOC_ID}/",
        "type": "KH",
        "kind": "Kế hoạch",
        "number": None,
        "symbol": "KH-UBND",
        "reference": None,
        "place": "Lạng Sơn",
        "date": "2025-03-10",
        "date_precision": "day",
        "current": True,
    }
    assert doc["facts"] == {"number": "unknown", "symbol": "known", "place": "known", "date": "known"}
    assert doc["issuer"] == {"id": "ubnd-lang-son", "name": "Ủy ban nhân dân tỉnh Lạng Sơn"}
    assert doc["covers"] == {"start": 2025, "end": 2025} and doc["validity"] is None
    assert [t["value"] for t in doc["targets"]] == ["0,2", "≥ 55", "5.113.387"]  # as written, never a number
    assert doc["targets"][1]["baseline"] == {"year": 2024, "value": "28 %"}
    assert doc["points"][0] == "Tăng cường truyền thông về <giới tính khi sinh>"
    assert doc["related"] == [{"id": OTHER_ID, "url": f"{BASE}ke-hoach/{OTHER_ID}/", "note": "cùng thực hiện"}]
    other = by_id[OTHER_ID]
    assert other["related"] == [{"id": DOC_ID, "url": f"{BASE}ke-hoach/{DOC_ID}/", "note": "cùng thực hiện"}]
    assert (other["place"], other["facts"]["place"], other["current"]) == (None, "unknown", False)
    assert other["summary"] == "Về công tác dân số <b>tỉnh</b>"  # the text as entered: JSON escapes what JSON must


def test_van_ban_json_says_a_date_known_only_as_on_or_before_and_names_another_province_s_issuer_with_it(project):
    """The open data says of a date what the page says (known only as 'on or before', so not known to the day),
    and names an issuer as every page does."""
    write_doc(
        project, head=HEAD.replace("date: 2025-03-10", 'date: "..2025-03-10"').replace("issuer: ubnd-lang-son", "issuer: ubnd-loc-ninh")
    )
    [doc] = [d for d in json.loads(documents_file(project, DAY))["documents"] if d["id"] == DOC_ID]
    assert (doc["date"], doc["date_precision"], doc["facts"]["date"]) == ("..2025-03-10", "on-or-before", "unknown")
    site = load(project, DAY)
    assert doc["issuer"]["name"] == site.name_of("ubnd-loc-ninh") != site.organisation["ubnd-loc-ninh"].name


def test_van_ban_json_is_the_same_for_the_same_content_and_escapes_what_json_must(project):
    write_doc(project, 'points:\n  - "Dấu \\"ngoặc\\" và \\\\ gạch chéo, </script>"\n')
    first, second = documents_file(project), documents_file(project)
    assert first == second and first.endswith("\n")
    assert '"Dấu \\"ngoặc\\" và \\\\ gạch chéo, </script>"' in first  # escaped by JSON, readable as UTF-8
    [doc] = [d for d in json.loads(first)["documents"] if d["id"] == DOC_ID]
    assert doc["points"] == ['Dấu "ngoặc" và \\ gạch chéo, </script>']


def test_the_press_page_links_van_ban_json_and_lists_its_fields(project):
    site = load(project)
    block = html.fromstring(f"<div>{documents_json.render_fields(site, urls.PRESS)}</div>")
    assert block.xpath("//a/@href") == ["../van-ban.json"]
    assert "targets[]" in [c.text_content() for c in block.xpath("//td/code")]
    assert "{{ documents_fields() }}" in (project / "docs/bao-chi.md").read_text(encoding="utf-8")


# --- the sample ----------------------------------------------------------------------------


# --- found by entering real documents known from reports ---------------------------------------------------

STEERING = """
- id: ban-chi-dao-thu
  name: "Ban Chỉ đạo công tác dân số và phát triển tỉnh Lạng Sơn"
  kind: ban-chi-dao
  level: tinh
  province: "Lạng Sơn"
"""


def _with_steering_committee(project) -> None:
    path = project / "data/organisations.yml"
    path.write_text(path.read_text(encoding="utf-8") + STEERING, encoding="utf-8")


def test_an_issuer_known_only_by_name_needs_no_heading_without_the_full_text(project):
    """A document known from a report: the lines its original prints at the top left are not known, the
    issuer is, by name; the page's header shows that name instead of inventing the printed lines."""
    _with_steering_committee(project)
    write_doc(project, head=HEAD.replace("issuer: ubnd-lang-son", "issuer: ban-chi-dao-thu").replace("KH-UBND", "KH-BCĐ"))
    site = load(project)
    page = html.fromstring(pages.render_document(site, site.document[DOC_ID]).html)
    named = page.xpath("//p[contains(@class, 'vb-header__org--named')]")
    assert [p.text_content() for p in named] == ["Ban Chỉ đạo công tác dân số và phát triển tỉnh Lạng Sơn"]


def test_an_issuer_without_heading_is_refused_when_the_full_text_is_entered(project):
    _with_steering_committee(project)
    text = write_doc(
        project,
        'sections:\n  - title: "MỤC ĐÍCH"\nrecipients:\n  - text: "Lưu: VT"\n    role: luu\n',
        head=HEAD.replace("issuer: ubnd-lang-son", "issuer: ban-chi-dao-thu"),
    )
    with pytest.raises(DataError) as caught:
        load(project)
    [message] = [str(p) for p in caught.value.problems]
    assert message.startswith(
        f"{DOC}:{where(text, 'issuer: ban-chi-dao-thu')}: issuer: cơ quan ban hành 'ban-chi-dao-thu' chưa có 'heading'"
    )


def test_a_target_stated_as_more_than_is_written_so(project):
    """'trên 95%' (more than) is not 'ít nhất' (at least): the comparison is kept as the source words it."""
    write_doc(
        project,
        """\
        targets:
          - indicator: "Tỷ lệ phụ nữ mang thai được tư vấn"
            comparison: "trên"
            value: "95"
            unit: "%"
            year: 2025
        """,
    )
    site = load(project)
    page = html.fromstring(pages.render_document(site, site.document[DOC_ID]).html)
    assert "trên 95 %" in " ".join(page.xpath("//table//td")[1].text_content().split())


@pytest.mark.parametrize(
    ("start", "end", "day", "phase"),
    [
        ("2025-01-01", "2025-12-31", dt.date(2024, 12, 31), "before"),
        ("2025-01-01", "2025-12-31", dt.date(2025, 6, 1), "now"),
        ("2025-01-01", "2025-12-31", dt.date(2026, 1, 1), "after"),
        ("..2025-03-01", "2025-12-31", dt.date(2025, 2, 1), "around"),  # it may already be in force: never "before"
        ("..2025-03-01", "2025-12-31", dt.date(2025, 3, 1), "now"),
        ("2025-01-01", "..2025-12-31", dt.date(2025, 6, 1), "around"),  # it may have ended: never "now"
        ("2025-01-??", "2025-12-31", dt.date(2025, 1, 15), "around"),
        ("2025-01-01", "..", dt.date(2025, 6, 1), "open"),
        ("2025-01-01", "??", dt.date(2024, 6, 1), "before"),
    ],
)
def test_a_validity_period_claims_only_what_its_dates_allow(start, end, day, phase):
    from congbo.models import Validity

    validity = Validity.model_validate({"start": start, "end": end})
    assert validity.phase(day) == phase
