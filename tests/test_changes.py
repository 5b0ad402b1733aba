"""``congbo changes``: records added, changed and removed between a base revision and the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from congbo.__main__ import main
from congbo.changes import branch_changes, compare, records_of, render_summary
from conftest import copy_project, replace

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
ARTICLE = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], check=True, capture_output=True
    )


@pytest.fixture
def repo(tmp_path) -> Path:
    root = copy_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data", "docs")
    git(root, "commit", "-q", "-m", "base")
    return root


def test_added_changed_and_removed_records(repo):
    replace(repo, "data/events.yml", "date: 1994-09-05", "date: 1994-09-06")
    (repo / LANG_SON).unlink()
    text = (repo / ARTICLE).read_text(encoding="utf-8")
    new_article = repo / "docs/chuyen-muc/2026/bai-moi.md"
    new_article.parent.mkdir(exist_ok=True)
    new_article.write_text(
        text.replace("id: bieu-duong-nguoi-lam-dan-so-co-so", "id: bai-moi").replace('title: "Biểu dương', 'title: "Bài mới: biểu dương'),
        encoding="utf-8",
    )
    found = [(c.kind, c.status, c.record_id, c.url) for c in branch_changes(repo, "main")]
    assert found == [
        ("event", "changed", "hoi-nghi-icpd-cairo-1994", "su-kien/hoi-nghi-icpd-cairo-1994/"),
        ("plan", "removed", "ke-hoach-60-nam-dan-so-viet-nam-lang-son", "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/"),
        ("article", "added", "bai-moi", "bai-viet/bai-moi/"),
    ]


def test_moving_an_article_file_changes_nothing_an_editor_sees(repo):
    (repo / ARTICLE).rename(repo / "docs/chuyen-muc/2021/ten-khac.md")
    assert branch_changes(repo, "main") == []


def test_summary_is_vietnamese_with_links(repo, tmp_path, monkeypatch, capsys):
    replace(repo, "data/events.yml", "date: 1994-09-05", "date: 1994-09-06")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["changes", str(repo), "--base", "main", "--site-url", "https://example.invalid/"]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "thêm 0, sửa 1, bỏ 0 mục." in text
    assert (
        "| sửa | sự kiện | Hội nghị Quốc tế về Dân số và Phát triển (ICPD) | "
        "[su-kien/hoi-nghi-icpd-cairo-1994/](https://example.invalid/su-kien/hoi-nghi-icpd-cairo-1994/) |"
    ) in text
    assert capsys.readouterr().out.strip() == text.strip()


def test_no_change_says_so():
    assert "Nhánh này không thay đổi nội dung" in render_summary([], "main", "https://example.invalid/")


def test_an_unknown_base_is_a_message_not_a_traceback(repo, capsys):
    assert main(["changes", str(repo), "--base", "khong-co"]) == 1
    assert "Không so sánh được với 'khong-co'" in capsys.readouterr().err


def summary_of(repo: Path, capsys, *args: str) -> str:
    assert main(["changes", str(repo), "--base", "main", *args]) == 0
    return capsys.readouterr().out


def test_links_are_absolute_from_the_site_data_or_a_preview(repo, capsys):
    """A job summary or a PR comment resolves no root-relative link: the address is data/site.yml's url,
    or the preview's when given."""
    replace(repo, "data/events.yml", "date: 1994-09-05", "date: 1994-09-06")
    replace(repo, "data/site.yml", "url: https://danso.langson.gov.vn/", "url: https://danso.example.invalid/")
    text = summary_of(repo, capsys)
    assert "(https://danso.example.invalid/su-kien/hoi-nghi-icpd-cairo-1994/)" in text
    assert "](/" not in text and "](su-kien" not in text
    preview = summary_of(repo, capsys, "--site-url", "https://o.github.io/r/pr-preview/pr-7/")
    assert "(https://o.github.io/r/pr-preview/pr-7/su-kien/hoi-nghi-icpd-cairo-1994/)" in preview


