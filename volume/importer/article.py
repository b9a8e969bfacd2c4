"""An article as recognised in a web page or copied text: its blocks, notes and metadata, and their inline text
(the title, byline and date are read in byline.py, chrome and notes settled in settle.py, the chapter written in
compose.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.importer import recognise as rec
from volume.importer.notes import Note

# Markers as pages print them: [1], [iv], [footnote 3] (GOV.UK), and superscript digits (¹²³) after a word.
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a note marker in text: '[3]' (also in CJK brackets and full-width digits, '［３］', '【3】'), '[note 3]', '¹²'
MARKER = re.compile(r"[\[［【〔](\d{1,3}|[ivxl]{1,7})[\]］】〕]|\[(?:footnote|note|fn|сноска|note de bas de page)\s*(\d{1,3})\]|"
                    r"(?<=[^\W\d_]|[.,;:!?)\]\"”’»])(?<!\b[kcm]m)(?<!\bm)(?<!\bft)([" + SUPERSCRIPTS + r"]{1,3})(?![" + SUPERSCRIPTS + r"])",
                    re.IGNORECASE)
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]']")
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>$~^])")


@dataclass
class Block:
    """One paragraph-level piece: kind is heading, para, caption, item or quote; text is Markdown inline."""

    kind: str
    text: str
    line: int | None = None
    level: int = 2
    ordinal: int | None = None  # position in a numbered list
    meta: bool = False  # from an element the page marks as byline or date
    anchor: int | None = None  # the note number of the in-page marker link (href="#…") that points here
    broken: bool = False  # one of the short lines a <br> broke a paragraph into (a letterhead, a transcript's header)
    affiliation: bool = False  # an author's affiliation under the names ('1 University of …'): never a heading

    @property
    def plain(self) -> str:
        return rec.plain(self.text)


TEXT_KINDS = ("para", "item", "quote")  # the blocks that carry an article's text


@dataclass
class Article:
    source: Path
    title: str = ""
    subtitle: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)
    date: str = ""
    lang: str = ""
    abstract: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    notes_heading: str = ""
    credited: list[Block] = field(default_factory=list)  # names alone under the title (copied text): authors or credits
    captions: int = 0
    unjoined: list[tuple[str, int | None]] = field(default_factory=list)  # citation groups left as text, lines
    bare_superscripts: set[str] = field(default_factory=set)  # labels of unlinked <sup> numbers taken for markers
    site_names: set[str] = field(default_factory=set)  # the site's name, letters only, as the page gives it
    header: list[str] = field(default_factory=list)  # the page's first lines as read, for header_reader
    wiki: bool = False  # a wiki page as copied (its tagline under the title): no byline, its revision's date
    recognised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def headings(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "heading")

    @property
    def has_text(self) -> bool:
        """Whether a paragraph, list item or quotation was recognised (an article without one is refused)."""
        return any(b.kind in TEXT_KINDS for b in self.blocks)


def token(label: str, line: int | None) -> str:
    value = rec.label_value(label)
    return f"\x00{value}:{label}:{line or ''}\x00" if value else f"[{label}]"


def escape(text: str) -> str:
    """Plain text as Markdown inline text that pandoc reads back as the same characters."""
    text = INLINE_SPECIALS.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return re.sub(r"(?<![\w\\])@", r"\\@", text)


def inline_text(text: str, line: int | None, markers: bool = True) -> str:
    """A run of plain text as Markdown: whitespace squashed, note markers tokenised, URLs made autolinks."""
    text = re.sub(r"\s+", " ", text)
    out, pos = [], 0
    pattern = re.compile(f"{MARKER.pattern}|{URL.pattern}" if markers else URL.pattern, re.IGNORECASE)
    for match in pattern.finditer(text):
        out.append(escape(text[pos:match.start()]))
        found = match.group(0)
        out.append(f"<{found}>" if found.startswith("http") else token(_marker_label(match), line))
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _marker_label(match: re.Match) -> str:
    label = next(g for g in match.groups()[:3] if g)
    if label[0] in SUPERSCRIPTS or label.isdigit():  # '¹²', and full-width '１２' from a CJK page
        return str(int(label.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))))
    return label


def escape_line_start(text: str) -> str:
    """Escape what would make a paragraph into a heading, list, quote or rule at the start of a line."""
    text = re.sub(r"^(#|>|:|%|\+|-|=)", r"\\\1", text)
    return re.sub(r"^(\(?(?:\d+|[A-Za-z]|[ivxlcdm]+))([.)])(?=\s|$)", r"\1\\\2", text)


def emphasis(mark: str, inner: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def take_header_line(article: Article, text: str, reach: int = 40) -> bool:
    """Take the block that is exactly `text` (a byline or date line the header reader read) out of the text's
    first blocks; whether one was there."""
    wanted = rec.key(text)
    for index, block in enumerate(article.blocks[:reach]):
        if rec.key(block.plain) == wanted and block.kind != "heading":
            drop_block(article, article.blocks.pop(index), "page metadata")
            return True
    return False


def drop_block(article: Article, block: Block, why: str) -> None:
    """Name a block left out of the text in the import report, with its line."""
    where = f" (line {block.line})" if block.line else ""
    article.dropped.append(f"{why}{where}: '{block.plain[:70]}'")
