"""Plausibility checks on a work read from a reference: repairs that are always safe (repairs.py), and doubts that
keep an implausible reading from being printed (an author with a digit, a publisher "n.d.", a title with a quote),
gathered here from name_checks, title_checks and field_checks."""

from __future__ import annotations

import re

from volume.references.bodies import institution_like
from volume.references.boundary_checks import boundary_doubts
from volume.references.field_checks import PAGES_RE, container_doubts, field_doubts, number_doubts
from volume.references.lexicon import MONTHS
from volume.references.name_checks import editors_in_the_authors, name_doubts, people_in_literal, second_given_unknown
from volume.references.repairs import LIST_NUMBER_RE, repair
from volume.references.title_checks import ambiguities, title_doubts

__all__ = ["LIST_NUMBER_RE", "PAGES_RE", "ambiguities", "doubts", "leftover_words", "repair"]  # read.py, tools, tests


def doubts(work: dict, text: str) -> list[str]:
    """What makes a reading implausible; each one keeps the reference as written."""
    return [*name_doubts(work, text), *title_doubts(work, text), *field_doubts(work, text), *number_doubts(work, text),
            *container_doubts(work, text), *_shape_doubts(work, text), *_code_doubts(work, text),
            *_thesis_doubts(work, text), *boundary_doubts(work, text)]


def _code_doubts(work: dict, text: str) -> list[str]:
    """A volume read from the tail of a code ("SAC- 4", "COMPSI T-RA 8": a series or report number, not a journal's
    volume)."""
    volume = str(work.get("volume", "")).strip()
    rest = text.replace(str(work.get("title", "")), " ") if work.get("title") else text  # "COVID-19" in a title
    if volume.isdigit() and re.search(r"\b[A-Z]{2,}-\s*" + volume + r"\b|\b[A-Z]+-[A-Z]+\s+" + volume + r"\b", rest):
        return ["a volume read from the tail of a code"]
    return []


def _thesis_doubts(work: dict, text: str) -> list[str]:
    """A thesis whose description names its university while another body (an archive, a database) was read as
    its publisher or site: which one the style prints where cannot be told."""
    if work.get("type") != "thesis":
        return []
    for found in re.finditer(r"\[([^\[\]]*\b(?:dissertation|thesis)\b[^\[\]]*)\]", text, re.IGNORECASE):
        university = found.group(1).partition(",")[2].strip()
        bodies = {str(work.get(k, "")) for k in ("publisher", "container-title")} - {""}
        if university and bodies - {university}:
            return ["a thesis's university and another body after it"]
    return []


def _shape_doubts(work: dict, text: str) -> list[str]:
    """Doubts about the reading as a whole: no title, names given first kept as one name, a place before the
    publisher read into another field, a remark inside the title, an organisation's name read as the title."""
    found = []
    if not str(work.get("title", "")).strip() or MEDIUM_ONLY_RE.fullmatch(str(work.get("title", "")).strip()):
        found.append("no title read")  # "[Dataset]", "[Video]": APA's description of the medium is no title
    for person in work.get("author") or []:
        literal = str(person.get("literal", ""))
        if people_in_literal(literal):
            found.append("people, written given name first, read as one name")
        elif re.search(r",\s*(?:&|and|und|et)\s+\S", literal):
            found.append("a list of names read as one name")  # "World Bank, & Asian Development Bank": APA's ", &"
    found += _place_lost(work, text)
    if editors_in_the_authors(work, text):
        found.append("authors and editors read from one list of names")
    if any(second_given_unknown(p, text) for p in work.get("author") or []):
        found.append("a name written given name first whose family name may be two words")
    title = str(work.get("title", ""))
    if re.search(r"[(\[](?:pdf|in [A-Z][a-z]+|online)[)\]]\W*\s+\S", title, re.IGNORECASE):
        found.append("a format or language remark inside the title")
    literal = str((work.get("author") or [{}])[0].get("literal", ""))
    name_form = all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "on", "&"} for w in title.split())
    if (len(literal.split()) >= 4 and name_form and institution_like(title) and not institution_like(literal)
            and not any(work.get(k) for k in ("publisher", "container-title"))):
        found.append("an organisation read as the title")
    return found


MEDIUM_ONLY_RE = re.compile(r"\[(?:data ?set|pdf|video|audio|software|computer software|computer program|map|podcast|"
                            r"image|photograph|slides?|infographic|fact sheet|press release|tweet|blog post|"
                            r"online|abstract|brochure|report)\]", re.IGNORECASE)
def _place_lost(work: dict, text: str) -> list[str]:
    """"… trap? Brunswick, Vic.: Scribe": a place stands before the publisher in the text, but the reading has
    no place (or another one): the place went into another field."""
    publisher = str(work.get("publisher", ""))
    at = text.find(publisher) if len(publisher) > 2 else -1
    if at < 0:
        return []
    placed = re.search(r"([A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*){0,3})\s?:\s*\**$", text[:at])
    if not placed:
        return []
    place = str(work.get("publisher-place", ""))
    if place and placed[1].endswith(place.split(",")[0].split()[-1]) and len(place) >= len(placed[1]) - 2:
        return []
    if place and place.split(",")[0] in placed[1] and "." not in place:
        return []
    return ["a place before the publisher read into another field"]


GLUE_WORDS = frozenset(
    "in and & of the by from at retrieved available online accessed on vol no nos pp p ed eds edn edition "
    "trans see also cf n d nd doi url https http www com org".split())
def leftover_words(work: dict, text: str) -> list[str]:
    """The words of a reference that no printed field accounts for (beyond glue words, dates and a URL): the
    check that a reading covers its text, so that a field the rules dropped or merged shows."""
    from volume.references.keys import normal_text
    from volume.references.lexicon import MONTHS
    from volume.references.urls import find_urls

    bare = text
    for start, end, _url in reversed(find_urls(text)):
        bare = bare[:start] + " " + bare[end:]
    printed: set[str] = set()
    for person in (work.get("author") or []) + (work.get("editor") or []):
        for value in person.values():
            printed.update(normal_text(str(value)).split())
    for key in ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "DOI",
                "genre", "number", "locator", "year-suffix", "note"):
        value = str(work.get(key, ""))
        if key == "note" and re.search(r"\(\d+\)|\d+\s*[–-]\s*\d+", value):
            continue  # an issue or pages left in a remark: the rules did not read the journal's tail
        printed.update(normal_text(value).split())
    for part in (work.get("issued") or {}).get("date-parts", [[]])[0]:
        printed.add(str(part))
    return [w for w in normal_text(bare).split()
            if w not in printed and w not in GLUE_WORDS and w not in MONTHS and not re.fullmatch(r"\d+[a-z]?", w)]
