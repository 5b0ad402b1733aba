"""Starting files for editors (``python -m congbo new``): a fresh id, and every required field present,
those only the editor knows as a ``<<ĐIỀN: …>>`` placeholder the check refuses. A document's or an
event's date is one of them: today's date written in its place would pass the check when forgotten,
and be published as a fact. An article's date is the moment it is written, which is what it says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import vi
from .layout import COLUMN_DIR, DOCUMENTS, EVENTS, ORGANISATIONS, SITE
from .read import FRONT_MATTER_LINE, decode, raw_id, split_article
from .schema import modeline
from .yamlread import read_yaml


def fill(what: str) -> str:
    """A placeholder as a quoted YAML string."""
    return f'"<<ĐIỀN: {what}>>"'


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fresh_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first not already used."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def article_ids(docs_dir: Path) -> set[str]:
    """The ids the column's articles are written with, each file read as the loader reads it."""
    ids = set()
    for path in (docs_dir / COLUMN_DIR).rglob("*.md"):
        article = split_article(decode(path.read_bytes(), str(path))[0])
        located = read_yaml(article[0], str(path), FRONT_MATTER_LINE)[0] if article else None
        ids.add(raw_id(located.value) if located is not None else None)
    return ids - {None}


def event_ids(root: Path) -> set[str]:
    """The ids data/events.yml's records are written with, read as the loader reads it."""
    path = root / EVENTS.path
    located = read_yaml(decode(path.read_bytes(), EVENTS.path)[0], EVENTS.path)[0] if path.is_file() else None
    items = located.value if located is not None and isinstance(located.value, list) else []
    return {raw_id(item) for item in items} - {None}


def render_article(article_id: str, title: str, moment: dt.datetime) -> str:
    return "\n".join(
        [
            "---",
            f"id: {article_id}",
            f"title: {quoted(title)}",
            f"date: {moment:%Y-%m-%d %H:%M} +07:00",
            f"author: {fill('tác giả')}",
            f"category: {fill(f'mã chuyên mục con trong {SITE.path}')}",
            f"summary: {fill('sapo, một đến ba câu')}",
            "---",
            "",
            "<<ĐIỀN: nội dung bài viết>>",
            "",
        ]
    )


def date_to_fill(what: str, example: dt.date) -> str:
    """A date placeholder naming the three ways a date can be known, with ``example`` (the day the file is
    made, only as an example of the form) in each."""
    day, month = example.isoformat(), f"{example:%Y-%m}"
    return fill(
        f"{what}: {day} nếu biết ngày; {month}-?? nếu chỉ biết tháng; {example.year}-??-?? nếu chỉ biết năm; "
        f"..{day} nếu chỉ biết chậm nhất là ngày đó (ví dụ ngày đăng bản tin)"
    )


def render_plan(plan_id: str, today: dt.date, report: bool = False) -> str:
    """A document's starting file: from its full text, or (``report``) known only from a news report or a
    portal's listing, with no part of a full text to fill in and the report as its source."""
    head = [
        modeline(f"{DOCUMENTS.path}{plan_id}.yml"),
        f"id: {plan_id}",
        "type: KH",
        f"number: {fill('số văn bản; .. nếu bản gốc để trống số, ?? nếu chưa rõ')}",
        f"symbol: {fill('ký hiệu, ví dụ KH-UBND; ?? nếu chưa rõ')}",
        f"issuer: {fill(f'mã cơ quan ban hành trong {ORGANISATIONS.path}')}",
        f"place: {fill('địa danh, ví dụ Lạng Sơn; ?? nếu chưa rõ')}",
        f"date: {date_to_fill('ngày ban hành', today)}",
        f"summary: {fill('trích yếu')}",
    ]
    if report:
        return "\n".join(
            [
                *head,
                f"signer: {fill('người ký nếu bản tin nêu (ghi title và name trên hai dòng dưới signer:); ?? nếu không nêu')}",
                "sources:",
                "  - kind: ban-tin",
                f"    name: {fill('tên báo, cổng hoặc trang đăng, ví dụ Báo Quảng Nam')}",
                f"    url: {fill('địa chỉ bản tin, bắt đầu bằng https://')}",
                f"    date: {fill('ngày đăng bản tin NNNN-TT-NN')}",
                f"    title: {fill('tiêu đề bản tin')}",
                "",
            ]
        )
    return "\n".join(
        [
            *head,
            "sections:",
            f"  - title: {fill('tiêu đề mục I như trong văn bản')}",
            "recipients:",
            f"  - text: {fill('nơi lưu, ví dụ Lưu: VT, KG-VX')}",
            "    role: luu",
            "signer:",
            f"  title: {fill('chức vụ người ký, ví dụ PHÓ CHỦ TỊCH')}",
            f"  name: {fill('họ và tên người ký')}",
            "",
        ]
    )


def render_event(event_id: str, name: str | None, today: dt.date) -> str:
    """One record, to append to data/events.yml."""
    return "\n".join(
        [
            f"- id: {event_id}",
            f"  name: {quoted(name) if name else fill('tên sự kiện')}",
            f"  date: {date_to_fill('ngày diễn ra', today)}",
            f"  place: {fill('địa điểm (hoặc xóa dòng này)')}",
            "",
        ]
    )


def new_article(root: Path, title: str, moment: dt.datetime) -> Path:
    docs = root / "docs"
    article_id = fresh_id(vi.slugify(title) or "bai-viet", article_ids(docs))
    path = docs / COLUMN_DIR / str(moment.year) / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_article(article_id, title, moment), encoding="utf-8")
    return path


def new_plan(root: Path, plan_id: str, today: dt.date, report: bool = False) -> Path:
    path = root / DOCUMENTS.path / f"{plan_id}.yml"
    if path.exists():
        raise FileExistsError(f"đã có tệp {DOCUMENTS.path}{plan_id}.yml; hãy chọn mã khác")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_plan(plan_id, today, report), encoding="utf-8")
    return path


def new_event(root: Path, name: str | None, today: dt.date) -> tuple[Path, str]:
    event_id = fresh_id(vi.slugify(name) if name else f"su-kien-{today.isoformat()}", event_ids(root))
    path = root / EVENTS.path
    text = path.read_text(encoding="utf-8") if path.is_file() else modeline(EVENTS.path) + "\n"
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + render_event(event_id, name, today), encoding="utf-8")
    return path, event_id
