"""The editors' guide: its examples load, its mistakes give exactly the messages it shows, every
field's meaning is there, and it stays out of the citizens' navigation."""

from __future__ import annotations

import re
import shutil

import pytest

from congbo.errors import DataError
from congbo.guide import EXAMPLES, RECORDS, nested_models, read_mistakes
from congbo.load import load_site
from congbo.scalars import Missing
from conftest import ROOT, TEST_TODAY, read_page, text_of

EXAMPLE_ROOT = ROOT / EXAMPLES
GUIDE = ROOT / "docs" / "huong-dan" / "index.md"


def test_the_worked_examples_load_without_error():
    site = load_site(EXAMPLE_ROOT, today=TEST_TODAY, docs_dir=EXAMPLE_ROOT / "docs")
    assert site.documents and site.organisations and site.observances and site.events and site.articles


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


def test_the_guide_has_a_checked_worked_example_of_every_kind_the_site_publishes(site):
    """Every example document is shown on the guide and loads (above); together they cover every
    kind of document in the sample data."""
    examples = load_site(EXAMPLE_ROOT, today=TEST_TODAY, docs_dir=EXAMPLE_ROOT / "docs")
    source = GUIDE.read_text(encoding="utf-8")
    for path in sorted((EXAMPLE_ROOT / "data" / "plans").glob("*.yml")):
        assert f'guide_example("data/plans/{path.name}")' in source, path.name
    assert {p.type for p in site.documents} <= {p.type for p in examples.documents}


def test_the_worked_examples_show_the_three_states_of_a_fact():
    examples = load_site(EXAMPLE_ROOT, today=TEST_TODAY, docs_dir=EXAMPLE_ROOT / "docs")
    facts = [p.number for p in examples.documents] + [p.signer for p in examples.documents] + [p.addressees for p in examples.documents]
    facts += [b.number for p in examples.documents for b in p.bases] + [b.date for p in examples.documents for b in p.bases]
    missing = [f for f in facts if isinstance(f, Missing)]
    assert any(not isinstance(n, Missing) for n in (p.number for p in examples.documents)), "known"
    assert any(m.blank for m in missing) and any(m.unknown for m in missing), "blank in the original, and not known"
    assert any(p.date.missing and p.date.missing.blank for p in examples.documents)


def test_the_worked_examples_show_what_an_editor_meets_in_documents_as_issued():
    """A symbol not known, a basis known by its number alone, recipients not known, a decision's
    articles, a date known to the month, a year's theme shared by two observances."""
    examples = load_site(EXAMPLE_ROOT, today=TEST_TODAY, docs_dir=EXAMPLE_ROOT / "docs")
    assert any(isinstance(p.symbol, Missing) and p.symbol.unknown for p in examples.documents)
    assert any(b.symbol and b.number.isdigit() for p in examples.documents for b in p.bases)
    assert any(isinstance(p.recipients, Missing) and p.recipients.unknown for p in examples.documents)
    assert any(p.type == "QĐ" and p.sections for p in examples.documents)
    assert any(p.date.month and p.date.day is None and p.date.missing.unknown for p in examples.documents)
    assert any(t.same_as for o in examples.observances for t in o.themes)
    # an event known from a news report of the day it was published, without its own day, with that report
    assert any(e.date.on_or_before and any(s.kind == "ban-tin" and s.url for s in e.sources) for e in examples.events)
    # a People's Council resolution whose number carries its year, known from a report, and a yearly plan
    # with numeric targets: the two shapes the sources issue asked the guide to show
    assert any(
        p.type == "NQ" and str(p.symbol).endswith("/NQ-HĐND") and str(p.symbol)[:4].isdigit() and p.covers for p in examples.documents
    )
    assert any(p.type == "KH" and len(p.targets) >= 5 and p.covers and not p.full_text for p in examples.documents)
    # a competition: its type, its organiser, a phase not known ('??') and one known to the day, from reports
    assert any(
        e.type == "cuoc-thi"
        and e.organisers
        and {p.dated is None for p in e.phases} == {True, False}
        and len([s for s in e.sources if s.kind == "ban-tin" and s.url]) >= 2
        for e in examples.events
    )


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
        first_record_line = next(
            line for line in example.read_text(encoding="utf-8").splitlines() if line.startswith(("- id:", "id:", "name:"))
        )
        assert first_record_line in text
    for mistake in read_mistakes(EXAMPLE_ROOT):
        for message in mistake.messages:
            assert message in text


def test_the_guide_is_out_of_the_navigation_and_linked_from_the_readme(built_site):
    home = read_page(built_site, "")
    assert not [a for a in home.xpath("//nav//a") if "huong-dan" in (a.get("href") or "")]
    assert "docs/huong-dan/" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert not (built_site / "huong-dan" / "vi-du").exists()


def readme_editor_section() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8").split("## For editors", 1)[1].split("\n## ", 1)[0]


README_FACTS = re.findall(r"`((?:number|date|signer): [^`]+)`", readme_editor_section())
CV_EXAMPLE = "data/plans/cong-van-1214-ubnd-bac-giang.yml"


def test_the_readme_writes_each_state_of_a_fact():
    assert {"number: 45", 'number: ".."', 'number: "??"', "date: 2021-01-..", "date: 2024-??-??", 'signer: "??"'} <= set(README_FACTS)


@pytest.mark.parametrize("written", README_FACTS)
def test_each_fact_the_readme_writes_loads_in_a_document(tmp_path, written):
    """Each value the README shows, written into the dispatch example in place of its own, passes the check."""
    project = tmp_path / "p"
    shutil.copytree(EXAMPLE_ROOT, project)
    path = project / CV_EXAMPLE
    field = written.split(":", 1)[0]
    text, count = re.subn(rf"^{field}: .*$", written, path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    load_site(project, today=TEST_TODAY, docs_dir=project / "docs")


def test_the_readme_links_to_the_guide_s_worked_examples(guide_page):
    anchors = re.findall(r"docs/huong-dan/index\.md#([\w-]+)\)", readme_editor_section())
    assert len(anchors) >= 6
    for anchor in anchors:
        assert guide_page.xpath(f"//*[@id='{anchor}']"), anchor
