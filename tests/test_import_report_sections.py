"""`volume import` on the shapes of long reports and their copies (issue 16, round 16q): notes numbered on across
sections that each close with their own "Footnotes", numbered section headings, markers a copy sets apart by
spaces, notes lists a copy leaves without a heading or numbers, a lone note, a link that shows another address."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_case
from tests.test_import_forms import imported

PROSE = ("The commission met again in spring and agreed that the quotas would be reviewed every year, with the "
         "downstream states reporting their withdrawals to the secretariat")
DEV = Path(__file__).parent / "cases" / "import" / "dev"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


def _section(title: str, first: int, count: int) -> str:
    """A report's section as its site prints it: text with linked superscripts, then its own 'Footnotes' list whose
    numbers are a <sup> glued to the note (no list numbers drawn)."""
    marks = "".join(f"<p>{PROSE}.<sup id='fnr{n}'><a href='#fn{n}'>{n}</a></sup></p>"
                    for n in range(first, first + count))
    notes = "".join(f"<li id='fn{n}'><sup>{n}</sup>Interstate Commission, Report {n}, 2019.<a href='#fnr{n}'>"
                    "&#8617;</a></li>" for n in range(first, first + count))
    return f"<h2>{title}</h2>{marks}<h3>Footnotes</h3><ul style='list-style-type:none'>{notes}</ul>"


REPORT = ("<html><head><title>Water Quota Policy</title></head><body><article><h1>Water Quota Policy</h1>"
          + _section("Introduction", 1, 3) + _section("1. Objectives", 4, 2) + _section("2. Scope", 9, 2)
          + "</article></body></html>")


def test_a_numbered_heading_after_a_sections_notes_is_a_heading_and_the_notes_run_on(project, tmp_path):
    result, chapter, _ = imported(project, tmp_path, "report.html", REPORT)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "## 1. Objectives" in markdown and "## 2. Scope" in markdown
    assert [n.text for n in chapter.notes] == [f"Interstate Commission, Report {n}, 2019." for n in (1, 2, 3, 4, 5,
                                                                                                   9, 10)]
    assert markdown.count(PROSE[:50]) == 7 and "Footnotes" not in markdown
    assert not [p for p in result.problems if p.code in ("P009", "N002")]


def _copied_section(title: str, first: int, count: int, glue: str = "") -> str:
    marks = "".join(f"{PROSE}.{n}\n\n" for n in range(first, first + count))
    notes = "".join(f"{n}Interstate Commission, Report {n}, 2019.↩︎\n" for n in range(first, first + count))
    return f"{title}\n\n{marks}Footnotes\n{notes}"


def test_a_copy_whose_sections_each_close_with_footnotes_numbered_on_keeps_every_note(project, tmp_path):
    """Notes 1-3, 4-5 and (the pages between left out) 9-10 under three 'Footnotes' headings: one list, every
    marker joined, the jump from 5 to 9 followed."""
    text = ("Water Quota Policy\n\n" + _copied_section("Introduction", 1, 3) + _copied_section("1. Objectives", 4, 2)
            + _copied_section("2. Scope", 9, 2))
    result, chapter, _ = imported(project, tmp_path, "report.txt", text)
    assert [n.text for n in chapter.notes] == [f"Interstate Commission, Report {n}, 2019." for n in (1, 2, 3, 4, 5,
                                                                                                   9, 10)]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert markdown.count(PROSE[:50]) == 7 and "## 1. Objectives" in markdown
    assert not [p for p in result.problems if p.code in ("P009", "N002")]


SPACED_MEMO = ("Open Data Memorandum\n\n"
               "The President's Memorandum on Transparency and Open Government 1 instructed agencies to act, and the "
               "Directive 2 required agencies to publish. OMB Circular A-130 3 and OMB Memorandum M-06-02. 4 In "
               "addition, a platform was launched in 2009 for 30 agencies.\n\n"
               "This is consistent with the Paperwork Reduction Act, 5 the Privacy Act of 1974, 6 the Federal "
               "Information Security Management Act of 2002 (FISMA), 7 and existing guidance.\n\n"
               "a. Use machine-readable and open formats 8\n\n"
               "Agencies must use open formats for information as it is collected or created.\n\n"
               + "".join(f"Office of Management and Budget, Memorandum {n} (2013).↩︎\n\n" for n in range(1, 9)))


def test_markers_a_copy_sets_apart_by_spaces_are_joined_to_a_closing_list_of_back_linked_notes(project, tmp_path):
    """A page's superscript links copied with a space before them ('Government 1 instructed') and its notes list
    without heading or numbers, each note ending with its back-link: every note kept and joined in order; numbers
    that do not continue the run ('in 2009 for 30 agencies') stay text."""
    result, chapter, _ = imported(project, tmp_path, "memo.txt", SPACED_MEMO)
    assert [n.text for n in chapter.notes] == [f"Office of Management and Budget, Memorandum {n} (2013)."
                                               for n in range(1, 9)]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Open Government[^1] instructed" in markdown and "in 2009 for 30 agencies" in markdown
    assert "## a. Use machine-readable and open formats[^8]" in markdown


def test_spaced_numbers_that_do_not_run_through_the_notes_stay_text(project, tmp_path):
    text = ("Water Quotas\n\nSections 1 and 2 of the treaty apply to 3 rivers and 4 lakes in the basin, the "
            "commission said in its report on the quotas for the year.\n\nNotes\n\n1. Treaty of Almaty, 1992.\n\n"
            "2. Interstate Commission, Report, 2019.\n")
    result, _, _ = imported(project, tmp_path, "quotas.txt", text)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Sections 1 and 2 of the treaty apply to 3 rivers and 4 lakes" in markdown


def test_a_copied_list_of_back_linked_notes_under_its_heading_keeps_every_item(project, tmp_path):
    """Items under 'Notes' that lost their numbers but each end with their back-link are all notes, also beyond
    the markers the copy shows; a marker glued to a year ('janvier 20192.') is the note the sequence expects."""
    text = ("Analyse de documents\n\n"
            f"{PROSE}.1\n\n{PROSE} en janvier 20192. Plutôt que de représenter un terme.\n\n{PROSE}.3\n\n"
            "Notes\n\n" + "".join(f"Karen Spärck Jones, article {n}, 1972: 16.↩︎\n\n" for n in range(1, 5))
            + "Scikit-Learn Developers, « TfidfVectorizer », https://scikit-learn.org/stable/modules/tfidf.html.↩︎\n")
    result, chapter, _ = imported(project, tmp_path, "lecon.txt", text)
    texts = [n.text for n in chapter.notes]
    assert texts[:4] == [f"Karen Spärck Jones, article {n}, 1972: 16." for n in range(1, 5)]
    assert texts[4] == "Scikit-Learn Developers, « TfidfVectorizer », https://scikit-learn.org/stable/modules/tfidf.html."
    assert "<https://scikit-learn.org/stable/modules/tfidf.html>." in result.chapter.read_text(encoding="utf-8")
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "en janvier 2019[^2]. Plutôt" in markdown


@pytest.mark.parametrize("marker", ["<sup>1</sup>", "<sup><a href='#fn1' id='r1'>1</a></sup>"])
def test_a_pages_single_note_closing_the_text_is_kept(project, tmp_path, marker):
    note = "<p><sup>1</sup> Convention on the Legal Status of the Caspian Sea, Aktau, 12 August 2018.</p>"
    if "href" in marker:
        note = ("<h2>Note</h2><ol><li id='fn1'>Convention on the Legal Status of the Caspian Sea, Aktau, 12 August "
                "2018. <a href='#r1'>↩</a></li></ol>")
    html = (f"<html><head><title>One Note</title></head><body><article><h1>One Note</h1><p>{PROSE}.{marker} "
            f"This brief sets them out.</p><p>{PROSE}.</p><hr>{note}</article></body></html>")
    result, chapter, _ = imported(project, tmp_path, "one.html", html)
    assert [n.text for n in chapter.notes] == ["Convention on the Legal Status of the Caspian Sea, Aktau, 12 August "
                                               "2018."]
    assert "[^1] This brief" in result.chapter.read_text(encoding="utf-8")


def test_a_copys_single_note_closing_the_text_is_kept(project, tmp_path):
    text = (f"One Note\n\n{PROSE}.1 This brief sets them out.\n\n{PROSE}.\n\n"
            "1 Convention on the Legal Status of the Caspian Sea, Aktau, 12 August 2018.\n")
    result, chapter, _ = imported(project, tmp_path, "one.txt", text)
    assert [n.text for n in chapter.notes] == ["Convention on the Legal Status of the Caspian Sea, Aktau, 12 August "
                                               "2018."]


def test_a_link_showing_another_address_keeps_the_address_shown(project, tmp_path):
    """A note whose link shows the article's address but goes to its archived copy (perma.cc): the reader's text
    is the address shown."""
    html = ("<html><head><title>Archive Links</title></head><body><article><h1>Archive Links</h1>"
            f"<p>{PROSE}.<sup><a href='#fn1' id='r1'>1</a></sup></p><h2>Notes</h2><ol><li id='fn1'>Ted Underwood, "
            "blog post, <a href='https://perma.cc/SY25-UXK3'>https://tedunderwood.com/2011/11/09/post/</a>. "
            "<a href='#r1'>↩</a></li></ol></article></body></html>")
    _, chapter, _ = imported(project, tmp_path, "links.html", html)
    assert "tedunderwood.com/2011/11/09/post/" in chapter.notes[0].text


@pytest.mark.parametrize("case", ["m-omb-source-code-policy", "m-omb-open-data-memo", "m-ph-fr-tfidf"])
def test_the_m_cases_keep_every_note_joined_and_every_heading(case, tmp_path):
    """The round's new dev pages in their three forms: every note kept and joined in order, every heading kept."""
    from tests.test_import_forms import _bench
    bench = _bench()
    for form in ("html", "txt", "docx"):
        score = bench.evaluate(DEV / case, form, tmp_path / form)
        assert (score.notes_found, score.joined_right, score.false_joins) == (score.notes_expected,) * 2 + (0,), form
        assert score.headings_kept == score.headings_expected and score.paragraphs_kept == score.paragraphs_expected


