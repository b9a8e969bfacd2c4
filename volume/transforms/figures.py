"""Images: refuse remote and missing ones, check alt text, carry local files and generated charts as assets."""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path

from volume.charts import ChartDataError, bar_chart_svg, read_rows
from volume.diagnostics import Report, SourceLocation
from volume.model import Asset, Chapter, Volume
from volume.near_names import closest, sibling_files
from volume.sanitizer import clean_svg
from volume.xhtml import parse_fragment, serialize_children

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".webp": "image/webp"}
MAX_IMAGE_BYTES = 15 * 1024 * 1024


def _line_of(path: Path, needle: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def _decodes(data: bytes, media_type: str) -> bool:
    """Whether an image file really is what its name says (a damaged file would break the PDF or EPUB)."""
    import io

    if media_type == "image/svg+xml":
        from lxml import etree

        from volume.xhtml import XML_PARSER

        try:
            return etree.fromstring(data, XML_PARSER).tag.endswith("svg")
        except etree.XMLSyntaxError:
            return False
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > 80_000_000:
                return False
            image.verify()
        return True
    except Exception:  # Pillow raises many kinds for damaged files
        return False


def _chart(path: Path, img, where: SourceLocation, report: Report) -> bytes | None:
    try:
        rows, _records = read_rows(path.read_text(encoding="utf-8"), img.get("data-label"), img.get("data-value"))
    except (OSError, UnicodeDecodeError, ChartDataError) as exc:
        report.add("F004", f"chart data '{path.name}': {exc}; fix the CSV", where)
        return None
    return bar_chart_svg(rows, unit=img.get("data-unit", ""), note=img.get("data-note", ""),
                         title=img.get("alt", ""))


def missing_image_message(src: str, relative: Path, chapters_dir: Path) -> str:
    """Where the image was looked for (image paths are relative to the chapters folder), and a near name."""
    looked = f"{chapters_dir.name}/{relative.as_posix()}"
    near = closest(relative.as_posix(), sibling_files(chapters_dir, relative))
    if near:
        fix = f"did you mean '{near}'?"
    elif (chapters_dir.parent / relative).is_file():
        fix = f"it is in the project folder: move it to {looked}"
    else:
        fix = "check the file name"
    return (f"image '{src}' does not exist: looked for {looked}, as image paths are relative to the "
            f"{chapters_dir.name} folder; {fix}")


def resolve_chapter_images(chapter: Chapter, chapters_dir: Path, report: Report) -> Chapter:
    root = parse_fragment(chapter.body)
    assets: dict[str, Asset] = {a.name: a for a in chapter.assets}
    source = chapter.source.path if chapter.source else chapters_dir
    for embed in list(root.iter("embed")):  # pandoc writes <embed> for a non-image source such as a .csv
        if embed.get("src", "").lower().endswith(".csv"):
            embed.tag = "img"
    for img in root.iter("img"):
        if img.get("data-fig-alt"):
            img.set("alt", img.attrib.pop("data-fig-alt"))
            caption = img.getparent().find("figcaption") if img.getparent() is not None else None
            if caption is not None and caption.get("aria-hidden"):
                del caption.attrib["aria-hidden"]
        src = img.get("src", "")
        where = SourceLocation(source, _line_of(source, src) if src else None)
        if re.match(r"^[a-z][a-z0-9+.-]*://", src, re.I):
            report.add("F002", f"remote image '{src}': download it into the chapters folder and link the file",
                       where)
            continue
        if src.startswith("data:"):
            continue
        relative = Path(src)
        target = (chapters_dir / relative).resolve()
        if relative.is_absolute() or ".." in relative.parts or not target.is_relative_to(chapters_dir.resolve()):
            report.add("F001", f"image '{src}' lies outside the chapters folder; copy it in", where)
            continue
        if not target.is_file():
            report.add("F001", missing_image_message(src, relative, chapters_dir), where)
            continue
        if not (img.get("alt") or "").strip():
            report.add("F003", f"image '{src}' has no alt text; add {{alt=\"...\"}} or a caption", where)
        name = f"{chapter.id}-{re.sub(r'[^A-Za-z0-9.-]+', '-', relative.stem)}"
        if target.suffix.lower() == ".csv":
            svg = _chart(target, img, where, report)
            if svg is None:
                continue
            asset = Asset(name + ".svg", "image/svg+xml", svg)
        else:
            media_type = IMAGE_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0]
            data = target.read_bytes()
            if media_type not in IMAGE_TYPES.values() or len(data) > MAX_IMAGE_BYTES:
                report.add("F001", f"image '{src}' is not a PNG, JPEG, GIF, SVG or WebP under 15 MB", where)
                continue
            if not _decodes(data, media_type):
                report.add("F001", f"image '{src}' is damaged or not really a {media_type.split('/')[1].upper()}; "
                           "export it again", where)
                continue
            if media_type == "image/svg+xml":
                data, removed = clean_svg(data)
                if removed:
                    report.add("S009", f"removed unsafe content from the image '{src}' ({', '.join(removed)}); "
                               "an image in a book only draws", where)
            asset = Asset(name + target.suffix.lower(), media_type, data)
        assets[asset.name] = asset
        img.set("src", "images/" + asset.name)
    return chapter.with_(body=serialize_children(root), assets=tuple(sorted(assets.values(), key=lambda a: a.name)))


def resolve_images(volume: Volume, report: Report) -> Volume:
    folder = volume.manifest.chapters_dir
    return volume.with_chapters(resolve_chapter_images(c, folder, report) for c in volume.chapters)
