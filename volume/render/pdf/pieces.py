"""The book cut into pieces that are laid out on their own: each piece begins on a right-hand page.

A piece is the cover pages, the contents, the list of abbreviations, one part title, one chapter, the
bibliography or the index. Chapters open on right-hand pages, so a chapter's pages do not depend on the pages
before it except through their numbers; the pieces' folios are therefore left empty and stamped on afterwards
(pdf/join.py). So the pieces can be laid out side by side in separate processes, and a piece whose HTML
did not change is not laid out again: its PDF is taken from the cache.

Links to an element of another piece are written `volume-link:<id>`; the assembly turns them into links to the
book's named destination for that id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from volume.cache import Cache, Rounds, code_fingerprint, digest
from volume.model import Chapter, Part, Volume
from volume.render import markup as shared
from volume.render.index_section import index_section
from volume.render.page_numbers import BLANK_CSS, PageNumbers
from volume.render.pdf import bookmarks, line_breaks
from volume.render.pdf.index_points import unwrap_occurrences
from volume.render.pdf.pages import page_css
from volume.xhtml import escape_attr, escape_text, parse_fragment, serialize_for_html

CROSS_LINK = "volume-link:"


@dataclass(frozen=True)
class PieceSpec:
    """What a worker needs to lay one piece out."""

    name: str  # "cover", "contents", "abbreviations", a part's or chapter's id, "bibliography", "index"
    kind: str  # cover | contents | front | part | body | back
    html: str
    css: str  # the piece's page rules (folio boxes empty)
    part_id: str | None = None  # the part whose bookmark this piece's bookmarks belong under
    digits: tuple[str, ...] = ()  # page numbers laid out as blanks, stamped in reading order (pdf/stamp_numbers.py)
    slots: tuple[tuple[str, str], ...] = ()  # (slot id, anchor): where the blanks' links go (pdf/join.py)

    @property
    def front(self) -> bool:
        return self.kind in ("cover", "contents", "front")


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
    date = volume.date.stamp
    head.append(f'<meta name="dcterms.created" content="{date}"/>')
    head.append(f'<meta name="dcterms.modified" content="{date}"/>')
    return "".join(head)


def _link_across_pieces(root) -> None:
    """Links to ids the piece does not hold point across pieces (`volume-link:<id>`)."""
    own = {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    for element in root.iter():
        href = element.get("href") if isinstance(element.tag, str) else None
        if href and href.startswith("#") and href[1:] not in own:
            element.set("href", CROSS_LINK + href[1:])


DOCUMENTS = Rounds()  # each piece's document by its sections and head, for the next build in this process


def _document(volume: Volume, sections: str) -> str:
    """A piece as an HTML document (its sections as the shared builders write them); its index occurrences made
    places on their blocks (pdf/index_points.py), its links to other pieces marked. (Remembered between the builds
    of volume build --watch: a chapter's document is made again only when its sections changed.)"""
    start = f'<!DOCTYPE html><html lang="{escape_attr(volume.meta.language)}"><head>{_head(volume)}</head>'

    def made() -> str:
        root = parse_fragment(sections)
        unwrap_occurrences(root)
        _link_across_pieces(root)
        return f"{start}<body>{serialize_for_html(root)}</body></html>"

    key = digest(start, sections)

    def cached() -> str:
        cache = Cache(volume.manifest.project_dir)
        stored = digest(code_fingerprint(), key)  # a document made by another version of the code is not taken
        found = cache.get("documents", stored)
        if not isinstance(found, str):
            found = made()
            cache.put("documents", stored, found)
        return found

    return DOCUMENTS.get(key, cached)


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
    DOCUMENTS.next_round()
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
            chapter = bookmarks.for_pdf(line_breaks.for_pdf(item))
            pieces.append(PieceSpec(item.id, "front" if item.matter == "front" else "body",
                                    _document(volume, shared.chapter_section(chapter, volume)),
                                    page_css(volume, [item]), item.part_id))
    return pieces


def contents_piece(volume: Volume, numbers: dict[str, str] | None) -> PieceSpec:
    return PieceSpec("contents", "contents", _document(volume, contents_html(volume, numbers)), page_css(volume, []))


def back_pieces(volume: Volume, stamped: bool = True) -> list[PieceSpec]:
    """The generated back matter, its locators and cited pages filled in from the layout; `stamped`: its arabic page
    numbers laid out as blanks of their width and stamped afterwards (render/page_numbers.py), so its HTML does not
    change with the pages."""
    generated = {g.id: g for g in shared.generated_sections(volume)}
    pieces = []
    if volume.bibliography:
        numbers = PageNumbers("bib") if stamped else None
        html = _document(volume, shared.bibliography_section(volume, numbers=numbers))
        css = page_css(volume, [generated["bibliography"]]) + ("\n" + BLANK_CSS if stamped else "")
        pieces.append(_stamped(PieceSpec("bibliography", "back", html, css), numbers))
    if volume.index_entries:
        numbers = PageNumbers("ix") if stamped else None
        html = _document(volume, index_section(volume, numbers=numbers))
        css = page_css(volume, [generated["index"]]) + ("\n" + BLANK_CSS if stamped else "")
        pieces.append(_stamped(PieceSpec("index", "back", html, css), numbers))
    return pieces


def _stamped(spec: PieceSpec, numbers: PageNumbers | None) -> PieceSpec:
    if numbers is None:
        return spec
    return replace(spec, digits=tuple(numbers.digits), slots=tuple(numbers.slots.items()))


def first_body_piece(pieces: list[PieceSpec]) -> int | None:
    """The position of the first piece numbered in arabic figures."""
    return next((i for i, p in enumerate(pieces) if not p.front), None)
