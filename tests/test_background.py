"""The generated pages and files rendered in a forked child are the ones rendered inline."""

from __future__ import annotations

import gc
import os
import threading
from functools import partial

import pytest

from congbo import background, calendar_json, ical, urls
from congbo.background import Background
from congbo.render import run_jobs
from congbo.pages import page_jobs

BASE = "https://danso.langson.gov.vn/"


def all_jobs(site) -> dict:
    jobs = {**page_jobs(site, BASE), **ical.ics_jobs(site, BASE)}
    jobs[urls.CALENDAR_JSON] = partial(calendar_json.render_calendar_json, site, BASE)
    return jobs


def test_forked_rendering_gives_what_inline_rendering_gives(site):
    forked = Background({"first": lambda: "một", "pages": partial(run_jobs, all_jobs(site))}, fork=True)
    assert forked._process is not None  # it did run in a child
    inline = run_jobs(all_jobs(site))
    result = forked.result("pages")
    assert result.keys() == inline.keys()
    assert urls.ICS in result and any(path.endswith("index.md") for path in result)
    assert result == inline
    assert forked.result("pages") is result  # collected once
    assert forked.result("first") == "một"  # kept when a later result was asked for first
    forked.close()


def test_results_can_be_used_before_the_child_is_done():
    stop = threading.Event()
    job = Background({"early": lambda: 1, "late": partial(stop.wait, 60)}, fork=True)
    assert job.result("early") == 1
    assert job._process.is_alive()
    job.close()


def fails():
    raise ValueError("hỏng ở trang thử")


def test_a_failure_in_the_child_is_raised_in_the_parent_with_its_traceback():
    job = Background({"ok": lambda: 1, "broken": fails}, fork=True)
    with pytest.raises(RuntimeError) as caught:
        job.result("broken")
    assert "ValueError: hỏng ở trang thử" in str(caught.value)
    assert "in fails" in str(caught.value)
    job.close()


def test_a_child_that_dies_is_reported_not_waited_for():
    job = Background({"dies": partial(os._exit, 3)}, fork=True)
    with pytest.raises(RuntimeError, match="ended without an answer"):
        job.result("dies")
    job.close()


def test_close_stops_a_child_still_working_and_unfreezes_the_collector():
    stop = threading.Event()
    job = Background({"waits": partial(stop.wait, 60)}, fork=True)
    process = job._process
    assert gc.get_freeze_count() > 0
    job.close()
    assert not process.is_alive()
    assert gc.get_freeze_count() == 0


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not background.can_fork()
        job = Background({"value": lambda: "inline"})
        assert job._process is None and job.result("value") == "inline"
    finally:
        stop.set()
        thread.join()
