"""``congbo check --format github``: one GitHub annotation per mistake, at the right file, line and
column, and a table of the errors in the job summary.

Each case breaks a copy of the sample data; the expected place is found in the broken file itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from congbo.__main__ import main
from congbo.errors import Problem
from congbo.github import annotation, annotations, errors_summary
from conftest import build_env, copy_project, replace, where

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
BAC_GIANG = "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
ARTICLE = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"
ANNOTATION = re.compile(r"^::error file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$")

# (kind of mistake, file, text replaced, replacement, where the mistake is, which occurrence, the annotation's title ends with)
MISTAKES = [
    ("unknown key", LANG_SON, "    lead: so-y-te-lang-son\n", "    leader: so-y-te-lang-son\n", "leader:", 1, ".leader"),
    (
        "duplicate key",
        "data/organisations.yml",
        '  name: "Bộ Y tế"\n',
        '  name: "Bộ Y tế"\n  name: "Bộ Y Tế"\n',
        '  name: "Bộ Y Tế"',
        1,
        "[bo-y-te].name",
    ),
    ("impossible date", "data/events.yml", "date: 1994-09-05", "date: 1994-02-30", "date: 1994-02-30", 1, ".date"),
    ("date written the wrong way", "data/events.yml", "date: 1994-09-05", "date: 5/9/1994", "date: 5/9/1994", 1, ".date"),
    ("YAML 1.1 yes", BAC_GIANG, "ongoing: true", "ongoing: yes", "ongoing: yes", 1, ".time.ongoing"),
    (
        "dangling organisation",
        LANG_SON,
        "    lead: so-y-te-lang-son\n",
        "    lead: so-y-te-lang-sn\n",
        "    lead: so-y-te-lang-sn",
        1,
        ".lead",
    ),
    (
        "dangling observance",
        LANG_SON,
        "observances:\n  - ngay-dan-so-viet-nam",
        "observances:\n  - ngay-dan-so-vn",
        "ngay-dan-so-vn",
        1,
        "observances[1]",
    ),
    (
        "duplicate id",
        "data/organisations.yml",
        "- id: hdnd-lang-son\n",
        "- id: tinh-uy-lang-son\n",
        "- id: tinh-uy-lang-son",
        2,
        "[tinh-uy-lang-son].id",
    ),
    ("empty text", "data/organisations.yml", '  name: "Bộ Y tế"\n', '  name: "  "\n', '  name: "  "', 1, "[bo-y-te].name"),
    ("missing field", "data/site.yml", "owner: so-y-te-lang-son\n", "", "name:", 1, "owner"),
    ("number where text is expected", "data/events.yml", '  place: "Cai-rô, Ai Cập"\n', "  place: 12\n", "place: 12", 1, ".place"),
    (
        "period ending before it starts",
        "data/events.yml",
        "  date: 1994-09-05\n  end: 1994-09-13\n",
        "  date: 1994-09-05\n  end: 1994-09-01\n",
        "- id: hoi-nghi-icpd",
        1,
        "[hoi-nghi-icpd-cairo-1994]",
    ),
    ("tab indentation", "data/events.yml", "  kind: su-kien\n", "\tkind: su-kien\n", "\tkind: su-kien", 1, "Lỗi dữ liệu"),
    ("unknown category in an article", ARTICLE, "category: guong-dien-hinh", "category: guong-dien", "category: guong-dien", 1, "category"),
]


def unescape(text: str) -> str:
    for raw, escaped in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")):
        text = text.replace(escaped, raw)
    return text


def parse(stdout: str) -> list[tuple[str, int, int, str, str]]:
    found = []
    for line in stdout.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not an annotation: {line!r}"
        file, line_no, col, title, message = match.groups()
        found.append((unescape(file), int(line_no), int(col), unescape(title), unescape(message)))
    return found


@pytest.mark.parametrize("kind, rel, old, new, needle, occurrence, title", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_annotated_at_its_place(tmp_path, monkeypatch, capsys, kind, rel, old, new, needle, occurrence, title):
    project = copy_project(tmp_path / "project")
    text = replace(project, rel, old, new)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", str(project)]) == 1
    annotations = parse(capsys.readouterr().out)
    line, col = map(int, where(text, needle, occurrence).split(":"))
    if kind == "tab indentation":  # YAML reports where the tab breaks the block, on its line
        assert [(f, ln) for f, ln, _, _, _ in annotations] == [(rel, line)]
        return
    assert (rel, line, col) in [(f, ln, c) for f, ln, c, t, _ in annotations if t.endswith(title)]
    table = summary.read_text(encoding="utf-8")
    assert f"| {rel} | {line} | {col} |" in table


def test_summary_lists_every_error(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path / "project")
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", str(project)]) == 1
    annotations = parse(capsys.readouterr().out)
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| data/")]
    assert len(rows) == len(annotations) == 2
    assert "### Kiểm tra dữ liệu: 2 lỗi" in summary.read_text(encoding="utf-8")


def test_past_the_tenth_error_one_notice_says_how_many_more_and_the_summary_has_them_all(tmp_path, monkeypatch, capsys):
    """GitHub shows ten error annotations per step: the eleventh and later are counted in one notice,
    and the job summary's table and the log hold every one."""
    project = copy_project(tmp_path / "project")
    subprocess.run(
        [sys.executable, "-m", "congbo", "new", "ke-hoach", "ke-hoach-thu", "--root", str(project)],
        check=True,
        capture_output=True,
        env=build_env(),
    )
    subprocess.run(
        [sys.executable, "-m", "congbo", "new", "bai-viet", "Bài thử", "--root", str(project)],
        check=True,
        capture_output=True,
        env=build_env(),
    )
    made = [project / "data/plans/ke-hoach-thu.yml", *(project / "docs/chuyen-muc").rglob("bai-thu.md")]
    count = sum(path.read_text(encoding="utf-8").count("<<ĐIỀN:") for path in made)  # one error each
    assert count > 10
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", str(project)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 11
    assert len(parse("\n".join(lines[:10]))) == 10
    assert lines[10].startswith(
        f"::notice title={count} lỗi%2C {count - 10} lỗi chưa hiện::Còn {count - 10} lỗi nữa không hiện thành chú thích"
    )
    assert "Summary" in lines[10] and "nhật ký" in lines[10]
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith(("| data/", "| docs/"))]
    assert len(rows) == count and f"### Kiểm tra dữ liệu: {count} lỗi" in summary.read_text(encoding="utf-8")
    assert captured.err.count("chưa điền") == count  # the log: every error


