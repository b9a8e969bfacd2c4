"""Typographic refinements pandoc's smart quotes leave out: no-break spaces where a line break would be wrong."""

from __future__ import annotations

import re

from volume.diagnostics import Report
from volume.model import Chapter, Volume
from volume.transforms.remembered import each_chapter

NBSP = "\u00a0"
# A number and its unit, "p. 12", initials "A. B. Smith", "§ 3": keep each pair on one line.
RULES = (
    (re.compile(r"(\d)\s+(km|m|kg|t|bcm|mm|cm|per cent|%|MW|GW|TEU|km²|miles)\b"), rf"\1{NBSP}\2"),
    (re.compile(r"\b(pp?\.|No\.|vol\.|§)\s+(\d)"), rf"\1{NBSP}\2"),
    (re.compile(r"(?<![\w.])([A-Z]\.)[ \t]+(?=[A-Z])"), rf"\1{NBSP}"),
    (re.compile(r"(\d)\s+(billion|million|trillion)\b"), rf"\1{NBSP}\2"),
)
SKIP = {"code", "pre", "script", "style"}


def refine_text(text: str) -> str:
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


SEPARATOR = "\x00"  # between the pieces of text refined at once: no text holds it, and no rule reaches across it


def _refine_tree(root) -> None:
    """Every text and tail outside code (a code element's own tail included), refined in one pass."""
    slots = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in SKIP:
            continue
        if element.text:
            slots.append((element, "text"))
        if element.tail and element.getparent() is not None and element.getparent().tag not in SKIP:
            slots.append((element, "tail"))
    texts = [getattr(element, attr) for element, attr in slots]
    if any(SEPARATOR in text for text in texts):  # never from the parser; one at a time, to be sure
        refined = [refine_text(text) for text in texts]
    else:
        refined = refine_text(SEPARATOR.join(texts)).split(SEPARATOR)
    for (element, attr), text, new in zip(slots, texts, refined):
        if new != text:
            setattr(element, attr, new)


def refine_chapter(chapter: Chapter) -> None:
    _refine_tree(chapter.body.root)


def _refined(chapter: Chapter, report: Report) -> Chapter:
    refine_chapter(chapter)
    return chapter


def refine_typography(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(each_chapter("typography", volume.chapters, report, _refined))
