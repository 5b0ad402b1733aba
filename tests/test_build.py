"""The sample site builds strictly, every internal link resolves, and two builds are byte-identical."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import html

from conftest import mkdocs_build

BASE = "http://x.invalid/"


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(built_site, project_dir, tmp_path):
    """Built as `built_site` is, outside git (tests/test_history.py builds twice with a history)."""
    again = tmp_path / "again"
    result = mkdocs_build(project_dir, again, GIT_DIR=os.devnull)
    assert result.returncode == 0, result.stderr
    assert site_files(built_site) == site_files(again)
    _, mismatch, errors = filecmp.cmpfiles(built_site, again, site_files(built_site), shallow=False)
    assert mismatch == [] and errors == []


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for page in built_site.rglob("*.html"):
        rel = page.relative_to(built_site).as_posix()
        url = urljoin(BASE, rel.removesuffix("index.html"))
        tree = html.fromstring(page.read_bytes())
        ids[url] = set(tree.xpath("//@id"))
        for href in tree.xpath("//a/@href | //link[@rel='alternate']/@href"):
            links.append((url, href))
    broken = []
    for url, href in links:
        target = urlparse(urljoin(url, href))
        if f"{target.scheme}://{target.netloc}/" != BASE:
            continue
        path = unquote(target.path)
        file = built_site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if not file.exists():
            broken.append(f"{url} → {href}")
        elif target.fragment and file.suffix == ".html" and target.fragment not in ids[urljoin(BASE, path)]:
            broken.append(f"{url} → {href} (no anchor)")
    assert broken == []
    assert len(links) > 200


def test_generated_pages_exist_for_every_record(built_site, site):
    for document in site.documents:
        assert (built_site / "ke-hoach" / document.id / "index.html").is_file()
    for org in site.organisations:
        assert (built_site / "co-quan" / org.id / "index.html").is_file()
    for obs in site.observances:
        assert (built_site / "ngay-ky-niem" / obs.id / "index.html").is_file()


def test_pages_are_vietnamese_with_ascii_urls(built_site):
    tree = html.fromstring((built_site / "index.html").read_bytes())
    assert tree.get("lang") == "vi"
    for page in built_site.rglob("*.html"):
        assert page.relative_to(built_site).as_posix().isascii()
    document = html.fromstring((built_site / "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/index.html").read_bytes())
    heading_ids = document.xpath("//h2/@id | //h3/@id | //h4/@id")
    assert heading_ids and all(i.isascii() for i in heading_ids)
