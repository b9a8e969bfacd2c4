"""An article as recognised in a web page or copied text: blocks, notes and metadata, written out as a chapter."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.diagnostics import Report, SourceLocation
from volume.importer import recognise as rec

# A note marker inside Markdown text while the article is assembled: \x00<number>:<label as printed>:<line>\x00
TOKEN = re.compile(r"\x00(\d+):([^:\x00]*):(\d*)\x00")
MARKER = re.compile(r"\[(\d{1,3}|[ivxl]{1,7})\]")
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

    @property
    def plain(self) -> str:
        return rec.plain(self.text)


@dataclass
class Note:
    number: int  # the label as a number: [iv] and 4. are both 4
    label: str  # as printed
    text: str  # Markdown; paragraphs separated by blank lines
    line: int | None = None


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
    captions: int = 0
    recognised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def headings(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "heading")


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
    pattern = re.compile(f"{MARKER.pattern}|{URL.pattern}" if markers else URL.pattern)
    for match in pattern.finditer(text):
        out.append(escape(text[pos:match.start()]))
        found = match.group(0)
        out.append(f"<{found}>" if found.startswith("http") else token(match.group(1), line))
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


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


# --- recognising the parts of an article among its blocks ---------------------------------------------------

def note_label(block: Block) -> tuple[int, str, str] | None:
    """(number, label, rest) when a block opens with a note label: a marker, '[i]', 'i.', '1.' or '1)'."""
    text = block.text.strip()
    match = TOKEN.match(text)
    if match:
        return int(match.group(1)), match.group(2), text[match.end():]
    match = re.match(r"^(?:\\\[)?(\d{1,3}|[ivxl]{1,7})(?:\\\]|\\?[.)])\s+", text)
    if match and rec.label_value(match.group(1)):
        return rec.label_value(match.group(1)), match.group(1), text[match.end():]
    if block.ordinal is not None:
        return block.ordinal, str(block.ordinal), text
    return None


def _clean_note_text(text: str) -> str:
    text = re.sub(r"^(?:\s|[↑^↩︎]|\\\^)+", "", text)
    text = re.sub(r"(?:\s|↩︎?|↑|\\\[back\\\]|\\\^)+$", "", text)
    return TOKEN.sub(lambda m: f"\\[{m.group(2)}\\]", text)


def split_notes(article: Article) -> None:
    """Move the list of notes at the end (after a 'Notes' or 'References' heading) into article.notes."""
    blocks = article.blocks
    start = None
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (block.kind == "heading" or len(block.plain) <= 40) and rec.is_notes_heading(block.plain) \
                and following is not None and note_label(following):
            start = index
    if start is None:  # no heading: a run of explicitly labelled notes closing the article
        start = len(blocks)
        while start > 0 and blocks[start - 1].kind != "heading" and blocks[start - 1].ordinal is None \
                and note_label(blocks[start - 1]):
            start -= 1
        if len(blocks) - start < 2 or not any(TOKEN.search(b.text) for b in blocks[:start]):
            return
        start -= 1  # pretend a heading stood before the run
        blocks.insert(start + 1, Block("heading", "Notes"))
        start += 1
    notes: list[Note] = []
    end = start + 1
    while end < len(blocks):
        block = blocks[end]
        found = note_label(block)
        if found:
            number, label, rest = found
            notes.append(Note(number, label, _clean_note_text(rest), block.line))
        elif block.kind == "heading" or not notes:
            break
        else:
            notes[-1].text += "\n\n" + _clean_note_text(block.text)
        end += 1
    heading = blocks[start].plain
    article.blocks = blocks[:start] + blocks[end:]
    article.notes.extend(notes)
    article.recognised.append(f"{len(notes)} notes listed under '{heading}'")


def take_title(article: Article) -> None:
    """Drop the heading that repeats the title, and short page furniture (kickers) above it."""
    wanted = rec.key(rec.plain(article.title))
    for index, block in enumerate(article.blocks[:15]):
        if rec.key(block.plain) == wanted:
            for before in article.blocks[:index]:
                if before.kind != "caption":
                    article.dropped.append(f"above the title: '{before.plain[:60]}'")
            article.blocks = [b for b in article.blocks[:index] if b.kind == "caption"] + article.blocks[index + 1:]
            return


def take_metadata(article: Article, head: int = 12) -> None:
    """Recognise byline and date lines near the top (and labelled ones anywhere) and take them out of the text."""
    kept = []
    for index, block in enumerate(article.blocks):
        text = block.plain
        near_top = index < head and block.kind != "heading"
        authors = rec.parse_byline(text, labelled_only=not near_top) if len(text) < 160 else None
        date = rec.date_line(text) if (near_top or rec.DATE_LABEL.match(text)) else None
        if authors is None and date is None and block.kind != "heading" and len(text) < 160:
            parts = re.split(r"\s+[|•·]\s+|\s+[—–]\s+", text)  # 'By A | 3 March 2021'
            if len(parts) > 1 and near_top:
                authors = rec.parse_byline(parts[0])
                date = next((d for d in map(rec.date_line, parts[1:]) if d), None)
                if not (authors and date):
                    authors = date = None
        if authors is not None or date is not None:
            if authors and not article.authors:
                article.authors = authors
                article.recognised.append(f"author: {', '.join(a for a, _ in authors)} (from '{text[:60]}')")
            if date and not article.date:
                article.date = date
                article.recognised.append(f"date: {date} (from '{text[:60]}')")
            continue
        if block.meta and near_top:
            article.dropped.append(f"page metadata: '{text[:60]}'")
            continue
        kept.append(block)
    article.blocks = kept


def drop_chrome_blocks(article: Article) -> None:
    """Drop share buttons, menus, copyright and cookie lines, and 'Related Articles' with all after it
    (up to a list of notes, which such pages sometimes put last)."""
    kept: list[Block] = []
    chrome: list[str] = []
    stopped, skipped = "", 0
    blocks = article.blocks

    def flush() -> None:
        if chrome:
            article.dropped.append("page chrome: " + ", ".join(f"'{c[:40]}'" for c in chrome))
            chrome.clear()

    for index, block in enumerate(blocks):
        text = block.plain
        short = block.kind == "heading" or len(text) <= 40
        neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
        if stopped:
            if short and rec.is_notes_heading(text):
                article.dropped.append(f"'{stopped}' and the {skipped} block(s) after it")
                stopped = ""
                kept.append(block)
            else:
                skipped += 1
        elif short and rec.is_stop_line(text):
            flush()
            stopped, skipped = text, 0
        elif (block.kind != "caption" and len(text) < 200 and rec.is_chrome_line(text)) or \
                (rec.is_menu_word(text) and any(rec.is_menu_word(b.plain) for b in neighbours)):
            chrome.append(text)
        else:
            flush()
            kept.append(block)
    flush()
    if stopped:
        article.dropped.append(f"'{stopped}' and the {skipped} block(s) after it")
    article.blocks = kept


# --- writing the chapter ------------------------------------------------------------------------------------

def yaml_string(markdown: str) -> str:
    return json.dumps(markdown, ensure_ascii=False)


def front_matter(article: Article, lang: str) -> list[str]:
    title = TOKEN.sub("", article.title).strip() or "Untitled"
    lines = ["---", f"title: {yaml_string(title)}"]
    if article.subtitle:
        lines.append(f"subtitle: {yaml_string(article.subtitle)}")
    if article.authors:
        lines.append("authors:")
        for name, affiliation in article.authors:
            lines.append(f"  - name: {yaml_string(escape(name))}")
            if affiliation:
                lines.append(f"    affiliation: {yaml_string(escape(affiliation))}")
    if article.date:
        lines.append(f"date: {article.date}")
    lines.append(f"lang: {article.lang or lang}")
    if article.abstract:
        lines.append("abstract: |")
        lines.extend("  " + line if line else "" for line in article.abstract.splitlines())
    lines.append("---")
    return lines


def _block_markdown(block: Block) -> str:
    text = escape_line_start(block.text.strip())
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + block.text.strip()
    if block.kind == "caption":
        return emphasis("*", block.text.strip()) if "*" not in block.text.replace("\\*", "") else text
    if block.kind == "item":
        return (f"{block.ordinal}. " if block.ordinal is not None else "- ") + block.text.strip()
    if block.kind == "quote":
        return "> " + text
    return text


def compose(article: Article, chapter: Path, lang: str, report: Report) -> tuple[str, int]:
    """The chapter as house-format Markdown, with each marker joined to its note; returns (text, notes written).

    A marker whose note is missing stays as [^missing-<label>] and one whose note is unused becomes
    [^unreferenced-<label>], so nothing is lost and the build names both until they are fixed."""
    notes = {}
    for note in article.notes:
        notes.setdefault(note.number, note)
    numbers: dict[int, int] = {}
    orphans: list[tuple[str, int | None, str]] = []

    def link(match: re.Match) -> str:
        value, label, line = int(match.group(1)), match.group(2), match.group(3)
        if value in notes:
            numbers.setdefault(value, len(numbers) + 1)
            return f"[^{numbers[value]}]"
        name = f"missing-{label}"
        orphans.append((label, int(line) if line else None, name))
        return f"[^{name}]"

    lines = front_matter(article, lang)
    previous = None
    for block in article.blocks:
        if not (block.kind == "item" and previous == "item"):
            lines.append("")
        lines.append(TOKEN.sub(link, _block_markdown(block)))
        previous = block.kind
    definitions = sorted((n, notes[v]) for v, n in numbers.items())
    unused = [note for value, note in notes.items() if value not in numbers]
    for number, note in definitions:
        lines += ["", _definition(str(number), note.text)]
    for note in unused:
        lines += ["", _definition(f"unreferenced-{note.label}", note.text)]
    text = "\n".join(lines) + "\n"
    _report_note_problems(article, chapter, text, orphans, unused, report)
    return text, len(definitions)


def _definition(label: str, text: str) -> str:
    paragraphs = text.split("\n\n")
    first = f"[^{label}]: {paragraphs[0]}"
    rest = ["    " + escape_line_start(p) for p in paragraphs[1:]]
    return "\n\n".join([first, *rest])


def _chapter_line(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _report_note_problems(article: Article, chapter: Path, text: str, orphans, unused, report: Report) -> None:
    for label, line, name in orphans:
        where = _chapter_line(text, f"[^{name}]")
        report.add("N001", f"note marker [{label}] has no note in the list of notes; the chapter keeps it as "
                   f"[^{name}] ({chapter.name}:{where}): write the note `[^{name}]: ...` or remove the marker",
                   SourceLocation(article.source, line))
    for note in unused:
        where = _chapter_line(text, f"[^unreferenced-{note.label}]:")
        report.add("N002", f"note {note.label} has no marker in the text; the chapter keeps it as "
                   f"[^unreferenced-{note.label}] ({chapter.name}:{where}): put its marker where it belongs "
                   "or delete the note", SourceLocation(article.source, note.line))
