"""The cover picture the manifest names: a readable image inside the project, large enough for 300 dpi in print."""

from __future__ import annotations

import math
from pathlib import Path

from volume.config import Manifest
from volume.config_trade import trim_points
from volume.diagnostics import Report, SourceLocation
from volume.near_names import closest, sibling_files


def cover_image_path(manifest: Manifest) -> Path | None:
    """The cover picture's file, if the manifest names one inside the chapters folder."""
    name = manifest.trade.cover.image
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        return None
    path = manifest.chapters_dir / name
    if path.is_symlink() or not path.resolve().is_relative_to(manifest.project_dir.resolve()):
        return None
    return path


def check_cover_image(manifest: Manifest, report: Report) -> None:
    from PIL import Image, UnidentifiedImageError

    from volume.render.cover_design import PICTURE_TOP, PRINT_DPI, picture_box
    from volume.render.print_edition import BLEED

    cover = manifest.trade.cover
    if not cover.image:
        return
    where = cover.location or SourceLocation(manifest.path)
    path = cover_image_path(manifest)
    if path is None:
        report.add("C001", f"cover image '{cover.image}' must be a file inside the project's chapters folder, "
                   "such as \"images/cover.jpg\"", where)
        return
    try:
        with Image.open(path) as image:
            size = image.size
    except FileNotFoundError:
        near = closest(cover.image, sibling_files(manifest.chapters_dir, Path(cover.image)))
        fix = f"did you mean '{near}'?" if near else f"put it in {manifest.chapters_dir.name}/ or correct the name"
        report.add("C001", f"cover image '{cover.image}' does not exist: looked for "
                   f"{manifest.chapters_dir.name}/{cover.image}; {fix}", where)
        return
    except Image.DecompressionBombError:
        report.add("C001", f"cover image '{cover.image}' has more pixels than Pillow opens safely; scale it down "
                   "to what 300 dpi needs", where)
        return
    except (OSError, UnidentifiedImageError):
        report.add("C001", f"cover image '{cover.image}' is not an image Pillow can read; save it as JPEG or PNG",
                   where)
        return
    box = picture_box(*trim_points(manifest.trim_size), BLEED)
    needed = (math.ceil(box[0] / 72 * PRINT_DPI), math.ceil(box[1] / 72 * PRINT_DPI))
    # the picture is cropped to fill its box: what counts is the scale the crop is printed at
    dpi = min(size[0] / (box[0] / 72), size[1] / (box[1] / 72))
    if dpi < PRINT_DPI - 0.5:
        report.add("C002", f"cover image '{cover.image}' is {size[0]}×{size[1]} px: printed across the front "
                   f"cover's lower {1 - PICTURE_TOP:.0%} ({box[0] / 72:.2f} × {box[1] / 72:.2f} in with the bleed) "
                   f"it gives {dpi:.0f} dpi; use one of at least {needed[0]}×{needed[1]} px for {PRINT_DPI} dpi",
                   where)


def check_cover(manifest: Manifest, fonts_dir: Path, report: Report) -> None:
    """Everything about the cover a user can get wrong: its picture, and words too long for the back or spine."""
    from volume.config_trade import trim_points
    from volume.render.cover_design import Measure
    from volume.render.cover_text import back_copy, back_text, spine_length, spine_text
    from volume.render.cover_wrap import MM_PER_PT, barcode_for

    check_cover_image(manifest, report)
    where = SourceLocation(manifest.path, None)
    measure = Measure(fonts_dir)
    trim = trim_points(manifest.trim_size)
    barcode = barcode_for(manifest)
    text = back_text(manifest, measure, trim, barcode.height / MM_PER_PT if barcode else 0.0)
    if text.cut:
        key = "back_text" if manifest.trade.cover.back_text else "description"
        total = len(back_copy(manifest).split())
        report.add("C004", f"the back cover holds about {text.words} of the {total} words of {key}; the cover "
                   "shows them followed by …: shorten it, or give a shorter back_text under [cover]",
                   _where(manifest, key) or where)
    # the longest spine a book can have does not change whether the title fits its length
    spine = spine_text(manifest, measure, spine_length(trim[1]), 72.0)
    if not spine.parts:
        report.add("C005", "the title is too long for the spine even at 6 pt: the spine is left without text",
                   _where(manifest, "title") or where)


def _where(manifest: Manifest, key: str) -> SourceLocation | None:
    import re

    text = manifest.path.read_text(encoding="utf-8")
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return SourceLocation(manifest.path, text.count("\n", 0, match.start()) + 1) if match else None
