"""The column "Dân số và phát triển": article pages at their fixed id, listings, archive, categories,
scheduled publishing, link previews, the press page, and editors' front-matter mistakes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html
from PIL import Image

from congbo import blocks, column, urls
from congbo.errors import DataError
from congbo.load import load_site
from congbo.models import Contact
from congbo.scalars import VN_TZ
from conftest import FIXTURE, copy_project, mkdocs_build

TODAY = dt.date(2026, 11, 20)
SCHEDULED = "thang-hanh-dong-dan-so-2026"
BASE = "https://danso.langson.gov.vn/"


def page(built: Path, url: str):
    return html.fromstring((built / url / "index.html").read_bytes())


def article_of(tree):
    return tree.xpath("//article")[0]


def resolve(built: Path, here: str, href: str) -> Path:
    """The file a relative link on the page at ``here`` points to."""
    target = urlsplit(urljoin(BASE + here, href)).path.lstrip("/")
    return built / target / "index.html" if target.endswith("/") or not target else built / target


# --- the sample ------------------------------------------------------------------------


def test_sample_column_has_enough_articles_over_the_years(site):
    dates = [a.meta.date for a in site.articles]
    assert len(site.published_articles) >= 8
    assert {d.year for d in dates} >= {2021, 2022, 2023, 2024, 2025, 2026}
    assert any(d > dt.datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ) for d in dates), "one article must be scheduled after the test build date"
    for record in site.articles:
        meta = record.meta
        assert meta.plans or meta.observances or meta.events, meta.id
        if meta.image:
            with Image.open(FIXTURE / "docs" / meta.image.file) as info:
                assert info.size == (meta.image.width, meta.image.height)


# --- article pages -----------------------------------------------------------------------


def test_articles_are_served_at_their_id_not_their_file_name(built_site, site):
    for record in site.published_articles:
        assert (built_site / urls.article(record.meta.id) / "index.html").is_file(), record.meta.id
        source_dir = Path(record.src_uri).with_suffix("")
        assert not (built_site / source_dir).exists(), f"{record.src_uri} also built at its file name"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{BASE}bai-viet/ngay-dan-so-the-gioi-11-7/" in sitemap


def test_scheduled_article_waits_for_its_day(built_site, site):
    scheduled = next(a for a in site.articles if a.meta.id == SCHEDULED)
    assert scheduled not in site.published_articles
    assert not (built_site / urls.article(SCHEDULED)).exists()
    assert not (built_site / scheduled.meta.image.file).exists(), "the scheduled article's picture leaked"
    title = scheduled.meta.title
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt", ".ics"):
            text = path.read_text(encoding="utf-8")
            assert title not in text and SCHEDULED not in text, path


def test_scheduled_article_appears_on_its_day(site):
    later = dataclasses.replace(site, today=dt.date(2026, 12, 1))
    assert later.published_articles[0].meta.id == SCHEDULED
    assert SCHEDULED in column.render_column_pages(later)[urls.src_of(urls.COLUMN)].html


def test_article_header_image_and_related_records(built_site, site):
    record = next(a for a in site.articles if a.meta.id == "vi-sao-26-12-la-ngay-dan-so-viet-nam")
    here = urls.article(record.meta.id)
    body = article_of(page(built_site, here))
    assert body.xpath("string(.//h1)").startswith(record.meta.title)
    times = body.xpath(".//div[contains(@class, 'cb-article__meta')]//time/@datetime")
    assert times == ["2021-12-24T08:00:00+07:00", "2021-12-27T09:00:00+07:00"]
    meta_text = body.xpath("string(.//div[contains(@class, 'cb-article__meta')])")
    assert "08:00, Thứ Sáu, 24/12/2021" in meta_text and "Ban biên tập" in meta_text and "Kiến thức dân số" in meta_text
    category_href = body.xpath(".//div[contains(@class, 'cb-article__meta')]//a/@href")[0]
    assert resolve(built_site, here, category_href) == built_site / "chuyen-muc/kien-thuc/index.html"

    figure = body.xpath(".//figure[contains(@class, 'cb-article__image')]")[0]
    img = figure.xpath(".//img")[0]
    image_file = resolve(built_site, here, img.get("src"))
    with Image.open(image_file) as info:
        assert (img.get("width"), img.get("height")) == (str(info.width), str(info.height))
    caption = figure.xpath("string(.//figcaption)")
    assert record.meta.image.caption in caption and record.meta.image.credit in caption
    assert img.get("alt") == record.meta.image.caption

    assert len(body.xpath(".//h1")) == 1
    related = body.xpath(".//ul[contains(@class, 'cb-article__related')]//a")
    targets = {resolve(built_site, here, a.get("href")).relative_to(built_site).as_posix() for a in related}
    assert targets == {
        "ngay-ky-niem/ngay-dan-so-viet-nam/index.html",
        "ngay-ky-niem/thang-hanh-dong-dan-so/index.html",
        "su-kien/han-ky-niem-60-nam-cap-tinh-lang-son-2021/index.html",
    }
    assert all((built_site / t).is_file() for t in targets)
    assert body.xpath("string(.//blockquote)").strip().startswith("Về số hiệu quyết định."), "the editor's Markdown body is rendered"


def test_editor_links_in_the_body_follow_the_article_to_its_new_address(built_site):
    here = "bai-viet/ngay-dan-so-the-gioi-11-7/"
    link = article_of(page(built_site, here)).xpath(".//a[text()='trang Ngày Dân số Thế giới']")[0]
    assert link.get("href") == "../../ngay-ky-niem/ngay-dan-so-the-gioi/"
    assert resolve(built_site, here, link.get("href")).is_file()


def test_link_preview_and_schema_org_on_an_article(built_site):
    tree = page(built_site, "bai-viet/ngay-dan-so-the-gioi-11-7")
    og = {m.get("property"): m.get("content") for m in tree.xpath("//head/meta[@property]")}
    assert og["og:type"] == "article"
    assert og["og:title"] == "Ngày Dân số Thế giới 11/7 và chủ đề năm 2024"
    assert og["og:url"] == f"{BASE}bai-viet/ngay-dan-so-the-gioi-11-7/"
    assert og["og:image"] == f"{BASE}chuyen-muc/anh/11-7-ngay-dan-so-the-gioi.png"
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:description"].startswith("Ngày 11/7 hằng năm là Ngày Dân số Thế giới")
    assert tree.xpath("//head/meta[@name='description']/@content")[0] == og["og:description"]
    data = json.loads(tree.xpath("//head/script[@type='application/ld+json']/text()")[0])
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-07-10T08:00:00+07:00"
    home = html.fromstring((built_site / "index.html").read_bytes())
    assert home.xpath("//head/meta[@property='og:image']/@content") == [f"{BASE}chuyen-muc/anh/chia-se.png"]


def test_every_page_head_announces_one_feed(built_site):
    """One <link rel="alternate"> a page: Material fetches sitemap.xml for each (see channels.discovery_links)."""
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        tree = html.fromstring(path.read_bytes())
        here = path.relative_to(built_site).as_posix().removesuffix("index.html")
        found = [
            (link.get("type"), resolve(built_site, here, link.get("href")).relative_to(built_site).as_posix())
            for link in tree.xpath("//head/link[@rel='alternate']")
        ]
        assert len(found) == 1, path
        assert found[0][0] == "application/rss+xml" and (built_site / found[0][1]).is_file(), (path, found)
    category = html.fromstring((built_site / "chuyen-muc/chinh-sach/index.html").read_bytes())
    own = category.xpath("//head/link[@rel='alternate']")
    assert [(link.get("type"), link.get("href")) for link in own] == [("application/rss+xml", "../../rss-chinh-sach.xml")]
    assert own[0].get("title") == "Chính sách — Dân số và phát triển (RSS)"
    home = html.fromstring((built_site / "index.html").read_bytes())
    assert home.xpath("//head/link[@rel='alternate']/@href") == ["rss.xml"]


# --- listings ---------------------------------------------------------------------------


def listed(built: Path, url: str) -> list[str]:
    """Article ids listed on a page, in order."""
    tree = page(built, url)
    hrefs = tree.xpath("//ul[contains(@class, 'cb-articles')]//a[contains(@class, 'cb-list__title')]/@href")
    return [urlsplit(urljoin(BASE + url, h)).path.strip("/").split("/")[-1] for h in hrefs]


def test_column_landing_lists_newest_first(built_site, site):
    ids = listed(built_site, "chuyen-muc/")
    assert ids == [a.meta.id for a in site.published_articles][: column.PAGE_SIZE]
    dates = {a.meta.id: a.meta.date for a in site.articles}
    assert [dates[i] for i in ids] == sorted((dates[i] for i in ids), reverse=True)


def test_category_pages_hold_their_own_articles(built_site, site):
    for category in site.info.column.categories:
        expected = [a.meta.id for a in site.published_articles if a.meta.category == category.id]
        assert listed(built_site, urls.category_page(category.id)) == expected
        assert (built_site / urls.column_feed("rss", category.id)).is_file()


def test_archive_by_year_and_month(built_site, site):
    index = page(built_site, "chuyen-muc/luu-tru")
    month_links = index.xpath("//article//a[starts-with(text(), 'Tháng')]/@href")
    by_year: dict[int, list[str]] = {}
    for a in site.published_articles:
        by_year.setdefault(a.meta.date.year, []).append(a.meta.id)
    assert set(month_links) == {f"{a.meta.date.year}/#thang-{a.meta.date.month:02d}" for a in site.published_articles}
    for year, ids in by_year.items():
        assert listed(built_site, urls.archive_year(year)) == ids
        tree = page(built_site, urls.archive_year(year))
        for a in site.published_articles:
            if a.meta.date.year == year:
                section = tree.xpath(f"//h2[@id='thang-{a.meta.date.month:02d}']/following-sibling::ul[1]//a/@href")
                assert f"../../../bai-viet/{a.meta.id}/" in section
    assert not (built_site / "chuyen-muc/luu-tru/2027").exists()


def test_related_articles_on_plan_observance_and_event_pages(built_site):
    document = page(built_site, "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son")
    section = document.xpath("//h2[@id='bai-viet-lien-quan']/following-sibling::ul[1]//a/@href")
    assert "../../bai-viet/lang-son-ke-hoach-60-nam-dan-so/" in section
    assert "../../bai-viet/lien-hoan-tuyen-truyen-vien-dan-so-2021/" in section
    observance = page(built_site, "ngay-ky-niem/ngay-dan-so-the-gioi")
    assert "../../bai-viet/ngay-dan-so-the-gioi-11-7/" in observance.xpath("//a/@href")


def many_articles(site, count: int):
    """The sample's articles cloned ``count`` times over, with distinct ids and dates."""
    base = site.published_articles[0]
    records = []
    for i in range(count):
        meta = base.meta.model_copy(
            update={"id": f"bai-{i:04d}", "date": base.meta.date - dt.timedelta(days=i), "category": "kien-thuc" if i % 3 else "chinh-sach"}
        )
        records.append(dataclasses.replace(base, meta=meta, src_uri=f"chuyen-muc/bai-{i:04d}.md"))
    return dataclasses.replace(site, articles=tuple(records))


