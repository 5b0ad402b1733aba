"""Messages that say what to write: a number written with its symbol ('11/2017/NQ-HĐND') is split for the
editor, and a missing signer offers the two ways to say it is not there ('??', '..')."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TEST_TODAY, copy_project, replace, where

from congbo.errors import DataError
from congbo.load import load_site

LOC_NINH = "data/plans/ke-hoach-128-ubnd-loc-ninh.yml"


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(root, today=TEST_TODAY)
    return [str(p) for p in caught.value.problems]


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
