"""The build cache in <project>/.volume-cache (content-addressed, written atomically, safe for parallel builds), and
what a process keeps in memory between builds (`remembered`: one value per kind; `Rounds`: a value per piece of the
volume, for the builds of `volume build --watch` and `volume preview`)."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from volume import __version__

log = logging.getLogger(__name__)
CACHE_DIR = ".volume-cache"
UNUSED_FOR = 14 * 86400  # seconds: cache entries no build has used for two weeks are forgotten


def versions() -> dict[str, str]:
    """What a cached result depends on besides the inputs: our version and code, and the converters' versions (all
    read once per process: looking a package's version up reads the installed distributions)."""
    return {"volume": __version__, "volume-code": code_fingerprint(), **dict(_library_versions())}


@functools.lru_cache(maxsize=1)
def _library_versions() -> tuple[tuple[str, str], ...]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("weasyprint", "ebooklib", "pypandoc-binary", "pydyf", "fonttools"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "none"
    return tuple(found.items())


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the installed package itself (its modules, models and shipped styles), so that no cached result
    and no no-op outlives a change of the tool, even where the version number stayed the same (an editable install)."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def tree_digest(*folders: Path, extra: str = "") -> str:
    """A digest of every file under the folders (names and bytes), in a stable order."""
    h = hashlib.sha256(extra.encode("utf-8"))
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".volume-cache" not in p.parts):
            h.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


PRUNE_EVERY = 3600.0  # seconds: how often a build looks for entries unused for two weeks
PRUNED_MARKER = ".pruned"  # in .volume-cache/: its time is when a build last looked


