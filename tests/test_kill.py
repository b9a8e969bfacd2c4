"""A build killed with SIGKILL at any moment leaves dist/ holding whole files: the previous ones or the new ones."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile

from tests.conftest import copy_case
from volume.build import build


def complete(path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if path.suffix == ".epub":
        try:
            with zipfile.ZipFile(path) as book:
                return book.testzip() is None and book.namelist()[0] == "mimetype"
        except zipfile.BadZipFile:
            return False
    return True


def test_sigkill_at_random_moments_leaves_whole_files(tmp_path):
    project = copy_case("small", tmp_path)
    build(project)
    dist = project / "dist"
    old = {p.name: p.read_bytes() for p in dist.iterdir() if p.suffix in (".pdf", ".epub")}
    chapter = project / "chapters" / "alpha.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    rng = random.Random(20261128)
    delays = sorted(rng.uniform(0.2, 14.0) for _ in range(5))
    for delay in delays:
        process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--project", str(project)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)  # the build and its worker processes
        process.wait()
        for path in dist.iterdir():
            if path.suffix in (".pdf", ".epub"):
                assert complete(path), (delay, path.name)
        assert set(old) <= {p.name for p in dist.iterdir()}
    result = build(project)  # the next build completes and replaces everything
    new = {p.name: p.read_bytes() for p in dist.iterdir() if p.suffix in (".pdf", ".epub")}
    assert result.outputs and new.keys() == old.keys() and new != old
