"""The build's one reading of the time."""

import datetime as dt

from congbo import clock


def test_build_date_from_source_date_epoch():
    # 1795140000 = 2026-11-20 02:00 UTC = 09:00 in Vietnam
    assert clock.build_date({"SOURCE_DATE_EPOCH": "1795140000"}) == dt.date(2026, 11, 20)
    # 2026-11-19 20:00 UTC is already the 20th in Vietnam
    assert clock.build_date({"SOURCE_DATE_EPOCH": "1795118400"}) == dt.date(2026, 11, 20)


def test_the_clock_without_an_epoch_is_vietnam_time():
    moment = clock.build_moment({})
    assert moment.utcoffset() == dt.timedelta(hours=7)
