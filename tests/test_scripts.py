"""scripts/setup.sh installs only when pyproject.toml, a lock file (or the extra asked for) changed: a
second `bash scripts/build.sh` costs the check and the MkDocs build, not a pip run. It installs the
locked versions, each checked against its hash, and then the project without resolving anything."""

from __future__ import annotations

import subprocess

from conftest import ROOT

STAMP = ROOT / ".venv" / "congbo-installed"


def trace_setup(*args: str) -> str:
    result = subprocess.run(["bash", "-x", "scripts/setup.sh", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_nothing_changed_means_no_pip_run():
    trace_setup("test")  # installed (or already)
    assert "pip install" not in trace_setup("test")
    assert "pip install" not in trace_setup()  # the test extra includes the build's


def test_a_changed_pyproject_installs_again_and_quietly():
    stamp = STAMP.read_text(encoding="utf-8")
    STAMP.write_text("0" * 64 + " requirements/test.txt\n", encoding="utf-8")  # as if pyproject.toml or a lock had changed
    try:
        trace = trace_setup("test")
        assert "--require-hashes -r requirements/test.txt" in trace
        assert "--no-deps --no-build-isolation -e ." in trace
        assert "Warning" not in "\n".join(line for line in trace.splitlines() if not line.startswith("+"))
    finally:
        assert STAMP.read_text(encoding="utf-8") == stamp
