"""The folios drawn straight into the joined book's pages, as WeasyPrint would set them, without a folio sheet.

The pieces are laid out with their folio boxes empty (pdf/pages.py); once every page's label is known each folio
is shaped by HarfBuzz (volume/harfbuzz.py) and drawn into the box its piece left empty, as a pagination artifact,
with one font of the book's (a Type0 font, glyph ids as CIDs, with widths and a ToUnicode map, so text extraction
reads the folio; pdf/font_merge.py then gives it the book's one subset of its font file).

Where the box puts its text (the font, its size and OpenType features, the baseline, the edge or centre the text
is aligned on) is read from a calibration sheet: the folio sheet of pdf/pages.py laid out once by WeasyPrint with
two test folios in each box on a left- and a right-hand page (twelve pages, cached as any piece is: it changes
only with the styles). Its glyphs and positions must be what HarfBuzz gives with one of a few sets of numeric
features; if they are not (a project's style sheet sets its folios some other way), `read_calibration` says so and
the book's folios are set on folio sheets as before.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from volume.render.pdf.pages import FOLIO_BOXES, folio_sheet

log = logging.getLogger(__name__)

LONG, SHORT = "0123456789ivxlcdm", "1"  # the calibration's two folios: every character a folio uses, and one
# the numeric features a folio box may be set with (font-variant-numeric), tried in this order
FEATURES = ({}, {"onum": True, "pnum": True}, {"lnum": True}, {"lnum": True, "tnum": True},
            {"lnum": True, "pnum": True}, {"onum": True}, {"onum": True, "tnum": True}, {"pnum": True},
            {"tnum": True})
FONT_NAME = "/VolumeFolio"  # the folio font's name in the pages' resources


def calibration_folios() -> list[tuple[str, str]]:
    """(label, box) of each calibration page: per box, each folio on a right- then a left-hand page."""
    return [(text, box) for box in FOLIO_BOXES for text in (LONG, SHORT) for _side in (0, 1)]


def calibration_sheet(volume) -> tuple[str, str]:
    """(HTML, CSS) of the calibration sheet."""
    return folio_sheet(volume, calibration_folios())


@dataclass(frozen=True)
class BoxStyle:
    """How one margin box sets its folio: font file, size in points, features, and per side (0 recto, 1 verso)
    the baseline's height and the x the text is aligned on, with the share of its width that lies left of it."""

    font: Path
    size: float
    features: tuple[tuple[str, bool], ...]
    baselines: tuple[float, float]
    anchors: tuple[float, float]
    align: float  # 0 left, 0.5 centred, 1 right
    name: str = ""  # the font's name after its subset tag, as WeasyPrint wrote it
    descriptor: tuple = ()  # (key, value) of WeasyPrint's font descriptor, but the file and the name


@dataclass
class FolioStyle:
    boxes: dict[str, BoxStyle] = field(default_factory=dict)


def _shown(page) -> tuple[float, float, float, object, list[tuple[int, int]]] | None:
    """The one text a calibration page shows: (x, y of its origin in points, font size in points, the font,
    [(glyph, adjustment in thousandths)]), from WeasyPrint's content stream (q/Q and cm tracked)."""
    import pikepdf

    matrix, stack, font, size, found = pikepdf.Matrix(), [], None, 0.0, None
    text_matrix = None
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(matrix)
        elif op == "Q":
            matrix = stack.pop()
        elif op == "cm":
            matrix = pikepdf.Matrix(*[float(v) for v in operands]) @ matrix
        elif op == "Tf":
            font, size = page.Resources.Font[operands[0]], float(operands[1])
        elif op == "Tm":
            text_matrix = pikepdf.Matrix(*[float(v) for v in operands])
        elif op in ("TJ", "Tj"):
            if found is not None or text_matrix is None:
                return None  # more than one text, or text placed some other way: not a sheet this module reads
            glyphs: list[tuple[int, int]] = []
            items = operands[0] if op == "TJ" else [operands[0]]
            for item in items:
                if isinstance(item, (int, float, pikepdf.Object)) and not isinstance(item, (bytes, pikepdf.String)):
                    if glyphs:
                        glyphs[-1] = (glyphs[-1][0], glyphs[-1][1] + float(item))
                    continue
                data = bytes(item)
                glyphs += [(int.from_bytes(data[i:i + 2], "big"), 0) for i in range(0, len(data) - 1, 2)]
            whole = text_matrix @ matrix
            x, y = whole.e, whole.f
            scale = (whole.c ** 2 + whole.d ** 2) ** 0.5
            found = (x, y, size * scale, font, glyphs)
    return found


def _font_file(font, fonts_dir: Path) -> Path | None:
    from volume.render.pdf.font_merge import postscript_name, shipped_fonts

    try:
        descriptor = font.DescendantFonts[0].FontDescriptor
        data = descriptor.FontFile2.read_bytes()
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return shipped_fonts(fonts_dir).get(postscript_name(data))


