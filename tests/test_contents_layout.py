"""The printed contents with many long chapter titles: no entry split over two pages, wrapped titles hanging under
their first word, and every contents page found again in the EPUB (no W006 from the page list)."""

from __future__ import annotations

import pytest

from tests.conftest import pdf_text
from volume.build import build
from volume.scaffold import create_project

TITLE = "Chapter {n}: A Rather Long Title About the Bilateral Relations of Distant States and Their Many Neighbours"


@pytest.fixture(scope="module")
def long_titles(tmp_path_factory):
    project = tmp_path_factory.mktemp("toc") / "book"
    create_project(project)
    chapters = project / "chapters"
    manifest = (chapters / "volume.toml").read_text(encoding="utf-8")
    for n in range(1, 18):
        text = ("Some text of the chapter. " * 80 + "\n\n") * 2
        (chapters / f"c{n:02d}.md").write_text(
            f'---\ntitle: "{TITLE.format(n=n)} in Region {n}"\nauthors:\n  - name: "The editors"\nlang: en\n---\n\n{text}',
            encoding="utf-8")
        manifest += f'\n[[contents]]\nfile = "c{n:02d}.md"\n'
    (chapters / "volume.toml").write_text(manifest, encoding="utf-8")
    result = build(project)
    return project, result


def _page_text(pdf, page: int) -> str:
    return pdf_text(pdf, "-layout", page=page)


def test_no_page_list_warning(long_titles):
    _project, result = long_titles
    assert len(result.outputs) == 5
    assert [d for d in result.report.items if d.code == "W006"] == []


def test_no_contents_page_starts_inside_an_entry(long_titles):
    project, _result = long_titles
    pdf = project / "dist" / "book.pdf"
    pages = [p for p in range(1, 12) if "Rather Long Title" in _page_text(pdf, p)]
    assert len(pages) >= 2  # the contents runs over more than one page
    for page in pages:
        lines = [line.strip() for line in _page_text(pdf, page).splitlines() if line.strip()]
        first = next(line for line in lines if line.upper() != "CONTENTS")
        assert first != "The editors" and not first.startswith(("Relations", "Region")), \
            f"page {page} starts inside an entry: {first!r}"


def test_a_wrapped_title_hangs_under_its_first_word(long_titles):
    project, _result = long_titles
    lines = _page_text(project / "dist" / "book.pdf", 5).splitlines()
    for at, line in enumerate(lines):
        if "Chapter 1:" in line:
            column = line.index("Chapter 1:")
            following = lines[at + 1]
            assert following.strip() and abs((len(following) - len(following.lstrip())) - column) <= 1, (line, following)
            return
    pytest.fail("no contents line for chapter 1 on page 5")
