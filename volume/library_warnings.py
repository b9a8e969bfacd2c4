"""What the libraries warn about (WeasyPrint, pandoc, ebooklib, fontTools) collected during a build and reported as
coded diagnostics, instead of going to a log nobody reads; and a worker's failure carried back whole."""

from __future__ import annotations

import logging
import threading
import traceback
import warnings
from contextlib import contextmanager
from pathlib import Path

from volume.diagnostics import Report, SourceLocation, VolumeError

# logger name (or its start) -> code; anything else logged at WARNING or above is W006
CODES = {
    "weasyprint": "W001",
    "volume.render.weasy": "W004",
    "pypandoc": "W002",
    "volume.pandoc": "W002",
    "ebooklib": "W003",
    "volume.render.epub": "W003",
    "fontTools": "W004",
    "volume.render.font_merge": "W004",
    "volume.render.epub_fonts": "W004",
}
ADVICE = {
    "W001": "check the markup or image it names",
    "W002": "check the markup it names in the source",
    "W003": "check the chapter it names",
    "W004": "check the fonts in styles/fonts",
    "W006": "report it if it names nothing you wrote",
}


def code_for(logger_name: str) -> str:
    for name in sorted(CODES, key=len, reverse=True):
        if logger_name == name or logger_name.startswith(name + "."):
            return CODES[name]
    return "W006"


class Collector(logging.Handler):
    """Collects what is logged at WARNING or above (in one thread only, if given); marks each record it took so
    that the command line's own log handler does not print it a second time."""

    def __init__(self, thread: int | None = None, skip: tuple[str, ...] = ()):
        super().__init__(logging.WARNING)
        self.thread = thread
        self.skip = skip
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.thread is not None and record.thread != self.thread:
            return
        if record.name.startswith(self.skip) or getattr(record, "volume_collected", False):
            return  # (a collector nearer the logger took it already)
        record.volume_collected = True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a library's malformed log call must not break the build
            message = str(record.msg)
        self.records.append((record.name, message))


@contextmanager
def collecting(logger: str = "", this_thread_only: bool = False, skip: tuple[str, ...] = ()):
    """Collect warnings logged (and Python warnings issued) while the block runs."""
    collector = Collector(threading.get_ident() if this_thread_only else None, skip)
    target = logging.getLogger(logger)
    target.handlers.insert(0, collector)  # before the command line's handler, which skips what was collected
    previous = target.level
    if target.level == logging.NOTSET or target.level > logging.WARNING:
        target.setLevel(logging.WARNING)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield collector
        finally:
            target.removeHandler(collector)
            target.setLevel(previous)
            for warning in caught:
                if not issubclass(warning.category, DeprecationWarning):
                    collector.records.append((f"py.warnings.{warning.category.__name__}", str(warning.message)))


def report_warnings(report: Report, records: list[tuple[str, str]], location: SourceLocation | None) -> None:
    for name, message in records:
        code = code_for(name)
        text = " ".join(message.split())[:300]
        library = name.split(".")[0] if not name.startswith("volume") else "volume"
        report.add(code, f"{library}: {text}; {ADVICE[code]}", location)


class WorkerError(Exception):
    """An unexpected failure in a worker process, carried back as text (the exception itself may hold objects that
    cannot be pickled, such as lxml's error log)."""

    def __init__(self, kind: str, message: str, details: str):
        super().__init__(f"{kind}: {message}")
        self.kind, self.message, self.details = kind, message, details

    def __reduce__(self):
        return WorkerError, (self.kind, self.message, self.details)


def in_worker(function, *args):
    """Run function(*args) in a worker process: returns (result, warnings collected); a VolumeError comes back
    whole, any other exception as a WorkerError."""
    with collecting() as collector:
        try:
            value = function(*args)
        except VolumeError as exc:
            raise VolumeError(exc.report) from None
        except Exception as exc:  # noqa: BLE001 - carried back as text
            raise WorkerError(type(exc).__name__, str(exc)[:500], traceback.format_exc()) from None
    return value, collector.records


def failure(exc: WorkerError, what: str, location: SourceLocation | None) -> VolumeError:
    """A worker's failure as the diagnostic the build stops with (the traceback goes to the debug log)."""
    logging.getLogger(__name__).debug("%s failed:\n%s", what, exc.details)
    return VolumeError.single("B003", f"{what} failed ({exc.kind}: {exc.message}); this is a bug in volume: "
                              "please report it with this file", location)


def source_of(path: Path | None) -> SourceLocation | None:
    return SourceLocation(path) if path is not None else None
