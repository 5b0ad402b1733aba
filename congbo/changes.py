"""What a branch changes in content: records added, changed and removed, compared with a base revision.

Records are compared by id as written (each file read by the loader's own reader, `read`: the YAML
strictly, an article's whole file), so the summary is right even when the branch's data does not pass
the check yet.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import urls, vi
from .github import escape_cell
from .layout import ARTICLES, COLUMN_DIR, DOCUMENTS, EVENTS, LISTS, PARTS, SITE, Part, part_of
from .models import DOCUMENT_KINDS, UNKNOWN_KIND_NAME
from .dates import PartialDate
from .read import FRONT_MATTER_LINE, decode, not_an_article, raw_id, split_article
from .yamlread import read_yaml

PAGE_URLS = {"organisation": urls.organisation, "observance": urls.observance, "event": urls.event}
"""The page of a record of a list file, by its kind."""
KIND_NAMES = {part.kind: part.name for part in PARTS} | {"page": "trang viết tay"}
"""What the summary calls each kind of record, in the order it lists them."""
STATUS_NAMES = {"added": "thêm", "changed": "sửa", "removed": "bỏ"}


FIELD_LABELS = {
    "id": "mã",
    "name": "tên",
    "title": "tiêu đề",
    "date": "ngày",
    "end": "ngày kết thúc",
    "place": "địa điểm",
    "kind": "loại",
    "type": "loại văn bản",
    "number": "số",
    "symbol": "ký hiệu",
    "issuer": "cơ quan ban hành",
    "signer": "người ký",
    "recipients": "nơi nhận",
    "lead": "cơ quan chủ trì",
    "partners": "cơ quan phối hợp",
    "time": "thời gian",
    "deadline": "hạn",
    "start": "bắt đầu",
    "ongoing": "thường xuyên",
    "budget": "kinh phí",
    "author": "tác giả",
    "category": "chuyên mục con",
    "image": "ảnh",
    "url": "địa chỉ",
    "description": "mô tả",
    "sections": "mục",
    "activities": "hoạt động",
    "observances": "ngày kỷ niệm",
    "plans": "văn bản",
    "events": "sự kiện",
    "updated": "thời điểm sửa",
    "summary": "trích yếu",
    "owner": "cơ quan chủ quản",
    "phone": "điện thoại",
    "email": "thư điện tử",
    "address": "địa chỉ trụ sở",
    "themes": "chủ đề",
    "level": "cấp",
    "province": "tỉnh",
    "parent": "cơ quan cấp trên",
    "members": "thành viên",
    "valid_until": "hiệu lực đến",
    "successor": "cơ quan kế thừa",
    "day": "ngày",
    "month": "tháng",
    "text": "nội dung",
    "role": "vai trò",
    "column": "chuyên mục",
    "event": "sự kiện",
    "sources": "nguồn",
    "source": "nguồn",
    "addressees": "nơi gửi",
    "bases": "căn cứ",
    "basis": "căn cứ",
    "attachments": "tệp đính kèm",
    "appendices": "phụ lục",
    "preamble": "phần mở đầu",
    "closing": "phần kết",
    "enacting": "điều khoản thi hành",
    "co_issuers": "cơ quan cùng ban hành",
    "co_signers": "người cùng ký",
    "footnotes": "chú thích",
    "notes": "ghi chú",
    "related": "văn bản liên quan",
    "validity": "thời gian có hiệu lực",
    "covers": "năm áp dụng",
    "points": "nội dung chính",
    "targets": "chỉ tiêu",
    "note": "ghi chú",
    "occasions": "dịp",
    "superseded_by": "văn bản thay thế",
    "authority": "thẩm quyền",
    "heading": "tiêu đề văn bản",
    "short_name": "tên viết tắt",
    "history": "lịch sử",
    "first_year": "năm đầu tiên",
    "district": "huyện",
    "origin": "nguồn gốc",
    "organisers": "đơn vị tổ chức",
    "participants": "thành phần tham gia",
    "provinces": "tỉnh, thành phố",
    "merged_into": "sắp xếp vào tỉnh",
    "since": "từ ngày",
}
"""Vietnamese names of the fields editors write, as a change summary shows them; a field not here shows its key."""
KIND_FIELD_LABELS = {
    ("plan", "date"): "ngày ban hành",
    ("event", "type"): "loại sự kiện",
    ("article", "summary"): "sapo",
    ("article", "date"): "ngày đăng",
    ("article", "body"): "nội dung bài",
}
MISSING = "(không có)"
MAX_FIELDS = 8
"""Field changes listed for one record; past this, a count."""


@dataclass(frozen=True)
class Dated:
    """A thing on the calendar: an event, or a document's activity with dates."""

    key: str
    what: str
    name: str
    when: str


