"""The calendar files: what phones and calendar apps read (RFC 5545, RFC 7986).

Two parsers check the occurrences independently: icalendar's own decoded DTSTART/DTEND/RRULE,
and recurring-ical-events expanding the recurrences.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from conftest import copy_project
from congbo import ical, urls
from congbo.load import load_site
from congbo.dates import PartialDate
from congbo.models import Event

TODAY = dt.date(2026, 11, 20)  # the build date of the test builds (conftest.TEST_EPOCH)
BASE = "https://danso.langson.gov.vn/"
YEAR_2027 = {
    "ngay-dan-so-the-gioi@congbo": (dt.date(2027, 7, 11), dt.date(2027, 7, 11)),
    "ngay-dan-so-viet-nam@congbo": (dt.date(2027, 12, 26), dt.date(2027, 12, 26)),
    "thang-hanh-dong-dan-so@congbo": (dt.date(2027, 12, 1), dt.date(2027, 12, 31)),
}


@pytest.fixture(scope="module")
def ics_bytes(built_site) -> bytes:
    return (built_site / urls.ICS).read_bytes()


@pytest.fixture(scope="module")
def parsed(ics_bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics_bytes)


def _vevents(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(v["uid"]): v for v in cal.walk("VEVENT")}


def _vevent_blocks(data: bytes) -> dict[str, bytes]:
    """Each VEVENT's exact bytes, keyed by its UID (unfolded only to read the UID)."""
    blocks = re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, re.S)
    return {re.search(rb"\r\nUID:([^\r]*)", b.replace(b"\r\n ", b"")).group(1).decode(): b for b in blocks}


# --- occurrences ------------------------------------------------------------------------


def test_expanding_2027_with_icalendars_own_data(parsed):
    """FREQ=YEARLY without BY-parts repeats DTSTART's month and day; DTEND is exclusive."""
    vevents = _vevents(parsed)
    for uid, (first, last) in YEAR_2027.items():
        vevent = vevents[uid]
        start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date, "observances are all-day"
        assert vevent["rrule"].to_ical() == b"FREQ=YEARLY"
        assert start.replace(year=2027) == first
        assert start.replace(year=2027) + (end - start) - dt.timedelta(days=1) == last


def test_expanding_2027_with_recurring_ical_events(parsed):
    found = {}
    for occurrence in recurring_ical_events.of(parsed).between(dt.date(2027, 1, 1), dt.date(2028, 1, 1)):
        found.setdefault(str(occurrence["uid"]), []).append(
            (occurrence.decoded("dtstart"), occurrence.decoded("dtend") - dt.timedelta(days=1))
        )
    for uid, dates in YEAR_2027.items():
        assert found[uid] == [dates]
    # Every observance occurs exactly once in 2027, and nothing else is dated 2027 in the sample data.
    assert sorted(found) == sorted(uid for uid in _vevents(parsed) if not uid.startswith(("su-kien-", "han-", "hoat-dong-")))
    assert all(len(v) == 1 for v in found.values())


def test_action_month_is_one_multi_day_event_not_31(parsed):
    month = _vevents(parsed)["thang-hanh-dong-dan-so@congbo"]
    assert (month.decoded("dtstart"), month.decoded("dtend")) == (dt.date(2011, 12, 1), dt.date(2012, 1, 1))
    december = recurring_ical_events.of(parsed).between(dt.date(2027, 12, 1), dt.date(2028, 1, 1))
    assert sum(1 for o in december if str(o["uid"]) == "thang-hanh-dong-dan-so@congbo") == 1


def test_events_and_deadlines_are_dated_once(parsed, site):
    vevents = _vevents(parsed)
    for event in site.events:
        vevent = vevents[f"su-kien-{event.id}@congbo"]
        assert "rrule" not in vevent
        assert vevent.decoded("dtstart") == event.first_day
        assert vevent.decoded("dtend") == event.last_day + dt.timedelta(days=1)
    expected_uids = {f"{o.id}@congbo" for o in site.observances} | {f"su-kien-{e.id}@congbo" for e in site.events}
    deadlines = {u for u in vevents if u.startswith(("han-", "hoat-dong-"))}
    assert set(vevents) == expected_uids | deadlines
    # Activity deadlines that an event already stands for are not written twice.
    assert "han-ke-hoach-60-nam-dan-so-viet-nam-lang-son-lien-hoan-cap-huyen@congbo" not in deadlines


