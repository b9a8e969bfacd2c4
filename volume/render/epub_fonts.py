"""Fonts for the e-book: only the scripts a reader's device may lack, cut down to the characters the book uses.

The text face is left to the reader's own choice of font (e-readers let people pick theirs); Georgian,
Armenian and Chinese are embedded as small subsets of the shipped Noto fonts so they never print as boxes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from volume.model import Volume
from volume.xhtml import plain_text

log = logging.getLogger(__name__)

SCRIPTS = (
    ("Volume Georgian", "NotoSerifGeorgian-Regular.ttf", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F))),
    ("Volume Armenian", "NotoSerifArmenian-Regular.ttf", ((0x0530, 0x058F), (0xFB13, 0xFB17))),
    ("Volume CJK", "NotoSerifSC-Regular-GB2312.otf", ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                                                      (0xFF00, 0xFFEF))),
)


@dataclass(frozen=True)
class EmbeddedFont:
    family: str
    name: str  # file name inside the EPUB's fonts/ folder
    media_type: str
    data: bytes
    unicode_range: str


def _volume_text(volume: Volume) -> str:
    parts = [volume.meta.title, volume.meta.subtitle]
    for chapter in volume.chapters:
        parts += [chapter.title_text, plain_text(chapter.subtitle), plain_text(chapter.abstract),
                  plain_text(chapter.body), *(n.text for n in chapter.notes)]
    for entry in volume.bibliography:
        parts.append(plain_text(entry.html))
    return " ".join(parts)


def _subset(path: Path, characters: str) -> bytes | None:
    """By HarfBuzz-Subset (milliseconds): all layout features, all names, the .notdef outline, the font's own dates."""
    from volume.harfbuzz import subset_to_characters

    return subset_to_characters(path, characters)


def embedded_fonts(volume: Volume, fonts_dir: Path) -> list[EmbeddedFont]:
    text = set(_volume_text(volume))
    fonts = []
    for family, file_name, ranges in SCRIPTS:
        used = "".join(sorted(c for c in text if any(lo <= ord(c) <= hi for lo, hi in ranges)))
        path = fonts_dir / file_name
        if not used or not path.is_file():
            continue
        data = _subset(path, used)
        if data is None:
            log.warning("HarfBuzz could not cut %s to the book's characters; the e-book shows them in the reader's "
                        "own font", path.name)
            continue
        suffix = path.suffix.lower()
        css_range = ", ".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in ranges)
        fonts.append(EmbeddedFont(family, f"{path.stem}-subset{suffix}",
                                  "font/otf" if suffix == ".otf" else "font/ttf", data, css_range))
    return fonts


def font_css(fonts: list[EmbeddedFont]) -> str:
    if not fonts:
        return ""
    faces = "".join(f'@font-face {{ font-family: "{f.family}"; src: url("../fonts/{f.name}"); '
                    f"unicode-range: {f.unicode_range}; }}\n" for f in fonts)
    families = ", ".join(f'"{f.family}"' for f in fonts)
    return faces + f"body {{ font-family: {families}, serif; }}\n"
