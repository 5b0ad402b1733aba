"""The Content-Security-Policy every page carries in a ``<meta http-equiv>``: scripts only from the site
itself and the theme's few inline scripts by their hash, so no text that slips into a page can run.

Material writes two inline scripts on every page (``partials/javascripts/base.html``: where it keeps
preferences; ``partials/javascripts/content.html``: opening a tab named in the URL). With
``extra.scope`` set in mkdocs.yml their text is the same on every page, so one hash each allows them.
The hashes are computed from the theme's own templates at build time, so a Material update that
changes them cannot silently break the site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Iterable

MATERIAL_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html")
"""The theme partials holding inline scripts (Material 9.7's base.html includes both)."""
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    # The calendar's period bars are placed by a style attribute; a style cannot run script.
    ("style-src-attr", "'unsafe-inline'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),  # the 404 page's search form opens the site's own search (?q=)
)


def script_hashes(rendered: Iterable[str]) -> list[str]:
    """CSP sources for every inline script in the rendered partials: ``'sha256-…'``."""
    out = []
    for html in rendered:
        for body in _INLINE.findall(html):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            out.append(f"'sha256-{digest}'")
    return sorted(set(out))


def policy(hashes: Iterable[str]) -> str:
    """The policy for the ``<meta http-equiv>``; frame-ancestors and reporting need an HTTP header (see README)."""
    directives = [("script-src", " ".join(["'self'", *hashes]))] + list(DIRECTIVES)
    return "; ".join(f"{name} {value}" for name, value in directives)
