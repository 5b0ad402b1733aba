"""Read and check all the data: every file, every record, every cross-reference, in one run.

`load_site` returns a valid `Site` or raises `DataError` listing every problem found as
``file:line:column: path: message``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
import unicodedata
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from . import content, vi
from .content import COLUMN_DIR, DATA_FILES, FRONT_MATTER, MARKDOWN_SUFFIXES, DOCUMENTS_DIR
from .errors import DataError, Problem
from .history import NO_HISTORY, History
from .models import (
    CHOICES,
    FOOTNOTE_REF,
    UNKNOWN_LEAD_HELP,
    Article,
    Event,
    Observance,
    Organisation,
    Document,
    Province,
    SiteInfo,
    check_period,
    needs_province,
    positioned,
)
from .images import WIDTH_TEXT, ImageRefused, PublishedImage, published_image
from .site import ArticleRecord, Site
from .scalars import ID, MISSING_HELP, PLACEHOLDER, Id, PartialDate
from .yamlread import Located, forbidden_characters, format_path, read_yaml


class _Checker:
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
        """A file's text; a UTF-8 byte order mark is dropped (as MkDocs does), other bytes that are
        not UTF-8 are a problem at their line and column."""
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line_start = data.rfind(b"\n", 0, exc.start) + 1
            line = data.count(b"\n", 0, exc.start) + 1
            column = len(data[line_start : exc.start].decode("utf-8-sig", "replace")) + 1
            byte = data[exc.start]
            self.problems.append(
                Problem(
                    self.rel(path), line, column, "", f"tệp không ở mã UTF-8 (byte 0x{byte:02X} không hợp lệ); hãy lưu lại tệp với mã UTF-8"
                )
            )
            return None

    def validate(self, located: Located, model: type[BaseModel], path: tuple = ()) -> Any:
        value = _at(located.value, path)
        try:
            return model.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                self.problems.append(_problem(located, model, path, err))
            return None

    def validate_list(self, located: Located, model: type[BaseModel]) -> list[Any]:
        if not isinstance(located.value, list):
            self.problems.append(
                located.problem((), f"tệp phải là một danh sách, mỗi mục bắt đầu bằng '- ', nhận được {_kind(located.value)}", shown="")
            )
            return []
        records = [self.validate(located, model, (i,)) for i in range(len(located.value))]
        return [r for r in records if r is not None]

    def add(self, located: Located, path: tuple, message: str) -> None:
        self.problems.append(located.problem(path, message))


def load_site(root: Path, *, today: dt.date, docs_dir: Path | None = None, history: History = NO_HISTORY) -> Site:
    """Read ``root/data`` (and the column's articles under ``docs_dir``) into a checked `Site`. ``history``:
    what git knows of the content (`history.read_history`), read by the caller; none by default."""
    root = Path(root)
    data = root / "data"
    links = content.scan_links(root)
    if links:  # nothing is read through a link: the file it points to could be anywhere on the machine
        raise DataError(links)
    check = _Checker(root)
    check.problems.extend(content.scan_files(root))
    if docs_dir is not None:
        check.problems.extend(content.check_pages(root, docs_dir))
    images = read_images(check, docs_dir) if docs_dir is not None else {}
    sources: dict[str, Located | None] = {key: check.read(data / name) for key, name in DATA_FILES.items()}

    info = check.validate(sources["site"], SiteInfo) if sources["site"] else None
    orgs = check.validate_list(sources["organisations"], Organisation) if sources["organisations"] else []
    observances = check.validate_list(sources["observances"], Observance) if sources["observances"] else []
    events = check.validate_list(sources["events"], Event) if sources["events"] else []

    if info:  # without a valid data/site.yml the mergers are not known: the checks that need them wait
        orgs = _follow_mergers(check, sources["organisations"], orgs, {p.name: p for p in info.provinces})

    document_files = read_document_paths(check, data)
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

    known = _Known(sources, document_sources, len(document_sources) == len(document_files), orgs, observances, events)
    known.home = known.orgs_by_id.get(info.owner) if info else None
    known.provinces_known = info is not None
    # Each article is checked as it is read, and only its record kept: the front matter's positions go with it.
    articles: list[ArticleRecord] = []
    written: dict[str, str] = {}  # each article's id, by the first file that has it
    for located, record in read_articles(check, docs_dir / COLUMN_DIR, images) if docs_dir else ():
        if record is None:
            _check_article_fields(check, located, known, info, docs_dir, images)
            continue
        if record.meta.id in written:
            check.add(located, ("id",), f"mã bài '{record.meta.id}' đã dùng cho bài {written[record.meta.id]}")
        else:
            written[record.meta.id] = located.file
        _check_article(check, located, record, known, info, docs_dir, images, today)
        articles.append(record)
    for located in document_sources:
        _check_document_refs(check, located, known)  # every document, valid or not: one run shows every mistake
    _check_unique(check, sources, documents)
    if info:
        _check_site(check, sources["site"], info, known)
        _check_site_files(check, sources["site"], info, docs_dir)
    for located, org in _with_source(sources["organisations"], orgs):
        _check_org(check, located, org, known)
    if sources["organisations"]:
        _check_cycles(check, sources["organisations"], orgs)
        if info and known.home:
            _check_province_names(check, sources["organisations"], orgs, known.home.province, info)
    for located, obs in _with_source(sources["observances"], observances):
        _check_themes(check, located, obs, known, observances)
    for located, event in _with_source(sources["events"], events):
        _check_event(check, located, event, known, dict((p.id, (loc, p)) for loc, p in documents))
    for located, document in documents:
        _check_document(check, located, document, known)
    files = _check_attachments(check, documents, docs_dir)
    _check_numbers(check, documents)
    _check_related(check, documents)
    derived = _activity_events(check, documents, sources["events"])

    if check.problems:
        raise DataError(check.problems)
    return Site(
        info=info,
        organisations=tuple(orgs),
        observances=tuple(observances),
        documents=tuple(sorted((p for _, p in documents), key=lambda p: (p.date, p.id), reverse=True)),
        events=tuple(sorted(events + [e for _, _, e in derived], key=lambda e: (e.date, e.id))),
        articles=tuple(sorted(articles, key=lambda r: r.meta.id)),
        today=today,
        origins=_origins(sources, documents, derived),
        files=files,
        images={name: image.data for name, image in images.items() if image.data is not None},
        history=history,
    )


_LIST_KINDS = {"organisations": "organisation", "observances": "observance", "events": "event"}


def _origins(sources: dict[str, Located], documents: list[tuple[Located, Document]], derived) -> dict[tuple[str, str], tuple[str, int]]:
    """The file and line where each record starts (the data is valid: every list item has its id)."""
    found = {("site", "site"): (sources["site"].file, 1), ("site", "column"): (sources["site"].file, sources["site"].where(("column",))[0])}
    for key, kind in _LIST_KINDS.items():
        located = sources[key]
        found[("file", key)] = (located.file, 1)
        for i, item in enumerate(located.value):
            found[(kind, item["id"])] = (located.file, located.where((i,))[0])
    for located, document in documents:
        found[("plan", document.id)] = (located.file, 1)
    for located, j, event in derived:
        found[("event", event.id)] = (located.file, located.where(("activities", j))[0])
    return found


# --- articles -------------------------------------------------------------------------


def read_document_paths(check: _Checker, data: Path) -> list[Path]:
    """The document files (data/plans/); a data file with another extension (`.yaml`) would be ignored: it is a problem."""
    for name in DATA_FILES.values():
        twin = data / name.replace(".yml", ".yaml")
        if twin.exists():
            check.problems.append(
                Problem(check.rel(twin), 1, 1, "", f"tệp này không được đọc: dữ liệu nằm ở {name}; hãy gộp vào tệp đó rồi xóa tệp này")
            )
    documents = data / DOCUMENTS_DIR
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
                    "mỗi văn bản là một tệp đuôi .yml trong data/plans/; tệp này không được đọc, hãy đổi tên (đuôi .yml) hoặc chuyển đi",
                )
            )
    return paths


def read_images(check: _Checker, docs_dir: Path) -> dict[str, PublishedImage | None]:
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


def read_articles(
    check: _Checker, column: Path, images: dict[str, PublishedImage | None]
) -> Iterator[tuple[Located, ArticleRecord | None]]:
    """Each article, one at a time, as its front matter was read (for the caller's checks and messages) and its
    record; None for a front matter that is not valid (its references are still checked, so an editor sees
    every mistake of a file at once). Each body is checked as it is read and not kept: it is read again when
    its page is made (`content.read_article_body`)."""
    if not column.is_dir():
        return
    for path in column_markdown(check, column):
        text = check.read_text(path)
        if text is None:
            continue
        match = FRONT_MATTER.match(text)
        if not match:
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
        located = check.read(path, match.group(1) or "", first_line=2)
        if located is None:
            continue
        if not isinstance(located.value, dict):
            check.add(located, (), "phần thông tin đầu bài phải là các dòng 'tên: giá trị'")
            continue
        meta = check.validate(located, Article)
        # The body is checked whether or not the front matter is valid: a new file's every mistake in one run.
        body = text[match.end() :]
        first_body_line = text.count("\n", 0, match.end()) + 1
        file = check.rel(path)
        check.problems.extend(forbidden_characters(body, file, first_body_line))
        _check_body_placeholder(check, file, unicodedata.normalize("NFC", body), first_body_line)
        if meta:
            src_uri = path.relative_to(column.parent).as_posix()
            image = images.get(meta.image.file) if meta.image else None
            size = image.length if image is not None else None
            yield located, ArticleRecord(meta, src_uri, image_bytes=size, file=file, body_line=first_body_line)
        else:
            yield located, None


def column_markdown(check: _Checker, column: Path) -> list[Path]:
    """Every page MkDocs would publish under the column, to be read as an article; one it would
    publish but that cannot be an article is a problem (nothing goes out unchecked)."""
    out = []
    for path in sorted(column.rglob("*")):
        parts = path.relative_to(column).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue  # MkDocs leaves out hidden files (exclude_docs default)
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue  # images and other files, copied as they are
        rel = check.rel(path)
        if path.suffix != ".md":
            check.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "",
                    f"bài viết phải có đuôi .md (MkDocs vẫn đăng tệp '{path.suffix}' thành trang mà không qua kiểm tra); hãy đổi tên tệp",
                )
            )
        elif path.name == "index.md":
            check.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "",
                    "không đặt index.md trong chuyên mục: các trang mục lục do hệ thống tạo; hãy đặt tên tệp theo nội dung bài",
                )
            )
        elif any(part.startswith("_") for part in parts[:-1]):
            check.problems.append(
                Problem(rel, 1, 1, "", "MkDocs vẫn đăng các tệp trong thư mục bắt đầu bằng '_'; bài nháp hãy để ngoài thư mục docs/")
            )
        else:
            out.append(path)
    return out


# --- cross-references -----------------------------------------------------------------


class _Known:
    """Ids that exist, including those of records that failed their own checks (no cascades).

    A kind whose file could not be parsed at all is None: references to it are not checked,
    the syntax error is the one message the editor needs.
    """

    def __init__(self, sources, document_sources, document_files_parsed, orgs, observances, events):
        self.orgs = _ids(sources["organisations"], orgs)
        self.observances = _ids(sources["observances"], observances)
        self.events = _ids(sources["events"], events)
        if self.events is not None:  # and the events made from documents' dated activities
            self.events |= {v for loc in document_sources for _, v in _walk(loc.value, ("activities", "*", "event"))}
        documents = {raw_id(loc.value) for loc in document_sources} - {None}
        self.documents = documents if document_files_parsed else None
        self.orgs_by_id = {o.id: o for o in orgs}
        self.home: Organisation | None = None
        self.provinces_known = False
        """Whether data/site.yml was read, with the provinces' mergers that end bodies ('valid_until' follows them)."""
        """The site's owner: its province and level rank suggestions where a record says nothing of its own."""
        self.observances_by_id = {o.id: o for o in observances}


def _ids(located: Located | None, records: list) -> set[str] | None:
    if located is None:
        return None
    raw = {raw_id(item) for item in located.value} - {None} if isinstance(located.value, list) else set()
    return raw | {r.id for r in records}


def raw_id(item: Any) -> str | None:
    """The id a record was written with, before validation: text, or None (a list, a map, a number
    or nothing in its place has its own message; it is never a key of a set or a dict here)."""
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _with_source(located: Located | None, records: list) -> Iterable[tuple[Located, Any]]:
    for record in records:
        yield located, record


def _index_of(located: Located, record_id: str) -> int:
    for i, item in enumerate(located.value):
        if raw_id(item) == record_id:
            return i
    raise LookupError(record_id)


def _refer(
    check: _Checker,
    located: Located,
    path: tuple,
    value: str | None,
    known: set,
    what: str,
    where: str,
    near: Callable | None = None,
    also: str | None = None,
) -> None:
    """A reference to a record that must exist; ``near`` ranks the suggestions (`_org_rank`); ``also``: what
    else the field accepts, said after the suggestion."""
    if value is not None and known is not None and value not in known and not PLACEHOLDER.search(value):
        hint = _closest(value, known, near)
        suggestion = f"; có phải '{hint}'?" if hint else ""
        check.add(located, path, f"không có {what} mã '{value}' trong {where}{suggestion}" + (f"; {also}" if also else ""))


def _closest(value: str, known: set, near: Callable | None = None) -> str | None:
    names = sorted(k for k in known if k)
    if near is None:
        matches = difflib.get_close_matches(value, names, n=1, cutoff=0.75)
        return matches[0] if matches else None
    # The closest spellings first, then the ids that start with what was written: an id written without its
    # place ('so-y-te') is the start of those that name one ('so-y-te-quang-nam'). ``near`` reorders them.
    found = difflib.get_close_matches(value, names, n=len(names) or 1, cutoff=0.75) + [k for k in names if k.startswith(f"{value}-")]
    ranked = sorted(enumerate(dict.fromkeys(found)), key=lambda pair: (near(pair[1]), pair[0]))
    return ranked[0][1] if ranked else None


def _org_rank(known: _Known, context: Organisation | None, *, itself: bool = True) -> Callable[[str], tuple]:
    """How a body fits a record of ``context`` (a document's issuer, an organisation, else the site's owner),
    to order the suggestions: a body of the same province first, never a central body before a local one
    ('so-y-te' on a Quảng Nam document is not 'bo-y-te', the Ministry), then one of the same level; among
    equals, the closest spelling. ``itself``: whether the context body is a fit answer (not for its own parent)."""
    context = context or known.home
    home = known.home.province if known.home else None  # a central record's bodies: the site's own province first

    def rank(candidate: str) -> tuple:
        org = known.orgs_by_id.get(candidate)
        if org is None or context is None:
            return (False, True, org is not None and org.level == "trung-uong", True)
        same_province = org.province is not None and org.province == (context.province or home)
        return (not itself and org.id == context.id, not same_province, org.level == "trung-uong", org.level != context.level)

    return rank


def _follow_mergers(check: _Checker, located: Located | None, orgs: list[Organisation], provinces: dict[str, Province]) -> list:
    """A province-level body of a merged province worked until the day before the new province's government
    began: that day comes from the one merger record in data/site.yml, never entered body by body."""
    followed = []
    for org in orgs:
        province = provinces.get(org.province) if org.province else None
        if province is None or province.last_day is None or org.level != "tinh":
            followed.append(org)
            continue
        since = vi.short_date(province.since)
        into = provinces[province.merged_into].title if province.merged_into in provinces else province.merged_into
        merger = f"{province.title} được sắp xếp vào {into} từ ngày {since} ({SITE_WHERE}, provinces)"
        if org.valid_until is None:
            followed.append(org.model_copy(update={"valid_until": province.last_day}))
            continue
        path = (_index_of(located, org.id), "valid_until")
        if org.valid_until == province.last_day:
            check.add(
                located,
                path,
                f"ngày này đã có: {merger}, nên cơ quan cấp tỉnh của tỉnh {province.name} hoạt động đến "
                f"{vi.short_date(province.last_day)}; mỗi điều chỉ ghi một lần: bỏ 'valid_until'",
            )
        elif org.valid_until > province.last_day:
            check.add(
                located,
                path,
                f"{merger}: cơ quan cấp tỉnh của tỉnh {province.name} hoạt động muộn nhất đến "
                f"{vi.short_date(province.last_day)}; bỏ 'valid_until' (trang tự suy ra) hoặc ghi ngày sớm hơn",
            )
        followed.append(org)
    return followed


ORG_WHERE = "data/organisations.yml"
SITE_WHERE = "data/site.yml"
OBS_WHERE = "data/observances.yml"


def _check_site(check, located, info: SiteInfo, known: _Known) -> None:
    _refer(check, located, ("owner",), info.owner, known.orgs, "cơ quan", ORG_WHERE)
    _check_provinces(check, located, info.provinces, known)
    seen = Counter(c.id for c in info.column.categories)
    for i, category in enumerate(info.column.categories):
        if seen[category.id] > 1:
            check.add(located, ("column", "categories", i, "id"), f"mã chuyên mục '{category.id}' bị trùng")
        if category.id in ("luu-tru", "ke-hoach") or re.fullmatch(r"trang(-\d+)?", category.id):
            check.add(
                located,
                ("column", "categories", i, "id"),
                f"mã chuyên mục '{category.id}' trùng địa chỉ dành cho trang lưu trữ, trang số hoặc nguồn tin kế hoạch; hãy chọn mã khác",
            )


def _check_provinces(check, located, provinces: list[Province], known: _Known) -> None:
    """Each province once; a merger names a province written there too (its kind says 'tỉnh' or 'thành phố'), itself not merged."""
    by_name = {p.name: p for p in provinces}
    seen: Counter = Counter()
    for i, province in enumerate(provinces):
        seen[province.name] += 1
        if seen[province.name] == 2:
            check.add(located, ("provinces", i, "name"), f"tỉnh '{province.name}' đã ghi ở trên: mỗi tỉnh, thành phố ghi một lần")
        _check_sources(check, located, ("provinces", i), province.sources, known)
        target = by_name.get(province.merged_into) if province.merged_into else None
        if province.merged_into is not None and target is None:
            check.add(
                located,
                ("provinces", i, "merged_into"),
                f"chưa có tỉnh '{province.merged_into}' ở 'provinces': ghi thêm một mục (name: {province.merged_into}, kind: tinh hoặc "
                "thanh-pho) để trang biết gọi là tỉnh hay thành phố",
            )
        elif target is not None and target.merged_into is not None:
            check.add(
                located,
                ("provinces", i, "merged_into"),
                f"tỉnh '{target.name}' cũng đã được sắp xếp vào '{target.merged_into}': ghi tỉnh, thành phố sau sắp xếp",
            )


def _check_site_files(check, located, info: SiteInfo, docs_dir: Path | None) -> None:
    """The logo, favicon and share image are files under docs/ (MkDocs copies them to the site)."""
    if docs_dir is None:
        return
    for name in ("logo", "favicon", "share_image"):
        if file_in_docs(docs_dir, getattr(info, name)) is None:
            check.add(located, (name,), f"không tìm thấy tệp docs/{getattr(info, name)} (đường dẫn tính từ thư mục docs/)")


def _check_org(check, located, org: Organisation, known: _Known) -> None:
    i = _index_of(located, org.id)
    near = _org_rank(known, org, itself=False)
    _refer(check, located, (i, "parent"), org.parent, known.orgs, "cơ quan", ORG_WHERE, near)
    _refer(check, located, (i, "successor"), org.successor, known.orgs, "cơ quan", ORG_WHERE, near)
    if org.parent == org.id:
        check.add(located, (i, "parent"), "cơ quan không thể là cấp trên của chính nó")
    if org.parent in known.orgs_by_id and org.province and known.orgs_by_id[org.parent].province not in (None, org.province):
        check.add(
            located,
            (i, "province"),
            f"cơ quan cấp trên '{org.parent}' ở tỉnh {known.orgs_by_id[org.parent].province}, không phải {org.province}",
        )
    if org.successor and not org.valid_until and known.provinces_known:
        check.add(located, (i, "successor"), "có cơ quan kế thừa thì phải ghi 'valid_until' (ngày cuối cùng hoạt động)")


def _check_province_names(check, located: Located, orgs: list[Organisation], home: str | None, info: SiteInfo) -> None:
    """A body of another province whose name does not say it is named with its province ('… tỉnh Bình Phước'):
    data/site.yml says whether that province is a tỉnh or a thành phố. Said once per province, at its first body."""
    listed = {p.name for p in info.provinces}
    unnamed = [org for org in orgs if needs_province(org, home) and org.province not in listed]
    for province, bodies in groupby(sorted(unnamed, key=lambda o: (o.province, _index_of(located, o.id))), key=lambda o: o.province):
        first, *others = bodies
        more = f" (và {len(others)} cơ quan khác của tỉnh này)" if others else ""
        site = home or "một cơ quan trung ương"
        check.add(
            located,
            (_index_of(located, first.id), "province"),
            f"tên '{first.name}'{more} không nêu tỉnh {province}, mà trang là trang của {site}: trang ghi tên cơ quan "
            f"tỉnh khác kèm tên tỉnh, nên cần biết {province} là tỉnh hay thành phố: ghi ở {SITE_WHERE}, mục 'provinces', "
            f"'name: {province}' với 'kind: tinh' hoặc 'kind: thanh-pho' (thành phố trực thuộc trung ương)",
        )


def _check_cycles(check, located: Located, orgs: list[Organisation]) -> None:
    """Following 'parent', or 'successor', from any organisation never comes back to it."""
    by_id = {org.id: org for org in orgs}
    for field, what in (("parent", "cấp trên"), ("successor", "kế thừa")):
        reported: set[str] = set()
        for org in orgs:
            chain, current = [org.id], getattr(org, field)
            while current in by_id and current not in chain:
                chain.append(current)
                current = getattr(by_id[current], field)
            if current == org.id and len(chain) > 1 and not reported & set(chain):
                reported |= set(chain)
                loop = " → ".join(chain + [org.id])
                check.add(located, (_index_of(located, org.id), field), f"chuỗi cơ quan {what} quay vòng: {loop}")


def _check_themes(check, located, obs: Observance, known: _Known, observances: list[Observance]) -> None:
    """A theme shared with another observance is written once, there."""
    i = _index_of(located, obs.id)
    by_id = {o.id: o for o in observances}
    for j, theme in enumerate(obs.themes):
        _check_sources(check, located, (i, "themes", j), theme.sources, known)
        if theme.same_as is None:
            continue
        _refer(check, located, (i, "themes", j, "same_as"), theme.same_as, known.observances, "ngày kỷ niệm", OBS_WHERE)
        other = by_id.get(theme.same_as)
        if other is not None and (other.theme_for(theme.year) is None or other.theme_for(theme.year).theme is None):
            check.add(
                located,
                (i, "themes", j, "same_as"),
                f"ngày kỷ niệm '{theme.same_as}' không ghi chủ đề năm {theme.year} (chủ đề dùng chung phải ghi ở đó)",
            )


def _check_sources(check, located, path: tuple, sources, known: _Known) -> None:
    """A source that is another document names one on the site (a document's own: `_check_document_refs`)."""
    for j, source in enumerate(sources):
        _refer(check, located, path + ("sources", j, "document"), source.document, known.documents, "văn bản", "data/plans/")


def activity_dates(activity) -> list:
    """The days an activity's document gives it: its deadline, or its period's end (and start), each when
    known to the day."""
    time = activity.time
    found = [d.first_day for d in (time.deadline, time.end_date, time.start) if d is not None and d.exact]
    return found


def _check_event(check, located, event: Event, known: _Known, documents: dict) -> None:
    i = _index_of(located, event.id)
    _check_sources(check, located, (i,), event.sources, known)
    _check_event_bodies(check, located, i, event, known)
    _refer(check, located, (i, "plan"), event.plan, known.documents, "văn bản", "data/plans/")
    seen: set[str] = set()
    for j, phase in enumerate(event.phases):  # each phase once: its key is its UID's
        if phase.key in seen:
            check.add(
                located,
                (i, "phases", j),
                f"giai đoạn '{phase.title}' ghi hai lần; mỗi giai đoạn ghi một lần (giai đoạn khác thì dùng kind: khac với name riêng)",
            )
        seen.add(phase.key)
        if phase.kind == "phat-dong" and event.exact and phase.dated is not None and str(phase.dated) == str(event.date):
            check.add(  # a competition's 'date' is its own day, its launch when it is one: one fact, one place
                located,
                (i, "phases", j),
                f"giai đoạn 'phat-dong' trùng ngày của sự kiện ('date: {event.date}'): ngày phát động đã ghi ở 'date'; "
                "hãy bỏ giai đoạn này (phases chỉ ghi các giai đoạn khác ngày của sự kiện, như hạn nộp bài, công bố kết quả)",
            )
    for j, obs in enumerate(event.observances):
        _refer(check, located, (i, "observances", j), obs, known.observances, "ngày kỷ niệm", OBS_WHERE)
        first_year = known.observances_by_id[obs].first_year if obs in known.observances_by_id else event.date.year
        if event.date.year < first_year:  # the observance's programme of that year has no day to stand on
            check.add(
                located,
                (i, "observances", j),
                f"sự kiện năm {event.date.year} không thể hướng tới ngày kỷ niệm '{obs}': "
                f"ngày này được tổ chức lần đầu năm {first_year} (first_year trong {OBS_WHERE})",
            )
    if event.activity and not event.plan:
        check.add(located, (i, "activity"), "ghi 'activity' thì phải ghi cả 'plan'")
    if event.plan not in documents:
        return
    doc_located, document = documents[event.plan]
    named_first = sorted(enumerate(document.activities), key=lambda pair: pair[1].id != event.activity)
    for j, activity in named_first:
        dates = activity_dates(activity)
        named = event.activity == activity.id
        repeats = {event.first_day, event.last_day} & set(dates) if event.exact else set()
        if dates and (named or repeats):
            line = doc_located.where(("activities", j, "time"))[0]
            day = sorted(repeats or dates)[0]
            check.add(
                located,
                (i, "date"),
                f"sự kiện lặp lại ngày {vi.short_date(day)} của hoạt động '{activity.id}' đã ghi trong {doc_located.file}:{line} "
                f"(activities[{activity.id}].time); mỗi ngày chỉ ghi một lần, ở văn bản: hãy xóa sự kiện này khỏi data/events.yml "
                f"(để giữ địa chỉ và mã lịch đã công bố, ghi 'event: {event.id}' ở hoạt động)",
            )
            return
    if event.activity and event.activity not in {a.id for a in document.activities}:
        check.add(located, (i, "activity"), f"văn bản '{event.plan}' không có hoạt động mã '{event.activity}'")


def _check_event_bodies(check, located, i: int, event: Event, known: _Known) -> None:
    """Each organiser and participant is a body (or a class of bodies) of the catalogue, named once:
    a body that organises the event is not also listed among its participants."""
    seen: dict[str, str] = {}
    for field, ids in (("organisers", event.organisers), ("participants", event.participants)):
        for j, org_id in enumerate(ids):
            _refer(check, located, (i, field, j), org_id, known.orgs, "cơ quan", ORG_WHERE, _org_rank(known, None))
            if org_id not in seen:
                seen[org_id] = field
            elif seen[org_id] == field:
                what = "đơn vị tổ chức" if field == "organisers" else "thành phần tham gia"
                check.add(
                    located, (i, field, j), f"cơ quan '{org_id}' đã ghi trong {what} ('{field}'); mỗi cơ quan ghi một lần: xóa mục này"
                )
            else:
                check.add(
                    located,
                    (i, field, j),
                    f"cơ quan '{org_id}' đã là đơn vị tổ chức ('organisers'); thành phần tham gia ('participants') chỉ ghi các cơ "
                    f"quan khác: xóa mục này",
                )


ORG_REFS = [
    ("issuer",),
    ("co_issuers", "*"),
    ("bases", "*", "issuer"),
    ("recipients", "*", "organisation"),
    ("activities", "*", "partners", "*"),
]
OBS_REFS = [("observances", "*"), ("activities", "*", "time", "observances", "*"), ("notes", "*", "observance")]


def _check_document_refs(check, located: Located, known: _Known) -> None:
    """What a document names (bodies, observances, documents), read from the file as written, so a
    document with a mistake elsewhere still has its references checked in the same run."""
    raw = located.value
    if not isinstance(raw, dict):
        return
    issuer = raw.get("issuer")
    near = _org_rank(known, known.orgs_by_id.get(issuer) if isinstance(issuer, str) else None)
    for pattern in ORG_REFS:
        for path, value in _walk(raw, pattern):
            _refer(check, located, path, value, known.orgs, "cơ quan", ORG_WHERE, near)
    for path, value in _walk(raw, ("activities", "*", "lead")):
        if ID.match(value):  # '??' (not known) is said on the page; a value that is no id has the model's message
            _refer(check, located, path, value, known.orgs, "cơ quan", ORG_WHERE, near, also=UNKNOWN_LEAD_HELP)
    for pattern in OBS_REFS:
        for path, value in _walk(raw, pattern):
            _refer(check, located, path, value, known.observances, "ngày kỷ niệm", OBS_WHERE)
    for path, value in _walk(raw, ("bases", "*", "document")):
        _refer(check, located, path, value, known.documents, "văn bản", "data/plans/")
    for path, value in _walk(raw, ("related", "*", "document")):
        _refer(check, located, path, value, known.documents, "văn bản", "data/plans/")
        if value == raw_id(raw):
            check.add(located, path, "văn bản không thể liên quan với chính nó: ghi mã của một văn bản khác")
    for path, value in _walk(raw, ("sources", "*", "document")):
        _refer(check, located, path, value, known.documents, "văn bản", "data/plans/")
        if value == raw_id(raw):
            check.add(
                located, path, "văn bản không thể là nguồn của chính nó: 'van-ban-dan' ghi mã của một văn bản khác dẫn tới văn bản này"
            )
    for path, section in _raw_sections(raw, ()):
        duties_of = section.get("duties_of")
        for k, org in enumerate(duties_of if isinstance(duties_of, list) else []):
            if isinstance(org, str):
                _refer(check, located, path + ("duties_of", k), org, known.orgs, "cơ quan", ORG_WHERE, near)


def _walk(value: Any, pattern: tuple, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    if not pattern:
        if isinstance(value, str):
            yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for i, item in enumerate(value if isinstance(value, list) else []):
            yield from _walk(item, rest, path + (i,))
    elif isinstance(value, dict) and head in value:
        yield from _walk(value[head], rest, path + (head,))


def _raw_sections(value: dict, path: tuple) -> Iterable[tuple[tuple, dict]]:
    """Every section of a document as written (before validation), with its path; an appendix's too."""
    items = value.get("sections")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield path + ("sections", i), item
            yield from _raw_sections(item, path + ("sections", i))
    appendices = value.get("appendices")
    for i, item in enumerate(appendices if isinstance(appendices, list) else []):
        if isinstance(item, dict) and not path:
            yield from _raw_sections(item, ("appendices", i))


def _check_document(check, located: Located, document: Document, known: _Known) -> None:
    if document.type == "CV" and vi.fold(document.summary).casefold().startswith(("v/v", "ve viec")):
        check.add(
            located,
            ("summary",),
            "trích yếu của công văn là phần sau chữ 'V/v' (trang tự in 'V/v' trước trích yếu): bỏ 'V/v' hoặc 'Về việc' ở đầu",
        )
    if document.date.missing is None and document.date.day is None:
        check.add(
            located,
            ("date",),
            f"ngày ban hành {document.date} thiếu ngày: ghi '{document.date}-..' nếu bản gốc để trống ngày, "
            f"'{document.date}-??' nếu ban biên tập chưa rõ",
        )
    for path, org_id in [(("issuer",), document.issuer)] + [(("co_issuers", j), o) for j, o in enumerate(document.co_issuers)]:
        org = known.orgs_by_id.get(org_id)
        if org and not org.heading and document.full_text:  # a page with the text shows its header as printed
            check.add(
                located,
                path,
                f"cơ quan ban hành '{org_id}' chưa có 'heading' (tên ở góc trái văn bản) trong {ORG_WHERE}: trang có toàn văn "
                "in lại phần đầu văn bản như bản gốc",
            )
        # Refused only when certain: a date known only as on or before a day has no earliest day.
        if org and org.valid_until and document.date.earliest_day and document.date.earliest_day > org.valid_until:
            check.add(
                located, path, f"'{org_id}' hoạt động đến {vi.short_date(org.valid_until)}, trước ngày ban hành văn bản ({document.date})"
            )
    if document.points and document.full_text:
        check.add(
            located,
            ("points",),
            "'points' (nội dung chính như nguồn nêu) chỉ ghi khi chưa có toàn văn; văn bản đã có toàn văn ('sections') thì trang "
            "đăng nguyên văn: bỏ 'points'",
        )
    if not document.type_known and document.full_text:
        check.add(
            located,
            ("type",),
            "văn bản có toàn văn ('sections') thì biết loại văn bản: ghi 'type' theo tên loại in trên văn bản (KH, CV, QĐ…), không ghi "
            "'??'",
        )
    for j, basis in enumerate(document.bases):
        if isinstance(basis.date, PartialDate) and basis.date.earliest_day and basis.date.earliest_day > document.date.last_day:
            check.add(
                located,
                ("bases", j, "date"),
                f"văn bản căn cứ ghi ngày {basis.date}, sau ngày ban hành văn bản này ({document.date}): "
                "một văn bản chỉ căn cứ vào văn bản ban hành trước nó; hãy xem lại một trong hai ngày",
            )
    _refer(check, located, ("superseded_by",), document.superseded_by, known.documents, "văn bản", "data/plans/")
    if document.superseded_by == document.id:
        check.add(located, ("superseded_by",), "văn bản không thể thay thế chính nó")
    archives = [j for j, r in enumerate(document.known_recipients) if r.role == "luu"]
    if document.known_recipients and archives != [len(document.known_recipients) - 1]:
        check.add(located, ("recipients",), "nơi nhận phải kết thúc bằng đúng một dòng lưu (role: luu), ví dụ 'VT, KG-VX'")

    section_ids: Counter = Counter()
    for position, section in document.positioned_sections():
        path = _section_path(position)
        if section.id:
            section_ids[section.id] += 1
            if section_ids[section.id] == 2:
                check.add(located, path + ("id",), f"mã mục '{section.id}' bị trùng trong văn bản")

    activity_ids: Counter = Counter()
    for j, activity in enumerate(document.activities):
        activity_ids[activity.id] += 1
        if activity_ids[activity.id] == 2:
            check.add(located, ("activities", j, "id"), f"mã hoạt động '{activity.id}' bị trùng trong văn bản")
        if activity.section and activity.section not in section_ids:
            check.add(located, ("activities", j, "section"), f"không có mục mã '{activity.section}' trong văn bản")
        if activity.time.end_day and activity.time.start is None:
            _check_activity_period(check, located, ("activities", j, "time", "end"), document.date.first_day, activity.time.end_day)
        if activity.time.deadline and activity.time.deadline_day < document.date.first_day:
            check.add(
                located,
                ("activities", j, "time", "deadline"),
                f"hạn {activity.time.deadline} trước ngày ban hành văn bản ({document.date})",
            )
        if activity.event and not _has_event_date(activity.time):
            check.add(
                located,
                ("activities", j, "event"),
                "chỉ hoạt động có ngày ('deadline', hoặc 'end' là một ngày) mới có mã sự kiện 'event'",
            )

    _check_lettered(check, located, document.sections, ("sections",), 1)
    _check_footnotes(check, located, document)
    text = "\n".join(document_strings(document))
    for j, note in enumerate(document.notes):
        count = text.count(note.at)
        if count != 1:
            check.add(located, ("notes", j, "at"), f"đoạn chữ '{note.at}' phải có đúng một lần trong văn bản, nhưng có {count} lần")


ATTACHMENT_TYPES = {b"%PDF-": ("application/pdf", "pdf"), b"PK\x03\x04": ("application/zip", "docx")}
"""The files an attachment may be, by their first bytes: a PDF, or an Office file (a zip)."""


def _check_attachments(check, documents: list[tuple[Located, Document]], docs_dir: Path | None) -> dict[str, tuple[int, str]]:
    """Each attachment is a file under docs/ of a known type; its size and type are read from it."""
    files: dict[str, tuple[int, str]] = {}
    for located, document in documents:
        for j, attachment in enumerate(document.attachments):
            where = ("attachments", j, "file")
            if docs_dir is None:
                continue
            path = file_in_docs(docs_dir, attachment.file)
            head = file_head(path) if path is not None else None
            if head is None:
                check.add(located, where, f"không tìm thấy tệp docs/{attachment.file} (tệp đính kèm đặt trong thư mục docs/)")
                continue
            kind = next((value for magic, value in ATTACHMENT_TYPES.items() if head.startswith(magic)), None)
            extension = path.suffix.lower().lstrip(".")
            if kind is None or (kind[1] == "pdf") != (extension == "pdf"):
                check.add(located, where, f"tệp docs/{attachment.file} không phải PDF hoặc DOCX đúng với đuôi '.{extension}'")
                continue
            mime = kind[0] if extension == "pdf" else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            files[attachment.file] = (file_size(path) or 0, mime)
    return files


def _activity_events(check, documents: list[tuple[Located, Document]], events_source: Located | None) -> list[tuple[Located, int, Event]]:
    """The events a document's dated activities stand for, when the activity keeps a published
    event's id (its page and calendar UID stay where they were): made from the document, never retyped."""
    taken = _ids(events_source, []) or set()
    made = []
    for located, document in documents:
        for j, activity in enumerate(document.activities):
            if not activity.event or not _has_event_date(activity.time):  # no day to place it on: `_check_document` says so
                continue
            if activity.event in taken:
                check.add(
                    located, ("activities", j, "event"), f"mã sự kiện '{activity.event}' đã dùng ở data/events.yml hoặc ở hoạt động khác"
                )
                continue
            taken.add(activity.event)
            time = activity.time
            fields = {
                "id": activity.event,
                "name": activity.name,
                "organisers": [activity.lead] if activity.lead_known else [],
                "plan": document.id,
                "activity": activity.id,
                "observances": list(time.observances),
                "sources": list(document.sources),
            }  # known from where the document is
            if time.deadline:
                fields.update(kind="han", date=str(time.deadline))
            else:
                start = time.start.first_day if time.start and time.start.exact else time.end_day
                fields.update(kind="su-kien", date=start.isoformat(), end=time.end_day.isoformat() if start != time.end_day else None)
            made.append((located, j, Event.model_validate({k: v for k, v in fields.items() if v is not None})))
    return made


def _has_event_date(time) -> bool:
    """Whether an activity can be kept as a published event: a deadline (in any of its states), or a period
    whose end is a day (an event's end is a day)."""
    return time.deadline is not None or (time.end_date is not None and time.end_date.exact)


def _check_activity_period(check, located: Located, path: tuple, start: dt.date, end: dt.date) -> None:
    """An activity without 'start' runs from the document's date: its period is bounded all the same."""
    try:
        check_period(start, end)
    except PydanticCustomError as exc:
        check.add(located, path, str(exc))


def _check_lettered(check, located: Located, sections, path: tuple, level: int) -> None:
    """From the third level down, items are lettered a) … y): there are only so many letters."""
    if level >= 3 and len(sections) > len(vi.LETTERS):
        check.add(
            located,
            path + (len(vi.LETTERS),),
            f"mục cấp này được đánh chữ a) đến y), nên chỉ có tối đa {len(vi.LETTERS)} mục; hãy chia thành nhiều mục cấp trên",
        )
    for i, section in enumerate(sections):
        _check_lettered(check, located, section.sections, path + (i, "sections"), level + 1)


def _check_footnotes(check, located: Located, document: Document) -> None:
    referenced = Counter(int(n) for s in document_strings(document, footnotes=False) for n in FOOTNOTE_REF.findall(s))
    defined = Counter(f.id for f in document.footnotes)
    for j, footnote in enumerate(document.footnotes):
        if defined[footnote.id] > 1:
            check.add(located, ("footnotes", j, "id"), f"chú thích số {footnote.id} bị trùng")
        if footnote.id not in referenced:
            check.add(
                located, ("footnotes", j, "id"), f"chú thích số {footnote.id} không được đánh dấu [^{footnote.id}] ở đâu trong văn bản"
            )
    for number in sorted(set(referenced) - set(defined)):
        check.add(located, ("footnotes",), f"văn bản đánh dấu [^{number}] nhưng không có chú thích số {number}")


def _check_numbers(check, documents: list[tuple[Located, Document]]) -> None:
    """Nghị định 30/2020: a number is unique for one issuer within one year."""
    seen: dict[tuple, str] = {}
    for located, document in documents:
        if not (document.number_known and document.symbol_known):
            continue
        key = (document.issuer, document.date.year, document.number, document.symbol)
        if key in seen:
            check.add(
                located,
                ("number",),
                f"số {document.number} (ký hiệu {document.symbol}) năm {document.date.year} đã dùng cho văn bản '{seen[key]}'",
            )
        else:
            seen[key] = document.id


def _check_related(check, documents: list[tuple[Located, Document]]) -> None:
    """A relation is one fact: entered once in a document, and once for a pair (the other page shows it
    by itself); a document that is already a basis or the replacement is not related again."""
    entered: dict[tuple[str, str], tuple[Located, int]] = {}
    for located, document in documents:
        cited = {b.document for b in document.bases if b.document} | {document.superseded_by}
        for j, link in enumerate(document.related):
            path = ("related", j, "document")
            if (document.id, link.document) in entered:
                line = entered[(document.id, link.document)][0].where(("related", entered[(document.id, link.document)][1]))[0]
                check.add(located, path, f"văn bản '{link.document}' đã ghi ở dòng {line}; mỗi văn bản liên quan ghi một lần")
                continue
            entered[(document.id, link.document)] = (located, j)
            if link.document in cited:
                check.add(
                    located,
                    path,
                    f"văn bản '{link.document}' đã là căn cứ ('bases') hoặc văn bản thay thế ('superseded_by') của văn bản này; bỏ mục này",
                )
    for (one, other), (located, j) in sorted(entered.items()):
        if one > other and (other, one) in entered:
            first, k = entered[(other, one)]
            check.add(
                located,
                ("related", j, "document"),
                f"hai văn bản này đã được ghi là liên quan ở {first.file}:{first.where(('related', k))[0]}; mỗi cặp chỉ ghi ở một văn bản "
                f"(trang của văn bản kia tự hiện liên kết ngược): bỏ mục này",
            )


def _check_unique(check, sources, documents) -> None:
    for key in ("organisations", "observances", "events"):
        located = sources[key]
        if not located or not isinstance(located.value, list):
            continue
        first: dict[str, int] = {}
        for i, item in enumerate(located.value):
            record_id = raw_id(item)
            if record_id is None:
                continue
            if record_id in first:
                line = located.where((first[record_id], "id"))[0]
                check.add(located, (i, "id"), f"mã '{record_id}' bị trùng (đã dùng ở dòng {line})")
            else:
                first[record_id] = i
    document_files: dict[str, str] = {}
    for located, document in documents:
        if document.id in document_files:
            check.add(located, ("id",), f"mã văn bản '{document.id}' đã dùng trong tệp {document_files[document.id]}")
        else:
            document_files[document.id] = located.file


ARTICLE_LEAD_DAYS = 366
"""An article may be dated at most a year after the build (it waits for its day); a later date is a typo
that would hold it back for good."""


def _check_article(
    check, located, record: ArticleRecord, known: _Known, info: SiteInfo | None, docs_dir: Path, images, today: dt.date
) -> None:
    meta = record.meta
    if (meta.date.date() - today).days > ARTICLE_LEAD_DAYS:
        check.add(
            located,
            ("date",),
            f"ngày đăng {meta.date.date().isoformat()} muộn hơn ngày dựng trang ({today.isoformat()}) quá {ARTICLE_LEAD_DAYS} ngày; hãy "
            f"kiểm tra lại năm",
        )
    _check_article_refs(check, located, known, info, docs_dir, images, meta.category, meta.plans, meta.observances, meta.events, meta.image)
    if meta.updated and meta.updated < meta.date:
        check.add(located, ("updated",), "thời điểm sửa trước thời điểm đăng")


def _check_body_placeholder(check, file: str, body: str, first_line: int) -> None:
    """A starting file's body placeholder, left in place, would be published as it is."""
    match = PLACEHOLDER.search(body)
    if match:
        line = first_line + body.count("\n", 0, match.start())
        check.problems.append(Problem(file, line, 1, "", f"nội dung bài chưa điền: {match.group(1)} (thay cả chỗ <<ĐIỀN: …>>)"))


_ARTICLE_REFS = {
    name: TypeAdapter(Article.model_fields[name].rebuild_annotation()) for name in ("category", "plans", "observances", "events", "image")
}


def _check_article_fields(check, located, known: _Known, info: SiteInfo | None, docs_dir: Path, images) -> None:
    """The references of an article whose front matter failed validation: each field that is valid
    on its own is checked (one that is not has its message already)."""
    raw = located.value
    fields: dict[str, Any] = {}
    for name, adapter in _ARTICLE_REFS.items():
        try:
            fields[name] = adapter.validate_python(raw[name], strict=True)  # as strict as the model
        except (KeyError, ValidationError):
            fields[name] = None
    _check_article_refs(
        check,
        located,
        known,
        info,
        docs_dir,
        images,
        fields["category"],
        fields["plans"] or [],
        fields["observances"] or [],
        fields["events"] or [],
        fields["image"],
    )


def _check_article_refs(
    check, located, known: _Known, info: SiteInfo | None, docs_dir: Path, images, category, documents, observances, events, image
) -> None:
    if info and category is not None and category not in {c.id for c in info.column.categories}:
        names = ", ".join(c.id for c in info.column.categories)
        check.add(located, ("category",), f"không có chuyên mục con '{category}'; chọn một trong: {names}")
    for j, document in enumerate(documents):
        _refer(check, located, ("plans", j), document, known.documents, "văn bản", "data/plans/")
    for j, obs in enumerate(observances):
        _refer(check, located, ("observances", j), obs, known.observances, "ngày kỷ niệm", OBS_WHERE)
    for j, event in enumerate(events):
        _refer(check, located, ("events", j), event, known.events, "sự kiện", "data/events.yml")
    if image:
        _check_image(check, located, image, docs_dir, images)


def _check_image(check, located, image, docs_dir: Path, images: dict[str, PublishedImage | None]) -> None:
    """The image is a file under docs/ that the site publishes as an image, and its stated size is the
    size it is published at (turned upright, shrunk to the width limit): the page and the feeds state it."""
    path = docs_dir / image.file
    if not _inside(path, docs_dir):
        check.add(located, ("image", "file"), f"tệp ảnh phải nằm trong thư mục docs/, nhận được '{image.file}'")
        return
    if file_in_docs(docs_dir, image.file) is None:
        check.add(located, ("image", "file"), f"không tìm thấy tệp ảnh docs/{image.file}")
        return
    if image.file not in images:
        check.add(located, ("image", "file"), f"tệp docs/{image.file} không phải ảnh được đăng (đuôi {', '.join(content.IMAGE_SUFFIXES)})")
        return
    published = images[image.file]
    if published is None:
        return  # refused: the file has its own message
    if (published.width, published.height) != (image.width, image.height):
        check.add(
            located,
            ("image", "width"),
            f"ảnh docs/{image.file} được đăng rộng {published.width} × cao {published.height} điểm ảnh (đã xoay theo chiều chụp "
            f"và thu nhỏ nếu rộng quá {WIDTH_TEXT}), nhưng ghi width: {image.width}, height: {image.height}; "
            f"hãy ghi width: {published.width}, height: {published.height}",
        )


# --- helpers --------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a name the system cannot hold; a symlink loop
        return False


def file_in_docs(docs_dir: Path, name: str) -> Path | None:
    """The file ``name`` names under docs/ (symlinks followed, and still under docs/), or None. The
    models refuse names no file can have; whatever the system still cannot answer is no file."""
    path = docs_dir / name
    try:
        return path if _inside(path, docs_dir) and path.is_file() else None
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


def _section_path(position: tuple[int, ...]) -> tuple:
    """Where a section stands in the document's data: ('sections', 3, 'sections', 0) for IV.1."""
    return tuple(part for i in position for part in ("sections", i - 1))


def document_strings(document: Document, *, footnotes: bool = True) -> list[str]:
    """Every text of the document as issued, in reading order."""
    out = list(document.preamble) + _sections_strings(document.sections)
    if document.closing:
        out.append(document.closing)
    for appendix in document.appendices:
        out.append(appendix.summary)
        for block in appendix.body:
            out.extend(block.strings())
        out.extend(_sections_strings(appendix.sections))
    if footnotes:
        for footnote in document.footnotes:
            for block in footnote.body:
                out.extend(block.strings())
    return out


def _sections_strings(sections) -> list[str]:
    out = []
    for _, section in positioned(sections):
        if section.title:
            out.append(section.title)
        for block in section.body:
            out.extend(block.strings())
    return out


def _at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "một bảng các trường"
    if isinstance(value, list):
        return "một danh sách"
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"số {value}"
    return f"văn bản '{value}'"


MISSING_FIELD_HELP = {
    "number": f"; khi không có số, ghi {MISSING_HELP}",
    "signer": (
        '; chưa rõ người ký (bản tin không nêu) thì ghi signer: "??"; bản gốc in chức vụ mà để trống tên người ký (bản dự thảo) '
        "thì ghi chức vụ ở 'title' và name: \"..\""
    ),
}
"""What a missing field's message adds: how to say the fact is not there."""


def _problem(located: Located, model: type[BaseModel], base: tuple, err: dict) -> Problem:
    loc = base + tuple(err["loc"])
    path = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
    kind = err["type"]
    found = err.get("input")
    field = path[-1] if path and isinstance(path[-1], str) else None
    if kind == "missing":
        message = f"thiếu trường bắt buộc '{field}'" + MISSING_FIELD_HELP.get(field, "")
    elif kind == "extra_forbidden" and field in _renamed_at(model, tuple(err["loc"])[:-1]):
        new_key, meaning = _renamed_at(model, tuple(err["loc"])[:-1])[field]
        items = [found] if isinstance(found, str) else found if isinstance(found, list) and all(isinstance(v, str) for v in found) else []
        example = f"{new_key}: [{', '.join(items)}]" if items else f"{new_key}: [mã, …]"
        message = f"trường '{field}' nay là '{new_key}' ({meaning}): hãy ghi '{example}' thay cho dòng này"
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, tuple(err["loc"])[:-1])
        hint = _closest(field, set(allowed)) if field else None
        message = f"trường '{field}' không có trong mẫu dữ liệu" + (f"; có phải '{hint}'?" if hint else "")
        if allowed:
            message += ("" if hint else ".") + f" Các trường được dùng: {', '.join(allowed)}"
    elif kind == "literal_error":
        expected = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        message = f"phải là {choice_list(expected)}; nhận được: {_kind(found)}"
        meant = _choice_named(found, expected)
        if meant:
            message += f"; có phải '{meant}'?"
    elif kind in ("string_type",):
        message = f"phải là văn bản, nhận được {_kind(found)}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"phải là số nguyên, nhận được {_kind(found)}"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"phải là true hoặc false, nhận được {_kind(found)}"
    elif kind == "list_type":
        message = f"phải là một danh sách (mỗi mục bắt đầu bằng '- '), nhận được {_kind(found)}"
        if isinstance(found, str) and _is_id_list(model, tuple(err["loc"])):
            message += f"; một mã cũng ghi thành danh sách: '{field}: [{found}]'"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"phải là một bảng các trường (tên: giá trị), nhận được {_kind(found)}"
    elif kind == "too_short":
        message = "danh sách không được để trống"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = {
            "greater_than_equal": "không nhỏ hơn",
            "less_than_equal": "không lớn hơn",
            "greater_than": "lớn hơn",
            "less_than": "nhỏ hơn",
        }
        limit = next(iter(err["ctx"].values()))
        message = f"phải {bounds[kind]} {limit}, nhận được {_kind(found)}"
    elif kind.startswith("vi_"):
        message = err["msg"]
    else:  # a rule without its own Vietnamese message yet: say what pydantic said, never a traceback
        message = f"giá trị không hợp lệ ({err['msg']}), nhận được {_kind(found)}"
    line, column = located.where(path)
    return Problem(located.file, line, column, format_path(located.value, path), message)


def choice_list(values: list[str]) -> str:
    """ "'KH' (Kế hoạch), 'CV' (Công văn) hoặc 'QĐ' (Quyết định)": each choice with its meaning, in Vietnamese."""
    shown = [f"'{v}' ({CHOICES[v]})" if v in CHOICES else f"'{v}'" for v in values]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " hoặc " + shown[-1]


def _choice_named(found: Any, values: list[str]) -> str | None:
    """The choice whose meaning (or code) an editor wrote instead of it: 'Chỉ thị' or 'chi thi' for 'CT'."""
    if not isinstance(found, str):
        return None
    written = vi.fold(found).casefold().strip()
    return next((v for v in values if written in (vi.fold(v).casefold(), vi.fold(CHOICES.get(v, "")).casefold())), None)


def _model_at(model: Any, loc: tuple) -> type[BaseModel] | None:
    """The model of the record ``loc`` points into, if it is one."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _fields_at(model: Any, loc: tuple) -> list[str]:
    """The field names allowed where ``loc`` points, to tell the editor what is accepted."""
    found = _model_at(model, loc)
    return list(found.model_fields) if found else []


def _is_id_list(model: Any, loc: tuple) -> bool:
    """Whether ``loc`` points at a field that lists ids ('organisers', 'observances', 'plans'…)."""
    found = _model_at(model, loc[:-1])
    field = found.model_fields.get(loc[-1]) if found and loc and isinstance(loc[-1], str) else None
    return field is not None and field.annotation == list[Id]


def _renamed_at(model: Any, loc: tuple) -> dict[str, tuple[str, str]]:
    """The keys the record where ``loc`` points was once written with (`Event.RENAMED`)."""
    return getattr(_model_at(model, loc), "RENAMED", {})


def _unwrap(annotation: Any) -> Any:
    while True:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        origin = typing.get_origin(annotation)
        if origin is None or not args:
            return annotation
        if origin is typing.Annotated:
            annotation = args[0]
            continue
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        annotation = models[0] if models else args[0]
