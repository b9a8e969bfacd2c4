"""RGB raster images and transparency groups of a PDF made process CMYK through the print profile (littleCMS via
Pillow's ImageCms), for PDF/X-4: the print edition's pages and the cover.

PDF/X-4 with a CMYK output intent allows no DeviceRGB image. Each RGB image reachable from a page (directly or in a
form XObject, indexed palettes included) is decoded, converted from sRGB to the profile's CMYK with the perceptual
intent and written back Flate-compressed, which is lossless and deterministic. Grey images and soft masks stay
(DeviceGray is allowed).
"""

from __future__ import annotations

from pathlib import Path


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


def groups_to_cmyk(pdf) -> None:
    """Transparency groups blend in CMYK, as the page is printed (WeasyPrint declares them RGB).

    Only what the pages reach is looked at (their dictionaries and resources, the forms, patterns and soft masks in
    them): nothing else of the file can hold a group. Walking every object of the file instead took 0.2 s of each
    print edition, most of them structure elements the print edition drops."""
    import pikepdf
    from pikepdf import Name

    seen: set = set()
    stack = [page.obj for page in pdf.pages]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Stream):
            values = obj.stream_dict
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
            values = obj
        else:
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(values, pikepdf.Array):
            stack.extend(values)
            continue
        group = values.get("/Group")
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == Name.Transparency \
                and group.get("/CS") is not None and _is_rgb(group.get("/CS")):
            group.CS = Name.DeviceCMYK
        stack.extend(value for key, value in values.items() if key not in _NOT_DOWN)


_NOT_DOWN = {"/Parent", "/Contents"}  # up the page tree; the pages' drawing (a content stream holds no group)
