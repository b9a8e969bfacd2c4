"""The back matter's page numbers stamped into its laid-out blanks: each slashed zero becomes a digit.

The bibliography and index are laid out with every arabic page number as slashed zeros in lining tabular figures
(render/page_numbers.py), a glyph as wide as any tabular digit and used nowhere else, so replacing its glyph id by
a digit's in the content stream draws the number where the layout put the blank, without laying the piece out
again. WeasyPrint
writes one operator per line and each glyph as a hex string of CID = glyph id (Identity-H), so the blanks are
found by their glyph id in the text-showing lines of the font that drew them. The font's widths and ToUnicode
map are given the digits (so text extraction reads them) and its subset is cut again when it lacked one.

A blank between two numbers is a separator (render/page_numbers.py): stamped as a comma and a space, or as an en
dash centred in it, with the TJ array's own spacing numbers making up the difference in width, so the number after
it stays where the layout put it.

A blank stamped with a roman page number's letter (render/page_numbers.py: a roman number is laid out as a fixed
count of blanks) shows that letter's glyph, and the width it leaves of the blank is closed up as an UNUSED blank's.

A blank stamped UNUSED (room an index entry's cells keep for numbers it does not print now, render/page_numbers.py)
is dropped: the boxes after it on its line are moved over by its width, their links with them, and a link left with
no text is taken out of the page and of the structure tree (pdf/unused_room.py).
"""

from __future__ import annotations

import functools
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.render.page_numbers import BREAK, LIST, RANGE, ROMAN, UNUSED
from volume.render.pdf.unused_room import FONT_LINE, Boxes, Structure, drop_marked, marked_content

log = logging.getLogger(__name__)
HEX_STRING = re.compile(rb"<([0-9A-Fa-f]+)>")


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
    separators: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # LIST/RANGE -> [(glyph, width)]
    letters: dict[str, tuple[int, int]] = field(default_factory=dict)  # a roman number's letter -> (glyph, width)
    added: dict[int, tuple[str, int]] = field(default_factory=dict)  # separator glyphs stamped: (character, width)


def _facts_of(font, fonts_dir: Path) -> _FontFacts:
    from volume.render.pdf.font_merge import postscript_name, shipped_fonts

    descriptor = font.DescendantFonts[0].get("/FontDescriptor") if "/DescendantFonts" in font else None
    key = next((k for k in ("/FontFile2", "/FontFile3") if descriptor is not None and k in descriptor), None)
    path = shipped_fonts(fonts_dir).get(postscript_name(descriptor[key].read_bytes())) if key else None
    facts = _FontFacts(font, path)
    if path is not None:
        found = _stampable(path, path.stat().st_mtime_ns)
        if found is not None:
            facts.blank, facts.digits, facts.width, facts.separators, facts.letters = found
    return facts


@functools.lru_cache(maxsize=16)
def _stampable(path: Path, _modified: int) -> tuple[int, list[int], int, dict, dict] | None:
    """A font file's blank, digits, digit width, separators and roman letters, if it can be stamped (kept per file
    version)."""
    from volume.harfbuzz import tabular_digits, units_per_em

    blank, blank_advance, digits, advances = tabular_digits(path)
    if blank in digits or len(digits) != 10 or any(a != blank_advance for a in advances):
        return None
    return blank, digits, round(blank_advance * 1000 / units_per_em(path)), _separators(path), _letters(path)


def _separators(path: Path) -> dict[str, list[tuple[int, int]]]:
    """The glyphs (and widths in thousandths of an em) a separator blank is stamped with, where the font has them."""
    from volume.harfbuzz import glyphs_of, units_per_em

    found = {}
    for separator, text in ((LIST, ", "), (RANGE, RANGE)):
        glyphs, advances = glyphs_of(path, text)
        if len(glyphs) == len(text) and 0 not in glyphs:
            found[separator] = [(g, round(a * 1000 / units_per_em(path))) for g, a in zip(glyphs, advances)]
    return found


def _letters(path: Path) -> dict[str, tuple[int, int]]:
    """The glyphs (and widths in thousandths of an em) of the roman numbers' letters the font has."""
    from volume.harfbuzz import glyphs_of, units_per_em

    glyphs, advances = glyphs_of(path, ROMAN)
    if len(glyphs) != len(ROMAN):
        return {}
    return {c: (g, round(a * 1000 / units_per_em(path))) for c, g, a in zip(ROMAN, glyphs, advances) if g}


