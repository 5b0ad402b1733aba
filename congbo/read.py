"""Reading the content: every data file and article into records with the place each value was written.

Reading never stops at a mistake: each is added to the `Checker`'s problems and reading goes on, so one
run shows them all. What a record refers to is checked afterwards (`checks`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from . import content
from .content import FRONT_MATTER, MARKDOWN_SUFFIXES
from .errors import Problem
from .images import ImageRefused, PublishedImage, published_image
from .layout import COLUMN_DIR, DATA_FILES, DOCUMENTS, Part
from .messages import kind_of, problem_of
from .models import Article, ArticleRecord, Document, Event, Observance, Organisation, SiteInfo
from .scalars import PLACEHOLDER
from .yamlread import Located, forbidden_characters, read_yaml


class Checker:
    """Collects problems while records are read; each check adds, none stops the run."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, text: str | None = None, first_line: int = 1) -> Located | None:
        if text is None:
            if not path.is_file():
                self.problems.append(Problem(self.rel(path), 1, 1, "", "không tìm thấy tệp này"))
                return None
            text = self.read_text(path)
            if text is None:
                return None
        located, problems = read_yaml(text, self.rel(path), first_line)
        self.problems.extend(problems)
        return located  # None only on a syntax error; a duplicate key keeps its first value

    def read_text(self, path: Path) -> str | None:
        """A file's text (`decode`); None when it is not UTF-8 (the problem is added)."""
        text, problem = decode(path.read_bytes(), self.rel(path))
        if problem is not None:
            self.problems.append(problem)
            return None
        return text

    def validate(self, located: Located, model: type[BaseModel], path: tuple = ()) -> Any:
        value = _at(located.value, path)
        try:
            return model.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                self.problems.append(problem_of(located, model, path, err))
            return None

    def validate_list(self, located: Located, model: type[BaseModel]) -> list[Any]:
        if not isinstance(located.value, list):
            self.problems.append(
                located.problem((), f"tệp phải là một danh sách, mỗi mục bắt đầu bằng '- ', nhận được {kind_of(located.value)}", shown="")
            )
            return []
        records = [self.validate(located, model, (i,)) for i in range(len(located.value))]
        return [r for r in records if r is not None]

    def add(self, located: Located, path: tuple, message: str) -> None:
        self.problems.append(located.problem(path, message))


def decode(data: bytes, file: str) -> tuple[str, Problem | None]:
    """A content file's text: a UTF-8 byte order mark is dropped (as MkDocs does); bytes that are not UTF-8
    are a problem at their line and column (and read as U+FFFD, for readers that go on all the same)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8-sig", "replace")) + 1
        byte = data[exc.start]
        message = f"tệp không ở mã UTF-8 (byte 0x{byte:02X} không hợp lệ); hãy lưu lại tệp với mã UTF-8"
        return data.decode("utf-8-sig", "replace"), Problem(file, line, column, "", message)


def split_article(text: str) -> tuple[str, str, int] | None:
    """An article's front matter (the YAML between two '---' lines, read from line `FRONT_MATTER_LINE`), its body
    and the line the body starts on; None when the file does not open with front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group(1) or "", text[match.end() :], text.count("\n", 0, match.end()) + 1


FRONT_MATTER_LINE = 2
"""The line an article's front matter starts on (after the opening '---')."""


def article_body(text: str) -> str:
    """An article's Markdown body as it is published: what follows its front matter (`split_article`), in NFC."""
    article = split_article(text)
    return unicodedata.normalize("NFC", article[1] if article else text)


def read_article_body(path: Path) -> str:
    """The body of the article file at ``path``, read when it is needed, so no one holds every article's text
    beside MkDocs's copy; read as the loader read it (`decode`), which checked it already."""
    return article_body(decode(path.read_bytes(), str(path))[0])


