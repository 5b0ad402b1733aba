"""The Jinja environment that turns models into pages.

A generated page is front matter and finished HTML: its headings are written by `Outline`
as the toc extension writes them for hand-written pages, and the Markdown step is skipped
for it (MkDocs would only parse the HTML to hand it back). Every value from the data is
escaped where it lands: autoescape for HTML, `yaml_str` for front matter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown.extensions.toc import nest_toc_tokens
from markupsafe import Markup, escape

from . import vi
from .dates import PartialDate, open_end

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def yaml_str(text: str) -> Markup:
    """A front-matter string: JSON is YAML, and JSON quoting leaves nothing to interpret."""
    return Markup(json.dumps(str(text), ensure_ascii=False))


def meta_str(text: str) -> Markup:
    """A page's title or description in its front matter: Material prints both as HTML, unescaped (in
    <title>, meta tags, header, navigation, search index), so they are handed over escaped."""
    return yaml_str(escape(text))


def code_spans(text: str) -> Markup:
    """Escaped text with `backquoted` names set as code, for field descriptions written once for docs and data."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


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
    )
    env.globals.update(heading=heading)
    env.filters.update(
        yaml_str=yaml_str,
        meta_str=meta_str,
        long_date=vi.long_date,
        short_date=vi.short_date,
        partial_date=PartialDate.text,
        date_with_state=PartialDate.text_with_state,
        upper_first=vi.upper_first,
        roman=vi.roman,
        letter=vi.letter,
        slug=vi.slugify,
        weekday=vi.weekday,
        open_end=open_end,
        lower_first=vi.lower_first,
        two=vi.two,
        superscript=superscript,
        code_spans=code_spans,
    )
    return env


def render(template: str, **context) -> str:
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text)


# How the toc extension of mkdocs.yml finishes a heading; a test holds the two together.
PERMALINK = "#"
PERMALINK_TITLE = "Liên kết tới mục này"
_ID = re.compile(r'\sid="([^"]+)"')


def heading(level: int, text: str, anchor: str | None = None, search: bool = True) -> Markup:
    """A heading as the toc extension of mkdocs.yml writes it, with its permalink. Its id is ``anchor``, or the slug
    of its text (made unique on the page by `outline`). ``search=False`` leaves the section out of the search
    index (Material's ``data-search-exclude``): a section that only lists records found on their own pages, so a
    search finds each record once, where it is. A pure function: the page's outline is read from its HTML."""
    anchor = escape(vi.toc_slugify(text, "-") if anchor is None else anchor)
    excluded = " data-search-exclude" if not search else ""
    return Markup(
        f'<h{level} id="{anchor}"{excluded}>{escape(text)}<a class="headerlink" href="#{anchor}" '
        f'title="{PERMALINK_TITLE}">{PERMALINK}</a></h{level}>'
    )


_HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)"((?: data-search-exclude)?)>(.*?)<a class="headerlink" href="#\2" '
    + re.escape(f'title="{PERMALINK_TITLE}">{PERMALINK}</a>')
    + r"</h\1>"
)


def outline(html: str) -> tuple[str, list[dict]]:
    """A page's headings (`heading`), each id made unique as the toc extension makes it (a repeated one gets
    '_1', '_2'…), and its table of contents nested as the extension's ``toc_tokens`` (what MkDocs's ``get_toc``
    reads), in page order."""
    ids: set[str] = set()
    headings: list[dict] = []

    def unique(match: re.Match) -> str:
        level, anchor, excluded, name = match.groups()
        base, n = anchor, 0
        while anchor in ids or not anchor:
            n += 1
            anchor = f"{base}_{n}"
        ids.add(anchor)
        headings.append({"level": int(level), "id": anchor, "name": name, "children": []})
        if anchor == base:
            return match.group(0)
        return (
            f'<h{level} id="{anchor}"{excluded}>{name}<a class="headerlink" href="#{anchor}" '
            f'title="{PERMALINK_TITLE}">{PERMALINK}</a></h{level}>'
        )

    return _HEADING.sub(unique, html), nest_toc_tokens(headings)


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the data: front matter, finished HTML, and the table of contents."""

    front_matter: str
    html: str
    toc: list[dict]

    @property
    def source(self) -> str:
        """The page as a file: what MkDocs reads (its front matter) and what golden files keep."""
        return f"---\n{self.front_matter}---\n\n{self.html}"

    @property
    def anchors(self) -> set[str]:
        """Every id on the page, so MkDocs can check links into it from hand-written pages."""
        return set(_ID.findall(self.html))


_FRONT = re.compile(r"\A---\n(.*?\n)---\n\n?", re.S)


def render_page(template: str, **context) -> GeneratedPage:
    """A page template (front matter between ``---`` lines, then HTML), its headings made unique and its table
    of contents read from them (`outline`)."""
    text = render(template, **context)
    front = _FRONT.match(text)
    if front is None:  # a template without front matter is a bug in this package
        raise ValueError(f"{template}: no front matter")
    html, toc = outline(text[front.end() :])
    return GeneratedPage(front.group(1), html, toc)


def html_text(text: str) -> Markup:
    """Escape, keeping the editor's line breaks as <br>."""
    return Markup("<br>\n").join(escape(line) for line in str(text).split("\n"))
