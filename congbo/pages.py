"""Pure renderers: the pages made from the records (documents, organisations, the calendar, observances,
events), front matter and finished HTML, keyed by source path. The column's and the programmes' pages
have renderers of their own; `outputs` gathers them all."""

from __future__ import annotations

import calendar as _calendar_lib
import datetime as dt
from collections import Counter, defaultdict
from itertools import groupby
from urllib.parse import quote

from markupsafe import Markup, escape

from . import agenda, documents, history, urls, vi
from .models import FOOTNOTE_REF, LEVELS, ORGANISATION_KINDS, Block, Organisation, Document, Section, positioned
from .render import GeneratedPage, heading, html_text, render_page, superscript
from .site import Site
from .scalars import Missing
from .texts import (
    Links,
    activity_time,
    article_url,
    event_when,
    known_from,
    merger_sentence,
    number_text,
    document_reference,
    document_title,
    script_json,
    source_entries,
)

ROLE_LABELS = {"lead": "Chủ trì", "partner": "Phối hợp"}
MONTHS = [f"Tháng {m}" for m in range(1, 13)]


def render_pages(site: Site, base_url: str = "") -> dict[str, GeneratedPage]:
    """Every page made from the data, by source path. ``base_url``: the public address (``site_url``)."""
    pages = {urls.src_of(urls.DOCUMENTS): render_documents_index(site)}
    for document in site.documents:
        pages[urls.src_of(urls.document(document.id))] = render_document(site, document)
    pages[urls.src_of(urls.ORGANISATIONS)] = render_organisations_index(site)
    related = organisation_records(site)
    for org in site.organisations:
        pages[urls.src_of(urls.organisation(org.id))] = render_organisation(site, org, related[org.id])
    for year in site.agenda.years(site.today):
        pages[urls.src_of(urls.calendar_year(year, site.today.year))] = render_calendar(site, year, base_url)
    for observance in site.observances:
        pages[urls.src_of(urls.observance(observance.id))] = render_observance(site, observance)
    for event in site.events:
        pages[urls.src_of(urls.event(event.id))] = render_event(site, event, base_url)
    return pages


# --- documents ------------------------------------------------------------------------


def document_share_description(site: Site, document: Document) -> str:
    """What a shared link says: 'Kế hoạch … — UBND tỉnh Lạng Sơn, tháng 01 năm 2021' (the number only when it has one)."""
    number = f", {vi.lower_first(number_text(document, site.document_issuer(document)))}" if document.number_known else ""
    return f"{document_title(document)} — {site.name_of(document.issuer)}, {document.date.text()}{number}."


# Search weights (Material's `search: boost:`, a factor on a page's score): an observance's own page 3,
# a document 2 (above the articles about it, 1), a document of the site's own province a little more,
# so that for the same words Lạng Sơn's document comes before Bắc Giang's and still after the day's page.
DOCUMENT_BOOST = 2
HOME_DOCUMENT_BOOST = 2.5


def document_search_boost(site: Site, document: Document) -> float:
    """The document's search weight: higher when its issuer is in the province of the site's owner."""
    home = site.organisation[site.info.owner].province
    return HOME_DOCUMENT_BOOST if home is not None and site.document_issuer(document).province == home else DOCUMENT_BOOST


