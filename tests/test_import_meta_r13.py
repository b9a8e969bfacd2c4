"""Header shapes round 13 fixed (issue 16): a CMS's account name beside the text's own contribution line, a wiki's
tagline under its title, a byline's label and its name on lines of their own, a byline-and-date line far above the
text's first long paragraph, a page <title> parted at ' | ' only, a closing 'Created …' line, Turkish names and
comma lists in bylines; and the real pages of tests/cases/import/dev-r13-meta/fit read right, saved and copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_import_meta_title_lines import BODY  # (three paragraphs of text under a header)
from volume.importer import header_reader
from volume.importer import recognise as rec
from volume.importer.html import read_html
from volume.importer.text import read_plain

FIT = Path(__file__).parent / "cases" / "import" / "dev-r13-meta" / "fit"


def _read(text: str):
    return read_plain(text, Path("article.txt"))


def test_contribution_line_names_the_writer_over_the_cms_account():
    article = _read("Field Notes on the Upper Valley\n\nGespeichert von human am 7. Juli 2019 - 18:44\n\n"
                    "Blog Beitrag von Margarita Koreneva\n\n" + BODY)
    assert [name for name, _ in article.authors] == ["Margarita Koreneva"]
    assert article.date == "2019-07-07"
    assert not any("Beitrag von" in b.plain for b in article.blocks)


def test_contribution_line_leaves_a_named_author_alone():
    article = _read("Field Notes on the Upper Valley\n\nBy Dana Whitfield\n\nA guest post by Chris Miller\n\n" + BODY)
    assert [name for name, _ in article.authors] == ["Dana Whitfield"]


@pytest.mark.parametrize("tagline", ["From Wikipedia, the free encyclopedia", "Aus Wikipedia, der freien Enzyklopädie",
                                     "Материал из Википедии — свободной энциклопедии",
                                     "Un article de Wikipédia, l'encyclopédie libre", "Vikipedi, özgür ansiklopedi"])
def test_wiki_tagline_marks_the_title_over_it(tagline):
    article = _read(f"Upper Valley\n{tagline}\nJump to: navigation, search\n\nExperiments\nSurvey of the Plains "
                    "(\"SP\")\nMicrowave Background\nProbe (MBP)\n\n" + BODY)
    assert article.title == "Upper Valley"
    assert not article.authors
    assert not any(tagline[:12] in b.plain for b in article.blocks)


def test_byline_label_and_name_on_lines_of_their_own():
    article = _read("Field Notes on the Upper Valley\n\nVon\n\nRobert\n\n-\n\n31. Dezember 2019\n\n" + BODY)
    assert [name for name, _ in article.authors] == ["Robert"]
    assert article.date == "2019-12-31"


def test_byline_and_date_line_far_above_the_first_long_paragraph():
    lists = "\n".join(f"Step {n}: a short instruction for the class" for n in range(1, 20))
    article = _read("Große Fragen\nZum Inhalt springen\nStartseite\nWürde des Lebens – ein Projekt\n"
                    "Veröffentlicht am 13. März 2019 von Michael Veeser-Dombrowski\n\n"
                    "Dieses Thema eignet sich gut für individuelles Lernen, und es gibt dazwischen vier Anregungen:\n\n"
                    + lists + "\n\nDabei gelten ein paar wichtige Regeln\n\n" + BODY)
    assert article.title == "Würde des Lebens – ein Projekt"
    assert [name for name, _ in article.authors] == ["Michael Veeser-Dombrowski"]
    assert article.date == "2019-03-13"


def test_no_name_ends_in_a_particle():
    assert header_reader.byline_names("Würde des Lebens – ein Projekt", None) is None
    assert header_reader._name_only("Würde des Lebens – ein Projekt") is None


def test_page_title_parted_at_the_pipe_keeps_the_articles_dash():
    page = ("<html><head><title>Würde des Lebens – ein Projekt | Große Fragen</title></head><body>"
            "<p>Große Fragen</p><p>" + BODY.replace("\n\n", "</p><p>") + "</p></body></html>")
    article = read_html(Path("page.html"), page)
    assert article.title == "Würde des Lebens – ein Projekt"


def test_closing_created_line_gives_the_date():
    article = _read("CDPATH replacements\n\n" + BODY + "\nCreated late in the afternoon of Sunday, October 18th, "
                    "2020. Edited late in the afternoon of Sunday, October 18th, 2020.\n")
    assert article.date == "2020-10-18"
    assert not any(b.plain.startswith("Created") for b in article.blocks)


@pytest.mark.parametrize("line, names", [
    ("Yazar: Ayşe Yılmaz", ["Ayşe Yılmaz"]), ("Yazan: İlhan Şahin", ["İlhan Şahin"]),
    ("Yazar: Ayşe Yılmaz ve Mehmet Demir", ["Ayşe Yılmaz", "Mehmet Demir"]),
    ("Автор: Иван Петров, Мария Сидорова", ["Иван Петров", "Мария Сидорова"]),
    ("Par Marie Dupont, correspondante à Paris", ["Marie Dupont"]), ("By Evan Halper, Staff Writer", ["Evan Halper"]),
])
def test_header_reader_bylines_in_five_languages(line, names):
    assert header_reader.byline_names(line, True) == names


@pytest.mark.parametrize("case", sorted(p.name for p in FIT.iterdir() if p.is_dir()))
@pytest.mark.parametrize("form", ["source.html", "copied.txt"])
def test_dev_r13_meta_fit_pages_read_right(case, form):
    expected = json.loads((FIT / case / "expected.json").read_text(encoding="utf-8"))
    path = FIT / case / form
    article = read_html(path) if form.endswith(".html") else read_plain(path.read_text(encoding="utf-8"), path)
    assert rec.key(rec.plain(article.title)).rstrip(".") == rec.key(expected["title"]).rstrip(".")
    assert [name for name, _ in article.authors] == expected["authors"]
    assert article.date == expected["date"]


def test_wiki_page_names_no_author_and_takes_its_revision_date():
    article = _read("President of the Valley Council\nFrom Wikipedia, the free encyclopedia\nJump to: navigation, "
                    "search\n\nCouncil Standard\nCouncil Seal\n\nInaugural holder\tJohn Example\nApril 30, 1789\n\n"
                    + BODY + "\nThis page was last modified on 23 August 2012 at 14:02.\n")
    assert article.title == "President of the Valley Council"
    assert not article.authors
    assert article.date == "2012-08-23"


CATALOGUE = ("The Project Gutenberg EBook of Guernsey Folk Lore, by Edgar MacCulloch\n\nTitle: Guernsey Folk Lore\n"
             "       a collection of popular superstitions\n\nAuthor: Edgar MacCulloch\n\nRelease Date: August 18, "
             "2016 [EBook #52834]\n\n*** START OF THIS PROJECT GUTENBERG EBOOK GUERNSEY FOLK LORE ***\n\n\n")


def test_etext_catalogue_gives_the_author_and_the_title_page_line():
    article = _read(CATALOGUE + "GUERNSEY FOLK-LORE.\n\nSIR EDGAR MacCULLOCH\n\nIn his Robes as Bailiff.\n\n"
                    "“IN WINTER’S TEDIOUS NIGHTS SIT BY THE FIRE\nWITH GOOD OLD FOLKS, AND LET THEM TELL THEE TALES\n"
                    "OF WOEFUL AGES LONG AGO BETID.”\n\nAUTHOR’S PREFACE.\n\n" + BODY)
    assert rec.key(rec.plain(article.title)) == "guernsey folk-lore"
    assert [name for name, _ in article.authors] == ["Edgar MacCulloch"]


def test_etext_catalogue_authors_in_a_saved_page():
    page = ("<html><head><title>GUERNSEY FOLK-LORE</title></head><body><pre>" + CATALOGUE + "</pre>"
            "<h1>GUERNSEY FOLK-LORE.</h1><p>" + BODY.replace("\n\n", "</p><p>") + "</p></body></html>")
    article = read_html(Path("page.html"), page)
    assert [name for name, _ in article.authors] == ["Edgar MacCulloch"]


def test_site_in_brackets_after_the_page_title_is_cut():
    page = ("<html><head><title>Loss of wwox expression in zebrafish embryos [PeerJ]</title></head><body><p>"
            + BODY.replace("\n\n", "</p><p>") + "</p></body></html>")
    assert read_html(Path("page.html"), page).title == "Loss of wwox expression in zebrafish embryos"


def test_h1_the_title_names_beats_a_logo_h1_outside_the_article():
    page = ("<html><head><title>Oktoberfest – Wikipedia</title><link rel='canonical' "
            "href='https://de.wikipedia.org/wiki/Oktoberfest'></head><body><div class='header'><h1><img alt='Wikipedia'>"
            "<sup>β</sup></h1></div><h1>Oktoberfest</h1><div id='content'><p>"
            + BODY.replace("\n\n", "</p><p>") + "</p></div></body></html>")
    assert read_html(Path("page.html"), page).title == "Oktoberfest"
