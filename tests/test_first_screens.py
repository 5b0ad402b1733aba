"""What a citizen sees first, and whom to ask: the home page leads with what comes next, the column with
its newest articles, the documents index with the site's own province (and filters that work in the page);
every page says who runs the site, how to reach it as far as that is verified, and how to send feedback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from conftest import PAGE_TYPES, build_env, copy_project, mkdocs_build, read_page, replace, text_of
from test_messages import problems

from congbo import pages

OWNER = "so-y-te-lang-son"
CONTACT = """  contact:
    portal: https://so-y-te.example.gov.vn/
    address: "Số 1 đường Thử, phường Thử, tỉnh Lạng Sơn"
    phone: "0205 3000 000"
    email: lien-he@example.gov.vn
    hours: "Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu"
    sources:
      - kind: cong-thong-tin
        name: Cổng thử
        url: https://so-y-te.example.gov.vn/lien-he
"""


def with_contact(project: Path, contact: str = CONTACT) -> Path:
    """The owner's contact replaced by a full one the test makes (fictitious, on .example.gov.vn)."""
    path = project / "data/organisations.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {OWNER}\n")
    end = text.index("\n- id: ", start + 1)
    block = re.sub(r"\n  # .*?(?=\n  contact:)", "", text[start:end], flags=re.S)
    block = block[: block.index("  contact:")] if "  contact:" in block else block + "\n"
    path.write_text(text[:start] + block + contact + text[end:], encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory) -> Path:
    project = with_contact(copy_project(tmp_path_factory.mktemp("contact") / "project"))
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_page_shows_the_owners_verified_contact_in_its_footer(contact_site):
    for name in ("home", "plan", "article", "calendar", "404"):
        path = contact_site / ("404.html" if name == "404" else PAGE_TYPES[name] + "index.html")
        footer = text_of(lxml.html.fromstring(path.read_text(encoding="utf-8")).xpath("//address[@class='cb-footer__body']")[0])
        for fact in (
            "Sở Y tế tỉnh Lạng Sơn",
            "Số 1 đường Thử",
            "0205 3000 000",
            "lien-he@example.gov.vn",
            "Sáng 7:30–11:30",
            "https://so-y-te.example.gov.vn/",
        ):
            assert fact in footer, (name, fact)


def test_the_owners_page_and_the_press_page_show_the_contact_with_its_source(contact_site):
    for url in (f"co-quan/{OWNER}/", "bao-chi/"):
        page = read_page(contact_site, url)
        [block] = page.xpath("//div[@class='cb-contact'][.//a[starts-with(@href, 'tel:')]]")
        text = text_of(block)
        assert "Địa chỉ: Số 1 đường Thử" in text and "Giờ làm việc: Sáng 7:30–11:30" in text
        assert block.xpath(".//a[@href='https://so-y-te.example.gov.vn/lien-he']"), url  # where it was verified
    assert read_page(contact_site, f"co-quan/{OWNER}/").xpath("//h2[@id='lien-he']")


def test_feedback_is_a_message_carrying_the_pages_address_when_only_an_email_is_known(contact_site):
    page = read_page(contact_site, PAGE_TYPES["plan"])
    [link] = page.xpath("//p[@class='cb-footer__feedback']/a")
    assert link.text_content() == "Góp ý về trang này"
    href = urlsplit(link.get("href"))
    assert href.scheme == "mailto" and href.path == "lien-he@example.gov.vn"
    query = parse_qs(href.query)
    assert query["subject"][0].startswith("Góp ý về trang: ")
    assert "https://danso.langson.gov.vn/" + PAGE_TYPES["plan"] in query["body"][0]


