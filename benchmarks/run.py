"""Build-time benchmark: our site against plain mkdocs-material pages, measured in one run.

Generates a synthetic content set (articles, plans, events) into a copy of the project, the
same number of plain Markdown pages into a plain mkdocs-material project, builds each
``--repeat`` times (alternating), and prints the medians, the ratio ours/plain and the peak
memory of each build. Exits 1 when, at the largest size, the wall-time, CPU-time or peak-memory ratio
is over its target (``--max-ratio``, ``--max-cpu-ratio``, ``--max-memory-ratio``: 1.3, 1.3, 1.5),
2 when a build fails.

    python benchmarks/run.py --articles 2000 --plans 100 --repeat 3
    python benchmarks/run.py --sizes 250,500,1000,2000 --plans 100 --articles 2000

With ``--sizes`` the numbers are article counts; plans keep the ratio of ``--plans`` to
``--articles`` (100 plans per 2,000 articles by default), at least one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The fixed build date of the test builds: 2026-11-20 09:00 +07:00; every synthetic article is older.
EPOCH = "1795140000"
BUILD_DAY = dt.date(2026, 11, 20)
FIRST_DAY = dt.date(2019, 1, 1)
EVENTS_PER_PLAN = 2
IMAGE_EVERY = 3
IMAGE_FILE = "chuyen-muc/anh/bai-mau.png"
IMAGE_SIZE = (64, 40)

# --- synthetic text (written for this benchmark) ----------------------------------------

SENTENCES = [
    "Công tác dân số ở cơ sở được triển khai đồng bộ, với sự tham gia của chính quyền, đoàn thể và đội ngũ cộng tác viên thôn, bản.",
    "Cán bộ dân số đã đến từng hộ gia đình để tư vấn về chăm sóc sức khỏe sinh sản và kế hoạch hóa gia đình.",
    "Nhiều cặp vợ chồng trẻ được hướng dẫn khám sức khỏe trước khi kết hôn để phòng ngừa các bệnh di truyền.",
    "Tỷ số giới tính khi sinh cần được theo dõi thường xuyên, nhất là ở những địa bàn còn tập quán thích con trai.",
    "Tầm soát, chẩn đoán trước sinh và sơ sinh giúp phát hiện sớm dị tật bẩm sinh, giảm gánh nặng cho gia đình và xã hội.",
    "Người cao tuổi được khám sức khỏe định kỳ, lập sổ theo dõi và hướng dẫn tự chăm sóc tại nhà.",
    "Tình trạng tảo hôn và hôn nhân cận huyết thống ở vùng đồng bào dân tộc thiểu số đã giảm nhưng chưa chấm dứt.",
    "Các buổi nói chuyện chuyên đề được tổ chức bằng tiếng Kinh, tiếng Tày và tiếng Nùng để bà con dễ hiểu, dễ nhớ.",
    "Mạng lưới cộng tác viên dân số thôn, bản là lực lượng nòng cốt đưa thông tin chính sách đến với người dân.",
    "Số liệu dân số được cập nhật hằng tháng vào kho dữ liệu điện tử, phục vụ việc lập kế hoạch của địa phương.",
    "Duy trì mức sinh thay thế là mục tiêu lâu dài, gắn với nâng cao chất lượng dân số và phân bố dân cư hợp lý.",
    "Trường học phối hợp với trạm y tế xã tổ chức các buổi ngoại khóa về sức khỏe sinh sản vị thành niên.",
    "Phụ nữ mang thai được tư vấn về dinh dưỡng, khám thai định kỳ và sinh con tại cơ sở y tế.",
    "Kết quả này cho thấy hiệu quả của việc lồng ghép công tác dân số với các chương trình phát triển kinh tế - xã hội.",
    "Ban chỉ đạo công tác dân số cấp huyện đã kiểm tra, đôn đốc các xã thực hiện chỉ tiêu được giao.",
    "Những gia đình tiêu biểu được biểu dương, trở thành tấm gương để bà con trong thôn noi theo.",
    "Nhiều xã đã đưa nội dung về dân số vào hương ước, quy ước của thôn, bản.",
    "Các đội lưu động đưa dịch vụ kế hoạch hóa gia đình đến những thôn xa trung tâm, đường đi lại khó khăn.",
    "Già hóa dân số đặt ra yêu cầu chuẩn bị sớm hệ thống chăm sóc sức khỏe và an sinh cho người cao tuổi.",
    "Tuổi thọ trung bình tăng lên, song số năm sống khỏe mạnh vẫn là khoảng cách cần thu hẹp.",
    "Hội Liên hiệp Phụ nữ và Đoàn Thanh niên phối hợp tổ chức các hoạt động truyền thông tại chợ phiên.",
    "Chiến dịch tăng cường truyền thông được tổ chức vào các tháng cao điểm, tập trung ở địa bàn khó khăn.",
    "Cán bộ y tế xã cho biết nhu cầu tư vấn của thanh niên về sức khỏe sinh sản ngày càng tăng.",
    "Kinh phí thực hiện được bố trí từ ngân sách địa phương và lồng ghép với các chương trình mục tiêu.",
    "Năm nay, địa phương phấn đấu giảm tỷ lệ sinh con thứ ba trở lên và nâng tỷ lệ sàng lọc trước sinh.",
    "Bản tin trên đài truyền thanh xã được phát vào buổi sáng và buổi tối, khi người dân ở nhà.",
    "Ứng dụng công nghệ thông tin giúp cộng tác viên ghi chép biến động dân số nhanh và chính xác hơn.",
    "Nâng cao chất lượng dân số là nền tảng để phát triển nguồn nhân lực của tỉnh trong giai đoạn tới.",
]
HEADINGS = [
    "Kết quả bước đầu",
    "Những khó khăn còn gặp",
    "Hướng đi trong thời gian tới",
    "Ý kiến của người dân",
    "Vai trò của cộng tác viên",
]
PLACES = [
    "Huyện Cao Lộc",
    "Huyện Lộc Bình",
    "Huyện Đình Lập",
    "Huyện Hữu Lũng",
    "Huyện Chi Lăng",
    "Huyện Văn Quan",
    "Huyện Bình Gia",
    "Huyện Bắc Sơn",
    "Huyện Văn Lãng",
    "Huyện Tràng Định",
    "Thành phố Lạng Sơn",
]
VERBS = ["tăng cường", "đẩy mạnh", "triển khai", "tổng kết", "nâng cao hiệu quả", "ra quân"]
TOPICS = [
    "truyền thông về mất cân bằng giới tính khi sinh",
    "tầm soát, chẩn đoán trước sinh và sơ sinh",
    "tư vấn và khám sức khỏe trước khi kết hôn",
    "chăm sóc sức khỏe người cao tuổi dựa vào cộng đồng",
    "giảm tảo hôn và hôn nhân cận huyết thống",
    "chăm sóc sức khỏe sinh sản vị thành niên, thanh niên",
    "cung cấp dịch vụ kế hoạch hóa gia đình đến vùng khó khăn",
    "cập nhật kho dữ liệu dân số điện tử",
    "duy trì mức sinh thay thế",
    "nâng cao chất lượng dân số",
    "truyền thông dân số tại chợ phiên",
    "biểu dương cộng tác viên dân số tiêu biểu",
]
AUTHORS = ["Nguyễn Thị Hằng", "Hoàng Văn Tuấn", "Lương Thị Thu", "Vi Văn Bình", "Nông Thị Lan", "Lành Minh Đức"]
SIGNERS = ["Đoàn Thu Hà", "Lương Trọng Quỳnh", "Nguyễn Công Trưởng", "Hoàng Văn Nghiệm"]


# --- the synthetic set ------------------------------------------------------------------


@dataclass
class Content:
    """One synthetic set, written both ways: our data and articles, and plain pages."""

    plans: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)


def make_content(articles: int, plans: int, orgs: list[dict], categories: list[str], observances: list[str], seed: int = 1) -> Content:
    rng = random.Random(seed)
    issuers = [o for o in orgs if o.get("heading") and not o.get("valid_until")]
    units = [o["id"] for o in orgs if not o.get("valid_until")]
    content = Content()
    numbers: dict[tuple[str, int], int] = {}
    for i in range(1, plans + 1):
        plan = make_plan(rng, i, issuers[i % len(issuers)], units, observances, numbers)
        content.plans.append(plan)
        content.events.extend(make_events(rng, plan))
    span = (BUILD_DAY - FIRST_DAY).days - 1
    for i in range(1, articles + 1):
        day = FIRST_DAY + dt.timedelta(days=span * (i - 1) // max(articles - 1, 1))
        content.articles.append(make_article(rng, i, day, categories, content, observances))
    return content


def paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return " ".join(rng.sample(SENTENCES, sentences or rng.randint(3, 5)))


def make_plan(rng, i: int, issuer: dict, units: list[str], observances: list[str], numbers: dict) -> dict:
    year = FIRST_DAY.year + (i * 7) % (BUILD_DAY.year - FIRST_DAY.year)
    date = dt.date(year, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    # Nghị định 30/2020: numbers run per issuer and year; 100 up keeps clear of the real plans.
    numbers[(issuer["id"], year)] = number = numbers.get((issuer["id"], year), 100) + 1
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    duties = rng.sample(units, 3)
    sections = [
        {
            "id": "muc-dich-yeu-cau",
            "title": "MỤC ĐÍCH, YÊU CẦU",
            "sections": [
                {"id": "muc-dich", "title": "Mục đích", "body": [paragraph(rng), paragraph(rng)]},
                {"id": "yeu-cau", "title": "Yêu cầu", "body": [{"items": rng.sample(SENTENCES, 3)}]},
            ],
        },
        {
            "id": "noi-dung",
            "title": "NỘI DUNG HOẠT ĐỘNG",
            "sections": [
                {
                    "id": f"noi-dung-{k}",
                    "title": f"{VERBS[k % len(VERBS)].capitalize()} {rng.choice(TOPICS)}",
                    "body": [paragraph(rng), {"items": rng.sample(SENTENCES, 2)}],
                }
                for k in range(1, 4)
            ],
        },
        {"id": "kinh-phi", "title": "KINH PHÍ THỰC HIỆN", "body": [SENTENCES[23]]},
        {
            "id": "to-chuc-thuc-hien",
            "title": "TỔ CHỨC THỰC HIỆN",
            "sections": [
                {"id": f"nhiem-vu-{k}", "title": f"Nhiệm vụ của đơn vị {k}", "duties_of": [org], "body": [paragraph(rng, 2)]}
                for k, org in enumerate(duties, 1)
            ],
        },
    ]
    times = [
        {"deadline": (date + dt.timedelta(days=60)).isoformat()},
        {"end": (date + dt.timedelta(days=300)).isoformat()},
        {"observances": [rng.choice(observances)]},
        {"ongoing": True},
    ]
    activities = [
        {
            "id": f"hoat-dong-{k}",
            "name": f"{VERBS[k % len(VERBS)].capitalize()} {rng.choice(TOPICS)}",
            "section": f"noi-dung-{min(k, 3)}",
            "lead": duties[k % 3],
            "partners": [duties[(k + 1) % 3]],
            "time": times[k - 1],
            "output": paragraph(rng, 1),
        }
        for k in range(1, 5)
    ]
    return {
        "id": f"ke-hoach-mau-{i:04d}",
        "type": "KH",
        "number": number,
        "symbol": "KH-UBND" if issuer.get("kind") == "ubnd" else "KH-SYT",
        "issuer": issuer["id"],
        "place": "Lạng Sơn",
        "date": date.isoformat(),
        "summary": f"Triển khai {topic} trên địa bàn {place[0].lower()}{place[1:]} năm {year}",
        "observances": [rng.choice(observances)],
        "preamble": [paragraph(rng, 2)],
        "sections": sections,
        "closing": "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị triển khai thực hiện Kế hoạch này./.",
        "activities": activities,
        "recipients": [
            {"text": "Bộ Y tế", "role": "bao-cao"},
            {"text": "Các sở, ban, ngành", "role": "thuc-hien"},
            {"text": "UBND các huyện, thành phố", "role": "thuc-hien"},
            {"text": "Lưu: VT", "role": "luu"},
        ],
        "signer": {"authority": ["KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "name": rng.choice(SIGNERS)},
    }


def make_events(rng, plan: dict) -> list[dict]:
    date = dt.date.fromisoformat(plan["date"])
    deadline = plan["activities"][0]
    meeting = {
        "id": f"hoi-nghi-{plan['id']}",
        "name": f"Hội nghị triển khai {plan['summary'][0].lower()}{plan['summary'][1:]}",
        "date": (date + dt.timedelta(days=14)).isoformat(),
        "time": "08:00",
        "place": "Hội trường Sở Y tế tỉnh Lạng Sơn",
        "organisers": [plan["issuer"]],
        "type": "hoi-nghi",
        "plan": plan["id"],
        "description": paragraph(rng, 2),
    }
    # The deadline is written once, in the plan's activity; naming the event keeps its address.
    deadline["event"] = f"han-{plan['id']}"
    return [meeting][:EVENTS_PER_PLAN]


def make_article(rng, i: int, day: dt.date, categories: list[str], content: Content, observances: list[str]) -> dict:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    paragraphs = [paragraph(rng) for _ in range(rng.randint(4, 6))]
    if i % 2:
        paragraphs.insert(2, f"## {rng.choice(HEADINGS)}")
    article = {
        "id": f"bai-mau-{i:05d}",
        "title": f"{place} {rng.choice(VERBS)} {topic}",
        "date": f"{day.isoformat()} {7 + i % 10:02d}:{(i * 13) % 60:02d} +07:00",
        "author": rng.choice(AUTHORS),
        "category": categories[i % len(categories)],
        "summary": paragraph(rng, 2),
    }
    if content.plans and i % 4 == 0:
        article["plans"] = [rng.choice(content.plans)["id"]]
    if i % 5 == 0:
        article["observances"] = [rng.choice(observances)]
    if content.events and i % 10 == 0:
        article["events"] = [rng.choice(content.events)["id"]]
    if i % IMAGE_EVERY == 0:
        article["image"] = {
            "file": IMAGE_FILE,
            "caption": f"{place}: {topic}",
            "credit": rng.choice(AUTHORS),
            "width": IMAGE_SIZE[0],
            "height": IMAGE_SIZE[1],
        }
    article["body"] = "\n\n".join(paragraphs) + "\n"
    return article


def png(width: int, height: int, rgb: tuple[int, int, int] = (196, 40, 40)) -> bytes:
    """A small solid PNG, so the set needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


