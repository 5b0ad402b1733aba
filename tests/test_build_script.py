"""scripts/build.sh: a failed or interrupted build leaves an existing site/ as it was, and no process of
the build outlives it, whatever signal ends it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, build_env, copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", root / "scripts")
    shutil.copytree(ROOT / "requirements", root / "requirements")  # setup.sh's stamp covers the locks
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / ".venv").symlink_to(ROOT / ".venv")  # set up already: setup.sh finds it installed
    old = root / "site"
    old.mkdir()
    (old / "index.html").write_text("trang cũ", encoding="utf-8")
    return root


def run_build(root: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        ["bash", str(root / "scripts/build.sh")],
        cwd=root,
        env=build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def processes_in(root: Path) -> list[str]:
    """Command lines of the processes still running from this project (their working directory)."""
    out = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(os.readlink(proc / "cwd")).is_relative_to(root):
                out.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return out


def test_a_build_that_fails_leaves_the_old_site(project):
    # Valid for the check, fatal for MkDocs: a link to a page that does not exist (strict mode).
    (project / "docs/bao-chi.md").write_text(
        (project / "docs/bao-chi.md").read_text(encoding="utf-8") + "\n[x](khong-co.md)\n", encoding="utf-8"
    )
    build = run_build(project)
    _, stderr = build.communicate(timeout=600)
    assert build.returncode != 0, stderr
    assert (project / "site/index.html").read_text(encoding="utf-8") == "trang cũ"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def test_a_build_that_succeeds_replaces_the_site(project):
    build = run_build(project)
    _, stderr = build.communicate(timeout=600)
    assert build.returncode == 0, stderr
    assert "trang cũ" not in (project / "site/index.html").read_text(encoding="utf-8")
    assert oct((project / "site").stat().st_mode & 0o777) == "0o755"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def add_articles(root: Path, count: int) -> None:
    """Copies of an article under new ids, so that the build lasts long enough to be interrupted."""
    source = (root / "docs/chuyen-muc/2022/thang-hanh-dong.md").read_text(encoding="utf-8")
    folder = root / "docs/chuyen-muc/2019"
    folder.mkdir()
    for n in range(count):
        text = source.replace("id: thang-hanh-dong-quoc-gia-ve-dan-so", f"id: ban-sao-{n}").replace("date: 2022-", "date: 2019-")
        (folder / f"ban-sao-{n}.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_build_ends_every_process_and_keeps_the_old_site(project, sig):
    add_articles(project, 400)
    build = run_build(project)
    deadline = time.monotonic() + 120
    while not any("mkdocs build" in c for c in processes_in(project)):  # MkDocs is at work
        assert time.monotonic() < deadline and build.poll() is None, build.communicate()
        time.sleep(0.05)
    time.sleep(1.5)
    assert build.poll() is None, "the build ended before it could be interrupted"
    build.send_signal(sig)  # to the script alone, as a supervisor or CI runner would
    build.communicate(timeout=60)
    assert build.returncode in (128 + sig, -sig)
    time.sleep(0.5)
    assert processes_in(project) == []
    assert (project / "site/index.html").read_text(encoding="utf-8") == "trang cũ"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
