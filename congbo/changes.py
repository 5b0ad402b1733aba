"""What a branch changes in content: records added, changed and removed, compared with a base revision.

Records are compared by id as written (the YAML read strictly, an article's whole file), so the
summary is right even when the branch's data does not pass the check yet.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import urls
from .github import escape_cell
from .content import COLUMN_DIR, FRONT_MATTER
from .yamlread import read_yaml

LISTS = {
    "data/organisations.yml": ("organisation", "name", urls.organisation),
    "data/observances.yml": ("observance", "name", urls.observance),
    "data/events.yml": ("event", "name", urls.event),
}
KIND_NAMES = {
    "site": "thông tin trang",
    "organisation": "cơ quan",
    "observance": "ngày kỷ niệm",
    "event": "sự kiện",
    "plan": "kế hoạch",
    "article": "bài viết",
    "page": "trang viết tay",
}
STATUS_NAMES = {"added": "thêm", "changed": "sửa", "removed": "bỏ"}


@dataclass(frozen=True, order=True)
class Record:
    kind: str
    record_id: str
    name: str
    url: str
    content: str
    """What is compared: the record as read, or the whole file."""


@dataclass(frozen=True, order=True)
class Change:
    kind: str
    status: str
    record_id: str
    name: str
    url: str


def records_of(rel: str, text: str | None) -> dict[tuple[str, str], Record]:
    """The records one content file holds, by (kind, id); nothing for a file that is absent or unreadable."""
    if text is None:
        return {}
    path = PurePosixPath(rel)
    if rel in LISTS:
        return _list_records(rel, text)
    if rel == "data/site.yml":
        return {("site", "site"): Record("site", "site", "data/site.yml", "", text)}
    if path.parent == PurePosixPath("data/plans") and path.suffix == ".yml":
        return _plan_records(path, text)
    if path.parts[0] == "docs" and path.suffix == ".md":
        return _page_records(path, text)
    return {}


def _list_records(rel: str, text: str) -> dict[tuple[str, str], Record]:
    kind, name_key, url_of = LISTS[rel]
    located, _ = read_yaml(text, rel)
    items = located.value if located is not None and isinstance(located.value, list) else []
    found = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            record_id = item["id"]
            found[(kind, record_id)] = Record(kind, record_id, _text(item.get(name_key), record_id), url_of(record_id), repr(item))
    return found


def _plan_records(path: PurePosixPath, text: str) -> dict[tuple[str, str], Record]:
    located, _ = read_yaml(text, str(path))
    value = located.value if located is not None and isinstance(located.value, dict) else {}
    record_id = value.get("id") if isinstance(value.get("id"), str) else path.stem
    return {("plan", record_id): Record("plan", record_id, _text(value.get("summary"), record_id), urls.plan(record_id), text)}


def _page_records(path: PurePosixPath, text: str) -> dict[tuple[str, str], Record]:
    inside = PurePosixPath(*path.parts[1:])
    is_article = inside.parts[0] == COLUMN_DIR and inside.name != "index.md" and not inside.parent.name.startswith("_")
    if not is_article:
        return {("page", str(path)): Record("page", str(path), str(path), _page_url(inside), text)}
    match = FRONT_MATTER.match(text)
    located = read_yaml(match.group(1) or "", str(path))[0] if match else None
    meta = located.value if located is not None and isinstance(located.value, dict) else {}
    record_id = meta.get("id") if isinstance(meta.get("id"), str) else path.stem
    return {("article", record_id): Record("article", record_id, _text(meta.get("title"), record_id), urls.article(record_id), text)}


def _page_url(inside: PurePosixPath) -> str:
    """MkDocs's directory URL of a hand-written page: bao-chi.md -> bao-chi/, a/index.md -> a/."""
    stem = inside.parent if inside.name == "index.md" else inside.with_suffix("")
    return "" if str(stem) == "." else f"{stem.as_posix()}/"


def _text(value: Any, fallback: str) -> str:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else fallback


def compare(old: dict[tuple[str, str], Record], new: dict[tuple[str, str], Record]) -> list[Change]:
    """Records added, changed and removed, in a stable order."""
    changes = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before is None:
            changes.append(Change(after.kind, "added", after.record_id, after.name, after.url))
        elif after is None:
            changes.append(Change(before.kind, "removed", before.record_id, before.name, before.url))
        elif before.content != after.content:
            changes.append(Change(after.kind, "changed", after.record_id, after.name, after.url))
    order = list(KIND_NAMES)
    return sorted(changes, key=lambda c: (order.index(c.kind), list(STATUS_NAMES).index(c.status), c.record_id))


# --- reading the two revisions ----------------------------------------------------------


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    # safe.directory on the command line: in a CI container the checkout belongs to another user,
    # and git refuses it otherwise (command-line configuration is trusted for this setting).
    command = ["git", "-c", f"safe.directory={root.resolve()}", "-C", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8")


def changed_files(root: Path, base: str) -> list[str]:
    """Content files that differ between ``base`` and the working tree, new files not yet added included."""
    found = set()
    for args in (("diff", "--name-only", "--no-renames", base), ("ls-files", "--others", "--exclude-standard")):
        result = _git(root, *args, "--", "data", "docs")
        if result.returncode != 0:
            raise ValueError(result.stderr.strip() or f"git {args[0]} thất bại")
        # Only records are compared; an image or other binary file under docs/ is not text to read.
        found.update(line for line in result.stdout.splitlines() if line.endswith((".yml", ".md")))
    return sorted(found)


def text_at(root: Path, base: str, rel: str) -> str | None:
    result = _git(root, "show", f"{base}:{rel}")
    return result.stdout if result.returncode == 0 else None


def text_now(root: Path, rel: str) -> str | None:
    path = root / rel
    return path.read_text(encoding="utf-8") if path.is_file() else None


def branch_changes(root: Path, base: str) -> list[Change]:
    old, new = {}, {}
    for rel in changed_files(root, base):
        old.update(records_of(rel, text_at(root, base, rel)))
        new.update(records_of(rel, text_now(root, rel)))
    return compare(old, new)


# --- the summary ----------------------------------------------------------------------------


def render_summary(changes: list[Change], base: str, site_url: str) -> str:
    """The job summary's Vietnamese section: what the branch adds, changes and removes, with page links."""
    lines = [f"### Nội dung thay đổi so với `{escape_cell(base)}`", ""]
    if not changes:
        return "\n".join(lines + ["Nhánh này không thay đổi nội dung (data/, docs/).", ""])
    counts = {status: sum(c.status == status for c in changes) for status in STATUS_NAMES}
    lines.append(", ".join(f"{name} {counts[status]}" for status, name in STATUS_NAMES.items()) + " mục.")
    lines += ["", "| thay đổi | loại | tên | trang |", "| --- | --- | --- | --- |"]
    for change in changes:
        address = site_url.rstrip("/") + "/" + change.url if change.kind != "site" else ""
        link = f"[{escape_cell(change.url or '/')}]({address})" if address else ""
        lines.append(f"| {STATUS_NAMES[change.status]} | {KIND_NAMES[change.kind]} | {escape_cell(change.name)} | {link} |")
    lines += ["", "Trang của mục thêm mới chỉ có sau khi nhánh được hợp nhất và xuất bản; trang của mục bị bỏ mất đi khi đó.", ""]
    return "\n".join(lines)
