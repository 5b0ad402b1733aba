"""The home page, a plan page and the calendar look right in Debian's headless Chromium, on a phone and a desktop.

Screenshots land in test-output/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt

import pytest

from congbo.scalars import VN_TZ
from conftest import PAGE_TYPES, TEST_TODAY, screenshot_path

pytestmark = pytest.mark.browser

PAGES = dict(PAGE_TYPES, **{"article-with-image": "bai-viet/bieu-duong-nguoi-lam-dan-so-co-so/"})


@pytest.fixture
def page_at(browser):
    contexts = []

    def open_page(url: str, width: int):
        context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        failed: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
        page.goto(url, wait_until="networkidle")
        page.errors = errors
        page.failed = failed
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_fits_the_screen(site_url, page_at, name, width):
    page = page_at(site_url + PAGES[name], width)
    page.screenshot(path=str(screenshot_path(f"{name}-{width}")), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []
    expected_404 = [f"404 {page.url}"] if name == "404" else []
    assert page.failed == expected_404  # e.g. Material fetching sitemap.xml beside a feed link in a folder
    assert page.locator("h1").first.is_visible()


def test_plan_heading_block_stacks_on_a_phone_and_sits_side_by_side_on_a_desktop(site_url, page_at):
    url = site_url + PAGES["plan"]
    columns = "getComputedStyle(document.querySelector('.vb-header')).gridTemplateColumns.split(' ').length"
    assert page_at(url, 360).evaluate(columns) == 1
    assert page_at(url, 1280).evaluate(columns) == 2


def test_duties_table_becomes_labelled_cards_on_a_phone(site_url, page_at):
    page = page_at(site_url + PAGES["plan"], 360)
    table = page.locator("table.cb-duties")
    table.scroll_into_view_if_needed()
    assert not page.locator("table.cb-duties thead").is_visible() or page.evaluate(
        "document.querySelector('table.cb-duties thead').getBoundingClientRect().height <= 1"
    )
    label = page.evaluate("getComputedStyle(document.querySelector('table.cb-duties td'), '::before').content")
    assert label == '"Hoạt động"'
    box = table.bounding_box()
    assert box["width"] <= 360


def test_home_shows_the_next_observance_with_days_left(site_url, browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime.combine(TEST_TODAY, dt.time(9), VN_TZ))  # the reader's day is the build day
    page.goto(site_url)
    first = page.locator(".cb-next__item--first")
    # build date 2026-11-20: the December action month starts in 11 days
    assert "Tháng hành động quốc gia về Dân số" in first.inner_text()
    assert "còn 11 ngày" in first.inner_text()
    context.close()
