"""What a content change may hold: every file under ``data/`` and ``docs/`` is read or refused.

A pull request that touches only ``data/`` and ``docs/`` must not be able to run code, publish files
from outside the repository, or publish HTML that skipped the sanitiser. So:

- no symbolic link anywhere under ``data/`` or ``docs/`` (MkDocs copies the file a link points to:
  ``/etc/passwd``, ``/proc/self/environ``);
- every file is one the project reads (a data file, an article, a page, an image or an attachment), or
  one it keeps there for another reason (`KEPT`); anything else is refused, saying where it belongs;
- Jinja in a page (mkdocs-macros renders it with full Python reach) is allowed only in the project's own
  pages (`MACRO_PAGES`) and only as calls of the project's own macros (`MACROS`) with literal
  arguments, read with Jinja's own parser; pages of other names may not ask for macros at all.

The rules live here, in the check, so they hold whatever engine runs the macros module.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

import yaml
from jinja2 import Environment, TemplateSyntaxError, nodes

from .errors import Problem
from .images import IMAGE_TYPES
from .layout import COLUMN_DIR, DATA_FILES, DOCUMENTS, DOCUMENTS_DIR, PARTS
from .links import WrittenPage


MACRO_PAGES = ("index.md", "bao-chi.md", "huong-dan/index.md")
"""The project's own pages (under docs/): the only ones that may call macros, and the only pages whose
HTML is published without the sanitiser. A change to them needs a code owner's review (README, CI)."""

KEPT = {
    "data/schema/": "lược đồ JSON cho trình soạn thảo (tạo bằng python -m congbo schema)",
    "docs/huong-dan/vi-du/": "ví dụ của hướng dẫn biên tập (không đăng thành trang)",
    "docs/assets/": "tệp giao diện của dự án (CSS, JavaScript, biểu trưng)",
}
"""Folders the project keeps under data/ and docs/ for reasons other than content, with what they hold:
their files are neither read as content nor refused."""

IMAGE_SUFFIXES = tuple(f".{extension}" for extension in IMAGE_TYPES)
ATTACHMENT_SUFFIXES = (".pdf", ".docx")
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
"""What MkDocs publishes as a page (mkdocs.utils.markdown_extensions)."""

ARTICLE_KEYS = frozenset({"id", "date", "author", "category", "summary"})
"""Front matter keys that only an article has: a page holding them is an article in the wrong place."""

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
"""An article's front matter, as the loader reads it (between two '---' lines)."""


# MkDocs's own rule for a page's front matter (mkdocs/utils/meta.py, YAML_RE): closed by '---' or '...'.
# It must be the same rule, or a page could ask for macros in a way the check does not see.
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


# --- the tree -------------------------------------------------------------------------


def scan_links(root: Path) -> list[Problem]:
    """Every symbolic link under data/ and docs/ (or those folders themselves as links): none is
    followed, read or published."""
    problems = []
    for top in ("data", "docs"):
        base = root / top
        if base.is_symlink():
            problems.append(_file_problem(top, "thư mục này là một liên kết (symlink) tới nơi khác; hãy thay bằng thư mục thật"))
            continue
        for folder, dirs, files in os.walk(base):  # os.walk does not follow links into folders
            for name in sorted(dirs + files):
                path = Path(folder) / name
                if path.is_symlink():
                    rel = path.relative_to(root).as_posix()
                    problems.append(
                        _file_problem(
                            rel,
                            "đây là một liên kết (symlink) tới tệp hoặc thư mục khác; "
                            "không tệp nào được đọc hay đăng qua liên kết: hãy thay bằng tệp thật",
                        )
                    )
    return problems


def scan_files(root: Path) -> list[Problem]:
    """Every file under data/ and docs/ that the project neither reads nor keeps: each refused, saying
    where it belongs. (Symbolic links are `scan_links`'s.)"""
    problems = []
    for top in ("data", "docs"):
        base = root / top
        if not base.is_dir() or base.is_symlink():
            continue
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not (Path(folder) / d).is_symlink())
            for name in sorted(files):
                path = Path(folder) / name
                if path.is_symlink():
                    continue
                rel = path.relative_to(root).as_posix()
                message = misplaced(rel)
                if message:
                    problems.append(_file_problem(rel, message))
    return problems


