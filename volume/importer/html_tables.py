"""Tables in an HTML page: a table of notes (a number cell and a text cell a row), a table laid out as a box of text
or a quotation, and the markers a table left out of the chapter still carries."""

from __future__ import annotations

import re

from lxml import etree

from volume.importer import recognise as rec
from volume.importer.article import Block
from volume.importer.html_markers import MARKER_TOKEN
from volume.importer.page_chrome import _words
from volume.importer.plain_markers import TABLE_DIGIT

TABLE_LEFT = "\\[A table of the source stands here, left out of the chapter; the notes it cites:\\]"


NUMBER_CELL = re.compile(r"\[?(?:\d{1,3}|[ivxl]{1,7})\]?[.)]?")


def table_rows(table: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """(number cell, text cell) for every row of a table whose rows each hold a note's number and its text, else []."""
    rows = []
    for row in table.iter("tr"):
        if next(row.iterancestors("table"), None) is not table:
            continue
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        filled = [c for c in cells if rec.squash(c.text_content())]
        if not filled:
            continue
        if len(cells) != 2 or len(filled) != 2 or not NUMBER_CELL.fullmatch(rec.squash(cells[0].text_content())):
            return []
        rows.append((cells[0], cells[1]))
    return rows


def one_column(table: etree._Element) -> bool:
    """Whether every row of a table holds a single cell (a layout box, not a table of data)."""
    rows = [r for r in table.iter("tr") if next(r.iterancestors("table"), None) is table]
    return bool(rows) and all(len([c for c in r if isinstance(c.tag, str) and c.tag in ("td", "th")]) == 1 for r in rows)


def _letters(cell: etree._Element) -> bool:
    return bool(re.search(r"[^\W\d_]", cell.text_content()))


def text_column(table: etree._Element) -> bool:
    """Whether every row of a table holds at most one cell with words in it, the others empty or an image (an older
    page's layout: a spacer or a picture beside each row of text), and some row does: one column of text."""
    rows = [r for r in table.iter("tr") if next(r.iterancestors("table"), None) is table]
    filled = [[c for c in r if isinstance(c.tag, str) and c.tag in ("td", "th") and _letters(c)] for r in rows]
    return any(filled) and all(len(f) <= 1 for f in filled)


FRAME_ROWS = 3  # a table with this many rows of text in one column holds an article laid out row by row
FRAME_GAIN = 2  # the rows together hold this many times the text of the densest one


def frame_of_rows(cell: etree._Element) -> etree._Element | None:
    """The element holding the table an article was laid out in row by row (an older page: each paragraph its own
    <tr>), when the densest block found is one of its cells: the whole column is the article, not that cell."""
    if cell.tag != "td":
        return None
    table = next(cell.iterancestors("table"), None)
    if table is None or table.find(".//table") is not None or not text_column(table) or link_share(table) > LINK_SHARE:
        return None
    cells = [c for c in own_cells(table) if _letters(c)]
    own = len(rec.squash(cell.text_content()))
    total = sum(len(rec.squash(c.text_content())) for c in cells)
    return table.getparent() if len(cells) >= FRAME_ROWS and total >= FRAME_GAIN * own else None


def tables_cited_elsewhere(blocks: list[Block]) -> list[Block]:
    """The blocks without the markers a table left out shares with the text (a table of contents repeats the
    markers of the headings it lists): a table's line keeps only the markers of notes the text cites nowhere else,
    and goes when none is left. A marker opening a block is a note's own label ('[3] The Preludio …' in the list of
    notes), no citation."""
    value = re.compile(r"\x00(\d+):")
    cited = {v for b in blocks if not b.text.startswith(TABLE_LEFT)
             for v in value.findall(MARKER_TOKEN.sub("", b.text.lstrip(), count=1) if MARKER_TOKEN.match(b.text.lstrip())
                                    else b.text)}
    kept = []
    for block in blocks:
        if block.text.startswith(TABLE_LEFT):
            own = [m for m in MARKER_TOKEN.findall(block.text) if value.match(m).group(1) not in cited]
            pending = "".join(m.group(0) for m in TABLE_DIGIT.finditer(block.text))  # a copy's digits glued to a cell, markers maybe
            if not own and not pending:
                continue
            block.text = TABLE_LEFT + "".join(own) + pending
        kept.append(block)
    return kept


def own_cells(table: etree._Element) -> list[etree._Element]:
    return [c for c in table.iter("td", "th") if next(c.iterancestors("table"), None) is table]


BOX_WORDS = 12  # a cell of this many words is a box's text, not a table's datum
LINK_SHARE = 0.25  # a box with more of its text in links than this is a navigation box, not text


def link_share(element: etree._Element) -> float:
    text = len(rec.squash(element.text_content()))
    return sum(len(rec.squash(a.text_content())) for a in element.iter("a")) / text if text else 1.0
BYLINE_WORDS = 6  # a quotation table's other cells hold marks or a short attribution ('— Vaclav Havel')


def text_box(table: etree._Element) -> bool:
    """A table laid out as a box of text, read as text (its paragraphs and their note markers stay), not a table of
    data to rebuild: one column of cells (a text box or sidebar Word keeps as a table, one cell or several), or a
    row or two with one cell of text and the rest quotation marks or an attribution (a wiki's quotation table)."""
    if table.find(".//table") is not None or link_share(table) > LINK_SHARE:  # (a navigation box: links)
        return False
    filled = [c for c in own_cells(table) if re.search(r"[^\W\d_]", c.text_content())]
    sizes = [len(rec.squash(c.text_content()).split()) for c in filled]
    if not sizes or max(sizes) < BOX_WORDS:
        return False
    if one_column(table) or text_column(table):
        return True
    rows = [r for r in table.iter("tr") if next(r.iterancestors("table"), None) is table]
    if len(rows) > 2 or len(sizes) > 2:
        return False
    return len(sizes) == 1 or min(sizes) <= BYLINE_WORDS


QUOTE_WORDS = {"quote", "quotation", "cquote", "quotebox", "epigraph"}


def quote_box(element: etree._Element) -> bool:
    """A box the page marks as a quotation (a wiki's 'quotebox', 'cquote'): read as a quotation, not as text."""
    return bool(_words(element) & QUOTE_WORDS) and not bool(_words(element) & {"pullquote", "pull"})


def cell_parts(cell: etree._Element) -> list[etree._Element]:
    """The paragraphs of a table cell, or the cell itself when it holds none."""
    parts = [p for p in cell.iter("p") if rec.squash(p.text_content())]
    return parts or [cell]
