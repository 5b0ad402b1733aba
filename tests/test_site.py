"""congbo.site: how the site names and groups bodies. A body of another province than the site's own is named
with its province, by one function (`Site.name_of`), on every page, feed and calendar; a province's merger is
written once (data/site.yml, provinces) and ends its bodies; a class of bodies with no province ('Sở Y tế các
tỉnh, thành phố') stands for the bodies of its kind, level and short name in every province (`Site.members_of`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import append, load_problems as problems, TEST_TODAY, copy_project, replace, where
from lxml import html

from congbo import urls
from congbo.ical import render_ics
from congbo.load import load_site
from congbo.models import Organisation, Province, body_name
from congbo.outputs import render_all_pages

SITE = "data/site.yml"
ORGS = "data/organisations.yml"
LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"

# Bodies of the tests' own, added to a copy of the sample data: a provincial branch of Bình Phước whose name
# does not say its province.
BINH_PHUOC_BRANCH = """
- id: chi-cuc-dan-so-binh-phuoc
  name: "Chi cục Dân số - KHHGĐ"
  kind: don-vi
  level: tinh
  province: "Bình Phước"
"""
MERGER = """    merged_into: Đồng Nai
    since: 2025-07-01
"""


def add_orgs(root: Path, text: str) -> str:
    return append(root, ORGS, text)


def unmerge_binh_phuoc(root: Path) -> None:
    """The copy's Bình Phước as a province not (yet) merged: its merger, basis and sources taken out."""
    path = root / SITE
    text = path.read_text(encoding="utf-8")
    start = text.index("  - name: Bình Phước\n")
    end = text.index("  - name: ", start + 1)
    path.write_text(text[:start] + "  - name: Bình Phước\n    kind: tinh\n" + text[end:], encoding="utf-8")


def org(**fields) -> Organisation:
    return Organisation(**{"kind": "so", "level": "tinh", **fields})


# --- one function names every body ---------------------------------------------------------------------------


def test_a_body_of_another_province_is_named_with_its_province_and_the_site_s_own_by_its_name():
    provinces = {"Bình Phước": Province(name="Bình Phước", kind="tinh"), "Đà Nẵng": Province(name="Đà Nẵng", kind="thanh-pho")}
    branch = org(id="cc", name="Chi cục Dân số - KHHGĐ", kind="don-vi", province="Bình Phước")
    assert body_name(branch, "Quảng Nam", provinces) == "Chi cục Dân số - KHHGĐ tỉnh Bình Phước"
    assert body_name(branch, "Bình Phước", provinces) == "Chi cục Dân số - KHHGĐ", "the site's own body: its name as written"
    city = org(id="sd", name="Sở Y tế", province="Đà Nẵng")
    assert body_name(city, "Lạng Sơn", provinces) == "Sở Y tế thành phố Đà Nẵng", "a centrally-run city is a thành phố"
    district = org(
        id="ln", name="Ủy ban nhân dân huyện Lộc Ninh", kind="ubnd", level="huyen", province="Bình Phước", valid_until="2025-06-30"
    )
    assert body_name(district, "Lạng Sơn", provinces) == "Ủy ban nhân dân huyện Lộc Ninh, tỉnh Bình Phước"
    central = org(id="byt", name="Bộ Y tế", kind="trung-uong", level="trung-uong")
    assert body_name(central, "Lạng Sơn", provinces) == "Bộ Y tế"


def test_a_short_name_never_stands_for_another_province_s_body():
    health = org(id="so-y-te-quang-nam", name="Sở Y tế tỉnh Quảng Nam", short_name="Sở Y tế", province="Quảng Nam")
    assert body_name(health, "Lạng Sơn", {}, short=True) == "Sở Y tế tỉnh Quảng Nam", "the full name, which says its province"
    assert body_name(health, "Quảng Nam", {}, short=True) == "Sở Y tế", "the site's own: its short name is enough"
    assert body_name(health, "Lạng Sơn", {}) == "Sở Y tế tỉnh Quảng Nam", "a name that says its province is kept as it is"


def test_a_body_of_a_merged_province_is_named_as_of_the_old_province():
    provinces = {
        "Bình Phước": Province(
            name="Bình Phước", kind="tinh", merged_into="Đồng Nai", since="2025-07-01", sources=[{"kind": "ban-tin", "name": "x"}]
        ),
        "Đồng Nai": Province(name="Đồng Nai", kind="tinh"),
    }
    branch = org(id="cc", name="Chi cục Dân số - KHHGĐ", kind="don-vi", province="Bình Phước")
    assert body_name(branch, "Quảng Nam", provinces) == "Chi cục Dân số - KHHGĐ (tỉnh Bình Phước cũ)"
    assert provinces["Bình Phước"].last_day == dt.date(2025, 6, 30)


