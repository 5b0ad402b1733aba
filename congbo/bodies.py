"""A written page's Markdown made HTML without an engine, for the outputs any engine builds (`outputs`):
an article's body (published at ``bai-viet/<id>/``, away from its source file) and a page an editor added.

The extensions are the ones the check reads links with (`links.MARKDOWN_EXTENSIONS`, held to
mkdocs.yml's by a test); a link to a file of the site is made the link from the page's address to that
file's, as MkDocs makes it (``../2021/bai.md`` → ``../bai-khac/``); any other link is left as written.
The caller sanitises the result (`sanitize.clean_body`): nothing an editor writes runs.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from . import links, urls, vi


class _Relink(Treeprocessor):
    """Each ``href`` and ``src`` that names a file of the site, as the link from ``here`` to its address."""

    def __init__(self, md: markdown.Markdown, src_uri: str, here: str, published: Mapping[str, str]) -> None:
        super().__init__(md)
        self.src_uri, self.here, self.published = src_uri, here, published

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            url = element.get(key) if key else None
            if url is not None:
                element.set(key, self.relinked(url))

    def relinked(self, url: str) -> str:
        scheme, netloc, path, query, fragment = urlsplit(url)
        if scheme or netloc or not path or url.startswith(("/", "\\")):
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_uri), unquote(path)))
        address = self.published.get(target)
        if address is None:  # not a file of the site: the check has refused it already, or it is not a link MkDocs changes
            return url
        return urls.relative(address + (f"#{fragment}" if fragment else ""), self.here) + (f"?{query}" if query else "")


def render_body(body: str, src_uri: str, here: str, published: Mapping[str, str]) -> str:
    """``body`` (Markdown, from the file ``src_uri`` under docs/) as HTML for the page at the address ``here``;
    ``published``: each file of the site by source path, its address (a page's directory URL, a file's path)."""
    md = markdown.Markdown(extensions=[*links.MARKDOWN_EXTENSIONS[:-1], TocExtension(slugify=vi.toc_slugify)])
    md.treeprocessors.register(_Relink(md, src_uri, here, published), "congbo_relink", 0)
    return md.convert(body)
