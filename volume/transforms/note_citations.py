"""Read a chapter's endnotes into citations: each reference read or kept as written, Ibid. resolved, reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from volume.diagnostics import Report
from volume.model import Chapter, Markup
from volume.references.dedupe import Citation
from volume.references.ibid import resolve_items
from volume.references.kept import commentary_reference, kept_work
from volume.references.cached import parsed_notes


@dataclass(frozen=True)
class Cite:
    """One citation a note makes: the index of its Citation, and where and how the note makes it."""

    index: int
    start: int
    end: int
    locator: str | None
    kept: bool
    confidence: float
    ibid: bool = False


def note_source_text(note: Markup) -> str:
    """A note back to the Markdown-like text the parser reads (italics as *...*)."""
    return " ".join(_starred_text(note.root).split())


def starred(element) -> bool:
    """Whether the parser reads an element as *emphasis*: a plain <em> or <i> with something in it."""
    return element.tag in ("em", "i") and not element.attrib and bool(element.text or len(element))


def _starred_text(element) -> str:
    """The element's text, with what plain <em> and <i> elements hold between asterisks."""
    parts = [element.text or ""]
    for child in element:
        inner = _starred_text(child) if isinstance(child.tag, str) else ""
        if starred(child):
            inner = f"*{inner}*"
        parts.append(inner + (child.tail or ""))
    return "".join(parts)


# pandoc's smart typography makes curly quotes of straight ones; the parser is given each back as the author typed it
# when the note's Markdown has no curly quote of that kind (one character for one, so offsets in the text hold), and
# what it reads is shown with pandoc's quotes again
SMART_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))
DEFINITION_RE = re.compile(r" {0,3}\[\^[^\]\s]+\]:")
VERBATIM = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"})


def markdown_definition(lines: list[str], line: int | None) -> str:
    """The Markdown of the note defined at line (1-based): its first line and the lines that continue it."""
    if not line or line > len(lines):
        return ""
    taken = [lines[line - 1]]
    for following in lines[line:]:
        starts_block = following.strip() and not following[:1].isspace() and not taken[-1].strip()
        if DEFINITION_RE.match(following) or starts_block:
            break
        taken.append(following)
    return "\n".join(taken)


def straightened(text: str, keep: str = "") -> str:
    """The text with every curly quote made straight, but for the curly quotes that `keep` holds."""
    for curly, straight in SMART_QUOTES:
        if curly in text and curly not in keep:
            text = text.replace(curly, straight)
    return text


def as_typed(text: str, markdown: str) -> str:
    """The note's text with the curly quotes pandoc made from straight ones straightened again: a curly quote the
    note's Markdown does not hold was typed straight."""
    return straightened(text, keep=markdown)


def as_shown(value, typed: str, shown: str):
    """A value read from the typed text (a string, or a work's fields) with the quotes the note shows: the same
    characters of the shown text where the value stands in the typed one, else its quotes curled as pandoc curls
    them. URLs and identifiers stay as read."""
    if typed == shown:
        return value
    if isinstance(value, dict):
        return {k: v if k in VERBATIM else as_shown(v, typed, shown) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(as_shown(v, typed, shown) for v in value)
    if not isinstance(value, str) or ("'" not in value and '"' not in value):
        return value
    at = typed.find(value)
    if at >= 0:
        return shown[at:at + len(value)]
    value = re.sub(r"(^|[\s(\[«—–-])'", r"\1‘", re.sub(r"(?<=\w)'(?=\w)", "’", value)).replace("'", "’")
    return re.sub(r'(^|[\s(\[«—–-])"', r"\1“", value).replace('"', "”")


def straight_identifiers(work: dict | None) -> dict | None:
    """The work with its URL and identifiers' quotes straight: pandoc (or Word) curls a quote wherever it stands, a
    URL's included ("…Philosopher’s%20Stone.txt"), and a link with a curly quote leads nowhere."""
    curled = [k for k in VERBATIM if isinstance((work or {}).get(k), str) and any(c in work[k] for c in "“”‘’")]
    if not curled:
        return work
    fixed = dict(work)
    for key in curled:
        fixed[key] = straightened(fixed[key])
    return fixed


def parser_texts(chapter: Chapter) -> tuple[list[str], list[str]]:
    """Each note's text as it is shown (note_source_text) and as the parser reads it: the quotes typed straight in a
    Markdown source given back straight."""
    shown = [note_source_text(note.body) for note in chapter.notes]
    path = chapter.source.path if chapter.source else None
    if path is None or path.suffix.lower() not in (".md", ".markdown") or not path.exists():
        return shown, shown
    lines = path.read_text(encoding="utf-8").splitlines()
    return shown, [as_typed(text, markdown_definition(lines, note.location.line))
                   for text, note in zip(shown, chapter.notes)]


def _short(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "…"


def read_chapter_notes(chapter: Chapter, report: Report, first_index: int = 0, project: Path | None = None):
    """The citations a chapter's notes make, and for each note its cites and comment (the readings from the
    project's build cache when given)."""
    shown, typed = parser_texts(chapter)
    parsed = parsed_notes(typed, project)
    citations: list[Citation] = []
    own: list[list[Cite]] = []
    for note, parse, read, seen in zip(chapter.notes, parsed, typed, shown):
        cites = []
        for reading in parse.readings:
            start, text = reading.start, as_shown(reading.text, read, seen)
            if not reading.work:
                cut = commentary_reference(text)
                if cut is False:
                    report.add("N020", f"note of commentary kept out of the bibliography: '{_short(text)}'; put its "
                               "reference in a sentence of its own ('See …') to have it listed", note.location)
                    continue
                if cut:
                    start, text = start + cut[0], cut[1]
            work = straight_identifiers(as_shown(reading.work, read, seen)) or kept_work(text, reading.reason)
            if not reading.work:
                report.add("R002", f"reference kept as written ({reading.reason}): '{_short(text)}'; "
                           "write it in a standard style to have it formatted", note.location)
            cites.append(Cite(first_index + len(citations), start, reading.end, reading.locator,
                              reading.work is None, reading.confidence))
            citations.append(Citation(work, chapter.id, chapter.number, note.number,
                                      (str(note.location.path), note.location.line)))
        own.append(cites)
    resolved = resolve_items([p.ibid for p in parsed], own)
    per_note = []
    for index, (note, parse, cites, mine) in enumerate(zip(chapter.notes, parsed, resolved, own)):
        if parse.ibid:
            borrowed = [c for c in cites if c not in mine]
            cites = tuple(Cite(c.index, 0, 0, parse.ibid_locator, c.kept, c.confidence, True) for c in borrowed) + \
                tuple(mine)
            for cite in borrowed:
                source = citations[cite.index - first_index]
                citations.append(Citation(source.work, chapter.id, chapter.number, note.number, source.location))
            if not borrowed:
                _report_lonely_ibid(report, note, index)
        per_note.append((cites, as_shown(parse.comment, typed[index], shown[index])))
    return citations, per_note


def _report_lonely_ibid(report: Report, note, index: int) -> None:
    if index == 0:
        report.add("R001", "Ibid. in the chapter's first note has nothing to refer to; cite the work in full",
                   note.location)
    else:
        report.add("R006", "Ibid. follows no note that cites a work; cite the work in full", note.location)
