"""Every process and thread volume runs besides its own, in one place: worker processes forked from one fork server,
and threads that wait on other programs (pandoc).

The workers are forked from multiprocessing's fork server (one per volume process, started once and kept, so a
later build in the same process finds it warm), which imports WeasyPrint and the layout code once, instead of every
worker importing them (about a second of CPU apiece). The server is a fresh interpreter, single-threaded, so forking
it is safe. Each worker is set up when it starts (`setup`, passed to the pool as its initializer); nothing here
changes this process's environment, and nothing pins the hash seed: the outputs do not depend on it
(tests/test_default_volume.py builds with another seed and compares).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
from multiprocessing import forkserver
from typing import Callable

# not the EPUB's: not urgent; WeasyPrint through render/pdf/libraries.py (its C libraries found without running
# ldconfig, gcc and ld for every name it tries: half a second of CPU per build)
PRELOAD = ["volume.render.pdf.libraries", "weasyprint", "volume.render.pdf.layout", "volume.render.pdf.fast_html"]
_THREADS: concurrent.futures.ThreadPoolExecutor | None = None
_THREADS_LOCK = threading.Lock()


def in_thread(function: Callable, *args) -> concurrent.futures.Future:
    """function(*args) run by one of volume's threads (for waiting on another program: pandoc and citeproc)."""
    global _THREADS
    with _THREADS_LOCK:
        if _THREADS is None:
            _THREADS = concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2),
                                                             thread_name_prefix="volume")
    return _THREADS.submit(function, *args)


def in_own_thread(function: Callable, *args) -> concurrent.futures.Future:
    """function(*args) run at once in a thread of its own (work that overlaps the build's waiting on pandoc, which
    must not wait for a free thread of in_thread's, nor take one from pandoc)."""
    future: concurrent.futures.Future = concurrent.futures.Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=run, name="volume-early", daemon=True).start()
    return future


def _started() -> bool:
    return True


def _set_up(setup: Callable | None, args: tuple) -> None:
    """A worker's start: Ctrl-C is for the process that owns it (which cancels its jobs and ends it), not for it;
    then the scheduler's own setup."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if setup is not None:
        setup(*args)


class Scheduler:
    """The worker processes a build lays out, packages and draws in (two: one per core).

    start() launches the fork server and the workers without waiting for them; submit() runs a job in a worker;
    recycle() lets the workers go (their memory goes back to the system) and the next job starts fresh ones from the
    fork server, already warm; close() ends them. A scheduler can serve one build after another."""

    def __init__(self, processes: int = 2, setup: Callable | None = None, setup_args: tuple = (),
                 warm_below: int = 0):
        self.processes = processes
        self.setup, self.setup_args = setup, setup_args
        self.warm_below = warm_below  # bytes: recycle() keeps workers whose memory is all under this (0: never)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> Scheduler:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _workers(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("the scheduler is closed")
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.processes, mp_context=self._context, initializer=_set_up,
                    initargs=(self.setup, self.setup_args))
            return self._pool

    def start(self) -> None:
        """Launch the fork server, then (in the background: the server first imports what it preloads) the workers,
        which set themselves up while the caller goes on."""
        forkserver.ensure_running()
        in_thread(self._start_workers)

    def _start_workers(self) -> None:
        try:
            pool = self._workers()
            for _ in range(self.processes):  # a job apiece makes the pool start its processes
                pool.submit(_started)
        except (RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # closed before its workers were up (a user's mistake was found while reading)

    def submit(self, function: Callable, *args) -> concurrent.futures.Future:
        """function(*args) run in a worker process."""
        return self._workers().submit(function, *args)

    def recycle(self, cancel: bool = False, keep_below: int = 0) -> None:
        """Let the workers go once their jobs are done (with `cancel`, once those running are: the others are
        dropped); the next job starts fresh ones. A scheduler made `warm_below` a size keeps workers that all use
        less memory than that (a worker lays a chapter out a sixth faster once it has laid one out: the edit loop's);
        `keep_below` does the same for this call (a short book's build keeps its small workers for the EPUB and the
        cover instead of starting two more)."""
        with self._lock:
            limit = max(self.warm_below, keep_below)
            if not cancel and self._pool is not None and _all_smaller(self._pool, limit):
                return
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=cancel)

    def close(self, cancel: bool = True) -> None:
        """End the workers (their pending jobs cancelled); the fork server stays for the next scheduler."""
        with self._lock:
            pool, self._pool, self._closed = self._pool, None, True
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=cancel)


def _all_smaller(pool: concurrent.futures.ProcessPoolExecutor, limit: int) -> bool:
    """Whether each of the pool's worker processes has a resident size under `limit` bytes (False if one cannot be
    read: not Linux, or the pool is not up)."""
    processes = getattr(pool, "_processes", None) or {}
    if limit <= 0 or not processes:
        return False
    page = os.sysconf("SC_PAGE_SIZE")
    try:
        for pid in list(processes):
            with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                if int(statm.read().split()[1]) * page >= limit:
                    return False
    except (OSError, ValueError, IndexError):
        return False
    return True
