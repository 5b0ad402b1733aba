"""Work done beside MkDocs: a forked child process renders while MkDocs goes on.

MkDocs builds pages one at a time, in one process. The pages, calendar files and JSON made
from the data depend on the loaded data only, and MkDocs needs them only after it has read
every hand-written page and article (generated files come last in its list): a child forked
once the data is loaded renders them on another CPU meanwhile, and hands them back through a
pipe. The bytes are the same as rendering inline. The work runs inline instead where forking
is unsafe (another thread is running, as under ``mkdocs serve``) or where there is one CPU.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from typing import Callable, Generic, TypeVar

T = TypeVar("T")
_PENDING = object()


def can_fork() -> bool:
    """A spare CPU, a platform with fork, and no other thread whose locks the child could inherit held."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return cpus > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class Background(Generic[T]):
    """The value of ``work()``, computed in a forked child when `can_fork`, else at once."""

    def __init__(self, work: Callable[[], T], *, fork: bool | None = None):
        self._value: object = _PENDING
        self._process = None
        if not (can_fork() if fork is None else fork):
            self._value = work()
            return
        context = multiprocessing.get_context("fork")
        # Objects alive now (the loaded data, mostly) are left out of garbage collection until
        # `close`: a collection would write to each of them, copying every memory page the two
        # processes share, and would walk them again and again for nothing while MkDocs builds.
        gc.freeze()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, send), name="congbo-render", daemon=True)
        self._process.start()
        send.close()  # the child holds the other copy: the parent sees EOF if the child dies

    def result(self) -> T:
        """Wait for the child (the first time) and return what it computed; its failure is raised here."""
        if self._value is _PENDING:
            try:
                ok, payload = self._receive.recv()
            except EOFError:
                ok, payload = False, "the rendering process ended without an answer"
            finally:
                self._receive.close()
                self._process.join()
            if not ok:
                raise RuntimeError(f"rendering in the background process failed:\n{payload}")
            self._value = payload
        return self._value  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the child if it still runs (the build failed before its result was needed); collect
        the objects frozen at the fork again."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._process = None
        gc.unfreeze()


def _run(work: Callable[[], object], send) -> None:
    try:
        send.send((True, work()))
    except BaseException:  # noqa: BLE001 — whatever it is, the parent must hear of it
        send.send((False, traceback.format_exc()))
    finally:
        send.close()
