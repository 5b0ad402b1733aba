"""Sharing (plain links to Facebook and Zalo, Open Graph that reads well) and a document's status."""

from __future__ import annotations

import dataclasses
import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from congbo import pages
from conftest import PAGE_TYPES, read_page, text_of

BASE = "https://danso.langson.gov.vn/"
LANG_SON = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
BAC_GIANG = "ke-hoach-nghi-quyet-21-khcn-bac-giang"


@pytest.mark.parametrize("name", ["home", "plan", "article", "observance", "event", "calendar", "press"])
def test_share_links_are_plain_links_to_the_page(built_site, name):
    page = read_page(built_site, PAGE_TYPES[name])
    links = {a.text_content().strip(): a.get("href") for a in page.xpath("//p[@class='cb-share']/a")}
    assert set(links) == {"Facebook", "Zalo"}
    own = BASE + PAGE_TYPES[name]
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"] == [own] and links["Facebook"].startswith("https://www.facebook.com/sharer/")
    assert parse_qs(urlsplit(links["Zalo"]).query)["url"] == [own] and links["Zalo"].startswith("https://sp.zalo.me/")
    assert page.xpath("//head/meta[@property='og:url']/@content") == [own]
    assert not page.xpath("//script[contains(@src, 'facebook') or contains(@src, 'zalo')]")


def test_plan_share_description_is_a_clean_summary(built_site):
    page = read_page(built_site, PAGE_TYPES["plan"])
    [description] = page.xpath("//head/meta[@property='og:description']/@content")
    assert description == (
        "Kế hoạch tổ chức các hoạt động Kỷ niệm 60 năm ngày Dân số Việt Nam (26/12/1961 - 26/12/2021) "
        "trên địa bàn tỉnh Lạng Sơn — Ủy ban nhân dân tỉnh Lạng Sơn, tháng 01 năm 2021."
    )
    assert "…" not in description and "chưa ghi số" not in description
    assert page.xpath("//head/meta[@name='description']/@content") == [description]


def test_numbered_plan_says_its_number_when_shared(site):
    document = site.document[LANG_SON].model_copy(update={"number": 45})
    assert pages.document_share_description(site, document).endswith("tháng 01 năm 2021, số 45/KH-UBND.")


def test_ended_plan_says_so_with_its_last_date(built_site):
    status = read_page(built_site, PAGE_TYPES["plan"]).xpath("//p[contains(@class, 'cb-status')]")
    assert [text_of(p) for p in status] == ["Đã kết thúc: thời hạn cuối cùng của các hoạt động là ngày 26/12/2021."]


def test_plan_without_dated_activities_says_it_gives_no_end(built_site):
    status = read_page(built_site, PAGE_TYPES["plan-bac-giang"]).xpath("//p[contains(@class, 'cb-status')]")
    assert [text_of(p) for p in status] == ["Văn bản không ghi thời hạn kết thúc."]


def test_status_follows_the_build_date_and_the_data(site):
    document = site.document[LANG_SON]
    during = dataclasses.replace(site, today=dt.date(2021, 6, 1))
    assert pages.document_status(during, document) == {"state": "in-force", "date": dt.date(2021, 12, 26), "when": "ngày 26/12/2021"}
    assert pages.document_status(site, document) == {"state": "ended", "date": dt.date(2021, 12, 26), "when": "ngày 26/12/2021"}
    replaced = document.model_copy(update={"superseded_by": BAC_GIANG})
    status = pages.document_status(site, replaced)
    assert status["state"] == "superseded" and status["by"].id == BAC_GIANG
    html = pages.render_document(site, replaced).html
    assert 'Đã được thay thế</strong> bởi <a href="../ke-hoach-nghi-quyet-21-khcn-bac-giang/">' in html


def test_a_document_known_only_by_its_metadata_states_no_end(built_site, site):
    """Without its full text the site cannot know whether the document gives an end date: its status says that
    the term is not known (the line every printout carries), and never states an end or its absence."""
    party = site.document["nghi-quyet-21-nq-tw"]
    assert not party.full_text and pages.document_status(site, party) == {"state": "not-known"}
    page = read_page(built_site, "ke-hoach/nghi-quyet-21-nq-tw/")
    assert [text_of(p) for p in page.xpath("//p[contains(@class, 'cb-status')]")] == [
        "Chưa rõ thời hạn: ban biên tập chưa biết văn bản được thực hiện đến ngày nào."
    ]
    assert "thời hạn kết thúc" not in text_of(page)


@pytest.mark.parametrize("name", ["calendar", "press", "plans", "column"])
def test_a_section_page_shares_as_its_heading_not_its_menu_label(built_site, name):
    page = read_page(built_site, PAGE_TYPES[name])
    heading = text_of(page.xpath("//article//h1")[0])
    assert page.xpath("//head/meta[@property='og:title']/@content") == [heading]
