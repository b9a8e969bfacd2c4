"""`volume import` on the shapes real pages take (issue 16, second round): notes found by where the markers link,
journal pages, declared metadata, chrome found by its shape, and notes in copied text numbered or marked oddly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_case
from tests.test_import_forms import imported
from volume.importer import import_source
from volume.importer import recognise as rec

LONG = ("The water commission met again in spring and agreed that the quotas would be reviewed every year, "
        "with the downstream states reporting their withdrawals to the secretariat before the autumn session.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


def sections(count: int, marker: str = "") -> str:
    return "".join(f"<div class='section'><h2>Part {i}</h2><p>{LONG}{marker if i == 1 else ''}</p><p>{LONG}</p>"
                   f"</div>" for i in range(1, count + 1))


def test_a_journal_page_keeps_every_section_and_its_references_beside_the_article(project, tmp_path):
    """Each section in its own <div>, the reference list in a sibling block outside the article's element, anchor
    ids that do not follow the numbers shown, a numbered link to a figure, a link bar under each reference and a
    reference cited nowhere."""
    refs = "".join(f"<li id='B{n}'>Author {n}, “Title {n},” Journal, 2014.<span class='reflinks'> "
                   f"<a href='https://doi.org/x{n}'>View at Publisher</a> · <a href='https://scholar/x{n}'>View at "
                   f"Google Scholar</a></span></li>" for n in (1, 2, 4, 3))
    html = (f"<html><head><title>Maize under deficit irrigation</title>"
            f"<meta name='citation_authors' content='Bushong, Jacob T.; Raun, William R.'>"
            f"<meta name='citation_date' content='2014/12/17'><meta name='author' content='Hindawi Publishing "
            f"Corporation'></head><body><div id='main'><div class='text'><h1>Maize under deficit irrigation</h1>"
            f"{sections(3)}<p>Yields fell [<a href='#B1'>1</a>, <a href='#B2'>2</a>] as in Fig. "
            f"<a href='#fig1'>1</a>; see also [<a href='#B3'>4</a>].</p><div class='figure' id='fig1'>"
            f"<img src='f.png'><p>Figure 1. Yield by year.</p></div></div>"
            f"<div class='refs'><h4>References</h4><ol>{refs}</ol></div></div></body></html>")
    result, chapter, _ = imported(project, tmp_path, "maize.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert [f"Part {i}" for i in (1, 2, 3)] == [h for h in ("Part 1", "Part 2", "Part 3") if f"## {h}" in markdown]
    assert "Fig. 1;" in markdown and "*Figure 1. Yield by year.*" in markdown
    assert [n.text for n in chapter.notes] == ["Author 1, “Title 1,” Journal, 2014.", "Author 2, “Title 2,” "
                                               "Journal, 2014.", "Author 3, “Title 3,” Journal, 2014.",
                                               "Author 4, “Title 4,” Journal, 2014."]
    assert "View at" not in markdown
    assert "\\[Notes the source lists without a marker in its text:\\][^unreferenced-3]" in markdown
    assert result.authors == ["Jacob T. Bushong", "William R. Raun"] and result.date == "2014-12-17"
    assert [p.code for p in result.problems] == ["N002"]


def test_notes_a_chapter_numbers_on_from_22_are_found_by_their_links(project, tmp_path):
    html = (f"<html><body><main><h1>Monitoring</h1><p class='byline author'>Written by Rob Ewaschuk<br>Edited by "
            f"Betsy Beyer</p><p>{LONG}<sup><a href='#n22' id='n22-marker'>22</a></sup></p><p>{LONG}"
            f"<sup><a href='#n23' id='n23-marker'>23</a></sup></p><div class='footnotes'>"
            f"<p id='n22'><sup><a href='#n22-marker'>22</a></sup>Sometimes known as alert spam.</p>"
            f"<p id='n23'><sup><a href='#n23-marker'>23</a></sup>Twice as fast.</p></div></main></body></html>")
    result, chapter, _ = imported(project, tmp_path, "sre.html", html)
    assert [n.text for n in chapter.notes] == ["Sometimes known as alert spam.", "Twice as fast."]
    assert result.authors == ["Rob Ewaschuk"]


def test_copied_notes_numbered_on_and_glued_to_their_first_word(project, tmp_path):
    text = (f"Monitoring\n\nWritten by Rob Ewaschuk\n\n{LONG[:-1]}, alerts,22 and pages.\n\n{LONG[:-1]} at once.23\n\n"
            f"{LONG}\n\n22Sometimes known as alert spam.\n\n23If 1% of your requests are slow, most are fast.\n")
    result, chapter, _ = imported(project, tmp_path, "sre.txt", text)
    assert result.title == "Monitoring"
    assert [n.text for n in chapter.notes] == ["Sometimes known as alert spam.",
                                               "If 1% of your requests are slow, most are fast."]
    assert "alerts,[^1] and pages" in result.chapter.read_text(encoding="utf-8")


def test_copied_marker_groups_and_ranges_are_joined_but_intervals_are_not(project, tmp_path):
    notes = "\n".join(f"{n}. Source number {n}, 2014." for n in range(1, 6))
    text = (f"Grouped Markers in a Journal\n\nBy Aigerim Sadykova\n\n{LONG[:-1]} [1].\n\n{LONG[:-1]} [2, 3] and "
            f"[2–5].\n\nValues lie in [0, 1] here, always.\n\nReferences\n\n{notes}\n")
    result, chapter, _ = imported(project, tmp_path, "groups.txt", text)
    markdown = result.chapter.read_text(encoding="utf-8")
    # (deliberate change: adjacent references get a superscript comma between them, so 2, 3 do not print as 23)
    # (deliberate change, round 6: the space before a bracketed marker goes with the brackets)
    assert "[^2]^,^[^3] and[^2]^,^[^3]^,^[^4]^,^[^5]" in markdown and "in \\[0, 1\\] here" in markdown
    assert len({n.text for n in chapter.notes}) == 5
    assert [p.code for p in result.problems] == ["P007"]  # no date: nothing wrong with the notes


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_notes_marked_with_asterisks_and_daggers(project, tmp_path, suffix):
    lines = ["Maps in Every Language", "By Joe Matazzoni", f"{LONG[:-1]} on almost all wikis.*",
             f"{LONG[:-1]} on maps.†", "———", "*The exceptions are nine wikis.", "†A template pulls coordinates.",
             "* a bullet that is no note"]
    if suffix == ".html":
        content = "<html><body><article><h1>" + lines[0] + "</h1>" + "".join(f"<p>{x}</p>" for x in lines[1:]) + \
            "</article></body></html>"
    else:
        content = "\n\n".join(lines) + "\n"
    result, chapter, _ = imported(project, tmp_path, f"maps{suffix}", content)
    assert [n.text for n in chapter.notes] == ["The exceptions are nine wikis.", "A template pulls coordinates."]
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "almost all wikis.[^1]" in markdown and "on maps.[^2]" in markdown


def test_table_of_contents_is_left_out_and_the_article_goes_on(project, tmp_path):
    text = (f"Knight Rider\n\nFrom Wikipedia, the free encyclopedia\n\n{LONG}\n\nContents [hide]\n1 Plot\n2 Cast\n"
            f"2.1 Main cast\n3 References\nPlot[edit]\n\n{LONG}\n\nCast[edit]\n\n{LONG}\n\nMain cast[edit]\n\n{LONG}\n\n"
            f"This page was last edited on 25 October 2019, at 15:47 (UTC).\n")
    result, chapter, _ = imported(project, tmp_path, "knight.txt", text)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert markdown.count(LONG) == 4 and "1 Plot" not in markdown and "Contents" not in markdown
    assert "## Plot" in markdown and "## Main cast" in markdown and "last edited" not in markdown
    assert result.date == "2019-10-25"
    assert any("table of contents" in d for d in result.dropped)


def test_wiki_page_is_dated_by_its_revision_and_has_no_organisation_for_author(project, tmp_path):
    html = ("<html><head><meta name='generator' content='MediaWiki 1.35'><script type='application/ld+json'>"
            '{"@type":"Article","author":{"@type":"Organization","name":"Contributors to Wikimedia projects"},'
            '"datePublished":"2013-06-23T10:00:00Z"}</script></head><body><div id="content"><h1>t-SNE</h1>'
            f"<div id='mw-content-text'><p>{LONG}</p><p>{LONG}</p></div></div><div id='footer'><ul>"
            "<li id='footer-info-lastmod'> This page was last edited on 25 October 2019, at 15:47</li></ul></div>"
            "</body></html>")
    result, _, _ = imported(project, tmp_path, "tsne.html", html)
    assert (result.title, result.authors, result.date) == ("t-SNE", [], "2019-10-25")


def test_transcript_speakers_and_the_pages_own_date(project, tmp_path):
    html = ("<html><head><meta name='article:published_time' content='2016-12-23T16:42:59-05:00'></head><body>"
            "<div class='content'><h1>WEEKLY ADDRESS: Merry Christmas</h1><p>In this week's address, the President "
            "and the First Lady wished all Americans a Merry Christmas.</p>"
            "<p><a href='https://example.gov/a.mp4'>MP4</a><a href='https://example.gov/a.mp3'>MP3</a></p>"
            "<p><strong>Remarks of President Barack Obama and First Lady Michelle Obama as Delivered</strong></p>"
            "<p><strong>Weekly Address</strong></p><p><strong>The White House</strong></p>"
            f"<p><strong>December 24, 2016</strong></p><p>THE PRESIDENT: {LONG}</p><p>THE FIRST LADY: {LONG}</p>"
            "</div></body></html>")
    result, _, _ = imported(project, tmp_path, "address.html", html)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert result.authors == ["Barack Obama", "Michelle Obama"] and result.date == "2016-12-23"
    assert "**December 24, 2016**" in markdown and "## Weekly Address" not in markdown
    assert "MP4" not in markdown
    assert rec.speakers("Remarks by the President") is None


def test_copied_page_menus_repeated_buttons_pagers_and_comments_are_left_out(project, tmp_path):
    menu = "\n".join(["Home", "Briefing Room", "Your Weekly Address", "Speeches & Remarks", "Press Briefings",
                      "Statements & Releases", "Disclosures"])
    tool = "Download:\nPPT\nPowerPoint slide\nPNG\nlarger image ()\n"
    text = (f"{menu}\nDecember 23, 2016\nThe Water Commission Reviews the Quotas\n\n{LONG}\n\n{tool}\nFigure 1. Quotas.\n\n"
            f"{LONG}\n\n{tool}\nFigure 2. Rivers.\n\n{LONG}\n\n{tool}\nFigure 3. Dams.\n\n{LONG}\n\nPrevious\n"
            f"Chapter 5 - Eliminating Toil\nNext\nChapter 7 - Automation\n\n6 Comments on The Water Commission Reviews the Quotas\n\n"
            f"Hello Stefan,\n\n{LONG}\n\n{menu}\n")
    result, _, _ = imported(project, tmp_path, "quota.txt", text)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert result.title == "The Water Commission Reviews the Quotas" and result.date == "2016-12-23"
    assert markdown.count(LONG) == 4
    for chrome in ("Briefing Room", "PowerPoint slide", "Chapter 5", "Comments", "Hello Stefan"):
        assert chrome not in markdown, chrome
    assert "Figure 2. Rivers." in markdown


def test_copied_journal_front_matter_gives_title_authors_and_date(project, tmp_path):
    text = ("Journal Menu\nAbout this Journal ·\nAims and Scope ·\nResearch Article\n"
            "Effect of Irrigation and Preplant Nitrogen Fertilizer Source on Maize in the Southern Great Plains\n"
            "Jacob T. Bushong, Eric C. Miller, and William R. Raun\n\nDepartment of Plant and Soil Sciences, "
            "Oklahoma State University, Stillwater, OK 74078, USA\n\nReceived 16 June 2014; Revised 26 November 2014; "
            f"Accepted 26 November 2014; Published 17 December 2014\n\nAbstract\n\n{LONG}\n\n{LONG}\n")
    result, _, _ = imported(project, tmp_path, "maize.txt", text)
    assert result.title.startswith("Effect of Irrigation and Preplant")
    assert result.authors == ["Jacob T. Bushong", "Eric C. Miller", "William R. Raun"]
    assert result.date == "2014-12-17"
    plos = ("A Novel Reproductive Mode in Frogs\nDjoko T. Iskandar,\n\nAffiliation: Institut Teknologi Bandung\n\nX\n"
            "Jimmy A. McGuire mail\n\n* E-mail: mcguirej@berkeley.edu\n\nAffiliation: University of California\n\nX\n"
            f"Published: December 31, 2014\nAbstract\n\n{LONG}\n\n{LONG}\n")
    result, _, _ = imported(project, tmp_path, "frog.txt", plos)
    assert (result.title, result.authors, result.date) == ("A Novel Reproductive Mode in Frogs",
                                                           ["Djoko T. Iskandar", "Jimmy A. McGuire"], "2014-12-31")


def test_name_lists_bylines_and_history_lines():
    assert rec.name_list("Jacob T. Bushong, Eric C. Miller, and William R. Raun") == [
        ("Jacob T. Bushong", ""), ("Eric C. Miller", ""), ("William R. Raun", "")]
    assert rec.name_list("Central Asia, Russia and China") is None
    assert rec.parse_byline("By Joe Matazzoni, Wikimedia Foundation June 28th, 2018") == [
        ("Joe Matazzoni", "Wikimedia Foundation")]
    assert rec.parse_byline("Written by Rob Ewaschuk Edited by Betsy Beyer") == [("Rob Ewaschuk", "")]
    assert rec.date_line("Received: May 17, 2014; Accepted: November 23, 2014; Published: December 31, 2014") == \
        "2014-12-31"
    assert rec.revision_date("Последнее изменение этой страницы: 00:11, 4 сентября 2012.") == "2012-09-04"
    assert rec.revision_date("Diese Seite wurde zuletzt am 28. September 2012 um 07:01 Uhr geändert.") == "2012-09-28"


def test_two_articles_of_one_series_get_two_chapters(project, tmp_path):
    for name, title in (("a.txt", "Weekly Address: Tuition-Free College"), ("b.txt", "Weekly Address: Merry Christmas")):
        (tmp_path / name).write_text(f"{title}\n\nBy Joe Biden\n\n{LONG}\n\n{LONG}\n", encoding="utf-8")
    first = import_source(tmp_path / "a.txt", project)
    second = import_source(tmp_path / "b.txt", project)
    assert first.chapter.name == "weekly-address.md"
    assert second.chapter.name == "weekly-address-merry-christmas.md"