# --- writing the two projects -----------------------------------------------------------


def dump_yaml(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)


def read_project_data(root: Path) -> tuple[list[dict], list[str], list[str]]:
    data = root / "data"
    orgs = yaml.safe_load((data / "organisations.yml").read_text(encoding="utf-8"))
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    observances = yaml.safe_load((data / "observances.yml").read_text(encoding="utf-8"))
    return orgs, [c["id"] for c in site["column"]["categories"]], [o["id"] for o in observances]


def write_ours(dest: Path, content: Content, source: Path = ROOT) -> None:
    """A copy of the project (config, theme overrides, data, hand-written pages) plus the set."""
    dest.mkdir(parents=True)
    shutil.copy2(source / "macros.py", dest / "macros.py")
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(without_missing_watch(config, source, dest), encoding="utf-8")
    for name in ("overrides", "data"):
        shutil.copytree(source / name, dest / name)
    # The hand-written pages and every asset (the column's shared images too); the sample articles are left out.
    column = source / "docs/chuyen-muc"
    shutil.copytree(
        source / "docs",
        dest / "docs",
        ignore=lambda d, names: [n for n in names if n.endswith(".md")] if Path(d).is_relative_to(column) else [],
    )
    (dest / "docs/chuyen-muc").mkdir(exist_ok=True)
    write_image(dest / "docs")
    plans_dir = dest / "data/plans"
    plans_dir.mkdir(exist_ok=True)
    for plan in content.plans:
        (plans_dir / f"{plan['id']}.yml").write_text(dump_yaml(plan), encoding="utf-8")
    with (dest / "data/events.yml").open("a", encoding="utf-8") as events:
        events.write("\n# Sự kiện của các kế hoạch mẫu (benchmark)\n" + dump_yaml(content.events))
    for article in content.articles:
        meta = {k: v for k, v in article.items() if k != "body"}
        path = dest / "docs/chuyen-muc" / article["date"][:4] / f"{article['id']}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"---\n{dump_yaml(meta)}---\n\n{article['body']}", encoding="utf-8")


