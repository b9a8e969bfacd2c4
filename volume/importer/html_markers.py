"""Note markers as an HTML page prints them: the number a marker link shows ('[3]', 'iv', a lettered page's '[c]'),
a power that is no marker ('10<sup>22</sup>'), numbers after 'Fig.' or 'Table' that point to a figure, and the token a
marker becomes in inline text being read."""

from __future__ import annotations

import re

from lxml import etree

from volume.importer import recognise as rec
from volume.importer.marked_notes import letter_value
from volume.importer.notes import CJK


# a marker as a link shows it: 3, [3], (3), iv, a wiki's named group's '[note 1]', '[nb 2]', '[N 3]', '[Anm. 1]',
# '[注 1]', Parsoid's '[lower-alpha 1]', and CJK brackets and full-width digits ('［１］', '【1】', '〔1〕')
MARKER_TEXT = re.compile(r"(?:[\[［【〔](?:[A-Za-zÀ-ÿ]{1,12}(?:-[A-Za-z]{1,12})?\.?\s|" + CJK + r"{1,4}\s?)?|[(（])?"
                         r"(\d{1,3}|[ivxl]{1,7})(?:[\]］】〕)）])?")
LETTER_TEXT = re.compile(r"\[?([a-z]{1,2})\]?")  # a lettered note's marker: [a], b, [aa]


def lettered_notes(doc: etree._Element) -> bool:
    """Whether the page marks a group of notes with letters: an in-page link that shows a letter no roman numeral
    uses ('[a]', '[b]'); on such a page '[i]' is the ninth letter, not note one."""
    for link in doc.iter("a"):
        found = LETTER_TEXT.fullmatch(rec.squash(link.text_content()))
        if found and (link.get("href") or "").startswith("#") and re.search(r"[^ivxlcdm]", found.group(1)):
            return True
    return False


def marker_value(text: str, letters: bool) -> int | None:
    """The note number a marker link's text shows ('[3]', 'iv', on a lettered page '[c]'), or None."""
    lettered = LETTER_TEXT.fullmatch(text) if letters else None
    if lettered:
        return letter_value(lettered.group(1))
    found = MARKER_TEXT.fullmatch(text)
    return rec.label_value(found.group(1)) if found else None
# 'Figs. 1, 2', 'Table 3', 'Рис. 2': a number after these words points to a figure or table, not to a note
REFERENCE_WORDS = re.compile(r"(?:\b(?:fig(?:ure)?s?|tab(?:le)?s?|eq(?:uation)?s?|abb(?:ildung(?:en)?)?|tab(?:elle)?|"
                             r"рис(?:унок|унки|\.)?|табл(?:ица|ицы)?|şekil|tablo|section|sect?|kapitel)\.?\s*|§\s*)"
                             r"(?:[\dA-Za-z]{1,4}[a-z]?\s*(?:,|and|und|и|et|ve|&|–|-)\s*)*$", re.IGNORECASE)


EXPONENT_BASE = re.compile(r"(?:\b10|\b[kcmµnd]?m|\bft)\s*$")  # '10<sup>22</sup>', 'm<sup>2</sup>': powers


def exponent(sup: etree._Element) -> bool:
    """Whether an unlinked <sup> number is a power ('~10<sup>22</sup> cm', 'm<sup>2</sup>'), not a note marker."""
    previous = sup.getprevious()
    if previous is not None:
        before = previous.tail or previous.text_content()
    else:
        parent = sup.getparent()
        before = (parent.text or "") if parent is not None else ""
    return bool(EXPONENT_BASE.search(before[-12:]))


def unmark_references(text: str) -> str:
    """Marker tokens that follow 'Fig.', 'Table', 'Рис.' … are the figure's or table's number again."""
    out, position = [], 0
    for match in re.finditer(r"\x00\d+:([^:\x00]*):\d*\x00", text):
        before = rec.plain(text[:match.start()])[-40:]
        out.append(text[position:match.start()])
        out.append(match.group(1) if REFERENCE_WORDS.search(before) else match.group(0))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


TOKEN_TEXT = re.compile(r"\x00\d+:")  # a note marker in inline text being assembled
MARKER_TOKEN = re.compile(r"\x00\d+:[^:\x00]*:\d*\x00")  # a note marker's token (article.token)
