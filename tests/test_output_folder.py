"""Sources are sacred: the output folder is a folder of its own, `volume clean` removes only what volume wrote, and
the output folder is replaced as one set (with the release files in it), keeping the user's own files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from volume import publish
from volume.build import build, clean
from volume.cli import main
from volume.scaffold import create_project

MANIFEST = "chapters/volume.toml"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = tmp_path_factory.mktemp("out") / "book"
    create_project(project)
    build(project)
    return project


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under the project (symbolic links as their target's name), the cache's own files aside."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if ".volume-cache" in path.relative_to(folder).parts[:-1]:
            continue
        if path.is_symlink():
            found[str(path.relative_to(folder))] = os.readlink(path).encode()
        elif path.is_file():
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def volume_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "volume", *args], capture_output=True, text=True, timeout=300)


def set_dir(project: Path, value: str) -> int:
    """Put `dir = value` under [output]; returns its line in the manifest."""
    manifest = project / MANIFEST
    text = manifest.read_text(encoding="utf-8").replace("[output]\n", f"[output]\ndir = {json.dumps(value)}\n", 1)
    manifest.write_text(text, encoding="utf-8")
    return text.splitlines().index(f"dir = {json.dumps(value)}") + 1


def output_line(project: Path) -> int:
    return (project / MANIFEST).read_text(encoding="utf-8").splitlines().index("[output]") + 1


def copy(built: Path, tmp_path: Path) -> Path:
    import shutil

    project = tmp_path / "book"
    shutil.copytree(built, project, symlinks=True)
    return project


OVERLAPS = {  # name -> (dir value or None for the default, what else to do, code)
    "project-itself": (".", None, "O001"),
    "project-itself-slash": ("./", None, "O001"),
    "chapters": ("chapters", None, "O002"),
    "inside-chapters": ("chapters/out", None, "O002"),
    "styles": ("styles", None, "O002"),
    "the-cache": (".volume-cache", None, "O002"),
    "git": (".git/out", None, "O002"),
    "parent": ("..", None, "O003"),
    "absolute": ("/tmp/volume-out", None, "O003"),
    "symlink-out": (None, lambda p: (p / "elsewhere").mkdir() or _relink(p, p.parent / "elsewhere"), "O003"),
    "symlink-to-chapters": (None, lambda p: _relink(p, Path("chapters")), "O003"),
    "symlink-on-the-way": ("out/dist", lambda p: (p / "out").symlink_to(p / "chapters"), "O003"),
    "a-file": (None, lambda p: _replace_with_file(p), "O004"),
    "cache-symlink": (None, lambda p: _link_cache(p, p / "chapters"), "O003"),
    "cache-pieces-symlink": (None, lambda p: _link_cache(p, p / "chapters", "pieces"), "O003"),
}


def _link_cache(project: Path, target: Path, inner: str = "") -> None:
    import shutil

    link = project / ".volume-cache" / inner if inner else project / ".volume-cache"
    shutil.rmtree(link, ignore_errors=True)
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(target)


def _relink(project: Path, target: Path) -> None:
    import shutil

    shutil.rmtree(project / "dist")
    (project / "dist").symlink_to(target)


def _replace_with_file(project: Path) -> None:
    import shutil

    shutil.rmtree(project / "dist")
    (project / "dist").write_text("my own file called dist", encoding="utf-8")


@pytest.mark.parametrize("name", sorted(OVERLAPS))
def test_an_output_folder_overlapping_the_sources_is_refused(name, built, tmp_path):
    project = copy(built, tmp_path)
    value, prepare, code = OVERLAPS[name]
    line = set_dir(project, value) if value is not None else None
    if prepare:
        prepare(project)
    before = tree(project)
    where = f"{MANIFEST}:{line or output_line(project)}:" if not name.startswith("cache") else f"{MANIFEST}:"
    run = volume_cli("build", "--project", str(project))  # as a user runs it
    assert run.returncode == 1, (run.stdout, run.stderr)
    assert "Traceback" not in run.stdout + run.stderr
    assert f"{where} error {code}" in run.stderr, run.stderr
    for command in ("clean", "check"):  # the same refusal (in this process: quicker)
        result = CliRunner().invoke(main, [command, "--project", str(project)])
        assert result.exit_code == 1 and isinstance(result.exception, (SystemExit, type(None))), result.output
        assert f"{where} error {code}" in result.stderr, (command, result.stderr)
    assert tree(project) == before  # nothing written, nothing removed


def test_a_nested_output_folder_of_its_own_builds(built, tmp_path):
    project = copy(built, tmp_path)
    set_dir(project, "out/editions")
    result = build(project)
    assert {o.path.parent for o in result.outputs} == {project / "out" / "editions"}


def test_clean_removes_only_what_volume_wrote(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    (dist / "my-notes.txt").write_text("mine", encoding="utf-8")
    (dist / "proofs").mkdir()
    (dist / "proofs" / "round-1.pdf").write_bytes(b"%PDF-1.4 my proofs")
    sources = {k: v for k, v in tree(project).items() if not k.startswith("dist/")}
    run = volume_cli("clean", "--project", str(project))
    assert run.returncode == 0, run.stderr
    for name in ("dist/book.pdf", "dist/book-print.pdf", "dist/book.epub", "dist/.build-stamp.json", ".volume-cache/"):
        assert f"removed {name}" in run.stdout, run.stdout
    assert "my-notes" not in run.stdout and "proofs" not in run.stdout
    left = tree(project)
    assert {k: v for k, v in left.items() if not k.startswith("dist/")} == sources
    assert sorted(k for k in left if k.startswith("dist/")) == ["dist/my-notes.txt", "dist/proofs/round-1.pdf"]
    assert not (project / ".volume-cache").exists()
    assert volume_cli("clean", "--project", str(project)).stdout.strip() == "Nothing to remove."


def test_clean_keeps_an_edition_someone_replaced_and_removes_an_empty_folder(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    (dist / "book.pdf").write_bytes(b"%PDF-1.7 a file the user saved over the edition")
    cleaned = clean(project)
    assert cleaned.changed == [dist / "book.pdf"]
    assert (dist / "book.pdf").exists() and dist.exists()
    (dist / "book.pdf").unlink()
    build(project)
    cleaned = clean(project)
    assert dist in cleaned.folders and not dist.exists()


def sums_hold(dist: Path) -> bool:
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return all(hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest
               for digest, name in (line.split("  ") for line in lines))


def test_a_plain_build_after_a_release_leaves_no_stale_release_files(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    result = build(project, release=True)
    assert {p.name for p in result.release_files} == {"SHA256SUMS", "build-report.json"}
    assert sums_hold(dist)
    report = json.loads((dist / "build-report.json").read_text(encoding="utf-8"))
    assert {n: i["sha256"] for n, i in report["outputs"].items()} == \
        {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in dist.glob("book*")}
    chapter = project / "chapters" / "first-chapter.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\nAn edit after the release.\n", encoding="utf-8")
    build(project)
    assert not (dist / "SHA256SUMS").exists() and not (dist / "build-report.json").exists()
    build(project, release=True)
    assert sums_hold(dist)


def test_the_users_files_in_the_output_folder_survive_builds(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    (dist / "cover-proof.png").write_bytes(b"not volume's")
    (dist / "proofs").mkdir()
    (dist / "proofs" / "notes.txt").write_text("round 1", encoding="utf-8")
    (dist / "latest").symlink_to("book.pdf")
    for _ in range(2):
        build(project, force=True)
        assert (dist / "cover-proof.png").read_bytes() == b"not volume's"
        assert (dist / "proofs" / "notes.txt").read_text(encoding="utf-8") == "round 1"
        assert os.readlink(dist / "latest") == "book.pdf"
    assert not [p for p in (project / ".volume-cache" / "staging").iterdir() if p.name != "publish.lock"]


def test_without_renameat2_the_swap_uses_a_journal(built, tmp_path, monkeypatch):
    project = copy(built, tmp_path)
    dist = project / "dist"
    (dist / "mine.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    build(project, force=True, release=True)
    assert (dist / "mine.txt").read_text(encoding="utf-8") == "mine" and sums_hold(dist)
    staging = project / ".volume-cache" / "staging"
    assert not (staging / publish.JOURNAL).exists()
    assert not [p for p in staging.iterdir() if p.name != "publish.lock"]


def _staged_set(project: Path) -> publish.Staging:
    """A build's staging folder holding a whole new set (as a build has it just before the swap)."""
    dist = project / "dist"
    staging = publish.Staging(project, dist)
    for name in ("book.pdf", "book-print.pdf", "book.epub"):
        (staging.path / name).write_bytes(b"new " + name.encode())
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in staging.path.iterdir()}
    (staging.path / publish.STAMP).write_text(json.dumps({"key": "new", "files": files}), encoding="utf-8")
    return staging


