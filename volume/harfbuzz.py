"""HarfBuzz and HarfBuzz-Subset through uharfbuzz (its wheels carry HarfBuzz): the few calls the tool makes.

uharfbuzz is a declared dependency, so every font the outputs embed is cut by the same HarfBuzz, whatever the
machine has installed: the outputs' bytes do not depend on an optional system library.
"""

from __future__ import annotations

import functools
from pathlib import Path

import uharfbuzz as hb

# Tables a PDF's embedded font never needs (the same list WeasyPrint drops).
PDF_DROP_TABLES = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG ")


def _tag(name: str) -> int:
    data = name.encode("latin-1").ljust(4)[:4]
    return int.from_bytes(data, "big")


def _face(font: Path | bytes, index: int = 0) -> hb.Face:
    blob = hb.Blob.from_file_path(str(font)) if isinstance(font, Path) else hb.Blob(font)
    return hb.Face(blob, index)


def unicodes(path: Path) -> set[int]:
    """Every code point the font's character map covers."""
    return set(_face(path).unicodes)


def _subset(face: hb.Face, request: hb.SubsetInput) -> hb.Face | None:
    try:
        return hb.subset(face, request)
    except Exception:  # noqa: BLE001 - uharfbuzz raises a bare error when HarfBuzz refuses a font
        return None


def _pdf_requests(glyphs, hinting: bool, notdef: bool) -> list[hb.SubsetInput]:
    """As WeasyPrint cuts its fonts: the glyphs with their ids retained, then every id up to the last one used
    (which drops the empty tail of the glyph table), hinting dropped unless asked for; tables a PDF never reads
    dropped."""
    keep = sorted(set(glyphs))
    base = hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED | hb.SubsetFlags.DESUBROUTINIZE
    if notdef:
        base |= hb.SubsetFlags.NOTDEF_OUTLINE
    requests = []
    for wanted, flags in ((keep, base | hb.SubsetFlags.RETAIN_GIDS),
                          (range(keep[-1] + 1), base | (hb.SubsetFlags.DEFAULT if hinting
                                                        else hb.SubsetFlags.NO_HINTING))):
        request = hb.SubsetInput()
        request.glyph_set.update(wanted)
        request.drop_table_tag_set.update(_tag(name) for name in PDF_DROP_TABLES)
        request.flags = flags
        requests.append(request)
    return requests


def _ebook_request(characters: str) -> hb.SubsetInput:
    """The characters (and what the layout features reach from them), every layout feature, every name and the
    .notdef outline kept."""
    request = hb.SubsetInput()
    request.unicode_set.update(sorted({ord(c) for c in characters}))
    for every in (request.layout_feature_tag_set, request.name_id_set):
        every.clear()  # the defaults out, then the empty set inverted: all of them
        every.invert()
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    return request


def subset_font(font: Path | bytes, glyphs: set[int] | list[int] | None = None, characters: str = "",
                hinting: bool = False, notdef: bool = True, index: int = 0) -> bytes | None:
    """The font cut down, or None if HarfBuzz refuses it (or there is nothing to keep): with `glyphs`, to those glyph
    ids, ids kept, for embedding in a PDF; else to `characters`, for an e-book."""
    if glyphs is not None:
        if not glyphs:
            return None
        requests = _pdf_requests(glyphs, hinting, notdef)
    else:
        requests = [_ebook_request(characters)]
    face = _face(font, index)
    for request in requests:
        face = _subset(face, request)
        if face is None:
            return None
    data = face.blob.data
    return bytes(data) if data else None


def _shaped(font: hb.Font, text: str, features: dict[str, bool]) -> tuple[list[int], list[int]]:
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, features)
    return [i.codepoint for i in buffer.glyph_infos], [p.x_advance for p in buffer.glyph_positions]


def tabular_digits(path: Path) -> tuple[int, int, list[int], list[int]]:
    """(the slashed zero's glyph and advance, the glyphs of 0-9 as lining tabular figures and their advances), in
    font units: what stamping page numbers into blanks laid out as slashed zeros needs to know of a font."""
    font = hb.Font(_face(path))
    blank, blank_advance = _shaped(font, "0", {"lnum": True, "tnum": True, "zero": True})
    digits, advances = _shaped(font, "0123456789", {"lnum": True, "tnum": True})
    return blank[0], blank_advance[0], digits, advances


def glyphs_of(path: Path, text: str) -> tuple[list[int], list[int]]:
    """The glyphs HarfBuzz shapes `text` into with the font's default features, and their advances in font units."""
    return _shaped(hb.Font(_face(path)), text, {})


def units_per_em(path: Path) -> int:
    return _face(path).upem


@functools.lru_cache(maxsize=8)
def _font(path: Path, _modified: int) -> hb.Font:
    return hb.Font(_face(path))


def _font_of(path: Path) -> hb.Font:
    return _font(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def shape(path: Path, text: str, features: tuple[tuple[str, bool], ...] = ()) -> tuple[tuple[int, ...],
                                                                                        tuple[int, ...]]:
    """`text` shaped with these OpenType features: its glyphs and their advances in font units (kept per text)."""
    glyphs, advances = _shaped(_font_of(path), text, dict(features))
    return tuple(glyphs), tuple(advances)


def advance(path: Path, glyph: int) -> int:
    """A glyph's advance width in font units, unkerned (what a PDF font's widths give)."""
    return _font_of(path).get_glyph_h_advance(glyph)