@dataclass(frozen=True, order=True)
class Record:
    kind: str
    record_id: str
    name: str
    url: str
    content: str
    """What is compared: the record as read, or the whole file."""
    values: tuple[tuple[str, str], ...] = ()
    """Every field as written, by its path (an article's body as one field)."""
    dated: tuple[Dated, ...] = ()
    """What the record puts on the calendar."""
    kind_name: str = ""
    """What the summary calls the record: a document by its kind as written ('công văn'); others by `KIND_NAMES`."""


@dataclass(frozen=True, order=True)
class Change:
    kind: str
    status: str
    record_id: str
    name: str
    url: str
    fields: tuple[tuple[str, str, str], ...] = ()
    """(field, old value, new value) of a changed record."""
    published: str = ""
    """A new article's publish date as written."""
    kind_name: str = ""
    """What the record is called: a document by its kind ('công văn'), others by `KIND_NAMES`."""


def records_of(rel: str, text: str | None) -> dict[tuple[str, str], Record]:
    """The records one content file holds, by (kind, id); nothing for a file that is absent or unreadable."""
    if text is None:
        return {}
    path, part = PurePosixPath(rel), part_of(rel)
    if part in LISTS:
        return _list_records(part, text)
    if part is SITE:
        located, _ = read_yaml(text, rel)
        return {("site", "site"): Record("site", "site", SITE.path, "", text, values_of(located.value if located is not None else {}))}
    if part is DOCUMENTS:
        return _document_records(path, text)
    if path.parts[0] == "docs" and path.suffix == ".md":
        return _page_records(path, text)
    return {}


def _list_records(part: Part, text: str) -> dict[tuple[str, str], Record]:
    kind, name_key, url_of = part.kind, part.title, PAGE_URLS[part.kind]
    located, _ = read_yaml(text, part.path)
    items = located.value if located is not None and isinstance(located.value, list) else []
    found = {}
    for item in items:
        record_id = raw_id(item)
        if record_id is not None:
            dated = (_dated(f"event:{record_id}", EVENTS.name, item, name_key, item),) if part is EVENTS else ()
            found[(kind, record_id)] = Record(
                kind,
                record_id,
                _text(item.get(name_key), record_id),
                url_of(record_id),
                repr(item),
                values_of(item),
                tuple(d for d in dated if d),
            )
    return found


def _dated(key: str, what: str, item: dict, name_key: str, dates: Any) -> Dated | None:
    """A calendar entry for ``item`` if ``dates`` (a mapping) holds a date, a start, an end or a deadline."""
    if not isinstance(dates, dict):
        return None
    parts = [(label, dates.get(field)) for field, label in (("date", ""), ("start", "từ "), ("end", "đến "), ("deadline", "hạn "))]
    when = " ".join(f"{label}{_date_value(value)}" for label, value in parts if value is not None and not isinstance(value, (dict, list)))
    return Dated(key, what, _text(item.get(name_key), key.rsplit(":", 1)[-1]), when) if when else None


def values_of(value: Any, path: str = "") -> tuple[tuple[str, str], ...]:
    """Every scalar of a record by its path: a list of records by their ids (``activities[lien-hoan]``),
    any other list by position, a list of plain values as one field."""
    if isinstance(value, dict):
        found = []
        for key, inner in value.items():
            found += values_of(inner, f"{path}.{key}" if path else str(key))
        return tuple(found)
    if isinstance(value, list) and value and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in value):
        return tuple(pair for item in value for pair in values_of({k: v for k, v in item.items() if k != "id"}, f"{path}[{item['id']}]"))
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        return tuple(pair for n, item in enumerate(value, 1) for pair in values_of(item, f"{path}[{n}]"))
    return ((path, _value(value)),)


def _date_value(value: Any) -> str:
    """A day as written ('2025-12-19'), or, for a date short of its day, what it says in Vietnamese as the pages
    say it ('chậm nhất ngày 19/12/2025', 'tháng 12 năm 2025 (chưa rõ ngày)', 'quý II năm 2025')."""
    text = _value(value)
    try:
        date = PartialDate.parse(text)
    except ValueError:
        return text
    return text if date.exact else date.text_with_state()


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value) or MISSING
    return " ".join(str(value).split())


def excerpts(old: str, new: str, width: int = 60) -> tuple[str, str]:
    """Two long values shown around where they first differ, at most ``width`` characters each."""
    if len(old) <= width and len(new) <= width:
        return old, new
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, start - 20)
    return tuple(("…" if start else "") + text[start : start + width] + ("…" if len(text) > start + width else "") for text in (old, new))


