"""When each content file and record last changed, and what changed, read from git.

Two git processes for the whole repository, whatever its size: one ``git log`` lists every commit
of the published branch (first parent: the day a change reached the branch) with the content files
it changed, and one ``git cat-file --batch`` reads each revision of each data file once. Each data
file's records are compared revision by revision with `changes` (the comparer of ``congbo changes``).
Where git, the repository or its full history is missing (a tarball, a shallow clone), the history
is empty and pages say nothing: a date is never guessed.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import changes
from .layout import part_of
from .read import decode
from .scalars import VN_TZ

CONTENT = ("data", "docs")
MAX_SHOWN = 10
"""Changes a document's page lists, newest first."""
FIRST = "đăng lần đầu"


@dataclass(frozen=True)
class Revision:
    """One change of a record: when it reached the branch, and the fields it changed (in Vietnamese);
    no fields for the record's first version."""

    when: dt.datetime
    fields: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return ", ".join(self.fields) if self.fields else FIRST


@dataclass(frozen=True)
class History:
    """What git knows of the content; empty when git or the full history is not there."""

    files: dict[str, dt.datetime] = field(default_factory=dict)
    """Each content file (from the project root): when the last commit that changed it reached the branch."""
    records: dict[tuple[str, str], tuple[Revision, ...]] = field(default_factory=dict)
    """Each record of a data file, by (kind, id) as `changes.records_of` names it: its changes, newest first."""

    def last_changed(self, key: tuple[str, str] | None, file: str | None) -> dt.datetime | None:
        """The record's last change, else its file's; None when unknown."""
        revisions = self.records.get(key) if key else None
        if revisions:
            return revisions[0].when
        return self.files.get(file) if file else None


NO_HISTORY = History()


def by_day(revisions: tuple[Revision, ...], limit: int = MAX_SHOWN) -> list[tuple[dt.date, str]]:
    """A record's changes for its page, newest first, at most ``limit`` days: each day once (Vietnam time),
    with the fields changed that day, or "đăng lần đầu" when the record first appeared that day."""
    days: dict[dt.date, list[Revision]] = {}
    for revision in revisions:
        days.setdefault(revision.when.date(), []).append(revision)
    shown = []
    for day, same_day in list(days.items())[:limit]:
        if any(not r.fields for r in same_day):
            shown.append((day, FIRST))
        else:
            shown.append((day, ", ".join(dict.fromkeys(f for r in reversed(same_day) for f in r.fields))))
    return shown


def read_history(root: Path) -> History:
    """The history of ``root``'s content files, or `NO_HISTORY` outside a full git repository."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return NO_HISTORY
    log = _git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--relative",
        "--format=%x01%H %ct",
        "--name-only",
        "-z",
        "--",
        *CONTENT,
    )
    if log is None:
        return NO_HISTORY
    commits = parse_log(log)
    files: dict[str, dt.datetime] = {}
    for _, when, paths in commits:  # newest first
        for path in paths:
            files.setdefault(path, when)
    return History(files, record_histories(root, commits))


def parse_log(text: str) -> list[tuple[str, dt.datetime, list[str]]]:
    """``git log --format=%x01%H %ct --name-only -z`` as (commit, time in Vietnam, files), newest first."""
    commits = []
    for chunk in text.split("\x01")[1:]:
        header, _, names = chunk.partition("\0")
        commit, seconds = header.split()
        paths = [name.lstrip("\n") for name in names.split("\0")]
        commits.append((commit, dt.datetime.fromtimestamp(int(seconds), VN_TZ), [p for p in paths if p]))
    return commits


def record_histories(root: Path, commits: list[tuple[str, dt.datetime, list[str]]]) -> dict[tuple[str, str], tuple[Revision, ...]]:
    """Each data file's records compared from each revision to the next, oldest first: every revision
    read once. A record is compared with its last version wherever it was written (moved to another
    file, or removed and written again), so moving it is no change."""
    wanted = [(commit, path) for commit, _, paths in commits for path in paths if _is_data(path)]
    texts = read_blobs(root, wanted)
    current: dict[str, dict] = {}  # each data file's records as of the revision being read
    last: dict[tuple[str, str], changes.Record] = {}
    found: dict[tuple[str, str], list[Revision]] = {}
    for commit, when, paths in reversed(commits):
        for path in filter(_is_data, paths):
            before, after = current.get(path, {}), changes.records_of(path, texts.get((commit, path)))
            compared = changes.compare(before, after)
            renamed = _renamed(compared)
            for change in compared:
                key = (change.kind, change.record_id)
                was = last.get(key) or (before[renamed[0]] if renamed and key == renamed[1] else None)
                if change.status == "removed":
                    continue
                fields = changes.changed_fields(was, after[key]) if was is not None else ()
                if was is None or fields:  # a comment or the layout changed: the record did not
                    found.setdefault(key, []).append(Revision(when, fields))
            current[path] = after
            last.update(after)
    return {key: tuple(reversed(revs)) for key, revs in found.items()}


def _renamed(compared: list[changes.Change]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """(old key, new key) when a revision of a file removes one record and adds one of the same kind:
    the record's id was changed, and its history goes on."""
    removed = [(c.kind, c.record_id) for c in compared if c.status == "removed"]
    added = [(c.kind, c.record_id) for c in compared if c.status == "added"]
    if len(removed) == 1 and len(added) == 1 and removed[0][0] == added[0][0]:
        return removed[0], added[0]
    return None


def _is_data(path: str) -> bool:
    return part_of(path) is not None


def read_blobs(root: Path, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The text of each (commit, path), through one ``git cat-file --batch``; a file deleted in that
    commit is absent."""
    if not wanted:
        return {}
    request = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode("utf-8")
    result = subprocess.run([*changes.git_command(root), "cat-file", "--batch"], input=request, capture_output=True)
    if result.returncode != 0:
        return {}
    out, at, texts = result.stdout, 0, {}
    for key in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        texts[key] = decode(out[at : at + size], key[1])[0]
        at += size + 1
    return texts


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run([*changes.git_command(root), *args], capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:  # no git on the machine
        return None
    return result.stdout if result.returncode == 0 else None
