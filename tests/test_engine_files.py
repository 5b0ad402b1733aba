"""`python -m congbo outputs`: every page and file made from the data written into a folder any static-site
engine builds beside docs/, deterministic, never inside docs/ or data/, refused with the check's messages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import TEST_EPOCH, replace
from test_second_site import make_second_site

from congbo.__main__ import main
from congbo.engine_files import OUTPUTS_MARK

DOCUMENT = "ke-hoach/ke-hoach-dan-so-quang-tri-2026/index.md"
ARTICLE = "bai-viet/ngay-dan-so-2026/index.md"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_EPOCH)
    monkeypatch.delenv("CONGBO_PREVIEW", raising=False)
    (tmp_path / "du-an").mkdir()
    return make_second_site(tmp_path / "du-an")


def run(project: Path, out: Path, *extra: str) -> int:
    return main(["outputs", str(project), "--out", str(out), *extra])


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_made_page_and_file_is_written_at_its_path(project, tmp_path, capsys):
    out = tmp_path / "ra"
    assert run(project, out) == 0
    written = contents(out)
    for path in (DOCUMENT, ARTICLE, "lich/index.md", "chuyen-muc/index.md", "co-quan/so-y-te-quang-tri/index.md"):
        assert path in written
    for path in ("lich.ics", "lich.json", "robots.txt", "rss.xml", "atom.xml", "feed.json", "rss-ke-hoach.xml", "assets/colours.css"):
        assert path in written
    assert "index.md" not in written and "bao-chi.md" not in written  # hand-written pages only with --with-docs
    assert not any(path.startswith("chuyen-muc/2026/") for path in written)  # the article is at its address
    assert f"Đã ghi {len(written) - 1} tệp vào {out}." in capsys.readouterr().out  # all but the folder's mark


def test_a_made_page_is_front_matter_then_its_html(project, tmp_path):
    out = tmp_path / "ra"
    assert run(project, out) == 0
    document = (out / DOCUMENT).read_text(encoding="utf-8")
    assert document.startswith('---\ntitle: "')
    front, _, html = document[4:].partition("\n---\n")
    assert "description:" in front
    assert html.lstrip().startswith("<") and "{{" not in html
    article = (out / ARTICLE).read_text(encoding="utf-8")
    front, _, html = article[4:].partition("\n---\n")
    lines = dict(line.split(": ", 1) for line in front.splitlines())
    assert set(lines) == {"title", "description", "author", "cb_og", "cb_article"}
    assert lines["cb_article"].startswith('{"section": ')
    assert "<h1>" in html and "<script" not in html


def test_an_articles_links_lead_where_the_site_publishes_their_targets(project, tmp_path):
    replace(
        project,
        "docs/chuyen-muc/2026/ngay-dan-so-2026.md",
        "\n\n",
        "\n\n[Lịch](../../lich/index.md) và [trang này](ngay-dan-so-2026.md)\n\n",
    )
    out = tmp_path / "ra"
    assert run(project, out) == 0
    html = (out / ARTICLE).read_text(encoding="utf-8")
    assert '<a href="../../lich/">Lịch</a>' in html and '<a href="./">trang này</a>' in html


def test_two_runs_write_the_same_bytes(project, tmp_path):
    first, second = tmp_path / "mot", tmp_path / "hai"
    assert run(project, first, "--with-docs") == 0
    assert run(project, second, "--with-docs") == 0
    assert contents(first) == contents(second)
    (first / "cu.txt").write_text("a file of a former run", encoding="utf-8")
    assert run(project, first, "--with-docs") == 0  # a former run's folder is emptied and written again
    assert contents(first) == contents(second)


def test_with_docs_the_folder_is_a_whole_docs_folder(project, tmp_path):
    out = tmp_path / "ra"
    assert run(project, out, "--with-docs") == 0
    written = contents(out)
    assert {"index.md", "bao-chi.md", "assets/congbo.css", "assets/chia-se.png", DOCUMENT, ARTICLE} <= set(written)
    assert "chuyen-muc/2026/ngay-dan-so-2026.md" not in written
    press = (out / "bao-chi.md").read_text(encoding="utf-8")
    assert "{{" not in press and "rss.xml" in press  # the macros have run


def test_a_page_an_editor_adds_is_written_as_html_sanitised_with_its_title_escaped(project, tmp_path):
    page = "---\ntitle: Trang <b>mới</b>\nhide: [toc]\n---\n\n# Trang mới\n\nChữ *nghiêng*.<script>alert(1)</script>\n"
    (project / "docs/trang-moi.md").write_text(page, encoding="utf-8")
    out = tmp_path / "ra"
    assert run(project, out, "--with-docs") == 0
    written = (out / "trang-moi.md").read_text(encoding="utf-8")
    assert written.startswith('---\ntitle: "Trang &lt;b&gt;mới&lt;/b&gt;"\nhide: ["toc"]\n---\n')
    assert "<em>nghiêng</em>" in written and "<script" not in written and "alert" not in written


@pytest.mark.parametrize("inside", ["docs", "docs/ra", "data/ra"])
def test_a_folder_inside_docs_or_data_is_refused(project, inside, capsys):
    before = contents(project)
    assert run(project, project / inside) == 1
    folder = inside.split("/")[0]
    assert f"thư mục nằm trong {folder}/ của dự án" in capsys.readouterr().err
    assert contents(project) == before


def test_a_folder_holding_other_files_is_refused_and_kept(project, tmp_path, capsys):
    out = tmp_path / "cua-ai-do"
    out.mkdir()
    (out / "quan-trong.txt").write_text("giữ lại", encoding="utf-8")
    assert run(project, out) == 1
    assert "thư mục đã có tệp mà lệnh này không tạo" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["quan-trong.txt"]
    assert run(project, project) == 1  # the project itself: not emptied either
    assert (project / "data/site.yml").is_file()


def test_a_data_error_is_reported_as_the_check_reports_it_and_nothing_is_written(project, tmp_path, capsys):
    text = replace(project, "data/plans/ke-hoach-dan-so-quang-tri-2026.yml", "lead: so-y-te-quang-tri", "lead: so-y-te-quang-tr")
    out = tmp_path / "ra"
    assert run(project, out) == 1
    err = capsys.readouterr().err
    assert main(["check", str(project)]) == 1
    assert err == capsys.readouterr().err
    line = text[: text.index("lead: so-y-te-quang-tr")].count("\n") + 1
    assert f"data/plans/ke-hoach-dan-so-quang-tri-2026.yml:{line}:" in err and "không có cơ quan mã 'so-y-te-quang-tr'" in err
    assert "Traceback" not in err and not out.exists()


def test_the_folder_says_it_is_the_commands(project, tmp_path):
    out = tmp_path / "ra"
    assert run(project, out) == 0
    assert "python -m congbo outputs" in (out / OUTPUTS_MARK).read_text(encoding="utf-8")