# --- identity and stability -------------------------------------------------------------


def test_every_vevent_has_uid_dtstamp_dtstart_and_uids_carry_no_host(parsed):
    for vevent in parsed.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART"):
            assert name in vevent
        assert re.fullmatch(r"[a-z0-9-]+@congbo", str(vevent["uid"]))
        assert vevent.decoded("dtstamp").tzinfo is not None
    assert "danso.langson.gov.vn" not in "".join(str(v["uid"]) for v in parsed.walk("VEVENT"))


def test_dtstamp_comes_from_the_data_not_the_build_date(site):
    later = dataclasses.replace(site, today=dt.date(2031, 5, 17))
    assert ical.render_ics(site, BASE) == ical.render_ics(later, BASE)
    stamps = {str(v["uid"]): v.decoded("dtstamp") for v in icalendar.Calendar.from_ical(ical.render_ics(site, BASE)).walk("VEVENT")}
    # Quyết định 326-TTg, 19/5/1997 (the newest dated basis), at 00:00 in Vietnam.
    assert stamps["ngay-dan-so-viet-nam@congbo"] == dt.datetime(1997, 5, 18, 17, 0, tzinfo=dt.timezone.utc)
    # An event of a plan dated 01/2021 (no day): the first of the month.
    assert stamps["su-kien-han-lien-hoan-cap-tinh-lang-son-2021@congbo"] == dt.datetime(2020, 12, 31, 17, 0, tzinfo=dt.timezone.utc)


