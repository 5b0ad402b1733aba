"""Shared fixtures: the repository, the tests' own content, a strict build of it, a local server, Chromium.

Code tests never read the content an editor changes (data/, the pages under docs/): they run on the tests' own
content, `FIXTURE` (tests/project/), put together with the repository's code by `copy_project`. Assertions about
the sample's own content read `ROOT` and are marked `sample` (the sample tier), so a content pull request can
break a sample test, never a code test."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from page_weight import PAGE_TYPES, Handler  # noqa: E402, F401  (one list of page types, one server for the tests and the script)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "project"
"""The tests' own content: data/ and the pages and pictures under docs/, as the sample was on 6 December 2026. It
changes with the code that needs it, never with the sample."""
CODE_IN_DOCS = ("index.md", "bao-chi.md", "huong-dan", "assets/congbo.css", "assets/highlight.js", "assets/when.js", "assets/page.js")
"""What under docs/ is the project's code, not content: the pages that call macros (code owners review them, as
the README's CODEOWNERS says), the guide, the theme's CSS and scripts. Taken from the repository into every test
project."""
# The fixed build date of the test builds: 2026-11-20 09:00 +07:00 (the December action month is upcoming).
TEST_EPOCH = "1795140000"
TEST_TODAY = dt.date(2026, 11, 20)  # the date of TEST_EPOCH in Vietnam
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = ROOT / "test-output"


SITE = ROOT / "site"  # what `bash scripts/build.sh` built: the tests build elsewhere and never touch it
SITE_BEFORE = pytest.StashKey[dict]()


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file and folder under ``folder``: its modification time and its content's hash."""
    found = {}
    for path in sorted(folder.rglob("*")) if folder.exists() else []:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        found[path.relative_to(folder).as_posix()] = (path.lstat().st_mtime_ns, digest)
    return found


def pytest_sessionstart(session):
    session.stash[SITE_BEFORE] = snapshot(SITE)


def pytest_sessionfinish(session, exitstatus):
    """A run that changed site/ fails, whatever its tests said: site/ is what gets published."""
    before, after = session.stash.get(SITE_BEFORE, None), snapshot(SITE)
    if before is None or before == after:
        return
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    message = (
        f"The tests changed {SITE} ({', '.join(changed[:3])}{', …' if len(changed) > 3 else ''}): "
        "a test must build into a temporary folder, never into the repository's site/."
    )
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write("\n")
        reporter.write_sep("=", "site/ changed", red=True)
        reporter.write_line(message)
    else:
        print(message, file=sys.stderr)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SOURCE_DATE_EPOCH": TEST_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
    env.update(extra)
    return env


def mkdocs_build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder (a subprocess, as editors run it).

    Not ``-q``: MkDocs 1.6 counts only the warnings it logs, so ``--strict -q`` passes a build
    with broken links."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=build_env(**extra_env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def is_content(rel: str) -> bool:
    """Whether a path of the repository is content an editor changes (data/ but its schemas, docs/ but
    `CODE_IN_DOCS`): a test project takes it from `FIXTURE` instead."""
    if rel.startswith("data/"):
        return not rel.startswith("data/schema/")
    if rel.startswith("docs/"):
        return not any(rel == f"docs/{code}" or rel.startswith(f"docs/{code}/") for code in CODE_IN_DOCS)
    return False


def copy_project(dest: Path) -> Path:
    """A project to break or extend in a test: the repository's code (config, theme, macros, the guide, the
    schemas, the CSS and scripts under docs/) with the tests' own content (`FIXTURE`), never the sample's."""
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    shutil.copytree(ROOT / "data" / "schema", dest / "data" / "schema")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for name in CODE_IN_DOCS:
        source, target = ROOT / "docs" / name, dest / "docs" / name
        shutil.copytree(source, target) if source.is_dir() else shutil.copy2(source, target)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / "congbo").symlink_to(ROOT / "congbo")  # mkdocs.yml watches it
    return dest


def replace(root: Path, rel: str, old: str, new: str) -> str:
    """Replace the first ``old`` in a data file; return the file's new text."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def append(root: Path, rel: str, text: str) -> str:
    """Add ``text`` at the end of a data file; return the file's new text."""
    path = root / rel
    written = path.read_text(encoding="utf-8") + text
    path.write_text(written, encoding="utf-8")
    return written


def load_problems(root: Path, today=TEST_TODAY) -> list[str]:
    """The messages the loader gives for the data under ``root`` (which must have some)."""
    from congbo.errors import DataError
    from congbo.load import load_site

    with pytest.raises(DataError) as caught:
        load_site(root, today=today)
    return [str(p) for p in caught.value.problems]


