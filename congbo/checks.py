"""The checks across records: every reference names a record that exists, each fact is entered once,
and what one record says agrees with the others. All run on what was read (`read.Records`), valid or
not, so one run shows every mistake; each adds its problem to the `Checker` and none stops the run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from . import content, vi
from .images import WIDTH_TEXT, PublishedImage
from .layout import DOCUMENTS, EVENTS, LISTS, OBSERVANCES, ORGANISATIONS, SITE, Part
from .messages import closest
from .models import (
    ArticleRecord,
    FOOTNOTE_REF,
    UNKNOWN_LEAD_HELP,
    Article,
    Document,
    Event,
    Observance,
    Organisation,
    Province,
    SiteInfo,
    check_period,
    needs_province,
    positioned,
)
from .read import Checker, Records, file_head, file_in_docs, file_size, inside, raw_id
from .dates import PartialDate
from .scalars import ID, PLACEHOLDER
from .yamlread import Located


@dataclass(frozen=True)
class Checked:
    """What the checks derive from the records besides their problems."""

    organisations: list[Organisation]
    """The organisations, a merged province's bodies ending the day before the merger (`_follow_mergers`)."""
    files: dict[str, tuple[int, str]]
    """Each attachment's size and media type, by its path under docs/."""
    derived: list[tuple[Located, int, Event]]
    """The events documents' dated activities stand for, with the document and the activity's index."""


def check_records(check: Checker, records: Records, docs_dir: Path | None, today: dt.date) -> Checked:
    """Every check across records, in one run."""
    sources, info, observances, events = records.sources, records.info, records.observances, records.events
    documents, articles, images = records.documents, records.articles, records.images
    orgs = records.organisations
    if info:  # without a valid data/site.yml the mergers are not known: the checks that need them wait
        orgs = _follow_mergers(check, sources[ORGANISATIONS.key], orgs, {p.name: p for p in info.provinces})

    known = _Known(sources, records.document_sources, records.documents_parsed, orgs, observances, events)
    known.home = known.orgs_by_id.get(info.owner) if info else None
    known.provinces_known = info is not None
    for located in records.document_sources:
        _check_document_refs(check, located, known)  # every document, valid or not: one run shows every mistake
    _check_unique(check, sources, documents, articles)
    if info:
        _check_site(check, sources[SITE.key], info, known)
        _check_site_files(check, sources[SITE.key], info, docs_dir)
    for located, org in _with_source(sources[ORGANISATIONS.key], orgs):
        _check_org(check, located, org, known)
    if sources[ORGANISATIONS.key]:
        _check_cycles(check, sources[ORGANISATIONS.key], orgs)
        if info and known.home:
            _check_province_names(check, sources[ORGANISATIONS.key], orgs, known.home.province, info)
    for located, obs in _with_source(sources[OBSERVANCES.key], observances):
        _check_themes(check, located, obs, known, observances)
    for located, event in _with_source(sources[EVENTS.key], events):
        _check_event(check, located, event, known, dict((p.id, (loc, p)) for loc, p in documents))
    for located, document in documents:
        _check_document(check, located, document, known)
    files = _check_attachments(check, documents, docs_dir)
    _check_numbers(check, documents)
    _check_related(check, documents)
    derived = _activity_events(check, documents, sources[EVENTS.key])
    for located, record in articles:
        _check_article(check, located, record, known, info, docs_dir, images, today)
    for located in records.unvalidated:
        _check_article_fields(check, located, known, info, docs_dir, images)

    return Checked(orgs, files, derived)


class _Known:
    """Ids that exist, including those of records that failed their own checks (no cascades).

    A kind whose file could not be parsed at all is None: references to it are not checked,
    the syntax error is the one message the editor needs.
    """

    def __init__(self, sources, document_sources, document_files_parsed, orgs, observances, events):
        self.orgs = _ids(sources[ORGANISATIONS.key], orgs)
        self.observances = _ids(sources[OBSERVANCES.key], observances)
        self.events = _ids(sources[EVENTS.key], events)
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


def _with_source(located: Located | None, records: list) -> Iterable[tuple[Located, Any]]:
    for record in records:
        yield located, record


def _index_of(located: Located, record_id: str) -> int:
    for i, item in enumerate(located.value):
        if raw_id(item) == record_id:
            return i
    raise LookupError(record_id)


def _refer(
    check: Checker,
    located: Located,
    path: tuple,
    value: str | None,
    known: set,
    part: Part,
    near: Callable | None = None,
    also: str | None = None,
) -> None:
    """A reference to a record of ``part`` that must exist; ``near`` ranks the suggestions (`_org_rank`); ``also``:
    what else the field accepts, said after the suggestion."""
    if value is not None and known is not None and value not in known and not PLACEHOLDER.search(value):
        hint = closest(value, known, near)
        suggestion = f"; có phải '{hint}'?" if hint else ""
        check.add(located, path, f"không có {part.name} mã '{value}' trong {part.path}{suggestion}" + (f"; {also}" if also else ""))


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


