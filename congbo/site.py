"""The validated site: every record, indexed, and the relations between them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "agenda", build_agenda(self.observances, self.documents, self.events))  # frozen: set once, here
        object.__setattr__(self, "programmes", build_programmes(self))

    @cached_property
    def programme(self) -> dict[tuple[str, int], Programme]:
        """Programmes by (observance id, year)."""
        return {(p.observance.id, p.year): p for p in self.programmes}

    @cached_property
    def organisation(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def home_province(self) -> str | None:
        """The site's own province: its owner's ('owner' in data/site.yml); none for a central body's site."""
        return self.organisation[self.info.owner].province

    @cached_property
    def province(self) -> dict[str, Province]:
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

    @cached_property
    def observance(self) -> dict[str, Observance]:
        return {o.id: o for o in self.observances}

    @cached_property
    def document(self) -> dict[str, Document]:
        return {p.id: p for p in self.documents}

    @cached_property
    def document_by_number(self) -> dict[tuple[str, int, str], Document]:
        """Documents with a known number and symbol, by (issuer, number, symbol): unique, as the loader checks."""
        return {(p.issuer, p.number, p.symbol): p for p in self.documents if p.number_known and p.symbol_known}

    @cached_property
    def event(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def published_articles(self) -> tuple[ArticleRecord, ...]:
        """Articles dated on or before the build date, newest first; later ones wait for their day."""
        ready = [a for a in self.articles if a.meta.date.date() <= self.today]
        return tuple(sorted(ready, key=lambda a: (a.meta.date, a.meta.id), reverse=True))

    @cached_property
    def _related(self) -> dict[str, list[tuple[Document, str | None]]]:
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

    def events_of_document(self, document_id: str) -> list[Event]:
        return sorted((e for e in self.events if e.plan == document_id), key=lambda e: (e.date, e.id))

    @cached_property
    def _articles_by_record(self) -> dict[tuple[str, str], list[ArticleRecord]]:
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

    @cached_property
    def _work_by_org(self) -> dict[str, list[tuple[Document, Activity, str]]]:
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

    @cached_property
    def _groups(self) -> dict[str, tuple[list[Organisation], list[Organisation]]]:
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
