"""The contract between the package and the theme's overrides (`overrides/main.html` and its partials): every
value the overrides read that Material does not give, in one place. An engine that builds the site without the
MkDocs plugin (see `engine_files`) must give these to keep what they show; `tests/test_theme.py` holds the
overrides and the code to this table.

Three kinds: values the plugin puts in the theme's environment once per build (``GLOBALS``), values a page
carries in its meta (``PAGE_META``), set in a generated page's front matter or by the plugin for one page, and
values the plugin puts in one page's template context (``PAGE_CONTEXT``)."""

from __future__ import annotations

GLOBALS = {
    "cb_feed_links": "the feeds' autodiscovery links in every page's head (channels.discovery_links)",
    "cb_csp": "the Content-Security-Policy meta tag's value (csp)",
    "cb_identity": "the owner, its contact, the press contact, the colours' stylesheet and the share image (identity.theme_identity)",
    "cb_build_day": "the build's day, ISO and as printed, for the print footer when no script runs",
    "cb_preview": "a pull request's preview: its banner and robots values; None on the published site (preview.theme_values)",
}
"""Environment globals, set by the plugin in on_env."""

PAGE_META = {
    "cb_section": "the tab a page outside the navigation belongs to, for its breadcrumbs and active tab (urls.section_of)",
    "cb_updated": "when the page's content last changed, ISO and as printed ('Cập nhật lần cuối'; edit.page_updates)",
    "cb_og": "an article's Open Graph values: title, description, image (column.article_parts)",
    "cb_category": "a category page's category id, for the feed links of that category (column_index.html.j2)",
}
"""Page meta keys: in a generated page's front matter, or set by the plugin for one page."""

PAGE_CONTEXT = {
    "cb_jsonld": "an article's schema.org data, made for its page's render only, in on_page_context (column.article_linked_data)",
}
"""Values the plugin puts in one page's template context: made when the page is rendered and held by nothing after."""

FOR_THE_PACKAGE = {
    "cb_article": "an article's address and section, from which the plugin makes its cb_jsonld (column.article_parts)",
}
"""Page meta keys the theme does not read, but the package does when the page is built: an engine writes them too."""

KEYS = {**GLOBALS, **PAGE_META, **PAGE_CONTEXT}
"""Everything the overrides read."""