def not_an_article(parts: tuple[str, ...]) -> str | None:
    """Why a Markdown page MkDocs publishes under the column (its path inside the column) cannot be an article,
    in Vietnamese; None when it is one."""
    suffix = PurePosixPath(*parts).suffix
    if suffix != ".md":
        return f"bài viết phải có đuôi .md (MkDocs vẫn đăng tệp '{suffix}' thành trang mà không qua kiểm tra); hãy đổi tên tệp"
    if parts[-1] == "index.md":
        return "không đặt index.md trong chuyên mục: các trang mục lục do hệ thống tạo; hãy đặt tên tệp theo nội dung bài"
    if any(part.startswith("_") for part in parts[:-1]):
        return "MkDocs vẫn đăng các tệp trong thư mục bắt đầu bằng '_'; bài nháp hãy để ngoài thư mục docs/"
    return None


@dataclass(frozen=True)
class Records:
    """Everything the content holds, as read: the records that passed their models, and where each
    was written (the sources of those that did not too, so their references are still checked)."""

    sources: dict[str, Located | None]
    """The data files at the top of data/ (`layout.DATA_FILES`), by key; None when absent or not YAML."""
    info: SiteInfo | None
    organisations: list[Organisation]
    observances: list[Observance]
    events: list[Event]
    document_sources: list[Located]
    """Every document file that is YAML, valid or not."""
    documents_parsed: bool
    """Whether every document file was YAML (else references to documents are not checked)."""
    documents: list[tuple[Located, Document]]
    articles: list[tuple[Located, ArticleRecord]]
    unvalidated: list[Located]
    """The front matter of articles that failed their model."""
    images: dict[str, PublishedImage | None]


def read_records(check: Checker, root: Path, docs_dir: Path | None) -> Records:
    """Every data file under ``root/data`` and (with ``docs_dir``) the column's articles and the images."""
    images = _read_images(check, docs_dir) if docs_dir is not None else {}
    sources: dict[str, Located | None] = {part.key: check.read(root / part.path) for part in DATA_FILES}
    info, orgs, observances, events = (_validate_part(check, sources[part.key], part) for part in DATA_FILES)

    document_files = _read_document_paths(check, root)
    documents: list[tuple[Located, Document]] = []
    document_sources: list[Located] = []
    for path in document_files:
        located = check.read(path)
        if located:
            document_sources.append(located)
        document = check.validate(located, Document) if located else None
        if document:
            documents.append((located, document))
            if document.id != path.stem:
                check.add(located, ("id",), f"mã văn bản '{document.id}' phải trùng tên tệp '{path.stem}.yml'")

    articles, unvalidated = _read_articles(check, docs_dir / COLUMN_DIR, images) if docs_dir else ([], [])
    return Records(
        sources,
        info,
        orgs,
        observances,
        events,
        document_sources,
        len(document_sources) == len(document_files),
        documents,
        articles,
        unvalidated,
        images,
    )


def _validate_part(check: Checker, located: Located | None, part: Part) -> Any:
    """The records of a data file that pass their model: a list of them, or the one record (None when it does not)."""
    if located is None:
        return [] if part.listed else None
    return check.validate_list(located, part.model) if part.listed else check.validate(located, part.model)