class _Stamper:
    """Walks a piece's pages in order, replacing each blank's glyph by the next digit to stamp."""

    def __init__(self, digits: str, fonts_dir: Path):
        self.digits, self.at, self.fonts_dir = digits, 0, fonts_dir
        self.fonts: dict[tuple, _FontFacts] = {}
        self.dropped = 0  # thousandths of an em of UNUSED blanks dropped from the text line being stamped

    def _font(self, font) -> _FontFacts:
        if font.objgen not in self.fonts:
            self.fonts[font.objgen] = _facts_of(font, self.fonts_dir)
        return self.fonts[font.objgen]

    def _glyphs(self, facts: _FontFacts, match: re.Match, in_array: bool) -> bytes:
        data = match.group(1)
        if len(data) % 4:
            return match.group(0)
        pieces, run = [], []
        for i in range(0, len(data), 4):
            glyph = int(data[i:i + 4], 16)
            if glyph != facts.blank:
                run.append(b"%04x" % glyph)
                continue
            if self.at >= len(self.digits):
                raise StampError("more blanks than page numbers")
            character = self.digits[self.at]
            self.at += 1
            if character == UNUSED:
                self.dropped += facts.width
                continue
            if character.isdigit():
                glyph = facts.digits[int(character)]
                facts.used.add(glyph)
                run.append(b"%04x" % glyph)
                continue
            if character in ROMAN:
                if character not in facts.letters:
                    raise StampError(f"its font has no glyph for {character!r}", unsupported=True)
                glyph, width = facts.letters[character]
                facts.added[glyph] = (character, width)
                self.dropped += facts.width - width
                run.append(b"%04x" % glyph)
                continue
            if run:
                pieces.append(b"<" + b"".join(run) + b">")
                run = []
            pieces += self._separator(facts, character, in_array)
        if run:
            pieces.append(b"<" + b"".join(run) + b">")
        if not pieces:  # every glyph dropped: an empty string keeps the spacing numbers around it apart
            return b"<>"
        # a spacing number stands apart from the numbers around the string (WeasyPrint writes one after each)
        return (b" " if not pieces[0].startswith(b"<") else b"") + b" ".join(pieces) + (
            b" " if not pieces[-1].endswith(b">") else b"")

    def _separator(self, facts: _FontFacts, character: str, in_array: bool) -> list[bytes]:
        """A separator's glyphs in the blank's width: ", " at its start, an en dash in its middle."""
        glyphs = facts.separators.get(character)
        if glyphs is None:
            raise StampError(f"its font has no glyphs for {character!r}", unsupported=True)
        spare = facts.width - sum(width for _glyph, width in glyphs)
        lead = spare // 2 if character == RANGE else 0
        if (lead or spare - lead) and not in_array:
            raise StampError("a separator in a string shown without spacing numbers")
        text = ", " if character == LIST else character
        for (glyph, width), shown in zip(glyphs, text):
            facts.added[glyph] = (shown, width)
        out = [b"%d" % -lead] if lead else []
        out.append(b"<" + b"".join(b"%04x" % glyph for glyph, _width in glyphs) + b">")
        return out + ([b"%d" % -(spare - lead)] if spare - lead else [])

    def page(self, page, structure: Structure | None = None) -> bytes | None:
        """The page's content with its blanks stamped, or None if it holds none; the unused blanks dropped, their
        lines closed up and the page's link annotations moved with them; a link whose text was all dropped taken out
        of the page, its annotation and its structure element with it."""
        fonts = page.obj.Resources.get("/Font") or {}
        content = page.obj.Contents
        data = content.read_bytes() if hasattr(content, "read_bytes") else b"".join(c.read_bytes() for c in content)
        lines = data.split(b"\n")
        facts, size, changed = None, 0.0, False
        boxes, marked, emptied = Boxes(), None, []
        for number, line in enumerate(lines):
            font = FONT_LINE.match(line)
            if font:
                found = fonts.get("/" + font.group(1).decode("latin-1"))
                facts = self._font(found) if found is not None else None
                size = float(font.group(2))
            elif boxes.follow(number, line):
                continue
            elif (mcid := marked_content(line)) is not None:
                marked = (mcid, number)
            elif facts is not None and facts.blank >= 0 and line.endswith((b" TJ", b" Tj")) and _may_hold(facts, line):
                in_array = line.startswith(b"[") and line.endswith(b"] TJ")
                self.dropped = 0
                stamped = HEX_STRING.sub(lambda m: self._glyphs(facts, m, in_array), line)
                changed |= stamped != line
                lines[number] = stamped
                if self.dropped:
                    boxes.drop(self.dropped * size / 1000)
                    if marked is not None and HEX_STRING.search(stamped) is None:  # nothing left to show
                        emptied.append((marked[0], marked[1], number))
        removed = structure.take_out(page, [mcid for mcid, _at, _text in emptied]) if structure and emptied else set()
        if boxes.drops:
            boxes.close_up(lines, page.obj.get("/Annots") or [])
        for mcid, at, text in emptied:
            if mcid in removed:
                drop_marked(lines, at, text)
        return b"\n".join(line for line in lines if line is not None) if changed else None