def kept(rel: str) -> bool:
    """Whether ``rel`` (from the project root) lies in a folder of `KEPT`."""
    return any(rel.startswith(folder) for folder in KEPT)


def misplaced(rel: str) -> str | None:
    """Why the file at ``rel`` (from the project root) is not read, or None when it is."""
    parts = PurePosixPath(rel).parts
    if any(part.startswith(".") for part in parts):
        return (
            "tên tệp hoặc thư mục bắt đầu bằng dấu chấm nên tệp bị bỏ qua (không kiểm tra, không đăng); "
            "nếu là nội dung, hãy bỏ dấu chấm đầu tên, nếu không, hãy xóa tệp"
        )
    if kept(rel):
        if rel.startswith("data/schema/") and not rel.endswith(".schema.json"):
            return "thư mục data/schema/ chỉ chứa lược đồ JSON do python -m congbo schema tạo; hãy chuyển tệp này đi"
        return None
    suffix = PurePosixPath(rel).suffix.lower()
    if parts[0] == "docs" and len(parts) > 2 and parts[1] == "templates":
        return "MkDocs bỏ qua thư mục docs/templates/ (không đăng gì trong đó); hãy đặt tệp ở thư mục khác"
    if parts[0] == "data":
        return _misplaced_data(parts, suffix)
    return _misplaced_docs(parts, suffix)


def _misplaced_data(parts: tuple[str, ...], suffix: str) -> str | None:
    where = f"các tệp dữ liệu là {', '.join(p.path for p in DATA_FILES)} và mỗi văn bản một tệp .yml trong {DOCUMENTS.path}"
    names = {PurePosixPath(p.path).name for p in DATA_FILES}
    if len(parts) == 2 and parts[1] in names:
        return None
    if len(parts) == 3 and parts[1] == DOCUMENTS_DIR and suffix == ".yml":
        return None
    if len(parts) == 2 and suffix in (".yml", ".yaml") and parts[1].replace(".yaml", ".yml") in names:
        return None  # a '.yaml' twin of a data file: the loader says to merge it
    if len(parts) >= 3 and parts[1] == DOCUMENTS_DIR:
        return None  # the loader says what a document's file must be
    if suffix in (".yml", ".yaml"):
        return f"tệp này không được đọc: nếu là một văn bản, hãy chuyển vào {DOCUMENTS.path} (đuôi .yml); {where}"
    return f"tệp này không được đọc: {where}; hãy chuyển tệp đi"


def _misplaced_docs(parts: tuple[str, ...], suffix: str) -> str | None:
    in_column = len(parts) > 2 and parts[1] == COLUMN_DIR
    if suffix in MARKDOWN_SUFFIXES:
        if in_column:
            return None  # the loader reads every page of the column as an article
        if suffix != ".md":
            return f"trang phải có đuôi .md (MkDocs vẫn đăng tệp '{suffix}' thành trang mà không qua kiểm tra); hãy đổi tên tệp"
        return None
    if suffix in IMAGE_SUFFIXES or suffix in ATTACHMENT_SUFFIXES:
        return None
    return (
        f"tệp '{suffix or parts[-1]}' không được đăng: trong docs/ chỉ đặt trang .md, ảnh "
        f"({', '.join(IMAGE_SUFFIXES)}) và tệp đính kèm ({', '.join(ATTACHMENT_SUFFIXES)}); "
        "tệp giao diện (CSS, JavaScript, SVG) thuộc docs/assets/, do người quản lý mã nguồn duyệt"
    )


def _file_problem(rel: str, message: str) -> Problem:
    return Problem(rel, 1, 1, "", message)


# --- pages and their macros -----------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One argument of a macro: what a literal must be, as a check that returns the mistake or None."""

    name: str
    check: Callable[[object, Path], str | None]
    required: bool = False


def _count(value: object, root: Path) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 20:
        return None
    return f"phải là một số nguyên từ 1 đến 20, nhận được {value!r}"


def _one_of(*choices: str) -> Callable[[object, Path], str | None]:
    def check(value: object, root: Path) -> str | None:
        return None if value in choices else f"phải là một trong: {', '.join(repr(c) for c in choices)}; nhận được {value!r}"

    return check


GUIDE_EXAMPLES = "docs/huong-dan/vi-du/"
"""The guide's example project, from the project root (one of `KEPT`)."""