def without_missing_watch(config: str, source: Path, dest: Path) -> str:
    """Drop `watch:` entries the copy lacks (the package folder): MkDocs refuses a missing path."""
    lines, in_watch = [], False
    for line in config.splitlines(keepends=True):
        if not line.startswith(" "):
            in_watch = line.startswith("watch:")
        elif in_watch and line.strip().startswith("- "):
            entry = line.strip()[2:].strip()
            if (source / entry).exists() and not (dest / entry).exists():
                continue
        lines.append(line)
    return "".join(lines)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its !!python/name tags point to."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plain_config(ours: dict) -> dict:
    """Our configuration minus what is ours: no congbo plugin, macros, theme overrides or custom slugify.

    The nav keeps the same top-level entries (pointing to plain pages), so every page renders the
    same tabs and sidebar; the articles and plans stay out of it, as ours do.
    """
    theme = {k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    site = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))  # our name and address are data
    plugins = [p for p in ours.get("plugins", []) if (next(iter(p)) if isinstance(p, dict) else p) == "search"]
    extensions = []
    for ext in ours.get("markdown_extensions", []):
        if isinstance(ext, dict):
            name, options = next(iter(ext.items()))
            ext = {name: {k: v for k, v in (options or {}).items() if v is not None}}
        extensions.append(ext)
    return {
        "site_name": site["name"] + " (đối chứng)",
        "site_url": site["url"],
        "docs_dir": "docs",
        "strict": True,
        "use_directory_urls": True,
        "theme": theme,
        "extra_css": ours.get("extra_css", []),
        "extra_javascript": ours.get("extra_javascript", []),
        "plugins": plugins,
        "markdown_extensions": extensions,
        "validation": ours.get("validation", {}),
        "not_in_nav": "/bai-viet/\n/ke-hoach/*.md\n",
        "nav": [{title: nav_page(target)} for entry in ours["nav"] for title, target in entry.items()],
    }


