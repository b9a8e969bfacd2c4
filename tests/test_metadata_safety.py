"""Markup and scripts in every metadata field (manifest and front matter), attachments and remote sources in the
body: the build succeeds with warnings naming file and line, and no output (EPUB, PDF, preview) carries active
content; nothing connects anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.active_content import active_in_epub, active_in_html, active_in_pdf, active_in_xml
from tests.test_hostile import Listener
from volume.scaffold import create_project


def hostile(port: int) -> dict[str, str]:
    """One hostile string per kind of attack, each pointing at the test's listener."""
    return {
        "script": f'Oil & Gas <script>fetch("http://127.0.0.1:{port}/s")</script> R&D',
        "handler": f'<img src="http://127.0.0.1:{port}/i.png" onerror="alert(1)"> Energy',
        "frame": f'<iframe src="http://127.0.0.1:{port}/f"></iframe>Frames',
        "attachment": '<a rel="attachment" href="volume.toml">the manifest</a>',
        "link": "<a href=\"javascript:alert('x')\">click</a> here",
        "object": '<object data="x.swf"><embed src="y.swf"></object> Objects',
        "form": '<form action="http://127.0.0.1/"><input name="q"><button>go</button></form> Forms',
        "svg": "<svg onload=alert(1)><script>alert(2)</script></svg> Vector",
        "media": f'<video poster="http://127.0.0.1:{port}/p.png" src="http://127.0.0.1:{port}/v"></video> Media',
        "meta": f'<meta http-equiv="refresh" content="0;url=http://127.0.0.1:{port}/"> Meta',
    }


PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


MANIFEST_FIELDS = ("title", "subtitle", "publisher", "place", "rights", "description", "subject")


def make_hostile(project: Path, port: int) -> None:
    bad = hostile(port)
    kinds = list(bad)
    manifest = project / "chapters" / "volume.toml"
    text = manifest.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in MANIFEST_FIELDS and line.startswith(key):
            line = f"{key} = {toml_string(bad[kinds[MANIFEST_FIELDS.index(key) % len(kinds)]])}"
        elif key == "editors":
            line = f"editors = [{toml_string(bad['script'])}, {toml_string(bad['handler'])}]"
        elif key == "keywords":
            line = f"keywords = [{toml_string(bad['frame'])}, {toml_string(bad['link'])}]"
        lines.append(line)
    text = "\n".join(lines) + "\n"
    text = text.replace('[[contents]]\nfile = "first-chapter.md"',
                        f'[[contents]]\npart = {toml_string(bad["svg"])}\n\n[[contents]]\nfile = "first-chapter.md"')
    text = text.replace('file = "second-chapter.md"',
                        f'file = "second-chapter.md"\ntitle = {toml_string(bad["object"])}')
    text += f"\n[bibliography]\ntitle = {toml_string(bad['media'])}\n"
    text += f"\n[abbreviations]\nBRI = {toml_string(bad['meta'])}\n"
    manifest.write_text(text, encoding="utf-8")

    chapter = project / "chapters" / "first-chapter.md"
    body = chapter.read_text(encoding="utf-8").split("---\n", 2)[2]
    bad_lang = yaml_string('en" onload="x')
    front = (f"---\ntitle: {yaml_string(bad['script'])}\nsubtitle: {yaml_string(bad['frame'])}\n"
             f"authors:\n  - name: {yaml_string(bad['handler'])}\n    affiliation: {yaml_string(bad['link'])}\n"
             f"date: {yaml_string(bad['form'])}\nlang: {bad_lang}\n"
             f"abstract: |\n  {bad['script']}\n  {bad['handler']} {bad['frame']}\n---\n")
    inline_handler = f'<img alt="dot" src="data:image/png;base64,{PNG}" onerror="alert(1)">'
    body += (f"\n\nA line with an attachment {bad['attachment']} and {bad['link']}.[^9]\n\n"
             f"<p>{bad['media']}</p>\n\n<link rel=\"attachment\" href=\"volume.toml\">\n\n"
             f"<img alt=\"set\" src=\"data:image/png;base64,{PNG}\" srcset=\"http://127.0.0.1:{port}/x 2x\">\n\n"
             f"[^9]: A note with {bad['script']} and {inline_handler} and {bad['link']}.\n")
    body += "\n![A diagram that tries to run and to fetch.](diagram.svg)\n"
    (project / "chapters" / "diagram.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="40" '
        'onload="alert(1)"><script>alert(2)</script><style>@import url(http://127.0.0.1:%d/c.css);</style>'
        '<rect width="120" height="40" fill="#c33"/><image xlink:href="http://127.0.0.1:%d/i.png" width="9" '
        'height="9"/><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://127.0.0.1:%d/"/>'
        '</foreignObject><a xlink:href="javascript:alert(3)"><text y="20">diagram</text></a></svg>' % ((port,) * 3),
        encoding="utf-8")
    chapter.write_text(front + body, encoding="utf-8")
    second = project / "chapters" / "second-chapter.md"
    text = second.read_text(encoding="utf-8").replace("title: \"Capitals, Names and Routes\"\n", "")
    second.write_text(text, encoding="utf-8")  # its title now comes from the manifest's hostile one


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    listener = Listener()
    project = tmp_path_factory.mktemp("metadata") / "book"
    create_project(project)
    make_hostile(project, listener.port)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    run = subprocess.run([sys.executable, "-m", "volume", "build", "--project", str(project)],
                         capture_output=True, text=True, env=env, timeout=300)
    yield project, run, listener
    listener.close()


