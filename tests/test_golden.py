"""Golden files for everything made from the data, as published (with mkdocs.yml's site_url): the
generated pages (front matter and HTML), the calendar files, lich.json and the feeds. Any change
shows up as a diff to review; the files also hold the output steady from one process to the next.

Update after an intended change with: UPDATE_GOLDEN=1 bash scripts/test.sh tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, TEST_TODAY, copy_project

from congbo import channels
from congbo.load import load_site
from congbo.outputs import render_all_pages, render_outputs
from congbo.render import GeneratedPage

GOLDEN = Path(__file__).resolve().parent / "golden" / "outputs"
TODAY = TEST_TODAY
SITE_URL = yaml.safe_load((FIXTURE / "data/site.yml").read_text(encoding="utf-8"))["url"]  # the public address is data


def as_bytes(output) -> bytes:
    if isinstance(output, GeneratedPage):
        return output.source.encode("utf-8")
    return output.encode("utf-8") if isinstance(output, str) else output


@pytest.fixture(scope="module")
def outputs(site, built_site) -> dict[str, bytes]:
    """What the core makes from the data, and the feeds as the build published them."""
    made = {path: as_bytes(output) for path, output in render_outputs(site, SITE_URL).items()}
    made.update({path: (built_site / path).read_bytes() for path in channels.feed_paths(site)})
    return made


def test_golden_outputs(outputs):
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, data in outputs.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(outputs) == sorted(expected), "outputs added or removed: UPDATE_GOLDEN=1 after review"
    changed = [path for path in outputs if outputs[path] != expected[path]]
    assert changed == [], "output changed: review the diff, then UPDATE_GOLDEN=1"


def test_the_golden_set_holds_every_kind_of_output(outputs):
    kinds = {path.rsplit(".", 1)[-1] for path in outputs}
    assert kinds == {"md", "ics", "json", "xml", "txt"}  # txt: robots.txt
    assert any(path.startswith("ke-hoach/") for path in outputs) and "lich.ics" in outputs and "rss.xml" in outputs
    assert SITE_URL.encode() in outputs["lich.json"] and SITE_URL.encode() in outputs["rss.xml"]


def sources(pages) -> dict[str, str]:
    return {src: page.source for src, page in pages.items()}


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    return sources(render_all_pages(site, SITE_URL))


def test_pages_do_not_depend_on_the_order_of_records_in_the_files(pages, tmp_path):
    """Reversing every list file (organisations, observances, events) changes no page."""
    import yaml

    root = copy_project(tmp_path)
    for name in ("organisations", "observances", "events"):
        path = root / "data" / f"{name}.yml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(records[::-1], allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = load_site(root, today=TODAY, docs_dir=root / "docs")
    assert sources(render_all_pages(site, SITE_URL)) == pages


def test_data_text_cannot_inject_markup(tmp_path):
    root = copy_project(tmp_path)
    document = root / "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
    text = document.read_text(encoding="utf-8").replace(
        'place: "Bắc Giang"', 'place: "Bắc <script>alert(1)</script> Giang *x* {{ y }} [a](b)"', 1
    )
    assert "<script>" in text
    document.write_text(text, encoding="utf-8")
    site = load_site(root, today=TODAY, docs_dir=root / "docs")
    page = render_all_pages(site, SITE_URL)["ke-hoach/ke-hoach-nghi-quyet-21-khcn-bac-giang/index.md"].source
    assert "<script>" not in page
    assert "Bắc &lt;script&gt;alert(1)&lt;/script&gt; Giang *x* {{ y }} [a](b)" in page