def test_a_marker_glued_to_a_cell_of_a_copied_table_stays_where_the_table_stood(project, tmp_path):
    """A table a copy gives as tab-separated rows is left out; a digit glued to a cell's word is the note the
    sequence expects there ('Kazakhstan2'), a unit's ('km3') is not, and stays out with the table."""
    text = (f"Water Withdrawals in the Aral Basin\n\n{PROSE}.1\n\nState\tArea, km3\tShare\nKazakhstan2\t12\t12%\n"
            f"Uzbekistan\t45\t45%\n\n{PROSE}.3\n\n"
            + "".join(f"Source note {n}, 2020. ↩\n" for n in range(1, 4)))
    result, chapter, _ = imported(project, tmp_path, "table.txt", text)
    assert [n.text for n in chapter.notes] == [f"Source note {n}, 2020." for n in range(1, 4)]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "left out of the chapter; the notes it cites:\\][^2]" in markdown and "secretariat.[^3]" in markdown


@pytest.mark.parametrize("between", ["<hr>", "<h3>Footnotes</h3>"])
def test_notes_set_under_each_sections_text_numbered_on_are_one_list(project, tmp_path, between):
    """A report's notes under each section's text, each opening with its raised number ('<sup>4</sup> …'),
    numbered on across sections, with or without a heading over them: every note kept and joined, every section's
    text and heading kept."""
    def section(title: str, numbers: list[int]) -> str:
        body = "".join(f"<p>{PROSE}.<sup>{n}</sup></p>" for n in numbers)
        notes = "".join(f"<p><sup>{n}</sup> Interstate Commission, Report {n}, 2019.</p>" for n in numbers)
        return f"<h2>{title}</h2>{body}{between}{notes}"
    html = ("<html><head><title>Quota Report</title></head><body><article><h1>Quota Report</h1>"
            + section("1. Introduction", [1, 2, 3]) + section("2. Allocation", [4, 5])
            + section("3. Disputes", [6]) + "</article></body></html>")
    result, chapter, _ = imported(project, tmp_path, "quota.html", html)
    assert [n.text for n in chapter.notes] == [f"Interstate Commission, Report {n}, 2019." for n in range(1, 7)]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert markdown.count(PROSE[:50]) == 6 and "## 3. Disputes" in markdown and "Footnotes" not in markdown


def test_a_copys_closing_notes_whose_numbers_stand_alone_on_their_lines_are_notes(project, tmp_path):
    """No heading over the notes, each number alone on the line above its note ('2.' / 'Interstate …'), the markers
    plain digits after the sentences' full stops: the notes are found and joined, and a sentence ending in its
    marker ('each year.2') is no heading."""
    text = (f"Water Quotas in the Aral Basin\n\n{PROSE}.1 The states report.\n\nThe downstream states report their "
            "withdrawals to the secretariat each year.2\n\nA third paragraph says more about the rivers and the "
            "canals.3\n\n1.\nTreaty of Almaty, 1992.\n2.\nInterstate Commission, Report, 2019.\n3.\n"
            "World Bank, Water Report, 2020.\n")
    result, chapter, _ = imported(project, tmp_path, "quotas.txt", text)
    assert [n.text for n in chapter.notes] == ["Treaty of Almaty, 1992.", "Interstate Commission, Report, 2019.",
                                               "World Bank, Water Report, 2020."]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "\n## " not in markdown and "each year.[^2]" in markdown
