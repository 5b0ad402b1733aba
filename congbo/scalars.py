"""Scalar types shared by the models: text, ids, dates, as editors write them.

Each type parses the string the strict YAML reader hands over and says, in Vietnamese,
what was expected when it cannot.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam has kept UTC+07:00 without daylight saving since 1975."""

_FORBIDDEN_RANGES = (
    ("\x00", "\x08"),
    ("\x0b", "\x0c"),
    ("\x0e", "\x1f"),
    ("\x7f", "\x9f"),  # C0 controls but tab, LF and CR (XML 1.0 refuses them), DEL, C1
    ("\u00ad", "\u00ad"),
    ("\u200b", "\u200f"),
    ("\u2028", "\u2029"),
    ("\u202a", "\u202e"),  # invisible and bidirectional
    ("\u2060", "\u2064"),
    ("\u2066", "\u2069"),
    ("\ufeff", "\ufeff"),
    ("\ufdd0", "\ufdef"),
    *(
        (chr(plane + 0xFFFE), chr(plane + 0xFFFF)) for plane in range(0, 0x110000, 0x10000)
    ),  # Unicode non-characters: lxml and XML refuse U+FFFE and U+FFFF
)
FORBIDDEN = re.compile("[" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in _FORBIDDEN_RANGES) + "]")
"""Characters no text of the site may hold: they cannot be seen (or reorder what is seen: U+202E), break a
line where none is shown, or are refused by XML. The one rule for the check, the feeds and the messages."""
FORBIDDEN_CHARS = frozenset(chr(c) for a, b in _FORBIDDEN_RANGES for c in range(ord(a), ord(b) + 1))
"""The same characters as a set: telling whether a text holds any is faster than the regex, which then
finds where (most texts hold none): 0.06 s against 0.15 s over the 5 MB of 2,000 articles (measured)."""

FORBIDDEN_IN_VALUE = re.compile(f"\r|{FORBIDDEN.pattern}")
"""`FORBIDDEN` and CR, which a file may end its lines with but a value may not hold."""


def has_forbidden(text: str) -> bool:
    return not FORBIDDEN_CHARS.isdisjoint(text)


ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID = ID
DAY_PATTERN = r"^(\d{4})-(\d{2})-(\d{2})$"
DAY = re.compile(DAY_PATTERN)
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$")


FIRST_YEAR = 1900
LAST_YEAR = 2100
"""Every date and year an editor writes lies within these years: wide enough for any observance's
origin (Ngày Dân số Việt Nam counts from 1961) and any document, narrow enough that no typo
(9999-12-31, 0001-01-01) reaches the calendar, the feeds or date arithmetic."""


def error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


PLACEHOLDER = re.compile(r"<<ĐIỀN:\s*(.*?)\s*>>", re.S)
"""What `python -m congbo new` writes where the editor must fill in: refused until replaced."""


def refuse_placeholder(value: Any) -> None:
    match = PLACEHOLDER.search(value) if isinstance(value, str) else None
    if match:
        raise error("vi_placeholder", "chưa điền: {what} (thay cả chỗ <<ĐIỀN: …>>)", what=match.group(1))


def shown(value: Any) -> str:
    """The value as the editor wrote it, for a message: quoted text; an empty field said in words, as the
    loader's own messages say it, never Python's 'None'."""
    if value is None:
        return "giá trị trống"
    if isinstance(value, (list, dict)):
        return "một danh sách" if isinstance(value, list) else "một bảng"
    return f"'{value}'" if isinstance(value, str) else repr(value)


def clean_text(value: Any) -> str:
    """Text an editor wrote: NFC, no control characters, trimmed, not empty."""
    if not isinstance(value, str):
        if isinstance(value, (bool, int, float)):
            raise error(
                "vi_text",
                'phải là văn bản, nhận được {found}; nếu đúng là chữ, hãy đặt trong ngoặc kép: "{found}"',
                found=str(value).lower() if isinstance(value, bool) else str(value),
            )
        kind = "một danh sách" if isinstance(value, list) else "một bảng" if isinstance(value, dict) else "giá trị trống"
        raise error("vi_text", "phải là văn bản, nhận được {found}", found=kind)
    text = unicodedata.normalize("NFC", value).strip()
    refuse_placeholder(text)
    # A file may end its lines with CR LF, so `FORBIDDEN` lets CR through the file's text; inside a
    # value it can only come from a "\r" escape, and icalendar writes a bare CR unescaped.
    bad = (has_forbidden(text) or "\r" in text) and FORBIDDEN_IN_VALUE.search(text)
    if bad:
        raise error("vi_control", forbidden_message(bad.group()), code=f"{ord(bad.group()):04X}")
    if not text:
        raise error("vi_empty", "không được để trống")
    return text


