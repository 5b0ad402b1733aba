"""The GitHub Actions workflows: valid (actionlint), pinned to verified commits of the official
actions, run exactly the README's CI commands, scheduled at 00:05 in Vietnam; and the same steps
(the check, the summary of changes, the build) run here as they run there."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from congbo import preview
from conftest import FIXTURE, ROOT, is_content, read_page

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")

# Each pin checked against the tag it names (release pages and runner logs that print
# "Download action repository 'actions/checkout@v4' (SHA:11bd7190…)"). The five added with the previews
# (upload-artifact, download-artifact, JamesIves, rossjrw, marocchino) were checked against their tags in
# stored snapshots of the repositories (`git rev-parse <tag>^{commit}`), not on github.com: README.md ("In
# CI") asks a maintainer to confirm them there before merging.
VERIFIED_PINS = {
    "actions/checkout": ("11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/download-artifact": ("3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1"),
    "JamesIves/github-pages-deploy-action": ("881db5376404c5c8d621010bcbec0310b58d5e29", "v4.6.8"),
    "rossjrw/pr-preview-action": ("ffa7509e91a3ec8dfc2e5536c4d5c1acdf7a6de9", "v1.8.1"),
    "marocchino/sticky-pull-request-comment": ("773744901bac0e8cbb5a0dc842800d45e9b2b405", "v2.9.4"),
}
THIRD_PARTY = {
    # Why each action not GitHub's own is here, and with what it runs.
    "JamesIves/github-pages-deploy-action": "pushes the built site to gh-pages (contents: write), keeping pr-preview/",
    "rossjrw/pr-preview-action": "writes and removes pr-preview/pr-N/ on gh-pages (contents: write), in the workflow that runs no PR code",
    "marocchino/sticky-pull-request-comment": "one comment per pull request, updated (pull-requests: write), same workflow",
}
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)\s*(?:#\s*(\S+))?\s*$", re.M)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def run_commands() -> list[str]:
    return [step["run"].strip() for path in WORKFLOWS for step in steps(load(path)) if "run" in step]


def readme_ci_commands() -> list[str]:
    """The commands of README's "In CI" block, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## In CI", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def lint(path: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT, "actionlint is missing: it comes with the test extra (pip install -e '.[test]')"
    return subprocess.run(
        [ACTIONLINT, "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", str(path)], capture_output=True, text=True, cwd=ROOT
    )


def test_there_is_a_workflow():
    assert WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_accepts_the_workflow(path):
    result = lint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("github.event_name", "github.event_nam"), encoding="utf-8")
    assert lint(broken).returncode == 1


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_verified_commit(path):
    """GitHub's own actions, and the three others THIRD_PARTY names with the reason each is trusted."""
    text = path.read_text(encoding="utf-8")
    used = USES.findall(text)
    assert used
    for action, ref, comment in used:
        assert action.startswith("actions/") or action in THIRD_PARTY, f"{action}: neither GitHub's nor a reviewed third-party action"
        assert action in VERIFIED_PINS, f"{action}: not one of the verified pins"
        assert (ref, comment) == VERIFIED_PINS[action], f"{action}@{ref} # {comment}"


def test_runs_exactly_the_readme_commands():
    assert run_commands() == readme_ci_commands()
    two_commands = (ROOT / "README.md").read_text(encoding="utf-8").split("## Two commands", 1)[1].split("```", 2)[1]
    assert "bash scripts/build.sh" in two_commands and "bash scripts/test.sh" in two_commands


def test_the_schedule_is_five_past_midnight_in_vietnam():
    workflow = load(WORKFLOWS[0])
    [schedule] = workflow[True]["schedule"]  # PyYAML reads the key `on` as True
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"]
    utc = dt.datetime(2026, 1, 1, int(hour), int(minute), tzinfo=dt.timezone.utc)
    local = utc.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert (local.hour, local.minute) == (0, 5)


def test_publishing_needs_the_checks_and_never_runs_for_a_pull_request():
    jobs = load(WORKFLOWS[0])["jobs"]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "check"
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == [
        "actions/checkout",
        "actions/download-artifact",
        "JamesIves/github-pages-deploy-action",
    ]
    uploads = [s for s in jobs["check"]["steps"] if s.get("with", {}).get("name") == "trang"]
    check_runs = [i for i, s in enumerate(jobs["check"]["steps"]) if "run" in s]
    assert jobs["check"]["steps"].index(uploads[0]) > max(check_runs), "the site is uploaded only after every check"


