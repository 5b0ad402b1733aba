"""The files that help editors: the pull-request template, the pre-commit hook, the editor's settings."""

from __future__ import annotations

import json
import subprocess

import yaml

from conftest import ROOT, copy_project, replace


def test_pre_commit_hook_runs_the_data_check(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "congbo-check"]
    assert hook["entry"] == ".venv/bin/python -m congbo check" and not hook["pass_filenames"]
    project = copy_project(tmp_path / "p")
    (project / ".venv").symlink_to(ROOT / ".venv")
    ok = subprocess.run(hook["entry"].split(), cwd=project, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    broken = subprocess.run(hook["entry"].split(), cwd=project, capture_output=True, text=True)
    assert broken.returncode == 1 and "1994-02-30: tháng 2 năm 1994 không có ngày 30 trên lịch" in broken.stderr


def test_pull_request_template_is_a_vietnamese_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "python -m congbo new" in text and "Nội dung thay đổi" in text


def test_vscode_recommends_the_extension_that_reads_the_schemas():
    """github.dev and VS Code offer the recommended extensions; `yaml.schemas` (schema hints) is the
    setting of Red Hat's YAML extension, and does nothing without it."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert set(recommended) == {"recommendations"}
    assert settings["yaml.schemas"] and "redhat.vscode-yaml" in recommended["recommendations"]
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file(), schema
