"""Read from a laid-out piece where every id landed and where each page's text begins (model/layout.py holds the
facts); runs in the layout worker."""

from __future__ import annotations

from volume.render.pdf import weasy
from volume.render.pdf.line_breaks import WORD_JOINER


def _first_line(box) -> tuple[str | None, str, bool]:
    """(id of the nearest element holding the page's first line, the line's text, whether a line was found).

    Margin boxes (running heads, folios) are skipped. WeasyPrint's elements have no parent pointers, so the
    nearest id is carried down the box tree.
    """
    stack = [(box, None)]
    while stack:
        current, anchor = stack.pop()
        if weasy.is_margin(current):
            continue
        element = weasy.element(current)
        if element is not None and element.get("id") and not (weasy.is_line(current) or weasy.is_text(current)):
            anchor = element.get("id")
        if weasy.is_line(current):
            text = weasy.line_text(current).replace(WORD_JOINER, "").strip()  # the joiners line_breaks.py put in
            if text:
                return anchor, text, True
            continue
        if weasy.is_replaced(current):
            return anchor, "", True
        stack.extend((child, anchor) for child in reversed(weasy.children(current)))
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
        anchor, text, found = _first_line(weasy.page_box(page))
        at_start = anchor is not None and anchors.get(anchor) == index
        starts.append((anchor, "" if at_start else text, at_start, found))
    return anchors, starts