def nav_page(target: str) -> str:
    """The plain stand-in of a top-level nav entry (a hand-written page or a generated index)."""
    return target if target.endswith(".md") else f"{target.rstrip('/')}/index.md"


def write_plain(dest: Path, content: Content, extra_plans: int = 0, source: Path = ROOT) -> None:
    """Plain mkdocs-material: one Markdown page per article and per plan, kept out of the nav alike."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    ours = yaml.load((source / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config = plain_config(ours)
    (dest / "mkdocs.yml").write_text(dump_yaml(config), encoding="utf-8")
    for asset in config["extra_css"] + config["extra_javascript"]:
        (docs / asset).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "docs" / asset, docs / asset)
    rng = random.Random(0)
    for entry in config["nav"]:
        for title, page in entry.items():
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(f"# {title}\n\n{paragraph(rng)}\n", encoding="utf-8")
    write_image(docs)
    for article in content.articles:
        path = docs / "bai-viet" / article["date"][:4] / f"{article['id']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        image = ""
        if "image" in article:
            # from docs/bai-viet/<year>/ back to docs/
            image = f'![{article["image"]["caption"]}](../../{IMAGE_FILE}){{ width="64" height="40" }}\n\n'
        byline = f"*{article['date']} — {article['author']}*"
        path.write_text(f"# {article['title']}\n\n{byline}\n\n**{article['summary']}**\n\n{image}{article['body']}", encoding="utf-8")
    plans = content.plans + content.plans[:extra_plans]
    for n, plan in enumerate(plans):
        path = docs / "ke-hoach" / f"{plan['id']}{'-' + str(n) if n >= len(content.plans) else ''}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(plain_plan(plan), encoding="utf-8")


def plain_plan(plan: dict) -> str:
    title = f"# Kế hoạch {plan['summary'][0].lower()}{plan['summary'][1:]}"
    out = [title, f"Số {plan['number']}/{plan['symbol']}, ngày {plan['date']}", *plan["preamble"]]

    def blocks(body):
        for block in body:
            out.append("\n".join(f"- {item}" for item in block["items"]) if isinstance(block, dict) else block)

    for section in plan["sections"]:
        out.append(f"## {section['title']}")
        blocks(section.get("body", []))
        for sub in section.get("sections", []):
            out.append(f"### {sub['title']}")
            blocks(sub.get("body", []))
    out.append("| Hoạt động | Chủ trì | Phối hợp | Sản phẩm |\n|---|---|---|---|")
    out[-1] += "".join(f"\n| {a['name']} | {a['lead']} | {', '.join(a['partners'])} | {a['output']} |" for a in plan["activities"])
    out.append(plan["closing"])
    return "\n\n".join(out) + "\n"


def write_image(docs: Path) -> None:
    path = docs / IMAGE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png(*IMAGE_SIZE))


# --- measuring --------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    """Wall time of the build, the figure the target is about."""
    cpu: float
    """User + system CPU time of the child: less moved by other work on the machine."""
    peak_mb: float
    pages: int


def build(project: Path, site_dir: Path, log: Path) -> Build:
    """One `mkdocs build` in a child process: wall time and the child's own peak RSS."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    os.sync()  # the previous build's written pages (and this removal) reach the disk before the clock starts
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would only keep the largest child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
        print(f"build failed ({process.returncode}): {project}", file=sys.stderr)
        raise SystemExit(2)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pages)  # ru_maxrss: KiB on Linux


