"""Parse one free-text endnote: its references, each read into a CSL-JSON work or kept as written, an Ibid.
marker, its locator and the comment around the references."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from volume.references.apa import parse_apa
from volume.references.checks import doubts
from volume.references.chicago_notes import parse_chicago_note
from volume.references.chicago import parse_chicago
from volume.references.french import parse_french
from volume.references.gost import parse_gost
from volume.references.mla import parse_mla
from volume.references.read import decide
from volume.references.segment import Piece, layout
from volume.references.text import is_prose
from volume.references.urls import doi_from_url, find_urls
from volume.references.web_notes import read_web_note, split_remark

logger = logging.getLogger(__name__)

IBID_RE = re.compile(r"^\s*\*?(?:ibid(?:em)?)\b\.?\*?\s*,?\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
LOCATOR_RE = re.compile(
    r"^(?P<locator>(?:(?:pp?|paras?|ch|chap|sec|fn|n)\.|pages?|§|at)\s*\w+"
    r"(?:\s*(?:[–—-]|,|and)\s*\w+)*"
    r"|\d+(?:\s*[–—-]\s*\d+)?)\s*\.?\s*(?=$|[;,.]|\s)"
)
CITATION_HINT_RE = re.compile(r"https?://|www\.|\b(?:1[5-9]|20)\d{2}\b|\*[^*]+\*|[\"“][^\"”]+[\"”]")
URL_SEPARATOR_RE = re.compile(r"(?<=\S);\s+")
REFERENCE_START_RE = re.compile(  # how a reference in a list starts: a number, a name, a quoted or italic title
    r"(?:\[\d+\]|\d{1,3}[.)])?\s*(?:[^\W\d_][\w'’\-]+,\s|[^\W\d_][\w'’\-]+\s[^\W\d_]{1,3}[,.\s]|"
    r"[^\W\d_]\.\s?[^\W\d_]|[“\"«‘*])"
)
HOUSE_STYLES = ("apa", "chicago", "chicago-anon")  # the forms the house rules were written for
PROSE_READ = True  # a part of a note that reads as prose but has a year, a URL or a quoted or italic title is
# given to the labeller (a reference with a sentence-case title reads as prose)
WEB_NOTE = 0.95  # confidence in a note that matches one of the pasted web-note forms exactly


@dataclass(frozen=True)
class Cited:
    """One reference in a note: its text and span in the note, and the work read from it, or why it is kept."""

    text: str
    start: int  # in the note's text with its whitespace collapsed
    end: int
    work: dict | None  # CSL-JSON; None when the reference is kept as written
    confidence: float
    method: str  # "rules", "model", "rules+model", "url"
    reason: str = ""  # why it is kept as written
    locator: str | None = None  # "p. 45", the part of the work the note points at
    signals: dict | None = field(default=None, compare=False, repr=False)  # of the calibrated confidence


@dataclass(frozen=True)
class ParsedNote:
    """What one endnote cites."""

    works: tuple[dict, ...] = ()
    ibid: bool = False
    ibid_locator: str | None = None
    comment: str = ""
    unparsed: tuple[str, ...] = ()
    readings: tuple[Cited, ...] = ()


def _note(readings: list[Cited], comment: str, ibid: bool = False, locator: str | None = None) -> ParsedNote:
    works = tuple(r.work for r in readings if r.work)
    kept = tuple(r.text for r in readings if not r.work)
    return ParsedNote(works, ibid, locator, comment, kept, tuple(readings))


def _cited(text: str, note: str, work: dict | None, threshold: float, house: str = "",
           prose: bool = False) -> Cited:
    """A reference read by the rules (work) and the labeller together; house: the house form the rules read it in
    ("apa", "chicago", "chicago-anon"); prose:
    a part of a note that reads like a sentence, a reference only if read with confidence."""
    start = max(note.find(text), 0)
    verdict = decide(text, work, threshold, house, prose)
    locator = verdict.locator or (verdict.work or {}).get("locator")
    return Cited(text, start, start + len(text), verdict.work, verdict.confidence, verdict.method, verdict.reason,
                 locator, verdict.signals)


def _work(piece: Piece) -> dict | None:
    work = parse_apa(piece) if piece.style == "apa" else parse_chicago(piece)
    return work if work.get("title") or work.get("URL") else None


def _references_in(text: str) -> list[str]:
    """A note cut at each "; " that ends one reference and starts another (a year or URL on both sides)."""
    parts: list[str] = []
    for part in URL_SEPARATOR_RE.split(text):
        starts_another = CITATION_HINT_RE.search(part) and (find_urls(part[:80]) or REFERENCE_START_RE.match(part))
        if parts and not (starts_another and CITATION_HINT_RE.search(parts[-1])):
            parts[-1] = f"{parts[-1]}; {part}"
        else:
            parts.append(part)
    return parts


def _without_references(text: str, threshold: float) -> ParsedNote:
    """A note in which the rules found no reference: a bare URL is a work; each citation-like part is read by
    the labeller (or kept as written); prose is the comment."""
    readings, comments = [], []
    for part in _references_in(text):
        urls = find_urls(part)
        rest = part
        for start, end, _url in reversed(urls):
            rest = rest[:start] + rest[end:]
        stripped = part.strip()
        if len(urls) == 1 and not re.sub(r"(?i)\b(?:see|at|online|available|from)\b|[\s.,:;<>]", "", rest):
            doi = doi_from_url(urls[0][2])
            work = {"type": "webpage", "URL": urls[0][2], **({"DOI": doi} if doi else {}), "note-text": stripped}
            start = max(text.find(stripped), 0)
            readings.append(Cited(stripped, start, start + len(stripped), work, 1.0, "url"))
        elif CITATION_HINT_RE.search(part) and (urls or not is_prose(part) or REFERENCE_START_RE.match(stripped)
                                                or parse_gost(stripped) or parse_french(stripped)):  # GOST, NOM Prénom
            web = read_web_note(stripped)
            if web and doubts(web, stripped):
                web = None
            if web and WEB_NOTE >= threshold:  # the pasted web-note forms: exact patterns, trusted like the house forms
                start = max(text.find(stripped), 0)
                readings.append(Cited(stripped, start, start + len(stripped), {**web, "note-text": stripped},
                                      WEB_NOTE, "rules"))
            else:
                readings.append(_cited(stripped, text, None, threshold))
        elif stripped and CITATION_HINT_RE.search(part) and PROSE_READ:
            cited = _cited(stripped, text, None, threshold, prose=True)  # a reference whose title reads as prose,
            if cited.work:  # or a remark: a reference only when read with confidence, a remark otherwise
                readings.append(cited)
            else:
                comments.append(stripped)
        elif stripped:
            comments.append(stripped)
    return _note(readings, "; ".join(comments))


def _web_note(text: str, threshold: float) -> ParsedNote | None:
    """A note in one of the pasted web-note forms, its remark after the URL as its comment; None if it is not one, or
    its reading is doubted (the house forms then read it, or keep it)."""
    web = read_web_note(text)
    bare = web is not None and "title" not in web  # a bare URL and a remark: read as the bare URL alone is
    if not web or (not bare and doubts(web, text)) or WEB_NOTE < threshold:
        return None
    note, remark = split_remark(text)
    confidence, method = (1.0, "url") if bare else (WEB_NOTE, "rules")
    return _note([Cited(note, 0, len(note), {**web, "note-text": note}, confidence, method)], remark)


def _parse(text: str, threshold: float) -> ParsedNote:
    text = " ".join(text.split())
    ibid = IBID_RE.match(text)
    if ibid:
        rest = ibid["rest"].strip()
        locator = LOCATOR_RE.match(rest)
        if locator:
            rest = rest[locator.end() :].strip(" ;,.")
        inner = _parse(rest, threshold) if rest else ParsedNote()
        found = locator["locator"].strip() if locator else None
        return ParsedNote(inner.works, True, found, inner.comment, inner.unparsed, inner.readings)
    web = _web_note(text, threshold)  # the pasted web-note forms, read whole before the house forms cut them up
    if web:
        return web
    if parse_mla(text) or parse_chicago_note(text):  # an entry or note read whole in MLA's or Chicago's grammar: one
        # reference, weighed by read.decide
        return _note([_cited(text, text, None, threshold)], "")
    comment, pieces = layout(text)
    if not pieces:
        return _without_references(text, threshold)
    if len(pieces) == 1 and text.startswith(comment) and re.search(r"\b[^\W\d_]\.,|[,&]$|\band$|\b[A-Z]{1,3}\.$", comment):
        # what the rules left before their one reference is not a remark: part of the reference (more authors)
        return _note([_cited(text, text, None, threshold)], "")  # the rules read only the tail
    return _note([_cited(piece.text, text, _work(piece), threshold,
                         piece.style if piece.style in HOUSE_STYLES else "") for piece in pieces],
                 comment)


def parse_note(text: str, *, strict: bool = False, threshold: float | None = None) -> ParsedNote:
    """Parse an endnote; never raises (unless strict, for tests): what fails is kept as written. References read
    with less confidence than the threshold (default: read.KEEP_BELOW) are kept as written."""
    if threshold is None:
        from volume.references import read

        threshold = read.KEEP_BELOW
    try:
        return _parse(text if isinstance(text, str) else str(text), threshold)
    except Exception:
        if strict:
            raise
        logger.debug("could not parse note %r", text, exc_info=True)
        raw = " ".join(str(text).split())
        kept = (Cited(raw, 0, len(raw), None, 0.0, "none", "could not be read"),) if raw else ()
        return ParsedNote(unparsed=(raw,) if raw else (), readings=kept)
