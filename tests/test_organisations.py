"""Organisations with level and place: the index grouped by level, province and kind; each page
saying where the body sits; classes of bodies ('Các sở, ban, ngành') as assignees whose work
reaches every member's page."""

from __future__ import annotations

import pytest
from conftest import TEST_TODAY, copy_project, read_page, replace, text_of, where
from lxml import html

from congbo import urls
from congbo.errors import DataError
from congbo.load import load_site
from congbo.models import LEVELS, ORGANISATION_KINDS
from congbo.outputs import render_all_pages
from congbo.pages import level_and_place, organisation_records, render_organisation
from congbo.texts import activity_time

# A commune level and a class of communes, added to a copy of the sample data (test records, not published).
COMMUNES = """
- id: ubnd-cac-xa-lang-son
  name: "Ủy ban nhân dân các xã, phường tỉnh Lạng Sơn"
  short_name: "UBND các xã, phường"
  kind: nhom
  level: xa
  province: "Lạng Sơn"
  members: {kind: ubnd, level: xa}

- id: ubnd-xa-thu-nghiem
  name: "Ủy ban nhân dân xã Thử Nghiệm"
  kind: ubnd
  level: xa
  province: "Lạng Sơn"
"""


def tree_of(source: str):
    page = html.fromstring(f"<div>{source.split('---', 2)[2]}</div>")
    for link in page.xpath("//a[@class='headerlink']"):
        link.drop_tree()
    return page


def pages_of(root) -> tuple:
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    return site, {src: tree_of(page.source) for src, page in render_all_pages(site, "https://x.invalid/").items()}


def index_groups(tree) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """The index as read: [(h2, [(h3, [organisation names])])]."""
    groups = []
    for heading in tree.xpath("//h2 | //h3"):
        if heading.tag == "h2":
            groups.append((text_of(heading), []))
        else:
            names = [text_of(a) for a in heading.xpath("following-sibling::ul[1]//a[@class='cb-list__title']")]
            groups[-1][1].append((text_of(heading), names))
    return groups


def test_the_built_index_groups_bodies_by_level_then_province_then_kind(site, built_site):
    groups = index_groups(read_page(built_site, urls.ORGANISATIONS))
    placed = {name: (place, kind) for place, kinds in groups for kind, names in kinds for name in names}
    assert sorted(placed) == sorted(site.name_of(o) for o in site.organisations), "every body listed once"
    for org in site.organisations:
        assert placed[site.name_of(org)] == (level_and_place(org), ORGANISATION_KINDS[org.kind]), org.id
    levels = [next(label for key, label in LEVELS.items() if place.startswith(label)) for place, _ in groups]
    assert levels == sorted(levels, key=list(LEVELS.values()).index), "levels in order: trung ương, tỉnh, huyện, xã"
    assert groups[0][0] == "Trung ương"
    home = site.organisation[site.info.owner].province
    assert groups[1][0] == f"Cấp tỉnh — {home}", "the site's own province comes first among the provinces"
    assert len({place for place, _ in groups}) == len(groups), "each province its own group"
    for _place, kinds in groups:
        order = [label for label in ORGANISATION_KINDS.values()]
        assert [k for k, _ in kinds] == sorted((k for k, _ in kinds), key=order.index), "kinds in the catalogue's order"


def test_district_bodies_are_grouped_as_before_1_july_2025_with_their_province(built_site):
    groups = dict(index_groups(read_page(built_site, urls.ORGANISATIONS)))
    district = groups["Cấp huyện (đến 30/6/2025) — Lạng Sơn"]
    assert ("Nhóm cơ quan", ["Ủy ban nhân dân các huyện, thành phố tỉnh Lạng Sơn"]) in district


def test_a_commune_level_comes_last_and_a_class_of_communes_lists_its_members(tmp_path):
    root = copy_project(tmp_path / "p")
    with (root / "data/organisations.yml").open("a", encoding="utf-8") as f:
        f.write(COMMUNES)
    _site, pages = pages_of(root)
    groups = index_groups(pages[urls.src_of(urls.ORGANISATIONS)])
    communes = [g for g in groups if g[0].startswith("Cấp xã — ")]
    assert groups[-len(communes) :] == communes, "the commune level comes last"
    assert communes[0] == (
        "Cấp xã — Lạng Sơn",
        [("Ủy ban nhân dân", ["Ủy ban nhân dân xã Thử Nghiệm"]), ("Nhóm cơ quan", ["Ủy ban nhân dân các xã, phường tỉnh Lạng Sơn"])],
    )
    group_page = pages[urls.src_of(urls.organisation("ubnd-cac-xa-lang-son"))]
    [members] = group_page.xpath("//h2[@id='trong-nhom']/following-sibling::ul[1]")
    assert [text_of(a) for a in members.xpath(".//a")] == ["Ủy ban nhân dân xã Thử Nghiệm"]
    member_page = pages[urls.src_of(urls.organisation("ubnd-xa-thu-nghiem"))]
    assert "Thuộc nhóm: Ủy ban nhân dân các xã, phường tỉnh Lạng Sơn" in text_of(member_page)


