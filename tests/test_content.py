"""congbo.content: a content change holds content and nothing else. No page runs code through its macros,
no file is read or published through a link, every file under data/ and docs/ is read or refused, and a
page an editor adds is sanitised. Each refusal is made by the check and by the build alike, and the build
refuses before MkDocs empties its output folder."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_env, copy_project, mkdocs_build
from test_messages import problems

from congbo import content

CANARY_PAYLOAD = '{{{{ cycler.__init__.__globals__.os.system("touch {canary}") }}}}'


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "congbo", "check", str(project)], cwd=project, env=build_env(), capture_output=True, text=True, timeout=120
    )


def build_over_old_site(project: Path, out: Path) -> subprocess.CompletedProcess:
    """A build into ``out``, which holds a file of an earlier build: a refusal must leave it there."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text("trang cũ", encoding="utf-8")
    return mkdocs_build(project, out)


def assert_refused_before_cleaning(result: subprocess.CompletedProcess, out: Path, message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "trang cũ"  # MkDocs never emptied the folder


# --- macros: the payload -----------------------------------------------------------------


def test_the_payload_in_a_new_page_runs_nothing(project, tmp_path):
    canary = tmp_path / "canary"
    (project / "docs/trang-moi.md").write_text(
        f"---\ntitle: Trang mới\nrender_macros: true\n---\n\n# Trang mới\n\n{CANARY_PAYLOAD.format(canary=canary)}\n", encoding="utf-8"
    )
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/trang-moi.md:3:1: render_macros: chỉ các trang của dự án" in result.stderr
    out = tmp_path / "out"
    assert_refused_before_cleaning(build_over_old_site(project, out), out, "docs/trang-moi.md:3:1: render_macros")
    assert not canary.exists()


def test_the_payload_in_the_press_page_runs_nothing(project, tmp_path):
    canary = tmp_path / "canary"
    path = project / "docs/bao-chi.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("{{ reuse_terms() }}", "{{ reuse_terms() }}\n\n" + CANARY_PAYLOAD.format(canary=canary), 1)
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(CANARY_PAYLOAD.format(canary=canary)) + 1
    result = check(project)
    assert result.returncode == 1
    assert f"docs/bao-chi.md:{line}:1: trong {{{{ … }}}} chỉ được gọi một macro của dự án" in result.stderr
    out = tmp_path / "out"
    assert_refused_before_cleaning(build_over_old_site(project, out), out, f"docs/bao-chi.md:{line}:1")
    assert not canary.exists()


def test_a_front_matter_closed_by_dots_is_read_as_mkdocs_reads_it(project):
    """MkDocs also closes front matter with '...': a page asking for macros that way is seen too."""
    (project / "docs/trang-moi.md").write_text("---\ntitle: Trang mới\nrender_macros: true\n...\n\n{{ built_on() }}\n", encoding="utf-8")
    assert problems(project) == [
        "docs/trang-moi.md:3:1: render_macros: chỉ các trang của dự án (docs/index.md, docs/bao-chi.md, "
        "docs/huong-dan/index.md) được dùng macro; hãy bỏ dòng render_macros"
    ]


def test_render_macros_takes_only_true_on_the_projects_pages(project):
    path = project / "docs/index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("render_macros: true", "render_macros: 1"), encoding="utf-8")
    assert problems(project) == ["docs/index.md:3:1: render_macros: ghi render_macros: true (hoặc bỏ dòng này), nhận được 1"]


@pytest.mark.parametrize(
    ("jinja", "message"),
    [
        ("{% for x in range(3) %}x{% endfor %}", "chỉ được gọi macro dạng {{ tên_macro(…) }}; không dùng lệnh {% … %}"),
        ('{% include "/etc/passwd" %}', "chỉ được gọi macro dạng {{ tên_macro(…) }}; không dùng lệnh {% … %}"),
        ("{% set x = 1 %}", "chỉ được gọi macro dạng {{ tên_macro(…) }}; không dùng lệnh {% … %}"),
        ("{{ config.site_name }}", "trong {{ … }} chỉ được gọi một macro của dự án"),
        ("{{ press_feeds() | safe }}", "trong {{ … }} chỉ được gọi một macro của dự án"),
        ("{{ press_feeds }}", "trong {{ … }} chỉ được gọi một macro của dự án"),
        ("{{ lipsum() }}", "không có macro 'lipsum'; các macro của dự án:"),
        ("{{ built_on(*[]) }}", "trong {{ … }} chỉ được gọi một macro của dự án"),
        ("{{ built_on(1) }}", "macro 'built_on' nhận không đối số nào"),
        ("{{ next_observances(count=x) }}", "đối số 'count' của macro 'next_observances' phải là giá trị viết sẵn"),
        ("{{ next_observances(100000000) }}", "đối số 'count' của macro 'next_observances' phải là một số nguyên từ 1 đến 20"),
        ('{{ press_feed_notes("x") }}', "đối số 'part' của macro 'press_feed_notes' phải là một trong: 'updates', 'items'"),
        ("{{ press_feed_notes() }}", "macro 'press_feed_notes' thiếu đối số 'part'"),
        ('{{ guide_example("../../../../etc/passwd") }}', "đối số 'rel' của macro 'guide_example' phải là đường dẫn một tệp ví dụ có thật"),
        ('{{ guide_example("/etc/passwd") }}', "đối số 'rel' của macro 'guide_example' phải là đường dẫn một tệp ví dụ có thật"),
        ("{{ built_on( }}", "cú pháp macro sai"),
    ],
)
def test_only_literal_calls_of_the_projects_macros_pass(jinja, message):
    found = content.check_template("docs/index.md", f"# Trang\n\nchữ\n{jinja}\n", 5, ROOT)
    assert [(p.file, p.line) for p in found] == [("docs/index.md", 8)]
    assert message in found[0].message


def test_literal_calls_of_the_projects_macros_pass():
    source = '{{ next_observances(3) }} {{ press_feed_notes(part="items") }} {{ guide_example("data/site.yml") }} {# ghi chú #}'
    assert content.check_template("docs/index.md", source, 1, ROOT) == []


def test_a_guide_example_reached_through_a_link_is_refused(tmp_path):
    examples = tmp_path / content.GUIDE_EXAMPLES
    examples.mkdir(parents=True)
    (examples / "that.yml").write_text("a: 1\n", encoding="utf-8")
    (examples / "link.yml").symlink_to("/etc/passwd")
    assert content.example_file(tmp_path, "that.yml") == examples / "that.yml"
    assert content.example_file(tmp_path, "link.yml") is None
    assert content.example_file(tmp_path, "../vi-du/that.yml") is None


def test_the_macro_table_is_the_macros_module():
    """content.MACROS names exactly the macros congbo.page_macros makes (and macros.py hands over), with their parameters."""
    from congbo.page_macros import page_macros

    made = page_macros(lambda: None, lambda: "", lambda: "", ROOT)
    defined = {
        name: tuple((p.name, p.default is inspect.Parameter.empty) for p in inspect.signature(macro).parameters.values())
        for name, macro in made.items()
    }
    assert defined == {name: tuple((p.name, p.required) for p in params) for name, params in content.MACROS.items()}


def test_the_guide_names_its_records_as_the_check_does():
    from congbo import guide

    assert set(content.GUIDE_RECORDS) == set(guide.RECORDS)
    assert inspect.signature(guide.render_example).parameters.keys() == {"root", "rel"}


# --- links ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "target"),
    [
        ("docs/leak.txt", "/etc/passwd"),
        ("docs/chuyen-muc/anh/moi-truong.png", "/proc/self/environ"),
        ("docs/thu-muc", "/usr/share"),
        ("data/plans/lien-ket.yml", "/etc/passwd"),
    ],
)
def test_a_link_is_refused_by_the_check_and_the_build(project, tmp_path, rel, target):
    (project / rel).symlink_to(target)
    expected = f"{rel}:1:1: đây là một liên kết (symlink) tới tệp hoặc thư mục khác"
    assert problems(project)[0].startswith(expected)
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr and expected in result.stderr
    assert "root:" not in result.stderr  # nothing of the linked file is shown
    out = tmp_path / "out"
    assert_refused_before_cleaning(build_over_old_site(project, out), out, expected)


