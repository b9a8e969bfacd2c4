"""One embedded subset per font file in the joined book, instead of one per piece.

Each piece embeds its own subset of every font it uses; joined, a 130-page book carried each face a dozen times.
WeasyPrint subsets keeping the glyph ids (CID = glyph id), so the pieces' subsets of one font
file are interchangeable: the book embeds, once, the shipped font file cut to the union of the glyphs every
piece uses (read from the fonts' /W width arrays), and every piece's font points at it. The pieces' width
arrays and ToUnicode maps stay as they were.
"""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

log = logging.getLogger(__name__)


def postscript_name(data: bytes) -> str | None:
    from fontTools.ttLib import TTFont

    try:
        return TTFont(io.BytesIO(data), lazy=True)["name"].getDebugName(6)
    except Exception:  # noqa: BLE001 - an unreadable embedded font is left as it is
        return None


def shipped_fonts(fonts_dir: Path) -> dict[str, Path]:
    """PostScript name -> font file, for the fonts in fonts_dir (kept while the files are unchanged)."""
    from volume.cache import remembered

    paths = sorted(fonts_dir.glob("*.[ot]tf"))
    key = (str(fonts_dir), tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths))

    def read() -> dict[str, Path]:
        names = ((postscript_name(path.read_bytes()), path) for path in paths)
        return {name: path for name, path in names if name}

    return remembered("shipped fonts", key, read)


def warm_up(fonts_dir: Path) -> None:
    """What the joining needs before it starts, done while the pieces are laid out (the main process waits then):
    pikepdf, fontTools and HarfBuzz imported, the shipped fonts' names read."""
    import pikepdf  # noqa: F401

    import volume.harfbuzz  # noqa: F401

    if fonts_dir.is_dir():
        shipped_fonts(fonts_dir)


def glyphs_in_widths(widths) -> set[int]:
    """The CIDs a /W array gives widths for: `c [w1 w2 …]` and `c_first c_last w` runs."""
    glyphs: set[int] = set()
    items = list(widths or [])
    i = 0
    while i < len(items):
        first = int(items[i])
        if i + 1 < len(items) and not isinstance(items[i + 1], (int, float)) and hasattr(items[i + 1], "__len__"):
            glyphs.update(range(first, first + len(items[i + 1])))
            i += 2
        elif i + 2 < len(items):
            glyphs.update(range(first, int(items[i + 1]) + 1))
            i += 3
        else:
            break
    return glyphs


def _fonts_of(pdf):
    """Every Type0 font the pages and their forms use, once each."""
    import pikepdf

    seen: set = set()
    stack = [page.obj.get("/Resources") for page in pdf.pages]
    while stack:
        resources = stack.pop()
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        for font in (resources.get("/Font") or {}).values():
            if font.objgen not in seen and font.get("/Subtype") == pikepdf.Name.Type0:
                seen.add(font.objgen)
                yield font
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.objgen not in seen and xobject.get("/Subtype") == pikepdf.Name.Form:
                seen.add(xobject.objgen)
                stack.append(xobject.get("/Resources"))


def _group_by_file(pdf, fonts_dir: Path) -> tuple[dict[Path, list], dict[Path, set[int]]]:
    """The embedded fonts cut from each shipped font file, (font, descendant, descriptor, file key) each, and the
    glyphs they use together."""
    shipped = shipped_fonts(fonts_dir)
    names: dict = {}  # face (font name without subset tag) -> PostScript name of the file it was cut from
    groups: dict[Path, list] = {}
    glyphs: dict[Path, set[int]] = {}
    for font in _fonts_of(pdf):
        descendant = font.DescendantFonts[0]
        descriptor = descendant.get("/FontDescriptor")
        key = next((k for k in ("/FontFile2", "/FontFile3") if descriptor is not None and k in descriptor), None)
        if key is None:
            continue
        # the same face and variant has the same name in every piece, after the subset tag: read one font's
        # own name table per face, not every piece's
        face = str(descriptor.get("/FontName", "")).split("+", 1)[-1] + key
        if face not in names:
            names[face] = postscript_name(descriptor[key].read_bytes())
        path = shipped.get(names[face])
        if path is None:
            continue
        groups.setdefault(path, []).append((font, descendant, descriptor, key))
        glyphs.setdefault(path, set()).update(glyphs_in_widths(descendant.get("/W")))
    return groups, glyphs


def _point_at(pdf, members: list, data: bytes, glyphs: set[int]) -> None:
    """Every member's font file replaced by `data`, under one subset tag made from the glyphs."""
    import pikepdf

    first = members[0][2][members[0][3]]
    merged = pdf.make_stream(data)
    for name, value in first.stream_dict.items():
        if name not in ("/Length", "/Filter", "/DecodeParms", "/Length1"):
            merged[name] = value
    if members[0][3] == "/FontFile2":
        merged.Length1 = len(data)
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(",".join(map(str, sorted(glyphs))).encode()).digest()[:6])
    for font, descendant, descriptor, key in members:
        descriptor[key] = merged
        if "/CIDSet" in descriptor:  # it would list only the piece's glyphs
            del descriptor["/CIDSet"]
        for owner, field in ((font, "/BaseFont"), (descendant, "/BaseFont"), (descriptor, "/FontName")):
            if field in owner:
                base = str(owner[field])[1:]
                owner[field] = pikepdf.Name("/" + tag + "+" + base.split("+", 1)[-1])


def merge_fonts(pdf, fonts_dir: Path) -> int:
    """Replace the pieces' subsets of each shipped font by one; returns how many embedded fonts were removed."""
    from volume.harfbuzz import subset_font

    groups, glyphs = _group_by_file(pdf, fonts_dir)
    removed = 0
    for path, members in groups.items():
        streams = {descriptor[key].objgen for _, _, descriptor, key in members}
        if len(streams) < 2:
            continue
        data = subset_font(path, glyphs=glyphs[path] | {0})  # glyph ids kept, as WeasyPrint cuts
        if data is None:
            log.warning("could not cut %s to the book's glyphs; its subsets stay one per piece", path.name)
            continue
        _point_at(pdf, members, data, glyphs[path])
        removed += len(streams) - 1
    return removed
