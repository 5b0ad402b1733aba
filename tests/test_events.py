"""Events as they happen: several organisers (the first leads), participants (bodies or classes of
bodies), a kind of event; each checked with a message saying what to do, shown on the event page, on
every organiser's and participant's page, in lich.json and in the calendar entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TEST_TODAY, append, copy_project, where
from lxml import html

from congbo import calendar_json, feeds, ical, pages
from congbo.changes import compare, records_of
from congbo.errors import DataError
from congbo.load import load_site
from congbo.models import EVENT_TYPES

# Test records added to a copy of the sample data (not published): a class of communes, two of its
# communes (one ended before the test events), and events that name them.
BODIES = """
- id: ubnd-cac-xa-thu-nghiem
  name: "Ủy ban nhân dân các xã tỉnh Thử Nghiệm"
  short_name: "UBND các xã"
  kind: nhom
  level: xa
  province: "Thử Nghiệm"
  members: {kind: ubnd, level: xa}

- id: ubnd-xa-mot
  name: "Ủy ban nhân dân xã Một"
  kind: ubnd
  level: xa
  province: "Thử Nghiệm"

- id: ubnd-xa-hai
  name: "Ủy ban nhân dân xã Hai"
  kind: ubnd
  level: xa
  province: "Thử Nghiệm"
  valid_until: 2025-06-30

- id: so-thu-nghiem
  name: "Sở Thử Nghiệm"
  kind: so
  level: tinh
  province: "Thử Nghiệm"

- id: doan-the-thu-nghiem
  name: "Đoàn thể Thử Nghiệm"
  kind: mat-tran-doan-the
  level: tinh
  province: "Thử Nghiệm"
"""

CONFERENCE = """
- id: hoi-nghi-thu-nghiem
  name: "Hội nghị thử nghiệm"
  type: hoi-nghi
  date: 2026-12-01
  organisers: [so-thu-nghiem, doan-the-thu-nghiem]
  participants: [ubnd-cac-xa-thu-nghiem, ubnd-lang-son]
