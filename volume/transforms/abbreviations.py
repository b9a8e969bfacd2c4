"""The list of abbreviations: every "Full Name (ABBR)" in the chapters plus the manifest's, with consistency checks."""

from __future__ import annotations

import re

from volume.diagnostics import Report, SourceLocation
from volume.model import Abbreviation, Chapter, Volume
from volume.source_lines import line_of

DEFINITION = re.compile(r"((?:[\w’'&.-]+\s+){1,10}?)\(([A-Z][A-Za-z&]*[A-Z][A-Za-z]*)\)")
CANDIDATE = re.compile(r"\(([A-Z][A-Za-z&]*[A-Z][A-Za-z]*)\)")
WORDS_BEFORE = 11  # DEFINITION reads at most 10 words before the parenthesis


def definitions(text: str):
    """The matches of DEFINITION.finditer(text), found about ten times faster: DEFINITION tries every position of
    the text, so it is run only over the few words before each "(ABBR)" (tests/test_properties.py compares the two)."""
    end = 0
    for candidate in CANDIDATE.finditer(text):
        if candidate.start() < end:
            continue
        start = candidate.start()
        for _ in range(WORDS_BEFORE):  # back over the words before it, whatever the white space between them
            while start > end and text[start - 1].isspace():
                start -= 1
            while start > end and not text[start - 1].isspace():
                start -= 1
        for match in DEFINITION.finditer(text, start, candidate.end()):
            if match.end() == candidate.end():
                yield match
                end = match.end()
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "&", "to", "la", "du"}


def expansion_for(words: list[str], short: str) -> str | None:
    """The run of words before "(SHORT)" whose capitals best spell SHORT's letters in order (shortest wins a tie)."""
    letters = "".join(c for c in short if c.isupper())
    best: tuple[int, int, str] | None = None
    for count in range(1, min(len(words), len(letters) + 4) + 1):
        candidate = words[-count:]
        if candidate[0].lower() in SMALL_WORDS or candidate[0][:1] != letters[:1]:
            continue
        initials = [w[0] for w in candidate if w[:1].isupper()]
        position = 0
        for initial in initials:
            position = letters.find(initial, position)
            if position < 0:
                break
            position += 1
        else:
            score = min(len(initials), len(letters))
            if score >= max(1, len(letters) - 2) and (best is None or score > best[0]):
                best = (score, count, " ".join(candidate).strip(" ,;:"))
    return best[2] if best else None


def _text(chapter: Chapter) -> str:
    """The body's text without what superscripts hold (note numbers), white space collapsed."""
    return " ".join("".join(_text_outside(chapter.body.root, "sup")).split())


def _text_outside(element, skipped: str):
    """The text inside element, in reading order, leaving out every `skipped` element's own (not its tail)."""
    yield element.text or ""
    for child in element:
        if child.tag != skipped and isinstance(child.tag, str):
            yield from _text_outside(child, skipped)
        yield child.tail or ""


def _line(chapter: Chapter, needle: str) -> SourceLocation | None:
    if chapter.source is None:
        return None
    return SourceLocation(chapter.source.path, line_of(chapter.source.path, re.compile(rf"\b{re.escape(needle)}\b")))


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def collect_abbreviations(volume: Volume, report: Report) -> Volume:
    found: dict[str, Abbreviation] = {}
    for short, expansion in volume.manifest.abbreviations:
        found[short] = Abbreviation(short, expansion)
    for chapter in volume.chapters:
        text = _text(chapter)
        defined_at: dict[str, int] = {}
        for match in definitions(text):
            short = match.group(2)
            expansion = expansion_for(match.group(1).split(), short)
            if expansion is None:
                continue
            defined_at.setdefault(short, match.start(2))
            known = found.get(short)
            if known is None:
                found[short] = Abbreviation(short, expansion, chapter.id)
            elif not _same(known.expansion, expansion):
                where = f"chapter '{known.chapter_id}'" if known.chapter_id else "the manifest"
                report.add("A002", f"{short} is spelled out as '{expansion}' here but as '{known.expansion}' in "
                           f"{where}; use one form", _line(chapter, f"({short})"))
        for short, position in defined_at.items():
            first_use = re.search(rf"(?<![\w(]){re.escape(short)}(?![\w)])", text)
            if first_use and first_use.start() < position:
                report.add("A001", f"{short} is used before it is spelled out in this chapter; write "
                           f"'{found[short].expansion} ({short})' at its first use", _line(chapter, short))
    entries = tuple(sorted(found.values(), key=lambda a: a.short.lower()))
    return volume.with_(abbreviations=entries)
