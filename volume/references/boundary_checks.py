"""Certain doubts: a printed field whose own shape shows it holds the wrong words (a title cut before its last word,
a journal's name run on into the next part, people kept as one name, a place read as the journal). A reading one of
these doubts is kept as written whatever its calibrated confidence (calibration.score): on the tuning sets' first
readings at threshold 0 (bench/references_cv.py's cache) each shape was found on mangled readings many times for
every right one, so a calibration fitted on other signals may not be let print it."""

from __future__ import annotations

import re

from volume.references.bodies import org_like
from volume.references.keys import year
from volume.references.lexicon import PLACES

JOINING_WORDS = frozenset("and or of the in to for with a an by on at from as than e et und oder y o i de la le les "
                          "des du der die das den von zu и в на с по".split())
TYPE_MARK_RE = re.compile(r"\[[A-Z](?:/[A-Z]{1,2})?\]")  # GB/T 7714's "[J]", "[M]", "[EB/OL]": the end of a title
RUN_ON_RE = re.compile(  # "Infancy. 2011 Volume", "… images. IEEE": a whole word (its ending is no abbreviation's:
    # "Trans.", "Syst.", "Technol.", "Softw." end otherwise), a full stop, and another part
    r"[^\W\d_]{4,}(?:[aeiouyàâéèêëîïôûü]|es|ics|ment|tion|ship|ness|ity)\.\s+(?:[A-Z]|\d{4}\b)")
NAME_WORD_RE = re.compile(r"(?:[A-Z]\.?(?:-?[A-Z]\.?)*|[A-Z][^\W\d_]*(?:[-'’][A-Za-z][^\W\d_]*)*|van|von|de|der|da|di|le|la|al|el)")
INITIAL_RE = re.compile(r"(?<![^\W\d_])[A-Z]\.?(?=[\s-]|$)|(?<![^\W\d_])[A-Z]{2,3}$")  # "J.", "J", "KF" at the end
PEOPLE_SPLIT_RE = re.compile(r"\s*[,;/]\s*(?:(?:&|and|et|und)\s+)?|\s+(?:&|and|et|und)\s+")  # not "AT&T"
CITY_AND_STATE_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2}")  # "Richardson, TX"
ROMAN_RE = re.compile(r"[IVXLC]{1,6}")
CAPITALS_AND_INITIAL_RE = re.compile(  # "SAND I", "ECKSTEIN Arthur M", "GEHRING Wes D": ISO 690's family name in
    r"[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,})?(?: [A-Z][a-z]+)*(?: [A-Z]\.?)+")  # capitals, then given names
WORD_BEFORE_RE = re.compile(r"[^\W\d_]$")
LEAD_IN_RE = re.compile(r"(?i)\b(?:in|dans|im|en|by|par|von)$")  # "In Title": the words that may stand before it
CERTAIN = frozenset({"a title that ends on a joining word", "a type mark ([J], [M]) inside a field",
                     "a container that runs on over a full stop", "people with initials read as one name",
                     "a place read as the container", "a roman number read as a name",
                     "one author read from a list of two", "a person's name in capitals read as one name",
                     "a title that lost its first words", "a title across its quotation or emphasis marks",
                     "a title cut before a lower-case word"})
MARKED_RE = re.compile(r"\*([^*]{3,}?)\*|“([^“”]{3,}?)”|«([^«»]{3,}?)»|„([^„“]{3,}?)“|\"([^\"]{3,}?)\"")  # a marked title


