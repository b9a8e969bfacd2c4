"""The list of notes in a web article: where it is and which blocks are its notes.

Inside the list (from its heading, or from the first numbered note, to the last numbered item) every numbered
item is a note, however short or link-like: page-chrome rules never apply there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from volume.importer import citations, note_groups
from volume.importer import recognise as rec
from volume.importer.citations import TOKEN
from volume.importer.notes import (BARE_LABEL, GLUED_LABEL, LONE_NUMBER, SUB_LABEL, Note, clean_note_text,
                                         note_label, read_back_closed, referenced, sub_label)

CONTINUATION_REACH = 8  # blocks between two numbered notes that belong to the first
TAIL_CONTINUATION = 2  # unnumbered blocks after the last note taken as its further paragraphs
CLOSING_REACH = 30  # paragraphs one note may run over before the back-link that closes it (a will, a letter)
BACKLINKED_RUN = 3  # items of a list that lost its numbers, each opening with '↵', that make the back-link its mark


@dataclass
class NotesList:
    """The span of blocks [start, end) holding the list of notes, and the notes read from it."""

    start: int
    end: int
    heading: str
    notes: list[Note] = field(default_factory=list)
    numbered: bool = True  # False: the copy lost the list's numbers and the notes were counted in order
    between: list = field(default_factory=list)  # text between two parts of the list (notes set in the text)
    skipped: list = field(default_factory=list)  # headings between two parts of the list ('Notes' / 'References')



def headingish(block) -> bool:
    return block.kind == "heading" or len(block.plain) <= 40


def _ends_list(block) -> bool:
    text = block.plain
    return block.kind == "heading" or rec.is_stop_line(text) or rec.is_chrome_line(text) \
        or rec.is_menu_word(text) or (len(text.split()) <= 3 and rec.is_notes_heading(text))  # 'References' next


def _next_label(blocks, index: int, loose: bool) -> tuple[int, int] | None:
    """(position, number) of the next numbered block within reach, stopping at a heading."""
    for position in range(index, min(len(blocks), index + CONTINUATION_REACH)):
        if blocks[position].kind == "heading":
            return None
        found = note_label(blocks[position], loose)
        if found:
            return position, found[0]
    return None


def _text_follows(blocks, index: int, loose: bool) -> bool:
    """Whether the block at `index` is a note's text (not the next label, a heading or the end)."""
    if index >= len(blocks) or blocks[index].kind == "heading":
        return False
    text = blocks[index].text.strip()  # ('47 U.S.C. §606.' is a note's text, not a lost label '47')
    return not BARE_LABEL.match(text) and not LONE_NUMBER.match(text) and note_label(blocks[index]) is None


def _bar_item(blocks, index: int) -> bool:
    """A line of a reference's link bar: a word only bars print ('CrossRef,', 'PDF(1645K)'), or a plainer one
    ('References', 'Abstract') between two lines of the bar, not a heading after the list."""
    text = blocks[index].plain
    if not citations.bar_item_line(text):
        return False
    return bool(citations.STRONG_ITEM.search(text)) or any(
        0 <= i < len(blocks) and citations.bar_item_line(blocks[i].plain) for i in (index - 1, index + 1))


