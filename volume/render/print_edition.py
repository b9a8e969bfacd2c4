"""The print edition, made from the digital one's pages (laid out once): PDF/X-4 for a printer.

Each page gets a 3 mm bleed and crop marks outside it (TrimBox, BleedBox, and a MediaBox that holds the marks),
every colour becomes process CMYK (black text in K only), a CMYK output intent is attached, the XMP names
PDF/X-4 (file version 1.6), and the page count is padded to the manifest's multiple with blank pages. PDF/X
allows no annotations in the printed area, so the links go, and with them the tagging that describes them:
the print edition is for the press, the digital one for readers.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from volume.render.assemble import Book
from volume.render.cmyk_images import ImageColourError, convert_images_to_cmyk, groups_to_cmyk

__all__ = ["ImageColourError", "make_print_edition", "mark_pdfx4", "padded_pages", "recolour_page", "strip_for_press"]

MM = 72 / 25.4
BLEED = 3 * MM
MARK_OFFSET = 3 * MM  # crop marks begin outside the bleed …
MARK_LENGTH = 5 * MM  # … and are this long
SLUG = MARK_OFFSET + MARK_LENGTH + 1 * MM
PROFILE_NAME = "Artifex CMYK SWOP Profile"


def _cmyk(red: float, green: float, blue: float) -> list[float]:
    """Naive RGB → CMYK with full grey-component replacement: greys and black print in K alone."""
    black = 1 - max(red, green, blue)
    if black >= 1:
        return [0, 0, 0, 1]
    return [round((1 - red - black) / (1 - black), 4), round((1 - green - black) / (1 - black), 4),
            round((1 - blue - black) / (1 - black), 4), round(black, 4)]


_NUMBER = rb"(-?\d*\.?\d+)"
# WeasyPrint writes one operator per line; its text is in hex strings, so a line is never inside a string
_RGB = re.compile(rb"(?m)^" + _NUMBER + rb" " + _NUMBER + rb" " + _NUMBER + rb" (rg|RG)$")
_GRAY = re.compile(rb"(?m)^" + _NUMBER + rb" (g|G)$")


def _recolour(data: bytes) -> bytes:
    """Every DeviceRGB and DeviceGray colour of a content stream as DeviceCMYK."""
    def rgb(match):
        values = _cmyk(*(float(v) for v in match.groups()[:3]))
        return " ".join(f"{v:g}" for v in values).encode() + (b" k" if match.group(4) == b"rg" else b" K")

    def gray(match):
        return f"0 0 0 {1 - float(match.group(1)):g}".encode() + (b" k" if match.group(2) == b"g" else b" K")

    return _GRAY.sub(gray, _RGB.sub(rgb, data))


def _recolour_forms(pdf, resources, seen: set) -> None:
    import pikepdf
    from pikepdf import Name

    if resources is None:
        return
    for key in ("/XObject", "/Pattern"):
        for _name, obj in (resources.get(key) or {}).items():
            if not isinstance(obj, pikepdf.Stream) or obj.objgen in seen:
                continue
            seen.add(obj.objgen)
            if obj.get("/Subtype") == Name.Form or obj.get("/PatternType") == 1:
                obj.write(_recolour(obj.read_bytes()))
                _recolour_forms(pdf, obj.get("/Resources"), seen)


def _crop_marks(width: float, height: float) -> bytes:
    """Registration-colour hairlines at the four corners of the trim, outside the bleed."""
    lines = []
    for x, y, sx, sy in ((0, 0, -1, -1), (width, 0, 1, -1), (0, height, -1, 1), (width, height, 1, 1)):
        start, end = MARK_OFFSET, MARK_OFFSET + MARK_LENGTH
        lines.append(f"{x + sx * start:.3f} {y:.3f} m {x + sx * end:.3f} {y:.3f} l S")
        lines.append(f"{x:.3f} {y + sy * start:.3f} m {x:.3f} {y + sy * end:.3f} l S")
    return ("q /Artifact BMC 0.25 w 1 1 1 1 K " + " ".join(lines) + " EMC Q\n").encode()


def _xmp_for_x4(pdf, seed: str) -> None:
    from lxml import etree

    from volume.xhtml import XML_PARSER

    if "/Metadata" not in pdf.Root:
        return
    ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfxid": "http://www.npes.org/pdfx/ns/id/",
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
          "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
          "xmpMM": "http://ns.adobe.com/xap/1.0/mm/"}
    data = pdf.Root.Metadata.read_bytes()
    start, end = data.index(b"<x:xmpmeta"), data.rindex(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    root = etree.fromstring(data[start:end], XML_PARSER)
    rdf = root.find(f"{{{ns['rdf']}}}RDF")
    for element in rdf.iter():  # no longer tagged: no PDF/UA claim
        for name in [n for n in element.attrib if n.startswith(f"{{{ns['pdfuaid']}}}")]:
            del element.attrib[name]
    for element in list(rdf.iter(f"{{{ns['pdfuaid']}}}*")):
        element.getparent().remove(element)
    description = etree.SubElement(rdf, f"{{{ns['rdf']}}}Description",
                                   nsmap={k: ns[k] for k in ns if k not in ("rdf", "pdfuaid")})
    description.set(f"{{{ns['rdf']}}}about", "")
    values = [("pdfxid", "GTS_PDFXVersion", "PDF/X-4"), ("pdf", "Trapped", "False"),
              ("xmpMM", "DocumentID", f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'volume-print:' + seed)}"),
              ("xmpMM", "RenditionClass", "default"), ("xmpMM", "VersionID", "1")]
    created = [d for d in rdf.iter(f"{{{ns['xmp']}}}CreateDate")]
    if created:
        values.append(("xmp", "MetadataDate", created[0].text))
    for prefix, name, text in values:
        etree.SubElement(description, f"{{{ns[prefix]}}}{name}").text = text
    body = etree.tostring(root, encoding="utf-8")
    packet = data[:start] + body + data[end:]
    pdf.Root.Metadata.write(packet)


def padded_pages(pages: int, pad_to: int) -> int:
    """The print edition's page count: the book's pages, with blank pages up to a multiple of pad_to."""
    return pages + ((-pages) % pad_to if pad_to > 1 else 0)


def strip_for_press(pdf) -> None:
    """PDF/X allows no annotations in the printed area: the links go, and the tagging that describes them."""
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        for key in ("/Annots", "/StructParents", "/Tabs"):
            if key in page.obj:
                del page.obj[key]


def recolour_page(pdf, page, seen: set) -> None:
    """The page's drawing, and the forms and patterns it uses, in process CMYK (seen: forms already done)."""
    page.contents_coalesce()
    page.obj.Contents.write(_recolour(page.obj.Contents.read_bytes()))
    _recolour_forms(pdf, page.obj.get("/Resources"), seen)


