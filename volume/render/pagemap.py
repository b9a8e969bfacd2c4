"""What the layout tells us: each page's label, where every id landed, and where each page's text begins."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageStart:
    """Where a printed page begins: inside the block `anchor`, at its start or at the line `text`."""

    index: int
    label: str
    anchor: str | None  # nearest element with an id holding the page's first line; None for a blank page
    text: str = ""  # the first line's text when the page begins inside the element
    at_start: bool = True


@dataclass(frozen=True)
class PageFacts:
    labels: tuple[str, ...]
    anchors: dict[str, int] = field(default_factory=dict)  # id -> page index
    starts: tuple[PageStart, ...] = ()

    def label_of(self, anchor: str) -> str | None:
        index = self.anchors.get(anchor)
        return self.labels[index] if index is not None else None


def _first_line(box) -> tuple[str | None, str, bool]:
    """(id of the nearest element holding the page's first line, the line's text, whether a line was found).

    Margin boxes (running heads, folios) are skipped. WeasyPrint's elements have no parent pointers, so the
    nearest id is carried down the box tree.
    """
    from weasyprint.formatting_structure import boxes

    stack = [(box, None)]
    while stack:
        current, anchor = stack.pop()
        if isinstance(current, boxes.MarginBox):
            continue
        element = getattr(current, "element", None)
        if element is not None and element.get("id") and not isinstance(current, (boxes.LineBox, boxes.TextBox)):
            anchor = element.get("id")
        if isinstance(current, boxes.LineBox):
            text = "".join(t.text for t in current.descendants() if isinstance(t, boxes.TextBox))
            text = text.replace("\u2060", "").strip()  # the word joiners render/line_breaks.py put in
            if text:
                return anchor, text, True
            continue
        if isinstance(current, boxes.ReplacedBox):
            return anchor, "", True
        children = getattr(current, "children", None)
        if children:
            stack.extend((child, anchor) for child in reversed(children))
    return None, "", False


def read_pages(document) -> tuple[dict[str, int], list[tuple[str | None, str, bool, bool]]]:
    """From a laid-out document: the page index of every id, and for each page where its text begins
    (nearest id, the first line's text unless the page begins at that element, whether it begins there, whether
    the page has text at all)."""
    anchors: dict[str, int] = {}
    starts = []
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
        anchor, text, found = _first_line(page._page_box)
        at_start = anchor is not None and anchors.get(anchor) == index
        starts.append((anchor, "" if at_start else text, at_start, found))
    return anchors, starts
