"""Machine-readable documents: ``van-ban.json``, beside ``lich.json``.

Every document of the site once, with what is known of it and how each fact stands (known, blank in the
original, not known to the editors), its sources, its key points as reported, its numeric targets (values
as written) and the documents related to it. The fields are documented on the press page (`FIELDS`,
rendered by `render_fields`), so the documentation and the file cannot drift apart.
"""

from __future__ import annotations

import json

from . import urls
from .dates import PRECISIONS_TEXT
from .models import Document
from .render import render
from .scalars import Missing
from .site import Site
from .texts import Links, number_symbol, document_title, source_records

FIELDS: list[tuple[str, str]] = [
    ("name", "Tên của tệp."),
    ("description", "Mô tả ngắn."),
    ("homepage", "Trang danh mục văn bản trên trang web."),
    ("as_of", "Ngày dựng tệp (NNNN-TT-NN, giờ Việt Nam): `current` của mỗi văn bản tính theo ngày này."),
    (
        "documents[]",
        "Mỗi văn bản một mục, sắp theo `id`: `id`, `url`, `type` (mã loại: `KH`, `CV`, `QĐ`…, `??` khi chưa rõ loại), "
        "`kind` (tên loại bằng chữ; `Văn bản` khi chưa rõ), `title`, `summary` (trích yếu), `number` (số, hoặc `null`), "
        "`symbol` (ký hiệu, hoặc `null`), `reference` (số và ký hiệu như văn bản in, ví dụ `05/KH-UBND`; `null` khi chưa biết đủ), "
        "`issuer` và `co_issuers[]` (`id`, `name`), `place` (địa danh, hoặc `null`), "
        "`date` (ngày ban hành như dữ liệu ghi: `2021-01-..`, `2015-??-??`), "
        f"`date_precision` (ngày ban hành được biết đến đâu: {PRECISIONS_TEXT}), "
        "`facts` (trạng thái từng thông tin), `full_text` (trang có toàn văn hay không), `current`, `validity`, "
        "`covers`, `points[]`, `targets[]`, `related[]`, `sources[]`.",
    ),
    (
        "facts",
        "Trạng thái của `number`, `symbol`, `place`, `date`: `known` (đã biết), `blank` (bản gốc để trống, như bản dự thảo) hoặc `unknown` "
        "(ban biên tập chưa rõ). Giá trị `null` không bao giờ là một giá trị đoán.",
    ),
    (
        "current",
        "`true` khi dữ liệu cho thấy văn bản đang áp dụng vào ngày `as_of`: thời gian có hiệu lực (`validity`), năm áp dụng (`covers`) "
        "hoặc thời hạn các hoạt động bao gồm ngày đó; `false` trong mọi trường hợp khác, kể cả khi chưa rõ.",
    ),
    (
        "validity",
        "Thời gian có hiệu lực, như văn bản ghi: `start`, `end` (NNNN-TT-NN, phần chưa rõ ghi `??`; `end` là `..` khi văn bản không ghi "
        "ngày hết hiệu lực, `??` khi chưa rõ); `null` khi dữ liệu không ghi.",
    ),
    ("covers", "Năm văn bản áp dụng, như chính văn bản ghi: `start`, `end` (năm); `null` khi dữ liệu không ghi."),
    ("points[]", "Các nội dung chính như nguồn nêu (không phải nguyên văn), chỉ có ở văn bản chưa có toàn văn."),
    (
        "targets[]",
        "Các chỉ tiêu bằng số: `indicator`, `comparison` (`đạt`, `tăng`, `giảm`, `không quá`, `ít nhất`, `dưới`, `duy trì`), `value` "
        "(chuỗi, đúng như văn bản viết, ví dụ `1,8` hay `5.113.387`: dấu phẩy thập phân, dấu chấm ngăn nghìn), `unit`, `year`, `baseline` "
        "(`year`, `value`, hoặc `null`), `note` (ghi chú của ban biên tập).",
    ),
    ("related[]", "Văn bản liên quan, cả hai chiều: `id`, `url`, `note`."),
    (
        "sources[]",
        "Nguồn ban biên tập biết văn bản, cùng dạng với `sources[]` của lich.json: `kind`, `label`, `name`, `url`, `date`, `title`, "
        "`document`, `note`; danh sách rỗng: chưa rõ nguồn.",
    ),
]


def _state(value) -> str:
    if isinstance(value, Missing):
        return "blank" if value.blank else "unknown"
    return "known"


def _document(site: Site, document: Document, base_url: str) -> dict:
    issuer = site.document_issuer(document)
    validity = document.validity
    return {
        "id": document.id,
        "url": urls.published(base_url, urls.document(document.id)),
        "type": document.type,
        "kind": document.kind_name,
        "title": document_title(document),
        "summary": document.summary,
        "number": document.number if document.number_known else None,
        "symbol": document.symbol if document.symbol_known else None,
        "reference": number_symbol(document, issuer) if document.number_known and document.symbol_known else None,
        "issuer": {"id": issuer.id, "name": site.name_of(issuer)},
        "co_issuers": [{"id": o, "name": site.name_of(o)} for o in document.co_issuers],
        "place": None if isinstance(document.place, Missing) else document.place,
        "date": str(document.date),
        "date_precision": document.date.precision,
        "facts": {
            "number": _state(document.number),
            "symbol": _state(document.symbol),
            "place": _state(document.place),
            "date": document.date.state,
        },
        "full_text": document.full_text,
        "current": document.current_on(site.today),
        "validity": {"start": str(validity.start), "end": str(validity.end)} if validity else None,
        "covers": {"start": document.covers.start, "end": document.covers.end} if document.covers else None,
        "points": list(document.points),
        "targets": [
            {
                "indicator": t.indicator,
                "comparison": t.comparison,
                "value": t.value,
                "unit": t.unit,
                "year": t.year,
                "baseline": {"year": t.baseline.year, "value": t.baseline.value} if t.baseline else None,
                "note": t.note,
            }
            for t in document.targets
        ],
        "related": [
            {"id": other.id, "url": urls.published(base_url, urls.document(other.id)), "note": note}
            for other, note in site.related_of(document.id)
        ],
        "sources": source_records(site, document.sources, base_url),
    }


def documents_data(site: Site, base_url: str = "") -> dict:
    return {
        "name": f"{site.info.name} — Văn bản",
        "description": "Các văn bản trên trang (kế hoạch, công văn, quyết định…), với những gì đã biết về mỗi văn bản và nguồn của chúng.",
        "homepage": urls.published(base_url, urls.DOCUMENTS),
        "as_of": site.today.isoformat(),
        "documents": [_document(site, document, base_url) for document in sorted(site.documents, key=lambda p: p.id)],
    }


def render_documents_json(site: Site, base_url: str = "") -> str:
    return json.dumps(documents_data(site, base_url), ensure_ascii=False, indent=2) + "\n"


def render_fields(site: Site, here: str) -> str:
    """The fields of van-ban.json, for the press page: the table is `FIELDS`, which the file follows."""
    links = Links(site, here)
    return render("blocks/documents_fields.html.j2", fields=FIELDS, json_href=links.to(urls.DOCUMENTS_JSON))