def example_file(root: Path, rel: object) -> Path | None:
    """The guide example ``rel`` names: a plain file inside the examples folder, reached through no
    link and no '..'; None for anything else."""
    if not isinstance(rel, str) or not rel or len(rel) > 300 or "\\" in rel or "\x00" in rel:
        return None
    pure = PurePosixPath(rel)
    if pure.is_absolute() or any(part in ("", ".", "..") or part.startswith(".") for part in pure.parts):
        return None
    base = root / GUIDE_EXAMPLES
    path = base.joinpath(*pure.parts)
    current = base
    for part in pure.parts:
        current = current / part
        if current.is_symlink():
            return None
    return path if path.is_file() else None


def _example(value: object, root: Path) -> str | None:
    if example_file(root, value) is None:
        return f"phải là đường dẫn một tệp ví dụ có thật trong {GUIDE_EXAMPLES} (không dùng '..', không dùng liên kết), nhận được {value!r}"
    return None


GUIDE_RECORDS = tuple(part.kind for part in PARTS)
"""The records whose fields the guide lists (their models: `layout.PARTS`)."""

MACROS: dict[str, tuple[Param, ...]] = {
    "site_name": (),
    "built_on": (),
    "next_observances": (Param("count", _count),),
    "current_plans": (),
    "latest_articles": (Param("count", _count),),
    "press_contact": (),
    "press_feeds": (),
    "press_feed_notes": (Param("part", _one_of("updates", "items"), required=True),),
    "reuse_terms": (),
    "calendar_fields": (),
    "documents_fields": (),
    "guide_example": (Param("rel", _example, required=True),),
    "guide_fields": (Param("record", _one_of(*GUIDE_RECORDS), required=True),),
    "guide_mistakes": (),
}
"""The macros macros.py defines, with the literal arguments each takes (tests hold the two together)."""

_JINJA = Environment()  # default delimiters, as mkdocs.yml leaves the macros plugin's


def read_page(path: Path) -> str | None:
    """A page as MkDocs reads it (UTF-8, byte order mark dropped, universal newlines); None when not UTF-8
    (the loader reports that for articles; any other page is reported by `check_pages`)."""
    try:
        return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        return None


def page_meta(text: str) -> tuple[dict, int]:
    """The front matter MkDocs and the macros plugin see (MkDocs's rule and its safe loader), and the line
    the body starts on."""
    match = MKDOCS_FRONT_MATTER.match(text)
    if not match:
        return {}, 1
    try:
        meta = yaml.load(match.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), text.count("\n", 0, match.end()) + 1


def _shown(root: Path, path: Path) -> str:
    """A path as messages name it: from the project root."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def docs_files(root: Path, docs_dir: Path) -> set[str]:
    """Every file MkDocs takes from docs/ (by source path): all but hidden ones; the kept folders too (MkDocs
    knows the excluded examples, and a link to one is no mistake)."""
    found = set()
    for folder, dirs, files in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                found.add((Path(folder) / name).relative_to(docs_dir).as_posix())
    return found


def _pages(root: Path, docs_dir: Path) -> list[tuple[Path, str, str]]:
    """The pages under docs/ outside the column and the kept folders: (path, from the root, from docs/)."""
    found = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        rel_docs, rel = path.relative_to(docs_dir).as_posix(), _shown(root, path)
        if not (kept(rel) or misplaced(rel) or rel_docs.startswith(COLUMN_DIR + "/")):
            found.append((path, rel, rel_docs))
    return found


def check_pages(root: Path, docs_dir: Path) -> list[Problem]:
    """Every page under docs/ outside the column and the kept folders: macros only where allowed and only
    as literal calls; no article's front matter outside the column."""
    problems = []
    for path, rel, rel_docs in _pages(root, docs_dir):
        text = read_page(path)
        if text is None:
            problems.append(_file_problem(rel, "tệp không ở mã UTF-8; hãy lưu lại tệp với mã UTF-8"))
            continue
        problems.extend(check_page(rel, rel_docs, text, root))
    return problems


_MACRO_CALL = re.compile(r"\{\{.*?\}\}", re.S)


