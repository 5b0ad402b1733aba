"""A pull request's preview comment: each changed page with a link to its preview and a phone-width
screenshot, taken in Debian's Chromium (the one the checks install) from the built preview.

Usage: .venv/bin/python scripts/preview_shots.py SITE CHANGES COMMENT
  SITE     the built preview (bash scripts/build.sh with CONGBO_PREVIEW=pr-N set)
  CHANGES  the output of `python -m congbo changes --base … --format json` (same CONGBO_PREVIEW)
  COMMENT  where the comment's Markdown is written

SITE is served on loopback; each changed page that the build made is opened 360 px wide and its first
screen saved as SITE/_preview/<page>.png, published with the preview, so the comment shows it from there.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the congbo package, when run as a script

from page_weight import CHROMIUM, Handler  # noqa: E402  (one loopback server for the scripts and the tests)

from congbo.github import escape_cell  # noqa: E402
from congbo.preview import BANNER  # noqa: E402

SHOTS = "_preview"
"""The screenshots' folder in the preview (a leading underscore: no page of the site can be there)."""
WIDTH, HEIGHT = 360, 780
MAX_SHOTS = 20
"""Screenshots in one comment; past this, pages are listed with their link only."""
MARKER = "<!-- congbo: bản xem trước -->"


def shot_name(url: str) -> str:
    """``bai-viet/abc/`` -> ``bai-viet-abc.png``; the home page -> ``trang-chu.png``."""
    return (re.sub(r"[^a-z0-9-]+", "-", url.strip("/").lower()).strip("-") or "trang-chu") + ".png"


def pages_to_shoot(site: Path, changes: list[dict]) -> list[dict]:
    """The changes whose page the preview has (a removed record's and a held-back article's it has not)."""
    return [c for c in changes if c["url"] is not None and c["status"] != "removed" and (site / c["url"] / "index.html").is_file()]


def take_screenshots(site: Path, urls: list[str]) -> dict[str, str]:
    """Each page's first screen at 360 px, saved under SITE/_preview/; by URL, the file's path in the site."""
    from playwright.sync_api import sync_playwright

    (site / SHOTS).mkdir(exist_ok=True)
    handler = functools.partial(Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    taken = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
            )
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=2)
            for url in urls:
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{url}", wait_until="load")
                path = f"{SHOTS}/{shot_name(url)}"
                page.screenshot(path=str(site / path))
                taken[url] = path
            browser.close()
    finally:
        server.shutdown()
    return taken


def render_comment(summary: dict, taken: dict[str, str]) -> str:
    """The pull request's one comment, in Vietnamese: the preview's address, then each changed page."""
    root = summary["site_url"]
    lines = [
        MARKER,
        "### Bản xem trước",
        "",
        f"Địa chỉ: {root}",
        "",
        f"Mỗi trang của bản xem trước ghi “{BANNER}” và không được máy tìm kiếm ghi nhận. "
        "Ảnh chụp ở khổ điện thoại (360 px) hiện ra khi GitHub Pages đã xuất bản xong (thường vài phút).",
        "",
    ]
    if not summary["changes"]:
        return "\n".join(lines + ["Nhánh này không thay đổi nội dung (data/, docs/).", ""])
    lines += ["| thay đổi | trang | ảnh trên điện thoại |", "| --- | --- | --- |"]
    for change in summary["changes"]:
        name = escape_cell(change["name"])
        label = f"{change['status_name']} {change['kind_name']}"
        if change["url"] is None:
            lines.append(f"| {label} | {name} | |")
            continue
        shot = taken.get(change["url"])
        if change["status"] == "removed":
            page = f"{name} (trang mất đi khi hợp nhất)"
        elif shot is None and change["url"] is not None and change.get("has_page") is False:
            page = f"{name} (bản xem trước chưa có trang này, ví dụ bài hẹn ngày đăng)"
        else:
            page = f"[{name}]({change['address']})" if change["address"] else name
        image = f'[<img src="{root}{shot}" width="180" alt="{name}">]({change["address"]})' if shot else ""
        lines.append(f"| {label} | {page} | {image} |")
    return "\n".join(lines + [""])


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    site, changes_file, comment = Path(argv[0]), Path(argv[1]), Path(argv[2])
    summary = json.loads(changes_file.read_text(encoding="utf-8"))
    shootable = pages_to_shoot(site, summary["changes"])
    for change in summary["changes"]:
        change["has_page"] = change in shootable
    taken = take_screenshots(site, [c["url"] for c in shootable[:MAX_SHOTS]]) if shootable else {}
    comment.parent.mkdir(parents=True, exist_ok=True)
    comment.write_text(render_comment(summary, taken), encoding="utf-8")
    print(f"Đã chụp {len(taken)} trang vào {site / SHOTS}; bình luận: {comment}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
