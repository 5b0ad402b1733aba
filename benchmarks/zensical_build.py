"""Build the site with Zensical (the pinned version in requirements/zensical.in) from the outputs any engine
can build, build it with MkDocs too, and compare the URLs each publishes.

    bash scripts/zensical_build.sh [--work DIR] [--json]

Zensical runs no MkDocs plugin: the congbo plugin's pages and files come from ``python -m congbo outputs
--with-docs``, written into a project folder of its own (DIR/du-an/docs), beside a copy of mkdocs.yml with the
plugins Zensical cannot run taken out and what the plugin sets in MkDocs's config (the site's name, address,
description, logo, favicon, edit links) written in from data/site.yml. The MkDocs build is the default
build, made as scripts/build.sh makes it. Run with .venv-zensical's Python (scripts/setup_zensical.sh).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/", "search.json", "sitemap.xml", "sitemap.xml.gz")
"""The theme's own files: each engine has its own (a bundle named by its hash, its search index, its sitemap).
They are not the site's content and are compared apart."""


OVERRIDES_LEFT_OUT = ("partials",)
"""What of overrides/ the Zensical build goes without (README, "Zensical": what the site loses)."""


class PythonName(str):
    """A ``!!python/name:`` value of mkdocs.yml, kept as written."""


class ConfigLoader(yaml.SafeLoader):
    pass


class ConfigDumper(yaml.SafeDumper):
    pass


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix))
ConfigDumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", ""))


def zensical_config(site: dict) -> dict:
    """mkdocs.yml for Zensical: without the plugins it cannot run (the congbo plugin, whose outputs are in
    docs/ already; macros, run by the outputs command), with what the congbo plugin sets from data/site.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    config["plugins"] = [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) not in ("congbo", "macros")]
    config["site_name"], config["site_url"] = site["name"], site["url"]
    config["site_description"] = site.get("description", "")
    config["theme"]["logo"], config["theme"]["favicon"] = site.get("logo"), site.get("favicon")
    config.pop("watch", None)
    return config


def urls_of(site_dir: Path) -> set[str]:
    """Every address a built site publishes: a page ``x/index.html`` as ``x/``, any other file by its path."""
    found = set()
    for path in site_dir.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site_dir).as_posix()
            found.add(rel.removesuffix("index.html") if rel == "index.html" or rel.endswith("/index.html") else rel)
    return found


def theme_file(url: str) -> bool:
    return url.startswith(THEME_FILES)


def run(command: list[str], cwd: Path, env: dict) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out" / "zensical", help="folder for both builds")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    project = work / "du-an"
    project.mkdir(parents=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", "1795132800")  # 2026-11-20: both builds on one day

    run([sys.executable, "-m", "congbo", "outputs", "--out", str(project / "docs"), "--with-docs"], ROOT, env)
    site = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    config = zensical_config(site)
    (project / "mkdocs.yml").write_text(yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Material's partials as this project overrides them do not fit Zensical's templates (nor MiniJinja): left out.
    shutil.copytree(ROOT / "overrides", project / "overrides", ignore=shutil.ignore_patterns(*OVERRIDES_LEFT_OUT))
    run([str(BIN / "zensical"), "build", "--clean"], project, env)
    run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / "mkdocs-site")], ROOT, env)

    zensical, mkdocs = urls_of(project / "site"), urls_of(work / "mkdocs-site")
    report = {
        "mkdocs": {"pages": sum(u.endswith("/") or u.endswith(".html") or u == "" for u in mkdocs), "files": len(mkdocs)},
        "zensical": {"pages": sum(u.endswith("/") or u.endswith(".html") or u == "" for u in zensical), "files": len(zensical)},
        "missing": sorted(u for u in mkdocs - zensical if not theme_file(u)),
        "extra": sorted(u for u in zensical - mkdocs if not theme_file(u)),
        "theme_missing": sorted(u for u in mkdocs - zensical if theme_file(u)),
        "theme_extra": sorted(u for u in zensical - mkdocs if theme_file(u)),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for key, value in report.items():
            print(f"{key}: {value}")
    return 0 if not report["missing"] else 1


if __name__ == "__main__":
    sys.exit(main())
