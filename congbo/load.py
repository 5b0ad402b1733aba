"""Read and check all the data: every file, every record, every cross-reference, in one run.

`load_site` returns a valid `Site` or raises `DataError` listing every problem found as
``file:line:column: path: message``. Reading is `read`'s job, the checks across records `checks`', and
the editors' messages `messages`'.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import content
from .checks import check_records
from .errors import DataError
from .history import NO_HISTORY, History
from .layout import DOCUMENTS, EVENTS, LISTS, SITE
from .models import Document
from .read import Checker, read_records
from .site import Site
from .yamlread import Located


def load_site(root: Path, *, today: dt.date, docs_dir: Path | None = None, history: History = NO_HISTORY) -> Site:
    """Read ``root/data`` (and the column's articles under ``docs_dir``) into a checked `Site`. ``history``:
    what git knows of the content (`history.read_history`), read by the caller; none by default."""
    root = Path(root)
    links = content.scan_links(root)
    if links:  # nothing is read through a link: the file it points to could be anywhere on the machine
        raise DataError(links)
    check = Checker(root)
    check.problems.extend(content.scan_files(root))
    if docs_dir is not None:
        check.problems.extend(content.check_pages(root, docs_dir))
    records = read_records(check, root, docs_dir)
    checked = check_records(check, records, docs_dir, today)
    if check.problems:
        raise DataError(check.problems)
    documents, derived = records.documents, checked.derived
    return Site(
        info=records.info,
        organisations=tuple(checked.organisations),
        observances=tuple(records.observances),
        documents=tuple(sorted((p for _, p in documents), key=lambda p: (p.date, p.id), reverse=True)),
        events=tuple(sorted(records.events + [e for _, _, e in derived], key=lambda e: (e.date, e.id))),
        articles=tuple(sorted((r for _, r in records.articles), key=lambda r: r.meta.id)),
        today=today,
        origins=_origins(records.sources, documents, derived),
        files=checked.files,
        images={name: image.data for name, image in records.images.items() if image.data is not None},
        history=history,
    )


def _origins(sources: dict[str, Located], documents: list[tuple[Located, Document]], derived) -> dict[tuple[str, str], tuple[str, int]]:
    """The file and line where each record starts (the data is valid: every list item has its id)."""
    found = {
        ("site", "site"): (sources[SITE.key].file, 1),
        ("site", "column"): (sources[SITE.key].file, sources[SITE.key].where(("column",))[0]),
    }
    for part in LISTS:
        located = sources[part.key]
        found[("file", part.key)] = (located.file, 1)
        for i, item in enumerate(located.value):
            found[(part.kind, item["id"])] = (located.file, located.where((i,))[0])
    for located, document in documents:
        found[(DOCUMENTS.kind, document.id)] = (located.file, 1)
    for located, j, event in derived:
        found[(EVENTS.kind, event.id)] = (located.file, located.where(("activities", j))[0])
    return found
