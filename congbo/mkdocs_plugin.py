"""The MkDocs glue: load the data once, hand MkDocs the generated pages and files.

The only module of the package that imports MkDocs. Registered as the ``congbo`` plugin
through the package's ``mkdocs.plugins`` entry point.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from . import calendar_json, column, feeds, ical, identity, urls, vi
from .background import Background
from .errors import DataError
from .load import load_site
from .pages import page_jobs
from .render import GeneratedPage, run_jobs
from .site import Site


class _SearchPage:
    """What Material's search index reads of a page (meta, title, content, toc, url), for a generated page."""

    def __init__(self, page: GeneratedPage, url: str):
        self.meta = get_data(f"---\n{page.front_matter}---\n")[1]  # as MkDocs reads the front matter
        self.title = self.meta.get("title")
        self.content = page.html
        self.toc = get_toc(page.toc)
        self.url = url


def search_entries(search_index_class, pages: dict[str, GeneratedPage], page_urls: dict[str, str]) -> list[dict]:
    """The search index entries of the generated pages, made by Material's own indexer (``search_index_class``)
    as its plugin would make them page by page, except for pages whose front matter leaves them out."""
    index = search_index_class()
    for src_uri, url in page_urls.items():
        index.add_entry_from_context(_SearchPage(pages[src_uri], url))  # it honours search.exclude itself
    return index.entries


class _Made:
    """The generated pages as the child renders them, batch by batch, kept for their search entries."""

    def __init__(self):
        self.pages: dict[str, GeneratedPage] = {}

    def render(self, jobs: dict) -> dict:
        made = run_jobs(jobs)
        self.pages.update(made)
        return made

    def search_entries(self, search_index_class, page_urls: dict[str, str]) -> list[dict]:
        return search_entries(search_index_class, self.pages, page_urls)


def _article_parts(site: Site, records: list, site_url: str) -> dict[str, column.ArticleParts]:
    return {record.src_uri: column.article_parts(site, record, site_url) for record in records}


def _batches(items: list, size: int, prefix: str) -> list[tuple[str, list]]:
    return [(f"{prefix}-{start // size}", items[start:start + size]) for start in range(0, len(items), size)]


BATCH = 100
"""Articles, or generated pages, the child sends at once: MkDocs can go on with a batch while the
child makes the next (the first is ready about when MkDocs needs it)."""