def test_listings_are_paginated_and_every_article_is_listed_once(site):
    big = many_articles(site, 45)
    pages = column.render_column_pages(big)
    assert {urls.src_of(urls.column_page(n)) for n in (1, 2, 3)} <= set(pages)
    assert urls.src_of(urls.column_page(4)) not in pages
    listing_pages = [pages[urls.src_of(urls.column_page(n))].source for n in (1, 2, 3)]
    seen = [m for text in listing_pages for m in re.findall(r'href="[./]*bai-viet/(bai-\d+)/"', text)]
    assert seen == [f"bai-{i:04d}" for i in range(45)]
    second = listing_pages[1]
    assert 'rel="prev" href="../"' in second and 'rel="next" href="../trang-3/"' in second
    assert "search:\n  exclude: true" in second and "search:" not in listing_pages[0]
    assert urls.src_of(urls.column_page(2, "kien-thuc")) in pages  # 30 articles in that category
    assert urls.src_of(urls.column_page(2, "chinh-sach")) not in pages  # 15


def test_pager_shows_a_window_not_every_page(site):
    listing = column.paginate([None] * (column.PAGE_SIZE * 100), urls.column_page)[49]
    numbers = [n for n, _ in column.pager(listing)]
    assert numbers == [1, None, 48, 49, 50, 51, 52, None, 100]


