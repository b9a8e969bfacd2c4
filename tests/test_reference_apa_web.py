"""APA-shaped web references and reports (issue 15, round 13): a bracketed description, an edition, a version or a
report number after the title is no part of it; document symbols are neither site nor publisher; "Family et al." is
one author's family name; an institution after a plain title is kept as written (its site, or a report's publisher?)
unless it repeats the author. The strings are real, from the fit half of tests/cases/references/tune-r13 (sources in
its SOURCES.md)."""

import pytest

from volume.references.apa import site_or_publisher_doubts
from volume.references.fields import title_extras
from volume.references.parse import parse_note


def reading(text: str) -> dict:
    """The parser's first reading of a reference at threshold 0 (whether or not it would be printed)."""
    note = parse_note(text, strict=True, threshold=0.0)
    assert note.readings and note.readings[0].work, note
    return note.readings[0].work


def test_a_description_in_brackets_leaves_the_title_and_names_the_publisher_after_it():
    work = reading("Mistral AI. (2025). Ministral-8B-Instruct-2410 [Large language model]. Hugging Face. "
                   "https://huggingface.co/mistralai/Ministral-8B-Instruct-2410")
    assert work["title"] == "Ministral-8B-Instruct-2410"
    assert work["genre"] == "Large language model"
    assert work["publisher"] == "Hugging Face" and "container-title" not in work


def test_an_interview_description_after_an_italic_title_is_no_part_of_it():
    work = reading("Fan, C. (2012, December). *Making Sense of the Cloud and Big Data* [Interview with M. Skok]. "
                   "Retrieved from https://mjskok.com/making-sense-of-the-cloud-and-big-data-with-charles-fan")
    assert work["title"] == "Making Sense of the Cloud and Big Data"


def test_slides_with_a_report_number_keep_neither_in_the_title():
    work = reading("[11] Gagne, D. (2024, March 26). Energy Storage (NREL/PR-7A40-89172) [Presentation slides]. "
                   "National Renewable Energy Laboratory. https://docs.nrel.gov/docs/fy24osti/89172.pdf")
    assert work["title"] == "Energy Storage"
    assert work["publisher"] == "National Renewable Energy Laboratory"


@pytest.mark.parametrize("title, expected", [
    ("TextBlob documentation (Release 0.15.2)", "TextBlob documentation"),
    ("The Datacenter as a Computer: Designing Warehouse-Scale Machines (3rd ed.)",
     "The Datacenter as a Computer: Designing Warehouse-Scale Machines"),
    ("Effectively Managing State Prison Infrastructure (Report 4186)", "Effectively Managing State Prison Infrastructure"),
    ("DATAZERO – Datacenter With Zero Emission and Robust Management Using Renewable Energy (ANR-15-CE25-0012)",
     "DATAZERO – Datacenter With Zero Emission and Robust Management Using Renewable Energy"),
    # an acronym, a language tag, a place in brackets are the title's own
    ("Search Queries for Mapping Research Output to the Sustainable Development Goals (SDGs)",
     "Search Queries for Mapping Research Output to the Sustainable Development Goals (SDGs)"),
    ("Media Topics (en-US)", "Media Topics (en-US)"),
    ("Gesammelte Werke [Collected works]", "Gesammelte Werke [Collected works]"),
])
def test_trailing_editions_versions_and_numbers_leave_the_title(title, expected):
    assert title_extras(title, {}) == expected


def test_document_symbols_are_not_the_publisher():
    work = reading("Statistics Division. (2021a). *Global indicator framework for the Sustainable Development Goals and "
                   "targets of the 2030 Agenda for Sustainable Development*. A/RES/71/313, E/CN.3/2018/2, E/CN.3/2019/2, "
                   "E/CN.3/2020/2, E/CN.3/2021/2. Department of Economic and Social Affairs, United Nations. "
                   "https://unstats.un.org/sdgs/indicators/Global%20Indicator%20Framework%20after%202021%20refinement_Eng.pdf"
                   " [accessed 8 August 2021]")
    assert work["publisher"] == "Department of Economic and Social Affairs, United Nations"


def test_family_et_al_is_one_family_name():
    work = reading("Blanchard et al. (2017). *Words into action guidelines: National Disaster Risk Assessment. Special "
                   "Topics: K. Consideration of Marginalized and Minority Groups in a National Disaster Risk Assessment*. "
                   "United Nations Office for Disaster Risk Reduction. "
                   "https://www.undrr.org/publication/marginalized-and-minority-groups-consideration-ndra.")
    assert work["author"] == [{"family": "Blanchard"}]


def test_an_institution_after_a_plain_title_is_kept_with_the_reason():
    text = ("Rebitzer, J. B., & Rebitzer, R. S. (2024). When cheap becomes fragile: How the race to the bottom in generics "
            "undermines manufacturing quality and what to do about it. Brookings Institution. "
            "https://www.brookings.edu/articles/when-cheap-becomes-fragile-how-the-race-to-the-bottom-in-generics-"
            "undermines-manufacturing-quality-and-what-to-do-about-it/")
    note = parse_note(text, strict=True)
    assert not note.works and note.readings
    assert "site" in note.readings[0].reason and "publisher" in note.readings[0].reason


def test_an_institution_that_repeats_the_author_is_the_site():
    text = ("World Health Organization. (2023, April 5). Diabetes. World Health Organization. "
            "https://www.who.int/news-room/fact-sheets/detail/diabetes.")
    work = {"author": [{"literal": "World Health Organization"}], "title": "Diabetes",
            "container-title": "World Health Organization", "URL": "https://www.who.int/news-room/fact-sheets/detail/diabetes"}
    assert site_or_publisher_doubts(work, text) == []
    assert site_or_publisher_doubts({**work, "author": [{"family": "Rebitzer", "given": "J. B."}]}, text)
