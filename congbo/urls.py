"""Where each record's page lives (site-relative, directory URLs) and the source path MkDocs gets."""

from __future__ import annotations

PLANS = "ke-hoach/"
ORGANISATIONS = "co-quan/"
CALENDAR = "lich/"
OBSERVANCES = "ngay-ky-niem/"
EVENTS = "su-kien/"
PROGRAMMES = "chuong-trinh/"
COLUMN = "chuyen-muc/"
PRESS = "bao-chi/"
ICS = "lich.ics"
CALENDAR_JSON = "lich.json"


def plan(plan_id: str) -> str:
    return f"{PLANS}{plan_id}/"


def organisation(org_id: str) -> str:
    return f"{ORGANISATIONS}{org_id}/"


def observance(observance_id: str) -> str:
    return f"{OBSERVANCES}{observance_id}/"


def event(event_id: str) -> str:
    return f"{EVENTS}{event_id}/"


def calendar_year(year: int, current: int) -> str:
    return CALENDAR if year == current else f"{CALENDAR}{year}/"


def src_of(url: str) -> str:
    """The generated Markdown file MkDocs turns into ``url``."""
    return f"{url}index.md" if url.endswith("/") or not url else f"{url}.md"

ARTICLES = "bai-viet/"


def article(article_id: str) -> str:
    """An article's address comes from its fixed id, so renaming its file or title keeps links alive."""
    return f"{ARTICLES}{article_id}/"


def observance_ics(observance_id: str) -> str:
    return f"{OBSERVANCES}{observance_id}.ics"


def event_ics(event_id: str) -> str:
    return f"{EVENTS}{event_id}.ics"
