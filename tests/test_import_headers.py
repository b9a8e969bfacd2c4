"""`volume import` on how real pages set out their title, byline, date and section headings: the dev set's position
paper (bold, italic and typed-asterisk headings) and the header layouts of news and NGO pages in copied text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CASES, copy_case
from volume.config import find_manifest, load_manifest
from volume.diagnostics import Report, VolumeError
from volume.importer import import_source
from volume.importer import recognise as rec
from volume.load import load_volume
from volume.transforms import run_transforms

YPART = CASES / "import" / "dev" / "ypart-gmk-datenerhebung"
BODY = ("Die Studie wertet Werbeausgaben von dreiundvierzig Firmen aus und misst, wie viel Strom jede Anzeige braucht, "
        "vom Server bis zum Bildschirm der Leserinnen und Leser.\n\nDie Ergebnisse zeigen große Unterschiede zwischen "
        "den Seiten, und die Verfasser empfehlen den Firmen, ihre Partner sorgfältiger auszuwählen als bisher.\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


def imported(project: Path, tmp_path: Path, source: Path | str, name: str = "article.txt"):
    """Import a file (or text saved as `name`); the result and the chapter as the build reads it."""
    if isinstance(source, str):
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        source = path
    result = import_source(source, project)
    report = Report()
    volume = run_transforms(load_volume(load_manifest(find_manifest(project)), report), report)
    return result, next(c for c in volume.chapters if c.id == result.chapter.stem)


def _headings(chapter) -> list[str]:
    found = re.findall(r"<h[2-6][^>]*>(.*?)</h[2-6]>", chapter.body.xhtml())
    return [rec.squash(re.sub(r"<[^>]+>", "", h)) for h in found]


@pytest.mark.parametrize("form", ["source.html", "copied.txt", "made.docx"])
def test_position_paper_keeps_its_bold_italic_and_typed_headings(project, tmp_path, form):
    """The GMK paper heads its sections with bold paragraphs, its numbered subsections with italic ones (one typed
    as '*4) … *'), and prints a discussion counter under every section: all headings kept, no counter left."""
    expected = json.loads((YPART / "expected.json").read_text(encoding="utf-8"))
    result, chapter = imported(project, tmp_path, YPART / form)
    assert _headings(chapter) == expected["headings"]
    assert result.title == expected["title"]  # in the copied text, not the group's name over its menu
    text = rec.squash(chapter.body.xhtml())
    assert not re.search(r"\d+ (?:Diskussionen|Änderungsvorschläge)", text)
    assert all(" ".join(p.split()) in text for p in expected["paragraphs"])


def test_copied_text_title_between_dated_kicker_and_byline(project, tmp_path):
    """'1. November 2023 | ak 698 | Deutschland' / headline / standfirst / 'Von A': the headline is the title, the
    kicker gives the date, the standfirst stays the first paragraph."""
    text = ("Zeitung für Debatte\nMenü\nPolitik\nThema\n\n1. November 2023 |ak 698 | Deutschland\n\n"
            "… und jetzt der neue Streit\n\nBöller, Freibäder, Clans – im Monatstakt schaffen neue Debatten "
            "Gefahrenlagen und legitimieren eine harte Politik\n\nVon Simin Beispiel\n\n" + BODY)
    result, chapter = imported(project, tmp_path, text)
    assert (result.title, result.authors, result.date) == ("… und jetzt der neue Streit", ["Simin Beispiel"],
                                                            "2023-11-01")
    assert "Böller, Freibäder, Clans" in chapter.body.xhtml()


def test_copied_text_photo_credit_under_title_and_translator_line(project, tmp_path):
    """Headline ending in '!', a photographer's name under it, the standfirst, 'Autor A:' and a translator's credit
    with a two-digit year: A is the author, the name under the title is a credit, the date is the credit's."""
    text = ("Umwelt\nLösung\n\nDu wirst nicht glauben, wie viel Strom Werbung braucht!\nNenad Fotograf\n"
            "Eine neue Studie zeigt die Folgen von Werbeseiten für Klima und Geldbeutel.\n\nAutor Mark Beispiel:\n\n"
            "EN\n\nÜbersetzung Sarah Übersetzerin, 12.12.22\n\n" + BODY)
    result, chapter = imported(project, tmp_path, text)
    assert (result.title, result.authors, result.date) == ("Du wirst nicht glauben, wie viel Strom Werbung braucht!",
                                                            ["Mark Beispiel"], "2022-12-12")
    assert "Nenad Fotograf" not in chapter.body.xhtml() and "Übersetzung" not in chapter.body.xhtml()
    assert any("Nenad Fotograf" in d for d in result.dropped)


