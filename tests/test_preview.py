"""A pull request's preview: CONGBO_PREVIEW makes a build say so on every page (banner, noindex) and point at
its own address; the site's robots.txt keeps pr-preview/ out of search engines; `congbo changes --format json`
and scripts/preview_shots.py make the pull request's comment with 360 px screenshots from a real build."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lxml import html

from congbo import preview
from congbo.outputs import made_paths, render_outputs
from conftest import ROOT, build_env, copy_project, mkdocs_build, read_page
from test_workflows import copy_checkout

URL = "https://danso.langson.gov.vn/"


def test_the_preview_name_is_a_pull_requests_number_or_nothing():
    assert preview.preview_name({}) is None and preview.preview_name({preview.ENV: ""}) is None
    assert preview.preview_name({preview.ENV: "pr-12"}) == "pr-12"
    for wrong in ("12", "pr-0", "pr-1/../x", "pr-", "PR-3"):
        with pytest.raises(ValueError, match="pr-<số"):
            preview.preview_name({preview.ENV: wrong})
    assert preview.preview_url("https://a.gov.vn/", "pr-3") == "https://a.gov.vn/pr-preview/pr-3/"


def test_robots_txt_disallows_the_previews_under_the_sites_path():
    assert preview.render_robots_txt("https://a.gov.vn/") == (
        "User-agent: *\nDisallow: /pr-preview/\nSitemap: https://a.gov.vn/sitemap.xml\n"
    )
    assert "Disallow: /repo/pr-preview/\n" in preview.render_robots_txt("https://owner.github.io/repo/")


def test_robots_txt_is_made_from_the_published_address_even_for_a_preview(site):
    outputs = render_outputs(site, preview.preview_url(site.info.url, "pr-4"))
    assert outputs["robots.txt"] == preview.render_robots_txt(site.info.url)
    assert "robots.txt" in made_paths(site, outputs)  # a docs/robots.txt would be refused as its twin


def test_a_preview_build_has_a_banner_noindex_and_its_own_address_and_the_site_has_neither(built_site, tmp_path):
    site_dir = tmp_path / "site"
    result = mkdocs_build(copy_project(tmp_path / "project"), site_dir, **{preview.ENV: "pr-7"})
    assert result.returncode == 0, result.stderr
    root = URL + "pr-preview/pr-7/"
    pages = {url: read_page(site_dir, url) for url in ("", "bai-viet/ngay-dan-so-the-gioi-11-7/", "lich/")}
    pages["404.html"] = html.fromstring((site_dir / "404.html").read_text(encoding="utf-8"))
    for url, page in pages.items():
        assert page.xpath("//meta[@name='robots']/@content") == ["noindex"], url
        assert [b.text_content().strip() for b in page.xpath("//aside[@class='md-banner']//p[@class='cb-preview']")] == [preview.BANNER]
    assert read_page(site_dir, "lich/").xpath("//link[@rel='canonical']/@href") == [root + "lich/"]
    assert f"<link>{root}" in (site_dir / "rss.xml").read_text(encoding="utf-8")
    assert (site_dir / "robots.txt").read_text(encoding="utf-8") == preview.render_robots_txt(URL)
    # The published site: no banner, no noindex, its own address.
    home = read_page(built_site, "")
    assert not home.xpath("//meta[@name='robots']") and not home.xpath("//*[contains(@class, 'md-banner')]")
    assert (built_site / "robots.txt").read_text(
        encoding="utf-8"
    ) == "User-agent: *\nDisallow: /pr-preview/\nSitemap: " + URL + "sitemap.xml\n"
    assert '<meta name="robots"' not in (built_site / "404.html").read_text(encoding="utf-8")


def test_a_wrong_preview_name_stops_the_build(tmp_path):
    result = mkdocs_build(copy_project(tmp_path / "project"), tmp_path / "site", **{preview.ENV: "../x"})
    assert result.returncode != 0 and "CONGBO_PREVIEW phải có dạng" in result.stderr


@pytest.mark.browser
def test_preview_shots_photographs_the_changed_article_and_writes_the_comment(tmp_path):
    """On a copy of the project with one changed article: the workflow's three preview commands."""
    from PIL import Image

    project = copy_checkout(tmp_path / "project")
    article = project / "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    env = build_env(**{preview.ENV: "pr-9"})
    changes = subprocess.run(
        [sys.executable, "-m", "congbo", "changes", "--base", "HEAD", "--format", "json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    summary = json.loads(changes)
    [change] = summary["changes"]
    page = change["url"]
    assert change["kind"] == "article" and change["address"] == URL + "pr-preview/pr-9/" + page
    (project / "changes.json").write_text(changes, encoding="utf-8")
    built = mkdocs_build(project, project / "site", **{preview.ENV: "pr-9"})
    assert built.returncode == 0, built.stderr
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "preview_shots.py"), "site", "changes.json", "site/_preview/binh-luan.md"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    shot = project / "site" / "_preview" / (page.strip("/").replace("/", "-") + ".png")
    with Image.open(shot) as image:
        assert image.size == (720, 1560)  # 360 × 780 CSS pixels at a phone's density of 2
    comment = (project / "site/_preview/binh-luan.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- congbo: bản xem trước -->\n### Bản xem trước")
    assert f"[{change['name']}]({change['address']})" in comment
    assert f'<img src="{URL}pr-preview/pr-9/_preview/{shot.name}" width="180"' in comment
