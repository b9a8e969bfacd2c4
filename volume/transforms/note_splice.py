"""Replace spans of a note's text (offsets in note_source_text's collapsed text) with new markup, in its tree."""

from __future__ import annotations

import copy

from volume.model import Markup
from volume.transforms.note_citations import starred

# The note is read as a run of units, each ("open", element), ("close", element), ("leaf", element) for an element
# with nothing in it (or a comment), ("char", c), or ("markup", Markup) for what a span is replaced with.
BLOCKS = ("p", "div", "li")  # an element the whole range may be, that still does not go with it


def _walk(element, units: list) -> None:
    units.extend(("char", c) for c in element.text or "")
    for child in element:
        if not isinstance(child.tag, str) or (child.text is None and not len(child)):
            units.append(("leaf", child))
        else:
            units.append(("open", child))
            _walk(child, units)
            units.append(("close", child))
        units.extend(("char", c) for c in child.tail or "")


def _units(note: Markup) -> tuple[list[tuple], list[tuple[str, int]]]:
    """The note cut into units and the collapsed text's characters, each with the unit it comes from, exactly as
    note_source_text reads the note (emphasis as "*", white space collapsed)."""
    units: list[tuple] = []
    _walk(note.root, units)
    chars: list[tuple[str, int]] = []
    for index, (kind, value) in enumerate(units):
        if kind == "char":
            chars.append((value, index))
        elif kind in ("open", "close") and starred(value):
            chars.append(("*", index))
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


def _is(unit: tuple, kind: str, name: str | None = None) -> bool:
    return unit[0] == kind and (name is None or unit[1].tag == name)


def _emphasis(unit: tuple) -> bool:
    return unit[1].tag in ("em", "i") and not unit[1].attrib


def _kept_tags(units: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Of the tags in a replaced range, those closing an element opened before it and those opening one closed
    after it: they stay, so the markup around the range stays whole."""
    opened: list[tuple] = []
    closing_outer: list[tuple] = []
    for unit in units:
        if unit[0] == "open":
            opened.append(unit)
        elif unit[0] == "close":
            if opened and opened[-1][1].tag == unit[1].tag:
                opened.pop()
            else:
                closing_outer.append(unit)
    return closing_outer, opened


def _widened(units: list[tuple], first: int, last: int, floor: int) -> tuple[int, int]:
    """The range with the tags that wrap what it holds (a link around a URL): their start and end tags go with it."""
    while True:
        closing, opening = _kept_tags(units[first:last])
        before = units[first - 1] if first > floor else ("", None)
        after = units[last] if last < len(units) else ("", None)
        if opening and _is(after, "close", opening[-1][1].tag):
            last += 1
        elif closing and _is(before, "open", closing[0][1].tag) and not _emphasis(before):
            first -= 1
        elif _is(before, "open") and not _emphasis(before) and _is(after, "close", before[1].tag) and \
                before[1].tag not in BLOCKS:
            first, last = first - 1, last + 1  # the range is all of an element (a link): it goes too
        else:
            return first, last


def splice(note: Markup, spans: list[tuple[int, int, Markup]]) -> Markup:
    """The note with each (start, end, markup) span of its collapsed text replaced by the markup; what lies around
    the spans (the comment, its links and emphasis) stays as it was. The note itself is not changed."""
    units, collapsed = _units(note)
    pieces: list[tuple] = []
    position = 0
    for start, end, markup in sorted(spans, key=lambda span: span[:2]):
        if start >= end or end > len(collapsed) or start < 0:
            raise ValueError(f"span {start}-{end} outside the note's text ({len(collapsed)} characters)")
        first, last = _widened(units, collapsed[start][1], collapsed[end - 1][1] + 1, position)
        if first < position:
            raise ValueError("overlapping spans")
        closing, opening = _kept_tags(units[first:last])
        pieces += units[position:first] + closing + [("markup", markup)] + opening
        position = last
    pieces += units[position:]
    return _rebuilt(pieces)


def _rebuilt(units: list[tuple]) -> Markup:
    """A new fragment from units; an emphasis element they leave empty is left out (its tail kept)."""
    result = Markup.empty()
    stack, made = [result.root], []
    for kind, value in units:
        parent = stack[-1]
        if kind == "char":
            _add_text(parent, value)
        elif kind == "open":
            element = parent.makeelement(value.tag, dict(value.attrib))
            parent.append(element)
            stack.append(element)
            made.append(element)
        elif kind == "close":
            if len(stack) == 1 or parent.tag != value.tag:
                raise ValueError(f"the span would leave <{value.tag}> unclosed")
            stack.pop()
        elif kind == "leaf":
            parent.append(_copied(value))
        else:
            _add_text(parent, value.root.text or "")
            parent.extend(copy.deepcopy(child) for child in value.root)  # a Markup in place of a span
    if len(stack) > 1:
        raise ValueError(f"the span would leave <{stack[-1].tag}> open")
    for element in made:
        if element.tag in ("em", "i") and not element.attrib and not len(element) and not element.text:
            element.drop_tree()
    return result


def _add_text(parent, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    elif text:
        parent.text = (parent.text or "") + text


def _copied(element):
    element = copy.deepcopy(element)
    element.tail = None
    return element


def joined(parts: list) -> Markup:
    """One fragment of Markup and plain strings in turn (the Markup copied, the strings as text)."""
    result = Markup.empty()
    for part in parts:
        if isinstance(part, str):
            _add_text(result.root, part)
        else:
            _add_text(result.root, part.root.text or "")
            result.root.extend(copy.deepcopy(child) for child in part.root)
    return result
