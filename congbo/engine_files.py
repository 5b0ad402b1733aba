"""The outputs written as files for any static-site engine (``python -m congbo outputs``): what the MkDocs
plugin hands MkDocs inside its events, at the same published paths. A generated page is front matter and
finished HTML (Markdown passes raw HTML through), an article the same at its address; the feeds, calendars,
JSON, CSS and robots.txt as they are. An engine builds them beside docs/ (or, with the hand-written files
`render_written_files` adds, as its docs folder).

Apart from `outputs`, which the MkDocs plugin imports: the plugin needs none of this."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from . import bodies, column, content, feeds, identity, read, urls
from .outputs import render_outputs
from .page_macros import page_macros
from .render import GeneratedPage, meta_str, yaml_str
from .sanitize import clean_body
from .site import Site


def render_engine_outputs(site: Site, base_url: str, now: dt.datetime, docs_dir: Path, docs_files: set[str]) -> dict[str, str | bytes]:
    """Every page and file made from the data, by published path, as files any static-site engine builds
    beside docs/: the generated pages and articles (Markdown files holding HTML), the feeds, the calendar
    files, ``lich.json``, ``robots.txt``, the colours' CSS, and the images the core re-encoded.
    ``docs_dir``: where the articles' files are (their bodies are read from them);
    ``docs_files``: every file under docs/ (`content.docs_files`), where an article's links may lead."""
    files: dict[str, str | bytes] = {}
    for path, output in render_outputs(site, base_url).items():
        files[path] = output.source + "\n" if isinstance(output, GeneratedPage) else output
    addresses = published_addresses(site, docs_files | set(files))
    html = {}
    for record in site.published_articles:
        here = urls.article(record.meta.id)
        parts = column.article_parts(site, record, base_url)
        body = bodies.render_body(read.read_article_body(docs_dir / record.src_uri), record.src_uri, here, addresses)
        html[record.meta.id] = parts.page_html(clean_body(body))  # nothing in an article's text runs
        files[urls.src_of(here)] = f"---\n{article_front_matter(parts.meta)}---\n\n{html[record.meta.id]}\n"
    files.update(feeds.render_feeds(site, base_url, now, html))
    files[identity.COLOURS_CSS] = identity.colours_css(site)
    waiting = column.held_back_images(site)
    files.update({path: data for path, data in site.images.items() if path not in waiting})
    return files


def article_front_matter(meta: dict) -> str:
    """An article page's front matter: its title, description and author (escaped: Material prints them as
    HTML), and the head's data the theme reads (``cb_og``, ``cb_article``), written as JSON, which YAML reads."""
    lines = [f"{key}: {yaml_str(meta[key])}" for key in ("title", "description", "author")]
    lines += [f"{key}: {json.dumps(meta[key], ensure_ascii=False, sort_keys=True)}" for key in ("cb_og", "cb_article")]
    return "".join(line + "\n" for line in lines)


def published_addresses(site: Site, paths: set[str]) -> dict[str, str]:
    """Where each of ``paths`` (source paths under docs/) is published: a page at its directory URL, any
    other file at its path; each article's source at ``bai-viet/<id>/``."""
    addresses = {path: content.published_at(path) for path in paths}
    addresses.update({record.src_uri: urls.article(record.meta.id) for record in site.articles})
    return addresses


def render_written_files(site: Site, root: Path, docs_dir: Path, base_url: str) -> dict[str, str | Path]:
    """The hand-written files of docs/ as a site publishes them, for an engine that runs no MkDocs plugin:
    every file as it is (by its path, to be copied), but the articles (made at their address by
    `render_engine_outputs`), the images only held-back articles use, and the guide's examples; the
    project's own pages with their macros run (`page_macros`); a page an editor added made HTML and
    sanitised, as the MkDocs plugin makes it."""
    skipped = {record.src_uri for record in site.articles} | column.held_back_images(site)
    examples = content.GUIDE_EXAMPLES.removeprefix(docs_dir.relative_to(root).as_posix() + "/")
    written = content.docs_files(root, docs_dir)
    addresses = published_addresses(site, written)
    files: dict[str, str | Path] = {}
    for path in sorted(written - skipped):
        if path.startswith(examples):
            continue
        source = docs_dir / path
        if path in content.MACRO_PAGES:
            files[path] = render_macro_page(site, root, path, content.read_page(source) or "", base_url)
        elif source.suffix.lower() in content.MARKDOWN_SUFFIXES and content.sanitised(path):
            text = content.read_page(source) or ""
            meta, body_line = content.page_meta(text)
            _front, body = _split_page(text, body_line)
            html = clean_body(bodies.render_body(body, path, content.published_at(path), addresses))
            files[path] = f"---\n{written_front_matter(meta)}---\n\n{html}\n"
        else:
            files[path] = source
    return files


def written_front_matter(meta: dict) -> str:
    """An editor's page's front matter (the check allows only `title`, `description`, `hide`, `search`), its
    title and description escaped, as the MkDocs plugin gives them to Material, which prints them as HTML."""
    lines = [
        f"{key}: {meta_str(value) if key in ('title', 'description') else json.dumps(value, ensure_ascii=False)}"
        for key, value in meta.items()
    ]
    return "".join(line + "\n" for line in lines)


def render_macro_page(site: Site, root: Path, path: str, text: str, base_url: str) -> str:
    """A project page with its macro calls run, as mkdocs-macros runs them (the check has let through only
    calls of `page_macros` with literal arguments; the sandbox is a second fence)."""
    meta, body_line = content.page_meta(text)
    front, body = _split_page(text, body_line)
    if meta.get("render_macros") is not True:
        return text
    here = content.published_at(path)
    env = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
    env.globals.update(page_macros(lambda: site, lambda: here, lambda: base_url, root))
    return front + env.from_string(body).render()


def _split_page(text: str, body_line: int) -> tuple[str, str]:
    """A page's front matter (with its closing line) and its body."""
    lines = text.split("\n")
    return "".join(line + "\n" for line in lines[: body_line - 1]), "\n".join(lines[body_line - 1 :])


def write_outputs(out: Path, files: dict[str, str | bytes | Path]) -> None:
    """Write ``files`` under ``out`` (a text as UTF-8, bytes as they are, a path copied). ``out`` is emptied
    first when it holds a former run's output (`OUTPUTS_MARK`); the caller has checked it may be written."""
    out.mkdir(parents=True, exist_ok=True)
    for child in sorted(out.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    (out / OUTPUTS_MARK).write_text(OUTPUTS_NOTE, encoding="utf-8")
    for path in sorted(files):
        target = out.joinpath(*path.split("/"))
        if ".." in path.split("/") or not target.resolve().is_relative_to(out.resolve()):
            raise ValueError(f"{path}: outside the output folder")  # a bug: the paths are the package's own
        target.parent.mkdir(parents=True, exist_ok=True)
        data = files[path]
        if isinstance(data, Path):
            shutil.copyfile(data, target)
        else:
            target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


OUTPUTS_MARK = ".congbo-outputs"
"""The file that says a folder holds this command's output, so a later run may empty it."""
OUTPUTS_NOTE = "Thư mục do python -m congbo outputs tạo; lần chạy sau xóa và ghi lại toàn bộ.\n"
