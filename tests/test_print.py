"""A plan prints on A4 like the paper document: Chromium's own PDF, read back with poppler's pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import OUTPUT, PAGE_TYPES

pytestmark = pytest.mark.browser
MM = 72 / 25.4  # PDF points per millimetre


def pdf_pages(path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext not found: the test command installs Debian's poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="module")
def printed_document(browser, site_url):
    context = browser.new_context(locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE_TYPES["plan"], wait_until="networkidle")
        OUTPUT.mkdir(exist_ok=True)
        path = OUTPUT / "plan-print.pdf"
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=False)
        page.emulate_media(media="print")
        style = page.evaluate("""() => {
            const p = document.querySelector('.vb-title'), s = getComputedStyle(p);
            const link = document.querySelector('.md-typeset a[href*="co-quan"]') || document.querySelector('.md-typeset a');
            return {family: s.fontFamily, size: s.fontSize, color: s.color, link: getComputedStyle(link).color,
                    linkLine: getComputedStyle(link).textDecorationLine,
                    table: getComputedStyle(document.querySelector('table.cb-duties')).breakInside};
        }""")
        return path, pdf_pages(path), style
    finally:
        context.close()


def test_plan_prints_on_a_few_a4_pages_with_the_heading_block_first(printed_document):
    path, pages, _ = printed_document
    assert 4 <= len(pages) <= 12, len(pages)
    first = re.sub(r"\s+", " ", pages[0])
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"):
        assert line in first, line
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width / MM), round(height / MM)) == (210, 297)


def test_printed_plan_has_no_site_around_it(printed_document):
    _, pages, _ = printed_document
    text = re.sub(r"\s+", " ", " ".join(pages))
    for words in ("Trang chủ", "Chuyên mục", "Tìm kiếm", "Mục lục", "Chia sẻ", "Bài viết liên quan", "Lên đầu trang", "Báo chí liên hệ"):
        assert words not in text, words
    assert "Bảng phân công thực hiện" in text  # the duties stay


def test_printed_plan_looks_like_the_paper_document(printed_document):
    _, pages, style = printed_document
    assert style["family"].startswith('"Times New Roman"')
    assert style["size"] in ("17.3333px", "17.33px")  # 13 pt
    assert style["color"] == "rgb(0, 0, 0)" and style["link"] == "rgb(0, 0, 0)" and style["linkLine"] == "none"
    assert style["table"] == "avoid"


def test_printed_plan_keeps_the_decree_margins(printed_document):
    path, _, _ = printed_document
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        tuple(float(v) for v in m) for m in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes)
    ]
    assert words
    left, top = min(w[0] for w in words) / MM, min(w[1] for w in words) / MM
    right, bottom = 210 - max(w[2] for w in words) / MM, 297 - max(w[3] for w in words) / MM
    assert 29.5 <= left <= 36, left  # 30 mm, less a glyph's side bearing
    assert 20 <= top <= 26, top
    assert right >= 15, right
    assert bottom >= 19, bottom


PUBLIC = "https://danso.langson.gov.vn/"  # data/site.yml's url: the canonical address the printout names


@pytest.mark.parametrize(
    "name, status",
    [
        ("plan", "Đã kết thúc: thời hạn cuối cùng của các hoạt động là ngày 26/12/2021."),
        ("plan-bac-giang", None),
        ("article", None),
        ("calendar", None),
    ],
)
def test_a_printout_names_its_address_the_day_it_was_printed_and_the_status(browser, site_url, name, status):
    """The reader's day (the browser's clock set to 05/01/2027, not the build's 20/11/2026), written at
    beforeprint by docs/assets/page.js; a document's status line as the page states it."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2027-01-05T10:00:00+07:00")
        page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
        path = OUTPUT / f"{name}-print.pdf"
        OUTPUT.mkdir(exist_ok=True)
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=False)
    finally:
        context.close()
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(path)))
    assert f"Trang: {PUBLIC}{PAGE_TYPES[name]}" in re.sub(r"(?<=/) ", "", text), text[-400:]  # a long address may wrap
    assert "In ngày 05/01/2027" in text
    if status:
        assert status in text
    elif name == "plan-bac-giang":
        assert re.search(r"(Đang thực hiện|Đã kết thúc|Đã qua các thời hạn đã biết|Chưa rõ thời hạn|không ghi thời hạn)", text)