def test_the_build_succeeds_and_names_each_field(hostile_build):
    project, run, listener = hostile_build
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "Traceback" not in output
    assert "removed unsafe content from the image 'diagram.svg'" in run.stderr
    for expected in ("chapters/first-chapter.md:2: warning S010", "chapters/first-chapter.md:5: warning S010",
                     "chapters/first-chapter.md: warning S009", "warning S012",
                     "chapters/volume.toml:4: warning S011"):
        assert expected in run.stderr, (expected, run.stderr)
    assert ": error " not in run.stderr
    assert not [line for line in run.stderr.splitlines() if " W00" in line and "W002" not in line], run.stderr
    assert listener.connections == 0


def test_no_active_content_in_the_epub(hostile_build):
    project, run, _listener = hostile_build
    (epub,) = (project / "dist").glob("*.epub")
    assert active_in_epub(epub) == []
    import zipfile

    with zipfile.ZipFile(epub) as book:
        nav = book.read(next(n for n in book.namelist() if n.endswith("nav.xhtml"))).decode("utf-8")
        opf = book.read(next(n for n in book.namelist() if n.endswith(".opf"))).decode("utf-8")
    assert "1. Oil &amp; Gas R&amp;D</a>" in nav  # the front matter's title, its script and the script's text gone
    assert "fetch(" not in nav and "<script" not in nav
    assert "&lt;script&gt;" in opf  # the manifest's title is plain text: escaped, shown as written


def test_no_active_content_in_the_pdfs(hostile_build):
    project, _run, _listener = hostile_build
    pdfs = sorted((project / "dist").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["book-cover.pdf", "book-print.pdf", "book.pdf"]
    for pdf in pdfs:
        assert active_in_pdf(pdf) == [], pdf.name
    assert active_in_xml(project / "dist" / "book-onix.xml") == []


def test_no_active_content_in_the_preview(hostile_build):
    from volume.preview import Preview

    project, _run, listener = hostile_build
    preview = Preview(project)
    preview.rebuild()
    page = preview.page.decode("utf-8")
    assert "The volume does not build" not in page
    assert active_in_html(page, nonce=preview.nonce) == []
    assert page.count("<script") == 1  # the preview's own reload script, allowed by its nonce only
    assert listener.connections == 0


def test_the_sources_are_unchanged_by_a_build(hostile_build, tmp_path):
    project, _run, _listener = hostile_build
    copy = tmp_path / "book"
    shutil.copytree(project, copy)
    before = {p: p.read_bytes() for p in (copy / "chapters").rglob("*") if p.is_file()}
    subprocess.run([sys.executable, "-m", "volume", "build", "--force", "--project", str(copy)],
                   capture_output=True, timeout=300, check=True)
    assert {p: p.read_bytes() for p in (copy / "chapters").rglob("*") if p.is_file()} == before


def test_the_hostile_epub_is_still_valid(hostile_build):
    from tests.conftest import epubcheck_messages

    project, _run, _listener = hostile_build
    (epub,) = (project / "dist").glob("*.epub")
    assert [m for m in epubcheck_messages(epub) if m.startswith(("ERROR", "FATAL"))] == []
