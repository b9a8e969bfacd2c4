"""Notes at the pages' feet of a PDF's text: found on real GAO reports as pdftotext gives them, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import Report
from volume.importer import page_notes
from volume.importer.compose import compose
from volume.importer.text import read_text

DEV = Path(__file__).parent / "cases" / "import" / "dev"


def _chapter(case: str, tmp_path: Path) -> tuple[object, str]:
    article = read_text(DEV / case / "copied.txt")
    text, _ = compose(article, tmp_path / "chapter.md", "en", Report())
    return article, text


def test_peak_oil_notes_taken_from_the_page_feet_and_joined(tmp_path):
    article, text = _chapter("gao-peak-oil", tmp_path)
    assert [n.number for n in article.notes] == list(range(1, 9))
    assert article.notes[0].text.startswith("This number comes from EIA’s Monthly Energy Review")
    assert article.notes[0].text.endswith("just under one-third of 1 percent of world consumption.")
    assert article.notes[6].text.endswith("light trucks (two-axle, four-tire trucks); and motorcycles.")
    # each marker stands where the glued digit stood, in order, and the note's text left the body
    assert "84 million barrels per day in 2005.[^1] EIA also projects" in text
    assert "petroleum energy,[^7] accounting" in text
    body = text.split("\n[^1]:")[0]
    assert "This number comes from EIA" not in body
    # the running foot and the folios are gone, and the paragraph the page foot broke is one again
    assert "GAO-07-283 Peak Oil Production" not in body and "\nPage 1\n" not in body
    assert "World oil production has been running at near capacity" in body


def test_managing_for_results_notes_alone_over_their_text(tmp_path):
    article, text = _chapter("gao-managing-for-results", tmp_path)
    assert [n.number for n in article.notes] == list(range(1, 13))
    assert article.notes[2].text == "GAO-04-38."  # a one-word note is a note
    assert "Results Act of 1993 (GPRA)[^1] planning" in text
    assert len(re.findall(r"^\[\^\d+\]: ", text, re.MULTILINE)) == 12
    assert "missing" not in text and "unreferenced" not in text


def test_a_reference_lists_numbers_beside_repeated_link_words_are_no_folios():
    # a journal page's reference list copied as text: each number stands beside repeated link words
    # ('CrossRef,', 'PubMed,'), which look like running heads, every few lines; those are no pages, so the
    # authors' affiliations numbered below their names are no page-foot notes either
    refs = "".join(f"{n}\nA. Author, B. Author, Journal {n} (2015) {n}.\nCrossRef,\nPubMed,\nCAS,\n"
                   f"Web of Science® Times Cited: {n * 7},\nADS\n" for n in range(1, 30))
    text = ("A Review of Small Things\nAnna Author1, Ben Author2\n1\nInstitute of Materials, Somewhere\n2\n"
            "Centre for Crystals, Elsewhere\n\nBody text cites a study [1] and another [2].\n\nReferences\n" + refs)
    assert page_notes.find(text) is None


def test_web_page_numbered_lines_are_no_page_notes():
    # a wiki page's table rows ('1 — …', '2<tab>BI_RLE4 …') and code: no pages, so no page-foot notes
    assert page_notes.find((DEV / "ru-wikipedia-bmp" / "copied.txt").read_text(encoding="utf-8")) is None
    assert page_notes.find((DEV / "crs-national-alerts" / "copied.txt").read_text(encoding="utf-8")) is None


def _body(page: str) -> str:
    """Six lines of a page's body text: a converted page is longer than the few lines each test is about."""
    return "".join(f"Line {k} of page {page}'s body text, which a real page has many of.\n" for k in range(1, 7))


PAGED = f"""Annual Review
{_body("two")}
Trade grew again in 2021.1 The ports handled more cargo than before.
2022 was a harder year for shippers, and rates rose.2
1 Ministry of Transport, Annual Statistics (2022).
Institute Report
3
{_body("three")}2The rise followed the closure of two routes.
3 steps were proposed:
1 Widen the canal.
2 Dredge the harbour.
Institute Report
4
{_body("four")}Prices fell later.3 The routes reopened under the law.4
3See the annex.
447 U.S.C. §606.
Institute Report
5
"""


def test_numbered_body_lines_stay_text():
    # made-up text in the shape of a converted report: years and list items that open a line are no notes, and a
    # note needs its marker above it and the next number of the run
    found = page_notes.find(PAGED)
    assert found is not None
    assert [(n.number, n.text) for n in found.notes] == [
        (1, "Ministry of Transport, Annual Statistics (2022)."),
        (2, "The rise followed the closure of two routes."),
        (3, "See the annex."),
        (4, "47 U.S.C. §606.")]  # a note opening with digits, glued to its number
    lines = PAGED.splitlines()
    kept = {lines[i] for i in range(len(lines)) if i not in found.removed}
    assert {"2022 was a harder year for shippers, and rates rose.2", "3 steps were proposed:", "1 Widen the canal.",
            "2 Dredge the harbour."} <= kept
    assert "Institute Report" not in kept and "4" not in kept


def test_cover_title_and_first_date_line_of_a_pdf_text():
    oil = read_text(DEV / "gao-peak-oil" / "copied.txt")
    assert oil.title == ("Crude Oil: Uncertainty about Future Oil Supply Makes It Important to Develop a Strategy "
                         "for Addressing a Peak and Decline in Oil Production")
    assert oil.date == "2007-02-28"  # the letter's date line, after the cover's 'February 2007' and the contents
    results = read_text(DEV / "gao-managing-for-results" / "copied.txt")
    assert results.title.startswith("Managing for Results: Enhancing Agency Use of Performance Information")
    assert results.date == "2005-09-09"
    headings = [b.plain for b in oil.blocks if b.kind == "heading"]
    assert "Oil Is Critical in Satisfying the U.S. and World Demand for Energy" in headings  # set over three lines


def test_copied_report_title_over_its_dated_line():
    # a report page copied as text: its title, then its date with the report's number, then its contents list
    alerts = read_text(DEV / "crs-national-alerts" / "copied.txt")
    assert alerts.title == "National Alerts: A Primer and Selected Issues for Congress"
    assert alerts.date == "2025-08-15" and alerts.authors == []


def test_a_number_without_its_marker_is_passed_over_and_the_run_goes_on():
    # note 2's marker set on a line of its own by the conversion (as in GAO-07-791's boxed text): note 2 is left
    # in the text, notes 3 and 4 are still found
    text = PAGED.replace("and rates rose.2", "and rates rose.\n2")
    found = page_notes.find(text)
    assert [n.number for n in found.notes] == [1, 3, 4] and found.skipped == [2]
