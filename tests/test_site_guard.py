"""A test run that changes the repository's site/ (what `bash scripts/build.sh` built, and what is
published) fails, whatever its tests said: conftest.py compares site/ at the end of the run with site/
at its start. Shown here on a copy of conftest.py in a project of its own, whose site/ a test writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

WRITES = """
from conftest import SITE

def test_writes_the_home_page():
    (SITE / "index.html").write_text("dựng ngày 20/11/2026", encoding="utf-8")
"""
ADDS = """
from conftest import SITE

def test_adds_a_page():
    (SITE / "moi").mkdir()
    (SITE / "moi" / "index.html").write_text("trang mới", encoding="utf-8")
"""
READS = """
from conftest import SITE

def test_reads_the_home_page():
    assert (SITE / "index.html").read_text(encoding="utf-8") == "dựng ngày 01/12/2026"
"""


def run_suite(tmp_path: Path, test: str) -> subprocess.CompletedProcess:
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "tests" / "conftest.py", project / "tests" / "conftest.py")
    shutil.copy2(ROOT / "scripts" / "page_weight.py", project / "scripts" / "page_weight.py")  # conftest imports it
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("dựng ngày 01/12/2026", encoding="utf-8")
    (project / "tests" / "test_one.py").write_text(test, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=project, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("test", [WRITES, ADDS], ids=["rewrites a page", "adds a page"])
def test_a_run_that_changes_site_fails(tmp_path, test):
    result = run_suite(tmp_path, test)
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout + result.stderr
    assert "1 passed" in result.stdout  # the test itself passed: the run fails for site/ alone
    assert "never into the repository's site/" in result.stdout


def test_a_run_that_leaves_site_as_it_was_passes(tmp_path):
    result = run_suite(tmp_path, READS)
    assert result.returncode == pytest.ExitCode.OK, result.stdout + result.stderr
    assert "site/ changed" not in result.stdout
