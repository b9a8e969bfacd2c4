"""Page-break markers in the EPUB where each page of the digital PDF begins, and the page-list they make."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree

from volume.model import PageFacts, PageStart
from volume.render.markup import EPUB_NS, XHTML_NS
from volume.xhtml import XML_PARSER

log = logging.getLogger(__name__)
X = f"{{{XHTML_NS}}}"
HYPHENS = "\u2010\u00ad-"


@dataclass
class Piece:
    """One EPUB content document's body (its content in a wrapper element) while markers are placed in it."""

    name: str
    root: etree._Element

    @classmethod
    def parse(cls, name: str, body: str) -> "Piece":
        wrapper = f'<root xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}">{body}</root>'
        return cls(name, etree.fromstring(wrapper.encode("utf-8"), XML_PARSER))


def marker(label: str) -> etree._Element:
    span = etree.Element(f"{X}span")
    span.set("id", f"page-{label}")
    span.set(f"{{{EPUB_NS}}}type", "pagebreak")
    span.set("role", "doc-pagebreak")
    span.set("aria-label", label)
    span.set("title", label)
    return span


def _text_nodes(element: etree._Element):
    """(owner, 'text' | 'tail', string) for every text node inside element, in reading order."""
    nodes = []

    def walk(node: etree._Element) -> None:
        nodes.append((node, "text", node.text or ""))
        for child in node:
            walk(child)
            nodes.append((child, "tail", child.tail or ""))

    walk(element)
    return nodes


def _insert_at(element: etree._Element, offset: int, new: etree._Element) -> None:
    position = 0
    for owner, kind, text in _text_nodes(element):
        if position <= offset <= position + len(text) and (text or offset == position):
            cut = offset - position
            if kind == "text":
                owner.text, new.tail = text[:cut] or None, text[cut:] or None
                owner.insert(0, new)
            else:
                owner.tail, new.tail = text[:cut] or None, text[cut:] or None
                owner.addnext(new)
            return
        position += len(text)
    element.append(new)


def _find_line(full: str, line: str, start_at: int) -> int | None:
    """Offset in `full` of the first word of `line` that begins on the new page (after start_at)."""
    words = line.split()
    if words and words[-1][-1:] in HYPHENS:
        words = words[:-1] or [words[-1].rstrip(HYPHENS)]  # a lone broken token, e.g. a long URL
    # The earliest run of the line's words found in the e-book text: the words after the marker then stand on
    # this page even where the two editions differ (a noteref number, the PDF's "p. 70" in the bibliography).
    for skip in range(0, len(words)):
        for size in (6, 3, 2):
            probe = words[skip: skip + size]
            if len(probe) < min(size, 2) and len(words) > 1:
                continue
            pattern = r"\s+".join(re.escape(w) for w in probe)
            match = re.compile(pattern).search(full, start_at)
            if match:
                offset = match.start()
                if offset > 0 and full[offset - 1].isalnum():
                    end = re.compile(r"\s").search(full, offset)  # the page starts inside a hyphenated word
                    offset = end.end() if end else offset
                return offset
    return None


def place_markers(pieces: list[Piece], facts: PageFacts) -> list[tuple[str, str]]:
    """Insert a marker for every page; returns the page list as (label, href) in page order."""
    where: dict[str, tuple[Piece, etree._Element]] = {}
    for piece in pieces:
        for element in piece.root.iter():
            if isinstance(element.tag, str) and element.get("id"):
                where.setdefault(element.get("id"), (piece, element))
    pending: list[PageStart] = []
    last_offset: dict[str, int] = {}
    page_list: list[tuple[str, str]] = []
    for start in facts.starts:
        if start.anchor is None or start.anchor not in where:
            pending.append(start)
            continue
        piece, element = where[start.anchor]
        group = [*pending, start]
        pending = []
        spans = [marker(s.label) for s in group]
        if start.at_start:
            _place_before(element, spans)
        else:
            full = "".join(text for _o, _k, text in _text_nodes(element))
            offset = _find_line(full, start.text, last_offset.get(start.anchor, 0))
            if offset is None:
                log.warning("page %s: could not find its first line in #%s", start.label, start.anchor)
                offset = last_offset.get(start.anchor, 0)
            last_offset[start.anchor] = offset + 1
            for span in reversed(spans):
                _insert_at(element, offset, span)
        page_list += [(s.label, f"{piece.name}#page-{s.label}") for s in group]
    if pending and pieces:  # blank pages at the very end
        last = pieces[-1]
        for start in pending:
            last.root.append(marker(start.label))
            page_list.append((start.label, f"{last.name}#page-{start.label}"))
    return page_list


def _place_before(element: etree._Element, spans: list[etree._Element]) -> None:
    if element.tag in (f"{X}li", f"{X}dd", f"{X}dt", f"{X}td", f"{X}th"):
        for span in reversed(spans):
            _insert_at(element, 0, span)
        return
    for ancestor in element.iterancestors(f"{X}nav"):  # a nav's grammar admits no markers inside it
        element = ancestor
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, span in enumerate(spans):
        parent.insert(index + offset, span)


def page_list_nav(page_list: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{label}</a></li>' for label, href in page_list)
    return (f'<nav epub:type="page-list" id="page-list" hidden="hidden" aria-label="Page list">'
            f"<h2>Pages</h2><ol>{items}</ol></nav>")
