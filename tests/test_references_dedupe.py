"""Consolidating cited works across chapters: URL normalisation, merging, conflicts, determinism."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from volume.references.dedupe import Citation, consolidate
from volume.references.parse import parse_note
from volume.references.urls import doi_from_url, normalize_url

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


@pytest.mark.parametrize(
    "url, normal",
    [
        ("HTTP://WWW.Example.COM/a/b/", "https://example.com/a/b"),
        ("https://example.com/a/b", "https://example.com/a/b"),
        (
            "http://belfercenter.org/publication/kazakhs-wary/",
            "https://belfercenter.org/publication/kazakhs-wary",
        ),
        (
            "https://www.belfercenter.org/publication/kazakhs-wary",
            "https://belfercenter.org/publication/kazakhs-wary",
        ),
        ("https://example.com/page#section-2", "https://example.com/page"),
        ("https://example.com/a?utm_source=x&utm_medium=email&b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?fbclid=IwAR0&gclid=xyz&ref=tw&id=840", "https://example.com/a?id=840"),
        ("http://example.com:80/x/", "https://example.com/x"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://pronews.am/%d0%b1%d0%be/", "https://pronews.am/%D0%B1%D0%BE"),
        (
            "https://business-humanrights.org/fr/dernières-actualités/x",
            normalize_url("https://business-humanrights.org/fr/derni%C3%A8res-actualit%C3%A9s/x"),
        ),
        ("www.carnegieendowment.org/research/2021/10/x/", "https://carnegieendowment.org/research/2021/10/x"),
        ("<https://example.com/a>", "https://example.com/a"),
        (
            "https://obor.nea.gov.cn/v_country/getDataCountry.html?status=2&id=279",
            "https://obor.nea.gov.cn/v_country/getDataCountry.html?id=279&status=2",
        ),
    ],
)
def test_normalize_url(url, normal):
    assert normalize_url(url) == normal


@pytest.mark.parametrize(
    "url, doi",
    [
        ("https://doi.org/10.1057/s41311-020-00244-6", "10.1057/s41311-020-00244-6"),
        ("http://dx.doi.org/10.1093/ia/iix182", "10.1093/ia/iix182"),
        ("https://link.springer.com/article/10.1057/s41311-020-00244-6", "10.1057/s41311-020-00244-6"),
        ("https://read.oecd.org/10.1787/9a7c4ed5-en?format=html", "10.1787/9a7c4ed5-en"),
        ("https://armroad.am/en/news/inner/News_02.09.2020", None),
        ("not a url", None),
    ],
)
def test_doi_from_url(url, doi):
    assert doi_from_url(url) == doi


def cite(text: str, chapter: str, number: int | None, note: int, line: int = 1) -> list[Citation]:
    return [
        Citation(work, chapter, number, note, (f"chapters/{chapter}.md", line))
        for work in parse_note(text).works
    ]


LE_CORRE_APA = (
    "Le Corre, P. (2019, February 28). *Kazakhs wary of Chinese embrace as BRI gathers steam*. Belfer Center "
    "for Science and International Affairs. https://www.belfercenter.org/publication/kazakhs-wary-chinese-"
    "embrace-bri-gathers-steam"
)
LE_CORRE_CHICAGO = (
    'Philippe Le Corre, "Kazakhs Wary of Chinese Embrace as BRI Gathers Steam," Belfer Center for '
    "Science and International Affairs, February 28, 2019, http://belfercenter.org/publication/kazakhs-"
    "wary-chinese-embrace-bri-gathers-steam/."
)
COOLEY_APA = (
    "Cooley, A. (2012). *Great games, local rules: The new great power contest in Central Asia*. "
    "Oxford University Press."
)
COOLEY_CHICAGO = (
    "Alexander Cooley, *Great Games, Local Rules: The New Great Power Contest in Central Asia* (New York: "
    "Oxford University Press, 2012), 74."
)
PIEPER_DOI = (
    "Pieper, M. (2021). The linchpin of Eurasia: Kazakhstan and the Eurasian Economic Union between Russia's "
    "defensive regionalism and China's new Silk Roads. *International Politics*, *58*, 462–482. "
    "https://doi.org/10.1057/s41311-020-00244-6"
)
PIEPER_PUBLISHER = (
    "Pieper, M. (2021). The Linchpin of Eurasia: Kazakhstan and the Eurasian Economic Union Between "
    "Russia's Defensive Regionalism and China's New Silk Roads. *International Politics*, *58*. "
    "https://link.springer.com/article/10.1057/s41311-020-00244-6"
)
WORLD_BANK_REPORT = (
    "World Bank. (2023). *Middle trade and transport corridor: Policies and investments to triple "
    "freight volumes and halve travel time by 2030*. World Bank. https://openknowledge.worldbank.org/"
    "entities/publication/4d781a1f-ace4-420d-9192-964bbc98b0d1"
)
WORLD_BANK_VIDEO = (
    "World Bank. (2023, December 16). *Realizing the full potential of the Middle Corridor* [Video]. "
    "https://www.worldbank.org/en/news/video/2023/12/16/realizing-the-full-potential-of-the-middle-corridor"
)


def test_same_work_written_differently_in_two_chapters_is_one_entry():
    citations = cite(LE_CORRE_APA, "kazakhstan", 4, 1, 64) + cite(LE_CORRE_CHICAGO, "uzbekistan", 8, 3, 70)
    entries, conflicts = consolidate(citations)
    assert conflicts == []
    assert [e.id for e in entries] == ["lecorre2019kazakhs"]
    assert [(c.chapter_id, c.note_number) for c in entries[0].citations] == [
        ("kazakhstan", 1),
        ("uzbekistan", 3),
    ]


def test_works_without_url_merge_on_author_year_and_title():
    citations = cite(COOLEY_APA, "a", 1, 1) + cite(COOLEY_CHICAGO, "b", 2, 7)
    entries, _ = consolidate(citations)
    assert len(entries) == 1
    assert entries[0].id == "cooley2012great"
    assert entries[0].work["publisher-place"] == "New York"  # the most complete version


def test_same_doi_merges_despite_different_urls():
    citations = cite(PIEPER_DOI, "kazakhstan", 4, 5) + cite(PIEPER_PUBLISHER, "georgia", 3, 9)
    entries, conflicts = consolidate(citations)
    assert len(entries) == 1 and conflicts == []
    assert entries[0].work["DOI"] == "10.1057/s41311-020-00244-6"
    assert entries[0].work["page"] == "462–482"


def test_two_works_of_one_organisation_in_one_year_stay_apart():
    entries, conflicts = consolidate(
        cite(WORLD_BANK_REPORT, "georgia", 3, 16) + cite(WORLD_BANK_VIDEO, "turkmenistan", 7, 19)
    )
    assert [e.id for e in entries] == ["worldbank2023middle", "worldbank2023realizing"]
    assert conflicts == []


def test_same_organisation_same_year_similar_subject_stays_apart():
    visit = (
        "Daryo. (2023, May 20). *Shavkat Mirziyoyev's state visit to China ends*. "
        "https://daryo.uz/en/2023/05/20/shavkat-mirziyoyevs-state-visit-to-china-ends"
    )
    debt = (
        "Daryo. (2023, November 8). *Uzbekistan's public debt rises by $2.3bn in first half of 2023*. "
        "https://daryo.uz/en/2023/11/08/uzbekistans-public-debt-rises-by-23bn-in-first-half-of-2023"
    )
    entries, _ = consolidate(cite(visit, "u", 8, 11) + cite(debt, "u", 8, 12))
    assert len(entries) == 2


def test_same_url_with_different_titles_is_a_conflict_with_both_locations():
    first = cite(
        "China.org.cn. (2009, December 15). [Report on the opening of the Central Asia–China gas pipeline]. "
        "http://english.china.org.cn/business/2009-12/15/content_19069477.htm",
        "introduction",
        None,
        4,
        59,
    )
    second = cite(
        "China.org.cn. (2009, December 15). [Landmark Central Asia–China gas pipeline begins pumping natural "
        "gas]. https://english.china.org.cn/business/2009-12/15/content_19069477.htm",
        "uzbekistan",
        8,
        15,
        82,
    )
    entries, conflicts = consolidate(first + second)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "title"
    # numbered chapters sort before unnumbered ones, so the Uzbekistan citation comes first
    assert conflict.first.location == ("chapters/uzbekistan.md", 82)
    assert conflict.second.location == ("chapters/introduction.md", 59)
    assert "english.china.org.cn" in conflict.message and "Landmark" in conflict.message
    assert len(entries) == 1  # one URL, one work: the conflict is reported, the entry chosen deterministically
    assert len(entries[0].citations) == 2


def test_same_url_with_different_years_is_a_conflict():
    later = "Civil.ge. (2024). Chinese companies in Georgia: Sanctions, delays and concerns. https://civil.ge/archives/578206"
    earlier = "Civil.ge. (2023). Chinese companies in Georgia: Sanctions, delays and concerns. http://civil.ge/archives/578206/"
    _, conflicts = consolidate(cite(later, "georgia", 3, 17, 91) + cite(earlier, "armenia", 1, 2, 73))
    assert [(c.kind, c.first.location, c.second.location) for c in conflicts] == [
        ("year", ("chapters/armenia.md", 73), ("chapters/georgia.md", 91))
    ]


def test_repeated_identical_citations_raise_no_conflict():
    text = (
        "Massis Post. (2025, August 31). Armenia and China establish strategic partnership. "
        "https://massispost.com/2025/08/armenia-and-china-establish-strategic-partnership/"
    )
    entries, conflicts = consolidate(cite(text, "armenia", 1, 6) + cite(text, "armenia", 1, 25))
    assert len(entries) == 1 and len(entries[0].citations) == 2 and conflicts == []


def chapter_citations() -> list[Citation]:
    citations = []
    for number, path in enumerate(sorted(CHAPTERS.glob("*.md")), 1):
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\[\^(\d+)\]:\s*(.*)", text)
            if match:
                for work in parse_note(match.group(2)).works:
                    citations.append(
                        Citation(work, path.stem, number, int(match.group(1)), (str(path), line))
                    )
    return citations


def test_consolidation_is_deterministic_and_ids_unique():
    citations = chapter_citations()
    entries, conflicts = consolidate(citations)
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+", i) for i in ids)
    assert sum(len(e.citations) for e in entries) == len(citations)
    for seed in range(3):
        shuffled = citations[:]
        random.Random(seed).shuffle(shuffled)
        again, again_conflicts = consolidate(shuffled)
        assert again == entries
        assert again_conflicts == conflicts
