"""Replace spans of a note's text (offsets in note_source_text's collapsed text) with new markup, in its XHTML."""

from __future__ import annotations

import html as htmlmod
import re

TOKEN_RE = re.compile(r"<[^>]+>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);|[^<&]|&", re.DOTALL)
EMPHASIS = {"<em>", "</em>", "<i>", "</i>"}  # what note_source_text writes as "*"
OPEN_RE = re.compile(r"^<([a-zA-Z][\w:-]*)[^>]*?(?<!/)>$")
CLOSE_RE = re.compile(r"^</([a-zA-Z][\w:-]*)\s*>$")


def _units(note_html: str) -> tuple[list[str], list[tuple[str, int]]]:
    """The note's markup cut into units (a tag, an entity or a character) and the collapsed text's characters,
    each with the unit it comes from, exactly as note_source_text reads the note."""
    units = TOKEN_RE.findall(note_html)
    chars: list[tuple[str, int]] = []
    for index, unit in enumerate(units):
        if unit.startswith("<"):
            if unit in EMPHASIS:
                chars.append(("*", index))
        else:
            chars.extend((c, index) for c in htmlmod.unescape(unit))
    collapsed: list[tuple[str, int]] = []
    for char, index in chars:
        if char.isspace():
            if collapsed and collapsed[-1][0] != " ":
                collapsed.append((" ", index))
        else:
            collapsed.append((char, index))
    if collapsed and collapsed[-1][0] == " ":
        collapsed.pop()
    return units, collapsed


def _kept_tags(units: list[str]) -> tuple[list[str], list[str]]:
    """Of the tags in a replaced range, those closing an element opened before it and those opening one closed
    after it: they stay, so the markup around the range stays whole."""
    opened: list[str] = []
    closing_outer: list[str] = []
    for unit in units:
        if OPEN_RE.match(unit):
            opened.append(unit)
        elif CLOSE_RE.match(unit):
            name = CLOSE_RE.match(unit).group(1)
            if opened and OPEN_RE.match(opened[-1]).group(1) == name:
                opened.pop()
            else:
                closing_outer.append(unit)
    return closing_outer, opened


def _widened(units: list[str], first: int, last: int, floor: int) -> tuple[int, int]:
    """The range with the tags that wrap what it holds (a link around a URL): their start and end tags go with it."""
    while True:
        closing, opening = _kept_tags(units[first:last])
        if opening and last < len(units) and CLOSE_RE.match(units[last]) and \
                CLOSE_RE.match(units[last]).group(1) == OPEN_RE.match(opening[-1]).group(1):
            last += 1
        elif closing and first > floor and OPEN_RE.match(units[first - 1]) and units[first - 1] not in EMPHASIS and \
                OPEN_RE.match(units[first - 1]).group(1) == CLOSE_RE.match(closing[0]).group(1):
            first -= 1
        elif first > floor and last < len(units) and OPEN_RE.match(units[first - 1]) and \
                units[first - 1] not in EMPHASIS and CLOSE_RE.match(units[last]) and \
                OPEN_RE.match(units[first - 1]).group(1) == CLOSE_RE.match(units[last]).group(1) and \
                OPEN_RE.match(units[first - 1]).group(1) not in ("p", "div", "li"):
            first, last = first - 1, last + 1  # the range is all of an element (a link): it goes too
        else:
            return first, last


def splice(note_html: str, spans: list[tuple[int, int, str]]) -> str:
    """The note with each (start, end, markup) span of its collapsed text replaced by the markup; what lies around
    the spans (the comment, its links and emphasis) stays as it was."""
    units, collapsed = _units(note_html)
    pieces: list[str] = []
    position = 0
    for start, end, markup in sorted(spans):
        if start >= end or end > len(collapsed) or start < 0:
            raise ValueError(f"span {start}-{end} outside the note's text ({len(collapsed)} characters)")
        first, last = _widened(units, collapsed[start][1], collapsed[end - 1][1] + 1, position)
        if first < position:
            raise ValueError("overlapping spans")
        closing, opening = _kept_tags(units[first:last])
        pieces += units[position:first] + closing + [markup] + opening
        position = last
    pieces += units[position:]
    return re.sub(r"<(em|i)></\1>", "", "".join(pieces))
