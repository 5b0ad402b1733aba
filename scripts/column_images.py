"""Draw the sample articles' illustrations (dev-time step; the PNG files are committed).

Each picture is an SVG written here, rasterised by Debian's Chromium through Playwright to
a 1200 × 630 PNG (the size link previews use) under docs/chuyen-muc/anh/. The pictures
carry no statistics: only shapes and the dates of the observances they illustrate.

    .venv/bin/python scripts/column_images.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "chuyen-muc" / "anh"
WIDTH, HEIGHT = 1200, 630
FONT = "'Noto Sans', 'DejaVu Sans', sans-serif"


def person(x: float, y: float, scale: float, colour: str) -> str:
    """A simple figure: head and shoulders, standing on (x, y)."""
    s = scale
    body = f"M{x - 48 * s} {y} v{-70 * s} q0 {-48 * s} {48 * s} {-48 * s} q{48 * s} 0 {48 * s} {48 * s} v{70 * s} z"
    return f'<circle cx="{x}" cy="{y - 150 * s}" r="{26 * s}" fill="{colour}"/><path d="{body}" fill="{colour}"/>'


def family(x: float, y: float, colour: str, scale: float = 1.0) -> str:
    return (
        person(x - 70 * scale, y, 1.05 * scale, colour)
        + person(x + 70 * scale, y, 1.0 * scale, colour)
        + person(x, y, 0.62 * scale, colour)
    )


def frame(background: str, body: str, accent: str = "#ffffff") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{background}"/>'
        f'<rect x="0" y="{HEIGHT - 18}" width="{WIDTH}" height="18" fill="{accent}" opacity="0.35"/>'
        f"{body}</svg>"
    )


def text(x: float, y: float, content: str, size: int, colour: str = "#ffffff", weight: int = 700, anchor: str = "start") -> str:
    return (
        f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" fill="{colour}" '
        f'text-anchor="{anchor}">{content}</text>'
    )


def calendar_page(x: float, y: float, day: str, month: str, colour: str) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="300" height="320" rx="22" fill="#ffffff"/>'
        f'<rect x="{x}" y="{y}" width="300" height="86" rx="22" fill="{colour}"/>'
        f'<rect x="{x}" y="{y + 60}" width="300" height="26" fill="{colour}"/>'
        f'<circle cx="{x + 80}" cy="{y + 8}" r="12" fill="#333"/><circle cx="{x + 220}" cy="{y + 8}" r="12" fill="#333"/>'
        + text(x + 150, y + 62, month, 40, anchor="middle")
        + text(x + 150, y + 250, day, 150, colour="#222222", anchor="middle")
    )


def pictures() -> dict[str, str]:
    red, deep, gold, green, blue, teal, purple = "#b3261e", "#7f1d1d", "#f2b705", "#2e7d32", "#1f4e8c", "#00695c", "#6a1b9a"
    return {
        "60-nam-dan-so-viet-nam.png": frame(
            red,
            (
                text(80, 250, "60", 230, colour=gold)
                + text(420, 170, "năm", 64)
                + text(420, 250, "Ngày Dân số Việt Nam", 52, weight=600)
                + text(80, 340, "26/12/1961 – 26/12/2021", 44, weight=500)
                + family(930, 560, "#ffffff", 1.1)
                + family(650, 575, gold, 0.8)
            ),
            gold,
        ),
        "lien-hoan-tuyen-truyen-vien.png": frame(
            deep,
            (
                '<path d="M0 0 h260 q-40 300 -150 630 h-110 z" fill="#c62828"/><path d="M1200 0 h-260 q40 300 150 630 h110 z" '
                'fill="#c62828"/>'
                '<polygon points="600,60 420,600 780,600" fill="#fff3c4" opacity="0.25"/>'
                '<rect x="250" y="520" width="700" height="90" fill="#4e342e"/>'
                + person(600, 520, 1.4, gold)
                + '<rect x="655" y="300" width="10" height="220" fill="#ddd"/><circle cx="660" cy="292" r="18" fill="#ddd"/>'
                + text(600, 110, "Liên hoan tuyên truyền viên dân số", 46, anchor="middle")
            ),
            gold,
        ),
        "bieu-duong-co-so.png": frame(
            green,
            (
                '<polygon points="880,120 915,220 1020,220 935,280 968,380 880,318 792,380 825,280 740,220 845,220" fill="#f2b705"/>'
                + family(400, 560, "#ffffff", 1.25)
                + text(700, 470, "Cảm ơn những người", 44, weight=600)
                + text(700, 530, "làm dân số ở cơ sở", 44, weight=600)
            ),
            gold,
        ),
        "26-12-ngay-dan-so-viet-nam.png": frame(
            blue,
            (
                calendar_page(110, 150, "26", "Tháng 12", red)
                + text(480, 260, "Ngày Dân số Việt Nam", 56)
                + text(480, 340, "Quyết định 216/CP, 26/12/1961", 36, weight=500)
                + text(480, 395, "Quyết định 326-TTg, 19/5/1997", 36, weight=500)
            ),
            gold,
        ),
        "20-3-ngay-quoc-te-hanh-phuc.png": frame(
            "#ef6c00",
            (
                '<circle cx="930" cy="250" r="120" fill="#ffd54f"/>'
                + "".join(
                    f'<rect x="925" y="60" width="10" height="50" fill="#ffd54f" transform="rotate({a} 930 250)"/>'
                    for a in range(0, 360, 30)
                )
                + family(300, 570, "#ffffff", 1.2)
                + text(560, 500, "20/3", 120, colour="#ffffff")
                + text(560, 560, "Ngày Quốc tế Hạnh phúc", 40, weight=600)
            ),
            "#ffd54f",
        ),
        "nghi-quyet-21-nq-tw.png": frame(
            deep,
            (
                '<rect x="160" y="110" width="340" height="440" rx="10" fill="#ffffff" transform="rotate(-6 330 330)"/>'
                '<rect x="200" y="90" width="340" height="440" rx="10" fill="#fdfdfd" stroke="#ccc"/>'
                + "".join(
                    f'<rect x="240" y="{200 + i * 40}" width="{260 - (i % 3) * 40}" height="14" rx="7" fill="#bbb"/>' for i in range(7)
                )
                + text(370, 160, "NGHỊ QUYẾT", 30, colour="#b3261e", anchor="middle")
                + text(640, 280, "21-NQ/TW", 96, colour=gold)
                + text(640, 350, "Công tác dân số trong tình hình mới", 36, weight=500)
                + text(640, 400, "25/10/2017", 36, weight=500)
            ),
            gold,
        ),
        "11-7-ngay-dan-so-the-gioi.png": frame(
            teal,
            (
                '<circle cx="880" cy="315" r="210" fill="#4db6ac"/>'
                '<ellipse cx="880" cy="315" rx="210" ry="80" fill="none" stroke="#e0f2f1" stroke-width="6"/>'
                '<ellipse cx="880" cy="315" rx="90" ry="210" fill="none" stroke="#e0f2f1" stroke-width="6"/>'
                '<line x1="670" y1="315" x2="1090" y2="315" stroke="#e0f2f1" stroke-width="6"/>'
                + text(90, 270, "11/7", 170)
                + text(90, 350, "Ngày Dân số Thế giới", 52, weight=600)
                + text(90, 410, "từ năm 1990", 38, weight=500)
            ),
            "#e0f2f1",
        ),
        "28-6-ngay-gia-dinh-viet-nam.png": frame(
            "#ad1457",
            (
                '<path d="M640 560 L640 330 L860 170 L1080 330 L1080 560 Z" fill="#f8bbd0"/>'
                '<path d="M600 350 L860 150 L1120 350" fill="none" stroke="#ffffff" stroke-width="26" stroke-linejoin="round"/>'
                + family(860, 560, "#880e4f", 1.0)
                + text(80, 290, "28/6", 150)
                + text(80, 370, "Ngày Gia đình Việt Nam", 48, weight=600)
            ),
            "#f8bbd0",
        ),
        "chinh-quyen-hai-cap.png": frame(
            blue,
            (
                '<rect x="450" y="110" width="300" height="110" rx="16" fill="#ffffff"/>'
                + text(600, 180, "Tỉnh", 48, colour=blue, anchor="middle")
                + "".join(
                    f'<line x1="600" y1="220" x2="{x + 90}" y2="400" stroke="#ffffff" stroke-width="6"/>'
                    f'<rect x="{x}" y="400" width="180" height="100" rx="14" fill="{gold}"/>'
                    + text(x + 90, 462, "Xã", 40, colour="#222222", anchor="middle")
                    for x in (150, 510, 870)
                )
                + text(600, 580, "Chính quyền địa phương hai cấp, từ 01/7/2025", 34, weight=500, anchor="middle")
            ),
            gold,
        ),
        "1-10-nguoi-cao-tuoi.png": frame(
            purple,
            (
                person(820, 560, 1.3, "#e1bee7")
                + person(1010, 560, 1.25, "#ce93d8")
                + '<line x1="900" y1="380" x2="920" y2="560" stroke="#e1bee7" stroke-width="12" stroke-linecap="round"/>'
                + text(90, 280, "1/10", 170)
                + text(90, 360, "Ngày Quốc tế Người cao tuổi", 46, weight=600)
            ),
            "#e1bee7",
        ),
        "20-10-ngay-phu-nu-viet-nam.png": frame(
            "#c2185b",
            (
                '<rect x="894" y="370" width="12" height="230" fill="#2e7d32"/>'
                + "".join(
                    f'<ellipse cx="900" cy="210" rx="55" ry="120" fill="#f48fb1" transform="rotate({a} 900 310)"/>'
                    for a in range(0, 360, 45)
                )
                + '<circle cx="900" cy="310" r="60" fill="#ffd54f"/>'
                + text(90, 280, "20/10", 160)
                + text(90, 360, "Ngày Phụ nữ Việt Nam", 50, weight=600)
                + text(90, 420, "8/3 · Ngày Quốc tế Phụ nữ", 38, weight=500)
            ),
            "#ffd54f",
        ),
        "thang-12-hanh-dong-dan-so.png": frame(
            red,
            (
                calendar_page(820, 150, "12", "Tháng", deep)
                + text(80, 230, "Tháng hành động", 64)
                + text(80, 310, "quốc gia về Dân số", 64)
                + text(80, 390, "65 năm công tác dân số 1961 – 2026", 38, weight=500)
                + family(330, 600, gold, 0.8)
            ),
            gold,
        ),
        "chia-se.png": frame(
            red,
            (
                family(900, 560, "#ffffff", 1.3)
                + text(80, 250, "Dân số và Phát triển", 70)
                + text(80, 330, "Lạng Sơn", 70, colour=gold)
                + text(80, 410, "Kế hoạch · Ngày kỷ niệm · Chuyên mục", 36, weight=500)
            ),
            gold,
        ),
    }


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        for name, svg in pictures().items():
            page.set_content(f'<html><body style="margin:0">{svg}</body></html>')
            page.screenshot(path=str(OUT / name), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
            print(OUT / name)
        browser.close()


if __name__ == "__main__":
    main()