def test_copied_text_name_alone_under_standfirst_is_the_author(project, tmp_path):
    """Kicker / title / long standfirst / the author's name alone / 'Veröffentlicht am 06.10.2023': the name is the
    author; a caption later that opens 'Autorin und …' is no byline."""
    text = ("Jetzt spenden\nLeseempfehlung\nMit Mündigkeit die Welt retten\nLeena Beispiel will die Welt retten. Sie "
            "findet, das geht nur, indem wir alle gemeinsam unsere Haltung gegenüber digitaler Technik ändern und mehr "
            "Verantwortung übernehmen.\nLeena Beispiel\nVeröffentlicht am 06.10.2023 (Letztes Update: 06.10.2023)\n\n"
            + BODY + "\nAutorin und Netzphilosophin Leena Beispiel\n\nMehr Text folgt hier, damit der Artikel "
            "weitergeht und die Bildunterschrift mitten im Text steht, wie auf der Seite.\n")
    result, chapter = imported(project, tmp_path, text)
    assert (result.title, result.authors, result.date) == ("Mit Mündigkeit die Welt retten", ["Leena Beispiel"],
                                                            "2023-10-06")
    assert "Leena Beispiel will die Welt retten" in chapter.body.xhtml()  # the standfirst is kept in the text


def test_byline_of_an_organisation_glued_to_its_date(project, tmp_path):
    text = ("News\n\nAccess to the encyclopedia restored after two and a half years\nBy Example Foundation•15 January "
            "2020\n\nToday the foundation received reports that access to the encyclopedia is being restored, after "
            "a ruling by the constitutional court that the block was unconstitutional.\n\nWe are thrilled that "
            "readers will once again be able to take part in the largest conversation about their history online.\n"
            "\nRelated — Relacionado\nRead further in the pursuit of knowledge\nStay up-to-date on our work.\n")
    result, chapter = imported(project, tmp_path, text)
    assert (result.authors, result.date) == (["Example Foundation"], "2020-01-15")
    assert "Read further" not in chapter.body.xhtml() and "Stay up-to-date" not in chapter.body.xhtml()


def test_dates_and_bylines_in_the_forms_pages_print():
    assert rec.date_line("1. November 2023 |ak 698 | Deutschland") == "2023-11-01"
    assert rec.date_line("March 3, 2021 · Analysis") == "2021-03-03"
    assert rec.date_line("12.12.22") == "2022-12-12"
    assert rec.date_line("1. November 2023 | Die Regierung hat heute beschlossen, was kommt.") is None
    assert rec.parse_byline("Autor Mark Beispiel:") == [("Mark Beispiel", "")]
    assert rec.parse_byline("Autorin und Netzphilosophin Leena Beispiel", labelled_only=True) is None
    assert rec.parse_byline("By Jane Doe, Director, Example Foundation") == [("Jane Doe", "Director, Example Foundation")]
    assert rec.is_stop_line("Related — 有關") and not rec.is_heading_like("“Es ist nicht zu wenig Zeit.”1")


def test_word_file_of_a_page_whose_main_element_is_empty_says_what_to_import(project, tmp_path):
    """pandoc keeps only a page's role="main" element; where a site leaves it empty the Word file holds only the
    title: refused with P003, pointing to the page or its copied text."""
    import pypandoc

    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Meeting with the Governor</title></head><body><div role="main"></div>'
                    "<div><h1>Meeting with the Governor</h1><p>The President met the Governor to discuss roads."
                    "</p></div></body></html>", encoding="utf-8")
    docx = tmp_path / "page.docx"
    pypandoc.convert_file(str(page), "docx", format="html", outputfile=str(docx), sandbox=True)
    with pytest.raises(VolumeError) as caught:
        import_source(docx, project)
    item = caught.value.report.items[0]
    assert item.code == "P003" and "Meeting with the Governor" in item.message and ".html" in item.message


