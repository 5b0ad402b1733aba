"""A first visit asks only this site, and fetches sitemap.xml at most once (scripts/page_weight.py measures the same visit)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import PAGE_TYPES
from page_weight import first_visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_first_visit_requests(browser, site_url, name):
    log = first_visit(browser, site_url + PAGE_TYPES[name])
    own = urlsplit(site_url).netloc
    assert sorted({urlsplit(r["url"]).netloc for r in log}) == [own], "no third-party host"
    assert sum(1 for r in log if urlsplit(r["url"]).path.endswith("sitemap.xml")) <= 1
    failed = [f"{r['status']} {r['url']}" for r in log if r["status"] >= 400 and r["url"] != site_url + PAGE_TYPES[name]]
    assert failed == []
    # 16 for every page (its HTML, Material's and the project's styles and scripts, the search worker and index,
    # the logo, sitemap.xml), and an article's image.
    assert len(log) <= (17 if name == "article" else 16)
