"""Typographic counts read from a built PDF: hyphenated line ends and where they fall, and notes' alignment.

Each character is read with pdfium (its position, size and marked-content id) and placed in the document's
structure tree through the page's parent tree (pikepdf), so a line knows whether it is a heading, a contents
entry, a note, a paragraph's last line or a running head (an artifact at the top of a page). Used by
tests/test_typography.py and printed by `python3 bench/typography.py dist/<slug>.pdf`.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

AUTO_HYPHEN = "\u2010"  # what WeasyPrint draws at a break it made (hyphenate-character's default)
HYPHENS = (AUTO_HYPHEN, "-")
SENTENCE_END = re.compile(r"[.!?:\u201d\u2019)]$")


@dataclass
class Line:
    page: int  # 0-based index in the PDF
    text: str
    x: float  # left edge of the first character
    right: float  # right edge of the last character
    y: float  # baseline
    size: float  # font size of most of its characters
    height: float  # the page's height
    path: tuple[tuple[str, tuple[int, int]], ...]  # structure types from the root, each with its object id
    chars: list[tuple[str, float, float]] = field(default_factory=list)  # (character, left edge, right edge)
    first_size: float = 0.0  # the size of its leftmost character

    @property
    def block(self) -> tuple[int, int] | None:
        """The innermost block element (paragraph, list body, heading) the line belongs to."""
        for kind, ident in reversed(self.path):
            if kind in BLOCKS:
                return ident
        return None

    def kinds(self) -> set[str]:
        return {kind for kind, _ in self.path}

    @property
    def artifact(self) -> bool:
        """Folios (untagged) and running heads (in the top margin): not the text of the page."""
        return not self.path or self.running_head

    @property
    def running_head(self) -> bool:
        """WeasyPrint tags a margin box's text as a span in a NonStruct element right under the document."""
        return [kind for kind, _ in self.path] == ["Document", "NonStruct", "Span"] and self.y > self.height * 0.75

    def ends_hyphen(self, auto_only: bool = False) -> bool:
        text = self.text.rstrip()
        return text.endswith(AUTO_HYPHEN) if auto_only else text.endswith(HYPHENS)


BLOCKS = {"P", "LBody", "H1", "H2", "H3", "H4", "H5", "H6", "Caption", "TOCI", "BlockQuote"}
HEADINGS = {"H1", "H2", "H3", "H4", "H5", "H6"}


def _structure(pdf) -> dict[int, dict[int, tuple]]:
    """For each page index, its marked-content ids mapped to the structure path (type, object id) from the root."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return {}
    leaves: dict[int, object] = {}
    stack = [root.ParentTree]
    while stack:  # a number tree: /Nums leaves, /Kids intermediate nodes
        node = stack.pop()
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums), 2):
                leaves[int(nums[i])] = nums[i + 1]
        stack.extend(node.get("/Kids", []))
    paths: dict[tuple[int, int], tuple] = {}

    def path_of(element) -> tuple:
        key = element.objgen
        if key in paths:
            return paths[key]
        parent = element.get("/P")
        above = path_of(parent) if parent is not None and "/S" in parent else ()
        paths[key] = above + ((str(element.S)[1:], key),)
        return paths[key]

    out: dict[int, dict[int, tuple]] = {}
    for index, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        if key is None or int(key) not in leaves:
            continue
        array = leaves[int(key)]
        if not isinstance(array, pikepdf.Array):
            continue
        out[index] = {mcid: path_of(el) for mcid, el in enumerate(array) if isinstance(el, pikepdf.Dictionary)}
    return out


def read_lines(pdf_path: Path) -> list[Line]:
    """The PDF's text as lines in reading order, each placed in the structure tree."""
    import pikepdf
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    with pikepdf.open(pdf_path) as pdf:
        structure = _structure(pdf)
    document = pdfium.PdfDocument(str(pdf_path))
    lines: list[Line] = []
    try:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            fragments = _fragments(raw, text_page, index, page.get_height(), structure.get(index, {}))
            lines.extend(_merge(fragments))
            text_page.close()
            page.close()
    finally:
        document.close()
    return lines


