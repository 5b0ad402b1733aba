"""A pull request's preview: where it is published, what marks its pages as unpublished, and the
site's robots.txt, which keeps every preview out of search engines.

A preview is the pull request's own build, published under ``pr-preview/pr-N/`` of the site's address
(the folder the publishing workflow writes and removes). Unreviewed content on the body's own domain is
the accepted exception: each preview page says ``noindex`` and shows a banner, and robots.txt disallows
the whole folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from . import urls

ENV = "CONGBO_PREVIEW"
"""The environment variable that makes a build a preview: ``pr-N``, the pull request's number."""
UMBRELLA = "pr-preview"
"""The folder of every preview on the published branch (`.github/workflows/xem-truoc.yml` writes it)."""
NAME = re.compile(r"pr-[1-9][0-9]{0,9}")
BANNER = "Bản xem trước — chưa công bố"
ROBOTS_TXT = "robots.txt"


def preview_name(environ: Mapping[str, str]) -> str | None:
    """The preview this build is (``pr-12``), or None for the published site; anything else is refused."""
    value = environ.get(ENV, "")
    if not value:
        return None
    if not NAME.fullmatch(value):
        raise ValueError(f"{ENV} phải có dạng pr-<số của pull request>, ví dụ pr-12; nhận được '{value}'")
    return value


def preview_url(site_url: str, name: str) -> str:
    """The preview's own address: ``https://example.gov.vn/pr-preview/pr-12/``."""
    return urls.absolute(site_url, f"{UMBRELLA}/{name}/") or f"/{UMBRELLA}/{name}/"


def theme_values(name: str) -> dict[str, str]:
    """What the theme prints on every page of a preview: the banner and the robots meta tag."""
    return {"name": name, "banner": BANNER, "robots": "noindex"}


def render_robots_txt(site_url: str) -> str:
    """robots.txt for the published address: previews disallowed, everything else allowed, the sitemap named.
    Crawlers read it at the host's root only: under a project page (``https://owner.github.io/repo/``) it
    is published but only a custom domain makes it count (README, "In CI")."""
    path = urlsplit(site_url).path.rstrip("/")
    lines = ["User-agent: *", f"Disallow: {path}/{UMBRELLA}/"]
    if site_url:
        lines.append(f"Sitemap: {urls.absolute(site_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"
