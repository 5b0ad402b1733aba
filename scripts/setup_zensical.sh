#!/usr/bin/env bash
# A second virtual environment, .venv-zensical, for the comparison build with Zensical (scripts/zensical_build.sh):
# the build's locked versions and Zensical (requirements/zensical.txt, written by scripts/lock.sh), each file
# checked against its hash, then the project itself, editable. .venv and its locks are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
venv=.venv-zensical
sums="$(cat pyproject.toml requirements/zensical.txt | sha256sum | cut -d' ' -f1)"
stamp=$venv/congbo-installed
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sums" ]; then
  exit 0
fi
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" --require-hashes -r requirements/zensical.txt
PYTHONWARNINGS="ignore:Editable installation" "${pip[@]}" --no-deps --no-build-isolation -e .
echo "$sums" > "$stamp"
