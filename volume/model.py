"""The Volume model: what the book holds, built once by the loader and read by every renderer. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from volume.config import Manifest, VolumeMeta
from volume.diagnostics import SourceLocation


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: str = ""


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
    """One endnote: its number in the chapter, its XHTML content, and where its marker and text are."""

    number: int
    id: str  # id of the note itself, unique in the volume
    ref_id: str  # id of its marker in the text
    html: str  # XHTML fragment (the note's paragraphs, without the backlink)
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
    title: str  # XHTML inline markup
    title_text: str  # the same as plain text
    body: str  # XHTML fragment: the chapter's text without its notes
    notes: tuple[Note, ...] = ()
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    date: str = ""
    lang: str = ""
    abstract: str = ""
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
    index_entries: tuple = ()  # filled by the index transform
    abbreviations: tuple = ()  # filled by the abbreviations transform
    bibliography: tuple = ()  # filled by the bibliography transform
    warnings: tuple = field(default=(), compare=False)
    description_html: str = ""  # the manifest's description, its Markdown as inline XHTML (load.py)

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
