"""Broken and hostile volumes (mutations of a `volume new` scaffold): a clear error naming the file, no traceback,
no network connection, and the previous build in dist/ left byte for byte."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from volume.build import build
from volume.scaffold import create_project


class Listener:
    """A TCP listener on loopback that counts connection attempts (nothing should ever connect)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self):
        self.running = False
        self.thread.join(1)
        self.sock.close()


@pytest.fixture(scope="module")
def built_scaffold(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile") / "vol"
    create_project(project)
    build(project)
    return project


@pytest.fixture()
def listener():
    server = Listener()
    yield server
    server.close()


def snapshot(dist: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(dist.iterdir()) if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CH = "chapters/first-chapter.md"
MUTATIONS = {
    "manifest-syntax": ("chapters/volume.toml", lambda p, port: append(p / "chapters/volume.toml", "\n[volume\n")),
    "manifest-unknown-key": ("chapters/volume.toml",
                             lambda p, port: replace(p / "chapters/volume.toml", "[output]", "[output]\ncolour = 1")),
    "chapter-missing": ("chapters/volume.toml", lambda p, port: (p / CH).unlink()),
    "chapter-empty": (CH, lambda p, port: (p / CH).write_bytes(b"")),
    "chapter-not-utf8": (CH, lambda p, port: (p / CH).write_bytes("---\ntitle: Ca\xf1on\n---\n\nTexto espa\xf1ol.\n"
                                                                   .encode("latin-1"))),
    "chapter-binary": (CH, lambda p, port: (p / CH).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)),
    "chapter-directory": ("chapters/volume.toml", lambda p, port: ((p / CH).unlink(), (p / CH).mkdir())),
    "chapter-symlink-out": ("chapters/volume.toml", lambda p, port: ((p / CH).unlink(),
                                                                     (p / CH).symlink_to("/etc/passwd"))),
    "chapter-path-out": ("chapters/volume.toml", lambda p, port: replace(
        p / "chapters/volume.toml", 'file = "first-chapter.md"', 'file = "../../../etc/passwd"')),
    "broken-yaml": (CH, lambda p, port: replace(p / CH, "title:", "title: \"unclosed\n  bad: [")),
    "marker-without-note": (CH, lambda p, port: append(p / CH, "\n\nA claim with a missing note.[^nonote]\n")),
    "ibid-first": (CH, lambda p, port: _first_note_ibid(p / CH)),
    "image-missing": (CH, lambda p, port: append(p / CH, "\n\n![A map.](images/map.png)\n")),
    "image-corrupt": (CH, lambda p, port: ((p / "chapters/bad.png").write_bytes(b"\x89PNG\r\n\x1a\nnot an image"),
                                           append(p / CH, "\n\n![A map.](bad.png)\n"))),
    "image-remote": (CH, lambda p, port: append(p / CH, f"\n\n![A map.](http://127.0.0.1:{port}/map.png)\n")),
    "image-remote-raw-html": (CH, lambda p, port: append(
        p / CH, f'\n\n<img src="http://127.0.0.1:{port}/pixel.gif" alt="x">\n')),
    "image-outside": (CH, lambda p, port: append(p / CH, "\n\n![A file.](../../../etc/hostname.png)\n")),
    "invalid-isbn": ("chapters/volume.toml", lambda p, port: replace(
        p / "chapters/volume.toml", "[volume.identifiers]", '[volume.identifiers]\nisbn_print = "978-0-306-40615-8"')),
    "index-syntax": ("chapters/index.toml", lambda p, port: append(p / "chapters/index.toml", "\n[[entry]\nterm = 1\n")),
    "index-see-nowhere": ("chapters/index.toml", lambda p, port: append(
        p / "chapters/index.toml", '\n[[entry]]\nterm = "Somewhere"\nsee = "Nowhere at all"\n')),
}


WORD = "chapters/listed.docx"


def _list_word_file(project: Path, write) -> None:
    """A Word file put in the manifest in place of the second chapter (no `volume import`: the build's own checks)."""
    write(project / WORD)
    replace(project / "chapters/volume.toml", 'file = "second-chapter.md"', 'file = "listed.docx"')


def _zip_bomb(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/filler.bin", b"\0" * (40 * 2**20))


def _escaping_entry(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("../../outside.txt", "written outside the document")


def _oversized(path: Path) -> None:
    with open(path, "wb") as handle:  # sparse: 101 MB on paper, nothing on disk
        handle.write(b"PK\x03\x04")
        handle.truncate(101 * 2**20)


MUTATIONS |= {
    "word-chapter-zip-bomb": (WORD, lambda p, port: _list_word_file(p, _zip_bomb)),
    "word-chapter-escaping-entry": (WORD, lambda p, port: _list_word_file(p, _escaping_entry)),
    "word-chapter-oversized": (WORD, lambda p, port: _list_word_file(p, _oversized)),
    "word-chapter-old-doc": (WORD, lambda p, port: _list_word_file(
        p, lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))),
    "word-chapter-not-a-zip": (WORD, lambda p, port: _list_word_file(
        p, lambda path: path.write_text("just text named .docx", encoding="utf-8"))),
}


def _first_note_ibid(path: Path) -> None:
    import re

    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^\[\^1\]:.*$", "[^1]: Ibid., p. 4.", text, count=1)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_broken_volume_fails_cleanly(name, built_scaffold, tmp_path, listener):
    project = tmp_path / "vol"
    shutil.copytree(built_scaffold, project, symlinks=True)
    before = snapshot(project / "dist")
    offending, mutate = MUTATIONS[name]
    mutate(project, listener.port)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    run = subprocess.run([sys.executable, "-m", "volume", "build", "--project", str(project)],
                         capture_output=True, text=True, env=env, timeout=300)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Traceback" not in output
    assert offending in run.stderr, run.stderr
    assert listener.connections == 0
    assert snapshot(project / "dist") == before


def test_active_content_never_reaches_the_outputs(built_scaffold, tmp_path, listener):
    import zipfile

    project = tmp_path / "vol"
    shutil.copytree(built_scaffold, project, symlinks=True)
    append(project / CH, f'\n\n<script>fetch("http://127.0.0.1:{listener.port}/")</script>\n'
                         f'<iframe src="http://127.0.0.1:{listener.port}/"></iframe>\n'
                         '<p onmouseover="steal()">Hover.</p> <a href="javascript:alert(1)">link</a>\n'
                         '<object data="x.swf"></object><embed src="y.swf">\n')
    result = build(project)
    assert {d.code for d in result.report.items} == {"S009"}
    with zipfile.ZipFile(project / "dist" / f"{result.outputs[0].path.stem}.epub") as book:
        text = "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist() if n.endswith(".xhtml"))
    for bad in ("<script", "<iframe", "onmouseover", "javascript:", "<object", "<embed"):
        assert bad not in text
    assert listener.connections == 0


def test_a_sound_word_file_listed_as_a_chapter_still_builds(built_scaffold, tmp_path):
    import pypandoc

    project = tmp_path / "vol"
    shutil.copytree(built_scaffold, project, symlinks=True)
    source = Path(__file__).parent / "cases" / "import" / "word-article.md"
    _list_word_file(project, lambda path: pypandoc.convert_file(str(source), "docx", format="markdown",
                                                                outputfile=str(path)))
    result = build(project)
    assert not result.report.errors
    assert any(c.source.path.name == "listed.docx" and c.notes for c in result.volume.chapters)
