"""iCalendar files (RFC 5545, RFC 7986) for phones and calendar apps.

One file with everything (``lich.ics``, to subscribe to), and one per observance and per event
(the "Thêm vào lịch" links). Observances are yearly all-day events; the December action month is
one month-long yearly event; events and plan deadlines are dated events.

Every VEVENT is a pure function of its own record: its UID comes from the record's id (no host
name, so a move to another domain changes nothing), its DTSTAMP from a date in the data (never
the clock), so reordering the data or rebuilding changes no byte of it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from . import urls, vi
from .calendar import deadlines, first_occurrence
from .models import Activity, Event, Observance, Plan
from .site import Site
from .texts import event_when, plan_title

TZID = "Asia/Ho_Chi_Minh"
UID_SUFFIX = "@congbo"
PRODID = "-//congbo//Lich ngay ky niem//VI"
# Vietnam has kept UTC+07:00 since 13/6/1975; the VTIMEZONE starts after that change.
TZ_FIRST = dt.date(1976, 1, 1)
TZ_LAST = dt.date(2100, 1, 1)
ONE_DAY = dt.timedelta(days=1)


# --- identities -----------------------------------------------------------------------


def observance_uid(observance: Observance) -> str:
    return f"{observance.id}{UID_SUFFIX}"


def event_uid(event: Event) -> str:
    return f"su-kien-{event.id}{UID_SUFFIX}"


def deadline_uid(plan: Plan, activity: Activity) -> str:
    return f"han-{plan.id}-{activity.id}{UID_SUFFIX}"


def _stamp(day: dt.date) -> dt.datetime:
    """DTSTAMP is UTC (RFC 5545 §3.8.7.2): the start of that day in Vietnam."""
    return dt.datetime.combine(day, dt.time(0, 0), vi.VN_TZ).astimezone(dt.timezone.utc)


def observance_stamp(observance: Observance) -> dt.date:
    """The newest dated basis (the decision that set the day), else its origin, else 1 January of its first year."""
    dated = [b.date for b in observance.basis if b.date]
    return max(dated) if dated else observance.origin or dt.date(observance.first_year, 1, 1)


def event_stamp(site: Site, event: Event) -> dt.date:
    """The issue date of the event's plan (first of the month for an undated draft), else the event's date."""
    plan = site.plan.get(event.plan) if event.plan else None
    return plan.date.first_day if plan else event.date


# --- URLs -----------------------------------------------------------------------------


def absolute(base_url: str, url: str) -> str | None:
    """The public address of a site-relative URL, or None when the site has no ``site_url``."""
    return f"{base_url.rstrip('/')}/{url}" if base_url else None


def webcal_url(base_url: str) -> str | None:
    """The subscribe link (``webcal://``) of the all-items calendar: phones open it in their calendar app."""
    address = absolute(base_url, urls.ICS)
    if not address:
        return None
    parts = urlsplit(address)
    return f"webcal://{parts.netloc}{parts.path}"


# --- components -----------------------------------------------------------------------


def _describe(*parts: str | None) -> str:
    return "\n\n".join(p for p in parts if p)


def _add_common(vevent: icalendar.Event, uid: str, stamp: dt.date) -> None:
    vevent.add("uid", uid)
    vevent.add("dtstamp", _stamp(stamp))


def _finish(vevent: icalendar.Event, category: str, page: str | None, transp: str = "TRANSPARENT") -> icalendar.Event:
    vevent.add("categories", [category])
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
    return _finish(vevent, "Ngày kỷ niệm", page)


def event_vevent(site: Site, event: Event, base_url: str = "") -> icalendar.Event:
    vevent = icalendar.Event()
    _add_common(vevent, event_uid(event), event_stamp(site, event))
    if event.time:
        zone = ZoneInfo(TZID)
        vevent.add("dtstart", dt.datetime.combine(event.date, event.time, zone))
        if event.end:
            vevent.add("dtend", dt.datetime.combine(event.end + ONE_DAY, dt.time(0, 0), zone))
    else:
        vevent.add("dtstart", event.date)
        vevent.add("dtend", event.last_day + ONE_DAY)
    vevent.add("summary", event.name)
    plan = site.plan.get(event.plan) if event.plan else None
    organiser = site.organisation[event.organiser].name if event.organiser else None
    observances = ", ".join(site.observance[o].name for o in event.observances)
    page = absolute(base_url, urls.event(event.id))
    vevent.add("description", _describe(
        event.description,
        f"Theo {plan_title(plan)}." if plan else None,
        f"Đơn vị tổ chức: {organiser}." if organiser else None,
        f"Ngày kỷ niệm: {observances}." if observances else None,
        page,
    ))
    if event.place:
        vevent.add("location", event.place)
    busy = event.kind != "han" and event.time is not None  # a timed ceremony blocks its hours
    return _finish(vevent, "Thời hạn" if event.kind == "han" else "Sự kiện", page, transp="OPAQUE" if busy else "TRANSPARENT")


def deadline_vevent(site: Site, plan: Plan, activity: Activity, base_url: str = "") -> icalendar.Event:
    day = activity.time.deadline
    vevent = icalendar.Event()
    _add_common(vevent, deadline_uid(plan, activity), plan.date.first_day)
    vevent.add("dtstart", day)
    vevent.add("dtend", day + ONE_DAY)
    vevent.add("summary", f"Hạn: {activity.name}")
    page = absolute(base_url, urls.activity(plan.id, activity.id))
    vevent.add("description", _describe(
        f"Hoàn thành trước ngày {vi.short_date(day)}.",
        f"Theo {plan_title(plan)}.",
        f"Chủ trì: {site.organisation[activity.lead].name}.",
        page,
    ))
    return _finish(vevent, "Thời hạn", page)


def all_vevents(site: Site, base_url: str = "") -> list[icalendar.Event]:
    """Every item of the calendar, sorted by first day then UID (never by the data's order)."""
    vevents = [observance_vevent(site, o, base_url) for o in site.observances]
    vevents += [event_vevent(site, e, base_url) for e in site.events]
    vevents += [deadline_vevent(site, plan, activity, base_url) for plan, activity in deadlines(site)]
    return sorted(vevents, key=_order)


def _order(vevent: icalendar.Event) -> tuple[str, str]:
    start = vevent.decoded("dtstart")
    return (start.date() if isinstance(start, dt.datetime) else start).isoformat(), str(vevent["uid"])


# --- calendars ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vtimezone() -> icalendar.Timezone:
    """Built once: deriving it from the tz database is the dearest step of a calendar file."""
    return icalendar.Timezone.from_tzinfo(ZoneInfo(TZID), TZID, first_date=TZ_FIRST, last_date=TZ_LAST)


def _calendar(name: str, description: str, page: str | None, vevents: list[icalendar.Event], *, subscribe: bool = False) -> bytes:
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
    if any(isinstance(v.decoded("dtstart"), dt.datetime) for v in vevents):
        cal.add_component(_vtimezone())
    for vevent in vevents:
        cal.add_component(vevent)
    return cal.to_ical()


def render_ics(site: Site, base_url: str = "") -> bytes:
    """``lich.ics``: every observance, event and deadline, for subscribing."""
    name = f"{site.info.name} — Lịch ngày kỷ niệm"
    description = "Các ngày kỷ niệm, sự kiện và thời hạn của các kế hoạch về công tác dân số."
    return _calendar(name, description, absolute(base_url, urls.CALENDAR), all_vevents(site, base_url), subscribe=True)


def render_observance_ics(site: Site, observance: Observance, base_url: str = "") -> bytes:
    page = absolute(base_url, urls.observance(observance.id))
    return _calendar(observance.name, observance.summary, page, [observance_vevent(site, observance, base_url)])


def render_event_ics(site: Site, event: Event, base_url: str = "") -> bytes:
    page = absolute(base_url, urls.event(event.id))
    return _calendar(event.name, event_when(event), page, [event_vevent(site, event, base_url)])


def render_ics_files(site: Site, base_url: str = "") -> dict[str, bytes]:
    """Every calendar file of the site: site-relative path → bytes (CRLF, folded, as icalendar writes them)."""
    files = {urls.ICS: render_ics(site, base_url)}
    for observance in site.observances:
        files[urls.observance_ics(observance.id)] = render_observance_ics(site, observance, base_url)
    for event in site.events:
        files[urls.event_ics(event.id)] = render_event_ics(site, event, base_url)
    return files
