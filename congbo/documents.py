"""How each kind of document is laid out (Nghị định 30/2020/NĐ-CP, Phụ lục I; Party documents:
Hướng dẫn 36-HD/VPTW), and what the page says about the facts the editor could not give.

Pure helpers for the document page (`pages.render_plan`): numbering, the heading block's number
line, the legal bases, the themes, the attachments, the timeline.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from . import agenda, urls, vi
from .models import Attachment, LegalBasis, Document
from .site import Site
from .texts import Links, number_symbol, number_text, symbol_joiner
from .dates import open_end
from .scalars import Missing, is_known

ROMAN_FIRST = ("roman", "arabic", "letter")
ARABIC_FIRST = ("arabic", "letter", "letter")
NUMBERING = {
    "KH": ROMAN_FIRST,
    "BC": ROMAN_FIRST,
    "HD": ROMAN_FIRST,
    "NQ": ROMAN_FIRST,
    "TB": ARABIC_FIRST,
    "CT": ARABIC_FIRST,
    "CV": ARABIC_FIRST,
    "QĐ": ("article", "arabic", "letter"),
}
"""How each kind numbers its parts: I / 1 / a) for plans and reports; 1 / a) for dispatches,
notices and directives; Điều 1 / 1 / a) for decisions."""

STATE_HEADING = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"


def number(kind: str, level: int, i: int) -> str:
    """The number a part at ``level`` (1 = top) carries in a document of ``kind``: 'IV', '2', 'b', 'Điều 3'."""
    scheme = NUMBERING[kind]
    style = scheme[min(level, len(scheme)) - 1]
    if style == "roman":
        return vi.roman(i)
    if style == "article":
        return f"Điều {i}"
    return str(i) if style == "arabic" else vi.letter(i)


def label(kind: str, level: int, written: str) -> str:
    style = NUMBERING[kind][min(level, 3) - 1]
    return f"{written})" if style == "letter" else f"{written}."


def number_line(document: Document, party: bool) -> Markup:
    """'Số: 05/KH-UBND'; a Party document's 'Số 21-NQ/TW'; a number blank in the original left blank
    ('Số:      /KH-UBND'); a number or symbol the editor does not know said so ('Số: (chưa rõ số)/KH-UBND',
    'Số: (chưa rõ số)/(chưa rõ ký hiệu)')."""
    prefix = "Số " if party else "Số: "
    joiner = symbol_joiner(party)
    symbol = document.symbol if document.symbol_known else Markup('<span class="vb-unknown">(chưa rõ ký hiệu)</span>')
    if document.number_known:
        return Markup("{}{}{}{}").format(prefix, vi.two(document.number), joiner, symbol)
    if document.number.blank:
        gap = Markup('<span class="vb-blank" title="bản gốc chưa ghi số">&emsp;&emsp;</span>')
    else:
        gap = Markup('<span class="vb-unknown">(chưa rõ số)</span>')
    return Markup("{}{}{}{}").format(prefix, gap, joiner, symbol)


def appendix_of(document: Document, issuer) -> str:
    """'(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Lạng Sơn)', saying
    what is blank or not known rather than filling it."""
    if not document.symbol_known:
        number = vi.lower_first(number_text(document, issuer))
    elif document.number_known:
        number = f"số {number_symbol(document, issuer)}"
    elif document.number.blank:
        number = f"số \u2003\u2003{number_symbol(document, issuer)}"
    else:
        number = f"(chưa rõ số) ký hiệu {number_symbol(document, issuer)}"
    date = document.date.short_text_with_state()
    return f"(Kèm theo {document.kind_name} {number} {date} của {issuer.name})"


def signer_name(name) -> Markup:
    if is_known(name):
        return Markup("{}").format(name)
    if name.blank:
        return Markup('<span class="vb-blank" title="bản gốc chưa ghi tên người ký">&emsp;&emsp;</span>')
    return Markup('<span class="vb-unknown">(chưa rõ tên người ký)</span>')


def unstated_facts(document: Document) -> tuple[list[str], list[str]]:
    """What the original leaves blank, and what the editor does not know: said on the page in words."""
    blank: list[str] = []
    unknown: list[str] = [] if document.type_known else ["loại văn bản"]
    facts: list[tuple[str, object]] = [("số", document.number), ("ký hiệu", document.symbol), ("địa danh", document.place)]
    if parts := document.date.missing_parts():
        if document.date.missing:
            facts.append((parts, document.date.missing))
        else:  # only a bound is known (a report of that day): the date itself is not
            unknown.append(f"ngày ban hành (chỉ biết {document.date.text_with_state()})")
    facts += [("tên người ký", s.name) for s in document.signers]
    facts += [("người ký", s) for s in (document.signer, *document.co_signers) if isinstance(s, Missing)]
    facts += [("nơi nhận ở dòng Kính gửi", document.addressees), ("phần nơi nhận", document.recipients)]
    for what, value in facts:
        if isinstance(value, Missing):
            (blank if value.blank else unknown).append(what)
    return list(dict.fromkeys(blank)), list(dict.fromkeys(unknown))


def joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def basis_text(site: Site, basis: LegalBasis, *, as_issued: bool = False) -> str:
    """'Công văn số 5463/BYT-TCDS ngày 09/10/2020 của Bộ Y tế về việc …', each missing fact said. The issuer
    is named as the site names a body (`Site.name_of`), or, ``as_issued``, as in the text of the document
    that cites it (a Quyết định's 'Căn cứ' lines)."""
    out = basis.type
    if basis.number is not None:
        if is_known(basis.number):
            out += f" số {basis.number}" + (" (chưa rõ ký hiệu)" if basis.symbol else "")
        else:
            out += " (bản gốc không ghi số)" if basis.number.blank else " (chưa rõ số)"
    date = basis.date
    if isinstance(date, Missing):
        out += " (ngày ban hành: bản gốc không ghi)" if date.blank else " (chưa rõ ngày ban hành)"
    else:
        out += f" {date.short_text_with_state()}"
    out += f" của {site.organisation[basis.issuer].name if as_issued else site.name_of(basis.issuer)}"
    if basis.summary:
        out += f" {vi.lower_first(basis.summary)}"
    return out


def basis_document(site: Site, basis: LegalBasis) -> Document | None:
    """The cited document's page on this site: named by the editor, or found by issuer and number."""
    if basis.document:
        return site.document.get(basis.document)
    if not is_known(basis.number) or basis.symbol:
        return None
    written = _WRITTEN_NUMBER.match(basis.number)
    document = site.document_by_number.get((basis.issuer, int(written.group(1)), written.group(2))) if written else None
    return document if document is not None and number_symbol(document, site.organisation[document.issuer]) == basis.number else None


_WRITTEN_NUMBER = re.compile(r"^(\d+)[/-](.+)$")
"""'5463/BYT-TCDS', '21-NQ/TW': the number, then the symbol after the first joiner."""


def bases(site: Site, document: Document, links: Links) -> list[Markup]:
    """The documents a document cites: a Quyết định's 'Căn cứ' lines (its text), else the page's own line."""
    out = []
    for basis in document.bases:
        text = basis_text(site, basis, as_issued=document.type == "QĐ")
        target = basis_document(site, basis)
        out.append(Markup('<a href="{}">{}</a>').format(links.document(target), text) if target else Markup("{}").format(text))
    return out


def themes(site: Site, document: Document) -> list[tuple[str, str, str | None]]:
    """(whose, theme, source): the year's theme of each observance the document works towards
    (from observances.yml, entered once; one line for observances sharing it), then the document's own theme."""
    shared: dict[tuple, list[str]] = {}  # one line for a theme two observances share that year
    for obs_id in document.observances:
        obs = site.observance[obs_id]
        year = agenda.programme_year(obs, document.date.first_day)
        theme = site.theme_of(obs, year)
        if theme:
            shared.setdefault((year, theme.theme, theme.source), []).append(obs.name)
    out = [(f"Chủ đề {joined(names)} năm {year}", theme, source) for (year, theme, source), names in shared.items()]
    if document.theme:
        out.append(("Chủ đề của văn bản", document.theme, None))
    return out


def attachment_rows(site: Site, attachments: list[Attachment], links: Links) -> list[dict]:
    rows = []
    for a in attachments:
        size, mime = site.files[a.file]
        kind = "PDF" if mime == "application/pdf" else "DOCX"
        rows.append(
            {"href": links.to(a.file), "title": a.title, "original": a.original, "kind": kind, "mime": mime, "size": file_size(size)}
        )
    return rows


def file_size(size: int) -> str:
    """'850 byte', '12,3 KB', '1,2 MB' (Vietnamese decimal comma)."""
    if size < 1024:
        return f"{size} byte"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    return f"{value:.1f}".replace(".", ",") + f" {unit}"


def timeline(site: Site, document: Document, links: Links) -> list[dict]:
    """Every date the document sets, each once and from the document: deadlines, and the start and
    end of periods (an activity kept as a published event links to the event's page)."""
    rows: list[dict] = []

    def add(day: dt.date, last: dt.date | None, text: str, href: str, tag: str | None, when: str | None = None) -> None:
        rows.append({"date": day, "last": last, "text": text, "href": href, "tag": tag, "when": when})

    for item in site.agenda.events_of(document.id):  # as the agenda places them
        event = item.event
        href = links.to(urls.event(event.id))
        if item.bounded:  # on its latest possible day, its date said in words
            add(item.start, item.end, event.name, href, "chưa rõ ngày", vi.upper_first(item.bounded.text_with_state()))
        elif event.kind == "han":
            add(item.start, item.start, event.name, href, "hạn hoàn thành")
        elif event.end:
            add(item.start, item.end, event.name, href, "bắt đầu")
            add(item.end, item.end, event.name, href, "kết thúc")
        else:
            add(item.start, item.start, event.name, href, None)
    for activity, dates in site.agenda.activities_of(document.id):  # this document's only: the cost stays linear
        href = "#" + urls.activity_anchor(activity.id)
        if dates.kind == "deadline":
            when = vi.upper_first(dates.bounded.text_with_state()) if dates.bounded else None
            add(dates.end, dates.end, activity.name, href, "hạn hoàn thành" + ("; chưa rõ ngày" if when else ""), when)
            continue
        if dates.kind == "start":  # its last day is not known, so neither is whether it is past
            if dates.start_exact:
                add(dates.start, None, activity.name, href, f"bắt đầu; {open_end(dates.open_end)}")
            continue
        if dates.start_exact:
            add(dates.start, dates.end, activity.name, href, "bắt đầu")
        end_when = vi.upper_first(dates.end_text) if dates.end_text else None
        add(dates.end, dates.end, activity.name, href, "kết thúc" + ("; chưa rõ ngày" if end_when else ""), end_when)
    return sorted(rows, key=lambda r: (r["date"], r["text"], r["tag"] or ""))
