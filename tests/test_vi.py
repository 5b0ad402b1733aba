"""Vietnamese dates as documents write them (Nghị định 30/2020/NĐ-CP), slugs, folding, the build date."""

import datetime as dt

import pytest

from congbo import vi


@pytest.mark.parametrize(
    "date, expected",
    [
        (dt.date(2021, 12, 26), "ngày 26 tháng 12 năm 2021"),
        (dt.date(2021, 1, 5), "ngày 05 tháng 01 năm 2021"),
        (dt.date(2021, 2, 9), "ngày 09 tháng 02 năm 2021"),
        (dt.date(2027, 7, 11), "ngày 11 tháng 7 năm 2027"),
        (dt.date(2021, 10, 1), "ngày 01 tháng 10 năm 2021"),
    ],
)
def test_long_date(date, expected):
    assert vi.long_date(date) == expected


@pytest.mark.parametrize(
    "text, slug",
    [("Đà Nẵng", "da-nang"), ("I. MỤC ĐÍCH, YÊU CẦU", "i-muc-dich-yeu-cau"), ("Ủy ban nhân dân", "uy-ban-nhan-dan"), ("  ", "")],
)
def test_slugify_keeps_d_and_drops_accents(text, slug):
    assert vi.slugify(text) == slug


def test_fold():
    assert vi.fold("Dân số và phát triển, Đề nghị") == "Dan so va phat trien, De nghi"


def test_roman_and_letters():
    assert [vi.roman(n) for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [vi.letter(n) for n in (1, 4, 5, 6)] == ["a", "d", "đ", "e"]


def test_lower_first_lowers_only_the_first_letter():
    assert vi.lower_first("Đẩy mạnh truyền thông tại UBND xã") == "đẩy mạnh truyền thông tại UBND xã"
    assert vi.lower_first("Số 3589 (chưa rõ ký hiệu)") == "số 3589 (chưa rõ ký hiệu)"
    assert vi.lower_first("") == ""
