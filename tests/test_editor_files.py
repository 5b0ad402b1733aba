"""The files that help editors: the pull-request template and the pre-commit hook."""

from __future__ import annotations

import subprocess

import yaml

from conftest import ROOT, copy_project, replace


def test_pre_commit_hook_runs_the_data_check(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [h for repo in config["repos"] for h in repo["hooks"]]
    assert hook["entry"] == ".venv/bin/python -m congbo check" and not hook["pass_filenames"]
    project = copy_project(tmp_path / "p")
    (project / ".venv").symlink_to(ROOT / ".venv")
    ok = subprocess.run(hook["entry"].split(), cwd=project, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    replace(project, "data/events.yml", "date: 2021-09-15", "date: 2021-02-30")
    broken = subprocess.run(hook["entry"].split(), cwd=project, capture_output=True, text=True)
    assert broken.returncode == 1 and "ngày 2021-02-30 không có thật trên lịch" in broken.stderr


def test_pull_request_template_is_a_vietnamese_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "python -m congbo new" in text and "Nội dung thay đổi" in text
