"""``congbo changes``: records added, changed and removed between a base revision and the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from congbo.__main__ import main
from congbo.changes import branch_changes, render_summary
from conftest import copy_project, replace

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
ARTICLE = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    root = copy_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data", "docs")
    git(root, "commit", "-q", "-m", "base")
    return root


def test_added_changed_and_removed_records(repo):
    replace(repo, "data/events.yml", "date: 2021-09-15", "date: 2021-09-16")
    (repo / LANG_SON).unlink()
    text = (repo / ARTICLE).read_text(encoding="utf-8")
    new_article = repo / "docs/chuyen-muc/2026/bai-moi.md"
    new_article.parent.mkdir(exist_ok=True)
    new_article.write_text(text.replace("id: bieu-duong-nguoi-lam-dan-so-co-so", "id: bai-moi")
                           .replace('title: "Biểu dương', 'title: "Bài mới: biểu dương'), encoding="utf-8")
    found = [(c.kind, c.status, c.record_id, c.url) for c in branch_changes(repo, "main")]
    assert found == [
        ("event", "changed", "han-lien-hoan-cap-huyen-lang-son-2021", "su-kien/han-lien-hoan-cap-huyen-lang-son-2021/"),
        ("plan", "removed", "ke-hoach-60-nam-dan-so-viet-nam-lang-son", "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/"),
        ("article", "added", "bai-moi", "bai-viet/bai-moi/"),
    ]


def test_moving_an_article_file_changes_nothing_an_editor_sees(repo):
    (repo / ARTICLE).rename(repo / "docs/chuyen-muc/2021/ten-khac.md")
    assert branch_changes(repo, "main") == []


def test_summary_is_vietnamese_with_links(repo, tmp_path, monkeypatch, capsys):
    replace(repo, "data/events.yml", "date: 2021-09-15", "date: 2021-09-16")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["changes", str(repo), "--base", "main", "--site-url", "https://example.invalid/"]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "thêm 0, sửa 1, bỏ 0 mục." in text
    assert ("| sửa | sự kiện | Hạn hoàn thành Liên hoan tuyên truyền viên dân số cấp huyện | "
            "[su-kien/han-lien-hoan-cap-huyen-lang-son-2021/](https://example.invalid/su-kien/han-lien-hoan-cap-huyen-lang-son-2021/) |") in text
    assert capsys.readouterr().out.strip() == text.strip()


def test_no_change_says_so():
    assert "Nhánh này không thay đổi nội dung" in render_summary([], "main", "https://example.invalid/")


def test_an_unknown_base_is_a_message_not_a_traceback(repo, capsys):
    assert main(["changes", str(repo), "--base", "khong-co"]) == 1
    assert "Không so sánh được với 'khong-co'" in capsys.readouterr().err
