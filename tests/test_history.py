"""'Cập nhật lần cuối' and a document's history of changes, from git: on a repository the test makes
(the sample committed on 01/02/2026, then a document's recipients and date changed on 12/03/2026),
outside git, and in a shallow clone."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TEST_TODAY, copy_project, mkdocs_build, read_page, replace, text_of

from congbo import edit, history, urls
from congbo.load import load_site
from congbo.outputs import render_all_pages

DOCUMENT = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
DOCUMENT_FILE = f"data/plans/{DOCUMENT}.yml"
OTHER = "quyet-dinh-72-2001-qd-ttg"
FIRST_DAY, SECOND_DAY = "2026-02-01T09:00:00+07:00", "2026-03-12T23:30:00+07:00"  # 16:30 UTC: still 12/03 in Vietnam


def commit(root: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git = ["git", "-c", "user.name=congbo", "-c", "user.email=congbo@example.invalid", "-c", "commit.gpgsign=false"]
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run([*git, *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("history"))
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "sample", FIRST_DAY)
    replace(root, DOCUMENT_FILE, '  - text: "Bộ Y tế"', '  - text: "Bộ Y tế (Tổng cục Dân số)"')
    replace(root, DOCUMENT_FILE, "date: 2021-01-..", "date: 2021-01-05")
    commit(root, "a document's recipients and date", SECOND_DAY)
    return root


@pytest.fixture(scope="module")
def site(repository):
    return load_site(repository, today=TEST_TODAY, docs_dir=repository / "docs", history=history.read_history(repository))


def test_a_document_page_lists_its_changes_with_the_fields_in_vietnamese(site):
    page = render_all_pages(site)[f"ke-hoach/{DOCUMENT}/index.md"].html
    assert (
        'Lịch sử cập nhật: <time datetime="2026-03-12">12/03/2026</time> — ngày ban hành, nơi nhận; '
        '<time datetime="2026-02-01">01/02/2026</time> — đăng lần đầu.'
    ) in page
    other = render_all_pages(site)[f"ke-hoach/{OTHER}/index.md"].html
    assert 'Lịch sử cập nhật: <time datetime="2026-02-01">01/02/2026</time> — đăng lần đầu.' in other


def test_each_page_last_changed_when_its_record_or_file_did(site):
    pages = render_all_pages(site)
    updated = edit.page_updates(site, [*pages, "index.md"], pages, "docs")
    assert set(pages) <= set(updated)  # every generated page has a date
    assert updated[f"ke-hoach/{DOCUMENT}/index.md"].date() == dt.date(2026, 3, 12)  # in Vietnam: 16:30 UTC
    assert updated[f"ke-hoach/{OTHER}/index.md"].date() == dt.date(2026, 2, 1)
    assert updated[urls.src_of(urls.DOCUMENTS)].date() == dt.date(2026, 3, 12)  # a listing: its newest file
    assert updated["index.md"].date() == dt.date(2026, 2, 1)  # a written page: its file


def test_the_history_costs_three_git_processes_whatever_the_number_of_pages(repository, monkeypatch):
    calls = []
    run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda command, *a, **k: calls.append(command[5]) or run(command, *a, **k))
    found = history.read_history(repository)
    assert calls == ["rev-parse", "log", "cat-file"]
    assert len(found.records[("plan", DOCUMENT)]) == 2


def test_a_shallow_clone_or_no_repository_has_no_history(repository, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True, capture_output=True)
    assert history.read_history(clone) == history.NO_HISTORY
    plain = tmp_path / "plain"
    shutil.copytree(repository / "data", plain / "data")
    assert history.read_history(plain) == history.NO_HISTORY


def built_updated(site_dir: Path, url: str) -> list[str]:
    return [text_of(p) for p in read_page(site_dir, url).xpath("//p[@class='cb-updated']")]


@pytest.fixture(scope="module")
def built(repository, tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(repository, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_the_built_pages_say_when_they_last_changed(built):
    assert built_updated(built, urls.document(DOCUMENT)) == ["Cập nhật lần cuối: ngày 12/03/2026"]
    assert built_updated(built, urls.document(OTHER)) == ["Cập nhật lần cuối: ngày 01/02/2026"]
    assert built_updated(built, "") == ["Cập nhật lần cuối: ngày 01/02/2026"]
    assert built_updated(built, urls.article("bieu-duong-nguoi-lam-dan-so-co-so")) == ["Cập nhật lần cuối: ngày 01/02/2026"]
    history_line = text_of(read_page(built, urls.document(DOCUMENT)).xpath("//p[@class='cb-history']")[0])
    assert history_line == "Lịch sử cập nhật: 12/03/2026 — ngày ban hành, nơi nhận; 01/02/2026 — đăng lần đầu."


def test_two_builds_with_history_are_byte_identical(repository, built, tmp_path):
    again = tmp_path / "site"
    assert mkdocs_build(repository, again).returncode == 0
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert [f for f in files if (built / f).read_bytes() != (again / f).read_bytes()] == []


def test_a_build_outside_git_says_nothing_of_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    for url in ("", urls.document(DOCUMENT), urls.article("bieu-duong-nguoi-lam-dan-so-co-so"), urls.CALENDAR):
        page = read_page(site_dir, url)
        assert not page.xpath("//p[@class='cb-updated'] | //p[@class='cb-history']"), url
