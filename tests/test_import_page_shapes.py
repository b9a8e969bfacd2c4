"""`volume import` on page shapes found in round 9 (issue 16): marker links written with the page's own address, a
wiki's REST HTML with its sections side by side under <body>, a Word file made from a page whose maintenance tag
is a superscript link, and a text box whose first line is its title."""

from __future__ import annotations

from pathlib import Path

import pypandoc
import pytest

from tests.conftest import copy_case
from tests.test_import_forms import imported
from volume.importer import import_source

PROSE = ("The commission met again in spring and agreed that the quotas would be reviewed every year, with the "
         "downstream states reporting their withdrawals to the secretariat before the autumn session.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


def rest_page() -> str:
    """A wiki article as its REST API serves it: <base>, every section a <section> under <body>, a lead full of
    links, markers linking to './Title#cite_note-N', and the notes list in its own section."""
    page = "./Water_Quotas_in_Central_Asia"
    lead = ("<p><b>Water Quotas</b> are <a href='./Quota'>shares</a> of a <a href='./River'>river</a> agreed by "
            "<a href='./State'>states</a> on the <a href='./Aral_Sea'>Aral Sea</a> "
            f"<a href='./Basin'>basin</a>.<sup class='mw-ref reference'><a href='{page}#cite_note-1'>"
            "<span class='mw-reflink-text'>[1]</span></a></sup></p>")
    parts = [f"<section data-mw-section-id='0'>{lead}</section>"]
    for number, name in ((2, "History"), (3, "Allocation"), (4, "Disputes")):
        parts.append(f"<section data-mw-section-id='{number - 1}'><h2>{name}</h2><p>{PROSE}<sup class='mw-ref "
                     f"reference'><a href='{page}#cite_note-{number}'><span class='mw-reflink-text'>"
                     f"[{number}]</span></a></sup></p><p>{PROSE}</p></section>")
    notes = "".join(f"<li id='cite_note-{n}'><a href='{page}#cite_ref-{n}'>↑</a> <span "
                    f"class='mw-reference-text'>Interstate Commission, Report {n}, 2019.</span></li>"
                    for n in range(1, 5))
    parts.append(f"<section data-mw-section-id='4'><h2>References</h2><ol class='mw-references references'>"
                 f"{notes}</ol></section>")
    return ("<!DOCTYPE html><html><head><link rel='dc:isVersionOf' href='//wiki.example.org/wiki/"
            "Water_Quotas_in_Central_Asia'><title>Water Quotas in Central Asia</title><base href='//wiki.example.org/"
            "wiki/'></head><body class='mw-body-content'>" + "".join(parts) + "</body></html>")


def test_a_wiki_rest_page_keeps_every_section_and_joins_its_markers(project, tmp_path):
    result, chapter, _ = imported(project, tmp_path, "quotas.html", rest_page())
    markdown = result.chapter.read_text(encoding="utf-8")
    assert all(f"## {name}" in markdown for name in ("History", "Allocation", "Disputes"))
    assert markdown.count(PROSE[:60]) == 6 and "are shares of a river" in markdown
    assert [n.text for n in chapter.notes] == [f"Interstate Commission, Report {n}, 2019." for n in range(1, 5)]
    assert not [p for p in result.problems if p.code in ("P009", "N002")]


def test_marker_links_written_with_the_pages_full_address_are_in_page_links(project, tmp_path):
    """A page saved with its links absolute: the markers point to 'https://…/post/#_ftn1' and the page's canonical
    address is that post; a link to another page's '#_ftn1' is no marker."""
    html = ("<html><head><title>Rivers of the Steppe</title><link rel='canonical' href='https://review.example.org/"
            "2022/rivers/'></head><body><article><h1>Rivers of the Steppe</h1>"
            f"<p>{PROSE}<a href='https://review.example.org/2022/rivers/#_ftn1' name='_ftnref1'>[i]</a></p>"
            f"<p>{PROSE}<a href='https://review.example.org/2022/rivers#_ftn2' name='_ftnref2'>[ii]</a> See the "
            "<a href='https://other.example.org/paper/#_ftn1'>earlier paper</a>.</p>"
            "<p><a href='https://review.example.org/2022/rivers/#_ftnref1' name='_ftn1'>[i]</a> Reuters, 3 March "
            "2022.</p><p><a href='https://review.example.org/2022/rivers/#_ftnref2' name='_ftn2'>[ii]</a> World "
            "Bank, Water Report, 2021.</p></article></body></html>")
    result, chapter, _ = imported(project, tmp_path, "rivers.html", html)
    assert [n.text for n in chapter.notes] == ["Reuters, 3 March 2022.", "World Bank, Water Report, 2021."]
    assert "[earlier paper](https://other.example.org/paper/#_ftn1)" in result.chapter.read_text(encoding="utf-8")
    assert not [p for p in result.problems if p.code in ("P009", "N002")]


def test_a_word_file_made_from_a_page_keeps_a_superscript_link_as_text(project, tmp_path):
    """pandoc turns '<sup><a>[update]</a></sup>' of a page into a link around a superscript: in Markdown '[^…' would
    open a note marker with no note (N001 stopped the build)."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Trade Partners</title></head><body><h1>Trade Partners</h1><p>{PROSE}</p>"
                    "<p>The main partners, as at June 2018<sup class='noprint'><a href='https://wiki.example.org/w/"
                    "index.php?action=edit'>[update]</a></sup>, are China and Australia.<sup><a href='#cite_note-1'>"
                    f"[1]</a></sup></p><p>{PROSE}</p><h2>References</h2><ol class='references'><li id='cite_note-1'>"
                    "<a href='#cite_ref-1'>^</a> Statistics Office, Goods and services trade, 2018.</li></ol>"
                    "</body></html>", encoding="utf-8")
    word = tmp_path / "page.docx"
    pypandoc.convert_file(str(page), "docx", outputfile=str(word), extra_args=["--quiet", "--sandbox"])
    result = import_source(word, project)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "[^\\[update" not in markdown and "June 2018^[\\[update\\]](" in markdown
    assert "[^1]: Statistics Office, Goods and services trade, 2018." in markdown
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_text_boxs_title_line_is_its_heading(project, tmp_path):
    html = (f"<html><head><title>Provisions</title></head><body><h1>Provisions</h1><h2>Introduction</h2><p>{PROSE}</p>"
            "<div><table><tr><td><p>What to Ask for When You Don't Know What You Have</p>"
            f"<p>{PROSE}</p><p>{PROSE}</p></td></tr></table></div><p>{PROSE}</p></body></html>")
    result, _, _ = imported(project, tmp_path, "box.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "### What to Ask for When You Don't Know What You Have" in markdown
    assert markdown.count(PROSE[:60]) == 4


def film_table(rows: int = 3) -> str:
    cells = "".join(f"<tr><td>Film {n}</td><td>19{60 + n}</td><td>A loop of days, each the same.<sup><a "
                    f"href='#cite_note-{n}'>[{n}]</a></sup></td></tr>" for n in range(2, rows + 2))
    return f"<table class='wikitable'><tr><th>Film</th><th>Year</th><th>Description</th></tr>{cells}</table>"


def test_the_markers_of_a_table_left_out_stay_where_it_stood(project, tmp_path):
    """A wiki's list of films cites a note in every row: the table is left out (rebuild it by hand), its markers
    stay at its place, so every note keeps its marker and its order (note 5 is cited after the table)."""
    notes = "".join(f"<li id='cite_note-{n}'><a href='#cite_ref-{n}'>^</a> Review {n}, Deadline, 2020.</li>"
                    for n in range(1, 6))
    html = (f"<html><head><title>List of films featuring time loops</title></head><body><h1>List of films "
            f"featuring time loops</h1><p>{PROSE}<sup><a href='#cite_note-1'>[1]</a></sup></p>{film_table()}"
            f"<p>{PROSE}<sup><a href='#cite_note-5'>[5]</a></sup></p><h2>References</h2><ol class='references'>"
            f"{notes}</ol></body></html>")
    result, chapter, _ = imported(project, tmp_path, "films.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert [n.text for n in chapter.notes] == [f"Review {n}, Deadline, 2020." for n in range(1, 6)]
    assert "left out of the chapter; the notes it cites:\\][^2]" in markdown
    assert not [p for p in result.problems if p.code in ("P009", "N002")]
    assert any("a table at line" in d for d in result.dropped)


def test_a_copied_tables_markers_stay_where_it_stood(project, tmp_path):
    rows = "\n".join(f"Film {n}\t19{60 + n}\tA loop of days, each the same.[{n}]" for n in range(2, 5))
    notes = "\n".join(f"^ Review {n}, Deadline, 2020." for n in range(1, 6))
    text = (f"List of films featuring time loops\n\n{PROSE}[1]\n\nFilm\tYear\tDescription\n{rows}\n\n{PROSE}[5]\n\n"
            f"References\n\n{notes}\n")
    result, chapter, _ = imported(project, tmp_path, "films.txt", text)
    assert [n.text for n in chapter.notes] == [f"Review {n}, Deadline, 2020." for n in range(1, 6)]
    assert result.chapter.read_text(encoding="utf-8").count("the notes it cites:") == 1
    assert not [p for p in result.problems if p.code in ("P009", "N002")]


def test_a_quotation_table_and_a_quote_box_are_quotations(project, tmp_path):
    """A wiki's quotation table (quotation marks in cells of their own, the attribution under it) and a quote box
    are read as quotations, not lost as a table or read as the article's own paragraphs."""
    said = ("We shall share the river as neighbours share a well, each drawing what the season allows and no more "
            "than the others can spare.")
    html = (f"<html><head><title>Water Quotas in Central Asia</title></head><body><h1>Water Quotas in Central Asia"
            f"</h1><p>{PROSE}</p><table class='cquote'><tr><td>“</td><td>{said}</td><td>”</td></tr><tr>"
            f"<td colspan='3'>— A delegate, 1992</td></tr></table><p>{PROSE}</p><div class='quotebox floatright'>"
            f"<p>{said.replace('river', 'lake')}</p><p>— A minister</p></div><p>{PROSE}</p></body></html>")
    result, _, _ = imported(project, tmp_path, "quote.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert f"> {said}" in markdown and "> — A delegate, 1992" in markdown
    assert "> " + said.replace("river", "lake") in markdown
    assert not [d for d in result.dropped if "a table at line" in d]


def lettered_page() -> str:
    """A wiki article with explanatory notes marked [a], [b] (a list of their own, lettered by the page's style)
    beside its numbered references [1]–[3]."""
    def ref(label: str, anchor: str) -> str:
        return f"<sup id='cite_ref-{anchor}' class='reference'><a href='#cite_note-{anchor}'>[{label}]</a></sup>"

    def item(anchor: str, text: str) -> str:
        return (f"<li id='cite_note-{anchor}'><span class='mw-cite-backlink'><b><a href='#cite_ref-{anchor}'>^</a>"
                f"</b></span> <span class='reference-text'>{text}</span></li>")
    body = (f"<p>{PROSE}{ref('1', '1')}</p><p>{PROSE}{ref('a', 'a')}{ref('2', '2')}</p><p>{PROSE}{ref('b', 'b')}"
            f"</p><p>{PROSE}{ref('3', '3')}</p>")
    return ("<html><head><title>Water Quotas in Central Asia - Wikipedia</title></head><body><div id='content'>"
            "<h1 id='firstHeading'>Water Quotas in Central Asia</h1><div id='mw-content-text'>" + body +
            "<h2><span class='mw-headline' id='Notes'>Notes</span></h2><div class='reflist' style='list-style-type: "
            "lower-alpha;'><ol class='references'>" + item("a", "The upstream states disputed this figure.") +
            item("b", "Kazakhstan abstained.") + "</ol></div><h2><span class='mw-headline' id='References'>"
            "References</span></h2><div class='reflist'><ol class='references'>" +
            "".join(item(str(n), f"Interstate Commission, Report {n}, 2019.") for n in (1, 2, 3)) +
            "</ol></div></div></div></body></html>")


LETTERED = ["Interstate Commission, Report 1, 2019.", "The upstream states disputed this figure.",
            "Interstate Commission, Report 2, 2019.", "Kazakhstan abstained.", "Interstate Commission, Report 3, 2019."]


def test_a_wiki_pages_lettered_notes_are_notes_beside_its_references(project, tmp_path):
    result, chapter, _ = imported(project, tmp_path, "lettered.html", lettered_page())
    assert [n.text for n in chapter.notes] == LETTERED
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "\\[a\\]" not in markdown and "1. The upstream" not in markdown
    assert not [p for p in result.problems if p.code in ("P009", "N002", "P010")]


def test_copied_lettered_notes_in_a_list_that_lost_its_letters(project, tmp_path):
    """As a browser copies the page: '[a]' in the text, and under 'Notes' two items whose letters the page's style
    drew (not copied), then the references, each opening with its '^' back-link."""
    text = (f"Water Quotas in Central Asia\n\n{PROSE}[1]\n\n{PROSE}[a][2]\n\n{PROSE}[b]\n\n{PROSE}[3]\n\nNotes\n"
            "^ The upstream states disputed this figure.\n^ Kazakhstan abstained.\nReferences\n"
            + "".join(f"^ Interstate Commission, Report {n}, 2019.\n" for n in (1, 2, 3)))
    result, chapter, _ = imported(project, tmp_path, "lettered.txt", text)
    assert [n.text for n in chapter.notes] == LETTERED
    assert not [p for p in result.problems if p.code in ("P009", "N002", "P010")]


def test_a_tables_markers_that_the_text_cites_too_stay_only_in_the_text(project, tmp_path):
    """A table of contents (as a Word file keeps a wiki's) repeats the markers of the headings it lists: they stay
    with the headings, and no line for the table is written."""
    notes = "".join(f"<li id='cite_note-{n}'>MSDN: HEADER{n}</li>" for n in (1, 2))
    html = ("<html><head><title>Bitmap Files</title></head><body><h1>Bitmap Files</h1><table><tr><td>Contents"
            "</td></tr><tr><td><a href='#h1'>1 FILEHEADER<sup><a href='#cite_note-1'>[1]</a></sup></a></td></tr>"
            "<tr><td><a href='#h2'>2 INFOHEADER<sup><a href='#cite_note-2'>[2]</a></sup></a></td></tr></table>"
            f"<h2 id='h1'>FILEHEADER<sup><a href='#cite_note-1'>[1]</a></sup></h2><p>{PROSE}</p>"
            f"<h2 id='h2'>INFOHEADER<sup><a href='#cite_note-2'>[2]</a></sup></h2><p>{PROSE}</p>"
            f"<h2>Notes</h2><ol class='references'>{notes}</ol></body></html>")
    result, chapter, _ = imported(project, tmp_path, "bmp.html", html)
    assert [n.text for n in chapter.notes] == ["MSDN: HEADER1", "MSDN: HEADER2"]
    assert "the notes it cites" not in result.chapter.read_text(encoding="utf-8")
