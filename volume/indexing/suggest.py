"""Candidate index terms: recurring proper nouns and acronyms, counted per chapter, as paste-ready TOML."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from volume.indexing.terms import IndexTerm
from volume.model import Volume

NAME = re.compile(r"\b(?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:of|the|and|for|de|al-|el-)?\s*[A-Z][\w’'-]+){0,4}")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}s?\b")
STOP = {"The", "This", "That", "These", "Those", "It", "In", "On", "At", "As", "A", "An", "But", "And", "Or", "For",
        "Its", "Their", "Such", "When", "While", "Since", "After", "Before", "By", "From", "With", "Yet", "If",
        "Both", "Each", "Many", "Most", "Some", "Other", "Another", "There", "What", "Which", "Who", "Part",
        "Chapter", "Economic", "Security", "Local", "Policy", "Recommendations", "Relations", "Reactions",
        "China", "Chinese", "Western", "Public", "Perceptions", "January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December", "Notes"}


@dataclass(frozen=True)
class Candidate:
    term: str
    total: int
    per_chapter: dict[str, int]


def _body_text(volume: Volume) -> dict[str, str]:
    texts = {}
    for chapter in volume.chapters:
        root = chapter.body.copy().root  # a copy: its headings are dropped here
        for heading in root.xpath(".//h1|.//h2|.//h3|.//h4|.//sup"):
            heading.drop_tree()
        texts[chapter.id] = " ".join(root.text_content().split())
    return texts


def suggest_terms(volume: Volume, known: tuple[IndexTerm, ...], minimum: int = 2) -> list[Candidate]:
    known_forms = {f.lower() for t in known for f in (t.term, *t.aliases)}
    counts: dict[str, Counter] = defaultdict(Counter)
    for chapter_id, text in _body_text(volume).items():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            for match in NAME.finditer(sentence):
                phrase = re.sub(r"['’]s$", "", match.group(0)).strip()
                words = phrase.split()
                while words and words[0] in STOP:
                    words = words[1:]
                phrase = " ".join(words)
                if len(phrase) < 3 or phrase in STOP or (match.start() == 0 and len(words) == 1):
                    continue
                counts[phrase][chapter_id] += 1
            for match in ACRONYM.finditer(sentence):
                counts[match.group(0).rstrip("s") if match.group(0).endswith("s") and
                       match.group(0)[:-1].isupper() else match.group(0)][chapter_id] += 1
    candidates = [Candidate(term, sum(c.values()), dict(sorted(c.items())))
                  for term, c in counts.items() if sum(c.values()) >= minimum and term.lower() not in known_forms]
    return sorted(candidates, key=lambda c: (-c.total, c.term))


def as_toml(candidates: list[Candidate]) -> str:
    out = []
    for candidate in candidates:
        where = ", ".join(f"{chapter} {count}" for chapter, count in candidate.per_chapter.items())
        out.append(f"[[entry]]  # {candidate.total} times: {where}\nterm = \"{candidate.term}\"\n")
    return "\n".join(out)
