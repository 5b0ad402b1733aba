"""iCalendar files (RFC 5545, RFC 7986) for phones and calendar apps.

One file with everything (``lich.ics``, to subscribe to), and one per observance and per event
(the "Thêm vào lịch" links). Observances are yearly all-day events; the December action month is
one month-long yearly event; events and documents' deadlines are dated events.

Every VEVENT is a pure function of its own record: its UID comes from the record's id (no host
name, so a move to another domain changes nothing), its DTSTAMP from a date in the data (never
the clock), so reordering the data or rebuilding changes no byte of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from . import urls, vi
from .agenda import TZID, ActivityDates, Occurrence, activity_uid, event_uid, first_occurrence, observance_uid, phase_uid
from .urls import absolute
from .models import Activity, Event, Observance, Document
from .site import Site
from .scalars import VN_TZ
from .texts import activity_time, event_when, organiser_names, document_title

PRODID = "-//congbo//Lich ngay ky niem//VI"
# Vietnam has kept UTC+07:00 since 13/6/1975; the VTIMEZONE starts after that change.
TZ_FIRST = dt.date(1976, 1, 1)
TZ_LAST = dt.date(2100, 1, 1)
ONE_DAY = dt.timedelta(days=1)


# --- stamps ---------------------------------------------------------------------------


def _stamp(day: dt.date) -> dt.datetime:
    """DTSTAMP is UTC (RFC 5545 §3.8.7.2): the start of that day in Vietnam."""
    return dt.datetime.combine(day, dt.time(0, 0), VN_TZ).astimezone(dt.timezone.utc)


def observance_stamp(observance: Observance) -> dt.date:
    """The newest dated basis (the decision that set the day), else its origin, else 1 January of its first year."""
    dated = [b.date for b in observance.basis if b.date]
    return max(dated) if dated else observance.origin or dt.date(observance.first_year, 1, 1)


def event_stamp(site: Site, event: Event) -> dt.date:
    """The issue date of the event's document (for a document dated only to its month or year, the first day it
    can have been issued: `Document.earliest_issue_day`), else the event's date."""
    document = site.document.get(event.plan) if event.plan else None
    return document.earliest_issue_day if document else event.first_day


# --- components -----------------------------------------------------------------------


def _describe(*parts: str | None) -> str:
    return "\n\n".join(p for p in parts if p)


def _add_common(vevent: icalendar.Event, uid: str, stamp: dt.date) -> None:
    vevent.add("uid", uid)
    vevent.add("dtstamp", _stamp(stamp))


def _finish(vevent: icalendar.Event, categories: list[str], page: str | None, transp: str = "TRANSPARENT") -> icalendar.Event:
    vevent.add("categories", categories)
    vevent.add("transp", transp)
    vevent.add("class", "PUBLIC")
    if page:
        vevent.add("url", page)
    return vevent


def observance_vevent(site: Site, observance: Observance, base_url: str = "") -> icalendar.Event:
    start, end = first_occurrence(observance)
    vevent = icalendar.Event()
    _add_common(vevent, observance_uid(observance), observance_stamp(observance))
    vevent.add("dtstart", start)
    # All-day: DTEND is exclusive (RFC 5545 §3.6.1), the day after the last day. A whole-month
    # observance keeps its length every year; December always has 31 days.
    vevent.add("dtend", end + ONE_DAY)
    vevent.add("rrule", {"freq": "yearly"})
    vevent.add("summary", observance.name)
    basis = "; ".join(b.document + (f" ({vi.short_date(b.date)})" if b.date else "") for b in observance.basis)
    page = absolute(base_url, urls.observance(observance.id))
    vevent.add("description", _describe(observance.summary, f"Căn cứ: {basis}.", page))
    return _finish(vevent, ["Ngày kỷ niệm"], page)


def event_vevent(site: Site, event: Event, base_url: str = "") -> icalendar.Event:
    vevent = icalendar.Event()
    _add_common(vevent, event_uid(event), event_stamp(site, event))
    if event.time:
        zone = ZoneInfo(TZID)
        vevent.add("dtstart", dt.datetime.combine(event.first_day, event.time, zone))
        if event.end:
            vevent.add("dtend", dt.datetime.combine(event.end + ONE_DAY, dt.time(0, 0), zone))
    else:
        vevent.add("dtstart", event.first_day)
        vevent.add("dtend", event.last_day + ONE_DAY)
    vevent.add("summary", event.name)
    document = site.document.get(event.plan) if event.plan else None
    organisers = organiser_names(site, event)
    participants = ", ".join(site.name_of(o) for o in event.participants)
    observances = ", ".join(site.observance[o].name for o in event.observances)
    page = absolute(base_url, urls.event(event.id))
    vevent.add(
        "description",
        _describe(
            event.description,
            f"Theo {document_title(document)}." if document else None,
            f"Loại sự kiện: {event.type_name}." if event.type else None,
            f"Đơn vị tổ chức: {organisers}." if organisers else None,
            f"Thành phần tham gia: {participants}." if participants else None,
            f"Ngày kỷ niệm: {observances}." if observances else None,
            page,
        ),
    )
    if event.place:
        vevent.add("location", event.place)
    busy = event.kind != "han" and event.time is not None  # a timed ceremony blocks its hours
    categories = ["Thời hạn" if event.kind == "han" else "Sự kiện"] + ([event.type_name] if event.type else [])
    return _finish(vevent, categories, page, transp="OPAQUE" if busy else "TRANSPARENT")


