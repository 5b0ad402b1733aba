#!/usr/bin/env bash
# Write the lock files scripts/setup.sh installs from, with a hash of every file PyPI has for each pin
# (wheels for every platform, and the sdist), for Python 3.11+ on any machine:
#   requirements/test.txt    the tests: pyproject.toml's dependencies and its "test" extra
#   requirements/build.txt   the build: the dependencies alone, at the versions the tests run with
#   requirements/zensical.txt  the build's pins and Zensical (requirements/zensical.in), for the comparison
#                              build (scripts/zensical_build.sh, in .venv-zensical): the main locks stay as they are
# Both also pin the build backend pyproject.toml names (setuptools, for the editable install) and pip.
#   bash scripts/lock.sh                          after editing pyproject.toml: keep every pin that still fits
#   bash scripts/lock.sh --upgrade                move every pin to the newest release pyproject.toml allows
#   bash scripts/lock.sh --upgrade-package NAME   move one
# uv does the resolving; it is installed into a throwaway folder, never into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
PYTHON=${PYTHON:-python3}
tools=$(mktemp -d)
trap 'rm -rf -- "$tools"' EXIT
"$PYTHON" -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"

# The build backend and pip come from the lock too: the project is installed without build isolation.
"$PYTHON" -c 'import tomllib; print("\n".join([*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], "pip"]))' \
  > "$tools/tools.in"

compile() {  # compile OUTPUT [uv options...]
  local out=$1; shift
  UV_CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh" "$tools/venv/bin/uv" pip compile --quiet \
    --universal --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple \
    --output-file "$out" "$@" pyproject.toml - < "$tools/tools.in"
}
mkdir -p requirements
compile requirements/test.txt --extra test "$@"
# The tests' pins are the build's constraints: what is published is built with the versions the tests ran.
# (Not the other way round: the test extra can narrow a shared dependency, e.g. python-dateutil below 3.)
compile requirements/build.txt --constraints requirements/test.txt "$@"
# Zensical, pinned in requirements/zensical.in, beside the build's own pins (same constraints): its own venv.
compile requirements/zensical.txt --constraints requirements/test.txt requirements/zensical.in "$@"