def boundary_doubts(work: dict, text: str) -> list[str]:
    """The certain doubts (CERTAIN) of one reading; text: the reference as written."""
    found = []
    title = str(work.get("title", "")).strip()
    if title and title.split()[-1].lower() in JOINING_WORDS and not re.search(
            re.escape(title) + r"\s*[”\"»*’]", text):
        found.append("a title that ends on a joining word")  # "… to integrate the humanistic and": the rest lost
    if any(TYPE_MARK_RE.search(str(work.get(k, ""))) for k in ("title", "container-title", "publisher")):
        found.append("a type mark ([J], [M]) inside a field")  # "标题[J].期刊": two parts read as one
    container = str(work.get("container-title", "")).strip()
    if RUN_ON_RE.search(container):
        found.append("a container that runs on over a full stop")  # "… images. IEEE": the publisher in the journal
    if any(_people_in_one_name(str(p.get("literal", ""))) for p in (work.get("author") or []) + (work.get("editor") or [])):
        found.append("people with initials read as one name")
    if CITY_AND_STATE_RE.fullmatch(container) or container.lower() in PLACES:
        found.append("a place read as the container")  # "Richardson, TX", "Poland": where it was published
    if any(ROMAN_RE.fullmatch(str(work.get(k, "")).strip()) for k in ("container-title", "publisher")):
        found.append("a roman number read as a name")  # "t. III": a volume
    if _one_of_two(work, text):
        found.append("one author read from a list of two")
    if any(CAPITALS_AND_INITIAL_RE.fullmatch(str(p.get("literal", "")).strip(" .,"))
           for p in (work.get("author") or []) + (work.get("editor") or [])):
        found.append("a person's name in capitals read as one name")
    at = text.find(title) if len(title) > 3 else -1
    if at > 0 and WORD_BEFORE_RE.search(text[:at].rstrip()) and not LEAD_IN_RE.search(text[:at].rstrip()):
        found.append("a title that lost its first words")  # "Leon Glass and Michael C. Mackey, From Clocks to Chaos"
        # read from "Clocks": a title begins after a mark (a full stop, a comma, a quote), not after a word
    if _across_marks(title, text):
        found.append("a title across its quotation or emphasis marks")
    if at >= 0 and re.match(r"\s+[a-zà-ÿ]+\s", text[at + len(title):]):
        found.append("a title cut before a lower-case word")  # "… photosynthesis in *Chlamydomonas …*": no mark
        # between the title and the next word, which carries on the sentence
    return found


def _words(value: str) -> str:
    return " ".join(re.findall(r"\w+", value.lower()))


def _across_marks(title: str, text: str) -> bool:
    """A title that holds a span the reference marks (in quotation marks or *emphasis*) and words outside it after
    it ("*Die Kunst der Zitation*. Universität Hamburg") or before it ("Федеральный закон … «О персональных данных»"),
    or only the end or the beginning of such a span: the reader crossed the marks the writer set as the title's
    bounds."""
    mine = _words(title)
    if len(mine) < 4:
        return False
    for found in MARKED_RE.finditer(text):
        marked = _words(next(g for g in found.groups() if g is not None))
        if not marked or marked == mine:
            continue
        translated = re.match(r"\W{0,2}\[", text[found.end():])  # "*Title* [Its translation]": APA's, one title
        inline = re.search(r"[^\W\d_]$", text[:found.start()].rstrip()) and text[:found.start()].rstrip()[-1].islower()
        # "… of photosynthesis in *Chlamydomonas reinhardtii*": a name set in italics inside the sentence of a title
        if (mine.startswith(marked + " ") and not translated or mine.endswith(" " + marked) and not inline
                or marked.startswith(mine + " ") or marked.endswith(" " + mine)):
            return True
    return False


def _people_in_one_name(literal: str) -> bool:
    """"M. Park, J. Bak, S", "Zhou, H. & Xiong", "Remzi H. Arpaci-Dusseau and Andrea C": two or more parts, each
    of capitalised name words or initials, one with an initial, and no organisation's word: people kept as one name."""
    parts = [p.strip(" .") for p in PEOPLE_SPLIT_RE.split(literal.strip(" .,;")) if p.strip(" .")]
    if len(parts) < 2 or org_like(literal.replace("&", " ")):
        return False
    named = all(1 <= len(p.split()) <= 4 and all(NAME_WORD_RE.fullmatch(w) for w in p.split()) for p in parts)
    spelt = sum(bool(re.search(r"[A-Z][a-zà-ÿ]", p)) for p in parts)  # "RFE/RL", "AT/BE": initialisms, no people
    return named and spelt >= 1 and any(INITIAL_RE.search(p) for p in parts)


def _one_of_two(work: dict, text: str) -> bool:
    """"Saud, A., & Gul, A. (2024). Title": the names before the title are joined by "&" or "and" to a second
    capitalised name, but one person was read."""
    people, title = work.get("author") or [], str(work.get("title", ""))
    at = text.find(title[:20]) if title else -1
    if len(people) != 1 or "family" not in people[0] or at <= 0:
        return False
    head = text[:at]
    if year(work) is not None:
        head = head.split(str(year(work)))[0]
    return bool(re.search(r"(?:,\s*&|\s&|\band)\s+[A-Z][^\W\d_]+,?\s+[A-Z]\.", head)) and not re.search(
        r"(?i)\bet al\b|\(eds?\.?\)|\bin\b|\bed(?:ited)? by\b", head)
