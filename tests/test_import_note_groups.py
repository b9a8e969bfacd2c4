"""Note shapes of round 12's pages (tests/cases/import/dev-r12, issue 16): a wiki's second group of notes
('[note 1]' beside '[1]'), a note that is nothing but two links, a table's own lettered notes under it, a number
raised without a link on a page whose markers are links (a power), a chapter title's marker inside <hgroup>, a
mobile wiki's edit link glued to its headings. Made-up pages test each rule; the real pages are checked against
their hand labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES
from tests.test_import_forms import imported
from tests.test_import_notes_table import _bench
from tests.test_import_page_shapes import PROSE, project  # noqa: F401  (the fixture)

R12 = CASES / "import" / "dev-r12"


def _wiki_page(body: str, notes: str) -> str:
    return ("<!DOCTYPE html><html><head><title>River Quotas - Wikipedia</title></head><body>"
            "<h1 id='firstHeading'>River Quotas</h1><div id='mw-content-text'>" + body + notes + "</div></body></html>")


def _ref(target: str, shown: str) -> str:
    return f"<sup class='reference'><a href='#{target}'>[{shown}]</a></sup>"


def _item(target: str, text: str) -> str:
    return f"<li id='{target}'><span class='mw-cite-backlink'>^</span> <span class='reference-text'>{text}</span></li>"


def test_a_wikis_named_group_joins_in_the_order_of_its_markers(project, tmp_path):  # noqa: F811
    """'[note 1]' numbers a second list from 1 again: each note keeps its own marker, in the order they stand."""
    body = (f"<p>{PROSE}{_ref('c1', '1')}</p><p>{PROSE}{_ref('n1', 'note 1')}</p><p>{PROSE}{_ref('c2', '2')}</p>")
    notes = (f"<h2>Notes</h2><ol class='references'>{_item('n1', 'Foreign-born citizens were also eligible.')}</ol>"
             f"<h2>References</h2><ol class='references'>{_item('c1', 'Ford, Proceedings, 1909.')}"
             f"{_item('c2', 'Pfiffner, Annals, 1988.')}</ol>")
    result, chapter, _ = imported(project, tmp_path, "quotas.html", _wiki_page(body, notes))
    assert [n.text for n in chapter.notes] == ["Ford, Proceedings, 1909.", "Foreign-born citizens were also eligible.",
                                               "Pfiffner, Annals, 1988."]
    assert "note missing" not in result.chapter.read_text(encoding="utf-8")


def test_a_note_that_is_only_two_links_is_kept(project, tmp_path):  # noqa: F811
    """'3 U.S.C. § 20' as two links looks like a bar of links closing a reference; it is the whole note."""
    body = f"<p>{PROSE}{_ref('c1', '1')}</p><p>{PROSE}{_ref('c2', '2')}</p>"
    notes = ("<h2>Notes</h2><ol class='references'>"
             + _item("c1", "<a href='https://law.example.org/t3'>3 U.S.C.</a>&nbsp;<a href='https://law.example.org/"
                           "t3/20'>§&nbsp;20</a>")
             + _item("c2", "Salaries of Federal Officials: A Fact Sheet, 2009.") + "</ol>")
    _, chapter, _ = imported(project, tmp_path, "quotas.html", _wiki_page(body, notes))
    texts = [n.text.replace("\u00a0", " ") for n in chapter.notes]
    assert texts[1] == "Salaries of Federal Officials: A Fact Sheet, 2009."
    assert "3 U.S.C." in chapter.notes[0].text and "20" in chapter.notes[0].text


def test_a_tables_own_lettered_notes_go_with_the_table(project, tmp_path):  # noqa: F811
    """A table of dates with 'a', 'b' linked to lines right under it: the table is left out with its own notes, and
    they take no number from the text's notes (no '[note missing]' in their place)."""
    table = ("<table class='wikitable'><tr><th>Year</th><th>Dates</th></tr>"
             "<tr><td>2016</td><td>17 Sep.<sup id='FN_a_back'><a href='#FN_a'>a</a></sup></td></tr>"
             "<tr><td>2017</td><td>16 Sep.<sup id='FN_b_back'><a href='#FN_b'>b</a></sup></td></tr></table>"
             "<div id='FN_a'><a href='#FN_a_back'><sup>a</sup></a> with the farmers' fair</div>"
             "<div id='FN_b'><a href='#FN_b_back'><sup>b</sup></a> one day longer</div>")
    body = f"<p>{PROSE}{_ref('c1', '1')}</p>{table}<p>{PROSE}{_ref('c2', '2')}</p>"
    notes = ("<h2>Notes</h2><ol class='references'>" + _item("c1", "City report, 2016.") + _item("c2", "Fair report.")
             + "</ol>")
    result, chapter, _ = imported(project, tmp_path, "fair.html", _wiki_page(body, notes))
    markdown = result.chapter.read_text(encoding="utf-8")
    assert [n.text for n in chapter.notes] == ["City report, 2016.", "Fair report."]
    assert "note missing" not in markdown and "farmers' fair" not in markdown