def test_a_linked_data_folder_is_refused(project):
    os.rename(project / "data", project / "that")
    (project / "data").symlink_to(project / "that")
    assert problems(project) == ["data:1:1: thư mục này là một liên kết (symlink) tới nơi khác; hãy thay bằng thư mục thật"]


# --- every file read or refused -----------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "text", "message"),
    [
        ("data/plans/.x.yml", "id: x\n", "tên tệp hoặc thư mục bắt đầu bằng dấu chấm nên tệp bị bỏ qua"),
        ("docs/.nhap.md", "# Nháp\n", "tên tệp hoặc thư mục bắt đầu bằng dấu chấm nên tệp bị bỏ qua"),
        ("data/x.yml", "id: x\n", "tệp này không được đọc: nếu là một văn bản, hãy chuyển vào data/plans/ (đuôi .yml)"),
        ("data/ghi-chu.txt", "x\n", "tệp này không được đọc: các tệp dữ liệu là data/site.yml"),
        ("data/schema/x.json", "{}\n", "thư mục data/schema/ chỉ chứa lược đồ JSON"),
        ("docs/trang.html", "<script>alert(1)</script>\n", "tệp '.html' không được đăng"),
        ("docs/chuyen-muc/anh/hinh.svg", "<svg onload='alert(1)'/>\n", "tệp '.svg' không được đăng"),
        ("docs/trang.markdown", "# Trang\n", "trang phải có đuôi .md"),
    ],
)
def test_a_file_the_project_does_not_read_is_refused(project, rel, text, message):
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text(text, encoding="utf-8")
    found = problems(project)
    assert found[0].startswith(f"{rel}:1:1: {message}"), found


