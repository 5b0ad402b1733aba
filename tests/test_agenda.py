"""congbo.agenda: the one model of dated things, and what is made from it. A date short of its day (its month,
'2025-12-??'; its year, '2025-??-??'; its quarter, '2025-Q2'; or only on or before a day, '..2025-12-19') is
placed once, on its latest possible day: the calendar page lists it under that month, marked in words, it is
past only once that day is and never under way, and no calendar file gives it a day; a competition's phases
are items of their own. (The date itself, parsed and worded: tests/test_dates.py.)

Each test adds its own events or dates to a copy of the tests' own project.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from congbo import agenda, calendar_json, ical, pages, urls
from congbo.errors import DataError
from congbo.load import load_site
from congbo.models import Event
from conftest import copy_project, replace, where

EVENTS = "data/events.yml"
TODAY = dt.date(2026, 12, 6)

BOUNDED_EVENTS = """
- id: hoi-nghi-bao-tin
  name: "Hội nghị biết qua bản tin"
  date: "..2025-12-19"
- id: cuoc-thi-thang-12
  name: "Cuộc thi chỉ biết tháng"
  date: 2026-12-??
- id: mit-tinh-nam-2025
  name: "Mít tinh chỉ biết năm"
  date: 2025-??-??
"""


def project_with(tmp_path: Path, extra: str = BOUNDED_EVENTS) -> Path:
    project = copy_project(tmp_path / "project")
    path = project / EVENTS
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project


@pytest.fixture
def site(tmp_path):
    project = project_with(tmp_path)
    return load_site(project, today=TODAY, docs_dir=project / "docs")


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(root, today=TODAY, docs_dir=root / "docs")
    return [str(p) for p in caught.value.problems]


# --- the event model ---------------------------------------------------------------------


@pytest.mark.parametrize("field", [{"end": "2025-12-20"}, {"time": "08:00"}])
def test_an_end_or_a_time_needs_the_day(field):
    with pytest.raises(ValidationError) as caught:
        Event(id="a", name="A", date="2025-12-??", **field)
    name = next(iter(field))
    assert f"chỉ ghi '{name}'" in str(caught.value) and "'date: 2025-12-??' chưa rõ ngày" in str(caught.value)


def test_the_loader_accepts_the_three_states_on_an_event(site):
    dates = {e.id: str(e.date) for e in site.events}
    assert dates["hoi-nghi-bao-tin"] == "..2025-12-19"
    assert dates["cuoc-thi-thang-12"] == "2026-12-??"
    assert dates["mit-tinh-nam-2025"] == "2025-??-??"


def test_a_malformed_event_date_is_refused_at_its_line_with_the_three_states(tmp_path):
    project = project_with(tmp_path, '\n- id: hong\n  name: "Hỏng"\n  date: "..12/2025"\n')
    text = (project / EVENTS).read_text(encoding="utf-8")
    (message,) = problems(project)
    at = where(text, 'date: "..12/2025"')
    assert message.startswith(f"{EVENTS}:{at}: "), message
    assert "[hong].date" in message and "2025-12-??" in message and "..2025-12-19" in message


def test_an_end_on_a_bounded_event_is_refused_at_its_line(tmp_path):
    project = project_with(tmp_path, '\n- id: hong\n  name: "Hỏng"\n  date: 2025-12-??\n  end: 2025-12-20\n')
    (message,) = problems(project)
    assert message.startswith(f"{EVENTS}:") and "[hong]" in message
    assert "chỉ ghi 'end' (ngày kết thúc) khi biết đúng ngày diễn ra" in message


# --- the agenda and what is made from it ---------------------------------------------------


def _item(site, key: str) -> agenda.Occurrence:
    return next(i for i in site.agenda.items if i.key == key)


def test_the_agenda_places_each_on_its_latest_possible_day(site):
    assert (_item(site, "hoi-nghi-bao-tin").start, _item(site, "hoi-nghi-bao-tin").end) == (dt.date(2025, 12, 19),) * 2
    assert _item(site, "cuoc-thi-thang-12").start == dt.date(2026, 12, 31)
    assert _item(site, "mit-tinh-nam-2025").start == dt.date(2025, 12, 31)
    assert [i.key for i in site.agenda.occurrences(2025) if not i.exact] == ["hoi-nghi-bao-tin", "mit-tinh-nam-2025"]


def test_past_or_under_way_is_claimed_only_when_known(site):
    before = _item(site, "hoi-nghi-bao-tin")
    december = _item(site, "cuoc-thi-thang-12")  # today is 6/12/2026: December 2026 is neither past nor known to be today
    assert before.is_past(TODAY) and not before.is_current(TODAY)
    assert not december.is_past(TODAY) and not december.is_current(TODAY)
    assert not december.is_current(dt.date(2026, 12, 31))


def test_calendar_files_leave_them_out(site):
    files = ical.render_ics_files(site)
    everything = files[urls.ICS].decode().replace("\r\n ", "")
    for key in ("hoi-nghi-bao-tin", "cuoc-thi-thang-12", "mit-tinh-nam-2025"):
        assert f"su-kien-{key}@congbo" not in everything
        assert urls.event_ics(key) not in files
    assert "su-kien-hoi-nghi-icpd-cairo-1994@congbo" in everything


def test_lich_json_carries_each_dates_precision(site):
    items = {i["id"]: i for i in json.loads(calendar_json.render_calendar_json(site))["items"]}
    assert items["hoi-nghi-bao-tin"] | {} == items["hoi-nghi-bao-tin"]
    on_or_before, month, year = items["hoi-nghi-bao-tin"], items["cuoc-thi-thang-12"], items["mit-tinh-nam-2025"]
    assert (on_or_before["precision"], on_or_before["date"], on_or_before["start"], on_or_before["end"]) == (
        "on-or-before",
        "..2025-12-19",
        None,
        "2025-12-19",
    )
    assert (month["precision"], month["start"], month["end"], month["ics"]) == ("month", "2026-12-01", "2026-12-31", None)
    assert (year["precision"], year["start"], year["end"]) == ("year", "2025-01-01", "2025-12-31")
    assert items["hoi-nghi-icpd-cairo-1994"]["precision"] == "day" and items["hoi-nghi-icpd-cairo-1994"]["date"] is None


def test_the_calendar_page_marks_them_in_words_and_says_why_once(site):
    page = pages.render_calendar(site, 2025).html
    assert 'Chậm nhất ngày 19/12/2025 <span class="cb-tag cb-tag--inexact">chưa rõ ngày</span>' in page
    assert "Năm 2025 (chưa rõ ngày, tháng) <span" in page
    assert page.count("không đưa vào tệp lịch (.ics)") == 1
    december = page[page.index('id="thang-12"') :] if 'id="thang-12"' in page else page
    assert "Hội nghị biết qua bản tin" in december
    this_year = pages.render_calendar(site, 2026).html
    row = this_year[this_year.index("Tháng 12 năm 2026 (chưa rõ ngày)") :].split("</li>")[0]
    assert "đã qua" not in row and "đang diễn ra" not in row


def test_a_calendar_without_such_items_says_nothing_of_them(tmp_path):
    project = copy_project(tmp_path / "project")
    plain = load_site(project, today=TODAY, docs_dir=project / "docs")
    assert "không đưa vào tệp lịch (.ics)" not in pages.render_calendar(plain, 2025).html


def test_the_event_page_says_the_date_as_known_and_offers_no_calendar_file(site):
    event = site.event["hoi-nghi-bao-tin"]
    page = pages.render_event(site, event).html
    assert "Chậm nhất ngày 19/12/2025" in page and "đã qua" in page
    assert ".ics" in page and "Thêm vào lịch" not in page
    assert '"startDate"' not in page


def test_lists_of_events_say_the_date_as_known(tmp_path):
    project = project_with(
        tmp_path,
        '\n- id: hoi-nghi-bao-tin\n  name: "Hội nghị biết qua bản tin"\n  date: "..2025-12-19"\n  organisers: [so-y-te-lang-son]\n',
    )
    site = load_site(project, today=TODAY, docs_dir=project / "docs")
    related = pages.organisation_records(site)
    page = pages.render_organisation(site, site.organisation["so-y-te-lang-son"], related.get("so-y-te-lang-son", {})).html
    assert "chậm nhất ngày 19/12/2025" in page


def quang_nam_issued_on_or_before(tmp_path, day: str):
    """The sample with the Quảng Nam Công văn's date written as known only to be on or before ``day``."""
    project = copy_project(tmp_path / "project")
    rel = "data/plans/cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024.yml"
    text = (project / rel).read_text(encoding="utf-8")
    date_line = next(line for line in text.splitlines() if line.startswith("date:"))
    replace(project, rel, date_line + "\n", f'date: "..{day}"\n')
    return load_site(project, today=TODAY, docs_dir=project / "docs")


