"""GitHub Actions output: one annotation per editor mistake, and the job summary's tables.

Workflow commands and their escaping follow GitHub's runner (``actions/toolkit``,
``packages/core/src/command.ts``): in the message ``%``, CR and LF are percent-encoded; in a
property value ``:`` and ``,`` are too.
"""

from __future__ import annotations

from .errors import Problem

MAX_ANNOTATIONS = 10
"""GitHub shows at most ten error annotations per step and drops the rest silently (actions/toolkit docs)."""

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = _DATA_ESCAPES + ((":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    for raw, escaped in _DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    for raw, escaped in _PROPERTY_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def annotation(problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` for one problem."""
    title = problem.path or "Lỗi dữ liệu"
    properties = {"file": problem.file, "line": str(problem.line), "col": str(problem.column), "title": title}
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {joined}::{escape_data(problem.message)}"


def annotations(problems: list[Problem]) -> list[str]:
    """The first ten problems as annotations; past ten, one notice saying how many more and where they all are."""
    lines = [annotation(problem) for problem in problems[:MAX_ANNOTATIONS]]
    hidden = len(problems) - MAX_ANNOTATIONS
    if hidden > 0:
        message = (
            f"Còn {hidden} lỗi nữa không hiện thành chú thích (GitHub chỉ hiện {MAX_ANNOTATIONS} lỗi mỗi bước). "
            f"Xem đủ {len(problems)} lỗi trong bảng “Kiểm tra dữ liệu” ở trang tóm tắt của lần chạy (Summary), "
            "hoặc trong nhật ký của bước “Kiểm tra dữ liệu”."
        )
        lines.append(notice(f"{len(problems)} lỗi, {hidden} lỗi chưa hiện", message))
    return lines


def notice(title: str, message: str) -> str:
    """``::notice title=…::message``: shown on the run's page, not an error."""
    return f"::notice title={escape_property(title)}::{escape_data(message)}"


def escape_cell(text: str) -> str:
    """Text inside a Markdown table cell: no pipe, no line break, no HTML."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def errors_summary(problems: list[Problem]) -> str:
    """The job summary's table of errors, in Vietnamese."""
    lines = [
        f"### Kiểm tra dữ liệu: {len(problems)} lỗi",
        "",
        "| tệp | dòng | cột | trường | lỗi |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for p in problems:
        lines.append(f"| {escape_cell(p.file)} | {p.line} | {p.column} | {escape_cell(p.path)} | {escape_cell(p.message)} |")
    lines.append("")
    return "\n".join(lines) + "\n"
