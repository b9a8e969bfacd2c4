"""The pages as a book designer counts them: hyphenation, notes' alignment, bylines (tests/typography.py reads the
PDF's text and structure). Limits: see each assertion; `python3 bench/typography.py dist/<slug>.pdf` prints all."""

from __future__ import annotations

import pytest

from tests.typography import Line, count_hyphenation, note_alignment, read_lines, short_lines, word_spaces

BODY = ("Document", "Sect", "Div", "P", "Span")


@pytest.fixture(scope="module")
def default_lines(default_build):
    project, _ = default_build
    return read_lines(project / "dist" / "china-caspian.pdf")


def test_hyphenation_is_sparing_and_never_where_a_designer_forbids_it(default_lines):
    counts = count_hyphenation(default_lines)
    assert counts.lines > 3000  # the measure read the book
    assert sum(line.running_head for line in default_lines) > 50  # and found the running heads it checks
    assert counts.auto <= 0.06 * counts.lines, counts.auto  # was 437 of 4,300 lines (10%) before the limits
    assert counts.longest_auto_run <= 2, counts.examples.get("runs3_auto")  # never three in a row
    assert counts.capitalised == 0, counts.examples.get("names")  # no "Kaza-khstan", "As-tana"
    assert counts.short_fragments == 0, counts.examples.get("short")  # no "bi-", "-ic"
    assert counts.penultimate == 0, counts.examples.get("penultimate")  # no broken word before a last line
    assert (counts.headings, counts.contents, counts.running_heads, counts.notes) == (0, 0, 0, 0), counts.examples
    assert counts.noteref_starts == 0, counts.examples.get("note reference first on a line")


def test_fewer_hyphens_do_not_leave_lines_gappy(default_lines):
    spaces = word_spaces(default_lines)
    assert len(spaces) > 1000
    loose = sum(1 for s in spaces if s > 0.8) / len(spaces)
    assert loose <= 0.07, loose  # 5% of justified lines had gaps over 0.8 em when this was written (1.4% before)
    assert sorted(spaces)[int(0.99 * len(spaces))] <= 1.15  # 1.04 em when written (0.83 before)
    cut = short_lines(default_lines)  # WeasyPrint breaking a line early before an inline box: a word alone
    assert cut == [], [(line.page + 1, line.text) for line in cut]


def test_every_notes_page_aligns_number_and_text(default_lines):
    alignment = note_alignment(default_lines)
    assert alignment.notes > 200 and len(alignment.pages) > 20  # the measure found the notes
    assert alignment.offsets == []  # each first line's text starts where the note's other lines start


def test_bylines_flush_with_the_title_and_affiliation_on_its_own_line(default_build, small_build):
    project, _ = default_build
    openings = _chapter_openings(read_lines(project / "dist" / "china-caspian.pdf"))
    assert len(openings) >= 10  # the preface (no subtitle), the introduction and eight chapters (subtitles)
    for title, byline in openings:
        assert byline.x == pytest.approx(title.x, abs=0.5), (title.text, byline.text, title.x, byline.x)
    small, _ = small_build
    lines = read_lines(small / "dist" / f"{_slug(small)}.pdf")
    names = [line for line in lines if line.text.lower() == "the editors"]
    affiliations = [line for line in lines if line.text == "Test Institute"]
    assert affiliations, [line.text for line in lines][:40]  # not run on after the name
    name = next(n for n in names if n.page == affiliations[0].page)
    assert affiliations[0].y < name.y and affiliations[0].x == pytest.approx(name.x, abs=0.5)


def _slug(project) -> str:
    import tomllib

    return tomllib.loads((project / "chapters" / "volume.toml").read_text())["output"]["slug"]


def _chapter_openings(lines: list[Line]) -> list[tuple[Line, Line]]:
    """(the chapter title's first line, the byline) on each page opening a chapter."""
    out = []
    for index, line in enumerate(lines):
        if "H1" not in line.kinds() or line.artifact:
            continue
        if index and lines[index - 1].page == line.page and "H1" in lines[index - 1].kinds():
            continue  # the title's second line
        head = [other for other in lines[index + 1:index + 8] if other.page == line.page]
        byline = next((other for other in head if other.text.lower() == "the editors"
                       and "LI" not in other.kinds()), None)  # not the contents' bylines
        if byline is not None:
            out.append((line, byline))
    return out


# The measure itself, on lines made by hand: it must see what it is meant to count.

def _line(text: str, y: float, block: int, page: int = 0, kinds=BODY, x: float = 56.0) -> Line:
    path = tuple((kind, (block if kind == "P" else hash((kind, block)) % 10_000, 0)) for kind in kinds)
    line = Line(page, text, x, 380.0, y, 10.0, 648.0, path)
    line.chars = [(c, x + 5 * i, x + 5 * i + 4) for i, c in enumerate(text)]
    return line


def test_the_measure_counts_what_it_should():
    lines = [
        _line("Seen from Yerevan, Baku, Tbilisi, As\u2010", 500, 1),
        _line("tana, the picture looks different. Each gov\u2010", 486, 1),
        _line("ernment has its own reasons for seeking bi\u2010", 472, 1),
        _line("lateral trade and more trade with its pandem\u2010", 458, 1),
        _line("ic.", 444, 1),
        _line("A second paragraph that ends whole.", 430, 2, x=68.0),
    ]
    counts = count_hyphenation(lines)
    assert counts.auto == 4 and counts.longest_auto_run == 4 and counts.runs3_auto == 1
    assert counts.capitalised == 1  # As-tana
    assert counts.short_fragments == 3  # As-, bi-, -ic
    assert counts.penultimate == 1  # pandem-ic.


def test_the_measure_sees_a_note_out_of_line():
    notes_kinds = ("Document", "Sect", "Sect", "L", "LI", "LBody", "P", "Span")
    heading = _line("Notes", 600, 9, kinds=("Document", "Sect", "Sect", "H2", "Span"))
    first = _line("1. Author, A. (2020). A title that runs on", 580, 10, kinds=notes_kinds, x=44.6)
    first.chars = [(c, 44.6 + i * 5, 48.6 + i * 5) for i, c in enumerate("1. ")] + [
        (c, 64.9 + i * 5, 68.9 + i * 5) for i, c in enumerate("Author")]  # 2.3 pt right of the column
    rest = _line("to a second line.", 568, 10, kinds=notes_kinds, x=62.6)
    alignment = note_alignment([heading, first, rest])
    assert alignment.notes == 1 and alignment.offsets and alignment.offsets[0][2] == pytest.approx(2.3, abs=0.1)
