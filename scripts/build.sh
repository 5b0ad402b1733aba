#!/usr/bin/env bash
# One command: set up, check the data, and build the site from the bundled data into site/.
#   bash scripts/build.sh          build site/
#   bash scripts/build.sh serve    preview at http://127.0.0.1:8000/ while editing
#
# The site is built into a new folder beside site/ and takes its place only once the build has
# succeeded: a failed or interrupted build leaves an existing site/ as it was. MkDocs runs in a process
# group of its own, so a signal that ends this script ends every process of the build with it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/python -m mkdocs serve --strict
fi
.venv/bin/python -m congbo check

building=$(mktemp -d site.building.XXXXXX)
chmod 755 "$building"  # mktemp makes it private; the site is for everyone
old="$building.old"
builder=""
cleanup() {
  if [ -n "$builder" ]; then kill -TERM -- "-$builder" 2>/dev/null || true; wait "$builder" 2>/dev/null || true; fi
  rm -rf -- "$building" "$old"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

setsid .venv/bin/python -m mkdocs build --strict --clean -d "$building" &
builder=$!
wait "$builder"
builder=""
# GitHub Pages publishes the gh-pages branch through Jekyll unless told not to, and Jekyll drops every
# path that starts with "_" (a preview's screenshots are in _preview/).
touch "$building/.nojekyll"

if [ -d site ]; then mv site "$old"; fi
mv "$building" site
echo "Đã dựng trang vào thư mục site/ (mở site/index.html, hoặc: bash scripts/build.sh serve)."
