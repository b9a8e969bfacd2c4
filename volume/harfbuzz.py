"""HarfBuzz and HarfBuzz-Subset through uharfbuzz (its wheels carry HarfBuzz): the few calls the tool makes.

uharfbuzz is a declared dependency, so every font the outputs embed is cut by the same HarfBuzz, whatever the
machine has installed: the outputs' bytes do not depend on an optional system library.
"""

from __future__ import annotations

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


def cut_to_glyphs(font: Path | bytes, glyphs: set[int] | list[int], hinting: bool = False, notdef: bool = True,
                  index: int = 0) -> bytes | None:
    """The font cut to these glyph ids, ids kept, for embedding in a PDF; None if HarfBuzz refuses it.

    Two passes, as WeasyPrint cuts its fonts: the glyphs with their ids retained, then every id up to the last
    one used (which drops the empty tail of the glyph table), hinting dropped unless asked for."""
    keep = sorted(set(glyphs))
    if not keep:
        return None
    base = hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED | hb.SubsetFlags.DESUBROUTINIZE
    if notdef:
        base |= hb.SubsetFlags.NOTDEF_OUTLINE
    face = _face(font, index)
    for wanted, flags in ((keep, base | hb.SubsetFlags.RETAIN_GIDS),
                          (range(keep[-1] + 1), base | (hb.SubsetFlags.DEFAULT if hinting
                                                        else hb.SubsetFlags.NO_HINTING))):
        request = hb.SubsetInput()
        request.glyph_set.update(wanted)
        request.drop_table_tag_set.update(_tag(name) for name in PDF_DROP_TABLES)
        request.flags = flags
        face = _subset(face, request)
        if face is None:
            return None
    data = face.blob.data
    return bytes(data) if data else None


def subset_to_characters(path: Path, characters: str) -> bytes | None:
    """The font cut to these characters (and what its layout features reach from them), keeping every layout
    feature, every name and the .notdef outline; None if HarfBuzz refuses it."""
    request = hb.SubsetInput()
    request.unicode_set.update(sorted({ord(c) for c in characters}))
    for every in (request.layout_feature_tag_set, request.name_id_set):
        every.clear()  # the defaults out, then the empty set inverted: all of them
        every.invert()
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    cut = _subset(_face(path), request)
    data = cut.blob.data if cut is not None else b""
    return bytes(data) if data else None
