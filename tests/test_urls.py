"""congbo.urls: every address the site publishes, site-relative, relative to a page, absolute, and webcal."""

from __future__ import annotations

import posixpath

import pytest

from congbo import urls


@pytest.mark.parametrize(
    ("target", "here", "link"),
    [
        ("ke-hoach/a/", "ke-hoach/b/", "../a/"),
        ("ke-hoach/a/", "ke-hoach/a/", "./"),
        ("ke-hoach/a/#hoat-dong-x", "ke-hoach/a/", "./#hoat-dong-x"),
        ("", "chuyen-muc/2021/bai/", "../../../"),
        ("lich.ics", "", "lich.ics"),
        ("co-quan/so-y-te/", "", "co-quan/so-y-te/"),
        ("assets/congbo.css", "chuyen-muc/", "../assets/congbo.css"),
    ],
)
def test_a_link_from_one_page_to_another_is_relative(target, here, link):
    assert urls.relative(target, here) == link


@pytest.mark.parametrize("here", ["", "a/", "a/b/", "a/b/c/", "x/y/"])
@pytest.mark.parametrize("target", ["a/", "a/b/c/", "x/", "f.xml", "a/b/f.json"])
def test_a_relative_link_leads_where_the_site_relative_one_does(target, here):
    """Resolved from the page's folder, the link reaches the target (what a browser does with it)."""
    resolved = posixpath.normpath(posixpath.join(here or ".", urls.relative(target, here)))
    assert resolved == posixpath.normpath(target)


def test_absolute_and_published_addresses_follow_the_sites_address():
    assert urls.absolute("https://danso.example.gov.vn/", "lich.ics") == "https://danso.example.gov.vn/lich.ics"
    assert urls.absolute("", "lich.ics") is None
    assert urls.published("https://danso.example.gov.vn", "van-ban.json") == "https://danso.example.gov.vn/van-ban.json"
    assert urls.published("", "van-ban.json") == "van-ban.json"


def test_the_calendar_subscription_is_the_ics_address_as_webcal():
    assert urls.webcal_url("https://danso.example.gov.vn/sub/") == f"webcal://danso.example.gov.vn/sub/{urls.ICS}"
    assert urls.webcal_url("") is None
