"""The whole readers' own confidence (GOST, DIN, French NOM Prénom): a reading whose every area the reader placed is
printed without the English-trained labellers' agreement; GOST designations and acts after the title. Real strings
from the fit halves of the tuning sets (their sources and licences: the SOURCES.md beside each set)."""

import json
import pathlib

import pytest

from volume.references.gost import parse_gost
from volume.references.parse import parse_note
from volume.references.read import KEEP_BELOW, marked_whole, whole_reading

CASES = pathlib.Path(__file__).parent / "cases" / "references"


def _text(path: str, record_id: str) -> str:
    for line in (CASES / path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == record_id:
            return record["text"]
    raise KeyError(record_id)


@pytest.mark.parametrize("path, record_id", [
    ("tune-r13-lang/fit/ru-php-bibliografia.jsonl", "ru-php-bibliografia-maclaughlin"),  # a book, "Place : Publisher"
    ("tune-r9/fit/ru-halow-vkr.jsonl", "ru-halow-vkr-khorov"),  # "Title / A. B. Family [et al.] // Journal. – Vol."
    ("tune-r13-lang/fit/ru-webgpu-istochniki.jsonl", "ru-webgpu-istochniki-playcanvas"),  # "Title : [сайт] / Body"
    ("tune-r9/fit/de-vr-literatur.jsonl", "de-vr-literatur-saltzer"),  # DIN: "Family, G.; … 1984. »Title«, in …"
])
def test_a_whole_reading_in_its_standards_marks_is_printed(path, record_id):
    text = _text(path, record_id)
    reader, work = whole_reading(text)
    assert reader in ("gost", "din") and marked_whole(work)
    reading = parse_note(text).readings[0]
    assert reading.work is not None and reading.confidence >= KEEP_BELOW  # the labellers read these kept before
    assert reading.work["title"] == work["title"]


def test_an_untitled_sentence_may_be_a_name_so_the_reading_is_not_trusted_alone():
    text = _text("tune-r12/fit/ru-focusflow-istochniki.jsonl", "ru-focusflow-istochniki-06")
    work = parse_gost(text)  # "Anthropic. API reference. Claude models. – Режим доступа: …": Anthropic is the author
    assert work is not None and "author" not in work and not marked_whole(work)


@pytest.mark.parametrize("text, title", [
    ("Gamma, E. Design Patterns: Elements of Reusable Object-Oriented Software : monogr. / E. Gamma, R. Helm, "
     "R. Johnson, J. Vlissides. – St. Petersburg : Piter, 2020. – 368 p.",
     "Design Patterns: Elements of Reusable Object-Oriented Software"),
    ("Пивоварчик, А. А. Охрана труда : учебно-методическое пособие / А. А. Пивоварчик. – Гродно : ГрГУ, 2022. "
     "– 440 с.", "Охрана труда"),
])
def test_a_designation_after_the_title_is_no_part_of_it(text, title):  # tune-eval4 (fit half)
    assert parse_gost(text)["title"] == title


def test_an_act_after_its_title_gives_the_type_and_the_date():
    work = parse_gost(_text("tune-r13-lang/fit/ru-php-bibliografia.jsonl", "ru-php-bibliografia-152-fz"))
    assert (work["type"], work["title"], work["container-title"]) == (
        "legislation", "О персональных данных", "КонсультантПлюс")
    assert work["issued"] == {"date-parts": [[2006, 7, 27]]}


def test_the_belarusian_access_date_area_and_a_dissertation():  # tune-eval4 (fit half)
    work = parse_gost("React documentation [Электронный ресурс]. – Режим доступа: https://react.dev/. – Дата доступа: "
                      "07.06.2026.")
    assert work == {"title": "React documentation", "URL": "https://react.dev/", "type": "webpage"}
    thesis = parse_gost("Филдинг Р. Архитектурные стили и проектирование сетевых программных архитектур: дис. … докт. "
                        "техн. наук / Р. Т. Филдинг. – 2000. – 180 с.")
    assert (thesis["type"], thesis["title"], thesis["issued"]) == (
        "thesis", "Архитектурные стили и проектирование сетевых программных архитектур", {"date-parts": [[2000]]})


def test_the_english_gost_forms_of_a_dissertation_and_an_access_date():  # tune-eval4 (fit half)
    thesis = parse_gost("Fielding, R. T. Architectural Styles and the Design of Network-based Software Architectures "
                        ": diss. / R. T. Fielding. – 2000. – 180 p.")
    assert (thesis["type"], thesis["title"]) == (
        "thesis", "Architectural Styles and the Design of Network-based Software Architectures")
    site = parse_gost("Flutter SDK Documentation : [site]. – URL: https://docs.flutter.dev/ (date of access: 10.02.2026).")
    assert site == {"title": "Flutter SDK Documentation", "URL": "https://docs.flutter.dev/", "type": "webpage"}


def test_the_short_form_keeps_a_spaced_dash_inside_the_title():
    work = parse_gost(_text("tune-r11/fit/ru-basaeva-publikacii.jsonl", "ru-basaeva-stachka"))  # "… в конце XIX – начале XX
    # века // Историческая информатика. 2017. № 1. С. 52-62."
    assert work["title"] == "Математическая модель стачечного движения в России в конце XIX – начале XX века"
    assert (work["container-title"], work["issue"], work["page"]) == ("Историческая информатика", "1", "52-62")


def test_a_double_issue_with_its_running_numbers():
    text = _text("tune-r11/fit/ru-basaeva-publikacii.jsonl", "ru-basaeva-sssr")  # "№ 1-2 (15-16). С. 12-19."
    assert parse_gost(text)["issue"] == "1-2 (15-16)"
    reading = parse_note(text).readings[0]
    assert reading.work is not None and reading.work["issue"] == "1-2 (15-16)"
