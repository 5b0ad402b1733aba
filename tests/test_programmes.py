"""Programme pages: one per observance and year with plans or events."""

from __future__ import annotations

import dataclasses
import datetime as dt


from conftest import read_page, text_of
from congbo import agenda, blocks, programmes, urls
from congbo.models import Article
from congbo.site import ArticleRecord, Site

TODAY = dt.date(2026, 11, 20)  # conftest.TEST_EPOCH
LANG_SON = "ke-hoach-60-nam-dan-so-viet-nam-lang-son"
BAC_GIANG = "ke-hoach-nghi-quyet-21-khcn-bac-giang"


def _article(article_id: str, when: str, **links) -> ArticleRecord:
    meta = Article.model_validate(
        {
            "id": article_id,
            "title": f"Bài {article_id}",
            "date": when,
            "author": "Phóng viên",
            "category": "tin-hoat-dong",
            "summary": "Tóm tắt.",
            **links,
        }
    )
    return ArticleRecord(meta, f"chuyen-muc/{article_id}.md")


def test_every_observance_year_with_plans_or_events_has_a_programme(site):
    found = {p.id: p for p in site.programmes}
    assert found["ngay-dan-so-viet-nam-2021"].documents == (site.document[LANG_SON],)
    # The Bắc Giang plan of 03/2024 names seven observances: each gets its 2024 programme.
    assert {p.observance.id for p in found.values() if site.document[BAC_GIANG] in p.documents} == set(site.document[BAC_GIANG].observances)
    assert all(p.year == 2024 for p in found.values() if site.document[BAC_GIANG] in p.documents)
    # Quảng Nam's dispatch of 03/07/2024 and Long Xuyên's of 2024 (known to the year, so first) work towards the
    # same World Population Day.
    assert found["ngay-dan-so-the-gioi-2024"].documents == (
        site.document["cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024"],
        site.document[BAC_GIANG],
        site.document["cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024"],
    )
    assert "thang-hanh-dong-dan-so-2021" not in found  # no document or event names it


def test_programmes_are_made_once_with_the_site_and_refer_to_no_site(site):
    assert site.programmes is site.programmes  # pages, calendar files and lich.json read the one tuple
    other = dataclasses.replace(site, articles=())  # another site (as a test makes one) has its own
    assert other.programmes is not site.programmes and len(other.programmes) == len(site.programmes)
    for programme in site.programmes:
        assert not any(isinstance(getattr(programme, f.name), Site) for f in dataclasses.fields(programme))
    assert not hasattr(site, "derived")  # no cache to clear


def test_sixtieth_anniversary_is_computed_from_the_origin(site):
    vn = site.programme[("ngay-dan-so-viet-nam", 2021)]
    assert vn.anniversary == 60
    assert vn.title == "Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)"
    wpd = site.programme[("ngay-dan-so-the-gioi", 2024)]
    assert wpd.title == "Ngày Dân số Thế giới năm 2024"
    assert wpd.theme.theme == "Đầu tư cho công tác dân số là đầu tư cho phát triển bền vững"


def test_programme_year_follows_the_next_occurrence_after_the_plan(site):
    wpd = site.observance["ngay-dan-so-the-gioi"]
    assert agenda.programme_year(wpd, dt.date(2024, 3, 1)) == 2024
    assert agenda.programme_year(wpd, dt.date(2024, 8, 1)) == 2025
    assert agenda.programme_year(site.observance["ngay-dan-so-viet-nam"], dt.date(2021, 1, 1)) == 2021


def test_timeline_of_the_sixtieth_anniversary(site):
    vn = site.programme[("ngay-dan-so-viet-nam", 2021)]
    steps = [(s.kind, s.start.isoformat() if s.kind != "period" else s.end.isoformat(), s.title) for s in vn.timeline]
    assert steps[0][:2] == ("plan", "2021-01-01")
    assert [s[:2] for s in steps if s[0] == "deadline"] == [
        ("deadline", "2021-09-15"),
        ("deadline", "2021-10-01"),
        ("deadline", "2021-12-26"),
    ]
    assert steps[-1] == ("observance", "2021-12-26", "Ngày Dân số Việt Nam (ngày kỷ niệm)")
    assert (vn.start, vn.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 26))
    assert {e.id for e in vn.events} == {e.id for e in site.events if e.plan == LANG_SON}