def test_each_page_shows_level_province_and_parent_linked_to_its_index_group(site, built_site):
    index = read_page(built_site, urls.ORGANISATIONS)
    anchors = {h.get("id"): text_of(h) for h in index.xpath("//h2")}
    for org in site.organisations:
        page = read_page(built_site, urls.organisation(org.id))
        [meta] = page.xpath("//div[@class='cb-meta']/p[1]")
        [place] = meta.xpath("a[contains(@href, '#')]")[:1]
        assert text_of(place) == level_and_place(org) and org.level and LEVELS[org.level] in text_of(place)
        if org.province:
            assert org.province in text_of(place)
        assert anchors[place.get("href").rsplit("#", 1)[1]] == text_of(place), "the link opens the body's group on the index"
        if org.parent:
            assert f"trực thuộc {site.organisation[org.parent].name}" in text_of(meta)


def test_a_member_page_lists_what_its_classes_were_given(site, built_site):
    checked = 0
    for group in (o for o in site.organisations if o.members):
        given = site.activities_of(group.id)
        for member in site.members_of(group.id):
            page = read_page(built_site, urls.organisation(member.id))
            rows = [text_of(tr) for tr in page.xpath("//table[@class='cb-duties']/tbody/tr")]
            for document, activity, _role in given:
                if member.active_on(document.date.first_day):
                    assert any(activity.name in r and f"qua nhóm {group.label}" in r for r in rows), (member.id, activity.id)
                    checked += 1
    assert checked >= 3, "the sample data gives work to classes with catalogued members"


def test_a_member_page_lists_the_sections_addressed_to_its_class(built_site):
    page = read_page(built_site, urls.organisation("so-tai-chinh-lang-son"))
    duties = [text_of(li) for li in page.xpath("//h2[@id='nhiem-vu']/following-sibling::ul[1]/li")]
    assert any(d.startswith("Mục IV.6") and d.endswith("qua nhóm Các sở, ban, ngành") for d in duties), duties


def test_a_body_ended_before_a_document_does_not_carry_its_class_work(tmp_path):
    root = copy_project(tmp_path / "p")
    # The 2021 plan gives work to 'Các sở, ban, ngành'; a department said to have ended in 2020 does not carry it.
    replace(root, "data/organisations.yml", "valid_until: 2025-02-28", "valid_until: 2020-12-31")
    _site, pages = pages_of(root)
    ended = text_of(pages[urls.src_of(urls.organisation("so-tttt-lang-son"))])
    current = text_of(pages[urls.src_of(urls.organisation("so-tai-chinh-lang-son"))])
    assert "qua nhóm Các sở, ban, ngành" in current
    assert "qua nhóm" not in ended


def test_a_class_page_says_it_stands_for_a_class(site, built_site):
    for group in (o for o in site.organisations if o.members):
        page = read_page(built_site, urls.organisation(group.id))
        assert "Đây là một nhóm cơ quan, không phải một cơ quan" in text_of(page)
        members = [text_of(a) for a in page.xpath("//h2[@id='trong-nhom']/following-sibling::ul[1]//a")]
        expected = sorted(m.name for m in site.members_of(group.id))
        if expected:
            assert sorted(members) == expected
        else:
            assert "Danh mục cơ quan chưa ghi riêng từng cơ quan trong nhóm này." in text_of(page)


def test_a_city_s_class_of_wards_and_communes_is_a_real_assignee_with_its_own_page(site, built_site):
    """The sample data's one class of commune People's Committees: 'UBND các phường, xã' of the city of
    Long Xuyên (a district-level unit of An Giang), given work by the city's 2024 dispatch."""
    doc = "cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024"
    groups = dict(index_groups(read_page(built_site, urls.ORGANISATIONS)))
    assert ("Nhóm cơ quan", ["Ủy ban nhân dân các phường, xã thuộc thành phố Long Xuyên, tỉnh An Giang"]) in groups["Cấp xã — An Giang"]
    assert ("Ủy ban nhân dân", ["Ủy ban nhân dân thành phố Long Xuyên, tỉnh An Giang"]) in groups["Cấp huyện (đến 30/6/2025) — An Giang"]
    page = read_page(built_site, urls.organisation("ubnd-cac-phuong-xa-long-xuyen"))
    said = text_of(page)
    assert (
        "mỗi cơ quan loại «Ủy ban nhân dân», cấp xã, ở thành phố Long Xuyên, An Giang, trực thuộc Ủy ban nhân dân thành phố Long Xuyên, "
        "tỉnh An Giang" in said
    )
    [row] = page.xpath("//table[@class='cb-duties']/tbody/tr")
    assert [text_of(td) for td in row.xpath("td")] == [
        "UBND các phường, xã treo băng rôn, biểu ngữ hưởng ứng ngày Dân số thế giới (11/7)",
        "Chủ trì",
        "Từ ngày 05 tháng 7 năm 2024; chưa rõ ngày kết thúc",
        "Văn bản về việc treo băng rôn, biểu ngữ hưởng ứng ngày Dân số thế giới (11/7) năm 2024",
    ]
    assert row.xpath("td[1]/a/@href") == [f"../../ke-hoach/{doc}/#hoat-dong-treo-bang-ron-phuong-xa"]
    assert [a.id for _document, a, role in site.activities_of("ubnd-cac-phuong-xa-long-xuyen")] == ["treo-bang-ron-phuong-xa"]
    issuer = read_page(built_site, urls.organisation("ubnd-long-xuyen"))
    assert "Cấp huyện (đến 30/6/2025) — An Giang · trực thuộc Ủy ban nhân dân tỉnh An Giang" in text_of(issuer)
    assert issuer.xpath(f"//a[@href='../../ke-hoach/{doc}/']")


