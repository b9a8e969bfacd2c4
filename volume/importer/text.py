"""Plain text copied from a browser: the same article recognised line by line, page chrome left behind."""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import citations, header_reader, page_notes, plain_markers, text_frames, text_header
from volume.importer import recognise as rec
from volume.importer import words
from volume.importer.article import Article, Block, inline_text
from volume.importer.html_walk import MARKER_TOKEN, TABLE_LEFT, tables_cited_elsewhere
from volume.importer.byline import split_glued_dates, take_closing_byline, take_metadata
from volume.importer.settle import settle_notes
from volume.importer.citations import TOKEN
from volume.importer.marked_notes import SENTENCE_GOES_ON, lettered_notes

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


def _continues(previous: str, line: str, raw: str, wrapped: bool, shortest: int = 40) -> bool:
    """Whether `line` carries on the paragraph of `previous`: an indented continuation, or in hard-wrapped text
    a line that follows one of 40-100 characters (`shortest`-100: a PDF's narrow columns) broken mid-sentence."""
    if NOTE_START.match(line) or BULLET.match(line):
        return False
    if raw[:1].isspace():
        return True
    return wrapped and shortest <= len(previous) <= 100 and (not previous.endswith((".", "!", "?", ":"))
                                                       or line[:1].islower())


COLUMN = 20  # a line of a PDF's narrow column (a report's highlights) is this long at least


LABEL_ALONE = re.compile(r"^(?:" + words.BYLINE_LABELS + r"|by|von|par|" + words.DATE_LABELS + r")\s*:?$",
                         re.IGNORECASE)


DATE_LABEL_ALONE = re.compile(r"^(?:" + words.DATE_LABELS + r")\s*:?$", re.IGNORECASE)


KEYWORDS_ALONE = re.compile(r"^(?:keywords?|key words|schlüsselwörter|mots[- ]clés|ключевые слова)\s*:$", re.IGNORECASE)
KEYWORDS_LENGTH = 400  # a keywords line runs this long at most


