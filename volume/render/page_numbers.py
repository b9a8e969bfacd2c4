"""Page numbers in the back matter written as blanks of their width, so its layout does not move with the pages.

The bibliography's cited pages and the index's locators change whenever a page boundary moves, but their width
does not: with tabular figures every digit is as wide as any other. So the PDF's back matter is laid out with each
arabic page number as slashed zeros (one per digit, lining tabular figures: a glyph nothing else in the book uses,
BLANK_CSS) and each link pointing at a numbered slot, and the digits and the slots' targets are put in afterwards
(pdf/stamp_numbers.py, pdf/join.py). Its HTML, and with
it the cached layout, changes only when an entry's number of locators, a range or a number's count of digits does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLANK = "0"  # drawn as a slashed zero (BLANK_CSS); not a space: WeasyPrint draws no text that is only white space
BLANK_CSS = "a.pn { font-variant-numeric: lining-nums tabular-nums slashed-zero !important; }"
SLOT_PREFIX = "volume-slot-"  # an href to #volume-slot-<n> is resolved to the slot's anchor when the book is joined


@dataclass
class PageNumbers:
    """Collects, in reading order, the digits and link targets that stand for blanks in a piece's HTML."""

    kind: str  # names the slots: "ix" for the index, "bib" for the bibliography
    digits: list[str] = field(default_factory=list)  # each stamped number's digits, in reading order
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