def mark_pdfx4(pdf, profile: Path, seed: str) -> None:
    """Pictures and transparency groups made CMYK, then the CMYK output intent, /Trapped, and the XMP that names
    PDF/X-4 (with a DocumentID derived from seed). Raises ImageColourError for a picture it cannot convert."""
    from pikepdf import Array, Dictionary, Name, String

    convert_images_to_cmyk(pdf, profile)
    groups_to_cmyk(pdf)

    icc = pdf.make_stream(profile.read_bytes())
    icc.N = 4
    pdf.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=String(PROFILE_NAME),
        Info=String(PROFILE_NAME), DestOutputProfile=icc)])
    if "/Info" in pdf.trailer:
        pdf.trailer.Info.Trapped = Name("/False")
    _xmp_for_x4(pdf, seed)


def make_print_edition(book: Book, profile: Path, pad_to: int, seed: str) -> None:
    """Turn the joined book into the print edition, in place (save the digital edition first)."""
    from pikepdf import Array

    pdf = book.pdf
    first_box = pdf.pages[0].mediabox
    width, height = float(first_box[2]) - float(first_box[0]), float(first_box[3]) - float(first_box[1])
    for _ in range(padded_pages(len(pdf.pages), pad_to) - len(pdf.pages)):
        pdf.add_blank_page(page_size=(width, height))
    marks = pdf.make_stream(_crop_marks(width, height))
    seen: set = set()
    strip_for_press(pdf)
    for page in pdf.pages:
        recolour_page(pdf, page, seen)
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(pdf.make_stream(b"\nQ\n"), prepend=False)
        page.contents_add(marks, prepend=False)
        page.obj.TrimBox = Array([0, 0, width, height])
        page.obj.BleedBox = Array([-BLEED, -BLEED, width + BLEED, height + BLEED])
        page.obj.MediaBox = Array([-SLUG, -SLUG, width + SLUG, height + SLUG])
    mark_pdfx4(pdf, profile, seed)
