"""Golden files for the generated page text: any change to a page shows up as a diff to review.

Update after an intended change with: UPDATE_GOLDEN=1 bash scripts/test.sh tests/test_pages_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from congbo.load import load_site
from congbo.pages import render_pages

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "pages"
TODAY = dt.date(2026, 11, 20)  # the build date of TEST_EPOCH


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    site = load_site(ROOT, today=TODAY, docs_dir=ROOT / "docs")
    return sources(render_pages(site))


def sources(pages) -> dict[str, str]:
    return {src: page.source for src, page in pages.items()}


def test_golden_pages(pages):
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for src, text in pages.items():
            (GOLDEN / src).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / src).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: UPDATE_GOLDEN=1 after review"
    changed = [src for src in pages if pages[src] != expected[src]]
    assert changed == [], "generated text changed: review the diff, then UPDATE_GOLDEN=1"


def test_pages_do_not_depend_on_the_order_of_records_in_the_files(pages, tmp_path):
    """Reversing every list file (organisations, observances, events) changes no page."""
    import yaml

    from conftest import copy_project

    root = copy_project(tmp_path)
    for name in ("organisations", "observances", "events"):
        path = root / "data" / f"{name}.yml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(records[::-1], allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = load_site(root, today=TODAY, docs_dir=root / "docs")
    assert sources(render_pages(site)) == pages


def test_data_text_cannot_inject_markup(tmp_path):
    from conftest import copy_project

    root = copy_project(tmp_path)
    plan = root / "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
    text = plan.read_text(encoding="utf-8").replace('place: "Bắc Giang"', 'place: "Bắc <script>alert(1)</script> Giang *x* {{ y }} [a](b)"', 1)
    assert "<script>" in text
    plan.write_text(text, encoding="utf-8")
    site = load_site(root, today=TODAY, docs_dir=root / "docs")
    page = render_pages(site)["ke-hoach/ke-hoach-nghi-quyet-21-khcn-bac-giang/index.md"].source
    assert "<script>" not in page
    assert "Bắc &lt;script&gt;alert(1)&lt;/script&gt; Giang *x* {{ y }} [a](b)" in page
