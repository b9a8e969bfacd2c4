"""References kept as written: their CSL-JSON stand-in, the word they sort by, and their printed form."""

from __future__ import annotations

import re
import unicodedata

from volume.references.urls import doi_from_url, find_urls
from volume.xhtml import escape_text

KEPT = "kept-as-written"  # the flag a kept work carries (also in `volume bib` exports, under "custom")
LEADING_ARTICLES = frozenset(
    ["the", "a", "an", "le", "la", "les", "l", "un", "une", "der", "die", "das", "ein", "eine", "el", "los", "las", "il", "lo", "gli", "i", "o", "os", "as", "de", "het"]
)
LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d+\]|\d+[.)]|\(\d+\))\s*")


def kept_work(text: str, reason: str) -> dict:
    """The stand-in for a reference kept as written: its text as the title, its URL and DOI (for merging)."""
    work = {"type": "document", "title": text, KEPT: True, "kept-reason": reason, "note-text": text}
    urls = find_urls(text)
    if urls:
        work["URL"] = urls[-1][2]
        doi = doi_from_url(urls[-1][2])
        if doi:
            work["DOI"] = doi
    return work


COMMENTARY_WORDS = 40  # a kept note longer than this is commentary first, not one reference
REFERENCE_WORDS = 45  # a reference cut from the end of commentary is no longer than this
REFERENCE_OPENING = re.compile(r"(?:^|(?<=[.;:]\s))(?:See(?: also)?|Cf\.|Source:|Sources:|For example, see)\s+")
REFERENCE_SIGN = re.compile(r"https?://|\b(?:1[89]|20)\d\d\b")


def commentary_reference(text: str) -> tuple[int, str] | None | bool:
    """For a kept note of long commentary: (offset, reference) when a reference closes it clearly delimited
    ('… See Smith, Title (2020).'), else False (keep it out of the bibliography); None for a note that is no
    commentary (short: its whole text is the reference)."""
    if len(text.split()) <= COMMENTARY_WORDS:
        return None
    openings = list(REFERENCE_OPENING.finditer(text))
    if openings:
        tail = text[openings[-1].end():].strip()
        if len(tail.split()) <= REFERENCE_WORDS and REFERENCE_SIGN.search(tail):
            return openings[-1].end(), tail
    return False


def is_kept(work: dict) -> bool:
    return bool(work.get(KEPT))


def sort_key(text: str) -> str:
    """The first significant word onwards, for alphabetical order: no list number, quote, emphasis or article."""
    text = LIST_NUMBER_RE.sub("", re.sub(r"<[^>]+>", "", text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", text)
    while len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def kept_html(text: str) -> str:
    """The kept reference as printed: its words as written, *emphasis* in italics."""
    escaped = escape_text(text)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)
