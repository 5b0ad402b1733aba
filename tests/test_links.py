"""congbo.links: the check refuses exactly the links the strict MkDocs build fails on, in Vietnamese, at
their line and column, so the build never fails on content that passed the check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_env, copy_project, mkdocs_build

from congbo import links

ARTICLE = "docs/chuyen-muc/2022/thang-hanh-dong.md"

GOOD = [
    "../2021/ke-hoach-ky-niem-60-nam.md",
    "../2021/ke-hoach-ky-niem-60-nam.md#muc-dich",
    "../anh/chia-se.png",
    "../../lich/index.md",
    "../../ngay-ky-niem/ngay-dan-so-the-gioi/index.md",
    "../../bao-chi.md#nguon-tin",
    "#can-cu",
    "https://example.org/x",
    "mailto:ban-bien-tap@example.org",
]
BAD = [
    "../khong-co.md",
    "/tuyet-doi/",
    "../../ngay-ky-niem/ngay-dan-so-the-gioi/index.md#khong-co-neo",
    "../anh/khong-co.png",
    "../2021/",
    "../2021/ke-hoach-ky-niem-60-nam.md#khong-co",
    "#khong-co-muc-nay",
]


def with_links(project: Path, urls: list[str]) -> str:
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8") + "\n" + "\n\n".join(f"[liên kết {i}]({url})" for i, url in enumerate(urls)) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def test_the_check_and_the_strict_build_flag_the_same_links(tmp_path):
    project = copy_project(tmp_path / "project")
    text = with_links(project, GOOD + BAD)
    check = subprocess.run(
        [sys.executable, "-m", "congbo", "check", str(project)], cwd=project, env=build_env(), capture_output=True, text=True, timeout=120
    )
    build = mkdocs_build(project, tmp_path / "site")
    assert check.returncode == 1 and build.returncode == 1
    flagged_by_check = set(re.findall(r"liên kết '([^']*)'", check.stderr))
    flagged_by_mkdocs = set(re.findall(r"contains (?:a|an absolute|an unrecognized relative) link '([^']*)'", build.stderr))
    assert flagged_by_check == flagged_by_mkdocs == set(BAD)
    for url in BAD:  # each at its own line, column 1 + the length of '[liên kết N]('
        line = text.split("\n").index(next(line for line in text.split("\n") if f"]({url})" in line)) + 1
        assert f"{ARTICLE}:{line}:{text.split(chr(10))[line - 1].index(url) + 1}: liên kết '{url}'" in check.stderr


def test_good_links_pass_the_check(tmp_path):
    project = copy_project(tmp_path / "project")
    with_links(project, GOOD)
    check = subprocess.run(
        [sys.executable, "-m", "congbo", "check", str(project)], cwd=project, env=build_env(), capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("x.md", None),
        ("sub/y.png", None),
        ("x.md#a", None),
        ("x.md#b", "liên kết 'x.md#b': trang docs/d/x.md không có mục '#b'"),
        ("z.md#b", None),  # a page whose ids are not known is not checked
        ("/x.md", "liên kết '/x.md' bắt đầu bằng '/'"),
        ("nowhere.md", "liên kết 'nowhere.md' trỏ tới docs/d/nowhere.md, nhưng không có tệp này"),
        ("../../../etc/passwd", "liên kết '../../../etc/passwd' không trỏ tới tệp nào"),
        ("sub/", "liên kết 'sub/' không trỏ tới tệp nào"),
        ("#here", None),
        ("#gone", "liên kết '#gone': trang này không có mục '#gone'"),
        ("https://example.org/", None),
        ("tel:+84", None),
    ],
)
def test_link_mistakes(url, expected):
    files = {"d/x.md", "d/sub/y.png", "d/z.md", "d/page.md"}
    anchors = {"d/x.md": {"a"}, "d/z.md": None, "d/page.md": {"here"}}
    found = links.link_mistake("d/page.md", url, files, anchors)
    assert (found is None) if expected is None else found.startswith(expected)


def test_a_problem_stands_at_the_links_line_and_column():
    page = links.WrittenPage("docs/a.md", "a.md", "# A\n\nchữ [x](khong.md) và\n", 5)
    assert [(p.line, p.column) for p in links.check_links([page], {"a.md"}, {})] == [(7, 9)]


def test_the_extensions_are_mkdocs_ymls():
    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Tolerant)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert tuple(names) == links.MARKDOWN_EXTENSIONS
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert "slugify" in toc  # the project's slugs, which links.render uses too
    assert config["validation"]["links"] == {"not_found": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"}