def document_status(site: Site, document: Document) -> dict:
    """What the data shows of the document's standing, as `Document.current_on` decides it: superseded;
    else its validity ('validity', with ``phase``: before, now, after, open when no end is given, around
    when a date known only to the month or year leaves the build day in doubt);
    else the years it covers when they include the build day ('covers'); else its activities: in
    force or ended (with the date), then the years it covers when past or to come; 'no-end-date' when
    the full text gives none, 'not-known' when the site does not hold the full text. Without the full
    text, the last date the site knows need not be the document's last: ``known_only`` says so."""
    today = site.today
    if document.superseded_by:
        replacement = site.document[document.superseded_by]
        return {"state": "superseded", "by": replacement, "title": document_title(replacement)}
    if document.validity is not None:
        start, end = document.validity.start, document.validity.end
        status = {"state": "validity", "start": start.short_text(), "end": None, "open": None}
        if isinstance(end, Missing):
            status["open"] = "blank" if end.blank else "unknown"
        else:
            status["end"] = end.short_text()
        return {**status, "phase": document.validity.phase(today)}
    covers = document.covers
    years = None
    if covers is not None:
        years = f"năm {covers.start}" if covers.start == covers.end else f"giai đoạn {covers.start}–{covers.end}"
        if covers.first_day <= today <= covers.last_day:
            return {"state": "covers", "phase": "now", "years": years}
    running = document.running_on(today)  # None without a last day, or when its last date leaves the day in doubt
    if running is True:
        status = {"state": "in-force", "date": document.last_day, "when": _last_date_text(document)}
        return status if document.full_text else {**status, "known_only": True}
    if covers is not None:
        return {"state": "covers", "phase": "past" if covers.last_day < today else "future", "years": years}
    if document.last_day is None:
        # Without the full text, or with a period whose end the editors do not know, the site cannot say
        # the document gives no end date: it says nothing.
        unknown = not document.full_text or any(a.time.open_end and a.time.open_end.unknown for a in document.activities)
        return {"state": "not-known" if unknown else "no-end-date"}
    if running is None:  # a last date short of its day that may be past or not: neither is claimed
        return {"state": "not-known-to-day", "when": _last_date_text(document)}
    status = {"state": "ended", "date": document.last_day, "when": _last_date_text(document)}
    return status if document.full_text else {**status, "known_only": True}


def _last_date_text(document: Document) -> str:
    """Its activities' last date as the page says it: 'ngày 31/12/2025', or as far as it is known."""
    last = document.last_date
    return last.short_text_with_state()


def section_anchor(section: Section, numbers: tuple[str, ...]) -> str:
    """'muc-<id>' for a section with an id, else 'muc-iv-1' from its numbers."""
    return "muc-" + (section.id or "-".join(vi.slugify(n) for n in numbers))


def render_document(site: Site, document: Document) -> GeneratedPage:
    here = urls.document(document.id)
    links = Links(site, here)
    issuer = site.document_issuer(document)
    notes = {note.at: (i, note) for i, note in enumerate(document.notes, 1)}
    bases = documents.bases(site, document, links)
    body = _DocumentWriter(document, notes, bases if document.type == "QĐ" else []).write()
    activities = [
        {
            "activity": a,
            "lead": links.org(a.lead) if a.lead_known else Markup('<span class="vb-unknown">Chưa rõ đơn vị chủ trì</span>'),
            "partners": Markup(", ").join(links.org(p) for p in a.partners),
            "time": activity_time(site, document, a.time),
            "anchor": _anchor_of_section(document, a.section),
            "row_id": urls.activity_anchor(a.id),
        }
        for a in document.activities
    ]
    blank, unknown = documents.unstated_facts(document)
    reference = document_reference(site, document)
    appendices = [
        (
            vi.roman(i),
            appendix,
            _DocumentWriter(document, notes, [], sections=appendix.sections, scheme="TB", anchor=f"phu-luc-{i}").write(),
        )
        for i, appendix in enumerate(document.appendices, 1)
    ]
    return render_page(
        "document.html.j2",
        site=site,
        document=document,
        issuer=issuer,
        issuers=[issuer] + [site.organisation[o] for o in document.co_issuers],
        issuer_names=[site.name_of(o) for o in (document.issuer, *document.co_issuers)],
        party=issuer.party,
        state_heading=documents.STATE_HEADING,
        party_heading=documents.PARTY_HEADING,
        number_line=documents.number_line(document, issuer.party),
        signer_name=documents.signer_name,
        signers=document.signers,
        unknown_signer=isinstance(document.signer, Missing),
        blank=documents.joined(blank) if blank else None,
        unknown=documents.joined(unknown) if unknown else None,
        title=document_title(document),
        kind_title=document.kind_name.upper() if document.type_known else Markup('<span class="vb-unknown">(chưa rõ loại văn bản)</span>'),
        reference=reference,
        share_description=document_share_description(site, document),
        search_boost=document_search_boost(site, document),
        status=document_status(site, document),
        document_date=document.date.printed(document.place),
        body=body,
        bases=bases,
        themes=documents.themes(site, document),
        attachments=documents.attachment_rows(site, document.attachments, links),
        appendices=appendices,
        appendix_of=documents.appendix_of(document, issuer),
        inline_block=lambda block: _inline_block(block, document, notes),
        footnotes=[(f.id, [_inline_block(b, document, notes) for b in f.body]) for f in document.footnotes],
        activities=activities,
        timeline=documents.timeline(site, document, links),
        revisions=history.by_day(site.history.records.get(("plan", document.id), ())),
        links=links,
        recipients=document.known_recipients,
        unknown_recipients=isinstance(document.recipients, Missing),
        historical=issuer.valid_until is not None and issuer.valid_until < site.today,
        successor=site.organisation.get(issuer.successor) if issuer.successor else None,
        observances=[links.observance(o) for o in document.observances],
        urls=urls,
        articles=site.articles_about(document=document.id),
        article_url=article_url,
        sources=source_entries(site, document.sources, links),
        known_from=known_from(site, document.sources),
        targets=[
            {
                "target": t,
                "level": " ".join(part for part in (t.comparison, t.value, t.unit) if part),
                "baseline": (f"{t.baseline.value} (năm {t.baseline.year})" if t.baseline.value else f"năm {t.baseline.year}")
                if t.baseline
                else "—",
            }
            for t in document.targets
        ],
        related=[
            {"href": links.document(other), "title": document_title(other), "reference": document_reference(site, other), "note": note}
            for other, note in site.related_of(document.id)
        ],
    )


