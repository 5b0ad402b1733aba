"""Command line: ``python -m congbo check`` (editors), ``schema`` (JSON Schema), ``changes`` (what a
branch changes in content), ``new`` (a starting file for an article, a plan or an event) and ``outputs``
(every page and file made from the data, for any static-site engine)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import changes, clock, column, content, engine_files, github, history, links, preview, read, starters
from .errors import DataError
from .layout import ARTICLES, DOCUMENTS, EVENTS, ORGANISATIONS, SITE
from .load import load_site
from .outputs import made_paths, render_outputs
from .render import GeneratedPage
from .schema import SCHEMA_DIR, write_schemas
from .scalars import ID


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m congbo", description="Kiểm tra dữ liệu và tạo lược đồ JSON.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu, báo mọi lỗi một lần")
    check.add_argument("root", nargs="?", default=".", help="thư mục dự án (có data/ và docs/)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: mỗi lỗi một chú thích '::error …' của GitHub Actions, kèm bảng lỗi trong tóm tắt",
    )
    schema = sub.add_parser("schema", help="ghi lược đồ JSON của các tệp dữ liệu")
    schema.add_argument("--out", default=SCHEMA_DIR, help="thư mục ghi lược đồ")
    diff = sub.add_parser("changes", help="tóm tắt nội dung nhánh này thêm, sửa, bỏ so với một phiên bản gốc (git)")
    diff.add_argument("root", nargs="?", default=".", help="thư mục dự án (kho git có data/ và docs/)")
    diff.add_argument("--base", required=True, help="phiên bản gốc để so sánh, ví dụ main hoặc HEAD^1")
    diff.add_argument(
        "--site-url",
        help=f"địa chỉ trang để dẫn link, ví dụ địa chỉ bản xem trước (mặc định: url trong {SITE.path}, "
        "hoặc địa chỉ bản xem trước khi có biến môi trường CONGBO_PREVIEW=pr-<số>)",
    )
    diff.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="json: danh sách các mục thay đổi kèm địa chỉ trang, cho scripts/preview_shots.py (không ghi tóm tắt)",
    )
    new = sub.add_parser("new", help="tạo tệp mới để điền: bài viết, kế hoạch hoặc sự kiện")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    article = new_kinds.add_parser("bai-viet", help=f"bài viết mới trong {ARTICLES.path}<năm>/")
    article.add_argument("title", help="tiêu đề bài viết")
    plan = new_kinds.add_parser("ke-hoach", help=f"kế hoạch mới: {DOCUMENTS.path}<mã>.yml")
    plan.add_argument("id", help="mã kế hoạch, chữ thường không dấu nối bằng gạch ngang")
    plan.add_argument(
        "--ban-tin",
        action="store_true",
        dest="report",
        help="văn bản chỉ biết qua bản tin hay trang cổng thông tin: không có phần toàn văn, có mục nguồn (sources) để điền",
    )
    event = new_kinds.add_parser("su-kien", help=f"thêm một sự kiện vào cuối {EVENTS.path}")
    event.add_argument("name", nargs="?", help="tên sự kiện (có thể điền sau)")
    for kind in (article, plan, event):
        kind.add_argument("--root", default=".", help="thư mục dự án")
    made = sub.add_parser(
        "outputs",
        help="ghi mọi trang và tệp tạo từ dữ liệu vào một thư mục, để một công cụ dựng trang tĩnh khác (Zensical…) dựng cùng docs/",
    )
    made.add_argument("root", nargs="?", default=".", help="thư mục dự án (có data/ và docs/)")
    made.add_argument("--out", required=True, help="thư mục ghi kết quả: chưa có, trống, hoặc do lần chạy trước của lệnh này tạo")
    made.add_argument(
        "--with-docs",
        action="store_true",
        help="ghi kèm các tệp viết tay của docs/ như trang web đăng chúng (macro đã chạy, bài viết ở địa chỉ của bài): "
        "một thư mục docs đầy đủ để dựng",
    )
    args = parser.parse_args(argv)

    if args.command == "check":
        return run_check(Path(args.root), args.format)
    if args.command == "new":
        return run_new(args)
    if args.command == "changes":
        return run_changes(Path(args.root), args.base, args.site_url, args.format)
    if args.command == "outputs":
        return run_outputs(Path(args.root), Path(args.out), args.with_docs)
    if args.command == "schema":
        for path in write_schemas(Path(args.out)):
            print(path)
        return 0
    return 2


def run_check(root: Path, output: str) -> int:
    summary = os.environ.get("GITHUB_STEP_SUMMARY") if output == "github" else None
    try:
        site = load_site(root, today=clock.build_date(), docs_dir=root / "docs")
        after_loading(root, root / "docs", site)
    except DataError as exc:
        if output == "github":
            for line in github.annotations(exc.problems):
                print(line)
            append_summary(summary, github.errors_summary(exc.problems))
        print(exc.report(), file=sys.stderr)
        return 1
    message = (
        f"Dữ liệu hợp lệ: {len(site.documents)} văn bản, {len(site.organisations)} cơ quan, "
        f"{len(site.observances)} ngày kỷ niệm, {len(site.events)} sự kiện, {len(site.articles)} bài viết."
    )
    print(message)
    append_summary(summary, f"### Kiểm tra dữ liệu\n\n{message}\n")
    if site.info.repository is None:
        print(github.notice(NO_REPOSITORY_TITLE, NO_REPOSITORY) if output == "github" else f"Lưu ý: {NO_REPOSITORY}")
    missing = contact_missing(site)
    if missing:
        message = NO_CONTACT.format(owner=site.info.owner, missing=", ".join(missing))
        print(github.notice(NO_CONTACT_TITLE, message) if output == "github" else f"Lưu ý: {message}")
    return 0


NO_CONTACT_TITLE = "Chưa đủ thông tin liên hệ"
NO_CONTACT = (
    "cơ quan chủ quản '{owner}' chưa có {missing} trong " + ORGANISATIONS.path + " (mục contact): chân trang, trang Báo chí "
    "và trang cơ quan chỉ hiện điều đã có. Điền khi đã kiểm chứng, kèm nguồn."
)


def contact_missing(site) -> list[str]:
    """What of the owner's public contact is not entered yet (the site states only what is)."""
    contact = site.organisation[site.info.owner].contact
    fields = [
        ("cổng thông tin", "portal"),
        ("địa chỉ", "address"),
        ("điện thoại", "phone"),
        ("thư điện tử", "email"),
        ("giờ làm việc", "hours"),
    ]
    return [label for label, name in fields if contact is None or getattr(contact, name) is None]


