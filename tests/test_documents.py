"""Documents as they are issued: each kind's heading block (Nghị định 30/2020; Hướng dẫn 36-HD/VPTW),
the three states of a fact on the page, dates written once and found in every calendar output, and
every mistake of a file in one run."""

from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import pytest
import recurring_ical_events
from conftest import FIXTURE, TEST_TODAY, copy_project, replace, where
from lxml import html

from congbo import agenda, calendar_json, ical, urls
from congbo.dates import PARTIAL_DATE_HELP
from congbo.errors import DataError
from congbo.feeds import full_text_link
from congbo.load import load_site
from congbo.outputs import render_all_pages
from congbo.pages import document_status, render_calendar

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"


def page_of(root, url: str) -> str:
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    return render_all_pages(site, "https://x.invalid/")[urls.src_of(url)].source


def text(source: str) -> str:
    body = source.split("---", 2)[2]
    return " ".join(html.fromstring(f"<div>{body}</div>").text_content().split())


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


# --- the three states ------------------------------------------------------------------

STATES = {
    # field: (old, blank, unknown, shown when blank, shown when unknown)
    "number": ('number: ".."', 'number: ".."', 'number: "??"', "Số: /KH-UBND", "Số: (chưa rõ số)/KH-UBND"),
    "day": (
        "date: 2021-01-..",
        "date: 2021-01-..",
        "date: 2021-01-??",
        "Lạng Sơn, ngày tháng 01 năm 2021",
        "Lạng Sơn, ngày … tháng 01 năm 2021",
    ),
    "signer": ('name: "Dương Xuân Huyền"', 'name: ".."', 'name: "??"', "PHÓ CHỦ TỊCH Nơi", "PHÓ CHỦ TỊCH (chưa rõ tên người ký)"),
}