def _anchor_of_section(document: Document, section_id: str | None) -> str | None:
    if not section_id:
        return None
    for numbers, section in _numbered(document):
        if section.id == section_id:
            return section_anchor(section, numbers)
    return None


def _numbered(document: Document, sections: list[Section] | None = None, scheme: str | None = None):
    """Every section with its numbers as the document writes them: ('IV', '1', 'b'), ('Điều 2', '1')."""
    kind = scheme or document.type
    for position, section in positioned(document.sections if sections is None else sections):
        yield tuple(documents.number(kind, level, i) for level, i in enumerate(position, 1)), section


class _DocumentWriter:
    """The body of a document as HTML, its parts numbered as its kind numbers them."""

    def __init__(
        self,
        document: Document,
        notes: dict,
        bases: list[Markup],
        sections: list[Section] | None = None,
        scheme: str | None = None,
        anchor: str = "",
    ):
        self.document = document
        self.notes = notes
        self.bases = bases
        self.sections = sections
        self.scheme = scheme or document.type
        self.anchor = anchor
        self.out: list[str] = []

    def write(self) -> Markup:
        if self.sections is None:
            self.opening()
        for numbers, section in _numbered(self.document, self.sections, self.scheme):
            self.section(numbers, section)
        if self.sections is None and self.document.closing:
            self.blocks([Block(text=self.document.closing)])
        return Markup("\n").join(self.out)

    def opening(self) -> None:
        """What comes before the numbered parts: a dispatch's 'Kính gửi', a decision's 'Căn cứ …;'
        lines and 'QUYẾT ĐỊNH:', the preamble."""
        document = self.document
        if isinstance(document.addressees, Missing):
            self.out.append(Markup('<p class="vb-addressees">Kính gửi: <span class="vb-unknown">(chưa rõ)</span></p>\n'))
        elif document.addressees:
            if len(document.addressees) == 1:
                self.out.append(Markup('<p class="vb-addressees">Kính gửi: {}.</p>\n').format(document.addressees[0]))
            else:
                items = Markup("").join(Markup("<li>{};</li>").format(a) for a in document.addressees[:-1])
                items += Markup("<li>{}.</li>").format(document.addressees[-1])
                self.out.append(Markup('<div class="vb-addressees"><p>Kính gửi:</p><ul class="vb-dash">{}</ul></div>\n').format(items))
        for basis in self.bases:
            self.out.append(Markup('<p class="vb-basis">Căn cứ {};</p>\n').format(basis))
        self.blocks([Block(text=t) for t in document.preamble])
        if document.type == "QĐ":
            self.out.append(Markup('<p class="vb-enact">QUYẾT ĐỊNH:</p>\n'))

    def section(self, numbers: tuple[str, ...], section: Section) -> None:
        level = len(numbers)
        label = documents.label(self.scheme, level, numbers[-1])
        anchor = (f"{self.anchor}-" if self.anchor else "") + section_anchor(section, numbers)
        if section.title:
            self.out.append(heading(min(level + 1, 6), f"{label} {section.title}", anchor) + Markup("\n"))
            self.blocks(section.body)
        elif section.body:
            first, *rest = section.body
            if first.text is not None:
                self.out.append(
                    Markup('<p class="vb-numbered" id="{}">{} {}</p>\n').format(
                        anchor, label, _inline(first.text, self.document, self.notes)
                    )
                )
                self.notes_after(first)
                self.blocks(rest)
            else:
                self.out.append(Markup('<p class="vb-numbered" id="{}">{}</p>\n').format(anchor, label))
                self.blocks(section.body)

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            self.out.append(_inline_block(block, self.document, self.notes) + Markup("\n"))
            self.notes_after(block)

    def notes_after(self, block: Block) -> None:
        for at, (i, note) in self.notes.items():
            if any(at in s for s in block.strings()):
                self.out.append(
                    Markup(
                        '<aside class="vb-note" id="ghi-chu-{}" role="note"><strong>Ghi chú của ban biên tập:</strong> {}</aside>\n'
                    ).format(i, note.text)
                )