def read_numbered(blocks, first: int, loose: bool) -> tuple[list[Note], int]:
    """The numbered notes from `first` on, with the unnumbered blocks that carry a note on, and where they end."""
    notes: list[Note] = []
    index, tail = first, 0
    while index < len(blocks):
        block = blocks[index]
        if notes and _bar_item(blocks, index):  # 'CrossRef,' / 'PDF(1645K)': the note's link bar
            notes[-1].text += "\n\n" + block.text.strip()
            index += 1
            continue
        part = sub_label(block.text, notes[-1].number) if notes else None
        if part is not None:  # '2a', '2b': a part of note 2, on its line or over its text
            if not part.strip() and _text_follows(blocks, index + 1, loose):
                index += 1
                part = blocks[index].text.strip()
            notes[-1].text = _joined(notes[-1].text, clean_note_text(part))
            index, tail = index + 1, 0
            continue
        if notes and block.kind == "heading" and not rec.is_notes_heading(block.plain):
            break  # '1. Objectives' after the section's notes: the next section's numbered heading, no note
        found = note_label(block, loose)
        if found and notes and found[0] < notes[-1].number and not getattr(block, "anchor", None):
            break  # '1. Objectives' after note 12: the numbers start again, the list has ended
        if found:
            number, label, rest = found
            if not rest.strip() and _text_follows(blocks, index + 1, loose):  # '12.' over its text: a table's row
                index += 1
                rest = blocks[index].text.strip()
                part = sub_label(rest, number)  # '2' over '2a …': the note is made of parts
                rest = rest if part is None else part
            notes.append(Note(number, label, clean_note_text(rest), block.line))
            index, tail = index + 1, 0
            continue
        if not notes:
            break
        following = _next_label(blocks, index + 1, loose)
        if following and following[1] == notes[-1].number + 1:  # between two notes: the first one's paragraph
            notes[-1].text += "\n\n" + clean_note_text(block.text)
            index += 1
            continue
        if following or _ends_list(block) or tail >= TAIL_CONTINUATION or rec.is_credit(block.plain):
            break
        notes[-1].text += "\n\n" + clean_note_text(block.text)
        index, tail = index + 1, tail + 1
    return notes, index


def _joined(text: str, part: str) -> str:
    """A note with one more of its parts: on the same line, as the page prints '… 146–151; J. Fernández …'."""
    return f"{text.rstrip()} {part}".strip() if part else text


def read_unnumbered(blocks, first: int, expected: int, goes_on: bool = False) -> tuple[list[Note], int]:
    """Notes that lost their numbers in a copy (an <ol> copied as text): one per paragraph, as many as the text's
    markers need; a short note can look like a heading or chrome, so only a heading or stop line ends the list
    early. The link bar a journal sets under each reference ('PubMed' / 'Google Scholar') is no note: it stays with
    the note above it, for strip_link_bars to take off. `goes_on`: the text's markers are real ones ('[12]'), so a
    reference list reads on past the highest of them (see _reference_goes_on)."""
    closed = read_back_closed(blocks, first)
    if closed:
        return closed
    notes: list[Note] = []
    index, arrows = first, 0  # items so far that ended with their back-link ('…html.↩︎'): each is a note
    closing = all(END_ARROW.search(b.text) for b in blocks[first:first + 2]) and len(blocks) > first + 1
    open_note = False  # (`closing`: every note ends with its back-link, so one without it goes on below)
    while index < len(blocks) and blocks[index].kind != "heading" and not rec.is_stop_line(blocks[index].plain):
        block = blocks[index]
        backlinked = bool(re.match(r"\s*(?:[↑^↩↵]|\\\^)", block.text))
        arrowed = bool(ARROW_BACKLINK.search(block.text))
        if notes and citations.link_bar_line(block.plain):
            notes[-1].text += "\n\n" + clean_note_text(block.text)
        elif open_note:  # a note's further paragraph (a quoted letter, a will): its back-link closes it
            notes[-1].text = "\n\n".join(t for t in (notes[-1].text, clean_note_text(block.text)) if t)
            open_note = not END_ARROW.search(block.text)
        elif len(notes) >= BACKLINKED_RUN and all(n.backlinked for n in notes) and not backlinked:
            break  # every item so far opened with its back-link: one without it is the page after the list
        elif len(notes) < expected or (notes and arrowed and arrows == len(notes)) or \
                (closing and _closed_ahead(blocks, index)) or \
                (goes_on and _reference_goes_on(notes, block)):  # a further note, whose back-link closes it below
            arrows += 1 if arrowed else 0
            notes.append(Note(len(notes) + 1, str(len(notes) + 1), clean_note_text(block.text), block.line,
                              backlinked=backlinked))
            open_note = closing and not END_ARROW.search(block.text)
        else:
            break
        index += 1
    return notes, index


REFERENCE_SHARE = 0.8  # a list whose items this share of cite a year or an address is a reference list
REFERENCE_LIKE = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b|https?://|\bdoi\b", re.IGNORECASE)


