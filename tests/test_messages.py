"""Nothing lost in silence and every message says what to do: pandoc's warnings, a duplicated note label, near
names in the manifest, where images are looked for, the help texts, and the preview telling each rebuild."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import pdf_text
from volume.cli import _RebuildAnnouncer, main
from volume.diagnostics import Report, SourceLocation
from volume.scaffold import create_project

CHAPTER = "chapters/first-chapter.md"


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory):
    project = tmp_path_factory.mktemp("messages") / "book"
    create_project(project)
    return project


@pytest.fixture
def project(scaffold, tmp_path):
    target = tmp_path / "book"
    shutil.copytree(scaffold, target)
    return target


def check(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--project", str(project)])
    return result.exit_code, [line for line in result.output.splitlines() if re.match(r"\S+:\d*:? ?\w+ [A-Z]\d{3}", line)]


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, name: str, fragment: str) -> int:
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if fragment in line)


def test_a_note_label_defined_twice_is_an_error_with_both_lines(project):
    edit(project, CHAPTER, "[^2]: ", "[^2]: The first note, which pandoc drops.\n\n[^2]: ")
    lost, kept = line_of(project, CHAPTER, "which pandoc drops"), line_of(project, CHAPTER, "[^2]: Olcott")
    code, lines = check(project)
    assert code == 1
    duplicate = [line for line in lines if " N003: " in line]
    assert duplicate == [f"{CHAPTER}:{kept}: error N003: note [^2] is defined twice: only the note at line {kept} is "
                         f"printed and the one at line {lost} is lost from every edition; give each note its own "
                         "label and marker"], lines
    run = CliRunner().invoke(main, ["build", "--project", str(project)])
    assert run.exit_code == 1 and not (project / "dist").exists()  # no edition without the lost note


def test_every_other_pandoc_warning_is_a_diagnostic_with_its_file_and_line(project):
    text = (project / CHAPTER).read_text(encoding="utf-8")
    (project / CHAPTER).write_text(text + "\n[site]: https://example.org/a\n[site]: https://example.org/b\n\n"
                                   "See [site].\n\n::: {.box}\nA fenced div left open.\n", encoding="utf-8")
    code, lines = check(project)
    warned = [line for line in lines if " W002: " in line]
    second = line_of(project, CHAPTER, "[site]: https://example.org/b")
    assert any(line.startswith(f"{CHAPTER}:{second}: warning W002: pandoc: Duplicate link reference '[site]'")
               for line in warned), warned
    assert any("Div at line" in line and "unclosed" in line for line in warned), warned
    assert all(str(project) not in line for line in warned)  # the file is named once, relative to the project


def test_manifest_typos_get_a_near_name_and_keys_their_table(project):
    edit(project, "chapters/volume.toml", 'language = "en"', 'language = "en"\ntrim_size = "6in 9in"\n'
         'isbn_print = "978-0-306-40615-7"\ntitel = "A"')
    edit(project, "chapters/volume.toml", 'slug = "book"', 'slug = "book"\nsulg = "b"')
    code, lines = check(project)
    joined = "\n".join(lines)
    assert code == 1
    assert "'trim_size' belongs in [output], not [volume]" in joined
    assert "'isbn_print' belongs in [volume.identifiers], not [volume]" in joined
    assert "unknown key 'titel' in [volume] (did you mean 'title'?)" in joined
    assert "unknown key 'sulg' in [output] (did you mean 'slug'?)" in joined


def test_a_misspelt_chapter_file_gets_the_near_name(project):
    edit(project, "chapters/volume.toml", 'file = "second-chapter.md"', 'file = "second-chaptr.md"')
    _, lines = check(project)
    assert any("'second-chaptr.md' is listed in the manifest but does not exist in chapters/; did you mean "
               "'second-chapter.md'?" in line for line in lines), lines


def test_a_missing_image_says_where_it_was_looked_for(project):
    (project / "images").mkdir()
    (project / "images" / "map.png").write_bytes(b"not read")
    edit(project, CHAPTER, "## Economic Relations", "![A map.](images/map.png)\n\n## Economic Relations")
    _, lines = check(project)
    assert any("F001: image 'images/map.png' does not exist: looked for chapters/images/map.png, as image paths "
               "are relative to the chapters folder; it is in the project folder: move it to "
               "chapters/images/map.png" in line for line in lines), lines


def test_help_shows_whole_summaries_and_project_everywhere():
    runner = CliRunner()
    top = runner.invoke(main, ["--help"], terminal_width=80).output
    commands = top.split("Commands:")[1]
    assert "..." not in commands and all(len(line) <= 80 for line in top.splitlines())
    for command in (["build"], ["check"], ["clean"], ["bib"], ["index", "suggest"], ["import"], ["preview"]):
        text = runner.invoke(main, [*command, "--help"], terminal_width=80).output
        assert "--project PATH  Project folder" in text or "--project PATH" in text and "Project folder" in text, command
        assert all(len(line) <= 80 for line in text.splitlines()), (command, text)
    build_help = " ".join(runner.invoke(main, ["build", "--help"], terminal_width=80).output.split())
    assert "the cover and the ONIX records" in build_help and "SHA256SUMS" in build_help


def test_the_preview_says_what_changed_and_what_came_of_it(tmp_path, capsys):
    from rich.console import Console

    console = Console(file=open(tmp_path / "out.txt", "w"), width=100, highlight=False)
    where = SourceLocation(tmp_path / "chapters" / "a.md", 3)
    first = Report()
    first.add("F003", "image 'x.png' has no alt text", where)
    announce = _RebuildAnnouncer(console, tmp_path, first)
    announce(["chapters/a.md"], True, first)
    broken = Report()
    broken.add("F001", "image 'y.png' does not exist", where)
    announce(["chapters/a.md", "styles/book.css"], False, broken)
    console.file.close()
    said = (tmp_path / "out.txt").read_text().splitlines()
    assert re.fullmatch(r"\d\d:\d\d:\d\d chapters/a.md changed: rebuilt; the page reloads \(1 warning\(s\), 0 new\)",
                        said[0]), said
    assert said[1].endswith("chapters/a.md, styles/book.css changed: does not build: 1 error(s), listed on the page")
    assert len(said) == 2
    diagnostics = capsys.readouterr().err.splitlines()  # on stderr, as every command prints them
    assert diagnostics == ["chapters/a.md:3: error F001: image 'y.png' does not exist"]  # the old warning not again


def test_after_a_release_an_edit_and_a_plain_build_never_leave_failing_checksums(scaffold, tmp_path):
    project = tmp_path / "book"
    shutil.copytree(scaffold, project)
    volume = ["python3", "-m", "volume"]
    assert subprocess.run([*volume, "build", "--release", "--project", str(project)], capture_output=True).returncode == 0
    dist = project / "dist"
    assert subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True).returncode == 0
    edit(project, CHAPTER, "## Economic Relations", "An added sentence.\n\n## Economic Relations")
    assert subprocess.run([*volume, "build", "--project", str(project)], capture_output=True).returncode == 0
    assert not (dist / "SHA256SUMS").exists() and not (dist / "build-report.json").exists()
    assert "An added sentence" in pdf_text(dist / "book.pdf")


def test_the_description_markdown_is_rendered_and_the_title_page_centred(scaffold, tmp_path):
    from volume.build import prepare
    from volume.render.preview import book_page

    volume = prepare(scaffold, Report())
    assert "`" in volume.meta.description  # the scaffold's description quotes `volume new`
    page = book_page(volume, (scaffold / "styles" / "epub.css").read_text(encoding="utf-8"), [], scaffold, 1, "n")
    copyright_page = re.search(r'<section id="copyright-page".*?</section>', page, re.S).group(0)
    assert "<code>volume new</code>" in copyright_page and "`" not in copyright_page
    # The preview's title page laid out (WeasyPrint's command, in its own process): title and subtitle centred alike.
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    subprocess.run(["python3", "-m", "weasyprint", str(tmp_path / "page.html"), str(tmp_path / "page.pdf")],
                   check=True, capture_output=True)
    words = pdf_text(tmp_path / "page.pdf", "-bbox", page=1)
    boxes = [(float(a), float(b), w) for a, b, w in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                                                                r'yMax="[\d.]+">([^<]*)<', words)]

    def centre(first: str, last: str) -> float:
        start = next(b for b in boxes if b[2] == first)
        end = next(b for b in boxes if b[2] == last and b[0] >= start[0] - 500)
        return (start[0] + end[1]) / 2

    title, subtitle = volume.meta.title.split(), volume.meta.subtitle.split()
    assert centre(title[0], title[-1]) == pytest.approx(centre(subtitle[0], subtitle[-1]), abs=2)
