"""The strict YAML reader: no YAML 1.1 surprises, positions kept, duplicate keys caught."""

import time

import pytest

from congbo.scalars import FORBIDDEN, FORBIDDEN_CHARS
from congbo.yamlread import read_yaml


def value(text):
    located, problems = read_yaml(text, "f.yml")
    assert problems == []
    return located.value


def test_yaml_1_1_scalars_stay_text():
    assert value("a: no\nb: yes\nc: on\nd: 1:30\ne: 0755\nf: 2025-01-05\ng: 2025-01-05 09:30:00\n") == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": "1:30",
        "e": "0755",
        "f": "2025-01-05",
        "g": "2025-01-05 09:30:00",
    }


def test_plain_types_an_editor_can_predict():
    assert value("a: true\nb: false\nc: 12\nd: -3\ne: 1.5\nf: null\ng: ~\nh:\n") == {
        "a": True,
        "b": False,
        "c": 12,
        "d": -3,
        "e": 1.5,
        "f": None,
        "g": None,
        "h": None,
    }


def test_positions_of_keys_and_items():
    located, _ = read_yaml("# c\nplans:\n  - id: a\n    lead: x\n  - id: b\n", "f.yml")
    assert located.where(("plans", 0, "lead")) == (4, 5)
    assert located.where(("plans", 1, "id")) == (5, 5)
    assert located.where(("plans", 1, "missing")) == (5, 5)


def test_front_matter_lines_are_shifted():
    located, _ = read_yaml("id: a\ntitle: b\n", "bai.md", first_line=2)
    assert located.where(("title",)) == (3, 1)


def test_duplicate_key_keeps_the_first_and_says_where_both_are():
    located, problems = read_yaml("name: a\nkind: x\nname: b\n", "f.yml")
    assert located.value == {"name": "a", "kind": "x"}
    assert [str(p) for p in problems] == ["f.yml:3:1: name: trường 'name' bị viết hai lần (lần đầu ở dòng 1); hãy giữ một lần"]


def test_tags_and_merge_keys_are_refused():
    _, problems = read_yaml("a: !!python/name:os.system\nd:\n  <<: {c: 1}\n", "f.yml")
    messages = [p.message for p in problems]
    assert any("thẻ YAML" in m for m in messages)
    assert any("khóa gộp '<<'" in m for m in messages)


def test_syntax_error_in_vietnamese_with_its_line():
    located, problems = read_yaml('a: 1\nb: "unclosed\n', "f.yml")
    assert located is None
    assert [str(p) for p in problems] == ["f.yml:2:4: lỗi cú pháp YAML: tệp kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)"]


def test_list_items_are_named_by_id():
    located, _ = read_yaml("- id: so-y-te\n  name: x\n- name: y\n", "f.yml")
    from congbo.yamlread import format_path

    assert format_path(located.value, (0, "name")) == "[so-y-te].name"
    assert format_path(located.value, (1, "name")) == "[2].name"


def test_libyaml_wording_gets_the_same_vietnamese_hints():
    _, problems = read_yaml("name: Bộ Y tế: cơ quan\n", "f.yml")
    assert (
        str(problems[0])
        == "f.yml:1:14: lỗi cú pháp YAML: dấu hai chấm đặt sai chỗ (nếu văn bản có dấu hai chấm, hãy đặt cả chuỗi trong dấu ngoặc kép)"
    )
    _, problems = read_yaml("lead: [a, b\nx: 1\n", "f.yml")
    assert "danh sách mở bằng '[' chưa đóng bằng ']'" in str(problems[0])


ALIAS = "không dùng neo (&) và tham chiếu (*) của YAML; hãy viết đầy đủ giá trị ở mỗi chỗ"


def test_anchors_and_aliases_are_refused_at_their_place():
    located, problems = read_yaml("a: &x [1]\nb: *x\n", "f.yml")
    assert located is None
    assert [str(p) for p in problems] == [f"f.yml:1:4: {ALIAS}", f"f.yml:2:4: {ALIAS}"]


def test_a_recursive_alias_is_a_message_not_a_recursion_error():
    located, problems = read_yaml("a: &a [*a]\n", "f.yml")
    assert located is None
    assert [str(p) for p in problems] == [f"f.yml:1:4: {ALIAS}", f"f.yml:1:8: {ALIAS}"]


def test_an_alias_bomb_is_refused_at_once():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    started = time.perf_counter()
    located, problems = read_yaml("\n".join(lines) + "\n", "f.yml")
    assert located is None and len(problems) == 1 + 8 * 11
    assert time.perf_counter() - started < 2


def test_deep_nesting_is_a_message():
    located, problems = read_yaml("a: " + "[" * 900 + "]" * 900 + "\n", "f.yml")
    assert [p.message for p in problems] == ["dữ liệu lồng nhau quá 32 cấp; hãy viết phẳng hơn"]


@pytest.mark.parametrize(
    "char", ["\x1b", "\x07", "\x00", "\x85", "\u202e", "\u200c", "\u200d", "\u2060", "\u00ad", "\u2028", "\ufffe", "\uffff", "\ufeff"]
)
def test_a_raw_forbidden_character_is_reported_at_its_line_and_column(char):
    located, problems = read_yaml(f"a: 1\nb: 'x{char}y'\n", "f.yml")
    assert located is None
    assert [str(p) for p in problems] == [f"f.yml:2:6: có ký tự ẩn hoặc ký tự điều khiển không in được (mã U+{ord(char):04X}); hãy xóa nó"]


def test_an_unclosed_quote_is_reported_where_it_opens():
    text = 'a: 1\nb: "abc\nc: 2\nd: 3\ne: 4\nf: "g"\nh: 5\n'
    _, problems = read_yaml(text, "f.yml")
    assert [str(p) for p in problems] == [
        "f.yml:2:4: lỗi cú pháp YAML: dấu ngoặc mở ở đây có lẽ chưa được đóng: chuỗi trong ngoặc kéo dài sang các dòng sau"
    ]


def test_messages_show_control_characters_escaped():
    located, problems = read_yaml('- id: "\\e]0;pwned\\a"\n  name: x\n', "f.yml")
    from congbo.errors import Problem

    shown = str(Problem("f.yml", 1, 1, "[1].id", f"nhận được '{located.value[0]['id']}'"))
    assert shown == "f.yml:1:1: [1].id: nhận được '\\x1b]0;pwned\\x07'"
    assert "\x1b" not in shown


def test_the_set_of_forbidden_characters_is_the_regex_s():
    """The fast check (a set) and the one that finds positions (the regex) refuse the same characters."""
    matched = {chr(c) for c in range(0x110000) if FORBIDDEN.match(chr(c))}
    assert matched == FORBIDDEN_CHARS
    assert {"\x00", "\x1b", "\x9f", "\u202e", "\ufeff", "\U0010ffff"} <= matched
    assert not {"\t", "\n", "\r", " ", "ạ", "\u00a0"} & matched
