"""The MkDocs glue: load the data once, hand MkDocs what the core makes of it.

The only module of the package that imports MkDocs, registered as the ``congbo`` plugin through
the package's ``mkdocs.plugins`` entry point. It uses plugin events (with ``event_priority``),
the config it may change in ``on_config``, ``File.generated``, the ``File`` constructor's
``dest_uri``, ``File.edit_uri`` and ``File.content_bytes``, and the ``Page`` attributes ``meta``,
``toc`` and ``present_anchor_ids``: MkDocs's documented interfaces only. Every
page, generated or written, takes MkDocs's ordinary path, so other plugins (Material's search
among them) see each one as they see any page, whatever their order in ``mkdocs.yml``.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from . import channels, clock, column, content, csp, edit, feeds, history, identity, preview, read, urls, vi
from .errors import DataError
from .load import load_site
from .outputs import made_paths, render_outputs
from .render import GeneratedPage
from .sanitize import clean_body
from .site import ArticleRecord, Site


def content_security_policy(env, config) -> str:
    """The policy with the hashes of the theme's inline scripts, rendered by the theme's own templates."""
    rendered = [env.get_template(name).render(config=config, base_url="") for name in csp.MATERIAL_SCRIPTS]
    return csp.policy(csp.script_hashes(rendered))


class CongboPlugin(BasePlugin):
    """Reads data/ beside mkdocs.yml; takes no options."""

    site: Site | None = None
    outputs: dict = {}
    """What `render_outputs` made, from on_config (before MkDocs empties the output folder) to on_files."""
    generated: dict[str, GeneratedPage] = {}
    """The pages made from the data, by source path, set in on_files."""
    articles_by_src: dict[str, ArticleRecord] = {}
    """Published articles by source path, set in on_files."""
    root: Path | None = None
    """The project's folder (where mkdocs.yml is), set in on_config."""
    publisher: str = ""
    """The site owner's name (articles' schema.org data), kept when the data is let go in on_env."""
    updated: dict = {}
    """When each page last changed (`edit.page_updates`), by source path, set in on_files."""
    preview: dict | None = None
    """A pull request's preview (`CONGBO_PREVIEW`): the banner and robots values for the theme; None for the site."""

    @event_priority(100)  # first, whatever the plugins' order: the others read the name and address it sets
    def on_config(self, config):
        self.root = root = Path(config.config_file_path).resolve().parent  # '-f mkdocs.yml' gives a relative path
        self.moment = clock.build_moment()  # the build's one reading of the time (SOURCE_DATE_EPOCH or the clock)
        docs_dir = Path(config.docs_dir)
        try:
            name = preview.preview_name(os.environ)  # a pull request's preview, published under pr-preview/pr-N/
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        try:
            self.site = load_site(root, today=self.moment.date(), docs_dir=docs_dir, history=history.read_history(root))
            address = preview.preview_url(self.site.info.url, name) if name else self.site.info.url
            # Made here, before MkDocs empties the output folder: a hand-written twin stops the build there.
            self.outputs = render_outputs(self.site, address)
            twins = content.twins(root, docs_dir, made_paths(self.site, self.outputs))
            if twins:
                raise DataError(twins)
        except DataError as exc:
            raise PluginError(exc.report()) from None
        info = self.site.info  # the site's identity lives in data/site.yml (its address too), not in mkdocs.yml
        # Material prints the name and description into pages unescaped: they are given escaped (as Markup,
        # which the templates' own escaping leaves as it is).
        config.site_name, config.site_description = escape(info.name), escape(info.description)
        config.site_url = address  # a preview's links, feeds and calendars point at the preview
        self.preview = preview.theme_values(name) if name else None
        config.theme["logo"], config.theme["favicon"] = info.logo, info.favicon
        if info.repository:  # "Sửa trang này" on every page (content.action.edit); MkDocs joins the two
            docs_rel = docs_dir.relative_to(root).as_posix()
            config.repo_url, config.edit_uri = edit.repository_links(info.repository, info.repository_branch, docs_rel)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        """Add every page and file made from the data, place the articles, hold back what waits for its day."""
        site, outputs, self.outputs = self.site, self.outputs, {}
        feed_paths = channels.feed_paths(site)
        self.generated = {}
        self.articles_by_src = {record.src_uri: record for record in site.published_articles}
        waiting = {record.src_uri for record in column.held_back(site)} | column.held_back_images(site)
        kept = Files([self._published(file, config) for file in files if file.src_uri not in waiting])
        for path, output in outputs.items():
            if isinstance(output, GeneratedPage):
                self.generated[path] = output
                output = f"---\n{output.front_matter}---\n"  # the HTML comes in on_page_content, past Markdown
            kept.append(File.generated(config, path, content=output))
        for path in feed_paths:
            kept.append(File.generated(config, path, content=b""))  # filled in on_env, once the articles are rendered
        kept.append(File.generated(config, identity.COLOURS_CSS, content=identity.colours_css(site)))
        docs_dir = Path(config.docs_dir).relative_to(self.root).as_posix()
        for path, origin in edit.edit_sources(site, self.generated).items():  # "Sửa trang này" opens the data file
            kept.get_file_from_path(path).edit_uri = edit.edit_uri(origin, docs_dir)
        self.updated = edit.page_updates(site, [file.src_uri for file in kept.documentation_pages()], self.generated, docs_dir)
        return kept

    def _published(self, file: File, config) -> File:
        """An article's file served at bai-viet/<id>/ whatever its name; an image the core re-encoded
        (turned upright, shrunk, without its metadata) with its new bytes; any other file as it is."""
        data = self.site.images.get(file.src_uri)  # the same bytes object: MkDocs's file and the site share it
        if data is not None:
            return File.generated(config, file.src_uri, content=data, inclusion=file.inclusion)
        record = self.articles_by_src.get(file.src_uri)
        if record is None:
            return file
        dest = urls.src_of(urls.article(record.meta.id))[: -len(".md")] + ".html"
        return File(file.src_uri, file.src_dir, file.dest_dir, config.use_directory_urls, dest_uri=dest, inclusion=file.inclusion)

    def on_page_read_source(self, *, page, config):
        """An article's body, read again from its file when MkDocs reads the page (the loader checked it and
        kept nothing): the loader has read its front matter already. Any other page: None, MkDocs reads it."""
        if page.file.src_uri in self.articles_by_src:
            return read.read_article_body(Path(page.file.abs_src_path))
        return None

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Generated pages get their HTML, table of contents and anchors; articles their head data,
        header and related records."""
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.toc = get_toc(generated.toc)
            page.present_anchor_ids = generated.anchors  # for MkDocs's check of links into the page
            return generated.html
        record = self.articles_by_src.get(page.file.src_uri)
        if record is not None:
            parts = column.article_parts(self.site, record, config.site_url)
            page.meta.update(parts.meta)
            return parts.page_html(clean_body(html))  # nothing in an article's text runs
        # Material prints a page's title and description unescaped (<title>, meta tags, header, search results):
        # given escaped. A title MkDocs took from the page's first heading has its entities undone: escaped too.
        if "title" not in page.meta and isinstance(page.title, str):
            page.meta["title"] = page.title
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if content.sanitised(page.file.src_uri):
            return clean_body(html)  # a page an editor added: nothing in it runs either
        return html

    def on_page_context(self, context, *, page, config, nav):
        """The tab a page outside the nav belongs to, for its breadcrumbs and active tab (overrides/partials/tabs-item.html, path.html);
        an article's schema.org data, in this page's template context only: made for its render, held by nothing after."""
        if not page.ancestors:
            page.meta["cb_section"] = urls.section_of(page.url)
        when = self.updated.get(page.file.src_uri)
        if when is not None:  # "Cập nhật lần cuối" (overrides/main.html)
            page.meta["cb_updated"] = {"iso": when.date().isoformat(), "text": vi.short_date(when.date())}
        if "cb_article" in page.meta:
            context["cb_jsonld"] = column.article_linked_data(page.meta, self.publisher)
        return context

    @event_priority(-100)  # last, whatever the plugins' order: every other plugin has had the page
    def on_post_page(self, output: str, *, page, config) -> str:
        """A page's HTML is let go once the page is written: search indexed it when its template was filled,
        and nothing after reads it, so the site is not held in memory twice over at the end."""
        page.content = None
        return output

    def on_env(self, env, *, config, files):
        """The feeds, now that every article's HTML is made; for the theme, the feed links, the security
        policy and the body's identity."""
        html = {record.meta.id: files.get_file_from_path(src).page.content for src, record in self.articles_by_src.items()}
        for path, data in feeds.render_feeds(self.site, config.site_url, self.moment, html).items():
            files.get_file_from_path(path).content_bytes = data
        env.globals["cb_feed_links"] = channels.discovery_links(self.site)
        env.globals["cb_csp"] = content_security_policy(env, config)
        env.globals["cb_identity"] = identity.theme_identity(self.site)
        env.globals["cb_build_day"] = {
            "iso": self.moment.date().isoformat(),
            "text": vi.short_date(self.moment.date()),
        }  # the print date without script
        env.globals["cb_preview"] = self.preview
        self.publisher = self.site.organisation[self.site.info.owner].name  # for the articles' schema.org data
        # Past this point MkDocs only fills the theme's templates with what every page now holds: the
        # loaded data is let go before the theme and the search index need memory.
        self.site, self.generated, self.articles_by_src = None, {}, {}
        return env
