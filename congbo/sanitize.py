"""Article bodies as published: the HTML Markdown makes from an editor's text, with anything that
could run (script, style, event handlers, `javascript:` links, frames, forms) removed by nh3
(the Ammonia sanitiser), and what articles use kept: headings, paragraphs, lists, links, images,
figures, tables, footnotes, quotations."""

from __future__ import annotations

import nh3

_BLOCKS = {"p", "div", "section", "blockquote", "pre", "hr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"}
_INLINE = {
    "a",
    "span",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "q",
    "code",
    "kbd",
    "time",
}
_MEDIA = {"img", "figure", "figcaption", "picture", "source"}
_TABLES = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
TAGS = _BLOCKS | _INLINE | _MEDIA | _TABLES | {"details", "summary"}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading"},
    "source": {"srcset", "sizes", "media", "type"},
    "ol": {"start", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "col": {"span"},
    "time": {"datetime"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""Relative URLs are kept too; every other scheme (javascript:, data:, vbscript:) is dropped."""


def clean_body(html: str) -> str:
    """``html`` with only `TAGS`, `ATTRIBUTES` and `URL_SCHEMES`; the text of a removed element stays,
    except inside script and style, which go whole."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True)
