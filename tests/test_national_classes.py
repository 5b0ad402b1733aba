"""Classes of bodies of every province ('Sở Y tế các tỉnh, thành phố', the addressees of a Ministry's
dispatch): a class with no province stands for the bodies of its kind, level and short name in every
province, and is checked for its level and place."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import append, load_problems as problems, TEST_TODAY, copy_project, where
from lxml import html

from congbo import urls
from congbo.load import load_site
from congbo.outputs import render_all_pages

ORGS = "data/organisations.yml"
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


def add_orgs(root: Path, text: str) -> str:
    return append(root, ORGS, text)


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
