"""A date as the data gives it, and how the site says it: the one model of a date short of its day.

`PartialDate` is a day, a date known only to its month or year (blank in the original, not known, or
given so by the text), or a date known only to be on or before a day. Everything else reads it through
`earliest_day`, `latest_day`, `first_day`, `exact`, `precision` and the wordings below (`text`,
`text_with_state`, `short_text`, `short_text_with_state`, `printed`, `missing_parts`, `state`), never
through its parts: a new kind of date is a change to this module (and its tests, and the guide), not
to the pages, feeds and calendars that show it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from .scalars import (
    DAY,
    MISSING,
    Missing,
    as_written_in_vietnamese,
    asked_back,
    check_year,
    error,
    parse_day,
    refuse_placeholder,
    shown,
)
from .vi import long_date, month_in_document, roman, short_date, two

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}|\.\.|\?\?))?(?:-(\d{2}|\.\.|\?\?))?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_WRITTEN_QUARTER = re.compile(r"^(?:quý|q)\s*(IV|I{1,3}|[1-4])\s*[/.-]?\s*(?:năm\s*)?(\d{4})$", re.IGNORECASE)
"""'Quý II/2025', 'quý 2 năm 2025', 'Q2/2025': a quarter as Vietnamese write it, asked back in the data's form."""
_WRITTEN_QUARTER_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/. ]?\s*(?:quý|q)\s*(IV|I{1,3}|[1-4])$", re.IGNORECASE)
"""'2025-q2', '2025 Q2', '2025/quý II': the data's order, another spelling; asked back too."""
_NO_SUCH_QUARTER = re.compile(r"^\d{4}-Q(\d+)$", re.IGNORECASE)
PARTIAL_DATE_PATTERN = r"^(\d{4}(-(\d{2}|\.\.|\?\?)){0,2}|\.\.\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4])$"
"""What the editor schema accepts for a partial date (the parser then says what is wrong in words)."""
PARTIAL_DATE_FORMS = "NNNN-TT-NN, 2025-12-??, 2025-??-??, ..2025-12-19 hoặc 2025-Q2"
"""Every form a date can take, one example each: the editor schema's description of a date."""

ON_OR_BEFORE_TOKEN = ".."
"""Before a day, '..2025-12-19': on or before that day (EDTF, ISO 8601-2: '[..1760-12-03]'), as a news report
of 19/12/2025 dates what it says 'đã tổ chức' without its day."""

PARTIAL_DATE_HELP = (
    "ngày phải viết dạng NNNN-TT-NN (ví dụ 2025-12-19); chưa rõ ngày thì ghi 2025-12-?? (biết tháng, chưa rõ ngày), "
    "2025-??-?? (chỉ biết năm) hoặc ..2025-12-19 (chậm nhất ngày đó: bản tin ngày 19/12/2025 báo việc đã diễn ra); "
    "phần bản gốc để trống ghi '..' (ví dụ 2021-01-..); văn bản chỉ ghi quý thì ghi 2025-Q2 (quý II/2025); nhận được {found}"
)
"""The three states a date short of its day can take, with an example each: what every date message says."""

