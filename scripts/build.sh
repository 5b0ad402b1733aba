#!/usr/bin/env bash
# One command: set up, check the data, and build the site from the bundled data into site/.
#   bash scripts/build.sh          build site/
#   bash scripts/build.sh serve    preview at http://127.0.0.1:8000/ while editing
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/python -m mkdocs serve --strict
fi
.venv/bin/python -m congbo check
.venv/bin/python -m mkdocs build --strict --clean
echo "Đã dựng trang vào thư mục site/ (mở site/index.html, hoặc: bash scripts/build.sh serve)."
