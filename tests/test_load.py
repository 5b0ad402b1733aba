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
from conftest import FIXTURE, TEST_TODAY, copy_project

EXAMPLES = 40
DEADLINE_MS = 3_000
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=DEADLINE_MS,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FILES = [
    "data/site.yml",
    "data/organisations.yml",
    "data/observances.yml",
    "data/events.yml",
    "data/plans/ke-hoach-60-nam-dan-so-viet-nam-lang-son.yml",
    "docs/chuyen-muc/2022/thang-hanh-dong.md",
]
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
SHOWN = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): ")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("properties"))


def load_with(project: Path, rel: str, data: bytes):
    """Load the project with one file's bytes replaced; the file is put back afterwards."""
    path = project / rel
    original = (FIXTURE / rel).read_bytes()
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
            text = text[:position] + text[position + max(1, second // 50) :]
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


insertions = st.sampled_from(
    [
        "&a ",
        "*a",
        "<<: ",
        "!!python/name:os.system ",
        '"',
        "'",
        "\t",
        ": ",
        "- ",
        "#",
        " #1",
        "{",
        "[",
        "}",
        "]",
        "9999-12-31",
        "0001-01-01",
        "\x1b]0;x\x07",
        "\ufffe",
        "\u202e",
        "\u00ad",
        "\ufeff",
        "---\n",
        "\n  ",
        "\r\n",
        "~",
        "null",
        "yes",
        "1:30",
        "1e400",
        "-5",
        "100000000000000000000",
        "<script>alert(1)</script>",
    ]
) | st.text(max_size=8)
edits = st.lists(
    st.tuples(st.sampled_from(["delete", "insert", "repeat", "swap"]), st.floats(0, 1), st.floats(0, 1), insertions), min_size=1, max_size=4
)


@PROPERTY
@given(rel=st.sampled_from(FILES), changes=edits)
def test_any_mutation_of_the_sample_files(project, rel, changes):
    text = mutate((FIXTURE / rel).read_text(encoding="utf-8"), changes)
    assert_site_or_messages(load_with(project, rel, text.encode("utf-8", "surrogatepass")), project)


def test_the_sample_loads(project):
    assert isinstance(load_with(project, FILES[0], (FIXTURE / FILES[0]).read_bytes()), Site)


# --- every id field and every file field, whatever its value --------------------------

from congbo.yamlread import read_yaml  # noqa: E402

ARTICLE_WITH_IMAGE = "docs/chuyen-muc/2021/ke-hoach-ky-niem-60-nam.md"
DOCUMENT = FILES[4]
ID_KEYS = {
    "id",
    "owner",
    "parent",
    "successor",
    "issuer",
    "lead",
    "plan",
    "activity",
    "event",
    "document",
    "same_as",
    "observance",
    "section",
    "category",
    "organisation",
    "superseded_by",
}
ID_LISTS = {"observances", "partners", "co_issuers", "duties_of", "plans", "events", "organisers", "participants"}
FILE_KEYS = {"logo", "favicon", "share_image", "file"}
FIELD_FILES = FILES[:5] + [ARTICLE_WITH_IMAGE]


def read_record(rel: str) -> tuple[object, str]:
    """A data file (or an article's front matter) as the loader reads it, and the article's body."""
    text = (FIXTURE / rel).read_text(encoding="utf-8")
    body = ""
    if rel.endswith(".md"):
        _, front, body = text.split("---\n", 2)
        text = front
    located, problems = read_yaml(text, rel)
    assert not problems
    value = located.value
    if rel == DOCUMENT:  # no sample document has an attachment: give this one a file to break
        value["attachments"] = [{"file": "anh/ban-goc.pdf", "title": "Bản gốc"}]
    return value, body


def field_paths(value, keys: set[str], path=()) -> list[tuple]:
    """Every field named in ``keys`` of a record (and every item of a list of ids)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys:
                found.append(path + (key,))
            if key in keys & ID_LISTS and isinstance(item, list):
                found += [path + (key, i) for i in range(len(item))]
            found += field_paths(item, keys, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += field_paths(item, keys, path + (i,))
    return found


SAMPLES = {rel: read_record(rel) for rel in FIELD_FILES}
ID_FIELDS = {rel: field_paths(record, ID_KEYS | ID_LISTS) for rel, (record, _) in SAMPLES.items()}
FILE_FIELDS = {rel: field_paths(record, FILE_KEYS) for rel, (record, _) in SAMPLES.items()}
FILE_FIELD_FILES = [rel for rel in FIELD_FILES if FILE_FIELDS[rel]]


def written(rel: str, record, body: str) -> bytes:
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10_000)
    return (f"---\n{text}---\n{body}" if rel.endswith(".md") else text).encode("utf-8")


def put(record, path: tuple, value):
    for part in path[:-1]:
        record = record[part]
    record[path[-1]] = value


def long_name(unit: str, count: int) -> str:
    return unit * count


id_values = (
    st.lists(st.text(max_size=5) | st.integers(), max_size=3)
    | st.dictionaries(st.text(max_size=5), st.text(max_size=5) | st.none(), max_size=2)
    | st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.builds(long_name, st.sampled_from(["x", "ạ", "a-"]), st.integers(100, 5000))
    | st.sampled_from(["a\x00b", "a\rb", "Ngày\rURL: javascript:alert(1)", "so-y-te-lang-son\n", "<<ĐIỀN: mã>>"])
)
file_values = (
    st.builds(long_name, st.sampled_from(["x", "ạ", "a/", "../", "x" * 255 + "/"]), st.integers(100, 5000))
    | st.sampled_from(
        [
            "../../etc/passwd",
            "/etc/passwd",
            "~/x.png",
            "C:\\anh\\x.png",
            "anh//x.png",
            "./anh/x.png",
            "a\x00b",
            "a\rb",
            "anh/x.png\n",
            "anh/" + "ả" * 200 + ".png",
            "assets/logo.svg",
            "anh",
            "chuyen-muc/anh/chia-se.png",
            "..",
        ]
    )
    | st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=20)
    | st.lists(st.text(max_size=5), max_size=3)
    | st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2)
)


def assert_fields_take_anything(project, data, rel: str, fields: list[tuple], values) -> None:
    import copy

    record, body = SAMPLES[rel]
    record = copy.deepcopy(record)
    for path in data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=2)):
        try:
            put(record, path, data.draw(values))
        except (KeyError, IndexError, TypeError):  # an earlier draw replaced what held this field
            pass
    assert_site_or_messages(load_with(project, rel, written(rel, record, body)), project)


@pytest.mark.parametrize("rel", FIELD_FILES)
@PROPERTY
@given(data=st.data())
def test_any_value_in_any_id_field(project, rel, data):
    """Lists, maps, numbers, nothing, control characters in every id field (and list of ids) of every
    kind of file: a checked site or messages, never an unhashable list in a set."""
    assert_fields_take_anything(project, data, rel, ID_FIELDS[rel], id_values)


@pytest.mark.parametrize("rel", FILE_FIELD_FILES)
@PROPERTY
@given(data=st.data())
def test_any_value_in_any_file_field(project, rel, data):
    """Names longer than any system allows, control characters, absolute paths, paths out of docs/ in
    every field that names a file: a checked site or messages, never an OSError."""
    assert_fields_take_anything(project, data, rel, FILE_FIELDS[rel], file_values)


@pytest.mark.parametrize("rel", FIELD_FILES)
def test_the_field_files_load_as_rewritten(project, rel):
    record, body = SAMPLES[rel]
    assert ID_FIELDS[rel]
    outcome = load_with(project, rel, written(rel, record, body))
    if rel == DOCUMENT:  # the attachment it was given is not there
        assert [p.message for p in outcome.problems] == ["không tìm thấy tệp docs/anh/ban-goc.pdf (tệp đính kèm đặt trong thư mục docs/)"]
    else:
        assert isinstance(outcome, Site), outcome


def test_every_kind_of_file_field_is_covered():
    assert {path[-1] for rel in FILE_FIELD_FILES for path in FILE_FIELDS[rel]} == FILE_KEYS
    assert FILE_FIELDS[DOCUMENT] == [("attachments", 0, "file")] and ("image", "file") in FILE_FIELDS[ARTICLE_WITH_IMAGE]