def _inline_block(block: Block, document: Document, notes: dict) -> Markup:
    if block.text is not None:
        return Markup("<p>{}</p>").format(_inline(block.text, document, notes))
    items = Markup("").join(Markup("<li>{}</li>").format(_inline(t, document, notes)) for t in block.items)
    return Markup('<ul class="vb-dash">{}</ul>').format(items)


def _inline(text: str, document: Document, notes: dict) -> Markup:
    """Escaped text with footnote marks [^1] and editorial-note anchors made into links."""
    out = html_text(text)
    for at, (i, _note) in notes.items():
        escaped = str(escape(at))
        if escaped in out:
            # The link has no text of its own (CSS draws its mark) so the document's sentence stays whole.
            marked = (
                f'<mark class="vb-noted">{escaped}</mark>'
                f'<a class="vb-note-ref" href="#ghi-chu-{i}" aria-label="Xem ghi chú của ban biên tập"></a>'
            )
            out = Markup(str(out).replace(escaped, marked, 1))
    return Markup(
        FOOTNOTE_REF.sub(
            lambda m: f'<sup class="vb-fn-ref" id="fnref-{m.group(1)}"><a href="#fn-{m.group(1)}">{superscript(int(m.group(1)))}</a></sup>',
            out,
        )
    )


def render_documents_index(site: Site) -> GeneratedPage:
    links = Links(site, urls.DOCUMENTS)
    by_issuer = defaultdict(list)
    for document in site.documents:
        by_issuer[document.issuer].append(document)
    groups = []
    for issuer_id in sorted(by_issuer, key=lambda i: issuer_order(site, site.organisation[i])):
        issued = by_issuer[issuer_id]
        years = [(year, list(items)) for year, items in groupby(issued, key=lambda p: p.date.year)]
        groups.append((site.organisation[issuer_id], years))
    filters = {
        "year": Counter(str(p.date.year) for p in site.documents),
        "kind": Counter(p.kind_name for p in site.documents),
        "level": Counter(LEVELS[site.document_issuer(p).level] for p in site.documents),
    }
    return render_page(
        "documents_index.html.j2",
        site=site,
        groups=groups,
        links=links,
        title=document_title,
        reference=lambda p: document_reference(site, p),
        urls=urls,
        levels=LEVELS,
        own=site.organisation[site.info.owner].province,
        filters={
            "year": sorted(filters["year"].items(), reverse=True),
            "kind": sorted(filters["kind"].items()),
            "level": [(LEVELS[k], filters["level"][LEVELS[k]]) for k in LEVELS if filters["level"][LEVELS[k]]],
        },
    )


