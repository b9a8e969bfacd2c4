"""Copy the shipped fonts into styles/fonts/ from Debian's Noto packages, subsetting the CJK face.

Run once by a maintainer (not by the build): `python tools/ship_fonts.py`. Needs fonts-noto-core and
fonts-noto-cjk installed. The CJK face is cut down to GB2312 (6,763 hanzi) plus CJK punctuation so the
repository stays small while any common Simplified Chinese term an author writes still has a glyph.
"""

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

NOTO = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEST = Path(__file__).resolve().parent.parent / "styles" / "fonts"

COPY = [
    "NotoSerif-Regular.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-Bold.ttf",
    "NotoSerif-BoldItalic.ttf",
    "NotoSerifGeorgian-Regular.ttf",
    "NotoSerifGeorgian-Bold.ttf",
    "NotoSerifArmenian-Regular.ttf",
    "NotoSerifArmenian-Bold.ttf",
]


def gb2312_characters() -> str:
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def main() -> None:
    DEST.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        shutil.copyfile(NOTO / name, DEST / name)
    collection = TTCollection(str(CJK))
    face = next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    tmp = DEST / "_cjk_full.otf"
    face.save(str(tmp))
    text = gb2312_characters() + "".join(chr(c) for c in range(0x3000, 0x3040)) + "".join(
        chr(c) for c in range(0xFF00, 0xFF60)
    )
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(tmp), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    subset.save_font(font, str(DEST / "NotoSerifSC-Regular-GB2312.otf"), options)
    tmp.unlink()


if __name__ == "__main__":
    main()
