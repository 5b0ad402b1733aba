"""Machine-readable calendar: ``lich.json`` (like GOV.UK's bank-holidays.json).

``lich.json`` lists the same items as ``lich.ics``: the observances with their yearly rule, and
every dated item of the calendar's years (observance days, the action month as a period, events,
deadlines, periods and the start of periods without an end date), each with the UID it has in the .ics. The fields are documented on the
press page
(`FIELDS`, rendered by `render_fields`), so the documentation and the file cannot drift apart.
"""

from __future__ import annotations

import json

from .dates import PRECISIONS_TEXT
from . import agenda, urls
from .agenda import Occurrence
from .models import EVENT_TYPES
from .site import Site
from .render import render
from .texts import Links, document_title, source_records

KINDS = {
    "observance": "ngay-ky-niem",
    "event": "su-kien",
    "deadline": "han",
    "period": "hoat-dong",
    "start": "bat-dau",
    "phase": "giai-doan",
}

FIELDS: list[tuple[str, str]] = [
    ("name", "Tên của lịch."),
    ("description", "Mô tả ngắn."),
    ("homepage", "Trang lịch trên trang web."),
    ("ics", "Tệp iCalendar có cùng các mục, để đăng ký trên điện thoại."),
    ("timezone", "Múi giờ của các giờ ghi trong tệp: Asia/Ho_Chi_Minh (UTC+7)."),
    ("years", "Các năm có trong `items`."),
    (
        "observances[]",
        "Các ngày kỷ niệm: `id`, `uid` (như trong tệp .ics), `name`, `month`, `day` (`null` khi cả tháng là đợt hoạt động), "
        "`first_year`, `summary`, `url`, `ics`, `basis[]` (`document`, `date`, `issuer`), `themes[]` (`year`, `theme`, `source` — cơ quan "
        "công bố chủ đề, `sources[]` — nơi ban biên tập biết chủ đề).",
    ),
    (
        "items[]",
        "Các mục có ngày, sắp theo ngày: `id`, `uid`, `kind` (`ngay-ky-niem`, `su-kien`, `han` — thời hạn phải hoàn thành — `hoat-dong` — "
        "thời gian thực hiện một hoạt động của văn bản — `bat-dau` — ngày bắt đầu một hoạt động mà văn bản không cho ngày kết thúc — "
        "hoặc `giai-doan` — một giai đoạn của cuộc thi: phát động, hạn nộp bài, công bố kết quả…), "
        "`title`, `start` và `end` (NNNN-TT-NN, `end` tính cả ngày đó; `null` với `bat-dau`: bản gốc để trống hoặc chưa rõ ngày kết "
        "thúc), `precision` (ngày của mục — với `hoat-dong` và `bat-dau`: ngày bắt đầu — được biết đến đâu: "
        f"{PRECISIONS_TEXT}), `end_precision` (ngày kết "
        "thúc được biết đến đâu, cùng các giá trị; `null` với `bat-dau`), `date` (với `su-kien`, `han`, `giai-doan` chưa biết đúng "
        "ngày: ngày như dữ liệu ghi, ví dụ `2025-12-??` hay `..2025-12-19`, khi đó `start` và `end` là ngày sớm nhất và muộn nhất có "
        "thể, `start` là `null` với `on-or-before`; `null` khi biết đúng ngày). Với `hoat-dong`, ngày bắt đầu chỉ biết tháng hay năm "
        "tính từ ngày đầu tiên có thể, ngày kết thúc chưa biết đúng ngày tính đến ngày muộn nhất có thể. Mục nào có ngày chưa biết "
        "đúng (trừ ngày bắt đầu chỉ biết tháng, năm) thì không có trong tệp .ics và `ics` là `null`; "
        "`time` (GG:PP giờ Việt Nam, hoặc `null` khi cả ngày), "
        "`place`, `type` (loại sự kiện, như nguồn gọi: "
        + ", ".join(f"`{code}` — {name.lower()}" for code, name in EVENT_TYPES.items())
        + "; `null` khi nguồn không nói rõ, và với các mục không phải sự kiện), `observance` (mã), `anniversary` (số năm kỷ niệm), "
        "`theme` (chủ đề năm), `plan` (`id`, `title`, `url`), `programme` "
        "(trang chương trình), `url`, `ics`, "
        "`sources[]` (nguồn của mục: của sự kiện; với hạn và hoạt động, của văn bản; với ngày kỷ niệm, của chủ đề năm đó).",
    ),
    (
        "sources[]",
        "Mỗi nguồn (trong `items[]` và `observances[].themes[]`; danh sách rỗng: ban biên tập chưa rõ nguồn): "
        "`kind` (`toan-van` — toàn văn, `cong-thong-tin` — trang văn bản trên cổng thông tin chính thức, `ban-tin` — bản tin, "
        "`van-ban-dan` — văn bản khác trên trang dẫn tới), "
        "`label` (tên loại nguồn bằng chữ), `name` (nơi đăng; với `van-ban-dan`: tên văn bản dẫn tới), `url` (địa chỉ, hoặc `null` khi "
        "chưa rõ), "
        "`date` (ngày đăng NNNN-TT-NN, phần chưa rõ ghi `??`; `null` khi chưa rõ), `title`, `document` (mã văn bản dẫn tới, với "
        "`van-ban-dan`), `note` (ghi chú của ban biên tập).",
    ),
]