def _box_style(pages: list, fonts_dir: Path) -> BoxStyle | None:
    """A box's style from its four calibration pages (LONG recto, LONG verso, SHORT recto, SHORT verso)."""
    from volume.harfbuzz import shape, units_per_em

    shown = [_shown(page) for page in pages]
    if any(s is None for s in shown):
        return None
    font = _font_file(shown[0][3], fonts_dir)
    if font is None or any(s[3].objgen != shown[0][3].objgen for s in shown):
        return None
    size = round(shown[0][2], 4)
    upem = units_per_em(font)
    for features in FEATURES:
        shaped = [shape(font, text, tuple(sorted(features.items()))) for text in (LONG, SHORT)]
        if any([g for g, _ in s[4]] != list(shaped[i // 2][0]) for i, s in enumerate(shown)):
            continue
        widths = [sum(shaped[i][1]) * size / upem for i in (0, 1)]
        if abs(widths[0] - widths[1]) < 1e-6:
            return None
        anchors, baselines, aligns = [], [], []
        for side in (0, 1):
            long, short = shown[side], shown[2 + side]
            align = (short[0] - long[0]) / (widths[0] - widths[1])
            aligns.append(align)
            anchors.append(long[0] + align * widths[0])
            if abs(long[1] - short[1]) > 0.01:
                return None
            baselines.append(long[1])
        align = min((0.0, 0.5, 1.0), key=lambda a: abs(a - aligns[0]))
        if any(abs(a - align) > 0.02 for a in aligns):
            return None
        written = shown[0][3].DescendantFonts[0].FontDescriptor
        descriptor = tuple((key, _plain(value)) for key, value in sorted(written.items())
                           if key not in ("/FontFile2", "/FontName", "/Type", "/CIDSet"))
        return BoxStyle(font, size, tuple(sorted(features.items())), (baselines[0], baselines[1]),
                        (anchors[0], anchors[1]), align, str(shown[0][3].BaseFont)[1:].split("+", 1)[-1], descriptor)
    return None


def _plain(value):
    """A descriptor's value as Python data (the sheet's file is closed once read)."""
    import pikepdf

    if isinstance(value, pikepdf.Array):
        return tuple(_plain(v) for v in value)
    if isinstance(value, pikepdf.Name):
        return ("name", str(value))
    if isinstance(value, pikepdf.String):
        return ("string", str(value))
    return float(value) if isinstance(value, float) or not float(value).is_integer() else int(value)


def _pdf_value(value):
    import pikepdf

    if isinstance(value, tuple) and len(value) == 2 and value[0] in ("name", "string"):
        return pikepdf.Name(value[1]) if value[0] == "name" else pikepdf.String(value[1])
    if isinstance(value, tuple):
        return pikepdf.Array([_pdf_value(v) for v in value])
    return value


@functools.lru_cache(maxsize=8)
def _read(path: Path, _modified: int, fonts_dir: Path) -> FolioStyle | None:
    import pikepdf

    folios = calibration_folios()
    with pikepdf.open(path) as pdf:
        if len(pdf.pages) != len(folios):
            return None
        style = FolioStyle()
        for at, box in enumerate(FOLIO_BOXES):
            found = _box_style(list(pdf.pages)[at * 4:at * 4 + 4], fonts_dir)
            if found is None:
                log.info("the folios of %s cannot be stamped: the folio sheet sets them some other way", box)
                return None
            style.boxes[box] = found
    if len({found.font for found in style.boxes.values()}) > 1 or not all(map(_one_glyph_each, style.boxes.values())):
        log.info("the folios cannot be stamped: their boxes use several fonts, or a pair of characters forms one glyph")
        return None
    return style


def _one_glyph_each(box: BoxStyle) -> bool:
    """Every pair of a folio's characters shapes into two glyphs (no ligature), as stamp_folios needs of a label."""
    from volume.harfbuzz import shape

    return all(len(shape(box.font, a + b, box.features)[0]) == 2 for a in LONG for b in LONG)


def read_calibration(path: Path, fonts_dir: Path) -> FolioStyle | None:
    """The folio style the calibration sheet at path shows, or None if the folios must be set on sheets."""
    try:
        return _read(path, path.stat().st_mtime_ns, fonts_dir)
    except Exception as exc:  # noqa: BLE001 - an unreadable sheet: the folio sheets set the folios as before
        log.info("the folio calibration sheet could not be read (%s); folio sheets set the folios", exc)
        return None


class _FolioFont:
    """The book's folio font for one font file: glyphs used so far, their widths and characters."""

    def __init__(self, style: BoxStyle):
        from volume.harfbuzz import units_per_em

        self.path, self.style, self.upem = style.font, style, units_per_em(style.font)
        self.widths: dict[int, int] = {}
        self.chars: dict[int, str] = {}

    def add(self, glyphs, text: str) -> None:
        from volume.harfbuzz import advance

        for glyph, char in zip(glyphs, text):
            self.widths.setdefault(glyph, round(advance(self.path, glyph) * 1000 / self.upem))
            self.chars.setdefault(glyph, char)

    def font_object(self, pdf):
        """A Type0 font (Identity-H, CID = glyph id) with its widths, ToUnicode map and the file cut to its glyphs."""
        import pikepdf
        from pikepdf import Array, Dictionary, Name

        from volume.harfbuzz import subset_font

        glyphs = sorted(self.widths)
        data = subset_font(self.path, glyphs=set(glyphs) | {0})
        if data is None:
            raise ValueError(f"HarfBuzz could not cut {self.path.name}")
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(",".join(map(str, glyphs)).encode()).digest()[:6])
        base = Name("/" + tag + "+" + (self.style.name or self.path.stem))
        file = pdf.make_stream(data)
        file.Length1 = len(data)
        descriptor = pdf.make_indirect(Dictionary(Type=Name.FontDescriptor, FontName=base, FontFile2=file))
        for key, value in self.style.descriptor:
            descriptor[key] = _pdf_value(value)
        widths: list = []
        for glyph in glyphs:
            widths += [glyph, Array([self.widths[glyph]])]
        descendant = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=base,
            CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                     Supplement=0),
            FontDescriptor=descriptor, W=Array(widths), CIDToGIDMap=Name.Identity))
        return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=base,
                                            Encoding=Name("/Identity-H"), DescendantFonts=Array([descendant]),
                                            ToUnicode=pdf.make_stream(_to_unicode(self.chars))))


