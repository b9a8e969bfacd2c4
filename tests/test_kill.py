"""A build killed with SIGKILL at any step leaves the output folder holding one whole set of files, the previous
one or the new one (editions, release files and stamp alike), and the user's own files in it untouched.

The kills are timed by the build's own progress: each build's progress lines are read as they come, and the build
is killed as a step begins, or half way through it (by the step's length in a reference run), never after a random
sleep."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

from tests.conftest import copy_case
from volume.build import build, inputs_key, styles_dir_for
from volume.config import find_manifest, load_manifest
from volume.publish import STAMP

STEPS = ("Reading chapters", "Laying out the book", "Packaging the EPUB", "Putting the editions in place",
         "Removing the previous editions")


def snapshot(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def assert_whole_set(dist, user_files: dict[str, bytes]) -> dict:
    """The output folder holds exactly the files its stamp lists, each as the stamp says, plus the user's files."""
    files = snapshot(dist)
    stamp = json.loads(files.pop(STAMP))
    for name, data in user_files.items():
        assert files.pop(name) == data, name
    assert set(files) == set(stamp["files"]), (sorted(files), sorted(stamp["files"]))
    for name, data in files.items():
        assert sha256(data) == stamp["files"][name], name
    if "SHA256SUMS" in files:  # `sha256sum -c SHA256SUMS` would pass
        for line in files["SHA256SUMS"].decode().splitlines():
            digest, name = line.split("  ")
            assert sha256(files[name]) == digest, name
    return stamp


def run_and_kill(project, args, step: str | None, after: float) -> list[tuple[str, float]]:
    """Run `volume build`, reading its progress; kill it (and its workers) `after` seconds into `step`."""
    process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--project", str(project), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    seen: list[tuple[str, float]] = []
    started = time.monotonic()
    try:
        for line in process.stdout:
            seen.append((line.strip().rstrip("…"), time.monotonic() - started))
            if step is not None and seen[-1][0] == step:
                if after:
                    time.sleep(after)
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:  # it had finished
                    pass
                break
    finally:
        process.wait()
        process.stdout.close()
    return seen


def edit(project, number: int) -> str:
    chapter = project / "chapters" / "alpha.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + f"\n\nClosing paragraph number {number}.\n",
                       encoding="utf-8")
    manifest = load_manifest(find_manifest(project))
    return inputs_key(manifest, styles_dir_for(manifest))


def test_sigkill_at_every_step_leaves_a_whole_set(tmp_path):
    project = copy_case("small", tmp_path)
    dist = project / "dist"
    build(project, release=True)
    user_files = {"my-notes.txt": b"the editor's own notes\n", "proofs/round-1.txt": b"corrections\n"}
    for name, data in user_files.items():
        (dist / name).parent.mkdir(exist_ok=True)
        (dist / name).write_bytes(data)
    edit(project, 0)
    lines = run_and_kill(project, ["--release"], None, 0)  # a whole build: when each step began, and ended
    assert [name for name, _ in lines][:len(STEPS)] == list(STEPS), lines
    assert_whole_set(dist, user_files)
    lengths = {step: lines[i + 1][1] - lines[i][1] for i, (step, _) in enumerate(lines[:len(STEPS)])}

    # each step as it begins and half way; the last two (milliseconds each: the swap, and the previous set's files
    # removed) at more points, and after
    kills = [(s, f) for s in STEPS[:-2] for f in (0.0, 0.5)] + [(s, f) for s in STEPS[-2:] for f in (0, .3, .6, 1, 2)]
    outcomes = []
    for number, (step, fraction) in enumerate(kills, start=1):
        release = ["--release"] if number % 2 else []  # the set holds the release files, or not
        before = snapshot(dist)
        new_key = edit(project, number)
        seen = run_and_kill(project, release, step, lengths[step] * fraction)
        assert step in [name for name, _ in seen]
        stamp = assert_whole_set(dist, user_files)
        if snapshot(dist) == before:
            outcomes.append("old")
        else:
            assert stamp["key"] == new_key  # not the old set: then the whole new one
            assert ("SHA256SUMS" in stamp["files"]) == bool(release)
            outcomes.append("new")
    assert outcomes[0] == "old" and outcomes[-1] == "new", outcomes  # the previous set until the swap, then the new

    result = build(project)  # the next build completes, and leaves nothing of the killed ones behind
    assert result.outputs
    stamp = assert_whole_set(dist, user_files)
    assert "SHA256SUMS" not in stamp["files"]
    staging = project / ".volume-cache" / "staging"
    assert not [p for p in staging.iterdir() if p.name != "publish.lock"], list(staging.iterdir())
