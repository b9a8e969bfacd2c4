"""Where the laid-out pieces go in the book: each on a right-hand page (a blank page before it where needed), the
pages' labels (roman front matter, arabic from the first body piece), and what that makes of the pieces' own facts:
the book's page facts (every anchor's page, where each page's text begins) and each page's folio box."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from volume.model import PageFacts, PageStart
from volume.render.markup import roman
from volume.render.pdf.layout import PieceLayout
from volume.render.pdf.pieces import PieceSpec


@dataclass
class Placed:
    spec: PieceSpec
    layout: PieceLayout
    pdf: Path
    first: int  # index of the piece's first page in the book


@dataclass
class Plan:
    placed: list[Placed]
    total: int
    blanks: list[int]  # indexes of the blank pages put between pieces
    labels: list[str]
    body_start: int

    def facts(self) -> PageFacts:
        anchors: dict[str, int] = {}
        starts: list[PageStart] = [PageStart(i, self.labels[i], None) for i in range(self.total)]
        for placed in self.placed:
            for name, index in placed.layout.anchors.items():
                anchors.setdefault(name, placed.first + index)
            for index, (anchor, text, at_start, found) in enumerate(placed.layout.starts):
                page = placed.first + index
                starts[page] = (PageStart(page, self.labels[page], anchor, text, at_start) if found
                                else PageStart(page, self.labels[page], None))
        return PageFacts(tuple(self.labels), anchors, tuple(starts))

    def folios(self) -> list[tuple[str, str | None]]:
        boxes: list[str | None] = [None] * self.total
        for placed in self.placed:
            for index, box in enumerate(placed.layout.folio_boxes):
                boxes[placed.first + index] = box
        return list(zip(self.labels, boxes))


def plan(pieces: list[tuple[PieceSpec, PieceLayout, Path]]) -> Plan:
    placed, blanks, total = [], [], 0
    body_start = None
    for spec, layout, pdf in pieces:
        if total % 2:  # every piece opens on a right-hand page
            blanks.append(total)
            total += 1
        if body_start is None and not spec.front:
            body_start = total
        placed.append(Placed(spec, layout, pdf, total))
        total += layout.pages
    body_start = total if body_start is None else body_start
    labels = [roman(i + 1).lower() if i < body_start else str(i - body_start + 1) for i in range(total)]
    return Plan(placed, total, blanks, labels, body_start)