def _reference_goes_on(notes: list[Note], block) -> bool:
    """Whether a paragraph after as many notes as the text's markers need is one more item of a reference list
    that lost its numbers: the list so far reads as references (a year, an address, a DOI in nearly every item)
    and so does this paragraph (a copy misses markers: its highest number is no count of the list)."""
    if len(notes) < 3 or rec.is_chrome_line(block.plain) or re.match(r"(?i)(?:©|copyright\b)", block.plain):
        return False
    like = sum(1 for n in notes if REFERENCE_LIKE.search(n.text))
    return like >= REFERENCE_SHARE * len(notes) and bool(REFERENCE_LIKE.search(block.plain)) and \
        len(block.plain.split()) >= 4


def _closed_ahead(blocks, index: int) -> bool:
    """Whether the blocks from `index` reach a paragraph ending with a back-link ('… 1664 ↩') before a heading, a
    stop line or the end: a note of a list whose every note ends so."""
    for block in blocks[index:index + CLOSING_REACH]:
        if block.kind == "heading" or rec.is_stop_line(block.plain):
            return False
        if END_ARROW.search(block.text):
            return True
    return False


def _under_heading(blocks, heading: int, markers: set[int], weak: set[int]) -> NotesList | None:
    notes, end = read_numbered(blocks, heading + 1, loose=True)
    numbered = bool(notes)
    expected = max(markers) if markers else _run_length(weak)
    start = 1
    if not notes and not expected:  # no run from 1: a chapter's notes going on from an earlier one's (168, 169 …)
        start, expected = _later_run(markers | weak)
    if not notes and expected:
        notes, end = read_unnumbered(blocks, heading + 1, expected, goes_on=bool(markers))
        grouped = note_groups.group_values(blocks[:heading]) if start == 1 and markers else []
        if grouped:  # 'Notes' over 'References': a wiki's group of notes over its references, read as one run
            run, after = read_unnumbered(blocks, heading + 1, expected + len(grouped) + 1, goes_on=True)
            run = note_groups.regroup(blocks[:heading], run)
            notes, end = (run, after) if run else (notes, end)
        if start > 1 and not all(ARROW_BACKLINK.search(b.text) for b in blocks[heading + 1:end]):
            return None  # (numbered on from 168 only when every item keeps its back-link: a copied endnotes list)
        for note in notes:
            note.number += start - 1
            note.label = str(note.number)
        cited = {n.number for n in notes} & (markers | weak)
        if len(cited) < max(1, min(len(notes), expected) // 2):  # the text's markers reach few of the items (of
            # those they ask for: a reference list read on past them is no bibliography): a bibliography
            return None
    if not notes:
        return None
    title = rec.without_edit_links(blocks[heading].plain)
    return NotesList(heading, end, title, notes, numbered)


def _numbered_on(blocks, lists: list[NotesList]) -> NotesList | None:
    """Several lists under notes headings whose numbers run on from one to the next (a report's sections each
    closing with their 'Footnotes', 1-12, 13-14, 21-28): one list of notes, the text between them kept as text and
    their headings left out."""
    lists = sorted(lists, key=lambda f: f.start)
    if not all(f.numbered for f in lists) or any(b.start < a.end for a, b in zip(lists, lists[1:])):
        return None
    return _run_on(blocks, lists, skipped=[blocks[f.start] for f in lists[1:]])


def _run_on(blocks, lists: list[NotesList], skipped: list | None = None) -> NotesList | None:
    """Two or more lists in the text's order whose numbers run on from one to the next, as one list: the blocks
    between them kept as text (`skipped`: those of them left out, the later lists' own headings)."""
    numbers = [n.number for f in lists for n in f.notes]
    if len(lists) < 2 or numbers != sorted(set(numbers)):
        return None
    between = [b for a, c in zip(lists, lists[1:]) for b in blocks[a.end:c.start]]
    return NotesList(lists[0].start, lists[-1].end, lists[0].heading, [n for f in lists for n in f.notes],
                     between=between, skipped=skipped or [])


LATER_RUN = 3  # numbers in a row from above 1 that make a chapter's markers going on from an earlier chapter


def _later_run(numbers: set[int]) -> tuple[int, int]:
    """The longest unbroken run k, k + 1, … (k above 1, at least LATER_RUN long) in `numbers`: (k, its length), or
    (1, 0) when there is none."""
    best = (1, 0)
    for first in sorted(n for n in numbers if n > 1 and n - 1 not in numbers):
        length = 0
        while first + length in numbers:
            length += 1
        if length >= LATER_RUN and length > best[1]:
            best = (first, length)
    return best


def _run_length(numbers: set[int]) -> int:
    """How far 1, 2, 3, ... runs unbroken in `numbers` (plain digits that may be markers)."""
    count = 0
    while count + 1 in numbers:
        count += 1
    return count


NOTE_LIKE = re.compile(r"https?://|\b(?:19|20)\d\d\b|\bibid\b|\bop\. cit\b|\bpp?\. \d|\b(?:retrieved|accessed|"
                       r"abgerufen|consulté|дата обращения|erişim)\b", re.IGNORECASE)


def _score(found: NotesList, markers: set[int], weak: set[int]) -> tuple[int, float]:
    """How well a candidate list fits the text: notes its markers reach, then how note-like its items read."""
    numbers = {note.number for note in found.notes}
    likeness = sum(1 for note in found.notes if NOTE_LIKE.search(note.text) or note.backlinked) / len(found.notes)
    return 2 * len(numbers & markers) + len(numbers & weak), likeness


def _closing_run(blocks, markers: set[int], weak: set[int] = frozenset()) -> NotesList | None:
    """Without a heading: the last run of numbered notes starting at 1 (or i), or at the lowest number the text's
    markers point to (a book's chapter numbers its notes on), that markers in the text point to, or (in a copy)
    whose every number the text carries as plain digits where markers stand ('each year.2')."""
    lowest = min(markers, default=1)
    for index in range(len(blocks) - 1, -1, -1):
        found = note_label(blocks[index])
        lone = not found and (LONE_NUMBER.match(blocks[index].plain.strip()) or BARE_LABEL.match(
            blocks[index].text.strip())) and _text_follows(blocks, index + 1, True)  # '12' or '12.' over its text
        found = found or (note_label(blocks[index], loose=True) if lone else None)  # '1' alone over its text
        if not found or found[0] not in (1, lowest) or (index and note_label(blocks[index - 1])):
            continue
        notes, end = read_numbered(blocks, index, loose=bool(lone))
        numbers = {note.number for note in notes}
        raised = TOKEN.match(blocks[index].text.strip())  # '<sup>1</sup> Convention on …' under the text
        copied = len(notes) >= 2 and numbers <= weak and _run_length(weak) >= len(notes)
        if (len(notes) >= 2 or getattr(blocks[index], "anchor", None) or raised) and (numbers & markers or copied):
            return NotesList(index, end, "", notes)
    return None


def _glued_run(blocks, weak: set[int]) -> NotesList | None:
    """Without a heading, in copied text: the closing run of notes whose numbers the copy glued to their first
    word ('22Sometimes known as …'), numbered on from any number (a book's chapter), when the text has each of
    those numbers glued to a word too ('alerts,22')."""
    end = len(blocks)
    while end > 0 and not GLUED_LABEL.match(blocks[end - 1].plain):
        end -= 1
    start = end
    while start > 0 and GLUED_LABEL.match(blocks[start - 1].plain):
        start -= 1
    numbers = [int(GLUED_LABEL.match(b.plain).group(1)) for b in blocks[start:end]]
    if not numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))) or not set(numbers) <= weak:
        return None
    notes = []
    for block, number in zip(blocks[start:end], numbers):
        text = block.text.strip()
        cut = re.match(r"\d{1,3}", text)
        notes.append(Note(number, str(number), clean_note_text(text[cut.end():] if cut else text), block.line))
    return NotesList(start, end, "", notes)


