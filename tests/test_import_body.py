"""The body of real pages (issue 16, round 15): a journal's furniture as a copy keeps it (affiliations under mark
lines, 'External Editor:', 'Keywords:' over its list, figure boxes' download links and DOIs, 'Click here to …') out
of the headings and the text; text laid out in a table's rows read as the article; credit lines as credits; and the
dev-r15b pages (interviews, a table-laid page), which keep every paragraph in every form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES
from volume.importer import recognise as rec
from volume.importer.docx import docx_as_html, read_docx
from volume.importer.html import read_html
from volume.importer.text import read_plain, read_text

SET = CASES / "import" / "dev-r15b"
BODY = ("Fusarium head blight is a significant disease of wheat, barley and small grain cereals, causing high yield "
        "loss worldwide and leaving mycotoxins in the grain that reach food and feed.")

COPIED_JOURNAL = f"""Metabolites 2014, 4(4), 932-945; doi:10.3390/metabo4040932

Article
Volatile Metabolite Profiling of Durum Wheat Kernels
Barbara Laddomada 1, Laura Del Coco 2,* and Antonio F. Logrieco 1
1
Institute of Sciences of Food Production, Via Amendola 122/O, 70125 Bari, Italy; E-Mail: b.l@example.org
2
Department of Biology, University of Salento, 73100 Lecce, Italy
*
Author to whom correspondence should be addressed; E-Mail: l.dc@example.org
External Editor: Peter Meikle
Received: 1 August 2014; Accepted: 10 October 2014 /
Published: 17 October 2014
Abstract
{BODY}
Keywords:
Fusarium poae; durum wheat; volatile metabolites
1. Introduction

{BODY} It was studied in depth.

Click here to display table

Figure 1. A score plot of the samples analysed on days 0, 1 and 2.

Click here to enlarge figure

doi:10.1371/journal.pone.0111303.g003
Download:
PPT
PowerPoint slide
larger image ()

2. Results

