"""JSON Schema of every data file, generated from the models (for editors' autocompletion)."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from pydantic import TypeAdapter

from .layout import ARTICLES, DATA, PARTS, part_of

SCHEMAS = {
    part.schema: (
        list[part.model] if part.listed else part.model,
        part.files + (" (phần đầu giữa hai dòng ---)" if part is ARTICLES else ""),
    )
    for part in PARTS
}
"""Each schema's file name: the model it describes (a list of records for a list file), and the files it is for."""


SCHEMA_DIR = "data/schema"
DATA_SCHEMAS = {part.files: part.schema for part in DATA}
"""Which schema each data file follows: for editors' modelines and .vscode/settings.json (articles' front
matter cannot carry a modeline: the schema applies to it through the check only)."""


def schema_of(rel: str) -> str | None:
    """The schema a data file (path from the project root) follows."""
    part = part_of(rel)
    return part.schema if part else None


def modeline(rel: str) -> str:
    """The first line of a data file, which points editors (VS Code, github.dev) at its schema."""
    schema = posixpath.relpath(f"{SCHEMA_DIR}/{schema_of(rel)}", posixpath.dirname(rel))
    return f"# yaml-language-server: $schema={schema}"


def render_schema(name: str) -> str:
    model, applies_to = SCHEMAS[name]
    schema = TypeAdapter(model).json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, "description": f"Lược đồ cho {applies_to}", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / name
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written
