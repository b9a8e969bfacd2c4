"""The PDF chapters' markup adjusted for WeasyPrint's line breaking, where CSS cannot say it.

A note reference is bound to the word before it with a word joiner (U+2060): WeasyPrint 70 breaks a line between
"2016." and a following <sup>, leaving the number alone at the head of the next line.

A paragraph's last words go into one `.nohyphen` span (book.css: `hyphens: manual`).

WeasyPrint 70 has `hyphenate-limit-chars` and `hyphenate-limit-zone` but not `hyphenate-limit-last`, so a word
could break across a paragraph's last two lines, and its tail stand alone on the last line. Capitalised words are
spared in the layout itself (render/weasy.py). Each inline element is a box of its own in WeasyPrint, slowing the
layout, so each paragraph gets one span at most, around the end of its top-level content. Only the PDF pieces get
these changes (render/pieces.py): the EPUB and the preview are laid out by reading systems at any width.
"""

from __future__ import annotations

import re

from lxml import etree

from volume.model import Chapter
from volume.xhtml import parse_fragment, serialize_children

CLASS = "nohyphen"
WORD_JOINER = "\u2060"
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
    text = (block.text if after is None else after.tail) or ""
    cut = len(text) if text_cut is None else text_cut
    # The space before the span goes inside it: WeasyPrint 70 sometimes breaks a line far too early when an
    # inline box begins just after a break opportunity (Kozea/WeasyPrint#1614), leaving a word alone on a line.
    cut = len(text[:cut].rstrip())
    span.text = text[cut:]
    if after is None:
        block.text = text[:cut]
    else:
        after.tail = text[:cut]
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


def bind_note_references(root) -> None:
    """A word joiner between a note reference and the text it follows, when no space parts them."""
    for marker in root.xpath(".//a[contains(concat(' ', @class, ' '), ' noteref ')]"):
        previous = marker.getprevious()
        if previous is None:
            owner, attr = marker.getparent(), "text"
        elif previous.tail:
            owner, attr = previous, "tail"
        else:  # the text before ends inside an element (<em>word</em><a …>): its last text
            owner, attr = _last_text(previous)
        text = getattr(owner, attr, None) if owner is not None else None
        if text and not text[-1].isspace():
            setattr(owner, attr, text + WORD_JOINER)


def _last_text(element):
    """(element, "text" or "tail") holding the last text inside `element`."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return element, "text"
    last = children[-1]
    return (last, "tail") if last.tail else _last_text(last)


def adjust_line_breaks(markup: str) -> str:
    if not markup:
        return markup
    root = parse_fragment(markup)
    bind_note_references(root)
    for block in [b for b in root.iter(*BLOCKS) if _eligible(b)]:
        mark_end(block)
    return serialize_children(root)


def for_pdf(chapter: Chapter) -> Chapter:
    """The chapter with note references bound and paragraph ends spared, in its body and abstract."""
    return chapter.with_(body=adjust_line_breaks(chapter.body), abstract=adjust_line_breaks(chapter.abstract))
