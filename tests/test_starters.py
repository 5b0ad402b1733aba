"""``python -m congbo new``: starting files that the check refuses, saying what to fill, until filled."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from congbo.errors import DataError
from congbo.load import load_site
from congbo.starters import article_ids, event_ids
from conftest import TEST_TODAY, build_env, copy_project

FILLED = {
    "số văn bản; .. nếu bản gốc để trống số, ?? nếu chưa rõ": "..",
    "tác giả": "Ban biên tập",
    "mã chuyên mục con trong data/site.yml": "guong-dien-hinh",
    "sapo, một đến ba câu": "Một câu giới thiệu.",
    "nội dung bài viết": "Nội dung.",
    "ký hiệu, ví dụ KH-UBND; ?? nếu chưa rõ": "KH-UBND",
    "mã cơ quan ban hành trong data/organisations.yml": "ubnd-lang-son",
    "địa danh, ví dụ Lạng Sơn; ?? nếu chưa rõ": "Lạng Sơn",
    "trích yếu": "Tổ chức một việc",
    "tiêu đề mục I như trong văn bản": "MỤC ĐÍCH, YÊU CẦU",
    "nơi lưu, ví dụ Lưu: VT, KG-VX": "Lưu: VT, KG-VX",
    "chức vụ người ký, ví dụ PHÓ CHỦ TỊCH": "PHÓ CHỦ TỊCH",
    "họ và tên người ký": "Nguyễn Văn A",
    "tên sự kiện": "Hội nghị thử",
    "địa điểm (hoặc xóa dòng này)": "Hội trường tỉnh",
    "tên báo, cổng hoặc trang đăng, ví dụ Báo Quảng Nam": "Báo Lạng Sơn",
    "địa chỉ bản tin, bắt đầu bằng https://": "https://baolangson.vn/tin",
    "ngày đăng bản tin NNNN-TT-NN": "2026-11-19",
    "tiêu đề bản tin": "Tỉnh ban hành kế hoạch",
    "người ký nếu bản tin nêu (ghi title và name trên hai dòng dưới signer:); ?? nếu không nêu": "??",
}
FILLED_DATE = "2026-11-18"
"""What a test writes where a starting file asks for a date: a day of its own, not the day the file was
made (which the placeholder gives only as an example of the form)."""
PLACEHOLDER = re.compile(r'"?<<ĐIỀN: (.*?)>>"?')


def new(project, *args: str) -> str:
    # SOURCE_DATE_EPOCH: "today" is the build's today, as every date of a build.
    result = subprocess.run(
        [sys.executable, "-m", "congbo", "new", *args, "--root", str(project)], capture_output=True, text=True, env=build_env()
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def problems(project) -> list[str]:
    try:
        load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def fill_in(path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(
        PLACEHOLDER.sub(lambda m: f'"{filled(m.group(1))}"' if m.group(0).startswith('"') else filled(m.group(1)), text), encoding="utf-8"
    )


def filled(what: str) -> str:
    return FILLED_DATE if what.startswith(("ngày ban hành:", "ngày diễn ra:")) else FILLED[what]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


def test_new_article_fails_until_filled(project):
    new(project, "bai-viet", "Biểu dương cán bộ dân số")  # the id of an article already there
    path = project / "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md"
    text = path.read_text(encoding="utf-8")
    assert "id: bieu-duong-can-bo-dan-so\n" in text
    assert f"date: {TEST_TODAY.isoformat()} 09:00 +07:00" in text
    # Every placeholder in the first run, the body's too (it once came only after the front matter was fixed).
    found = problems(project)
    assert sorted(found) == [
        "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md:10:1: nội dung bài chưa điền: nội dung bài viết (thay cả chỗ <<ĐIỀN: …>>)",
        "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md:5:1: author: chưa điền: tác giả (thay cả chỗ <<ĐIỀN: …>>)",
        "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md:6:1: category: chưa điền: mã chuyên mục con trong data/site.yml (thay cả chỗ "
        "<<ĐIỀN: …>>)",
        "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md:7:1: summary: chưa điền: sapo, một đến ba câu (thay cả chỗ <<ĐIỀN: …>>)",
    ]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"<<ĐIỀN: tác giả>>"', '"Ban biên tập"')
        .replace('"<<ĐIỀN: mã chuyên mục con trong data/site.yml>>"', "guong-dien-hinh")
        .replace('"<<ĐIỀN: sapo, một đến ba câu>>"', '"Sapo."'),
        encoding="utf-8",
    )
    assert problems(project) == [
        "docs/chuyen-muc/2026/bieu-duong-can-bo-dan-so.md:10:1: nội dung bài chưa điền: nội dung bài viết (thay cả chỗ <<ĐIỀN: …>>)"
    ]
    fill_in(path)
    assert problems(project) == []


def test_new_article_id_is_fresh(project):
    existing = "bieu-duong-nguoi-lam-dan-so-co-so"
    assert (project / "docs/chuyen-muc/2021/bieu-duong-can-bo-dan-so.md").read_text(encoding="utf-8").count(f"id: {existing}") == 1
    new(project, "bai-viet", "Biểu dương người làm dân số cơ sở")
    assert (project / f"docs/chuyen-muc/2026/{existing}-2.md").is_file()


def test_new_plan_fails_until_filled(project):
    new(project, "ke-hoach", "ke-hoach-thu")
    path = project / "data/plans/ke-hoach-thu.yml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/plan.schema.json\n")
    found = problems(project)
    assert len(found) == 10 and all("chưa điền: " in m for m in found)
    assert (
        found[1] == "data/plans/ke-hoach-thu.yml:5:1: symbol: chưa điền: ký hiệu, ví dụ KH-UBND; ?? nếu chưa rõ (thay cả chỗ <<ĐIỀN: …>>)"
    )
    fill_in(path)
    assert problems(project) == []


def test_a_new_plan_article_and_event_report_every_placeholder_in_one_run(project):
    """The three starting files together: every <<ĐIỀN: …>> is a problem in the first check, one each."""
    new(project, "ke-hoach", "ke-hoach-thu")
    out = new(project, "bai-viet", "Một bài mới")
    assert out.startswith("Đã tạo docs/chuyen-muc/2026/mot-bai-moi.md: ")
    new(project, "su-kien", "Hội nghị thử")
    files = [project / "data/plans/ke-hoach-thu.yml", project / "docs/chuyen-muc/2026/mot-bai-moi.md", project / "data/events.yml"]
    placeholders = sum(len(PLACEHOLDER.findall(path.read_text(encoding="utf-8"))) for path in files)
    found = problems(project)
    assert len(found) == placeholders == 16 and all("chưa điền: " in m for m in found), found


def test_new_plan_refuses_a_taken_or_bad_id(project):
    for bad in ("ke-hoach-60-nam-dan-so-viet-nam-lang-son", "Kế hoạch"):
        result = subprocess.run(
            [sys.executable, "-m", "congbo", "new", "ke-hoach", bad, "--root", str(project)],
            capture_output=True,
            text=True,
            env=build_env(),
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr.strip()


def test_new_event_fails_until_filled(project):
    out = new(project, "su-kien")
    event_id = f"su-kien-{TEST_TODAY.isoformat()}"
    # It appended to the list of events: it says so, never that it made a file.
    assert out.startswith(f"Đã thêm sự kiện '{event_id}' vào cuối data/events.yml: hãy điền mọi chỗ <<ĐIỀN: …>>")
    assert "Đã tạo" not in out and out.count("\n") == 1
    found = problems(project)
    assert [m.split(": ", 2)[1:] for m in found] == [
        [f"[{event_id}].name", "chưa điền: tên sự kiện (thay cả chỗ <<ĐIỀN: …>>)"],
        [
            f"[{event_id}].date",
            DATE_ASKED.format(what="ngày diễn ra", day=TEST_TODAY.isoformat(), month=f"{TEST_TODAY:%Y-%m}", year=TEST_TODAY.year),
        ],
        [f"[{event_id}].place", "chưa điền: địa điểm (hoặc xóa dòng này) (thay cả chỗ <<ĐIỀN: …>>)"],
    ]
    fill_in(project / "data/events.yml")
    site = load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    assert str(site.event[event_id].date) == FILLED_DATE
    new(project, "su-kien")
    assert f"- id: {event_id}-2\n" in (project / "data/events.yml").read_text(encoding="utf-8")


DATE_ASKED = (
    "chưa điền: {what}: {day} nếu biết ngày; {month}-?? nếu chỉ biết tháng; {year}-??-?? nếu chỉ biết năm; "
    "..{day} nếu chỉ biết chậm nhất là ngày đó (ví dụ ngày đăng bản tin) (thay cả chỗ <<ĐIỀN: …>>)"
)


def test_a_new_date_is_a_placeholder_offering_the_three_states(project):
    """A forgotten date must not pass as the day the file was made: it is refused until filled, and the
    message offers a known day, a month or year only, and 'on or before'."""
    new(project, "ke-hoach", "ke-hoach-thu")
    found = problems(project)
    date = [m for m in found if ": date: " in m]
    assert date == [
        "data/plans/ke-hoach-thu.yml:8:1: date: "
        + DATE_ASKED.format(what="ngày ban hành", day=TEST_TODAY.isoformat(), month=f"{TEST_TODAY:%Y-%m}", year=TEST_TODAY.year)
    ]


def test_a_document_known_from_a_report_has_no_full_text_parts(project):
    """`new ke-hoach --ban-tin`: no section, recipient or signer's name to fill (a report gives none of
    them), the report as its source; once filled it loads, known only from the report."""
    new(project, "ke-hoach", "thu-ban-tin", "--ban-tin")
    path = project / "data/plans/thu-ban-tin.yml"
    text = path.read_text(encoding="utf-8")
    assert "sections:" not in text and "recipients:" not in text and "kind: ban-tin" in text
    found = problems(project)
    assert len(found) == len(PLACEHOLDER.findall(text)) == 11 and all("chưa điền: " in m for m in found), found
    fill_in(path)
    site = load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    document = site.document["thu-ban-tin"]
    assert not document.full_text and [s.kind for s in document.sources] == ["ban-tin"]
    assert str(document.date) == FILLED_DATE and str(document.signer) == "??"


def test_taken_ids_are_read_as_the_loader_reads_the_files(tmp_path):
    """An article saved with a byte order mark is an article to the loader: its id is taken. A byte that is
    not UTF-8 (the check refuses it) is no traceback here."""
    column = tmp_path / "docs" / "chuyen-muc" / "2025"
    column.mkdir(parents=True)
    (column / "a.md").write_bytes("\ufeff---\nid: bai-a\ntitle: A\n---\nNội dung.\n".encode())
    (column / "b.md").write_bytes(b"---\nid: bai-b\ntitle: B\xff\n---\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yml").write_bytes(b"\xef\xbb\xbf- id: su-kien-a\n  name: A\xff\n- id: 3\n")
    assert article_ids(tmp_path / "docs") == {"bai-a", "bai-b"}
    assert event_ids(tmp_path) == {"su-kien-a"}