END_ARROW = re.compile(r"(?:[↩↑]\uFE0E?>?|\\\[\s*[↩↑]\uFE0E?\s*\\\]|\[\s*[↩↑]\uFE0E?\s*\])\s*$")  # '… 1656. ↩'
ARROW_BACKLINK = re.compile(r"^\s*[↑↩↵]|(?:[↩↑]\uFE0E?>?|\\\[\s*[↩↑]\uFE0E?\s*\\\]|\[\s*[↩↑]\uFE0E?\s*\])\s*$")


def _backlinked_run(blocks, numbers: set[int]) -> NotesList | None:
    """Without a heading or numbers (a copied <ol>): the last run of items that end or open with a back-link
    arrow ('↩', '↑'), read as notes 1, 2, 3 ... when markers (or plain digits after words) reach them all."""
    end = len(blocks)
    while end > 0:
        start = end
        while start > 0 and blocks[start - 1].kind != "heading" and ARROW_BACKLINK.search(blocks[start - 1].text):
            start -= 1
        if start < end and all(n in numbers for n in range(1, end - start + 1)):
            notes = [Note(n + 1, str(n + 1), clean_note_text(b.text), b.line, backlinked=True)
                     for n, b in enumerate(blocks[start:end])]
            return NotesList(start, end, "", notes, numbered=False)
        end = start - 1 if start == end else start
    return None


