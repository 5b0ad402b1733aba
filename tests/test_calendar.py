"""The observance calendar: dates, the calendar pages, the home page's "Sắp tới", lich.json,
event JSON-LD, editors' date mistakes, and the page on a phone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import json

import icalendar
import pytest

from conftest import read_page, text_of, copy_project, mkdocs_build, screenshot_path
from congbo import agenda, pages, texts, urls

TODAY = dt.date(2026, 11, 20)  # conftest.TEST_EPOCH


# --- dates --------------------------------------------------------------------------------

# (observance, year) → first and last day, checked against REFERENCES.md §3 over many years.
KNOWN = (
    [("ngay-dan-so-the-gioi", year, dt.date(year, 7, 11), dt.date(year, 7, 11)) for year in (1990, 2021, 2024, 2027, 2030)]
    + [("ngay-dan-so-viet-nam", year, dt.date(year, 12, 26), dt.date(year, 12, 26)) for year in (1997, 2021, 2027)]
    + [("thang-hanh-dong-dan-so", year, dt.date(year, 12, 1), dt.date(year, 12, 31)) for year in (2011, 2026, 2027)]
    + [
        ("ngay-gia-dinh-viet-nam", 2028, dt.date(2028, 6, 28), dt.date(2028, 6, 28)),
        ("ngay-quoc-te-hanh-phuc", 2027, dt.date(2027, 3, 20), dt.date(2027, 3, 20)),
    ]
)


@pytest.mark.parametrize(("observance", "year", "first", "last"), KNOWN)
def test_observance_dates(site, observance, year, first, last):
    assert agenda.observance_dates(site.observance[observance], year) == (first, last)


def test_no_occurrence_before_the_first_year(site):
    assert agenda.observance_dates(site.observance["ngay-dan-so-the-gioi"], 1989) is None
    assert agenda.observance_dates(site.observance["thang-hanh-dong-dan-so"], 2010) is None


def test_anniversary_counts_from_the_origin(site):
    assert agenda.anniversary(site.observance["ngay-dan-so-viet-nam"], 2021) == 60
    assert agenda.anniversary(site.observance["ngay-dan-so-the-gioi"], 2021) is None  # no origin in the data


def test_next_year_is_shown_from_october():
    assert agenda.shown_years(dt.date(2026, 9, 30), 2026) == [2026]
    assert agenda.shown_years(dt.date(2026, 10, 1), 2026) == [2026, 2027]
    assert agenda.shown_years(dt.date(2026, 10, 1), 2021) == [2021]


def test_calendar_years(site):
    assert site.agenda.years(TODAY) == [1994, 2001, 2019, 2021, 2022, 2024, 2026, 2027]
    assert 2027 not in site.agenda.years(dt.date(2026, 9, 1))


# --- the calendar page --------------------------------------------------------------------


def test_current_page_opens_on_the_build_month_then_the_next_year(built_site, site):
    page = read_page(built_site, urls.CALENDAR)
    assert text_of(page.find(".//h1")) == "Lịch từ tháng 11/2026 đến hết năm 2027"
    assert page.findtext(".//title").startswith("Lịch từ tháng 11/2026 đến hết năm 2027 - ")
    assert [h.get("id") for h in page.xpath("//article//h2")][:2] == ["nam-2026", "nam-2027"]
    upcoming = page.xpath("//article/*[not(self::details)]/descendant-or-self::*[starts-with(@id, 'thang-')]")
    assert [e.get("id") for e in upcoming][:3] == ["thang-11", "thang-12", "thang-1-2027"]
    assert {e.get("id") for e in upcoming} == {"thang-11", "thang-12"} | {f"thang-{m}-2027" for m in range(1, 13)}
    # Months without items are one line each run; the year's past months fold first, under its heading.
    nothing = [text_of(p) for p in page.xpath("//article/p[contains(@class, 'cb-cal__none')]")]
    assert nothing[:2] == ["Tháng 11: không có ngày kỷ niệm hay mốc nào.", "Tháng 1 – tháng 2 năm 2027: không có ngày kỷ niệm hay mốc nào."]
    [past] = page.xpath("//details[contains(@class, 'cb-cal__past')]")
    assert text_of(past.find("summary")) == "Các tháng đã qua của năm 2026"
    assert {e.get("id") for e in past.xpath(".//*[starts-with(@id, 'thang-')]")} == {f"thang-{m}" for m in range(1, 11)}
    # Every observance appears in each year with its date, meaning and basis.
    for observance in site.observances:
        items = page.xpath(f"//li[contains(@class, 'cb-cal__item--observance')][.//a[@href='../ngay-ky-niem/{observance.id}/']]")
        assert len(items) == 2, observance.id
        text = text_of(items[0])
        assert observance.summary in text
        assert "Căn cứ: " + observance.basis[0].document in text


def test_the_calendars_contents_are_in_date_order(site):
    """The year's folded past months come before its coming months, under the year's heading, on the page
    and in its table of contents (phone "Mục lục" and desktop sidebar alike)."""
    page = pages.render_calendar(site, TODAY.year, "")
    months = [(y, m) for y in (2026, 2027) for m in range(1, 13)]

    def order(toc) -> list[tuple[int, int]]:
        found = []
        for token in toc:
            match = re.fullmatch(r"thang-(\d+)(?:-(\d+))?", token["id"])
            if match:
                found.append((int(match.group(2) or TODAY.year), int(match.group(1))))
            found += order(token["children"])
        return found

    listed = order(page.toc)
    assert listed == sorted(listed) and set(listed) <= set(months) and (2026, 3) in listed and (2027, 12) in listed

    def tokens(toc):
        for token in toc:
            yield token
            yield from tokens(token["children"])

    year_2027 = next(t for t in tokens(page.toc) if t["id"] == "nam-2027")
    assert all(y == 2027 for y, _ in order(year_2027["children"]))


def test_calendar_title_says_what_it_shows(site):
    assert pages.calendar_heading(dt.date(2026, 11, 20), 2026, [2026, 2027]) == "Lịch từ tháng 11/2026 đến hết năm 2027"
    assert pages.calendar_heading(dt.date(2026, 3, 5), 2026, [2026]) == "Lịch từ tháng 3/2026 đến hết năm 2026"
    assert pages.calendar_heading(dt.date(2026, 1, 5), 2026, [2026]) == "Lịch năm 2026"
    assert pages.calendar_heading(dt.date(2026, 11, 20), 2021, [2021]) == "Lịch năm 2021"


def test_past_items_are_marked_against_the_build_date(built_site):
    page = read_page(built_site, urls.CALENDAR)

    def item(day: str):
        [li] = page.xpath(f"//li[contains(@class, 'cb-cal__item')][.//time[@datetime='{day}']][1]")
        return li

    past, coming = item("2026-07-11"), item("2026-12-26")
    assert "cb-cal__item--past" in past.get("class") and "đã qua" in text_of(past)
    assert "cb-cal__item--past" not in coming.get("class") and "đã qua" not in text_of(coming)
    assert "Lịch tính đến ngày 20/11/2026" in text_of(page)


def test_action_month_is_drawn_as_a_period(built_site):
    page = read_page(built_site, urls.CALENDAR)
    [month] = page.xpath("//h3[@id='thang-12']/following-sibling::ol[1]/li[contains(@class, 'cb-cal__item--period')]")
    assert "Tháng hành động quốc gia về Dân số" in text_of(month)
    assert "Đợt hoạt động cả tháng 12, từ 01/12/2026 đến hết 31/12/2026" in text_of(month)
    [fill] = month.xpath(".//span[@class='cb-cal__fill']")
    assert "left:0.00%;width:100.00%" in fill.get("style")
    # One-day items carry no bar.
    assert not page.xpath("//li[.//time[@datetime='2026-12-26']]//span[@class='cb-cal__fill']")


def test_theme_of_the_year_and_programme_on_that_years_page(built_site):
    page = read_page(built_site, urls.calendar_year(2024, TODAY.year))
    [wpd] = page.xpath("//li[contains(@class, 'cb-cal__item--observance')][.//time[@datetime='2024-07-11']]")
    assert "Chủ đề năm 2024: “Đầu tư cho công tác dân số là đầu tư cho phát triển bền vững”" in text_of(wpd)
    assert wpd.xpath(".//a[@href='../../chuong-trinh/ngay-dan-so-the-gioi-2024/']")


def test_plan_events_and_deadlines_show_their_plan(built_site):
    page = read_page(built_site, urls.calendar_year(2021, TODAY.year))
    [deadline] = page.xpath("//li[contains(@class, 'cb-cal__item--deadline')][.//time[@datetime='2021-09-15']]")
    assert deadline.xpath(".//a[@href='../../su-kien/han-lien-hoan-cap-huyen-lang-son-2021/']")
    assert "Theo Kế hoạch tổ chức các hoạt động Kỷ niệm 60 năm ngày Dân số Việt Nam" in text_of(deadline)
    assert "hạn" in text_of(deadline) and "đã qua" in text_of(deadline)
    [vn] = page.xpath("//li[contains(@class, 'cb-cal__item--observance')][.//time[@datetime='2021-12-26']]")
    assert "Kỷ niệm 60 năm" in text_of(vn)


def test_subscribe_link_and_phone_instructions(built_site):
    page = read_page(built_site, urls.CALENDAR)
    assert page.xpath("//a[@href='webcal://danso.langson.gov.vn/lich.ics']")
    assert page.xpath("//a[@href='../lich.ics'][@download]")
    [google] = page.xpath("//a[starts-with(@href, 'https://calendar.google.com/calendar/render?cid=')]")
    assert google.get("href").endswith("webcal%3A%2F%2Fdanso.langson.gov.vn%2Flich.ics")
    section = text_of(page.xpath("//h2[@id='dua-vao-dien-thoai']/following-sibling::div[1]")[0])
    assert "https://danso.langson.gov.vn/lich.ics" in section
    for words in ("iPhone", "Thêm lịch đã đăng ký", "Android", "Từ URL", "Đồng bộ hóa"):
        assert words in section


def test_without_site_url_the_page_offers_the_file_only(site):
    text = pages.render_calendar(site, TODAY.year, base_url="").html
    assert "webcal://" not in text and "calendar.google.com" not in text
    assert 'href="../lich.ics" download' in text


# --- home page ----------------------------------------------------------------------------


def test_home_page_lists_what_comes_next(built_site):
    page = read_page(built_site, "")
    [block] = page.xpath("//ul[@class='cb-next']")
    names = [text_of(a) for a in block.xpath(".//a[@class='cb-next__name']")]
    assert names == ["Tháng hành động quốc gia về Dân số", "Ngày Dân số Việt Nam", "Ngày Quốc tế Phụ nữ"]
    assert "còn 11 ngày" in text_of(block) and "Kỷ niệm 65 năm" in text_of(block)
    assert page.xpath("//a[@href='lich/#dua-vao-dien-thoai']")


# --- lich.json ----------------------------------------------------------------------------


def test_lich_json_has_the_same_items_as_the_ics(built_site):
    data = json.loads((built_site / urls.CALENDAR_JSON).read_text(encoding="utf-8"))
    cal = icalendar.Calendar.from_ical((built_site / urls.ICS).read_bytes())
    ics_uids = {str(v["uid"]) for v in cal.walk("VEVENT")}
    assert {i["uid"] for i in data["items"]} == ics_uids
    assert {o["uid"] for o in data["observances"]} <= ics_uids
    assert data["years"] == [1994, 2001, 2019, 2021, 2022, 2024, 2026, 2027]
    by_key = {(i["id"], i["start"]): i for i in data["items"]}
    assert by_key[("ngay-dan-so-the-gioi", "2027-07-11")]["end"] == "2027-07-11"
    assert by_key[("thang-hanh-dong-dan-so", "2027-12-01")]["end"] == "2027-12-31"
    vn2021 = by_key[("ngay-dan-so-viet-nam", "2021-12-26")]
    assert vn2021["anniversary"] == 60
    assert vn2021["programme"] == "https://danso.langson.gov.vn/chuong-trinh/ngay-dan-so-viet-nam-2021/"
    assert by_key[("ngay-dan-so-the-gioi", "2024-07-11")]["theme"] == "Đầu tư cho công tác dân số là đầu tư cho phát triển bền vững"
    deadline = by_key[("han-lien-hoan-cap-huyen-lang-son-2021", "2021-09-15")]
    assert deadline["kind"] == "han" and deadline["plan"]["id"] == "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
    assert len(by_key) == len(data["items"]), "each item once"


def test_lich_json_is_documented_on_the_press_page(built_site):
    data = json.loads((built_site / urls.CALENDAR_JSON).read_text(encoding="utf-8"))
    calendar_page = read_page(built_site, urls.CALENDAR)
    assert calendar_page.xpath("//a[@href='../lich.json']") and calendar_page.xpath("//a[@href='../bao-chi/#lich-json']")
    assert not calendar_page.xpath("//table"), "the field table is for developers: it lives on the press page"
    page = read_page(built_site, urls.PRESS)
    documented = " ".join(text_of(td) for td in page.xpath("//h2[@id='lich-json']/following-sibling::div[1]//td"))
    for key in data:
        assert key in documented, key
    for key in data["items"][0]:
        assert f"{key}" in documented, key


# --- event JSON-LD ------------------------------------------------------------------------


def _jsonld(page):
    [script] = page.xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def test_event_pages_carry_schema_org_event(built_site, site):
    for event in site.events:
        data = _jsonld(read_page(built_site, urls.event(event.id)))
        assert data["@type"] == "Event" and data["@context"] == "https://schema.org"
        assert data["name"] == event.name
        assert data["startDate"] == event.first_day.isoformat()
        assert data["url"] == "https://danso.langson.gov.vn/" + urls.event(event.id)
        if len(event.organisers) == 1:
            assert data["organizer"]["@type"] == "GovernmentOrganization"


def test_jsonld_cannot_break_out_of_its_script_block(site):
    name = 'Lễ mít tinh </script><script>alert("x")</script> & <!-- cuối -->'
    event = site.events[0].model_copy(update={"name": name, "place": "Nhà văn hóa </SCRIPT>", "time": dt.time(8, 0), "kind": "su-kien"})
    text = pages.render_event(dataclasses.replace(site, events=site.events + (event,)), event, "https://danso.langson.gov.vn/").html
    body = text.split('<script type="application/ld+json">', 1)[1]
    assert body.count("</script>") == 1 and "</SCRIPT>" not in body and "<!--" not in body
    data = json.loads(body.split("</script>", 1)[0])
    assert data["name"] == name
    assert data["startDate"] == f"{event.first_day.isoformat()}T08:00:00+07:00"
    assert data["location"] == {"@type": "Place", "name": "Nhà văn hóa </SCRIPT>"}
    assert texts.script_json({"a": "</script>"}) == '{"a": "\\u003c/script\\u003e"}'


# --- editors' mistakes ----------------------------------------------------------------------

BAD_EVENTS = {
    "impossible-date": (
        '- id: su-kien-ngay-sai\n  name: "Sự kiện ngày sai"\n  date: 2021-02-30\n',
        "date: 2021-02-30",
        "[su-kien-ngay-sai].date: 2021-02-30: tháng 2 năm 2021 không có ngày 30 trên lịch",
    ),
    "end-before-start": (
        '- id: su-kien-ket-thuc-truoc\n  name: "Hội thi kết thúc trước khi bắt đầu"\n  date: 2021-12-20\n  end: 2021-12-10\n',
        "- id: su-kien-ket-thuc-truoc",
        "[su-kien-ket-thuc-truoc]: ngày kết thúc 2021-12-10 trước ngày bắt đầu 2021-12-20",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_EVENTS))
def test_bad_event_dates_fail_the_build_with_file_and_line(tmp_path, case):
    record, needle, message = BAD_EVENTS[case]
    project = copy_project(tmp_path / "project")
    events = project / "data" / "events.yml"
    text = events.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + record
    events.write_text(text, encoding="utf-8")
    offset = text.index(needle) + (2 if needle.startswith("- ") else 0)
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"data/events.yml:{line}:{column}: {message}\n" in result.stderr
    assert "Dữ liệu có 1 lỗi; chưa thể xuất bản." in result.stderr
    assert not (tmp_path / "site").exists()


# --- on a phone -----------------------------------------------------------------------------


@pytest.mark.browser
def test_calendar_page_fits_a_360_px_phone(site_url, browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + urls.CALENDAR, wait_until="load")
        page.screenshot(path=str(screenshot_path("calendar-360")), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        bar = page.locator("#thang-12 ~ ol .cb-cal__fill").first
        box, track = bar.bounding_box(), page.locator("#thang-12 ~ ol .cb-cal__track").first.bounding_box()
        assert box["width"] > 100 and abs(box["width"] - track["width"]) < 1, "the action month fills its month"
        assert page.locator("a[href^='webcal://']").first.is_visible()
        # The first month a reader sees is the build month (November 2026), near the top of the page.
        first = page.evaluate("""() => [...document.querySelectorAll("article [id^='thang-']")]
            .find(el => !el.closest("details:not([open])") && (el.getClientRects().length > 0 || el.parentElement.getClientRects().length
            > 0)).id""")
        assert first == f"thang-{TODAY.month}"
        assert page.locator(f"[id='thang-{TODAY.month}']").evaluate("el => el.parentElement.getBoundingClientRect().top") < 1600
        assert not page.locator("details.cb-cal__past [id='thang-1']").is_visible()
    finally:
        context.close()


def test_next_occurrence_and_its_sentence():
    from congbo import vi
    from congbo.models import Observance

    def observance(**fields) -> Observance:
        return Observance.model_validate(
            {"id": "x", "name": "Ngày X", "summary": "Tóm tắt.", "first_year": 2000, "basis": [{"document": "Quyết định"}], **fields}
        )

    leap = observance(month=2, day=29)
    assert agenda.next_occurrence(leap, dt.date(2025, 3, 1)) == (dt.date(2028, 2, 29), dt.date(2028, 2, 29))
    month = observance(month=12)
    assert agenda.next_occurrence(month, dt.date(2026, 12, 5)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert agenda.next_occurrence(month, dt.date(2026, 12, 5), under_way=False) == (dt.date(2027, 12, 1), dt.date(2027, 12, 31))
    assert agenda.next_occurrence(observance(month=3, day=8, first_year=2030), dt.date(2026, 1, 1)) == (dt.date(2030, 3, 8),) * 2
    day = dt.date(2026, 12, 26)
    assert (
        vi.next_day_text("Ngày X tiếp theo", None, day, day, dt.date(2026, 11, 20))
        == "Ngày X tiếp theo: thứ Bảy, ngày 26/12/2026 (còn 36 ngày)"
    )
    assert vi.next_day_text("Ngày X tiếp theo", None, day, day, day) == "Ngày X tiếp theo: thứ Bảy, ngày 26/12/2026 (hôm nay)"
    assert vi.next_day_text("Ngày kỷ niệm tiếp theo", "Ngày X", dt.date(2026, 12, 27), dt.date(2026, 12, 27), day).endswith(
        "Ngày X, Chủ nhật, ngày 27/12/2026 (còn 1 ngày)"
    )
    assert (
        vi.next_day_text("Tháng X tiếp theo", None, dt.date(2026, 12, 1), dt.date(2026, 12, 31), dt.date(2026, 12, 5))
        == "Tháng X tiếp theo: từ thứ Ba, ngày 01/12/2026 đến hết thứ Năm, ngày 31/12/2026 (đang diễn ra)"
    )