def issuer_order(site: Site, issuer: Organisation) -> tuple:
    """The site's own province first, then the central bodies, then the other provinces: each by name."""
    own = site.organisation[site.info.owner].province
    group = 0 if own and issuer.province == own else 1 if issuer.level == "trung-uong" else 2
    return (group, vi.fold(issuer.province or ""), vi.fold(issuer.name))


# --- organisations --------------------------------------------------------------------


def organisation_records(site: Site) -> dict[str, dict[str, list]]:
    """What each organisation's page lists, gathered in one pass over the data (cost linear in it)."""
    related = {
        o.id: {"duties": [], "issued": [], "received": [], "children": [], "events": [], "participating": []} for o in site.organisations
    }
    for document in site.documents:
        related[document.issuer]["issued"].append(document)
        for numbers, section in _numbered(document):
            for org_id in dict.fromkeys(section.duties_of):
                duty = {
                    "document": document,
                    "heading": ".".join(numbers) + (f" {section.title}" if section.title else ""),
                    "anchor": section_anchor(section, numbers),
                    "via": None,
                }
                related[org_id]["duties"].append(duty)
                for member in site.members_of(org_id):
                    if member.active_on(document.date.first_day):
                        related[member.id]["duties"].append({**duty, "via": site.organisation[org_id]})
        for recipient in document.known_recipients:
            if recipient.organisation:
                related[recipient.organisation]["received"].append((document, recipient))
    for org in site.organisations:
        if org.parent:
            related[org.parent]["children"].append(org)
    for event in site.events:
        for key, ids in (("events", event.organisers), ("participating", event.participants)):
            for org_id, entry in event_bodies(site, event, ids).items():
                related[org_id][key].append(entry)
    return related


def event_bodies(site: Site, event, ids: list[str]) -> dict[str, dict]:
    """The bodies ``ids`` (an event's organisers, or its participants) name, each once: a body named
    itself, and each catalogued member of a class of bodies named ('UBND các xã') that existed on the
    event's day, through that class (named itself, it is listed without it)."""
    found: dict[str, dict] = {}
    for org_id in ids:
        found[org_id] = {"event": event, "via": None, "lead": org_id == ids[0] and len(ids) > 1, "shared": len(ids) > 1}
    for org_id in ids:
        for member in site.members_of(org_id):
            if member.id not in found and member.active_on(event.first_day):
                found[member.id] = {"event": event, "via": site.organisation[org_id], "lead": False, "shared": False}
    return found


def render_organisation(site: Site, org: Organisation, related: dict[str, list]) -> GeneratedPage:
    here = urls.organisation(org.id)
    links = Links(site, here)
    work = [(*w, None) for w in site.activities_of(org.id)] + site.activities_through_groups(org.id)
    rows = [
        {
            "document": document,
            "activity": activity,
            "role": ROLE_LABELS[role],
            "via": via,
            "time": activity_time(site, document, activity.time),
            "deadline": activity.time.last_day,
        }
        for document, activity, role, via in work
    ]
    rows.sort(key=lambda r: (r["deadline"] or dt.date.max, r["document"].id, r["activity"].id, r["via"].id if r["via"] else ""))
    members = org.members
    return render_page(
        "organisation.html.j2",
        site=site,
        org=org,
        links=links,
        rows=rows,
        issued=related["issued"],
        received=related["received"],
        children=sorted(related["children"], key=lambda o: vi.fold(o.name)),
        events=related["events"],
        participating=related["participating"],
        duties=related["duties"],
        kind=ORGANISATION_KINDS[org.kind],
        title=document_title,
        urls=urls,
        place=level_and_place(org),
        place_anchor=vi.slugify(level_and_place(org)),
        groups=site.groups_of(org.id),
        members=sorted(site.members_of(org.id), key=lambda o: vi.fold(o.name)),
        members_kind=ORGANISATION_KINDS[members.kind] if members else None,
        members_level=LEVELS[members.level] if members else None,
        parent=site.organisation.get(org.parent) if org.parent else None,
        successor=site.organisation.get(org.successor) if org.successor else None,
        historical=org.valid_until is not None and org.valid_until < site.today,
        contact_sources=source_entries(site, org.contact.sources, links) if org.contact else [],
        merger=merger_sentence(site, org),
        merger_sources=source_entries(site, site.merger_of(org).sources, links) if site.merger_of(org) else [],
    )


