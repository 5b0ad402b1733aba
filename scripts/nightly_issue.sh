#!/usr/bin/env bash
# The nightly build speaks up: a failed build opens one issue (or comments on the one already open), and
# the next successful build closes it. Run by the workflow's nightly report job, with the GitHub CLI (gh)
# of GitHub's runners, GH_TOKEN (issues: write) and GH_REPO set.
#   bash scripts/nightly_issue.sh success|failure RUN_URL
set -euo pipefail

TITLE="Bản dựng hằng ngày thất bại"
result=${1:-}
run_url=${2:-}
if [[ ! "$result" =~ ^(success|failure)$ || -z "$run_url" ]]; then
  echo "Cách dùng: bash scripts/nightly_issue.sh success|failure RUN_URL" >&2
  exit 2
fi

# The open issue with exactly this title (the search is by words; the title is then compared whole).
open=$(gh issue list --state open --search "\"$TITLE\" in:title" --json number,title \
  --jq "map(select(.title == \"$TITLE\")) | first | .number // empty")

if [ "$result" = failure ]; then
  body="Bản dựng hằng ngày (00:05 giờ Việt Nam) thất bại: $run_url

Trang đã xuất bản giữ nguyên như lần xuất bản trước: số ngày còn lại, sự kiện sắp tới và bài hẹn ngày đăng chưa được cập nhật. Mở liên kết để xem bước nào thất bại. Lần dựng thành công sau sẽ tự đóng issue này."
  if [ -n "$open" ]; then
    gh issue comment "$open" --body "Lại thất bại: $run_url"
  else
    gh issue create --title "$TITLE" --body "$body"
  fi
elif [ -n "$open" ]; then
  gh issue close "$open" --comment "Bản dựng hằng ngày đã thành công trở lại: $run_url"
fi
