"""The generated pages and files rendered in a forked child are the ones rendered inline."""

from __future__ import annotations

import gc
import os
import threading
from functools import partial

import pytest

from congbo import background, calendar_json, ical, urls
from congbo.background import Background
from congbo.mkdocs_plugin import _run_all
from congbo.pages import page_jobs

BASE = "https://danso.langson.gov.vn/"


def all_jobs(site) -> dict:
    jobs = {**page_jobs(site, BASE), **ical.ics_jobs(site, BASE)}
    jobs[urls.CALENDAR_JSON] = partial(calendar_json.render_calendar_json, site, BASE)
    return jobs


def test_forked_rendering_gives_what_inline_rendering_gives(site):
    forked = Background(partial(_run_all, all_jobs(site)), fork=True)
    assert forked._process is not None  # it did run in a child
    inline = _run_all(all_jobs(site))
    result = forked.result()
    assert result.keys() == inline.keys()
    assert urls.ICS in result and any(path.endswith("index.md") for path in result)
    assert result == inline
    assert forked.result() is result  # collected once
    forked.close()


def fails():
    raise ValueError("hỏng ở trang thử")


def test_a_failure_in_the_child_is_raised_in_the_parent_with_its_traceback():
    job = Background(fails, fork=True)
    with pytest.raises(RuntimeError) as caught:
        job.result()
    assert "ValueError: hỏng ở trang thử" in str(caught.value)
    assert "in fails" in str(caught.value)
    job.close()


def test_a_child_that_dies_is_reported_not_waited_for():
    job = Background(partial(os._exit, 3), fork=True)
    with pytest.raises(RuntimeError, match="ended without an answer"):
        job.result()
    job.close()


def test_close_stops_a_child_still_working_and_unfreezes_the_collector():
    stop = threading.Event()
    job = Background(partial(stop.wait, 60), fork=True)
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
        job = Background(lambda: "inline")
        assert job._process is None and job.result() == "inline"
    finally:
        stop.set()
        thread.join()