def test_related_articles_are_those_of_its_plans_events_or_its_year(site):
    records = (
        _article("bai-ke-hoach", "2021-02-01 08:00 +07:00", plans=[LANG_SON]),
        _article("bai-su-kien", "2021-09-16 08:00 +07:00", events=["han-lien-hoan-cap-huyen-lang-son-2021"]),
        _article("bai-cung-nam", "2021-12-26 08:00 +07:00", observances=["ngay-dan-so-viet-nam"]),
        _article("bai-nam-khac", "2023-12-26 08:00 +07:00", observances=["ngay-dan-so-viet-nam"]),
        _article("bai-ngay-khac", "2021-03-20 08:00 +07:00", plans=[LANG_SON], observances=["ngay-quoc-te-hanh-phuc"]),
        _article("bai-ke-hoach-nam-sau", "2022-01-05 08:00 +07:00", plans=[LANG_SON]),
    )
    with_articles = dataclasses.replace(site, articles=records)
    vn = with_articles.programme[("ngay-dan-so-viet-nam", 2021)]
    assert [a.meta.id for a in vn.articles] == ["bai-cung-nam", "bai-su-kien", "bai-ke-hoach"]
    page = programmes.render_programme(with_articles, vn)
    assert [h["id"] for h in page.toc[0]["children"]][-1] == "bai-viet"
    text = page.html
    assert '<h2 id="bai-viet" data-search-exclude>Bài viết' in text and 'href="../../bai-viet/bai-cung-nam/"' in text


def test_world_population_day_2024_lists_no_later_article_about_another_observance(built_site, site):
    wpd = site.programme[("ngay-dan-so-the-gioi", 2024)]
    for article in wpd.articles:
        assert article.meta.date.year <= 2024, article.meta.id
        assert not article.meta.observances or "ngay-dan-so-the-gioi" in article.meta.observances, article.meta.id
    page = read_page(built_site, urls.programme("ngay-dan-so-the-gioi", 2024))
    listed = page.xpath("//h2[@id='bai-viet']/following-sibling::*//a/@href")
    assert "../../bai-viet/ngay-quoc-te-hanh-phuc-20-3/" not in listed
    assert "../../bai-viet/ngay-dan-so-the-gioi-11-7/" in listed


def test_programme_page(built_site):
    page = read_page(built_site, urls.programme("ngay-dan-so-viet-nam", 2021))
    assert text_of(page.find(".//h1")) == "Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)"
    meta = text_of(page.xpath("//div[contains(@class, 'cb-meta')]")[0])
    assert "Chủ nhật, ngày 26 tháng 12 năm 2021" in meta and "đã qua" in meta
    assert "kỷ niệm 60 năm tính từ ngày 26 tháng 12 năm 1961" in meta
    assert page.xpath(f"//h2[@id='ke-hoach']/following-sibling::ul[1]//a[@href='../../ke-hoach/{LANG_SON}/']")
    timeline = page.xpath("//h2[@id='moc-thoi-gian']/following-sibling::ol[1]/li")
    assert len(timeline) == 8
    assert all("cb-timeline__item--past" in li.get("class") for li in timeline)
    assert text_of(timeline[0]).startswith("Tháng 01/2021 Ban hành Kế hoạch tổ chức các hoạt động")
    assert timeline[1].xpath(".//a[@href='../../su-kien/han-lien-hoan-cap-huyen-lang-son-2021/']")
    assert page.xpath("//a[@href='../../lich/2021/#thang-12']")
    assert page.xpath("//a[@href='../../ngay-ky-niem/ngay-dan-so-viet-nam.ics'][@download]")


def test_theme_on_the_programme_page(built_site):
    page = read_page(built_site, urls.programme("ngay-dan-so-the-gioi", 2024))
    assert "“Đầu tư cho công tác dân số là đầu tư cho phát triển bền vững”" in text_of(page)


def test_reachable_from_the_observance_page(built_site):
    page = read_page(built_site, urls.observance("ngay-dan-so-viet-nam"))
    links = [(a.get("href"), text_of(a)) for a in page.xpath("//h2[@id='chuong-trinh']/following-sibling::ul[1]//a")]
    assert ("../../chuong-trinh/ngay-dan-so-viet-nam-2021/", "Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)") in links
    assert links[0][0].endswith("-2024/"), "newest first"
    # The observance page lists the events of its programmes' plans.
    assert page.xpath("//h2[@id='su-kien']/following-sibling::ul[1]//a[@href='../../su-kien/han-lien-hoan-cap-huyen-lang-son-2021/']")


def test_reachable_from_the_home_page_only_while_upcoming_or_under_way(site, built_site):
    during = blocks.next_observances(dataclasses.replace(site, today=dt.date(2021, 6, 1)), "")
    assert 'href="chuong-trinh/ngay-dan-so-viet-nam-2021/"' in during
    assert 'Kỷ niệm 60 năm Ngày Dân số Việt Nam (26/12/1961 – 26/12/2021)</a><span class="cb-list__meta">Đang diễn ra' in during
    # Three years ahead is not "upcoming" yet.
    assert "ngay-dan-so-the-gioi-2024" not in during
    before = blocks.next_observances(dataclasses.replace(site, today=dt.date(2024, 1, 10)), "")
    assert 'href="chuong-trinh/ngay-dan-so-the-gioi-2024/"' in before and "ngay-dan-so-viet-nam-2021" not in before
    after = blocks.next_observances(dataclasses.replace(site, today=dt.date(2021, 12, 27)), "")
    assert "ngay-dan-so-viet-nam-2021" not in after
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "chuong-trinh/" not in home  # at the test build date every programme is past
