"""Time-relative text follows the reader's clock: the pages were built on TEST_TODAY, and with
the browser's clock moved on (Playwright's clock) "còn N ngày", "đang diễn ra" and "đã qua" are
recomputed from the dates the page carries; without script the build-time text stays."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TEST_TODAY
from congbo.scalars import VN_TZ

pytestmark = pytest.mark.browser


def expected_countdown(start: dt.date, end: dt.date, today: dt.date) -> str:
    days = (start - today).days
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "hôm nay"
    return "đang diễn ra" if end >= today else "đã qua"


@pytest.fixture
def open_at(browser):
    contexts = []

    def open_page(url: str, today: dt.date | None, script: bool = True):
        context = browser.new_context(locale="vi-VN", java_script_enabled=script)
        contexts.append(context)
        page = context.new_page()
        if today is not None:
            # 00:30 in Vietnam is still the previous day in UTC: the script must count Vietnam's day.
            page.clock.set_fixed_time(dt.datetime.combine(today, dt.time(0, 30), VN_TZ))
        page.goto(url, wait_until="load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def countdowns(page) -> list[tuple[dt.date, dt.date, str]]:
    return [
        (
            dt.date.fromisoformat(e.get_attribute("data-cb-start")),
            dt.date.fromisoformat(e.get_attribute("data-cb-end")),
            e.inner_text().strip(),
        )
        for e in page.locator("[data-cb-countdown]").all()
    ]


@pytest.mark.parametrize("days_later", [0, 15, 45, 400])
def test_home_page_countdowns_follow_the_clock(site_url, open_at, days_later):
    today = TEST_TODAY + dt.timedelta(days=days_later)
    shown = countdowns(open_at(site_url, today))
    assert len(shown) == 3
    assert [text for _, _, text in shown] == [expected_countdown(start, end, today) for start, end, _ in shown]
    if days_later == 400:
        assert {text for _, _, text in shown} == {"đã qua"}


def test_build_date_text_is_the_fallback_without_script(site_url, open_at):
    page = open_at(site_url, None, script=False)
    shown = countdowns(page)
    assert [text for _, _, text in shown] == [expected_countdown(start, end, TEST_TODAY) for start, end, _ in shown]
    assert page.locator(".cb-built time").get_attribute("datetime") == TEST_TODAY.isoformat()


def test_calendar_marks_past_items_by_the_clock(site_url, open_at):
    url = site_url + "lich/"
    at_build = open_at(url, TEST_TODAY)
    later_day = TEST_TODAY + dt.timedelta(days=45)
    later = open_at(url, later_day)
    states_at_build = at_build.locator(".cb-when").all()
    states_later = later.locator(".cb-when").all()
    assert len(states_at_build) == len(states_later) > 0
    turned_past = 0
    for before, after in zip(states_at_build, states_later):
        start = dt.date.fromisoformat(after.get_attribute("data-cb-start"))
        end = dt.date.fromisoformat(after.get_attribute("data-cb-end"))
        expected = "đã qua" if end < later_day else "đang diễn ra" if start <= later_day else ""
        # text_content: the year's past months are folded (a closed <details> has no rendered text)
        assert after.text_content().strip() == expected
        turned_past += before.text_content().strip() != "đã qua" and expected == "đã qua"
    assert turned_past > 0, "some item upcoming on the build date is past 45 days later"


# --- "Ngày … tiếp theo" -----------------------------------------------------------------


def expected_next_day(site, page: str, today: dt.date) -> str:
    """What the page must say on ``today``, from the data and congbo's own rule (the page's script is another
    implementation of it)."""
    from congbo import agenda, vi

    if page == "lich":
        ordered = sorted(site.observances, key=lambda o: (o.month, o.day or 0, o.id))
        (start, end), obs = min(
            ((d, o) for o in ordered if (d := agenda.next_occurrence(o, today, under_way=False))), key=lambda p: p[0][0]
        )
        return vi.next_day_text("Ngày kỷ niệm tiếp theo", obs.name, start, end, today)
    obs = site.observance[page]
    return vi.next_day_text(f"{obs.name} tiếp theo", None, *agenda.next_occurrence(obs, today), today)


@pytest.mark.parametrize("days_later", [0, 11, 36, 46, 200])
@pytest.mark.parametrize("page", ["lich", "ngay-dan-so-viet-nam", "thang-hanh-dong-dan-so", "ngay-dan-so-the-gioi"])
def test_the_next_day_follows_the_readers_clock(site_url, open_at, site, page, days_later):
    """The calendar and every observance page say when the day comes next and in how many days, as of
    the reader's day: 05/01/2027 (46 days after the build) moves Ngày Dân số Việt Nam to 26/12/2027."""
    from congbo import urls

    today = TEST_TODAY + dt.timedelta(days=days_later)
    url = site_url + (urls.CALENDAR if page == "lich" else urls.observance(page))
    shown = open_at(url, today).locator(".cb-next-day").inner_text().strip()
    assert shown == expected_next_day(site, page, today)
    if page == "ngay-dan-so-viet-nam" and days_later == 46:
        assert shown == "Ngày Dân số Việt Nam tiếp theo: Chủ nhật, ngày 26/12/2027 (còn 355 ngày)"


def test_the_next_day_without_script_is_the_build_days(site_url, open_at, site):
    shown = open_at(site_url + "ngay-ky-niem/ngay-dan-so-viet-nam/", TEST_TODAY + dt.timedelta(days=46), script=False)
    assert shown.locator(".cb-next-day").inner_text().strip() == expected_next_day(site, "ngay-dan-so-viet-nam", TEST_TODAY)
