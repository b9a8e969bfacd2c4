"""Read one Chicago note whole (Chicago Manual of Style, notes and bibliography): a book "Given Family, *Title*, ed.
Given Family (Place: Publisher, Year), 12.", an article "Given Family, “Title,” *Journal* 33, no. 5 (May 1980):
31–47."; None unless every part of the note has its place in that grammar (a remark around the reference, a report
number, a chapter as the locator: the other readers' business), and None for a short note ("Family, *Short Title*,
12."), which is no work by itself."""

from __future__ import annotations

import re

from volume.references.dates import date_field
from volume.references.mla import INITIAL, WORD, _date

PARTICLE = r"(?:von|van|de|del|della|di|da|du|le|la|van der|von der|de la)"
CAPITAL = "(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"  # a name's words begin with a capital, but for its particles
PERSON = rf"(?:{CAPITAL}(?:{INITIAL}|{WORD})\s){{1,3}}(?:{PARTICLE}\s)?{CAPITAL}{WORD}(?:,?\sJr\.)?"
PEOPLE_RE = re.compile(rf"(?P<people>{PERSON}(?:,\s{PERSON})*(?:,?\sand\s{PERSON})?)")
ROLE_RE = re.compile(rf",\s(?P<role>ed\.|eds\.|trans\.|ed\. and trans\.|edited by|translated by)\s"
                     rf"(?P<people>{PERSON}(?:,\s{PERSON})*(?:,?\sand\s{PERSON})?)")
LOCATOR = r"(?:pp?\.\s)?[\dxivlc]+(?:[–-]\d+)?(?:,\s\d+(?:[–-]\d+)?)*"
BOOK_RE = re.compile(rf"\*(?P<title>[^*]+?),?\*(?P<roles>(?:{ROLE_RE.pattern})?)\s\((?:(?P<place>[^():]+?):\s)?"
                     rf"(?P<publisher>[^():,]+(?:,\s(?:Inc|Ltd|LLC)\.?)?),\s(?P<date>[^():,]+)\)"
                     rf"(?:,\s(?P<locator>{LOCATOR}))?\.$")
ARTICLE_RE = re.compile(rf"[“\"](?P<title>[^“”\"]+?),[”\"]\s(?P<star>\*?)(?P<journal>[^*()“”\",]+?)(?P=star)\s"
                        rf"(?P<volume>\d+)(?:,\sno\.\s(?P<issue>[\w–-]+))?\s\((?P<date>[^()]+)\)"
                        rf"(?::\s|,\s)(?P<page>(?:pp?\.\s)?\d+(?:[–-]\d+)?)\.$")
SHORT_RE = re.compile(rf"(?P<family>(?:{PARTICLE}\s)?(?=[A-Z]){WORD}),\s(?:\*(?P<italic>[^*]+?),?\*|[“\"](?P<quoted>[^“”\"]+?),[”\"]"
                      rf"|(?P<plain>[A-Z][^*“”\",.():;/\[\]]+?)),?\s(?P<locator>{LOCATOR})\.$")
NUMBER_RE = re.compile(r"^\d{1,3}\s(?=[A-Z])")  # the note's own number, written before it


def _people(text: str) -> list[dict] | None:
    names = [n.strip() for n in re.split(r",\s(?:and\s)?|\sand\s", text) if n.strip()]
    people = []
    for name in names:
        words = name.split()
        cut = len(words) - 1
        while cut > 1 and re.fullmatch(PARTICLE, " ".join(words[cut - 1:cut])):
            cut -= 1
        given, family = " ".join(words[:cut]), " ".join(words[cut:])
        if not given or not re.fullmatch(rf"{WORD}", words[-1]) or len(words[-1]) < 2:
            return None
        people.append({"family": family, "given": given})
    return people or None


def _issued(text: str) -> dict | None:
    text = re.sub(r"(\w)–\s(\w)", r"\1–\2", text.strip())
    parts = _date(text) or _date(re.sub(r"^[A-Z][a-z]+\.?[–-]\s?", "", text))  # "September–October 1980": its year
    return date_field(parts) if parts else None


def _read(text: str) -> dict | None:
    """A CSL-JSON item (with the cited locator) from one Chicago note read whole, or None."""
    text = NUMBER_RE.sub("", " ".join(text.split()))
    if SHORT_RE.fullmatch(text):  # a short note points at the full note before it: printed alone as a work, it would
        return None  # read "Xiao, *Selected Military Writings*, n.d., 363.", so it stays as written
    people = PEOPLE_RE.match(text)
    if not people or text[people.end():people.end() + 2] != ", ":
        return None
    authors = _people(people["people"])
    rest = text[people.end() + 2:]
    if authors is None:
        return None
    book, article = BOOK_RE.fullmatch(rest), ARTICLE_RE.fullmatch(rest)
    work: dict = {"author": authors}
    if book:
        issued = _issued(book["date"])
        if not issued or re.search(r"\d", book["publisher"]):
            return None
        work.update({"title": book["title"].strip(), "publisher": book["publisher"].strip(), "issued": issued,
                     "type": "book"})
        if book["place"]:
            work["publisher-place"] = book["place"].strip()
        if book["roles"]:
            role = ROLE_RE.match(book["roles"])
            editors = _people(role["people"])
            if editors is None:
                return None
            work["editor" if role["role"].startswith("ed") else "translator"] = editors
        if book["locator"]:
            work["locator"] = book["locator"]
        return work
    if article:
        issued = _issued(article["date"])
        if not issued:
            return None
        work.update({"title": article["title"].strip(), "container-title": article["journal"].strip(),
                     "volume": article["volume"], "issued": issued, "type": "article-journal",
                     "page": re.sub(r"^pp?\.\s", "", article["page"])})
        if article["issue"]:
            work["issue"] = article["issue"]
        return work
    return None


def parse_chicago_note(text: str) -> dict | None:
    """A CSL-JSON item from one Chicago note read whole, with the text it was read from, or None."""
    work = _read(text)
    return {**work, "note-text": NUMBER_RE.sub("", " ".join(text.split()))} if work else None
