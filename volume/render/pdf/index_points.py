"""Index occurrences in the PDF without a box apiece.

An index occurrence is a `<span class="ix" id=…>` around the term (transforms/index.py). In WeasyPrint every inline
element is a box of its own, laid out and drawn on its own; the few hundred occurrence spans of a chapter made its
layout about a third slower (measured: 1.50 s against 1.05 s for one chapter). So the PDF's chapter pieces carry no
occurrence spans: `unwrap_occurrences` (main process) takes each span out, keeping its text, and writes on its
nearest block (`data-ix`) the span's id and how many visible characters of the block come before it.
`place_occurrences` (in the worker, after the layout) walks the laid-out text of each such block, page by page,
and gives each occurrence the page and place where that character landed, as an anchor of the page: WeasyPrint
writes it as a named destination, and the assembly reads it like any other id.

Visible characters are counted the same way on both sides: white space, soft hyphens, the hyphens the layout adds
at line ends (U+2010) and zero-width characters do not count, and generated text (list markers, ::before and
::after) is not in the HTML, so it is skipped in the layout. A block whose counts disagree (text the layout did not
show, or showed twice) is reported in the piece's facts (`PieceLayout.unplaced`, and as `index_fallbacks` in
the build's figures), and its occurrences fall back to the page where the block begins.
"""

from __future__ import annotations

import re

from volume.render.pdf import weasy

ATTRIBUTE = "data-ix"
IGNORED = frozenset("\u00ad\u2010\u200b\u200c\u200d\u2060\ufeff")
BLOCKS = frozenset({"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "caption", "div", "section",
                    "aside", "figure", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "body"})


INVISIBLE = re.compile(r"[\s\u00ad\u2010\u200b\u200c\u200d\u2060\ufeff]")  # \s: what str.isspace() says


def visible_length(text: str) -> int:
    return len(text) - len(INVISIBLE.findall(text)) if text else 0


def _is_occurrence(element) -> bool:
    return element.tag == "span" and element.get("class") == "ix" and bool(element.get("id"))


def _count(container, marks: set, found: list) -> int:
    """Walk `container` in document order, noting the visible characters before each span in `marks`."""
    count = 0
    stack = [(container, False)]
    while stack:
        element, tail = stack.pop()
        if tail:
            count += visible_length(element.tail or "")
            continue
        if element is not container:
            stack.append((element, True))
        if not isinstance(element.tag, str):  # a comment: only its tail is text
            continue
        if element in marks:
            found.append((element.get("id"), count))
        count += visible_length(element.text or "")
        stack.extend((child, False) for child in reversed(element))
    return count


def unwrap_occurrences(root) -> None:
    """A piece's tree for the PDF, in place: occurrence spans taken out, their places written on their blocks."""
    groups: dict = {}
    for span in root.iter("span"):
        if _is_occurrence(span):
            container = next((a for a in span.iterancestors() if a.tag in BLOCKS), root)
            if container is not root:  # the wrapper is not written out: such a span stays
                groups.setdefault(container, set()).add(span)
    for container, marks in groups.items():
        found: list[tuple[str, int]] = []
        total = _count(container, marks, found)
        places = " ".join(f"{name}:{offset}" for name, offset in found)
        container.set(ATTRIBUTE, f"{total} {places}")
        for span in marks:
            span.drop_tag()  # its text, children and tail stay where they were


class _Blocks:
    """The blocks that carry occurrences, as the layout walk meets them: how many visible characters each has shown
    so far, and the occurrences still waiting for theirs."""

    def __init__(self):
        self.wanted: dict[int, list[tuple[str, int]]] = {}
        self.names: dict[int, list[str]] = {}
        self.totals: dict[int, int] = {}
        self.seen: dict[int, int] = {}
        self.first_page: dict[int, tuple[int, str]] = {}
        self.placed: dict[str, tuple[int, float, float]] = {}

    def meet(self, element, places: str, page: int) -> None:
        key = id(element)
        if key not in self.totals:
            total, *marks = places.split(" ")
            self.totals[key] = int(total)
            self.wanted[key] = [(name, int(offset)) for name, offset in (m.rsplit(":", 1) for m in marks)]
            self.names[key] = [name for name, _ in self.wanted[key]]
            self.seen[key] = 0
            self.first_page[key] = (page, element.get("id") or "")

    def show(self, owners: tuple, box, page: int) -> None:
        """A text box inside these blocks: the occurrences whose first character it holds are placed there."""
        length = visible_length(weasy.text(box))
        for owner in owners:
            key = id(owner)
            start = self.seen[key]
            pending = self.wanted[key]
            while pending and pending[0][1] < start + length:
                name, _offset = pending.pop(0)
                self.placed[name] = (page, *weasy.position(box))
            self.seen[key] = start + length

    def settle(self) -> list[str]:
        """Blocks whose counts disagree send every occurrence to their first page; returns their ids."""
        disagreeing = []
        for key, total in self.totals.items():
            if self.seen[key] != total:  # the counts cannot be trusted
                disagreeing.append(self.first_page[key][1] or "?")
                for name in self.names[key]:
                    self.placed[name] = (self.first_page[key][0], 0.0, 0.0)
            for name in self.names[key]:
                self.placed.setdefault(name, (self.first_page[key][0], 0.0, 0.0))
        return disagreeing


def _walk_page(page, index: int, blocks: _Blocks) -> None:
    stack = [(weasy.page_box(page), ())]
    while stack:
        box, active = stack.pop()
        if weasy.is_margin(box) or weasy.is_generated(box):
            continue
        element = weasy.element(box)
        places = element.get(ATTRIBUTE) if element is not None else None
        if places is not None and element not in active:
            blocks.meet(element, places, index)
            active = active + (element,)
        if weasy.is_text(box):
            blocks.show(active, box, index)
            continue
        stack.extend((child, active) for child in reversed(weasy.children(box)))


def place_occurrences(document) -> list[str]:
    """Add each unwrapped occurrence to the anchors of the page where its first character landed (in place, so
    that the PDF gets a named destination for it). Returns the ids of blocks whose counts disagreed."""
    blocks = _Blocks()
    for index, page in enumerate(document.pages):
        _walk_page(page, index, blocks)
    disagreeing = blocks.settle()
    for name, (index, x, y) in blocks.placed.items():
        weasy.add_anchor(document.pages[index], name, x, y)
    return disagreeing