MASS_ORGANISATIONS = """
- id: hoi-phu-nu-long-xuyen
  name: "Hội Liên hiệp Phụ nữ thành phố Long Xuyên"
  kind: mat-tran-doan-the
  level: huyen
  province: "An Giang"
  district: "Thành phố Long Xuyên"
  valid_until: 2025-06-30

- id: hoi-phu-nu-chau-doc
  name: "Hội Liên hiệp Phụ nữ thành phố Châu Đốc"
  kind: mat-tran-doan-the
  level: huyen
  province: "An Giang"
  district: "Thành phố Châu Đốc"
  valid_until: 2025-06-30
"""


def test_a_class_named_for_a_district_holds_only_the_bodies_of_that_district(tmp_path):
    """'Các đoàn thể thành phố Long Xuyên' has no parent (mass organisations answer to no People's
    Committee): its district, not its province alone, says which bodies it stands for."""
    root = copy_project(tmp_path / "p")
    with (root / "data/organisations.yml").open("a", encoding="utf-8") as f:
        f.write(MASS_ORGANISATIONS)
    site, pages = pages_of(root)
    assert [o.id for o in site.members_of("cac-doan-the-long-xuyen")] == ["hoi-phu-nu-long-xuyen"]
    assert [g.id for g in site.groups_of("hoi-phu-nu-chau-doc")] == []
    group = text_of(pages[urls.src_of(urls.organisation("cac-doan-the-long-xuyen"))])
    assert "cấp huyện (đến 30/6/2025), ở thành phố Long Xuyên, An Giang." in group
    assert "Hội Liên hiệp Phụ nữ thành phố Long Xuyên" in group and "Châu Đốc" not in group


def test_a_district_is_named_only_for_a_district_or_commune_body(tmp_path):
    root = copy_project(tmp_path / "p")
    text = replace(
        root,
        "data/organisations.yml",
        '  province: "An Giang"\n  heading: ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"]\n',
        '  province: "An Giang"\n  district: "Thành phố Long Xuyên"\n  heading: ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"]\n',
    )
    with pytest.raises(DataError) as caught:
        load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    assert [str(p) for p in caught.value.problems] == [
        f"data/organisations.yml:{where(text, '- id: ubnd-an-giang')}: [ubnd-an-giang]: "
        "'district' (huyện, thành phố thuộc tỉnh) chỉ ghi cho cơ quan cấp huyện hoặc cấp xã"
    ]


def test_pages_call_documents_by_their_kind_never_all_of_them_plans(tmp_path):
    root = copy_project(tmp_path / "p")
    with (root / "data/organisations.yml").open("a", encoding="utf-8") as f:
        f.write(COMMUNES)
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    records = organisation_records(site)

    def page(org_id: str):
        return render_organisation(site, site.organisation[org_id], records[org_id])

    issuer = next(p.issuer for p in site.documents)
    assert [text_of(h) for h in tree_of(page(issuer).source).xpath("//h2[@id='da-ban-hanh']")] == ["Văn bản đã ban hành"]
    lead = next(a.lead for p in site.documents for a in p.activities)
    [duties] = tree_of(page(lead).source).xpath("//table[@class='cb-duties']")
    assert [text_of(th) for th in duties.xpath(".//th")] == ["Hoạt động", "Vai trò", "Thời gian", "Văn bản"]
    assert {td.get("data-label") for td in duties.xpath(".//td")} == {"Hoạt động", "Vai trò", "Thời gian", "Văn bản"}
    empty = page("ubnd-xa-thu-nghiem").source
    assert "chủ trì hoặc phối hợp trong các văn bản." in empty.split("---", 2)[1]
    assert "kế hoạch" not in empty.casefold()
    assert "Chưa có văn bản hay sự kiện nào trên trang liên quan đến cơ quan này." in empty


def test_an_activity_running_from_its_document_s_issue_names_the_document_s_kind(site):
    document, activity = next((p, a) for p in site.documents for a in p.activities if a.time.end_day and a.time.start is None)
    for kind, name in (("CV", "công văn"), ("QĐ", "quyết định"), ("??", "văn bản")):
        assert activity_time(site, document.model_copy(update={"type": kind}), activity.time).startswith(
            f"Từ khi ban hành {name} đến hết ngày"
        )