def where(text: str, needle: str, occurrence: int = 1) -> str:
    """'line:column' of the start of ``needle`` (after leading spaces) in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    start += len(needle) - len(needle.lstrip(" -"))
    line_start = text.rfind("\n", 0, start) + 1
    return f"{text.count(chr(10), 0, start) + 1}:{start - line_start + 1}"


# --- tiers -----------------------------------------------------------------------------------
# fast: everything not marked browser or slow (`bash scripts/test.sh fast`); browser: Chromium; slow: the
# extra full builds, the build script's subprocess builds, the benchmarks, the workflow's steps run here.
SLOW_MODULES = {
    "test_benchmark",
    "test_build",
    "test_build_script",
    "test_second_site",
    "test_scripts",
    "test_golden",
    "test_mkdocs_plugin",
    "test_site_guard",
    "test_load",  # hypothesis: hundreds of loads
    "test_escaping",  # a whole poisoned build
    "test_history",  # git repositories and builds of their own
    "test_first_screens",  # builds with a contact, a repository
    "test_zensical",  # a Zensical build and a MkDocs build of the sample
}
SLOW_TESTS = {
    "test_the_workflow_steps_run_here",
    "test_two_builds_with_history_are_byte_identical",
    "test_pre_commit_hook_runs_the_data_check",
    "test_newsboat_keeps_every_item_of_every_feed",
    "test_renamed_article_keeps_its_guid_and_builds_are_byte_identical",
    "test_a_preview_build_has_a_banner_noindex_and_its_own_address_and_the_site_has_neither",
    "test_a_wrong_preview_name_stops_the_build",
    "test_the_check_and_the_strict_build_flag_the_same_links",
    # congbo.content's refusals made by the build too, each a build of its own
    "test_the_payload_in_a_new_page_runs_nothing",
    "test_the_payload_in_the_press_page_runs_nothing",
    "test_a_link_is_refused_by_the_check_and_the_build",
    "test_a_page_an_editor_adds_is_published_sanitised",
    "test_a_hand_written_twin_of_a_made_page_is_refused_before_cleaning",
    "test_a_written_pages_title_and_description_are_published_escaped",
    "test_the_build_publishes_photos_upright_shrunk_and_stripped",
    "test_the_page_and_the_feeds_state_the_published_file",
    "test_two_builds_with_photos_are_byte_identical",
}

# The browser tests are parametrised by page type (`name`); a content change reaches these types. They run on
# the tests' own content (FIXTURE), never the changed record's page: the preview's screenshots show that.
PAGE_TYPES_OF_KIND = {
    "plan": {"plan", "plan-bac-giang", "plans", "calendar", "calendar-year", "organisation", "event"},
    "event": {"event", "calendar", "calendar-year", "home"},
    "observance": {"observance", "programme", "calendar", "calendar-year", "home"},
    "organisation": {"organisation", "organisations", "plan"},
    "article": {"article", "article-with-image", "column", "category", "year-archive", "home"},
}
"""Kinds not here (the site's settings, a hand-written page) reach every page type."""


def pytest_addoption(parser):
    parser.addoption(
        "--pages-changed-since",
        metavar="BASE",
        help="of the browser tests parametrised by page type, run only those of the types the content changed since BASE (git) reaches",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.module.__name__ in SLOW_MODULES or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
    base = config.getoption("--pages-changed-since")
    if not base:
        return
    from congbo.changes import branch_changes

    kinds = {change.kind for change in branch_changes(ROOT, base)}
    reached = None if kinds - set(PAGE_TYPES_OF_KIND) else set().union(*(PAGE_TYPES_OF_KIND[k] for k in kinds))
    kept, dropped = [], []
    for item in items:
        name = item.callspec.params.get("name") if hasattr(item, "callspec") else None
        by_page = item.get_closest_marker("browser") and isinstance(name, str)
        (dropped if by_page and reached is not None and name not in reached else kept).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


@pytest.fixture(scope="session")
def project_dir(tmp_path_factory) -> Path:
    """The tests' own project (`copy_project`), made once per run: read it, never change it."""
    return copy_project(tmp_path_factory.mktemp("project") / "project")


@pytest.fixture(scope="session")
def site(project_dir):
    """The tests' own data, loaded and checked, as of the test build date."""
    from congbo.load import load_site

    return load_site(project_dir, today=TEST_TODAY, docs_dir=project_dir / "docs")


@pytest.fixture(scope="session")
def sample_site():
    """The sample's data (what the site publishes), loaded and checked: for the sample tier only."""
    from congbo.load import load_site

    return load_site(ROOT, today=TEST_TODAY, docs_dir=ROOT / "docs")


def read_page(built_site: Path, url: str):
    """A built page's HTML tree, without the headings' permalink marks."""
    from lxml import html

    page = html.fromstring((built_site / url / "index.html").read_text(encoding="utf-8"))
    for link in page.xpath("//a[@class='headerlink']"):
        link.drop_tree()
    return page


def text_of(node) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, project_dir) -> Path:
    """The tests' own project, built once per test run with the fixed build date, and as outside git (no "Cập
    nhật lần cuối", no document history): the repository's own history moves with every commit, and the
    tests that compare builds or read pages must not (tests/test_history.py makes a history of its own)."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(project_dir, site_dir, GIT_DIR=os.devnull)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built sample site served on loopback."""
    handler = functools.partial(Handler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: the test command installs Debian's 'chromium' package")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def screenshot_path(name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT / f"{name}.png"


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Wait until ``expression`` is true in the page. Playwright's ``wait_for_function`` polls by
    evaluating a string inside the page, which the site's Content-Security-Policy (no 'unsafe-eval')
    refuses; ``page.evaluate`` goes through the browser's protocol and is not refused."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {expression}")
        page.wait_for_timeout(100)
