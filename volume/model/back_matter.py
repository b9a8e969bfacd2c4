"""What the generated sections print: bibliography entries, index entries with their occurrences, abbreviations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from volume.model.markup import Markup

if TYPE_CHECKING:
    from volume.indexing.terms import IndexTerm


@dataclass(frozen=True)
class Citing:
    """One place a work is cited: a note marker (or an in-text citation) in a chapter."""

    chapter_id: str
    chapter_number: int | None
    chapter_title: str
    anchor: str  # id of the note marker or citation in the text


@dataclass(frozen=True)
class BibEntry:
    id: str  # element id in the book, "bib-<key>"
    key: str
    work: dict
    formatted: Markup  # as the style formats it (or the reference as written, for a verbatim entry)
    citing: tuple[Citing, ...]
    verbatim: bool = False
    pages: tuple[tuple[str, str, str], ...] = ()  # after layout: (chapter id, page label, anchor), one per page


@dataclass(frozen=True)
class Occurrence:
    anchor: str  # id of the span around the occurrence
    chapter_id: str


@dataclass(frozen=True)
class IndexEntry:
    """An entry as the index prints it: the term, where it occurs, and (after layout) its page labels."""

    term: IndexTerm
    occurrences: tuple[Occurrence, ...] = ()
    locators: tuple[tuple[int, str, str], ...] = ()  # (page index, label, anchor of its first occurrence there)


@dataclass(frozen=True)
class Abbreviation:
    short: str
    expansion: str
    chapter_id: str = ""  # where it is first spelled out ("" when from the manifest)
