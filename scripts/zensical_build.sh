#!/usr/bin/env bash
# The site built by Zensical (pinned in requirements/zensical.in) from `python -m congbo outputs --with-docs`,
# and by MkDocs (the default build), compared URL by URL (benchmarks/zensical_build.py; both builds in
# benchmarks/out/zensical/ unless --work DIR). Exit 1 when Zensical misses a URL the MkDocs build publishes.
#   bash scripts/zensical_build.sh [--work DIR] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_zensical.sh
exec .venv-zensical/bin/python benchmarks/zensical_build.py "$@"
