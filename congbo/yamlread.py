"""Read editor YAML strictly, keeping the line and column of every value.

PyYAML's defaults follow YAML 1.1, which silently turns ``no`` into False, ``1:30`` into 90
and ``2025-01-05 09:30:00`` into a naive datetime, and keeps the last of two duplicate keys.
Here only ``true``/``false``, ``null``/``~``/empty, plain decimal integers and decimals are
typed; every other scalar stays a string for the models to parse, and duplicate keys,
tags and merge keys are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem
from .scalars import FORBIDDEN, forbidden_message, has_forbidden

Path = tuple[str | int, ...]
_Pending = tuple[Path, tuple[int, int], str]


# libyaml's parser is several times faster; the resolvers below (pure Python) decide the types either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """SafeLoader with only the scalar types an editor can predict."""

    yaml_implicit_resolvers: dict = {}


_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"), list("-+0123456789"))

_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}

# PyYAML's syntax messages, as an editor should read them.
_SYNTAX_HINTS = [
    ("found character '\\t'", "có ký tự Tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("mapping values are not allowed", "dấu hai chấm đặt sai chỗ (nếu văn bản có dấu hai chấm, hãy đặt cả chuỗi trong dấu ngoặc kép)"),
    ("did not find expected ',' or ']'", "danh sách mở bằng '[' chưa đóng bằng ']' (hoặc thiếu dấu phẩy giữa các mục)"),
    ("did not find expected ',' or '}'", "bảng mở bằng '{' chưa đóng bằng '}' (hoặc thiếu dấu phẩy giữa các mục)"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên trường"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)"),
    ("did not find expected key", "thụt lề không thẳng hàng với các trường cùng cấp"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không thẳng hàng"),
    ("found undefined alias", "không dùng neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ giá trị ở mỗi chỗ"),
    ("while scanning a quoted scalar", "dấu ngoặc mở ở đây chưa được đóng"),
    ("expected <block end>", "thụt lề không thẳng hàng với các trường cùng cấp"),
]


@dataclass
class Located:
    """A YAML document as plain Python values, with where each value was written."""

    file: str
    value: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int, int]:
        """Line and column of the deepest written part of ``path`` (1-based)."""
        for end in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:end]))
            if mark:
                return mark
        return (1, 1)

    def problem(self, path: Path, message: str, shown: str | None = None) -> Problem:
        line, column = self.where(path)
        return Problem(self.file, line, column, shown if shown is not None else format_path(self.value, path), message)


def format_path(value: Any, path: Path) -> str:
    """``activities[lien-hoan-cap-huyen].lead``: list items named by their id where they have one."""
    out = ""
    for part in path:
        if isinstance(part, int):
            item = value[part] if isinstance(value, list) and 0 <= part < len(value) else None
            name = item.get("id") if isinstance(item, dict) else None
            out += f"[{name}]" if isinstance(name, str) and name else f"[{part + 1}]"
            value = item
        else:
            out += f".{part}" if out else str(part)
            value = value.get(part) if isinstance(value, dict) else None
    return out


ALIAS_MESSAGE = "không dùng neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ giá trị ở mỗi chỗ"


def read_yaml(text: str, file: str, first_line: int = 1) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML document; ``first_line`` shifts lines for front matter inside a page.

    A file with a character no text may hold, a syntax error, or an anchor or alias gives
    problems and no value (an alias could expand a few lines into millions of values, or into itself)."""
    shift = first_line - 1
    problems = forbidden_characters(text, file, first_line)
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, file, shift)]
    except yaml.YAMLError as exc:  # not expected once the characters are checked; still a message, not a traceback
        return None, [Problem(file, 1 + shift, 1, "", f"không đọc được YAML ({exc})")]
    problems = _aliases(text, file, shift)
    if problems:
        return None, problems
    located = Located(file, None)
    if node is None:
        return located, []
    pending: list[_Pending] = []
    located.value = _convert(node, (), located, pending, shift)
    if "#" in text:
        pending += _trailing_comments(node, text.splitlines(), shift)
    problems = [Problem(file, line, col, format_path(located.value, path), msg) for path, (line, col), msg in pending]
    return located, problems


def forbidden_characters(text: str, file: str, first_line: int = 1) -> list[Problem]:
    """Each character `FORBIDDEN` in ``text``, at its own line and column."""
    out = []
    if not has_forbidden(text):
        return out
    for match in FORBIDDEN.finditer(text):
        start = match.start()
        line = text.count("\n", 0, start) + first_line
        column = start - text.rfind("\n", 0, start)
        out.append(Problem(file, line, column, "", forbidden_message(match.group())))
    return out