@dataclass
class Result:
    articles: int
    plans: int
    events: int
    ours: list[Build]
    plain: list[Build]

    @property
    def ours_median(self) -> float:
        return statistics.median(b.seconds for b in self.ours)

    @property
    def plain_median(self) -> float:
        return statistics.median(b.seconds for b in self.plain)

    @property
    def ratio(self) -> float:
        return self.ours_median / self.plain_median

    @property
    def pair_ratios(self) -> list[float]:
        """ours/plain run by run: the two builds of a run follow each other, so they share the machine's mood."""
        return [o.seconds / p.seconds for o, p in zip(self.ours, self.plain)]

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(b.cpu for b in self.ours) / statistics.median(b.cpu for b in self.plain)

    @property
    def content_pages(self) -> int:
        return self.articles + self.plans


def measure(workdir: Path, articles: int, plans: int, repeat: int, seed: int, warmup: int = 1) -> Result:
    orgs, categories, observances = read_project_data(ROOT)
    content = make_content(articles, plans, orgs, categories, observances, seed)
    ours, plain = workdir / f"ours-{articles}", workdir / f"plain-{articles}"
    for project in (ours, plain):
        if project.exists():
            shutil.rmtree(project)
    write_ours(ours, content)
    real_plans = len(list((ROOT / "data/plans").glob("*.yml")))
    write_plain(plain, content, extra_plans=real_plans)
    result = Result(articles, plans + real_plans, len(content.events), [], [])
    for run in range(warmup):
        # Not measured: the first build after the content is written runs in other conditions
        # (page cache, the machine's boost) than the ones after it.
        for name, project in (("ours", ours), ("plain", plain)):
            warm = build(project, workdir / f"site-{name}", workdir / f"{name}-{articles}.log")
            print(f"  warm-up {run + 1}/{warmup} {name:5}: {warm.seconds:6.2f} s (not counted)", file=sys.stderr, flush=True)
    for run in range(repeat):
        # Alternate which goes first, so a warming disk cache or CPU boost favours neither.
        order = [("ours", ours), ("plain", plain)] if run % 2 == 0 else [("plain", plain), ("ours", ours)]
        for name, project in order:
            measured = build(project, workdir / f"site-{name}", workdir / f"{name}-{articles}.log")
            getattr(result, name).append(measured)
            print(
                f"  run {run + 1}/{repeat} {name:5}: {measured.seconds:6.2f} s ({measured.cpu:6.2f} s CPU), {measured.peak_mb:5.0f} MB, "
                f"{measured.pages} HTML pages",
                file=sys.stderr,
                flush=True,
            )
    return result


