"""Edit links: every generated page's "Sửa trang này" opens the data file (and line) it comes from;
articles and hand-written pages open their own file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from congbo import urls
from congbo.edit import edit_sources, edit_uri, repository_links
from congbo.errors import DataError
from congbo.load import load_site
from congbo.outputs import render_all_pages
from conftest import FIXTURE, TEST_TODAY, build_env, copy_project, mkdocs_build, read_page

REPO = "https://github.com/example-owner/example-repo/"  # a test value, in a copy: the sample leaves `repository` unset


def line_of(rel: str, needle: str) -> int:
    lines = (FIXTURE / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))


def test_every_generated_page_but_the_plans_index_has_a_source(site):
    pages = render_all_pages(site, "https://example.invalid/")
    sources = edit_sources(site, pages)
    assert set(pages) - set(sources) == {urls.src_of(urls.DOCUMENTS)}
    for path, _ in sources.values():
        assert (FIXTURE / path).is_file() and path.startswith("data/")


def test_edit_uri_leaves_docs_for_the_data_file():
    assert edit_uri(("data/events.yml", 7), "docs") == "../data/events.yml#L7"
    assert edit_uri(("data/plans/a.yml", 1), "docs") == "../data/plans/a.yml"


def add_repository(project: Path, value: str) -> int:
    """Set data/site.yml's repository in a copy (a last line, so no record moves); its line number."""
    path = project / "data/site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"repository: {value}\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.fixture(scope="module")
def built_with_repo(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("edit") / "p")
    # The address is one field of data/site.yml; the plugin makes repo_url and edit_uri from it.
    add_repository(project, REPO.rstrip("/"))
    site_dir = project / "out"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def edit_link(built: Path, url: str) -> str:
    [link] = read_page(built, url).xpath("//a[@title='Sửa trang này']")
    return link.get("href")


DOCUMENT = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
CASES = [
    ("plan", urls.document(DOCUMENT), f"data/plans/{DOCUMENT}.yml"),
    (
        "organisation",
        urls.organisation("so-y-te-lang-son"),
        "data/organisations.yml#L{}".format(line_of("data/organisations.yml", "- id: so-y-te-lang-son")),
    ),
    (
        "observance",
        urls.observance("ngay-dan-so-viet-nam"),
        "data/observances.yml#L{}".format(line_of("data/observances.yml", "- id: ngay-dan-so-viet-nam")),
    ),
    (
        "event",
        urls.event("hoi-nghi-icpd-cairo-1994"),
        "data/events.yml#L{}".format(line_of("data/events.yml", "- id: hoi-nghi-icpd-cairo-1994")),
    ),
    # a dated activity kept as a published event: its page opens the document, at the activity
    (
        "event from a document",
        urls.event("han-lien-hoan-cap-huyen-lang-son-2021"),
        f"data/plans/{DOCUMENT}.yml#L{{}}".format(line_of(f"data/plans/{DOCUMENT}.yml", "  - id: lien-hoan-cap-huyen")),
    ),
    (
        "programme",
        urls.programme("ngay-dan-so-viet-nam", 2021),
        "data/observances.yml#L{}".format(line_of("data/observances.yml", "- id: ngay-dan-so-viet-nam")),
    ),
    ("calendar", urls.CALENDAR, "data/observances.yml"),
    ("column listing", urls.COLUMN, "data/site.yml#L{}".format(line_of("data/site.yml", "column:"))),
    ("column archive", urls.COLUMN_ARCHIVE, "data/site.yml#L{}".format(line_of("data/site.yml", "column:"))),
    ("organisations index", urls.ORGANISATIONS, "data/organisations.yml"),
    ("article", urls.article("bieu-duong-nguoi-lam-dan-so-co-so"), "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"),
    ("hand-written page", urls.PRESS, "docs/bao-chi.md"),
]


@pytest.mark.parametrize("kind, url, expected", CASES, ids=[c[0] for c in CASES])
def test_edit_link_names_the_data_file(built_with_repo, kind, url, expected):
    assert edit_link(built_with_repo, url) == f"{REPO}edit/main/{expected}"


def test_the_plans_index_has_no_edit_link(built_with_repo):
    assert read_page(built_with_repo, urls.DOCUMENTS).xpath("//a[@title='Sửa trang này']") == []


def test_every_page_has_an_edit_link_when_the_repository_is_set(built_with_repo):
    pages = sorted(built_with_repo.rglob("index.html"))
    without = [
        p.relative_to(built_with_repo).parent.as_posix() + "/"
        for p in pages
        if not read_page(built_with_repo, p.relative_to(built_with_repo).parent.as_posix()).xpath("//a[@title='Sửa trang này']")
    ]
    assert len(pages) > 100 and without == [urls.DOCUMENTS]


def test_no_edit_link_and_a_notice_while_the_repository_is_unset(built_site, project_dir):
    """The tests' content leaves the address unset: no link, and the check says why, as a notice."""
    assert "repository:" not in (project_dir / "data/site.yml").read_text(encoding="utf-8").replace("# repository:", "")
    assert read_page(built_site, urls.PRESS).xpath("//a[@title='Sửa trang này']") == []
    for output, expected in (
        ("text", "Lưu ý: data/site.yml chưa có 'repository'"),
        ("github", "::notice title=Chưa có địa chỉ kho::data/site.yml chưa có 'repository'"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "congbo", "check", "--format", output, str(project_dir)], capture_output=True, text=True, env=build_env()
        )
        assert result.returncode == 0 and "::error" not in result.stdout
        assert expected in result.stdout and "Sửa trang này" in result.stdout


def test_repository_links_for_github_and_gitlab():
    assert repository_links("https://github.com/o/r", "main", "docs") == ("https://github.com/o/r/", "edit/main/docs/")
    assert repository_links("https://gitlab.com/g/s/r", "chinh", "docs") == ("https://gitlab.com/g/s/r/", "-/edit/chinh/docs/")


@pytest.mark.parametrize("value", ["https://github.com/o/r/", "https://github.com/o/r.git", "github.com/o/r", "https://github.com/o"])
def test_a_repository_address_of_another_shape_is_refused(tmp_path, value):
    project = copy_project(tmp_path / "p")
    line = add_repository(project, value)
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    [problem] = caught.value.problems
    assert str(problem) == (
        f"data/site.yml:{line}:1: repository: địa chỉ kho '{value}' phải có dạng "
        "'https://github.com/<tài-khoản>/<tên-kho>' (không có '/' hay '.git' ở cuối)"
    )
