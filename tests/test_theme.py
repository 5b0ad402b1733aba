"""The theme contract (`congbo.theme`): every `cb_*` value the overrides read is named there, and every one the
package sets is one the overrides read or an engine is told about."""

from __future__ import annotations

import re
from pathlib import Path

from congbo import theme

ROOT = Path(__file__).resolve().parents[1]
CB = re.compile(r"\bcb_[a-z_]+\b")


def _names_in(paths) -> set[str]:
    return {name for path in paths for name in CB.findall(path.read_text(encoding="utf-8"))}


def test_every_value_the_overrides_read_is_in_the_contract():
    read = _names_in((ROOT / "overrides").rglob("*.html"))
    assert read, "the check sees the overrides' values"
    assert read <= set(theme.KEYS), f"read by the overrides but not in congbo/theme.py: {sorted(read - set(theme.KEYS))}"


def test_every_value_in_the_contract_is_read_by_the_overrides_and_set_by_the_package():
    read = _names_in((ROOT / "overrides").rglob("*.html"))
    package = [*(ROOT / "congbo").glob("*.py"), *(ROOT / "congbo" / "templates").rglob("*.j2")]
    set_by_package = _names_in(p for p in package if p.name != "theme.py")
    assert set(theme.KEYS) == read, f"in the contract, read by no override: {sorted(set(theme.KEYS) - read)}"
    every = set(theme.KEYS) | set(theme.FOR_THE_PACKAGE)
    assert every <= set_by_package, f"in the contract, set nowhere: {sorted(every - set_by_package)}"
    assert not set(theme.FOR_THE_PACKAGE) & read


def test_the_check_sees_a_value_missing_from_the_contract(tmp_path):
    (tmp_path / "main.html").write_text("{{ config.extra.cb_new_value }} {{ cb_csp }}", encoding="utf-8")
    assert _names_in([tmp_path / "main.html"]) - set(theme.KEYS) == {"cb_new_value"}
