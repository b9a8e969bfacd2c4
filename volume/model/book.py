"""The book itself: the volume, its parts, chapters, notes and the files it carries."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from volume.diagnostics import SourceLocation
from volume.model.back_matter import Abbreviation, BibEntry, IndexEntry
from volume.model.dates import BuildDate
from volume.model.markup import Markup

if TYPE_CHECKING:
    from volume.config import Manifest, VolumeMeta


@dataclass(frozen=True)
class Author:
    name: str  # plain text
    affiliation: str = ""  # plain text


@dataclass(frozen=True)
class NoteCite:
    """One reference in a note, as the bibliography transform read it: which entry, where, with what locator."""

    entry_id: str  # id of the bibliography entry ("bib-<key>")
    start: int  # the reference's span in the note's text (whitespace collapsed); (0, 0) for an Ibid.
    end: int
    locator: str | None = None  # "p. 45"
    kept: bool = False  # the reference is printed as written, not in the bibliography's style
    confidence: float = 1.0
    ibid: bool = False  # reached through "Ibid."


@dataclass(frozen=True)
class Note:
    """One endnote: its number in the chapter, its content, and where its marker and text are."""

    number: int
    id: str  # id of the note itself, unique in the volume
    ref_id: str  # id of its marker in the text
    body: Markup  # the note's paragraphs, without the backlink
    text: str  # plain text, for parsing references and diagnostics
    location: SourceLocation
    references: tuple[str, ...] = ()  # ids of the bibliography entries this note cites
    cites: tuple[NoteCite, ...] = ()  # each reference read from the note, in order
    comment: str = ""  # the note's own words around its references
    styled: str = ""  # with a [notes] style: "house" (every reference rendered in it), "part" (some kept as written),
    # "written" (all kept as written); "" for notes as written or without a reference


@dataclass(frozen=True)
class Asset:
    """A file the book carries (an image, or a chart generated from data), referenced as `images/<name>`."""

    name: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class Chapter:
    """A front-matter piece, chapter or back-matter piece as converted from one source file."""

    id: str  # slug, unique in the volume; every id inside is prefixed with it
    role: str  # preface, introduction, chapter, appendix, ...
    matter: str  # front, body, back
    title: Markup  # inline markup
    title_text: str  # the same as plain text
    body: Markup  # the chapter's text without its notes
    notes: tuple[Note, ...] = ()
    subtitle: Markup = field(default_factory=lambda: Markup.parse(""))  # inline markup
    authors: tuple[Author, ...] = ()
    date: str = ""  # plain text, as the source gives it
    lang: str = ""
    abstract: Markup = field(default_factory=lambda: Markup.parse(""))
    number: int | None = None  # chapter number in the body, None for unnumbered pieces
    part_id: str | None = None
    source: SourceLocation | None = None
    assets: tuple[Asset, ...] = ()

    def with_(self, **changes) -> "Chapter":
        return replace(self, **changes)

    @property
    def byline(self) -> str:
        return ", ".join(a.name for a in self.authors)


@dataclass(frozen=True)
class Part:
    id: str
    number: int
    title: str
    location: SourceLocation | None = None


@dataclass(frozen=True)
class Volume:
    manifest: Manifest
    chapters: tuple[Chapter, ...]
    parts: tuple[Part, ...] = ()
    index_entries: tuple[IndexEntry, ...] = ()  # filled by the index transform
    abbreviations: tuple[Abbreviation, ...] = ()  # filled by the abbreviations transform
    bibliography: tuple[BibEntry, ...] = ()  # filled by the bibliography transform
    date: BuildDate | None = None  # stamped into every output; the manifest's unless load was given another
    description: Markup | None = None  # the manifest's description, its Markdown rendered (load); else its text

    def __post_init__(self) -> None:
        if self.date is None:
            object.__setattr__(self, "date", BuildDate.of(self.manifest.meta))
        if self.description is None:
            object.__setattr__(self, "description", Markup.from_text(self.manifest.meta.description))

    @property
    def meta(self) -> VolumeMeta:
        return self.manifest.meta

    def with_(self, **changes) -> "Volume":
        return replace(self, **changes)

    def with_chapters(self, chapters) -> "Volume":
        return replace(self, chapters=tuple(chapters))

    def sequence(self) -> list[Part | Chapter]:
        """Parts and chapters in reading order, each part just before its first chapter."""
        items: list[Part | Chapter] = []
        seen: set[str] = set()
        parts = {p.id: p for p in self.parts}
        for chapter in self.chapters:
            if chapter.part_id and chapter.part_id not in seen:
                seen.add(chapter.part_id)
                items.append(parts[chapter.part_id])
            items.append(chapter)
        return items