class CongboPlugin(BasePlugin):
    """Reads data/ beside mkdocs.yml; takes no options."""

    site: Site | None = None
    articles_by_src: dict = {}
    """Published articles by source path, set in on_files."""
    page_paths: frozenset[str] = frozenset()
    """Source paths of the pages made from the data, set in on_files."""
    rendered: Background | None = None
    """Made beside MkDocs (see `background`), in the order MkDocs needs them: the articles' parts and
    the generated pages by batch, the other files ("files"), the pages' search entries ("search")."""
    search = None
    """Material's search plugin, when the site uses it, set in on_files."""
    batch_of: dict[str, str] = {}
    """The batch holding each article's parts and each generated page, by source path."""

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.moment = vi.build_moment()  # the build's one reading of the time (SOURCE_DATE_EPOCH or the clock)
        try:
            self.site = load_site(root, today=self.moment.date(), docs_dir=Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(exc.report()) from None
        info = self.site.info  # the site's identity lives in data/site.yml, not in mkdocs.yml or the templates
        config.site_name, config.site_url, config.site_description = info.name, info.url, info.description
        config.theme["logo"], config.theme["favicon"] = info.logo, info.favicon
        return config

    def on_files(self, files: Files, *, config) -> Files:
        """Register every page and file made from the data and place the articles. A child process
        starts making, in this order, the articles' headers and footers and the generated pages and
        files with their search entries; each is collected when MkDocs first needs it."""
        base_url = config.site_url or ""  # the public address, for webcal:// and absolute links in calendars
        pages = page_jobs(self.site, base_url=base_url)
        others = ical.ics_jobs(self.site, base_url)
        others[urls.CALENDAR_JSON] = partial(calendar_json.render_calendar_json, self.site, base_url)
        for src_uri in [*pages, *others]:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri}: trang này do hệ thống tạo từ dữ liệu; hãy xóa tệp viết tay trùng tên")
        self.page_paths = frozenset(pages)
        page_urls = {}
        for src_uri in pages:
            file = File.generated(config, src_uri, content="")  # the text comes in on_page_read_source
            files.append(file)
            page_urls[src_uri] = file.url
        for path in others:
            files.append(File.generated(config, path, content=b""))  # the bytes come in on_env
        self._place_articles(files, config)
        # Material's search indexes these pages in the child too, off MkDocs's path (see on_post_build).
        self.search = config.plugins.get("material/search")
        search_index_class = type(self.search.search_index) if self.search is not None else None
        articles = sorted(self.articles_by_src.values(), key=lambda r: r.src_uri)  # the order MkDocs reads them in
        made = _Made()
        works, self.batch_of = {}, {}
        for name, batch in _batches(articles, BATCH, "articles"):
            works[name] = partial(_article_parts, self.site, batch, config.site_url or "")
            self.batch_of.update(dict.fromkeys((r.src_uri for r in batch), name))
        for name, batch in _batches(list(pages), BATCH, "pages"):
            works[name] = partial(made.render, {src_uri: pages[src_uri] for src_uri in batch})
            self.batch_of.update(dict.fromkeys(batch, name))
        works["files"] = partial(run_jobs, others)
        if search_index_class is not None:
            works["search"] = partial(made.search_entries, search_index_class, page_urls)
        self.rendered = Background(works)
        return files

    def _made(self, src_uri: str):
        """An article's parts or a generated page, from its batch."""
        return self.rendered.result(self.batch_of[src_uri])[src_uri]

    def _place_articles(self, files: Files, config) -> None:
        """Articles live at bai-viet/<id>/ whatever their file name; held-back ones wait for their day.
        The feeds get placeholder files here and their content in on_env, once every page is rendered."""
        self.articles_by_src = {}
        for record in column.held_back(self.site):
            files.remove(files.get_file_from_path(record.src_uri))
        for image in column.held_back_images(self.site):
            if files.get_file_from_path(image) is not None:
                files.remove(files.get_file_from_path(image))
        for record in self.site.published_articles:
            file = files.get_file_from_path(record.src_uri)
            url = urls.article(record.meta.id)
            file.dest_uri, file.url = urls.src_of(url)[: -len(".md")] + ".html", url
            file.__dict__.pop("abs_dest_path", None)  # a cached_property derived from dest_uri
            self.articles_by_src[record.src_uri] = record
        for path in feeds.feed_paths(self.site):
            files.append(File.generated(config, path, content=b""))

    def on_page_read_source(self, *, page, config):
        """A generated page's text; an article's body, already read by the loader (MkDocs need not
        parse its front matter again)."""
        if page.file.src_uri in self.page_paths:
            return self._made(page.file.src_uri).source
        record = self.articles_by_src.get(page.file.src_uri)
        return record.body if record else None

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        """A generated page is HTML already: Markdown gets nothing to parse (its HTML comes in on_page_content)."""
        if page.file.src_uri in self.page_paths:
            if self.search is not None:
                page.meta["search"] = dict(page.meta.get("search") or {}, exclude=True)  # indexed in the child
            return ""
        if page.file.src_uri in self.articles_by_src:
            page.meta.update(self._made(page.file.src_uri).meta)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Generated pages get their HTML and table of contents; articles their header and related records."""
        if page.file.src_uri in self.page_paths:
            generated = self._made(page.file.src_uri)
            page.toc = get_toc(generated.toc)
            page.present_anchor_ids = generated.anchors  # for MkDocs's check of links into the page
            return generated.html
        if page.file.src_uri in self.articles_by_src:
            return self._made(page.file.src_uri).page_html(html)
        return html

    def on_env(self, env, *, config, files):
        if not config.site_url:
            raise PluginError("mkdocs.yml: thiếu 'site_url' (địa chỉ công khai của trang); nguồn tin cần địa chỉ tuyệt đối")
        for path, data in self.rendered.result("files").items():
            file = files.get_file_from_path(path)
            if isinstance(data, str):
                file.content_string = data
            else:
                file.content_bytes = data
        pages = {r.meta.id: files.get_file_from_path(src).page.content for src, r in self.articles_by_src.items()}
        for path, data in feeds.render_feeds(self.site, config.site_url, self.moment, pages).items():
            files.get_file_from_path(path).content_bytes = data
        env.globals["cb_feed_links"] = feeds.discovery_links(self.site)
        env.globals["cb_identity"] = identity.theme_identity(self.site)
        return env

    def on_post_build(self, *, config):
        """Hand Material's search plugin the entries of the generated pages (it writes the index after us)."""
        if self.search is not None:
            self.search.search_index.entries.extend(self.rendered.result("search"))
        self.rendered.close()

    def on_build_error(self, *, error):
        if self.rendered is not None:
            self.rendered.close()
