"""Generated pages skip Markdown: their HTML must still read as if Markdown had written it.

Their headings are written by `congbo.render.heading`, their ids made unique and their table of contents read by
`congbo.render.outline`; these tests hold
it to what the toc extension configured in mkdocs.yml writes for hand-written pages, and check
that MkDocs still gets what it would have taken from Markdown (the table of contents, the ids
other pages may link to).
"""

from __future__ import annotations

import markdown
from conftest import ROOT, copy_project, mkdocs_build, read_page, text_of
from mkdocs.config import load_config

from congbo import urls
from congbo.render import heading, outline


def markdown_of_mkdocs_yml() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def test_headings_are_written_as_the_toc_extension_writes_them():
    md = markdown_of_mkdocs_yml()
    expected = md.convert(
        "# Kế hoạch: A & B “Dân số”\n\n## Bài viết { #bai-viet }\n\n### Năm 2021 { #nam-2021 }\n\n## Lưu trữ { #luu-tru }\n"
    )
    written, toc = outline(
        "\n".join(
            [
                heading(1, "Kế hoạch: A & B “Dân số”"),
                heading(2, "Bài viết", "bai-viet"),
                heading(3, "Năm 2021", "nam-2021"),
                heading(2, "Lưu trữ", "luu-tru"),
            ]
        )
    )
    assert written == expected

    def shape(tokens):
        return [(t["level"], t["id"], t["name"], shape(t["children"])) for t in tokens]

    assert shape(toc) == shape(md.toc_tokens)
    assert toc[0]["id"] == "ke-hoach-a-b-dan-so"


def test_a_repeated_title_slug_gets_the_same_suffix_as_markdown_gives_it():
    md = markdown_of_mkdocs_yml()
    expected = md.convert("# Lịch\n\n# Lịch\n")
    assert outline("\n".join([heading(1, "Lịch"), heading(1, "Lịch")]))[0] == expected


def test_generated_pages_keep_their_table_of_contents(built_site):
    page = read_page(built_site, urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"))
    toc = page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a[contains(@class, 'md-nav__link')]")
    entries = [(link.get("href"), text_of(link)) for link in toc]
    assert ("#muc-cac-hoat-dong", "II. CÁC HOẠT ĐỘNG HƯỚNG TỚI KỶ NIỆM 60 NĂM NGÀY DÂN SỐ VIỆT NAM") in entries
    assert ("#muc-tuyen-truyen", "1. Công tác tuyên truyền") in entries
    assert entries[-1][0] in ("#bang-phan-cong", "#moc-thoi-gian", "#bai-viet-lien-quan")
    # Nesting: the sub-section sits inside its section's list.
    nested = page.xpath("//nav[contains(@class, 'md-nav--secondary')]//li[a[@href='#muc-cac-hoat-dong']]//a[@href='#muc-tuyen-truyen']")
    assert nested


def test_links_into_generated_pages_are_checked_by_mkdocs(tmp_path):
    root = copy_project(tmp_path / "project")
    press = root / "docs" / "bao-chi.md"
    press.write_text(
        press.read_text(encoding="utf-8")
        + "\n[Dữ liệu của lịch](lich/index.md#du-lieu) · [Mục không có](ke-hoach/index.md#khong-co-muc-nay)\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "does not contain an anchor '#khong-co-muc-nay'" in result.stderr
    assert "#du-lieu" not in result.stderr


def test_generated_pages_are_in_the_built_search_index(built_site):
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    section = by_location["ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/#muc-tuyen-truyen"]
    assert section["title"] == "1. Công tác tuyên truyền"
    assert "co-quan/so-y-te-lang-son/" in by_location
    assert not any(location.startswith(urls.column_page(2)) for location in by_location)
    calendars = {location.split("#")[0] for location in by_location if location.startswith(urls.CALENDAR)}
    assert calendars == {urls.CALENDAR}  # this year's calendar; other years only repeat indexed pages
    assert (built_site / urls.calendar_year(2021, 2026) / "index.html").is_file()
    assert len(by_location) == len(index["docs"])  # each section once


def test_an_article_s_related_links_are_not_a_search_result(built_site, site):
    """'Liên quan' lists links to other pages: a search for its words must not return every article that has one."""
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    with_related = [a for a in site.published_articles if a.meta.plans or a.meta.observances or a.meta.events]
    assert with_related
    for record in with_related:
        page = (built_site / urls.article(record.meta.id) / "index.html").read_text(encoding="utf-8")
        assert '<h2 id="cb-lien-quan" data-search-exclude>Liên quan</h2>' in page  # the section is on the page
    assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith("#cb-lien-quan")]
    assert {urls.article(a.meta.id) for a in with_related} <= {doc["location"] for doc in index["docs"]}


LISTING_SECTIONS = ["#bang-phan-cong", "#moc-thoi-gian", "#bai-viet-lien-quan", "#hoat-dong", "#nhiem-vu", "#bai-viet", "#ke-hoach"]


def test_sections_that_only_list_other_pages_are_not_search_results(built_site, site):
    """A plan's duties table and timeline, an organisation's assignments, the articles listed under a plan:
    each record is found where it is written, once, not again on every page that lists it."""
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    generated = [loc for loc in locations if loc.split("#")[0]]  # the home page is written by hand
    assert not [loc for loc in generated if any(loc.endswith(anchor) for anchor in LISTING_SECTIONS)]
    document = urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son")
    assert {document, document + "#muc-tuyen-truyen", urls.organisation("so-y-te-lang-son")} <= locations
    page = (built_site / document / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="bang-phan-cong" data-search-exclude>' in page and '<h2 id="moc-thoi-gian" data-search-exclude>' in page
    titled = [a for a in site.published_articles if a.meta.plans]
    assert titled
    for record in titled:  # an article's title is a result on its own page only
        pages = {
            doc["location"].split("#")[0] for doc in index["docs"] if record.meta.title in doc["text"] or record.meta.title == doc["title"]
        }
        assert pages - {""} <= {urls.article(record.meta.id)}, (record.meta.title, pages)  # "" the home page's "Bài mới"


def test_a_heading_is_the_same_whatever_came_before_and_the_outline_makes_its_id_unique():
    """`heading` is pure (the same call gives the same HTML anywhere on any page); `outline` gives a repeated id,
    named or made from the text, the toc extension's suffix, rewriting the heading's permalink with it."""
    first = heading(2, "Kế hoạch", "ke-hoach")
    assert heading(2, "Kế hoạch", "ke-hoach") == first
    html, toc = outline("\n".join([first, heading(2, "Kế hoạch", "ke-hoach"), heading(3, "Kế hoạch", search=False)]))
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in toc] == [("ke-hoach", []), ("ke-hoach_1", ["ke-hoach_2"])]
    assert 'id="ke-hoach_1"' in html and 'href="#ke-hoach_1"' in html
    assert '<h3 id="ke-hoach_2" data-search-exclude>' in html and html.count('id="ke-hoach"') == 1
