"""Page numbers in the back matter written as blanks of their width, so its layout does not move with the pages.

The bibliography's cited pages and the index's locators change whenever a page boundary moves, but their width
does not: with tabular figures every digit is as wide as any other. So the PDF's back matter is laid out with each
arabic page number as slashed zeros (one per digit, lining tabular figures: a glyph nothing else in the book uses,
BLANK_CSS) and each link pointing at a numbered slot, and the digits and the slots' targets are put in afterwards
(pdf/stamp_numbers.py, pdf/join.py). Its HTML, and with
it the cached layout, changes only when an entry's count of printed numbers or a number's count of digits does.

Between two arabic numbers the separator is a blank too, one slashed zero wide (about as wide as ", " and as "–"),
stamped as a comma and space or as a range's en dash: so "45, 47" becoming "46–47" when an occurrence moves a page
does not change the layout either. It ends the link of the number before it, and a line may break after it (a zero
width space), as it may after ", " and after an en dash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLANK = "0"  # drawn as a slashed zero (BLANK_CSS); not a space: WeasyPrint draws no text that is only white space
BLANK_CSS = "a.pn { font-variant-numeric: lining-nums tabular-nums slashed-zero !important; }"
BREAK = "\u200b"  # a line may break after a separator blank, as after ", " or an en dash
LIST, RANGE = ",", "\u2013"  # how a separator blank is stamped: ", " between pages, an en dash inside a range
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
        """A page label as the layout sees it: blanks for an arabic number, a roman one as it is."""
        if not label.isascii() or not label.isdigit():
            return label
        self.digits.append(label)
        return BLANK * len(label)

    def between(self, before: str, after: str, separator: str) -> tuple[str, str]:
        """What separates two printed page numbers, as (the end of the first number's link, the text after it): a
        blank to stamp as `separator` (LIST or RANGE) and a line break opportunity inside the link between two arabic
        numbers (no element of its own: each is a box to lay out), else the separator as text after it."""
        if before.isascii() and before.isdigit() and after.isascii() and after.isdigit():
            self.digits.append(separator)
            return BLANK + BREAK, ""
        return "", ", " if separator == LIST else separator
