"""What the joining needs of one piece's PDF, read once when the file is opened.

The joining (pdf/join.py) opens the pieces' files in a thread while the workers still lay out the changed pieces
(join.PreOpened); reading each piece's structure, links, destinations and bookmarks there too, instead of on the
main thread once every piece is laid out, takes that reading off an edit's critical path. Everything here is read
from the piece's own file (the source side of qpdf's copier): the joiner copies what it needs into the book in one
call per piece, and qpdf's copier maps each source object to the book's copy of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from volume.render.pdf.pieces import CROSS_LINK


@dataclass
class PieceFile:
    """A piece's PDF opened, with what the joiner takes from it. Pages are counted in the piece (0 = its first)."""

    pdf: object  # pikepdf.Pdf
    pages: list  # its pages (pikepdf.Page)
    kids: list = field(default_factory=list)  # its Document element's children, their /P taken off
    parents: list = field(default_factory=list)  # (page, the page's marked content's elements: a direct Array)
    annotations: list = field(default_factory=list)  # (annotation, its structure element) in page order
    links: list = field(default_factory=list)  # (annotation, id) of each link to another piece's id, in page order
    dests: list | None = None  # (name, direct destination array), when WeasyPrint's flat shape; else see dest_tree
    dest_tree: object = None  # the /Dests name tree, of another shape, read through pikepdf.NameTree by the joiner
    outline: list = field(default_factory=list)  # (title, page or None, left, top, children) of its bookmarks

    def close(self) -> None:
        self.pdf.close()


def open_piece(path: Path) -> PieceFile:
    """The piece's file opened and read."""
    import pikepdf

    pdf = pikepdf.open(path)
    pages = list(pdf.pages)
    piece = PieceFile(pdf, pages)
    local = {page.obj.objgen: i for i, page in enumerate(pages)}
    _read_structure(piece)
    _read_links(piece)
    _read_dests(piece)
    outlines = pdf.Root.get("/Outlines")
    if outlines is not None:
        piece.outline = _outline_level(outlines.get("/First"), local, 15)
    return piece


def _nums(tree) -> dict[int, object]:
    """A number tree's leaves (WeasyPrint writes one flat /Nums array)."""
    values = {}
    stack = [tree]
    while stack:
        node = stack.pop()
        if "/Nums" in node:
            items = list(node.Nums)
            for i in range(0, len(items), 2):
                values[int(items[i])] = items[i + 1]
        for kid in node.get("/Kids", []):
            stack.append(kid)
    return values


def _read_structure(piece: PieceFile) -> None:
    from pikepdf import Array

    tree = piece.pdf.Root.get("/StructTreeRoot")
    if tree is None:
        return
    nums = _nums(tree.ParentTree)
    document = tree.K[0] if isinstance(tree.K, Array) else tree.K
    piece.kids = list(document.K)
    for kid in piece.kids:
        del kid["/P"]
    for i, page in enumerate(piece.pages):
        key = page.obj.get("/StructParents")
        if key is not None:
            piece.parents.append((i, nums[int(key)]))
    piece.annotations = [(annotation, nums[int(annotation.StructParent)]) for page in piece.pages
                         for annotation in page.obj.get("/Annots", []) if annotation.get("/StructParent") is not None]


def _read_links(piece: PieceFile) -> None:
    from pikepdf import Name

    for page in piece.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            if action is None or action.get("/S") != Name.URI:
                continue
            uri = str(action.URI)
            if uri.startswith(CROSS_LINK):
                piece.links.append((annotation, uri[len(CROSS_LINK):]))


def _read_dests(piece: PieceFile) -> None:
    from pikepdf import Array

    names = piece.pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return
    tree = names.Dests
    flat = list(tree.Names) if "/Names" in tree and "/Kids" not in tree else None
    pairs = [(str(flat[i]), flat[i + 1]) for i in range(0, len(flat) - 1, 2)] if flat is not None else None
    if pairs and all(isinstance(dest, Array) and not dest.is_indirect for _name, dest in pairs):
        piece.dests = pairs
    elif pairs != []:
        piece.dest_tree = tree


def _outline_level(item, local: dict, depth: int) -> list:
    """A piece's bookmarks read from its outline's dictionaries as pikepdf's outline model reads them (a tenth of the
    time): a bookmark's /Dest array (its page counted in the piece), none for one with an action instead, children
    to pikepdf's default depth."""
    entries, seen = [], set()
    while item is not None and item.objgen not in seen:
        seen.add(item.objgen)
        children = _outline_level(item.get("/First"), local, depth - 1) if depth > 0 else []
        dest = item.get("/Dest")
        title = str(item.get("/Title", ""))
        if dest is None or not len(dest):
            entries.append((title, None, 0, 0, children))
        else:
            entries.append((title, local[dest[0].objgen], float(dest[2]) if len(dest) > 2 else 0,
                            float(dest[3]) if len(dest) > 3 else 0, children))
        item = item.get("/Next")
    return entries
