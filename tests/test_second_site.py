"""Another body can make its own site from this repository by replacing data/ and docs/: the site's
name, address, logo, contact and colours come from its data, and no word of the sample site is left."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from lxml import html

from conftest import ROOT, mkdocs_build

SITE_YML = """\
name: Dân số Quảng Trị
url: https://danso.quangtri.example.vn/
description: Trang thông tin công khai về công tác dân số của tỉnh Quảng Trị.
owner: so-y-te-quang-tri
logo: assets/bieu-trung.svg
favicon: assets/bieu-tuong.svg
share_image: assets/chia-se.png
colours:
  primary: "#1d4e89"
  dark: "#123456"
contact:
  name: Nguyễn Văn An
  role: Văn phòng Sở Y tế tỉnh Quảng Trị
  phone: "0233 3000 001"
  email: baochi@quangtri.example.vn
column:
  name: Dân số hôm nay
  description: Tin và kiến thức về công tác dân số ở Quảng Trị.
  reuse: Các báo được đăng lại khi ghi rõ nguồn “Dân số Quảng Trị”.
  categories:
    - id: tin-tuc
      name: Tin tức
      description: Tin hoạt động.
"""

ORGANISATIONS_YML = """\
- id: ubnd-quang-tri
  name: "Ủy ban nhân dân tỉnh Quảng Trị"
  short_name: "UBND tỉnh"
  kind: ubnd
  level: tinh
  province: "Quảng Trị"
  heading: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
- id: so-y-te-quang-tri
  name: "Sở Y tế tỉnh Quảng Trị"
  short_name: "Sở Y tế"
  kind: so
  level: tinh
  province: "Quảng Trị"
  parent: ubnd-quang-tri
  contact:
    address: 01 đường Trần Hưng Đạo, phường Đông Hà, tỉnh Quảng Trị
    phone: "0233 3000 000"
    email: danso@quangtri.example.vn
    sources:
      - kind: cong-thong-tin
        name: Cổng thông tin thử
        url: https://quangtri.example.vn/lien-he
"""

OBSERVANCES_YML = """\
- id: ngay-dan-so-viet-nam
  name: "Ngày Dân số Việt Nam"
  month: 12
  day: 26
  first_year: 1961
  summary: "Ngày ra đời của công tác dân số ở Việt Nam."
  history:
    - "Ngày 26/12/1961 Hội đồng Chính phủ ban hành Quyết định 216/CP."
  basis:
    - document: "Quyết định 216/CP"
      issuer: "Hội đồng Chính phủ"
"""

DOCUMENT_YML = """\
id: ke-hoach-dan-so-quang-tri-2026
symbol: KH-UBND
issuer: ubnd-quang-tri
place: "Quảng Trị"
date: 2026-03-02
number: 12
summary: "Công tác dân số năm 2026"
observances: [ngay-dan-so-viet-nam]
sections:
  - id: muc-dich
    title: "MỤC ĐÍCH"
    body: ["Nâng cao chất lượng dân số."]
activities:
  - id: truyen-thong
    name: "Truyền thông về dân số"
    section: muc-dich
    lead: so-y-te-quang-tri
    time:
      end: 2026-12-26
recipients:
  - text: "Sở Y tế"
    role: thuc-hien
    organisation: so-y-te-quang-tri
  - text: "VT, KGVX"
    role: luu
signer:
  authority: ["KT. CHỦ TỊCH"]
  title: "PHÓ CHỦ TỊCH"
  name: "Trần Văn Bình"
"""

ARTICLE_MD = """\
---
id: ngay-dan-so-2026
title: "Ngày Dân số Việt Nam năm 2026"
date: 2026-10-01 08:00 +07:00
author: Ban biên tập
category: tin-tuc
summary: "Các hoạt động hướng tới Ngày Dân số Việt Nam 26/12/2026."
observances: [ngay-dan-so-viet-nam]
plans: [ke-hoach-dan-so-quang-tri-2026]
---

Sở Y tế tổ chức truyền thông ở các xã.
"""

INDEX_MD = """\
---
title: Trang chủ
render_macros: true
---