{BODY} The results differ.
"""


def _headings(article) -> list[str]:
    return [b.plain for b in article.blocks if b.kind == "heading"]


def test_a_copied_journal_header_and_figure_boxes_are_neither_headings_nor_text():
    article = read_plain(COPIED_JOURNAL, Path("wheat.txt"))
    assert _headings(article) == ["Abstract", "1. Introduction", "2. Results"]
    text = "\n".join(b.plain for b in article.blocks)
    for furniture in ("Institute of Sciences", "University of Salento", "correspondence", "External Editor",
                      "Received:", "Fusarium poae; durum wheat", "Click here", "Download", "PPT", "PowerPoint",
                      "larger image", ".g003"):
        assert furniture not in text, furniture
    assert text.count(BODY) == 3  # the abstract and both sections kept whole
    assert "Figure 1. A score plot of the samples analysed on days 0, 1 and 2." in text
    dropped = "\n".join(article.dropped)
    assert "External Editor: Peter Meikle" in dropped and "Keywords: Fusarium poae" in dropped
    assert "University of Salento" in dropped


def test_journal_label_lines_and_figure_box_lines():
    assert rec.journal_furniture("External Editor: Peter Meikle")
    assert rec.journal_furniture("Academic Editor: Jane Roe, University of Bath, United Kingdom")
    for line in ("Download:", "PowerPoint slide", "larger image ()", "original image ()",
                 "doi:10.1371/journal.pone.0111303.g003", "doi:10.1371/journal.pone.0111303.t002",
                 "Click here to enlarge figure", "Click here to display table", "Sound on Sound off Play Pause"):
        assert rec.is_chrome_line(line), line
    for line in ("DOI: http://dx.doi.org/10.7554/eLife.04407.014", "Play the game again tomorrow",
                 "Download the data and click here to see how to read them."):
        assert not rec.is_chrome_line(line), line  # (an eLife figure's DOI line under its legend is the text's)


def test_a_keywords_line_away_from_a_journal_is_left_out_too():
    text = f"A title of a post\n\n{BODY}\n\nKeywords:\nwheat; barley; rye\n\nMore words\n\n{BODY} Again.\n"
    article = read_plain(text, Path("post.txt"))
    assert "wheat; barley; rye" not in _headings(article)
    assert all("wheat; barley; rye" not in b.plain for b in article.blocks)


@pytest.mark.parametrize("line", ["Photocredits MYMARINI: Christin Schwarzer", "Photo credits: Jane Roe",
                                  "Bildnachweis: Pixabay", "Фото: пресс-служба", "Image source: Wikimedia Commons"])
def test_credit_lines(line):
    assert rec.is_credit(line)
    assert not rec.is_heading_like(line)


def test_image_processing_is_no_credit():
    assert not rec.is_credit("Image processing: we used ImageJ for every slide of the series")


PARAGRAPH = "Paragraph {} of the history: the mill was rebuilt after the flood of 18{:02d}, and the village worked it."


def _old_page(content: str) -> str:
    nav = "<td width=150><a href='/'>Home</a><br><a href='/a'>About us</a><br><a href='/b'>Links</a></td>"
    return (f"<html><head><title>The Mill</title></head><body><table width=760><tr><td colspan=2><font size=6>Village "
            f"history society</font></td></tr><tr>{nav}<td valign=top>{content}</td></tr><tr><td colspan=2><font "
            f"size=1>Copyright 2003 Village history society</font></td></tr></table></body></html>")


@pytest.mark.parametrize("rows", [
    lambda ps: "".join(f"<tr><td>{p}</td></tr>" for p in ps),  # a paragraph a row
    lambda ps: "".join(f"<tr><td width=20>&nbsp;</td><td>{p}</td></tr>" for p in ps),  # a spacer cell beside each
])
def test_an_article_laid_out_in_a_table_a_paragraph_a_row_is_read_whole(tmp_path, rows):
    paragraphs = [PARAGRAPH.format(i, i) for i in range(12)]
    page = tmp_path / "mill.html"
    page.write_text(_old_page("<table width=100%><tr><td><b>The history of the mill</b></td></tr>"
                              + rows(paragraphs) + "</table>"), encoding="utf-8")
    article = read_html(page)
    text = [b.plain for b in article.blocks]
    assert all(p in text for p in paragraphs)
    assert not any("Home" == t or "Copyright 2003" in t for t in text)


def test_a_data_table_of_short_cells_is_still_left_out(tmp_path):
    rows = "".join(f"<tr><td>Site {i}</td><td>{i * 3}</td><td>{i * 7}%</td></tr>" for i in range(8))
    page = tmp_path / "data.html"
    page.write_text(f"<html><body><article><h1>Counts</h1><p>{BODY}</p><table>{rows}</table><p>{BODY} More.</p>"
                    "</article></body></html>", encoding="utf-8")
    article = read_html(page)
    assert not any(b.plain.startswith("Site 3") for b in article.blocks)
    assert any("a table at line" in d for d in article.dropped)


def _case_reads(case: Path):
    yield "html", read_html(case / "source.html")
    yield "txt", read_text(case / "copied.txt")
    docx = case / "made.docx"
    yield "docx", read_html(docx, docx_as_html(docx, read_docx(docx)))


def _body(article) -> str:
    return " ".join(" ".join(b.plain.split()) for b in article.blocks)


@pytest.mark.parametrize("case", sorted(p.name for p in (SET / "fit").iterdir()))
def test_dev_r15b_pages_keep_every_paragraph_in_every_form(case):
    folder = SET / "fit" / case
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for form, article in _case_reads(folder):
        body = _body(article).replace("*", "").replace("\\", "")
        lost = [p for p in expected["paragraphs"] if " ".join(p.split()).replace("*", "")[:60] not in body]
        assert not lost, (form, lost[:3])


QA = [("Interviewer", "What did you learn in year {} of the work on the river survey and its many gauges?"),
      ("Jane Roe", "In year {} we learnt that the gauges drift, and that the people who read them know more than our models.")]


@pytest.mark.parametrize("holder", ["div", "p"])
def test_paragraphs_ended_by_a_double_break_stay_paragraphs_with_their_speaker(tmp_path, holder):
    turns = [f"<b>{who}:</b> {what.format(i)}" for i in range(6) for who, what in QA]
    page = tmp_path / "interview.html"
    page.write_text(f"<html><body><article><h1>Jane Roe on rivers</h1><{holder}>{'<br><br>'.join(turns)}</{holder}>"
                    f"</article></body></html>", encoding="utf-8")
    paragraphs = [b.text for b in read_html(page).blocks if b.kind == "para"]
    for i in range(6):
        assert f"**Interviewer:** {QA[0][1].format(i)}" in paragraphs
        assert f"**Jane Roe:** {QA[1][1].format(i)}" in paragraphs


def test_an_address_broken_by_double_breaks_is_no_run_of_paragraphs(tmp_path):
    page = tmp_path / "address.html"
    page.write_text(f"<html><body><article><h1>Contact</h1><p>{BODY}</p><p>Village history society<br><br>12 Mill "
                    "Lane<br><br>Bakewell</p></article></body></html>", encoding="utf-8")
    assert not any(b.plain == "12 Mill Lane" and b.kind == "para" and not b.broken for b in read_html(page).blocks)
