"""The editors' guide: its examples load, its mistakes give exactly the messages it shows, every
field's meaning is there, and it stays out of the citizens' navigation."""

from __future__ import annotations

import shutil

import pytest

from congbo.errors import DataError
from congbo.guide import EXAMPLES, RECORDS, nested_models, read_mistakes
from congbo.load import load_site
from conftest import ROOT, TEST_TODAY, read_page, text_of

EXAMPLE_ROOT = ROOT / EXAMPLES
GUIDE = ROOT / "docs" / "huong-dan" / "index.md"


def test_the_worked_examples_load_without_error():
    site = load_site(EXAMPLE_ROOT, today=TEST_TODAY, docs_dir=EXAMPLE_ROOT / "docs")
    assert site.plans and site.organisations and site.observances and site.events and site.articles


@pytest.mark.parametrize("mistake", read_mistakes(EXAMPLE_ROOT), ids=lambda m: m.title)
def test_each_mistake_gives_the_message_the_guide_shows(tmp_path, mistake):
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE_ROOT, project)
    path = project / mistake.file
    text = path.read_text(encoding="utf-8")
    assert mistake.old in text
    path.write_text(text.replace(mistake.old, mistake.new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    assert tuple(str(p) for p in caught.value.problems) == mistake.messages


def test_the_guide_shows_an_example_of_every_record():
    source = GUIDE.read_text(encoding="utf-8")
    for record in RECORDS:
        assert f'guide_fields("{record}")' in source


@pytest.fixture(scope="module")
def guide_page(built_site):
    return read_page(built_site, "huong-dan/")


def test_the_built_guide_has_every_field_meaning_every_example_and_every_message(guide_page):
    text = text_of(guide_page)
    for model in RECORDS.values():
        for current in nested_models(model):
            for name, field in current.model_fields.items():
                assert " ".join(field.description.split()) in text, f"{current.__name__}.{name}"
    for example in (EXAMPLE_ROOT / "data").rglob("*.yml"):
        first_record_line = next(line for line in example.read_text(encoding="utf-8").splitlines() if line.startswith(("- id:", "id:", "name:")))
        assert first_record_line in text
    for mistake in read_mistakes(EXAMPLE_ROOT):
        for message in mistake.messages:
            assert message in text


def test_the_guide_is_out_of_the_navigation_and_linked_from_the_readme(built_site):
    home = read_page(built_site, "")
    assert not [a for a in home.xpath("//nav//a") if "huong-dan" in (a.get("href") or "")]
    assert "docs/huong-dan/" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert not (built_site / "huong-dan" / "vi-du").exists()
