#!/usr/bin/env bash
# Shared by build.sh and test.sh: a virtual environment in .venv with the project installed.
# Usage: scripts/setup.sh [extra]   (extra = "test" adds the test dependencies)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Cần Python 3.11 trở lên (đang có: $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian splits venv out of its python3 package.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf .venv && "$PYTHON" -m venv .venv
    else
      echo "Không tạo được môi trường ảo: hãy cài gói python3-venv (sudo apt-get install python3-venv)." >&2
      exit 1
    fi
  fi
fi
spec="."
[ "${1:-}" = "test" ] && spec=".[test]"
# The install is editable: code changes need none. Install again only when pyproject.toml or the
# extra asked for changes (the stamp holds their hash); "test" includes what the plain build needs.
want="$(sha256sum pyproject.toml | cut -d' ' -f1) $spec"
stamp=.venv/congbo-installed
if [ -f "$stamp" ] && { [ "$(cat "$stamp")" = "$want" ] || [ "$(cat "$stamp")" = "${want% *} .[test]" ]; }; then
  exit 0
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
# setuptools says "Editable installation." on every editable build, whatever the layout: nothing to act on.
PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
echo "$want" > "$stamp"
