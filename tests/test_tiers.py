"""The test tiers: `bash scripts/test.sh fast` leaves out the browser and slow tests, no argument runs every
test, and a pull request's browser tests are those of the page types its content change reaches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_env
from test_workflows import copy_checkout


def collected(project: Path, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_env(),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_the_fast_tier_has_no_browser_test_and_no_extra_build():
    fast = collected(ROOT, "-m", "not browser and not slow")
    everything = collected(ROOT)
    assert fast and len(fast) < len(everything)
    for excluded in (
        "tests/test_browser_pages.py",
        "tests/test_accessibility.py",
        "tests/test_build_script.py",
        "tests/test_benchmark.py",
        "tests/test_workflows.py::test_the_workflow_steps_run_here",
    ):
        assert not any(item.startswith(excluded) for item in fast), excluded
        assert any(item.startswith(excluded) for item in everything), excluded


def test_the_script_without_a_tier_runs_every_test():
    """`bash scripts/test.sh` (what .ci/run calls) passes no marker; a tier's name becomes one."""
    text = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert 'fast) shift; set -- -m "not browser and not slow" "$@" ;;' in text
    assert text.rstrip().endswith('exec .venv/bin/python -m pytest "$@"')
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("exec bash scripts/test.sh -q")


def test_a_changed_article_selects_the_browser_tests_of_article_pages(tmp_path):
    project = copy_checkout(tmp_path / "project")
    article = project / "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    selected = collected(project, "-m", "browser", "--pages-changed-since", "HEAD", "tests/test_browser_pages.py", "tests/test_csp.py")
    every = collected(project, "-m", "browser", "tests/test_browser_pages.py", "tests/test_csp.py")
    assert "tests/test_browser_pages.py::test_page_fits_the_screen[article-360]" in selected
    assert "tests/test_browser_pages.py::test_page_fits_the_screen[column-1280]" in selected
    assert not any("[plan-" in item or "[organisations" in item for item in selected), selected
    assert any("[plan-360]" in item for item in every) and len(selected) < len(every)
    # Tests not parametrised by page type run as they are.
    assert "tests/test_browser_pages.py::test_plan_heading_block_stacks_on_a_phone_and_sits_side_by_side_on_a_desktop" in selected


def test_a_change_to_the_site_settings_selects_every_page_type(tmp_path):
    project = copy_checkout(tmp_path / "project")
    site = project / "data/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("#b3261e", "#a3261e", 1), encoding="utf-8")
    args = ("-m", "browser", "tests/test_browser_pages.py")
    assert collected(project, *args, "--pages-changed-since", "HEAD") == collected(project, *args)
