"""The list of notes in a web article: where it is, which blocks are its notes, and markers a copy left as plain digits.

Inside the list (from its heading, or from the first numbered note, to the last numbered item) every numbered
item is a note, however short or link-like: page-chrome rules never apply there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from volume.importer import citations
from volume.importer import recognise as rec
from volume.importer.citations import TOKEN, group_markers, run_after

STRICT_LABEL = re.compile(r"^(?:\\\[|\()?(\d{1,3}|[ivxl]{1,7})(?:\\\]|\)|\\?[.)])\s+")
BARE_LABEL = re.compile(r"^(?:\\\[|\()?(\d{1,3}|[ivxl]{1,7})(?:\\\]|\)|\\?[.)])$")  # '12.' alone: a table's number cell
LONE_NUMBER = re.compile(r"^(\d{1,3})$")  # '12' alone on its line in a list of notes: a label set as its own block
LOOSE_LABEL = re.compile(r"^(\d{1,3})\s+(?=\S)")  # "12 Smith, J." after a notes heading: a lost list number
GLUED_LABEL = re.compile(r"^(\d{1,3})(?=[A-ZÀ-ÞА-ЯЁ\"“«„(])")  # '22Sometimes known as …': glued to its note
# Back-links before a note: '↑', '^', and Wikipedia's 'a b c' when the note has several markers.
BACKLINK = re.compile(r"^(?=[\s*]*(?:[↑↩↵^]|\\\^))(?:\s|\*|[↑^↩↵︎]|\\\^|\\\*)+"
                      r"(?:(?:\^?[a-z]\^?[\s*]+){2,}|\d+\.\d+\s+)?(?=\S)")
CONTINUATION_REACH = 8  # blocks between two numbered notes that belong to the first
TAIL_CONTINUATION = 2  # unnumbered blocks after the last note taken as its further paragraphs
BACKLINKED_RUN = 3  # items of a list that lost its numbers, each opening with '↵', that make the back-link its mark


@dataclass
class Note:
    number: int  # the label as a number: [iv] and 4. are both 4
    label: str  # as printed
    text: str  # Markdown; paragraphs separated by blank lines
    line: int | None = None
    backlinked: bool = False  # the item opened with a back-link ('↑', '^'), as notes lists print them


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


def note_label(block, loose: bool = False) -> tuple[int, str, str] | None:
    """(number, label, rest) when a block opens with a note label: a marker, '[i]', 'i.', '1.', '1)', '(1)'.

    `loose` (inside a list of notes) also takes a bare '12 ' left where a copy dropped the list's '12.'."""
    text = block.text.strip()
    match = TOKEN.match(text)
    if match:
        return int(match.group(1)), match.group(2), text[match.end():]
    if getattr(block, "anchor", None):  # a marker of the text links here: this is that note
        match = STRICT_LABEL.match(text) or _own_number(text, block.anchor)
        return block.anchor, str(block.anchor), text[match.end():] if match else text
    match = STRICT_LABEL.match(text)
    if match and rec.label_value(match.group(1)):
        return rec.label_value(match.group(1)), match.group(1), text[match.end():]
    if block.ordinal is not None:
        return block.ordinal, str(block.ordinal), text
    match = (BARE_LABEL.match(text) or LONE_NUMBER.match(text)) if loose else None
    if match and rec.label_value(match.group(1)):
        return rec.label_value(match.group(1)), match.group(1), ""
    match = (LOOSE_LABEL.match(text) or GLUED_LABEL.match(text)) if loose else None
    if match and rec.label_value(match.group(1)):
        return int(match.group(1)), match.group(1), text[match.end():]
    return None


def _own_number(text: str, number: int) -> re.Match | None:
    """The note's own number glued before its text ('1S. P. Nolan') or alone in its item, as a list whose numbers
    are a <span> beside the text prints it."""
    return re.match(rf"{number}(?:(?=[A-ZÀ-ÞА-ЯЁ\"“«„(])|\s*$)", text)  # ('5 U.S.C. 552' keeps its 5)


# A part of a chemists' reference: '2a', '2b' under note 2 ('2aA. La Porta, …' as a page glues it), or '(a)'
SUB_LABEL = re.compile(r"^(\d{1,3})([a-z])(?:[.)]?\s+|(?=[A-ZÀ-ÞА-ЯЁ\"“«„(])|$)")