def _aliases(text: str, file: str, shift: int) -> list[Problem]:
    """Every anchor (&) and alias (*): refused rather than bounded, no editor needs them."""
    if "&" not in text and "*" not in text:
        return []
    return [
        Problem(file, token.start_mark.line + 1 + shift, token.start_mark.column + 1, "", ALIAS_MESSAGE)
        for token in yaml.scan(text, Loader=_StrictLoader)
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken))
    ]


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str, shift: int) -> Problem:
    opened = _unclosed_quote(text)
    if opened is not None and not (exc.context or "").startswith("while scanning a quoted scalar"):
        line, column = opened
        return Problem(
            file,
            line + 1 + shift,
            column + 1,
            "",
            "lỗi cú pháp YAML: dấu ngoặc mở ở đây có lẽ chưa được đóng: chuỗi trong ngoặc kéo dài sang các dòng sau",
        )
    if (exc.context or "").startswith("while scanning a quoted scalar") and exc.context_mark:
        mark = exc.context_mark  # where the quote opened, not where the file ended
    else:
        mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1 + shift, mark.column + 1) if mark else (1 + shift, 1)
    return Problem(file, line, column, "", _syntax_message(exc, text, mark))


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """Where the last quoted value before a syntax error opened, if it runs over several lines: an
    unclosed quote swallows the lines after it, and the parser stumbles only at the next quote."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line > token.start_mark.line:
                last = (token.start_mark.line, token.start_mark.column)
    except yaml.YAMLError:
        pass
    return last


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    raw = f"{exc.context or ''} {exc.problem or ''}".strip()
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        raw += " found character '\\t'"  # libyaml's message does not name the tab
    for needle, hint in _SYNTAX_HINTS:
        if needle in raw:
            return f"lỗi cú pháp YAML: {hint}"
    return f"lỗi cú pháp YAML ({raw})"


TRAILING_COMMENT = (
    "chữ sau ' #' bị YAML coi là ghi chú và bỏ đi; nếu '#…' thuộc giá trị, hãy đặt cả giá trị trong ngoặc kép "
    '(ví dụ "Kế hoạch #1"); nếu là ghi chú, hãy viết nó trên một dòng riêng'
)


def _trailing_comments(root: yaml.Node, lines: list[str], shift: int) -> list[_Pending]:
    """Plain values followed by ' #' on their line: `title: Kế hoạch #1` reads as 'Kế hoạch', the rest
    silently becomes a comment. Refused, so nothing an editor wrote on a value's line is lost."""
    out: list[_Pending] = []
    stack: list[tuple[yaml.Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            continue
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark
            if not node.style and node.value and end.line < len(lines) and lines[end.line][end.column :].lstrip(" ").startswith("#"):
                out.append((path, _mark(node, shift), TRAILING_COMMENT))
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, path + (i,)) for i, child in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            stack += [(value, path + (key.value,)) for key, value in node.value if isinstance(key, yaml.ScalarNode)]
    return out


def _mark(node: yaml.Node, shift: int) -> tuple[int, int]:
    return (node.start_mark.line + 1 + shift, node.start_mark.column + 1)


MAX_DEPTH = 32
"""Values nested deeper than this are refused: a document's deepest text is about 12 levels down, and
a bound keeps every walk of the value (here and in the models) far from Python's recursion limit."""


def _convert(node: yaml.Node, path: Path, located: Located, pending: list[_Pending], shift: int) -> Any:
    located.marks.setdefault(path, _mark(node, shift))
    if len(path) > MAX_DEPTH:
        pending.append((path[:MAX_DEPTH], _mark(node, shift), f"dữ liệu lồng nhau quá {MAX_DEPTH} cấp; hãy viết phẳng hơn"))
        return None
    if isinstance(node, yaml.ScalarNode):
        make = _SCALARS.get(node.tag)
        if make is None:
            pending.append((path, _mark(node, shift), f"không dùng thẻ YAML {node.tag!r}; hãy viết giá trị thường"))
            return None
        return make(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), located, pending, shift) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, path, located, pending, shift)
    raise TypeError(f"unexpected YAML node {node!r}")


def _convert_mapping(node: yaml.MappingNode, path: Path, located: Located, pending: list[_Pending], shift: int) -> dict:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge" or (
            isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and key_node.style not in ("'", '"')
        ):
            pending.append((path, _mark(key_node, shift), "không dùng khóa gộp '<<'; hãy viết đầy đủ các trường"))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            pending.append((path, _mark(key_node, shift), "tên trường phải là một chữ, không phải danh sách hay bảng"))
            continue
        key = key_node.value
        if key in result:
            first_line = located.marks[path + (key,)][0]
            pending.append(
                (path + (key,), _mark(key_node, shift), f"trường '{key}' bị viết hai lần (lần đầu ở dòng {first_line}); hãy giữ một lần")
            )
            continue
        located.marks[path + (key,)] = _mark(key_node, shift)
        result[key] = _convert(value_node, path + (key,), located, pending, shift)
    return result
