"""APA-shaped web references and reports (issue 15, round 13): a bracketed description, an edition, a version or a
report number after the title is no part of it; document symbols are neither site nor publisher; "Family et al." is
one author's family name; an institution after a plain title is the page's site. The strings are real, from the fit half of tests/cases/references/tune-r13 (sources in
its SOURCES.md)."""

import pytest

from volume.references.fields import title_extras
from volume.references.parse import parse_note
from volume.references.web_notes import read_web_note


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


def test_an_institution_after_a_plain_title_is_the_pages_site():
    # the round-5 convention (tests/cases/references/README.md): a page with a plain title, a URL and nothing that
    # says report is a web page, the body after its title its site
    work = reading("Rebitzer, J. B., & Rebitzer, R. S. (2024). When cheap becomes fragile: How the race to the bottom "
                   "in generics undermines manufacturing quality and what to do about it. Brookings Institution. "
                   "https://www.brookings.edu/articles/when-cheap-becomes-fragile-how-the-race-to-the-bottom-in-"
                   "generics-undermines-manufacturing-quality-and-what-to-do-about-it/")
    assert work["container-title"] == "Brookings Institution" and "publisher" not in work


# The APA form with no author puts the title where the author goes: "Title. (Date). Site. URL". These strings are
# written for the tests in that shape (the sites are real, the pages made up).
def test_a_title_with_a_date_after_it_and_its_site_is_read_by_the_web_note_reader():
    work = read_web_note("Speech to text made simple. (n.d.). Google Cloud. Retrieved August 14, 2025, from "
                         "https://cloud.google.com/speech-to-text")
    assert work["title"] == "Speech to text made simple" and work["container-title"] == "Google Cloud"
    assert "issued" not in work


def test_a_title_then_its_site_is_not_read_as_an_author_and_a_title():
    note = parse_note("Climate Change Basics. (2021). Environmental Defense Fund. https://www.edf.org/climate/basics",
                      strict=True, threshold=0.0)
    work = note.readings[0].work
    assert work.get("title") == "Climate Change Basics" and "author" not in work


@pytest.mark.parametrize("text, author", [
    ("Axios. (2024, April 11). Drug shortages reach record high. https://www.axios.com/2024/04/11/drug-shortage-record-high",
     "Axios"),  # the name of the URL's host
    ("Corporation for Public Broadcasting. (n.d.). About CPB. Retrieved August 14, 2025, from https://cpb.org/aboutcpb",
     "Corporation for Public Broadcasting"),  # a body's name
])
def test_a_body_or_the_sites_own_name_before_the_date_is_the_author(text, author):
    assert read_web_note(text)["author"] == [{"literal": author}]


def test_a_name_that_is_neither_is_left_to_the_apa_reader():
    assert read_web_note("Dusnoki. (2018, February 25). DIY Arduino Rgb 12v led STRIP IR Controller PCB design, build, "
                         "Soldering, programming guide. Retrieved April 18, 2021, from "
                         "https://www.youtube.com/watch?v=upuhM59AFPk") is None


def test_a_part_in_an_italic_whole_without_editors_is_read_with_its_pages_and_publisher():
    work = reading("Rudnik, C., Ehrhart, T., Ferret, O., Teyssou, D., Troncy, R., & Tannier, X. (2019). Searching news "
                   "articles using an event knowledge graph leveraged by Wikidata. In *Companion Proceedings of the 2019 "
                   "World Wide Web Conference (WWW ’19 Companion)* (pp. 957–964). ACM. "
                   "https://doi.org/10.1145/3308560.3316761")
    assert work["container-title"] == "Companion Proceedings of the 2019 World Wide Web Conference (WWW ’19 Companion)"
    assert work["page"] == "957–964" and work["publisher"] == "ACM"


def test_apa6_retrieved_from_a_website_names_the_publisher():
    # tests/cases/references/tune-eval1 (nlb-contemporary-china, fit half): "Retrieved …, from X website: URL"
    work = reading("Lun, J. (2017, January). China’s domestic politics and foreign policy: January 2017 analysis. "
                   "Retrieved October 27, 2017, from House of Commons Library website: "
                   "http://researchbriefings.files.parliament.uk/documents/CBP-7870/CBP-7870.pdf")
    assert work["publisher"] == "House of Commons Library"


# APA 7's own shapes, written for the tests (no labelled list has them yet).
def test_a_group_that_signs_a_page_is_its_author_and_a_plain_in_names_the_whole():
    work = reading("Wikipedia contributors. (2024, May 3). Ransomware. In Wikipedia, The Free Encyclopedia. "
                   "https://en.wikipedia.org/wiki/Ransomware")
    assert work["author"] == [{"literal": "Wikipedia contributors"}]
    assert work["title"] == "Ransomware" and work["container-title"] == "Wikipedia, The Free Encyclopedia"


@pytest.mark.parametrize("text, publisher", [
    ("European Commission. (2020). Shaping Europe's digital future. Publications Office of the European Union. "
     "https://doi.org/10.2759/48191", "Publications Office of the European Union"),  # a publisher's name
    ("IBM Security. (2023). Cost of a data breach report 2023. IBM. https://www.ibm.com/reports/data-breach", "IBM"),
])
def test_a_publishers_name_or_a_reports_title_makes_the_name_after_it_the_publisher(text, publisher):
    work = reading(text)
    assert work["publisher"] == publisher and "container-title" not in work


def test_a_dated_version_in_brackets_leaves_the_title():
    work = reading("OpenAI. (2023). ChatGPT (Mar 14 version) [Large language model]. https://chat.openai.com/chat")
    assert work["title"] == "ChatGPT" and work["genre"] == "Large language model"


def test_a_dissertation_names_its_university_and_a_number_with_a_space_leaves_the_title():
    work = reading("Smith, J. (2021). Water security in Central Asia [Doctoral dissertation, University of Oxford]. "
                   "Oxford University Research Archive. https://ora.ox.ac.uk/objects/uuid:1234")
    assert work["type"] == "thesis" and work["publisher"] == "University of Oxford"
    assert title_extras("Report on the condition of education 2022 (NCES 2022-144)", {}) == (
        "Report on the condition of education 2022")