"""


@pytest.fixture
def project(tmp_path) -> Path:
    return with_bodies(copy_project(tmp_path))


def with_bodies(root: Path) -> Path:
    """The test bodies added, their province listed in data/site.yml (another province's bodies are named
    with it, so the site must know it is a province)."""
    append(root, "data/organisations.yml", BODIES)
    site_yml = root / "data/site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(text.replace("provinces:\n", "provinces:\n  - name: Thử Nghiệm\n    kind: tinh\n", 1), encoding="utf-8")
    return root


def load(root: Path):
    return load_site(root, today=TEST_TODAY, docs_dir=root / "docs")


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(root)
    return [str(p) for p in caught.value.problems]


def body_of(page) -> html.HtmlElement:
    """A rendered page's body, without the headings' permalink marks."""
    tree = html.fromstring(f"<div>{page.source.split('---', 2)[2]}</div>")
    for link in tree.xpath("//a[@class='headerlink']"):
        link.drop_tree()
    return tree


def words(node) -> str:
    return " ".join(node.text_content().split())


# --- checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, shown",
    [
        ("organiser: so-thu-nghiem", "organisers: [so-thu-nghiem]"),
        ("organiser: [so-thu-nghiem, doan-the-thu-nghiem]", "organisers: [so-thu-nghiem, doan-the-thu-nghiem]"),
    ],
)
def test_the_old_organiser_key_says_how_to_write_organisers(project, written, shown):
    text = append(project, "data/events.yml", f'\n- id: su-kien-cu\n  name: "Sự kiện"\n  date: 2026-12-01\n  {written}\n')
    assert problems(project) == [
        f"data/events.yml:{where(text, written)}: [su-kien-cu].organiser: trường 'organiser' nay là 'organisers' (danh sách đơn vị "
        f"tổ chức, đơn vị chủ trì ghi đầu tiên): hãy ghi '{shown}' thay cho dòng này"
    ]


def test_unknown_organisers_and_participants_are_named_with_a_suggestion(project):
    text = append(
        project,
        "data/events.yml",
        '\n- id: su-kien-sai-ma\n  name: "Sự kiện"\n  date: 2026-12-01\n'
        "  organisers: [so-thu-nghiem, doan-the-thu-nghie]\n  participants: [ubnd-xa-mott]\n",
    )
    assert problems(project) == [
        f"data/events.yml:{where(text, 'doan-the-thu-nghie]')}: [su-kien-sai-ma].organisers[2]: không có cơ quan mã "
        f"'doan-the-thu-nghie' trong data/organisations.yml; có phải 'doan-the-thu-nghiem'?",
        f"data/events.yml:{where(text, 'ubnd-xa-mott')}: [su-kien-sai-ma].participants[1]: không có cơ quan mã 'ubnd-xa-mott' trong "
        f"data/organisations.yml; có phải 'ubnd-xa-mot'?",
    ]


def test_a_body_is_named_once_and_an_organiser_is_not_a_participant(project):
    text = append(
        project,
        "data/events.yml",
        '\n- id: su-kien-trung\n  name: "Sự kiện"\n  date: 2026-12-01\n'
        "  organisers: [so-thu-nghiem, so-thu-nghiem]\n  participants: [ubnd-xa-mot, doan-the-thu-nghiem, ubnd-xa-mot, so-thu-nghiem]\n",
    )
    assert problems(project) == [
        f"data/events.yml:{where(text, 'so-thu-nghiem]')}: [su-kien-trung].organisers[2]: cơ quan 'so-thu-nghiem' đã ghi trong đơn vị "
        f"tổ chức ('organisers'); mỗi cơ quan ghi một lần: xóa mục này",
        f"data/events.yml:{where(text, 'ubnd-xa-mot, so-thu')}: [su-kien-trung].participants[3]: cơ quan 'ubnd-xa-mot' đã ghi trong "
        f"thành phần tham gia ('participants'); mỗi cơ quan ghi một lần: xóa mục này",
        f"data/events.yml:{where(text, 'so-thu-nghiem]', 2)}: [su-kien-trung].participants[4]: cơ quan 'so-thu-nghiem' đã là đơn vị tổ "
        f"chức ('organisers'); thành phần tham gia ('participants') chỉ ghi các cơ quan khác: xóa mục này",
    ]


def test_a_kind_of_event_outside_the_list_lists_the_kinds_and_guesses_the_one_meant(project):
    text = append(project, "data/events.yml", '\n- id: su-kien-loai\n  name: "Sự kiện"\n  date: 2026-12-01\n  type: "Hội nghị"\n')
    [message] = problems(project)
    assert message.startswith(f"data/events.yml:{where(text, 'type:')}: [su-kien-loai].type: phải là 'hoi-nghi' (Hội nghị), ")
    assert "'truyen-thong' (Hoạt động truyền thông) hoặc 'khac' (Khác)" in message
    assert message.endswith("nhận được: văn bản 'Hội nghị'; có phải 'hoi-nghi'?")


# --- pages ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample data with the test bodies and the conference: loaded once for the page tests."""
    root = with_bodies(copy_project(tmp_path_factory.mktemp("su-kien")))
    append(root, "data/events.yml", CONFERENCE)
    return load(root)


def test_the_event_page_shows_its_kind_organisers_with_the_lead_and_participants(site):
    event = site.event["hoi-nghi-thu-nghiem"]
    meta = body_of(pages.render_event(site, event)).xpath("//div[@class='cb-meta']")[0]
    lines = [words(p) for p in meta.xpath("p")]
    assert "Loại sự kiện: Hội nghị" in lines
    assert "Đơn vị tổ chức: Sở Thử Nghiệm (chủ trì), Đoàn thể Thử Nghiệm" in lines
    # another province's class by its full name with the province, the site's own body by its short name
    assert "Thành phần tham gia: Ủy ban nhân dân các xã tỉnh Thử Nghiệm, UBND tỉnh Lạng Sơn" in lines
    hrefs = [a.get("href") for a in meta.xpath(".//a")]
    for org_id in ("so-thu-nghiem", "doan-the-thu-nghiem", "ubnd-cac-xa-thu-nghiem", "ubnd-lang-son"):
        assert f"../../co-quan/{org_id}/" in hrefs


def test_an_event_with_none_of_them_says_nothing_of_them(site):
    event = site.event["hoi-nghi-icpd-cairo-1994"]
    text = words(body_of(pages.render_event(site, event)))
    assert "Loại sự kiện" not in text and "Đơn vị tổ chức" not in text and "Thành phần tham gia" not in text