def test_feedback_goes_to_the_repositorys_issue_form_when_its_address_is_set(tmp_path):
    project = with_contact(copy_project(tmp_path / "project"))
    replace(
        project,
        "data/site.yml",
        "owner: so-y-te-lang-son\n",
        "owner: so-y-te-lang-son\nrepository: https://github.com/example-owner/example-repo\n",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    [link] = read_page(tmp_path / "site", PAGE_TYPES["calendar"]).xpath("//p[@class='cb-footer__feedback']/a")
    href = urlsplit(link.get("href"))
    assert f"{href.scheme}://{href.netloc}{href.path}" == "https://github.com/example-owner/example-repo/issues/new"
    assert "https://danso.langson.gov.vn/lich/" in parse_qs(href.query)["body"][0]


def test_without_an_email_or_a_repository_feedback_goes_to_the_owners_contact(built_site):
    [link] = read_page(built_site, PAGE_TYPES["plan"]).xpath("//p[@class='cb-footer__feedback']/a")
    assert link.get("href").endswith(f"co-quan/{OWNER}/#lien-he")


def check_output(project: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "congbo", "check", str(project)], cwd=project, env=build_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_check_gives_a_notice_while_the_owners_contact_is_not_complete(tmp_path):
    partial = with_contact(
        copy_project(tmp_path / "partial"),
        CONTACT.replace('    phone: "0205 3000 000"\n', "").replace(
            '    hours: "Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu"\n', ""
        ),
    )
    notice = [line for line in check_output(partial).splitlines() if "chưa có" in line and "organisations.yml" in line]
    assert len(notice) == 1 and "chưa có điện thoại, giờ làm việc trong data/organisations.yml" in notice[0]
    complete = with_contact(copy_project(tmp_path / "complete"))
    assert "mục contact" not in check_output(complete)


def test_a_contact_needs_its_source_and_something_to_say(tmp_path):
    project = with_contact(copy_project(tmp_path / "project"), "  contact:\n    portal: https://so-y-te.example.gov.vn/\n")
    assert any("contact.sources" in p or "sources: thiếu trường bắt buộc" in p for p in problems(project)), problems(project)
    project = with_contact(copy_project(tmp_path / "other"), "  contact:\n    sources:\n      - {kind: ban-tin, name: Báo}\n")
    assert any("ghi ít nhất một trong: portal, address, phone, email, hours" in p for p in problems(project))


# --- first screens ------------------------------------------------------------------------


def test_the_home_page_leads_with_what_comes_next(built_site):
    page = read_page(built_site, "")
    [h1] = page.xpath("//article//h1")
    assert "cb-visually-hidden" in h1.get("class")  # the header already shows the site's name
    assert [h.get("id") for h in page.xpath("//article//h2")] == ["sap-toi", "ke-hoach", "bai-moi", "gioi-thieu"]


def test_the_column_index_opens_with_its_newest_articles(built_site):
    page = read_page(built_site, "chuyen-muc/")
    article = page.xpath("//article")[0]
    children = [c for c in article.iterchildren() if c.tag in ("h2", "ul", "ol", "p", "div")]
    first_list = next(i for i, c in enumerate(children) if c.tag in ("ul", "ol"))
    feeds = next(i for i, c in enumerate(children) if "Theo dõi" in c.text_content())
    assert children[first_list - 1].get("id") == "bai-moi" and feeds > first_list
    assert "RSS" in children[feeds].text_content()


def test_the_documents_index_puts_the_sites_own_province_first(site):
    page = pages.render_documents_index(site)
    order = re.findall(r'<h2 id="([^"]+)"', page.html)
    province = site.organisation[site.info.owner].province
    own = [o for o in order if site.organisation[o].province == province]
    assert own and order[: len(own)] == own
    assert order == sorted(order, key=lambda o: pages.issuer_order(site, site.organisation[o]))


@pytest.mark.browser
def test_the_documents_index_filters_in_the_page(site_url, browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + "ke-hoach/", wait_until="load")
        assert page.locator("[data-cb-filter]").is_visible()
        year = page.locator("select[data-cb-filter-by='year']")
        expected = sum(1 for p in site.documents if p.date.year == 2024)
        assert f"2024 ({expected})" in year.inner_text()
        year.select_option("2024")
        shown = page.locator("li[data-year]:visible")
        assert shown.count() == expected and all(y == "2024" for y in shown.evaluate_all("els => els.map(e => e.dataset.year)"))
        assert page.locator("[data-cb-filter-count]").inner_text() == f"Đang hiện {expected} trên {len(site.documents)} văn bản."
        page.locator("select[data-cb-filter-by='level']").select_option("Trung ương")
        central = sum(1 for p in site.documents if p.date.year == 2024 and site.organisation[p.issuer].level == "trung-uong")
        assert page.locator("li[data-year]:visible").count() == central
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_document_pages_carry_no_editorial_process_notes(built_site, site):
    for document in site.documents:
        text = text_of(read_page(built_site, f"ke-hoach/{document.id}/").xpath("//article")[0])
        assert "không tự điền" not in text and "không để trống như một bản nháp" not in text, document.id
