"""Suggestions for a mistyped body follow the record's province and level: 'so-y-te' on a Quảng Nam document
suggests the Quảng Nam health department, never the Ministry ('bo-y-te') first; an organisation's own slip is
ranked by its own province and never suggests itself."""

from __future__ import annotations


from conftest import load_problems as problems, copy_project, replace, where


ORGS = "data/organisations.yml"
QUANG_NAM = "data/plans/cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024.yml"
LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"


def test_a_body_written_without_its_province_suggests_the_document_s_province_never_the_ministry(tmp_path):
    root = copy_project(tmp_path)
    text = replace(root, QUANG_NAM, "    lead: so-y-te-quang-nam\n", "    lead: so-y-te\n")
    [message] = problems(root)
    assert message == (
        f"{QUANG_NAM}:{where(text, 'lead: so-y-te')}: activities[hoat-dong-huong-ung].lead: không có cơ quan mã 'so-y-te' trong "
        "data/organisations.yml; có phải 'so-y-te-quang-nam'?; chưa rõ đơn vị chủ trì (bản tin không nêu) thì ghi '??'"
    )


def test_the_same_slip_on_another_province_s_document_suggests_that_province_s_body(tmp_path):
    root = copy_project(tmp_path)
    replace(root, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te\n")
    [message] = problems(root)
    assert "có phải 'so-y-te-lang-son'?" in message


def test_a_central_body_is_not_offered_before_a_local_one_even_on_a_central_document(tmp_path):
    root = copy_project(tmp_path)
    document = "data/plans/cong-van-5463-byt-tcds.yml"
    text = (root / document).read_text(encoding="utf-8")
    assert "issuer: bo-y-te" in text
    replace(root, document, "issuer: bo-y-te\n", 'issuer: bo-y-te\nco_issuers: [so-y-te]\nco_signers: [{title: X, name: "??"}]\n')
    found = [m for m in problems(root) if "co_issuers" in m]
    assert found and found[0].endswith("không có cơ quan mã 'so-y-te' trong data/organisations.yml; có phải 'so-y-te-lang-son'?")


def test_an_organisation_s_own_slip_is_ranked_by_its_own_province_and_never_suggests_itself(tmp_path):
    root = copy_project(tmp_path)
    text = replace(root, ORGS, "  successor: so-y-te-bac-ninh\n", "  successor: so-y-te-bac\n")
    [message] = problems(root)
    assert message.startswith(f"{ORGS}:{where(text, 'successor: so-y-te-bac')}: [so-y-te-bac-giang].successor: ")
    assert message.endswith("có phải 'so-y-te-bac-ninh'?"), "not the body itself (so-y-te-bac-giang)"
