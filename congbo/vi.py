"""Vietnamese text: dates as documents write them, slugs, accent folding."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def lower_first(text: str) -> str:
    """'Số 3589 …' → 'số 3589 …', 'Tổ chức …' → 'tổ chức …': a phrase continuing a sentence."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """'chậm nhất ngày 19/12/2025' → 'Chậm nhất ngày 19/12/2025': a phrase starting a line."""
    return text[:1].upper() + text[1:]


def two(n: int) -> str:
    return f"{n:02d}"


def day_forms(day: int, month: int) -> list[str]:
    """The short ways a reader types a day of the year, for search: '26/12', '26-12', and '11/07' beside
    '11/7'. Not '26 tháng 12': a page's tags outweigh everything else in Material's search, and 'tháng'
    there would put the day's page first for 'tháng hành động'; the page says it in its text instead."""
    forms = [f"{day}/{month}", f"{day}-{month}", f"{two(day)}/{two(month)}"]
    return list(dict.fromkeys(forms))


def month_in_document(month: int) -> str:
    """Nghị định 30/2020, phụ lục I: months 1 and 2 take a leading zero, the others none."""
    return two(month) if month < 3 else str(month)


def long_date(day: dt.date) -> str:
    """'ngày 26 tháng 12 năm 2021', 'ngày 05 tháng 01 năm 2021', 'ngày 11 tháng 7 năm 2027' (the document rule)."""
    return f"ngày {two(day.day)} tháng {month_in_document(day.month)} năm {day.year}"


def short_date(day: dt.date) -> str:
    """'26/12/2021'."""
    return f"{two(day.day)}/{two(day.month)}/{day.year}"


def day_month(day: int | None, month: int) -> str:
    return f"{two(day)}/{two(month)}" if day else f"tháng {month}"


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def weekday_in_sentence(day: dt.date) -> str:
    """'thứ Bảy', 'Chủ nhật': a weekday inside a sentence."""
    name = weekday(day)
    return name if name == "Chủ nhật" else "t" + name[1:]


def next_day_text(label: str, name: str | None, start: dt.date, end: dt.date, today: dt.date) -> str:
    """'Ngày Dân số Việt Nam tiếp theo: thứ Bảy, ngày 26/12/2026 (còn 36 ngày)'; with ``name`` (the calendar's
    line) 'Ngày kỷ niệm tiếp theo: Ngày Dân số Việt Nam, thứ Bảy, …'. docs/assets/when.js writes the same
    sentence from the same rule, as of the reader's day."""
    when = f"{weekday_in_sentence(start)}, ngày {short_date(start)}"
    if end != start:
        when = f"từ {when} đến hết {weekday_in_sentence(end)}, ngày {short_date(end)}"
    days = (start - today).days
    state = f"còn {days} ngày" if days > 0 else "hôm nay" if days == 0 else "đang diễn ra"
    return f"{label}: {name + ', ' if name else ''}{when} ({state})"


def fold(text: str) -> str:
    """Remove diacritics so 'dan so' finds 'Dân số' (đ and Đ have no decomposition)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slugify(text: str, sep: str = "-") -> str:
    """ASCII slug for URLs and heading anchors: 'Đà Nẵng' → 'da-nang'."""
    ascii_text = fold(text).lower()
    return re.sub(r"[^a-z0-9]+", sep, ascii_text).strip(sep)


def toc_slugify(value: str, separator: str) -> str:
    """For markdown's toc extension (``toc.slugify``): same slugs as the URLs."""
    return slugify(value, separator)


ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese documents number a), b), c), d), đ), e)…


def letter(n: int) -> str:
    return LETTERS[n - 1]