def _list_start(blocks, index: int) -> int:
    """Where the list holding the linked note at `index` starts: numbered items of the same kind just above it
    that count down to it are notes no marker links to (a journal's uncited references)."""
    number = note_label(blocks[index])[0]
    while index > 0 and blocks[index - 1].kind == blocks[index].kind and not blocks[index - 1].anchor:
        found = note_label(blocks[index - 1], loose=True)
        if found and found[0] == number - 1:
            index, number = index - 1, number - 1
        elif SUB_LABEL.match(blocks[index - 1].text.strip()) and \
                int(SUB_LABEL.match(blocks[index - 1].text.strip()).group(1)) == number - 1:
            index -= 1  # '2b' above note 3: a part of note 2, whose label stands further up
        else:
            break
    return index


def _linked(blocks) -> NotesList | None:
    """The notes the text's marker links point to (blocks with an anchor), with the numbered items around them in
    the same lists: the page's own structure, however the notes are numbered (a chapter's notes may start at 22,
    a journal's anchor ids may not follow the numbers shown). Headings between two lists are left out; text
    between two parts stays in the text."""
    anchored = [i for i, b in enumerate(blocks) if getattr(b, "anchor", None)]
    if not anchored:
        return None
    start = _list_start(blocks, anchored[0])
    notes: list[Note] = []
    between, skipped = [], []
    index = start
    while True:
        found, end = read_numbered(blocks, index, loose=True)
        notes += found
        index = max(end, index + 1)
        following = next((i for i in anchored if i >= index), None)
        if following is None:
            break
        following = _list_start(blocks, following)
        gap = blocks[index:following]
        if all(b.kind == "heading" or rec.is_notes_heading(b.plain) for b in gap):
            skipped += gap
        else:
            heads = 0  # the next section's own 'Footnotes' heading over its part of the list is no text
            while heads < len(gap) and headingish(gap[-1 - heads]) and rec.is_notes_heading(gap[-1 - heads].plain):
                heads += 1
            between += gap[:len(gap) - heads]
            skipped += gap[len(gap) - heads:]
        index = following
    heading = ""
    if start > 0 and headingish(blocks[start - 1]) and rec.is_notes_heading(blocks[start - 1].plain):
        start -= 1
        heading = rec.without_edit_links(blocks[start].plain)
    return NotesList(start, index, heading, notes, between=between, skipped=skipped)


def _in_link_bar(blocks, index: int) -> bool:
    """A 'References' line between items of a reference's link bar ('PDF(1645K)' / 'References' / 'Web of
    Science®') is one of its links, no notes heading."""
    return any(0 <= i < len(blocks) and citations.bar_item_line(blocks[i].plain) for i in (index - 1, index + 1))


