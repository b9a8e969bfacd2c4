"""`volume import` reading an article's title, authors and date the way outside pages set them out: journal author
lists with affiliation marks and history lines, bylines that end in their date, a byline after a comma, a title a
library's heading quotes, a name signing the text after it, the metadata a page declares (JSON-LD, Dublin Core, its
address), on the dev set's real pages and on made-up pages of the same shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES, copy_case
from tests.test_import_headers import imported
from volume.importer import recognise as rec
from volume.importer.byline import _byline_and_date
from volume.importer.html import read_html
from volume.importer.text import read_text

DEV = CASES / "import" / "dev"
BODY_DE = ("Die Studie wertet Werbeausgaben von dreiundvierzig Firmen aus und misst, wie viel Strom jede Anzeige "
           "braucht, vom Server bis zum Bildschirm der Leserinnen und Leser.\n\nDie Ergebnisse zeigen große "
           "Unterschiede zwischen den Seiten, und die Verfasser empfehlen den Firmen, ihre Partner sorgfältiger "
           "auszuwählen als bisher.\n")
BODY_FR = ("L’étude examine les dépenses publicitaires de quarante-trois entreprises et mesure la quantité "
           "d’électricité que consomme chaque annonce, du serveur jusqu’à l’écran des lectrices et des lecteurs.\n\n"
           "Les résultats montrent de grandes différences entre les sites, et les auteurs recommandent aux "
           "entreprises de mieux choisir leurs partenaires.\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_case("small", tmp_path)


@pytest.mark.parametrize("line, names", [
    ("Posted by Anna Schmidt on 3. März 2021", ["Anna Schmidt"]),
    ("Written by Anna Schmidt on February 17, 2022", ["Anna Schmidt"]),
    ("Par Marie Dupont, le 17 février 2022", ["Marie Dupont"]),
    ("Автор научной работы — Иван Петров", ["Иван Петров"]),
    ("Text: Anna Schmidt", ["Anna Schmidt"]),
    ("Texte : Marie Dupont", ["Marie Dupont"]),
    ("Аннотация научной статьи по политологическим наукам, автор научной работы — Фалалеев Михаил Алексеевич, "
     "Ситдикова Наталия Андреевна", ["Фалалеев Михаил Алексеевич", "Ситдикова Наталия Андреевна"]),
])
def test_bylines_that_end_in_a_date_or_follow_a_comma(line, names):
    assert [name for name, _ in rec.parse_byline(line)] == names


@pytest.mark.parametrize("line", ["In 2021, the author: a test", "Washington, 17 February 2022", "Text of the agreement",
                                  "Geschrieben von Anna Schmidt", "Übersetzt von Jan Nowak"])
def test_lines_that_are_no_list_of_names(line):
    assert rec.name_list(line) is None


@pytest.mark.parametrize("line", ["Anna Schmidt1,2, Peter Müller2* and Jan Nowak3",
                                  "Anna Schmidt 1,2, Peter Müller 2,*, Jan Nowak 3"])
def test_journal_names_with_affiliation_marks(line):
    assert [name for name, _ in rec.name_list(line)] == ["Anna Schmidt", "Peter Müller", "Jan Nowak"]


def test_history_line_with_slashes_gives_the_publication_date():
    line = "Received: 12 January 2021 / Accepted: 3 March 2021 / Published: 17 March 2021"
    assert rec.date_line(line) == "2021-03-17"
    assert rec.date_line("Received: 12 January 2021") is None  # a history part alone is no publication date


def test_name_and_date_after_a_comma():
    assert _byline_and_date("Иван Петров, 17 февраля 2022") == ([("Иван Петров", "")], "2022-02-17")
    assert _byline_and_date("Erstellt am 3. März 2021 von Anna Schmidt") == ([("Anna Schmidt", "")], "2021-03-03")


@pytest.mark.parametrize("name, text, title, authors, date", [
    ("gv.txt", "Menü\nStartseite\nÜber uns\n\nWie Werbung das Klima belastet\nGeschrieben von Anna Schmidt\n"
     "Übersetzt von Jan Nowak\nVeröffentlicht am 17 Februar 2022 2:30 GMT\n\n" + BODY_DE,
     "Wie Werbung das Klima belastet", ["Anna Schmidt"], "2022-02-17"),
    ("fr.txt", "Comment la publicité pèse sur le climat\nPublié le 17 février 2022 par Marie Dupont\n\n" + BODY_FR,
     "Comment la publicité pèse sur le climat", ["Marie Dupont"], "2022-02-17"),
    ("posted.txt", "Wie Werbung das Klima belastet\nPosted by Anna Schmidt on 3. März 2021\n\n" + BODY_DE,
     "Wie Werbung das Klima belastet", ["Anna Schmidt"], "2021-03-03"),
    ("journal.txt", "Open Access\nArticle\nHow advertising weighs on the climate\n"
     "Anna Schmidt1,2, Peter Müller2,* and Jan Nowak3\n1 Institute of Energy, University of Somewhere, Berlin\n"
     "2 Department of Physics, Other University, Warsaw\n3 Faculty of Law, Third University, Prague\n"
     "Received: 12 January 2021 / Accepted: 3 March 2021 / Published: 17 March 2021\n\nAbstract\n"
     "The study examines the advertising budgets of forty-three firms and measures how much electricity each "
     "advertisement uses, from the server to the reader's screen.\n\nThe results show large differences between "
     "the sites, and the authors advise the firms to choose their partners with more care.\n",
     "How advertising weighs on the climate", ["Anna Schmidt", "Peter Müller", "Jan Nowak"], "2021-03-17"),
    ("protocol.txt", "Study protocol\nOpen access\nPublished: 05 January 2015\n"
     "Advertising and the climate: protocol for a randomised controlled trial\n"
     "Anna Schmidt1, Peter Müller2 & Jan Nowak1,3 \nTrials volume 16, Article number: 1 (2015) Cite this article\n"
     "Abstract\nThe study examines the advertising budgets of forty-three firms and measures how much electricity each "
     "advertisement uses, from the server to the reader's screen.\n\nThe results show large differences between the "
     "sites, and the authors advise the firms to choose their partners with more care.\n",
     "Advertising and the climate: protocol for a randomised controlled trial",
     ["Anna Schmidt", "Peter Müller", "Jan Nowak"], "2015-01-05"),
    ("dash.txt", "Accueil\nÀ propos\n\nComment la publicité pèse sur le climat\n17 février 2022 - Par Marie Dupont\n\n"
     + BODY_FR, "Comment la publicité pèse sur le climat", ["Marie Dupont"], "2022-02-17"),
    ("place.txt", "Новости\n\nСовещание с членами Правительства\n17 февраля 2022 года, 14:30\nМосква, Кремль\n\n"
     "Исследование рассматривает расходы на рекламу сорока трёх компаний и измеряет, сколько электроэнергии "
     "потребляет каждое объявление, от сервера до экрана читателей и читательниц.\n\nРезультаты показывают большие "
     "различия между сайтами, и авторы рекомендуют компаниям тщательнее выбирать своих партнёров, чем раньше.\n",
     "Совещание с членами Правительства", [], "2022-02-17"),  # the place beside the date is no author
])
def test_copied_text_bylines_of_blogs_and_journals(tmp_path, name, text, title, authors, date):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_text(path)
    assert (rec.plain(article.title), [a for a, _ in article.authors], article.date) == (title, authors, date)


def test_library_page_quoting_the_title_with_its_authors_after_a_comma(project, tmp_path):
    """CyberLeninka's copied page: the title from the heading that quotes it (not 'Научная статья на тему …', not
    the subject line glued after its second setting), every author from the abstract's heading, no invented date,
    the view counters and licence badge not taken for a title or a name."""
    case = DEV / "cyberleninka-filosofiya-arkhitektury"
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    result, chapter = imported(project, tmp_path, case / "copied.txt")
    assert result.title == expected["title"]
    assert [a.name for a in chapter.authors] == expected["authors"]
    assert not chapter.date
    assert "Текст научной статьи" not in chapter.body.xhtml()
    assert "<h2" not in chapter.body.xhtml()  # the view and download counters ('310' / '48') are no headings
    assert ">310<" not in chapter.body.xhtml() and ">48<" not in chapter.body.xhtml()


def test_copied_text_author_signing_after_the_text_beside_the_changed_date(project, tmp_path):
    """The fboës blog names its author only after the text, under 'Zuletzt geändert am 07.01.2020': the author,
    while the date stays the one over the title (the change date is no publication date)."""
    result, chapter = imported(project, tmp_path, DEV / "fboes-firefox-android" / "copied.txt")
    assert [a.name for a in chapter.authors] == ["Frank Boës"]
    assert chapter.date == "2019-12-22"
    assert result.title == "Firefox – Weniger Werbung, mehr Speed unter Android"
    assert "Weniger Werbung, mehr Speed" not in chapter.body.xhtml()  # the title set again over the text


def test_wiki_menu_beside_the_revision_line_is_no_signature():
    article = read_text(DEV / "wikipedia-de-knight-rider" / "copied.txt")
    assert article.authors == []


def test_page_dublin_core_author_and_site_name_after_the_title(project, tmp_path):
    result, chapter = imported(project, tmp_path, DEV / "ihrwebprofi-content-award" / "source.html")
    assert result.title == "Publikumsvoting beim Wiener Content Award gestartet"  # not '… » IhrWebprofi.at'
    assert [a.name for a in chapter.authors] == ["Robert Harm"]  # DC.creator 'Harm, Robert'
    assert chapter.date == "2011-09-17"


def _page(tmp_path: Path, head: str, body: str) -> Path:
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY_DE.split("\n\n"))
    path.write_text(f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head>'
                    f"<body>{body.replace('BODY', paragraphs)}</body></html>", encoding="utf-8")
    return path


def test_page_title_from_json_ld_headline_when_the_h1_is_the_sites_logo(tmp_path):
    page = _page(tmp_path, '<title>Wie Werbung das Klima belastet – Mein Blog</title><script type="application/ld+json">'
                 '{"@context":"https://schema.org","@type":"BlogPosting","headline":"Wie Werbung das Klima belastet",'
                 '"author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Person","name":"Peter Müller"}],'
                 '"datePublished":"2021-03-03T10:00:00+01:00"}</script>',
                 '<div><h1 class="logo">Mein Blog</h1><main>BODY</main></div>')
    article = read_html(page)
    assert rec.plain(article.title) == "Wie Werbung das Klima belastet"
    assert [a for a, _ in article.authors] == ["Anna Schmidt", "Peter Müller"]
    assert article.date == "2021-03-03"


def test_page_date_from_its_address_when_nothing_else_states_one(tmp_path):
    page = _page(tmp_path, '<title>Wie Werbung das Klima belastet | Blog</title>'
                 '<link rel="canonical" href="https://example.org/2011/09/17/wie-werbung/">',
                 "<article><h1>Wie Werbung das Klima belastet</h1>BODY</article>")
    assert read_html(page).date == "2011-09-17"
    undated = _page(tmp_path, '<title>Wie Werbung das Klima belastet | Blog</title>'
                    '<link rel="canonical" href="https://example.org/blog/wie-werbung/">',
                    "<article><h1>Wie Werbung das Klima belastet</h1>BODY</article>")
    assert read_html(undated).date == ""


def test_page_authors_listed_in_one_tag_or_surname_first():
    from volume.importer.page_meta import _names
    assert _names(["Anna Schmidt, Peter Müller"], False) == ["Anna Schmidt", "Peter Müller"]
    assert _names(["Harm, Robert"], False) == ["Robert Harm"]
    assert _names(["Anna Schmidt und Peter Müller"], True) == ["Anna Schmidt", "Peter Müller"]


@pytest.mark.parametrize("head, title", [
    ('<title>Mein Blog | Wie Werbung das Klima belastet</title><meta property="og:site_name" content="Mein Blog">',
     "Wie Werbung das Klima belastet"),
    ('<title>Klimaverein – Wie Werbung belastet</title><link rel="canonical" href="https://www.klimaverein.de/a/">',
     "Wie Werbung belastet"),
    ("<title>Wie Werbung das Klima belastet – Verein für Dinge e.V.</title>", "Wie Werbung das Klima belastet"),
])
def test_page_title_without_the_site_name_before_or_after_it(tmp_path, head, title):
    """A page without a heading: its <title> without the site's name, whichever side of the title it stands."""
    assert rec.plain(read_html(_page(tmp_path, head, "<div>BODY</div>")).title) == title


@pytest.mark.parametrize("line", ["Text of the agreement", "Text Anna Schmidt", "In 2021, the author: a test"])
def test_lines_that_are_no_byline(line):
    assert rec.parse_byline(line) is None


def test_two_russian_articles_get_two_chapter_files(project, tmp_path):
    """A Cyrillic title names its chapter's file in Latin letters, so a second Russian article is not refused as
    the same chapter ('chapter.md exists already')."""
    first, _ = imported(project, tmp_path, DEV / "cyberleninka-dipfeik" / "copied.txt")
    second, chapter = imported(project, tmp_path, DEV / "cyberleninka-suverennyi-internet" / "copied.txt")
    assert first.chapter.name == "dipfeik-kak-fenomen-politicheskoi-kommunikatsii.md"
    assert second.chapter.name.startswith("formirovanie-instituta-suverennogo-interneta")
    assert [a.name for a in chapter.authors] == ["Ковригин Дмитрий Эльдарович"]
