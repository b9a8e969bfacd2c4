"""Notes at each page's foot in text converted from a PDF: numbered note lines among the body's lines, joined to the
body's glued markers by number, with the running heads and folios the pages repeat.

A PDF converted to text ('pdftotext', a viewer's copy) keeps each page's footnotes where the page had them: after
the page's last body line, before its running foot, with the number glued to the note ('12The Department …'), set
before it ('12 The …') or alone on the line above ('12' / 'The …'). The numbering runs on across pages, so the
notes are found as one run 1, 2, 3 … in which every note has its marker, the same number glued to a word or a full
stop ('alerts.12 The'), in the body above it and after the previous note's marker. A line that opens with a number
out of that run (a year, a list item, '10 seconds.') stays text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from volume.importer.notes import Note, clean_note_text
from volume.importer.plain_markers import GLUED, weak_candidates

GLUED_START = re.compile(r"^(\d{1,3})(?=[A-ZÀ-ÞА-ЯЁ\"“‘'(\[§])")  # '12The Department …'
SPACED_START = re.compile(r"^(\d{1,3}) (?=[A-ZÀ-ÞА-ЯЁ\"“‘'(\[§])")  # '12 The Department …'
ALONE = re.compile(r"^(\d{1,3})$")  # '12' over the note's first line
FOLIO = re.compile(r"^(?:(?:page|p\.|seite|стр\.?|sayfa)\s*)?(?:\d{1,4}|[ivxlc]{1,6})"
                   r"(?:\s*(?:of|/|из)\s*\d{1,4})?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?)\]”\"’]$")
FURNITURE_WORDS = 10  # a running head or foot is no longer than this
FURNITURE_SHARE = 0.5  # ... and the pages print it on at least half of them
REPEATS = 3
FOLIOS = 2  # page numbers the text must show (next to a running head, or as 'Page N') to be a PDF's pages
FULL_LINE = 0.8  # a note's line this close to its longest runs on to the next line
GAP = 3  # numbers the run may miss (a marker the conversion set on a line of its own) and go on
MARKER_REACH = 150  # lines above its note within which a marker stands, in text without page breaks
PAGE_LINES = 12  # a page holds at least this many lines: folios closer than that are a list's numbers


@dataclass
class PageNotes:
    """The notes found at the pages' feet, and the lines of the text they and the pages' furniture take up."""

    notes: list[Note] = field(default_factory=list)
    note_lines: set[int] = field(default_factory=set)  # 0-based line indices
    furniture: dict[int, str] = field(default_factory=dict)  # line index → the line
    marked: dict[int, str] = field(default_factory=dict)  # line index → the line with its markers superscript

    @property
    def skipped(self) -> list[int]:
        """Numbers the run went past: their notes (if the text has them) and markers are left as text."""
        numbers = [n.number for n in self.notes]
        return sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers)) if numbers else []

    @property
    def removed(self) -> set[int]:
        return self.note_lines | set(self.furniture)


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def furniture_lines(lines: list[str], pages: int = 1) -> dict[int, str]:
    """Running heads and feet: short lines (numbers aside) that recur on at least half the `pages`, and a folio
    ('5', 'Page 5', 'iii') next to one of them. Nothing is furniture unless it repeats."""
    counts = _spread_counts(lines)
    need = max(REPEATS, int(pages * FURNITURE_SHARE)) if pages > 1 else REPEATS
    found = {i: line.strip() for i, line in enumerate(lines) if line.strip() and len(line.split()) <= FURNITURE_WORDS
             and counts[_key(line)] >= need and not FOLIO.match(line.strip())
             and re.search(r"[^\W\d_]", line)}
    heads = dict(found)
    for index, line in enumerate(lines):
        text = line.strip()
        if FOLIO.match(text) and re.search(r"[^\W\d_]{2}", text) and counts[_key(line)] >= need:
            found[index] = text  # 'Page 5': the pattern repeats
        elif FOLIO.match(text) and _next_to(heads, lines, index):
            found[index] = text  # '5' beside 'Congressional Research Service'
    return found


NEAR = 4  # a running head or foot never comes back this few lines further on; notes of the same text do


def _spread_counts(lines: list[str]) -> Counter:
    """How often each short line (numbers aside) recurs, none counted that comes back within NEAR lines: a running
    head returns once a page, while two notes of the same text next to each other ('21 GAO, Federal Buildings,
    p. 7.' over '22 GAO, Federal Buildings, p. 7.') are no furniture."""
    counts, last, crowded = Counter(), {}, set()
    for index, line in enumerate(lines):
        if line.strip() and len(line.split()) <= FURNITURE_WORDS:
            key = _key(line)
            if key in last and index - last[key] < NEAR:
                crowded.add(key)
            counts[key] += 1
            last[key] = index
    return Counter({key: count for key, count in counts.items() if key not in crowded})


def _next_to(found: dict[int, str], lines: list[str], index: int) -> bool:
    """Whether a furniture line stands next to line `index`, blank lines aside."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if other in found:
            return True
    return False


def _start(lines: list[str], index: int) -> tuple[int, int] | None:
    """(number, index of the note's first text line) when line `index` can open a note."""
    text = lines[index].strip()
    for pattern in (GLUED_START, SPACED_START):
        match = pattern.match(text)
        if match:
            return int(match.group(1)), index
    match = ALONE.match(text)
    if match:
        following = index + 1
        while following < len(lines) and not lines[following].strip():
            following += 1
        if following < len(lines) and following - index <= 2 and not ALONE.match(lines[following].strip()):
            return int(match.group(1)), following
    return None


def _markers(lines: list[str], skip: set[int]) -> list[tuple[int, int, int]]:
    """(line index, number, offset) of every plain-digit marker glued to a word or full stop in the body."""
    return [(index, int(m.group(1)), m.start(1)) for index, line in enumerate(lines) if index not in skip
            for m in weak_candidates(line) if m.re is GLUED]


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(found: PageNotes, lines: list[str], marker: tuple[int, int, int]) -> None:
    """Print a note's marker as the superscript it was, so that the text's reader takes it for the marker."""
    index, number, offset = marker
    line = found.marked.get(index, lines[index])
    digits = str(number)
    found.marked[index] = line[:offset] + digits.translate(SUPERSCRIPT) + line[offset + len(digits):]


def _pages(text: str) -> list[int]:
    """The page of each of the text's lines (as str.splitlines gives them, a form feed ending a line)."""
    pages, page = [], 0
    for line in text.splitlines(keepends=True):
        pages.append(page)
        page += line.endswith("\f")
    return pages


def _near(pages: list[int], marker: int, note: int) -> bool:
    """Whether a marker stands close enough above its note: on its page or the page before, or without page
    breaks within MARKER_REACH lines."""
    if pages[-1]:
        return pages[note] - pages[marker] <= 1
    return note - marker <= MARKER_REACH


def _shows_pages(furniture: dict[int, str], pages: list[int]) -> bool:
    """Whether the folios found are a PDF's page numbers: at least FOLIOS of them, and (in text without page
    breaks) PAGE_LINES or more lines apart, as pages are; a web page's reference list, whose numbers stand beside
    repeated link words ('CrossRef', 'PubMed') every few lines, is not."""
    folios = sorted(i for i, line in furniture.items() if FOLIO.match(line))
    if len(folios) < FOLIOS:
        return False
    if pages and pages[-1]:
        return True
    gaps = sorted(b - a for a, b in zip(folios, folios[1:]))
    return gaps[len(gaps) // 2] >= PAGE_LINES


def find(text: str) -> PageNotes | None:
    """The notes at the pages' feet: a run of two or more consecutively numbered note lines, each with its marker
    in the body above it; None when the text has no such run."""
    lines, pages = text.splitlines(), _pages(text)
    furniture = furniture_lines(lines, pages[-1] + 1 if pages else 1)
    if not _shows_pages(furniture, pages):
        return None  # no pages: a web page's numbered lines are no page-foot notes
    starts = {i: s for i in range(len(lines))
              if i not in furniture and "\t" not in lines[i] and (s := _start(lines, i))}
    if not starts:
        return None
    markers = _markers(lines, set(furniture))
    found = PageNotes(furniture=furniture)
    run = _Run(lines, pages, starts, markers, found)
    hit = next((h for i in sorted(starts) if (starts[i][0] == 1 or _lowest_marker(markers, starts[i][0]))
                and (h := run.regular(starts[i][0], i - 1))), None)
    while hit:
        run.take(*hit)
        number = found.notes[-1].number + 1
        following = next((h for skip in range(1, GAP + 1) if (h := run.regular(number + skip, hit[0]))), None)
        hit = run.regular(number, hit[0]) or run.glued_to_digits(number, hit[0], following) or following
    if len(found.notes) < 2:
        return None
    return found


class _Run:
    """The run of notes being read: where each next note can be, and taking it out of the text."""

    def __init__(self, lines, pages, starts, markers, found: PageNotes):
        self.lines, self.pages, self.starts, self.markers, self.found = lines, pages, starts, markers, found
        self.marker_at = (-1, -1)  # (line, offset) of the last note's marker

    def marker(self, number: int, index: int) -> tuple[int, int, int] | None:
        return next((m for m in self.markers if m[1] == number and self.marker_at < (m[0], m[2]) and m[0] < index
                     and m[0] not in self.found.note_lines and _near(self.pages, m[0], index)), None)

    def regular(self, number: int, after: int) -> tuple | None:
        """(line, text line, number, marker) of the first note line numbered `number` after line `after`."""
        for index in sorted(i for i in self.starts if i > after and self.starts[i][0] == number):
            marker = self.marker(number, index)
            if marker:
                return index, self.starts[index][1], number, marker
        return None

    def glued_to_digits(self, number: int, after: int, following: tuple | None) -> tuple | None:
        """A note whose text opens with digits, glued to its number ('1247 U.S.C. §606.' for note 12), before the
        next note: the last such line there, when no line opens with the number alone."""
        end = following[0] if following else min(len(self.lines), after + MARKER_REACH)
        for index in range(end - 1, after, -1):
            text = self.lines[index].strip()
            if index in self.found.furniture or not re.match(rf"{number}\d", text) or "\t" in text:
                continue
            marker = self.marker(number, index)
            if marker:
                self.starts.setdefault(index, (number, index))
                return index, index, number, marker
        return None

    def take(self, index: int, text_at: int, number: int, marker: tuple[int, int, int]) -> None:
        lines, found = self.lines, self.found
        end = _note_end(lines, text_at, set(self.starts), found.furniture)
        first = lines[text_at].strip()
        if text_at == index:
            first = first[len(str(number)):].lstrip()
        text = " ".join([first] + [lines[i].strip() for i in range(text_at + 1, end) if lines[i].strip()])
        found.notes.append(Note(number, str(number), clean_note_text(_escape(text)), index + 1))
        found.note_lines.update(range(index, end))
        _superscript(found, lines, marker)
        self.marker_at = (marker[0], marker[2])


def _lowest_marker(markers: list[tuple[int, int, int]], number: int) -> bool:
    """Whether `number` is the lowest marker number of the body (a chapter that numbers its notes on from 22)."""
    return bool(markers) and min(m[1] for m in markers) == number


def _note_end(lines: list[str], first: int, starts: set[int], furniture: dict[int, str]) -> int:
    """Where the note whose text begins on line `first` ends: at a blank line, the next note line, the pages'
    furniture, or (in text without blank lines) after a line that ends a sentence well short of the note's width."""
    longest = len(lines[first].strip())
    index = first + 1
    while index < len(lines):
        line = lines[index].strip()
        previous = lines[index - 1].strip()
        if not line or index in starts or index in furniture:
            break
        if SENTENCE_END.search(previous) and (line[:1].isdigit() or len(previous) < FULL_LINE * longest
                                               and not line[:1].islower()):
            break  # ('3 steps were proposed:' after a note that ended its sentence)
        longest = max(longest, len(line))
        index += 1
    return index


def _escape(text: str) -> str:
    from volume.importer.article import inline_text  # the article module imports this one's neighbours

    return inline_text(text, None, markers=False)


def kept_lines(lines: list[str], removed: set[int], marked: dict[int, str] | None = None) -> list[tuple[int, str]]:
    """(index, line) of the lines left once notes and furniture are out, with the blank lines around each removed
    stretch closed up, so that a paragraph the page foot broke in two is one again."""
    kept: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        if index in removed:
            while kept and not kept[-1][1].strip():
                kept.pop()
            index += 1
            while index < len(lines) and (index in removed or not lines[index].strip()):
                index += 1
            continue
        kept.append((index, (marked or {}).get(index, lines[index])))
        index += 1
    return kept


BROKEN_LINE = 45  # a title or side heading a PDF broke over lines has lines no longer than this
CAPS = re.compile(r"^[^a-zа-яё]*[A-ZА-ЯЁ]{2}[^a-zа-яё]*$")


def join_broken_titles(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A title or side heading the PDF set over several short lines ('Oil Production Has Peaked' / 'in the United
    States and' / …), a block of two or more lines between blank lines none of which ends a sentence or a clause: one
    line again, a capitals line and the mixed-case line under it joined as title and subtitle ('CRUDE OIL:
    Uncertainty about …')."""
    result: list[tuple[int, str]] = []
    index = 0
    while index < len(kept):
        end = index
        while end < len(kept) and kept[end][1].strip():
            end += 1
        block = [line.strip() for _, line in kept[index:end]]
        if len(block) >= 2 and all(len(line) <= BROKEN_LINE and not re.search(r"[.!?;,]$", line)
                                   and not ALONE.match(line) for line in block):
            result.append((kept[index][0], _joined(block)))
            index = end
        else:
            result.append(kept[index])
            index += 1
    return result


def _joined(block: list[str]) -> str:
    caps = 0
    while caps < len(block) and CAPS.match(block[caps]):
        caps += 1
    if 0 < caps < len(block):
        return " ".join(block[:caps]) + ": " + " ".join(block[caps:])
    return " ".join(block)


COVER_WORDS = 4  # a title set over the cover's lines has at least this many words
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "about"}


def cover_title(text: str, found: PageNotes) -> tuple[int, str] | None:
    """(line index, title) of the title a PDF's cover sets over several short lines: of the first page's blocks of
    such lines, the first that opens in capitals (covers set titles so), else the first (capitals turned to title
    case: 'CRUDE OIL' → 'Crude Oil')."""
    pages, lines = _pages(text), text.splitlines()
    kept = kept_lines(lines, found.removed, found.marked)
    blocks = [(index, line) for index, line in join_broken_titles(kept) if pages[index] == 0
              and line.strip() != lines[index].strip() and len(line.split()) >= COVER_WORDS]
    capitals = [(index, line) for index, line in blocks if CAPS.match(lines[index].strip())]
    chosen = (capitals or blocks)[:1]
    return (chosen[0][0], _title_case(chosen[0][1])) if chosen else None


def _title_case(line: str) -> str:
    """Words in capitals in title case, short words after the first in lower case; other words as they are."""
    words = line.split()
    out = []
    for position, word in enumerate(words):
        if CAPS.match(word) and len(word) > 1 and any(c.isalpha() for c in word):
            word = word.lower() if position and word.lower().strip(":") in SMALL_WORDS else word.capitalize()
        out.append(word)
    return " ".join(out)
