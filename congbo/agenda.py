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

from . import urls, vi
from .models import Activity, ArticleRecord, Event, Observance, Phase, Document, Theme
from .dates import PartialDate, Precision, open_end
from .scalars import Missing

ItemKind = Literal["observance", "event", "deadline", "period", "start", "phase"]
"""'start': the first day of a period whose end the document does not give (blank or not known); 'phase': a dated
phase of a competition (its launch, entries due, results)."""


TZID = "Asia/Ho_Chi_Minh"
"""The time zone of every time in the data (UTC+07:00, no daylight saving)."""
UID_SUFFIX = "@congbo"


# Each dated thing's UID comes from its record's id (no host name, so a move to another domain changes
# nothing): the same in lich.ics, its own .ics and lich.json.


def observance_uid(observance: Observance) -> str:
    return f"{observance.id}{UID_SUFFIX}"


def event_uid(event: Event) -> str:
    return f"su-kien-{event.id}{UID_SUFFIX}"


def phase_uid(event: Event, phase: Phase) -> str:
    return f"giai-doan-{event.id}-{phase.key}{UID_SUFFIX}"


def deadline_uid(document: Document, activity: Activity) -> str:
    return f"han-{document.id}-{activity.id}{UID_SUFFIX}"


def period_uid(document: Document, activity: Activity) -> str:
    return f"hoat-dong-{document.id}-{activity.id}{UID_SUFFIX}"


def activity_uid(document: Document, activity: Activity) -> str:
    """A deadline keeps the UID it was first published with; a period has its own."""
    return deadline_uid(document, activity) if activity.time.deadline else period_uid(document, activity)


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
    bounded: PartialDate | None = None
    """A deadline short of its day (its month, its year, or on or before a day): ``start`` = ``end`` = its latest
    possible day, as an event short of its day is placed."""
    end_text: str | None = None
    """How the document gives an end it does not date to the day ('tháng 12 năm 2025 (chưa rõ ngày)'); ``end`` is
    then the latest day it can be, so the period is past only once that day is, and never said to be under way."""
    start_precision: Precision = "day"
    """How well the start is known (a period running from the date of issue: as well as that date); known only
    as on or before a day, ``start`` is that day, the one the data names."""
    end_precision: Precision = "day"
    """How well a period's end is known."""

    @property
    def in_calendar_file(self) -> bool:
        """Whether a calendar file can give it its days: not a deadline or an end short of its day, nor a start
        known only as on or before a day. (A start known only to its month starts on the month's first day, as it
        always has, and its description says the month.)"""
        return in_calendar_file(self.bounded, self.end_text, self.start_precision)


def in_calendar_file(bounded: PartialDate | None, end_text: str | None, start_precision: Precision) -> bool:
    """The one rule for what a calendar file can carry: a day known, an end known to the day, and a start that
    is not only a bound (on or before a day). A start known only to its month or year still starts on its
    first possible day, as it always has: its description says the month."""
    return bounded is None and end_text is None and start_precision != "on-or-before"


def activity_dates(document: Document, activity: Activity) -> ActivityDates | None:
    """The dates ``activity`` has in ``document``, or None when the document dates it by no day (an observance
    it is tied to, or ongoing work). A period running from the date of issue of a document dated only to
    its month or year starts at the first day it can have been issued (`Document.earliest_issue_day`)."""
    time = activity.time
    if time.deadline:
        day = time.deadline_day
        return ActivityDates("deadline", day, day, True, None, None, bounded=None if time.deadline.exact else time.deadline)
    if time.open_end:
        first = time.start.first_day
        return ActivityDates(
            "start",
            first,
            first,
            time.start.exact,
            None if time.start.exact else time.start.text(),
            time.open_end,
            start_precision=time.start.precision,
        )
    if time.end_day is None:
        return None
    if time.start is not None:
        start, exact, text = time.start.first_day, time.start.exact, None if time.start.exact else time.start.text()
        precision = time.start.precision
    else:
        start, exact = document.earliest_issue_day, document.date.exact
        text = None if exact else f"khi ban hành văn bản, {document.date.text_with_state()}"
        precision = document.date.precision
    end = time.end_date
    return ActivityDates(
        "period",
        min(start, time.end_day),
        time.end_day,
        exact,
        text,
        None,
        end_text=None if end.exact else end.text_with_state(),
        start_precision=precision,
        end_precision=end.precision,
    )


