"""The links of written pages, checked as MkDocs checks them, so that the check refuses what the strict
build would fail on: a link to a file that is not there, an absolute link, a relative link to no file,
an anchor the target page lacks.

The rules are MkDocs 1.6's (``mkdocs.structure.pages._RelativePathTreeprocessor.path_to_url`` and
``Page.validate_anchor_links``, with mkdocs.yml's ``validation:`` set to warn), applied to the Markdown as
the same extensions make it; tests hold the two to the same verdicts.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from . import vi
from .errors import Problem

MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
"""mkdocs.yml's markdown_extensions (a test holds them together); toc with the project's slugs."""


@dataclass(frozen=True)
class WrittenPage:
    """A page as an editor wrote it: where it is, for messages and for MkDocs, and its Markdown."""

    file: str
    """From the project root, for messages."""
    src_uri: str
    """From docs/, as MkDocs names it."""
    body: str
    first_line: int
    """The file's line the body starts on."""
    anchors_known: bool = True
    """False for a page whose macros add ids the Markdown does not show: links into it are not checked."""


@dataclass(frozen=True)
class Rendered:
    links: tuple[str, ...]
    anchors: frozenset[str]


class _Collect(Treeprocessor):
    """What MkDocs's own tree processors see: the links of `a` and `img`, every id (and `a name`)."""

    def run(self, root: etree.Element) -> None:
        self.links: list[str] = []
        self.anchors: set[str] = set()
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if key and element.get(key) is not None:
                self.links.append(element.get(key))
            if element.get("id"):
                self.anchors.add(element.get("id"))
            if element.tag == "a" and element.get("name"):
                self.anchors.add(element.get("name"))


class _RawIds(HTMLParser):
    """Ids in raw HTML blocks, as MkDocs's ``_RawHTMLPreprocessor`` finds them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.ids.add(value)


def render(body: str) -> Rendered:
    md = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS[:-1], TocExtension(slugify=vi.toc_slugify)])
    collect = _Collect(md)
    md.treeprocessors.register(collect, "congbo_links", 0)  # where MkDocs's link processor stands
    md.convert(body)
    raw = _RawIds()
    raw.feed(body)
    raw.close()
    return Rendered(tuple(collect.links), frozenset(collect.anchors | raw.ids))


def check_links(pages: list[WrittenPage], files: set[str], anchors: dict[str, set[str] | None]) -> list[Problem]:
    """Every link of ``pages``; ``files``: every source path MkDocs will have (written and made);
    ``anchors``: the ids of each page by source path (None: not known, not checked)."""
    rendered = {page.src_uri: render(page.body) for page in pages}
    known = dict(anchors)
    known.update({page.src_uri: set(rendered[page.src_uri].anchors) if page.anchors_known else None for page in pages})
    problems = []
    for page in pages:
        for url in dict.fromkeys(rendered[page.src_uri].links):
            message = link_mistake(page.src_uri, url, files, known)
            if message:
                problems.append(_at(page, url, message))
    return problems


def link_mistake(src_uri: str, url: str, files: set[str], anchors: dict[str, set[str] | None]) -> str | None:
    """What MkDocs would warn of for ``url`` in the page at ``src_uri``, in Vietnamese; None when nothing."""
    scheme, netloc, path, _query, anchor = urlsplit(url)
    if scheme or netloc or AMP_SUBSTITUTE in url:
        return None
    if url.startswith(("/", "\\")):
        return (
            f"liên kết '{url}' bắt đầu bằng '/': hãy viết đường dẫn tương đối tới tệp .md của trang "
            "(tính từ thư mục của trang này, ví dụ '../../lich/index.md'), để liên kết đúng ở mọi địa chỉ của trang"
        )
    if not path:
        own = anchors.get(src_uri)
        if anchor and own is not None and anchor not in own:
            return f"liên kết '{url}': trang này không có mục '#{anchor}'"
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)).lstrip("/"))
    if target not in files:
        if not posixpath.splitext(unquote(path))[-1]:
            return (
                f"liên kết '{url}' không trỏ tới tệp nào: hãy trỏ tới tệp .md của trang (ví dụ '../2021/ten-bai.md' "
                "hoặc '../../lich/index.md'), hay tới tệp ảnh, tệp đính kèm"
            )
        return f"liên kết '{url}' trỏ tới docs/{target}, nhưng không có tệp này; hãy sửa đường dẫn (tính từ thư mục của trang này)"
    present = anchors.get(target)
    if anchor and present is not None and anchor not in present:
        return f"liên kết '{url}': trang docs/{target} không có mục '#{anchor}'"
    return None


def _at(page: WrittenPage, url: str, message: str) -> Problem:
    """The problem where the link's text first stands whole in the body (its line and column)."""
    whole = re.search(r"(?:(?<=[(\s\"'<:])|^)" + re.escape(url) + r"(?=[)\s\"'>]|$)", page.body, re.M)
    start = whole.start() if whole else page.body.find(url)
    if start < 0:
        return Problem(page.file, page.first_line, 1, "", message)
    line_start = page.body.rfind("\n", 0, start) + 1
    return Problem(page.file, page.first_line + page.body.count("\n", 0, start), start - line_start + 1, "", message)
