"""Edit links: every generated page's "Sửa trang này" opens the data file (and line) it comes from;
articles and hand-written pages open their own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from congbo import urls
from congbo.edit import edit_sources, edit_uri
from congbo.outputs import render_all_pages
from conftest import ROOT, copy_project, mkdocs_build, read_page

REPO = "https://example.invalid/owner/repo/"  # a test configuration: the real address goes in mkdocs.yml


def line_of(rel: str, needle: str) -> int:
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))


def test_every_generated_page_but_the_plans_index_has_a_source(site):
    pages = render_all_pages(site, "https://example.invalid/")
    sources = edit_sources(site, pages)
    assert set(pages) - set(sources) == {urls.src_of(urls.PLANS)}
    for path, _ in sources.values():
        assert (ROOT / path).is_file() and path.startswith("data/")


def test_edit_uri_leaves_docs_for_the_data_file():
    assert edit_uri(("data/events.yml", 7), "docs") == "../data/events.yml#L7"
    assert edit_uri(("data/plans/a.yml", 1), "docs") == "../data/plans/a.yml"


@pytest.fixture(scope="module")
def built_with_repo(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("edit") / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {REPO}\nedit_uri: edit/main/docs/\n", encoding="utf-8")
    site_dir = project / "out"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def edit_link(built: Path, url: str) -> str:
    [link] = read_page(built, url).xpath("//a[@title='Sửa trang này']")
    return link.get("href")


PLAN = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
CASES = [
    ("plan", urls.plan(PLAN), f"data/plans/{PLAN}.yml"),
    ("organisation", urls.organisation("so-y-te-lang-son"), "data/organisations.yml#L{}".format(line_of("data/organisations.yml", "- id: so-y-te-lang-son"))),
    ("observance", urls.observance("ngay-dan-so-viet-nam"), "data/observances.yml#L{}".format(line_of("data/observances.yml", "- id: ngay-dan-so-viet-nam"))),
    ("event", urls.event("hoi-nghi-icpd-cairo-1994"),
     "data/events.yml#L{}".format(line_of("data/events.yml", "- id: hoi-nghi-icpd-cairo-1994"))),
    # a dated activity kept as a published event: its page opens the document, at the activity
    ("event from a document", urls.event("han-lien-hoan-cap-huyen-lang-son-2021"),
     f"data/plans/{PLAN}.yml#L{{}}".format(line_of(f"data/plans/{PLAN}.yml", "  - id: lien-hoan-cap-huyen"))),
    ("programme", urls.programme("ngay-dan-so-viet-nam", 2021), "data/observances.yml#L{}".format(line_of("data/observances.yml", "- id: ngay-dan-so-viet-nam"))),
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
    assert read_page(built_with_repo, urls.PLANS).xpath("//a[@title='Sửa trang này']") == []
