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
