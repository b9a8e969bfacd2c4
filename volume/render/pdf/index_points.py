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

ATTRIBUTE = "data-ix"
IGNORED = frozenset("\u00ad\u2010\u200b\u200c\u200d\u2060\ufeff")
BLOCKS = frozenset({"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "caption", "div", "section",
                    "aside", "figure", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "body"})


def visible_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace() and ch not in IGNORED)


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
            _unwrap(span)


def _unwrap(span) -> None:
    """Replace the span by its content (text, children and tail stay where they were)."""
    parent = span.getparent()
    position = parent.index(span)
    text, tail = span.text or "", span.tail or ""
    children = list(span)
    if position == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[position - 1]
        previous.tail = (previous.tail or "") + text
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
        for offset, child in enumerate(children):
            parent.insert(position + offset, child)  # moves the child out of the span
        parent.remove(span)
    else:
        parent.remove(span)
        if position == 0:
            parent.text = (parent.text or "") + tail
        else:
            previous = parent[position - 1]
            previous.tail = (previous.tail or "") + tail


def place_occurrences(document) -> list[str]:
    """Add each unwrapped occurrence to the anchors of the page where its first character landed (in place, so
    that the PDF gets a named destination for it). Returns the ids of blocks whose counts disagreed."""
    from weasyprint.formatting_structure import boxes

    wanted: dict[int, list[tuple[str, int]]] = {}
    names: dict[int, list[str]] = {}
    totals: dict[int, int] = {}
    seen: dict[int, int] = {}
    first_page: dict[int, tuple[int, str]] = {}
    placed: dict[str, tuple[int, float, float]] = {}
    for index, page in enumerate(document.pages):
        stack = [(page._page_box, ())]
        while stack:
            box, active = stack.pop()
            if isinstance(box, boxes.MarginBox) or "::" in (getattr(box, "element_tag", "") or ""):
                continue
            element = getattr(box, "element", None)
            places = element.get(ATTRIBUTE) if element is not None else None
            if places is not None and element not in active:
                key = id(element)
                if key not in totals:
                    total, *marks = places.split(" ")
                    totals[key] = int(total)
                    wanted[key] = [(name, int(offset)) for name, offset in (m.rsplit(":", 1) for m in marks)]
                    names[key] = [name for name, _ in wanted[key]]
                    seen[key] = 0
                    first_page[key] = (index, element.get("id") or "")
                active = active + (element,)
            if isinstance(box, boxes.TextBox):
                length = visible_length(box.text)
                for owner in active:
                    key = id(owner)
                    start = seen[key]
                    pending = wanted[key]
                    while pending and pending[0][1] < start + length:
                        name, _offset = pending.pop(0)
                        placed[name] = (index, box.position_x, box.position_y)
                    seen[key] = start + length
                continue
            children = getattr(box, "children", None)
            if children:
                stack.extend((child, active) for child in reversed(children))
    disagreeing = []
    for key, total in totals.items():
        if seen[key] != total:  # the counts cannot be trusted: every occurrence of the block to its first page
            disagreeing.append(first_page[key][1] or "?")
            for name in names[key]:
                placed[name] = (first_page[key][0], 0.0, 0.0)
        for name in names[key]:
            placed.setdefault(name, (first_page[key][0], 0.0, 0.0))
    for name, (index, x, y) in placed.items():
        document.pages[index].anchors.setdefault(name, (x, y, 0, 0))
    return disagreeing
