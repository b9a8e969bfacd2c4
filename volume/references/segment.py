"""Find the references in a note: the comment before, each author, and the date or title anchoring it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from volume.references.dates import parse_apa_date
from volume.references.names import apa_authors, chicago_authors
from volume.references.text import BOUNDARY_RE, is_prose, sentence_end
from volume.references.urls import find_urls

APA_DATE_RE = re.compile(
    r"(?:(?<=\s)|^)\((?P<date>\d{4}[a-z]?(?:\s*,\s*[^()]{1,40}?)?|n\.\s?d\.(?:-?[a-z])?)\)(?:\s*\.|\s*$)"
)
CHICAGO_RE = re.compile(r"(?P<sep>[,.])\s+(?P<open>[\"“]|\*(?=[^\s*]))")
QUOTE_START_RE = re.compile(r"(?:^|(?<=;\s)|(?<=[.?!]\s))[\"“]")
LEAD_IN_RE = re.compile(
    r"\b(?:(?:see|cf\.)(?:\s+also)?|(?:named|cited|quoted|reported|published|summari[sz]ed|described"
    r"|discussed"
    r"|documented|given|found|listed)\s+(?:in|by)|according\s+to)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """One reference of a note: its text as written, its style, authors, and the parts the parsers need."""

    text: str
    style: str  # "apa", "chicago" (notes), "chicago-bib" (bibliography), "chicago-anon" (no author)
    authors: tuple[dict, ...]
    author_text: str  # what stands in the author position: the title, for an APA reference without author
    date: str | None  # inside APA's date parentheses
    body: str  # after APA's date, or from a Chicago title on


@dataclass(frozen=True)
class _Anchor:
    pos: int
    region_end: int  # where the author text ends
    body_start: int
    floor: int  # nothing before this can start the next reference
    style: str
    date: str | None = None
    people_only: bool = False


def _closing(text: str, open_at: int) -> int | None:
    """Where the quoted or italic title opened at open_at closes, if it closes like a Chicago title."""
    char = text[open_at]
    close = text.find({"“": "”", '"': '"', "*": "*"}[char], open_at + 1)
    if close < 0:
        return None
    if char != "*" and text[close - 1] not in ",.?!" and text[close + 1 : close + 2] != ",":
        return None
    return close


def _anchors(text: str) -> list[_Anchor]:
    found = []
    for m in APA_DATE_RE.finditer(text):
        if parse_apa_date(m["date"]) is not None:
            found.append(_Anchor(m.start(), m.start(), m.end(), m.end(), "apa", m["date"]))
    for m in CHICAGO_RE.finditer(text):
        close = _closing(text, m.start("open"))
        if close is not None:
            style = "chicago-bib" if m["sep"] == "." else "chicago"
            found.append(
                _Anchor(m.start(), m.start(), m.start("open"), close + 1, style, None, m["open"] == "*")
            )
    for m in QUOTE_START_RE.finditer(text):
        close = _closing(text, m.start())
        if close is not None:
            found.append(_Anchor(m.start(), m.start(), m.start(), close + 1, "chicago-anon"))
    return sorted(found, key=lambda a: (a.pos, a.style))


def _candidates(text: str, floor: int, end: int, first: bool) -> list[tuple[int, bool]]:
    """Where an author may begin: (position, whether it follows a sentence end or semicolon)."""
    lead = LEAD_IN_RE.match(text) if first else None
    found = {lead.end() if lead else 0: True} if first else {}
    for m in BOUNDARY_RE.finditer(text, floor, end):
        hard = text[m.start()] in ";?!" or sentence_end(text, m.start())
        found[m.end()] = found.get(m.end(), False) or hard
    for m in LEAD_IN_RE.finditer(text, floor, end):
        found.setdefault(m.end(), False)
    return sorted((p, h) for p, h in found.items() if p < end and (first or text[floor:p].strip()))


def _validator(anchor: _Anchor) -> Callable[[str], list[dict] | None]:
    if anchor.style == "apa":
        return apa_authors
    inverted = anchor.style == "chicago-bib"
    return lambda region: chicago_authors(region, inverted=inverted, people_only=anchor.people_only)


def _locate(text: str, floor: int, anchor: _Anchor, first: bool) -> tuple[int, tuple[dict, ...]] | None:
    """Where the reference anchored here begins, and its authors; None if the anchor starts no reference."""
    if anchor.style == "chicago-anon":
        return (anchor.pos, ()) if first or text[floor : anchor.pos].strip() else None
    candidates = _candidates(text, floor, anchor.region_end, first)
    validate = _validator(anchor)
    for position, _hard in candidates:
        region = text[position : anchor.region_end].strip()
        authors = validate(region) if region and len(region) < 600 else None
        if authors:
            return position, tuple(authors)
    hard = [p for p, h in candidates if h and text[p : anchor.region_end].strip()]
    return (hard[-1], ()) if anchor.style == "apa" and hard else None


def _end_without_prose(text: str, start: int, end: int, body_start: int, inline: bool) -> int:
    """The end of a reference once a sentence of comment after its URL (or before the next one) is cut off."""
    segment = text[start:end]
    urls = find_urls(segment)
    if urls:
        url_end = urls[-1][1]
        return start + url_end if is_prose(segment[url_end:].lstrip(" .,;")) else end
    if inline:
        bounds = [m.end() for m in BOUNDARY_RE.finditer(segment) if start + m.end() > body_start]
        if bounds and is_prose(segment[bounds[-1] :]):
            return start + bounds[-1]
    return end


def layout(text: str) -> tuple[str, list[Piece]]:
    """Split a note into its comment and its references."""
    located: list[tuple[int, _Anchor, tuple[dict, ...]]] = []
    floor = 0
    for anchor in _anchors(text):
        if anchor.pos < floor:
            continue
        found = _locate(text, floor, anchor, first=not located)
        if found:
            located.append((found[0], anchor, found[1]))
            floor = anchor.floor
    comments = [text[: located[0][0]].strip()] if located else [text.strip()]
    pieces = []
    for index, (start, anchor, authors) in enumerate(located):
        end = located[index + 1][0] if index + 1 < len(located) else len(text)
        inline = index + 1 < len(located) and not text[:end].rstrip().endswith(";")
        cut = _end_without_prose(text, start, end, anchor.body_start, inline)
        comments.append(text[cut:end].strip(" ;"))
        end = len(text[:cut].rstrip(" ;")) if cut == end else cut
        pieces.append(
            Piece(
                text=text[start:end].strip(),
                style=anchor.style,
                authors=authors,
                author_text=text[start : anchor.region_end].strip(),
                date=anchor.date,
                body=text[anchor.body_start : end].strip(),
            )
        )
    return " ".join(c for c in comments if c), pieces
