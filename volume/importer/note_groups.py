"""A wiki's notes as a copy prints them in two lists: a named group of explanatory notes, cited '[lower-alpha 1]',
'[note 1]', '[Anm. 1]', '[注 1]' or '[a]', under its own heading ('Notes'), and the numbered references, cited '[1]',
under the next ('References'). The copy drops the lists' numbers, so both are read as one run counted in order;
split at the second heading, each list is joined to its own markers: the references to '[1]', '[2]' …, the group's
notes to its markers, numbered on after the references."""

from __future__ import annotations

import re

from volume.importer import recognise as rec
from volume.importer.notes import CJK, Note, referenced

# a group's marker as Markdown-escaped text: '\[lower-alpha 1\]', '\[note 2\]', '\[注 3\]', '\[a\]'
GROUP_MARKER = re.compile(r"\\\[(?:(?P<name>[A-Za-z]{1,12}(?:-[A-Za-z]{1,12})?\.?|" + CJK + r"{1,4}) ?"
                          r"(?P<number>\d{1,3})|(?P<letter>[a-z]{1,2}))\\\]")
HEADING_WORDS = 3  # a notes heading copied among the notes ('References', 'Notes and references')


def _value(match: re.Match) -> int | None:
    from volume.importer.marked_notes import letter_value  # (marked_notes imports notes_list, which imports this)

    return int(match.group("number")) if match.group("number") else letter_value(match.group("letter"))


def group_values(before: list) -> list[int]:
    """The numbers of the group's markers in the text `before` the lists, in their first order: those of named
    markers ('[n 1]') when there are any, else of lettered ones ('[a]')."""
    found = [m for block in before for m in GROUP_MARKER.finditer(block.text)]
    named = any(m.group("number") for m in found)  # (named markers beside '[t]', a sound in brackets: the named)
    values: list[int] = []
    for match in found:
        if bool(match.group("number")) == named and _value(match) and _value(match) not in values:
            values.append(_value(match))
    return values


def regroup(before: list, notes: list[Note]) -> list[Note] | None:
    """The notes of two lists read as one run (`notes`), split at the second list's heading and renumbered, with the
    group's markers in the text `before` the lists made markers of its notes, numbered on after the highest
    numbered marker; None when the run holds no notes heading or the text's group markers do not run 1, 2, 3 …
    (or a, b, c …) over exactly the first list's notes."""
    split = next((i for i, n in enumerate(notes) if i and len(n.text.split()) <= HEADING_WORDS
                  and rec.is_notes_heading(n.text.strip())), None)
    if split is None or split + 1 >= len(notes):
        return None
    group, numbered = notes[:split], notes[split + 1:]
    values = group_values(before)
    if sorted(values) != list(range(1, len(group) + 1)):
        return None
    named = any(m.group("number") for block in before for m in GROUP_MARKER.finditer(block.text))
    offset = max(len(numbered), *referenced(before), 0)

    def marker(match: re.Match, line) -> str:
        if bool(match.group("number")) != named or not _value(match):
            return match.group(0)
        return f"\x00{offset + _value(match)}:{match.group(0)[2:-2]}:{line or ''}\x00"

    for block in before:
        block.text = GROUP_MARKER.sub(lambda m: marker(m, block.line), block.text)
    for number, note in enumerate(numbered, 1):
        note.number, note.label = number, str(number)
    for number, note in enumerate(group, offset + 1):
        note.number, note.label = number, str(number)
    return group + numbered
