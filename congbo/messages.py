"""Editors' mistakes in Vietnamese: a pydantic error turned into a `Problem` at its line and column,
saying what was expected and what was found, with the closest spelling when there is one."""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any, Callable

from pydantic import BaseModel

from . import vi
from .errors import Problem
from .models import CHOICES
from .scalars import MISSING_HELP, Id
from .yamlread import Located, format_path


def closest(value: str, known: set, near: Callable | None = None) -> str | None:
    names = sorted(k for k in known if k)
    if near is None:
        matches = difflib.get_close_matches(value, names, n=1, cutoff=0.75)
        return matches[0] if matches else None
    # The closest spellings first, then the ids that start with what was written: an id written without its
    # place ('so-y-te') is the start of those that name one ('so-y-te-quang-nam'). ``near`` reorders them.
    found = difflib.get_close_matches(value, names, n=len(names) or 1, cutoff=0.75) + [k for k in names if k.startswith(f"{value}-")]
    ranked = sorted(enumerate(dict.fromkeys(found)), key=lambda pair: (near(pair[1]), pair[0]))
    return ranked[0][1] if ranked else None


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "một bảng các trường"
    if isinstance(value, list):
        return "một danh sách"
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"số {value}"
    return f"văn bản '{value}'"


_MISSING_FIELD_HELP = {
    "number": f"; khi không có số, ghi {MISSING_HELP}",
    "signer": (
        '; chưa rõ người ký (bản tin không nêu) thì ghi signer: "??"; bản gốc in chức vụ mà để trống tên người ký (bản dự thảo) '
        "thì ghi chức vụ ở 'title' và name: \"..\""
    ),
}
"""What a missing field's message adds: how to say the fact is not there."""


def problem_of(located: Located, model: type[BaseModel], base: tuple, err: dict) -> Problem:
    loc = base + tuple(err["loc"])
    path = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
    kind = err["type"]
    found = err.get("input")
    field = path[-1] if path and isinstance(path[-1], str) else None
    if kind == "missing":
        message = f"thiếu trường bắt buộc '{field}'" + _MISSING_FIELD_HELP.get(field, "")
    elif kind == "extra_forbidden" and field in _renamed_at(model, tuple(err["loc"])[:-1]):
        new_key, meaning = _renamed_at(model, tuple(err["loc"])[:-1])[field]
        items = [found] if isinstance(found, str) else found if isinstance(found, list) and all(isinstance(v, str) for v in found) else []
        example = f"{new_key}: [{', '.join(items)}]" if items else f"{new_key}: [mã, …]"
        message = f"trường '{field}' nay là '{new_key}' ({meaning}): hãy ghi '{example}' thay cho dòng này"
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, tuple(err["loc"])[:-1])
        hint = closest(field, set(allowed)) if field else None
        message = f"trường '{field}' không có trong mẫu dữ liệu" + (f"; có phải '{hint}'?" if hint else "")
        if allowed:
            message += ("" if hint else ".") + f" Các trường được dùng: {', '.join(allowed)}"
    elif kind == "literal_error":
        expected = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        message = f"phải là {_choice_list(expected)}; nhận được: {kind_of(found)}"
        meant = _choice_named(found, expected)
        if meant:
            message += f"; có phải '{meant}'?"
    elif kind in ("string_type",):
        message = f"phải là văn bản, nhận được {kind_of(found)}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"phải là số nguyên, nhận được {kind_of(found)}"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"phải là true hoặc false, nhận được {kind_of(found)}"
    elif kind == "list_type":
        message = f"phải là một danh sách (mỗi mục bắt đầu bằng '- '), nhận được {kind_of(found)}"
        if isinstance(found, str) and _is_id_list(model, tuple(err["loc"])):
            message += f"; một mã cũng ghi thành danh sách: '{field}: [{found}]'"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"phải là một bảng các trường (tên: giá trị), nhận được {kind_of(found)}"
    elif kind == "too_short":
        message = "danh sách không được để trống"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = {
            "greater_than_equal": "không nhỏ hơn",
            "less_than_equal": "không lớn hơn",
            "greater_than": "lớn hơn",
            "less_than": "nhỏ hơn",
        }
        limit = next(iter(err["ctx"].values()))
        message = f"phải {bounds[kind]} {limit}, nhận được {kind_of(found)}"
    elif kind.startswith("vi_"):
        message = err["msg"]
    else:  # a rule without its own Vietnamese message yet: say what pydantic said, never a traceback
        message = f"giá trị không hợp lệ ({err['msg']}), nhận được {kind_of(found)}"
    line, column = located.where(path)
    return Problem(located.file, line, column, format_path(located.value, path), message)


def _choice_list(values: list[str]) -> str:
    """ "'KH' (Kế hoạch), 'CV' (Công văn) hoặc 'QĐ' (Quyết định)": each choice with its meaning, in Vietnamese."""
    shown = [f"'{v}' ({CHOICES[v]})" if v in CHOICES else f"'{v}'" for v in values]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " hoặc " + shown[-1]


def _choice_named(found: Any, values: list[str]) -> str | None:
    """The choice whose meaning (or code) an editor wrote instead of it: 'Chỉ thị' or 'chi thi' for 'CT'."""
    if not isinstance(found, str):
        return None
    written = vi.fold(found).casefold().strip()
    return next((v for v in values if written in (vi.fold(v).casefold(), vi.fold(CHOICES.get(v, "")).casefold())), None)


def _model_at(model: Any, loc: tuple) -> type[BaseModel] | None:
    """The model of the record ``loc`` points into, if it is one."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: Any, loc: tuple) -> list[str]:
    """The field names allowed where ``loc`` points, to tell the editor what is accepted."""
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _is_id_list(model: Any, loc: tuple) -> bool:
    """Whether ``loc`` points at a field that lists ids ('organisers', 'observances', 'plans'…)."""
    found = _model_at(model, loc[:-1])
    field = found.model_fields.get(loc[-1]) if found and loc and isinstance(loc[-1], str) else None
    return field is not None and field.annotation == list[Id]


def _renamed_at(model: Any, loc: tuple) -> dict[str, tuple[str, str]]:
    """The keys the record where ``loc`` points was once written with (`Event.RENAMED`)."""
    return getattr(_model_at(model, loc), "RENAMED", {})


def _unwrap(annotation: Any) -> Any:
    while True:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        origin = typing.get_origin(annotation)
        if origin is None or not args:
            return annotation
        if origin is typing.Annotated:
            annotation = args[0]
            continue
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        annotation = models[0] if models else args[0]
