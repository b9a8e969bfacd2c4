"""A cover image generated from the volume's metadata when the manifest gives none (Pillow, deterministic)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from volume.model import Volume

SIZE = (1600, 2400)
BACKGROUND = (38, 52, 71)
INK = (245, 240, 228)
ACCENT = (196, 160, 92)


def _font(styles_dir: Path, name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(styles_dir / "fonts" / name), size)


def _centered(draw: ImageDraw.ImageDraw, y: int, lines: list[str], font, fill, spacing: int) -> int:
    for line in lines:
        left, top, right, bottom = draw.textbbox((0, 0), line, font=font)
        draw.text(((SIZE[0] - (right - left)) / 2 - left, y), line, font=font, fill=fill)
        y += (bottom - top) + spacing
    return y


def cover_png(volume: Volume, styles_dir: Path) -> bytes:
    meta = volume.meta
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((90, 90, SIZE[0] - 90, SIZE[1] - 90), outline=ACCENT, width=6)
    title_font = _font(styles_dir, "NotoSerif-Bold.ttf", 118)
    subtitle_font = _font(styles_dir, "NotoSerif-Italic.ttf", 70)
    small_font = _font(styles_dir, "NotoSerif-Regular.ttf", 58)
    y = _centered(draw, 520, textwrap.wrap(meta.title, 20), title_font, INK, 40)
    draw.line((SIZE[0] / 2 - 200, y + 50, SIZE[0] / 2 + 200, y + 50), fill=ACCENT, width=5)
    if meta.subtitle:
        _centered(draw, y + 130, textwrap.wrap(meta.subtitle, 30), subtitle_font, INK, 28)
    if meta.editors:
        _centered(draw, SIZE[1] - 560, ["Edited by " + ", ".join(meta.editors)], small_font, INK, 20)
    if meta.publisher:
        _centered(draw, SIZE[1] - 330, [meta.publisher], small_font, ACCENT, 20)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