def _read_document_paths(check: Checker, root: Path) -> list[Path]:
    """The document files (data/plans/); a data file with another extension (`.yaml`) would be ignored: it is a problem."""
    for part in DATA_FILES:
        name, twin = PurePosixPath(part.path).name, root / part.path.replace(".yml", ".yaml")
        if twin.exists():
            check.problems.append(
                Problem(check.rel(twin), 1, 1, "", f"tệp này không được đọc: dữ liệu nằm ở {name}; hãy gộp vào tệp đó rồi xóa tệp này")
            )
    documents = root / DOCUMENTS.path
    if not documents.is_dir():
        return []
    paths = []
    for path in sorted(documents.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == ".yml" and path.is_file():
            paths.append(path)
        else:
            check.problems.append(
                Problem(
                    check.rel(path),
                    1,
                    1,
                    "",
                    f"mỗi văn bản là một tệp đuôi .yml trong {DOCUMENTS.path}; tệp này không được đọc, hãy đổi tên (đuôi .yml) "
                    "hoặc chuyển đi",
                )
            )
    return paths


def _read_images(check: Checker, docs_dir: Path) -> dict[str, PublishedImage | None]:
    """Every image file the build publishes (path under docs/), as it is published; None for a file
    refused (its problem is added)."""
    found: dict[str, PublishedImage | None] = {}
    for path in sorted(docs_dir.rglob("*")):
        rel = check.rel(path)
        if (
            path.suffix.lower() not in content.IMAGE_SUFFIXES
            or not path.is_file()
            or content.misplaced(rel)
            or rel.startswith(content.GUIDE_EXAMPLES)
        ):
            continue  # refused by content.scan_files, or left out of the build (mkdocs.yml's exclude_docs)
        name = path.relative_to(docs_dir).as_posix()
        try:
            found[name] = published_image(path)
        except ImageRefused as exc:
            found[name] = None
            check.problems.append(Problem(rel, 1, 1, "", str(exc)))
    return found


def _read_articles(
    check: Checker, column: Path, images: dict[str, PublishedImage | None]
) -> tuple[list[tuple[Located, ArticleRecord]], list[Located]]:
    """The articles whose front matter is valid, and the front matter of those whose is not (their references
    are still checked, so an editor sees every mistake of a file at once). Each body is checked as it is read
    and not kept: it is read again when its page is made (`read_article_body`)."""
    records, unvalidated = [], []
    if not column.is_dir():
        return records, unvalidated
    for path in _column_markdown(check, column):
        text = check.read_text(path)
        if text is None:
            continue
        article = split_article(text)
        if article is None:
            check.problems.append(
                Problem(
                    check.rel(path),
                    1,
                    1,
                    "",
                    "bài viết phải mở đầu bằng phần thông tin giữa hai dòng '---' (id, title, date, author, category, summary)",
                )
            )
            continue
        front_matter, body, first_body_line = article
        located = check.read(path, front_matter, first_line=FRONT_MATTER_LINE)
        if located is None:
            continue
        if not isinstance(located.value, dict):
            check.add(located, (), "phần thông tin đầu bài phải là các dòng 'tên: giá trị'")
            continue
        meta = check.validate(located, Article)
        # The body is checked whether or not the front matter is valid: a new file's every mistake in one run.
        file = check.rel(path)
        check.problems.extend(forbidden_characters(body, file, first_body_line))
        _check_body_placeholder(check, file, unicodedata.normalize("NFC", body), first_body_line)
        if meta:
            src_uri = path.relative_to(column.parent).as_posix()
            image = images.get(meta.image.file) if meta.image else None
            size = image.length if image is not None else None
            records.append((located, ArticleRecord(meta, src_uri, image_bytes=size, file=file, body_line=first_body_line)))
        else:
            unvalidated.append(located)
    return records, unvalidated


def _column_markdown(check: Checker, column: Path) -> list[Path]:
    """Every page MkDocs would publish under the column, to be read as an article; one it would
    publish but that cannot be an article is a problem (nothing goes out unchecked)."""
    out = []
    for path in sorted(column.rglob("*")):
        parts = path.relative_to(column).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue  # MkDocs leaves out hidden files (exclude_docs default)
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue  # images and other files, copied as they are
        problem = not_an_article(parts)
        if problem:
            check.problems.append(Problem(check.rel(path), 1, 1, "", problem))
        else:
            out.append(path)
    return out


def raw_id(item: Any) -> str | None:
    """The id a record was written with, before validation: text, or None (a list, a map, a number
    or nothing in its place has its own message; it is never a key of a set or a dict here)."""
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _check_body_placeholder(check, file: str, body: str, first_line: int) -> None:
    """A starting file's body placeholder, left in place, would be published as it is."""
    match = PLACEHOLDER.search(body)
    if match:
        line = first_line + body.count("\n", 0, match.start())
        check.problems.append(Problem(file, line, 1, "", f"nội dung bài chưa điền: {match.group(1)} (thay cả chỗ <<ĐIỀN: …>>)"))


def inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a name the system cannot hold; a symlink loop
        return False


def file_in_docs(docs_dir: Path, name: str) -> Path | None:
    """The file ``name`` names under docs/ (symlinks followed, and still under docs/), or None. The
    models refuse names no file can have; whatever the system still cannot answer is no file."""
    path = docs_dir / name
    try:
        return path if inside(path, docs_dir) and path.is_file() else None
    except OSError:
        return None


def file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def file_head(path: Path, size: int = 8) -> bytes | None:
    """The first bytes of a file (its kind), or None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return None


def _at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value