def sub_label(text: str, number: int) -> str | None:
    """The text of a part of note `number` ('2a' / '2b' under note 2), without its label; None if it is none."""
    match = SUB_LABEL.match(text.strip())
    return text.strip()[match.end():] if match and int(match.group(1)) == number else None


def clean_note_text(text: str) -> str:
    """A note without its back-links ('^ a b', '↩'), with any marker inside it written as plain text."""
    text = BACKLINK.sub("", text.lstrip())
    text = re.sub(r"([.,;:]?)(?:↩\uFE0E?|↑)+>$", r">\1", text.rstrip())  # '<https://…html.↩︎>': the copy's address took it
    text = re.sub(r"(?:\s|↩︎?|↑|\\\[(?:back|\s*↩︎?\s*)\\\]|\[\s*↩︎?\s*\]|\\\^)+$", "", text)
    return TOKEN.sub(lambda m: f"\\[{m.group(2)}\\]", text)


def referenced(blocks) -> set[int]:
    """Note numbers that markers in running text point to (a marker opening a block is a label, not a marker), with
    the numbers printed groups name ('[4-10]', '^1,2^')."""
    found: set[int] = set()
    for block in blocks:
        text = block.text.strip()
        start = TOKEN.match(text)
        for match in TOKEN.finditer(text, start.end() if start else 0):
            found.add(int(match.group(1)))
        found |= group_markers(text)
    return found


def _headingish(block) -> bool:
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


def read_unnumbered(blocks, first: int, expected: int) -> tuple[list[Note], int]:
    """Notes that lost their numbers in a copy (an <ol> copied as text): one per paragraph, as many as the text's
    markers need; a short note can look like a heading or chrome, so only a heading or stop line ends the list
    early. The link bar a journal sets under each reference ('PubMed' / 'Google Scholar') is no note: it stays with
    the note above it, for strip_link_bars to take off."""
    notes: list[Note] = []
    index, arrows = first, 0  # items so far that ended with their back-link ('…html.↩︎'): each is a note
    while index < len(blocks) and blocks[index].kind != "heading" and not rec.is_stop_line(blocks[index].plain):
        block = blocks[index]
        backlinked = bool(re.match(r"\s*(?:[↑^↩↵]|\\\^)", block.text))
        arrowed = bool(ARROW_BACKLINK.search(block.text))
        if notes and citations.link_bar_line(block.plain):
            notes[-1].text += "\n\n" + clean_note_text(block.text)
        elif len(notes) >= BACKLINKED_RUN and all(n.backlinked for n in notes) and not backlinked:
            break  # every item so far opened with its back-link: one without it is the page after the list
        elif len(notes) < expected or (notes and arrowed and arrows == len(notes)):
            arrows += 1 if arrowed else 0
            notes.append(Note(len(notes) + 1, str(len(notes) + 1), clean_note_text(block.text), block.line,
                              backlinked=backlinked))
        else:
            break
        index += 1
    return notes, index