def test_ten_errors_or_fewer_need_no_notice():
    problems = [Problem("data/x.yml", n, 1, "a", "sai") for n in range(1, 11)]
    assert len(annotations(problems)) == 10 and not any(line.startswith("::notice") for line in annotations(problems))
    assert annotations(problems + problems[:1])[-1].startswith("::notice title=11 lỗi%2C 1 lỗi chưa hiện::Còn 1 lỗi nữa")


def test_valid_data_prints_no_annotation_and_says_so_in_the_summary(tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", str(Path(__file__).parent.parent)]) == 0
    out = capsys.readouterr().out
    assert "::error" not in out
    assert "Dữ liệu hợp lệ" in summary.read_text(encoding="utf-8")


def test_annotation_escapes_as_github_reads_it():
    problem = Problem("data/a,b:c.yml", 3, 7, "events[x].name", "100% sai\r\ndòng hai")
    assert annotation(problem) == "::error file=data/a%2Cb%3Ac.yml,line=3,col=7,title=events[x].name::100%25 sai%0D%0Adòng hai"


def test_summary_cells_cannot_break_the_table():
    table = errors_summary([Problem("data/x.yml", 1, 1, "a|b", "<b>x</b>\nnext")])
    row = table.splitlines()[-2]
    assert row == "| data/x.yml | 1 | 1 | a\\|b | &lt;b&gt;x&lt;/b&gt; next |"


def test_github_format_from_the_command_line(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    result = subprocess.run(
        [sys.executable, "-m", "congbo", "check", "--format", "github", str(project)], capture_output=True, text=True, env=build_env()
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [(file, _, _, _, message)] = parse(result.stdout)
    assert (file, message) == ("data/events.yml", "1994-02-30: tháng 2 năm 1994 không có ngày 30 trên lịch")