def test_a_raised_number_without_a_link_is_a_power_where_markers_are_links(project, tmp_path):  # noqa: F811
    body = (f"<p>{PROSE}{_ref('c1', '1')}</p><p>The distance grows as <i>t</i><sup>2</sup> with time.{_ref('c2', '2')}"
            f"</p><p>{PROSE}{_ref('c3', '3')}</p>")
    notes = ("<h2>Notes</h2><ol class='references'>" + _item("c1", "Drake, 1978.") + _item("c2", "Galilei, 1638.")
             + _item("c3", "Sharratt, 1994.") + "</ol>")
    result, chapter, _ = imported(project, tmp_path, "fall.html", _wiki_page(body, notes))
    assert [n.text for n in chapter.notes] == ["Drake, 1978.", "Galilei, 1638.", "Sharratt, 1994."]
    assert "*t*^2^ with time.[^2]" in result.chapter.read_text(encoding="utf-8")


def test_a_chapter_titles_marker_in_an_hgroup_is_joined(project, tmp_path):  # noqa: F811
    """<hgroup><h2>I</h2><p>Laying Plans<a>168</a></p></hgroup>: a heading and a title line, and the title's
    three-digit marker is a note's, not an author's affiliation."""
    html = ("<html><head><title>The Art of War</title></head><body><main><h1>The Art of War</h1>"
            "<section><hgroup><h2>I</h2><p>Laying Plans<a href='#note-168' id='noteref-168'>168</a></p></hgroup>"
            f"<p>{PROSE}<a href='#note-169' id='noteref-169'>169</a></p></section><section><h2>Endnotes</h2>"
            "<ol start='168'><li id='note-168'><p>The only possible meaning. <a href='#noteref-168'>↩</a></p></li>"
            "<li id='note-169'><p>The old text differs. <a href='#noteref-169'>↩</a></p></li></ol></section>"
            "</main></body></html>")
    result, chapter, _ = imported(project, tmp_path, "war.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert [n.text for n in chapter.notes] == ["The only possible meaning.", "The old text differs."]
    assert "Laying Plans[^1]" in markdown and "ILaying" not in markdown


def test_a_mobile_wikis_edit_link_is_no_part_of_its_heading(project, tmp_path):  # noqa: F811
    body = ("<h2 class='section-heading'><span class='mw-headline' id='Geschichte'>Geschichte</span><span><a "
            "href='/w/index.php?title=Oktoberfest&amp;action=edit&amp;section=1' class='edit-page'>Bearbeiten</a>"
            f"</span></h2><p>{PROSE}{_ref('c1', '1')}</p>")
    notes = "<h2>Einzelnachweise</h2><ol class='references'>" + _item("c1", "Stadt München, 2016.") + "</ol>"
    result, _, _ = imported(project, tmp_path, "wiesn.html", _wiki_page(body, notes))
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "## Geschichte\n" in markdown and "Bearbeiten" not in markdown


def _joined(case: str, form: str, tmp_path: Path) -> tuple[int, int]:
    bench = _bench()
    wanted = json.loads((R12 / case / "expected.json").read_text(encoding="utf-8"))["notes"]
    chapter, _ = bench.import_and_read(R12 / case / bench.FORMS[form], bench.new_project(tmp_path / "p"),
                                       f"{case}-{form}")
    notes = bench.first_appearances([n.text for n in chapter.notes], wanted)
    return sum(1 for i, w in enumerate(wanted) if i < len(notes) and bench.note_matches(w, notes[i])), len(wanted)


@pytest.mark.parametrize("case", ["en-wikipedia-us-president", "de-wikipedia-oktoberfest", "se-sun-tzu-laying-plans"])
def test_real_pages_join_every_note_to_its_marker(tmp_path, case):
    joined, wanted = _joined(case, "html", tmp_path)
    assert joined == wanted


def _copied(tmp_path: Path, text: str):
    from volume.importer.text import read_text
    source = tmp_path / "copied.txt"
    source.write_text(text, encoding="utf-8")
    return read_text(source)


SENTENCES = ["The commission met again in spring and agreed that the quotas would be reviewed every year",
             "The downstream states reported their withdrawals to the secretariat before the autumn session",
             "The upstream states asked for a longer season of release from the reservoirs in the mountains"]


def test_copied_notes_without_numbers_go_on_from_a_later_chapters_markers(tmp_path):
    """A chapter whose notes run on from an earlier one's (12, 13, 14), copied with the list's numbers lost."""
    body = "\n\n".join(f"{s}.{n} It was done." for s, n in zip(SENTENCES, (12, 13, 14)))
    notes = "\n\n".join(f"Report {n} of the commission, 2019. ↩" for n in (12, 13, 14))
    article = _copied(tmp_path, f"Water Quotas\n\nBy Ann Roe\n\n{body}\n\nEndnotes\n\n{notes}\n")
    assert [(n.number, n.text) for n in article.notes] == [(n, f"Report {n} of the commission, 2019.")
                                                           for n in (12, 13, 14)]


def test_back_linked_notes_win_over_a_menus_numbered_lines_after_them(tmp_path):
    body = "\n\n".join(f"{s}.{n} It was done." for s, n in zip(SENTENCES, (1, 2, 3)))
    notes = "\n\n".join(f"Calvin, Institutes, book {n}. ↩︎" for n in (1, 2, 3))
    menu = "1. Über die Erkenntnis+\n\n2. Von der Offenbarung.+"
    article = _copied(tmp_path, f"Water Quotas\n\nBy Ann Roe\n\n{body}\n\n{notes}\n\n{menu}\n")
    assert [n.text for n in article.notes] == [f"Calvin, Institutes, book {n}." for n in (1, 2, 3)]
