"""Long lists in one record: does the build grow linearly with what an editor lists?

Builds copies of the project in which one list holds N ids (an article's ``observances:`` or ``plans:``,
an event's ``observances:``, an activity's ``partners:``), once with ``--small`` and once with ``--large``
entries, in one run, and
prints the wall time of the check and of the build of each and the ratio large/small. Exits 1 when the
build's ratio is over ``--max-ratio`` (12: ten times the entries in at most twelve times the time),
2 when a build fails.

    .venv/bin/python benchmarks/lists.py                       # 1,000 and 10,000, every list
    .venv/bin/python benchmarks/lists.py --small 100 --large 1000 --list article
    .venv/bin/python benchmarks/lists.py --profile 3000        # cProfile of one build, the 25 dearest calls

The ids are the sample's (nine observances, for the 1994 event the five held by then; twelve plans; three
bodies), repeated in turn, as an editor who pastes a list twice writes them: a list of distinct ids
cannot be long.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1795140000"  # 2026-11-20 09:00 +07:00, the test builds' date
ARTICLE = "docs/chuyen-muc/2022/thang-hanh-dong.md"
ARTICLE_LIST = "observances: [thang-hanh-dong-dan-so, ngay-dan-so-viet-nam]"
EVENT_LIST = "  kind: su-kien\n"  # the first event of data/events.yml, in 1994
EVENT_YEAR = 1994
PLAN = "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml"


def observance_ids(held_by: int) -> list[str]:
    """The sample's observances first held by ``held_by`` (an event may name only those)."""
    records = yaml.safe_load((ROOT / "data/observances.yml").read_text(encoding="utf-8"))
    return [r["id"] for r in records if r["first_year"] <= held_by]


def plan_ids() -> list[str]:
    return sorted(path.stem for path in (ROOT / "data/plans").glob("*.yml"))


PARTNERS = ["so-tttt-lang-son", "ubnd-cac-huyen-lang-son", "so-vhttdl-lang-son"]
LISTS = {  # kind: (file, the list as the sample writes it, how a long one is written, the ids it repeats)
    "article": (ARTICLE, ARTICLE_LIST, "observances:\n{}", lambda: observance_ids(2100), "  - "),
    "article-plans": (ARTICLE, ARTICLE_LIST, ARTICLE_LIST + "\nplans:\n{}", plan_ids, "  - "),
    "event": ("data/events.yml", EVENT_LIST, EVENT_LIST + "  observances:\n{}\n", lambda: observance_ids(EVENT_YEAR), "    - "),
    "partners": (PLAN, "    partners: [so-tttt-lang-son, ubnd-cac-huyen-lang-son]\n", "    partners:\n{}\n", lambda: PARTNERS, "      - "),
}


def make_project(dest: Path, kind: str, count: int) -> Path:
    for name in ("data", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / "congbo").symlink_to(ROOT / "congbo")
    rel, old, new, ids_of, bullet = LISTS[kind]
    ids = ids_of()
    listed = "\n".join(bullet + ids[i % len(ids)] for i in range(count))
    path = dest / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new.format(listed), 1), encoding="utf-8")
    return dest


def env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env(), capture_output=True, text=True)
    return time.perf_counter() - start, result


def measure(project: Path) -> tuple[float, float, str]:
    """Seconds of the check and of the build, and the check's first line (what an editor reads)."""
    check, checked = timed([sys.executable, "-m", "congbo", "check"], project)
    build, built = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")], project)
    said = (checked.stdout + checked.stderr).strip().splitlines()
    if checked.returncode not in (0, 1) or (checked.returncode == 0 and built.returncode != 0):
        sys.exit(f"build failed:\n{built.stderr[-3000:]}\n{checked.stderr[-3000:]}")
    return check, build, said[0] if said else ""


def profile(project: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-s", "cumulative", "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        cwd=project,
        env=env(),
        check=False,
        stdout=sys.stdout,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--list", choices=[*LISTS, "all"], default="all")
    parser.add_argument("--max-ratio", type=float, default=12.0)
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build of an article listing N observances instead")
    args = parser.parse_args()
    kinds = list(LISTS) if args.list == "all" else [args.list]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            profile(make_project(Path(tmp) / "p", kinds[0], args.profile))
            return 0
        for kind in kinds:
            rows = []
            for count in (args.small, args.large):
                check, build, said = measure(make_project(Path(tmp) / f"{kind}-{count}", kind, count))
                rows.append((count, check, build, said))
                print(f"{kind:13} {count:>6} entries: check {check:6.2f} s, build {build:6.2f} s   {said[:110]}")
            ratio = rows[1][2] / rows[0][2]
            worst = max(worst, ratio)
            print(
                f"{kind:13} build ratio {args.large}/{args.small}: {ratio:.2f} (target ≤ {args.max_ratio:g}); check ratio "
                f"{rows[1][1] / rows[0][1]:.2f}"
            )
    return 1 if worst > args.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
