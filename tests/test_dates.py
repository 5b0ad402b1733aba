"""congbo.dates: a date as the data gives it (a day; its month or year, blank, not known or given so by the
text; on or before a day), its bounds, and every wording of it the pages, feeds and messages use."""

from __future__ import annotations

import datetime as dt

import pytest

from congbo.dates import PRECISIONS, PartialDate

# --- the type --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "precision", "earliest", "latest", "exact"),
    [
        ("2025-12-19", "day", "2025-12-19", "2025-12-19", True),
        ("2025-12-??", "month", "2025-12-01", "2025-12-31", False),
        ("2024-02-..", "month", "2024-02-01", "2024-02-29", False),
        ("2025-??-??", "year", "2025-01-01", "2025-12-31", False),
        ("..2025-12-19", "on-or-before", None, "2025-12-19", False),
    ],
)
def test_each_state_says_its_bounds_and_is_written_back_as_read(written, precision, earliest, latest, exact):
    date = PartialDate.parse(written)
    assert date.precision == precision and date.exact is exact
    assert date.earliest_day == (dt.date.fromisoformat(earliest) if earliest else None)
    assert date.latest_day == date.last_day == dt.date.fromisoformat(latest)
    assert str(date) == written


def test_on_or_before_counts_from_its_bound_which_is_never_later_than_it_can_be():
    date = PartialDate.parse("..2025-01-04")
    assert date.first_day == date.latest_day == dt.date(2025, 1, 4)
    assert PartialDate.parse("..2025-12-19") < PartialDate.parse("2025-12-19")


@pytest.mark.parametrize("written", ["..2025-12", "..2025-12-??", "...2025-12-19", "..19/12/2025"])
def test_a_malformed_date_lists_the_three_states_with_examples(written):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(written)
    message = str(caught.value)
    assert "2025-12-?? (biết tháng, chưa rõ ngày)" in message
    assert "2025-??-?? (chỉ biết năm)" in message
    assert "..2025-12-19 (chậm nhất ngày đó" in message
    assert f"nhận được '{written}'" in message


def test_an_impossible_bound_is_refused_as_a_day_is():
    with pytest.raises(ValueError, match="tháng 2 năm 2025 không có ngày 30"):
        PartialDate.parse("..2025-02-30")


# --- the wording -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "said", "short"),
    [
        ("..2025-12-19", "chậm nhất ngày 19/12/2025", "chậm nhất ngày 19/12/2025"),
        ("2025-12-??", "tháng 12 năm 2025 (chưa rõ ngày)", "tháng 12 năm 2025 (chưa rõ ngày)"),
        ("2025-??-??", "năm 2025 (chưa rõ ngày, tháng)", "năm 2025 (chưa rõ ngày, tháng)"),
        ("2025-12-19", "ngày 19 tháng 12 năm 2025", "ngày 19/12/2025"),
    ],
)
def test_pages_say_what_is_known_of_a_date(written, said, short):
    date = PartialDate.parse(written)
    assert date.text_with_state() == said
    assert date.short_text_with_state() == short


def test_a_document_known_on_or_before_a_day_states_no_part_of_its_date():
    assert PartialDate.parse("..2025-01-04").printed("Lạng Sơn") == "Lạng Sơn, ngày … tháng … năm …"
    assert PartialDate.parse("..2025-01-04").missing_parts() == "ngày, tháng, năm"


def test_document_date_with_and_without_day():
    assert PartialDate(2021, 1, 5).printed("Lạng Sơn") == "Lạng Sơn, ngày 05 tháng 01 năm 2021"
    blank = PartialDate(2021, 1).printed("Lạng Sơn")
    assert blank.startswith("Lạng Sơn, ngày ") and blank.endswith(" tháng 01 năm 2021")
    assert not any(c.isdigit() for c in blank.split("ngày")[1].split("tháng")[0])


