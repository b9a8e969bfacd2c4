"""Notes marked with symbols ('wikis.*' … '*The exceptions are …') and a wiki's lettered notes ('[a]'), numbered
apart from the numbered notes."""

from __future__ import annotations

import re

from volume.importer import recognise as rec
from volume.importer.notes import Note, clean_note_text, note_label
from volume.importer.notes_list import headingish

SYMBOLS = {"*": "\\*", "†": "†", "‡": "‡", "§": "§"}
_SYMBOL = r"((?:\\\*){1,4}|†{1,3}|‡{1,3}|§{1,3})"
# '*Read at …', '^†^The …' (a raised symbol), and with a space after it '* Corresponding author', '^†^ The …'
SYMBOL_NOTE = re.compile(r"^(\^?)" + _SYMBOL + r"\1(?=[^\s*\\^])")
SPACED_SYMBOL_NOTE = re.compile(r"^(\^?)" + _SYMBOL + r"\1 (?=[^\s*\\^])")

SENTENCE_GOES_ON = r"(?=\s+[A-ZÀ-ÞА-ЯЁ\"“«(]|\s*$)"  # a new sentence, or the paragraph's end


def SPACED_MARK(label: str) -> re.Pattern:  # noqa: N802 (a pattern's maker)
    """Where a symbol whose note has a space after it marks the text: glued to a word or a sentence's close and
    followed by the next sentence or the end ('remark.* The', 'known.^†^'), not in code ('/* comment', 'char* p')."""
    return re.compile(r"(?<=[^\W_]|[.,;:!?)\]\"”’»])(\^?)" + re.escape(label) + r"\1" + SENTENCE_GOES_ON)


SYMBOL_BASE = 1000  # symbol notes are numbered apart from numbered ones: '*' is 1001, '**' 1002, '†' 1101


def _symbol_value(label: str) -> int:
    plain = label.replace("\\", "")
    kind = "*†‡§".index(plain[0])
    return SYMBOL_BASE + 100 * kind + len(plain)


def _bullet_run(blocks, index: int, opening: str) -> bool:
    """Whether the block at `index` stands in a run of items opening with the same symbol and a space: a list."""
    return any(0 <= i < len(blocks) and blocks[i].text.strip().startswith(opening + " ") for i in (index - 1, index + 1))


def symbol_notes(blocks) -> tuple[list, list[Note]]:
    """Notes marked with asterisks or daggers: a paragraph opening with '*', '**', '†' (raised or not; a space after
    it only outside a run of such items, a list) whose symbol stands glued to a word or full stop earlier in the
    text ('… Wikimedia wikis.*', 'remark.^†^'). Returns the blocks
    without those notes, with the symbols made markers, and the notes; a '* bullet' list is no note."""
    notes: list[Note] = []
    taken: set[int] = set()
    for index, block in enumerate(blocks):
        match = SYMBOL_NOTE.match(block.text.strip()) or SPACED_SYMBOL_NOTE.match(block.text.strip())
        if not match or block.kind == "heading" or (match.re is SPACED_SYMBOL_NOTE and
                                                     _bullet_run(blocks, index, match.group(0).strip())):
            continue
        label = match.group(2)  # (glued to a word or full stop where it marks the text, raised or not)
        marker = re.compile(r"(?<=[^\s*\\^])(\^?)" + re.escape(label) + r"\1(?!\\\*|[†‡§\w])") \
            if match.re is SYMBOL_NOTE else SPACED_MARK(label)  # ('* Corresponding …': only after a word, not '/*')
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
    heads = [i for i, b in enumerate(blocks) if headingish(b) and rec.is_notes_heading(b.plain)]
    letters = _letters_in_order(blocks[:heads[0]]) if heads else []
    for head in heads if letters else ():
        end = head + 1
        while end < len(blocks) and blocks[end].kind != "heading" and not (
                headingish(blocks[end]) and rec.is_notes_heading(blocks[end].plain)):
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