def test_a_document_issued_on_or_before_a_day_is_dated_by_that_day_in_the_feed(tmp_path):
    from congbo import feeds

    site = quang_nam_issued_on_or_before(tmp_path, "2024-07-04")
    document = site.document["cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024"]
    assert document.date.precision == "on-or-before"
    item = next(i for i in feeds.document_items(site, "https://example.org/") if i.link.endswith(urls.document(document.id)))
    assert item.published.date() == dt.date(2024, 7, 4)
    page = pages.render_document(site, document).html
    assert "chậm nhất ngày 04/07/2024" in page
    assert "ngày ban hành (chỉ biết chậm nhất ngày 04/07/2024)" in page and "ngày … tháng … năm …" in page


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("..2025-12-19", "chậm nhất ngày 19/12/2025"),
        ("2025-12-??", "tháng 12 năm 2025 (chưa rõ ngày)"),
        ("2025-??-??", "năm 2025 (chưa rõ ngày, tháng)"),
        ("2025-Q2", "quý II năm 2025"),
        ("2021-01", "tháng 01 năm 2021"),
        ("2025-12-19", "2025-12-19"),
    ],
)
def test_the_changes_summary_says_a_bounded_date_in_vietnamese(written, shown):
    from congbo.changes import _dated

    entry = _dated("event:a", "sự kiện", {"name": "A", "date": written}, "name", {"date": written})
    assert entry.when == shown