def level_and_place(org: Organisation) -> str:
    """Where a body sits, as the organisation index heads its group: 'Trung ương', 'Cấp tỉnh — Lạng Sơn'.
    (Not 'Tỉnh Lạng Sơn': a centrally-run city such as Hà Nội is a province-level body too.) A class of bodies of
    every province ('Sở Y tế các tỉnh, thành phố'): 'Cấp tỉnh — các tỉnh, thành phố'."""
    if org.province is None:
        return LEVELS[org.level] if org.level == "trung-uong" else f"{LEVELS[org.level]} — các tỉnh, thành phố"
    return f"{LEVELS[org.level]} — {org.province}"


def organisation_groups(site: Site) -> list[tuple[str, list[tuple[str, list[Organisation]]]]]:
    """The organisation index: bodies by level (central, province, district until 30/6/2025, commune),
    then by province (the site owner's first, then in alphabetical order), then by kind, then by name."""
    home = site.organisation[site.info.owner].province
    places: dict[tuple, dict[str, list[Organisation]]] = defaultdict(lambda: defaultdict(list))
    for org in site.organisations:
        places[(org.level, org.province)][org.kind].append(org)
    levels = list(LEVELS)
    order = sorted(places, key=lambda key: (levels.index(key[0]), key[1] != home, vi.fold(key[1] or "")))
    return [
        (
            level_and_place(next(iter(places[key].values()))[0]),
            [
                (ORGANISATION_KINDS[k], sorted(places[key][k], key=lambda o: vi.fold(o.name)))
                for k in ORGANISATION_KINDS
                if k in places[key]
            ],
        )
        for key in order
    ]


def render_organisations_index(site: Site) -> GeneratedPage:
    links = Links(site, urls.ORGANISATIONS)
    counts = {o.id: len(site.activities_of(o.id)) + len(site.activities_through_groups(o.id)) for o in site.organisations}
    return render_page("organisations_index.html.j2", site=site, groups=organisation_groups(site), links=links, counts=counts, urls=urls)


# --- calendar -------------------------------------------------------------------------


