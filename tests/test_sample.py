"""The sample tier: what the site publishes (data/ and the pages under docs/, the content editors change) is
checked here and only here, as the sample's own facts. Every other test runs on the tests' own content
(tests/project/, `conftest.FIXTURE`), so a content pull request can fail a test of this file, never a code test.

Each assertion here is a fact of the sample an editor entered (a document's period, a body's province, the
guide's copies of sample files), or a rule every published content must keep (it loads, its pages and files
are all read, its data files point at their schemas: tests/test_schema.py's `sample` cases)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from congbo import blocks, content
from conftest import ROOT
from test_guide import EXAMPLE_ROOT

pytestmark = pytest.mark.sample


@pytest.fixture(scope="module")
def site(sample_site):
    return sample_site


def test_the_sample_loads_with_records_of_every_kind(site):
    assert site.documents and site.observances and site.organisations and site.articles


def test_the_sample_calls_no_document_current_without_a_period_and_covers_only_what_its_text_says(site):
    """The home page listed a 2001 Quyết định, a 2017 resolution and a 2020 Công văn as under way (their
    issuers still exist); none has a period that includes the build day. Two summaries state their year."""
    for old in ("quyet-dinh-72-2001-qd-ttg", "nghi-quyet-21-nq-tw", "cong-van-5463-byt-tcds"):
        assert not blocks.is_current(site, site.document[old])
    covers = {p.id: (p.covers.start, p.covers.end) for p in site.documents if p.covers}
    assert covers == {
        "cong-van-ubnd-long-xuyen-ngay-dan-so-the-gioi-2024": (2024, 2024),
        "ke-hoach-thang-hanh-dong-dan-so-2022-long-an": (2022, 2022),
    }
    assert all(str(p.covers.start) in p.summary for p in site.documents if p.covers)
    assert not any(p.validity for p in site.documents)


def test_the_sample_names_other_provinces_bodies_with_their_province(site):
    assert site.home_province == "Lạng Sơn"
    assert site.name_of("ubnd-loc-ninh") == "Ủy ban nhân dân huyện Lộc Ninh (tỉnh Bình Phước cũ)"
    assert site.name_of("ubnd-long-xuyen") == "Ủy ban nhân dân thành phố Long Xuyên, tỉnh An Giang"
    assert site.name_of("so-y-te-quang-nam", short=True) == "Sở Y tế tỉnh Quảng Nam"
    assert site.name_of("so-y-te-lang-son", short=True) == "Sở Y tế"
    for org_id in ("ubnd-bac-giang", "so-khcn-bac-giang", "so-y-te-bac-giang", "van-phong-so-khcn-bac-giang"):
        assert site.organisation[org_id].valid_until == dt.date(2025, 6, 30), "from Bắc Giang's merger, written once"


def test_a_worked_example_copied_whole_is_the_sample_document_as_it_stands():
    """An example that is not an excerpt ('trích …, giữ …' on its first line) is its data/plans file line for
    line after that first line: correcting the sample corrects what the guide shows, or this fails."""
    copies = []
    for example in sorted((EXAMPLE_ROOT / "data" / "plans").glob("*.yml")):
        lines = example.read_text(encoding="utf-8").splitlines()
        if "giữ" in lines[0]:
            continue  # an excerpt: it says what it keeps
        sample = (ROOT / "data" / "plans" / example.name).read_text(encoding="utf-8").splitlines()
        assert lines[1:] == sample[1:], example.name
        copies.append(example.name)
    assert (
        len(copies) >= 5
    )  # the Chỉ thị, Công văn 1214 and Nghị quyết 21 are excerpts: their source, the document citing them, is not among the examples


def test_pull_request_template_links_work_from_a_pull_request_description():
    """A PR description resolves no relative path: every link is absolute, and the guide's is the published
    page at data/site.yml's address (the template is a static file: a new address means editing it too)."""
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    site_url = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["url"]
    targets = re.findall(r"\]\(([^)]*)\)", text) + re.findall(r"<(https?://[^>]*)>", text)
    assert f"{site_url}huong-dan/" in targets
    assert all(re.match(r"https://", target) for target in targets), targets


def test_the_sample_tree_has_nothing_unread():
    assert content.scan_links(ROOT) == [] and content.scan_files(ROOT) == []
