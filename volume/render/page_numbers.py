"""Page numbers in the back matter written as blanks of their width, so its layout does not move with the pages.

The bibliography's cited pages and the index's locators change whenever a page boundary moves, but their width
does not: with tabular figures every digit is as wide as any other. So the PDF's back matter is laid out with each
arabic page number as slashed zeros (one per digit, lining tabular figures: a glyph nothing else in the book uses,
BLANK_CSS) and each link pointing at a numbered slot, and the digits and the slots' targets are put in afterwards
(pdf/stamp_numbers.py, pdf/join.py). Its HTML, and with
it the cached layout, changes only when an entry's count of printed numbers or a number's count of digits does (in
the index: when they outgrow the room its cells keep, below).

In the index, between two arabic numbers the separator is a blank too, one slashed zero wide (about as wide as ", "
and as "–"), stamped as a comma and space or as a range's en dash: so "45, 47" becoming "46–47" when an occurrence
moves a page does not change the layout either. It ends the link of the number before it, and a line may break
after it (a zero width space), as it may after ", " and after an en dash.

The index reserves room for numbers to come (`PageNumbers.cells`, since round 9): an entry's arabic numbers are laid
out as cells, each as wide as its widest number. An entry with at most INDEX_FEW occurrences gets a cell per occurrence
(it can never print more numbers than that, wherever its occurrences land); a longer one gets its count of printed
numbers rounded up to a multiple of CELLS (room()). The cells and separators no number fills are stamped UNUSED:
their blanks are dropped and the rest of the line closed up, and a cell left empty loses its link too
(pdf/stamp_numbers.py). So "57" becoming "57–58" when an occurrence moves to the next page, or a range shrinking
back, stamps instead of laying the index out again. No line breaks before a cell that may be empty (an empty cell
never stands on a line alone): in a longer entry, not before its last CELLS - 1 cells; in a few-occurrence entry,
only before as many cells as it prints numbers at the least, which its text says (render/index_section.py's
fewest_numbers: chapters apart print apart), so an entry in four chapters is not one unbreakable run of cells.
Each printed number still links to its own page.

Why INDEX_FEW = 8 (round 14; 4 from round 9): replayed on seeded one-sentence and page-adding edits
(bench/back_matter_edits.py --dump, bench/slot_rules.py), the index was laid out again after 2 of 64 edits against
6 (one-sentence edits: 1 of 60 against 5), since an entry of 5 to 8 occurrences no longer has its count of printed
numbers cross a multiple of CELLS; laid out for
real (bench/slot_pages.py) the index keeps its pages and lines (429 against 427), and the breaks among the cells
keep lines from breaking early (28 such lines against 27; 33 with the eight cells glued). A cell per occurrence
for every entry (never laid out again) keeps an entry of 42 occurrences and 7 numbers room for 42, in which its
lines break: lines of empty cells, 23 holes in the columns and a sixth index page. The README's Performance
section has the table. The bibliography's cited pages in a chapter are cells too, one per
citation there (at most FEW; "p." and "pp." still change with their count).

A roman page number (the front matter's: "ix" cited in the preface) is laid out as ROMAN_CELLS blanks whatever its
letters (round 15): each blank is stamped with one of its letters or UNUSED, and what the letters leave of the blanks'
width is closed up as an unused blank's is (pdf/stamp_numbers.py), so "ix" becoming "x" stamps instead of laying the
bibliography or the index out again. Roman letters are not tabular: in Noto Serif "i" is 0.32 em and "x" 0.58 against
a digit's 0.56, so four blanks hold every label up to "xvii" with room to spare; a longer label ("xviii") is laid out
as text, as all were before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLANK = "0"  # drawn as a slashed zero (BLANK_CSS); not a space: WeasyPrint draws no text that is only white space
BLANK_CSS = "a.pn { font-variant-numeric: lining-nums tabular-nums slashed-zero !important; }"
BREAK = "\u200b"  # a line may break after a separator blank, as after ", " or an en dash
LIST, RANGE = ",", "\u2013"  # how a separator blank is stamped: ", " between pages, an en dash inside a range
UNUSED = "_"  # a blank no number fills: dropped when stamped, its line closed up
ROMAN = "ivxlcdm"  # a roman page number's letters: each stamped into a blank, the width it leaves closed up
ROMAN_CELLS = 4  # blanks a roman page number is laid out as ("viii", "xvii" the widest that fit: 4 letters)
CELLS = 3  # a longer index entry's cells for arabic numbers come in groups of this many (bench/slot_rules.py)
FEW = 4  # a cited work with at most this many citations in a chapter has a cell for each
INDEX_FEW = 8  # an index entry with at most this many occurrences has a cell for each (round 9 to 13: FEW)
SLOT_PREFIX = "volume-slot-"  # an href to #volume-slot-<n> is resolved to the slot's anchor when the book is joined


@dataclass
class PageNumbers:
    """Collects, in reading order, the digits and link targets that stand for blanks in a piece's HTML."""

    kind: str  # names the slots: "ix" for the index, "bib" for the bibliography
    digits: list[str] = field(default_factory=list)  # each stamped number's digits (or separator), in reading order
    slots: dict[str, str] = field(default_factory=dict)  # slot id -> the anchor it links to

    def href(self, anchor: str) -> str:
        slot = f"{SLOT_PREFIX}{self.kind}-{len(self.slots)}"
        self.slots[slot] = anchor
        return "#" + slot

    def text(self, label: str) -> str:
        """A page label as the layout sees it: blanks for an arabic number; ROMAN_CELLS blanks for a roman one of at
        most that many letters, its letters stamped into them; any other label as it is."""
        if label.isascii() and label.isdigit():
            self.digits.append(label)
            return BLANK * len(label)
        if is_roman(label) and len(label) <= ROMAN_CELLS:
            self.digits.append(label + UNUSED * (ROMAN_CELLS - len(label)))
            return BLANK * ROMAN_CELLS
        return label

    def cells(self, printed: list[tuple[str, str]], separators: list[str], occurrences: int, always: int = 1,
              few: int = FEW) -> str:
        """An index entry's (or a cited work's, in one chapter) arabic numbers [(label, anchor)] with the separators
        between them (LIST or RANGE) as cells of blanks, each as wide as the widest number, a separator blank after
        all but the last, as many as room() says; `always`: how many numbers the text alone says it prints at the
        least, wherever its occurrences land (index_section.fewest_numbers); `few`: up to how many occurrences it
        gets a cell each. The room the numbers do not fill is stamped UNUSED; a line may break only before a cell
        that is always filled."""
        width = max(len(label) for label, _anchor in printed)
        count, filled = room(len(printed), occurrences, always, few)
        out = []
        for at in range(count):
            label, anchor = printed[min(at, len(printed) - 1)]
            used = at < len(printed)
            self.digits.append(label + UNUSED * (width - len(label)) if used else UNUSED * width)
            text = BLANK * width
            if at < count - 1:
                self.digits.append(separators[at] if at < len(separators) else UNUSED)
                text += BLANK + (BREAK if at + 1 < filled else "")
            out.append(f'<a class="pn" href="{self.href(anchor)}">{text}</a>')
        return "".join(out)


def room(printed: int, occurrences: int, always: int = 1, few: int = FEW) -> tuple[int, int]:
    """(cells, cells always filled) for `printed` numbers behind `occurrences` occurrences, of which the text says
    at least `always` print: a cell per occurrence when there are at most `few` (the entry can never print more
    numbers than that, wherever they land: its cells never change with the pages), the first `always` of them
    always filled; else the printed count rounded up to a multiple of CELLS, all but the last CELLS - 1 filled.
    Should fewer numbers print than `always` said (an occurrence placed outside its chapter's pages), the rounded
    rule, which never leaves a line of empty cells."""
    if always <= printed <= occurrences <= few:
        return occurrences, max(1, always)
    count = -(-printed // CELLS) * CELLS
    return count, count - CELLS + 1


def is_roman(label: str) -> bool:
    """Whether a page label is a (lowercase) roman number: the front matter's folios."""
    return bool(label) and all(c in ROMAN for c in label)