# --- the press page ---------------------------------------------------------------------


def test_press_page_lists_feeds_reuse_terms_and_contact(built_site, site):
    tree = page(built_site, "bao-chi")
    text = article_of(tree).text_content()
    for path in ("rss.xml", "atom.xml", "feed.json", "rss-kien-thuc.xml", "rss-ke-hoach.xml", "atom-ke-hoach.xml"):
        assert BASE + path in text, path
        assert (built_site / path).is_file()
    assert " ".join(site.info.column.reuse.split()) in " ".join(text.split())
    # The sample body has published no press contact: the page says so and names nobody.
    assert site.info.contact is None
    assert "Sở Y tế tỉnh Lạng Sơn chưa công bố đầu mối liên hệ báo chí trên trang này." in " ".join(text.split())
    assert "ttl" in text and "60 phút" in text
    assert {"nguon-tin", "khi-nao-thay-doi", "moi-muc-tin", "dang-lai", "lien-he"} <= set(tree.xpath("//h2/@id"))


# --- editors' mistakes ------------------------------------------------------------------

ARTICLE = "docs/chuyen-muc/2024/ngay-dan-so-the-gioi.md"
OTHER = "docs/chuyen-muc/2025/nguoi-cao-tuoi.md"
FAMILY = "docs/chuyen-muc/2025/ngay-gia-dinh-viet-nam.md"
FIRST = "docs/chuyen-muc/2021/ke-hoach-ky-niem-60-nam.md"
PICTURE = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"