def test_a_single_organiser_is_not_called_the_lead(project):
    append(project, "data/events.yml", '\n- id: mot-don-vi\n  name: "Sự kiện"\n  date: 2026-12-01\n  organisers: [so-thu-nghiem]\n')
    site = load(project)
    meta = words(body_of(pages.render_event(site, site.event["mot-don-vi"])))
    assert "Đơn vị tổ chức: Sở Thử Nghiệm" in meta and "chủ trì" not in meta
    page = body_of(pages.render_organisation(site, site.organisation["so-thu-nghiem"], pages.organisation_records(site)["so-thu-nghiem"]))
    assert listed(page, "su-kien") == ["Sự kiện 01/12/2026"]


def organisation_page(site, org_id: str):
    related = pages.organisation_records(site)[org_id]
    return body_of(pages.render_organisation(site, site.organisation[org_id], related))


def listed(page, anchor: str) -> list[str]:
    return [" ".join(words(part) for part in li) for li in page.xpath(f"//h2[@id='{anchor}']/following-sibling::ul[1]/li")]


def test_every_organiser_s_page_lists_the_event_with_its_role(site):
    assert listed(organisation_page(site, "so-thu-nghiem"), "su-kien") == ["Hội nghị thử nghiệm 01/12/2026 · chủ trì"]
    assert listed(organisation_page(site, "doan-the-thu-nghiem"), "su-kien") == ["Hội nghị thử nghiệm 01/12/2026 · phối hợp tổ chức"]
    assert listed(organisation_page(site, "so-thu-nghiem"), "tham-gia") == []


def test_a_participant_s_page_and_its_members_pages_list_it_under_tham_gia(site):
    for org_id in ("ubnd-lang-son", "ubnd-cac-xa-thu-nghiem"):
        page = organisation_page(site, org_id)
        assert [words(h) for h in page.xpath("//h2[@id='tham-gia']")] == ["Tham gia"]
        assert listed(page, "tham-gia") == ["Hội nghị thử nghiệm 01/12/2026"]
        assert listed(page, "su-kien") == []
    assert listed(organisation_page(site, "ubnd-xa-mot"), "tham-gia") == ["Hội nghị thử nghiệm 01/12/2026 · qua nhóm UBND các xã"]
    assert listed(organisation_page(site, "ubnd-xa-hai"), "tham-gia") == [], "a commune ended before the event took no part in it"


def test_a_body_named_itself_and_through_its_class_is_listed_once(project):
    append(
        project,
        "data/events.yml",
        '\n- id: ca-hai\n  name: "Sự kiện"\n  date: 2026-12-01\n  participants: [ubnd-cac-xa-thu-nghiem, ubnd-xa-mot]\n',
    )
    site = load(project)
    assert listed(organisation_page(site, "ubnd-xa-mot"), "tham-gia") == ["Sự kiện 01/12/2026"]


# --- calendar ------------------------------------------------------------------------------


def test_lich_json_carries_the_kind_of_event_and_null_when_not_known(site):
    items = json.loads(calendar_json.render_calendar_json(site, "https://x.invalid/"))["items"]
    by_id = {item["id"]: item for item in items}
    assert by_id["hoi-nghi-thu-nghiem"]["type"] == "hoi-nghi"
    assert all("type" in item for item in items)
    assert {item["type"] for item in items if item["id"] != "hoi-nghi-thu-nghiem"} == {None}


def test_lich_json_documents_every_kind_of_event():
    text = dict(calendar_json.FIELDS)["items[]"]
    assert all(f"`{code}`" in text for code in EVENT_TYPES)


def test_the_calendar_entry_says_the_kind_organisers_and_participants(site):
    vevent = ical.event_vevent(site, site.event["hoi-nghi-thu-nghiem"], "https://x.invalid/")
    description = str(vevent["description"])
    assert "Loại sự kiện: Hội nghị." in description
    assert "Đơn vị tổ chức: Sở Thử Nghiệm (chủ trì), Đoàn thể Thử Nghiệm." in description
    assert "Thành phần tham gia: Ủy ban nhân dân các xã tỉnh Thử Nghiệm, Ủy ban nhân dân tỉnh Lạng Sơn." in description
    categories = [str(c) for c in vevent["categories"].cats]
    assert categories == ["Sự kiện", "Hội nghị"]