def _fragments(raw, text_page, index: int, height: float, mcids: dict) -> list[Line]:
    """Runs of characters in drawing order that go rightwards along one baseline (a raised note number joins)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = raw.FS_MATRIX()
    fragments: list[Line] = []
    current: Line | None = None
    for i in range(raw.FPDFText_CountChars(text_page.raw)):
        char = chr(raw.FPDFText_GetUnicode(text_page.raw, i))
        if raw.FPDFText_IsGenerated(text_page.raw, i) and char in "\r\n":
            continue
        obj = raw.FPDFText_GetTextObject(text_page.raw, i)
        mcid = raw.FPDFPageObj_GetMarkedContentID(obj) if obj else -1
        raw.FPDFText_GetCharOrigin(text_page.raw, i, x, y)
        raw.FPDFText_GetCharBox(text_page.raw, i, left, right, bottom, top)
        raw.FPDFText_GetMatrix(text_page.raw, i, matrix)  # the font size is in text space: scale it to points
        size = raw.FPDFText_GetFontSize(text_page.raw, i) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        path = mcids.get(mcid, ()) if mcid >= 0 else ()
        if char.isspace():
            if current is not None:
                current.chars.append((" ", x.value, x.value))
            continue
        if current is None or _starts_line(current, x.value, y.value, size, path):
            current = Line(index, "", x.value, right.value, y.value, size, height, path, first_size=size)
            fragments.append(current)
        current.chars.append((char, left.value, right.value))
        current.right = max(current.right, right.value)
        if size >= current.size * 0.95 and not current.path and path:
            current.path = path
    return fragments


def _same_line(line: Line, fragment: Line) -> bool:
    if line.block is None or line.block != fragment.block:
        return False
    if max(fragment.x - line.right, line.x - fragment.right) > 2 * max(line.size, fragment.size):
        return False  # a contents line's page number, set apart at the right: not part of the line's text
    if abs(line.y - fragment.y) <= 1.5:
        return True
    small, big = (fragment, line) if fragment.size < line.size else (line, fragment)
    return small.size < big.size * 0.85 and 0 < small.y - big.y < big.size


def _merge(fragments: list[Line]) -> list[Line]:
    """Fragments of one block on one baseline (drawn apart, as a floated note number) made one line, in the
    order their first pieces were drawn."""
    lines: list[Line] = []
    for fragment in fragments:
        host = next((line for line in reversed(lines[-8:]) if _same_line(line, fragment)), None)
        if host is None:
            lines.append(fragment)
            continue
        if fragment.x < host.x:
            host.first_size = fragment.first_size or fragment.size
        if fragment.size > host.size:  # the host was a raised note number alone: the fragment's baseline rules
            host.y, host.size, host.path = fragment.y, fragment.size, fragment.path
        host.chars = sorted(host.chars + [(" ", fragment.x, fragment.x)] + fragment.chars, key=lambda c: c[1])
        host.x, host.right = min(host.x, fragment.x), max(host.right, fragment.right)
    for line in lines:
        line.text = re.sub(r" +", " ", "".join(c for c, _, _ in line.chars)).strip()
    return lines


def _starts_line(line: Line, x: float, y: float, size: float, path: tuple) -> bool:
    last_x = line.chars[-1][1] if line.chars else line.x
    if x < last_x - 2:  # back to the left: a new line (or the next column)
        return True
    drawn = [right for char, _left, right in line.chars if char != " "]
    if drawn and x > drawn[-1] + 2 * line.size:
        return True  # far to the right on the same baseline: a contents line's page number, set apart
    if abs(y - line.y) <= 1.5:
        return False
    # A raised or lowered smaller character (a note reference) stays on its line; anything else starts one.
    return not (size < line.size * 0.85 and abs(y - line.y) < line.size)


@dataclass
class Counts:
    lines: int = 0
    hyphenated: int = 0  # lines ending in a hyphen (a break the engine made, or a hyphen of the word itself)
    auto: int = 0  # of those, breaks the engine made (U+2010)
    runs3: int = 0  # runs of three or more consecutive hyphenated lines in one block
    longest_run: int = 0
    runs3_auto: int = 0  # runs of three or more consecutive lines the engine hyphenated
    longest_auto_run: int = 0
    capitalised: int = 0  # capitalised words broken by the engine
    names_midsentence: int = 0  # of those, not the first word of a sentence
    short_fragments: int = 0  # a break leaving one or two letters on either side
    penultimate: int = 0  # a paragraph's second-to-last line broken (its last word split)
    headings: int = 0
    contents: int = 0
    running_heads: int = 0
    notes: int = 0  # notes' lines ending in an engine hyphen
    noteref_starts: int = 0  # lines of text that begin with a note reference (a raised number)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def example(self, kind: str, text: str) -> None:
        self.examples.setdefault(kind, [])
        if len(self.examples[kind]) < 8:
            self.examples[kind].append(text)


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0] if text else ""


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def count_hyphenation(lines: list[Line]) -> Counts:
    counts = Counts()
    contents_pages = _contents_pages(lines)
    text_lines = [line for line in lines if not line.artifact]
    counts.lines = len(text_lines)
    last_of_block = _paragraph_ends(text_lines)
    in_notes = _notes_lines(text_lines)
    run = auto_run = 0
    for i, line in enumerate(text_lines):
        following = text_lines[i + 1] if i + 1 < len(text_lines) else None
        same_block = (following is not None and line.block is not None
                      and (following.block == line.block or following.page == line.page + 1 and "P" in following.kinds()))
        if not line.ends_hyphen(auto_only=True):
            auto_run = 0
        if not line.ends_hyphen():
            run = 0
            continue
        counts.hyphenated += 1
        run += 1
        counts.longest_run = max(counts.longest_run, run)
        if run == 3:
            counts.runs3 += 1
            counts.example("runs3", f"p{line.page + 1}: {line.text[-30:]}")
        if not line.ends_hyphen(auto_only=True):
            run = run if same_block else 0
            continue
        counts.auto += 1
        auto_run += 1
        counts.longest_auto_run = max(counts.longest_auto_run, auto_run)
        if auto_run == 3:
            counts.runs3_auto += 1
            counts.example("runs3_auto", f"p{line.page + 1}: {line.text[-30:]}")
        if not same_block:
            run = auto_run = 0
        words = line.text[:-1].split(" ")
        head = words[-1]
        tail = _first_word(following.text) if same_block else ""
        word = f"{head}{tail}"
        where = f"p{line.page + 1}: {head}\u2010{tail}"
        if _letters(head)[:1].isupper():
            counts.capitalised += 1
            before = words[-2] if len(words) > 1 else ""
            if before and not SENTENCE_END.search(before):
                counts.names_midsentence += 1
                counts.example("names", where)
        if 0 < len(_letters(head)) <= 2 or (tail and len(_letters(tail)) <= 2 and word):
            counts.short_fragments += 1
            counts.example("short", where)
        if following is not None and (i + 1) in last_of_block and _continues(line, following):
            counts.penultimate += 1
            counts.example("penultimate", where)
        kinds = line.kinds()
        if kinds & HEADINGS:
            counts.headings += 1
            counts.example("headings", where)
        if line.page in contents_pages:
            counts.contents += 1
            counts.example("contents", where)
        if i in in_notes:
            counts.notes += 1
    for i, line in enumerate(text_lines):
        first = next(((c, left) for c, left, _ in line.chars if c != " "), None)
        previous = text_lines[i - 1] if i else None
        alone = (line.text.isdigit() and previous is not None and previous.block == line.block
                 and line.size < previous.size * 0.85)  # a note number left alone on the paragraph's last line
        if first and first[0].isdigit() and (_raised_first(line) or alone):
            counts.noteref_starts += 1
            counts.example("note reference first on a line", f"p{line.page + 1}: {line.text[:30]}")
    for line in lines:
        if line.running_head and line.text.rstrip().endswith(AUTO_HYPHEN):
            counts.running_heads += 1
            counts.example("running heads", f"p{line.page + 1}: {line.text}")
    return counts


def _raised_first(line: Line) -> bool:
    """The line's first character is smaller than the line's type (a superscript note number)."""
    return bool(line.first_size) and line.first_size < line.size * 0.85


def _paragraph_ends(lines: list[Line]) -> set[int]:
    """Indexes of the lines that end a paragraph (WeasyPrint tags a paragraph again on each page: one that runs
    on is told by its last line on the page filling the measure and being the page's last line of text)."""
    last: dict[object, int] = {}
    for i, line in enumerate(lines):
        if line.block is not None:
            last[line.block] = i
    page_last = {line.page: i for i, line in enumerate(lines)}
    width = {}
    for line in lines:
        width[line.page] = max(width.get(line.page, 0.0), line.right)
    return {i for i in last.values()
            if not (page_last[lines[i].page] == i and lines[i].right > width[lines[i].page] - 1.5)}


def _continues(line: Line, following: Line) -> bool:
    """The next line carries on the same paragraph (on the same page, or at the top of the next)."""
    return following.block == line.block or following.page == line.page + 1


def _page_headings(lines: list[Line]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for line in lines:
        kinds = line.kinds() & HEADINGS
        if kinds:
            out.setdefault(line.page, []).append((min(kinds), line.text))
    return out


def _contents_pages(lines: list[Line]) -> set[int]:
    """Pages from the one headed "Contents" to the page before the next first-level heading."""
    pages, inside = set(), False
    headings = _page_headings(lines)
    for page in sorted({line.page for line in lines}):
        level1 = [text for kind, text in headings.get(page, []) if kind == "H1"]
        if level1:
            inside = level1[0].strip().lower() == "contents"
        if inside:
            pages.add(page)
    return pages


def _notes_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines that belong to endnotes: list items after a "Notes" heading, until the next chapter."""
    out, inside = set(), False
    for i, line in enumerate(lines):
        kinds = line.kinds()
        if kinds & HEADINGS:
            inside = line.text.strip() == "Notes" or (inside and not kinds & {"H1"})
            continue
        if inside and "LI" in kinds:
            out.add(i)
    return out


NOTE_START = re.compile(r"^(\d+)\.\s*")


@dataclass
class NoteAlignment:
    notes: int = 0  # notes measured (first line and text column known on their page)
    offsets: list[tuple[int, str, float]] = field(default_factory=list)  # (page, note, offset in pt) beyond 0.5 pt
    pages: set[int] = field(default_factory=set)


def note_alignment(lines: list[Line]) -> NoteAlignment:
    """How far each note's first line of text starts from the note's continuation lines (0 when aligned).

    On each notes page the text column is where the continuation lines start (the most common left edge of a
    note's line that does not begin with its number); a note's first line is measured at its first character
    after the number and its full stop.
    """
    text_lines = [line for line in lines if not line.artifact]
    notes = sorted(_notes_lines(text_lines))
    result = NoteAlignment()
    by_page: dict[int, list[Line]] = {}
    for i in notes:
        by_page.setdefault(text_lines[i].page, []).append(text_lines[i])
    for page, page_lines in by_page.items():
        seen_items: set = set()
        firsts = []
        for line in page_lines:
            item = _list_item(line)
            if item not in seen_items and NOTE_START.match(line.text):
                firsts.append(line)  # the first line of a note: its list item's first, opening with the number
            seen_items.add(item)
        continuation = Counter(round(line.x, 1) for line in page_lines if line not in firsts)
        if not firsts or not continuation:
            continue
        column = continuation.most_common(1)[0][0]
        # a note run on from the page before may open its page with a number ("20. https://…"), in the column
        firsts = [line for line in firsts if line.x < column - 1]
        result.pages.add(page)
        for line in firsts:
            start = _text_start(line)
            if start is None:
                continue
            result.notes += 1
            offset = start - column
            if abs(offset) > 0.5:
                result.offsets.append((page, NOTE_START.match(line.text).group(1), round(offset, 2)))
    return result


def _list_item(line: Line):
    return next((ident for kind, ident in reversed(line.path) if kind == "LI"), None)


def _text_start(line: Line) -> float | None:
    """The left edge of the first character after the note's number and full stop."""
    seen_stop = False
    for char, left, _right in line.chars:
        if not seen_stop:
            seen_stop = char == "."
            continue
        if char != " ":
            return left
    return None


def short_lines(lines: list[Line], slack: float = 20.0) -> list[Line]:
    """Lines of justified paragraphs that end well short of the measure without ending the paragraph: a break
    WeasyPrint made too early (before an inline element, its known weakness), leaving a ragged gap."""
    text_lines = [line for line in lines if not line.artifact]
    ends = _paragraph_ends(text_lines)
    contents = _contents_pages(lines)
    width: dict[int, float] = {}
    for line in text_lines:
        if "P" in line.kinds() and not line.kinds() & {"LI", "L"}:
            width[line.page] = max(width.get(line.page, 0.0), line.right)
    out = []
    for i, line in enumerate(text_lines):
        kinds = line.kinds()
        if i in ends or "P" not in kinds or kinds & (HEADINGS | {"LI", "L", "Caption"}) or line.page in contents:
            continue
        following = text_lines[i + 1] if i + 1 < len(text_lines) else None
        if following is None or following.block != line.block or "NonStruct" in kinds:  # not a chapter head
            continue
        if line.right < width[line.page] - slack:
            out.append(line)
    return out


def word_spaces(lines: list[Line]) -> list[float]:
    """The mean gap between words (ink to ink, in em of the line's type) of each justified line: the lines of
    paragraphs that are neither a paragraph's last line nor a list's, a note's or the contents' (the cost of fewer
    hyphens is looser lines)."""
    text_lines = [line for line in lines if not line.artifact]
    ends = _paragraph_ends(text_lines)
    contents = _contents_pages(lines)
    out = []
    for i, line in enumerate(text_lines):
        kinds = line.kinds()
        if i in ends or "P" not in kinds or kinds & (HEADINGS | {"LI", "L", "Caption"}) or line.page in contents:
            continue
        gaps, previous_right, spaced = [], None, False
        for char, left, right in line.chars:
            if char == " ":
                spaced = True
                continue
            if spaced and previous_right is not None:
                gaps.append(left - previous_right)
            previous_right, spaced = right, False
        if gaps and line.size:
            out.append(sum(gaps) / len(gaps) / line.size)
    return out


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(pdf_path: Path) -> str:
    lines = read_lines(pdf_path)
    counts = count_hyphenation(lines)
    notes = note_alignment(lines)
    spaces = word_spaces(lines)
    short = short_lines(lines)
    rows = [
        f"lines of text                          {counts.lines}",
        f"lines ending in a hyphen               {counts.hyphenated}  (engine breaks {counts.auto})",
        f"runs of 3+ hyphenated lines            {counts.runs3}  (longest {counts.longest_run}; "
        f"of engine breaks {counts.runs3_auto}, longest {counts.longest_auto_run})",
        f"capitalised words broken               {counts.capitalised}  (mid-sentence {counts.names_midsentence})",
        f"one- or two-letter fragments           {counts.short_fragments}",
        f"paragraph's last word broken           {counts.penultimate}",
        f"headings broken                        {counts.headings}",
        f"contents entries broken                {counts.contents}",
        f"running heads broken                   {counts.running_heads}",
        f"notes' lines broken by the engine      {counts.notes}",
        f"lines beginning with a note reference  {counts.noteref_starts}",
        f"notes' first lines off their column    {len(notes.offsets)} of {notes.notes} "
        f"(on {len(notes.pages)} notes pages)",
        f"lines cut short inside a paragraph     {len(short)}"
        + (f"  e.g. {'; '.join(f'p{line.page + 1}: {line.text[:40]}' for line in short[:4])}" if short else ""),
        f"justified lines' gaps between words    median {_percentile(spaces, 0.5):.3f}, 90th {_percentile(spaces, 0.9):.3f}, "
        f"99th {_percentile(spaces, 0.99):.3f}, max {max(spaces, default=0):.3f}; over 0.8 em: "
        f"{sum(1 for s in spaces if s > 0.8)} of {len(spaces)}",
    ]
    for kind, examples in counts.examples.items():
        rows.append(f"  e.g. {kind}: " + "; ".join(examples))
    if notes.offsets:
        rows.append("  e.g. note offsets (page, note, pt): " + "; ".join(
            f"p{p + 1} n{n} {o:+.1f}" for p, n, o in notes.offsets[:8]))
    return "\n".join(rows)
