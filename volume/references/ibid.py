"""Resolve Ibid.: an Ibid. note cites what the last note citing anything cited (read or kept as written)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from volume.references.parse import ParsedNote

Item = TypeVar("Item")


def resolve_items(ibids: Sequence[bool], own: Sequence[Sequence[Item]]) -> list[tuple[Item, ...]]:
    """What each note of a chapter cites, in order: its own items, after the earlier note's if it is an Ibid.
    An Ibid. points at the last note that cites something; with none before it, it cites only its own."""
    resolved: list[tuple[Item, ...]] = []
    previous: tuple[Item, ...] = ()
    for is_ibid, items in zip(ibids, own):
        items = tuple(items)
        cites = previous + items if is_ibid else items
        resolved.append(cites)
        if cites:
            previous = cites
    return resolved


def resolve_ibid(notes: Sequence[ParsedNote]) -> list[tuple[dict, ...]]:
    """The works each note of one chapter cites, in order; an Ibid. without antecedent resolves to ()."""
    return resolve_items([n.ibid for n in notes], [n.works for n in notes])


def has_antecedent(notes: Sequence[ParsedNote], index: int) -> bool:
    """Whether an Ibid. at index refers back to a note that cites something."""
    return bool(resolve_ibid(notes[: index + 1])[index]) if index < len(notes) else False
