"""Reports as policy institutes publish them: CRS pages (Word-converted HTML, their copied text, a PDF's pages converted
to HTML) and the shapes they showed on pages the importer had not seen (round 8's h- cases of the dev set)."""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import Report
from volume.importer import page_notes
from volume.importer import recognise as rec
from volume.importer.compose import compose
from volume.importer.html import read_html
from volume.importer.text import read_plain, read_text

DEV = Path(__file__).parent / "cases" / "import" / "dev"


def _compose(article, tmp_path: Path) -> str:
    return compose(article, tmp_path / "chapter.md", "en", Report())[0]


def _copied(body: str, notes: list[str]) -> str:
    """A report copied from a browser: title, date, text, then 'Footnotes' with '1.' over each note."""
    listed = "".join(f"{n}.\t\n\n{text}\n\n\n" for n, text in enumerate(notes, 1))
    return f"A Report on Appropriations\nApril 18, 2025 (R00001)\n\n{body}\n\nFootnotes\n{listed}"


def _order(text: str) -> list[str]:
    """The notes' texts in the order of their markers in the chapter."""
    defs = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE))
    return [defs[n] for n in re.findall(r"\[\^(\d+)\](?!:)", text.split("\n[^1]:")[0])]


def test_a_subdivision_in_brackets_and_a_number_before_a_sentence(tmp_path):
    # '1101(a)(6)' numbers a subsection, not note 6; 'included 31.8 The …' is note 8 after the number 31; one
    # missing marker used to stop the 1, 2, 3 pass, and the notes after it were joined out of place
    notes = [f"Source number {n}." for n in range(1, 11)]
    body = ("The measure was enacted.1 It set levels.2 It had limits.3 It was extended.4 It was signed.5\n\n"
            "In setting the baseline, Section 1101(a)(6) of the act leaves out four sections.\n\n"
            "Subsections describe substantive changes6 to current provisions.\n\n"
            "Administration-proposed Changes7\n\n"
            "The request proposed 33 provisions. The act ultimately included 31.8 The request did not include two "
            "provisions, proposed modifying two others compared to their current9 versions, and would add two.10")
    path = tmp_path / "copied.txt"
    path.write_text(_copied(body, notes), encoding="utf-8")
    text = _compose(read_text(path), tmp_path)
    assert _order(text) == notes
    assert "Section 1101(a)(6) of the act" in text
    assert "included 31.[^8] The request" in text


def test_a_copy_in_order_gets_no_second_marker_before_a_notes_own(tmp_path):
    # 'Title V.4' looks like a citation glued after a full stop; in a copy whose markers run 1, 2, 3 it is text, not
    # a second marker of note 4 standing before note 3's (which would put every later note out of place)
    notes = [f"Source number {n}." for n in range(1, 7)]
    body = ("The act passed.1 It set the levels for the year.2\n\nUnder Title V.4 the agency must report each year "
            "to the committees. It had limits.3 It was extended.4 It was signed.5 It ended in the autumn.6")
    path = tmp_path / "copied.txt"
    path.write_text(_copied(body, notes), encoding="utf-8")
    text = _compose(read_text(path), tmp_path)
    assert _order(text) == notes
    assert "Under Title V.4 the agency" in text


