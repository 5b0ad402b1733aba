"""The Jinja environment that turns models into page text.

Templates write Markdown headings (so the table of contents works) and HTML blocks for
everything else; every value from the data is escaped where it lands: `md` for Markdown
inline text, autoescape for HTML, `yaml_str` for front matter.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import vi

# Characters with a meaning in Markdown or attr_list, written as character references.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]{}#!|~^=+:<>"}
_MD_SPECIAL["&"] = "&amp;"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def md(text: str) -> Markup:
    """Plain text made safe inside a Markdown heading or table cell."""
    return Markup("".join(_MD_SPECIAL.get(c, c) for c in str(text)))


def yaml_str(text: str) -> Markup:
    """A front-matter string: JSON is YAML, and JSON quoting leaves nothing to interpret."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def relative(target: str, here: str) -> str:
    """The link from the page at URL ``here`` to ``target`` (both site-relative, directory URLs)."""
    path, _, fragment = target.partition("#")
    base = posixpath.dirname(here) if not here.endswith("/") and here else here.rstrip("/")
    rel = _relpath(path.rstrip("/") or ".", base or ".")
    if rel == ".":
        rel = "./"
    elif path.endswith("/") or path == "":
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for clean site-relative paths, without its normalisation cost (called per link)."""
    to = [] if path == "." else path.split("/")
    frm = [] if start == "." else start.split("/")
    common = 0
    for a, b in zip(to, frm):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(frm) - common) + to[common:]
    return "/".join(parts) or "."


def superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("congbo", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package: no need to stat them on every render
    )
    env.filters.update(
        md=md,
        yaml_str=yaml_str,
        long_date=vi.long_date,
        short_date=vi.short_date,
        partial_date=vi.partial_date,
        roman=vi.roman,
        letter=vi.letter,
        slug=vi.slugify,
        weekday=vi.weekday,
        two=vi.two,
        superscript=superscript,
    )
    return env


def render(template: str, **context) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text)


def html_text(text: str) -> Markup:
    """Escape, keeping the editor's line breaks as <br>."""
    return Markup("<br>\n").join(escape(line) for line in str(text).split("\n"))
