"""The room of stamped back matter that its numbers do not fill, taken out of a laid-out page.

pdf/stamp_numbers.py drops the blanks stamped UNUSED (render/page_numbers.py) from their text lines. What follows them
on their line must then move over by their width (`Boxes`: WeasyPrint starts each box's text with its own Tm line,
and a link's annotation rectangle is where its box is), and a link whose text was all dropped must leave nothing
behind (`Structure`, `drop_marked`): not its annotation, not its Link structure element, not its marked content. Its
entry in the page's list of marked-content parents becomes null, as for any number no content uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT_AT = re.compile(rb"^1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm$")  # where WeasyPrint starts a box's text
MATRIX = re.compile(rb"^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm$")
FONT_LINE = re.compile(rb"^/(\S+) ([\d.]+) Tf$")

def marked_content(line: bytes) -> int | None:
    """The id of the marked content a line opens (WeasyPrint writes "/Span", "<</MCID n>>" and "BDC" lines)."""
    head, tail = b"<</MCID ", b">>"
    number = line[len(head):-len(tail)] if line.startswith(head) and line.endswith(tail) else b""
    return int(number) if number.isdigit() else None


def drop_marked(lines: list, at: int, text: int) -> None:
    """Takes out (sets to None) a marked-content sequence's tag, BDC, text object and EMC around the text line
    `text`, keeping the lines that set a state (a font, a colour) for the boxes after it."""
    for number in (at - 1, at, at + 1):
        lines[number] = None
    start = max(i for i in range(at, text) if lines[i] == b"BT")
    end = next(i for i in range(text, len(lines)) if lines[i] == b"ET")
    close = next(i for i in range(end, len(lines)) if lines[i] == b"EMC")
    for number in range(start, end + 1):
        if lines[number] is not None and not FONT_LINE.match(lines[number]):
            lines[number] = None
    lines[close] = None


class Structure:
    """A piece's structure tree, for taking out the links whose text was all dropped."""

    def __init__(self, pdf):
        tree = pdf.Root.get("/StructTreeRoot")
        self.tree = tree.ParentTree if tree is not None and "/ParentTree" in tree else None
        self.nums = self.tree.get("/Nums") if self.tree is not None else None  # WeasyPrint writes one flat array

    def take_out(self, page, mcids: list[int]) -> set[int]:
        """The links holding only these marked contents taken out: their annotations from the page, their elements
        from their parents, their entries from the parent tree. Returns the marked contents taken out."""
        from pikepdf import Array, Dictionary

        if self.nums is None or page.obj.get("/StructParents") is None:
            return set()
        keys = {int(self.nums[i]): i for i in range(0, len(self.nums), 2)}
        held = self.nums[keys[int(page.obj.StructParents)] + 1]
        removed, annotations = set(), []
        for mcid in mcids:
            element = held[mcid] if mcid < len(held) else None
            if not isinstance(element, Dictionary) or element.get("/S") != "/Link":
                continue
            kids = list(element.K) if isinstance(element.K, Array) else [element.K]
            objects = [k.Obj for k in kids if isinstance(k, Dictionary) and k.get("/Type") == "/OBJR"]
            if [k for k in kids if not isinstance(k, Dictionary)] != [mcid] or len(objects) != 1:
                continue  # a link with other text, or without its annotation: left as it is
            parent = element.P
            siblings = list(parent.K) if isinstance(parent.K, Array) else [parent.K]
            parent.K = Array([k for k in siblings if k.objgen != element.objgen])
            held[mcid] = None
            annotations.append(objects[0])
            removed.add(mcid)
        if annotations:
            gone = {a.objgen for a in annotations}
            page.obj.Annots = Array([a for a in page.obj.Annots if a.objgen not in gone])
            parents = {int(a.StructParent) for a in annotations if a.get("/StructParent") is not None}
            items = list(self.nums)
            self.nums = Array([v for i in range(0, len(items), 2) if int(items[i]) not in parents
                               for v in items[i:i + 2]])
            self.tree.Nums = self.nums
        return removed