def _to_unicode(chars: dict[int, str]) -> bytes:
    entries = b"".join(b"<%04x> <%s>\n" % (glyph, char.encode("utf-16-be").hex().encode())
                       for glyph, char in sorted(chars.items()))
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\n"
            b"endcodespacerange\n" + b"%d beginbfchar\n" % len(chars) + entries
            + b"endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def _number(value: float) -> bytes:
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".") or b"0"


def _drawing(style: BoxStyle, side: int, glyphs, advances, font: _FolioFont) -> bytes:
    """The content that shows one folio: glyphs with WeasyPrint's spacing numbers for kerning, in the box's place."""
    width = sum(advances) * style.size / font.upem
    x = style.anchors[side] - style.align * width
    shown = []
    for glyph, advance_ in zip(glyphs, advances):
        shown.append(b"<%04x>" % glyph)
        kerning = font.widths[glyph] - advance_ * 1000 / font.upem
        if kerning:
            shown.append(_number(kerning))
    return (b"q\n/Artifact <</Type /Pagination>> BDC\n0 g\nBT\n" + FONT_NAME.encode() + b" "
            + _number(style.size) + b" Tf\n1 0 0 1 " + _number(x) + b" " + _number(style.baselines[side])
            + b" Tm\n[" + b" ".join(shown) + b"] TJ\nET\nEMC\nQ\n")


def stamp_folios(book, folios: list[tuple[str, str | None]], style: FolioStyle) -> int:
    """Each page's folio drawn into the box its piece left for it (book: join.Book); returns how many were drawn."""
    from pikepdf import Dictionary

    from volume.harfbuzz import shape

    out = book.pdf
    font: _FolioFont | None = None  # every box has the same font (a condition of read_calibration)
    drawings = []
    for index, (label, box) in enumerate(folios):
        if not box or box not in style.boxes:
            continue
        box_style = style.boxes[box]
        font = font or _FolioFont(box_style)
        glyphs, advances = shape(box_style.font, label, box_style.features)
        if len(glyphs) != len(label):
            raise ValueError(f"the folio {label!r} shapes into {len(glyphs)} glyphs")
        font.add(glyphs, label)
        drawings.append((index, _drawing(box_style, index % 2, glyphs, advances, font), box_style.anchors[index % 2]))
    if font is None:
        return 0
    font_object = font.font_object(out)
    for index, drawing, x in drawings:
        page = out.pages[index]
        resources = page.obj.get("/Resources")
        if resources is None:
            page.obj.Resources = resources = Dictionary()
        if "/Font" not in resources:
            resources.Font = Dictionary()
        resources.Font[FONT_NAME] = font_object
        book.wrap(page)
        # A folio in the page's left half is drawn before the page's text, one in the right half after it, so that
        # a reader of the stream's order (pypdf) meets it where the eye does: "4 The editors", "… Region 5".
        left = x < float(page.mediabox[2]) / 2
        page.contents_add(out.make_stream(drawing), prepend=left)
    return len(drawings)


