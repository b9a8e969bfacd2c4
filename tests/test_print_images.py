"""The print edition's raster images are CMYK, converted through the shipped profile; the PDF/X-4 carries no RGB."""

from __future__ import annotations

import pikepdf
import pytest
from PIL import Image

from tests.conftest import copy_case
from volume.build import build
from volume.diagnostics import VolumeError

RED = (220, 30, 30)


def _images(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    """The image XObjects, soft masks aside."""
    images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
    masks = {i.SMask.objgen for i in images if i.get("/SMask") is not None}
    return [i for i in images if i.objgen not in masks and not i.get("/ImageMask")]


def _rgb_anywhere(pdf: pikepdf.Pdf) -> list[str]:
    """Every colour space in the file that is RGB (images, transparency groups, resource dictionaries)."""
    found = []
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in ("/ColorSpace", "/CS"):
                value = obj.get(key)
                if value is not None and "RGB" in repr(value):
                    found.append(f"{obj.objgen} {key} {value!r}"[:120])
            group = obj.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and "RGB" in repr(group.get("/CS")):
                found.append(f"{obj.objgen} /Group")
    return found


@pytest.fixture(scope="module")
def with_images(tmp_path_factory):
    project = copy_case("small", tmp_path_factory.mktemp("images"))
    chapters = project / "chapters"
    Image.new("RGB", (60, 40), RED).save(chapters / "red.png")
    Image.new("RGBA", (60, 40), RED + (128,)).save(chapters / "translucent.png")
    Image.new("RGB", (60, 40), RED).convert("P", palette=Image.Palette.ADAPTIVE, colors=4).save(chapters / "palette.png")
    Image.new("RGB", (60, 40), RED).save(chapters / "photo.jpg", quality=95)
    Image.new("L", (60, 40), 90).save(chapters / "grey.png")
    alpha = chapters / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(
        f"![A {name} test image.]({name})" for name in ("red.png", "translucent.png", "palette.png", "photo.jpg",
                                                        "grey.png")) + "\n", encoding="utf-8")
    result = build(project)
    return project, result


def test_the_digital_edition_keeps_rgb_images(with_images):
    project, result = with_images
    with pikepdf.open(project / "dist" / "small.pdf") as pdf:
        spaces = {repr(i.get("/ColorSpace")) for i in _images(pdf)}
        assert len(_images(pdf)) == 5
    assert any("RGB" in s for s in spaces), spaces


def test_the_print_edition_has_no_rgb_at_all(with_images):
    project, result = with_images
    assert not [d for d in result.report.items if d.code.startswith(("B", "W"))], result.report.items
    with pikepdf.open(project / "dist" / "small-print.pdf") as pdf:
        assert _rgb_anywhere(pdf) == []
        images = _images(pdf)
        spaces = sorted(str(i.get("/ColorSpace")) for i in images)
        assert spaces == ["/DeviceCMYK"] * 4 + ["/DeviceGray"], spaces  # the red ones (the palette one too), the grey
        cmyk = [Image.frombytes("CMYK", (int(i.Width), int(i.Height)), i.read_bytes())
                for i in images if i.ColorSpace == "/DeviceCMYK"]
        for picture in cmyk:  # red through the SWOP profile: much magenta and yellow, little cyan
            c, m, y, _k = picture.getpixel((picture.width // 2, picture.height // 2))
            assert m > 180 and y > 160 and c < 60, (c, m, y)
        assert any(i.get("/SMask") is not None for i in images if i.ColorSpace == "/DeviceCMYK")  # alpha kept


def test_an_image_that_cannot_be_converted_is_refused(tmp_path, monkeypatch):
    from volume.render.pdf import cmyk_images

    project = copy_case("small", tmp_path)
    chapters = project / "chapters"
    build(project)
    before = {p.name: p.read_bytes() for p in (project / "dist").iterdir()}
    Image.new("RGB", (60, 40), RED).save(chapters / "red.png")
    alpha = chapters / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\n\n![A red test image.](red.png)\n", encoding="utf-8")

    def unreadable(image, transform):
        raise ValueError("unsupported image encoding")

    monkeypatch.setattr(cmyk_images, "_to_cmyk", unreadable)
    with pytest.raises(VolumeError) as failure:
        build(project)
    (diagnostic,) = failure.value.report.errors
    assert diagnostic.code == "B005" and diagnostic.location.path.name == "alpha.md", diagnostic
    assert {p.name: p.read_bytes() for p in (project / "dist").iterdir()} == before
