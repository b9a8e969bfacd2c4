"""A call made in a forked copy of this process, on objects that exist only in its memory (the joined book).

pikepdf's save holds the GIL, so a thread cannot write one edition while the main thread writes the other; a
worker of the scheduler does not have the joined book. A fork has it as it is at that moment, copy on write: the
child makes the print edition from it while the parent saves the digital edition. The child runs only the given
function and leaves with os._exit (no atexit handler, no buffer of the parent's flushed twice); its answer comes
back pickled through a pipe. Every file the forked objects still read from must be memory-mapped (pikepdf's
AccessMode.mmap): two processes reading one file descriptor would move each other's offset.
"""

from __future__ import annotations

import os
import pickle


class ForkLost(Exception):
    """The child gave no answer (it could not be forked, was killed, or its answer could not be pickled): the caller
    does the work itself."""


class Forked:
    """The child's answer: result() waits for it and returns the function's value, or raises what it raised."""

    def __init__(self, pid: int, reader: int):
        self.pid, self.reader = pid, reader
        self.done = False

    def result(self):
        self.done = True
        chunks = []
        try:
            while chunk := os.read(self.reader, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(self.reader)
            _reap(self.pid)
        try:
            kind, value = pickle.loads(b"".join(chunks))
        except Exception as exc:  # nothing, or a part of it: the child died
            raise ForkLost("the forked child gave no answer") from exc
        if kind == "error":
            raise value
        return value

    def close(self) -> None:
        """If its answer was never asked for (the caller failed meanwhile), the child is stopped and reaped."""
        if self.done:
            return
        self.done = True
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self.reader)
        _reap(self.pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def in_fork(function, *args) -> Forked:
    """function(*args) started in a forked child. Raises ForkLost at once when it cannot fork."""
    import warnings

    reader, writer = os.pipe()
    try:
        with warnings.catch_warnings():  # Python 3.12+ warns of forking beside threads: the child runs none of theirs
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError as exc:
        os.close(reader)
        os.close(writer)
        raise ForkLost(str(exc)) from exc
    if pid == 0:  # the child: never returns to the caller's frames
        code = 1
        try:
            os.close(reader)
            try:
                answer = ("value", function(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                answer = ("error", exc)
            try:
                data = pickle.dumps(answer)
            except Exception:  # an unpicklable value or exception: the parent does the work again
                data = b""
            view = memoryview(data)
            while view:
                view = view[os.write(writer, view):]
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    return Forked(pid, reader)
