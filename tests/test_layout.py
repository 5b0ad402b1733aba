"""The content's layout, one table: which file or folder holds which records, their model and schema."""

from __future__ import annotations

import pytest

from congbo import content, guide, schema
from congbo.layout import ARTICLES, COLUMN_DIR, DATA, DOCUMENTS, EVENTS, LISTS, ORGANISATIONS, PARTS, SITE, part_of


@pytest.mark.parametrize(
    "rel, part",
    [
        ("data/site.yml", SITE),
        ("data/organisations.yml", ORGANISATIONS),
        ("data/events.yml", EVENTS),
        ("data/plans/ke-hoach-1.yml", DOCUMENTS),
        ("data/plans/cu/ke-hoach-1.yml", None),  # a document's file is directly in the folder
        ("data/plans/ke-hoach-1.yaml", None),
        ("data/khac.yml", None),
        ("docs/data/site.yml", None),  # paths are from the project root: a folder named data under docs/ is not data
        ("docs/chuyen-muc/2025/bai.md", None),  # articles are not a data part
    ],
)
def test_a_file_belongs_to_its_part(rel, part):
    assert part_of(rel) is part


def test_every_part_has_its_model_and_schema():
    assert [name for name in schema.SCHEMAS] == [part.schema for part in PARTS]
    for part in PARTS:
        model, applies_to = schema.SCHEMAS[part.schema]
        assert model == (list[part.model] if part.listed else part.model)
        assert applies_to.startswith(part.files)
    assert {pattern: name for pattern, name in schema.DATA_SCHEMAS.items()} == {part.files: part.schema for part in DATA}
    assert schema.schema_of("data/plans/x.yml") == DOCUMENTS.schema


def test_lists_are_the_list_files_and_every_kind_is_named():
    assert [part.listed for part in PARTS] == [part in LISTS for part in PARTS]
    assert len({part.kind for part in PARTS}) == len({part.key for part in PARTS}) == len({part.name for part in PARTS}) == len(PARTS)
    assert ARTICLES.path == f"docs/{COLUMN_DIR}/"


def test_the_guide_lists_the_fields_of_every_kind():
    assert guide.RECORDS == {part.kind: part.model for part in PARTS}
    assert content.GUIDE_RECORDS == tuple(part.kind for part in PARTS)


def test_a_file_out_of_place_under_data_is_told_the_table():
    message = content.misplaced("data/ghi-chu.txt")
    assert message == (
        "tệp này không được đọc: các tệp dữ liệu là data/site.yml, data/organisations.yml, data/observances.yml, "
        "data/events.yml và mỗi văn bản một tệp .yml trong data/plans/; hãy chuyển tệp đi"
    )