def check_steps() -> list[dict]:
    return load(WORKFLOWS[0])["jobs"]["check"]["steps"]


def step_env(step: dict) -> dict:
    """The environment the workflow gives a step of the check job (workflow, job, then step)."""
    workflow = load(WORKFLOWS[0])
    return {**workflow.get("env", {}), **workflow["jobs"]["check"].get("env", {}), **step.get("env", {})}


def test_the_published_site_is_built_after_the_tests_with_the_clock():
    """What is uploaded is built after the test step, by a build step with no SOURCE_DATE_EPOCH."""
    steps_ = check_steps()
    [upload] = [i for i, s in enumerate(steps_) if s.get("uses", "").startswith("actions/upload-artifact") and s["with"]["name"] == "trang"]
    assert steps_[upload]["with"]["path"] == "site"
    tests = max(i for i, s in enumerate(steps_) if s.get("run", "").startswith("bash scripts/test.sh"))
    builds = [i for i, s in enumerate(steps_) if s.get("run", "").strip() == "bash scripts/build.sh"]
    last_build = max(i for i in builds if i < upload)
    assert tests < last_build < upload, "the site uploaded is built after the tests"
    assert not any(s.get("run", "").startswith("bash scripts/build.sh") for s in steps_[last_build + 1 : upload])
    assert "SOURCE_DATE_EPOCH" not in step_env(steps_[last_build]), "the published site says the day it was built"
    # The build that publishes runs whenever the upload does.
    assert steps_[last_build].get("if") in (None, steps_[upload].get("if"))


def test_the_container_is_named_by_its_full_python_patch_tag():
    """Dependabot does not update a workflow's `container:`: the README says who bumps it, and how."""
    container = load(WORKFLOWS[0])["jobs"]["check"]["container"]
    assert re.fullmatch(r"python:3\.11\.\d+-bookworm", container), container
    assert f"`{container}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_dependabot_asks_each_week_for_the_python_packages_and_the_actions():
    config = load(DEPENDABOT)
    assert set(config) == {"version", "updates"} and config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert len(updates) == len(config["updates"]) and set(updates) == {"pip", "github-actions"}
    for update in updates.values():
        assert update["directory"] == "/"  # pip: pyproject.toml and requirements/*.txt; actions: .github/workflows
        assert update["schedule"]["interval"] == "weekly"
        assert update["schedule"].get("timezone", "Asia/Ho_Chi_Minh") == "Asia/Ho_Chi_Minh"


