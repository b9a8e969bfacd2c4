"""A paragraph's last words are never hyphenated: they go into one `.nohyphen` span (styles: `hyphens: manual`).

WeasyPrint 70 has `hyphenate-limit-chars` and `hyphenate-limit-zone` but not `hyphenate-limit-last`, so a word
could break across a paragraph's last two lines, and its tail stand on the last line. Capitalised words are
spared in the layout itself (render/weasy.py). Each inline element is a box of its own in WeasyPrint, slowing the
layout, so each paragraph gets one span at most, around the end of its top-level content.
"""

from __future__ import annotations

import re

from lxml import etree

from volume.diagnostics import Report
from volume.model import Chapter, Volume
from volume.xhtml import parse_fragment, serialize_children

CLASS = "nohyphen"
# At least this many characters at a paragraph's end are kept whole: more than a line holds at the default trim
# and size (about 65 in the body, 72 in an abstract), so no word is broken at the end of the line before the last
# (what CSS's hyphenate-limit-last: always would do).
LAST_CHARACTERS = 80
WORD_START = re.compile(r"(?<![\w’'\-\u00ad])[^\W\d_]")
BLOCKS = {"p", "li", "dd", "dt", "figcaption", "blockquote", "td", "th"}
NESTING = BLOCKS | {"ul", "ol", "dl", "table", "div", "section", "figure", "pre"}
SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "nav"}


def _cut(text: str, needed: int) -> int | None:
    """Where in `text` a span must begin so that at least `needed` characters follow (a word's start), if it can."""
    starts = [m.start() for m in WORD_START.finditer(text) if len(text) - m.start() >= needed]
    return starts[-1] if starts else None


def _wrap_from(block, after, text_cut: int | None) -> None:
    """Put the end of the block into one span: from `after`'s tail (or the block's text when `after` is None) at
    `text_cut`, or, when `text_cut` is None, from the element after `after` onwards."""
    span = etree.Element("span", {"class": CLASS})
    start = 0 if after is None else block.index(after) + 1
    if text_cut is not None:
        text = (block.text if after is None else after.tail) or ""
        span.text = text[text_cut:]
        if after is None:
            block.text = text[:text_cut]
        else:
            after.tail = text[:text_cut]
    for child in list(block)[start:]:
        span.append(child)  # moves it, with its tail
    block.append(span)


def mark_end(block) -> None:
    needed = LAST_CHARACTERS
    children = list(block)
    for index in range(len(children) - 1, -1, -1):
        child = children[index]
        tail = child.tail or ""
        cut = _cut(tail, needed)
        if cut is not None:
            _wrap_from(block, child, cut)
            return
        needed -= len(tail) + len(child.xpath("string()"))
        if needed <= 0:
            _wrap_from(block, children[index - 1] if index else None, None)
            return
    _wrap_from(block, None, _cut(block.text or "", needed) or 0)


def _eligible(block) -> bool:
    if any(isinstance(child.tag, str) and child.tag in NESTING for child in block):
        return False  # the blocks inside carry their own ends
    if any(a.tag in SKIP for a in block.iterancestors() if isinstance(a.tag, str)):
        return False
    return bool(block.xpath("string()").strip())


def spare_paragraph_ends(markup: str) -> str:
    if not markup:
        return markup
    root = parse_fragment(markup)
    for block in [b for b in root.iter(*BLOCKS) if _eligible(b)]:
        mark_end(block)
    return serialize_children(root)


def _chapter(chapter: Chapter) -> Chapter:
    changes = {"body": spare_paragraph_ends(chapter.body)}
    if chapter.abstract:
        changes["abstract"] = spare_paragraph_ends(chapter.abstract)
    return chapter.with_(**changes)


def spare_from_hyphenation(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(_chapter(c) for c in volume.chapters)