NO_REPOSITORY_TITLE = "Chưa có địa chỉ kho"
NO_REPOSITORY = (
    f"{SITE.path} chưa có 'repository' (địa chỉ kho, ví dụ https://github.com/<tài-khoản>/<tên-kho>): "
    "các trang chưa có nút “Sửa trang này”. Điền khi đã biết địa chỉ kho."
)


def after_loading(root: Path, docs_dir: Path, site) -> None:
    """What the build would still fail on once the data has loaded: a hand-written file where a made page
    goes, and the links of written pages (MkDocs checks them after emptying its output folder)."""
    outputs = render_outputs(site, site.info.url)
    made = made_paths(site, outputs)
    problems = content.twins(root, docs_dir, made)
    waiting = {record.src_uri for record in column.held_back(site)} | column.held_back_images(site)
    files = (content.docs_files(root, docs_dir) | set(made)) - waiting
    anchors = {path: output.anchors for path, output in outputs.items() if isinstance(output, GeneratedPage)}
    articles = [
        links.WrittenPage(record.file, record.src_uri, read.read_article_body(docs_dir / record.src_uri), record.body_line)
        for record in site.articles
        if record.src_uri not in waiting
    ]
    problems += links.check_links([*content.written_pages(root, docs_dir), *articles], files, anchors)
    if problems:
        raise DataError(problems)


