"""The MkDocs glue: the same site whatever the plugins' order, templates reloaded under `serve`,
clear refusals, and nothing made off MkDocs's ordinary page path."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_env, copy_project, mkdocs_build

from congbo import urls

DOCUMENT = urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")


def with_plugins(root: Path, order: list[str]) -> None:
    """Rewrite the project's mkdocs.yml with its plugins in ``order`` (names as listed there)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("plugins:\n"), text.index("\nmarkdown_extensions:")
    entries = re.split(r"\n(?=  - )", text[start + len("plugins:\n") : end])
    by_name = {re.match(r"  - (\w+)", entry).group(1): entry for entry in entries}
    assert sorted(by_name) == sorted(order)
    config.write_text(text[:start] + "plugins:\n" + "\n".join(by_name[n] for n in order) + "\n" + text[end:], encoding="utf-8")


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize("order", [["search", "macros", "congbo"], ["macros", "search", "congbo"]])
def test_the_plugins_order_changes_nothing(built_site, tmp_path, order):
    root = copy_project(tmp_path / "project")
    with_plugins(root, order)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    files = site_files(built_site)
    assert site_files(tmp_path / "site") == files
    _, mismatch, errors = filecmp.cmpfiles(built_site, tmp_path / "site", files, shallow=False)
    assert (mismatch, errors) == ([], [])
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert f"{DOCUMENT}#muc-tuyen-truyen" in {doc["location"] for doc in index["docs"]}


def test_the_plugin_order_of_mkdocs_yml_is_the_one_tested():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == ["congbo", "search", "macros"]


def test_a_relative_config_path_builds_the_same_site(built_site, tmp_path):
    """`mkdocs build -f mkdocs.yml` (a path relative to where it runs) once failed in on_files."""
    root = copy_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
        cwd=root,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    files = site_files(built_site)
    assert site_files(tmp_path / "site") == files
    _, mismatch, errors = filecmp.cmpfiles(built_site, tmp_path / "site", files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_a_site_without_its_address_is_refused(tmp_path):
    """The public address (for feeds and calendars) comes from data/site.yml's url; mkdocs.yml has none."""
    root = copy_project(tmp_path / "project")
    site = root / "data/site.yml"
    site.write_text(re.sub(r"^url: .*\n", "", site.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "data/site.yml:" in result.stderr and ": url: thiếu trường bắt buộc 'url'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert not re.search(r"^site_url:", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_articles_are_served_at_their_fixed_address_and_only_there(built_site, site):
    for record in site.published_articles:
        assert (built_site / urls.article(record.meta.id) / "index.html").is_file()
        stem = Path(record.src_uri).with_suffix("")
        assert not (built_site / stem / "index.html").exists()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("/bai-viet/") == len(site.published_articles)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = _fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    return page


def test_serve_shows_an_edited_template_on_the_next_rebuild(tmp_path):
    """`mkdocs serve` builds again when a watched file changes; an edited page template must show
    then, without restarting (the package is a copy, put first on the path, so the repository's
    own templates stay untouched)."""
    root = copy_project(tmp_path / "project")
    (root / "congbo").unlink()
    shutil.copytree(ROOT / "congbo", root / "congbo", ignore=shutil.ignore_patterns("__pycache__"))
    port = _free_port()
    env = build_env(PYTHONPATH=str(root))
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/{DOCUMENT}"
        assert "Bảng phân công" in _wait_for(url, "Bảng phân công", 60)
        template = root / "congbo" / "templates" / "document.html.j2"
        template.write_text(template.read_text(encoding="utf-8").replace("Bảng phân công", "Bảng phân công đã sửa"), encoding="utf-8")
        assert "Bảng phân công đã sửa" in _wait_for(url, "Bảng phân công đã sửa", 60)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_page_outside_the_nav_falls_under_the_tab_of_its_address():
    assert urls.section_of(DOCUMENT) == urls.DOCUMENTS
    assert urls.section_of(urls.event("x")) == urls.CALENDAR
    assert urls.section_of(urls.article("x")) == urls.COLUMN
    assert urls.section_of(urls.DOCUMENTS) is None  # a tab's own page
    assert urls.section_of("bao-chi/") is None


def test_the_plugin_tells_the_theme_each_page_s_tab(built_site):
    page = (built_site / DOCUMENT / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-tabs__item md-tabs__item--active">\s*<a href="\.\./" class="md-tabs__link" aria-current="location"', page)


HOLDING_HOOK = """
import gc, json, weakref
gc.disable()  # only reference counting frees: what a cycle holds stays, whenever the collector would have run
from mkdocs.plugins import event_priority
pages, articles, early_linked_data, written_linked_data = [], [], [], []
loaded, site_after_env = [], []
def on_page_markdown(markdown, page, config, files):
    site = config.plugins["congbo"].site
    if page.file.src_uri in {a.src_uri for a in site.articles}:
        articles.append(page)
    return markdown
@event_priority(200)  # before the plugin's own, which lets the data go
def on_env(env, config, files):
    early_linked_data.extend(p.file.src_uri for p in articles if "cb_jsonld" in p.meta)
    loaded.append(weakref.ref(config.plugins["congbo"].site))
    return env
@event_priority(-200)  # after the plugin's own, which makes an article's schema.org data for its template
def on_page_context(context, page, config, nav):
    if not pages:
        site_after_env.append(loaded[0]() is not None)
    pages.append(page)
    if "cb_jsonld" in context:
        written_linked_data.append(page.file.src_uri)
    return context
def on_post_build(config):
    held = [p.file.src_uri for p in pages if p.content is not None]
    with open(config.config_file_path + ".held.json", "w") as f:
        json.dump({"pages": len(pages), "held": held, "articles": len(articles),
                   "early_linked_data": early_linked_data, "written_linked_data": len(written_linked_data),
                   "kept_linked_data": sum("cb_jsonld" in p.meta for p in articles), "site_after_env": site_after_env}, f)
"""


def test_the_site_is_not_held_twice(built_site, site, tmp_path):
    """An article's body is read when MkDocs reads the page (the loader keeps none), its
    schema.org data is made when the page is built, and once written (and indexed) no page keeps its
    HTML or that data: the whole site is not held in memory twice over."""
    root = copy_project(tmp_path / "project")
    (root / "holding.py").write_text(HOLDING_HOOK, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - holding.py\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    report = json.loads((root / "mkdocs.yml.held.json").read_text(encoding="utf-8"))
    assert report["pages"] == len(list(built_site.rglob("index.html")))
    assert report["held"] == []
    assert report["articles"] == len(site.published_articles)
    # an article's schema.org data is made as its page is built, in its template context, and held by no page
    assert report["early_linked_data"] == [] and report["written_linked_data"] == report["articles"]
    assert report["kept_linked_data"] == 0
    # the loaded data is gone once the feeds are made, not at the collector's next pass (nothing derived
    # from it, a programme referring back to its site or a template's macro its render context, keeps it
    # in a cycle): the hook turns the collector off, so this holds whenever it would have run
    assert report["site_after_env"] == [False]
    files = site_files(built_site)
    _, mismatch, errors = filecmp.cmpfiles(built_site, tmp_path / "site", files, shallow=False)
    assert (mismatch, errors) == ([], [])
