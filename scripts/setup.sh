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
# The locked versions (requirements/, written by scripts/lock.sh), each file checked against its hash,
# then the project itself, editable and without resolving anything: code changes need no install.
lock=requirements/build.txt
[ "${1:-}" = "test" ] && lock=requirements/test.txt
# Install again only when pyproject.toml or a lock file changed, or the lock asked for did (the stamp
# holds their hash and the lock installed); the tests' lock holds every pin of the build's.
sums="$(cat pyproject.toml requirements/build.txt requirements/test.txt | sha256sum | cut -d' ' -f1)"
want="$sums $lock"
stamp=.venv/congbo-installed
if [ -f "$stamp" ] && { [ "$(cat "$stamp")" = "$want" ] || [ "$(cat "$stamp")" = "$sums requirements/test.txt" ]; }; then
  exit 0
fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" --require-hashes -r "$lock"
# setuptools says "Editable installation." on every editable build, whatever the layout: nothing to act on.
PYTHONWARNINGS="ignore:Editable installation" "${pip[@]}" --no-deps --no-build-isolation -e .
echo "$want" > "$stamp"
