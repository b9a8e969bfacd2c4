"""The header reader (volume/importer/header_reader.py): bylines, dates and titles as real pages print them, and
the reader on real pages of the header set's fit half (tests/cases/import/headers/fit, see its SOURCES.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from volume.importer import header_reader as hr
from volume.importer.text import read_text

FIT = Path(__file__).parent / "cases" / "import" / "headers" / "fit"


@pytest.mark.parametrize("line, names", [
    ("By Daniel", ["Daniel"]),  # a one-word byline: the name, not 'By Daniel'
    ("By Robert Brum and Isabel KeaneJournal News", ["Robert Brum", "Isabel Keane"]),  # the paper glued on
    ("By Evan HalperStaff Writer", ["Evan Halper"]),
    ("Artikel von Alexa von Heyden", ["Alexa von Heyden"]),
    ("Veröffentlicht vonChris Jung 28. Februar 2016", ["Chris Jung"]),
    ("Post author  By Helge Fahrnberger", ["Helge Fahrnberger"]),
    ("von Lars Fischer und Alina Schadwinkel", ["Lars Fischer", "Alina Schadwinkel"]),
    ("Por Luciana Bertoia", ["Luciana Bertoia"]),
    ("Par Loïc Le Clerc", ["Loïc Le Clerc"]),
    ("By Emily Burack 8 January 2020, 3:51 pm 11 Edit", ["Emily Burack"]),
    ("by Bob Yirka , Phys.org", ["Bob Yirka"]),
    ("By Ruth MacArthur", ["Ruth MacArthur"]),  # a capital inside a name is no joint
    ("By Perry Bacon Jr.", ["Perry Bacon Jr."]),
    ("Herausgegeben von Gerald Braunberger, Werner D’Inka", None),  # a masthead names no author
    ("The Day the Music Died", None),
])
def test_byline_names(line, names):
    assert hr.byline_names(line, True) == names


@pytest.mark.parametrize("line, date, alone", [
    ("13. 1. 2020", "2020-01-13", True),
    ("miércoles, 4 de mayo de 202200:00 hs", "2022-05-04", True),
    ("Post date  March 5, 2014", "2014-03-05", True),
    ("Le 17/02/2020", "2020-02-17", True),
    ("17 февраля 2022", "2022-02-17", True),
    ("Feb 17, 2022", "2022-02-17", True),
    ("2022-02-17", "2022-02-17", True),
    ("2. Februar 20202. Februar 2020 Alexander Roll 1 Kommentar Inklusion, Kapitalismus", "2020-02-02", False),
    ("Neueste Beiträge", None, False),
])
def test_line_date(line, date, alone):
    assert hr.line_date(line) == (date, alone)


def test_clean_authors_takes_labels_and_glued_roles_off():
    assert hr.clean_authors([("Evan HalperStaff Writer", ""), ("By Daniel", ""), ("Ruth MacArthur", "")]) == [
        ("Evan Halper", ""), ("Daniel", ""), ("Ruth MacArthur", "")]


def test_reader_on_a_copied_header():
    lines = ["Home", "News", "Sport", "Opinion", "Politics",
             "Thousands of academics treated as second-class citizens",
             "Report claims institutions have created a pool of low-paid staff",
             "Richard Adams Education editor", "Mon 20 Jan 2020 06.05 GMT",
             "Thousands of academic staff at British universities are being treated as second-class citizens on "
             "precarious contracts, says a report highlighting the casualisation of academics across the country.",
             "The report by the union claims institutions have created a pool of low-paid staff to teach "
             "undergraduates, conduct research and carry out the work academics once did, on contracts."]
    header = hr.read_header(lines)
    assert header.title == "Thousands of academics treated as second-class citizens"
    assert header.date == "2020-01-20"
    assert header.authors == ["Richard Adams"]


def test_a_menu_entry_is_no_title_and_a_sidebar_list_of_dates_no_date():
    lines = ["Edición Impresa", "Edición PDF", "ÚLTIMAS NOTICIAS", "Inicio",
             "Neueste Beiträge", "Vorsätze vs Ziele 3. Januar 2020", "Virtual Run 13. November 2019",
             "Warum ich den Gel Phoenix mag 20. Oktober 2019"]
    header = hr.read_header(lines)
    assert header.date_score < hr.DATE_AT_LEAST


@pytest.mark.parametrize("case", ["campino2k-de-uberspace", "elle-de-sneaker", "helge-at-mahu",
                                  "losandes-com-mendoza", "unsere-zeitung-at-inklusion"])
def test_copied_pages_of_the_fit_half(case):
    """Real copied pages whose header main's rules misread (a pager word or a menu entry as the title, a label
    left in the name, a commenter for the author, the date glued to the name): read right now."""
    expected = json.loads((FIT / case / "expected.json").read_text(encoding="utf-8"))
    article = read_text(FIT / case / "copied.txt")
    assert hr.rec.plain(article.title) == expected["title"]
    assert [name for name, _ in article.authors] == expected["authors"]
    assert article.date == expected["date"]