Precision = Literal["day", "month", "quarter", "year", "on-or-before"]


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year, or known only to be on or before a day.

    The missing parts are blank in the original (``2021-01-..``: a draft dated 'ngày … tháng 01
    năm 2021'), not known to the editor (``2021-??-??``: an archive knows only the year), or, with
    no state (``2021-01``), a date the text itself gives to the month ('từ tháng 01/2021').
    ``..2025-12-19`` (``on_or_before``): the day is not known, only that it is not after 19/12/2025.
    ``2025-Q2`` (``quarter``): a date the text gives to its quarter ('Quý II/2025'), as plans date their work.

    What a consumer may say of it: `earliest_day` and `latest_day` are the bounds of the days it can be
    (`earliest_day` is None for an on-or-before date: nothing earlier is known); `exact` says whether it is
    one known day; `precision` says which of the four states it is in.
    """

    year: int
    month: int | None = None
    day: int | None = None
    missing: Missing | None = None
    on_or_before: bool = False
    quarter: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        refuse_placeholder(value)
        text = value.strip() if isinstance(value, str) else ""
        if text.startswith(ON_OR_BEFORE_TOKEN):
            return cls._parse_on_or_before(value, text)
        if quarter := _QUARTER.match(text):
            check_year(int(quarter.group(1)), value)
            return cls(int(quarter.group(1)), quarter=int(quarter.group(2)))
        match = _PARTIAL.match(text)
        help_text = PARTIAL_DATE_HELP
        if not match:
            if (wrong := _NO_SUCH_QUARTER.match(text)) and not 1 <= int(wrong.group(1)) <= 4:
                raise error("vi_date", "{found}: quý {quarter} không có; một năm có bốn quý, Q1 đến Q4", found=text, quarter=wrong.group(1))
            asked = as_written_in_vietnamese(value, month=True) or _quarter_written_in_vietnamese(text)
            raise error("vi_date", help_text + "{asked}", found=shown(value), asked=asked_back(asked))
        year, month, day = int(match.group(1)), match.group(2), match.group(3)
        check_year(year, value)
        parts = [p for p in (month, day) if p is not None]
        tokens = {p for p in parts if p in MISSING}
        if len(tokens) > 1 or (month in MISSING and day is not None and day not in MISSING):
            raise error("vi_date", help_text, found=shown(value))
        missing = MISSING[tokens.pop()] if tokens else None
        month_n = int(month) if month and month not in MISSING else None
        day_n = int(day) if day and day not in MISSING else None
        if month_n is None and missing is None:
            raise error("vi_date", help_text, found=shown(value))
        if month_n is not None and day_n is not None:
            day_value = parse_day(f"{year:04d}-{month_n:02d}-{day_n:02d}")
            return cls(day_value.year, day_value.month, day_value.day)
        if month_n is not None and not 1 <= month_n <= 12:
            raise error("vi_date", "{found}: tháng {month} không có", found=text, month=month_n)
        return cls(year, month_n, day_n, missing)

    @classmethod
    def _parse_on_or_before(cls, value: Any, text: str) -> "PartialDate":
        bound = text[len(ON_OR_BEFORE_TOKEN) :]
        if not DAY.match(bound):
            raise error("vi_date", PARTIAL_DATE_HELP, found=shown(value))
        day = parse_day(bound)
        return cls(day.year, day.month, day.day, on_or_before=True)

    @property
    def precision(self) -> Precision:
        if self.on_or_before:
            return "on-or-before"
        if self.quarter:
            return "quarter"
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def earliest_day(self) -> dt.date | None:
        """The earliest day it can be; None for an on-or-before date (no earlier bound is known)."""
        if self.on_or_before:
            return None
        return dt.date(self.year, self.month or _first_month(self.quarter) or 1, self.day or 1)

    @property
    def latest_day(self) -> dt.date:
        """The latest day it can be: the day itself, the last day of its month or year, or the bound."""
        if self.day:
            return dt.date(self.year, self.month, self.day)
        last_month = self.month or (self.quarter and _first_month(self.quarter) + 2)
        if last_month:
            following = dt.date(self.year + (last_month == 12), last_month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    @property
    def first_day(self) -> dt.date:
        """The day to count from: `earliest_day`, or, for an on-or-before date (whose earliest day is not known),
        its bound, the one day it names. Placing, ordering and the feeds' dates use it: it is never later than the
        date can be (the bound is its latest possible day), and it never invents an earlier day. What states a
        date's start (a page, .ics) asks `exact` or `earliest_day` first."""
        return self.earliest_day or self.latest_day

    @property
    def last_day(self) -> dt.date:
        """The latest day it can be (`latest_day`)."""
        return self.latest_day

    @property
    def exact(self) -> bool:
        """One known day: not a month, a year or an on-or-before bound."""
        return self.day is not None and not self.on_or_before

    @property
    def state(self) -> Literal["known", "blank", "unknown"]:
        """For open data: 'blank' (a part blank in the original), 'unknown' (a part not known, or only a bound
        known), else 'known' (a day, or a date the text itself gives short of its day)."""
        if self.missing:
            return "blank" if self.missing.blank else "unknown"
        return "unknown" if self.on_or_before else "known"

    @property
    def complete(self) -> bool:
        """Whether, as written, it says all it should: a day, or a date the text gives short of its day
        ('từ tháng 01/2021'); not one with a part blank or not known, nor a bound."""
        return self.missing_parts() is None

    def missing_parts(self) -> str | None:
        """'ngày' or 'ngày, tháng' (or, for a bound, 'ngày, tháng, năm'): what it lacks, to say so in words;
        None when it lacks nothing it should have (a date the text gives to the month is complete as written)."""
        if self.on_or_before:
            return "ngày, tháng, năm"
        if self.missing is None:
            return None
        return "ngày" if self.month else "ngày, tháng"

    def text(self) -> str:
        """'ngày 05 tháng 01 năm 2021', 'tháng 01 năm 2021', 'năm 2015', 'chậm nhất ngày 19/12/2025': as much as
        is known."""
        if self.on_or_before:
            return _on_or_before(self.latest_day)
        if self.day:
            return long_date(self.first_day)
        if self.month:
            return f"tháng {month_in_document(self.month)} năm {self.year}"
        if self.quarter:
            return f"quý {roman(self.quarter)} năm {self.year}"
        return f"năm {self.year}"

    def text_with_state(self) -> str:
        """The date as known, with what it lacks said: 'tháng 01 năm 2021 (bản gốc chưa ghi ngày)', 'năm 2015
        (chưa rõ ngày, tháng)', 'tháng 12 năm 2025 (chưa rõ ngày)', 'chậm nhất ngày 19/12/2025' (which says it
        in its words). The one wording of a date short of its day, on every page."""
        parts = self.missing_parts()
        if parts is None or self.missing is None:
            return self.text()
        state = f"bản gốc chưa ghi {parts}" if self.missing.blank else f"chưa rõ {parts}"
        return f"{self.text()} ({state})"

    def short_text(self) -> str:
        """'ngày 04/07/2024', 'tháng 07/2024', 'năm 2024', 'chậm nhất ngày 04/07/2024': as much as is known, in
        the short form."""
        if self.on_or_before:
            return _on_or_before(self.latest_day)
        if self.day:
            return f"ngày {short_date(self.first_day)}"
        if self.month:
            return f"tháng {two(self.month)}/{self.year}"
        if self.quarter:
            return f"quý {roman(self.quarter)}/{self.year}"
        return f"năm {self.year}"

    def short_text_with_state(self) -> str:
        """'ngày 31/12/2025' for a known day; otherwise `text_with_state`."""
        return self.short_text() if self.exact else self.text_with_state()

    def printed(self, place: str | Missing) -> str:
        """The date line of a document's header: 'Lạng Sơn, ngày 05 tháng 01 năm 2021'. A part blank in the
        original stays blank, as in a draft; a part the editor does not know is shown as not stated ('ngày …
        tháng … năm 2015'); a place the editor does not know is left out, never printed as '??'."""
        if self.on_or_before:  # a report gives a day it happened by, not the document's date: nothing of it is stated
            when = f"ngày {NOT_STATED} tháng {NOT_STATED} năm {NOT_STATED}"
        else:
            gap = BLANK_SPACE if self.missing and self.missing.blank else NOT_STATED
            day = two(self.day) if self.day else gap
            month = month_in_document(self.month) if self.month else gap
            when = f"ngày {day} tháng {month} năm {self.year}"
        return when if isinstance(place, Missing) else f"{place}, {when}"

    def issue_date_problem(self) -> str | None:
        """What is wrong with it as a document's date of issue: a document is issued on a day, so a date the text
        gives short of its day ('2021-01') is refused, saying how to write a day blank or not known."""
        if self.exact or not self.complete:
            return None
        if self.quarter:
            return (
                f"ngày ban hành {self} chỉ cho biết quý: văn bản ban hành vào một ngày; ghi ngày (NNNN-TT-NN), "
                f"hoặc '{self.year}-??-??' nếu ban biên tập chỉ biết năm"
            )
        return f"ngày ban hành {self} thiếu ngày: ghi '{self}-..' nếu bản gốc để trống ngày, '{self}-??' nếu ban biên tập chưa rõ"

    def _key(self) -> tuple:
        return (self.year, self.month or _first_month(self.quarter) or 0, self.day or 0, not self.on_or_before, self.quarter or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self._key() < other._key()

    def __str__(self) -> str:
        if self.on_or_before:
            return f"{ON_OR_BEFORE_TOKEN}{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.quarter:
            return f"{self.year:04d}-Q{self.quarter}"
        token = str(self.missing) if self.missing else None
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        elif token:
            out += f"-{token}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        elif token:
            out += f"-{token}"
        return out

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            lambda v: v if isinstance(v, cls) else cls.parse(v),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "NNNN-TT-NN; phần không có ghi '..' (bản gốc để trống) hoặc '??' (chưa rõ), ví dụ 2021-01-.. hoặc 2015-??-??; "
            "chậm nhất một ngày: ..2025-12-19; một quý (văn bản ghi quý II/2025): 2025-Q2",
        }


BLANK_SPACE = "\u2003\u2003"
"""What a blank of the original looks like on the page: room left for a value, as on paper."""
NOT_STATED = "…"
"""A part the editor does not know: shown as not stated (the page says so in words beside it)."""


def _on_or_before(day: dt.date) -> str:
    """'chậm nhất ngày 19/12/2025': a date known only not to be after that day."""
    return f"chậm nhất ngày {short_date(day)}"


def open_end(missing: Missing) -> str:
    """A period's end the page cannot state, said as `PartialDate.text_with_state` says a date's missing parts."""
    return "bản gốc chưa ghi ngày kết thúc" if missing.blank else "chưa rõ ngày kết thúc"


PRECISIONS: dict[str, str] = {
    "day": "biết đúng ngày",
    "month": "chỉ biết tháng",
    "year": "chỉ biết năm",
    "on-or-before": "chỉ biết chậm nhất ngày nào",
    "quarter": "chỉ biết quý",
}
"""Each `Precision` and what it means, in the words the open data's description gives it."""
PRECISIONS_TEXT = "; ".join(f"`{key}` — {meaning}" for key, meaning in PRECISIONS.items())
"""'`day` — biết đúng ngày; `month` — chỉ biết tháng; …': how the open data's descriptions list them."""


def _first_month(quarter: int | None) -> int | None:
    return 3 * quarter - 2 if quarter else None


def _quarter_written_in_vietnamese(text: str) -> str | None:
    """'Quý II/2025', '2025-q2' → '2025-Q2': asked back in a message, never taken as the value."""
    if match := _WRITTEN_QUARTER.match(text):
        number, year = match.groups()
    elif match := _WRITTEN_QUARTER_YEAR_FIRST.match(text):
        year, number = match.groups()
    else:
        return None
    quarter = int(number) if number.isdigit() else {"I": 1, "II": 2, "III": 3, "IV": 4}[number.upper()]
    return f"{year}-Q{quarter}"
