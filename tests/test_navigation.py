"""Every page says where it is: the active tab and breadcrumbs also on pages outside the nav (plans,
articles, organisations, observances …), and a long page opens its sections from a "Mục lục" on a phone."""

from __future__ import annotations

import pytest

from conftest import PAGE_TYPES, read_page, text_of, wait_until

SECTION_OF = {
    "plan": "Kế hoạch",
    "plan-bac-giang": "Kế hoạch",
    "organisation": "Cơ quan",
    "observance": "Lịch",
    "programme": "Lịch",
    "event": "Lịch",
    "calendar-year": "Lịch",
    "category": "Chuyên mục",
    "year-archive": "Chuyên mục",
    "article": "Chuyên mục",
}


@pytest.mark.parametrize("name", sorted(SECTION_OF))
def test_page_outside_the_nav_shows_its_tab_and_breadcrumbs(built_site, name):
    page = read_page(built_site, PAGE_TYPES[name])
    active = page.xpath("//li[contains(@class, 'md-tabs__item--active')]")
    assert [text_of(tab) for tab in active] == [SECTION_OF[name]]
    assert active[0].xpath("a/@aria-current") == ["location"]
    crumbs = [text_of(li) for li in page.xpath("//nav[@class='md-path']//li")]
    assert crumbs == ["Trang chủ", SECTION_OF[name]]


def test_section_page_is_its_own_tab_without_breadcrumbs(built_site):
    page = read_page(built_site, PAGE_TYPES["plans"])
    assert page.xpath("//li[contains(@class, 'md-tabs__item--active')]/a/@aria-current") == ["page"]
    assert page.xpath("//nav[@class='md-path']") == []


@pytest.mark.browser
def test_phone_table_of_contents_opens_and_jumps(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES["plan"], wait_until="networkidle")
        summary = page.locator("details.cb-toc > summary")
        assert summary.is_visible() and summary.inner_text().strip() == "Mục lục"
        assert summary.evaluate("el => el.getBoundingClientRect().top") < 740  # on the first screen
        links = page.locator("details.cb-toc a")
        assert not links.first.is_visible()
        summary.click()
        assert links.count() >= 10 and links.first.is_visible()
        target = links.nth(links.count() - 1)
        anchor = target.get_attribute("href")
        target.click()
        wait_until(page, f"location.hash === {anchor!r}")
        top = page.locator(f"[id='{anchor[1:]}']").evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= top < 200
        assert page.evaluate("window.scrollY") > 2000
        page.mouse.wheel(0, -300)  # Material shows "back to top" once the reader scrolls up
        back = page.locator(".md-top")
        back.wait_for(state="visible")
        back.click()
        wait_until(page, "window.scrollY === 0")
    finally:
        context.close()


@pytest.mark.browser
def test_table_of_contents_folds_away_where_the_sidebar_shows_it(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES["plan"], wait_until="networkidle")
        assert not page.locator("details.cb-toc").is_visible()
        assert page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_404_page_is_vietnamese_and_leads_on(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        response = page.goto(site_url + "khong-co-trang-nay/", wait_until="networkidle")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        assert "Not found" not in page.content()
        sections = page.locator("article ul.cb-list a").all_inner_texts()
        assert sections == ["Trang chủ", "Kế hoạch", "Lịch", "Chuyên mục", "Cơ quan", "Báo chí"]
        page.fill("#cb-q", "dan so")
        page.click("form.cb-search404 button")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)  # Material's search, opened with ?q=
        assert page.input_value(".md-search__input") == "dan so"
    finally:
        context.close()