def test_copied_text_labels_set_apart_from_their_values(project, tmp_path):
    """'Autor:' / 'Jane Example' and 'Veröffentlicht am' / '3. März 2021' on lines of their own (label and value in
    separate blocks of the page): read as one byline and one date line."""
    text = ("Site Name\nMenü\n\nA Long Title For The Article Here\n\nAutor:\nJane Example\n\nVeröffentlicht am\n"
            "3. März 2021\n\n" + BODY)
    result, chapter = imported(project, tmp_path, text)
    assert (result.title, result.authors, result.date) == ("A Long Title For The Article Here", ["Jane Example"],
                                                            "2021-03-03")
    assert "Autor" not in chapter.body.xhtml() and "Veröffentlicht" not in chapter.body.xhtml()


def test_page_bold_first_line_broken_off_its_paragraph_is_a_heading(project, tmp_path):
    page = ("<html><head><title>Holding companies to account | Example</title></head><body><main><article>"
            "<h1>Holding companies to account</h1><p class='byline'>By Jane Example</p><p>March 3, 2021</p>"
            "<p>Companies operate across borders and their activities can harm people and the places where they "
            "live and work every day.</p><p><strong>Why it matters</strong><br>When companies abuse rights, people "
            "lose their homes, their health and their livelihoods, and often have no remedy.</p><p>We campaign for "
            "laws that require companies to respect human rights throughout their operations.</p>"
            "<p>Follow us on Twitter</p><p>Follow us on a journey through the mountains and valleys of Georgia, "
            "where rivers cross borders.</p></article></main></body></html>")
    result, chapter = imported(project, tmp_path, page, "page.html")
    assert _headings(chapter) == ["Why it matters"]
    body = chapter.body.xhtml()
    assert "When companies abuse rights" in body and "Follow us on Twitter" not in body
    assert "Follow us on a journey" in body  # a sentence that opens like a share bar stays
    assert (result.authors, result.date) == (["Jane Example"], "2021-03-03")


def test_sentences_that_open_like_a_notice_stay_in_the_text():
    """A paragraph of the text may open with 'Copyright' or 'Creative Commons', or say 'in your inbox': only a short
    notice or box line is chrome."""
    for sentence in ("Copyright law in Kazakhstan was reformed in 2015 to follow the European directive on terms.",
                     "Creative Commons licenses give everyone from creators to institutions a way to grant permission.",
                     "Phishing messages often land in your inbox looking like a bank, and we explain how to spot them "
                     "before anyone clicks on the link they carry."):
        assert not rec.is_chrome_line(sentence) and not rec.is_closing_line(sentence)
    for notice in ("Copyright © 2020 The Sound Of Science.", "Get the latest news in your inbox",
                   "Creative Commons Attribution 4.0 International"):
        assert rec.is_chrome_line(notice) or rec.is_closing_line(notice)


def test_page_name_beside_the_date_is_the_author(project, tmp_path):
    """A page (or a Word file made from one) that sets the author's name alone next to the date, no byline markup."""
    page = ("<html><head><title>Mit Mündigkeit die Welt retten</title></head><body><main>"
            "<h1>Mit Mündigkeit die Welt retten</h1><p>Leena Beispiel will die Welt retten. Sie findet, das geht "
            "nur gemeinsam.</p><p>Leena Beispiel</p><p>Veröffentlicht am 06.10.2023</p>"
            + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</main></body></html>")
    result, chapter = imported(project, tmp_path, page, "page.html")
    assert (result.authors, result.date) == (["Leena Beispiel"], "2023-10-06")
    assert "Leena Beispiel will die Welt retten" in chapter.body.xhtml()
