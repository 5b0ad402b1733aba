"""Where the content lives: which file or folder holds which records, the model of one record, its JSON
schema and what messages call it. Every module that names a content file or folder reads it here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel

from .models import Article, Document, Event, Observance, Organisation, SiteInfo

DOCUMENTS_DIR = "plans"
"""data/plans/: one document a file."""
COLUMN_DIR = "chuyen-muc"
"""docs/chuyen-muc/: the column's articles."""


@dataclass(frozen=True)
class Part:
    """One part of the content: a data file, or a folder of files each holding one record."""

    key: str
    """The part's name in code: 'organisations'; the origin of a whole file is ``("file", key)``."""
    kind: str
    """What one record is in code: 'organisation' (records are named ``(kind, id)``)."""
    path: str
    """From the project root, as messages say it: 'data/organisations.yml', or a folder ending in '/'."""
    files: str
    """The files the part holds, as a pattern from the project root: 'data/plans/*.yml'."""
    model: type[BaseModel]
    """The model of one record."""
    listed: bool
    """Whether the file is a list of records (else one record a file)."""
    schema: str
    """Its JSON Schema's file name, in data/schema/."""
    name: str
    """What editors call one record, in Vietnamese: 'cơ quan'."""
    title: str
    """The field that names a record to editors: 'name', 'summary' (a document's), 'title' (an article's)."""


SITE = Part("site", "site", "data/site.yml", "data/site.yml", SiteInfo, False, "site.schema.json", "thông tin trang", "title")
ORGANISATIONS = Part(
    "organisations",
    "organisation",
    "data/organisations.yml",
    "data/organisations.yml",
    Organisation,
    True,
    "organisations.schema.json",
    "cơ quan",
    "name",
)
OBSERVANCES = Part(
    "observances",
    "observance",
    "data/observances.yml",
    "data/observances.yml",
    Observance,
    True,
    "observances.schema.json",
    "ngày kỷ niệm",
    "name",
)
EVENTS = Part("events", "event", "data/events.yml", "data/events.yml", Event, True, "events.schema.json", "sự kiện", "name")
DOCUMENTS = Part(
    "plans",
    "plan",
    f"data/{DOCUMENTS_DIR}/",
    f"data/{DOCUMENTS_DIR}/*.yml",
    Document,
    False,
    "plan.schema.json",
    "văn bản",
    "summary",
)
ARTICLES = Part(
    "articles",
    "article",
    f"docs/{COLUMN_DIR}/",
    f"docs/{COLUMN_DIR}/**/*.md",
    Article,
    False,
    "article.schema.json",
    "bài viết",
    "title",
)

PARTS = (SITE, ORGANISATIONS, OBSERVANCES, EVENTS, DOCUMENTS, ARTICLES)
"""Every part of the content, in the order summaries list them."""
DATA_FILES = (SITE, ORGANISATIONS, OBSERVANCES, EVENTS)
"""The data files at the top of data/, besides the documents' folder."""
LISTS = (ORGANISATIONS, OBSERVANCES, EVENTS)
"""The data files that are lists of records."""
DATA = DATA_FILES + (DOCUMENTS,)
"""Every part under data/ (an editor's YAML, which points at its schema on its first line)."""


def part_of(rel: str) -> Part | None:
    """The data part the file at ``rel`` (from the project root) belongs to; None for any other file
    (articles are told apart by `read.is_article`, not by a pattern)."""
    path = PurePosixPath(rel)
    return next((part for part in DATA if len(path.parts) == len(PurePosixPath(part.files).parts) and path.match(part.files)), None)
