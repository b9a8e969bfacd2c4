"""The back matter's page numbers stamped into its laid-out blanks: each slashed zero becomes a digit.

The bibliography and index are laid out with every arabic page number as slashed zeros in lining tabular figures
(render/page_numbers.py), a glyph as wide as any tabular digit and used nowhere else, so replacing its glyph id by
a digit's in the content stream draws the number where the layout put the blank, without laying the piece out
again. WeasyPrint
writes one operator per line and each glyph as a hex string of CID = glyph id (Identity-H), so the blanks are
found by their glyph id in the text-showing lines of the font that drew them. The font's widths and ToUnicode
map are given the digits (so text extraction reads them) and its subset is cut again when it lacked one.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)
HEX_STRING = re.compile(rb"<([0-9A-Fa-f]+)>")
FONT_LINE = re.compile(rb"^/(\S+) [\d.]+ Tf$")


class StampError(Exception):
    """The piece cannot be stamped: its font has no slashed zero as wide as its tabular digits (`unsupported`: a
    project's own font may not), or the blanks do not match the numbers (a bug)."""

    def __init__(self, message: str, unsupported: bool = False):
        super().__init__(message)
        self.unsupported = unsupported


@dataclass
class _FontFacts:
    """What stamping needs of one embedded font: its blank's glyph, the digits' glyphs and widths."""

    font: object
    path: Path | None
    blank: int = -1  # -1: the font cannot be stamped (no slashed zero, or digits of other widths)
    digits: list[int] = field(default_factory=list)
    width: int = 0  # of a digit and of the blank, in the PDF's thousandths of an em
    used: set[int] = field(default_factory=set)  # digit glyphs stamped with this font


def _facts_of(font, fonts_dir: Path) -> _FontFacts:
    from volume.harfbuzz import tabular_digits, units_per_em
    from volume.render.pdf.font_merge import postscript_name, shipped_fonts

    descriptor = font.DescendantFonts[0].get("/FontDescriptor") if "/DescendantFonts" in font else None
    key = next((k for k in ("/FontFile2", "/FontFile3") if descriptor is not None and k in descriptor), None)
    path = shipped_fonts(fonts_dir).get(postscript_name(descriptor[key].read_bytes())) if key else None
    facts = _FontFacts(font, path)
    if path is not None:
        blank, blank_advance, digits, advances = tabular_digits(path)
        if blank not in digits and len(digits) == 10 and all(a == blank_advance for a in advances):
            facts.blank, facts.digits = blank, digits
            facts.width = round(blank_advance * 1000 / units_per_em(path))
    return facts


class _Stamper:
    """Walks a piece's pages in order, replacing each blank's glyph by the next digit to stamp."""

    def __init__(self, digits: str, fonts_dir: Path):
        self.digits, self.at, self.fonts_dir = digits, 0, fonts_dir
        self.fonts: dict[tuple, _FontFacts] = {}

    def _font(self, font) -> _FontFacts:
        if font.objgen not in self.fonts:
            self.fonts[font.objgen] = _facts_of(font, self.fonts_dir)
        return self.fonts[font.objgen]

    def _glyphs(self, facts: _FontFacts, match: re.Match) -> bytes:
        data = match.group(1)
        if len(data) % 4:
            return match.group(0)
        out = []
        for i in range(0, len(data), 4):
            glyph = int(data[i:i + 4], 16)
            if glyph == facts.blank:
                if self.at >= len(self.digits):
                    raise StampError("more blanks than page numbers")
                glyph = facts.digits[int(self.digits[self.at])]
                facts.used.add(glyph)
                self.at += 1
            out.append(b"%04x" % glyph)
        return b"<" + b"".join(out) + b">"

    def page(self, page) -> bytes | None:
        """The page's content with its blanks stamped, or None if it holds none."""
        fonts = page.obj.Resources.get("/Font") or {}
        content = page.obj.Contents
        data = content.read_bytes() if hasattr(content, "read_bytes") else b"".join(c.read_bytes() for c in content)
        lines = data.split(b"\n")
        facts, changed = None, False
        for number, line in enumerate(lines):
            font = FONT_LINE.match(line)
            if font:
                found = fonts.get("/" + font.group(1).decode("latin-1"))
                facts = self._font(found) if found is not None else None
            elif facts is not None and facts.blank >= 0 and line.endswith((b" TJ", b" Tj")):
                stamped = HEX_STRING.sub(lambda m: self._glyphs(facts, m), line)
                changed |= stamped != line
                lines[number] = stamped
        return b"\n".join(lines) if changed else None


def _add_widths(font, glyphs: set[int], width: int) -> None:
    from pikepdf import Array

    from volume.render.pdf.font_merge import glyphs_in_widths

    descendant = font.DescendantFonts[0]
    missing = sorted(glyphs - glyphs_in_widths(descendant.get("/W")))
    if missing:
        widths = list(descendant.get("/W") or [])
        for glyph in missing:
            widths += [glyph, Array([width])]
        descendant.W = Array(widths)


def _add_to_unicode(pdf, font, glyphs: dict[int, str]) -> None:
    """bfchar entries for the glyphs the map lacks, in a block of their own before its end."""
    stream = font.get("/ToUnicode")
    data = stream.read_bytes() if stream is not None else b""
    missing = [(g, c) for g, c in sorted(glyphs.items()) if b"<%04x>" % g not in data]
    if not missing or b"endcmap" not in data:
        return
    block = b"%d beginbfchar\n" % len(missing) + b"".join(b"<%04x> <%04x>\n" % (g, ord(c)) for g, c in missing)
    at = data.rindex(b"endcmap")
    font.ToUnicode = pdf.make_stream(data[:at] + block + b"endbfchar\n" + data[at:])


def _recut(facts: _FontFacts) -> None:
    """The embedded subset cut again from the shipped file when a stamped digit was not in it (glyph ids kept)."""
    from volume.harfbuzz import subset_font
    from volume.render.pdf.font_merge import glyphs_in_widths

    descendant = facts.font.DescendantFonts[0]
    descriptor = descendant.FontDescriptor
    key = "/FontFile2" if "/FontFile2" in descriptor else "/FontFile3"
    data = subset_font(facts.path, glyphs=glyphs_in_widths(descendant.get("/W")) | {0})
    if data is None:
        raise StampError(f"cannot cut {facts.path.name} to add the digits")
    descriptor[key].write(data)
    if key == "/FontFile2":
        descriptor[key].Length1 = len(data)
    if "/CIDSet" in descriptor:
        del descriptor["/CIDSet"]


def stamp_numbers(source: Path, digits: tuple[str, ...], fonts_dir: Path, target: Path) -> list[int]:
    """Write to target the piece at source with its blanks stamped by `digits` (the numbers in reading order);
    returns, for each page, how many digits the pages before it took."""
    import pikepdf

    from volume.render.pdf.font_merge import glyphs_in_widths

    stamper = _Stamper("".join(digits), fonts_dir)
    firsts = []
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            firsts.append(stamper.at)
            stamped = stamper.page(page)
            if stamped is not None:
                page.obj.Contents = pdf.make_stream(stamped)
        if stamper.at == 0 and stamper.digits and not any(f.blank >= 0 for f in stamper.fonts.values()):
            raise StampError("its font has no slashed zero as wide as its tabular figures", unsupported=True)
        if stamper.at != len(stamper.digits):
            raise StampError(f"{stamper.at} blanks for {len(stamper.digits)} digits")
        for facts in stamper.fonts.values():
            if not facts.used:
                continue
            lacking = facts.used - glyphs_in_widths(facts.font.DescendantFonts[0].get("/W"))
            _add_widths(facts.font, facts.used, facts.width)
            _add_to_unicode(pdf, facts.font, {g: str(d) for d, g in enumerate(facts.digits) if g in facts.used})
            if lacking:
                _recut(facts)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        pdf.save(temporary, deterministic_id=True)
    temporary.replace(target)
    return firsts


BLANK_RUN = re.compile(r"(?<![\w.,])0+(?!\w|[.,]\d)")  # a number laid out as blanks, in a line's plain text


def stamp_line(text: str, digits: str, at: int) -> str:
    """A page's first line as the layout read it (blanks as zeros) with the digits stamped from `at` on: the line as
    the page shows it, for the EPUB's page-list to find."""
    out, last = [], 0
    for match in BLANK_RUN.finditer(text):
        size = len(match.group(0))
        if at + size > len(digits):
            break
        out += [text[last:match.start()], digits[at:at + size]]
        at, last = at + size, match.end()
    return "".join(out) + text[last:]