# --- a competition's phases ------------------------------------------------------------------

COMPETITION = """
- id: cuoc-thi-ve-tranh
  name: "Cuộc thi vẽ tranh cổ động"
  date: 2025-09-??
  phases:
    - kind: phat-dong
      date: 2025-09-??
    - kind: han-nop
      date: 2025-11-30
    - kind: khac
      name: "Vòng chung khảo"
      date: "..2025-12-10"
    - kind: ket-qua
      date: "??"
"""


@pytest.fixture
def competition(tmp_path):
    project = project_with(tmp_path, COMPETITION)
    return load_site(project, today=TODAY, docs_dir=project / "docs")


def test_each_dated_phase_is_on_the_agenda(competition):
    phases = {i.key: i for i in competition.agenda.items if i.kind == "phase"}
    assert sorted(phases) == ["cuoc-thi-ve-tranh/han-nop", "cuoc-thi-ve-tranh/khac-vong-chung-khao", "cuoc-thi-ve-tranh/phat-dong"]
    due = phases["cuoc-thi-ve-tranh/han-nop"]
    assert (due.start, due.exact, due.title) == (dt.date(2025, 11, 30), True, "Hạn nộp bài: Cuộc thi vẽ tranh cổ động")
    assert phases["cuoc-thi-ve-tranh/phat-dong"].start == dt.date(2025, 9, 30) and not phases["cuoc-thi-ve-tranh/phat-dong"].exact


def test_only_a_phase_known_to_the_day_is_in_the_calendar_file_with_its_own_uid(competition):
    files = ical.render_ics_files(competition)
    everything = files[urls.ICS].decode().replace("\r\n ", "")
    assert everything.count("UID:giai-doan-cuoc-thi-ve-tranh-") == 1
    assert "UID:giai-doan-cuoc-thi-ve-tranh-han-nop@congbo" in everything and "DTSTART;VALUE=DATE:20251130" in everything
    assert urls.event_ics("cuoc-thi-ve-tranh") not in files  # the competition itself is known only to its month


def test_lich_json_lists_the_phases(competition):
    items = {i["id"]: i for i in json.loads(calendar_json.render_calendar_json(competition))["items"]}
    due, final = items["cuoc-thi-ve-tranh/han-nop"], items["cuoc-thi-ve-tranh/khac-vong-chung-khao"]
    assert (due["kind"], due["uid"], due["precision"], due["ics"]) == (
        "giai-doan",
        "giai-doan-cuoc-thi-ve-tranh-han-nop@congbo",
        "day",
        "lich.ics",
    )
    assert (final["precision"], final["date"], final["ics"]) == ("on-or-before", "..2025-12-10", None)
    assert due["url"].endswith("#giai-doan")