def phase_vevent(site: Site, item: Occurrence, base_url: str = "") -> icalendar.Event:
    """A competition's phase known to the day (launch, entries due, results): one all-day VEVENT."""
    event, phase = item.event, item.phase
    vevent = icalendar.Event()
    _add_common(vevent, phase_uid(event, phase), event_stamp(site, event))
    vevent.add("dtstart", item.start)
    vevent.add("dtend", item.start + ONE_DAY)
    vevent.add("summary", item.title)
    page = absolute(base_url, urls.event(event.id))
    vevent.add("description", _describe(event.description, page))
    if event.place:
        vevent.add("location", event.place)
    return _finish(vevent, ["Sự kiện"] + ([event.type_name] if event.type else []), page)


def activity_vevent(site: Site, document: Document, activity: Activity, dates: ActivityDates, base_url: str = "") -> icalendar.Event:
    """A dated activity, from its document: a deadline (one day), a period (all its days), or the first
    day of a period whose end the document does not give (its description says so)."""
    vevent = icalendar.Event()
    _add_common(vevent, activity_uid(document, activity), document.earliest_issue_day)
    vevent.add("dtstart", dates.start)
    vevent.add("dtend", dates.end + ONE_DAY)
    prefix = {"deadline": "Hạn: ", "start": "Bắt đầu: ", "period": ""}[dates.kind]
    vevent.add("summary", prefix + activity.name)
    page = absolute(base_url, urls.activity(document.id, activity.id))
    vevent.add(
        "description",
        _describe(
            f"{activity_time(site, document, activity.time)}.",
            f"Theo {document_title(document)}.",
            f"Chủ trì: {site.name_of(activity.lead)}." if activity.lead_known else "Chưa rõ đơn vị chủ trì.",
            page,
        ),
    )
    return _finish(vevent, ["Thời hạn" if dates.kind == "deadline" else "Hoạt động"], page)


def _order(vevent: icalendar.Event) -> tuple[str, str]:
    start = vevent.decoded("dtstart")
    return (start.date() if isinstance(start, dt.datetime) else start).isoformat(), str(vevent["uid"])


# --- calendars ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vtimezone() -> bytes:
    """Built and written once: deriving it from the tz database is the dearest step of a calendar file."""
    return icalendar.Timezone.from_tzinfo(ZoneInfo(TZID), TZID, first_date=TZ_FIRST, last_date=TZ_LAST).to_ical()


_END = b"END:VCALENDAR\r\n"


def _calendar(
    name: str,
    description: str,
    page: str | None,
    vevents: Sequence[icalendar.Event],
    *,
    subscribe: bool = False,
    written: Mapping[str, bytes] | None = None,
) -> bytes:
    """A VCALENDAR of ``vevents``. Its components follow its properties, where icalendar writes them;
    ``written`` holds the VEVENTs already written (by UID), so one that several files carry is written once
    (writing each in every file that carries it took 0.6 s more under the profiler at 2,000 + 100, about
    0.25 s without it: measured)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    # X- properties are written as given unless typed: vText escapes commas and semicolons.
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("description", description)
    cal.add("x-wr-caldesc", icalendar.vText(description))
    cal.add("x-wr-timezone", TZID)
    if page:
        cal.add("url", page)
    if subscribe:
        # RFC 7986 §5.7 and its older Microsoft/Apple spelling: how often a subscriber checks again.
        cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "P1D")
    parts = [_vtimezone()] if any(isinstance(v.decoded("dtstart"), dt.datetime) for v in vevents) else []
    parts += [written[str(v["uid"])] if written else v.to_ical() for v in vevents]
    head = cal.to_ical()
    return head[: -len(_END)] + b"".join(parts) + _END


CALENDAR_NAME = "{} — Lịch ngày kỷ niệm"
CALENDAR_DESCRIPTION = "Các ngày kỷ niệm, sự kiện và thời hạn của các văn bản (kế hoạch, công văn, quyết định…) về công tác dân số."


def render_ics(site: Site, base_url: str = "") -> bytes:
    """``lich.ics``: every observance, event and deadline, for subscribing."""
    return render_ics_files(site, base_url)[urls.ICS]


def render_ics_files(site: Site, base_url: str = "") -> dict[str, bytes]:
    """Every calendar file of the site: site-relative path → bytes (CRLF, folded, as icalendar writes them).
    Each VEVENT is made and written once, for ``lich.ics`` and for its own file."""
    observances = {o.id: observance_vevent(site, o, base_url) for o in site.observances}
    # A calendar file gives every item a day: an event known only to its month, its year, or as "on or before"
    # a day has none, so it is left out (and has no file of its own); the calendar page lists it and says why.
    events = {e.id: event_vevent(site, e, base_url) for e in site.events if e.exact}
    activities = [
        activity_vevent(site, document, activity, dates, base_url)
        for document in site.documents
        for activity, dates in site.agenda.activities_of(document.id)
        if dates.in_calendar_file  # a deadline or an end short of its day has no day to give
    ]
    phases = [phase_vevent(site, item, base_url) for item in site.agenda.items if item.phase and item.exact]
    everything = sorted([*observances.values(), *events.values(), *activities, *phases], key=_order)
    written = {str(v["uid"]): v.to_ical() for v in everything}
    files = {
        urls.ICS: _calendar(
            CALENDAR_NAME.format(site.info.name),
            CALENDAR_DESCRIPTION,
            absolute(base_url, urls.CALENDAR),
            everything,
            subscribe=True,
            written=written,
        )
    }
    for o in site.observances:
        page = absolute(base_url, urls.observance(o.id))
        files[urls.observance_ics(o.id)] = _calendar(o.name, o.summary, page, [observances[o.id]], written=written)
    for e in (e for e in site.events if e.exact):
        page = absolute(base_url, urls.event(e.id))
        files[urls.event_ics(e.id)] = _calendar(e.name, event_when(e), page, [events[e.id]], written=written)
    return files