def test_an_article_outside_the_column_is_refused(project):
    source = (project / "docs/chuyen-muc/2022/thang-hanh-dong.md").read_text(encoding="utf-8")
    (project / "docs/tin-tuc").mkdir()
    (project / "docs/tin-tuc/bai.md").write_text(source, encoding="utf-8")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("docs/tin-tuc/bai.md:1:1: trang có phần thông tin của một bài viết")
    assert "phải đặt trong docs/chuyen-muc/<năm>/" in found[0]


def test_the_kept_folders_are_named_once_and_exist():
    for folder in content.KEPT:
        assert (ROOT / folder).is_dir(), folder


# --- pages an editor adds ---------------------------------------------------------------


def test_a_page_an_editor_adds_is_published_sanitised(project, tmp_path):
    (project / "docs/gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\n\n# Giới thiệu\n\n<p onclick=\"alert('x')\">Chào</p>\n\n<script>alert('y')</script>\n"
        "\n[liên kết](javascript:alert('z'))\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "Chào" in html
    assert "alert('x')" not in html and "alert('y')" not in html and "javascript:alert" not in html


def test_the_projects_own_pages_are_the_only_ones_not_sanitised():
    assert [page for page in ("index.md", "bao-chi.md", "huong-dan/index.md", "gioi-thieu.md") if not content.sanitised(page)] == list(
        content.MACRO_PAGES
    )


# --- hand-written twins of made pages -----------------------------------------------------


@pytest.mark.parametrize("rel", ["docs/lich/index.md", "docs/lich.md", "docs/bai-viet/thang-hanh-dong-quoc-gia-ve-dan-so.md"])
def test_a_hand_written_twin_of_a_made_page_is_refused_before_cleaning(project, tmp_path, rel):
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text("# Trang\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{rel}:1:1: trang hoặc tệp ở địa chỉ /" in result.stderr
    out = tmp_path / "out"
    assert_refused_before_cleaning(build_over_old_site(project, out), out, f"{rel}:1:1: trang hoặc tệp ở địa chỉ /")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("hide: 5", "hide: phải là danh sách lấy trong: navigation, toc, footer, path, tags, feedback; nhận được 5"),
        (
            "template: ../../x.html",
            "template: trường 'template' không dùng được ở đầu trang; các trường được dùng: title, description, hide, search",
        ),
        ("search: {exclude: 1}", "search: phải là 'exclude: true' hoặc 'boost: <số>', nhận được {'exclude': 1}"),
        ("title: [a]", "title: phải là một dòng chữ, nhận được ['a']"),
    ],
)
def test_a_written_pages_front_matter_holds_only_what_the_theme_takes(project, front, message):
    """Each of these once crashed the theme after MkDocs had emptied its output folder (hide: 5), or reached
    it unchecked (template)."""
    (project / "docs/trang.md").write_text(f"---\ntitle: Trang\n{front}\n---\n\n# Trang\n", encoding="utf-8")
    line = 3 if not front.startswith("title") else 2
    assert f"docs/trang.md:{line}:1: {message}" in problems(project)


def test_a_written_pages_title_and_description_are_published_escaped(project, tmp_path):
    (project / "docs/trang.md").write_text(
        '---\ntitle: "</title><script>alert(3)</script>"\ndescription: "\\"><script>alert(4)</script>"\n---\n\n'
        "# Trang\n\n## &lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt;\n",
        encoding="utf-8",
    )
    (project / "docs/trang-2.md").write_text("# &lt;/title&gt;&lt;script&gt;alert(6)&lt;/script&gt;\n\nchữ\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for page in ("trang", "trang-2"):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html and "alert(" in html