def edit(root: Path, rel: str, old: str, new: str) -> str:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_bad_front_matter_gives_vietnamese_file_line_messages_and_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    expected = []
    text = edit(project, ARTICLE, "date: 2024-07-10 08:00 +07:00\n", "")
    expected.append(f"{ARTICLE}:{line_of(text, 'id:')}:1: date: thiếu trường bắt buộc 'date'")
    text = edit(project, OTHER, "date: 2025-09-30 08:00 +07:00", "date: 2025-09-30 08:00")
    expected.append(
        f"{OTHER}:{line_of(text, 'date:')}:1: date: thời điểm '2025-09-30 08:00' thiếu múi giờ; hãy thêm ' +07:00' (ví dụ 2024-07-11 "
        f"08:00 +07:00)"
    )
    text = edit(project, FAMILY, "category: kien-thuc", "category: kien-thuc-dan-so")
    expected.append(
        f"{FAMILY}:{line_of(text, 'category:')}:1: category: không có chuyên mục con 'kien-thuc-dan-so'; chọn một trong: tin-hoat-dong, "
        f"chinh-sach, guong-dien-hinh, kien-thuc"
    )
    text = edit(project, FIRST, "id: lang-son-ke-hoach-60-nam-dan-so", "id: lien-hoan-tuyen-truyen-vien-dan-so-2021")
    # Files are read in path order: the first of the two keeps the id, the second is flagged.
    expected.append(
        f"docs/chuyen-muc/2021/lien-hoan-tuyen-truyen-vien.md:2:1: id: mã bài 'lien-hoan-tuyen-truyen-vien-dan-so-2021' đã dùng cho bài "
        f"{FIRST}"
    )
    text = edit(project, PICTURE, "file: chuyen-muc/anh/bieu-duong-co-so.png", "file: chuyen-muc/anh/bieu-duong.png")
    expected.append(f"{PICTURE}:{line_of(text, 'file:')}:3: image.file: không tìm thấy tệp ảnh docs/chuyen-muc/anh/bieu-duong.png")

    with pytest.raises(DataError) as caught:
        load_site(project, today=TODAY, docs_dir=project / "docs")
    assert sorted(str(p) for p in caught.value.problems) == sorted(expected)

    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    for message in expected:
        assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "rss.xml").exists()