def written_pages(root: Path, docs_dir: Path) -> list[WrittenPage]:
    """The pages outside the column as MkDocs renders their Markdown (a macro call blanked: its output is
    the project's HTML, not a link an editor wrote)."""
    pages = []
    for path, rel, rel_docs in _pages(root, docs_dir):
        text = read_page(path)
        if text is None:
            continue
        meta, body_line = page_meta(text)
        body = text.split("\n", body_line - 1)[-1] if body_line > 1 else text
        macros = rel_docs in MACRO_PAGES and meta.get("render_macros") is True
        if macros:
            body = _MACRO_CALL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)
        pages.append(WrittenPage(rel, rel_docs, body, body_line, anchors_known=not macros))
    return pages


def check_page(rel: str, rel_docs: str, text: str, root: Path) -> list[Problem]:
    """One page (``rel`` from the project root, ``rel_docs`` from docs/)."""
    meta, body_line = page_meta(text)
    line_of = _key_lines(text, body_line)
    problems = []
    stray = sorted(ARTICLE_KEYS & set(meta))
    if len(stray) >= 2:
        problems.append(
            Problem(
                rel,
                1,
                1,
                "",
                f"trang có phần thông tin của một bài viết ({', '.join(stray)}): bài viết của chuyên mục "
                f"phải đặt trong docs/{COLUMN_DIR}/<năm>/ để được kiểm tra, đăng thành bài và vào nguồn tin",
            )
        )
        return problems  # its fields are an article's: checked once it is in the column
    problems.extend(_meta_mistakes(rel, meta, line_of))
    if "render_macros" not in meta:
        return problems
    line = line_of.get("render_macros", 1)
    if rel_docs not in MACRO_PAGES:
        problems.append(
            Problem(
                rel,
                line,
                1,
                "render_macros",
                f"chỉ các trang của dự án ({', '.join('docs/' + p for p in MACRO_PAGES)}) được dùng macro; hãy bỏ dòng render_macros",
            )
        )
        return problems
    if meta["render_macros"] is not True:
        problems.append(
            Problem(rel, line, 1, "render_macros", f"ghi render_macros: true (hoặc bỏ dòng này), nhận được {meta['render_macros']!r}")
        )
        return problems
    body = text.split("\n", body_line - 1)[-1] if body_line > 1 else text
    problems.extend(check_template(rel, body, body_line, root))
    title = meta.get("title")
    if isinstance(title, str):
        problems.extend(check_template(rel, title, line_of.get("title", 1), root))
    return problems


HIDE_CHOICES = ("navigation", "toc", "footer", "path", "tags", "feedback")
"""What Material's ``hide`` takes."""


def _text(value: object) -> str | None:
    if isinstance(value, str) and "\n" not in value.strip():
        return None
    return f"phải là một dòng chữ, nhận được {value!r}"


def _hide(value: object) -> str | None:
    if isinstance(value, list) and all(item in HIDE_CHOICES for item in value):
        return None
    return f"phải là danh sách lấy trong: {', '.join(HIDE_CHOICES)}; nhận được {value!r}"


def _search(value: object) -> str | None:
    if (
        isinstance(value, dict)
        and set(value) <= {"exclude", "boost"}
        and isinstance(value.get("exclude", False), bool)
        and isinstance(value.get("boost", 1), (int, float))
        and not isinstance(value.get("boost", 1), bool)
    ):
        return None
    return f"phải là 'exclude: true' hoặc 'boost: <số>', nhận được {value!r}"


PAGE_META: dict[str, Callable[[object], str | None]] = {
    "title": _text,
    "description": _text,
    "hide": _hide,
    "search": _search,
    "render_macros": lambda value: None,
}
"""What a written page's front matter may hold (``render_macros`` has rules of its own), each with its check.
Anything else (``template``, ``status`` …) would reach the theme unchecked: refused."""


def _meta_mistakes(rel: str, meta: dict, line_of: dict[str, int]) -> list[Problem]:
    problems = []
    for key, value in meta.items():
        check = PAGE_META.get(key) if isinstance(key, str) else None
        if check is None:
            allowed = ", ".join(k for k in PAGE_META if k != "render_macros")
            problems.append(
                Problem(
                    rel,
                    line_of.get(str(key), 1),
                    1,
                    str(key),
                    f"trường '{key}' không dùng được ở đầu trang; các trường được dùng: {allowed}",
                )
            )
            continue
        mistake = check(value)
        if mistake:
            problems.append(Problem(rel, line_of.get(key, 1), 1, key, mistake))
    return problems


