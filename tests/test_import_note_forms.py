"""Note forms the dev set has few of, on real pages of tests/cases/import/dev-r11 (issue 16, round 11): '(1)'
markers, a marker inside a table left out, numbering that starts again in every letter, a printed edition's page
numbers, a marker in a paragraph of its own, notes that run over paragraphs until their back-link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CASES
from tests.test_import_notes_table import _bench
from volume.importer import import_source
from volume.importer.plain_markers import weak_candidates

R11 = CASES / "import" / "dev-r11"


def _notes_in_order(case: str, form: str, tmp_path: Path):
    """The chapter's notes beside the labelled ones, and the chapter's Markdown."""
    bench = _bench()
    wanted = json.loads((R11 / case / "expected.json").read_text(encoding="utf-8"))["notes"]
    chapter, result = bench.import_and_read(R11 / case / bench.FORMS[form], bench.new_project(tmp_path / "p"),
                                            f"{case}-{form}")
    notes = [n.text for n in chapter.notes]
    misjoined = [i + 1 for i, w in enumerate(wanted) if not (i < len(notes) and bench.note_matches(w, notes[i]))]
    return wanted, notes, misjoined, result.chapter.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["html", "txt", "docx"])
def test_eurlex_parenthesised_markers_join_their_notes(tmp_path, form):
    wanted, notes, misjoined, markdown = _notes_in_order("eurlex-egf-decision", form, tmp_path)
    assert len(notes) == len(wanted) == 5 and misjoined == []
    assert "No 1309/2013[^1], and in particular" in markdown.replace("\u00a0", " ")
    assert "COM(2026) 2." in notes[4]  # a note of three words is a note
    assert "missing" not in markdown and "unreferenced" not in markdown


def test_a_number_and_a_space_before_a_parenthesised_marker():
    found = [m.group(1) for m in weak_candidates("repealing Regulation (EU) No 1309/2013 (1), and in particular")]
    assert found == ["1"]
    # a subdivision glued to a number or a bracket stays no marker
    assert weak_candidates("under Section 1101(a)(6) and 2(a)(1) of it") == []


@pytest.mark.parametrize("form", ["html", "txt"])
def test_marker_in_a_table_left_out_keeps_its_place(tmp_path, form):
    wanted, notes, misjoined, markdown = _notes_in_order("pg-pianoforte-sonata", form, tmp_path)
    assert len(notes) == 10 and misjoined == []
    assert notes[3:7] == ["1680-1762.", "1693-1764.", notes[5], "1692-1770."]  # notes that are only two years
    assert "[^3]" in markdown.split("[^3]:")[0] and "unreferenced" not in markdown


@pytest.mark.parametrize("form", ["html", "txt", "docx"])
def test_numbering_that_starts_again_in_each_letter(tmp_path, form):
    wanted, notes, misjoined, markdown = _notes_in_order("pg-beethoven-letters", form, tmp_path)
    assert len(notes) == 4 and misjoined == []
    assert notes[2] == "Undoubtedly the Sonata dedicated to her, Op. 101."  # the '[Footnote 2: …]' wrapper is gone
    assert "Footnote" not in markdown and "missing" not in markdown


def test_printed_page_numbers_are_no_markers(tmp_path):
    wanted, notes, misjoined, markdown = _notes_in_order("pg-guernsey-folklore", "html", tmp_path)
    assert len(notes) == 5 and misjoined == []
    assert "missing" not in markdown and "\\[30\\]" not in markdown


def test_marker_in_a_paragraph_of_its_own_and_one_word_notes(tmp_path):
    wanted, notes, misjoined, markdown = _notes_in_order("de-barclay-apologie", "html", tmp_path)
    assert len(notes) == 8 and misjoined == []
    assert notes[5:7] == ["Einwurf", "Antwort"]
    assert re.search(r"^\[\^1\]$", markdown, re.MULTILINE)  # the marker stays where it stood


def test_endnotes_that_run_over_paragraphs_until_their_back_link(tmp_path):
    wanted, notes, misjoined, markdown = _notes_in_order("se-pepys-diary", "txt", tmp_path)
    assert notes[5].startswith("The following is a copy of John Pepys’s will")
    assert "In witness hereunto I set my hand" in notes[5]  # the will's last paragraph, before its '↩'
    assert notes[6].startswith("Pepys tells us (Diary, Dec. 31st, 1664)")
    assert not any(n in misjoined for n in range(1, 12))
    # the last note, whose marker the copy glued after '1650–51,' (read as a number there), is kept all the same
    assert notes[11].startswith("“Went to reside in Magl. Coll. Camb.") and len(notes) == 12


def test_a_marker_whose_note_the_page_lacks_keeps_a_visible_note_and_is_reported(tmp_path):
    page = (R11 / "eurlex-egf-decision" / "source.html").read_text(encoding="utf-8")
    last_note = re.search(r'<p class="oj-note">\s*<a id="ntr5-[^"]*"[^>]*>.*?</p>', page, re.DOTALL)
    source = tmp_path / "decision.html"
    source.write_text(page.replace(last_note.group(0), ""), encoding="utf-8")
    bench = _bench()
    result = import_source(source, bench.new_project(tmp_path / "p"))
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Council[^missing-5]." in markdown.replace("\u00a0", " ")
    assert "[^missing-5]: \\[note missing in the source\\]" in markdown
    missing = [d for d in result.problems if d.code == "P009"]
    assert len(missing) == 1 and missing[0].location.line and f"{result.chapter.name}:" in missing[0].message