def test_the_event_page_shows_the_phases_as_a_timeline(competition):
    page = pages.render_event(competition, competition.event["cuoc-thi-ve-tranh"]).html
    assert 'id="giai-doan"' in page
    timeline = page[page.index('id="giai-doan"') :]
    for line in ("30/11/2025</time> — Hạn nộp bài", "Chậm nhất ngày 10/12/2025 — Vòng chung khảo", "Chưa rõ ngày — Công bố kết quả"):
        assert line in timeline
    assert "Tháng 9 năm 2025 (chưa rõ ngày) — Phát động" in timeline


@pytest.mark.parametrize(
    ("phases", "found"),
    [
        ('    - kind: khac\n      date: "??"\n', "giai đoạn 'khac' phải có 'name'"),
        ('    - kind: ket-qua\n      date: ".."\n', "chưa rõ ngày của giai đoạn thì ghi '??'"),
        ('    - kind: ket-qua\n      date: "??"\n    - kind: ket-qua\n      date: 2025-12-??\n', "giai đoạn 'Công bố kết quả' ghi hai lần"),
        ("    - kind: phat-dong\n      date: 2025-12-01\n", "giai đoạn 'phat-dong' trùng ngày của sự kiện ('date: 2025-12-01')"),
    ],
)
def test_a_wrong_phase_is_refused_at_its_line(tmp_path, phases, found):
    project = project_with(tmp_path, '\n- id: thi\n  name: "Thi"\n  date: 2025-12-01\n  phases:\n' + phases)
    (message,) = problems(project)
    assert message.startswith(f"{EVENTS}:") and "[thi].phases" in message and found in message, message


# --- activities' deadlines, starts and ends --------------------------------------------------

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
PRESS_TIME = '    time:\n      end: 2021-12-26\n    output: "Tăng'


def document_site(tmp_path, time: str):
    project = copy_project(tmp_path / "project")
    replace(project, LANG_SON, PRESS_TIME, time + '    output: "Tăng')
    return load_site(project, today=TODAY, docs_dir=project / "docs")


def _press(site) -> agenda.ActivityDates:
    dated = site.agenda.activities_of("ke-hoach-60-nam-dan-so-viet-nam-lang-son")
    return next(dates for activity, dates in dated if activity.id == "tuyen-truyen-bao-dai")


def _calendar_text(site) -> str:
    """lich.ics as text, its folded lines joined (RFC 5545 §3.1), so a long UID is found whole."""
    return ical.render_ics_files(site)[urls.ICS].decode().replace("\r\n ", "")


def _press_uid() -> str:
    return "ke-hoach-60-nam-dan-so-viet-nam-lang-son-tuyen-truyen-bao-dai@congbo"


def test_an_end_known_to_its_month_is_never_said_to_be_under_way(tmp_path):
    site = document_site(tmp_path, "    time:\n      start: 2021-02-01\n      end: 2021-12-??\n")
    dates = _press(site)
    assert (dates.kind, dates.end, dates.end_text, dates.in_calendar_file) == (
        "period",
        dt.date(2021, 12, 31),
        "tháng 12 năm 2021 (chưa rõ ngày)",
        False,
    )
    item = next(i for i in site.agenda.items if i.key.endswith("/tuyen-truyen-bao-dai"))
    assert not item.is_current(dt.date(2021, 12, 10)) and not item.is_past(dt.date(2021, 12, 10)) and item.is_past(dt.date(2022, 1, 1))
    assert "hoat-dong-" + _press_uid() not in _calendar_text(site)
    page = pages.render_document(site, site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]).html
    assert "Từ ngày 01/02/2021 đến tháng 12 năm 2021 (chưa rõ ngày)" in page
    december = pages.render_calendar(site, 2021).html
    assert "– tháng 12 năm 2021 (chưa rõ ngày)" in december and "không đưa vào tệp lịch (.ics)" in december
    items = {i["id"]: i for i in json.loads(calendar_json.render_calendar_json(site))["items"]}
    press = items["ke-hoach-60-nam-dan-so-viet-nam-lang-son/tuyen-truyen-bao-dai"]
    assert (press["precision"], press["end_precision"], press["ics"]) == ("day", "month", None)


