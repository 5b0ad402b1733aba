"""Editor-facing errors: every mistake in one run, as ``file:line:column: path: message``.

Editor mistakes are `Problem`s collected into a `DataError`; a bug in the code is any
other exception and is left to surface as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scalars import FORBIDDEN

_UNSHOWABLE = re.compile(f"[\t\n\r]|{FORBIDDEN.pattern}")


def visible(text: str) -> str:
    """Text safe to print in a terminal or a CI log: every control or invisible character written as
    its escape (``\\x1b``, ``\\u202e``), so an ``ESC]0;…BEL`` in a value cannot retitle the terminal."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """One editor mistake, located in a data file."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return visible(f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}")


class DataError(Exception):
    """The data cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"Dữ liệu có {count} lỗi; chưa thể xuất bản. Hãy sửa các lỗi trên rồi chạy lại.")
        return "\n".join(lines)
