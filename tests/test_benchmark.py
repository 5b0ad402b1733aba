"""The build benchmark runs end to end at a tiny size; its synthetic set is valid data.

No timing is asserted here: the speed target is checked by `benchmarks/run.py` itself,
which prints the ratio of the two builds measured in one run.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

from congbo.load import load_site
from conftest import ROOT, build_env, copy_project, mkdocs_build

SCRIPT = ROOT / "benchmarks" / "run.py"


def _bench():
    """benchmarks/ is a folder of scripts, not a package: load run.py by path (once)."""
    if "bench_run" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_run", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_run"] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules["bench_run"]


def test_synthetic_set_passes_the_loader(tmp_path):
    bench = _bench()
    orgs, categories, observances = bench.read_project_data(ROOT)
    content = bench.make_content(30, 4, orgs, categories, observances)
    project = tmp_path / "ours"
    bench.write_ours(project, content)

    site = load_site(project, today=bench.BUILD_DAY, docs_dir=project / "docs")

    real_documents = len(list((ROOT / "data/plans").glob("*.yml")))
    assert len(site.articles) == 30
    assert len(site.published_articles) == 30, "every synthetic article is dated before the build date"
    assert len(site.documents) == 4 + real_documents
    assert {e.id for e in site.events} >= {e["id"] for e in content.events}
    assert any(a.meta.plans for a in site.articles) and any(a.meta.image for a in site.articles)


def test_synthetic_set_is_deterministic(tmp_path):
    bench = _bench()
    data = bench.read_project_data(ROOT)
    for name in ("a", "b"):
        bench.write_ours(tmp_path / name, bench.make_content(12, 2, *data))
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes(), path


def test_script_builds_both_and_prints_ratio_and_memory(tmp_path):
    out = tmp_path / "result.json"
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--articles",
            "20",
            "--plans",
            "3",
            "--repeat",
            "1",
            "--warmup",
            "1",
            "--max-ratio",
            "1000",
            "--max-cpu-ratio",
            "1000",
            "--max-memory-ratio",
            "1000",
            "--workdir",
            str(tmp_path / "work"),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ratio ours/plain at 20 articles \+ \d+ plans: \d+\.\d\d \(max 1000\.00\) PASS$", result.stdout, re.M), result.stdout
    assert re.search(r"^peak memory: ours \d+ MB, plain \d+ MB$", result.stdout, re.M), result.stdout
    assert re.search(
        r"^targets: wall time \d+\.\d\d \(max 1000\.00\) PASS; CPU time \d+\.\d\d \(max 1000\.00\) PASS; "
        r"peak memory \d+\.\d\d \(max 1000\.00\) PASS$",
        result.stdout,
        re.M,
    ), result.stdout
    assert re.search(r"^run by run at 20 articles: \d+\.\d\d \(median", result.stdout, re.M), result.stdout
    assert "warm-up 1/1 ours" in result.stderr and "warm-up 1/1 plain" in result.stderr
    assert re.search(r"^size 20 articles .* ms per record\), ratio \d+\.\d\d \(CPU time \d+\.\d\d\)$", result.stdout, re.M), result.stdout

    [measured] = json.loads(out.read_text())
    assert measured["articles"] == 20 and len(measured["ours"]) == len(measured["plain"]) == 1
    # Both builds really happened: the plain one has a page per article, ours at least as many.
    assert measured["plain"][0]["pages"] >= 20 + 3
    assert measured["ours"][0]["pages"] >= measured["plain"][0]["pages"]
    assert (tmp_path / "work/site-ours/index.html").is_file()


def test_ratio_over_the_maximum_fails(capsys):
    bench = _bench()
    slow = bench.Result(2000, 102, 200, ours=[bench.Build(3.0, 2.9, 300, 2500)], plain=[bench.Build(1.5, 1.4, 100, 2103)])

    assert bench.report([slow], max_ratio=1.5, repeat=1) is False
    assert "ratio ours/plain at 2000 articles + 102 plans: 2.00 (max 1.50) FAIL" in capsys.readouterr().out


def test_each_target_is_checked_on_its_own(capsys):
    bench = _bench()
    # Wall time within its target, CPU time and memory over theirs.
    heavy = bench.Result(2000, 102, 200, ours=[bench.Build(1.2, 2.0, 170, 2500)], plain=[bench.Build(1.0, 1.0, 100, 2103)])

    assert bench.report([heavy], max_ratio=1.3, repeat=1, max_cpu_ratio=1.3, max_memory_ratio=1.5) is False
    out = capsys.readouterr().out
    assert "targets: wall time 1.20 (max 1.30) PASS; CPU time 2.00 (max 1.30) FAIL; peak memory 1.70 (max 1.50) FAIL" in out
    light = bench.Result(2000, 102, 200, ours=[bench.Build(1.2, 1.2, 140, 2500)], plain=[bench.Build(1.0, 1.0, 100, 2103)])
    assert bench.report([light], max_ratio=1.3, repeat=1, max_cpu_ratio=1.3, max_memory_ratio=1.5) is True


def test_phase_hook_reports_each_phase_and_every_page(tmp_path):
    """benchmarks/phases.py, added through a config that inherits mkdocs.yml, leaves the site as it is
    and accounts for every page built, by group, generated pages marked."""
    root = copy_project(tmp_path / "project")
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml").read_text(encoding="utf-8") + f"\nhooks:\n  - {ROOT / 'benchmarks' / 'phases.py'}\n", encoding="utf-8"
    )
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    marks = re.findall(r"^(on_config|on_files|first page read|on_env|end of build) +([\d.]+) s$", result.stderr, re.M)
    assert [name for name, _ in marks] == ["on_config", "on_files", "first page read", "on_env", "end of build"]
    assert [float(at) for _, at in marks] == sorted(float(at) for _, at in marks)
    groups = dict(re.findall(r"^(\S+) +(\d+) pages  markdown ", result.stderr, re.M))
    assert sum(int(n) for n in groups.values()) == len(list((tmp_path / "site").rglob("index.html")))  # and 404.html, a template
    assert int(groups["ke-hoach*"]) == len(list((ROOT / "data/plans").glob("*.yml"))) + 1  # each document and the index
    assert "chuyen-muc" in groups and "chuyen-muc*" in groups  # articles as written, listings as generated
