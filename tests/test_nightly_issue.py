"""scripts/nightly_issue.sh, run as the nightly report job runs it, with a stand-in `gh` on PATH that records
its arguments and answers `gh issue list` as the test says: one issue for failures, closed by a success."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

RUN = "https://github.com/o/r/actions/runs/42"
TITLE = "Bản dựng hằng ngày thất bại"
FAKE_GH = """#!/usr/bin/env bash
printf '%s\\0' "$@" >> "$GH_CALLS"; printf '\\036' >> "$GH_CALLS"
if [ "$1 $2" = "issue list" ]; then printf '%s' "$GH_OPEN_ISSUE"; fi
"""


def run(tmp_path: Path, result: str, open_issue: str = "") -> list[list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    calls = tmp_path / "calls"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GH_CALLS": str(calls), "GH_OPEN_ISSUE": open_issue}
    done = subprocess.run(["bash", str(ROOT / "scripts" / "nightly_issue.sh"), result, RUN], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = calls.read_text(encoding="utf-8").split("\x1e") if calls.exists() else []  # one record per call
    return [line.split("\0")[:-1] for line in lines if line]


def test_it_looks_for_the_open_issue_by_its_exact_title(tmp_path):
    [listing] = run(tmp_path, "success")
    assert listing[:4] == ["issue", "list", "--state", "open"]
    assert f'select(.title == "{TITLE}")' in listing[listing.index("--jq") + 1]


def test_a_failure_without_an_open_issue_opens_one(tmp_path):
    listing, create = run(tmp_path, "failure")
    assert create[:4] == ["issue", "create", "--title", TITLE]
    assert RUN in create[create.index("--body") + 1]


def test_a_failure_with_the_issue_open_comments_on_it(tmp_path):
    listing, comment = run(tmp_path, "failure", open_issue="17")
    assert comment[:3] == ["issue", "comment", "17"] and RUN in comment[-1]


def test_a_success_closes_the_open_issue(tmp_path):
    listing, close = run(tmp_path, "success", open_issue="17")
    assert close[:3] == ["issue", "close", "17"] and RUN in close[-1]


def test_a_success_without_an_issue_does_nothing_more(tmp_path):
    assert [call[:2] for call in run(tmp_path, "success")] == [["issue", "list"]]


@pytest.mark.parametrize("args", [[], ["cancelled", RUN], ["failure"]])
def test_it_refuses_anything_else(tmp_path, args):
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "nightly_issue.sh"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2 and "Cách dùng" in done.stderr