# {{ site_name() }}

{{ next_observances(3) }}

{{ current_plans() }}

{{ latest_articles(5) }}
"""

PRESS_MD = """\
---
title: Dành cho báo chí
render_macros: true
---

# Dành cho báo chí

## Nguồn tin { #nguon-tin }

{{ press_feeds() }}

## Đầu mối liên hệ { #lien-he }

{{ press_contact() }}
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#1d4e89"/></svg>\n'
SAMPLE_WORDS = re.compile(r"lạng\s*sơn|lang[\s-]*son|langson", re.I)


def tiny_png() -> bytes:
    """A real 1 × 1 PNG (the share image must be a file MkDocs copies)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def make_second_site(root: Path) -> Path:
    """Another body's project: the repository's configuration, theme and macros; its own data and docs."""
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "congbo").symlink_to(ROOT / "congbo")  # mkdocs.yml watches it
    write(root / "data/site.yml", SITE_YML)
    write(root / "data/organisations.yml", ORGANISATIONS_YML)
    write(root / "data/observances.yml", OBSERVANCES_YML)
    write(root / "data/events.yml", "[]\n")
    write(root / "data/plans/ke-hoach-dan-so-quang-tri-2026.yml", DOCUMENT_YML)
    write(root / "docs/index.md", INDEX_MD)
    write(root / "docs/bao-chi.md", PRESS_MD)
    write(root / "docs/chuyen-muc/2026/ngay-dan-so-2026.md", ARTICLE_MD)
    write(root / "docs/assets/bieu-trung.svg", SVG)
    write(root / "docs/assets/bieu-tuong.svg", SVG)
    write(root / "docs/assets/chia-se.png", tiny_png())
    shutil.copy2(ROOT / "docs/assets/congbo.css", root / "docs/assets/congbo.css")
    shutil.copy2(ROOT / "docs/assets/highlight.js", root / "docs/assets/highlight.js")
    return root


@pytest.fixture(scope="module")
def second_site(tmp_path_factory) -> Path:
    root = make_second_site(tmp_path_factory.mktemp("quang-tri"))
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_word_of_the_sample_site_is_left(second_site):
    leftovers = []
    for path in sorted(second_site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ics", ".js", ".css", ".txt", ".svg"}:
            for match in SAMPLE_WORDS.finditer(path.read_text(encoding="utf-8", errors="replace")):
                leftovers.append(f"{path.relative_to(second_site)}: {match.group(0)}")
    assert leftovers == []
    assert len(list(second_site.rglob("*.html"))) > 10


def test_identity_comes_from_the_data(second_site):
    home = html.fromstring((second_site / "index.html").read_bytes())
    assert home.findtext(".//title") == "Trang chủ - Dân số Quảng Trị"
    assert home.xpath("//link[@rel='canonical']/@href") == ["https://danso.quangtri.example.vn/"]
    assert home.xpath("//link[@rel='icon']/@href") == ["assets/bieu-tuong.svg"]
    assert "assets/bieu-trung.svg" in home.xpath("//header//img/@src")
    assert home.xpath("//meta[@property='og:image']/@content") == ["https://danso.quangtri.example.vn/assets/chia-se.png"]
    assert "assets/colours.css" in home.xpath("//head/link[@rel='stylesheet']/@href")
    assert "--md-primary-fg-color: #1d4e89;" in (second_site / "assets/colours.css").read_text(encoding="utf-8")
    footer = " ".join(home.xpath("//footer")[0].text_content().split())
    for fact in (
        "Sở Y tế tỉnh Quảng Trị",
        "01 đường Trần Hưng Đạo, phường Đông Hà, tỉnh Quảng Trị",
        "0233 3000 000",
        "danso@quangtri.example.vn",
        "Nguyễn Văn An",
    ):
        assert fact in footer
    assert home.xpath("//footer//a[text()='Nguyễn Văn An']/@href") == ["bao-chi/#lien-he"]
    sitemap = (second_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://danso.quangtri.example.vn/ke-hoach/ke-hoach-dan-so-quang-tri-2026/</loc>" in sitemap
