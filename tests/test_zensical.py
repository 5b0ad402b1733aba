"""The Zensical build (scripts/zensical_build.sh, the pinned version): from the outputs any engine can build,
it publishes every URL the MkDocs build does, and the files made from the data are the same bytes."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT, build_env

PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"

pytestmark = pytest.mark.skipif(
    not ZENSICAL.exists(), reason="zensical is not in .venv-zensical: run bash scripts/setup_zensical.sh (bash scripts/test.sh does)"
)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    work = tmp_path_factory.mktemp("zensical")
    result = subprocess.run(
        [str(PYTHON), "benchmarks/zensical_build.py", "--work", str(work), "--json"],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    return work, json.loads(result.stdout)


def test_zensical_publishes_every_url_the_mkdocs_build_does(builds):
    _work, report = builds
    assert report["missing"] == [] and report["extra"] == []
    assert report["zensical"]["pages"] == report["mkdocs"]["pages"] > 100


def test_the_files_made_from_the_data_are_the_same_in_both_builds(builds):
    work, _report = builds
    zensical, mkdocs = work / "du-an" / "site", work / "mkdocs-site"
    made = ["lich.ics", "lich.json", "robots.txt", "rss.xml", "atom.xml", "feed.json", "rss-ke-hoach.xml", "assets/colours.css"]
    made += [p.relative_to(mkdocs).as_posix() for p in (mkdocs / "ngay-ky-niem").rglob("*.ics")]
    for path in made:
        assert (zensical / path).read_bytes() == (mkdocs / path).read_bytes(), path