def render_calendar(site: Site, year: int, base_url: str = "") -> GeneratedPage:
    """The calendar page of ``year``. The current year's page opens on the build month and what comes
    next (the next year too from October on); the year's past months fold below.

    ``base_url`` is the site's public address (MkDocs ``site_url``), for the ``webcal://`` link;
    without it the page offers the file to download only.
    """
    here = urls.calendar_year(year, site.today.year)
    links = Links(site, here)
    shown = agenda.shown_years(site.today, year)
    current = year == site.today.year
    sections = []
    for y in shown:
        months = _calendar_months(site, y, suffix="" if y == year else f"-{y}")
        if current and y == year:
            months = months[site.today.month - 1 :]
        sections.append((y, fold_empty_months(months)))
    past = fold_empty_months(_calendar_months(site, year, "")[: site.today.month - 1]) if current else []
    years = site.agenda.years(site.today)
    webcal = urls.webcal_url(base_url)
    ordered = sorted(site.observances, key=lambda o: (o.month, o.day or 0, o.id))  # ties go to the same one here and in when.js
    coming = [(dates, o) for o in ordered if (dates := agenda.next_occurrence(o, site.today, under_way=False)) is not None]
    first = min(coming, key=lambda pair: pair[0][0]) if coming and current else None
    next_text = vi.next_day_text("Ngày kỷ niệm tiếp theo", first[1].name, *first[0], site.today) if first else None
    return render_page(
        "calendar.html.j2",
        site=site,
        year=year,
        sections=sections,
        past=past,
        links=links,
        today=site.today,
        urls=urls,
        current=current,
        page_title=calendar_heading(site.today, year, shown),
        next_text=next_text,
        rules=[yearly_rule(o) for o in ordered],
        years=[(y, links.to(urls.calendar_year(y, site.today.year))) for y in years],
        title=document_title,
        ics_href=links.to(urls.ICS),
        json_href=links.to(urls.CALENDAR_JSON),
        fields_href=links.to(urls.PRESS + "#lich-json"),
        webcal=webcal,
        ics_url=urls.absolute(base_url, urls.ICS),
        google=f"https://calendar.google.com/calendar/render?cid={quote(webcal, safe='')}" if webcal else None,
        inexact=any(
            not row["item"].in_calendar_file for _, months in sections + [(year, past)] for m in months for row in m.get("rows", [])
        ),
    )


def yearly_rule(obs) -> dict:
    """What the reader's browser needs to find an observance's next day (docs/assets/when.js)."""
    return {"name": obs.name, "month": obs.month, "day": obs.day, "first": obs.first_year}


def calendar_heading(today: dt.date, year: int, shown: list[int]) -> str:
    """What a calendar page shows, said in its title: 'Lịch từ tháng 11/2026 đến hết năm 2027', 'Lịch năm 2021'."""
    if year != today.year or today.month == 1 and len(shown) == 1:
        return f"Lịch năm {year}"
    return f"Lịch từ tháng {today.month}/{today.year} đến hết năm {shown[-1]}"


def fold_empty_months(months: list[dict]) -> list[dict]:
    """Months with items stay as they are; a run of months without any becomes one entry (``empty``: the run)."""
    folded: list[dict] = []
    for month in months:
        if month["rows"]:
            folded.append(month)
        elif folded and "empty" in folded[-1]:
            folded[-1]["empty"].append(month)
        else:
            folded.append({"empty": [month]})
    return folded


def _calendar_months(site: Site, year: int, suffix: str) -> list[dict]:
    """Twelve months of ``year``: each with its items, a period's bar, the year's theme and programme."""
    items = site.agenda.occurrences(year)
    links = {p.id: p for p in site.programmes if p.year == year}
    months = []
    for m in range(1, 13):
        first, last = dt.date(year, m, 1), dt.date(year, m, _calendar_lib.monthrange(year, m)[1])
        rows = []
        for item in (i for i in items if agenda.overlaps(i, first, last)):
            obs = item.observance
            rows.append(
                {
                    "item": item,
                    "bar": _bar(item, first, last) if item.start != item.end else None,
                    "theme": site.theme_of(obs, year) if obs else None,
                    "anniversary": agenda.anniversary(obs, year) if obs else None,
                    "programme": links.get(f"{obs.id}-{year}") if obs else None,
                }
            )
        months.append(
            {"month": m, "label": f"{MONTHS[m - 1]} năm {year}" if suffix else MONTHS[m - 1], "anchor": f"thang-{m}{suffix}", "rows": rows}
        )
    return months


def _bar(item, first: dt.date, last: dt.date) -> tuple[str, str]:
    """Where a period sits in its month, as CSS percentages (offset, width)."""
    days = (last - first).days + 1
    start, end = max(item.start, first), min(item.end, last)
    offset = (start - first).days / days * 100
    width = ((end - start).days + 1) / days * 100
    return f"{offset:.2f}%", f"{width:.2f}%"


# --- observances and events -----------------------------------------------------------