@dataclass(frozen=True, order=True)
class Occurrence(Span):
    """One dated item on the calendar: an observance's day (or month), an event, a deadline."""

    start: dt.date
    end: dt.date  # inclusive
    kind: ItemKind
    key: str  # the record's id, for sorting and links
    title: str
    document: Document | None = None
    event: Event | None = None
    observance: Observance | None = None
    activity: Activity | None = None
    phase: Phase | None = None
    start_text: str | None = None
    """How the document gives a start it does not date to the day ('tháng 01 năm 2021'); the bar
    still starts on ``start``, the first day it can be, but the page says no more than the text."""
    bounded: PartialDate | None = None
    """The date as the data gives it, when it is short of its day (month, year, on or before a day): the
    item then sits on its latest possible day (``start`` = ``end``), so it is listed under that day's month,
    is past only once that day is, and is never called under way or given a day in a calendar file."""
    end_text: str | None = None
    """A period's end short of its day, in words: ``end`` is the latest day it can be (`ActivityDates.end_text`)."""
    start_precision: Precision = "day"
    end_precision: Precision = "day"

    @property
    def exact(self) -> bool:
        return self.bounded is None

    @property
    def precision(self) -> Precision:
        """How well its date (a period's start) is known."""
        return self.bounded.precision if self.bounded else self.start_precision

    @property
    def in_calendar_file(self) -> bool:
        """Whether a calendar file can give it its days (`in_calendar_file`, the rule activities follow too)."""
        return in_calendar_file(self.bounded, self.end_text, self.start_precision)

    def is_current(self, today: dt.date) -> bool:
        return self.exact and self.end_text is None and Span.is_current(self, today)


@dataclass(frozen=True)
class Agenda:
    """Every dated thing of a site, made once by `build_agenda`: the observances (a yearly rule each) and
    the items dated once (events and documents' dated activities), in date order."""

    observances: tuple[Observance, ...]
    documents: tuple[Document, ...]
    items: tuple[Occurrence, ...]
    """Events and dated activities, by (start, end, kind, key)."""
    activities: dict[str, tuple[tuple[Activity, ActivityDates], ...]]
    """Each document's dated activities (those not kept as a published event), by document id, in the
    document's order: the one reading of their dates."""
    events: dict[str, Occurrence]
    """Each event's item, by event id: where it is placed (`placed_on`), read by every timeline."""
    document_events: dict[str, tuple[Occurrence, ...]]
    """Each document's events (its activities kept as events, and events naming it), by date then id."""

    def occurrences(self, year: int) -> list[Occurrence]:
        """Everything dated in ``year``, in date order."""
        items: list[Occurrence] = []
        for observance in self.observances:
            dates = observance_dates(observance, year)
            if dates:
                items.append(Occurrence(dates[0], dates[1], "observance", observance.id, observance.name, observance=observance))
        items += [item for item in self.items if item.start.year <= year <= item.end.year]
        return sorted(items, key=lambda o: (o.start, o.end, o.kind, o.key))

    def activities_of(self, document_id: str) -> tuple[tuple[Activity, ActivityDates], ...]:
        return self.activities.get(document_id, ())

    def events_of(self, document_id: str) -> tuple[Occurrence, ...]:
        return self.document_events.get(document_id, ())

    def years(self, today: dt.date) -> list[int]:
        """The years with a calendar page: this one (and the next from October), and every year the data dates.

        Dated means an event, a deadline or a period, a document tied to an observance (its programme's year)
        or a yearly theme, so that a theme or a document of a past year still has its year's page.
        """
        years = set(shown_years(today, today.year))
        years |= {y for item in self.items for y in range(item.start.year, item.end.year + 1)}
        years |= {t.year for o in self.observances for t in o.themes}
        by_id = {o.id: o for o in self.observances}
        years |= {programme_year(by_id[o], document.date.first_day) for document in self.documents for o in document.observances}
        return sorted(years)

    def next_observances(self, today: dt.date, count: int = 3) -> list[Occurrence]:
        """The next observances from ``today`` on (one under way counts), soonest first."""
        items = [o for year in (today.year, today.year + 1) for o in self.occurrences(year) if o.kind == "observance"]
        return [o for o in items if o.end >= today][:count]


