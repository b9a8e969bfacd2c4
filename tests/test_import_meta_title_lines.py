"""Plain text's header in the shapes round 12 fixed: a title set over several short lines (a title page), an
e-text archive's catalogue header round the work, a section heading under the title that is no author's name, and
the header reader's title competing with the rules' (a kicker over the headline)."""

from __future__ import annotations

from pathlib import Path

from volume.importer import header_reader
from volume.importer import recognise as rec
from volume.importer.text import read_plain

BODY = ("The survey walked the length of the valley twice, once in the dry season and once after the rains, and "
        "counted every mound, wall and scatter of sherds it could see from the paths the farmers use.\n\n"
        "Most of what it found lies within a day's walk of the river, and the richest graves stand on the low "
        "terraces just above the flood line, where the soil is deep and easy to dig with simple tools.\n\n"
        "The finds are described below by the places they came from, beginning with the upper valley and ending "
        "with the coast, so that the changes from one district to the next can be followed on the map.\n")


def _read(text: str):
    return read_plain(text, Path("article.txt"))


def test_capitals_title_over_several_lines_is_one_title_with_its_subtitle():
    article = _read("THE\nPOTTERY OF THE UPPER VALLEY\nITS MAKERS AND THEIR MARKETS\nBY\nA. B. CASTELLANO, M.A.\n\n"
                    + BODY)
    assert rec.key(article.title) == "the pottery of the upper valley: its makers and their markets"
    assert [name for name, _ in article.authors] == ["A. B. CASTELLANO"]  # (the degree is no second author)
    assert not any("POTTERY" in b.plain for b in article.blocks)


def test_lines_broken_at_connecting_words_are_joined():
    article = _read("ANCIENT GRAVES\nOF THE\nUPPER VALLEY\n\n" + BODY)
    assert rec.key(article.title) == "ancient graves of the upper valley"


def test_menu_lines_are_not_joined_into_a_title():
    article = _read("Home\nArchive\nAbout\n\nField Notes on the Upper Valley\n\nBy Dana Whitfield\n\n" + BODY)
    assert article.title == "Field Notes on the Upper Valley"
    assert [name for name, _ in article.authors] == ["Dana Whitfield"]


def test_etext_archive_header_is_not_the_works_metadata():
    frame = ("The Project Gutenberg EBook of Field Notes, by Somebody Else\n\nTitle: Field Notes\n\n"
             "Author: Somebody Else\n\nRelease Date: March 3, 2011 [EBook #12345]\n\n"
             "*** START OF THIS PROJECT GUTENBERG EBOOK FIELD NOTES ***\n\n\n\n"
             "Produced by a volunteer team of proofreaders\n\n\n")
    article = _read(frame + "FIELD NOTES\nOF THE\nUPPER VALLEY\nBY\nJ. R. OKAFOR.\n\n" + BODY
                    + "\n*** END OF THIS PROJECT GUTENBERG EBOOK FIELD NOTES ***\n\nThe licence text follows here.\n")
    assert rec.key(article.title) == "field notes of the upper valley"
    assert [name for name, _ in article.authors] == ["J. R. OKAFOR"]
    assert article.date == ""  # (the archive's release date is not the work's)
    kept = " ".join(b.plain for b in article.blocks)
    assert "volunteer team" not in kept and "licence text" not in kept
    assert sum(1 for b in article.blocks if b.plain.startswith(("The survey", "Most of", "The finds"))) == 3
    assert any("e-text archive's header" in d for d in article.dropped)


def test_a_section_heading_is_no_name():
    for heading in ("Domestic Political Background", "Executive Summary", "Key Findings", "Recent Developments",
                    "Einleitung und Hintergrund"):
        assert not rec.looks_like_name(heading), heading
    for name in ("Heiko Sauer", "W. J. Hoffman", "Maria de la Cruz"):
        assert rec.looks_like_name(name), name
    article = _read("Water Rights in the Upper Valley\n\nMarch 3, 2021\n\nDomestic Political Background\n\n" + BODY)
    assert article.authors == []
    assert article.title == "Water Rights in the Upper Valley"


def test_capitals_name_with_initials_is_a_plausible_author():
    assert not header_reader.implausible_authors([("WILLIAM H. HOLMES", "")], "A title")
    assert header_reader.implausible_authors([("ÚLTIMAS NOTICIAS", "")], "A title")


def test_reader_scores_a_kicker_and_a_standfirst_below_the_headline():
    body = [p for p in BODY.split("\n") if p]
    kicker = ["Home", "Valley water", "Farmers win the vote on the upper weirs", "By Dana Whitfield"] + body
    header = header_reader.read_header(kicker)
    assert header.title == "Farmers win the vote on the upper weirs"
    assert header.titles[1] < header.titles[2]
    standfirst = ["Home", "Farmers win the vote", "The farmers of the upper valley have outvoted the mill owners on "
                  "the weirs, and the gates will open twice a week.", "By Dana Whitfield"] + body
    header = header_reader.read_header(standfirst)
    assert header.title == "Farmers win the vote"
    assert header.titles.get(2, -9) < header.titles[1]


def test_reader_takes_no_journal_credit_line_as_the_title():
    for line in ("DOI: 10.1002/open.201500172", "5Forage Improvement Division, The Samuel Roberts Foundation",
                 "Jimmy A. McGuire mail", "Ana Lopes, Tomas Berg, and Ida Kern"):
        assert header_reader._credit_line(line), line
    assert not header_reader._credit_line("A mutualistic endophyte alters the niche of its host grass")
