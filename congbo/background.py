"""Work done beside MkDocs: a forked child process makes what MkDocs will need later.

MkDocs builds pages one at a time, in one process. What is made from the data alone (for this
site: the articles' headers and footers, the generated pages, the calendar files, their search
entries) can be made on another CPU meanwhile, by a child forked once the data is loaded; it
sends each result back, in order, as soon as it has it, and MkDocs takes each one when it first
needs it. The bytes are the same as making them inline. The work runs inline instead where
forking is unsafe (another thread is running, as under ``mkdocs serve``) or where there is one CPU.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import threading
import traceback
from typing import Callable, Mapping


def can_fork() -> bool:
    """A spare CPU, a platform with fork, and no other thread whose locks the child could inherit held."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return cpus > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class Background:
    """Named results of calls, computed in order in a forked child when `can_fork`, else at once.

    The child sends each result as soon as it has it, so the first ones can be used while it
    works on the rest."""

    def __init__(self, works: Mapping[str, Callable[[], object]], *, fork: bool | None = None):
        self._values: dict[str, object] = {}
        self._process = None
        if not (can_fork() if fork is None else fork):
            self._values = {name: work() for name, work in works.items()}
            return
        context = multiprocessing.get_context("fork")
        # Objects alive now (the loaded data, mostly) are left out of garbage collection until
        # `close`: a collection would write to each of them, copying every memory page the two
        # processes share, and would walk them again and again for nothing while MkDocs builds.
        gc.freeze()
        # A queue, not a bare pipe: its feeder thread sends while the child goes on working, so a
        # result waiting for the parent to read it does not hold up the next.
        self._queue = context.Queue()
        self._process = context.Process(target=_run, args=(dict(works), self._queue), name="congbo-render", daemon=True)
        self._process.start()

    def result(self, name: str):
        """The result of the work ``name``, waiting for the child if it has not sent it yet;
        a failure of the child is raised here."""
        while name not in self._values:
            try:
                ok, sent, payload = self._queue.get(timeout=1)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                ok, sent, payload = False, name, "the rendering process ended without an answer"
            if not ok:
                raise RuntimeError(f"rendering in the background process failed ({sent}):\n{payload}")
            self._values[sent] = payload
        return self._values[name]

    def close(self) -> None:
        """Stop the child if it still runs (the build failed before its results were needed); collect
        the objects frozen at the fork again."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._queue.close()
        self._process = None
        gc.unfreeze()


def _run(works: dict[str, Callable[[], object]], results) -> None:
    name = ""
    try:
        for name, work in works.items():
            results.put((True, name, work()))
    except BaseException:  # noqa: BLE001 — whatever it is, the parent must hear of it
        results.put((False, name, traceback.format_exc()))
    results.close()
    results.join_thread()  # everything sent before the child ends