def test_each_changed_field_old_and_new_in_vietnamese(repo, capsys):
    replace(repo, "data/events.yml", "date: 1994-09-05", "date: 1994-09-06")
    replace(repo, "data/events.yml", '  place: "Cai-rô, Ai Cập"\n', "")
    replace(repo, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: ubnd-lang-son\n")
    found = {c.record_id: c.fields for c in branch_changes(repo, "main")}
    assert found["hoi-nghi-icpd-cairo-1994"] == (("ngày", "1994-09-05", "1994-09-06"), ("địa điểm", "Cai-rô, Ai Cập", "(không có)"))
    [(field, old, new)] = found["ke-hoach-60-nam-dan-so-viet-nam-lang-son"]
    assert (field.startswith("hoạt động [") and field.endswith("] › cơ quan chủ trì"), old, new) == (
        True,
        "so-y-te-lang-son",
        "ubnd-lang-son",
    )
    text = summary_of(repo, capsys)
    assert "ngày: 1994-09-05 → 1994-09-06<br>địa điểm: Cai-rô, Ai Cập → (không có)" in text


def test_a_new_article_shows_its_publish_date_and_a_changed_body_says_so(repo, capsys):
    text = (repo / ARTICLE).read_text(encoding="utf-8")
    new_article = repo / "docs/chuyen-muc/2026/bai-moi.md"
    new_article.parent.mkdir(exist_ok=True)
    new_article.write_text(
        text.replace("id: bieu-duong-nguoi-lam-dan-so-co-so", "id: bai-moi").replace(
            text.split("date: ", 1)[1].split("\n", 1)[0], "2026-11-21 08:00 +07:00"
        ),
        encoding="utf-8",
    )
    (repo / ARTICLE).write_text(text + "\nMột đoạn mới.\n", encoding="utf-8")
    changes = {c.record_id: c for c in branch_changes(repo, "main")}
    assert changes["bai-moi"].published == "2026-11-21 08:00 +07:00"
    [(field, _, _)] = changes["bieu-duong-nguoi-lam-dan-so-co-so"].fields
    assert field == "nội dung bài"
    text = summary_of(repo, capsys)
    assert "ngày đăng: 2026-11-21 08:00 +07:00" in text
    assert "Một đoạn mới." in text.split("nội dung bài: ", 1)[1].split("<br>", 1)[0].split(" → ", 1)[1]  # shown where it differs


def test_what_a_change_does_to_the_calendar(repo, capsys):
    replace(repo, "data/events.yml", "date: 1994-09-05\n  end: 1994-09-13", "date: 1994-09-06\n  end: 1994-09-13")
    replace(repo, LANG_SON, "      deadline: 2021-09-15\n", "      deadline: 2021-09-20\n")
    events = (repo / "data/events.yml").read_text(encoding="utf-8")
    (repo / "data/events.yml").write_text(events + '- id: hoi-nghi-moi\n  name: "Hội nghị mới"\n  date: 2026-12-01\n', encoding="utf-8")
    document = repo / "data/plans/ke-hoach-thang-hanh-dong-dan-so-2022-long-an.yml"
    document.unlink()
    text = summary_of(repo, capsys)
    calendar = text.split("**Lịch:**", 1)[1]
    assert "- thêm sự kiện “Hội nghị mới”: 2026-12-01" in calendar
    assert (
        "- dời sự kiện “Hội nghị Quốc tế về Dân số và Phát triển (ICPD)”: 1994-09-05 đến 1994-09-13 → 1994-09-06 đến 1994-09-13" in calendar
    )
    assert "- dời hoạt động “Liên hoan tuyên truyền viên dân số cơ sở cấp huyện”: hạn 2021-09-15 → hạn 2021-09-20" in calendar
    assert "- bỏ hoạt động “" in calendar  # the removed plan's dated activities leave the calendar


def test_changes_call_each_document_by_its_kind():
    written = {
        "data/plans/cong-van-a.yml": "id: cong-van-a\ntype: CV\nsummary: Việc A\n",
        "data/plans/van-ban-b.yml": 'id: van-ban-b\ntype: "??"\nsummary: Việc B\n',
        "data/plans/ke-hoach-c.yml": "id: ke-hoach-c\ntype: KH\nsummary: Việc C\n",
        "data/plans/hong-d.yml": "id: hong-d\ntype: [1]\nsummary: Việc D\n",
    }
    new = {key: record for rel, text in written.items() for key, record in records_of(rel, text).items()}
    changes = compare({}, new)
    assert {c.record_id: c.kind_name for c in changes} == {
        "cong-van-a": "công văn",
        "van-ban-b": "văn bản",
        "ke-hoach-c": "kế hoạch",
        "hong-d": "văn bản",
    }
    summary = render_summary(changes, "main", "https://x.invalid/")
    assert "| thêm | công văn | Việc A |" in summary and "| thêm | văn bản | Việc B |" in summary
    removed = compare(new, {})
    assert {c.record_id: c.kind_name for c in removed}["cong-van-a"] == "công văn"


def test_each_file_is_read_as_the_loader_reads_it(tmp_path):
    """Through the loader's reader (`read.decode`): a byte order mark is dropped, and a byte that is not UTF-8
    (the check refuses it) is read as U+FFFD, so the summary is still made, not a traceback."""
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    events = root / "data/events.yml"
    events.write_bytes("- id: hop-mat\n  name: Họp mặt\n  date: 2025-01-02\n".encode())
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "base")
    events.write_bytes(b"\xef\xbb\xbf- id: hop-mat\n  name: H\xff\n  date: 2025-01-03\n")
    [change] = branch_changes(root, "main")
    assert (change.kind, change.status, change.record_id) == ("event", "changed", "hop-mat")
    assert change.fields == (("tên", "Họp mặt", "H\ufffd"), ("ngày", "2025-01-02", "2025-01-03"))


def test_a_page_the_loader_does_not_read_as_an_article_is_a_page():
    text = "---\nid: bai-nhap\ntitle: Nháp\n---\nNội dung.\n"
    assert list(records_of("docs/chuyen-muc/2025/bai-nhap.md", text)) == [("article", "bai-nhap")]
    for rel in ("docs/chuyen-muc/_nhap/2025/bai-nhap.md", "docs/chuyen-muc/2025/index.md"):
        assert list(records_of(rel, text)) == [("page", rel)]
