"""The output folder replaced whole: a build's set of files is made in a staging folder and swapped in at once.

A build writes its editions, its release files and its stamp into a staging folder beside the output folder (on
the same file system), links the user's own files from the output folder into it, and then exchanges the two
folders with one call to Linux's renameat2(RENAME_EXCHANGE). The kernel swaps the two names atomically: at every
instant the output folder's path names either the whole old folder or the whole new one, and a build killed at
any moment leaves one of them (a set of files renamed one by one can always be caught half way). The old folder,
now in the staging area, is then emptied of the files volume wrote (listed in its stamp); anything else found
there is moved back.

Where renameat2 cannot exchange (another system, or a file system without it) the fallback is two renames, the
old folder aside and the new one in, with a journal written first: between the two the output folder's path is
missing for an instant, and the next start of volume completes the move from the journal (the new set if it is
whole, else the old one) before doing anything else.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import sys
import secrets
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

STAMP = ".build-stamp.json"
RELEASE_FILES = ("SHA256SUMS", "build-report.json")
JOURNAL = "journal.json"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_root(project: Path, out_dir: Path) -> Path:
    """Where a build's staging folders go: the project's cache, or beside the output folder when the cache is on
    another file system (a rename cannot cross one)."""
    root = project / ".volume-cache" / "staging"
    root.mkdir(parents=True, exist_ok=True)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if os.stat(root).st_dev == os.stat(out_dir.parent).st_dev:
        return root
    beside = out_dir.parent / f".{out_dir.name}.volume-staging"
    beside.mkdir(exist_ok=True)
    return beside


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def read_stamp(folder: Path) -> dict | None:
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def files_written(folder: Path) -> dict[str, str | None]:
    """The files volume wrote into an output folder, from its stamp: name -> SHA-256 when the stamp gives it."""
    stamp = read_stamp(folder)
    if stamp is None:
        return {}
    listed = stamp.get("files")
    if isinstance(listed, dict):
        found = {name: digest if isinstance(digest, str) else None for name, digest in listed.items()}
    else:  # a stamp written before it listed every file: the editions, and the release files beside them
        outputs = stamp.get("outputs") if isinstance(stamp.get("outputs"), dict) else {}
        found = {name: info.get("sha256") if isinstance(info, dict) else None for name, info in outputs.items()}
        found |= {name: None for name in RELEASE_FILES}
    found[STAMP] = None
    return {n: d for n, d in found.items() if isinstance(n, str) and "/" not in n and n not in ("", ".", "..")}


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _locked(path: Path, blocking: bool = True):
    """An exclusive flock on `path` (a file or a folder), released when the block ends or the process dies."""
    fd = os.open(path, os.O_RDONLY | (os.O_CREAT if not path.is_dir() else 0), 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


class Staging:
    """A staging folder for one build's set of files; held locked (flock) while the build is alive."""

    def __init__(self, project: Path, out_dir: Path):
        self.out_dir = out_dir
        self.root = staging_root(project, out_dir)
        self.published = False
        self.path = _new_folder(self.root, "set-")
        info = os.stat(self.path)
        _write_atomically(self.root / f"{self.path.name}.ino", f"{info.st_dev}:{info.st_ino}")
        self._fd = os.open(self.path, os.O_RDONLY)
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def publish(self, swapped: Callable[[], None] = lambda: None) -> list[Path]:
        """Put the staged set in place of the output folder, whole, keeping the user's own files in it; swapped()
        is called once it is in place, before the previous set is removed. Returns the user's files that had to be
        put back under another name."""
        with _locked(self.root / "publish.lock"):
            for path in self.path.iterdir():
                _sync(path)
            if not self.out_dir.is_dir():
                os.rename(self.path, self.out_dir)
                _sync(self.out_dir.parent)
                self._done()
                return []
            os.chmod(self.path, stat.S_IMODE(os.stat(self.out_dir).st_mode))
            _carry_over(self.out_dir, self.path)
            if exchange(self.path, self.out_dir):
                _sync(self.out_dir.parent)
                old = self.path
            else:
                old = _swap_with_journal(self.root, self.path, self.out_dir)
            self._done()
            swapped()
            try:
                return _dispose_old(old, self.out_dir)
            except OSError:
                return []  # the new set is in place; the old one waits in the staging area for the next start

    def _done(self) -> None:
        (self.root / f"{self.path.name}.ino").unlink(missing_ok=True)
        self.published = True

    def discard(self) -> None:
        """A failed build: its staging folder goes, the output folder is not touched."""
        if self.published:
            return
        if self.path.exists() and _inode_of(self.path) == _recorded_inode(self.root, self.path.name):
            shutil.rmtree(self.path, ignore_errors=True)
        (self.root / f"{self.path.name}.ino").unlink(missing_ok=True)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _new_folder(root: Path, prefix: str, create: bool = True) -> Path:
    """A new folder (or only a free name) in root; created with the user's umask, as a plain mkdir would."""
    while True:
        path = root / f"{prefix}{secrets.token_hex(6)}"
        if not create:
            if not path.exists():
                return path
            continue
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _sync(path: Path) -> None:
    """Flush a file or folder to disk, so a power cut after the swap cannot leave a swapped-in empty file."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _inode_of(path: Path) -> str:
    info = os.stat(path)
    return f"{info.st_dev}:{info.st_ino}"


def _recorded_inode(root: Path, name: str) -> str | None:
    try:
        return (root / f"{name}.ino").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def unchanged_files_written(folder: Path) -> set[str]:
    """The files of the stamp that are still as volume wrote them (a file someone replaced is theirs now)."""
    found = set()
    for name, digest in files_written(folder).items():
        path = folder / name
        if path.is_file() and not path.is_symlink() and (digest is None or _sha256(path) == digest):
            found.add(name)
    return found


def _carry_over(source: Path, target: Path) -> None:
    """Link (or copy) into the new set every entry of the output folder that volume did not write."""
    ours = unchanged_files_written(source)
    for entry in source.iterdir():
        if entry.name in ours or (target / entry.name).exists() or entry.name.startswith(f".{STAMP}.tmp"):
            continue
        _link_tree(entry, target / entry.name)


def _link_tree(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir()
        for child in source.iterdir():
            _link_tree(child, target / child.name)
    elif source.is_file():
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second) if not first.is_symlink() else \
            second.is_symlink() and os.readlink(first) == os.readlink(second)
    except OSError:
        return False


def _dispose_old(old: Path, out_dir: Path) -> list[Path]:
    """Empty a swapped-out output folder: volume's own files and the links carried into the new set go; anything
    else (a file the user saved there during the build) is moved back into the output folder, under a new name if
    its own is taken meanwhile. Returns the paths given a new name."""
    ours = unchanged_files_written(old)
    renamed: list[Path] = []
    for entry in sorted(old.iterdir(), key=lambda p: (p.name == STAMP, p.name)):  # the stamp last: a kill half
        # way leaves it listing what is still ours
        counterpart = out_dir / entry.name
        if entry.is_dir() and not entry.is_symlink() and counterpart.is_dir() and not counterpart.is_symlink():
            renamed += _dispose_old(entry, counterpart)
            continue
        if not entry.is_dir() and (entry.name in ours or _same_file(entry, counterpart)):
            entry.unlink()
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        target, number = counterpart, 1
        while target.exists() or target.is_symlink():
            target = out_dir / f"{entry.name}.kept-{number}"
            number += 1
        os.rename(entry, target)
        if target != counterpart:
            renamed.append(target)
    old.rmdir()
    return renamed


def _swap_with_journal(root: Path, new: Path, out_dir: Path) -> Path:
    """The fallback: old folder aside, new folder in, with a journal the next start completes from. Returns where
    the old folder now is."""
    old = _new_folder(root, "old-", create=False)  # a free name on the same file system
    _write_atomically(root / JOURNAL, json.dumps({"out": str(out_dir), "new": str(new), "old": str(old)}))
    _sync(root)
    os.rename(out_dir, old)
    os.rename(new, out_dir)
    _sync(out_dir.parent)
    (root / JOURNAL).unlink()
    return old


def recover(root: Path, out_dir: Path) -> list[Path]:
    """Before a build or `volume clean`: finish a publish a kill interrupted, and clear the leftovers of killed
    builds (a staging folder never swapped in goes; a swapped-out old set is disposed of as after a swap).
    Staging folders of builds still running (locked) are left alone. Returns the user's files put back into the
    output folder under another name."""
    kept: list[Path] = []
    if not root.is_dir():
        return kept
    with _locked(root / "publish.lock"):
        journal = root / JOURNAL
        if journal.exists():
            try:
                moves = json.loads(journal.read_text(encoding="utf-8"))
                new, old = Path(moves["new"]), Path(moves["old"])
            except (OSError, ValueError, KeyError, TypeError):
                new = old = None
            if new is not None and not out_dir.exists():
                if new.is_dir() and read_stamp(new) is not None:
                    os.rename(new, out_dir)  # the new set was whole: complete the swap
                elif old.is_dir():
                    os.rename(old, out_dir)  # else the old set goes back
            journal.unlink(missing_ok=True)
        for leftover in sorted(root.iterdir()):
            if leftover.is_dir() and leftover.name.startswith("build-") and _older_than(leftover, 3600):
                shutil.rmtree(leftover, ignore_errors=True)  # an earlier volume's staging: only its own files
            if not leftover.is_dir() or not leftover.name.startswith(("set-", "old-")):
                continue
            with _locked(leftover, blocking=False) as free:
                if not free:
                    continue  # a build that is still running
                if _inode_of(leftover) == _recorded_inode(root, leftover.name):
                    shutil.rmtree(leftover, ignore_errors=True)  # never swapped in: all of it is ours
                else:
                    kept += _dispose_old(leftover, out_dir)
            (root / f"{leftover.name}.ino").unlink(missing_ok=True)
        for record in root.glob("set-*.ino"):
            if not (root / record.stem).exists():
                record.unlink(missing_ok=True)
    return kept


def _older_than(path: Path, seconds: float) -> bool:
    import time

    try:
        return path.stat().st_mtime < time.time() - seconds
    except OSError:
        return False


def staging_roots(project: Path, out_dir: Path) -> list[Path]:
    """The staging areas a build for this output folder may have used (without creating them)."""
    return [p for p in (project / ".volume-cache" / "staging", out_dir.parent / f".{out_dir.name}.volume-staging")
            if p.is_dir() and not p.is_symlink()]


def recover_output(project: Path, out_dir: Path) -> list[Path]:
    """recover() in every staging area of this output folder."""
    kept: list[Path] = []
    for root in staging_roots(project, out_dir):
        kept += recover(root, out_dir)
    return kept


@dataclass
class Cleaned:
    files: list[Path] = field(default_factory=list)  # removed
    folders: list[Path] = field(default_factory=list)  # removed: the cache, the output folder when left empty
    changed: list[Path] = field(default_factory=list)  # listed in the stamp but changed since: kept


def clean(project: Path, out_dir: Path) -> Cleaned:
    """Remove the files volume wrote into the output folder (listed in its stamp, and unchanged since), the folder
    itself if nothing else is left in it, and the build cache."""
    cache = project / ".volume-cache"
    done = Cleaned()
    recover_output(project, out_dir)
    if out_dir.is_dir() and not out_dir.is_symlink():
        written = files_written(out_dir)
        for name in sorted(written, key=lambda n: (n == STAMP, n)):  # the stamp last
            path = out_dir / name
            if not path.is_file() or path.is_symlink():
                continue
            if written[name] is not None and _sha256(path) != written[name]:
                done.changed.append(path)  # not the file volume wrote: someone replaced it
                continue
            path.unlink()
            done.files.append(path)
        try:
            out_dir.rmdir()  # only when empty: the user's own files stay, and with them the folder
            done.folders.append(out_dir)
        except OSError:
            pass
    beside = out_dir.parent / f".{out_dir.name}.volume-staging"
    for folder, staging in ((cache, cache / "staging"), (beside, beside)):
        running = staging.is_dir() and any(staging.glob("set-*"))  # left by recover(): builds still running
        if folder.is_dir() and not folder.is_symlink() and not running:
            shutil.rmtree(folder)
            done.folders.append(folder)
    return done