def _follow_mergers(check: Checker, located: Located | None, orgs: list[Organisation], provinces: dict[str, Province]) -> list:
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
        merger = f"{province.title} được sắp xếp vào {into} từ ngày {since} ({SITE.path}, provinces)"
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


def _check_site(check, located, info: SiteInfo, known: _Known) -> None:
    _refer(check, located, ("owner",), info.owner, known.orgs, ORGANISATIONS)
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
    _refer(check, located, (i, "parent"), org.parent, known.orgs, ORGANISATIONS, near)
    _refer(check, located, (i, "successor"), org.successor, known.orgs, ORGANISATIONS, near)
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
            f"tỉnh khác kèm tên tỉnh, nên cần biết {province} là tỉnh hay thành phố: ghi ở {SITE.path}, mục 'provinces', "
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
        _refer(check, located, (i, "themes", j, "same_as"), theme.same_as, known.observances, OBSERVANCES)
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
        _refer(check, located, path + ("sources", j, "document"), source.document, known.documents, DOCUMENTS)


def _activity_days(activity) -> list:
    """The days an activity's document gives it: its deadline, or its period's end (and start), each when
    known to the day."""
    time = activity.time
    found = [d.first_day for d in (time.deadline, time.end_date, time.start) if d is not None and d.exact]
    return found