def build_agenda(observances: Iterable[Observance], documents: Iterable[Document], events: Iterable[Event]) -> Agenda:
    documents = tuple(documents)
    by_id = {p.id: p for p in documents}
    activities = {
        document.id: tuple((a, dates) for a in document.activities if not a.event and (dates := activity_dates(document, a)) is not None)
        for document in documents
    }
    events = tuple(events)
    event_items = {event.id: _event_item(by_id, event) for event in events}
    document_events: dict[str, list[Occurrence]] = {}
    for event in sorted(events, key=lambda e: (e.date, e.id)):
        if event.plan:
            document_events.setdefault(event.plan, []).append(event_items[event.id])
    items = list(event_items.values())
    items += [_phase_item(event, phase) for event in events for phase in event.phases if phase.dated]
    items += [
        Occurrence(
            dates.start,
            dates.end,
            dates.kind,
            f"{document.id}/{activity.id}",
            activity.name,
            document=document,
            activity=activity,
            start_text=dates.start_text,
            bounded=dates.bounded,
            end_text=dates.end_text,
            start_precision=dates.start_precision,
            end_precision=dates.end_precision,
        )
        for document in documents
        for activity, dates in activities[document.id]
    ]
    items.sort(key=lambda o: (o.start, o.end, o.kind, o.key))
    return Agenda(tuple(observances), documents, tuple(items), activities, event_items, {k: tuple(v) for k, v in document_events.items()})


def _event_item(documents: dict[str, Document], event: Event) -> Occurrence:
    document = documents.get(event.plan) if event.plan else None
    activity = next((a for a in document.activities if a.id == event.activity), None) if document else None
    kind: ItemKind = "deadline" if event.kind == "han" else "event"
    bounded = None if event.exact else event.date
    return Occurrence(
        placed_on(event.date),
        event.last_day,
        kind,
        event.id,
        event.name,
        document=document,
        event=event,
        activity=activity,
        bounded=bounded,
    )


def placed_on(date: PartialDate) -> dt.date:
    """The day a dated thing is placed on: its day, or, short of its day, its latest possible day, so that it is
    listed under that day's month, is past only once that day is, and is never placed before it can be."""
    return date.first_day if date.exact else date.latest_day


def _phase_item(event: Event, phase: Phase) -> Occurrence:
    """A dated phase of a competition: on its day, or, short of its day, on its latest possible day."""
    date = phase.dated
    day = placed_on(date)
    bounded = None if date.exact else date
    return Occurrence(
        day, day, "phase", f"{event.id}/{phase.key}", f"{phase.title}: {event.name}", event=event, phase=phase, bounded=bounded
    )


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


def next_occurrence(observance: Observance, today: dt.date, *, under_way: bool = True) -> tuple[dt.date, dt.date] | None:
    """The observance's next occurrence: the first whose last day is ``today`` or later (with
    ``under_way=False``, the first that starts ``today`` or later); None when it is no longer held."""
    for year in range(max(today.year - 1, observance.first_year), today.year + 9):  # 29 February: within 8 years
        dates = observance_dates(observance, year)
        if dates and (dates[1] >= today if under_way else dates[0] >= today):
            return dates
    return None