def _under_heading(blocks, heading: int, markers: set[int], weak: set[int]) -> NotesList | None:
    notes, end = read_numbered(blocks, heading + 1, loose=True)
    numbered = bool(notes)
    expected = max(markers) if markers else _run_length(weak)
    if not notes and expected:
        notes, end = read_unnumbered(blocks, heading + 1, expected)
        cited = {n.number for n in notes} & (markers | weak)
        if len(cited) < max(1, len(notes) // 2):  # the text's markers reach few of the items: a bibliography
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
            while heads < len(gap) and _headingish(gap[-1 - heads]) and rec.is_notes_heading(gap[-1 - heads].plain):
                heads += 1
            between += gap[:len(gap) - heads]
            skipped += gap[len(gap) - heads:]
        index = following
    heading = ""
    if start > 0 and _headingish(blocks[start - 1]) and rec.is_notes_heading(blocks[start - 1].plain):
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
        if _headingish(block) and rec.is_notes_heading(block.plain) and index + 1 < len(blocks) \
                and not _in_link_bar(blocks, index):
            before = referenced(blocks[:index])
            found = _under_heading(blocks, index, before, weak)
            if found:
                candidates.append((_score(found, before, weak), found.numbered, found.start, found))
    if candidates:  # the best fit; on a tie the later list (notes close an article)
        return _numbered_on(blocks, [c[3] for c in candidates]) or max(candidates, key=lambda c: c[:3])[3]
    return _section_runs(blocks) or _closing_run(blocks, markers, weak) or _glued_run(blocks, weak) \
        or _backlinked_run(blocks, markers | weak) \
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


# --- markers a copy left as plain digits: 'growth.12 The next', 'policy (3)' ---------------------------------

GLUED = re.compile(r"(?<=[a-zа-яёçğıöşüäßéèàâêîôûœ\.,;:!?\)\]\"”’»*])(\d{1,3})(?=[\s,.;:!?)\]—–]|-\d|$)")  # 'spoofing59—where', 'work3-5'
# '(3)' after a word; never glued to ')' or a digit, where it numbers a subdivision: 'Section 1101(a)(6)', '2(a)(1)'
PAREN = re.compile(r"(?<=\S)(?<![)\d])\s?\((\d{1,3})\)(?=[\s,.;:!?]|$)")
# 'ultimately included 31.8 The FY2025 …': a marker after a number's full stop, where a new sentence starts
SENTENCE_AFTER_NUMBER = re.compile(r"(?<=\d\.)([1-9]\d{0,2})(?=\s+[A-ZА-ЯЁ\"“«(]|$)")
# 'en janvier 20195. Plutôt': a marker glued to a year; the 1, 2, 3 pass takes it only as the very note it expects next
AFTER_YEAR = re.compile(r"(?<![\d.,/-])(?:1[6-9]|20)\d\d([1-9]\d?)(?=[\s,.;:!?)\]]|$)")
# 'Transparency and Open Government 1 instructed': a marker set apart by spaces, as a copy of a superscript link
# with a space before it gives it; taken only when such numbers run 1, 2, 3 ... through every note of the list
SPACED = re.compile(r"(?:(?<=\w )|(?<=\w[.,;:)”\"’»] )|(?<=\w[)”\"’»][.,;:] ))([1-9]\d{0,2})(?= (?:[^\W\d_]|[“\"«(])| ?$)")
# A digit glued to a cell of a table a copy left out ('Kazakhstan5'), kept after the table's line until the notes
# are settled: the 1, 2, 3 pass takes it when it is the very note it expects next
TABLE_DIGIT_MARK = "\x01"
TABLE_DIGIT = re.compile(r"\x01(\d{1,3})")
PROTECTED = re.compile(r"<[^>\s]+>|\]\([^)]*\)|\x00[^\x00]*\x00")


def weak_candidates(text: str) -> list[re.Match]:
    """Digits glued to a word or a sentence's end, and '(3)' after a word: markers that lost their superscript."""
    protected = [m.span() for m in PROTECTED.finditer(text)]
    found = []
    for pattern in (GLUED, PAREN):
        for match in pattern.finditer(text):
            if any(a <= match.start(1) < b for a, b in protected) or _decimal(text, match.start(1)) or \
                    re.match(r"\.\d|,\d{3}(?!\d)", text[match.end(1):match.end(1) + 5]):  # 'doi:10.1371', 'ca.3,500'
                continue
            found.append(match)
    return sorted(found, key=lambda m: m.start(1))


def _decimal(text: str, at: int) -> bool:
    """'3.5', '1,000', '12.3', 'P = .01', '.5 mm': the digits continue a number or are one written without its
    zero (a year before the full stop is no number; no note is numbered '01')."""
    before = re.search(r"(\d+)[.,]$", text[:at])
    if text[at] == "0" or re.search(r"(?:^|[\s(=<>≤≥±~–-])[.,]$", text[:at]):
        return True
    return bool(before) and len(before.group(1)) <= 3


def weak_numbers(blocks) -> set[int]:
    """Numbers plain digits in the text may be markers for, with the runs that carry them on ('fibrillation.1 2 3'),
    and the run 1, 2, 3 ... of numbers set apart by spaces when it is long enough to be a text's markers."""
    found: set[int] = set()
    for block in blocks:
        for match in weak_candidates(block.text):
            first = int(match.group(1))
            found |= {first, *run_after(block.text, match.end(1), first)[0]}
        found |= {int(d) for d in TABLE_DIGIT.findall(block.text)}
    spaced = spaced_run(blocks)
    return found | (set(spaced) if len(spaced) >= SPACED_RUN else set())


SPACED_RUN = 5  # numbers set apart by spaces that run 1, 2, 3, 4, 5 in the text's order: its markers, not chance


def spaced_run(blocks, start: int = 1) -> list[int]:
    """How far the numbers set apart by spaces (or glued to a word or a year) run start, start + 1, ... in the text's
    order."""
    expected, found = start, []
    for block in blocks:
        protected = [m.span() for m in PROTECTED.finditer(block.text)]
        matches = sorted([*SPACED.finditer(block.text), *AFTER_YEAR.finditer(block.text), *weak_candidates(block.text),
                          *TABLE_DIGIT.finditer(block.text)], key=lambda m: m.start(1))
        for match in matches:
            if int(match.group(1)) == expected and not any(a <= match.start(1) < b for a, b in protected):
                found.append(expected)
                expected += 1
    return found


def recover_markers(blocks, numbers: set[int]) -> int:
    """Turn plain digits into markers where they continue the text's sequence of notes (1, 2, 3, ...) and point
    to a note no marker reaches, with the run that carries a glued one on ('fibrillation.1 2 3 4', 'growth1–3');
    returns how many were recovered. Digits out of sequence stay text."""
    reached = referenced(blocks)
    wanted = numbers - reached
    if not wanted:
        return 0
    expected, recovered = min(numbers), 0  # a book's chapter numbers its notes on: 22, 23, ...
    ordered = sorted(numbers)
    spaced = len(numbers) >= SPACED_RUN and set(spaced_run(blocks, ordered[0])) >= numbers  # every note's marker so
    following = dict(zip(ordered, ordered[1:]))  # the list's next number: notes 15-20 on pages left out, 14 -> 21
    for block in blocks:
        pieces, position = [], 0
        candidates = [*TOKEN.finditer(block.text), *weak_candidates(block.text), *_after_numbers(block.text),
                      *_protected_out(AFTER_YEAR, block.text), *(_protected_out(SPACED, block.text) if spaced else []),
                      *TABLE_DIGIT.finditer(block.text)]
        for match in sorted(candidates, key=lambda m: m.start()):
            if match.start() < position:  # inside a run already taken ('1 2 3')
                continue
            if match.re is TOKEN:
                expected = following.get(int(match.group(1)), int(match.group(1)) + 1)
                continue
            value = int(match.group(1))
            if value == expected and value in wanted:
                cut = match.start(0) if match.re in (PAREN, TABLE_DIGIT) else match.start(1) - (match.re is SPACED)
                pieces.append(block.text[position:cut])
                position = match.end(0) if match.re is PAREN else match.end(1)
                wanted.discard(value)
                run, position = run_after(block.text, position, value, wanted) if match.re is GLUED \
                    else ([], position)
                wanted -= set(run)
                pieces += [f"\x00{n}:{n}:{block.line or ''}\x00" for n in (value, *run)]
                last = run[-1] if run else value
                expected, recovered = following.get(last, last + 1), recovered + 1 + len(run)
        if pieces:
            block.text = "".join(pieces) + block.text[position:]
    return recovered


def _protected_out(pattern: re.Pattern, text: str) -> list[re.Match]:
    protected = [m.span() for m in PROTECTED.finditer(text)]
    return [m for m in pattern.finditer(text) if not any(a <= m.start(1) < b for a, b in protected)]


def _after_numbers(text: str) -> list[re.Match]:
    """Digits after a number's full stop where a sentence starts ('included 31.8 The'): a decimal to every other
    rule, so the 1, 2, 3 pass takes them only when they are the very note it expects next."""
    protected = [m.span() for m in PROTECTED.finditer(text)]
    return [m for m in SENTENCE_AFTER_NUMBER.finditer(text) if not any(a <= m.start(1) < b for a, b in protected)]


# Abbreviations a number follows after their full stop: 'p.12', 'Fig.3', 'No.5' are pages, figures and numbers
ABBREVIATION = re.compile(r"(?:^|[\s(\[])(?:pp?|nos?|vols?|figs?|ch|chap|art|arts|para|paras|sec|secs|tab|eq|"
                          r"eqs|refs?|nr|s|ss|ed|eds|rev|ser|suppl|ibid|op|cf|vs|ca|approx|с|ст|гл|рис|табл|т|"
                          r"ч|abb|abs|bd|hft|nº|n)\.$", re.IGNORECASE)
ET_AL = re.compile(r"\bet al\.?$|\bи др\.?$|\bu\. ?a\.?$|\bve ark\.?$", re.IGNORECASE)


def _cited_shape(text: str, at: int) -> bool:
    """Digits at `at` glued where only a citation stands: after a sentence's or clause's punctuation that follows a
    word or a bracket ('injuries.12', 'post).1,15', 'lower,4 and'), or after 'et al' ('Tan et al23'); not after
    a digit ('3:1', '1,000'), a colon ('doi:10…'), an abbreviation ('p.12', 'Fig.3') or a unit ('kg/m2', 'CO2')."""
    before = text[:at]
    if ET_AL.search(before):
        return True
    if len(before) < 2 or before[-1] not in ".,;!?)]\"”’»" or before[-2].isdigit() or before[-2].isspace():
        return False
    return not ABBREVIATION.search(before)


def _after_word(text: str, at: int) -> bool:
    """Digits glued to a word of three lower-case letters or more ('common2,5'), not to a unit or formula ('m2',
    'CO2')."""
    return bool(re.search(r"(?<![\w-])[a-zäöüßçğışéèàа-яё]{3,}$", text[:at]))


IN_ORDER_SHARE = 0.5  # a copy whose 1, 2, 3 pass reached this share of its notes runs in order


def _first_markers(blocks) -> dict[int, tuple[int, int]]:
    """Where each note's first marker stands: (block index, offset)."""
    first: dict[int, tuple[int, int]] = {}
    for index, block in enumerate(blocks):
        for match in TOKEN.finditer(block.text):
            first.setdefault(int(match.group(1)), (index, match.start()))
    return first


def _between_neighbours(first: dict[int, tuple[int, int]], value: int, at: tuple[int, int]) -> bool:
    """Whether `at` lies after the marker of the nearest lower note that has one and before that of the nearest
    higher one: where a note's marker stands in a text whose markers run in order."""
    lower = [first[n] for n in first if n < value]
    upper = [first[n] for n in first if n > value]
    return (not lower or max(lower) < at) and (not upper or at < min(upper))


def recover_cited(blocks, numbers: set[int], in_order: bool = False) -> int:
    """In a copy whose markers do not run 1, 2, 3 in the text (a journal numbering its references alphabetically,
    a note cited again), turn digits into markers where their place leaves no other reading (see _cited_shape), or
    a group glued to a word ('common2,5'), with the group they open ('post).1,15,20,25'), when every number of it
    is a note; returns how many. A copy whose markers run `in_order` (a report whose 1, 2, 3 pass missed a few)
    gets a marker only for a note none reaches, and only between its neighbours' markers: a number glued after a
    full stop elsewhere ('Section 12.', 'in 2019,14') is text there."""
    recovered = 0
    first = _first_markers(blocks) if in_order else {}
    for index, block in enumerate(blocks):
        pieces, position = [], 0
        for match in weak_candidates(block.text):
            if match.re is not GLUED or match.start(1) < position:
                continue
            value = int(match.group(1))
            if value not in numbers:
                continue
            run, end = run_after(block.text, match.end(1), value, numbers)
            if any(n not in numbers for n in run) or not (_cited_shape(block.text, match.start(1)) or
                                                           (run and _after_word(block.text, match.start(1)))):
                continue
            if in_order and any(n in first or not _between_neighbours(first, n, (index, match.start(1)))
                                for n in (value, *run)):
                continue
            pieces += [block.text[position:match.start(1)],
                       *(f"\x00{n}:{n}:{block.line or ''}\x00" for n in (value, *run))]
            position, recovered = end, recovered + 1 + len(run)
        if pieces:
            block.text = "".join(pieces) + block.text[position:]
    return recovered


# --- markers printed as groups: '[6, 7]', '[14–17]', '[2], [3]' (volume.importer.citations) ---------------------

def expand_groups(blocks, numbers: set[int]) -> int:
    """Markers for note numbers printed as groups and ranges; returns how many were added (see citations)."""
    return citations.expand_groups(blocks, numbers)[0]


# --- notes marked with symbols: 'wikis.*' … '*The exceptions are …' -----------------------------------------

SYMBOLS = {"*": "\\*", "†": "†", "‡": "‡", "§": "§"}
SYMBOL_NOTE = re.compile(r"^((?:\\\*){1,4}|†{1,3}|‡{1,3}|§{1,3})(?=[^\s*\\])")
SYMBOL_BASE = 1000  # symbol notes are numbered apart from numbered ones: '*' is 1001, '**' 1002, '†' 1101


def _symbol_value(label: str) -> int:
    plain = label.replace("\\", "")
    kind = "*†‡§".index(plain[0])
    return SYMBOL_BASE + 100 * kind + len(plain)


def symbol_notes(blocks) -> tuple[list, list[Note]]:
    """Notes marked with asterisks or daggers: a paragraph opening with '*', '**', '†' (no space after it) whose
    symbol stands glued to a word or full stop earlier in the text ('… Wikimedia wikis.*'). Returns the blocks
    without those notes, with the symbols made markers, and the notes; a '* bullet' list is no note."""
    notes: list[Note] = []
    taken: set[int] = set()
    for index, block in enumerate(blocks):
        match = SYMBOL_NOTE.match(block.text.strip())
        if not match or block.kind == "heading":
            continue
        label = match.group(1)
        marker = re.compile(r"(?<=[^\s*\\])" + re.escape(label) + r"(?!\\\*|[†‡§\w])")
        for earlier in blocks[:index]:
            if id(earlier) in taken:
                continue
            found = marker.search(earlier.text)
            if found:
                value = _symbol_value(label)
                plain = label.replace("\\", "")
                earlier.text = earlier.text[:found.start()] + f"\x00{value}:{plain}:{earlier.line or ''}\x00" + \
                    earlier.text[found.end():]
                notes.append(Note(value, plain, clean_note_text(block.text.strip()[match.end():]), block.line))
                taken.add(id(block))
                break
    return [b for b in blocks if id(b) not in taken], notes


# --- lettered notes: a wiki's explanatory notes, '[a]', beside its numbered references ------------------------

LETTER_BASE = 2000  # lettered notes are numbered apart from the numbered ones: 'a' is 2001, 'z' 2026
LETTER_MARK = re.compile(r"\\\[([a-z]{1,2})\\\]")  # '[a]' as copied text keeps it (escaped Markdown)


def letter_value(label: str) -> int:
    """'a' → 2001, 'z' → 2026, 'aa' → 2027: a lettered note's number, apart from the numbered notes'."""
    value = 0
    for char in label:
        value = value * 26 + ord(char) - ord("a") + 1
    return LETTER_BASE + value


def _letters_in_order(blocks) -> list[str]:
    """The letters of '[a]', '[b]' … markers in the text, in the order they first stand, when they run from 'a'."""
    letters: list[str] = []
    for block in blocks:
        for found in LETTER_MARK.finditer(block.text):
            if found.group(1) not in letters:
                letters.append(found.group(1))
    expected = [chr(ord("a") + n) for n in range(min(len(letters), 26))]
    return letters if letters and letters == expected else []


def lettered_notes(blocks) -> tuple[list, list[Note]]:
    """A copied wiki page's lettered notes: markers '[a]', '[b]' … in the text, and under a notes heading a list of
    as many items that lost their letters (the page draws them), beside the numbered references' list. The items
    are the lettered notes, each joined to its letter's markers, numbered apart (LETTER_BASE). Returns the blocks
    without that list and its heading, with the markers made tokens, and the notes."""
    heads = [i for i, b in enumerate(blocks) if _headingish(b) and rec.is_notes_heading(b.plain)]
    letters = _letters_in_order(blocks[:heads[0]]) if heads else []
    for head in heads if letters else ():
        end = head + 1
        while end < len(blocks) and blocks[end].kind != "heading" and not (
                _headingish(blocks[end]) and rec.is_notes_heading(blocks[end].plain)):
            end += 1
        items = blocks[head + 1:end]
        if len(items) != len(letters) or any(note_label(b) for b in items):
            continue
        notes = [Note(letter_value(letter), letter, clean_note_text(b.text), b.line, backlinked=True)
                 for letter, b in zip(letters, items)]
        for block in blocks[:head]:
            block.text = LETTER_MARK.sub(lambda m: f"\x00{letter_value(m.group(1))}:{m.group(1)}:{block.line or ''}"
                                                   f"\x00" if m.group(1) in letters else m.group(0), block.text)
        return blocks[:head] + blocks[end:], notes
    return blocks, []