def test_a_start_on_or_before_a_day_is_not_given_that_day_in_a_calendar_file(tmp_path):
    site = document_site(tmp_path, '    time:\n      start: "..2021-02-01"\n      end: 2021-12-26\n')
    dates = _press(site)
    assert (dates.start, dates.start_text, dates.start_precision, dates.in_calendar_file) == (
        dt.date(2021, 2, 1),
        "chậm nhất ngày 01/02/2021",
        "on-or-before",
        False,
    )
    assert "hoat-dong-" + _press_uid() not in _calendar_text(site)


def test_a_period_from_the_issue_of_a_document_dated_on_or_before_a_day_is_in_no_calendar_file(tmp_path):
    """Running from the date of issue of a document known only to be issued on or before a day, the period's
    start is only a bound: lich.ics, the calendar page's note and lich.json all follow the one rule."""
    project = copy_project(tmp_path / "project")
    replace(project, LANG_SON, PRESS_TIME, "    time:\n      end: 2021-12-26\n" + '    output: "Tăng')
    replace(project, LANG_SON, "date: 2021-01-..\n", 'date: "..2021-01-15"\n')
    site = load_site(project, today=TODAY, docs_dir=project / "docs")
    dates = _press(site)
    assert (dates.start_precision, dates.in_calendar_file) == ("on-or-before", False)
    [item] = [i for i in site.agenda.items if i.activity is not None and i.activity.id == "tuyen-truyen-bao-dai"]
    assert not item.in_calendar_file
    assert "hoat-dong-" + _press_uid() not in _calendar_text(site)


def test_an_exact_activity_is_in_the_calendar_file_as_before(tmp_path):
    site = document_site(tmp_path, "    time:\n      end: 2021-12-26\n")
    assert _press(site).in_calendar_file
    assert "hoat-dong-" + _press_uid() in _calendar_text(site)


def test_a_deadline_short_of_its_day_kept_as_an_event_makes_an_event_short_of_its_day(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(project, LANG_SON, "      deadline: 2021-09-15\n", "      deadline: 2021-09-??\n")
    site = load_site(project, today=TODAY, docs_dir=project / "docs")
    event = site.event["han-lien-hoan-cap-huyen-lang-son-2021"]
    assert (str(event.date), event.exact, event.kind) == ("2021-09-??", False, "han")
    assert urls.event_ics(event.id) not in ical.render_ics_files(site)


def test_a_malformed_deadline_is_refused_at_its_line_with_the_three_states(tmp_path):
    project = copy_project(tmp_path / "project")
    text = replace(project, LANG_SON, "      deadline: 2021-09-15\n", "      deadline: 09/2021\n")
    (message,) = problems(project)
    assert message.startswith(f"{LANG_SON}:{where(text, 'deadline: 09/2021')}: activities[lien-hoan-cap-huyen].time.deadline: ")
    assert "2025-12-?? (biết tháng, chưa rõ ngày)" in message and "..2025-12-19" in message and "có phải 2021-09?" in message


def test_a_document_cited_as_issued_on_or_before_a_later_day_is_not_refused(tmp_path):
    """A basis known only as on or before a day may be earlier than the document citing it: no error is claimed."""
    project = copy_project(tmp_path / "project")
    rel = "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
    text = (project / rel).read_text(encoding="utf-8")
    basis_date = next(line for line in text.splitlines() if line.strip().startswith("date: 2024-03-13"))
    replace(project, rel, basis_date + "\n", basis_date.replace("2024-03-13", '"..2024-12-31"') + "\n")
    site = load_site(project, today=TODAY, docs_dir=project / "docs")
    document = site.document["ke-hoach-nghi-quyet-21-khcn-bac-giang"]
    assert any(str(b.date) == "..2024-12-31" for b in document.bases)


@pytest.mark.parametrize(
    ("deadline", "today", "state", "current"),
    [
        ("2026-12-??", dt.date(2026, 12, 6), "not-known-to-day", False),  # December 2026 may be past on 6/12 or not
        ("2026-12-??", dt.date(2026, 11, 30), "in-force", True),
        ("2026-11-??", dt.date(2026, 12, 6), "ended", False),
        ('"..2026-12-19"', dt.date(2026, 12, 6), "not-known-to-day", False),
        ('"..2026-12-05"', dt.date(2026, 12, 6), "ended", False),
    ],
)
def test_a_documents_status_claims_only_what_its_last_date_allows(tmp_path, deadline, today, state, current):
    from congbo import blocks

    project = copy_project(tmp_path / "project")
    rel = LANG_SON
    text = (project / rel).read_text(encoding="utf-8")
    deadlines = [line for line in text.splitlines() if line.strip().startswith(("deadline:", "end:"))]
    for line in dict.fromkeys(deadlines):
        text = text.replace(line + "\n", line.split(":")[0] + f": {deadline}\n")
    (project / rel).write_text(text, encoding="utf-8")
    site = load_site(project, today=today, docs_dir=project / "docs")
    document = site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]
    status = pages.document_status(site, document)
    assert status["state"] == state
    assert blocks.is_current(site, document) is current
    if state == "not-known-to-day":
        assert "Chưa rõ đã kết thúc hay chưa" in pages.render_document(site, document).html


