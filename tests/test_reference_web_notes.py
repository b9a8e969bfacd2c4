"""The web notes policy writers paste (issue 15, round 12): each form read right, or kept as written; an access date
is never the work's date. The strings are written for these tests in the shapes of tests/cases/references/tune-r12."""

import pytest

from volume.references.dates import date_at_end, strip_access
from volume.references.parse import parse_note
from volume.references.web_notes import read_web_note, split_remark


def only_work(text: str) -> dict:
    note = parse_note(text, strict=True)
    assert len(note.works) == 1, note
    return {k: v for k, v in note.works[0].items() if k != "note-text"}


def year(work: dict):
    return work.get("issued", {}).get("date-parts", [[None]])[0][0]


@pytest.mark.parametrize("clause", [
    "accessed November 21, 2023", "Retrieved April 18, 2021, from", "[Zugriff am 19 04 2024]",
    "zuletzt abgerufen am 21.10.2018", "[Consulté le : 29 avr. 2026]", "Erişim tarihi: 02.05.2026",
    "(дата обращения: 04.2025)", "consultado el 3 de mayo de 2024",
])
def test_access_clauses_in_six_languages_are_taken_out(clause):
    text, found = strip_access(f"Title of the page. Site Name. {clause} https://example.org/page")
    assert found and text == "Title of the page. Site Name. https://example.org/page"


def test_dates_at_the_end_in_other_languages():
    assert date_at_end("wearetech.africa, 18 févr. 2025")[1] == [2025, 2, 18]
    assert date_at_end("Lyon, France, avr. 2024")[1] == [2024, 4]
    assert date_at_end("El País, 3 de mayo de 2024")[1] == [2024, 5, 3]
    assert date_at_end("The Verge, September 14, 2022")[1] == [2022, 9, 14]
    assert date_at_end("Site without a date") is None


def test_chicago_web_note_with_author_site_and_date():
    work = only_work('Jon Styf, "Google Seeks Dismissal of a Privacy Class Action," Top Class Actions, October 13, '
                     '2023, https://topclassactions.com/lawsuit-settlements/google-seeks-dismissal/.')
    assert work["author"] == [{"family": "Styf", "given": "Jon"}]
    assert work["title"] == "Google Seeks Dismissal of a Privacy Class Action"
    assert work["container-title"] == "Top Class Actions" and year(work) == 2023


def test_no_author_note_with_only_an_access_date_has_no_year():
    work = only_work('"Data Protection & Privacy at AWS," Amazon, accessed November 21, 2023, '
                     'https://aws.amazon.com/compliance/data-protection.')
    assert work["title"] == "Data Protection & Privacy at AWS" and work["container-title"] == "Amazon"
    assert "issued" not in work and "author" not in work


def test_generated_works_cited_line_splits_the_site_after_the_last_dash():
    work = only_work("2. Recovering Trace Links Between Documentation And Code - dokumen.pub, accessed November 27, "
                     "2025, https://dokumen.pub/download/recovering-trace-links.html")
    assert work["title"] == "Recovering Trace Links Between Documentation And Code"
    assert work["container-title"] == "dokumen.pub" and "issued" not in work
    whole = only_work("Components | Malcolm, accessed November 15, 2025, https://cisagov.github.io/Malcolm/docs/x.html")
    assert whole["title"] == "Components | Malcolm" and "container-title" not in whole


def test_organisation_dated_page_with_site_and_turkish_access_date():
    work = only_work("1. Microsoft. (2026). *ASP.NET Core documentation*. Microsoft Learn. Erişim tarihi: 02.05.2026. "
                     "https://learn.microsoft.com/en-us/aspnet/core/")
    assert work["author"] == [{"literal": "Microsoft"}] and year(work) == 2026
    assert work["title"] == "ASP.NET Core documentation" and work["container-title"] == "Microsoft Learn"


def test_ieee_web_entry_with_an_authority_and_german_access_date():
    work = only_work('[10] Bundesamt für Justiz, BfJ, "Gesetz über die Einheiten im Messwesen," 1969. [Online]. '
                     'Available: https://www.gesetze-im-internet.de/me_einhg/. [Zugriff am 21 08 2023].')
    assert work["author"] == [{"literal": "Bundesamt für Justiz, BfJ"}]
    assert work["title"] == "Gesetz über die Einheiten im Messwesen" and year(work) == 1969


