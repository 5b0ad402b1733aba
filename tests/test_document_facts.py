"""What a report says of a document without its full text, and what the site may say of it: an unknown
place and an unknown lead, the status only from evidence entered in the data, relations between
documents, key points and numeric targets (on the page and in van-ban.json). Each test writes its
own small document into a copy of the project."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from conftest import TEST_TODAY, copy_project, where
from lxml import html

from congbo import ical, pages, urls
from congbo.errors import DataError
from congbo.load import load_site

DOC_ID = "ke-hoach-thu"
DOC = f"data/plans/{DOC_ID}.yml"
OTHER_ID = "cong-van-thu"
OTHER = f"data/plans/{OTHER_ID}.yml"

HEAD = """\
id: {id}
type: KH
number: "??"
symbol: "KH-UBND"
issuer: ubnd-lang-son
place: "Lạng Sơn"
date: 2025-03-10
summary: "Thực hiện công tác dân số năm 2025"
signer: "??"
"""


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


def write_doc(project, extra: str = "", *, doc_id: str = DOC_ID, head: str = HEAD) -> str:
    """A small document of the test's own (``extra``: more fields, YAML at the top level); its text."""
    text = head.format(id=doc_id) + textwrap.dedent(extra)
    (project / f"data/plans/{doc_id}.yml").write_text(text, encoding="utf-8")
    return text


def load(project, today: dt.date = TEST_TODAY):
    return load_site(project, today=today, docs_dir=project / "docs")


def problems(project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


def plan_page(project, doc_id: str = DOC_ID, today: dt.date = TEST_TODAY) -> str:
    site = load(project, today)
    return pages.render_plan(site, site.plan[doc_id]).source


def text_of(source: str) -> str:
    body = source.split("---", 2)[2]
    return " ".join(html.fromstring(f"<div>{body}</div>").text_content().split())


def tree(source: str):
    return html.fromstring(f"<div>{source.split('---', 2)[2]}</div>")


# --- an unknown place ----------------------------------------------------------------


def test_an_unknown_place_is_never_printed_and_the_page_says_it_is_not_known(project):
    write_doc(project, head=HEAD.replace('place: "Lạng Sơn"', 'place: "??"'))
    source = plan_page(project)
    date_line = tree(source).find_class("vb-header__date")[0].text_content()
    assert date_line == "ngày 10 tháng 3 năm 2025"
    assert "??" not in text_of(source)
    assert "Ban biên tập chưa rõ số, địa danh và người ký của văn bản." in text_of(source)


def test_a_blank_place_is_refused_saying_every_original_prints_it_and_how_to_write_unknown(project):
    text = write_doc(project, head=HEAD.replace('place: "Lạng Sơn"', 'place: ".."'))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'place:')}: place: ")
    assert "kể cả bản dự thảo" in problem and "'??' (ban biên tập chưa rõ)" in problem


# --- an unknown lead -----------------------------------------------------------------

ACTIVITY = """\
activities:
  - id: chien-dich
    name: "Chiến dịch truyền thông"
    lead: {lead}
    time:
      start: 2025-06-20
      end: 2025-07-20
"""


def test_an_activity_with_an_unknown_lead_is_accepted_said_and_reaches_the_calendar(project):
    write_doc(project, ACTIVITY.format(lead='"??"'))
    site = load(project)
    page = text_of(pages.render_plan(site, site.plan[DOC_ID]).source)
    assert "Chiến dịch truyền thông Chưa rõ đơn vị chủ trì" in page
    periods = [o for o in site.agenda.occurrences(2025) if o.activity is not None and o.plan.id == DOC_ID]
    assert [(o.start, o.end) for o in periods] == [(dt.date(2025, 6, 20), dt.date(2025, 7, 20))]
    assert all(activity.id != "chien-dich" for _, activity, _ in site.activities_of("ubnd-lang-son"))


def test_an_unknown_lead_is_in_the_calendar_file_without_a_body_s_name(project):
    write_doc(project, ACTIVITY.format(lead='"??"'))
    site = load(project)
    calendar = ical.render_ics_files(site, "https://x.invalid/")[urls.ICS].decode()
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:Chiến dịch truyền thông" in unfolded
    assert "Chưa rõ đơn vị chủ trì." in unfolded


def test_an_activity_kept_as_an_event_with_an_unknown_lead_has_no_organiser(project):
    write_doc(project, ACTIVITY.format(lead='"??"') + "    event: chien-dich-2025\n")
    site = load(project)
    assert site.event["chien-dich-2025"].organiser is None


@pytest.mark.parametrize("lead", ["so-y-te", "Sở Y tế", "'..'"])
def test_a_wrong_lead_says_how_to_record_an_unknown_one(project, lead):
    text = write_doc(project, ACTIVITY.format(lead=lead))
    [problem] = problems(project)
    assert problem.startswith(f"{DOC}:{where(text, 'lead:')}: activities[chien-dich].lead: ")
    assert "'??'" in problem