def first_occurrence(observance: Observance) -> tuple[dt.date, dt.date]:
    """The first time an observance was held (29 February waits for a leap year)."""
    year = observance.first_year
    while (dates := observance_dates(observance, year)) is None:
        year += 1
    return dates


def programme_year(observance: Observance, since: dt.date) -> int:
    """The year of the observance's first occurrence ending on or after ``since``: a document issued in
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


# --- programmes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Step(Span):
    """One line of a programme's timeline."""

    start: dt.date
    end: dt.date
    kind: str  # "plan" | "event" | "deadline" | "period" | "start" (a period without an end date) | "observance"
    title: str
    document: Document | None = None
    event: Event | None = None
    anchor: str | None = None  # an activity's row on the document's page
    note: str | None = None  # what the timeline says besides the date: a period's end it cannot state
    bounded: PartialDate | None = None  # an event or a deadline short of its day: the step sits on its latest possible day
    when: str | None = None
    """Its date in words when the step is not dated to a known day ('Tháng 01/2021', 'Từ tháng 01/2021', 'Chậm nhất
    ngày 19/12/2025'); None when the page states its days."""
    end_text: str | None = None  # a period's end short of its day, in words (`ActivityDates.end_text`)

    def is_current(self, today: dt.date) -> bool:
        return self.bounded is None and self.end_text is None and Span.is_current(self, today)


@dataclass(frozen=True)
class Programme(Span):
    """What the data says about one year's observance: the year's theme, the documents working towards
    it, a timeline of their dates and events, and the related articles; made once with the site."""

    observance: Observance
    year: int
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    theme: Theme | None
    timeline: tuple[Step, ...]
    articles: tuple[ArticleRecord, ...]

    @property
    def id(self) -> str:
        return f"{self.observance.id}-{self.year}"

    @property
    def url(self) -> str:
        return urls.programme(self.observance.id, self.year)

    @property
    def dates(self) -> tuple[dt.date, dt.date]:
        return observance_dates(self.observance, self.year)

    @property
    def anniversary(self) -> int | None:
        return anniversary(self.observance, self.year)

    @property
    def title(self) -> str:
        """'Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)', or 'Ngày Dân số Thế giới năm 2024'."""
        obs = self.observance
        if self.anniversary:
            return f"Kỷ niệm {self.anniversary} năm {obs.name} ({vi.short_date(obs.origin)} – {vi.short_date(self.dates[0])})"
        return f"{obs.name} năm {self.year}"

    @property
    def start(self) -> dt.date:
        return min(s.start for s in self.timeline)

    @property
    def end(self) -> dt.date:
        return max(s.end for s in self.timeline)


def build_programmes(site) -> tuple[Programme, ...]:
    """Every programme of ``site`` (the records being made into a `Site`, read here and not kept), by
    observance (in data order) then year: one per observance and year with documents or events."""
    found = []
    for obs in site.observances:
        documents: dict[int, list[Document]] = {}
        for document in site.documents:
            if obs.id in document.observances:
                documents.setdefault(programme_year(obs, document.date.first_day), []).append(document)
        events: dict[int, list[Event]] = {}
        for event in site.events:
            if obs.id in event.observances:
                events.setdefault(event.date.year, []).append(event)
        for year in sorted(set(documents) | set(events)):
            year_documents = tuple(sorted(documents.get(year, []), key=lambda p: (p.date, p.id)))
            ids = {p.id for p in year_documents}
            # The documents' own events belong to the programme too, whatever observance they name.
            year_events = {e.id: e for e in events.get(year, [])}
            year_events.update({e.id: e for e in site.events if e.plan in ids})
            year_events = tuple(sorted(year_events.values(), key=lambda e: (e.date, e.id)))
            found.append(
                Programme(
                    obs,
                    year,
                    year_documents,
                    year_events,
                    site.theme_of(obs, year),
                    _timeline(site, obs, year, year_documents, year_events),
                    _articles(site, obs, year, year_documents, year_events),
                )
            )
    return tuple(found)