def test_every_output_names_another_province_s_body_with_its_province(tmp_path):
    """A lead of the tests' own, of another province, as the Lạng Sơn plan's page, the organisation index and
    the calendar file show it; the body's own page says so in its title and heading."""
    root = copy_project(tmp_path)
    unmerge_binh_phuoc(root)
    add_orgs(root, BINH_PHUOC_BRANCH)
    replace(root, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: chi-cuc-dan-so-binh-phuoc\n")
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    named = "Chi cục Dân số - KHHGĐ tỉnh Bình Phước"
    assert site.name_of("chi-cuc-dan-so-binh-phuoc") == named
    pages = render_all_pages(site, "https://x.invalid/")
    document = pages[urls.src_of(urls.document("ke-hoach-60-nam-dan-so-viet-nam-lang-son"))].source
    index = pages[urls.src_of(urls.ORGANISATIONS)].source
    own = pages[urls.src_of(urls.organisation("chi-cuc-dan-so-binh-phuoc"))].source
    for source in (document, index):
        shown = [" ".join(a.text_content().split()) for a in html.fromstring(f"<div>{source.split('---', 2)[2]}</div>").xpath("//a")]
        assert named in shown
        assert "Chi cục Dân số - KHHGĐ" not in shown, "never by the name alone"
    assert [
        " ".join(h.text_content().split()).rstrip("#") for h in html.fromstring(f"<div>{own.split('---', 2)[2]}</div>").xpath("//h1")
    ] == [named]
    assert f'title: "{named}"' in own
    assert f"Chủ trì: {named}".encode() in render_ics(site, "https://x.invalid/").replace(b"\r\n ", b"")


# --- a merger written once -------------------------------------------------------------------------------------


def test_a_merger_ends_the_old_province_s_bodies_without_a_date_entered_for_each(tmp_path):
    root = copy_project(tmp_path)
    add_orgs(root, BINH_PHUOC_BRANCH)
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    branch = site.organisation["chi-cuc-dan-so-binh-phuoc"]
    assert branch.valid_until == dt.date(2025, 6, 30), "the day before the new province's government began"
    assert site.name_of(branch) == "Chi cục Dân số - KHHGĐ (tỉnh Bình Phước cũ)"
    assert site.organisation["ubnd-loc-ninh"].valid_until == dt.date(2025, 6, 30)
    page = render_all_pages(site, "https://x.invalid/")[urls.src_of(urls.organisation("chi-cuc-dan-so-binh-phuoc"))].source
    text = " ".join(html.fromstring(f"<div>{page.split('---', 2)[2]}</div>").text_content().split())
    assert "Tỉnh Bình Phước (cũ) nay thuộc tỉnh Đồng Nai: theo Nghị quyết số 202/2025/QH15" in text
    assert "các cơ quan cấp tỉnh của tỉnh Bình Phước hoạt động đến ngày 30/06/2025" in text
    assert "Nguồn về việc sắp xếp tỉnh" in text and "Thư viện Pháp luật" in text


def test_a_commune_of_a_merged_province_is_not_given_an_end(tmp_path):
    """Communes were rearranged on their own, many only changed province: no end date is derived for them."""
    root = copy_project(tmp_path)
    add_orgs(root, BINH_PHUOC_BRANCH.replace("chi-cuc-dan-so-binh-phuoc", "ubnd-xa-loc-ninh").replace("level: tinh", "level: xa"))
    assert load_site(root, today=TEST_TODAY).organisation["ubnd-xa-loc-ninh"].valid_until is None


def test_an_end_date_entered_again_for_a_body_of_a_merged_province_is_refused(tmp_path):
    root = copy_project(tmp_path)
    text = add_orgs(root, BINH_PHUOC_BRANCH + "  valid_until: 2025-06-30\n")
    [message] = problems(root)
    assert message.startswith(f"{ORGS}:{where(text, 'valid_until: 2025-06-30', text.count('valid_until: 2025-06-30'))}: ")
    assert "[chi-cuc-dan-so-binh-phuoc].valid_until: ngày này đã có: tỉnh Bình Phước được sắp xếp vào tỉnh Đồng Nai" in message
    assert message.endswith("mỗi điều chỉ ghi một lần: bỏ 'valid_until'")


def test_a_body_of_a_merged_province_working_after_the_merger_is_refused(tmp_path):
    root = copy_project(tmp_path)
    text = add_orgs(root, BINH_PHUOC_BRANCH + "  valid_until: 2025-12-31\n")
    [message] = problems(root)
    assert message.startswith(f"{ORGS}:{where(text, 'valid_until: 2025-12-31')}: [chi-cuc-dan-so-binh-phuoc].valid_until: ")
    assert "hoạt động muộn nhất đến 30/06/2025; bỏ 'valid_until' (trang tự suy ra) hoặc ghi ngày sớm hơn" in message


def test_a_document_of_a_merged_province_s_body_after_the_merger_is_refused(tmp_path):
    root = copy_project(tmp_path)
    text = replace(root, "data/plans/chi-thi-01-2021-ubnd-bac-giang.yml", "date: 2021-", "date: 2025-08-01\nx_old_date: 2021-")
    replace(root, "data/plans/chi-thi-01-2021-ubnd-bac-giang.yml", "x_old_date:", "# x_old_date:")
    found = [m for m in problems(root) if ".yml:" in m and "issuer" in m]
    assert found and "'ubnd-bac-giang' hoạt động đến 30/06/2025, trước ngày ban hành văn bản (2025-08-01)" in found[0]
    assert found[0].startswith(f"data/plans/chi-thi-01-2021-ubnd-bac-giang.yml:{where(text, 'issuer:')}: issuer: ")


def test_a_merger_into_a_province_not_written_is_refused_with_what_to_write(tmp_path):
    root = copy_project(tmp_path)
    text = replace(root, SITE, "  - name: Đồng Nai\n    kind: tinh\n", "")
    [message] = problems(root)
    assert message == (
        f"{SITE}:{where(text, 'merged_into: Đồng Nai')}: provinces[4].merged_into: chưa có tỉnh 'Đồng Nai' ở 'provinces': ghi thêm một "
        "mục (name: Đồng Nai, kind: tinh hoặc thanh-pho) để trang biết gọi là tỉnh hay thành phố"
    )


def test_a_merger_without_its_sources_or_its_day_is_refused(tmp_path):
    root = copy_project(tmp_path)
    text = replace(
        root,
        SITE,
        "  - name: An Giang\n    kind: tinh\n",
        "  - name: An Giang\n    kind: tinh\n" + MERGER.replace("    since: 2025-07-01\n", ""),
    )
    [message] = problems(root)
    assert message.startswith(f"{SITE}:{where(text, 'name: An Giang')}: provinces[1]: ")
    assert "ghi cả 'merged_into' (tỉnh nhận) và 'since'" in message
    replace(root, SITE, "    merged_into: Đồng Nai\n", MERGER)
    [message] = problems(root)
    assert "ghi 'sources': nơi ban biên tập biết việc sắp xếp tỉnh An Giang (không ghi điều chưa có nguồn)" in message


def test_a_province_written_twice_is_refused(tmp_path):
    root = copy_project(tmp_path)
    text = replace(
        root, SITE, "  - name: Đồng Nai\n    kind: tinh\n", "  - name: Đồng Nai\n    kind: tinh\n  - name: Đồng Nai\n    kind: tinh\n"
    )
    [message] = problems(root)
    assert (
        message
        == f"{SITE}:{where(text, 'name: Đồng Nai', 2)}: provinces[7].name: tỉnh 'Đồng Nai' đã ghi ở trên: mỗi tỉnh, thành phố ghi một lần"
    )


def test_a_body_named_without_its_province_needs_to_know_whether_it_is_a_tinh_or_a_thanh_pho(tmp_path):
    root = copy_project(tmp_path)
    replace(root, SITE, "  - name: An Giang\n    kind: tinh\n", "")
    text = (root / ORGS).read_text(encoding="utf-8")
    [message] = problems(root)
    first = text.index("- id: ubnd-long-xuyen")
    line, column = where(text[first:], 'province: "An Giang"').split(":")
    assert message.startswith(f"{ORGS}:{text.count(chr(10), 0, first) + int(line)}:{column}: [ubnd-long-xuyen].province: ")
    assert "(và 4 cơ quan khác của tỉnh này) không nêu tỉnh An Giang" in message, "said once for the province, not for each body"
    assert "ghi ở data/site.yml, mục 'provinces', 'name: An Giang' với 'kind: tinh' hoặc 'kind: thanh-pho'" in message


# --- the sample ------------------------------------------------------------------------------------------------


def test_a_cited_document_s_issuer_is_named_by_the_site_but_a_decision_s_basis_lines_keep_the_text(tmp_path):
    """The line 'Văn bản được dẫn làm căn cứ' is the site speaking: another province's body with its
    province. A Quyết định's 'Căn cứ …;' lines are the document's own text: the name as it gives it."""
    root = copy_project(tmp_path)
    unmerge_binh_phuoc(root)
    add_orgs(root, BINH_PHUOC_BRANCH)
    long_xuyen = "data/plans/cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024.yml"
    decision = "data/plans/quyet-dinh-27-2006-qd-ubnd-bac-giang.yml"
    replace(root, long_xuyen, "    issuer: ubnd-an-giang\n", "    issuer: chi-cuc-dan-so-binh-phuoc\n")
    replace(root, decision, "    issuer: quoc-hoi\n", "    issuer: chi-cuc-dan-so-binh-phuoc\n")
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    pages = render_all_pages(site, "https://x.invalid/")

    def text_of(document_id: str) -> str:
        page = pages[urls.src_of(urls.document(document_id))].source
        return " ".join(html.fromstring(f"<div>{page.split('---', 2)[2]}</div>").text_content().split())

    assert "của Chi cục Dân số - KHHGĐ tỉnh Bình Phước" in text_of("cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024")
    decided = text_of("quyet-dinh-27-2006-qd-ubnd-bac-giang")
    assert "của Chi cục Dân số - KHHGĐ;" in decided and "KHHGĐ tỉnh Bình Phước" not in decided


EVERY_HEALTH_DEPARTMENT = """
- id: so-y-te-cac-tinh
  name: "Sở Y tế các tỉnh, thành phố trực thuộc trung ương"
  kind: nhom
  level: tinh
  members: {kind: so, level: tinh, name: "Sở Y tế"}
"""
A_BRANCH_WITHOUT_ITS_PROVINCE = """
- id: chi-cuc-dan-so-binh-phuoc
  name: "Chi cục Dân số - KHHGĐ"
  kind: don-vi
  level: tinh
"""


def test_a_class_of_every_province_s_health_department_holds_them_all_and_no_other_department(tmp_path):
    root = copy_project(tmp_path)
    add_orgs(root, EVERY_HEALTH_DEPARTMENT)
    site = load_site(root, today=TEST_TODAY, docs_dir=root / "docs")
    members = {o.id for o in site.members_of("so-y-te-cac-tinh")}
    assert members == {"so-y-te-lang-son", "so-y-te-bac-giang", "so-y-te-bac-ninh", "so-y-te-quang-nam", "so-y-te-long-an"}
    page = render_all_pages(site, "https://x.invalid/")[urls.src_of(urls.organisation("so-y-te-cac-tinh"))].source
    text = " ".join(html.fromstring(f"<div>{page.split('---', 2)[2]}</div>").text_content().split())
    assert "mỗi «Sở Y tế», cấp tỉnh, ở mọi tỉnh, thành phố." in text
    assert "Cấp tỉnh — các tỉnh, thành phố" in text


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ('  level: tinh\n  members: {kind: so, level: tinh, name: "Sở Y tế"}', "nhóm cơ quan trung ương thì ghi 'level: trung-uong'"),
        ('  level: xa\n  members: {kind: so, level: tinh, name: "Sở Y tế"}', "có cùng cấp với các cơ quan trong nhóm: ghi 'level: tinh'"),
        ('  level: tinh\n  district: "Thành phố Long Xuyên"\n  members: {kind: so, level: tinh}', "không ghi 'district' hay 'parent'"),
    ],
)
def test_a_class_of_every_province_is_checked_for_its_level_and_place(tmp_path, change, said):
    root = copy_project(tmp_path)
    body = EVERY_HEALTH_DEPARTMENT.replace('  level: tinh\n  members: {kind: so, level: tinh, name: "Sở Y tế"}', change)
    if "trung-uong" in said:
        body = body.replace("members: {kind: so, level: tinh", "members: {kind: so, level: trung-uong")
    text = add_orgs(root, body)
    [message] = problems(root)
    assert message.startswith(f"{ORGS}:{where(text, '- id: so-y-te-cac-tinh')}: [so-y-te-cac-tinh]: ")
    assert said in message


def test_a_local_body_without_its_province_is_still_refused(tmp_path):
    root = copy_project(tmp_path)
    text = add_orgs(root, A_BRANCH_WITHOUT_ITS_PROVINCE)
    [message] = problems(root)
    assert message.startswith(f"{ORGS}:{where(text, '- id: chi-cuc-dan-so-binh-phuoc')}: [chi-cuc-dan-so-binh-phuoc]: ")
    assert "cơ quan địa phương phải ghi 'province'" in message