def test_a_plan_dated_to_its_month_stamps_and_starts_nothing_before_a_document_it_cites(tmp_path):
    # The Lạng Sơn plan is dated 01/2021 with its day blank; were its basis (09/10/2020) dated 15/01/2021,
    # the plan cannot have been issued before the 15th, and its events say so.
    project = copy_project(tmp_path)
    document = project / "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
    text = document.read_text(encoding="utf-8")
    assert text.count("    date: 2020-10-09\n") == 1
    document.write_text(text.replace("    date: 2020-10-09\n", "    date: 2021-01-15\n"), encoding="utf-8")
    moved = load_site(project, today=TODAY, docs_dir=project / "docs")
    stamps = {str(v["uid"]): v.decoded("dtstamp") for v in icalendar.Calendar.from_ical(ical.render_ics(moved, BASE)).walk("VEVENT")}
    assert stamps["su-kien-han-lien-hoan-cap-tinh-lang-son-2021@congbo"] == dt.datetime(2021, 1, 14, 17, 0, tzinfo=dt.timezone.utc)
    # A period 'from issue' to 26/12/2021 starts no earlier either (it started on 1 January before).
    document = moved.document["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]
    [activity] = [a for a in document.activities if a.id == "tuyen-truyen-bao-dai"]
    assert (activity.time.start, activity.time.end_day) == (None, dt.date(2021, 12, 26))
    [vevent] = [v for v in icalendar.Calendar.from_ical(ical.render_ics(moved, BASE)).walk("VEVENT") if str(v["summary"]) == activity.name]
    assert (vevent.decoded("dtstart"), vevent.decoded("dtend")) == (dt.date(2021, 1, 15), dt.date(2021, 12, 27))


def _reverse_records(text: str) -> str:
    """The same YAML list with its records in the opposite order (comments before the first record kept)."""
    head, *records = re.split(r"(?m)^(?=- id: )", text)
    records = [r.rstrip("\n") + "\n" for r in records]
    return head + "\n".join(reversed(records))


def test_reordering_the_data_changes_no_uid_and_no_byte(tmp_path, site):
    project = copy_project(tmp_path)
    for name in ("observances.yml", "organisations.yml"):
        path = project / "data" / name
        original = path.read_text(encoding="utf-8")
        path.write_text(_reverse_records(original), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != original
    reordered = load_site(project, today=TODAY, docs_dir=project / "docs")
    assert [o.id for o in reordered.observances] == [o.id for o in reversed(site.observances)]

    before, after = ical.render_ics_files(site, BASE), ical.render_ics_files(reordered, BASE)
    assert sorted(before) == sorted(after)
    assert _vevent_blocks(before[urls.ICS]) == _vevent_blocks(after[urls.ICS])
    for path in before:
        assert before[path] == after[path], path


def test_each_add_to_calendar_file_holds_the_same_vevent_as_the_subscription(built_site, ics_bytes, site):
    everything = _vevent_blocks(ics_bytes)
    for observance in site.observances:
        own = _vevent_blocks((built_site / urls.observance_ics(observance.id)).read_bytes())
        assert own == {f"{observance.id}@congbo": everything[f"{observance.id}@congbo"]}
    for event in site.events:
        own = _vevent_blocks((built_site / urls.event_ics(event.id)).read_bytes())
        assert own == {f"su-kien-{event.id}@congbo": everything[f"su-kien-{event.id}@congbo"]}


# --- format -----------------------------------------------------------------------------


def test_crlf_line_ends_and_folding_at_75_octets(built_site):
    files = [built_site / urls.ICS, *built_site.glob("ngay-ky-niem/*.ics"), *built_site.glob("su-kien/*.ics")]
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        assert data.count(b"\n") == data.count(b"\r\n"), f"{path.name}: a bare LF"
        lines = data.split(b"\r\n")[:-1]
        assert max(len(line) for line in lines) <= 75, path.name
        lines[0].decode("utf-8")
        data.decode("utf-8")  # folding never splits a multi-byte character in a way that breaks UTF-8
        assert icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_vietnamese_text_survives_folding_and_escaping(parsed, site):
    vevents = _vevents(parsed)
    vn = vevents["ngay-dan-so-viet-nam@congbo"]
    assert str(vn["summary"]) == "Ngày Dân số Việt Nam"
    assert "Quyết định số 326-TTg (19/05/1997)" in str(vn["description"])
    assert str(vn["url"]) == BASE + "ngay-ky-niem/ngay-dan-so-viet-nam/"
    assert str(parsed["x-wr-calname"]) == "Dân số và Phát triển Lạng Sơn — Lịch ngày kỷ niệm"
    assert parsed["refresh-interval"].to_ical() == b"P1D"


def test_all_day_calendars_carry_no_timezone_and_timed_events_carry_vtimezone(site, parsed):
    assert not parsed.walk("VTIMEZONE")
    base_event = site.events[0]
    timed = base_event.model_copy(
        update={
            "id": "le-mit-tinh",
            "name": 'Lễ mít tinh, diễu hành; "</script>"',
            "kind": "su-kien",
            "date": PartialDate.parse("2027-12-26"),
            "time": dt.time(8, 0),
            "place": "Quảng trường, TP Lạng Sơn",
        }
    )
    assert isinstance(timed, Event)
    with_timed = dataclasses.replace(site, events=site.events + (timed,))
    files = ical.render_ics_files(with_timed, BASE)
    data = files[urls.event_ics(timed.id)]
    cal = icalendar.Calendar.from_ical(data)
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Asia/Ho_Chi_Minh"
    assert [str(s["tzoffsetto"].to_ical()) for s in zone.walk("STANDARD")] == ["+0700"]
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20271226T080000\r\n" in data
    [vevent] = recurring_ical_events.of(cal).between(dt.date(2027, 12, 26), dt.date(2027, 12, 27))
    assert vevent.decoded("dtstart").utcoffset() == dt.timedelta(hours=7)
    assert str(vevent["summary"]) == timed.name
    assert str(vevent["location"]) == "Quảng trường, TP Lạng Sơn"
    # The subscription gets the zone too, once.
    assert len(icalendar.Calendar.from_ical(files[urls.ICS]).walk("VTIMEZONE")) == 1


def test_webcal_link_is_built_from_site_url():
    assert urls.webcal_url("https://danso.langson.gov.vn/") == "webcal://danso.langson.gov.vn/lich.ics"
    assert urls.webcal_url("https://example.gov.vn/dan-so/") == "webcal://example.gov.vn/dan-so/lich.ics"
    assert urls.webcal_url("") is None


def test_pages_link_to_files_that_exist(built_site, site):
    for observance in site.observances:
        html = (built_site / urls.observance(observance.id) / "index.html").read_text(encoding="utf-8")
        assert f'href="../{observance.id}.ics" download' in html
        assert (built_site / urls.observance_ics(observance.id)).is_file()
    for event in site.events:
        html = (built_site / urls.event(event.id) / "index.html").read_text(encoding="utf-8")
        assert f'href="../{event.id}.ics" download' in html
    assert Path(built_site / "lich.ics").is_file()


# --- nothing from the data forges a line ------------------------------------------------

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
ONE_LINE_FIELDS = [  # (file, the field as written, its path in the message): each reaches a calendar line
    ("data/observances.yml", 'name: "Ngày Quốc tế Phụ nữ"', "[ngay-quoc-te-phu-nu].name"),
    ("data/events.yml", 'name: "Hội nghị Quốc tế về Dân số và Phát triển (ICPD)"', "[hoi-nghi-icpd-cairo-1994].name"),
    ("data/events.yml", 'place: "Cai-rô, Ai Cập"', "[hoi-nghi-icpd-cairo-1994].place"),
    ("data/site.yml", "name: Dân số và Phát triển Lạng Sơn", "name"),
    (LANG_SON, 'name: "Liên hoan tuyên truyền viên dân số cấp tỉnh"', "activities[lien-hoan-cap-tinh].name"),
    ("data/organisations.yml", 'name: "Sở Y tế tỉnh Lạng Sơn"', "[so-y-te-lang-son].name"),
]
CONTROL = "có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+000D); hãy xóa nó"
ONE_LINE = "phải viết trên một dòng; hãy bỏ dấu xuống dòng (kể cả cách viết '|' hay '>' của YAML)"


def _problems(root: Path) -> list[str]:
    from congbo.errors import DataError

    with pytest.raises(DataError) as caught:
        load_site(root, today=TODAY, docs_dir=root / "docs")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("rel", "written", "path"), ONE_LINE_FIELDS)
def test_a_carriage_return_in_a_one_line_field_is_refused_at_its_line(tmp_path, rel, written, path):
    from conftest import replace, where

    key = written.split(":")[0]
    forged = f'{key}: "Ngày\\rURL: javascript:alert(1)"'
    text = replace(copy_project(tmp_path), rel, written, forged)
    assert _problems(tmp_path) == [f"{rel}:{where(text, forged)}: {path}: {CONTROL}"]


@pytest.mark.parametrize(("rel", "written", "path"), ONE_LINE_FIELDS)
def test_a_line_break_in_a_one_line_field_is_refused_at_its_line(tmp_path, rel, written, path):
    from conftest import replace, where

    key = written.split(":")[0]
    text = replace(copy_project(tmp_path), rel, written, f"{key}: |\n        Ngày\n        URL: javascript:alert(1)")
    line, _ = where(text, key + ": |").split(":")
    [found] = _problems(tmp_path)
    assert found.startswith(f"{rel}:{line}:") and found.endswith(f": {path}: {ONE_LINE}"), found


def test_a_carriage_return_in_a_description_is_refused(tmp_path):
    from conftest import replace, where

    written = 'description: "Hội nghị thông qua'
    text = replace(copy_project(tmp_path), "data/events.yml", written, 'description: "Dòng một\\rDòng hai. Hội nghị thông qua')
    assert _problems(tmp_path) == [f"data/events.yml:{where(text, 'description: ')}: [hoi-nghi-icpd-cairo-1994].description: {CONTROL}"]


def _raw_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def test_a_description_on_several_lines_reaches_the_calendar_escaped(tmp_path):
    """A description may keep its line breaks: icalendar writes each as the two characters '\\n'."""
    from conftest import replace

    replace(
        copy_project(tmp_path),
        "data/events.yml",
        'description: "Hội nghị thông qua',
        "description: |\n    Dòng một.\n    URL: javascript:alert(1)\n    Hội nghị thông qua",
    )
    replace(tmp_path, "data/events.yml", 'được 179 quốc gia tán thành."', "được 179 quốc gia tán thành.")
    loaded = load_site(tmp_path, today=TODAY, docs_dir=tmp_path / "docs")
    files = ical.render_ics_files(loaded, BASE)
    for name, data in files.items():
        for line in _raw_lines(data):
            assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), (name, line)
            assert not line.startswith(b"URL:javascript"), (name, line)
    vevent = _vevents(icalendar.Calendar.from_ical(files[urls.event_ics("hoi-nghi-icpd-cairo-1994")]))[
        "su-kien-hoi-nghi-icpd-cairo-1994@congbo"
    ]
    assert str(vevent["description"]).startswith("Dòng một.\nURL: javascript:alert(1)\nHội nghị thông qua")
    assert str(vevent["url"]) == BASE + urls.event("hoi-nghi-icpd-cairo-1994")
