"""RGB raster images of a PDF converted to process CMYK through the print profile (littleCMS via Pillow's ImageCms).

PDF/X-4 with a CMYK output intent allows no DeviceRGB image. Each RGB image reachable from a page (directly or in
a form XObject) is decoded, converted from sRGB to the profile's CMYK and written back Flate-compressed, which is
lossless and deterministic. Grey images and their soft masks are left as they are (DeviceGray is allowed).
"""

from __future__ import annotations

import zlib
from pathlib import Path

INTENT_RELATIVE = 1  # relative colorimetric: in-gamut colours kept, the rest clipped to the nearest printable


def _rgb_images(resources, seen: set):
    import pikepdf
    from pikepdf import Name

    for _name, obj in (resources.get("/XObject") or {}).items() if resources is not None else ():
        if not isinstance(obj, pikepdf.Stream) or obj.objgen in seen:
            continue
        seen.add(obj.objgen)
        if obj.get("/Subtype") == Name.Form:
            yield from _rgb_images(obj.get("/Resources"), seen)
        elif obj.get("/Subtype") == Name.Image and _is_rgb(obj.get("/ColorSpace")):
            yield obj


def _is_rgb(space) -> bool:
    import pikepdf
    from pikepdf import Name

    if space == Name.DeviceRGB:
        return True
    return (isinstance(space, pikepdf.Array) and len(space) == 2 and space[0] == Name.ICCBased
            and int(space[1].get("/N", 0)) == 3)


def images_to_cmyk(pdf, profile: Path) -> int:
    """Convert every RGB image on the PDF's pages in place; returns how many were converted."""
    from PIL import ImageCms
    from pikepdf import Name, PdfImage

    transform = None
    seen: set = set()
    count = 0
    for page in pdf.pages:
        for image in list(_rgb_images(page.obj.get("/Resources"), seen)):
            if transform is None:
                transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(
                    str(profile)), "RGB", "CMYK", renderingIntent=INTENT_RELATIVE)
            picture = PdfImage(image).as_pil_image().convert("RGB")
            cmyk = ImageCms.applyTransform(picture, transform)
            image.write(zlib.compress(cmyk.tobytes(), 9), filter=Name.FlateDecode)
            image.ColorSpace = Name.DeviceCMYK
            image.BitsPerComponent = 8
            for key in ("/DecodeParms", "/Decode", "/Intent"):
                if key in image:
                    del image[key]
            count += 1
    return count
