"""Parse one APA 7 reference: Author. (Date). Title. Container or Publisher. URL."""

from __future__ import annotations

import re

from volume.references.dates import date_field, parse_apa_date
from volume.references.fields import (
    add_note,
    add_parenthetical,
    assign_plain,
    italic_element,
    ordered,
    split_title,
    title_extras,
)
from volume.references.segment import Piece
from volume.references.text import split_elements, unitalic
from volume.references.urls import extract_links

JOURNAL_TAIL_RE = re.compile(
    r"^,\s*\*?(?P<volume>\d+[A-Za-z]?|[IVXLC]+)\*?\s*(?:\((?P<issue>[^()]+)\))?"
    r"(?:\s*,\s*(?P<page>(?:pp?\.\s*)?(?:Article\s+)?[\w]+(?:\s*[–—-]\s*[\w]+)?))?"
    r"(?:\s*(?P<extra>\([^()]*\)))?\s*$"
)
SPEECH_RE = re.compile(r"(?i)^\[?(?:testimony|speech|address|remarks|lecture)\b")


def _title_from_author(piece: Piece, work: dict) -> tuple[str, bool]:
    """For a reference without author, the title stands where the author would."""
    text = piece.author_text.strip()
    italic = text.startswith("*")
    title, _, _ = split_title(text, work) if italic else (unitalic(text).rstrip(" ."), False, "")
    return title_extras(title, work), italic


def _container(work: dict, element: str) -> None:
    """An italic element after an article title: a periodical, with volume, issue and pages if a journal."""
    name, after = italic_element(element) or ("", "")
    inside = re.fullmatch(r"(?P<name>.+?),\s*(?P<volume>\d+[A-Za-z]?)", name)
    if inside and (not after or after.startswith("(")):  # "*Water Policy, 10*(S2), 71–88": the volume in italics
        name, after = inside["name"], f"{inside['volume']}{after}"
    work["container-title"] = name
    journal = JOURNAL_TAIL_RE.match("," + after) if after[:1].isdigit() or after.startswith("*") else None
    if journal:
        work.update({k: journal[k] for k in ("volume", "issue", "page") if journal[k]})
        if journal["extra"]:
            add_parenthetical(work, journal["extra"])
        return
    paren = re.match(r"^(\([^()]*\))\s*(.*)$", after)
    if paren:
        add_parenthetical(work, paren.group(1))
        after = paren.group(2)
    add_note(work, after)


def _kind(work: dict, italic_title: bool) -> str:
    if work.get("volume"):
        return "article-journal"
    if SPEECH_RE.match(work.get("title", "")) or work.get("genre", "").lower() in {"speech", "testimony"}:
        return "speech"
    if work.get("genre", "").lower() == "video":
        return "motion_picture"
    if not italic_title and work.get("container-title") and work.get("container-italic"):
        return "article-newspaper"
    if italic_title and work.get("publisher"):
        return "report" if work.get("URL") or work.get("number") else "book"
    if italic_title and work.get("number"):
        return "report"
    return "webpage"


def parse_apa(piece: Piece) -> dict:
    """A CSL-JSON item from one APA reference."""
    work: dict = {}
    if piece.authors:
        work["author"] = [dict(a) for a in piece.authors]
    parts, suffix = parse_apa_date(piece.date or "") or (None, None)
    if parts:
        work["issued"] = date_field(parts)
    if suffix:
        work["year-suffix"] = suffix
    body, links = extract_links(piece.body)
    work.update(links)
    if piece.authors:
        title, italic, rest = split_title(body, work)
    else:
        (title, italic), rest = _title_from_author(piece, work), body
    work["title"] = title
    for element in split_elements(rest):
        if italic_element(element) and not italic and not work.get("container-title"):
            _container(work, element)
            work["container-italic"] = True
        else:
            assign_plain(work, element, "publisher" if italic else "container-title")
    work["type"] = _kind(work, italic)
    work.pop("container-italic", None)
    work["note-text"] = piece.text
    return ordered(work)
