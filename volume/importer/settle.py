"""Page chrome left out of an article's blocks and its notes settled: the list found, markers joined to it."""

from __future__ import annotations

import re

from volume.importer import citations, furniture, marked_notes, notes, notes_list, plain_markers
from volume.importer import recognise as rec
from volume.importer.article import TEXT_KINDS, Article, Block, drop_block
from volume.importer.citations import TOKEN
from volume.importer.notes import Note


FILE_LINE = re.compile(r"^(?:\*\*)?Format:\s*\S{2,6}\s+Size:\s*\d[\d.,]*\s?(?:[KMG]i?B|kB)\b", re.IGNORECASE)
SUPPLEMENT_TITLE = re.compile(r"^(?:\*\*)?(?:Additional|Supplementary|Supporting)\s+(?:file|material|data|information|"
                              r"table|figure|dataset)\s+S?\d+\b", re.IGNORECASE)  # 'Additional file 2: Figure S2.'
VIEWER_LINE = re.compile(r"^This file can be viewed with\b", re.IGNORECASE)
TEASER_WORDS = 15  # a line after an early stop line this short is a link to another article
CLOSING_SHARE = 0.25  # a closing line ends the article when less than this much text follows it


def _text_size(blocks: list[Block]) -> int:
    return sum(len(b.plain) for b in blocks if b.kind in TEXT_KINDS and len(b.plain.split()) >= 25)


def _ends_article(blocks: list[Block], index: int, kept: list[Block], tail: bool) -> bool:
    """Whether a stop or closing line at `index` closes the article: little of the text follows it."""
    after, before = _text_size(blocks[index + 1:]), _text_size(kept)
    if not tail and not any(b.kind in ("para", "quote") for b in kept):
        return False  # nothing of the article yet: a stop line above its text closes nothing
    return tail or after <= CLOSING_SHARE * before or (after < before and rec.is_stop_line(blocks[index].plain))


def drop_chrome(article: Article, blocks: list[Block], tail: bool = False,
                repeated: set[str] | None = None) -> list[Block]:
    """`blocks` without share buttons, menus, copyright and cookie lines, and without 'Related Articles' (or a
    copyright line) and all after it when it closes the article; without runs of menu lines above or below the
    text and short lines the page repeats (`repeated`); every block left out is named in the report.
    Never called on the list of notes."""
    kept: list[Block] = []
    linked = article.source.suffix.lower() in (".html", ".htm", ".xhtml", ".docx")  # its menus are links
    menus = furniture.menu_runs(blocks, linked=linked)
    index = 0
    while index < len(blocks):
        block, text = blocks[index], blocks[index].plain
        if index in menus:
            drop_block(article, block, "navigation (a run of menu lines)")
            index += 1
            continue
        if repeated and furniture.line_key(text) in repeated and block.kind != "heading":
            drop_block(article, block, "a line the page repeats (buttons, a tool bar)")
            index += 1
            continue
        short = block.kind == "heading" or len(text) <= 40
        neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
        stop = short and rec.is_stop_line(text)
        if (stop or rec.is_closing_line(text)) and _ends_article(blocks, index, kept, tail):
            for rest in blocks[index:]:
                drop_block(article, rest, f"'{text[:40]}' and after it")
            break
        if short and rec.is_toc_heading(text):
            index = _drop_contents(article, blocks, index)
            continue
        if rec.is_pager_word(text) and index + 1 < len(blocks) and len(blocks[index + 1].plain.split()) <= TEASER_WORDS:
            drop_block(article, block, "previous / next links")  # 'Previous' / 'Chapter 5 - Eliminating Toil'
            drop_block(article, blocks[index + 1], "previous / next links")
            index += 2
            continue
        if stop:  # early in the text: the line and the short teasers under it
            drop_block(article, block, f"'{text}'")
            index += 1
            while index < len(blocks) and len(blocks[index].plain.split()) <= TEASER_WORDS \
                    and blocks[index].kind != "heading" and not _ends_teasers(blocks[index]):
                drop_block(article, blocks[index], f"after '{text}'")
                index += 1
            continue
        if FILE_LINE.match(text):  # a supplementary file's box as a copy keeps it: its title, the format and size line
            if kept and SUPPLEMENT_TITLE.match(kept[-1].plain):  # and the viewer's name; the file is not in the book
                drop_block(article, kept.pop(), "a supplementary file's box")
            drop_block(article, block, "a supplementary file's box")
            if index + 1 < len(blocks) and VIEWER_LINE.match(blocks[index + 1].plain):
                drop_block(article, blocks[index + 1], "a supplementary file's box")
                index += 1
            index += 1
            continue
        if getattr(block, "lone_marker", False):  # a marker link set in a paragraph of its own (a margin's note
            kept.append(block)  # call): the text's marker, no chrome
        elif (block.kind != "caption" and len(text) < 200 and rec.is_chrome_line(text)) or \
                rec.is_licence_statement(text) or \
                (rec.is_menu_word(text) and any(rec.is_menu_word(b.plain) for b in neighbours)):
            drop_block(article, block, "page chrome")
        else:
            kept.append(block)
        index += 1
    return kept


SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?=\S)")
TOC_ENTRY_WORDS = 14


