"""One frozen model of every dated thing, built once from the loaded records: observance days (by
their yearly rule), events, and the deadlines, periods and open starts documents give their activities.

How a document dates an activity (a deadline; a period to an end, from a start or from the date of
issue; a start whose end is blank or not known) is read here once (`activity_dates`). The calendar page,
``.ics``, ``lich.json``, the document and programme timelines and the home page's blocks are projections of
`Agenda`; nothing in it refers back to the site.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Literal

from . import vi
from .models import Activity, Event, Observance, Plan
from .types import Missing

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


@dataclass(frozen=True)
class ActivityDates:
    """How a document dates one activity: the one reading of its time that every output shares."""

    kind: Literal["deadline", "period", "start"]
    start: dt.date
    """The first day: the deadline; the period's start (a start known only to its month, or a period
    running from the date of issue, starts at the first day it can be); an open period's known start."""
    end: dt.date
    """The last day (inclusive); the start itself for a deadline and for a period without an end date:
    no bar is drawn to a day the data does not give."""
    start_exact: bool
    """Whether ``start`` is a day the document gives (not the first day of a month or of a year)."""
    start_text: str | None
    """How the document gives a start it does not date to the day ('tháng 01 năm 2021', or
    'khi ban hành văn bản, …'); None when the start is a known day."""
    open_end: Missing | None
    """For a 'start': the end is blank in the original, or not known to the editors."""


def activity_dates(plan: Plan, activity: Activity) -> ActivityDates | None:
    """The dates ``activity`` has in ``plan``, or None when the document dates it by no day (an observance
    it is tied to, or ongoing work). A period running from the date of issue of a document dated only to
    its month or year starts at the first day it can have been issued (`Plan.earliest_issue_day`)."""
    time = activity.time
    if time.deadline:
        return ActivityDates("deadline", time.deadline, time.deadline, True, None, None)
    if time.open_end:
        first = time.start.first_day
        return ActivityDates("start", first, first, time.start.exact, None if time.start.exact else vi.partial_date(time.start), time.open_end)
    if time.end_day is None:
        return None
    if time.start is not None:
        start, exact, text = time.start.first_day, time.start.exact, None if time.start.exact else vi.partial_date(time.start)
    else:
        start, exact = plan.earliest_issue_day, plan.date.exact
        text = None if exact else f"khi ban hành văn bản, {vi.date_with_state(plan.date)}"
    return ActivityDates("period", min(start, time.end_day), time.end_day, exact, text, None)


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


@dataclass(frozen=True)
class Agenda:
    """Every dated thing of a site, made once by `build_agenda`: the observances (a yearly rule each) and
    the items dated once (events and documents' dated activities), in date order."""

    observances: tuple[Observance, ...]
    plans: tuple[Plan, ...]
    items: tuple[Occurrence, ...]
    """Events and dated activities, by (start, end, kind, key)."""
    activities: dict[str, tuple[tuple[Activity, ActivityDates], ...]]
    """Each document's dated activities (those not kept as a published event), by document id, in the
    document's order: the one reading of their dates."""

    def occurrences(self, year: int) -> list[Occurrence]:
        """Everything dated in ``year``, in date order."""
        items: list[Occurrence] = []
        for observance in self.observances:
            dates = observance_dates(observance, year)
            if dates:
                items.append(Occurrence(dates[0], dates[1], "observance", observance.id, observance.name, observance=observance))
        items += [item for item in self.items if item.start.year <= year <= item.end.year]
        return sorted(items, key=lambda o: (o.start, o.end, o.kind, o.key))

    def activities_of(self, plan_id: str) -> tuple[tuple[Activity, ActivityDates], ...]:
        return self.activities.get(plan_id, ())

    def years(self, today: dt.date) -> list[int]:
        """The years with a calendar page: this one (and the next from October), and every year the data dates.

        Dated means an event, a deadline or a period, a plan tied to an observance (its programme's year)
        or a yearly theme, so that a theme or a plan of a past year still has its year's page.
        """
        years = set(shown_years(today, today.year))
        years |= {y for item in self.items for y in range(item.start.year, item.end.year + 1)}
        years |= {t.year for o in self.observances for t in o.themes}
        by_id = {o.id: o for o in self.observances}
        years |= {programme_year(by_id[o], plan.date.first_day) for plan in self.plans for o in plan.observances}
        return sorted(years)

    def next_observances(self, today: dt.date, count: int = 3) -> list[Occurrence]:
        """The next observances from ``today`` on (one under way counts), soonest first."""
        items = [o for year in (today.year, today.year + 1) for o in self.occurrences(year) if o.kind == "observance"]
        return [o for o in items if o.end >= today][:count]


def build_agenda(observances: Iterable[Observance], plans: Iterable[Plan], events: Iterable[Event]) -> Agenda:
    plans = tuple(plans)
    by_id = {p.id: p for p in plans}
    activities = {
        plan.id: tuple((a, dates) for a in plan.activities if not a.event and (dates := activity_dates(plan, a)) is not None)
        for plan in plans
    }
    items = [_event_item(by_id, event) for event in events]
    items += [Occurrence(dates.start, dates.end, dates.kind, f"{plan.id}/{activity.id}", activity.name, plan=plan, activity=activity,
                         start_text=dates.start_text)
              for plan in plans for activity, dates in activities[plan.id]]
    return Agenda(tuple(observances), plans, tuple(sorted(items, key=lambda o: (o.start, o.end, o.kind, o.key))), activities)


def _event_item(plans: dict[str, Plan], event: Event) -> Occurrence:
    plan = plans.get(event.plan) if event.plan else None
    activity = next((a for a in plan.activities if a.id == event.activity), None) if plan else None
    kind: ItemKind = "deadline" if event.kind == "han" else "event"
    return Occurrence(event.date, event.last_day, kind, event.id, event.name, plan=plan, event=event, activity=activity)


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
