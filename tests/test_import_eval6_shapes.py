"""`volume import` on shapes of round 14's tuning pages (issue 16; tests/cases/import/dev-eval6/fit and dev-r13/fit,
each case's SOURCE.md gives its address and licence): a journal's affiliation superscripts and supplementary-file
boxes, 'Return to text' back links in and under a reference list, a journal copy's title over its list of authors,
'Editor:' furniture, a blog's own list of links."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import copy_case
from tests.test_import_forms import imported
from volume.importer import recognise as rec
from volume.importer.notes import clean_note_text
from volume.importer.page_chrome import chrome_kind

CASES = Path(__file__).parent / "cases" / "import"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


def case_file(tmp_path: Path, case: str, name: str) -> str:
    return (CASES / case / name).read_text(encoding="utf-8")


def note_texts(chapter) -> list[str]:
    """The chapter's notes in the order of their first markers (a note cited twice is printed twice)."""
    return list(dict.fromkeys(n.text for n in chapter.notes))


def test_bmc_page_keeps_list_numbering_past_affiliations_and_supplement_boxes(project, tmp_path):
    # '<sup>8</sup> Muséum National …' (reference 8 is cited only inside '[6-9]') is an affiliation, no marker;
    # 'Additional file 2' cites 72 and 73 only in a download box, which is page chrome
    result, chapter, _ = imported(project, tmp_path, "lion.html",
                                  case_file(tmp_path, "dev-eval6/fit/bmc-lion-mtdna", "source.html"))
    texts = note_texts(chapter)
    assert len(texts) == 73
    assert texts[0].startswith("Mellows A, Barnett R") and texts[7].startswith("Servheen C, Herrero S")
    assert texts[71].startswith("Swofford DL") and texts[72].startswith("Cracraft J")
    assert not any("Return to text" in t for t in texts)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Format: PDF" not in markdown and "^8^ Muséum National" in markdown


def test_bmc_copy_reads_notes_closed_by_return_to_text_lines(project, tmp_path):
    result, chapter, _ = imported(project, tmp_path, "lion.txt",
                                  case_file(tmp_path, "dev-eval6/fit/bmc-lion-mtdna", "copied.txt"))
    texts = note_texts(chapter)
    assert len(texts) == 73
    assert texts[0].startswith("Mellows A") and "Proc Biol Sci 2012" in texts[0]  # its two paragraphs, one note
    assert texts[17].startswith("IUCN Red List of Threatened Species")  # no back link: closed by its 'webcite'
    assert texts[18].startswith("Barnett R, Yamaguchi N, Barnes I, Cooper A: Lost populations")
    assert "Format: PDF Size: 226KB" not in result.chapter.read_text(encoding="utf-8")


def test_return_to_text_is_taken_off_a_notes_end():
    note = ("Swofford DL: *PAUP\\*. Phylogenetic Analysis Using Parsimony (\\*and Other Methods) v4.0b10*. "
            "Sunderland, Massachusetts: Sinauer Associates; 2002. Return to text")
    assert clean_note_text(note).endswith("Sinauer Associates; 2002.")
    assert clean_note_text("Go to the text of the treaty") == "Go to the text of the treaty"


def test_a_supplementary_file_box_is_chrome_a_figure_is_not():
    box = lxml.html.fromstring(
        "<div class='addfile'><p><strong>Additional file 1: Figure S1.</strong> Schematic of contig overlaps "
        "indicating their amplification positions along 1140bp of cytochrome <em>b.</em></p><p>Format: PDF "
        "Size: 226KB <a href='http://www.biomedcentral.com/content/supplementary/1471-2148-14-70-s1.pdf'>"
        "Download file</a></p><p>This file can be viewed with: <a href='http://www.adobe.com/'>Adobe Acrobat "
        "Reader</a></p></div>")
    assert chrome_kind(box) == "download box"
    figure = lxml.html.fromstring("<div><p><strong>Figure 1.</strong> A map of the source areas for the lion "
                                  "samples. <a href='f1.png'>Download figure</a></p></div>")
    assert chrome_kind(figure) is None


def test_journal_label_lines_are_no_headings():
    for line in ("Editor: Qi Wang, Institute of Botany, China", "Academic Editor: Robert J. Kremer",
                 "DOI: 10.1371/journal.pone.0111303", "Published: October 29, 2014"):
        assert rec.journal_furniture(line) and not rec.is_heading_like(line)
    assert not rec.journal_furniture("Editorial Board") and rec.is_heading_like("Materials and Methods")


def test_plos_copy_title_stands_over_its_list_of_authors(project, tmp_path):
    result, chapter, _ = imported(project, tmp_path, "amber.txt",
                                  case_file(tmp_path, "dev-r13/fit/plos-amber-terpenoids", "copied.txt"))
    assert chapter.title_text.startswith("Terpenoid Compositions and Botanical Origins")
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "## Editor" not in markdown


def test_a_blogs_own_link_list_under_its_last_paragraph_is_kept(project, tmp_path):
    result, _, _ = imported(project, tmp_path, "barcamp.html",
                            case_file(tmp_path, "dev-eval6/fit/murdelta-barcamp-graz", "source.html"))
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Infos allgemein: [Barcamp Graz]" in markdown and "Hashtag [#bcg15]" in markdown