def test_the_json_ld_names_every_organiser(site):
    data = pages.event_schema(site, site.event["hoi-nghi-thu-nghiem"], "https://x.invalid/")
    assert [o["name"] for o in data["organizer"]] == ["Sở Thử Nghiệm", "Đoàn thể Thử Nghiệm"]


def test_the_json_ld_types_an_organisation_that_is_not_the_state_s_as_an_organization(project):
    """A competition run with an international organisation (DKT International, 2017): that co-organiser is
    an Organization in the structured data, never a GovernmentOrganization; the state body stays one."""
    append(project, "data/organisations.yml", '\n- id: to-chuc-thu\n  name: "Tổ chức Thử"\n  kind: to-chuc-khac\n  level: trung-uong\n')
    append(
        project,
        "data/events.yml",
        '\n- id: cuoc-thi-thu\n  name: "Cuộc thi thử"\n  type: cuoc-thi\n  date: 2026-11-01\n  organisers: [so-thu-nghiem, to-chuc-thu]\n',
    )
    site = load(project)
    data = pages.event_schema(site, site.event["cuoc-thi-thu"], "https://x.invalid/")
    assert [o["@type"] for o in data["organizer"]] == ["GovernmentOrganization", "Organization"]


def test_an_event_from_a_document_s_activity_is_organised_by_its_lead(site):
    derived = [e for e in site.events if e.activity]
    assert derived
    for event in derived:
        [activity] = [a for a in site.document[event.plan].activities if a.id == event.activity]
        assert event.organisers == [activity.lead] and event.participants == [] and event.type is None


# --- congbo changes --------------------------------------------------------------------------


def test_changes_name_the_event_fields_in_vietnamese():
    old = records_of("data/events.yml", '- id: a\n  name: "A"\n  date: 2026-12-01\n')
    new = records_of(
        "data/events.yml", '- id: a\n  name: "A"\n  date: 2026-12-01\n  type: hoi-nghi\n  organisers: [x]\n  participants: [y]\n'
    )
    [change] = compare(old, new)
    assert [f for f, _, _ in change.fields] == ["loại sự kiện", "đơn vị tổ chức", "thành phần tham gia"]
    assert change.kind_name == "sự kiện"


def test_a_plan_s_feed_item_for_the_event_has_each_organiser_as_author(project):
    append(
        project,
        "data/events.yml",
        '\n- id: hoi-nghi-theo-ke-hoach\n  name: "Hội nghị"\n  date: 2021-01-15\n'
        "  plan: ke-hoach-60-nam-dan-so-viet-nam-lang-son\n  organisers: [so-thu-nghiem, doan-the-thu-nghiem]\n",
    )
    site = load(project)
    [item] = [i for i in feeds.document_items(site, "https://x.invalid/") if i.link.endswith("/hoi-nghi-theo-ke-hoach/")]
    assert item.authors == ("Sở Thử Nghiệm", "Đoàn thể Thử Nghiệm")


def test_one_organiser_written_without_brackets_is_shown_as_a_list(project):
    text = append(project, "data/events.yml", '\n- id: mot-ma\n  name: "Sự kiện"\n  date: 2026-12-01\n  organisers: so-thu-nghiem\n')
    assert problems(project) == [
        f"data/events.yml:{where(text, 'organisers:')}: [mot-ma].organisers: phải là một danh sách (mỗi mục bắt đầu bằng '- '), "
        f"nhận được văn bản 'so-thu-nghiem'; một mã cũng ghi thành danh sách: 'organisers: [so-thu-nghiem]'"
    ]


@pytest.mark.parametrize("token", ["..", "??"])
def test_a_place_not_known_is_left_out_never_written_as_a_state(project, token):
    """Found by a hurried editor: 'place: ..' passed and was published as LOCATION:.. in the calendar file."""
    text = append(project, "data/events.yml", f'\n- id: su-kien-dia-diem\n  name: "Sự kiện"\n  date: 2026-12-01\n  place: "{token}"\n')
    [message] = problems(project)
    assert message.startswith(f"data/events.yml:{where(text, 'place:', 2)}: [su-kien-dia-diem].place: không ghi '{token}'")
    assert "bỏ trường 'place'" in message
