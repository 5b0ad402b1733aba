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


class Outline:
    """The headings of one generated page, and its table of contents.

    ``outline(level, text, anchor)`` returns the heading's HTML; without ``anchor`` the id is
    the slug of the text, made unique on the page as the toc extension makes it. ``search=False``
    leaves the section out of the search index (Material's ``data-search-exclude``): a section that
    only lists records found on their own pages, so a search finds each record once, where it is."""

    def __init__(self):
        self.headings: list[dict] = []
        self._ids: set[str] = set()

    def __call__(self, level: int, text: str, anchor: str | None = None, search: bool = True) -> Markup:
        name = str(escape(text))
        if anchor is None:
            anchor = vi.toc_slugify(text, "-")
            base, n = anchor, 0
            while anchor in self._ids or not anchor:
                n += 1
                anchor = f"{base}_{n}"
        self._ids.add(anchor)
        self.headings.append({"level": level, "id": anchor, "name": name, "children": []})
        anchor = escape(anchor)
        excluded = "" if search else " data-search-exclude"
        return Markup(
            f'<h{level} id="{anchor}"{excluded}>{name}<a class="headerlink" href="#{anchor}" '
            f'title="{PERMALINK_TITLE}">{PERMALINK}</a></h{level}>'
        )

    def toc(self) -> list[dict]:
        """The headings nested as the toc extension's ``toc_tokens`` (what MkDocs's ``get_toc`` reads)."""
        return nest_toc_tokens([dict(h, children=[]) for h in self.headings])


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
    """A page template (front matter between ``---`` lines, then HTML) rendered with ``h``, its outline."""
    outline = Outline()
    text = render(template, h=outline, **context)
    front = _FRONT.match(text)
    if front is None:  # a template without front matter is a bug in this package
        raise ValueError(f"{template}: no front matter")
    return GeneratedPage(front.group(1), text[front.end() :], outline.toc())


def html_text(text: str) -> Markup:
    """Escape, keeping the editor's line breaks as <br>."""
    return Markup("<br>\n").join(escape(line) for line in str(text).split("\n"))
