"""The book cut into pieces that are laid out on their own: each piece begins on a right-hand page.

A piece is the cover pages, the contents, the list of abbreviations, one part title, one chapter, the
bibliography or the index. Chapters open on right-hand pages, so a chapter's pages do not depend on the pages
before it except through their numbers; the pieces' folios are therefore left empty and stamped on afterwards
(render/assemble.py). So the pieces can be laid out side by side in separate processes, and a piece whose HTML
did not change is not laid out again: its PDF is taken from the cache.

Links to an element of another piece are written `volume-link:<id>`; the assembly turns them into links to the
book's named destination for that id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from volume.model import Chapter, Part, Volume
from volume.render import html as shared
from volume.render.index_html import index_section
from volume.render.index_points import unwrap_occurrences
from volume.render.pages import page_css
from volume.render import line_breaks
from volume.xhtml import escape_attr, escape_text

CROSS_LINK = "volume-link:"


@dataclass(frozen=True)
class PieceSpec:
    """What a worker needs to lay one piece out."""

    name: str  # "cover", "contents", "abbreviations", a part's or chapter's id, "bibliography", "index"
    kind: str  # cover | contents | front | part | body | back
    html: str
    css: str  # the piece's page rules (folio boxes empty)
    part_id: str | None = None  # the part whose bookmark this piece's bookmarks belong under

    @property
    def front(self) -> bool:
        return self.kind in ("cover", "contents", "front")


def build_date(volume: Volume) -> str:
    """The date stamped into outputs: SOURCE_DATE_EPOCH if set, else the manifest's date or year; never the clock."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        import datetime

        stamp = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    if volume.meta.date:
        return volume.meta.date + "T00:00:00Z"
    return f"{volume.meta.year or 2000}-01-01T00:00:00Z"


def _head(volume: Volume) -> str:
    meta = volume.meta
    head = [f"<title>{escape_text(meta.title + (': ' + meta.subtitle if meta.subtitle else ''))}</title>",
            '<meta charset="utf-8"/>']
    for editor in meta.editors:
        head.append(f'<meta name="author" content="{escape_attr(editor)}"/>')
    if meta.description:
        head.append(f'<meta name="description" content="{escape_attr(meta.description)}"/>')
    if meta.keywords:
        head.append(f'<meta name="keywords" content="{escape_attr(", ".join(meta.keywords))}"/>')
    head.append('<meta name="generator" content="volume"/>')
    date = build_date(volume)
    head.append(f'<meta name="dcterms.created" content="{date}"/>')
    head.append(f'<meta name="dcterms.modified" content="{date}"/>')
    return "".join(head)


_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def _document(volume: Volume, body: str) -> str:
    """A piece as an HTML document; links to ids it does not hold point across pieces."""
    own = set(_ID.findall(body))
    body = _HREF.sub(lambda m: m.group(0) if m.group(1) in own else f'href="{CROSS_LINK}{m.group(1)}"', body)
    return (f'<!DOCTYPE html><html lang="{escape_attr(volume.meta.language)}"><head>{_head(volume)}</head>'
            f"<body>{body}</body></html>")


def contents_html(volume: Volume, numbers: dict[str, str] | None) -> str:
    """The contents; with numbers=None each page number is a placeholder as wide as a real one."""
    if numbers is None:
        numbers = {}
        for item in volume.sequence():
            if isinstance(item, Chapter):
                numbers[item.id] = "xviii" if item.matter == "front" else "888"
        for item in shared.generated_sections(volume):
            numbers[item.id] = "xviii" if item.matter == "front" else "888"
    return ('<nav class="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>'
            + shared.toc_entries(volume, page_numbers=True, numbers=numbers) + "</nav>")


def first_pieces(volume: Volume) -> list[PieceSpec]:
    """Every piece whose text does not depend on page numbers, in reading order (the contents with placeholder
    numbers: it is laid out again once the pages are known, and only its length is used from this one)."""
    generated = {g.id: g for g in shared.generated_sections(volume)}
    pieces = [
        PieceSpec("cover", "cover", _document(volume, shared.half_title(volume) + shared.title_page(volume)
                                              + shared.copyright_page(volume)), page_css(volume, [])),
        contents_piece(volume, None),
    ]
    if volume.abbreviations:
        pieces.append(PieceSpec("abbreviations", "front", _document(volume, shared.abbreviations_section(volume)),
                                page_css(volume, [generated["abbreviations"]])))
    for item in volume.sequence():
        if isinstance(item, Part):
            pieces.append(PieceSpec(item.id, "part", _document(volume, shared.part_section(item)),
                                    page_css(volume, [])))
        else:
            pieces.append(PieceSpec(item.id, "front" if item.matter == "front" else "body",
                                    _document(volume, unwrap_occurrences(
                                        shared.chapter_section(line_breaks.for_pdf(item), volume))),
                                    page_css(volume, [item]), item.part_id))
    return pieces


def contents_piece(volume: Volume, numbers: dict[str, str] | None) -> PieceSpec:
    return PieceSpec("contents", "contents", _document(volume, contents_html(volume, numbers)), page_css(volume, []))


def back_pieces(volume: Volume) -> list[PieceSpec]:
    """The generated back matter, its locators and cited pages filled in from the layout."""
    generated = {g.id: g for g in shared.generated_sections(volume)}
    pieces = []
    if volume.bibliography:
        pieces.append(PieceSpec("bibliography", "back", _document(volume, shared.bibliography_section(volume)),
                                page_css(volume, [generated["bibliography"]])))
    if volume.index_entries:
        pieces.append(PieceSpec("index", "back", _document(volume, index_section(volume)),
                                page_css(volume, [generated["index"]])))
    return pieces


def first_body_piece(pieces: list[PieceSpec]) -> int | None:
    """The position of the first piece numbered in arabic figures."""
    return next((i for i, p in enumerate(pieces) if not p.front), None)