@dataclass
class _Box:
    """A box's text on a page: its Tm line, where it starts (text space and user space) and its line of text."""

    line: int
    x: float
    user: tuple[float, float]
    row: int  # boxes one after the other on one baseline share a row (the next column's same baseline does not)


class Boxes:
    """The text boxes of a page as WeasyPrint writes them (one Tm per box), and the widths dropped from them, to
    move what follows a dropped blank on its line over by its width."""

    def __init__(self):
        self.boxes: list[_Box] = []
        self.drops: list[tuple[_Box, float, float]] = []  # (the box a blank was dropped from, width in text space
        # and in user space)
        self.matrix, self.saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []

    def follow(self, number: int, line: bytes) -> bool:
        """Notes a line that places text or changes the matrix; True if it was one."""
        if line == b"q":
            self.saved.append(self.matrix)
        elif line == b"Q":
            self.matrix = self.saved.pop() if self.saved else self.matrix
        elif (found := MATRIX.match(line)) is not None:
            self.matrix = _times(tuple(float(v) for v in found.groups()), self.matrix)
        elif (found := TEXT_AT.match(line)) is not None:
            x, y = float(found.group(1)), float(found.group(2))
            a, b, c, d, e, f = self.matrix
            last = self.boxes[-1] if self.boxes else None
            same = last is not None and abs(last.user[1] - (b * x + d * y + f)) < 0.01 and last.x < x
            self.boxes.append(_Box(number, x, (a * x + c * y + e, b * x + d * y + f),
                                   last.row if same else (last.row + 1 if last else 0)))
        else:
            return False
        return True

    def drop(self, width: float) -> None:
        if self.boxes:
            self.drops.append((self.boxes[-1], width, width * abs(self.matrix[0])))

    def close_up(self, lines: list[bytes], annotations) -> None:
        """Each box after a dropped blank on its row moved left by the widths dropped before it, and the link
        annotations with them (the one holding the dropped blanks shortened)."""
        for box in self.boxes:
            shift = sum(width for dropped, width, _user in self.drops if dropped.row == box.row and dropped.x < box.x)
            if shift:
                y = TEXT_AT.match(lines[box.line]).group(2)
                lines[box.line] = b"1 0 0 -1 %s %s Tm" % (_number(box.x - shift), y)
        rows: dict[int, list[_Box]] = {}
        for box in self.boxes:
            rows.setdefault(box.row, []).append(box)
        for annotation in annotations:
            rect = [float(v) for v in annotation.get("/Rect", [])]
            if len(rect) != 4:
                continue
            left, right = (0, 2) if rect[0] <= rect[2] else (2, 0)
            x1, x2, y1, y2 = rect[left], rect[right], min(rect[1], rect[3]), max(rect[1], rect[3])
            row = next((r for r, boxes in rows.items() if any(abs(b.user[0] - x1) < 0.5 and y1 <= b.user[1] <= y2
                                                                   for b in boxes)), None)
            widths = [(dropped.user[0], user) for dropped, _width, user in self.drops if dropped.row == row]
            shift = sum(w for at, w in widths if at < x1 - 0.5)
            shrink = sum(w for at, w in widths if x1 - 0.5 <= at < x2 - 0.5)
            if shift or shrink:
                from pikepdf import Array

                items = list(annotation.Rect)
                items[left], items[right] = _decimal(x1 - shift), _decimal(x2 - shift - shrink)
                annotation.Rect = Array(items)


def _times(m, n):
    """The matrix m × n (PDF order: m applied first)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _number(value: float) -> bytes:
    return (b"%.6f" % value).rstrip(b"0").rstrip(b".")


def _decimal(value: float):
    from decimal import Decimal

    return Decimal(_number(value).decode())