def clean_line(value: Any) -> str:
    """Text shown on one line (a name, a title, a place): it becomes one line of a calendar file, a
    feed's title, a page's heading, so a line break or a tab in it is a mistake, never kept."""
    text = clean_text(value)
    if "\n" in text:
        raise error("vi_line", "phải viết trên một dòng; hãy bỏ dấu xuống dòng (kể cả cách viết '|' hay '>' của YAML)")
    if "\t" in text:
        raise error("vi_line", "có ký tự Tab; hãy thay bằng dấu cách")
    return text


MAX_NAME_BYTES = 255
"""The longest file or folder name Linux (ext4) and Windows (NTFS) allow, in UTF-8 bytes: a longer name
cannot exist, and asking the system about it fails (ENAMETOOLONG)."""
MAX_PATH_BYTES = 4096
"""The longest path Linux accepts (PATH_MAX)."""


def parse_file_name(value: Any) -> str:
    """A file under docs/, written from there with '/' ('anh/le-ky-niem.jpg'): one that can exist there
    and be copied to the site, so nothing an editor writes makes the check ask the system about a name
    it cannot hold, or a file outside docs/."""
    text = clean_line(value)
    if text.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", text):
        raise error(
            "vi_file", "đường dẫn tệp tính từ thư mục docs/, không bắt đầu bằng '/', '~' hay ổ đĩa, nhận được {found}", found=shown(text)
        )
    if "\\" in text:
        raise error("vi_file", "đường dẫn tệp ngăn các thư mục bằng dấu '/', không dùng '\\', nhận được {found}", found=shown(text))
    parts = text.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise error(
            "vi_file",
            "đường dẫn tệp không có phần trống, '.' hay '..' (tệp phải nằm trong thư mục docs/), nhận được {found}",
            found=shown(text),
        )
    longest = max(parts, key=lambda part: len(part.encode("utf-8")))
    if len(longest.encode("utf-8")) > MAX_NAME_BYTES or len(text.encode("utf-8")) > MAX_PATH_BYTES:
        raise error(
            "vi_file",
            "tên tệp hoặc thư mục dài quá {most} byte (đường dẫn tối đa {path} byte), không tệp nào có tên như vậy; "
            "hãy đặt tên ngắn hơn: '{start}…'",
            most=MAX_NAME_BYTES,
            path=MAX_PATH_BYTES,
            start=longest[:40],
        )
    return text


_URL = re.compile(r"^https?://[^\s/?#@]+(?:[/?#]\S*)?$")


def parse_url(value: Any) -> str:
    """A public address a reader can open: http or https, a host, no space. Anything else
    (a 'javascript:' link, a file on someone's machine, an address without its scheme) is refused."""
    text = clean_line(value)
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", text)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise error(
            "vi_url", "địa chỉ phải bắt đầu bằng 'https://' hoặc 'http://' (địa chỉ trang web), nhận được {found}", found=shown(text)
        )
    if not _URL.match(text):
        raise error(
            "vi_url",
            "địa chỉ phải là địa chỉ trang web đầy đủ, bắt đầu bằng 'https://' hoặc 'http://', không có dấu cách, "
            "ví dụ 'https://baoquangnam.vn/…'; nhận được {found}",
            found=shown(text),
        )
    return text


def forbidden_message(char: str) -> str:
    """What to tell an editor about one `FORBIDDEN` character."""
    return f"có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+{ord(char):04X}); hãy xóa nó"


