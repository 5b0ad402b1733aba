"""Issue 11's reproducers: each input that once crashed, hung or passed unseen now gives one exact
Vietnamese message at its file, line and column (or is refused before it reaches the build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project
from test_load_errors import LANG_SON, problems, replace, where

ARTICLE = "docs/chuyen-muc/2022/thang-hanh-dong.md"
EVENT = "han-lien-hoan-cap-huyen-lang-son-2021"


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
    text = replace(project, "data/events.yml", "  kind: han\n", "  kind: han\n  place: Lạng Sơn\n")
    (project / "data/events.yml").write_bytes(text.encode("utf-8").replace("Lạng Sơn".encode("utf-8"), b"L\xe1ng S\xf4n"))
    line, column = where(text, "place: Lạng Sơn").split(":")
    assert problems(project) == [f"data/events.yml:{line}:{int(column) + 8}: tệp không ở mã UTF-8 (byte 0xE1 không hợp lệ); hãy lưu lại tệp với mã UTF-8"]


def test_a_byte_order_mark_before_an_article_is_accepted_as_mkdocs_does(project, site):
    path = project / ARTICLE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    from congbo.load import load_site
    from test_load_errors import TODAY

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
    assert problems(project) == [f"{ARTICLE}:{where(text, 'date: 0001')}: date: năm phải từ 1900 đến 2100, nhận được '0001-01-01 00:00 +09:00'"]


def test_a_recursive_alias_in_a_data_file_is_a_message(project):
    text = replace(project, "data/events.yml", "  kind: han\n", "  kind: han\n  observances: &a [*a]\n")
    line = where(text, "observances: &a").split(":")[0]
    message = "không dùng neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ giá trị ở mỗi chỗ"
    assert problems(project) == [f"data/events.yml:{line}:16: {message}", f"data/events.yml:{line}:20: {message}"]


def test_a_raw_escape_character_is_reported_at_its_line_and_shown_escaped(project):
    text = replace(project, "data/events.yml", "  kind: han\n", "  kind: han\n  place: \"\x1b]0;pwned\x07\"\n")
    line = where(text, "place:").split(":")[0]
    found = problems(project)
    assert found == [
        f"data/events.yml:{line}:11: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+001B); hãy xóa nó",
        f"data/events.yml:{line}:20: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+0007); hãy xóa nó",
    ]


def test_an_escaped_control_character_in_a_value_is_shown_escaped(project):
    text = replace(project, "data/events.yml", "- id: han-lien-hoan-cap-huyen-lang-son-2021\n", "- id: \"han\\e]0;x\\a\"\n")
    found = problems(project)
    at = where(text, '- id: "han')
    assert f"data/events.yml:{at}: [han\\x1b]0;x\\x07].id: mã phải gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ 'so-y-te-lang-son'), nhận được 'han\\x1b]0;x\\x07'" in found
    assert not any("\x1b" in m or "\x07" in m for m in found)


def test_a_24th_lettered_item_is_a_message(project):
    items = "".join(f"          - title: Mục {n}\n" for n in range(1, 25))
    text = replace(project, LANG_SON, "sections:\n", f"sections:\n  - title: Phần\n    sections:\n      - title: Mục\n        sections:\n{items}", )
    at = where(text, "- title: Mục 24")
    assert problems(project) == [f"{LANG_SON}:{at}: sections[1].sections[1].sections[24]: mục cấp này được đánh chữ a) đến y), nên chỉ có tối đa 23 mục; hãy chia thành nhiều mục cấp trên"]


def test_a_title_cut_by_a_comment_is_a_message(project):
    text = replace(project, ARTICLE, 'title: "Tháng 12 hằng năm là Tháng hành động quốc gia về Dân số"', "title: Kế hoạch #1")
    assert problems(project) == [
        f"{ARTICLE}:{where(text, 'title: Kế')[:-1]}8: title: chữ sau ' #' bị YAML coi là ghi chú và bỏ đi; nếu '#…' thuộc giá trị, "
        "hãy đặt cả giá trị trong ngoặc kép (ví dụ \"Kế hoạch #1\"); nếu là ghi chú, hãy viết nó trên một dòng riêng"
    ]
