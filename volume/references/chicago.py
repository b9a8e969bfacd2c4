"""Parse one Chicago note or bibliography entry: Given Family, "Title," Container, Month D, YYYY, URL."""

from __future__ import annotations

import re

from volume.references.dates import date_field, find_date
from volume.references.fields import add_parenthetical, assign_plain, ordered, title_extras
from volume.references.segment import Piece
from volume.references.text import split_elements, unitalic
from volume.references.urls import extract_links

JOURNAL_RE = re.compile(
    r"\*(?P<container>[^*]+)\*\s*,?\s*(?P<volume>\d+)(?:\s*,\s*no\.\s*(?P<issue>[\w–-]+))?"
    r"\s*\((?P<date>[^()]+)\)(?:\s*:\s*(?P<page>[\w]+(?:\s*[–—-]\s*[\w]+)?))?"
)
BOOK_RE = re.compile(
    r"\(?\s*(?:(?P<place>[A-Z][^:()]{1,40}):\s*)?(?P<publisher>[^():]{2,80}?),\s*(?P<year>\d{4})\s*\)?"
    r"(?:\s*,\s*(?P<locator>(?:pp?\.\s*)?\d+(?:\s*[–—-]\s*\d+)?))?\s*$"
)
# IEEE's "…,” Journal, vol. 5, no. 4, pp. 1835-1844, Jul. 2014.": with a volume, the pages are the article's
VOLUME_PARTS_RE = re.compile(r",\s*vol\.\s*(?P<volume>\w+)(?:,\s*no\.\s*(?P<issue>[\w–-]+))?"
                             r"(?:,\s*pp?\.\s*(?P<page>[A-Za-z]?\d+(?:\s*[–—-]\s*[A-Za-z]?\d+)?))?(?=,|\.?\s*$)")
LOCATOR_TAIL_RE = re.compile(r"(?:^|,\s*)(?P<locator>(?:pp?\.\s*)?\d+(?:\s*[–—-]\s*\d+)?)\s*$")


def _title(body: str) -> tuple[str, str, bool]:
    """The quoted or italic title a Chicago reference opens with: (title, rest, italic)."""
    close_char = {"“": "”", '"': '"', "*": "*"}.get(body[:1])
    close = body.find(close_char, 1) if close_char else -1
    if close < 0:
        return "", body, False
    title = body[1:close].strip().rstrip(",.").strip()
    return unitalic(title), body[close + 1 :].lstrip(" ,."), body[0] == "*"


def _container(work: dict, element: str) -> None:
    """The first element after the title: the periodical or site, a parenthetical after it the publisher."""
    match = re.match(r"^(?P<name>.*?)\s*(?P<paren>\([^()]*(?:\([^()]*\)[^()]*)*\))?$", element)
    name, paren = (match["name"], match["paren"]) if match else (element, None)
    work["container-title"] = unitalic(name)
    work["container-italic"] = name.startswith("*")
    if paren and paren[1:2].isupper() and not work.get("publisher"):
        work["publisher"] = unitalic(paren[1:-1])
    elif paren:
        add_parenthetical(work, unitalic(paren))


def _rest(work: dict, rest: str, italic_title: bool) -> None:
    parts = None if italic_title else VOLUME_PARTS_RE.search(rest)
    if parts:
        work.update({k: parts[k].strip() for k in ("volume", "issue", "page") if parts[k]})
        rest = rest[: parts.start()] + rest[parts.end() :]
    journal = JOURNAL_RE.search(rest)
    if journal:
        work.update({k: journal[k].strip() for k in ("volume", "issue", "page") if journal[k]})
        work["container-title"] = unitalic(journal["container"])
        year = re.search(r"\d{4}", journal["date"])
        parts = (find_date(journal["date"]) or (0, 0, [int(year.group())] if year else None))[2]
        if parts:
            work["issued"] = date_field(parts)
        rest = rest[: journal.start()] + rest[journal.end() :]
    book = BOOK_RE.search(rest) if italic_title else None
    if book and not journal:
        work.update({k: book[k].strip() for k in ("publisher", "locator") if book[k]})
        if book["place"]:
            work["publisher-place"] = book["place"].strip()
        work["issued"] = date_field([int(book["year"])])
        rest = rest[: book.start()]
    date = find_date(rest)
    if date and "issued" not in work:
        work["issued"] = date_field(date[2])
        rest = rest[: date[0]] + rest[date[1] :]
    locator = LOCATOR_TAIL_RE.search(rest.strip(" ,."))
    if locator and not work.get("locator"):
        work["locator"] = locator["locator"]
        rest = rest.strip(" ,.")[: locator.start()]
    for element in split_elements(rest, commas=True):
        if not work.get("container-title") and not italic_title:
            _container(work, element)
        else:
            assign_plain(work, element, "publisher")


def _kind(work: dict, italic_title: bool) -> str:
    if work.get("volume") or "journal" in work.get("container-title", "").lower():
        return "article-journal"
    if italic_title:
        return "book" if work.get("publisher") and not work.get("URL") else "report"
    if work.get("container-italic"):
        return "article-newspaper"
    return "webpage"


def parse_chicago(piece: Piece) -> dict:
    """A CSL-JSON item from one Chicago note or bibliography entry."""
    work: dict = {}
    if piece.authors:
        work["author"] = [dict(a) for a in piece.authors]
    title, rest, italic = _title(piece.body)
    work["title"] = title_extras(title, work)
    rest, links = extract_links(rest)
    work.update(links)
    _rest(work, rest, italic)
    work["type"] = _kind(work, italic)
    work.pop("container-italic", None)
    work["note-text"] = piece.text
    return ordered(work)
