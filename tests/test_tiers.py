"""The test tiers: `bash scripts/test.sh fast` leaves out the browser and slow tests, no argument runs every
test, and a pull request's browser tests are those of the page types its content change reaches."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, build_env, copy_project, is_content
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


# --- code tests never read the sample's content ---------------------------------------------------------

SAMPLE_READERS = {"test_sample.py", "conftest.py", "test_benchmark.py", "test_tiers.py"}
"""The modules that may read the sample's content: the sample tier, the fixtures (`sample_site`), the benchmark,
which measures the project as it is (tests/test_benchmark.py checks the benchmark's script), and this one."""
_CODE = r"(?:schema|assets|huong-dan|bao-chi\.md|index\.md)"
READS_THE_SAMPLE = re.compile(
    rf'(?:load_site|mkdocs_build)\(ROOT\b|\bROOT / "(?:data|docs)"(?! / "{_CODE}")|\bROOT / "(?:data|docs)/(?!{_CODE})'
)
"""A test reading the sample's data or pages from the repository; a line that must (a rule on every page of the
repository, not a fact of one) says why after '# reads the sample:'."""


def test_a_test_project_is_the_repositorys_code_with_the_tests_own_content(tmp_path):
    """Every file under data/ and docs/ of a test project comes from the tests' content when it is content,
    from the repository when it is code: an editor's change to the sample reaches no code test."""
    project = copy_project(tmp_path / "project")
    seen = 0
    for path in sorted(p for folder in ("data", "docs") for p in (project / folder).rglob("*") if p.is_file()):
        rel = path.relative_to(project).as_posix()
        source = FIXTURE / rel if is_content(rel) else ROOT / rel
        assert path.read_bytes() == source.read_bytes(), rel
        seen += 1
    assert seen > 40 and (project / "data" / "schema").is_dir()
    assert (
        sorted(
            p.relative_to(FIXTURE).as_posix()
            for p in FIXTURE.rglob("*")
            if p.is_file() and not is_content(p.relative_to(FIXTURE).as_posix())
        )
        == []
    )


def test_no_code_test_module_reads_the_samples_content():
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name not in SAMPLE_READERS
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if READS_THE_SAMPLE.search(line) and "# reads the sample:" not in line
    ]
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        "site = load_site(ROOT, today=TODAY)",
        'shutil.copytree(ROOT / "data", project / "data")',
        'text = (ROOT / "docs/chuyen-muc/a.md")',
        "mkdocs_build(ROOT, site)",
    ],
)
def test_the_scan_finds_a_read_of_the_sample(line):
    assert READS_THE_SAMPLE.search(line)


@pytest.mark.parametrize(
    "line", ['SCHEMA_DIR = ROOT / "data" / "schema"', 'ROOT / "docs/assets/congbo.css"', 'GUIDE = ROOT / "docs/huong-dan/index.md"']
)
def test_the_scan_lets_code_under_docs_and_data_be_read(line):
    assert not READS_THE_SAMPLE.search(line)
