"""Command line: ``python -m congbo check`` (editors) and ``python -m congbo schema`` (JSON Schema)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import vi
from .errors import DataError
from .load import load_site
from .schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m congbo", description="Kiểm tra dữ liệu và tạo lược đồ JSON.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu, báo mọi lỗi một lần")
    check.add_argument("root", nargs="?", default=".", help="thư mục dự án (có data/ và docs/)")
    schema = sub.add_parser("schema", help="ghi lược đồ JSON của các tệp dữ liệu")
    schema.add_argument("--out", default="data/schema", help="thư mục ghi lược đồ")
    args = parser.parse_args(argv)

    if args.command == "check":
        root = Path(args.root)
        try:
            site = load_site(root, today=vi.build_date(), docs_dir=root / "docs")
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        print(
            f"Dữ liệu hợp lệ: {len(site.plans)} kế hoạch, {len(site.organisations)} cơ quan, "
            f"{len(site.observances)} ngày kỷ niệm, {len(site.events)} sự kiện, {len(site.articles)} bài viết."
        )
        return 0
    if args.command == "schema":
        for path in write_schemas(Path(args.out)):
            print(path)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
