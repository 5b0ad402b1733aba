"""The strict YAML reader: no YAML 1.1 surprises, positions kept, duplicate keys caught."""

from congbo.yamlread import read_yaml


def value(text):
    located, problems = read_yaml(text, "f.yml")
    assert problems == []
    return located.value


def test_yaml_1_1_scalars_stay_text():
    assert value("a: no\nb: yes\nc: on\nd: 1:30\ne: 0755\nf: 2025-01-05\ng: 2025-01-05 09:30:00\n") == {
        "a": "no", "b": "yes", "c": "on", "d": "1:30", "e": "0755", "f": "2025-01-05", "g": "2025-01-05 09:30:00"
    }


def test_plain_types_an_editor_can_predict():
    assert value("a: true\nb: false\nc: 12\nd: -3\ne: 1.5\nf: null\ng: ~\nh:\n") == {
        "a": True, "b": False, "c": 12, "d": -3, "e": 1.5, "f": None, "g": None, "h": None
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
    _, problems = read_yaml("a: !!python/name:os.system\nb: &x {c: 1}\nd:\n  <<: *x\n", "f.yml")
    messages = [p.message for p in problems]
    assert any("thẻ YAML" in m for m in messages)
    assert any("khóa gộp '<<'" in m for m in messages)


def test_syntax_error_in_vietnamese_with_its_line():
    located, problems = read_yaml("a: 1\nb: \"unclosed\n", "f.yml")
    assert located is None
    assert str(problems[0]).startswith("f.yml:3:1: lỗi cú pháp YAML")


def test_list_items_are_named_by_id():
    located, _ = read_yaml("- id: so-y-te\n  name: x\n- name: y\n", "f.yml")
    from congbo.yamlread import format_path

    assert format_path(located.value, (0, "name")) == "[so-y-te].name"
    assert format_path(located.value, (1, "name")) == "[2].name"


def test_libyaml_wording_gets_the_same_vietnamese_hints():
    _, problems = read_yaml("name: Bộ Y tế: cơ quan\n", "f.yml")
    assert str(problems[0]) == "f.yml:1:14: lỗi cú pháp YAML: dấu hai chấm đặt sai chỗ (nếu văn bản có dấu hai chấm, hãy đặt cả chuỗi trong dấu ngoặc kép)"
    _, problems = read_yaml("lead: [a, b\nx: 1\n", "f.yml")
    assert "danh sách mở bằng '[' chưa đóng bằng ']'" in str(problems[0])