def readme_codeowners() -> list[str]:
    """The lines of the CODEOWNERS template in README's "In CI", comments dropped."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## In CI", 1)[1].split("\n## ", 1)[0]
    block = section.split("```text\n", 1)[1].split("```", 1)[0]
    assert block.startswith("# .github/CODEOWNERS"), block
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_the_codeowners_template_names_the_code_and_no_invented_handle():
    """Every path it lists exists; the owner is a placeholder GitHub would refuse, never a made-up account."""
    lines = readme_codeowners()
    paths = [line.split()[0] for line in lines]
    for path in paths:
        assert path.startswith("/") and (ROOT / path.strip("/")).exists(), path
    assert all(line.split()[1:] == ["<OWNER>"] for line in lines), lines
    for needed in (
        "/congbo/",
        "/macros.py",
        "/scripts/",
        "/.ci/",
        "/.github/",
        "/overrides/",
        "/mkdocs.yml",
        "/pyproject.toml",
        "/requirements/",
        "/tests/",
        "/docs/index.md",
        "/docs/bao-chi.md",
        "/docs/huong-dan/index.md",
    ):
        assert needed in paths, needed
    assert not (ROOT / ".github" / "CODEOWNERS").exists() or "<OWNER>" not in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_every_page_that_calls_a_macro_needs_a_code_owner():
    """A macro runs code at build time: a page whose front matter turns macros on (mkdocs.yml has
    `render_by_default: false`) is code."""
    paths = {line.split()[0] for line in readme_codeowners()}
    calling = {
        f"/docs/{path.relative_to(ROOT / 'docs').as_posix()}"
        for path in (ROOT / "docs").rglob("*.md")  # reads the sample: any page an editor adds may call a macro
        if re.search(r"^render_macros:\s*true\s*$", path.read_text(encoding="utf-8").split("\n---", 1)[0], re.M)
    }
    assert calling and calling <= paths, calling - paths


def copy_checkout(dest: Path) -> Path:
    """The project as a clone of it holds it (tracked files, and new ones not ignored, as they are now),
    in a git repository of two commits (the workflow's steps read HEAD^1); .venv linked, set up already."""
    listed = subprocess.run(
        ["git", "-c", f"safe.directory={ROOT}", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for rel in filter(None, listed.split("\0")):
        if (ROOT / rel).is_file() and not is_content(rel):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)  # the tests' own content, not the sample's
    git = ["git", "-c", "user.name=congbo", "-c", "user.email=congbo@example.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"], ["commit", "-q", "--allow-empty", "-m", "head"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def test_the_workflow_steps_run_here(tmp_path):
    """The workflow's steps, in its order, on a copy of the project, with the environment the workflow
    gives them and a job summary file as on GitHub (the test step is this suite). The site it leaves,
    the one uploaded, says it was built today in Vietnam; the repository's site/ is not touched."""
    project = copy_checkout(tmp_path / "project")
    summary = tmp_path / "summary.md"
    base_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    today = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    for step in check_steps():
        command = step.get("run", "").strip()
        if not command or command.startswith("bash scripts/test.sh"):
            continue
        given = {k: str(v).replace("${{ github.event.pull_request.number }}", "1") for k, v in step_env(step).items()}
        env = {**base_env, **given, "GITHUB_STEP_SUMMARY": str(summary)}
        result = subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    text = summary.read_text(encoding="utf-8")
    # The preview's steps ran too (their `if` is for GitHub), for pull request 1.
    assert json.loads((project / "preview-changes.json").read_text(encoding="utf-8"))["site_url"].endswith("/pr-preview/pr-1/")
    assert not (project / "site" / "_preview").exists(), "the site to publish is built after the preview, without it"
    assert "Dữ liệu hợp lệ" in text and "### Nội dung thay đổi so với `HEAD^1`" in text
    built_on = read_page(project / "site", ".").xpath("//p[@class='cb-built']/time/@datetime")
    after = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert built_on and built_on[0] in {today.isoformat(), after.isoformat()}, (built_on, today)


def test_a_pull_request_runs_the_fast_tier_and_its_pages_browser_tests_and_main_runs_everything():
    tests = {s["run"]: s.get("if") for s in check_steps() if s.get("run", "").startswith("bash scripts/test.sh")}
    assert tests == {
        "bash scripts/test.sh -q": "github.event_name != 'pull_request'",
        "bash scripts/test.sh fast -q": "github.event_name == 'pull_request'",
        "bash scripts/test.sh browser -q --pages-changed-since HEAD^1": "github.event_name == 'pull_request'",
    }


# --- the previews -----------------------------------------------------------------------------

PREVIEW_WORKFLOW = ROOT / ".github" / "workflows" / "xem-truoc.yml"
SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"


def test_the_pull_request_job_stays_read_only_and_uploads_its_preview_after_every_check():
    workflow = load(WORKFLOWS[0])
    assert workflow["permissions"] == {"contents": "read"} and "permissions" not in workflow["jobs"]["check"]
    steps_ = check_steps()
    [upload] = [i for i, s in enumerate(steps_) if s.get("with", {}).get("name") == "xem-truoc"]
    assert steps_[upload]["if"] == f"github.event_name == 'pull_request' && {SAME_REPOSITORY}"
    assert steps_[upload]["with"]["path"] == "site" and steps_[upload]["with"]["include-hidden-files"] is True
    tests = max(i for i, s in enumerate(steps_) if s.get("run", "").startswith("bash scripts/test.sh"))
    preview = [i for i, s in enumerate(steps_) if "CONGBO_PREVIEW" in s.get("env", {})]
    assert len(preview) == 2 and tests < min(preview) and max(preview) < upload
    for i in preview:
        assert steps_[i]["env"]["CONGBO_PREVIEW"] == "pr-${{ github.event.pull_request.number }}"
    shots = [s for s in steps_ if "preview_shots.py" in s.get("run", "")]
    assert shots and shots[0]["run"].endswith("site/_preview/binh-luan.md")
    # A fork's pull request: a notice, no preview.
    [fork] = [s for s in steps_ if s.get("if", "").endswith(SAME_REPOSITORY.replace("==", "!="))]
    assert "::notice" in fork["run"] and "GITHUB_STEP_SUMMARY" in fork["run"] and "fork" in fork["env"]["NOTICE"]


def test_the_publishing_workflow_runs_none_of_the_pull_requests_code():
    """Triggered by the check's completion (and a pull request's closing); no step runs a command, and no
    checkout takes anything but the default branch."""
    workflow = load(PREVIEW_WORKFLOW)
    assert workflow[True] == {
        "workflow_run": {"workflows": [load(WORKFLOWS[0])["name"]], "types": ["completed"]},
        "pull_request_target": {"types": ["closed"]},
    }
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "container" not in job
        for step in job["steps"]:
            assert "run" not in step, step
            if step["uses"].startswith("actions/checkout@"):
                assert step["with"] == {"persist-credentials": False}, step
    assert "pull_request" not in workflow[True], "the pull_request event would run this file as the pull request changed it"


def test_the_preview_is_a_same_repository_pull_requests_number_from_the_event_and_is_removed_on_close():
    jobs = load(PREVIEW_WORKFLOW)["jobs"]
    publish, remove = jobs["publish"], jobs["remove"]
    number = "github.event.workflow_run.pull_requests[0].number"  # empty for a fork's pull request
    for needed in (
        "github.event.workflow_run.event == 'pull_request'",
        "github.event.workflow_run.conclusion == 'success'",
        "github.event.workflow_run.head_repository.full_name == github.repository",
        number,
    ):
        assert needed in publish["if"], needed
    steps_ = {s["uses"].split("@")[0]: s for s in publish["steps"]}
    assert steps_["actions/download-artifact"]["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    deploy = steps_["rossjrw/pr-preview-action"]["with"]
    assert deploy["action"] == "deploy" and deploy["pr-number"] == "${{ %s }}" % number
    assert deploy["umbrella-dir"] == preview.UMBRELLA and deploy["preview-branch"] == "gh-pages" and deploy["comment"] is False
    comment = steps_["marocchino/sticky-pull-request-comment"]["with"]
    assert comment["number"] == "${{ %s }}" % number and comment["path"] == "preview/_preview/binh-luan.md"
    assert publish["permissions"] == {"actions": "read", "contents": "write", "pull-requests": "write"}
    # Closing removes it, and the same comment says so.
    assert remove["if"] == f"github.event_name == 'pull_request_target' && {SAME_REPOSITORY}"
    removing = {s["uses"].split("@")[0]: s for s in remove["steps"]}
    assert removing["rossjrw/pr-preview-action"]["with"]["action"] == "remove"
    assert removing["rossjrw/pr-preview-action"]["with"]["umbrella-dir"] == preview.UMBRELLA
    assert removing["marocchino/sticky-pull-request-comment"]["with"]["header"] == comment["header"]


def test_production_goes_to_gh_pages_and_keeps_the_previews():
    [step] = [s for s in load(WORKFLOWS[0])["jobs"]["deploy"]["steps"] if s["uses"].startswith("JamesIves/")]
    assert step["with"] == {"branch": "gh-pages", "folder": "site", "clean": True, "clean-exclude": f"{preview.UMBRELLA}/"}
    assert load(WORKFLOWS[0])["jobs"]["deploy"]["permissions"] == {"contents": "write"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "“Deploy from a branch”" in readme and "`gh-pages`" in readme


def test_the_nightly_build_reports_to_one_issue_and_keeps_its_schedule_on():
    jobs = load(WORKFLOWS[0])["jobs"]
    report = jobs["nightly-report"]
    assert report["needs"] == ["check", "deploy"] and report["if"] == "always() && github.event_name == 'schedule'"
    assert report["runs-on"] == "ubuntu-24.04" and "container" not in report  # gh is on GitHub's runners
    assert report["permissions"] == {"contents": "read", "issues": "write"}
    [step] = [s for s in report["steps"] if "run" in s]
    assert step["run"] == 'bash scripts/nightly_issue.sh "$RESULT" "$RUN_URL"'
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert step["env"]["RESULT"] == "${{ needs.check.result == 'success' && needs.deploy.result == 'success' && 'success' || 'failure' }}"
    keepalive = jobs["keepalive"]
    assert keepalive["permissions"] == {"actions": "write"} and keepalive["if"] == "github.event_name == 'schedule'"
    [enable] = keepalive["steps"]
    assert enable["run"] == f'gh api --method PUT "repos/$GH_REPO/actions/workflows/{WORKFLOWS[0].name}/enable"'
