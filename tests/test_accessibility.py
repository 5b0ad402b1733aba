"""Every kind of page passes axe-core's WCAG 2.1 A and AA rules in Debian's Chromium, on a phone and a desktop.

axe-core comes bundled in axe-playwright-python; the 404 page is what the server sends for a missing address.
"""

from __future__ import annotations

import pytest

from conftest import PAGE_TYPES

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    return axe_module.Axe()


def violations(axe, page) -> list[str]:
    found = axe.run(page, options=WCAG_21_AA).response["violations"]
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in found]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_wcag_violation(browser, site_url, axe, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
        assert violations(axe, page) == []
    finally:
        context.close()


def test_skip_link_moves_focus_to_the_content(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES["plan"], wait_until="networkidle")
        page.keyboard.press("Tab")
        skip = page.locator("a.md-skip")
        assert skip.evaluate("el => el === document.activeElement")
        assert skip.is_visible() and skip.inner_text().strip() == "Chuyển đến nội dung chính"
        outline = skip.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
        assert outline != "none 0px"
        page.keyboard.press("Enter")
        target = skip.get_attribute("href").split("#")[1]
        assert page.evaluate("location.hash") == "#" + target
        assert page.locator(f"[id='{target}']").evaluate("el => el.getBoundingClientRect().top") < 200
    finally:
        context.close()


SMALL_TEXT = """() => {
  const small = [];
  for (const el of document.querySelectorAll("[class*='cb-'], [class*='vb-'], [class*='cb-'] *, [class*='vb-'] *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 14 - 0.01) small.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${size.toFixed(1)}px:
    ${el.textContent.trim().slice(0, 30)}`);
  }
  return [...new Set(small)];
}"""
"""Every element the project's templates and styles make (a 'cb-' or 'vb-' class, and what it holds) whose
own text is shown smaller than 14 px."""


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_text_of_the_projects_own_under_14_px_on_a_phone(browser, site_url, name):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES[name], wait_until="load")
        assert page.evaluate(SMALL_TEXT) == []
    finally:
        context.close()
