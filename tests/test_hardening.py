"""Issue 11's reproducers: each input that once crashed, hung or passed unseen now gives one exact
Vietnamese message at its file, line and column (or is refused before it reaches the build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from congbo.read import read_article_body
from conftest import copy_project
from test_messages import LANG_SON, problems, replace, where

ARTICLE = "docs/chuyen-muc/2022/thang-hanh-dong.md"
EVENT = "hoi-nghi-icpd-cairo-1994"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


# --- reading: encodings, characters, YAML ----------------------------------------------


def test_an_article_not_in_utf8_is_a_message(project):
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-8").replace("## Một tháng".encode("utf-8"), b"## M\xf4t th\xe1ng"))  # Latin-1 bytes
    line = text[: text.index("Một tháng")].count("\n") + 1
    assert problems(project) == [f"{ARTICLE}:{line}:5: tệp không ở mã UTF-8 (byte 0xF4 không hợp lệ); hãy lưu lại tệp với mã UTF-8"]


def test_a_data_file_not_in_utf8_is_reported_at_its_line(project):
    text = replace(project, "data/events.yml", "  kind: su-kien\n", "  kind: su-kien\n  place: Lạng Sơn\n")
    (project / "data/events.yml").write_bytes(text.encode("utf-8").replace("Lạng Sơn".encode("utf-8"), b"L\xe1ng S\xf4n"))
    line, column = where(text, "place: Lạng Sơn").split(":")
    assert problems(project) == [
        f"data/events.yml:{line}:{int(column) + 8}: tệp không ở mã UTF-8 (byte 0xE1 không hợp lệ); hãy lưu lại tệp với mã UTF-8"
    ]


def test_a_byte_order_mark_before_an_article_is_accepted_as_mkdocs_does(project, site):
    path = project / ARTICLE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    from congbo.load import load_site
    from test_messages import TODAY

    loaded = load_site(project, today=TODAY, docs_dir=project / "docs")
    assert [a.meta.id for a in loaded.articles] == [a.meta.id for a in site.articles]


def test_a_byte_order_mark_inside_an_article_is_reported_at_its_place(project):
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8").replace("## Căn cứ", "## Căn\ufeff cứ")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("\ufeff")].count("\n") + 1
    assert problems(project) == [f"{ARTICLE}:{line}:7: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+FEFF); hãy xóa nó"]


def test_an_offset_that_overflows_is_a_message(project):
    text = replace(project, ARTICLE, "date: 2022-11-28 08:00 +07:00", "date: 0001-01-01 00:00 +09:00")
    assert problems(project) == [
        f"{ARTICLE}:{where(text, 'date: 0001')}: date: năm phải từ 1900 đến 2100, nhận được '0001-01-01 00:00 +09:00'"
    ]


def test_a_recursive_alias_in_a_data_file_is_a_message(project):
    text = replace(project, "data/events.yml", "  kind: su-kien\n", "  kind: su-kien\n  observances: &a [*a]\n")
    line = where(text, "observances: &a").split(":")[0]
    message = "không dùng neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ giá trị ở mỗi chỗ"
    assert problems(project) == [f"data/events.yml:{line}:16: {message}", f"data/events.yml:{line}:20: {message}"]


def test_a_raw_escape_character_is_reported_at_its_line_and_shown_escaped(project):
    text = replace(project, "data/events.yml", "  kind: su-kien\n", '  kind: su-kien\n  place: "\x1b]0;pwned\x07"\n')
    line = where(text, "place:").split(":")[0]
    found = problems(project)
    assert found == [
        f"data/events.yml:{line}:11: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+001B); hãy xóa nó",
        f"data/events.yml:{line}:20: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+0007); hãy xóa nó",
    ]


def test_an_escaped_control_character_in_a_value_is_shown_escaped(project):
    text = replace(project, "data/events.yml", "- id: hoi-nghi-icpd-cairo-1994\n", '- id: "han\\e]0;x\\a"\n')
    found = problems(project)
    at = where(text, '- id: "han')
    assert (
        f"data/events.yml:{at}: [han\\x1b]0;x\\x07].id: mã phải gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ "
        f"'so-y-te-lang-son'), nhận được 'han\\x1b]0;x\\x07'" in found
    )
    assert not any("\x1b" in m or "\x07" in m for m in found)


def test_a_24th_lettered_item_is_a_message(project):
    items = "".join(f"          - title: Mục {n}\n" for n in range(1, 25))
    text = replace(
        project,
        LANG_SON,
        "sections:\n",
        f"sections:\n  - title: Phần\n    sections:\n      - title: Mục\n        sections:\n{items}",
    )
    at = where(text, "- title: Mục 24")
    assert problems(project) == [
        f"{LANG_SON}:{at}: sections[1].sections[1].sections[24]: mục cấp này được đánh chữ a) đến y), nên chỉ có tối đa 23 mục; hãy chia "
        f"thành nhiều mục cấp trên"
    ]


def test_a_title_cut_by_a_comment_is_a_message(project):
    text = replace(project, ARTICLE, 'title: "Tháng 12 hằng năm là Tháng hành động quốc gia về Dân số"', "title: Kế hoạch #1")
    assert problems(project) == [
        f"{ARTICLE}:{where(text, 'title: Kế')[:-1]}8: title: chữ sau ' #' bị YAML coi là ghi chú và bỏ đi; nếu '#…' thuộc giá trị, "
        'hãy đặt cả giá trị trong ngoặc kép (ví dụ "Kế hoạch #1"); nếu là ghi chú, hãy viết nó trên một dòng riêng'
    ]


# --- bounds: what once passed the check and crashed or hung the build -------------------

YEARS = "năm phải từ 1900 đến 2100"


def test_a_plan_dated_9999_is_a_message(project):
    text = replace(project, LANG_SON, "date: 2021-", "date: 9999-")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{LANG_SON}:{where(text, 'date: 9999-')}: date: {YEARS}, nhận được '9999-")


def test_an_event_on_9999_12_31_is_a_message(project):
    text = replace(project, "data/events.yml", "date: 1994-09-05", "date: 9999-12-31")
    assert problems(project) == [f"data/events.yml:{where(text, 'date: 9999')}: [{EVENT}].date: {YEARS}, nhận được '9999-12-31'"]


def test_an_event_ending_9999_12_31_is_a_message(project):
    text = replace(project, "data/events.yml", "  date: 1994-09-05\n  end: 1994-09-13\n", "  date: 1994-09-05\n  end: 9999-12-31\n")
    assert problems(project) == [f"data/events.yml:{where(text, 'end: 9999')}: [{EVENT}].end: {YEARS}, nhận được '9999-12-31'"]


def test_an_event_ending_a_century_later_is_a_message(project):
    text = replace(project, "data/events.yml", "  date: 1994-09-05\n  end: 1994-09-13\n", "  date: 1994-09-05\n  end: 2094-09-05\n")
    assert problems(project) == [
        f"data/events.yml:{where(text, '- id: ' + EVENT)}: [{EVENT}]: sự kiện kéo dài tối đa 366 ngày (từ 1994-09-05 đến 2094-09-05 là "
        f"quá dài); "
        "việc dài hơn hãy ghi thành hoạt động của kế hoạch"
    ]


def test_an_observance_origin_on_0001_01_01_is_a_message(project):
    text = replace(project, "data/observances.yml", "  first_year: 1975\n", "  first_year: 1975\n  origin: 0001-01-01\n")
    [found] = problems(project)
    assert found == f"data/observances.yml:{where(text, 'origin: 0001')}:{found.split(':', 3)[3]}" and found.endswith(
        f".origin: {YEARS}, nhận được '0001-01-01'"
    )


def test_a_basis_on_0001_01_01_is_a_message(project):
    text = replace(
        project, "data/observances.yml", '      issuer: "Hội đồng Điều hành', '      date: 0001-01-01\n      issuer: "Hội đồng Điều hành'
    )
    [found] = problems(project)
    assert found.startswith(f"data/observances.yml:{where(text, 'date: 0001')}: [ngay-dan-so-the-gioi].basis[1].date: {YEARS}")


@pytest.mark.parametrize("year", ["-5", "100000000000000000000", "1989"])
def test_a_theme_year_out_of_range_or_before_the_first_year_is_a_message(project, year):
    text = replace(project, "data/observances.yml", "    - year: 2024\n", f"    - year: {year}\n")
    [found] = problems(project)
    at = where(text, f"- year: {year}")
    if year == "1989":
        assert (
            found == f"data/observances.yml:{where(text, '- id: ngay-dan-so-the-gioi')}: [ngay-dan-so-the-gioi]: "
            "chủ đề năm 1989 có trước năm đầu tiên tổ chức (1990)"
        )
    else:
        assert found.startswith(f"data/observances.yml:{at}: [ngay-dan-so-the-gioi].themes[1].year: phải ")


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\u200c", "\u200d", "\u2060", "\u00ad", "\u202e", "\u2028"])
def test_a_non_character_or_invisible_character_in_a_title_is_a_message(project, char):
    text = replace(project, ARTICLE, "Tháng 12 hằng năm", f"Tháng 12{char} hằng năm")
    line, column = where(text, "Tháng 12").split(":")
    assert problems(project) == [
        f"{ARTICLE}:{line}:{int(column) + 8}: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+{ord(char):04X}); hãy xóa nó"
    ]


def test_an_escaped_invisible_character_in_a_value_is_a_message(project):
    text = replace(project, ARTICLE, '"Tháng 12 hằng năm', '"Tháng 12\\u202e hằng năm')
    assert problems(project) == [
        f"{ARTICLE}:{where(text, 'title:')}: title: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+202E); hãy xóa nó"
    ]


def test_text_is_normalised_to_nfc_bodies_too(project):
    import unicodedata

    from congbo.load import load_site
    from test_messages import TODAY

    path = project / ARTICLE
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_site(project, today=TODAY, docs_dir=project / "docs")
    record = next(a for a in loaded.articles if a.src_uri.endswith("thang-hanh-dong.md"))
    assert record.meta.title == "Tháng 12 hằng năm là Tháng hành động quốc gia về Dân số"
    assert "## Một tháng, không phải một ngày" in read_article_body(project / "docs" / record.src_uri)


def test_a_phone_that_is_not_a_number_is_a_message(project):
    replace(project, "data/site.yml", "column:\n", 'contact:\n  name: A\n  role: B\n  phone: "gọi tôi"\n  email: a@b.vn\ncolumn:\n')
    [found] = problems(project)
    assert found.startswith("data/site.yml:") and found.endswith(
        ": contact.phone: số điện thoại 'gọi tôi' không đúng dạng: chỉ gồm 8 đến 15 chữ số, có thể cách nhau bằng dấu cách, dấu chấm hoặc "
        "gạch ngang, ví dụ '0205 3812 345'"
    )


@pytest.mark.parametrize("date", ["2205-01-01 08:00 +07:00", "1800-01-01 08:00 +07:00", "2028-01-01 08:00 +07:00"])
def test_an_article_dated_far_away_is_a_message(project, date):
    text = replace(project, ARTICLE, "date: 2022-11-28 08:00 +07:00", f"date: {date}")
    at = where(text, f"date: {date}")
    if date.startswith("2028"):
        assert problems(project) == [
            f"{ARTICLE}:{at}: date: ngày đăng 2028-01-01 muộn hơn ngày dựng trang (2026-11-20) quá 366 ngày; hãy kiểm tra lại năm"
        ]
    else:
        assert problems(project) == [f"{ARTICLE}:{at}: date: {YEARS}, nhận được '{date}'"]


@pytest.mark.parametrize("field", ["parent", "successor"])
def test_organisation_cycles_are_refused(project, field):
    extra = "  valid_until: 2025-02-28\n" if field == "successor" else ""
    text = replace(
        project,
        "data/organisations.yml",
        '  heading: ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]\n',
        f'  heading: ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]\n  {field}: so-y-te-lang-son\n{extra}',
    )
    if field == "successor":
        text = replace(
            project,
            "data/organisations.yml",
            '  short_name: "Sở Y tế"\n  kind: so\n',
            '  short_name: "Sở Y tế"\n  kind: so\n  successor: ubnd-lang-son\n  valid_until: 2025-02-28\n',
        )
    what = "cấp trên" if field == "parent" else "kế thừa"
    found = [m for m in problems(project) if "quay vòng" in m]
    assert found == [
        f"data/organisations.yml:{where(text, f'  {field}: so-y-te-lang-son')}: [ubnd-lang-son].{field}: chuỗi cơ quan {what} quay vòng: "
        f"ubnd-lang-son → so-y-te-lang-son → ubnd-lang-son"
    ]


def test_an_activity_period_over_ten_years_is_a_message(project):
    text = replace(project, LANG_SON, "      end: 2021-12-26\n", "      end: 2099-12-26\n")
    assert problems(project) == [
        f"{LANG_SON}:{where(text, 'end: 2099-12-26')}: activities[tuyen-truyen-60-nam].time.end: thời gian thực hiện tối đa 10 năm, nhận "
        f"được từ 2021-01-01 đến 2099-12-26"
    ]


# --- one set of files: what MkDocs would publish is checked, or refused ---------------------


@pytest.mark.parametrize(
    "rel, message",
    [
        (
            "docs/chuyen-muc/2021/x.markdown",
            "bài viết phải có đuôi .md (MkDocs vẫn đăng tệp '.markdown' thành trang mà không qua kiểm tra); hãy đổi tên tệp",
        ),
        ("docs/chuyen-muc/_nhap/x.md", "MkDocs vẫn đăng các tệp trong thư mục bắt đầu bằng '_'; bài nháp hãy để ngoài thư mục docs/"),
        (
            "docs/chuyen-muc/2021/index.md",
            "không đặt index.md trong chuyên mục: các trang mục lục do hệ thống tạo; hãy đặt tên tệp theo nội dung bài",
        ),
        (
            "data/plans/x.yaml",
            "mỗi văn bản là một tệp đuôi .yml trong data/plans/; tệp này không được đọc, hãy đổi tên (đuôi .yml) hoặc chuyển đi",
        ),
        ("data/events.yaml", "tệp này không được đọc: dữ liệu nằm ở events.yml; hãy gộp vào tệp đó rồi xóa tệp này"),
    ],
)
def test_a_file_mkdocs_would_publish_unchecked_is_refused(project, rel, message):
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: <script>alert(1)</script>\n---\n", encoding="utf-8")
    assert problems(project) == [f"{rel}:1:1: {message}"]


def test_images_in_the_column_are_left_to_mkdocs(project, site):
    """(A hidden file is refused: tests/test_content.py.)"""
    (project / "docs/chuyen-muc/2021/hinh.png").write_bytes((project / "docs/chuyen-muc/anh/chia-se.png").read_bytes())
    from congbo.load import load_site
    from test_messages import TODAY

    assert len(load_site(project, today=TODAY, docs_dir=project / "docs").articles) == len(site.articles)


# --- issue 18: what the check passed and the build could not take ----------------------

IMAGE_ARTICLE = "docs/chuyen-muc/2021/ke-hoach-ky-niem-60-nam.md"
TOO_LONG = (
    "tên tệp hoặc thư mục dài quá 255 byte (đường dẫn tối đa 4096 byte), không tệp nào có tên như vậy; "
    "hãy đặt tên ngắn hơn: '" + "x" * 40 + "…'"
)
OUT_OF_DOCS = "đường dẫn tệp không có phần trống, '.' hay '..' (tệp phải nằm trong thư mục docs/), nhận được '../mkdocs.yml'"


def test_a_plan_id_given_as_a_list_is_a_message(project):
    rel = "data/plans/nghi-quyet-21-nq-tw.yml"
    text = replace(project, rel, "id: nghi-quyet-21-nq-tw", "id: [a, b]")
    found = problems(project)
    assert (
        f"{rel}:{where(text, 'id: [a, b]')}: id: mã phải gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ 'so-y-te-lang-son'), "
        f"nhận được một danh sách" in found
    )


@pytest.mark.parametrize("field", ["logo", "favicon", "share_image"])
def test_a_site_file_name_longer_than_any_system_allows_is_a_message(project, field):
    text = replace(project, "data/site.yml", f"\n{field}: ", f"\n{field}: {'x' * 300}/")
    assert problems(project) == [f"data/site.yml:{where(text, field + ': xxx')}: {field}: {TOO_LONG}"]


def test_an_article_image_name_longer_than_any_system_allows_is_a_message(project):
    text = replace(project, IMAGE_ARTICLE, "  file: chuyen-muc/anh/", f"  file: {'x' * 300}/chuyen-muc/anh/")
    assert problems(project) == [f"{IMAGE_ARTICLE}:{where(text, 'file: xxx')}: image.file: {TOO_LONG}"]


def test_an_article_image_path_longer_than_any_system_allows_is_a_message(project):
    text = replace(project, IMAGE_ARTICLE, "  file: chuyen-muc/anh/", f"  file: {'a/' * 2100}chuyen-muc/anh/")
    [found] = problems(project)
    assert found.startswith(
        f"{IMAGE_ARTICLE}:{where(text, 'file: a/')}: image.file: tên tệp hoặc thư mục dài quá 255 byte (đường dẫn tối đa 4096 byte)"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 300 + ".pdf", TOO_LONG),
        ("../mkdocs.yml", OUT_OF_DOCS),
        ("/etc/passwd", "đường dẫn tệp tính từ thư mục docs/, không bắt đầu bằng '/', '~' hay ổ đĩa, nhận được '/etc/passwd'"),
        ("van-ban\\\\ban-goc.pdf", "đường dẫn tệp ngăn các thư mục bằng dấu '/', không dùng '\\', nhận được 'van-ban\\ban-goc.pdf'"),
        ("van-ban/\\0.pdf", "có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+0000); hãy xóa nó"),
    ],
)
def test_a_wrong_attachment_file_name_is_a_message(project, name, message):
    text = replace(project, LANG_SON, "\nsections:\n", f'\nattachments:\n  - file: "{name}"\n    title: Bản gốc\nsections:\n')
    assert problems(project) == [f"{LANG_SON}:{where(text, '- file: ')}: attachments[1].file: {message}"]


def test_an_image_out_of_docs_is_a_message(project):
    text = replace(project, IMAGE_ARTICLE, "  file: chuyen-muc/anh/60-nam-dan-so-viet-nam.png", "  file: ../mkdocs.yml")
    assert problems(project) == [f"{IMAGE_ARTICLE}:{where(text, 'file: ../')}: image.file: {OUT_OF_DOCS}"]


def test_an_event_before_an_observance_was_first_held_is_a_message(project):
    """The 1994 event naming Ngày Dân số Việt Nam (first held 1997, counted from 1961) crashed the build
    of its programme page, which has no day in 1994."""
    text = replace(project, "data/events.yml", "  kind: su-kien\n", "  kind: su-kien\n  observances: [ngay-dan-so-viet-nam]\n")
    line, column = where(text, "observances: [ngay").split(":")
    assert problems(project) == [
        f"data/events.yml:{line}:{int(column) + 14}: [{EVENT}].observances[1]: sự kiện năm 1994 không thể hướng tới ngày kỷ niệm "
        "'ngay-dan-so-viet-nam': ngày này được tổ chức lần đầu năm 1997 (first_year trong data/observances.yml)"
    ]
