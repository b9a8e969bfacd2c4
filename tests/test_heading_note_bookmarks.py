"""A note in a heading (a real page's '<h2>BITMAPFILEHEADER<sup>[2]</sup>'): kept as the heading's note, and the
PDF's bookmarks and the EPUB's navigation show the heading without the note's number."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdf

from tests.conftest import flatten_outline
from volume.build import build
from volume.importer import import_source
from volume.scaffold import create_project

PAGE = Path(__file__).parent / "cases" / "import" / "dev" / "ru-wikipedia-bmp" / "source.html"


def test_heading_notes_kept_and_bookmarks_without_their_numbers(tmp_path):
    project = tmp_path / "book"
    create_project(project)
    import_source(PAGE, project)
    chapter = (project / "chapters" / "bmp.md").read_text(encoding="utf-8")
    assert re.search(r"^## BITMAPFILEHEADER\[\^\d+\]$", chapter, re.MULTILINE)
    build(project)
    titles = [" ".join(item.title.split()) for item in flatten_outline(pypdf.PdfReader(project / "dist" /
                                                                                         "book.pdf").outline)]
    assert "BITMAPFILEHEADER" in titles
    assert not [t for t in titles if t.startswith("BITMAP") and re.search(r"\d$", t.replace("\u2060", ""))]
    with zipfile.ZipFile(project / "dist" / "book.epub") as epub:
        navigation = epub.read("EPUB/nav.xhtml").decode("utf-8") + epub.read("EPUB/toc.ncx").decode("utf-8")
    assert not re.search(r"BITMAP\w*HEADER\s*\d", navigation)


CRS = Path(__file__).parent / "cases" / "import" / "dev" / "crs-national-alerts" / "source.html"
SUP = re.compile(r'<sup><a href="#fn(\d+)" name="ifn\d+">\d+</a></sup>')


def _markers_moved_into_headings(target: Path) -> Path:
    """The real CRS page with note 27's marker moved into the <h3> above it (made an <h4>), and note 38's marker
    into a bold run-in lead opening its paragraph: the two shapes of heading markers seen in held-out reports."""
    page = CRS.read_text(encoding="utf-8")
    heading = page.index("Internet-Based Distribution System</h3>")
    moved = SUP.search(page, heading)
    page = page[:moved.start()] + page[moved.end():]
    opening, closing = page.rindex("<h3>", 0, heading), page.index("</h3>", heading)
    page = page[:opening] + "<h4>" + page[opening + 4:closing] + moved.group(0) + "</h4>" + page[closing + 5:]
    runin = re.compile(r'<p>([^<]{20,200}?)' + SUP.pattern).search(page, heading + 2000)
    page = page[:runin.start()] + f'<p><b>Run-In Lead.<sup><a href="#fn{runin.group(2)}" name="ifn{runin.group(2)}">' \
        f'{runin.group(2)}</a></sup></b> {runin.group(1)}' + page[runin.end():]
    target.write_text(page, encoding="utf-8")
    return target


def test_markers_in_an_h4_and_a_bold_lead_stay_in_page_and_word_imports(tmp_path):
    import pypandoc

    page = _markers_moved_into_headings(tmp_path / "alerts.html")
    word = tmp_path / "alerts.docx"
    pypandoc.convert_file(str(page), "docx", outputfile=str(word), extra_args=["--quiet", "--sandbox"])
    for source in (page, word):
        project = tmp_path / source.suffix[1:]
        create_project(project)
        import_source(source, project)
        chapter = next((project / "chapters").glob("national-alerts*.md")).read_text(encoding="utf-8")
        assert re.search(r"^#### Internet-Based Distribution System\[\^27\]$", chapter, re.MULTILINE), source
        assert "**Run-In Lead.[^38]**" in chapter, source
        assert "unreferenced" not in chapter and "note missing" not in chapter, source
