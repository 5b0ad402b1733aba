"""Editor-facing errors: every mistake in one run, as ``file:line:column: path: message``.

Editor mistakes are `Problem`s collected into a `DataError`; a bug in the code is any
other exception and is left to surface as one.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


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
