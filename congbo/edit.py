"""Edit links: for each generated page, the data file (and line) an editor changes to change it.

MkDocs joins ``repo_url``, ``edit_uri`` (which points at docs/) and each file's ``edit_uri``;
a generated page's ``edit_uri`` leaves docs/ for the data file, with ``#L<line>`` (GitHub and
GitLab open the file at that line in their file view; their editors ignore it).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import Iterable

from . import urls
from .layout import DOCUMENTS, EVENTS, OBSERVANCES, ORGANISATIONS, SITE
from .site import Site

Origin = tuple[str, int]
RecordKey = tuple[str, str]


def edit_sources(site: Site, page_paths: Iterable[str]) -> dict[str, Origin]:
    """Each generated page's source (file from the project root, line), by the page's source path.
    A page made from many files of one folder (the documents' index) has none."""
    records = record_pages(site)
    found = {}
    for src_uri in page_paths:
        origin = site.origins[records[src_uri]] if src_uri in records else _listing_origin(site, src_uri)
        if origin:
            found[src_uri] = origin
    return found


def record_pages(site: Site) -> dict[str, RecordKey]:
    """The record each record's page is made from, by the page's source path (a programme: its observance)."""
    pages = {}
    for kind, url_of in (
        ("plan", urls.document),
        ("organisation", urls.organisation),
        ("observance", urls.observance),
        ("event", urls.event),
    ):
        for origin_kind, record_id in site.origins:
            if origin_kind == kind:
                pages[urls.src_of(url_of(record_id))] = (kind, record_id)
    for programme in site.programmes:
        pages[urls.src_of(programme.url)] = ("observance", programme.observance.id)
    return pages


def page_updates(site: Site, page_paths: Iterable[str], generated: Iterable[str], docs_dir: str) -> dict[str, dt.datetime]:
    """When each page last changed, by source path, from ``site.history``: a record's page, its record's
    last change (else its file's); a listing, the newest of the files it lists; a written page or an
    article, its file's. A page whose sources git does not know is left out (nothing is guessed)."""
    history, records, made = site.history, record_pages(site), set(generated)
    found = {}
    for src_uri in page_paths:
        if src_uri in records:
            key = records[src_uri]
            when = history.last_changed(key, site.origins[key][0])
        elif src_uri in made:
            prefixes = _listing_files(src_uri, docs_dir)
            when = max((t for path, t in history.files.items() if prefixes and path.startswith(prefixes)), default=None)
        else:
            when = history.files.get(f"{docs_dir}/{src_uri}")
        if when is not None:
            found[src_uri] = when
    return found


def _listing_files(src_uri: str, docs_dir: str) -> tuple[str, ...]:
    """The files (or folders, ending in /) a generated page other than a record's lists."""
    if src_uri.startswith(urls.COLUMN):
        return (SITE.path, f"{docs_dir}/{urls.COLUMN}")
    if src_uri.startswith(urls.CALENDAR):
        return (OBSERVANCES.path, EVENTS.path, DOCUMENTS.path)
    if src_uri == urls.src_of(urls.ORGANISATIONS):
        return (ORGANISATIONS.path,)
    if src_uri == urls.src_of(urls.DOCUMENTS):
        return (DOCUMENTS.path,)
    return ()


def _listing_origin(site: Site, src_uri: str) -> Origin | None:
    if src_uri.startswith(urls.COLUMN):
        return site.origins[("site", "column")]  # the column's name, description and categories
    if src_uri.startswith(urls.CALENDAR):
        return site.origins[("file", OBSERVANCES.key)]
    if src_uri == urls.src_of(urls.ORGANISATIONS):
        return site.origins[("file", ORGANISATIONS.key)]
    return None


def edit_uri(origin: Origin, docs_dir: str) -> str:
    """The file's ``edit_uri`` (relative to MkDocs's ``edit_uri``, which ends in ``docs_dir``/)."""
    path, line = origin
    relative = posixpath.relpath(path, docs_dir)
    return f"{relative}#L{line}" if line > 1 else relative


def repository_links(repository: str, branch: str, docs_dir: str) -> tuple[str, str]:
    """MkDocs's ``repo_url`` and ``edit_uri`` from data/site.yml's repository: GitHub's editor is at
    ``edit/<branch>/``, GitLab's (gitlab.com or a body's own GitLab) at ``-/edit/<branch>/``."""
    host = repository.split("/")[2]
    edit = "edit" if host == "github.com" else "-/edit"
    return repository + "/", f"{edit}/{branch}/{docs_dir}/"
