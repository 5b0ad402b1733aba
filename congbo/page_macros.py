"""The macros the project's own pages call (`content.MACROS` names them and the arguments each takes), in
one table: macros.py hands them to mkdocs-macros, and `outputs` renders those pages with them for an engine
that runs no MkDocs plugin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markupsafe import escape

from . import blocks, calendar_json, documents_json, guide
from .site import Site


def page_macros(
    site: Callable[[], Site], here: Callable[[], str], site_url: Callable[[], str], root: Path
) -> dict[str, Callable[..., str]]:
    """Each macro by name. ``site``, ``here`` (the page's address) and ``site_url`` are read when a macro
    runs: mkdocs-macros knows the page only then. ``root``: the project's folder."""
    examples = root / guide.EXAMPLES
    return {
        "site_name": lambda: escape(site().info.name),  # escaped: Material prints the name unescaped
        "next_observances": lambda count=3: blocks.next_observances(site(), here(), count),
        "built_on": lambda: blocks.built_on(site()),
        "current_plans": lambda: blocks.current_documents(site(), here()),
        "latest_articles": lambda count=5: blocks.latest_articles(site(), here(), count),
        "press_contact": lambda: blocks.press_contact(site(), here()),
        "press_feeds": lambda: blocks.press_feeds(site(), here(), site_url()),
        "press_feed_notes": lambda part: blocks.press_feed_notes(site(), site_url(), part),
        "reuse_terms": lambda: blocks.reuse_terms(site()),
        "guide_example": lambda rel: guide.render_example(root, rel),
        "guide_fields": lambda record: guide.render_fields(guide.RECORDS[record]),
        "guide_mistakes": lambda: guide.render_mistakes(examples),
        "calendar_fields": lambda: calendar_json.render_fields(site(), here()),
        "documents_fields": lambda: documents_json.render_fields(site(), here()),
    }