def _join_labels(paragraphs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A byline's or date's label alone on its line ('Autor:' / 'Jane Doe', 'Veröffentlicht am' / '3. März 2021'),
    or a journal's 'Keywords:' over its list (a page's 'Kategorien:' stays alone: it closes the page), as pages that set label and value in blocks of their own copy them:
    one line again (the keywords' line then goes with the page's chrome, never a heading)."""
    joined: list[tuple[str, int]] = []
    for text, line in paragraphs:
        dating = joined and DATE_LABEL_ALONE.match(joined[-1][0])  # ('Updated' over a headline: no date to join)
        if joined and KEYWORDS_ALONE.match(joined[-1][0]) and len(text) <= KEYWORDS_LENGTH:
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        elif joined and LABEL_ALONE.match(joined[-1][0]) and len(text) <= 80 and (not dating or rec.parse_date(text)):
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        else:
            joined.append((text, line))
    return joined


ARROW_ONLY = re.compile(r"^(?:↵|↩\uFE0E?|↩︎|↑|\^)$")  # a reference's back-link, copied onto a line of its own


def _paragraphs(text: str, foot: page_notes.PageNotes | None = None,
                bars: list[tuple[str, int]] | None = None) -> list[tuple[str, int]]:
    """(text, line) per paragraph: one per line as browsers copy them, wrapped lines joined back together; lines in
    `foot` (notes at the pages' feet, running heads) are left out and the text closed up around them. A back-link
    alone on its line ('↵', as HighWire's reference lists copy) opens an item that runs to the next one or a blank
    line, its lines joined (a copy breaks the authors one a line); link bars in it go to `bars`.

    Text is hard-wrapped when no line runs past 100 characters (browsers put a paragraph on one line), or when it
    is a PDF's text (it had notes at its pages' feet)."""
    wrapped = bool(foot) or not any(len(line) > 100 and "://" not in line for line in text.splitlines())
    result: list[tuple[str, int]] = []
    lines: list[str] = []  # the physical lines of the last paragraph
    removed, marked = (foot.removed, foot.marked) if foot else (set(), {})
    kept = page_notes.kept_lines(text.splitlines(), removed, marked)
    item = barred = False  # inside a back-linked reference; after its link bar
    rows = list(page_notes.join_broken_titles(kept) if foot else kept)
    for position, (index, raw) in enumerate(rows):
        number = index + 1
        line = raw.strip()
        if not line:
            lines, item, barred = [], False, False
            continue
        if ARROW_ONLY.match(line):
            result.append((line, number))
            lines, item, barred = [line], True, False
            continue
        if item and citations.link_bar_line(line):
            if bars is not None:
                bars.append((line, number))
            barred = True  # the bar closes its reference: a line after it opens the next (an uncited one: no '↵')
            continue
        if item and barred and _bar_ahead(rows, position):  # an item without its '↵' (uncited), closed by its
            result.append(("↵ " + line, number))  # own bar: opened as the list's other items are, to be counted
            lines, barred = [line], False
            continue
        if item:
            glue = "" if re.match(r"[.,;:)]", line) else " "
            result[-1] = (result[-1][0] + glue + line, result[-1][1])
            lines.append(line)
            continue
        if lines and _continues(lines[-1], line, raw, wrapped, COLUMN if foot else 40):
            result[-1] = (result[-1][0] + " " + line, result[-1][1])
            lines.append(line)
        else:
            result.append((line, number))
            lines = [line]
    return result


def _symbol_note(line: str, blocks: list[Block]) -> bool:
    """'* Corresponding author …' after a text with a word marked '*' ('note.*'): a note the asterisk marks (see
    marked_notes.symbol_notes), no bullet item."""
    return line.startswith("* ") and any(re.search(r"(?:[^\W_]|[.,;:!?)\]\"”’»])\\\*" + SENTENCE_GOES_ON, b.text)
                                         for b in blocks)


def _bar_ahead(rows: list[tuple[int, str]], position: int) -> bool:
    """Whether a reference's link bar closes the lines from `position` on before a blank line or a back-link."""
    for _, raw in rows[position:position + 12]:
        line = raw.strip()
        if not line or ARROW_ONLY.match(line):
            return False
        if citations.link_bar_line(line):
            return True
    return False


def _captions(article: Article) -> None:
    """A credit line ('Photo: …') with the caption line before it becomes one italic caption."""
    kept: list[Block] = []
    for block in article.blocks:
        if rec.is_credit(block.plain):
            before = kept[-1] if kept else None
            # the line above a credit is its caption, even when short enough to pass for a heading
            if before is not None and before.kind == "para" and len(before.plain.split()) <= 60 \
                    and not TOKEN.search(before.text) and not rec.is_credit(before.plain) \
                    and not before.text.startswith(TABLE_LEFT):  # (a table's line left out: its source, no caption)
                kept[-1] = Block("caption", f"{before.text} {block.text}", before.line)
            else:
                kept.append(Block("caption", block.text, block.line))
            article.captions += 1
            continue
        kept.append(block)
    article.blocks = kept


SUBTITLE_WORDS = 6  # a heading-like first line of the text this long is the standfirst under the title


def _headings(article: Article) -> None:
    """A heading-like line followed by text is a heading; so are up to two heading-like lines straight above it
    ('Figuren' / 'Hauptfiguren' / 'Michael Knight' / text). A line of six words or more opening the text is the
    standfirst under the title, no heading."""
    blocks = article.blocks
    standfirst = blocks[0] if blocks and blocks[0].kind == "para" and len(blocks[0].plain.split()) >= SUBTITLE_WORDS \
        else None
    for block, following in zip(blocks, blocks[1:]):
        inner = rec.typed_emphasis(block.plain) if block.kind == "para" and following.kind == "para" else None
        if inner and rec.is_heading_like(inner):  # '*4) Die digitale Selbstbestimmung fördern *'
            block.text = inline_text(inner, block.line)
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _counter(blocks, index):
            continue
        if block.kind == "para" and following is not None and block is not standfirst and following.kind in ("para", "item") \
                and not following.text.startswith(TABLE_LEFT) \
                and rec.is_heading_like(block.plain) and not block.affiliation \
                and (not rec.is_heading_like(following.plain) or following.kind == "item"):
            block.kind = "heading"
            for above in reversed(blocks[max(0, index - 2):index]):
                if above.kind != "para" or not rec.is_heading_like(above.plain) or above is standfirst \
                        or above.affiliation:
                    break
                above.kind = "heading"


FRONT_REACH = 60  # blocks from the text's top in which a journal's header (authors, affiliations, editor) stands
ABSTRACT = re.compile(r"^(?:abstract|summary|zusammenfassung|résumé|аннотация|özet)\s*[:.]?$", re.IGNORECASE)
MARK_ONLY = re.compile(r"(?:\d{1,2}|[a-h]|\*|†|‡)")
CORRESPONDENCE = re.compile(r"^(?:authors? to whom correspondence|\*?\s*correspond(?:ence|ing author)\b|e-?mails?\s*:)",
                            re.IGNORECASE)
ADDRESS_COMMAS = 2  # 'Department of Biology, University of Salento, 73100 Lecce, Italy': an address's parts
MAIL = re.compile(r"@|\be-?mails?\s*:", re.IGNORECASE)  # an affiliation with its authors' addresses
DOI_LABEL = re.compile(r"^(?:\*\*)?doi\b", re.IGNORECASE)  # (a figure's 'DOI: …' line under its legend: the text's)


def _journal_front(article: Article) -> None:
    """A journal article's furniture as a copy keeps it, out of the text and named in the report: its label lines
    ('Editor: …', 'External Editor: …', 'Received: …', 'Citation: …', 'Copyright: …', see rec.journal_furniture),
    and above its abstract the affiliations set under a mark line of their own ('1' / 'Department of …, Italy'),
    the correspondence line and the marks themselves. Only in a text that has such a label line: a journal's."""
    blocks = article.blocks
    if not any(rec.journal_furniture(b.plain) for b in blocks[:FRONT_REACH]):
        return
    end = next((i for i, b in enumerate(blocks[:FRONT_REACH]) if ABSTRACT.match(b.plain)), 0)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.plain.strip()
        marked = index > 0 and MARK_ONLY.fullmatch(blocks[index - 1].plain.strip())
        why = None
        if rec.journal_furniture(text) and not DOI_LABEL.match(text):
            why = "a journal's label line"
        elif index < end and (MARK_ONLY.fullmatch(text) and index + 1 < len(blocks) and (
                citations.AFFILIATION_WORDS.search(blocks[index + 1].plain)
                or CORRESPONDENCE.match(blocks[index + 1].plain.strip()))):
            why = "an affiliation's mark"
        elif index < end and (citations.AFFILIATION_WORDS.search(text) and (marked or MAIL.search(text) or (
                text.count(",") >= ADDRESS_COMMAS and not text.endswith("."))) or CORRESPONDENCE.match(text)):
            why = "an affiliation or correspondence line of the journal's header"
        if why:
            article.dropped.append(f"{why} (line {block.line}): '{text[:60]}'")
            continue
        kept.append(block)
    article.blocks = kept


def _title_again(article: Article) -> None:
    """The title set a second time at the text's top (a page's breadcrumb or header over the date, then its
    heading), and a page's counters there ('1108' / '186'): the page's, not the text's."""
    wanted = rec.key(rec.plain(article.title))
    for index, block in enumerate(article.blocks[:TITLE_AGAIN]):
        if wanted and rec.key(block.plain) == wanted or _counter(article.blocks, index):
            article.dropped.append(f"{'the title again' if rec.key(block.plain) == wanted else 'a counter'} "
                                   f"(line {block.line}): '{block.plain[:60]}'")
    article.blocks = [b for i, b in enumerate(article.blocks) if i >= TITLE_AGAIN or not (
        wanted and rec.key(b.plain) == wanted or _counter(article.blocks, i))]


TITLE_AGAIN = 3  # lines at the text's top where the title set again or a page's counters are dropped
NUMBER_ONLY = re.compile(r"[\d\s.,]+[kKМмтыс.]*")


def _counter(blocks: list[Block], index: int) -> bool:
    """A line that is only a number beside another such line (a page's view and download counters '1108' / '186'),
    or one that cannot be a year: no heading."""
    if not NUMBER_ONLY.fullmatch(blocks[index].plain):
        return False
    neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
    year = re.fullmatch(r"1[5-9]\d\d|20\d\d", blocks[index].plain.strip())
    return not year or any(NUMBER_ONLY.fullmatch(b.plain) for b in neighbours)


CODE = re.compile(r"[;{}]\s*$|^\s*[{}]|==|!=|->|\w\(\S*\);|^\s*(?:#include|#define|import|def|return|if\s*\(|for\s*\()")


def looks_like_code(line: str) -> bool:
    """A line of program code copied with the page ('open(argv[1], O_RDONLY)'): its brackets are no markers."""
    return bool(CODE.search(line))


CELL_WORDS = 8  # a line straight under a table row this short is more of the row's last cell


def read_text(source: Path) -> Article:
    text, encoding = decode_text(source)
    article = read_plain(text, source)
    if encoding != "UTF-8":
        article.recognised.insert(0, f"encoding: {encoding}")
    return article


# 'link to page 4  link to page 6 …': the links a PDF-to-HTML conversion sets before a page's running head
PAGE_LINKS = re.compile(r"(?m)^(?:[ \t]*link to page \d+)+[ \t]*")


# 'Background ........ 1': a table of contents' line, with its dot leaders and page number
TOC_LINES = re.compile(r"(?m)^[ \t]*\S[^\n]{0,160}?(?:[ \t]?\.){6,}[ \t]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[ \t]*(?:\n|$)")


CELL_MARKER_BEFORE = re.compile(r"(?:(?<![\w-])(?=[^\W\d_]*[a-zà-ÿа-яё])[^\W\d_]{3,}|[^\W\d_][.,;)\]])$")


def _table_markers(article: Article, row: str, number: int, same_table: bool) -> None:
    """The note markers of a table row left out stay where the table stood, after a line saying so (see
    html_walk.table_markers): a row's markers join those of the rows above it in the same table."""
    markers = MARKER_TOKEN.findall(row)
    pending = [m.group(1) for m in plain_markers.weak_candidates(row)  # 'Kazakhstan5', 'reported.6' (not 'km2', 'CO2')
               if m.re is plain_markers.GLUED and CELL_MARKER_BEFORE.search(row[:m.start(1)])]
    if not markers and not pending:
        return
    last = article.blocks[-1] if article.blocks else None
    digits = "".join(f"{plain_markers.TABLE_DIGIT_MARK}{d}" for d in pending)
    if same_table and last is not None and last.text.startswith(TABLE_LEFT):
        last.text += "".join(m for m in markers if m not in last.text) + digits
    else:
        article.blocks.append(Block("para", TABLE_LEFT + "".join(dict.fromkeys(markers)) + digits, number))


def _table_digits_settled(article: Article) -> None:
    """A left-out table's digits that no note claimed are cell text, not markers: gone, and a table's line left
    without any marker goes too."""
    kept = []
    for block in article.blocks:
        if block.text.startswith(TABLE_LEFT) and plain_markers.TABLE_DIGIT_MARK in block.text:
            block.text = plain_markers.TABLE_DIGIT.sub("", block.text).replace(plain_markers.TABLE_DIGIT_MARK, "")
            if not MARKER_TOKEN.search(block.text):
                continue
        kept.append(block)
    article.blocks = kept


def read_plain(text: str, source: Path) -> Article:
    """The article in plain text: copied from a browser, or a PDF's text (also as a page converted from a PDF)."""
    article = Article(source=source)
    catalogue = text_frames.etext_catalogue(text)
    text, frame = text_frames.without_etext_frame(text)
    article.dropped.extend(frame)
    text, links = PAGE_LINKS.subn("", text)
    if links:
        article.dropped.append(f"{links} runs of page links a PDF's conversion left ('link to page 4 …')")
    text, entries = TOC_LINES.subn("\n", text)  # (blank lines: the pages keep their lines)
    if entries:
        article.dropped.append(f"table of contents: {entries} lines with dot leaders and page numbers")
    table_line = -2
    foot = page_notes.find(text)
    if foot:
        article.recognised.append(f"{len(foot.notes)} notes at the pages' feet (a PDF's text), numbered "
                                  f"{foot.notes[0].number}–{foot.notes[-1].number}")
        if foot.skipped:
            article.recognised.append(f"no page-foot note found for {', '.join(map(str, foot.skipped))} (its marker "
                                      "or note not where a page's foot has it): left in the text as it stands")
        for index, line in sorted(foot.furniture.items()):
            article.dropped.append(f"running head or folio the pages repeat (line {index + 1}): '{line[:60]}'")
    bars: list[tuple[str, int]] = []
    for line, number in _join_labels(_paragraphs(text, foot, bars)):
        heading = rec.without_edit_links(line) != line  # '[Bearbeiten] Hintergrund': a wiki's heading
        line = rec.without_edit_links(line)
        in_cell = number == table_line + 1 and len(line.split()) <= CELL_WORDS and not heading and \
            not line.endswith((".", "!", "?"))
        if "\t" in line or in_cell:  # a table row as browsers copy it: cells between tabs, a cell's further lines
            article.dropped.append(f"table row (line {number}): '{rec.squash(line)[:60]}': rebuild the table by hand")
            _table_markers(article, inline_text(line, number, markers=True), number, table_line == number - 1)
            table_line = number
            continue
        bullet = BULLET.match(line)
        kind = "item" if bullet and not NOTE_START.match(line) and not _symbol_note(line, article.blocks) else "para"
        article.blocks.append(Block(kind, inline_text(line[bullet.end():] if kind == "item" else line, number,
                                                      markers=not looks_like_code(line)), number))
    for line, number in bars:
        article.dropped.append(f"link bar under a reference (line {number}): '{line[:60]}'")
    split_glued_dates(article)  # ('27.01.2022MineralölINFO …': a kicker's date glued to the title)
    text_header.join_broken_title(article)
    article.header = [b.plain for b in article.blocks[:header_reader.HEAD_LINES]]
    article.lang = rec.guess_language(text)
    month_first = rec.month_first(article.lang)
    site_person = next((n for n in (rec.personal_site_name(b.plain) for b in article.blocks[:4]) if n), None)
    cover = page_notes.cover_title(text, foot) if foot else None
    if not text_header.running_head_title(article, foot) \
            and not (cover and text_header.take_cover_title(article, *cover)) and not text_header.title_over_date(article) \
            and not text_frames.wiki_title(article):
        text_header.take_title(article)
    take_metadata(article)
    _title_again(article)
    if not foot and not article.date:
        text_header.month_only_date(article)
    if foot and not article.date:
        text_header.first_date_line(article)
    if article.wiki:
        text_frames.wiki_header(article)
    else:
        text_header.bare_byline(article)
        header_reader.settle_header(article)
    take_closing_byline(article, month_first)
    if not article.date:
        text_header.labelled_date(article, month_first)
    text_frames.catalogue_header(article, *catalogue, text)
    if not article.authors and site_person:
        article.authors = [(site_person, "")]
        article.recognised.append(f"author: {site_person} (the site's name at the top: a person's)")
    _captions(article)
    article.blocks = tables_cited_elsewhere(article.blocks)
    if not foot:
        article.blocks, lettered = lettered_notes(article.blocks)
        if lettered:
            article.notes.extend(lettered)
            last = lettered[-1].label
            article.recognised.append(f"{len(lettered)} lettered notes ([a]–[{last}]) in their own list")
    settle_notes(article, plain_digit_markers=True, page_notes=foot.notes if foot else None)
    _journal_front(article)  # (after the notes are settled: a run of menu lines is judged with its label lines in it)
    _table_digits_settled(article)
    _headings(article)
    return article
