#!/usr/bin/env bash
# One command: set up everything the tests need and run the whole suite (or one tier: fast, browser, slow).
# Browser tests use Debian's Chromium, the feed tests Debian's newsboat: installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# Read once: 'fc-list | grep -q' would fail under pipefail when grep stops reading early.
fonts=$(fc-list 2>/dev/null || true)
command -v chromium >/dev/null || missing+=(chromium)
command -v newsboat >/dev/null || missing+=(newsboat)
grep -qi "noto sans" <<<"$fonts" || missing+=(fonts-noto-core)
grep -qi "liberation serif" <<<"$fonts" || missing+=(fonts-liberation)  # Times New Roman's metrics, for the print test
command -v pdftotext >/dev/null || missing+=(poppler-utils)  # reads the printed plan back
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Cài gói Debian: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Thiếu gói: ${missing[*]}. Hãy chạy: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

bash scripts/setup.sh test
# The Zensical comparison build's own environment (tests/test_zensical.py, slow tier): for the whole suite and that tier.
case "${1:-}" in
  fast | browser) ;;
  *) bash scripts/setup_zensical.sh ;;
esac
export NO_MKDOCS_2_WARNING=1
# A tier by name as the first argument; none: every test.
case "${1:-}" in
  fast) shift; set -- -m "not browser and not slow" "$@" ;;
  browser) shift; set -- -m browser "$@" ;;
  slow) shift; set -- -m "slow and not browser" "$@" ;;
esac
exec .venv/bin/python -m pytest "$@"