def _sources(site: Site, sources, base_url: str) -> list[dict]:
    return source_records(site, sources, base_url)


def _item(site: Site, item: Occurrence, base_url: str) -> dict:
    year = item.start.year
    document = item.document
    data: dict = {
        "id": item.key,
        "uid": None,
        "kind": KINDS[item.kind],
        "title": item.title,
        "start": item.start.isoformat(),
        "end": None if item.kind == "start" else item.end.isoformat(),
        "precision": item.precision,
        "end_precision": item.end_precision if item.kind == "period" else None if item.kind == "start" else item.precision,
        "date": str(item.bounded) if item.bounded else None,
        "time": None,
        "place": None,
        "type": None,
        "observance": None,
        "anniversary": None,
        "theme": None,
        "programme": None,
        "plan": {"id": document.id, "title": document_title(document), "url": urls.published(base_url, urls.document(document.id))}
        if document
        else None,
    }
    if item.observance:
        obs = item.observance
        theme = site.theme_of(obs, year)
        programme = site.programme.get((obs.id, year))
        data.update(
            uid=agenda.observance_uid(obs),
            observance=obs.id,
            anniversary=agenda.anniversary(obs, year),
            theme=theme.theme if theme else None,
            programme=urls.published(base_url, programme.url) if programme else None,
            sources=_sources(site, theme.sources if theme else [], base_url),
            url=urls.published(base_url, urls.observance(obs.id)),
            ics=urls.published(base_url, urls.observance_ics(obs.id)),
        )
    elif item.phase:
        event = item.event
        data.update(
            uid=agenda.phase_uid(event, item.phase),
            place=event.place,
            url=urls.published(base_url, urls.event(event.id)) + "#" + urls.PHASES_ANCHOR,
            ics=urls.published(base_url, urls.ICS) if item.exact else None,
            sources=_sources(site, event.sources, base_url),
        )
    elif item.event:
        event = item.event
        data.update(
            uid=agenda.event_uid(event),
            time=event.time.strftime("%H:%M") if event.time else None,
            place=event.place,
            type=event.type,
            url=urls.published(base_url, urls.event(event.id)),
            ics=urls.published(base_url, urls.event_ics(event.id)) if item.exact else None,
            sources=_sources(site, event.sources, base_url),
        )
    else:
        data.update(
            uid=agenda.activity_uid(document, item.activity),
            url=urls.published(base_url, urls.activity(document.id, item.activity.id)),
            ics=urls.published(base_url, urls.ICS) if item.in_calendar_file else None,
            sources=_sources(site, document.sources, base_url),
        )
    if item.bounded:  # the bounds of the days it can be, not a day it is on
        earliest = item.bounded.earliest_day
        data.update(start=earliest.isoformat() if earliest else None, end=item.bounded.latest_day.isoformat())
    return data


def calendar_data(site: Site, base_url: str = "") -> dict:
    years = site.agenda.years(site.today)
    return {
        "name": f"{site.info.name} — Lịch ngày kỷ niệm",
        "description": (
            "Các ngày kỷ niệm, sự kiện và thời hạn của các văn bản (kế hoạch, công văn, quyết định…) về công tác dân số; "
            "cùng nội dung với tệp lich.ics."
        ),
        "homepage": urls.published(base_url, urls.CALENDAR),
        "ics": urls.published(base_url, urls.ICS),
        "timezone": agenda.TZID,
        "years": years,
        "observances": [
            {
                "id": o.id,
                "uid": agenda.observance_uid(o),
                "name": o.name,
                "month": o.month,
                "day": o.day,
                "first_year": o.first_year,
                "summary": o.summary,
                "url": urls.published(base_url, urls.observance(o.id)),
                "ics": urls.published(base_url, urls.observance_ics(o.id)),
                "basis": [{"document": b.document, "date": b.date.isoformat() if b.date else None, "issuer": b.issuer} for b in o.basis],
                "themes": [
                    {"year": t.year, "theme": t.theme, "source": t.source, "sources": _sources(site, t.sources, base_url)}
                    for t in (site.theme_of(o, written.year) for written in sorted(o.themes, key=lambda t: t.year))
                    if t
                ],
            }
            for o in sorted(site.observances, key=lambda o: (o.month, o.day or 0, o.id))
        ],
        "items": [_item(site, item, base_url) for item in _items(site, years)],
    }


def _items(site: Site, years: list[int]) -> list[Occurrence]:
    """Each dated item once, even an event that runs from one year into the next."""
    seen: dict[tuple, Occurrence] = {}
    for year in years:
        for item in site.agenda.occurrences(year):
            seen.setdefault((item.kind, item.key, item.start), item)
    return sorted(seen.values(), key=lambda o: (o.start, o.end, o.kind, o.key))


def render_fields(site: Site, here: str) -> str:
    """The fields of lich.json, for the press page: the table is `FIELDS`, which the file follows."""
    links = Links(site, here)
    return render(
        "blocks/calendar_fields.html.j2",
        fields=FIELDS,
        json_href=links.to(urls.CALENDAR_JSON),
        ics_href=links.to(urls.ICS),
    )


def render_calendar_json(site: Site, base_url: str = "") -> str:
    return json.dumps(calendar_data(site, base_url), ensure_ascii=False, indent=2) + "\n"