def test_ieee_report_put_online_in_french():
    work = only_work("[8] NIST, *Cybersecurity Framework Version 2.0*, National Institute of Standards and Technology, "
                     "Gaithersburg, USA, 2024. [En ligne]. Disponible : https://www.nist.gov/cyberframework. "
                     "[Consulté le : 29 avr. 2026].")
    assert work["type"] == "report" and work["publisher"] == "National Institute of Standards and Technology"
    assert work["publisher-place"] == "Gaithersburg, USA" and year(work) == 2024


def test_french_note_with_guillemets_and_site_on():
    work = only_work("« Titre de l'article », sur *Le Monde* [en ligne], publié le 12 mars 2021, "
                     "[consulté le 3 avril 2022]. https://www.lemonde.fr/article")
    assert work["title"] == "Titre de l'article" and work["container-title"] == "Le Monde"
    assert work["issued"]["date-parts"][0] == [2021, 3, 12]


def test_russian_organisation_and_title_read_by_the_host():
    work = only_work("Microsoft. C# documentation. – Режим доступа: https://learn.microsoft.com/en-us/dotnet/csharp/ "
                     "(дата обращения: 04.2025).")
    assert work["author"] == [{"literal": "Microsoft"}] and work["title"] == "C# documentation"
    assert "issued" not in work


def test_remark_after_the_url_is_the_notes_comment():
    note = parse_note('"Privacy Policy: Archived Versions," Flo Health, January 1, 2020, https://flo.health/policy. '
                      "However, the policy it links to does not cover these uses.", strict=True)
    assert note.works[0]["title"] == "Privacy Policy: Archived Versions"
    assert note.comment == "However, the policy it links to does not cover these uses."
    assert split_remark("https://example.org/x. A remark of four words.") == ("https://example.org/x.",
                                                                              "A remark of four words.")


def test_bare_url_with_a_remark():
    note = parse_note("https://www.oecd.org/data/report.pdf. The figures are for 2019 and were revised since.",
                      strict=True)
    assert note.works[0]["URL"] == "https://www.oecd.org/data/report.pdf" and "title" not in note.works[0]
    assert note.comment.startswith("The figures")


def test_fields_that_cannot_be_told_apart_are_not_read_as_a_web_note():
    # people and a body before the title: which is the author cannot be told
    assert read_web_note('Sarah Lee and Cat Ruck, National Law Project, "Why It Matters," May 2016, '
                         "https://www.nelp.org/brief.pdf") is None
    # a site followed by its publisher: not a site alone
    assert read_web_note('"Kashmir: Why India and Pakistan Fight," BBC News, BBC, 8 Aug. 2019, '
                         "www.bbc.com/news/10537286.") is None
    # an organisation read as people is doubted and kept
    note = parse_note('[3] Agence Ecofin, "Cameroun : une alerte," *agenceecofin.com*, 13 févr. 2025. '
                      "[En ligne]. Disponible : https://www.agenceecofin.com/a. [Consulté le : 29 avr. 2026].")
    assert all(work.get("author") != [{"family": "Ecofin", "given": "Agence"}] for work in note.works)


def test_access_date_is_never_the_year_of_an_undated_page():
    for text in ("Cooler master FAQ. (n.d.). Retrieved April 18, 2021, from https://landing.coolermaster.com/faq/",
                 "Title of the page. Site Name. https://www.sitename.org/page. Erişim tarihi: 12.03.2022",
                 "Settings - Arkime, accessed November 15, 2025, https://arkime.com/settings"):
        note = parse_note(text, strict=True)
        assert all(year(work) not in (2021, 2022, 2025) for work in note.works), note.works


def test_mla_web_entry_with_inverted_author_and_access_date_after_the_url():
    work = only_work("Revkin, Andrew C. “Clinton on Climate Change.” The New York Times, 17 May 2007, "
                     "www.nytimes.com/video/world/americas/clinton-on-climate-change.html. Accessed 29 July 2016.")
    assert work["author"] == [{"family": "Revkin", "given": "Andrew C."}]
    assert work["container-title"] == "The New York Times" and work["issued"]["date-parts"][0] == [2007, 5, 17]
    assert work["accessed"]["date-parts"][0] == [2016, 7, 29]
