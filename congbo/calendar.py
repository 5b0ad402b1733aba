"""What happens when: observance occurrences, plan deadlines and events, for any year."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from . import vi
from .models import Activity, Event, Observance, Plan
from .site import Site

ItemKind = Literal["observance", "event", "deadline", "period", "start"]
"""'start': the first day of a period whose end the document does not give (blank or not known)."""


class Span:
    """Something dated from ``start`` to ``end`` (both inclusive): past, under way or to come."""

    start: dt.date
    end: dt.date

    def is_past(self, today: dt.date) -> bool:
        return self.end < today

    def is_current(self, today: dt.date) -> bool:
        return self.start <= today <= self.end


@dataclass(frozen=True, order=True)
class Occurrence(Span):
    """One dated item on the calendar: an observance's day (or month), an event, a deadline."""

    start: dt.date
    end: dt.date  # inclusive
    kind: ItemKind
    key: str  # the record's id, for sorting and links
    title: str
    plan: Plan | None = None
    event: Event | None = None
    observance: Observance | None = None
    activity: Activity | None = None
    start_text: str | None = None
    """How the document gives a start it does not date to the day ('tháng 01 năm 2021'); the bar
    still starts on ``start``, the first day it can be, but the page says no more than the text."""


def observance_dates(observance: Observance, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of an observance in ``year``, or None before it was first held."""
    if year < observance.first_year:
        return None
    if observance.whole_month:
        last = _calendar.monthrange(year, observance.month)[1]
        return dt.date(year, observance.month, 1), dt.date(year, observance.month, last)
    if (observance.month, observance.day) == (2, 29) and not _calendar.isleap(year):
        return None
    day = dt.date(year, observance.month, observance.day)
    return day, day


def occurrences(site: Site, year: int) -> list[Occurrence]:
    """Everything dated in ``year``, in date order."""
    items: list[Occurrence] = []
    for observance in site.observances:
        dates = observance_dates(observance, year)
        if dates:
            items.append(Occurrence(dates[0], dates[1], "observance", observance.id, observance.name, observance=observance))
    for event in site.events:
        if event.date.year <= year <= event.last_day.year:
            items.append(_event_item(site, event))
    for plan, activity in dated_activities(site):
        start, end = activity_span(plan, activity)
        if start.year <= year <= end.year:
            kind: ItemKind = "deadline" if activity.time.deadline else "start" if activity.time.open_end else "period"
            items.append(Occurrence(start, end, kind, f"{plan.id}/{activity.id}", activity.name, plan=plan, activity=activity,
                                    start_text=activity_start_text(plan, activity)))
    return sorted(items, key=lambda o: (o.start, o.end, o.kind, o.key))


def _event_item(site: Site, event: Event) -> Occurrence:
    plan = site.plan.get(event.plan) if event.plan else None
    activity = next((a for a in plan.activities if a.id == event.activity), None) if plan else None
    kind: ItemKind = "deadline" if event.kind == "han" else "event"
    return Occurrence(event.date, event.last_day, kind, event.id, event.name, plan=plan, event=event, activity=activity)


def dated_activities(site: Site):
    """Every document's `dated_activities_of`, as (document, activity)."""
    for plan in site.plans:
        for activity in dated_activities_of(plan):
            yield plan, activity


def dated_activities_of(plan: Plan) -> list[Activity]:
    """The activities a document dates (a deadline, or a period: to an end, or from a start whose end is
    blank or not known) that do not keep a published event's id (those are events made from the
    activity, see `load`)."""
    return [a for a in plan.activities if (a.time.deadline or a.time.end is not None) and not a.event]


def activity_span(plan: Plan, activity: Activity) -> tuple[dt.date, dt.date]:
    """First and last day of a dated activity: a deadline is one day; a period runs from its start
    (or the document's date of issue, when the text says 'from now on') to its end. A start known
    only to the month starts the bar at the first day of that month; an issue date known only to its
    month or year, at the first day the document can have been issued (`Document.earliest_issue_day`):
    the page and the text say which. A period without an end date is its first
    day alone: the site does not draw a bar to a day it does not know."""
    time = activity.time
    if time.deadline:
        return time.deadline, time.deadline
    if time.open_end:
        return time.start.first_day, time.start.first_day
    start = time.start.first_day if time.start else plan.earliest_issue_day
    return min(start, time.end_day), time.end_day


def activity_start_text(plan: Plan, activity: Activity) -> str | None:
    """A period's start as the document gives it, when it is not a day: its month, or 'from issue'
    with the issue date as written ("khi ban hành văn bản, tháng 01 năm 2021 (bản gốc chưa ghi ngày)");
    None when the start is a known day."""
    time = activity.time
    if time.deadline:
        return None
    if time.start is not None:
        return None if time.start.exact else vi.partial_date(time.start)
    return None if plan.date.exact else f"khi ban hành văn bản, {vi.date_with_state(plan.date)}"


def next_observances(site: Site, today: dt.date, count: int = 3) -> list[Occurrence]:
    """The next observances from ``today`` on (one under way counts), soonest first."""
    items = [o for year in (today.year, today.year + 1) for o in occurrences(site, year) if o.kind == "observance"]
    upcoming = [o for o in items if o.end >= today]
    return upcoming[:count]


def calendar_years(site: Site, today: dt.date) -> list[int]:
    """The years with a calendar page: this one (and the next from October), and every year the data dates.

    Dated means an event, a deadline, a plan tied to an observance (its programme's year) or a
    yearly theme, so that a theme or a plan of a past year still has its year's page.
    """
    years = set(shown_years(today, today.year))
    years |= {y for e in site.events for y in range(e.date.year, e.last_day.year + 1)}
    spans = [activity_span(plan, activity) for plan, activity in dated_activities(site)]
    years |= {y for start, end in spans for y in range(start.year, end.year + 1)}
    years |= {t.year for o in site.observances for t in o.themes}
    years |= {programme_year(site.observance[o], plan.date.first_day) for plan in site.plans for o in plan.observances}
    return sorted(years)


def shown_years(today: dt.date, year: int) -> list[int]:
    """The years one calendar page lists: the current year's page adds the next one from October on."""
    if year == today.year and today.month >= 10:
        return [year, year + 1]
    return [year]


def first_occurrence(observance: Observance) -> tuple[dt.date, dt.date]:
    """The first time an observance was held (29 February waits for a leap year)."""
    year = observance.first_year
    while (dates := observance_dates(observance, year)) is None:
        year += 1
    return dates


def programme_year(observance: Observance, since: dt.date) -> int:
    """The year of the observance's first occurrence ending on or after ``since``: a plan issued in
    August that names World Population Day (11 July) works towards next year's."""
    year = max(since.year, observance.first_year)
    while (dates := observance_dates(observance, year)) is None or dates[1] < since:
        year += 1
    return year


def anniversary(observance: Observance, year: int) -> int | None:
    """How many years ``year`` marks since the observance's origin: 60 for Vietnam Population Day 2021
    (from Quyết định 216/CP, 26/12/1961); None without an origin."""
    if observance.origin is None or year <= observance.origin.year:
        return None
    return year - observance.origin.year


def overlaps(item: Occurrence, first: dt.date, last: dt.date) -> bool:
    return item.start <= last and item.end >= first
