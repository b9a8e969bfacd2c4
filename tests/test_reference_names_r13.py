"""Name lists read by two labellers (issue 15, round 13): when the second reading's names differ from the work's
only in how they are written (split otherwise, run together with each other or with the title, cut short), its
doubt does not keep the work; when they really differ it does. Also the GOST reader's sites and the one convention
for "№ 2 (34)". The strings are real entries of the fit halves of tests/cases/references/tune-r13-lang,
tune-r12-lang and tune-r11 (sources in their SOURCES.md) and of dev/ukrgost; the readings the second labeller made
of them are written out here, as it made them, so that the tests do not depend on its model."""

import json
import pathlib

import pytest

from volume.references.field_checks import number_doubts
from volume.references.gost import parse_gost
from volume.references.name_checks import names_really_differ, names_took_title_words
from volume.references.name_lists import split_people

CASES = pathlib.Path(__file__).parent / "cases" / "references"


def _text(folder: str, short: str) -> str:
    for path in (CASES / folder).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"].endswith(short):
                return record["text"]
    raise KeyError(short)


def P(family: str, given: str = "") -> dict:
    return {"family": family, **({"given": given} if given else {})}


def L(literal: str) -> dict:
    return {"literal": literal}


def test_same_body_split_otherwise_names_no_other_author():
    text = _text("tune-r13-lang/fit", "es-bpel-referencias-hcl")
    work = {"author": [L("HCL Software")], "title": "Why BPEL Still Matters in the Enterprise"}
    assert not names_really_differ(work, {"author": [P("Software", "HCL")]}, text)


def test_names_run_into_the_title_name_no_other_author():
    text = _text("tune-r12-lang/fit", "ru-keyword-istochniki-blei")
    work = {"author": [P("Blei", "D. M."), P("Ng", "A. Y."), P("Jordan", "M. I.")],
            "title": "Latent Dirichlet Allocation"}
    other = {"author": [L("Blei, D. M., Ng, A. Y., Jordan, M. I. Latent Dirichlet Allocation")]}
    assert not names_really_differ(work, other, text)
    assert names_took_title_words(work, other)


def test_a_name_list_cut_short_names_no_other_author():
    text = _text("tune-r12-lang/fit", "de-dialekt-literatur-lenz")
    work = {"author": [P("Lenz", "Alexandra N."), P("Höll", "Jan"), P("Ziegler", "Theresa")],
            "title": "Lexikalische Variation in Österreich. Ausgewählte Austriazismen im Stadt-Land-Vergleich"}
    assert not names_really_differ(work, {"author": [L("Lenz, Alexandra N./Höll")]}, text)


def test_a_titles_opening_words_read_as_a_name_where_the_work_has_none():
    text = _text("tune-r13-lang/fit", "ru-php-bibliografia-152-fz")
    work = {"title": "О персональных данных : Федеральный закон от 27.07.2006 № 152-ФЗ",
            "container-title": "КонсультантПлюс"}
    assert not names_really_differ(work, {"author": [L("О персональных данных")]}, text)


def test_names_that_really_differ_keep_their_doubt():
    # the work cut the list after "Tan" into one name; the second reading has the three people
    text = _text("tune-r12-lang/fit", "tr-botanik-kaynaklar-davis")
    work = {"author": [L("Davis, P.H., Tan")], "title": "Flora of Turkey and the East Aegean Islands"}
    other = {"author": [P("Davis", "P.H."), P("Tan", "K."), P("Mill", "R.R.")]}
    assert names_really_differ(work, other, text)
    # the work read two of four people; the second reading all four
    text = _text("tune-r12-lang/fit", "tr-botanik-kaynaklar-guner-2001")
    work = {"author": [P("Güner", "A"), P("Özhatay", "N")], "title": "Flora of Turkey and the East Aegean Islands"}
    other = {"author": [P("Güner", "A."), P("Özhatay", "N."), P("Ekim", "T."), P("Başer", "K.H.C.")]}
    assert names_really_differ(work, other, text)
    # a person where the work has none, with initials: no title words
    text = _text("tune-r11/fit", "mla-excite-milken")
    assert names_really_differ({"title": "On Global Warming and Financial Imbalances"},
                               {"author": [P("Milken", "Michael")]}, text)


def test_a_second_reading_that_split_the_names_properly_is_asked_about_the_title():
    work = {"author": [P("Mehrabi", "N."), P("Morstatter", "F.")], "title": "A Survey on Bias and Fairness"}
    other = {"author": [P("Mehrabi", "N."), P("Morstatter", "F.")],
             "title": "A Survey on Bias and Fairness in Machine Learning"}
    assert not names_took_title_words(work, other)


@pytest.mark.parametrize("span, families", [
    ("zur Muehlen, M., & Ho, D. T. Y.", ["zur Muehlen", "Ho"]),  # es-bpel-referencias-zur-muehlen
    ("Suresh H. / Guttag J. V.", ["Suresh", "Guttag"]),  # de-ki-literatur-suresh
])
def test_name_lists_of_the_fit_half(span, families):
    people, certain = split_people(span)
    assert [p.get("family") for p in people] == families and certain


def test_gost_site_title_and_the_body_after_the_slash():
    work = parse_gost(_text("tune-r13-lang/fit", "ru-webgpu-istochniki-react"))
    assert work["title"] == "React. Быстрый старт"
    assert work["author"] == [L("Meta Platforms, Inc")]
    assert work["URL"] == "https://ru.react.dev/learn" and work["type"] == "webpage"
    work = parse_gost(_text("tune-r13-lang/fit", "ru-webgpu-istochniki-fastify"))
    assert work["title"] == "Fastify documentation. Version 4.29.x" and "author" not in work


def test_gost_2018_article_with_a_digit_title_and_a_dated_site():
    work = parse_gost(_text("tune-r13-lang/fit", "ru-webgpu-istochniki-kerbl"))
    assert [p["family"] for p in work["author"]] == ["Kerbl", "Kopanas", "Leimkühler", "Drettakis"]
    assert work["title"] == "3D Gaussian Splatting for Real-Time Radiance Field Rendering"
    assert (work["volume"], work["issue"], work["container-title"]) == ("42", "4", "ACM Transactions on Graphics")
    work = parse_gost(_text("tune-r13-lang/fit", "ru-webgpu-istochniki-parshakov"))
    assert work["issued"]["date-parts"] == [[2025, 3, 13]]
    assert work["container-title"] == "Академия Selectel" and work["type"] == "webpage"


def test_issue_with_its_running_number_is_one_issue():
    work = parse_gost(_text("dev", "ukrgost-campbell"))
    assert work["issue"] == "3 (40)" and "volume" not in work
    work = parse_gost(_text("tune-r11/fit", "ru-basaeva-nelin"))
    assert (work["volume"], work["issue"]) == ("22", "3 (87)")
    assert not number_doubts(work)
