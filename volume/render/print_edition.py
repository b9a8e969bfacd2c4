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


def _is_rgb(space) -> bool:
    """Whether an image's colour space is RGB: device, calibrated, ICC-based with three components, or an indexed
    palette over one of those."""
    import pikepdf
    from pikepdf import Name

    if isinstance(space, Name):
        return space in (Name.DeviceRGB, Name.CalRGB)
    if isinstance(space, pikepdf.Array) and len(space):
        family = space[0]
        if family == Name.ICCBased:
            return int(space[1].get("/N", 0)) == 3
        if family == Name.Indexed:
            return _is_rgb(space[1])
        if family == Name.CalRGB:
            return True
    return False


def _images(resources, seen: set):
    """Every image XObject the resources reach (through forms too), once each."""
    import pikepdf
    from pikepdf import Name

    if not isinstance(resources, pikepdf.Dictionary):
        return
    for _name, obj in (resources.get("/XObject") or {}).items():
        if not isinstance(obj, pikepdf.Stream) or obj.objgen in seen:
            continue
        seen.add(obj.objgen)
        if obj.get("/Subtype") == Name.Image:
            yield obj
        elif obj.get("/Subtype") == Name.Form:
            yield from _images(obj.get("/Resources"), seen)


class ImageColourError(Exception):
    """A raster image of the print edition that cannot be converted to CMYK."""

    def __init__(self, page: int, reason: str):
        super().__init__(f"page {page}: {reason}")
        self.page, self.reason = page, reason


def _to_cmyk(image, transform) -> None:
    """Rewrite one RGB image XObject as DeviceCMYK through the output intent's profile (its soft mask stays)."""
    import zlib

    import pikepdf
    from PIL import ImageCms
    from pikepdf import Name

    picture = pikepdf.PdfImage(image).as_pil_image()
    if picture.mode != "RGB":
        picture = picture.convert("RGB")
    cmyk = ImageCms.applyTransform(picture, transform)
    image.write(zlib.compress(cmyk.tobytes(), 6), filter=Name.FlateDecode)
    image.ColorSpace = Name.DeviceCMYK
    image.BitsPerComponent = 8
    for key in ("/Decode", "/DecodeParms", "/Intent"):
        if key in image:
            del image[key]


def convert_images_to_cmyk(pdf, profile: Path) -> int:
    """Every RGB raster image of the book converted to CMYK with the print profile (perceptual intent, from sRGB).
    Raises ImageColourError for an image that cannot be read. Returns how many were converted."""
    from PIL import ImageCms

    transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(profile)),
                                        "RGB", "CMYK", renderingIntent=ImageCms.Intent.PERCEPTUAL)
    seen: set = set()
    converted = 0
    for number, page in enumerate(pdf.pages, start=1):
        for image in _images(page.obj.get("/Resources"), seen):
            if image.get("/ImageMask") or not _is_rgb(image.get("/ColorSpace")):
                continue
            try:
                _to_cmyk(image, transform)
            except Exception as exc:  # noqa: BLE001 - pikepdf and Pillow raise many kinds for odd images
                raise ImageColourError(number, f"{type(exc).__name__}: {exc}") from None
            converted += 1
    return converted


def _groups_to_cmyk(pdf) -> None:
    """Transparency groups blend in CMYK, as the page is printed (WeasyPrint declares them RGB)."""
    import pikepdf
    from pikepdf import Name

    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            group = obj.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and group.get("/S") == Name.Transparency \
                    and group.get("/CS") is not None and _is_rgb(group.get("/CS")):
                group.CS = Name.DeviceCMYK


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


def make_print_edition(book: Book, profile: Path, pad_to: int, seed: str) -> None:
    """Turn the joined book into the print edition, in place (save the digital edition first)."""
    from pikepdf import Array, Dictionary, Name, String

    pdf = book.pdf
    first_box = pdf.pages[0].mediabox
    width, height = float(first_box[2]) - float(first_box[0]), float(first_box[3]) - float(first_box[1])
    if pad_to > 1:
        for _ in range((-len(pdf.pages)) % pad_to):
            pdf.add_blank_page(page_size=(width, height))
    marks = pdf.make_stream(_crop_marks(width, height))
    seen: set = set()
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        for key in ("/Annots", "/StructParents", "/Tabs"):
            if key in page.obj:
                del page.obj[key]
        page.contents_coalesce()
        page.obj.Contents.write(_recolour(page.obj.Contents.read_bytes()))
        _recolour_forms(pdf, page.obj.get("/Resources"), seen)
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(pdf.make_stream(b"\nQ\n"), prepend=False)
        page.contents_add(marks, prepend=False)
        page.obj.TrimBox = Array([0, 0, width, height])
        page.obj.BleedBox = Array([-BLEED, -BLEED, width + BLEED, height + BLEED])
        page.obj.MediaBox = Array([-SLUG, -SLUG, width + SLUG, height + SLUG])
    convert_images_to_cmyk(pdf, profile)
    _groups_to_cmyk(pdf)
    icc = pdf.make_stream(profile.read_bytes())
    icc.N = 4
    pdf.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX, OutputConditionIdentifier=String(PROFILE_NAME),
        Info=String(PROFILE_NAME), DestOutputProfile=icc)])
    if "/Info" in pdf.trailer:
        pdf.trailer.Info.Trapped = Name("/False")
    _xmp_for_x4(pdf, seed)
