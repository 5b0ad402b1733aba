"""The editors' guide (docs/huong-dan/): its worked examples, field tables and common mistakes,
rendered from the example files and the models, so the guide says what the code does.

The examples are a small valid project under docs/huong-dan/vi-du/ (excerpts of the sample data);
``loi.yml`` there lists mistakes made in them with the exact messages the check prints. The
tests load the examples and re-make each mistake (tests/test_guide.py).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup, escape
from pydantic import BaseModel

from .content import GUIDE_EXAMPLES, example_file
from .layout import PARTS

EXAMPLES = Path(GUIDE_EXAMPLES)
"""The example project, from the project root."""
MISTAKES = "loi.yml"
RECORDS = {part.kind: part.model for part in PARTS}
"""The model of each kind of record, for the guide's field tables."""


@dataclass(frozen=True)
class Mistake:
    title: str
    file: str
    old: str
    new: str
    messages: tuple[str, ...]
    fix: str


def read_mistakes(examples: Path) -> list[Mistake]:
    items = yaml.safe_load((examples / MISTAKES).read_text(encoding="utf-8"))
    return [Mistake(i["title"], i["file"], i["old"], i["new"], tuple(i["messages"]), i["fix"]) for i in items]


def code(text: str, language: str = "") -> Markup:
    """A code block as HTML (the guide's Markdown has no fenced-code extension)."""
    kind = f' class="language-{language}"' if language else ""
    return Markup(f"<pre><code{kind}>{escape(text)}</code></pre>")


def render_example(root: Path, rel: str) -> Markup:
    """The example file ``rel`` (inside the examples folder, reached through no link: the check refuses any
    other name before a page is rendered) as a code block."""
    path = example_file(root, rel)
    if path is None:
        raise ValueError(f"not a guide example: {rel!r}")
    text = path.read_text(encoding="utf-8")
    return Markup(f"<p>Tệp <code>{escape(rel)}</code>:</p>\n") + code(text, "yaml")


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and every model its fields hold, each once, in the order they are met."""
    found: list[type[BaseModel]] = []

    def visit(current: type[BaseModel]) -> None:
        if current in found:
            return
        found.append(current)
        for field in current.model_fields.values():
            for inner in _models_in(field.annotation):
                visit(inner)

    visit(model)
    return found


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def render_fields(model: type[BaseModel]) -> Markup:
    """One table per model (the record, then what its fields hold): field, required, meaning."""
    parts = []
    for current in nested_models(model):
        rows = "".join(
            f"<tr><td><code>{escape(name)}</code></td><td>{'bắt buộc' if field.is_required() else 'không bắt buộc'}</td>"
            f"<td>{escape(field.description or '')}</td></tr>"
            for name, field in current.model_fields.items()
        )
        title = "" if current is model else f"<p>Trong <code>{escape(_field_holding(model, current))}</code>:</p>\n"
        parts.append(f"{title}<table><thead><tr><th>trường</th><th></th><th>ý nghĩa</th></tr></thead><tbody>{rows}</tbody></table>")
    return Markup("\n".join(parts))


def _field_holding(model: type[BaseModel], inner: type[BaseModel]) -> str:
    """The names of the fields that hold ``inner`` (anywhere under ``model``)."""
    names = [
        name for current in nested_models(model) for name, field in current.model_fields.items() if inner in _models_in(field.annotation)
    ]
    return ", ".join(dict.fromkeys(names))


def render_mistakes(examples: Path) -> Markup:
    parts = []
    for mistake in read_mistakes(examples):
        written = mistake.new.strip("\n") or "(dòng bị xóa: " + mistake.old.strip() + ")"
        parts.append(
            f"<h3>{escape(mistake.title)}</h3>\n<p>Trong <code>{escape(mistake.file)}</code>, "
            f"viết:</p>\n{code(written.replace(chr(9), '→   '), 'yaml')}\n"
            f"<p>Kiểm tra báo:</p>\n{code(chr(10).join(mistake.messages))}\n<p><strong>Cách sửa:</strong> {escape(mistake.fix)}</p>"
        )
    return Markup("\n".join(parts))
