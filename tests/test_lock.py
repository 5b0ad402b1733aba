"""The lock files scripts/setup.sh installs from (written by scripts/lock.sh) agree with pyproject.toml:
every dependency it names is pinned, with hashes, at a version inside its range; the build runs on the
versions the tests run on; and this environment holds exactly the locked versions."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import tomllib
from dataclasses import dataclass

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BUILD_LOCK = ROOT / "requirements" / "build.txt"
TEST_LOCK = ROOT / "requirements" / "test.txt"
ZENSICAL_LOCK = ROOT / "requirements" / "zensical.txt"
ZENSICAL_PIN = ROOT / "requirements" / "zensical.in"
HASH = re.compile(r"^--hash=sha256:[0-9a-f]{64}$")


@dataclass(frozen=True)
class Pin:
    requirement: Requirement
    hashes: tuple[str, ...]

    @property
    def name(self) -> str:
        return canonicalize_name(self.requirement.name)

    @property
    def version(self) -> Version:
        [spec] = self.requirement.specifier
        return Version(spec.version)


def read_lock(path) -> list[Pin]:
    """Each entry of a lock: its requirement (with its marker) and its hashes (comments dropped)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        requirement, *options = re.split(r"\s+(?=--)", line)
        pins.append(Pin(Requirement(requirement), tuple(options)))
    return pins


def declared(*, test: bool) -> list[Requirement]:
    names = [*PYPROJECT["build-system"]["requires"], *PYPROJECT["project"]["dependencies"]]
    if test:
        names += PYPROJECT["project"]["optional-dependencies"]["test"]
    return [Requirement(name) for name in names]


LOCKS = {"build": (BUILD_LOCK, False), "test": (TEST_LOCK, True)}


@pytest.mark.parametrize("which", LOCKS)
def test_every_entry_is_an_exact_pin_with_hashes(which):
    path, _ = LOCKS[which]
    pins = read_lock(path)
    assert len(pins) > 20
    for pin in pins:
        [spec] = pin.requirement.specifier
        assert spec.operator == "==", f"{path.name}: {pin.requirement}: not an exact pin"
        assert pin.hashes and all(HASH.match(option) for option in pin.hashes), f"{path.name}: {pin.requirement}: {pin.hashes}"


@pytest.mark.parametrize("which", LOCKS)
def test_every_dependency_of_pyproject_is_pinned_inside_its_range(which):
    path, test = LOCKS[which]
    pins = read_lock(path)
    for requirement in declared(test=test):
        found = [pin for pin in pins if pin.name == canonicalize_name(requirement.name)]
        assert found, f"{requirement} (pyproject.toml) is not in {path.name}: run bash scripts/lock.sh"
        for pin in found:
            assert requirement.specifier.contains(pin.version, prereleases=True), (
                f"{path.name} pins {pin.requirement}, outside pyproject.toml's {requirement}: run bash scripts/lock.sh"
            )


def test_the_build_runs_on_the_versions_the_tests_run_on():
    tested = {(pin.name, str(pin.requirement.marker)): pin for pin in read_lock(TEST_LOCK)}
    for pin in read_lock(BUILD_LOCK):
        key = (pin.name, str(pin.requirement.marker))
        assert key in tested, f"{pin.requirement} is in build.txt, not in test.txt"
        assert (pin.version, set(pin.hashes)) == (tested[key].version, set(tested[key].hashes)), pin.requirement


def test_the_zensical_lock_is_the_builds_pins_and_the_pinned_zensical():
    """requirements/zensical.txt (.venv-zensical, the comparison build): every pin of the build's lock, with the
    same hashes, and Zensical at the version requirements/zensical.in names, all pinned with hashes."""
    pins = {(pin.name, str(pin.requirement.marker)): pin for pin in read_lock(ZENSICAL_LOCK)}
    for pin in read_lock(BUILD_LOCK):
        key = (pin.name, str(pin.requirement.marker))
        assert key in pins, f"{pin.requirement} is in build.txt, not in zensical.txt: run bash scripts/lock.sh"
        assert (pin.version, set(pin.hashes)) == (pins[key].version, set(pins[key].hashes)), pin.requirement
    assert all(pin.hashes and all(HASH.match(option) for option in pin.hashes) for pin in pins.values())
    [wanted] = [Requirement(line) for line in ZENSICAL_PIN.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    [zensical] = [pin for pin in pins.values() if pin.name == "zensical"]
    assert str(wanted.specifier) == f"=={zensical.version}", "zensical.in and zensical.txt disagree: run bash scripts/lock.sh"


def test_this_environment_holds_the_locked_versions():
    """What scripts/setup.sh test installed is the tests' lock, version for version."""
    for pin in read_lock(TEST_LOCK):
        if pin.requirement.marker is None or pin.requirement.marker.evaluate():
            assert Version(importlib.metadata.version(pin.name)) == pin.version, pin.requirement


def test_the_material_floor_excludes_the_search_xss():
    """mkdocs-material 9.7.0 to 9.7.6 carry the search-suggestion XSS (GHSA-xvg9-69gf-fjrf)."""
    [material] = [r for r in declared(test=False) if r.name == "mkdocs-material"]
    assert not any(material.specifier.contains(f"9.7.{n}") for n in range(7))
    assert material.specifier.contains("9.7.7")


def test_the_install_stamp_covers_pyproject_and_both_locks():
    """Editing pyproject.toml or either lock makes the next setup install again."""
    stamp = (ROOT / ".venv" / "congbo-installed").read_text(encoding="utf-8").split()
    sums = hashlib.sha256(b"".join(path.read_bytes() for path in (ROOT / "pyproject.toml", BUILD_LOCK, TEST_LOCK))).hexdigest()
    assert stamp == [sums, "requirements/test.txt"], "not installed from these files: run bash scripts/setup.sh test"
