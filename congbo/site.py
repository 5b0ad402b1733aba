"""The validated site: every record, indexed, and the relations between them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .agenda import Agenda, Programme, build_agenda, build_programmes
from .history import NO_HISTORY, History
from .models import Activity, ArticleRecord, Event, Observance, Organisation, Document, Province, SiteInfo, Theme, body_name


@dataclass(frozen=True)
class Site:
    info: SiteInfo
    organisations: tuple[Organisation, ...]
    observances: tuple[Observance, ...]
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    today: dt.date
    """The build date (from SOURCE_DATE_EPOCH or the clock, read once by the caller): upcoming and past are decided against it."""
    articles: tuple[ArticleRecord, ...] = field(default=())
    origins: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict, compare=False)
    """Where each record is written, by (kind, id): (file from the project root, line); for edit links."""
    files: dict[str, tuple[int, str]] = field(default_factory=dict, compare=False)
    """Each attachment file (path under docs/): its size in bytes and its media type, read from the file."""
    images: dict[str, bytes] = field(default_factory=dict, compare=False)
    """Each image file published re-encoded (path under docs/: `images.published_image`), its new bytes,
    until MkDocs takes them: the plugin hands each over as the file's content, so it is held once."""
    history: History = field(default=NO_HISTORY, compare=False, repr=False)
    """When each file and record changed, from git (`history.read_history`); empty unless the caller reads it."""
    agenda: Agenda = field(init=False, compare=False, repr=False)
    """Every dated thing, made once from the records when the site is made (`agenda.build_agenda`)."""
    programmes: tuple[Programme, ...] = field(init=False, compare=False, repr=False)
    """Every observance's year with documents or events, made once when the site is made (`agenda.build_programmes`)."""

    # Indexes and relations, each made once, here, from the records (the site is frozen: nothing is made later).
    organisation: dict[str, Organisation] = field(init=False, compare=False, repr=False)
    province: dict[str, Province] = field(init=False, compare=False, repr=False)
    home_province: str | None = field(init=False, compare=False, repr=False)
    observance: dict[str, Observance] = field(init=False, compare=False, repr=False)
    document: dict[str, Document] = field(init=False, compare=False, repr=False)
    document_by_number: dict[tuple[str, int, str], Document] = field(init=False, compare=False, repr=False)
    event: dict[str, Event] = field(init=False, compare=False, repr=False)
    published_articles: tuple[ArticleRecord, ...] = field(init=False, compare=False, repr=False)
    _related: dict[str, list[tuple[Document, str | None]]] = field(init=False, compare=False, repr=False)
    _articles_by_record: dict[tuple[str, str], list[ArticleRecord]] = field(init=False, compare=False, repr=False)
    _work_by_org: dict[str, list[tuple[Document, Activity, str]]] = field(init=False, compare=False, repr=False)
    _groups: dict[str, tuple[list[Organisation], list[Organisation]]] = field(init=False, compare=False, repr=False)
    programme: dict[tuple[str, int], Programme] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Everything derived from the records, made eagerly, once, in dependency order; frozen from then on."""
        for name, make in (
            ("organisation", self._make_organisation),
            ("province", self._make_province),
            ("home_province", self._make_home_province),
            ("observance", self._make_observance),
            ("document", self._make_document),
            ("document_by_number", self._make_document_by_number),
            ("event", self._make_event),
            ("published_articles", self._make_published_articles),
            ("_related", self._make_related),
            ("_articles_by_record", self._make_articles_by_record),
            ("_work_by_org", self._make_work_by_org),
            ("_groups", self._make_groups),
            ("agenda", lambda: build_agenda(self.observances, self.documents, self.events)),
            ("programmes", lambda: build_programmes(self)),
            ("programme", self._make_programme),
        ):
            object.__setattr__(self, name, make())

    def _make_programme(self) -> dict[tuple[str, int], Programme]:
        """Programmes by (observance id, year)."""
        return {(p.observance.id, p.year): p for p in self.programmes}

    def _make_organisation(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}

    def _make_home_province(self) -> str | None:
        """The site's own province: its owner's ('owner' in data/site.yml); none for a central body's site."""
        return self.organisation[self.info.owner].province

    def _make_province(self) -> dict[str, Province]:
        """The provinces data/site.yml describes ('provinces'), by name."""
        return {p.name: p for p in self.info.provinces}

    def name_of(self, org: Organisation | str, *, short: bool = False) -> str:
        """A body's name wherever it is shown: with its province when it is another province's (`models.body_name`)."""
        org = self.organisation[org] if isinstance(org, str) else org
        return body_name(org, self.home_province, self.province, short=short)

    def merger_of(self, org: Organisation) -> Province | None:
        """The merger of the body's province into another, when data/site.yml records one."""
        province = self.province.get(org.province) if org.province else None
        return province if province is not None and province.merged_into is not None else None

    def _make_observance(self) -> dict[str, Observance]:
        return {o.id: o for o in self.observances}

    def _make_document(self) -> dict[str, Document]:
        return {p.id: p for p in self.documents}

    def _make_document_by_number(self) -> dict[tuple[str, int, str], Document]:
        """Documents with a known number and symbol, by (issuer, number, symbol): unique, as the loader checks."""
        return {(p.issuer, p.number, p.symbol): p for p in self.documents if p.number_known and p.symbol_known}

    def _make_event(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def _make_published_articles(self) -> tuple[ArticleRecord, ...]:
        """Articles dated on or before the build date, newest first; later ones wait for their day."""
        ready = [a for a in self.articles if a.meta.date.date() <= self.today]
        return tuple(sorted(ready, key=lambda a: (a.meta.date, a.meta.id), reverse=True))

    def _make_related(self) -> dict[str, list[tuple[Document, str | None]]]:
        """Each document's related documents, both ways: a pair is entered once, on either side."""
        found: dict[str, list[tuple[Document, str | None]]] = {}
        for document in self.documents:
            for link in document.related:
                found.setdefault(document.id, []).append((self.document[link.document], link.note))
                found.setdefault(link.document, []).append((document, link.note))
        return found

    def related_of(self, document_id: str) -> list[tuple[Document, str | None]]:
        """(document, note) for every document related to this one, oldest first."""
        return sorted(self._related.get(document_id, []), key=lambda pair: (pair[0].date, pair[0].id))

    def _make_articles_by_record(self) -> dict[tuple[str, str], list[ArticleRecord]]:
        """Published articles by related record, built once: each document or observance page looks up its own."""
        index: dict[tuple[str, str], list[ArticleRecord]] = {}
        for a in self.published_articles:
            for kind, ids in (("plan", a.meta.plans), ("observance", a.meta.observances), ("event", a.meta.events)):
                for record_id in dict.fromkeys(ids):
                    index.setdefault((kind, record_id), []).append(a)
        return index

    def articles_about(
        self, *, document: str | None = None, observance: str | None = None, event: str | None = None
    ) -> list[ArticleRecord]:
        """Published articles related to any of the given records, newest first."""
        keys = [(kind, record_id) for kind, record_id in (("plan", document), ("observance", observance), ("event", event)) if record_id]
        if len(keys) == 1:
            return list(self._articles_by_record.get(keys[0], ()))
        found = {a.meta.id: a for key in keys for a in self._articles_by_record.get(key, ())}
        return sorted(found.values(), key=lambda a: (a.meta.date, a.meta.id), reverse=True)

    def activities_of(self, org_id: str) -> list[tuple[Document, Activity, str]]:
        """Every activity an organisation leads or supports: (document, activity, 'lead' | 'partner')."""
        return self._work_by_org.get(org_id, [])

    def _make_work_by_org(self) -> dict[str, list[tuple[Document, Activity, str]]]:
        """One pass over all documents, so pages per organisation cost what they show, not the whole data."""
        work: dict[str, list] = {}
        for document in self.documents:
            for activity in document.activities:
                if activity.lead_known:  # a lead not known ('??') is nobody's work
                    work.setdefault(activity.lead, []).append((document, activity, "lead"))
                for partner in dict.fromkeys(activity.partners):
                    if partner != activity.lead:
                        work.setdefault(partner, []).append((document, activity, "partner"))
        return work

    def _make_groups(self) -> dict[str, tuple[list[Organisation], list[Organisation]]]:
        """Each organisation's classes and each class's members, by id: (classes, members)."""
        groups: dict[str, tuple[list, list]] = {o.id: ([], []) for o in self.organisations}
        classes: dict[tuple, list[Organisation]] = {}  # by the members' kind, level and province: one pass, not organisations × classes
        for group in self.organisations:
            if group.members is not None:
                classes.setdefault((group.members.kind, group.members.level, group.province), []).append(group)
        for org in self.organisations:
            provinces = {org.province, None}  # its province's classes, and the classes of every province ('Sở Y tế các tỉnh')
            for group in (g for p in sorted(provinces, key=str) for g in classes.get((org.kind, org.level, p), [])):
                if org.id != group.id and org.belongs_to(group):
                    groups[org.id][0].append(group)
                    groups[group.id][1].append(org)
        return groups

    def groups_of(self, org_id: str) -> list[Organisation]:
        """The classes of bodies ('Các sở, ban, ngành tỉnh Lạng Sơn') the organisation is one of."""
        return self._groups[org_id][0]

    def members_of(self, group_id: str) -> list[Organisation]:
        """The catalogued bodies a class of bodies stands for (perhaps none: the catalogue need not list them)."""
        return self._groups[group_id][1]

    def activities_through_groups(self, org_id: str) -> list[tuple[Document, Activity, str, Organisation]]:
        """The activities a body carries as one of a class: (document, activity, role, class), for the
        documents issued while it still existed."""
        org = self.organisation[org_id]
        return [
            (document, activity, role, group)
            for group in self.groups_of(org_id)
            for document, activity, role in self.activities_of(group.id)
            if org.active_on(document.date.first_day)
        ]

    def document_issuer(self, document: Document) -> Organisation:
        return self.organisation[document.issuer]

    def theme_of(self, observance: Observance, year: int) -> Theme | None:
        """The observance's theme of ``year``, followed to the observance it shares it with."""
        theme = observance.theme_for(year)
        if theme is not None and theme.same_as:
            shared = self.observance[theme.same_as].theme_for(year)
            return Theme(year=year, theme=shared.theme, source=shared.source or theme.source, sources=shared.sources) if shared else None
        return theme