def locate(blocks, weak: set[int] | None = None) -> NotesList | None:
    """The article's list of notes: the notes the text's marker links point to, else under the notes heading whose
    notes the text's markers point to most, else the closing run of numbered notes. `weak` holds numbers that plain
    digits in the text may be markers for."""
    linked = _linked(blocks)
    if linked is not None:
        return linked
    markers, weak = referenced(blocks), weak or set()
    candidates = []
    for index, block in enumerate(blocks):
        if headingish(block) and rec.is_notes_heading(block.plain) and index + 1 < len(blocks) \
                and not _in_link_bar(blocks, index):
            before = referenced(blocks[:index])
            found = _under_heading(blocks, index, before, weak)
            if found:
                candidates.append((_score(found, before, weak), found.numbered, found.start, found))
    if candidates:  # the best fit; on a tie the later list (notes close an article)
        return _numbered_on(blocks, [c[3] for c in candidates]) or max(candidates, key=lambda c: c[:3])[3]
    closing, backlinked = _closing_run(blocks, markers, weak), _backlinked_run(blocks, markers | weak)
    if closing is not None and backlinked is not None and len(backlinked.notes) > len(closing.notes) and \
            not any(n.backlinked for n in closing.notes):  # ('1. Über die Erkenntnis', '2. Von der Offenbarung'
        closing = None  # of a site's menu after the text are no notes beside a longer run of back-linked ones)
    return _restarting_runs(blocks) or _section_runs(blocks) or closing \
        or _glued_run(blocks, weak) \
        or backlinked \
        or _lone_closing_note(blocks, weak)


def _section_runs(blocks) -> NotesList | None:
    """Without headings: the notes a report sets under each section's text, each opening with its raised number
    ('<sup>4</sup> Interstate Commission, …'), numbered on from one section to the next, each run's numbers cited by
    markers in the text above it: one list of notes, the sections' text between the runs kept as text."""
    runs, index = [], 0
    while index < len(blocks):
        if TOKEN.match(blocks[index].text.strip()) and index:
            notes, end = read_numbered(blocks, index, loose=False)
            numbers = [n.number for n in notes]
            if notes and numbers == sorted(set(numbers)) and set(numbers) <= referenced(blocks[:index]):
                runs.append(NotesList(index, end, "", notes))
                index = max(end, index + 1)
                continue
        index += 1
    return _run_on(blocks, runs)


def _restarting_runs(blocks) -> NotesList | None:
    """Without headings: notes set after each section (a letter, a chapter) and numbered from 1 again in each, as a
    book of letters prints them ('[Footnote 1: …]' after every letter that has notes): each run's numbers are those
    the markers of the text since the run before cite. The notes are counted on through the page and the markers
    of each stretch of text renumbered with them; the text between the runs stays text."""
    runs, index, since = [], 0, 0
    while index < len(blocks):
        found = note_label(blocks[index]) if blocks[index].kind != "heading" else None
        if found and found[0] == 1 and found[2].strip():
            notes, end = read_numbered(blocks, index, loose=False)
            numbers = [n.number for n in notes]
            if numbers == list(range(1, len(notes) + 1)) and set(numbers) == referenced(blocks[since:index]):
                runs.append((since, NotesList(index, end, "", notes)))
                index = since = max(end, index + 1)
                continue
        index += 1
    if len(runs) < 2:
        return None
    counted = 0
    for since, run in runs:  # the markers of each stretch and its notes, counted on
        for block in blocks[since:run.start]:
            block.text = TOKEN.sub(lambda m: f"\x00{int(m.group(1)) + counted}:{m.group(2)}:{m.group(3)}\x00", block.text)
        for note in run.notes:
            note.number += counted
        counted += len(run.notes)
    return _run_on(blocks, [run for _, run in runs])


def _lone_closing_note(blocks, weak: set[int]) -> NotesList | None:
    """A copy's one note closing the text, its number before it ('1 Convention on …'), when the text carries that
    number glued as a marker ('about it.1 This'): a page's single footnote, whose list has no second item to show it."""
    if not blocks or 1 not in weak:
        return None
    text = blocks[-1].text.strip()
    match = re.match(r"1\s*(?=[A-ZÀ-ÞА-ЯЁ\"“«„(])", text)
    if not match or blocks[-1].kind == "heading" or not re.search(r"[.)]$|\d{4}", text):
        return None
    return NotesList(len(blocks) - 1, len(blocks), "", [Note(1, "1", clean_note_text(text[match.end():]),
                                                             blocks[-1].line)])