def _document_records(path: PurePosixPath, text: str) -> dict[tuple[str, str], Record]:
    located, _ = read_yaml(text, str(path))
    value = located.value if located is not None and isinstance(located.value, dict) else {}
    record_id = path.stem if raw_id(value) is None else raw_id(value)
    activities = value.get("activities") if isinstance(value.get("activities"), list) else []
    dated = [
        _dated(f"activity:{record_id}:{item['id']}", "hoạt động", item, "name", item.get("time"))
        for item in activities
        if raw_id(item) is not None
    ]
    return {
        (DOCUMENTS.kind, record_id): Record(
            DOCUMENTS.kind,
            record_id,
            _text(value.get(DOCUMENTS.title), record_id),
            urls.document(record_id),
            text,
            values_of(value),
            tuple(d for d in dated if d),
            document_kind_name(value.get("type")),
        )
    }


def document_kind_name(written: Any) -> str:
    """'kế hoạch', 'công văn'… from a document's 'type' as written; 'văn bản' when it is not known or not readable."""
    return vi.lower_first(DOCUMENT_KINDS.get(written, UNKNOWN_KIND_NAME) if isinstance(written, str) else UNKNOWN_KIND_NAME)


def _kind_name(record: Record) -> str:
    return record.kind_name or KIND_NAMES[record.kind]


def _page_records(path: PurePosixPath, text: str) -> dict[tuple[str, str], Record]:
    inside = PurePosixPath(*path.parts[1:])
    if not (inside.parts[0] == COLUMN_DIR and not_an_article(inside.parts[1:]) is None):
        return {("page", str(path)): Record("page", str(path), str(path), _page_url(inside), text)}
    article = split_article(text)
    located = read_yaml(article[0], str(path), FRONT_MATTER_LINE)[0] if article else None
    meta = located.value if located is not None and isinstance(located.value, dict) else {}
    record_id = path.stem if raw_id(meta) is None else raw_id(meta)
    body = article[1] if article else text
    values = (*values_of(meta), ("body", _value(body) if body.strip() else MISSING))
    return {
        ("article", record_id): Record(
            "article", record_id, _text(meta.get(ARTICLES.title), record_id), urls.article(record_id), text, values
        )
    }


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
            published = dict(after.values).get("date", "") if after.kind == "article" else ""
            changes.append(
                Change(after.kind, "added", after.record_id, after.name, after.url, published=published, kind_name=_kind_name(after))
            )
        elif after is None:
            changes.append(Change(before.kind, "removed", before.record_id, before.name, before.url, kind_name=_kind_name(before)))
        elif before.content != after.content:
            changes.append(
                Change(
                    after.kind, "changed", after.record_id, after.name, after.url, field_changes(before, after), kind_name=_kind_name(after)
                )
            )
    order = list(KIND_NAMES)
    return sorted(changes, key=lambda c: (order.index(c.kind), list(STATUS_NAMES).index(c.status), c.record_id))


def field_changes(before: Record, after: Record) -> tuple[tuple[str, str, str], ...]:
    """Each field whose value differs, in the order the new record writes them (removed fields last)."""
    old, new = dict(before.values), dict(after.values)
    return tuple((label(after.kind, path), old.get(path, MISSING), new.get(path, MISSING)) for path in _changed_paths(before, after))


def changed_fields(before: Record, after: Record) -> tuple[str, ...]:
    """The top-level fields that differ, in Vietnamese, once each: ``activities[a].time`` and
    ``activities[b].lead`` are both "hoạt động". (A page's history names fields, not values.)"""
    keys = (path.split(".", 1)[0].partition("[")[0] for path in _changed_paths(before, after))
    return tuple(dict.fromkeys(label(after.kind, key) for key in keys))


def _changed_paths(before: Record, after: Record) -> list[str]:
    old, new = dict(before.values), dict(after.values)
    paths = list(new) + [path for path in old if path not in new]
    return [path for path in paths if old.get(path) != new.get(path)]


def label(kind: str, path: str) -> str:
    """A field's path in Vietnamese: ``activities[lien-hoan].time.deadline`` -> ``hoạt động [lien-hoan] › thời gian › hạn``."""
    words = []
    for part in path.split("."):
        key, _, index = part.partition("[")
        name = KIND_FIELD_LABELS.get((kind, key)) if not words else None
        words.append((name or FIELD_LABELS.get(key, key)) + (f" [{index}" if index else ""))
    return " › ".join(words)


def calendar_changes(old: dict[tuple[str, str], Record], new: dict[tuple[str, str], Record]) -> list[str]:
    """What a change does to the calendar, in Vietnamese: entries added, moved (new dates) or removed."""
    before = {d.key: d for record in old.values() for d in record.dated}
    after = {d.key: d for record in new.values() for d in record.dated}
    lines = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was is None:
            lines.append(f"thêm {now.what} “{now.name}”: {now.when}")
        elif now is None:
            lines.append(f"bỏ {was.what} “{was.name}” ({was.when})")
        elif was.when != now.when:
            lines.append(f"dời {now.what} “{now.name}”: {was.when} → {now.when}")
    return lines