def _check_event(check, located, event: Event, known: _Known, documents: dict) -> None:
    i = _index_of(located, event.id)
    _check_sources(check, located, (i,), event.sources, known)
    _check_event_bodies(check, located, i, event, known)
    _refer(check, located, (i, "plan"), event.plan, known.documents, DOCUMENTS)
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
        _refer(check, located, (i, "observances", j), obs, known.observances, OBSERVANCES)
        first_year = known.observances_by_id[obs].first_year if obs in known.observances_by_id else event.date.year
        if event.date.year < first_year:  # the observance's programme of that year has no day to stand on
            check.add(
                located,
                (i, "observances", j),
                f"sự kiện năm {event.date.year} không thể hướng tới ngày kỷ niệm '{obs}': "
                f"ngày này được tổ chức lần đầu năm {first_year} (first_year trong {OBSERVANCES.path})",
            )
    if event.activity and not event.plan:
        check.add(located, (i, "activity"), "ghi 'activity' thì phải ghi cả 'plan'")
    if event.plan not in documents:
        return
    doc_located, document = documents[event.plan]
    named_first = sorted(enumerate(document.activities), key=lambda pair: pair[1].id != event.activity)
    for j, activity in named_first:
        dates = _activity_days(activity)
        named = event.activity == activity.id
        repeats = {event.first_day, event.last_day} & set(dates) if event.exact else set()
        if dates and (named or repeats):
            line = doc_located.where(("activities", j, "time"))[0]
            day = sorted(repeats or dates)[0]
            check.add(
                located,
                (i, "date"),
                f"sự kiện lặp lại ngày {vi.short_date(day)} của hoạt động '{activity.id}' đã ghi trong {doc_located.file}:{line} "
                f"(activities[{activity.id}].time); mỗi ngày chỉ ghi một lần, ở văn bản: hãy xóa sự kiện này khỏi {EVENTS.path} "
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
            _refer(check, located, (i, field, j), org_id, known.orgs, ORGANISATIONS, _org_rank(known, None))
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


_ORG_REFS = [
    ("issuer",),
    ("co_issuers", "*"),
    ("bases", "*", "issuer"),
    ("recipients", "*", "organisation"),
    ("activities", "*", "partners", "*"),
]
_OBS_REFS = [("observances", "*"), ("activities", "*", "time", "observances", "*"), ("notes", "*", "observance")]


def _check_document_refs(check, located: Located, known: _Known) -> None:
    """What a document names (bodies, observances, documents), read from the file as written, so a
    document with a mistake elsewhere still has its references checked in the same run."""
    raw = located.value
    if not isinstance(raw, dict):
        return
    issuer = raw.get("issuer")
    near = _org_rank(known, known.orgs_by_id.get(issuer) if isinstance(issuer, str) else None)
    for pattern in _ORG_REFS:
        for path, value in _walk(raw, pattern):
            _refer(check, located, path, value, known.orgs, ORGANISATIONS, near)
    for path, value in _walk(raw, ("activities", "*", "lead")):
        if ID.match(value):  # '??' (not known) is said on the page; a value that is no id has the model's message
            _refer(check, located, path, value, known.orgs, ORGANISATIONS, near, also=UNKNOWN_LEAD_HELP)
    for pattern in _OBS_REFS:
        for path, value in _walk(raw, pattern):
            _refer(check, located, path, value, known.observances, OBSERVANCES)
    for path, value in _walk(raw, ("bases", "*", "document")):
        _refer(check, located, path, value, known.documents, DOCUMENTS)
    for path, value in _walk(raw, ("related", "*", "document")):
        _refer(check, located, path, value, known.documents, DOCUMENTS)
        if value == raw_id(raw):
            check.add(located, path, "văn bản không thể liên quan với chính nó: ghi mã của một văn bản khác")
    for path, value in _walk(raw, ("sources", "*", "document")):
        _refer(check, located, path, value, known.documents, DOCUMENTS)
        if value == raw_id(raw):
            check.add(
                located, path, "văn bản không thể là nguồn của chính nó: 'van-ban-dan' ghi mã của một văn bản khác dẫn tới văn bản này"
            )
    for path, section in _raw_sections(raw, ()):
        duties_of = section.get("duties_of")
        for k, org in enumerate(duties_of if isinstance(duties_of, list) else []):
            if isinstance(org, str):
                _refer(check, located, path + ("duties_of", k), org, known.orgs, ORGANISATIONS, near)


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
    if problem := document.date.issue_date_problem():
        check.add(located, ("date",), problem)
    for path, org_id in [(("issuer",), document.issuer)] + [(("co_issuers", j), o) for j, o in enumerate(document.co_issuers)]:
        org = known.orgs_by_id.get(org_id)
        if org and not org.heading and document.full_text:  # a page with the text shows its header as printed
            check.add(
                located,
                path,
                f"cơ quan ban hành '{org_id}' chưa có 'heading' (tên ở góc trái văn bản) trong {ORGANISATIONS.path}: trang có toàn văn "
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
    _refer(check, located, ("superseded_by",), document.superseded_by, known.documents, DOCUMENTS)
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
    text = "\n".join(_document_strings(document))
    for j, note in enumerate(document.notes):
        count = text.count(note.at)
        if count != 1:
            check.add(located, ("notes", j, "at"), f"đoạn chữ '{note.at}' phải có đúng một lần trong văn bản, nhưng có {count} lần")


_ATTACHMENT_TYPES = {b"%PDF-": ("application/pdf", "pdf"), b"PK\x03\x04": ("application/zip", "docx")}
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
            kind = next((value for magic, value in _ATTACHMENT_TYPES.items() if head.startswith(magic)), None)
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
                    located, ("activities", j, "event"), f"mã sự kiện '{activity.event}' đã dùng ở {EVENTS.path} hoặc ở hoạt động khác"
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
    referenced = Counter(int(n) for s in _document_strings(document, footnotes=False) for n in FOOTNOTE_REF.findall(s))
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


def _check_unique(check, sources, documents, articles) -> None:
    for key in (part.key for part in LISTS):
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
    seen: dict[str, str] = {}
    for located, record in articles:
        if record.meta.id in seen:
            check.add(located, ("id",), f"mã bài '{record.meta.id}' đã dùng cho bài {seen[record.meta.id]}")
        else:
            seen[record.meta.id] = located.file


_ARTICLE_LEAD_DAYS = 366
"""An article may be dated at most a year after the build (it waits for its day); a later date is a typo
that would hold it back for good."""


def _check_article(
    check, located, record: ArticleRecord, known: _Known, info: SiteInfo | None, docs_dir: Path, images, today: dt.date
) -> None:
    meta = record.meta
    if (meta.date.date() - today).days > _ARTICLE_LEAD_DAYS:
        check.add(
            located,
            ("date",),
            f"ngày đăng {meta.date.date().isoformat()} muộn hơn ngày dựng trang ({today.isoformat()}) quá {_ARTICLE_LEAD_DAYS} ngày; hãy "
            f"kiểm tra lại năm",
        )
    _check_article_refs(check, located, known, info, docs_dir, images, meta.category, meta.plans, meta.observances, meta.events, meta.image)
    if meta.updated and meta.updated < meta.date:
        check.add(located, ("updated",), "thời điểm sửa trước thời điểm đăng")


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
        _refer(check, located, ("plans", j), document, known.documents, DOCUMENTS)
    for j, obs in enumerate(observances):
        _refer(check, located, ("observances", j), obs, known.observances, OBSERVANCES)
    for j, event in enumerate(events):
        _refer(check, located, ("events", j), event, known.events, EVENTS)
    if image:
        _check_image(check, located, image, docs_dir, images)


def _check_image(check, located, image, docs_dir: Path, images: dict[str, PublishedImage | None]) -> None:
    """The image is a file under docs/ that the site publishes as an image, and its stated size is the
    size it is published at (turned upright, shrunk to the width limit): the page and the feeds state it."""
    path = docs_dir / image.file
    if not inside(path, docs_dir):
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


def _section_path(position: tuple[int, ...]) -> tuple:
    """Where a section stands in the document's data: ('sections', 3, 'sections', 0) for IV.1."""
    return tuple(part for i in position for part in ("sections", i - 1))


def _document_strings(document: Document, *, footnotes: bool = True) -> list[str]:
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
