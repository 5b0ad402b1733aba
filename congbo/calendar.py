"""What happens when: observance occurrences, plan deadlines and events, for any year."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .models import Activity, Event, Observance, Plan
from .site import Site

ItemKind = Literal["observance", "event", "deadline"]


@dataclass(frozen=True, order=True)
class Occurrence:
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

    def is_past(self, today: dt.date) -> bool:
        return self.end < today

    def is_current(self, today: dt.date) -> bool:
        return self.start <= today <= self.end


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
    for plan, activity in _deadlines(site):
        if activity.time.deadline.year == year:
            day = activity.time.deadline
            items.append(Occurrence(day, day, "deadline", f"{plan.id}/{activity.id}", activity.name, plan=plan, activity=activity))
    return sorted(items, key=lambda o: (o.start, o.end, o.kind, o.key))


def _event_item(site: Site, event: Event) -> Occurrence:
    plan = site.plan.get(event.plan) if event.plan else None
    activity = next((a for a in plan.activities if a.id == event.activity), None) if plan else None
    kind: ItemKind = "deadline" if event.kind == "han" else "event"
    return Occurrence(event.date, event.last_day, kind, event.id, event.name, plan=plan, event=event, activity=activity)


def _deadlines(site: Site):
    """Activity deadlines that no event already stands for (an event is the richer record)."""
    covered = {(e.plan, e.activity) for e in site.events if e.activity}
    for plan in site.plans:
        for activity in plan.activities:
            if activity.time.deadline and (plan.id, activity.id) not in covered:
                yield plan, activity


def next_observances(site: Site, today: dt.date, count: int = 3) -> list[Occurrence]:
    """The next observances from ``today`` on (one under way counts), soonest first."""
    items = [o for year in (today.year, today.year + 1) for o in occurrences(site, year) if o.kind == "observance"]
    upcoming = [o for o in items if o.end >= today]
    return upcoming[:count]


def upcoming(site: Site, today: dt.date, count: int = 6) -> list[Occurrence]:
    items = [o for year in (today.year, today.year + 1) for o in occurrences(site, year)]
    return [o for o in items if o.end >= today][:count]


def calendar_years(site: Site, today: dt.date) -> list[int]:
    """The years the calendar shows: this one (and the next from October), plus every year with dated plan items."""
    years = {today.year}
    if today.month >= 10:
        years.add(today.year + 1)
    years |= {e.date.year for e in site.events}
    years |= {a.time.deadline.year for p in site.plans for a in p.activities if a.time.deadline}
    return sorted(years)