def test_a_programme_says_a_document_was_issued_on_or_before_a_day(tmp_path):
    from congbo import programmes

    site = quang_nam_issued_on_or_before(tmp_path, "2024-07-04")
    programme = next(p for p in site.programmes if "cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024" in {x.id for x in p.documents})
    step = next(s for s in programme.timeline if s.kind == "plan" and s.document.id == "cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024")
    assert str(step.bounded) == "..2024-07-04"
    page = programmes.render_programme(site, programme).html
    assert "Chậm nhất ngày 04/07/2024</strong><br>\nBan hành" in page


@pytest.mark.parametrize(
    ("written", "precision", "earliest", "said", "calendar"),
    [
        ("2021-12-??", "month", "2021-12-01", "tháng 12 năm 2021 (chưa rõ ngày)", "Tháng 12 năm 2021 (chưa rõ ngày)"),
        ("2021-Q4", "quarter", "2021-10-01", "quý IV năm 2021", "Quý IV năm 2021"),  # 'hoàn thành trong quý IV/2021'
    ],
)
def test_a_deadline_short_of_its_day_sits_on_its_last_possible_day_and_stays_out_of_the_calendar_file(
    tmp_path, written, precision, earliest, said, calendar
):
    """Said as the data gives it on the document page and the calendar page, with its precision in lich.json,
    and no day in lich.ics."""
    site = document_site(tmp_path, f"    time:\n      deadline: {written}\n")
    dates = _press(site)
    assert (dates.kind, dates.start, dates.end, dates.in_calendar_file) == ("deadline", dt.date(2021, 12, 31), dt.date(2021, 12, 31), False)
    assert "han-" + _press_uid() not in _calendar_text(site)
    items = {i["id"]: i for i in json.loads(calendar_json.render_calendar_json(site))["items"]}
    press = items["ke-hoach-60-nam-dan-so-viet-nam-lang-son/tuyen-truyen-bao-dai"]
    assert (press["precision"], press["date"], press["start"], press["end"], press["ics"]) == (
        precision,
        written,
        earliest,
        "2021-12-31",
        None,
    )
    page = pages.render_document(site, site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]).html
    assert f"Hạn hoàn thành: {said}" in page
    page = pages.render_calendar(site, 2021).html
    assert calendar in page and "nguồn chỉ cho biết tháng, quý, năm, hoặc ngày muộn nhất có thể" in page


def test_a_period_from_a_quarter_to_a_quarter_is_said_so_and_past_only_after_its_last_possible_day(tmp_path):
    site = document_site(tmp_path, "    time:\n      start: 2021-Q2\n      end: 2021-Q3\n")
    dates = _press(site)
    assert (dates.start, dates.end, dates.start_text, dates.end_text) == (
        dt.date(2021, 4, 1),
        dt.date(2021, 9, 30),
        "quý II năm 2021",
        "quý III năm 2021",
    )
    item = next(i for i in site.agenda.items if i.key.endswith("/tuyen-truyen-bao-dai"))
    assert not item.is_current(dt.date(2021, 9, 10)) and not item.is_past(dt.date(2021, 9, 30)) and item.is_past(dt.date(2021, 10, 1))
    page = pages.render_document(site, site.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]).html
    assert "Từ quý II năm 2021 đến quý III năm 2021" in page


def test_a_document_dated_to_a_quarter_is_refused_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    text = replace(project, LANG_SON, "date: 2021-01-..\n", "date: 2021-Q1\n")
    (message,) = problems(project)
    assert message.startswith(f"{LANG_SON}:{where(text, 'date: 2021-Q1')}: date: ngày ban hành 2021-Q1 chỉ cho biết quý")