def test_an_article_with_a_field_error_still_has_its_references_checked(tmp_path):
    """One run shows every mistake of the file: a missing date does not hide a dangling reference,
    and a field that is wrong in itself gets one message, not two."""
    project = tmp_path / "p"
    copy_project(project)
    edit(project, ARTICLE, "date: 2024-07-10 08:00 +07:00\n", "")
    edit(project, ARTICLE, "category: kien-thuc", "category: kien-thuc-dan-so")
    text = edit(project, ARTICLE, "plans: [ke-hoach-nghi-quyet-21-khcn-bac-giang]", "plans: [ke-hoach-nghi-quyet-21]")
    edit(project, OTHER, "date: 2025-09-30 08:00 +07:00\n", "")
    other = edit(project, OTHER, "category: kien-thuc", "category: Kiến thức")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TODAY, docs_dir=project / "docs")
    problems = sorted(str(p) for p in caught.value.problems)
    in_article = [p for p in problems if p.startswith(ARTICLE)]
    assert [p.split(": ", 1)[0].rsplit(":", 2)[0] for p in in_article] == [ARTICLE] * 3
    assert any(f":{line_of(text, 'category:')}:1: category: không có chuyên mục con 'kien-thuc-dan-so'" in p for p in in_article)
    assert any(f":{line_of(text, 'plans:')}:" in p and "không có văn bản mã 'ke-hoach-nghi-quyet-21'" in p for p in in_article)
    in_other = [p for p in problems if p.startswith(OTHER)]
    assert len(in_other) == 2 and sum("category:" in p for p in in_other) == 1
    assert f"{OTHER}:{line_of(other, 'category:')}:" in next(p for p in in_other if "category:" in p)


def test_stated_image_size_must_be_the_real_one(tmp_path):
    project = tmp_path / "p"
    copy_project(project)
    text = edit(project, ARTICLE, "  width: 1200\n", "  width: 1000\n")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TODAY, docs_dir=project / "docs")
    assert [str(p) for p in caught.value.problems] == [
        f"{ARTICLE}:{line_of(text, 'width:')}:3: image.width: ảnh docs/chuyen-muc/anh/11-7-ngay-dan-so-the-gioi.png được đăng rộng 1200 × "
        f"cao 630 "
        "điểm ảnh (đã xoay theo chiều chụp và thu nhỏ nếu rộng quá 1.600), nhưng ghi width: 1000, height: 630; hãy ghi width: 1200, "
        "height: 630"
    ]


def test_image_outside_docs_and_reserved_category_ids_are_refused(tmp_path):
    project = tmp_path / "p"
    copy_project(project)
    edit(project, ARTICLE, "file: chuyen-muc/anh/11-7-ngay-dan-so-the-gioi.png", "file: ../data/site.yml")
    edit(project, "data/site.yml", "- id: guong-dien-hinh", "- id: luu-tru")
    edit(project, "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md", "category: guong-dien-hinh", "category: luu-tru")
    with pytest.raises(DataError) as caught:
        load_site(project, today=TODAY, docs_dir=project / "docs")
    messages = [p.message for p in caught.value.problems]
    assert "đường dẫn tệp không có phần trống, '.' hay '..' (tệp phải nằm trong thư mục docs/), nhận được '../data/site.yml'" in messages
    assert any("mã chuyên mục 'luu-tru' trùng địa chỉ dành cho trang lưu trữ" in m for m in messages)


def test_a_published_press_contact_is_shown_with_its_links(site):
    contact = Contact(name="Nguyễn Văn A", role="Chuyên viên", phone="0200 0000 000", email="baochi@vi-du.vn")
    with_contact = dataclasses.replace(site, info=site.info.model_copy(update={"contact": contact}))
    html = blocks.press_contact(with_contact, "bao-chi/")
    assert "Nguyễn Văn A" in html and 'href="tel:02000000000"' in html and 'href="mailto:baochi@vi-du.vn"' in html
    assert "chưa công bố" not in html
