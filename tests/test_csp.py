"""Every kind of page works in Chromium under its Content-Security-Policy: the policy is there, and the
browser reports no violation while the page loads and while search runs (its worker, its index)."""

from __future__ import annotations

import base64
import hashlib

import pytest
from lxml import html

from congbo import csp, urls
from conftest import TEST_TODAY

PAGES = {
    "home": "",
    "plans": urls.DOCUMENTS,
    "plan": urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"),
    "calendar": urls.CALENDAR,
    "calendar year": urls.calendar_year(2021, TEST_TODAY.year),
    "event": urls.event("han-lien-hoan-cap-huyen-lang-son-2021"),
    "observance": urls.observance("ngay-dan-so-viet-nam"),
    "programme": urls.programme("ngay-dan-so-viet-nam", 2021),
    "organisations": urls.ORGANISATIONS,
    "organisation": urls.organisation("so-y-te-lang-son"),
    "column": urls.COLUMN,
    "category": urls.category_page("chinh-sach"),
    "archive": urls.COLUMN_ARCHIVE,
    "archive year": urls.archive_year(2021),
    "article": urls.article("bieu-duong-nguoi-lam-dan-so-co-so"),
    "press": urls.PRESS,
    "not found": "404.html",
}

# Collected in the page itself: Chromium fires this event for each blocked script, style, worker or fetch.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
"""


def test_every_page_carries_the_policy(built_site):
    for name, url in PAGES.items():
        path = built_site / (url if url.endswith(".html") else f"{url}index.html")
        [policy] = html.fromstring(path.read_bytes()).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy.split("style-src-attr")[0], name


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_csp_violation_on_any_page_type(browser, site_url, name):
    context = browser.new_context(locale="vi-VN")
    try:
        page = context.new_page()
        page.add_init_script(LISTEN)
        console: list[str] = []
        page.on("console", lambda msg: "Content Security Policy" in msg.text and console.append(msg.text))
        page.goto(site_url + PAGES[name], wait_until="networkidle")
        if name == "home":  # search: the worker, its script and the index are fetched under the policy
            page.click(".md-search__input")
            page.keyboard.type("dan so")
            page.keyboard.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert page.evaluate("window.__violations") == []
        assert console == []
        assert page.evaluate("typeof __md_get") == "function"  # Material's hashed inline script ran
    finally:
        context.close()


def test_the_hashes_match_every_inline_script_of_every_page(built_site):
    for path in sorted(built_site.rglob("*.html")):
        tree = html.fromstring(path.read_bytes())
        [policy] = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        allowed = policy.split("; ")[0].split()[2:]
        for script in tree.xpath("//script[not(@src) and not(@type)]"):
            digest = base64.b64encode(hashlib.sha256((script.text or "").encode()).digest()).decode()
            assert f"'sha256-{digest}'" in allowed, path


def test_script_hashes_read_the_rendered_partials():
    assert csp.script_hashes(["<p>x</p><script>a()</script>", "<script>a()</script>"]) == [
        "'sha256-" + base64.b64encode(hashlib.sha256(b"a()").digest()).decode() + "'"
    ]
