"""JSON Schema of every data file, generated from the models (for editors' autocompletion)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from .models import Article, Event, Observance, Organisation, Plan, SiteInfo

SCHEMAS = {
    "site.schema.json": (SiteInfo, "data/site.yml"),
    "organisations.schema.json": (list[Organisation], "data/organisations.yml"),
    "observances.schema.json": (list[Observance], "data/observances.yml"),
    "events.schema.json": (list[Event], "data/events.yml"),
    "plan.schema.json": (Plan, "data/plans/*.yml"),
    "article.schema.json": (Article, "docs/chuyen-muc/**/*.md (phần đầu giữa hai dòng ---)"),
}


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
