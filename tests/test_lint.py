"""The code is clean under ruff (pyproject.toml's [tool.ruff]: lint and format), as the pre-commit hooks keep it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

RUFF = str(Path(sys.executable).with_name("ruff"))


def ruff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([RUFF, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_ruff_finds_nothing_to_say():
    result = ruff("check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_would_change_nothing():
    result = ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lint_check_fails_on_a_mistake(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "bad.py").write_text("import os\n" + "x = '" + "a" * 150 + "'\n", encoding="utf-8")
    found = ruff("check", "--no-cache", ".", cwd=tmp_path).stdout
    assert "F401" in found and "E501" in found


def test_pre_commit_runs_ruff_from_pypi_at_the_locked_version():
    hooks = {
        h["id"]: h
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
        for h in repo["hooks"]
    }
    locked = next(
        line.split("==")[1].split()[0]
        for line in (ROOT / "requirements/test.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("ruff==")
    )
    for hook in ("ruff-check", "ruff-format"):
        assert hooks[hook]["language"] == "python" and hooks[hook]["additional_dependencies"] == [f"ruff=={locked}"]