def _drop_contents(article: Article, blocks: list[Block], index: int) -> int:
    """Leave out a table of contents: its heading and the entries under it, short lines that are numbered
    ('2.1 Hauptfiguren') or name a later line of the text; returns where the text goes on."""
    drop_block(article, blocks[index], "table of contents")
    last = {rec.key(b.plain): at for at, b in enumerate(blocks)}  # where each line's text last stands
    position = index + 1

    def entry(at: int) -> bool:
        text = blocks[at].plain if at < len(blocks) else ""
        if not text or len(text.split()) > TOC_ENTRY_WORDS or blocks[at].kind == "caption":
            return False
        bare = SECTION_NUMBER.sub("", text)
        toggle = re.fullmatch(r"\[\s*\w+\s*\]", text.strip())  # '[hide]', '[убрать]'
        return bool(toggle) or bare != text or last.get(rec.key(bare), -1) > at  # named again further on

    while position < len(blocks) and (entry(position) or (entry(position + 1) and position + 1 < len(blocks)
                                                          and rec.is_heading_like(blocks[position].plain))):
        drop_block(article, blocks[position], "table of contents")
        position += 1
    return position


def _ends_teasers(block: Block) -> bool:
    return block.kind != "item" and rec.is_heading_like(block.plain) is False and len(block.plain.split()) > 8


def settle_notes(article: Article, plain_digit_markers: bool = False, page_notes: list[Note] | None = None) -> None:
    """Find the list of notes first, drop page chrome around it (never inside it), take its notes out of the
    text, and (for copied text) turn plain digits that continue the sequence of markers into markers. `page_notes`
    are notes already taken from the pages' feet of a PDF's text: their markers are the plain digits."""
    if page_notes:
        article.blocks = drop_chrome(article, article.blocks, repeated=furniture.repeated_lines(article.blocks))
        article.notes.extend(page_notes)
        recovered = plain_markers.recover_markers(article.blocks, {n.number for n in page_notes})
        if recovered:
            article.recognised.append(f"{recovered} note markers typed as plain digits after words")
        return
    affiliations = citations.affiliation_marks(article.blocks, rec.name_list)
    if affiliations:
        article.recognised.append(f"authors' affiliation numbers above the text, no notes (line "
                                  f"{affiliations[0].line})")
    blocks, symbols = marked_notes.symbol_notes(article.blocks)
    if symbols:
        article.notes.extend(symbols)
        article.recognised.append(f"{len(symbols)} notes marked with symbols ({', '.join(n.label for n in symbols)})")
    prose = [b for b in blocks if not any(b is a for a in affiliations)]
    if citations.unspace_brackets(prose):
        article.recognised.append("bracketed citations spaced as a copy leaves them ('[ 12 ]', '[ 5 , 10 ]')")
    weak = plain_markers.weak_numbers(prose) if plain_digit_markers else set()
    found = notes_list.locate(blocks, weak)
    if found is None:
        article.blocks = drop_chrome(article, blocks, repeated=furniture.repeated_lines(blocks))
        _bare_superscripts_back(article, set())
        return
    outside = blocks[:found.start] + found.between + blocks[found.end:]
    repeated = furniture.repeated_lines(outside)
    before = drop_chrome(article, blocks[:found.start] + found.between, repeated=repeated)
    for block in found.skipped:
        drop_block(article, block, "a heading between two lists of notes")
    after = drop_chrome(article, blocks[found.end:], tail=True, repeated=repeated)
    article.blocks = before + after
    bar = furniture.strip_link_bars(found.notes) or citations.strip_lone_bars(found.notes)
    if bar:
        article.dropped.append(f"the link bar under the notes: {' · '.join(bar)}")
    runs = citations.strip_bar_runs(found.notes)
    if runs:
        article.dropped.append(f"{len(runs)} link bars inside the notes, e.g. '{runs[0]}'")
    article.notes.extend(found.notes)
    _bare_superscripts_back(article, {n.number for n in article.notes})
    prose_before = [b for b in before if not any(b is a for a in affiliations)]
    grouped, article.unjoined = citations.expand_groups(prose_before, {n.number for n in found.notes})
    if grouped:
        article.recognised.append(f"{grouped} note markers printed in groups ('[6, 7]', '[14–17]')")
    article.notes_heading = found.heading
    where = f"under '{found.heading}'" if found.heading else "closing the article"
    counted = "" if found.numbered else " (the copy lost their numbers: counted in order)"
    article.recognised.append(f"{len(found.notes)} notes listed {where}{counted}")
    if plain_digit_markers or (found.heading and not notes.referenced(prose_before)):  # (a page whose
        numbers = {n.number for n in found.notes}  # superscripts were only CSS: 'widely1,2.' in it and its Word file)
        recovered = plain_markers.recover_paren_groups(prose_before, numbers)
        recovered += plain_markers.recover_markers(prose_before, numbers)
        in_order = len(notes.referenced(prose_before) & numbers) >= plain_markers.IN_ORDER_SHARE * len(numbers)
        recovered += plain_markers.recover_cited(prose_before, numbers, in_order)  # cited again or out of order: only
        # where nothing but a marker can stand
        if recovered:
            article.recognised.append(f"{recovered} note markers typed as plain digits after words")


def _bare_superscripts_back(article: Article, numbers: set[int]) -> None:
    """An unlinked superscript number that no note of the list carries ('Tyr<sup>33</sup>', an isotope's mass, a
    position) is text, not a marker: it stays a superscript instead of getting a '[note missing]' placeholder (a
    linked marker without its note still gets one)."""
    if not article.bare_superscripts:
        return
    def back(match: re.Match) -> str:
        label = match.group(2)
        return f"^{label}^" if label in article.bare_superscripts and int(match.group(1)) not in numbers \
            else match.group(0)
    for block in article.blocks:
        block.text = TOKEN.sub(back, block.text)
