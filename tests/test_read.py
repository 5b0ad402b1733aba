"""The one reader (`congbo.read`): a file's text, an article's parts, what a column page is, a record's id as
written. The loader, `congbo changes`, the history and the starting files all read through it."""

from __future__ import annotations

import pytest

from congbo.errors import Problem
from congbo.read import FRONT_MATTER_LINE, article_body, decode, not_an_article, raw_id, read_article_body, split_article


def test_decode_drops_a_byte_order_mark():
    assert decode("\ufeffid: a\n".encode(), "data/site.yml") == ("id: a\n", None)


def test_decode_says_where_a_byte_is_not_utf8_and_reads_on():
    text, problem = decode("id: a\nname: Hà\xff".encode("utf-8").replace(b"\xc3\xbf", b"\xff"), "data/site.yml")
    assert text == "id: a\nname: Hà\ufffd"
    assert problem == Problem("data/site.yml", 2, 9, "", "tệp không ở mã UTF-8 (byte 0xFF không hợp lệ); hãy lưu lại tệp với mã UTF-8")


def test_split_article_gives_front_matter_body_and_the_body_line():
    assert split_article("---\nid: a\ntitle: A\n---\nNội dung.\n") == ("id: a\ntitle: A\n", "Nội dung.\n", 5)
    assert split_article("---\n---\n") == ("", "", 3)
    assert split_article("Không có phần đầu.\n") is None
    assert FRONT_MATTER_LINE == 2


@pytest.mark.parametrize(
    "parts, article",
    [
        (("2025", "bai.md"), True),
        (("bai.md",), True),
        (("2025", "index.md"), False),
        (("_nhap", "2025", "bai.md"), False),
        (("2025", "_nhap", "bai.md"), False),
        (("2025", "bai.markdown"), False),
    ],
)
def test_not_an_article_says_why(parts, article):
    assert (not_an_article(parts) is None) is article


@pytest.mark.parametrize(
    "item, found", [({"id": "a"}, "a"), ({"id": 3}, None), ({"id": ["a"]}, None), ({}, None), ("a", None), (None, None)]
)
def test_raw_id_is_an_id_written_as_text(item, found):
    assert raw_id(item) == found


def test_an_article_s_body_is_read_from_its_file_as_it_is_published(tmp_path):
    """The loader keeps no article's text: its page reads the body again, after the front matter, in NFC, without a
    byte order mark, with the file's own line ends."""
    import unicodedata

    path = tmp_path / "bai.md"
    body = unicodedata.normalize("NFD", "## Dân số\r\n\r\nNội dung.\n")
    path.write_bytes(("\ufeff---\r\nid: bai\r\ntitle: Bài\r\n---\r\n" + body).encode("utf-8"))
    assert read_article_body(path) == unicodedata.normalize("NFC", body)
    assert article_body("no front matter\n") == "no front matter\n"
