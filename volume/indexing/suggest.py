"""Candidate index terms: recurring proper names and acronyms, counted per chapter, as paste-ready TOML.

What an indexer would not keep is left out: sentence fragments ("To China", "and Europe"), two names joined
("Azerbaijan and Georgia", counted for each), adjectives and demonyms formed from a name in the text ("Georgian",
"Kazakh", "Central Asian"), common words capitalised by their place ("Line D", "Tranche 3": the word also occurs
in lower case), Roman numerals, units and currencies (acronyms that follow a number: "20,000 TEU"), and pieces of
a longer name ("RFE" of "RFE/RL"). bench/index_suggest.py measures how many suggestions an indexer keeps.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from volume.indexing.terms import IndexTerm
from volume.model import Volume
from volume.xhtml import parse_fragment

WORD = r"[A-Z][\w’'-]*\w"
NAME = re.compile(rf"\b(?:{WORD}|[A-Z]\.)(?:\s+(?:of|the|and|for|de|al-|el-)?\s*{WORD}){{0,4}}"
                  r"(?:\s+(?:[A-Z]|\d{1,2})\b(?![\d,.’'-]))?")  # a designator: Line D, Tranche 3
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}(?:/[A-Z]{1,6})?(?:-\d+[A-Z]*)?s?\b")
FUNCTION = {"to", "and", "or", "of", "the", "for", "in", "on", "with", "by", "at", "from", "a", "an", "as", "into"}
LEADING = {"The", "This", "That", "These", "Those", "It", "In", "On", "At", "As", "A", "An", "But", "And", "Or",
           "For", "Its", "Their", "Such", "When", "While", "Since", "After", "Before", "By", "From", "With", "Yet",
           "If", "Both", "Each", "Many", "Most", "Some", "Other", "Another", "There", "What", "Which", "Who", "To",
           "Under", "Over", "Between", "Among", "Although", "Even", "Only", "Here", "Now", "Then", "Still", "Also"}
ALONE = {"Part", "Chapter", "Economic", "Security", "Local", "Policy", "Recommendations", "Relations", "Reactions",
         "China", "Chinese", "Western", "Public", "Perceptions", "Notes", "January", "February", "March", "April",
         "May", "June", "July", "August", "September", "October", "November", "December",
         "People’s Republic of China", "People's Republic of China", "PRC"}  # China itself is on every page
ROMAN = re.compile(r"^[IVXLC]+$")
DERIVED_SUFFIXES = ("n", "an", "ian", "i", "ese", "ns", "ians", "is")  # Georgia → Georgian(s), Azerbaijan → -i
PLACE_SUFFIXES = ("stan", "istan")  # Kazakh → Kazakhstan


@dataclass(frozen=True)
class Candidate:
    term: str
    total: int
    per_chapter: dict[str, int]


def _body_text(volume: Volume) -> dict[str, str]:
    texts = {}
    for chapter in volume.chapters:
        root = parse_fragment(chapter.body)
        for heading in root.xpath(".//h1|.//h2|.//h3|.//h4|.//sup"):
            heading.drop_tree()
        texts[chapter.id] = " ".join(root.text_content().split())
    return texts


def _trim(phrase: str) -> str:
    """The phrase without sentence-opening words and without function words at either end."""
    words = re.sub(r"['’]s$", "", phrase).split()
    while words and (words[0] in LEADING or words[0].lower() in FUNCTION):
        words = words[1:]
    while words and words[-1].lower() in FUNCTION:
        words = words[:-1]
    return " ".join(words)


@dataclass
class Usage:
    """What the text says about each phrase besides its counts."""

    counts: dict[str, Counter]  # phrase -> chapter id -> occurrences
    by_number: Counter  # acronym -> occurrences next to a number (20,000 TEU, GEL 2.8 million)
    followers: dict[str, Counter]  # phrase -> what follows it: "lower" (a word in lower case), "label" (3, D, II)
    lower: set[str]  # every word that occurs in lower case


NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s*(?:million|billion|thousand)?\s*$")
NUMBER_AFTER = re.compile(r"^\s*\d")
LABEL_AFTER = re.compile(r"^\s+(?:\d+|[A-Z]|[IVX]+)\b(?![’'-])")
LOWER_AFTER = re.compile(r"^\s+([a-z][\w-]*)")


def _follower(rest: str) -> str:
    if LABEL_AFTER.match(rest):
        return "label"
    word = LOWER_AFTER.match(rest)
    return "lower" if word and word.group(1) not in FUNCTION else "other"


def _usage(texts: dict[str, str]) -> Usage:
    usage = Usage(defaultdict(Counter), Counter(), defaultdict(Counter), set())
    for chapter_id, text in texts.items():
        usage.lower.update(w for w in re.findall(r"\b[a-z][\w’'-]*\b", text))
        for sentence in re.split(r"(?<=[.!?:;])\s+", text):
            for match in NAME.finditer(sentence):
                phrase = _trim(match.group(0))
                if len(phrase) < 3 or phrase.isupper() or (match.start() == 0 and phrase == match.group(0)
                                                           and " " not in phrase):
                    continue  # acronyms are counted below; a capitalised word opening a sentence says nothing
                usage.counts[phrase][chapter_id] += 1
                usage.followers[phrase][_follower(sentence[match.end():])] += 1
            for match in ACRONYM.finditer(sentence):
                acronym = match.group(0)
                if acronym.endswith("s") and acronym[:-1].isupper():
                    acronym = acronym[:-1]
                usage.counts[acronym][chapter_id] += 1
                if NUMBER_BEFORE.search(sentence[:match.start()]) or NUMBER_AFTER.match(sentence[match.end():]):
                    usage.by_number[acronym] += 1
    return usage


def _split_joined(counts: dict[str, Counter]) -> None:
    """'Azerbaijan and Georgia' counts for each name when both stand alone elsewhere, or both are single words;
    an official name ('Belt and Road Initiative', whose parts are not names on their own) is kept whole."""
    for phrase in [p for p in counts if re.search(r" (?:and|or) ", p)]:
        parts = [_trim(part) for part in re.split(r" (?:and|or) ", phrase)]
        if all(part and part != phrase and (part in counts or " " not in part) for part in parts) and (
                all(part in counts for part in parts) or all(" " not in part for part in parts)):
            for part in parts:
                counts[part].update(counts[phrase])
            del counts[phrase]


def _is_derived(term: str, names: set[str]) -> bool:
    """An adjective or demonym formed from a name the text uses: Georgian(s), Kazakh, Central Asian."""
    head, _, last = term.rpartition(" ")
    for name in names:
        other_head, _, other_last = name.rpartition(" ")
        if name == term or other_head != head:
            continue
        if any(last == other_last + suffix for suffix in DERIVED_SUFFIXES):
            return True
        if any(other_last == last + suffix for suffix in PLACE_SUFFIXES):
            return True
        if last.endswith("s") and _is_derived(term[:-1], names):
            return True
    return False


def _rejected(term: str, usage: Usage) -> bool:
    counts = usage.counts
    total = sum(counts[term].values())
    words = term.split()
    if term in ALONE or ROMAN.match(term) or len(term) < 2:
        return True
    if words[0] in ALONE and all(ROMAN.match(w) or w.isdigit() for w in words[1:]):
        return True  # a cross-reference: Part II, Chapter 4
    if re.search(r"-[a-z]", words[-1]):  # Chinese-built, Russian-led: adjectives
        return True
    single = len(words) == 1 and not term.isupper()
    if single and term.lower() in usage.lower:
        return True  # a common word capitalised by its place: North–South, Line D (line occurs too)
    followers = usage.followers.get(term, Counter())
    if single and followers["label"] * 2 > total:
        return True  # a word naming a numbered thing, not a name: Tranche 3
    if single and re.search(r"(?:ian|ean|ic|ish|ese)$", term) and followers["lower"] * 2 > total:
        return True  # an adjective: Eurasian trade, Turkic peoples
    if term.isupper() and usage.by_number[term] * 2 >= total:
        return True  # a unit or a currency: 20,000 TEU, GEL 2.8 million
    longer = [other for other in counts if other != term and (f"{term}/" in other or f"{term}-" in other)]
    if any(sum(counts[other].values()) >= total for other in longer):
        return True  # a piece of RFE/RL or WJ-600A
    return _is_derived(term, set(counts))


def suggest_terms(volume: Volume, known: tuple[IndexTerm, ...], minimum: int = 2) -> list[Candidate]:
    known_forms = {f.lower() for t in known for f in (t.term, *t.aliases)}
    usage = _usage(_body_text(volume))
    _split_joined(usage.counts)
    candidates = [Candidate(term, sum(c.values()), dict(sorted(c.items())))
                  for term, c in usage.counts.items()
                  if sum(c.values()) >= minimum and term.lower() not in known_forms and not _rejected(term, usage)]
    return sorted(candidates, key=lambda c: (-c.total, c.term))


def as_toml(candidates: list[Candidate]) -> str:
    out = []
    for candidate in candidates:
        where = ", ".join(f"{chapter} {count}" for chapter, count in candidate.per_chapter.items())
        out.append(f"[[entry]]  # {candidate.total} times: {where}\nterm = \"{candidate.term}\"\n")
    return "\n".join(out)
