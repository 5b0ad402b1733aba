"""The JSON Schema of the data files is generated from the models and kept in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from congbo.schema import SCHEMAS, render_schema
from congbo.yamlread import read_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "data" / "schema"
DATA = {
    "site.schema.json": ["data/site.yml"],
    "organisations.schema.json": ["data/organisations.yml"],
    "observances.schema.json": ["data/observances.yml"],
    "events.schema.json": ["data/events.yml"],
    "plan.schema.json": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data" / "plans").glob("*.yml")),
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_models(name):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render_schema(name), "run: python -m congbo schema"


@pytest.mark.parametrize("name", sorted(DATA))
def test_sample_data_validates_against_the_schema(name):
    schema = json.loads(render_schema(name))
    for rel in DATA[name]:
        located, problems = read_yaml((ROOT / rel).read_text(encoding="utf-8"), rel)
        assert problems == []
        jsonschema.validate(located.value, schema)


def test_schema_rejects_an_unknown_key_and_carries_editor_help():
    schema = json.loads(render_schema("events.schema.json"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "a", "name": "b", "date": "2021-01-01", "leader": "x"}], schema)
    event = schema["$defs"]["Event"]["properties"]
    assert "hoàn thành trước ngày" in event["kind"]["description"]