def test_a_text_box_laid_out_as_a_one_cell_table_keeps_its_text_and_markers(tmp_path):
    prose = "The department's budget has several parts, and each of them is described in the sections below. " * 3
    page = ("<html><body><h1>A Budget Request</h1><p>" + prose + "First paragraph of the text.<sup><a href='#fn1' name='ifn1'>1"
            "</a></sup></p><div><table><tr><td><p>Availability of Documentation</p><p>While the office has released "
            "some materials, it has not released a full request as of this writing.<sup><a href='#fn2' name='ifn2'>2"
            "</a></sup></p></td></tr></table></div><p>" + prose + "Closing paragraph.<sup><a href='#fn3' name='ifn3'>3</a></sup>"
            "</p><h2>Footnotes</h2><table><tr><td><a href='#ifn1' name='fn1'>1</a>.</td><td><p>Note one.</p></td>"
            "</tr><tr><td><a href='#ifn2' name='fn2'>2</a>.</td><td><p>Note two.</p></td></tr><tr><td>"
            "<a href='#ifn3' name='fn3'>3</a>.</td><td><p>Note three.</p></td></tr></table></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = _compose(read_html(path), tmp_path)
    assert "as of this writing.[^2]" in text
    assert _order(text) == ["Note one.", "Note two.", "Note three."]
    assert "unreferenced" not in text


def test_a_hidden_pop_up_of_references_is_not_the_article_and_a_link_to_two_ids_joins_the_first(tmp_path):
    # a journal page that repeats its references in hidden pop-ups beside each citation: the pop-ups' paragraphs
    # outweigh the text's, but the article is the text; a link to '#CIT0001 CIT0002' points to the first
    refs = "".join(f"<p>Author {n}, A long reference title number {n}, Journal of Things, {2000 + n}, pp. 1-20.</p>"
                   for n in range(1, 40))
    page = ("<html><body><h1>Combustion of Small Things</h1>"
            "<div class='ref-overlay' hidden>" + refs + "</div>"
            "<div class='body'><p>Combustion synthesis is fast and cheap, as earlier studies showed in many ways "
            "<a href='#CIT0001 CIT0002'>1</a>. It needs little energy and gives fine powders of the oxide "
            "<a href='#CIT0002'>2</a>.</p><p>The second paragraph of the text tells more about the method used "
            "here and why it was chosen over the older ones <a href='#CIT0003'>3</a>.</p></div>"
            "<h2>References</h2><ul><li id='CIT0001'>First reference, 2001.</li><li id='CIT0002'>Second reference, "
            "2002.</li><li id='CIT0003'>Third reference, 2003.</li></ul></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = _compose(read_html(path), tmp_path)
    assert "Combustion synthesis is fast and cheap" in text
    assert "A long reference title number 7" not in text
    assert re.search(r"many ways ?\[\^1\]", text)
    assert _order(text) == ["First reference, 2001.", "Second reference, 2002.", "Third reference, 2003."]


def test_a_data_table_is_still_dropped(tmp_path):
    page = ("<html><body><h1>Numbers</h1><p>Some text that is long enough to be read as the body of the page.</p>"
            "<table><tr><td>CBP</td><td>19,755,925</td></tr><tr><td>ICE</td><td>10,881,035</td></tr></table>"
            "</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_html(path)
    assert any("rebuild it in the chapter by hand" in d for d in article.dropped)


PDF_PAGE = """Repairs Backlog at the General {date}
Services Administration
Jane Q. Doe
{summary}
Specialist in Public Policy
Congressional Research Service
\f
link to page 4  link to page 6 Repairs Backlog at the General Services Administration
Contents
Background ...................................................................................... 1
{contents}
Congressional Research Service
\f
Repairs Backlog at the General Services Administration
Background
The government owns many buildings of great value.1 Agencies must repair them.2 Repairs keep buildings
{filler}
{feet}
Congressional Research Service
1
\f
Repairs Backlog at the General Services Administration
The agency reported a backlog.3 It asked for more funds.4
{filler}
3 GAO, Federal Buildings, p. 7.
4 GAO, Federal Buildings, p. 7.
Congressional Research Service
2
\f
"""


def _pdf_text(date: str = "June 12, 2020") -> str:
    filler = "\n".join(f"working at an acceptable level for the people who use them, line {n} of the page." for n in
                       range(14))
    summary = "The agency provides workspace for many federal employees across more than fifty agencies."
    contents = "\n".join(f"Section {n} of the report ........................................ {n + 1}" for n in range(12))
    return PDF_PAGE.format(date=date, summary=summary, filler=filler, contents=contents,
                           feet="1 GAO, Financial Audit, 2018, p. 30.\n2 GAO, Federal Real Property, 2006, p. 6.")


def test_a_pdfs_text_takes_its_title_from_the_running_head_and_keeps_notes_of_the_same_text(tmp_path):
    article = read_plain(_pdf_text(), tmp_path / "copied.txt")
    assert rec.plain(article.title) == "Repairs Backlog at the General Services Administration"
    assert article.date == "2020-06-12"
    assert [a for a, _ in article.authors] == ["Jane Q. Doe"]
    # notes 3 and 4 read the same, next to each other: no running foot, each is a note
    assert [n.number for n in article.notes] == [1, 2, 3, 4]
    text = _compose(article, tmp_path)
    assert "link to page" not in text and "......" not in text


def test_identical_neighbouring_lines_are_no_running_head():
    lines = ["21 GAO, Federal Buildings, p. 7.", "22 GAO, Federal Buildings, p. 7.", "23 GAO, Federal Buildings, p. 7."]
    assert page_notes.furniture_lines(lines) == {}
    spread = [line for page in range(3) for line in ["Head of the Report"] + [f"body line {chr(97 + n)}{chr(97 + page)} of a page"
                                                                               for n in range(20)]]
    assert set(page_notes.furniture_lines(spread).values()) == {"Head of the Report"}


def test_a_pdf_converted_to_html_is_read_as_the_pdfs_text(tmp_path):
    lines = _pdf_text().split("\n")
    html = "".join("<hr/>\n" if line == "\f" else f"{line.replace('&', '&amp;')} <br/>\n" for line in lines)
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = read_html(path)
    assert "read as the PDF's text" in article.recognised[0]
    assert [n.number for n in article.notes] == [1, 2, 3, 4]
    assert rec.plain(article.title) == "Repairs Backlog at the General Services Administration"


def test_an_ordinary_page_with_line_breaks_is_no_pdf(tmp_path):
    poem = "<html><body><h1>A Poem</h1><p>" + "<br/>".join(f"Line {n} of the poem" for n in range(40)) + "</p></body></html>"
    path = tmp_path / "page.html"
    path.write_text(poem, encoding="utf-8")
    article = read_html(path)
    assert not any("PDF" in r for r in article.recognised)


def test_contents_entries_are_no_authors_and_skip_links_are_chrome(tmp_path):
    body = ("Jump to Main Text of Report\nContents\nIntroduction\nBroadcast-Based Distribution System\n"
            "Wireless Emergency Alerts\nNational Alerts and Federal Agencies\n\nIntroduction\n\n"
            "Alerts reach the public through several systems.1\n\nBroadcast-Based Distribution System\n\n"
            "Broadcasters relay the alert.2\n\nWireless Emergency Alerts\n\nPhones receive it.3\n\n"
            "National Alerts and Federal Agencies\n\nAgencies manage the systems.4")
    path = tmp_path / "copied.txt"
    path.write_text(_copied(body, ["One.", "Two.", "Three.", "Four."]), encoding="utf-8")
    article = read_text(path)
    assert article.authors == []
    text = _compose(article, tmp_path)
    assert "Jump to Main Text" not in text
    assert rec.is_chrome_line("Background ........................................ 1")
    assert not rec.is_chrome_line("He waited... and waited. Then 1")
    assert rec.is_licence_statement("This is an open access article under the terms of the Creative Commons "
                                    "Attribution License, which permits use, provided the original work is cited.")
    assert rec.is_licence_statement("Open access funding enabled and organized by Projekt DEAL.")
    assert not rec.is_licence_statement("This is an important article about licences and open access.")
    # a PDF table's figures and a numbered list's item are no headings; a numbered heading is
    assert not rec.is_heading_like("184.7") and not rec.is_heading_like("32.4%")
    assert not rec.is_heading_like("7. aligned real property portfolios with mission needs and disposed of assets; and")
    assert rec.is_heading_like("2.1 Hauptfiguren") and rec.is_heading_like("Background")


def test_names_and_bylines_on_report_pages(tmp_path):
    assert rec.name_list("Full-Year Continuing Resolutions and DHS Appropriations Provisions") is None
    assert rec.name_list("Jacob T. Bushong, Eric C. Miller, and William R. Raun") is not None
    # affiliation letters a copy glues to the names, with the corresponding author's '*'
    assert [n for n, _ in rec.name_list("S. Vivekanandhana, M. Venkateswarlub & N. Satyanarayanaa*")] == [
        "S. Vivekanandhan", "M. Venkateswarlu", "N. Satyanarayana"]
    assert [n for n, _ in rec.name_list("Anna Costa*, Maria Silva")] == ["Anna Costa", "Maria Silva"]
    assert rec.parse_byline("A report by Jane Smith") == [("Jane Smith", "")]
    assert rec.parse_byline("Policy brief by John Doe and Mary Major") == [("John Doe", ""), ("Mary Major", "")]
    assert rec.without_honorifics("Prof. Dr. Hans Müller") == "Hans Müller"
    assert rec.without_honorifics("Dr. Who") == "Dr. Who"  # one word would be left: kept as printed
    path = tmp_path / "copied.txt"
    path.write_text("A Long Title of the Report Here\n\nBy Dr. Anna Schmidt\n\nMarch 3, 2021\n\n"
                    "The first paragraph of the report is long enough to be the body of the text.\n", encoding="utf-8")
    text = _compose(read_text(path), tmp_path)
    assert 'name: "Anna Schmidt"' in text


def test_the_new_crs_cases_join_every_note_in_every_form(tmp_path):
    for case, count in (("h-crs-dhs-budget-fy2026", 43), ("h-crs-dhs-provisions-fy2025", 19),
                        ("h-crs-gsa-repairs-backlog", 29)):
        for name in ("copied.txt", "source.html"):
            source = DEV / case / name
            article = read_text(source) if name.endswith(".txt") else read_html(source)
            text = _compose(article, tmp_path)
            assert len(article.notes) == count, (case, name)
            assert _order(text)[:count] == [n.text for n in sorted(article.notes, key=lambda n: n.number)], (case, name)
            assert "unreferenced" not in text and "note missing" not in text, (case, name)


def test_a_month_only_date_is_left_empty_and_reported(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text("A Long Title of the Report Here\n\nA report by Jane Smith\n\nMarch 2021\n\n"
                    "The first paragraph of the report is long enough to be the body of the text, and it goes on.\n",
                    encoding="utf-8")
    article = read_text(path)
    assert article.date in ("", None)
    assert any("only a month" in r for r in article.recognised)
    assert [a for a, _ in article.authors] == ["Jane Smith"]
    assert "March 2021" not in _compose(article, tmp_path).split("---")[-1]


def test_the_heading_under_a_run_of_menu_lines_stays(tmp_path):
    # a report's contents copied as short lines, then 'Summary' over the first paragraph: the menu-like run is left
    # out, its last line is the text's heading
    entries = "\n".join(["Introduction", "Timeline of Legislative Activity", "The Context", "Budget Structure",
                         "Potential Considerations"])
    path = tmp_path / "copied.txt"
    path.write_text("A Report on the Budget Request\nSeptember 5, 2025 (R00002)\n" + entries + "\nSummary\n\n"
                    + "The department is the third largest agency of the government, and its budget is described "
                      "in the sections of this report one by one. " * 2 + "\n\nIntroduction\n\nMore text of the "
                    "report follows here, long enough to be a paragraph of its own in the body of the chapter.\n",
                    encoding="utf-8")
    text = _compose(read_text(path), tmp_path)
    assert "Summary" in text.split("The department is")[0]
    assert "Budget Structure" not in text