def _timeline(site, obs: Observance, year: int, documents: tuple[Document, ...], events: tuple[Event, ...]) -> tuple[Step, ...]:
    start, end = observance_dates(obs, year)
    when = "cả tháng" if obs.whole_month else "ngày kỷ niệm"
    steps = [Step(start, end, "observance", f"{obs.name} ({when})")]
    covered = {(e.plan, e.activity) for e in site.events if e.activity}
    for document in documents:
        date = document.date
        bounded = None if date.earliest_day else date  # issued on or before a day: said so, not dated to it
        when = None if date.exact else vi.upper_first(date.short_text())
        steps.append(Step(date.first_day, date.first_day, "plan", document.title, document=document, bounded=bounded, when=when))
        for activity in document.activities:
            dates = activity_dates(document, activity)
            if dates is None or (dates.kind == "deadline" and (document.id, activity.id) in covered):
                continue
            note = f"bắt đầu; {open_end(dates.open_end)}" if dates.kind == "start" else None
            steps.append(
                Step(
                    dates.start,
                    dates.end,
                    dates.kind,
                    activity.name,
                    document=document,
                    anchor=urls.activity_anchor(activity.id),
                    note=note,
                    bounded=dates.bounded,
                    when=_step_when(activity, dates),
                    end_text=dates.end_text,
                )
            )
    for event in events:
        item = site.agenda.events[event.id]
        when = vi.upper_first(item.bounded.text_with_state()) if item.bounded else None
        step = Step(item.start, item.end, item.kind, event.name, document=item.document, event=event, bounded=item.bounded, when=when)
        steps.append(step)
    order = {"plan": 0, "start": 1, "period": 1, "event": 2, "deadline": 3, "observance": 4}
    return tuple(sorted(steps, key=lambda s: (s.end if s.kind == "period" else s.start, order[s.kind], s.title)))


def _step_when(activity: Activity, dates: ActivityDates) -> str | None:
    """An activity's date on a timeline, in words, when it is not a known day: a deadline short of its day, or
    a start known only to its month or year ('Từ tháng 01/2021'), or only as on or before a day."""
    if dates.bounded:
        return vi.upper_first(dates.bounded.text_with_state())
    if dates.kind != "start" or dates.start_exact:
        return None
    start = activity.time.start
    return f"Từ {start.short_text()}" if start.earliest_day else vi.upper_first(start.short_text())


def _articles(site, obs: Observance, year: int, documents: tuple[Document, ...], events: tuple[Event, ...]) -> tuple[ArticleRecord, ...]:
    """Articles about the observance published in its year, and those about its documents or events
    published by the end of its year that name no other observance (a document serving several
    observances is not a reason to list an article about another one, or a later year's)."""
    candidates = site.articles_about(observance=obs.id)
    candidates += [a for p in documents for a in site.articles_about(document=p.id)]
    candidates += [a for e in events for a in site.articles_about(event=e.id)]
    document_ids, event_ids = {p.id for p in documents}, {e.id for e in events}

    def about(article: ArticleRecord) -> bool:
        meta = article.meta
        if meta.observances:
            return obs.id in meta.observances and meta.date.year == year
        linked = bool(document_ids & set(meta.plans) or event_ids & set(meta.events))
        return linked and meta.date.year <= year

    chosen = {id(a) for a in candidates if about(a)}
    return tuple(a for a in site.published_articles if id(a) in chosen)


def open_programmes(programmes: Iterable[Programme], today: dt.date, horizon: int = 366) -> list[Programme]:
    """Programmes under way on ``today``, or whose day comes within ``horizon`` days; soonest first."""
    near = today + dt.timedelta(days=horizon)
    found = [p for p in programmes if p.is_current(today) or (not p.is_past(today) and p.dates[0] <= near)]
    return sorted(found, key=lambda p: (p.dates[0], p.id))
