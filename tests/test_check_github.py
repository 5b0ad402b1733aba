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
from congbo.github import annotation, errors_summary
from conftest import build_env, copy_project, replace, where

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
BAC_GIANG = "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
ARTICLE = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"
ANNOTATION = re.compile(r"^::error file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$")

# (kind of mistake, file, text replaced, replacement, where the mistake is, which occurrence, the annotation's title ends with)
MISTAKES = [
    ("unknown key", LANG_SON, "    lead: so-y-te-lang-son\n", "    leader: so-y-te-lang-son\n", "leader:", 1, ".leader"),
    ("duplicate key", "data/organisations.yml", '  name: "Bộ Y tế"\n', '  name: "Bộ Y tế"\n  name: "Bộ Y Tế"\n', '  name: "Bộ Y Tế"', 1, "[bo-y-te].name"),
    ("impossible date", "data/events.yml", "date: 2021-09-15", "date: 2021-02-30", "date: 2021-02-30", 1, ".date"),
    ("date written the wrong way", "data/events.yml", "date: 2021-09-15", "date: 15/9/2021", "date: 15/9/2021", 1, ".date"),
    ("YAML 1.1 yes", BAC_GIANG, "ongoing: true", "ongoing: yes", "ongoing: yes", 1, ".time.ongoing"),
    ("dangling organisation", LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n", "    lead: so-y-te-lang-sn", 1, ".lead"),
    ("dangling observance", LANG_SON, "observances:\n  - ngay-dan-so-viet-nam", "observances:\n  - ngay-dan-so-vn", "ngay-dan-so-vn", 1, "observances[1]"),
    ("duplicate id", "data/organisations.yml", "- id: hdnd-lang-son\n", "- id: tinh-uy-lang-son\n", "- id: tinh-uy-lang-son", 2, "[tinh-uy-lang-son].id"),
    ("empty text", "data/organisations.yml", '  name: "Bộ Y tế"\n', '  name: "  "\n', '  name: "  "', 1, "[bo-y-te].name"),
    ("missing field", "data/site.yml", "owner: so-y-te-lang-son\n", "", "name:", 1, "owner"),
    ("number where text is expected", "data/events.yml", "  kind: han\n", "  kind: han\n  place: 12\n", "place: 12", 1, ".place"),
    ("period ending before it starts", "data/events.yml", "  kind: han\n  date: 2021-09-15\n", "  date: 2021-09-15\n  end: 2021-09-01\n",
     "- id: han-lien-hoan-cap-huyen", 1, "[han-lien-hoan-cap-huyen-lang-son-2021]"),
    ("tab indentation", "data/events.yml", "  kind: han\n", "\tkind: han\n", "\tkind: han", 1, "Lỗi dữ liệu"),
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
    replace(project, "data/events.yml", "date: 2021-09-15", "date: 2021-02-30")
    replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", str(project)]) == 1
    annotations = parse(capsys.readouterr().out)
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| data/")]
    assert len(rows) == len(annotations) == 2
    assert "### Kiểm tra dữ liệu: 2 lỗi" in summary.read_text(encoding="utf-8")


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
    replace(project, "data/events.yml", "date: 2021-09-15", "date: 2021-02-30")
    result = subprocess.run([sys.executable, "-m", "congbo", "check", "--format", "github", str(project)],
                            capture_output=True, text=True, env=build_env())
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [(file, _, _, _, message)] = parse(result.stdout)
    assert (file, message) == ("data/events.yml", "ngày 2021-02-30 không có thật trên lịch")