# --- reading the two revisions ----------------------------------------------------------


def git_command(root: Path) -> list[str]:
    """``git`` run on ``root``. safe.directory on the command line: in a CI container the checkout belongs to
    another user, and git refuses it otherwise (command-line configuration is trusted for this setting)."""
    return ["git", "-c", f"safe.directory={Path(root).resolve()}", "-C", str(root)]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*git_command(root), *args], capture_output=True, text=True, encoding="utf-8")


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
    """The file's text at ``base`` (`read.decode`, as the loader reads it), or None where it did not exist."""
    result = subprocess.run([*git_command(root), "show", f"{base}:{rel}"], capture_output=True)
    return decode(result.stdout, rel)[0] if result.returncode == 0 else None


def text_now(root: Path, rel: str) -> str | None:
    """The file's text in the working tree (`read.decode`, as the loader reads it), or None."""
    path = root / rel
    return decode(path.read_bytes(), rel)[0] if path.is_file() else None


def branch_records(root: Path, base: str) -> tuple[dict[tuple[str, str], Record], dict[tuple[str, str], Record]]:
    """The records of the files the branch changes, as they were at ``base`` and as they are now."""
    old, new = {}, {}
    for rel in changed_files(root, base):
        old.update(records_of(rel, text_at(root, base, rel)))
        new.update(records_of(rel, text_now(root, rel)))
    return old, new


def branch_changes(root: Path, base: str) -> list[Change]:
    return compare(*branch_records(root, base))


def site_url_of(root: Path) -> str:
    """The published address, data/site.yml's ``url`` (read as written: the summary is made even when the data is not valid)."""
    text = text_now(root, SITE.path)
    located = read_yaml(text, SITE.path)[0] if text is not None else None
    value = located.value.get("url") if located is not None and isinstance(located.value, dict) else None
    return value if isinstance(value, str) else ""


# --- the summary ----------------------------------------------------------------------------


def render_summary(changes: list[Change], base: str, site_url: str, calendar: list[str] | None = None) -> str:
    """The job summary's Vietnamese section: what the branch adds, changes and removes, with absolute page
    links, each changed field's old and new value, a new article's publish date, and the calendar's changes."""
    lines = [f"### Nội dung thay đổi so với `{escape_cell(base)}`", ""]
    if not changes:
        return "\n".join(lines + ["Nhánh này không thay đổi nội dung (data/, docs/).", ""])
    counts = {status: sum(c.status == status for c in changes) for status in STATUS_NAMES}
    lines.append(", ".join(f"{name} {counts[status]}" for status, name in STATUS_NAMES.items()) + " mục.")
    lines += ["", "| thay đổi | loại | tên | trang | chi tiết |", "| --- | --- | --- | --- | --- |"]
    for change in changes:
        address = page_address(site_url, change)
        link = f"[{escape_cell(change.url or '/')}]({address})" if address else ""
        lines.append(f"| {STATUS_NAMES[change.status]} | {change.kind_name} | {escape_cell(change.name)} | {link} | {details(change)} |")
    if calendar:
        lines += ["", "**Lịch:**", ""] + [f"- {escape_cell(line)}" for line in calendar]
    lines += [
        "",
        "Trang của mục thêm mới chỉ có trên trang đã xuất bản sau khi nhánh được hợp nhất (trước đó: ở bản xem trước); "
        "trang của mục bị bỏ mất đi khi đó.",
        "",
    ]
    return "\n".join(lines)


def page_address(site_url: str, change: Change) -> str:
    """The change's page, absolute; none for the site's settings, nor without an address."""
    return (urls.absolute(site_url, change.url) or "") if change.kind != "site" else ""


def details(change: Change) -> str:
    shown = [
        f"{escape_cell(field)}: {' → '.join(escape_cell(text) for text in excerpts(old, new))}"
        for field, old, new in change.fields[:MAX_FIELDS]
    ]
    if len(change.fields) > MAX_FIELDS:
        shown.append(f"và {len(change.fields) - MAX_FIELDS} trường khác")
    if change.published:
        shown.append(f"ngày đăng: {escape_cell(change.published)}")
    return "<br>".join(shown)


def render_json(changes: list[Change], base: str, site_url: str) -> str:
    """The same changes for a program (scripts/preview_shots.py): each with its page's site-relative and
    absolute address (empty for the site's settings, or without an address)."""
    items = [
        {
            "kind": c.kind,
            "kind_name": c.kind_name,
            "status": c.status,
            "status_name": STATUS_NAMES[c.status],
            "id": c.record_id,
            "name": c.name,
            "url": c.url if c.kind != "site" else None,
            "address": page_address(site_url, c),
            "published": c.published,
        }
        for c in changes
    ]
    return json.dumps({"base": base, "site_url": site_url, "changes": items}, ensure_ascii=False, indent=2)