def _may_hold(facts: _FontFacts, line: bytes) -> bool:
    """Whether a text line may show the blank (most show none: only those are read glyph by glyph)."""
    blank = b"%04x" % facts.blank
    return blank in line or blank.upper() in line


def _add_widths(font, glyphs: dict[int, int]) -> None:
    """The font's widths given the stamped glyphs it lacked (glyph -> width)."""
    from pikepdf import Array

    from volume.render.pdf.font_merge import glyphs_in_widths

    descendant = font.DescendantFonts[0]
    missing = sorted(set(glyphs) - glyphs_in_widths(descendant.get("/W")))
    if missing:
        widths = list(descendant.get("/W") or [])
        for glyph in missing:
            widths += [glyph, Array([glyphs[glyph]])]
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
        structure = Structure(pdf)
        for page in pdf.pages:
            firsts.append(stamper.at)
            stamped = stamper.page(page, structure)
            if stamped is not None:
                page.obj.Contents = pdf.make_stream(stamped)
        if stamper.at == 0 and stamper.digits and not any(f.blank >= 0 for f in stamper.fonts.values()):
            raise StampError("its font has no slashed zero as wide as its tabular figures", unsupported=True)
        if stamper.at != len(stamper.digits):
            raise StampError(f"{stamper.at} blanks for {len(stamper.digits)} digits")
        for facts in stamper.fonts.values():
            if not facts.used and not facts.added:
                continue
            widths = {g: facts.width for g in facts.used} | {g: w for g, (_c, w) in facts.added.items()}
            lacking = set(widths) - glyphs_in_widths(facts.font.DescendantFonts[0].get("/W"))
            _add_widths(facts.font, widths)
            _add_to_unicode(pdf, facts.font, {g: str(d) for d, g in enumerate(facts.digits) if g in facts.used}
                            | {g: c for g, (c, _w) in facts.added.items()})
            if lacking:
                _recut(facts)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        pdf.save(temporary, deterministic_id=True)
    temporary.replace(target)
    return firsts


def stamp_in_worker(source: Path, digits: tuple[str, ...], fonts_dir: Path, target: Path
                    ) -> tuple[list[int] | None, bool, str]:
    """stamp_numbers as a worker's job: (each page's first digit, or None when the piece cannot be stamped; whether
    its font cannot have numbers stamped in; why)."""
    try:
        return stamp_numbers(source, digits, fonts_dir, target), False, ""
    except StampError as exc:
        return None, exc.unsupported, str(exc)


BLANK_RUN = re.compile(r"(?<![\w.,])0+(?!\w|[.,]\d)")  # a number laid out as blanks, in a line's plain text


def stamp_line(text: str, digits: str, at: int) -> str:
    """A page's first line as the layout read it (blanks as zeros) with the digits stamped from `at` on: the line as
    the page shows it, for the EPUB's page-list to find."""
    out, last = [], 0
    for match in BLANK_RUN.finditer(text):
        size = len(match.group(0))
        if at + size > len(digits):
            break
        out += [text[last:match.start()], digits[at:at + size].replace(LIST, LIST + " ").replace(UNUSED, "")]
        at, last = at + size, match.end()
    return ("".join(out) + text[last:]).replace(BREAK, "")