def test_a_kill_between_the_fallbacks_two_renames_is_completed_at_the_next_start(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    (dist / "mine.txt").write_text("mine", encoding="utf-8")
    staging = _staged_set(project)
    publish._carry_over(dist, staging.path)
    # as _swap_with_journal does, killed after its first rename
    old = staging.root / "old-killed"
    journal = {"out": str(dist), "new": str(staging.path), "old": str(old)}
    (staging.root / publish.JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    os.rename(dist, old)
    staging.close()  # the process died: its lock is gone
    publish.recover_output(project, dist)
    assert (dist / "book.pdf").read_bytes() == b"new book.pdf"
    assert (dist / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert not old.exists() and not (staging.root / publish.JOURNAL).exists()


def test_leftovers_of_killed_builds_are_cleared_and_the_users_files_put_back(built, tmp_path):
    project = copy(built, tmp_path)
    dist = project / "dist"
    before = tree(project)
    never_swapped = _staged_set(project)
    never_swapped.close()
    swapped = _staged_set(project)
    publish._carry_over(dist, swapped.path)
    (dist / "late.txt").write_text("saved into dist/ while the build ran", encoding="utf-8")
    assert publish.exchange(swapped.path, dist)  # killed just after the swap: the old set waits in staging
    swapped.close()
    running = _staged_set(project)  # a build still running: left alone
    publish.recover_output(project, dist)
    assert not never_swapped.path.exists() and not swapped.path.exists() and running.path.exists()
    assert (dist / "late.txt").read_text(encoding="utf-8") == "saved into dist/ while the build ran"
    assert (dist / "book.pdf").read_bytes() == b"new book.pdf"
    assert {k for k in before if not k.startswith("dist/")} == {k for k in tree(project) if not k.startswith("dist/")}
    running.discard()
    running.close()
    assert not running.path.exists()