def run_outputs(root: Path, out: Path, with_docs: bool) -> int:
    """Load and check the data as `run_check` does, then write what `engine_files.render_engine_outputs` makes."""
    refused = outputs_folder_mistake(root, out)
    if refused:
        print(f"Không ghi vào {out}: {refused}", file=sys.stderr)
        return 1
    docs_dir = root / "docs"
    moment = clock.build_moment()
    try:
        name = preview.preview_name(os.environ)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        site = load_site(root, today=moment.date(), docs_dir=docs_dir, history=history.read_history(root))
        after_loading(root, docs_dir, site)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    address = preview.preview_url(site.info.url, name) if name else site.info.url
    files: dict = engine_files.render_engine_outputs(site, address, moment, docs_dir, content.docs_files(root, docs_dir))
    if with_docs:
        files = {**engine_files.render_written_files(site, root, docs_dir, address), **files}
    engine_files.write_outputs(out, files)
    print(f"Đã ghi {len(files)} tệp vào {out}.")
    return 0


def outputs_folder_mistake(root: Path, out: Path) -> str | None:
    """Why ``out`` may not take the outputs, in Vietnamese; None when it may (it does not exist, is empty, or
    holds a former run's output)."""
    target, project = out.resolve(), root.resolve()
    for folder in ("docs", "data"):
        if target.is_relative_to(project / folder):
            return f"thư mục nằm trong {folder}/ của dự án; hãy chọn thư mục ngoài {folder}/, ví dụ ../congbo-outputs (ngoài dự án)"
    if target.exists() and not target.is_dir():
        return "đây là một tệp, không phải thư mục; hãy chọn thư mục khác"
    if target.is_dir() and any(target.iterdir()) and not (target / engine_files.OUTPUTS_MARK).is_file():
        return (
            "thư mục đã có tệp mà lệnh này không tạo (lệnh xóa toàn bộ thư mục trước khi ghi); hãy chọn thư mục chưa có hoặc thư mục trống"
        )
    return None


def run_new(args) -> int:
    root, moment = Path(args.root), clock.build_moment()
    if args.kind == "bai-viet":
        path = starters.new_article(root, args.title, moment)
    elif args.kind == "ke-hoach":
        if not ID.match(args.id):
            print(f"mã kế hoạch phải gồm chữ thường không dấu, chữ số và dấu gạch ngang, nhận được '{args.id}'", file=sys.stderr)
            return 1
        try:
            path = starters.new_plan(root, args.id, moment.date(), args.report)
        except FileExistsError as exc:
            print(exc, file=sys.stderr)
            return 1
    else:
        path, event_id = starters.new_event(root, args.name, moment.date())
        print(f"Đã thêm sự kiện '{event_id}' vào cuối {_shown(root, path)}: {FILL_IN}")
        return 0
    print(f"Đã tạo {_shown(root, path)}: {FILL_IN}")
    return 0


FILL_IN = "hãy điền mọi chỗ <<ĐIỀN: …>>, rồi chạy python -m congbo check."


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def run_changes(root: Path, base: str, site_url: str | None, output: str = "markdown") -> int:
    try:
        old, new = changes.branch_records(root, base)
        name = preview.preview_name(os.environ)
    except ValueError as exc:
        print(f"Không so sánh được với '{base}': {exc}", file=sys.stderr)
        return 1
    address = site_url if site_url is not None else changes.site_url_of(root)
    if site_url is None and name:
        address = preview.preview_url(address, name)
    if output == "json":
        print(changes.render_json(changes.compare(old, new), base, address))
        return 0
    summary = changes.render_summary(changes.compare(old, new), base, address, changes.calendar_changes(old, new))
    print(summary)
    append_summary(os.environ.get("GITHUB_STEP_SUMMARY"), summary)
    return 0


def append_summary(path: str | None, markdown: str) -> None:
    """Add to GitHub's job summary file (``GITHUB_STEP_SUMMARY``), when the job has one."""
    if path:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown + "\n")


if __name__ == "__main__":
    sys.exit(main())
