"""Resolve Ibid.: each note's works, with an Ibid. standing for the works of the note before it."""

from __future__ import annotations

from collections.abc import Sequence

from volume.references.parse import ParsedNote


def resolve_ibid(notes: Sequence[ParsedNote]) -> list[tuple[dict, ...]]:
    """The works each note of one chapter cites, in order; an Ibid. without antecedent resolves to ()."""
    resolved: list[tuple[dict, ...]] = []
    previous: tuple[dict, ...] = ()
    for note in notes:
        works = previous + note.works if note.ibid else note.works
        resolved.append(works)
        previous = works
    return resolved


def has_antecedent(notes: Sequence[ParsedNote], index: int) -> bool:
    """Whether an Ibid. at index refers back to a note that cites something."""
    return bool(resolve_ibid(notes[: index + 1])[index]) if index < len(notes) else False