def _key_lines(text: str, body_line: int) -> dict[str, int]:
    """The line of each top-level key of the front matter."""
    found = {}
    for number, line in enumerate(text.split("\n")[: body_line - 1], start=1):
        match = re.match(r"([A-Za-z0-9_-]+)\s*:", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def check_template(rel: str, source: str, first_line: int, root: Path) -> list[Problem]:
    """The Jinja in ``source`` is text and ``{{ macro(literal, …) }}`` calls of `MACROS`, nothing else."""
    try:
        tree = _JINJA.parse(source)
    except TemplateSyntaxError as exc:
        return [
            Problem(rel, first_line + (exc.lineno or 1) - 1, 1, "", f"cú pháp macro sai ({exc.message}); chỉ viết {{{{ tên_macro(…) }}}}")
        ]
    problems = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            problems.append(_template_problem(rel, first_line, node, "chỉ được gọi macro dạng {{ tên_macro(…) }}; không dùng lệnh {% … %}"))
            continue
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                continue
            message = _call_mistake(child, root)
            if message:
                problems.append(_template_problem(rel, first_line, child, message))
    return problems


def _call_mistake(node: nodes.Node, root: Path) -> str | None:
    allowed = ", ".join(MACROS)
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)) or node.dyn_args or node.dyn_kwargs:
        return (
            f"trong {{{{ … }}}} chỉ được gọi một macro của dự án ({allowed}) với giá trị viết sẵn; không dùng biến, thuộc tính hay bộ lọc"
        )
    name = node.node.name
    if name not in MACROS:
        return f"không có macro '{name}'; các macro của dự án: {allowed}"
    params = MACROS[name]
    values: dict[str, object] = {}
    arguments = [(params[i].name if i < len(params) else None, arg) for i, arg in enumerate(node.args)]
    arguments += [(kw.key, kw.value) for kw in node.kwargs]
    for key, arg in arguments:
        if key is None or key not in {p.name for p in params} or key in values:
            return f"macro '{name}' nhận {_signature(params)}"
        if not isinstance(arg, nodes.Const):
            return f"đối số '{key}' của macro '{name}' phải là giá trị viết sẵn (chữ trong ngoặc kép hoặc số)"
        values[key] = arg.value
    for param in params:
        if param.name not in values:
            if param.required:
                return f"macro '{name}' thiếu đối số '{param.name}': {_signature(params)}"
            continue
        mistake = param.check(values[param.name], root)
        if mistake:
            return f"đối số '{param.name}' của macro '{name}' {mistake}"
    return None


def _signature(params: tuple[Param, ...]) -> str:
    if not params:
        return "không đối số nào"
    return ", ".join(f"'{p.name}'" + ("" if p.required else " (không bắt buộc)") for p in params)


def _template_problem(rel: str, first_line: int, node: nodes.Node, message: str) -> Problem:
    return Problem(rel, first_line + getattr(node, "lineno", 1) - 1, 1, "", message)


def sanitised(src_uri: str) -> bool:
    """Whether a written page's HTML goes through the sanitiser: every page but the project's own."""
    return src_uri not in MACRO_PAGES


def published_at(path: str) -> str:
    """Where MkDocs publishes a source path with directory URLs: 'lich/index.md' and 'lich.md' both at 'lich/'."""
    pure = PurePosixPath(path)
    if pure.suffix.lower() not in MARKDOWN_SUFFIXES:
        return path
    stem = pure.with_suffix("")
    folder = stem.parent if stem.name in ("index", "README") else stem
    return "" if folder.as_posix() == "." else folder.as_posix() + "/"


def twins(root: Path, docs_dir: Path, made: list[str]) -> list[Problem]:
    """Files under docs/ published where a page or file made from the data goes (``made``: site paths)."""
    taken = {published_at(path) for path in made}
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(docs_dir).as_posix()
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if not kept(shown) and published_at(rel) in taken:
            problems.append(
                _file_problem(
                    shown,
                    f"trang hoặc tệp ở địa chỉ /{published_at(rel)} do hệ thống tạo từ dữ liệu; "
                    "hãy xóa tệp viết tay trùng địa chỉ này (hoặc đổi tên)",
                )
            )
    return problems