def report(
    results: list[Result], max_ratio: float, repeat: int, max_cpu_ratio: float | None = None, max_memory_ratio: float | None = None
) -> bool:
    """Print the measurements; True when the largest size meets every target (wall time, CPU time, peak memory)."""
    print(f"mkdocs build --strict, SOURCE_DATE_EPOCH={EPOCH}, medians of {repeat} run(s) each, alternating; {os.cpu_count()} CPU(s)")
    for r in results:
        print(
            f"size {r.articles} articles + {r.plans} plans ({r.events} events): "
            f"ours {r.ours_median:.2f} s ({r.ours[0].pages} HTML pages, {1000 * r.ours_median / r.content_pages:.2f} ms per record), "
            f"plain {r.plain_median:.2f} s ({r.plain[0].pages} HTML pages, {1000 * r.plain_median / r.content_pages:.2f} ms per record), "
            f"ratio {r.ratio:.2f} (CPU time {r.cpu_ratio:.2f})"
        )
    target = results[-1]
    pairs = target.pair_ratios
    print(
        f"run by run at {target.articles} articles: "
        + ", ".join(f"{r:.2f}" for r in pairs)
        + f" (median {statistics.median(pairs):.2f}, lowest {min(pairs):.2f}, highest {max(pairs):.2f})"
    )
    ours_mb, plain_mb = max(b.peak_mb for b in target.ours), max(b.peak_mb for b in target.plain)
    checks = [
        ("wall time", target.ratio, max_ratio),
        ("CPU time", target.cpu_ratio, max_cpu_ratio if max_cpu_ratio is not None else max_ratio),
        ("peak memory", ours_mb / plain_mb, max_memory_ratio if max_memory_ratio is not None else max_ratio),
    ]
    print(
        f"ratio ours/plain at {target.articles} articles + {target.plans} plans: {target.ratio:.2f} (max {max_ratio:.2f}) "
        + ("PASS" if target.ratio <= max_ratio else "FAIL")
    )
    print(f"peak memory: ours {ours_mb:.0f} MB, plain {plain_mb:.0f} MB")
    print(
        "targets: "
        + "; ".join(f"{name} {value:.2f} (max {limit:.2f}) {'PASS' if value <= limit else 'FAIL'}" for name, value, limit in checks)
    )
    return all(value <= limit for _, value, limit in checks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="synthetic articles (default 2000)")
    parser.add_argument("--plans", type=int, default=100, help="synthetic plans (default 100)")
    parser.add_argument("--sizes", help="comma-separated article counts, e.g. 250,500,1000,2000; plans scale with them")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each project per size (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured builds of each project first (default 1)")
    parser.add_argument(
        "--max-ratio", type=float, default=1.3, help="fail when ours/plain wall time at the largest size is over this (default 1.3)"
    )
    parser.add_argument("--max-cpu-ratio", type=float, default=1.3, help="the same for CPU time (default 1.3)")
    parser.add_argument("--max-memory-ratio", type=float, default=1.5, help="the same for peak memory (default 1.5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="generate and build here and keep it (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.articles]
    plans_for = {n: max(1, round(n * args.plans / args.articles)) if args.sizes else args.plans for n in sizes}
    with tempfile.TemporaryDirectory(prefix="congbo-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = []
        for n in sorted(sizes):
            print(f"size {n} articles + {plans_for[n]} plans: generating and building in {workdir}", file=sys.stderr, flush=True)
            results.append(measure(workdir, n, plans_for[n], args.repeat, args.seed, args.warmup))
        passed = report(results, args.max_ratio, args.repeat, args.max_cpu_ratio, args.max_memory_ratio)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "articles": r.articles,
                        "plans": r.plans,
                        "events": r.events,
                        "ratio": round(r.ratio, 3),
                        "ours": [vars(b) for b in r.ours],
                        "plain": [vars(b) for b in r.plain],
                    }
                    for r in results
                ],
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
