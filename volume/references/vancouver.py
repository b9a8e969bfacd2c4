"""Read one Vancouver (NLM, PubMed) reference: "Family AB, Family C, et al. Title. Abbrev Journal. 2019 Mar
4;12(3):45-67." or "Family AB. Title. 2nd ed. Place: Publisher; 2009."; None if the reference does not have that shape
throughout (the labeller reads it then)."""

from __future__ import annotations

import re

from volume.references.dates import date_field

PARTICLES = frozenset("van von der den de del della di da du le la el al ten ter".split())
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
ARTICLE_RE = re.compile(
    r"^(?P<title>[^\W\d_].+?[.?!])\s+(?P<journal>[^\W\d_][^.;:?!()\[\]]{0,80}?)\.?\s+" + YEAR
    + r"(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?;\s*(?P<volume>\d+)?(?:\s*\((?P<issue>[^)]{1,12})\))?(?:\s*Suppl\s*\d*)?"
    r":\s*(?P<page>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\.?(?P<tail>.*)$")
BOOK_RE = re.compile(
    r"^(?P<title>[^\W\d_].+?[.?!])(?:\s+\d+(?:st|nd|rd|th|\.)\s+(?:ed|Aufl|éd)\.)?\s+(?P<place>[^\W\d_][^.:;]{0,40}?):\s*"
    r"(?P<publisher>[^\W\d_][^;:]{0,80}?);\s*" + YEAR + r"\.?$")
TAIL_RE = re.compile(r"^(?:\s*(?:doi:\s*(?P<doi>10\.\S+?)|\[doi:\s*(?P<doi2>10\.[^\]]+)\]|PMID:\s*\d+|PMCID:\s*\w+|"
                     r"Available from:\s*\S+?)\.?)*\s*$", re.IGNORECASE)


def parse_vancouver(text: str) -> dict | None:
    """The work of a Vancouver reference, or None."""
    text = " ".join(text.split())
    names, dot, rest = text.partition(". ")
    people = _people(names) if dot else None
    if not people:
        return None
    article, book = ARTICLE_RE.match(rest), BOOK_RE.match(rest)
    if article and all(w.endswith(".") for w in article["title"].split()[-2:]):
        return None  # "A title. Occup. Environ. Med.": a journal abbreviated with full stops, not read here
    if article and TAIL_RE.match(article["tail"]):
        work = {"type": "article-journal", "author": people, "title": _title(article["title"]),
                "container-title": article["journal"].strip(), "issued": date_field([int(article["year"])]),
                "page": article["page"]}
        tail = TAIL_RE.match(article["tail"])
        for key, value in (("volume", article["volume"]), ("issue", article["issue"]),
                           ("DOI", tail["doi"] or tail["doi2"])):
            if value:
                work[key] = value.strip()
        return work
    if book:
        return {"type": "book", "author": people, "title": _title(book["title"]),
                "publisher-place": book["place"].strip(), "publisher": book["publisher"].strip(),
                "issued": date_field([int(book["year"])])}
    return None


def _title(title: str) -> str:
    return title[:-1] if title.endswith(".") else title  # a question keeps its question mark


def _people(names: str) -> list[dict] | None:
    """"Collins GS, Reitsma JB, et al": each family name with its initials (capitals without full stops); None if
    any name has another shape (a body, given names written out)."""
    names = re.sub(r",?\s+et al(?:;.*)?$", "", names.strip())
    people = []
    for name in names.split(", "):
        words = name.split()
        initials, family = words[-1] if words else "", words[:-1]
        if not family or not (1 <= len(initials) <= 3 and initials.isalpha() and initials.isupper()):
            return None
        if not all(w.lower() in PARTICLES or w[0].isupper() and w[:1].isalpha() for w in family):
            return None
        if family[-1].lower() in PARTICLES or len(family) > 3:
            return None
        people.append({"family": " ".join(family), "given": initials})
    return people or None
