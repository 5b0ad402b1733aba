"""Thin macros glue: hand-written pages get the validated site and a few renderers.

A page opts in with ``render_macros: true`` in its front matter; only the project's own pages may
(congbo.content.MACRO_PAGES), and only as calls of the macros of congbo.page_macros with literal
arguments (congbo.content.MACROS, checked before any page is rendered). Everything else is generated
by the congbo plugin from the data.
"""

from pathlib import Path

from congbo.page_macros import page_macros


def define_env(env):
    def site():
        """The congbo plugin's validated site, read when a page is rendered: whatever the plugins'
        order in mkdocs.yml, the data is loaded by then."""
        return env.conf.plugins["congbo"].site

    root = Path(env.conf.config_file_path).parent
    for name, macro in page_macros(site, lambda: env.page.url, lambda: env.conf.site_url or "", root).items():
        env.macro(macro, name)
