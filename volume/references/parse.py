"""Parse one free-text endnote into CSL-JSON works, an Ibid. marker, a comment and what is left unparsed."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from volume.references.apa import parse_apa
from volume.references.chicago import parse_chicago
from volume.references.segment import Piece, layout
from volume.references.text import is_prose
from volume.references.urls import doi_from_url, find_urls

logger = logging.getLogger(__name__)

IBID_RE = re.compile(r"^\s*\*?(?:ibid(?:em)?)\b\.?\*?\s*,?\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
LOCATOR_RE = re.compile(
    r"^(?P<locator>(?:(?:pp?|paras?|ch|chap|sec|fn|n)\.|pages?|§|at)\s*\w+"
    r"(?:\s*(?:[–—-]|,|and)\s*\w+)*"
    r"|\d+(?:\s*[–—-]\s*\d+)?)\s*\.?\s*(?=$|[;,.]|\s)"
)
CITATION_HINT_RE = re.compile(r"https?://|www\.|\b(?:1[5-9]|20)\d{2}\b|\*[^*]+\*|[\"“][^\"”]+[\"”]")
URL_SEPARATOR_RE = re.compile(r"(?<=\S);\s+")


@dataclass(frozen=True)
class ParsedNote:
    """What one endnote cites."""

    works: tuple[dict, ...] = ()
    ibid: bool = False
    ibid_locator: str | None = None
    comment: str = ""
    unparsed: tuple[str, ...] = ()


def _work(piece: Piece) -> dict | None:
    work = parse_apa(piece) if piece.style == "apa" else parse_chicago(piece)
    return work if work.get("title") or work.get("URL") else None


def _without_references(text: str) -> ParsedNote:
    """A note in which no reference was recognised: a bare URL is a work; citation-like text is unparsed."""
    works, unparsed, comments = [], [], []
    for part in URL_SEPARATOR_RE.split(text):
        urls = find_urls(part)
        rest = part
        for start, end, _url in reversed(urls):
            rest = rest[:start] + rest[end:]
        if len(urls) == 1 and not re.sub(r"(?i)\b(?:see|at|online|available|from)\b|[\s.,:;<>]", "", rest):
            doi = doi_from_url(urls[0][2])
            works.append(
                {
                    "type": "webpage",
                    "URL": urls[0][2],
                    **({"DOI": doi} if doi else {}),
                    "note-text": part.strip(),
                }
            )
        elif CITATION_HINT_RE.search(part) and not (is_prose(part) and not urls):
            unparsed.append(part.strip())
        elif part.strip():
            comments.append(part.strip())
    return ParsedNote(tuple(works), False, None, "; ".join(comments), tuple(unparsed))


def _parse(text: str) -> ParsedNote:
    text = " ".join(text.split())
    ibid = IBID_RE.match(text)
    if ibid:
        rest = ibid["rest"].strip()
        locator = LOCATOR_RE.match(rest)
        if locator:
            rest = rest[locator.end() :].strip(" ;,.")
        inner = _parse(rest) if rest else ParsedNote()
        return ParsedNote(
            inner.works, True, locator["locator"].strip() if locator else None, inner.comment, inner.unparsed
        )
    comment, pieces = layout(text)
    if not pieces:
        return _without_references(text)
    works, unparsed = [], []
    for piece in pieces:
        work = _work(piece)
        if work:
            works.append(work)
        else:
            unparsed.append(piece.text)
    return ParsedNote(tuple(works), False, None, comment, tuple(unparsed))


def parse_note(text: str, *, strict: bool = False) -> ParsedNote:
    """Parse an endnote; never raises (unless strict, for tests): what fails is returned as unparsed."""
    try:
        return _parse(text if isinstance(text, str) else str(text))
    except Exception:
        if strict:
            raise
        logger.debug("could not parse note %r", text, exc_info=True)
        return ParsedNote(unparsed=(text,) if str(text).strip() else ())