@pytest.mark.parametrize("field", sorted(STATES))
def test_blank_and_unknown_are_shown_differently(tmp_path, field):
    old, blank, unknown, shown_blank, shown_unknown = STATES[field]
    pages = {}
    for state, new in (("blank", blank), ("unknown", unknown)):
        root = copy_project(tmp_path / state)
        if old != new:
            replace(root, LANG_SON, old, new)
        if field == "signer":  # the signer block comes after the recipients: put it first to read it alone
            pass
        pages[state] = text(page_of(root, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    if field != "signer":
        assert shown_blank in pages["blank"] and shown_unknown not in pages["blank"]
        assert shown_unknown in pages["unknown"] and shown_blank not in pages["unknown"]
    else:
        assert "(chưa rõ tên người ký)" not in pages["blank"] and "bản gốc chưa ghi" in pages["blank"]
        assert shown_unknown in pages["unknown"]
    assert "Ban biên tập chưa rõ" in pages["unknown"] and "Ban biên tập chưa rõ" not in pages["blank"]
    assert "Dương Xuân Huyền" not in (pages["blank"] if field == "signer" else "")


def test_a_year_alone_is_a_date(project):
    replace(project, LANG_SON, "date: 2021-01-..", "date: 2021-??-??")
    page = text(page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    assert "Lạng Sơn, ngày … tháng … năm 2021" in page
    assert "năm 2021 (chưa rõ ngày, tháng)" in page


@pytest.mark.parametrize(
    "old, new, said",
    [
        ('number: ".."\n', "", "'..' (bản gốc để trống) hoặc '??' (ban biên tập chưa rõ)"),
        ("date: 2021-01-..", "date: 2021-01", "'2021-01-..' nếu bản gốc để trống ngày"),
    ],
)
def test_an_unstated_blank_is_refused(project, old, new, said):
    replace(project, LANG_SON, old, new)
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    assert any(said in p.message for p in caught.value.problems)


# --- heading blocks of each kind --------------------------------------------------------


@pytest.fixture(scope="module")
def pages(site):
    return {src: html.fromstring(page.source.split("---", 2)[2]) for src, page in render_all_pages(site, "https://x.invalid/").items()}


def header(pages, doc_id: str):
    tree = pages[urls.src_of(urls.document(doc_id))]
    [block] = tree.xpath("//div[@class='vb-header' or @class='vb-header vb-header--party']")
    left = [" ".join(p.text_content().split()) for p in block.xpath("./div[1]/p")]
    right = [" ".join(p.text_content().split()) for p in block.xpath("./div[2]/p")]
    title = [" ".join(p.text_content().split()) for p in tree.xpath("//div[@class='vb-title']/p")]
    return left, right, title


def test_a_plan_has_the_state_heading_and_its_kind_as_title(pages):
    left, right, title = header(pages, "ke-hoach-60-nam-dan-so-viet-nam-lang-son")
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: /KH-UBND"]
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert title[0] == "KẾ HOẠCH"


@pytest.mark.parametrize("kind, title, first_part", [("TB", "THÔNG BÁO", "1."), ("BC", "BÁO CÁO", "I."), ("HD", "HƯỚNG DẪN", "I.")])
def test_a_notice_report_or_guidance_has_its_kind_as_title_and_its_own_numbering(project, kind, title, first_part):
    """The sample data holds no real Thông báo, Báo cáo or Hướng dẫn (none found in public sources): the
    Lạng Sơn plan's text entered as each kind shows that kind's heading block (Nghị định 30/2020)."""
    replace(project, LANG_SON, "type: KH", f"type: {kind}")
    replace(project, LANG_SON, "symbol: KH-UBND", f"symbol: {kind}-UBND")
    page = page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"))
    tree = html.fromstring(page.split("---", 2)[2])
    [block] = tree.xpath("//div[@class='vb-header']")
    left = [" ".join(p.text_content().split()) for p in block.xpath("./div[1]/p")]
    right = [" ".join(p.text_content().split()) for p in block.xpath("./div[2]/p")]
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", f"Số: /{kind}-UBND"]
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert [" ".join(p.text_content().split()) for p in tree.xpath("//div[@class='vb-title']/p")][0] == title
    first = " ".join(tree.xpath("//h2[starts-with(@id, 'muc-')]")[0].text_content().split())
    assert first.startswith(f"{first_part} MỤC ĐÍCH, YÊU CẦU"), first


def test_a_dispatch_has_its_summary_under_the_number_no_title_and_kinh_gui(pages):
    left, right, title = header(pages, "cong-van-1214-ubnd-bac-giang")
    assert left == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH BẮC GIANG",
        "Số: 1214/UBND-KGVX",
        "V/v Thực hiện các nhiệm vụ liên quan tại Báo cáo sơ kết 5 năm thực hiện Nghị quyết 21-NQ/TW của Bộ Y tế",
    ]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Giang, ngày 13 tháng 3 năm 2024"]
    assert title == []
    tree = pages[urls.src_of(urls.document("cong-van-1214-ubnd-bac-giang"))]
    assert " ".join(tree.xpath("//p[@class='vb-addressees']")[0].text_content().split()) == "Kính gửi: (chưa rõ)"


def test_a_party_document_has_the_party_heading_a_star_and_a_hyphenated_number(pages):
    left, right, title = header(pages, "nghi-quyet-21-nq-tw")
    assert left == ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 21-NQ/TW"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 25 tháng 10 năm 2017"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in right
    assert title == ["NGHỊ QUYẾT", "Về công tác dân số trong tình hình mới"]


def test_a_decision_has_its_title_summary_and_enacting_authority(pages):
    left, right, title = header(pages, "quyet-dinh-72-2001-qd-ttg")
    assert left == ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 72/2001/QĐ-TTg"]
    assert title == ["QUYẾT ĐỊNH", "Về Ngày Gia đình Việt Nam", "THỦ TƯỚNG CHÍNH PHỦ"]


def test_a_basis_links_to_the_cited_document_when_the_site_has_it(pages):
    tree = pages[urls.src_of(urls.document("ke-hoach-nghi-quyet-21-khcn-bac-giang"))]
    [bases] = tree.xpath("//p[@class='cb-meta__bases']")
    assert bases.xpath(".//a[@href='../cong-van-1214-ubnd-bac-giang/']")


# --- one date, every output ---------------------------------------------------------------


def test_every_activity_date_is_in_lich_ics_with_two_parsers_and_on_the_calendar_page(site, pages):
    ics = ical.render_ics(site, "https://x.invalid/")
    parsed = icalendar.Calendar.from_ical(ics)
    by_uid = {str(v["uid"]): v for v in parsed.walk("VEVENT")}
    checked = 0
    for document in site.documents:
        for activity in document.activities:
            if not (activity.time.deadline or activity.time.end):
                continue
            dates = agenda.activity_dates(document, activity)
            start, end = dates.start, dates.end
            uid = f"su-kien-{activity.event}@congbo" if activity.event else agenda.activity_uid(document, activity)
            vevent = by_uid[uid]
            assert (vevent.decoded("dtstart"), vevent.decoded("dtend")) == (start, end + dt.timedelta(days=1))
            found = recurring_ical_events.of(parsed).between(end, end + dt.timedelta(days=1))
            assert uid in {str(o["uid"]) for o in found}
            year_page = pages[urls.src_of(urls.calendar_year(end.year, TEST_TODAY.year))]
            items = year_page.xpath(f"//li[.//time[@datetime='{end.isoformat()}']]")  # a start not known to the day is said in words
            assert any(activity.name in i.text_content() for i in items), (document.id, activity.id)
            checked += 1
    assert checked >= 6


def test_a_period_reaches_the_documents_timeline_with_its_start_and_end(pages):
    tree = pages[urls.src_of(urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"))]
    rows = [" ".join(li.text_content().split()) for li in tree.xpath("//ol[@class='cb-timeline']/li")]
    assert any(r.startswith("26/12/2021 Tuyên truyền về công tác dân số") and "kết thúc" in r for r in rows)
    assert any(r.startswith("15/09/2021 Liên hoan tuyên truyền viên dân số cơ sở cấp huyện") for r in rows)


def test_an_event_repeating_a_documents_date_is_refused_naming_both_places(project):
    events = project / "data/events.yml"
    events.write_text(
        events.read_text(encoding="utf-8")
        + (
            '\n- id: han-lap-lai\n  name: "Hạn lặp lại"\n  kind: han\n  date: 2021-10-01\n'
            "  plan: ke-hoach-60-nam-dan-so-viet-nam-lang-son\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    [problem] = caught.value.problems
    assert problem.file == "data/events.yml"
    assert f"{LANG_SON}:" in problem.message and "activities[lien-hoan-cap-tinh].time" in problem.message


# --- messages ------------------------------------------------------------------------------


def test_swapped_day_and_month_suggests_the_date(project):
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 2015-25-11")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    assert caught.value.problems[0].message == "2015-25-11: tháng 25 không có; có phải 2015-11-25?"


def test_a_format_error_does_not_hide_a_misspelt_organisation_in_the_same_file(project):
    replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n")
    replace(project, LANG_SON, "    role: bao-cao\n", "    role: bao-cao-len\n")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    messages = [str(p) for p in caught.value.problems]
    assert any("không có cơ quan mã 'so-y-te-lang-sn'" in m for m in messages)
    [choice] = [m for m in messages if "role" in m]
    assert "'thuc-hien' (để thực hiện), 'bao-cao' (để báo cáo), 'de-biet' (để biết) hoặc 'luu' (lưu)" in choice
    assert " or " not in choice


@pytest.mark.parametrize("written, meant", [("Chỉ thị", "CT"), ("chi thi", "CT"), ("qd", "QĐ"), ("Tờ trình", None)])
def test_a_kind_written_out_suggests_its_code(project, written, meant):
    replace(project, "data/plans/chi-thi-01-2021-ubnd-bac-giang.yml", "type: CT\n", f'type: "{written}"\n')
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    [message] = [p.message for p in caught.value.problems]
    assert message.startswith("phải là 'KH' (Kế hoạch), 'CV' (Công văn)")
    if meant:
        assert message.endswith(f"nhận được: văn bản '{written}'; có phải '{meant}'?")
    else:
        assert message.endswith(f"nhận được: văn bản '{written}'")


def test_luu_typed_by_the_editor_is_not_doubled(project):
    replace(project, LANG_SON, '"VT, KG-VX (NTB)"', '"Lưu: VT, KG-VX (NTB)"')
    page = text(page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    assert "Lưu: VT, KG-VX (NTB)." in page and "Lưu: Lưu" not in page


# --- themes ------------------------------------------------------------------------------


def test_a_document_shows_the_year_s_theme_of_each_observance_it_works_towards(site):
    """The theme is written once, in observances.yml, and reaches every document working towards that year's day."""
    pages = render_all_pages(site, "https://x.invalid/")
    shown = 0
    for document in site.documents:
        page = text(pages[urls.src_of(urls.document(document.id))].source)
        for obs in (site.observance[o] for o in document.observances):
            year = agenda.programme_year(obs, document.date.first_day)
            theme = site.theme_of(obs, year)
            if theme:
                said = re.search(f"Chủ đề (.+?) năm {year}: “{re.escape(theme.theme)}”", page)
                assert said and obs.name in said.group(1), (document.id, obs.id)  # observances sharing it: one line names both
                shown += 1
    assert shown >= 1, "a sample document carries an observance's theme of its year"


def test_a_period_from_an_undated_issue_is_not_given_a_day_it_does_not_have(site):
    """The Lạng Sơn plan's day is blank and its activities run 'from now on': the calendar says so,
    and never '01/01/2021', which the bar only uses to start drawing."""
    document = site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]
    period = next(a for a in document.activities if a.time.end and not a.time.start and not a.event)
    assert agenda.activity_dates(document, period).start_text == "khi ban hành văn bản, tháng 01 năm 2021 (bản gốc chưa ghi ngày)"
    html = render_calendar(site, 2021, "").html
    assert "Từ khi ban hành văn bản, tháng 01 năm 2021 (bản gốc chưa ghi ngày) đến hết 26/12/2021" in html
    assert "01/01/2021" not in html


# --- a symbol, a basis's symbol and the recipients, not known ------------------------------


def test_a_symbol_not_known_is_said_in_the_heading_the_reference_and_the_note(project):
    replace(project, LANG_SON, "symbol: KH-UBND", 'symbol: "??"')
    replace(project, LANG_SON, 'number: ".."', 'number: "??"')
    page = text(page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    assert "Số: (chưa rõ số)/(chưa rõ ký hiệu)" in page
    assert "Chưa rõ số và ký hiệu — Ủy ban nhân dân tỉnh Lạng Sơn" in page
    assert "Ban biên tập chưa rõ số và ký hiệu của văn bản" in page
    assert "KH-UBND" not in page.split("Nơi nhận")[0]


def test_a_symbol_is_never_blank_in_the_original(project):
    text_ = replace(project, LANG_SON, "symbol: KH-UBND", 'symbol: ".."')
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    [problem] = caught.value.problems
    assert str(problem) == (
        f"{LANG_SON}:{where(text_, 'symbol:')}: symbol: không ghi '..' ở trường này: "
        "bản gốc nào, kể cả bản dự thảo, cũng in giá trị này; ghi giá trị, hoặc '??' (ban biên tập chưa rõ)"
    )


BASIS_NUMBER = '    number: "5463/BYT-TCDS"\n    document: cong-van-5463-byt-tcds\n'


def test_a_basis_known_by_its_number_alone_says_its_symbol_is_not_known(project):
    replace(project, LANG_SON, BASIS_NUMBER, '    number: "5463"\n    symbol: "??"\n')
    page = text(page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    assert "Công văn số 5463 (chưa rõ ký hiệu) ngày 09/10/2020 của Bộ Y tế" in page


def test_a_basis_s_unknown_symbol_goes_with_a_number_alone(project):
    replace(project, LANG_SON, BASIS_NUMBER, '    number: "5463/BYT-TCDS"\n    symbol: "??"\n')
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    [problem] = caught.value.problems
    assert problem.message.startswith("'symbol: \"??\"' (chưa rõ ký hiệu) đi kèm 'number' chỉ ghi số, ví dụ number: \"3589\"")


def _recipients_unknown(project):
    path = project / LANG_SON
    source = path.read_text(encoding="utf-8")
    head, tail = source.split("\nrecipients:\n", 1)
    path.write_text(head + '\nrecipients: "??"\n\nsigner:' + tail.split("\nsigner:", 1)[1], encoding="utf-8")


def test_recipients_not_known_are_said_not_left_out(project):
    _recipients_unknown(project)
    page = text(page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")))
    assert "Nơi nhận: (chưa rõ)" in page
    assert "Ban biên tập chưa rõ phần nơi nhận của văn bản" in page


def test_recipients_not_known_need_the_full_text(project):
    replace(project, "data/plans/chi-thi-01-2021-ubnd-bac-giang.yml", 'signer: "??"', 'signer: "??"\nrecipients: "??"')
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY)
    [problem] = caught.value.problems
    assert "chưa có toàn văn thì bỏ cả hai" in problem.message


# --- what the site knows of a document it holds without the full text ---------------------

CHI_THI = "data/plans/chi-thi-01-2021-ubnd-bac-giang.yml"
DATED = '\nactivities:\n  - id: bao-cao\n    name: "Báo cáo kết quả"\n    lead: ubnd-bac-giang\n    time:\n      deadline: 2021-03-01\n'


def test_without_the_full_text_the_last_known_date_is_not_called_the_last(project):
    path = project / CHI_THI
    path.write_text(path.read_text(encoding="utf-8") + DATED, encoding="utf-8")
    page = text(page_of(project, urls.document("chi-thi-01-2021-ubnd-bac-giang")))
    assert "Đã qua các thời hạn đã biết: muộn nhất là ngày 01/03/2021." in page
    assert "chưa có toàn văn nên không biết văn bản còn thời hạn nào khác" in page
    assert "thời hạn cuối cùng" not in page and "Đã kết thúc" not in page
    assert "Bảng do ban biên tập lập từ những gì đã biết về văn bản (chưa có toàn văn)" in page


def test_a_programme_gives_a_plan_known_to_the_year_its_year_not_a_month(project):
    replace(project, LANG_SON, "date: 2021-01-..", "date: 2021-??-??")
    page = text(page_of(project, urls.programme("ngay-dan-so-viet-nam", 2021)))
    assert "Năm 2021 Ban hành Kế hoạch tổ chức các hoạt động Kỷ niệm 60 năm" in page
    assert "Tháng 01/2021" not in page


# --- the sample documents as issued: what each was entered to show -------------------------

QUANG_NAM = "cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024"
LONG_AN = "ke-hoach-thang-hanh-dong-dan-so-2022-long-an"
LOC_NINH = "ke-hoach-128-ubnd-loc-ninh"
LONG_XUYEN = "cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024"
QD_BAC_GIANG = "quyet-dinh-27-2006-qd-ubnd-bac-giang"


def document_text(pages, doc_id: str) -> str:
    return " ".join(pages[urls.src_of(urls.document(doc_id))].text_content().split())


def test_a_document_known_from_a_news_report_says_what_it_does_not_know(pages):
    """Quảng Nam, 03/7/2024: the report ('đã có văn bản về việc …') gave neither kind, number nor symbol;
    they are not known, not blank, and the kind is not guessed from 'về việc'."""
    left, right, title = header(pages, QUANG_NAM)
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM", "Số: (chưa rõ số)/(chưa rõ ký hiệu)"]
    assert right[-1] == "Quảng Nam, ngày 03 tháng 7 năm 2024"
    assert title == ["(chưa rõ loại văn bản)", "Tổ chức các hoạt động hưởng ứng ngày Dân số thế giới 11/7 trên địa bàn tỉnh"]
    tree = pages[urls.src_of(urls.document(QUANG_NAM))]
    assert " ".join(tree.xpath("//h1")[0].text_content().split()).startswith(
        "Văn bản về việc tổ chức các hoạt động hưởng ứng ngày Dân số thế giới 11/7 trên địa bàn tỉnh"
    )
    assert not tree.xpath("//*[@class='vb-blank']"), "not known is never shown as blank in the original"
    page = document_text(pages, QUANG_NAM)
    assert "Chưa rõ số và ký hiệu — Ủy ban nhân dân tỉnh Quảng Nam, ngày 03 tháng 7 năm 2024" in page
    assert "bản gốc chưa ghi" not in page
    assert "Công văn số 3589 (chưa rõ ký hiệu) (chưa rõ ngày ban hành) của Bộ Y tế" in page
    assert "Chủ đề Ngày Dân số Thế giới năm 2024: “Đầu tư cho công tác dân số là đầu tư cho phát triển bền vững”" in page
    assert "Đã qua các thời hạn đã biết: muộn nhất là ngày 30/07/2024" in page


def test_a_plan_spanning_vietnam_population_day_carries_the_year_s_shared_theme(site, pages):
    """Long An 2022: its period (1–31/12/2022) holds 26/12, and both observances share the one theme of 2022,
    entered once and said once."""
    theme = "Nâng cao chất lượng dân số để phát triển đất nước nhanh và bền vững"
    page = document_text(pages, LONG_AN)
    assert f"Chủ đề Tháng hành động quốc gia về Dân số và Ngày Dân số Việt Nam năm 2022: “{theme}”" in page
    assert page.count(theme) == 1
    assert "Long An, ngày … tháng … năm 2022" in page and "năm 2022 (chưa rõ ngày, tháng)" in page
    assert (FIXTURE / "data" / "observances.yml").read_text(encoding="utf-8").count(theme) == 1, "entered once"
    [activity] = site.document[LONG_AN].activities
    dates = agenda.activity_dates(site.document[LONG_AN], activity)
    start, end = dates.start, dates.end
    assert start <= dt.date(2022, 12, 26) <= end
    december = [o for o in site.agenda.occurrences(2022) if agenda.overlaps(o, dt.date(2022, 12, 26), dt.date(2022, 12, 26))]
    assert {o.key for o in december} >= {f"{LONG_AN}/{activity.id}", "ngay-dan-so-viet-nam", "thang-hanh-dong-dan-so"}
    year_page = pages[urls.src_of(urls.calendar_year(2022, TEST_TODAY.year))]
    [row] = [li for li in year_page.xpath("//li[.//time[@datetime='2022-12-31']]") if activity.name in li.text_content()]
    assert row.xpath(".//time[@datetime='2022-12-01']")


def test_a_district_plan_issued_before_july_2025_keeps_its_district(site, pages):
    document = site.document[LOC_NINH]
    issuer = site.organisation[document.issuer]
    assert issuer.level == "huyen" and document.date.last_day <= dt.date(2025, 6, 30)
    left, right, title = header(pages, LOC_NINH)
    assert left == ["ỦY BAN NHÂN DÂN", "HUYỆN LỘC NINH", "Số: 128/KH-UBND"]
    assert right[-1] == "Lộc Ninh, ngày … tháng 9 năm 2019"
    assert "tháng 9 năm 2019 (chưa rõ ngày)" in document_text(pages, LOC_NINH)


def test_a_city_dispatch_known_from_its_portal_keeps_its_district_level_and_says_what_it_does_not_know(site, pages):
    """Long Xuyên, 2024: a city of An Giang (district level before 1/7/2025); the portal gave neither kind,
    number, symbol, date beyond the year nor signer: each is said as not known, never blank, and no kind
    is guessed (the page calls it 'văn bản'; with the kind unknown, whether it has 'Kính gửi' lines is too)."""
    document = site.document[LONG_XUYEN]
    issuer = site.organisation[document.issuer]
    assert (issuer.id, issuer.kind, issuer.level, issuer.province) == ("ubnd-long-xuyen", "ubnd", "huyen", "An Giang")
    assert issuer.parent == "ubnd-an-giang" and document.date.last_day <= dt.date(2025, 6, 30)
    left, right, title = header(pages, LONG_XUYEN)
    assert (document.type_known, document.kind_name) == (False, "Văn bản")
    assert left == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LONG XUYÊN", "Số: (chưa rõ số)/(chưa rõ ký hiệu)"]
    assert right[-1] == "Long Xuyên, ngày … tháng … năm 2024"
    assert title == ["(chưa rõ loại văn bản)", "Treo băng rôn, biểu ngữ hưởng ứng ngày Dân số thế giới (11/7) năm 2024"]
    tree = pages[urls.src_of(urls.document(LONG_XUYEN))]
    assert " ".join(tree.xpath("//h1")[0].text_content().split()).startswith(
        "Văn bản về việc treo băng rôn, biểu ngữ hưởng ứng ngày Dân số thế giới (11/7) năm 2024"
    )
    assert not tree.xpath("//*[@class='vb-blank']"), "not known is never shown as blank in the original"
    assert not tree.xpath("//*[contains(@class, 'vb-addressees')]")
    page = document_text(pages, LONG_XUYEN)
    assert "Ban biên tập chưa rõ loại văn bản, số, ký hiệu, ngày, tháng và người ký của văn bản" in page
    assert not re.search(r"\b(Công văn|Kế hoạch|Thông báo)\b", page.replace("Công văn số 860/UBND-KGVX", "")), "no kind is guessed"
    assert "Chưa rõ số và ký hiệu — Ủy ban nhân dân thành phố Long Xuyên, tỉnh An Giang, năm 2024 (chưa rõ ngày, tháng)" in page
    assert "(chưa rõ người ký)" in page and "bản gốc chưa ghi" not in page
    [bases] = tree.xpath("//p[@class='cb-meta__bases']")
    assert " ".join(bases.text_content().split()) == (
        "Văn bản được dẫn làm căn cứ: Công văn số 860/UBND-KGVX ngày 28/06/2024 của Ủy ban nhân dân tỉnh An Giang "
        "về việc treo băng rôn, biểu ngữ, áp phích hưởng ứng ngày Dân số thế giới 11/7/2024."
    )


def test_a_city_dispatch_gives_work_to_its_wards_and_communes_as_a_class(site, pages):
    """'UBND các phường, xã' of the city, a class of commune People's Committees under the city, is an
    assignee in its own right: not a partner of another body, which the text does not say."""
    group = site.organisation["ubnd-cac-phuong-xa-long-xuyen"]
    assert group.kind == "nhom" and (group.members.kind, group.members.level) == ("ubnd", "xa")
    assert group.parent == site.document[LONG_XUYEN].issuer
    tree = pages[urls.src_of(urls.document(LONG_XUYEN))]
    rows = tree.xpath("//table[@class='cb-duties']/tbody/tr")
    leads = {" ".join(r.xpath("td[2]")[0].text_content().split()): r for r in rows}
    assert sorted(leads) == [  # another province's bodies: named with their province, never by a short name
        "Các phòng, ban, ngành thành phố Long Xuyên, tỉnh An Giang",
        "Các đoàn thể thành phố Long Xuyên, tỉnh An Giang",
        "Trung tâm Văn hóa - Thể thao và Truyền thanh thành phố Long Xuyên, tỉnh An Giang",
        "Ủy ban nhân dân các phường, xã thuộc thành phố Long Xuyên, tỉnh An Giang",
    ]
    row = leads["Ủy ban nhân dân các phường, xã thuộc thành phố Long Xuyên, tỉnh An Giang"]
    assert row.xpath("td[2]/a/@href") == ["../../co-quan/ubnd-cac-phuong-xa-long-xuyen/"]
    assert " ".join(row.xpath("td[1]")[0].text_content().split()) == (
        "UBND các phường, xã treo băng rôn, biểu ngữ hưởng ứng ngày Dân số thế giới (11/7)"
    )
    assert all(" ".join(r.xpath("td[3]")[0].text_content().split()) == "—" for r in rows), "no partner the text does not name"


def test_a_period_whose_end_is_not_known_keeps_its_start_and_is_not_given_an_end(site, pages):
    """The portal's copy stops at 'từ ngày 05/7/2024 đến ngày ': the start is stated, the end is not known
    ('??'). Every output says so; none draws the period to a day, nor calls it past or under way."""
    document = site.document[LONG_XUYEN]
    assert document.activities and document.last_day is None
    for activity in document.activities:
        time = activity.time
        assert (time.deadline, str(time.start), time.end_day, time.open_end.unknown) == (None, "2024-07-05", None, True)
    # The document as a whole is known to be for 2024 (its summary says so: `covers`), its periods' ends are not.
    assert document_status(site, document) == {"state": "covers", "phase": "past", "years": "năm 2024"}
    page = document_text(pages, LONG_XUYEN)
    assert page.count("Từ ngày 05 tháng 7 năm 2024; chưa rõ ngày kết thúc") == len(document.activities)  # the activities' table
    assert page.count("05/07/2024") == len(document.activities)  # the document's timeline: each start, once
    assert "đến hết ngày" not in page and "kết thúc" not in page.replace("chưa rõ ngày kết thúc", "")
    timeline = pages[urls.src_of(urls.document(LONG_XUYEN))].xpath("//ol[contains(@class, 'cb-timeline')]/li")
    assert len(timeline) == len(document.activities) and not [li for li in timeline if li.xpath(".//*[@data-cb-start]")]

    calendar_file = icalendar.Calendar.from_ical(ical.render_ics(site, "https://x.invalid/"))
    vevents = [v for v in calendar_file.walk("VEVENT") if LONG_XUYEN in str(v["uid"])]
    assert len(vevents) == len(document.activities)
    for vevent in vevents:
        assert (vevent.decoded("dtstart"), vevent.decoded("dtend")) == (dt.date(2024, 7, 5), dt.date(2024, 7, 6))
        assert str(vevent["summary"]).startswith("Bắt đầu: ") and "chưa rõ ngày kết thúc" in str(vevent["description"])

    year = pages[urls.src_of(urls.calendar_year(2024, TEST_TODAY.year))]
    items = year.xpath("//li[contains(@class, 'cb-cal__item--start')]")
    assert sorted(" ".join(i.xpath(".//p[@class='cb-cal__title']/a")[0].text_content().split()) for i in items) == sorted(
        a.name for a in document.activities
    )
    for item in items:
        words = " ".join(item.text_content().split())
        assert words.startswith("Từ 05/07/2024 bắt đầu; chưa rõ ngày kết thúc"), words
        assert "past" not in item.get("class") and not item.xpath(".//*[@data-cb-start]"), (
            "neither past nor under way: its end is not known"
        )

    listed = [i for i in json.loads(calendar_json.render_calendar_json(site, "https://x.invalid/"))["items"] if i["kind"] == "bat-dau"]
    assert [(i["start"], i["end"]) for i in listed] == [("2024-07-05", None)] * len(document.activities)


def test_a_period_whose_end_the_original_leaves_blank(project):
    """'đến ngày …' in the original: the page says the original gives no end; a document with its full
    text then has no end date to state."""
    document_file = project / LANG_SON
    source = document_file.read_text(encoding="utf-8")
    written = '    time:\n      end: 2021-12-26\n    output: "Tăng số lượng chuyên trang'
    assert source.count(written) == 1
    document_file.write_text(
        source.replace(written, '    time:\n      start: 2021-02-01\n      end: ".."\n    output: "Tăng số lượng chuyên trang'),
        encoding="utf-8",
    )
    site = load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    document = site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]
    assert document.full_text and document.last_day is None and document_status(site, document) == {"state": "no-end-date"}
    page = text(render_all_pages(site, "https://x.invalid/")[urls.src_of(urls.document(document.id))].source)
    assert "Từ ngày 01 tháng 02 năm 2021; bản gốc chưa ghi ngày kết thúc" in page
    assert "Văn bản không ghi thời hạn kết thúc." in page


@pytest.mark.parametrize(
    "time, message",
    [
        (
            '    time:\n      end: "??"\n',
            "'end: \"??\"' (chưa có ngày kết thúc) phải đi kèm 'start' (ngày bắt đầu): "
            "không có cả hai ngày thì ghi thời gian như văn bản viết ('observances' hoặc 'ongoing: true')",
        ),
        (
            '    event: treo-bang-ron\n    time:\n      start: 2021-02-01\n      end: "??"\n',
            "chỉ hoạt động có ngày ('deadline', hoặc 'end' là một ngày) mới có mã sự kiện 'event'",
        ),
        (
            '    time:\n      start: 2021-02-01\n      end: "?"\n',
            "time.end: " + PARTIAL_DATE_HELP.format(found="'?'") + "; "
            "chưa có ngày kết thúc thì ghi '..' (bản gốc để trống) hoặc '??' (ban biên tập chưa rõ), kèm 'start'",
        ),
        (
            "    time:\n      end: 26/12/2021\n",
            "time.end: " + PARTIAL_DATE_HELP.format(found="'26/12/2021'") + "; có phải 2021-12-26?",
        ),
    ],
)
def test_a_period_without_an_end_date_needs_its_start_and_keeps_no_event(project, time, message):
    document_file = project / LANG_SON
    source = document_file.read_text(encoding="utf-8")
    written = '    time:\n      end: 2021-12-26\n    output: "Tăng số lượng chuyên trang'
    document_file.write_text(source.replace(written, time + '    output: "Tăng số lượng chuyên trang'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{LANG_SON}:") and problem.endswith(message), problem  # a date written day first is only asked back


def test_a_decision_s_articles_are_numbered_and_its_unknown_recipients_said(pages):
    left, right, title = header(pages, QD_BAC_GIANG)
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "Số: 27/2006/QĐ-UBND"]
    assert title[0] == "QUYẾT ĐỊNH" and title[-1] == "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"
    tree = pages[urls.src_of(urls.document(QD_BAC_GIANG))]
    bases = [" ".join(p.text_content().split()) for p in tree.xpath("//p[@class='vb-basis']")]
    assert bases[0] == "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003 của Quốc hội;"
    assert bases[1].startswith("Căn cứ Quyết định số 09/2006/QĐ-TTg ngày 10/01/2006 của Thủ tướng Chính phủ về việc ban hành")
    assert tree.xpath("//p[@class='vb-enact']")[0].text_content() == "QUYẾT ĐỊNH:"
    articles = [" ".join(p.text_content().split()) for p in tree.xpath("//p[@class='vb-numbered']")]
    assert [a.split(".")[0] for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert articles[1] == "Điều 2. Quyết định có hiệu lực thi hành sau 10 ngày, kể từ ngày ký."
    page = document_text(pages, QD_BAC_GIANG)
    assert "Nơi nhận: (chưa rõ) TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Văn Hạnh" in page
    assert "Ban biên tập chưa nhập Chương trình hành động ban hành kèm theo Quyết định này" in page


def test_the_2021_theme_entered_once_reaches_the_lang_son_plan_through_vietnam_population_day(site, pages):
    obs = site.observance["ngay-dan-so-viet-nam"]
    assert obs.theme_for(2021).same_as == "thang-hanh-dong-dan-so" and obs.theme_for(2021).theme is None
    page = document_text(pages, "ke-hoach-60-nam-dan-so-viet-nam-lang-son")
    assert "Chủ đề Ngày Dân số Việt Nam năm 2021: “60 năm ngành Dân số – Vì một Việt Nam phát triển bền vững”" in page


def test_the_documents_index_does_not_claim_every_document_is_published_in_full(site, pages):
    assert any(not p.full_text for p in site.documents)
    [lead] = pages[urls.src_of(urls.DOCUMENTS)].xpath("//p[@class='cb-lead']")
    said = " ".join(lead.text_content().split())
    assert said.startswith(f"{len(site.documents)} văn bản (kế hoạch, công văn, quyết định…)")
    assert "văn bản chưa có toàn văn chỉ ghi những gì đã biết" in said and "Mỗi kế hoạch được đăng nguyên văn" not in said


def test_a_feed_item_offers_the_full_text_only_when_the_site_holds_it(site):
    assert full_text_link(site.document[QUANG_NAM]) == "Những gì đã biết về văn bản (chưa có toàn văn)"
    assert full_text_link(site.document[QD_BAC_GIANG]) == "Toàn văn quyết định"
    assert full_text_link(site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]) == "Toàn văn kế hoạch và bảng phân công"


@pytest.mark.parametrize("written, linked", [("5463/BYT-TCDS", True), ("5463/BYT-KHTC", False), ("546/BYT-TCDS", False)])
def test_a_basis_without_its_page_named_is_linked_when_issuer_number_and_symbol_match(project, written, linked):
    """Without 'document:', the cited document's page is found by issuer, number and symbol, all three."""
    replace(project, LANG_SON, "    document: cong-van-5463-byt-tcds\n", "")
    replace(project, LANG_SON, 'number: "5463/BYT-TCDS"', f'number: "{written}"')
    page = page_of(project, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"))
    bases_line = page.split('class="cb-meta__bases"', 1)[1].split("</p>", 1)[0]
    assert f"Công văn số {written}" in bases_line
    assert ('href="../cong-van-5463-byt-tcds/"' in bases_line) == linked
