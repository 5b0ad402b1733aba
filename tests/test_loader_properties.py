"""Property-based tests of the loader (hypothesis): whatever an editor or an attacker writes into the
data or an article, loading ends in a checked site or in Vietnamese ``file:line:column`` messages
(DataError): never another exception, never a hang.

Bounded for the suite: each property runs EXAMPLES examples, each within DEADLINE_MS; the seed is
derived from the test (derandomize), so a run is repeatable.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congbo.errors import DataError
from congbo.load import load_site
from congbo.site import Site
from conftest import ROOT, TEST_TODAY, copy_project

EXAMPLES = 40
DEADLINE_MS = 3_000
PROPERTY = settings(max_examples=EXAMPLES, deadline=DEADLINE_MS, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FILES = [
    "data/site.yml", "data/organisations.yml", "data/observances.yml", "data/events.yml",
    "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml", "docs/chuyen-muc/2022/thang-hanh-dong.md",
]
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
SHOWN = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): ")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("properties"))


def load_with(project: Path, rel: str, data: bytes):
    """Load the project with one file's bytes replaced; the file is put back afterwards."""
    path = project / rel
    original = (ROOT / rel).read_bytes()
    path.write_bytes(data)
    try:
        return load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    except DataError as exc:
        return exc
    finally:
        path.write_bytes(original)


def assert_site_or_messages(outcome, project: Path) -> None:
    if isinstance(outcome, Site):
        return
    assert isinstance(outcome, DataError)
    assert outcome.problems
    for problem in outcome.problems:
        shown = str(problem)
        where = SHOWN.match(shown)
        assert where, shown
        assert (project / where["file"]).exists(), shown
        assert int(where["line"]) >= 1 and int(where["column"]) >= 1, shown
        assert VIETNAMESE.search(problem.message), shown
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown), shown


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


@PROPERTY
@given(rel=st.sampled_from(FILES[:-1]), value=yaml_values)
def test_any_yaml_value_in_a_data_file(project, rel, value):
    text = yaml.safe_dump(value, allow_unicode=True)
    assert_site_or_messages(load_with(project, rel, text.encode("utf-8")), project)


@PROPERTY
@given(rel=st.sampled_from(FILES), data=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_in_a_file(project, rel, data):
    assert_site_or_messages(load_with(project, rel, data), project)


def mutate(text: str, edits: list[tuple[str, float, float, str]]) -> str:
    """Apply edits at relative positions: delete a span, insert text, repeat a line, or swap two lines."""
    for kind, at, other, insert in edits:
        position, second = int(at * len(text)), int(other * len(text))
        if kind == "delete":
            text = text[:position] + text[position + max(1, second // 50):]
        elif kind == "insert":
            text = text[:position] + insert + text[position:]
        else:
            lines = text.split("\n")
            i, j = int(at * (len(lines) - 1)), int(other * (len(lines) - 1))
            if kind == "repeat":
                lines.insert(i, lines[j])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


insertions = st.sampled_from([
    "&a ", "*a", "<<: ", "!!python/name:os.system ", '"', "'", "\t", ": ", "- ", "#", " #1", "{", "[", "}", "]", "9999-12-31",
    "0001-01-01", "\x1b]0;x\x07", "\ufffe", "\u202e", "\u00ad", "\ufeff", "---\n", "\n  ", "\r\n", "~", "null", "yes", "1:30",
    "1e400", "-5", "100000000000000000000", "<script>alert(1)</script>",
]) | st.text(max_size=8)
edits = st.lists(st.tuples(st.sampled_from(["delete", "insert", "repeat", "swap"]), st.floats(0, 1), st.floats(0, 1), insertions), min_size=1, max_size=4)


@PROPERTY
@given(rel=st.sampled_from(FILES), changes=edits)
def test_any_mutation_of_the_sample_files(project, rel, changes):
    text = mutate((ROOT / rel).read_text(encoding="utf-8"), changes)
    assert_site_or_messages(load_with(project, rel, text.encode("utf-8", "surrogatepass")), project)


def test_the_sample_loads(project):
    assert isinstance(load_with(project, FILES[0], (ROOT / FILES[0]).read_bytes()), Site)
