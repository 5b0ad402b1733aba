"""The JSON Schema of the data files is generated from the models and kept in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from congbo.schema import DATA_SCHEMAS, SCHEMAS, modeline, render_schema, schema_of
from congbo.yamlread import read_yaml

from conftest import FIXTURE, ROOT

SCHEMA_DIR = ROOT / "data" / "schema"
CONTENT = [FIXTURE, pytest.param(ROOT, marks=pytest.mark.sample, id="sample")]
"""The tests' own data, and the sample's (the sample tier): both must validate against the schemas."""


def data_files(root: Path) -> dict[str, list[str]]:
    return {
        "site.schema.json": ["data/site.yml"],
        "organisations.schema.json": ["data/organisations.yml"],
        "observances.schema.json": ["data/observances.yml"],
        "events.schema.json": ["data/events.yml"],
        "plan.schema.json": sorted(str(p.relative_to(root)) for p in (root / "data" / "plans").glob("*.yml")),
    }


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_models(name):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render_schema(name), "run: python -m congbo schema"


@pytest.mark.parametrize("root", CONTENT)
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_data_validates_against_the_schema(name, root):
    schema = json.loads(render_schema(name))
    for rel in data_files(root).get(name, []):
        located, problems = read_yaml((root / rel).read_text(encoding="utf-8"), rel)
        assert problems == []
        jsonschema.validate(located.value, schema)


def test_schema_rejects_an_unknown_key_and_carries_editor_help():
    schema = json.loads(render_schema("events.schema.json"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "a", "name": "b", "date": "2021-01-01", "leader": "x"}], schema)
    event = schema["$defs"]["Event"]["properties"]
    assert "hoàn thành trước ngày" in event["kind"]["description"]


def properties_without_description(node, path: str = "") -> list[str]:
    """Every property, at any depth, whose schema has no non-empty description."""
    missing = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if not (isinstance(prop, dict) and str(prop.get("description", "")).strip()):
                missing.append(f"{path}/properties/{name}")
        for key, value in node.items():
            missing += properties_without_description(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            missing += properties_without_description(value, f"{path}/{i}")
    return missing


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_a_vietnamese_description(name):
    schema = json.loads(render_schema(name))
    assert properties_without_description(schema) == []
    assert len(json.dumps(schema)) > 0 and "description" in json.dumps(schema)


def test_the_walk_finds_a_field_without_description():
    assert properties_without_description({"$defs": {"A": {"properties": {"x": {"type": "string"}}}}}) == ["/$defs/A/properties/x"]


@pytest.mark.parametrize("root", CONTENT)
def test_every_data_file_points_at_its_schema_on_its_first_line(root):
    files = sorted(str(p.relative_to(root)) for p in (root / "data").rglob("*.yml"))
    assert files == sorted(rel for rels in data_files(root).values() for rel in rels)
    for rel in files:
        first = (root / rel).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(rel)
        target = ROOT / Path(rel).parent / first.split("$schema=", 1)[1]
        assert target.resolve() == (SCHEMA_DIR / schema_of(rel)).resolve()


def test_vscode_maps_every_schema_to_its_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(schema).name: pattern for schema, pattern in settings["yaml.schemas"].items()}
    assert mapped == {name: pattern for pattern, name in DATA_SCHEMAS.items()}
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file()
