"""What a first visit costs: requests and bytes per page type, in Debian's Chromium with an empty cache.

Usage: .venv/bin/python scripts/page_weight.py [built-site-dir]
(without a folder it builds the sample site with the tests' fixed build date into a temporary folder).

Every response body is counted as sent and as gzip would send it (level 6, what nginx and most hosts
use for HTML, CSS, JS, JSON and XML; images as they are). Prints one row per page type and which
requests are the search index and sitemap.xml.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BUILD_EPOCH = "1795140000"  # the tests' build date, 2026-11-20 09:00 +07:00
CHROMIUM = "/usr/bin/chromium"
# One page of every kind the site makes (the sample site's ids); the browser tests use the same list.
PAGE_TYPES = {
    "home": "",
    "plan": "ke-hoach/ke-hoach-60-nam-dan-so-viet-nam-lang-son/",
    "plan-bac-giang": "ke-hoach/ke-hoach-nghi-quyet-21-khcn-bac-giang/",
    "plans": "ke-hoach/",
    "organisation": "co-quan/so-y-te-lang-son/",
    "organisations": "co-quan/",
    "calendar": "lich/",
    "calendar-year": "lich/2021/",
    "observance": "ngay-ky-niem/ngay-dan-so-the-gioi/",
    "programme": "chuong-trinh/ngay-dan-so-the-gioi-2024/",
    "event": "su-kien/han-lien-hoan-cap-huyen-lang-son-2021/",
    "column": "chuyen-muc/",
    "category": "chuyen-muc/chinh-sach/",
    "year-archive": "chuyen-muc/luu-tru/2024/",
    "article": "bai-viet/ngay-dan-so-the-gioi-11-7/",
    "press": "bao-chi/",
    "editor-guide": "huong-dan/",
    "404": "khong-co-trang-nay/",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", "/")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing address gets 404.html, as on GitHub Pages."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def compressed_size(url: str, body: bytes) -> int:
    path = urlsplit(url).path
    return len(gzip.compress(body, 6, mtime=0)) if path.endswith(COMPRESSIBLE) else len(body)


def first_visit(browser, url: str) -> list[dict]:
    """Every request a first visit to ``url`` makes (empty cache), with the sizes of the responses."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    log: list[dict] = []

    def record(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        log.append({"url": response.url, "status": response.status, "bytes": len(body), "gzip": compressed_size(response.url, body)})

    try:
        page = context.new_page()
        page.on("response", record)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
    finally:
        context.close()
    return log


def build_sample(site_dir: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_EPOCH, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT, env=env, check=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp) / "site"
        if len(sys.argv) <= 1:
            build_sample(site_dir)
        server, base = serve(site_dir)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
            print(f"{'page type':<15} {'requests':>8} {'sitemap':>7} {'KB sent':>8} {'KB gzip':>8} {'of which search':>16}")
            for name, path in PAGE_TYPES.items():
                log = first_visit(browser, base + path)
                search = [r for r in log if "/search/" in r["url"] or "/workers/" in r["url"] or "/lunr/" in r["url"]]
                sitemaps = sum(1 for r in log if urlsplit(r["url"]).path.endswith("sitemap.xml"))
                print(
                    f"{name:<15} {len(log):>8} {sitemaps:>7} {sum(r['bytes'] for r in log) / 1024:>8.1f} "
                    f"{sum(r['gzip'] for r in log) / 1024:>8.1f} {sum(r['gzip'] for r in search) / 1024:>11.1f} KB gz"
                )
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