def check_year(year: int, found: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise error("vi_year", "năm phải từ {first} đến {last}, nhận được {found}", first=FIRST_YEAR, last=LAST_YEAR, found=shown(found))


def parse_id(value: Any) -> str:
    refuse_placeholder(value)
    if not isinstance(value, str) or not _ID.match(value):
        raise error(
            "vi_id",
            "mã phải gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ 'so-y-te-lang-son'), nhận được {found}",
            found=shown(value),
        )
    return value


_DAY_FIRST = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"  # '03/07/2024', '3.7.2024': day, month, year
_WRITTEN_DAY = re.compile(f"^{_DAY_FIRST}$")
_WRITTEN_DAY_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_WRITTEN_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_WRITTEN_MOMENT = re.compile(f"^{_DAY_FIRST}" + r"[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$")


def as_written_in_vietnamese(value: Any, *, month: bool = False) -> str | None:
    """A date written as Vietnamese write it, day first ('03/07/2024', '3.7.2024'), or year first with
    slashes ('2024/07/03'), in the data's form ('2024-07-03'); with ``month``, a month too ('07/2024' →
    '2024-07'). What a message asks back ('có phải …?'), never taken as the value; None when the text is
    not such a date or no such day exists."""
    text = value.strip() if isinstance(value, str) else ""
    if match := _WRITTEN_DAY.match(text):
        day, month_n, year = map(int, match.groups())
        return _existing(year, month_n, day)
    if match := _WRITTEN_DAY_YEAR_FIRST.match(text):
        year, month_n, day = map(int, match.groups())
        return _existing(year, month_n, day)
    if month and (match := _WRITTEN_MONTH.match(text)):
        month_n, year = map(int, match.groups())
        return f"{year:04d}-{month_n:02d}" if 1 <= month_n <= 12 and FIRST_YEAR <= year <= LAST_YEAR else None
    return None


def _existing(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat() if FIRST_YEAR <= year <= LAST_YEAR else None
    except ValueError:
        return None


def asked_back(suggestion: str | None) -> str:
    return f"; có phải {suggestion}?" if suggestion else ""


def parse_day(value: Any) -> dt.date:
    refuse_placeholder(value)
    text = value if isinstance(value, str) else ""
    match = DAY.match(text)
    if not match:
        raise error(
            "vi_date",
            "ngày phải viết dạng NNNN-TT-NN (ví dụ 2021-12-26), nhận được {found}{asked}",
            found=shown(value),
            asked=asked_back(as_written_in_vietnamese(value)),
        )
    year, month, day = map(int, match.groups())
    check_year(year, text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise error("vi_date", impossible_date(year, month, day), found=text) from None


def impossible_date(year: int, month: int, day: int) -> str:
    """Why a written date is not on the calendar, suggesting the date with day and month swapped
    when that one exists (an editor used to 'ngày/tháng' wrote 2015-25-11)."""
    written = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= month <= 12:
        reason = f"{written}: tháng {month} không có"
    else:
        reason = f"{written}: tháng {month} năm {year} không có ngày {day}"
    try:
        swapped = dt.date(year, day, month)
    except ValueError:
        return reason + " trên lịch"
    return f"{reason}; có phải {swapped.isoformat()}?"


@dataclass(frozen=True)
class Missing:
    """A fact the page cannot state, and why: left blank in the original ('..', a draft's
    "Số:      /KH-UBND"), or not known to the editor ('??', copied from a report that did not
    give it). The two are different facts and are shown differently; neither is ever filled in."""

    token: str

    @property
    def blank(self) -> bool:
        return self.token == BLANK_TOKEN

    @property
    def unknown(self) -> bool:
        return self.token == UNKNOWN_TOKEN

    def __str__(self) -> str:
        return self.token


BLANK_TOKEN, UNKNOWN_TOKEN = "..", "??"
BLANK, UNKNOWN = Missing(BLANK_TOKEN), Missing(UNKNOWN_TOKEN)
MISSING = {BLANK_TOKEN: BLANK, UNKNOWN_TOKEN: UNKNOWN}
MISSING_HELP = "'..' (bản gốc để trống) hoặc '??' (ban biên tập chưa rõ)"


def to_missing(value: Any) -> Any:
    """'..' and '??' as the states they stand for; anything else as written (a starting file's
    placeholder is refused here, so a field of either shape says it is not filled in)."""
    refuse_placeholder(value)
    return MISSING[value.strip()] if isinstance(value, str) and value.strip() in MISSING else value


_MISSING_SCHEMA = {
    "type": "string",
    "enum": [BLANK_TOKEN, UNKNOWN_TOKEN],
    "description": "'..': bản gốc để trống; '??': ban biên tập chưa rõ",
}
_UNKNOWN_SCHEMA = {"type": "string", "enum": [UNKNOWN_TOKEN], "description": "'??': ban biên tập chưa rõ"}

MissingValue = Annotated[
    Missing,
    PlainValidator(lambda v: v if isinstance(v, Missing) else _refuse_missing(v)),
    WithJsonSchema(_MISSING_SCHEMA),
]


def _refuse_missing(value: Any) -> Missing:
    raise error("vi_missing", "phải là {help}", help=MISSING_HELP)


UNKNOWN_ONLY_HELP = "'??' (ban biên tập chưa rõ)"
NEVER_BLANK = "không ghi '..' ở trường này: bản gốc nào, kể cả bản dự thảo, cũng in giá trị này"

UnknownValue = Annotated[
    Missing,
    PlainValidator(lambda v: _unknown_only(to_missing(v))),
    WithJsonSchema(_UNKNOWN_SCHEMA),
]
"""A fact that is printed in every original, a draft's too (a symbol, the recipients): it can be
unknown to the editor, never blank in the original."""


def _unknown_only(value: Any) -> Missing:
    if value == UNKNOWN:
        return value
    if value == BLANK:
        raise error("vi_missing", "{never}; ghi giá trị, hoặc {help}", never=NEVER_BLANK, help=UNKNOWN_ONLY_HELP)
    raise error("vi_missing", "chỉ ghi {help} ở trường này, nhận được {found}", help=UNKNOWN_ONLY_HELP, found=shown(value))


def is_known(value: Any) -> bool:
    return value is not None and not isinstance(value, Missing)


def fact(parse, schema: dict, blank: bool = True):
    """A field whose value may be known, blank in the original ('..') or not known ('??').
    ``blank=False``: a fact every original prints (a symbol), which can only be not known."""

    def validate(value: Any) -> Any:
        refuse_placeholder(value)
        state = to_missing(value)
        if isinstance(state, Missing):
            return state if blank else _unknown_only(state)
        return parse(value)

    missing = _MISSING_SCHEMA if blank else _UNKNOWN_SCHEMA
    return Annotated[Any, PlainValidator(validate), PlainSerializer(str, return_type=str), WithJsonSchema({"anyOf": [schema, missing]})]


def _moment_written_in_vietnamese(text: str) -> str | None:
    """'03/07/2024 08:00' → '2024-07-03 08:00 +07:00' (the offset given, else Vietnam's): asked back, never taken."""
    match = _WRITTEN_MOMENT.match(text.strip())
    if not match:
        return None
    day, month, year, hour, minute, second, offset = match.groups()
    date = _existing(int(year), int(month), int(day))
    if date is None or int(hour) > 23 or int(minute) > 59:
        return None
    return f"{date} {int(hour):02d}:{minute}{':' + second if second else ''} {offset or '+07:00'}"


def parse_datetime(value: Any) -> dt.datetime:
    """A moment with its offset, kept in Vietnam's time; a naive time is refused, not guessed."""
    refuse_placeholder(value)
    text = value if isinstance(value, str) else ""
    match = _DATETIME.match(text.strip())
    example = "2024-07-11 08:00 +07:00"
    if not match:
        raise error(
            "vi_datetime",
            "thời điểm phải viết dạng NNNN-TT-NN GG:PP +07:00 (ví dụ {example}), nhận được {found}{asked}",
            example=example,
            found=shown(value),
            asked=asked_back(_moment_written_in_vietnamese(text)),
        )
    year, month, day, hour, minute, second, offset = match.groups()
    if offset is None:
        raise error(
            "vi_datetime", "thời điểm {found} thiếu múi giờ; hãy thêm ' +07:00' (ví dụ {example})", found=shown(value), example=example
        )
    check_year(int(year), text.strip())
    try:
        moment = dt.datetime.fromisoformat(f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{_offset(offset)}")
    except ValueError:
        raise error("vi_datetime", "thời điểm {found} không có thật trên lịch", found=shown(value)) from None
    return moment.astimezone(VN_TZ)


def _offset(text: str) -> str:
    if text == "Z":
        return "+00:00"
    return text if ":" in text else f"{text[:3]}:{text[3:]}"


def parse_clock(value: Any) -> dt.time:
    text = value if isinstance(value, str) else ""
    match = re.match(r"^(\d{1,2}):(\d{2})$", text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise error("vi_time", 'giờ phải viết dạng GG:PP trong ngoặc kép (ví dụ "08:00"), nhận được {found}', found=shown(value))
    return dt.time(int(match.group(1)), int(match.group(2)))


Text = Annotated[str, BeforeValidator(clean_text), WithJsonSchema({"type": "string", "minLength": 1})]
Line = Annotated[str, BeforeValidator(clean_line), WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^\\t\\n\\r]*$"})]
"""Text on one line: no line break, no tab (`clean_line`)."""
FileName = Annotated[
    str,
    BeforeValidator(parse_file_name),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_PATH_BYTES,
            "pattern": r"^(?![/~]|[A-Za-z]:)(?!.*(^|/)\.{0,2}(/|$))[^\\\t\n\r]+$",
        }
    ),
]
"""A file under docs/, as `parse_file_name` accepts it."""
Url = Annotated[str, BeforeValidator(parse_url), WithJsonSchema({"type": "string", "pattern": r"^https?://[^\s/?#@]+([/?#]\S*)?$"})]
"""A web address, as `parse_url` accepts it."""
Id = Annotated[str, BeforeValidator(parse_id), WithJsonSchema({"type": "string", "pattern": _ID.pattern})]
Day = Annotated[
    dt.date,
    BeforeValidator(parse_day),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "pattern": DAY_PATTERN, "description": "NNNN-TT-NN"}),
]
Moment = Annotated[
    dt.datetime,
    BeforeValidator(parse_datetime),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?\s*(Z|[+-]\d{2}:?\d{2})$",
            "description": "NNNN-TT-NN GG:PP +07:00",
        }
    ),
]
Clock = Annotated[
    dt.time,
    BeforeValidator(parse_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}$", "description": "GG:PP"}),
]