@pytest.mark.parametrize(
    ("written", "state", "complete"),
    [
        ("2025-12-19", "known", True),
        ("2021-01", "known", True),
        ("2021-01-..", "blank", False),
        ("2025-??-??", "unknown", False),
        ("..2025-12-19", "unknown", False),
    ],
)
def test_its_state_for_open_data_and_whether_it_says_all_it_should(written, state, complete):
    date = PartialDate.parse(written)
    assert date.state == state and date.complete is complete
    assert date.precision in PRECISIONS


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("2024-07-04", "ngày 04/07/2024"),
        ("2024-07-??", "tháng 07/2024"),
        ("2024-??-??", "năm 2024"),
        ("..2024-07-04", "chậm nhất ngày 04/07/2024"),
    ],
)
def test_the_short_form_says_as_much_as_is_known(written, short):
    assert PartialDate.parse(written).short_text() == short


def test_a_document_is_issued_on_a_day_so_a_month_as_written_is_refused_with_the_forms_to_write():
    problem = PartialDate.parse("2021-01").issue_date_problem()
    assert problem == "ngày ban hành 2021-01 thiếu ngày: ghi '2021-01-..' nếu bản gốc để trống ngày, '2021-01-??' nếu ban biên tập chưa rõ"
    for fine in ("2021-01-05", "2021-01-..", "2021-??-??", "..2021-01-05"):
        assert PartialDate.parse(fine).issue_date_problem() is None


# --- a date the text gives to its quarter ('Quý II/2025') -----------------------------------------


@pytest.mark.parametrize(
    ("written", "earliest", "latest", "said", "short"),
    [
        ("2025-Q1", "2025-01-01", "2025-03-31", "quý I năm 2025", "quý I/2025"),
        ("2025-Q2", "2025-04-01", "2025-06-30", "quý II năm 2025", "quý II/2025"),
        ("2024-Q4", "2024-10-01", "2024-12-31", "quý IV năm 2024", "quý IV/2024"),
    ],
)
def test_a_quarter_is_bounded_by_its_months_and_said_as_plans_say_it(written, earliest, latest, said, short):
    date = PartialDate.parse(written)
    assert (date.precision, date.exact, date.state, date.complete) == ("quarter", False, "known", True)
    assert (date.earliest_day, date.latest_day) == (dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest))
    assert (date.text(), date.text_with_state(), date.short_text(), str(date)) == (said, said, short, written)


def test_a_quarter_sorts_among_the_dates_of_its_year():
    dates = [PartialDate.parse(d) for d in ("2025-Q3", "2025-06-30", "2025-Q2", "2025-03-31", "2024-Q4")]
    assert [str(d) for d in sorted(dates)] == ["2024-Q4", "2025-03-31", "2025-Q2", "2025-06-30", "2025-Q3"]


@pytest.mark.parametrize(
    ("written", "asked"),
    [("Quý II/2025", "2025-Q2"), ("quý 3 năm 2024", "2024-Q3"), ("Q4/2025", "2025-Q4"), ("2025-q2", "2025-Q2"), ("2025 Q1", "2025-Q1")],
)
def test_a_quarter_written_in_words_is_asked_back_in_the_datas_form(written, asked):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(written)
    assert str(caught.value).endswith(f"nhận được '{written}'; có phải {asked}?")
    assert "2025-Q2 (quý II/2025)" in str(caught.value)


@pytest.mark.parametrize("written", ["2025-Q2-01", "1899-Q1"])
def test_a_quarter_that_does_not_exist_is_refused(written):
    with pytest.raises(ValueError):
        PartialDate.parse(written)


@pytest.mark.parametrize(("written", "number"), [("2025-Q5", "5"), ("2025-Q0", "0")])
def test_a_fifth_quarter_is_refused_saying_a_year_has_four(written, number):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(written)
    assert str(caught.value) == f"{written}: quý {number} không có; một năm có bốn quý, Q1 đến Q4"


def test_a_document_is_not_issued_in_a_quarter():
    assert PartialDate.parse("2025-Q2").issue_date_problem() == (
        "ngày ban hành 2025-Q2 chỉ cho biết quý: văn bản ban hành vào một ngày; ghi ngày (NNNN-TT-NN), "
        "hoặc '2025-??-??' nếu ban biên tập chỉ biết năm"
    )