def programme_links(site: Site, observance, links) -> list[tuple[int, str, str]]:
    """(year, link, title) of an observance's programmes, newest first, for its page."""
    found = [p for p in site.programmes if p.observance.id == observance.id]
    return [(p.year, links.to(p.url), p.title) for p in sorted(found, key=lambda p: p.year, reverse=True)]


def render_observance(site: Site, obs) -> GeneratedPage:
    here = urls.observance(obs.id)
    links = Links(site, here)
    upcoming = agenda.next_occurrence(obs, site.today)
    return render_page(
        "observance.html.j2",
        site=site,
        obs=obs,
        links=links,
        urls=urls,
        title=document_title,
        reference=lambda p: document_reference(site, p),
        next_text=vi.next_day_text(f"{obs.name} tiếp theo", None, *upcoming, site.today) if upcoming else None,
        rules=[yearly_rule(obs)],
        documents=[p for p in site.documents if obs.id in p.observances],
        events=_events_of_observance(site, obs.id),
        articles=site.articles_about(observance=obs.id),
        article_url=article_url,
        programmes=programme_links(site, obs, links),
        themes=[site.theme_of(obs, t.year) for t in sorted(obs.themes, key=lambda t: t.year, reverse=True)],
        ics=urls.observance_ics(obs.id),
        day_forms=vi.day_forms(obs.day, obs.month) if not obs.whole_month else [],
        sources=lambda theme: source_entries(site, theme.sources, links),
        known_from=lambda theme: known_from(site, theme.sources),
    )


def _events_of_observance(site: Site, observance_id: str) -> list:
    """Events naming the observance, and those of its programmes' documents."""
    found = {e.id: e for e in site.events if observance_id in e.observances}
    for programme in site.programmes:
        if programme.observance.id == observance_id:
            found.update({e.id: e for e in programme.events})
    return sorted(found.values(), key=lambda e: (e.first_day, e.id))


def _absolute(base_url: str, url: str) -> str:
    return urls.absolute(base_url, url) or url


def event_schema(site: Site, event, base_url: str = "") -> dict:
    """schema.org Event (https://schema.org/Event): name, startDate, location, organizer. An event short of its
    day has no startDate (schema.org's dates are days; none is invented)."""
    day = event.first_day.isoformat()
    start = day if not event.time else f"{day}T{event.time.strftime('%H:%M')}:00+07:00"
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.name,
        "startDate": start,
        "endDate": event.last_day.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "vi",
    }
    if event.end is None and event.time is not None:
        del data["endDate"]
    if not event.exact:
        del data["startDate"], data["endDate"]
    if event.description:
        data["description"] = event.description
    if event.place:
        data["location"] = {"@type": "Place", "name": event.place}
    organizers = [
        {
            "@type": "Organization" if org.kind == "to-chuc-khac" else "GovernmentOrganization",  # not every organiser is the state's
            "name": site.name_of(org),
            "url": _absolute(base_url, urls.organisation(org.id)),
        }
        for org in (site.organisation[o] for o in event.organisers)
    ]
    if organizers:
        data["organizer"] = organizers[0] if len(organizers) == 1 else organizers
    if base_url:
        data["url"] = _absolute(base_url, urls.event(event.id))
    return data


def render_event(site: Site, event, base_url: str = "") -> GeneratedPage:
    here = urls.event(event.id)
    links = Links(site, here)
    document = site.document.get(event.plan) if event.plan else None
    activity = next((a for a in document.activities if a.id == event.activity), None) if document else None
    return render_page(
        "event.html.j2",
        site=site,
        event=event,
        links=links,
        urls=urls,
        title=document_title,
        document=document,
        activity=activity,
        when=event_when(event),
        past=event.last_day < site.today,
        observances=[links.observance(o) for o in event.observances],
        articles=site.articles_about(event=event.id),
        article_url=article_url,
        ics=urls.event_ics(event.id) if event.exact else None,
        jsonld=script_json(event_schema(site, event, base_url)),
        sources=source_entries(site, event.sources, links),
        known_from=known_from(site, event.sources),
    )
