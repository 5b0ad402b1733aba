"""The package's templates: a macro lives only in a template that holds nothing but macros (a library
other templates import). A macro defined in a page's own template keeps that render's context, and
everything the page was given (the site), in a reference cycle that only the collector frees."""

from __future__ import annotations

from pathlib import Path

from jinja2 import nodes

from congbo.render import environment

TEMPLATES = Path(__file__).resolve().parents[1] / "congbo" / "templates"


def _libraries_and_pages(folder: Path = TEMPLATES) -> tuple[list[str], list[str]]:
    env = environment()
    libraries, pages = [], []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        tree = env.parse(path.read_text(encoding="utf-8"))
        has_macro = any(isinstance(node, nodes.Macro) for node in tree.body)
        rest = [
            node
            for node in tree.body
            if not isinstance(node, (nodes.Macro, nodes.FromImport, nodes.Import))
            and not (isinstance(node, nodes.Output) and all(isinstance(n, nodes.TemplateData) and not n.data.strip() for n in node.nodes))
        ]
        if has_macro:
            libraries.append(name) if not rest else pages.append(name)
    return libraries, pages


def test_macros_are_defined_only_in_libraries():
    libraries, pages_with_macros = _libraries_and_pages()
    assert pages_with_macros == [], f"a page's template defines a macro (move it to a library or an include): {pages_with_macros}"
    assert "when.html.j2" in libraries  # the check sees the macros it is about


def test_a_page_template_with_a_macro_is_caught(tmp_path):
    """The check above can fail: a page that defines its own macro is reported, a library is not."""
    (tmp_path / "page.html.j2").write_text("{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}\n<ul>{{ item(1) }}</ul>\n", encoding="utf-8")
    (tmp_path / "library.html.j2").write_text(
        '{% from "x.j2" import y %}\n{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}\n', encoding="utf-8"
    )
    assert _libraries_and_pages(tmp_path) == (["library.html.j2"], ["page.html.j2"])