class Cache:
    def __init__(self, project: Path):
        self.root = project / CACHE_DIR

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str):
        path = self._path(kind, key)
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            os.utime(path)  # read now: prune() keeps what builds still use
            return found
        except (OSError, ValueError):
            return None

    def prune(self, unused_for: float = UNUSED_FOR) -> int:
        """Forget the entries of every kind (documents, pandoc's readings, notes, …) that no build has read or
        written for `unused_for` seconds; each edit adds entries, so the cache would otherwise grow for as long
        as a project is worked on. The laid-out pieces are pruned by their own rule (render/pdf/editions.py).
        Returns how many were forgotten."""
        forgotten, cutoff = 0, time.time() - unused_for
        for path in self.root.glob("*/??/*.json"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    forgotten += 1
            except OSError:
                pass  # another build's at the same time: no matter
        return forgotten

    def prune_now_and_then(self, every: float = PRUNE_EVERY) -> int:
        """prune(), unless it ran less than `every` seconds ago (a marker file's time says when): looking at every
        entry took a tenth of a second or more of each build once a day's edits had added a thousand entries."""
        marker = self.root / PRUNED_MARKER
        try:
            if time.time() - marker.stat().st_mtime < every:
                return 0
        except OSError:
            pass  # never pruned here yet
        forgotten = self.prune()
        try:
            marker.touch()
        except OSError:
            pass  # a cache that cannot be written only costs time
        return forgotten

    def has(self, kind: str, key: str) -> bool:
        return self._path(kind, key).is_file()

    def put(self, kind: str, key: str, value) -> None:
        """Write atomically: another build reading at the same time sees the old file or the new, never half."""
        path = self._path(kind, key)
        text = json.dumps(value, ensure_ascii=False)  # a value JSON cannot hold raises here, before any file is made
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


T = TypeVar("T")
_MEMORY: dict[str, tuple[object, object]] = {}  # kind -> (key, value), in this process only


def remembered(kind: str, key: object, compute: Callable[[], T]) -> T:
    """compute(), kept in this process's memory under `kind` while `key` (what it depends on) stays the same; one
    value per kind. Every in-memory cache of volume is one of these."""
    held = _MEMORY.get(kind)
    if held is None or held[0] != key:
        held = (key, compute())
        _MEMORY[kind] = held
    return held[1]  # type: ignore[return-value]


class Rounds:
    """Results keyed by what they depend on (each chapter's or note's own inputs), kept in this process's memory from
    one build to the next once remember_between_builds() was called: a rebuild after an edit redoes only the pieces
    whose inputs changed. Each build is a round
    (`next_round()`, at the start of the pass that uses it); what the last two rounds did not ask for is forgotten,
    so the memory held is about two builds' worth however long the process runs. Values are shared, not copied:
    a caller that changes what it gets back copies it first.

    A Rounds given a `disk` kind and a Codec also keeps its results in the project's build cache while a build
    reads its sources (`on_disk`), keyed with the code's fingerprint: a fresh `volume build` after an edit takes the
    unchanged chapters' and notes' results from there instead of computing them again (the parse-once model)."""

    def __init__(self, disk: str | None = None, codec: Codec | None = None) -> None:
        self.current: dict = {}
        self.previous: dict = {}
        self.lock = threading.Lock()
        self.disk, self.codec = disk, codec
        _ALL_ROUNDS.append(self)

    def forget(self) -> None:
        with self.lock:
            self.current, self.previous = {}, {}

    def next_round(self) -> None:
        with self.lock:
            if self.current:
                self.previous, self.current = self.current, {}

    def get(self, key: str, compute: Callable[[], T]) -> T:
        if not _REMEMBERING:
            return self._stored(key, compute)
        with self.lock:
            found = self.current.get(key, _MISSING)
            if found is _MISSING:
                found = self.previous.get(key, _MISSING)
                if found is not _MISSING:
                    self.current[key] = found
        if found is _MISSING:
            found = self._stored(key, compute)
            with self.lock:
                self.current[key] = found
        return found  # type: ignore[return-value]

    def _stored(self, key: str, compute: Callable[[], T]) -> T:
        """compute(), or its result from the build cache (and put there) when a build keeps results on disk."""
        cache = _DISK
        if cache is None or self.disk is None or self.codec is None:
            return compute()
        disk_key = digest(self.disk, key, _code_key())
        stored = cache.get(self.disk, disk_key)
        if stored is not None:
            try:
                return self.codec.decode(stored)
            except (TypeError, ValueError, KeyError, IndexError):
                pass  # written by another version of the codec: computed again
        found = compute()
        try:
            cache.put(self.disk, disk_key, self.codec.encode(found))
        except (TypeError, ValueError):  # a value the codec cannot write (a bug): only costs time
            log.warning("cannot keep a %s result in the build cache", self.disk, exc_info=True)
        return found


@dataclass(frozen=True)
class Codec:
    """How a Rounds' value is written into the build cache (JSON) and read back."""

    encode: Callable[[object], object]
    decode: Callable[[object], object]


_DISK: Cache | None = None  # the build cache of the build that is reading its sources, if it keeps results there


@contextmanager
def on_disk(cache: Cache | None):
    """While the block runs, the Rounds that have a disk kind keep their results in `cache` too."""
    global _DISK
    previous, _DISK = _DISK, cache
    try:
        yield
    finally:
        _DISK = previous


@functools.lru_cache(maxsize=1)
def _code_key() -> str:
    return json.dumps(versions(), sort_keys=True)


_MISSING = object()
_ALL_ROUNDS: list[Rounds] = []
_REMEMBERING = False  # only a process that builds again and again keeps results (a single build would only pay)


def remember_between_builds() -> None:
    """From now on this process keeps the Rounds' results (volume build --watch and volume preview call it)."""
    global _REMEMBERING
    _REMEMBERING = True


def remembering() -> bool:
    return _REMEMBERING


def keeping() -> bool:
    """Whether results are kept at all: between builds in this process, or in the build cache (`on_disk`)."""
    return _REMEMBERING or _DISK is not None


def forget_rounds() -> None:
    """Every Rounds emptied: the next build in this process computes everything again (as a cold build does)."""
    for rounds in _ALL_ROUNDS:
        rounds.forget()
