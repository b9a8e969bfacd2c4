"""The front cover's design, from the manifest: one description that the EPUB's cover image (Pillow) and the print
cover's front panel (SVG, laid out by WeasyPrint) both draw, so the two always agree.

Positions are in points on the trim (origin at the top left); colours are process CMYK, and the screen's RGB is
derived from them by the same naive formula the print edition inverts (print_edition._cmyk), so the PDF ends up
with exactly these CMYK values and the PNG with the colours a PDF viewer shows for them.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from volume.config import VolumeMeta
from volume.config_trade import CoverSettings
from volume.xhtml import escape_text

CMYK = tuple[float, float, float, float]
NAVY: CMYK = (0.465, 0.268, 0.0, 0.722)  # the background: a rich dark blue (146 % ink)
CREAM: CMYK = (0.0, 0.02, 0.069, 0.039)  # the text
GOLD: CMYK = (0.0, 0.184, 0.531, 0.231)  # frame, rule, publisher
WHITE: CMYK = (0.0, 0.0, 0.0, 0.0)
REFERENCE_WIDTH = 432.0  # 6 in: every size below is for this width and scales with the trim
PNG_WIDTH = 1600
PRINT_DPI = 300
MAX_DPI = 400  # a larger picture is resampled to this: sharper prints nothing, and the file stays small
PICTURE_TOP = 0.55  # the picture fills the front from this fraction of its height down (through the bleed)
FONTS = {"bold": "NotoSerif-Bold.ttf", "italic": "NotoSerif-Italic.ttf", "regular": "NotoSerif-Regular.ttf"}


def rgb(colour: CMYK) -> tuple[int, int, int]:
    """The screen colour of a CMYK colour with at least one of C, M, Y at 0 (as print_edition._cmyk gives)."""
    cyan, magenta, yellow, black = colour
    return tuple(round(255 * (1 - ink) * (1 - black)) for ink in (cyan, magenta, yellow))


def css_colour(colour: CMYK) -> str:
    return "#%02x%02x%02x" % rgb(colour)


@dataclass(frozen=True)
class Line:
    text: str
    face: str  # bold | italic | regular
    size: float  # pt
    baseline: float  # pt from the top of the trim; centred on the panel
    colour: CMYK


@dataclass(frozen=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    colour: CMYK


@dataclass(frozen=True)
class Frame:
    inset: float
    width: float
    colour: CMYK


@dataclass(frozen=True)
class Picture:
    """A picture across the panel's width from `top` down to the trim's foot, continued into the bleed."""

    data: bytes  # PNG, cropped to the box including the bleed, RGB
    top: float
    bleed: float  # how far the picture runs past the trim on the right and at the foot


@dataclass(frozen=True)
class FrontCover:
    width: float  # trim, pt
    height: float
    background: CMYK
    items: tuple  # Frame | Rule | Line | Picture, drawn in order


class Measure:
    """Text widths from the shipped fonts (Pillow's FreeType at a large size, scaled)."""

    SIZE = 200

    def __init__(self, fonts_dir: Path):
        self.fonts_dir = fonts_dir
        self._fonts: dict[str, ImageFont.FreeTypeFont] = {}

    def font(self, face: str, size: int) -> ImageFont.FreeTypeFont:
        key = f"{face}:{size}"
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(str(self.fonts_dir / FONTS[face]), size)
        return self._fonts[key]

    def width(self, text: str, face: str, size: float) -> float:
        return self.font(face, self.SIZE).getlength(text) * size / self.SIZE

    def wrap(self, text: str, face: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(lines[-1] + " " + word, face, size) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines


def _title_lines(measure: Measure, text: str, size: float, width: float) -> tuple[list[str], float]:
    """The title wrapped to at most three lines, its size reduced until it fits."""
    while True:
        lines = measure.wrap(text, "bold", size, width)
        if (len(lines) <= 3 and all(measure.width(line, "bold", size) <= width for line in lines)) or size < 12:
            return lines, size
        size *= 0.92


def picture_box(width: float, height: float, bleed: float) -> tuple[float, float]:
    """The printed size of the cover picture's box in points, bleed included."""
    return width + bleed, height * (1 - PICTURE_TOP) + bleed


def _picture(path: Path, width: float, height: float, bleed: float) -> Picture:
    """The manifest's picture cropped (centred) to its box and resampled to at most MAX_DPI."""
    box_width, box_height = picture_box(width, height, bleed)
    with Image.open(path) as source:
        image = source.convert("RGB")
    ratio = box_width / box_height
    if image.width / image.height > ratio:
        crop = round(image.height * ratio)
        image = image.crop(((image.width - crop) // 2, 0, (image.width - crop) // 2 + crop, image.height))
    else:
        crop = round(image.width / ratio)
        image = image.crop((0, (image.height - crop) // 2, image.width, (image.height - crop) // 2 + crop))
    limit = round(box_width / 72 * MAX_DPI)
    if image.width > limit:
        image = image.resize((limit, round(limit / ratio)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return Picture(out.getvalue(), height * PICTURE_TOP, bleed)


def front_cover(meta: VolumeMeta, cover: CoverSettings, chapters_dir: Path, trim: tuple[float, float],
                fonts_dir: Path, bleed: float = 0.0) -> FrontCover:
    """The front cover for a trim of (width, height) points: title, subtitle, editors, publisher, picture."""
    width, height = trim
    scale = width / REFERENCE_WIDTH
    measure = Measure(fonts_dir)
    text_width = width * 0.76
    items: list = []
    picture = _picture(chapters_dir / cover.image, width, height, bleed) if cover.image else None
    if picture is None:
        items.append(Frame(24.3 * scale, 1.62 * scale, GOLD))
        top = height * 0.2
    else:
        items.append(picture)
        items.append(Rule(0, picture.top, width + bleed, picture.top, 2.2 * scale, GOLD))
        top = height * 0.12
    title_lines, size = _title_lines(measure, meta.title, 31.9 * scale, text_width)
    y = top + size
    for line in title_lines:
        items.append(Line(line, "bold", size, y, CREAM))
        y += size * 1.22
    rule_y = y - size * 0.22 + 13.5 * scale
    items.append(Rule(width / 2 - 54 * scale, rule_y, width / 2 + 54 * scale, rule_y, 1.35 * scale, GOLD))
    y = rule_y + 13.5 * scale
    if meta.subtitle:
        sub_size = 18.9 * scale
        for line in measure.wrap(meta.subtitle, "italic", sub_size, text_width):
            y += sub_size * 1.25
            items.append(Line(line, "italic", sub_size, y, CREAM))
    small = 15.7 * scale
    editors = "Edited by " + ", ".join(meta.editors) if meta.editors else ""
    if picture is None:
        lower = [(editors, height - 140 * scale, CREAM), (meta.publisher, height - 78 * scale, GOLD)]
    else:
        lower = [(editors, picture.top - 22 * scale, CREAM)]
    for text, baseline, colour in lower:
        for number, line in enumerate(reversed(measure.wrap(text, "regular", small, text_width))):
            items.append(Line(line, "regular", small, baseline - number * small * 1.3, colour))
    return FrontCover(width, height, NAVY, tuple(items))


def front_svg(design: FrontCover, bleed: float) -> str:
    """The front panel with its bleed (right, top, foot) as SVG in points; (0, 0) is the trim's top left."""
    width, height = design.width, design.height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + bleed:.3f}pt" '
             f'height="{height + 2 * bleed:.3f}pt" viewBox="0 {-bleed:.3f} {width + bleed:.3f} '
             f'{height + 2 * bleed:.3f}" font-family="Noto Serif" role="img" aria-hidden="true">',
             f'<rect x="0" y="{-bleed:.3f}" width="{width + bleed:.3f}" height="{height + 2 * bleed:.3f}" '
             f'fill="{css_colour(design.background)}"/>']
    for item in design.items:
        if isinstance(item, Picture):
            data = base64.b64encode(item.data).decode("ascii")
            parts.append(f'<image x="0" y="{item.top:.3f}" width="{width + item.bleed:.3f}" '
                         f'height="{height - item.top + item.bleed:.3f}" preserveAspectRatio="none" '
                         f'href="data:image/png;base64,{data}"/>')
        elif isinstance(item, Frame):
            parts.append(f'<rect x="{item.inset:.3f}" y="{item.inset:.3f}" width="{width - 2 * item.inset:.3f}" '
                         f'height="{height - 2 * item.inset:.3f}" fill="none" stroke="{css_colour(item.colour)}" '
                         f'stroke-width="{item.width:.3f}"/>')
        elif isinstance(item, Rule):
            parts.append(f'<line x1="{item.x0:.3f}" y1="{item.y0:.3f}" x2="{item.x1:.3f}" y2="{item.y1:.3f}" '
                         f'stroke="{css_colour(item.colour)}" stroke-width="{item.width:.3f}"/>')
        else:
            weight = ' font-weight="bold"' if item.face == "bold" else ""
            style = ' font-style="italic"' if item.face == "italic" else ""
            parts.append(f'<text x="{width / 2:.3f}" y="{item.baseline:.3f}" text-anchor="middle" '
                         f'font-size="{item.size:.3f}"{weight}{style} fill="{css_colour(item.colour)}">'
                         f"{escape_text(item.text)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def front_png(design: FrontCover, fonts_dir: Path, width_px: int = PNG_WIDTH) -> bytes:
    """The front cover without bleed as a PNG (the EPUB's cover image)."""
    scale = width_px / design.width
    size = (width_px, round(design.height * scale))
    image = Image.new("RGB", size, rgb(design.background))
    draw = ImageDraw.Draw(image)
    measure = Measure(fonts_dir)
    for item in design.items:
        if isinstance(item, Picture):
            with Image.open(io.BytesIO(item.data)) as picture:
                full = (round((design.width + item.bleed) * scale),
                        round((design.height - item.top + item.bleed) * scale))
                resized = picture.resize(full, Image.Resampling.LANCZOS)
            image.paste(resized.crop((0, 0, size[0], size[1] - round(item.top * scale))), (0, round(item.top * scale)))
        elif isinstance(item, Frame):
            inset, half = item.inset * scale, item.width * scale / 2
            draw.rectangle((inset - half, inset - half, size[0] - inset + half, size[1] - inset + half),
                           outline=rgb(item.colour), width=round(item.width * scale))
        elif isinstance(item, Rule):
            draw.line((item.x0 * scale, item.y0 * scale, item.x1 * scale, item.y1 * scale), fill=rgb(item.colour),
                      width=round(item.width * scale))
        else:
            font = measure.font(item.face, round(item.size * scale))
            draw.text((size[0] / 2, item.baseline * scale), item.text, font=font, fill=rgb(item.colour), anchor="ms")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

