"""Plain text copied from a browser: the same article recognised line by line, page chrome left behind."""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import recognise as rec
from volume.importer.article import (
    Article,
    Block,
    inline_text,
    settle_notes,
    take_metadata,
)
from volume.importer.notes import TOKEN

BULLET = re.compile(r"^[•·▪‣◦\-–*]\s+")
NOTE_START = re.compile(r"^(?:\[(?:\d{1,3}|[ivxl]{1,7})\]|(?:\d{1,3}|[ivxl]{1,7})[.)])\s")


def decode_text(source: Path) -> tuple[str, str]:
    data = source.read_bytes()
    if b"\x00" in data:
        raise VolumeError.single("P005", "the file holds binary data (NUL bytes); is it the right file?",
                                 SourceLocation(source))
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise VolumeError.single("P005", "not UTF-8 text; save the copied text as UTF-8 and import it again",
                                 SourceLocation(source, line)) from None


def _continues(previous: str, line: str, raw: str, wrapped: bool) -> bool:
    """Whether `line` carries on the paragraph of `previous`: an indented continuation, or in hard-wrapped text
    a line that follows one of 40-100 characters broken mid-sentence."""
    if NOTE_START.match(line) or BULLET.match(line):
        return False
    if raw[:1].isspace():
        return True
    return wrapped and 40 <= len(previous) <= 100 and (not previous.endswith((".", "!", "?", ":"))
                                                       or line[:1].islower())


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """(text, line) per paragraph: one per line as browsers copy them, wrapped lines joined back together.

    Text is hard-wrapped when no line runs past 100 characters (browsers put a paragraph on one line)."""
    wrapped = not any(len(line) > 100 and "://" not in line for line in text.splitlines())
    result: list[tuple[str, int]] = []
    lines: list[str] = []  # the physical lines of the last paragraph
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            lines = []
            continue
        if lines and _continues(lines[-1], line, raw, wrapped):
            result[-1] = (result[-1][0] + " " + line, result[-1][1])
            lines.append(line)
        else:
            result.append((line, number))
            lines = [line]
    return result


def _is_metadata(text: str) -> bool:
    return bool(rec.parse_byline(text) or rec.date_line(text))


def _is_furniture(text: str) -> bool:
    return rec.is_chrome_line(text) or rec.is_menu_word(text) or rec.is_credit(text)


def _take_title(article: Article) -> None:
    """The title: the last heading-like line before the byline or date (a standfirst between them becomes the
    abstract), else the first line that is not page chrome. Lines above it are the site's, not the article's."""
    blocks = article.blocks
    first_meta = next((i for i, b in enumerate(blocks[:40]) if _is_metadata(b.plain)), None)
    title_at, abstract = None, []
    if first_meta is not None:
        for index in range(first_meta - 1, -1, -1):
            text = blocks[index].plain
            if _is_furniture(text):
                continue
            if rec.is_heading_like(text):
                title_at = index
                break
            abstract.insert(0, blocks[index])
    if title_at is None:
        abstract = []
        title_at = next((i for i, b in enumerate(blocks) if not _is_furniture(b.plain)), None)
    if title_at is None:
        return
    article.title = blocks[title_at].text
    article.recognised.append(f"title: {blocks[title_at].plain} (line {blocks[title_at].line})")
    if abstract:
        article.abstract = TOKEN.sub("", " ".join(b.text for b in abstract))
        article.recognised.append(f"abstract: the standfirst below the title (line {abstract[0].line})")
    if title_at:
        article.dropped.append("above the title (site name, menus, breadcrumbs): "
                               + ", ".join(f"'{b.plain[:40]}'" for b in blocks[:title_at]))
    taken = {id(b) for b in abstract}
    article.blocks = [b for b in blocks[title_at + 1:] if id(b) not in taken]


def _captions(article: Article) -> None:
    """A credit line ('Photo: …') with the caption line before it becomes one italic caption."""
    kept: list[Block] = []
    for block in article.blocks:
        if rec.is_credit(block.plain):
            before = kept[-1] if kept else None
            if before is not None and before.kind == "para" and len(before.plain.split()) <= 60 \
                    and not rec.is_heading_like(before.plain) and not TOKEN.search(before.text):
                kept[-1] = Block("caption", f"{before.text} {block.text}", before.line)
            else:
                kept.append(Block("caption", block.text, block.line))
            article.captions += 1
            continue
        kept.append(block)
    article.blocks = kept


def _headings(article: Article) -> None:
    blocks = article.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "para" and following is not None and following.kind in ("para", "item") \
                and rec.is_heading_like(block.plain) \
                and (not rec.is_heading_like(following.plain) or following.kind == "item"):
            block.kind = "heading"


def read_text(source: Path) -> Article:
    text, encoding = decode_text(source)
    article = Article(source=source)
    if encoding != "UTF-8":
        article.recognised.append(f"encoding: {encoding}")
    for line, number in _paragraphs(text):
        bullet = BULLET.match(line)
        kind = "item" if bullet and not NOTE_START.match(line) else "para"
        article.blocks.append(Block(kind, inline_text(line[bullet.end():] if kind == "item" else line, number),
                                    number))
    _take_title(article)
    take_metadata(article)
    _captions(article)
    settle_notes(article, plain_digit_markers=True)
    _headings(article)
    return article
