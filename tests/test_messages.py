"""What the loader says of each kind of editor mistake (congbo.read, congbo.checks, congbo.messages): one
Vietnamese message with the exact file, line and field, and what to write instead (a number written with its
symbol is split for the editor; a missing signer offers '??' and '..').

Every case breaks a copy of the tests' own data the way a hurried editor would; the expected line is found in
the broken file itself, so the test checks where the loader points.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from congbo.errors import DataError
from congbo.load import load_site
from congbo.scalars import as_written_in_vietnamese
from conftest import build_env, copy_project, mkdocs_build, replace, where

LANG_SON = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"
BAC_GIANG = "data/plans/ke-hoach-nghi-quyet-21-khcn-bac-giang.yml"
LONG_XUYEN = "data/plans/cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024.yml"
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(root, today=TODAY, docs_dir=root / "docs")
    return [str(p) for p in caught.value.problems]


def test_sample_data_is_valid():
    site = load_site(Path(__file__).parent.parent, today=TODAY, docs_dir=Path(__file__).parent.parent / "docs")
    assert {p.id for p in site.documents} == {
        "ke-hoach-60-nam-dan-so-viet-nam-lang-son",
        "ke-hoach-nghi-quyet-21-khcn-bac-giang",
        "cong-van-1214-ubnd-bac-giang",
        "cong-van-5463-byt-tcds",
        "chi-thi-01-2021-ubnd-bac-giang",
        "nghi-quyet-21-nq-tw",
        "quyet-dinh-72-2001-qd-ttg",
        "cong-van-ubnd-quang-nam-ngay-dan-so-the-gioi-2024",
        "ke-hoach-thang-hanh-dong-dan-so-2022-long-an",
        "ke-hoach-128-ubnd-loc-ninh",
        "quyet-dinh-27-2006-qd-ubnd-bac-giang",
        "cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024",
    }


def test_unknown_key_names_the_closest_field(project):
    text = replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    leader: so-y-te-lang-son\n")
    unknown, missing = sorted(problems(project), key=lambda m: "thiếu" in m)
    assert unknown.startswith(f"{LANG_SON}:{where(text, 'leader:')}: activities[")
    assert ".leader: trường 'leader' không có trong mẫu dữ liệu; có phải 'lead'? Các trường được dùng: id, name, section, lead," in unknown
    assert missing.endswith(".lead: thiếu trường bắt buộc 'lead'")


def test_duplicate_key(project):
    text = replace(project, "data/organisations.yml", '  name: "Bộ Y tế"\n', '  name: "Bộ Y tế"\n  name: "Bộ Y Tế"\n')
    first = where(text, '  name: "Bộ Y tế"').split(":")[0]
    second = where(text, '  name: "Bộ Y Tế"')
    assert problems(project) == [
        f"data/organisations.yml:{second}: [bo-y-te].name: trường 'name' bị viết hai lần (lần đầu ở dòng {first}); hãy giữ một lần"
    ]


def test_impossible_date(project):
    text = replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    assert problems(project) == [
        f"data/events.yml:{where(text, 'date: 1994-02-30')}: [hoi-nghi-icpd-cairo-1994].date: 1994-02-30: tháng 2 năm 1994 không có ngày "
        f"30 trên lịch"
    ]


def test_an_empty_field_is_said_in_words(project):
    # 'date:' with nothing after it, as a hurried editor leaves it: the message says so in Vietnamese, never 'None'.
    empty = "  date:\n"
    text = replace(project, "data/events.yml", "  date: 1994-09-05\n", empty)
    assert problems(project) == [
        f"data/events.yml:{where(text, empty)}: [hoi-nghi-icpd-cairo-1994].date: "
        "ngày phải viết dạng NNNN-TT-NN (ví dụ 2025-12-19); chưa rõ ngày thì ghi 2025-12-?? (biết tháng, chưa rõ ngày), "
        "2025-??-?? (chỉ biết năm) hoặc ..2025-12-19 (chậm nhất ngày đó: bản tin ngày 19/12/2025 báo việc đã diễn ra); "
        "phần bản gốc để trống ghi '..' (ví dụ 2021-01-..); văn bản chỉ ghi quý thì ghi 2025-Q2 (quý II/2025); nhận được giá trị trống"
    ]


def test_date_in_a_form_the_loader_would_misread(project):
    text = replace(project, "data/events.yml", "date: 1994-09-05", "date: 5/9/1994")
    assert problems(project) == [
        f"data/events.yml:{where(text, 'date: 5/9/1994')}: [hoi-nghi-icpd-cairo-1994].date: "
        "ngày phải viết dạng NNNN-TT-NN (ví dụ 2025-12-19); chưa rõ ngày thì ghi 2025-12-?? (biết tháng, chưa rõ ngày), "
        "2025-??-?? (chỉ biết năm) hoặc ..2025-12-19 (chậm nhất ngày đó: bản tin ngày 19/12/2025 báo việc đã diễn ra); "
        "phần bản gốc để trống ghi '..' (ví dụ 2021-01-..); văn bản chỉ ghi quý thì ghi 2025-Q2 (quý II/2025); "
        "nhận được '5/9/1994'; có phải 1994-09-05?"
    ]


def test_a_date_written_day_first_is_asked_back_in_the_data_s_form(project):
    """Vietnamese write the day first: the message asks whether that day was meant, and never takes it."""
    document = replace(project, LANG_SON, "date: 2021-01-..", "date: 01/2021")
    article = "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md"
    text = replace(project, article, "date: 2021-10-18 08:00 +07:00", "date: 18/10/2021 8:00")
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 31/02/1994")  # no such day: nothing to ask
    found = problems(project)
    [document_message] = [m for m in found if m.startswith(LANG_SON)]
    assert document_message.startswith(f"{LANG_SON}:{where(document, 'date: 01/2021')}: date: ")
    assert document_message.endswith("nhận được '01/2021'; có phải 2021-01?")
    [article_message] = [m for m in found if m.startswith(article)]
    assert article_message == (
        f"{article}:{where(text, 'date: 18/10/2021 8:00')}: date: thời điểm phải viết dạng NNNN-TT-NN GG:PP +07:00 "
        "(ví dụ 2024-07-11 08:00 +07:00), nhận được '18/10/2021 8:00'; có phải 2021-10-18 08:00 +07:00?"
    )
    [event_message] = [m for m in found if m.startswith("data/events.yml")]
    assert event_message.endswith("nhận được '31/02/1994'")


def test_yaml_1_1_yes_is_not_a_boolean(project):
    text = replace(project, BAC_GIANG, "ongoing: true", "ongoing: yes")
    [message] = problems(project)
    assert message.startswith(f"{BAC_GIANG}:{where(text, 'ongoing: yes')}: activities[")
    assert message.endswith(".time.ongoing: phải là true hoặc false, nhận được văn bản 'yes'")


def test_dangling_organisation_id_suggests_the_right_one(project):
    text = replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n")
    [message] = problems(project)
    assert message.startswith(f"{LANG_SON}:{where(text, '    lead: so-y-te-lang-sn')}: activities[")
    assert message.endswith(
        ".lead: không có cơ quan mã 'so-y-te-lang-sn' trong data/organisations.yml; có phải 'so-y-te-lang-son'?; "
        "chưa rõ đơn vị chủ trì (bản tin không nêu) thì ghi '??'"
    )


def test_dangling_observance_id(project):
    text = replace(project, LANG_SON, "observances:\n  - ngay-dan-so-viet-nam", "observances:\n  - ngay-dan-so-vn")
    assert problems(project) == [
        f"{LANG_SON}:{where(text, 'ngay-dan-so-vn')}: observances[1]: "
        "không có ngày kỷ niệm mã 'ngay-dan-so-vn' trong data/observances.yml; có phải 'ngay-dan-so-viet-nam'?"
    ]


def test_duplicate_organisation_id(project):
    text = replace(project, "data/organisations.yml", "- id: hdnd-lang-son\n", "- id: tinh-uy-lang-son\n")
    first = where(text, "- id: tinh-uy-lang-son").split(":")[0]
    found = problems(project)
    assert (
        f"data/organisations.yml:{where(text, '- id: tinh-uy-lang-son', 2)}: [tinh-uy-lang-son].id: mã 'tinh-uy-lang-son' bị trùng (đã "
        f"dùng ở dòng {first})" in found
    )


def test_duplicate_plan_slug(project):
    source = (project / LANG_SON).read_text(encoding="utf-8")
    (project / "data/plans/ban-sao.yml").write_text(source, encoding="utf-8")
    found = problems(project)
    assert (
        f"data/plans/ban-sao.yml:{where(source, 'id: ke-hoach-60-nam-dan-so-viet-nam-lang-son')}: id: mã văn bản "
        f"'ke-hoach-60-nam-dan-so-viet-nam-lang-son' phải trùng tên tệp 'ban-sao.yml'" in found
    )
    assert any(m.startswith("data/plans/") and "đã dùng trong tệp" in m for m in found)


def test_empty_required_text(project):
    text = replace(project, "data/organisations.yml", '  name: "Bộ Y tế"\n', '  name: "  "\n')
    at = where(text, '  name: "  "')
    assert problems(project) == [f"data/organisations.yml:{at}: [bo-y-te].name: không được để trống"]


def test_missing_required_field(project):
    text = replace(project, "data/site.yml", "owner: so-y-te-lang-son\n", "")
    # a missing field is shown where its record starts
    assert problems(project) == [f"data/site.yml:{where(text, 'name:')}: owner: thiếu trường bắt buộc 'owner'"]


def test_tab_indentation_is_a_syntax_error_with_its_line(project):
    text = replace(project, "data/events.yml", "  kind: su-kien\n", "\tkind: su-kien\n")
    [message] = problems(project)
    assert message.startswith(f"data/events.yml:{where(text, chr(9) + 'kind: su-kien').split(':')[0]}:")
    assert "ký tự Tab" in message


def test_period_ending_before_it_starts(project):
    text = replace(project, "data/events.yml", "  date: 1994-09-05\n  end: 1994-09-13\n", "  date: 1994-09-05\n  end: 1994-09-01\n")
    [message] = problems(project)
    assert (
        message == f"data/events.yml:{where(text, '- id: hoi-nghi-icpd')}: [hoi-nghi-icpd-cairo-1994]: "
        "ngày kết thúc 1994-09-01 trước ngày bắt đầu 1994-09-05"
    )


def test_a_cited_document_dated_after_the_citing_one(project):
    # Long Xuyên's dispatch is known only to its year (2024-??-??); the document it cites cannot be from 2025.
    text = replace(project, LONG_XUYEN, "    date: 2024-06-28\n", "    date: 2025-06-28\n")
    [message] = problems(project)
    assert message == (
        f"{LONG_XUYEN}:{where(text, '    date: 2025-06-28')}: bases[1].date: văn bản căn cứ ghi ngày 2025-06-28, "
        "sau ngày ban hành văn bản này (2024-??-??): một văn bản chỉ căn cứ vào văn bản ban hành trước nó; hãy xem lại một trong hai ngày"
    )


def test_a_document_with_its_full_text_has_a_known_kind(project):
    # '??' is for a document known from a report that does not name its kind; the full text always does.
    text = replace(project, LANG_SON, "type: KH\n", 'type: "??"\n')
    assert problems(project) == [
        f"{LANG_SON}:{where(text, 'type:')}: type: văn bản có toàn văn ('sections') thì biết loại văn bản: "
        "ghi 'type' theo tên loại in trên văn bản (KH, CV, QĐ…), không ghi '??'"
    ]


def test_a_wrong_kind_lists_the_kinds_and_the_unknown_state(project):
    text = replace(project, LANG_SON, "type: KH\n", "type: cong van\n")
    [message] = problems(project)
    assert message.startswith(f"{LANG_SON}:{where(text, 'type:')}: type: phải là 'KH' (Kế hoạch), 'CV' (Công văn),")
    assert message.endswith("hoặc '??' (chưa rõ loại); nhận được: văn bản 'cong van'; có phải 'CV'?")


def test_every_problem_is_reported_in_one_run(project):
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    replace(project, LANG_SON, "    lead: so-y-te-lang-son\n", "    lead: so-y-te-lang-sn\n")
    replace(project, "data/site.yml", "owner: so-y-te-lang-son\n", "")
    found = problems(project)
    assert len(found) == 3
    assert [m.split(":")[0] for m in found] == ["data/events.yml", LANG_SON, "data/site.yml"]


def test_check_command_exits_1_without_traceback(project):
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    result = subprocess.run([sys.executable, "-m", "congbo", "check", str(project)], capture_output=True, text=True, env=build_env())
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/events.yml:" in result.stderr and "1994-02-30: tháng 2 năm 1994 không có ngày 30 trên lịch" in result.stderr
    assert result.stderr.rstrip().endswith("Dữ liệu có 1 lỗi; chưa thể xuất bản. Hãy sửa các lỗi trên rồi chạy lại.")


def test_site_build_fails_with_the_same_message_and_writes_nothing(project, tmp_path):
    replace(project, "data/events.yml", "date: 1994-09-05", "date: 1994-02-30")
    site_dir = tmp_path / "out"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1994-02-30: tháng 2 năm 1994 không có ngày 30 trên lịch" in result.stderr
    assert not site_dir.exists()


def test_a_number_where_text_is_expected_suggests_quotes(project):
    text = replace(project, "data/events.yml", '  place: "Cai-rô, Ai Cập"\n', "  place: 12\n")
    [message] = problems(project)
    assert message == (
        f"data/events.yml:{where(text, 'place: 12')}: [hoi-nghi-icpd-cairo-1994].place: "
        'phải là văn bản, nhận được 12; nếu đúng là chữ, hãy đặt trong ngoặc kép: "12"'
    )


def test_site_colour_too_light_for_white_text(project):
    text = replace(project, "data/site.yml", 'primary: "#b3261e"', 'primary: "#ef5552"')
    assert problems(project) == [
        f"data/site.yml:{where(text, 'primary: ')}: colours.primary: màu '#ef5552' chỉ đạt tương phản 3,45:1 với nền trắng; "
        "cần ít nhất 4,5:1 (hãy chọn màu đậm hơn)"
    ]


def test_site_logo_must_be_a_file_under_docs(project):
    text = replace(project, "data/site.yml", "logo: assets/logo.svg", "logo: assets/khong-co.svg")
    assert problems(project) == [
        f"data/site.yml:{where(text, 'logo: ')}: logo: không tìm thấy tệp docs/assets/khong-co.svg (đường dẫn tính từ thư mục docs/)"
    ]


@pytest.mark.parametrize(
    "written, month, asked",
    [
        ("03/07/2024", False, "2024-07-03"),
        ("3.7.2024", False, "2024-07-03"),
        ("03-07-2024", False, "2024-07-03"),
        ("2024/07/03", False, "2024-07-03"),
        ("07/2024", True, "2024-07"),
        ("07/2024", False, None),
        ("31/02/2024", False, None),
        ("13/2024", True, None),
        ("03/07/1800", False, None),
        ("2024-07-03", False, None),
    ],
)
def test_a_date_is_asked_back_only_when_read_day_first_it_exists(written, month, asked):
    assert as_written_in_vietnamese(written, month=month) == asked


def test_a_dispatchs_summary_written_with_its_v_v_is_refused(project):
    """The page prints "V/v" before a Công văn's summary: "V/v Về việc …" twice over is the editor's mistake."""
    rel = "data/plans/cong-van-1214-ubnd-bac-giang.yml"
    text = replace(project, rel, 'summary: "Thực hiện', 'summary: "Về việc thực hiện')
    assert problems(project) == [
        f"{rel}:{where(text, 'summary:')}: summary: trích yếu của công văn là phần sau chữ 'V/v' (trang tự in 'V/v' trước trích yếu): "
        "bỏ 'V/v' hoặc 'Về việc' ở đầu"
    ]


LOC_NINH = "data/plans/ke-hoach-128-ubnd-loc-ninh.yml"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ('"11/2017/NQ-HĐND"', 'số và ký hiệu ghi riêng: number: 11 và symbol: "2017/NQ-HĐND"; trang tự nối số với ký hiệu'),
        (
            '"21-NQ/TW"',
            'số và ký hiệu ghi riêng: number: 21 và symbol: "NQ/TW"; trang tự nối số với ký hiệu bằng gạch ngang (văn bản của Đảng)',
        ),
        ('"45"', "ghi số không có ngoặc kép: number: 45"),
    ],
)
def test_a_number_written_with_its_symbol_says_how_to_split_them(tmp_path, written, hint):
    root = copy_project(tmp_path)
    text = replace(root, LOC_NINH, "number: 128\n", f"number: {written}\n")
    [message] = problems(root)
    assert message.startswith(f"{LOC_NINH}:{where(text, 'number: ')}: number: số văn bản là một số nguyên dương")
    assert message.endswith(f"nhận được {written.replace(chr(34), chr(39))}; {hint}")


def test_a_missing_signer_offers_the_two_ways_to_say_it_is_not_there(tmp_path):
    root = copy_project(tmp_path)
    path = root / LOC_NINH
    text = path.read_text(encoding="utf-8")
    assert 'signer: "??"\n' in text
    path.write_text(text.replace('signer: "??"\n', ""), encoding="utf-8")
    [message] = problems(root)
    assert message.startswith(f"{LOC_NINH}:{where(text, 'id:')}: signer: thiếu trường bắt buộc 'signer'; ")
    assert 'chưa rõ người ký (bản tin không nêu) thì ghi signer: "??"' in message
    assert "thì ghi chức vụ ở 'title' và name: \"..\"" in message
