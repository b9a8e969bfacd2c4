"""A note's own label and text: '12.', '[iv]', '(3)', a marker opening its block, '2a' under note 2, the back-links
a notes list prints before or after a note, and the note numbers the text's markers point to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from volume.importer import recognise as rec
from volume.importer.citations import TOKEN, group_markers

CJK = "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"  # kana, CJK ideographs, hangul (a group's name: '[注 1]')
STRICT_LABEL = re.compile(r"^(?:\\\[|\()?(\d{1,3}|[ivxl]{1,7})(?:\\\]|\)|\\?[.)])\s+")
BARE_LABEL = re.compile(r"^(?:\\\[|\()?(\d{1,3}|[ivxl]{1,7})(?:\\\]|\)|\\?[.)])$")  # '12.' alone: a table's number cell
BOLD_LABEL = re.compile(r"^(\*\*?)(?:\\\[)?\d{1,3}(?:\\\])?\\?[.)]?\1\s+")  # '**12.** Smith …' (ACS, T&F: <strong>12.</strong>)
GUTENBERG_NOTE = re.compile(r"^\\\[Footnote (\d{1,3}):\s*(.*?)\\\]$", re.DOTALL)  # '[Footnote 1: …]'
LONE_NUMBER = re.compile(r"^(\d{1,3})$")  # '12' alone on its line in a list of notes: a label set as its own block
LOOSE_LABEL = re.compile(r"^(\d{1,3})\s+(?=\S)")  # "12 Smith, J." after a notes heading: a lost list number
GLUED_LABEL = re.compile(r"^(\d{1,3})(?=[A-ZÀ-ÞА-ЯЁ\"“«„(])")  # '22Sometimes known as …': glued to its note
# Back-links before a note: '↑', '^', and Wikipedia's 'a b c' (or a Chinese wiki's '1.0 1.1') when the note has
# several markers; a wiki's REST HTML copied prints them as numbers alone, '1 2 3 Wozencraft, W.C. (2005) …'.
BACKLINK = re.compile(r"^(?=[\s*]*(?:[↑↩↵^]|\\\^))(?:\s|\*|[↑^↩↵︎]|\\\^|\\\*)+"
                      r"(?:(?:\^?[a-z]\^?[\s*]+){2,}|(?:\d+\.\d+\s+)+)?(?=\S)|^1 2(?: 3(?: 4(?: 5(?: 6(?: 7(?: 8(?: 9)?)?)?)?)?)?)? (?=\D)")


# A reference list's back link written out at an item's end: BMC's 'Return to text', 'Back to text', a wiki's 'Jump
# up' (not 'Back to top' or PMC's 'Go to:', which jump between the article's sections)
BACK_WORDS = r"(?:\b(?:Return|Back|Jump\s+back|Go\s+back)\s+to\s+(?:the\s+)?(?:text|article|citation)\b\.?|\bJump\s+up\b)"


@dataclass
class Note:
    number: int  # the label as a number: [iv] and 4. are both 4
    label: str  # as printed
    text: str  # Markdown; paragraphs separated by blank lines
    line: int | None = None
    backlinked: bool = False  # the item opened with a back-link ('↑', '^'), as notes lists print them



def note_label(block, loose: bool = False) -> tuple[int, str, str] | None:
    """(number, label, rest) when a block opens with a note label: a marker, '[i]', 'i.', '1.', '1)', '(1)'.

    `loose` (inside a list of notes) also takes a bare '12 ' left where a copy dropped the list's '12.'."""
    text = block.text.strip()
    match = TOKEN.match(text)
    if match:
        return int(match.group(1)), match.group(2), text[match.end():]
    wrapped = GUTENBERG_NOTE.match(text)
    if wrapped:  # '[Footnote 1: …]', Project Gutenberg's notes
        return getattr(block, "anchor", None) or int(wrapped.group(1)), wrapped.group(1), wrapped.group(2)
    if getattr(block, "anchor", None):  # a marker of the text links here: this is that note
        match = STRICT_LABEL.match(text) or BOLD_LABEL.match(text) or _own_number(text, block.anchor)
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
    text = re.sub(r"(?:\s|↩︎?|↑|\\\[(?:back|\s*↩︎?\s*)\\\]|\[\s*↩︎?\s*\]|\\\^|" + BACK_WORDS + ")+$", "", text)
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


BACK_LINE = re.compile(r"^\s*" + BACK_WORDS + r"\s*$", re.IGNORECASE)  # 'Return to text' alone on its line
BACK_LINES = 2  # lone back-link lines among a list's first blocks that make them each note's close
BACK_LOOK = 12  # blocks looked at for them
BACK_PARTS = 4  # paragraphs of one reference a copy splits it into (title, journal, link bar) at the most
BAR_END = re.compile(r"\b(?:webcite|Full\s+Text|PubMed\s+Abstract|Google\s+Scholar|CrossRef|OpenURL)\]?\s*$", re.IGNORECASE)


def read_back_closed(blocks, first: int) -> tuple[list[Note], int] | None:
    """Notes of a copy that lost the list's numbers but kept each item's back link as its own line ('Return to
    text' under every BMC reference): the paragraphs up to each such line are one note (the copy splits a reference
    at its title). None when the list's first blocks hold fewer than two such lines."""
    if sum(1 for b in blocks[first:first + BACK_LOOK] if BACK_LINE.match(b.plain)) < BACK_LINES:
        return None
    notes: list[Note] = []
    parts: list = []
    index = first
    while index < len(blocks) and blocks[index].kind != "heading" and not rec.is_stop_line(blocks[index].plain):
        block = blocks[index]
        if BACK_LINE.match(block.plain) or (parts and BAR_END.search(parts[-1].plain)):
            if parts:  # (an item closed by its link bar: a reference the text never cites has no back link)
                text = " ".join(clean_note_text(b.text) for b in parts)
                notes.append(Note(len(notes) + 1, str(len(notes) + 1), text, parts[0].line))
            parts = []
            if BACK_LINE.match(block.plain):
                index += 1
            continue
        if len(parts) >= BACK_PARTS or not any(BACK_LINE.match(b.plain) for b in blocks[index + 1:index + BACK_LOOK]):
            break  # nothing closes this paragraph (or a note would run on too long): the list has ended
        parts.append(block)
        index += 1
    return (notes, index) if notes else None

