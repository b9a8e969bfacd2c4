"""Join the pieces' PDFs into the book with pikepdf (qpdf): one PDF as WeasyPrint would have written it whole.

Pages in reading order, with a blank page wherever a piece would otherwise begin on a left-hand page; one
structure tree (WeasyPrint tags page by page, so the pieces' trees join end to end) and its parent tree
renumbered; one set of named destinations, and the links between pieces pointed at them; bookmarks nested by
part; page labels equal to the folios; and the folios stamped from the folio sheet as artifacts.

pikepdf was chosen over pypdf for this: it copies objects between files with qpdf's foreign-object copier (pages,
annotations and structure elements keep pointing at each other) and is several times faster on 1,000 pages.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from volume.render.pdf.piece_file import PieceFile, open_piece
from volume.render.pdf.pieces import PieceSpec
from volume.render.pdf.plan import Placed, Plan

log = logging.getLogger(__name__)


@dataclass
class Book:
    """The joined PDF, the files it still reads from, and which pages' drawing is already put in q … Q."""

    pdf: object  # pikepdf.Pdf
    sources: list
    wrapped: set
    save_restore: tuple | None = None  # the shared "q" and "Q" streams

    def wrap(self, page) -> None:
        """Put the page's own drawing in q … Q once, so what is drawn after it starts from the default state.
        (The two streams are shared by every page: one object each, not two per page.)"""
        if page.obj.objgen in self.wrapped:
            return
        if self.save_restore is None:
            self.save_restore = (self.pdf.make_stream(b"q\n"), self.pdf.make_stream(b"\nQ\n"))
        page.contents_add(self.save_restore[0], prepend=True)
        page.contents_add(self.save_restore[1], prepend=False)
        self.wrapped.add(page.obj.objgen)

    def save(self, target: Path, version: str = "1.7") -> None:
        """Written atomically and reproducibly (the file ID is derived from the content)."""
        import os

        import pikepdf

        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        self.pdf.save(tmp, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                      compress_streams=True, force_version=version)
        os.replace(tmp, target)

    def close(self) -> None:
        """Close the files and let go of every object, and for a long book give the memory back to the system: a
        1,000-page book holds several hundred MiB of PDF objects. (A short one's few MiB are reused by the next
        build: collecting and trimming took a third of a second of each rebuild.)"""
        import gc

        long = len(self.pdf.pages) > KEEP_OPEN_PAGES
        for source in self.sources:
            source.close()
        self.pdf.close()
        self.sources.clear()
        self.pdf = None
        if not long:
            return
        gc.collect()
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass  # not glibc: the memory is reused by the process instead


def open_book(path: Path) -> Book:
    import pikepdf

    return Book(pikepdf.open(path), [], set())


@dataclass
class _Joined:
    """What one piece gave the book, kept apart until every piece is in: the book's structure, destinations and
    bookmarks are put together in reading order, whatever order the pieces were copied in."""

    pdf: Path
    first: int
    blank_before: bool
    kids: list
    annotation_parents: list  # (annotation, its structure element)
    links: list  # (annotation, id)
    dests: list  # (name, destination)
    outline: tuple  # (spec, bookmarks with the book's page numbers)


class _Joiner:
    """The book's PDF while the pieces are copied into it: pages, structure, destinations and bookmarks.

    The pieces are copied in one order, JOINING_ORDER's, in every build: qpdf's writer orders the objects within each
    object stream by their numbers in memory, which follow the order they were made in, so a book joined in another
    order is written otherwise (round 8). Pages go to their place in the book whatever the order."""

    def __init__(self, opened: dict | None = None):
        import pikepdf
        from pikepdf import Array, Dictionary, Name

        self.opened = opened if opened is not None else {}  # piece file -> future of it opened (pre_open)
        self.out = pikepdf.new()
        self.structure_root = self.out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = self.out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document,
                                                          P=self.structure_root, K=Array()))
        self.structure_root.K = Array([self.document])
        self.parent_tree: dict[int, object] = {}
        self.joined: dict[int, _Joined] = {}  # index of the piece in the plan -> what it gave
        self.ranges: list[tuple[int, int]] = []  # (first page in the book, pages) of what the book holds so far
        self.size = None
        self.sources: list = []
        self.pages_open = 0  # pages of the pieces whose files stay open until the book is saved

    def add(self, index: int, placed: Placed, blank_before: bool, total: int | None = None) -> None:
        """The piece's pages (after a blank one to open it on a right-hand page), its structure, its named
        destinations and its bookmarks. total: the book's pages, if known (a long book's pieces are closed at once)."""
        import pikepdf

        out = self.out
        at = sum(pages for first, pages in self.ranges if first < placed.first)
        if blank_before:
            _insert_blank(out, at, self.size)
            self.ranges.append((placed.first - 1, 1))
            at += 1
        piece = _open(placed.pdf, self.opened.pop(placed.pdf, None))
        src = piece.pdf
        if index == 0:
            self._take_document_info(src)
        with warnings.catch_warnings():  # named destinations are joined below, links across pieces too
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning if hasattr(
                pikepdf.exceptions, "PageCopyWarning") else UserWarning)
            for offset, page in enumerate(piece.pages):
                out.pages.insert(at + offset, page)
        copied = [out.pages[at + i] for i in range(len(piece.pages))]
        self.ranges.append((placed.first, len(piece.pages)))
        if self.size is None and copied:
            box = copied[0].mediabox
            self.size = (float(box[2]) - float(box[0]), float(box[3]) - float(box[1]))
        joined = _Joined(placed.pdf, placed.first, blank_before, [], [], [], [],
                         (placed.spec, _in_book(piece.outline, placed.first)))
        self._add_structure(piece, copied, placed.first, joined)
        self._add_destinations(piece, copied, joined)
        self.joined[index] = joined
        long = total > KEEP_OPEN_PAGES if total is not None else self.pages_open + len(copied) > KEEP_OPEN_PAGES
        if long:
            _take_streams(copied)  # the piece's file can be closed now: memory stays flat on 1,000 pages
            piece.close()
        else:  # a short book: qpdf reads the streams from the pieces when the book is saved (0.5 s sooner)
            self.pages_open += len(copied)
            self.sources.append(piece)

    def close(self) -> None:
        """A joining given up (a plan other than the one it was joined for): its files closed."""
        for source in self.sources:
            source.close()
        self.sources.clear()
        self.out.close()

    def _take_document_info(self, src) -> None:
        for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
            if key in src.Root:
                self.out.Root[key] = _copy(self.out, src.Root[key])
        if "/Info" in src.trailer:
            self.out.trailer.Info = _copy(self.out, src.trailer.Info)

    def _add_structure(self, piece: PieceFile, copied: list, first: int, joined: _Joined) -> None:
        """The piece's structure elements (for the book's Document), its pages' and annotations' parents kept, and
        the book's copies of its links to other pieces. One copy of everything: copying its elements one call at a
        time took most of the joining's time (the objects and the file written are the same); the pages'
        element arrays are direct, so they are copied whole, as arrays."""
        from pikepdf import Array

        links = [annotation for annotation, _name in piece.links]
        held = [*piece.kids, *(elements for _i, elements in piece.parents),
                *(element for _a, element in piece.annotations), *(a for a, _e in piece.annotations), *links]
        if not held:
            return
        taken = iter(list(self.out.copy_foreign(piece.pdf.make_indirect(Array(held)))))
        for _kid in piece.kids:
            new = next(taken)
            new.P = self.document
            joined.kids.append(new)
        for i, _elements in piece.parents:
            elements = next(taken)
            self.parent_tree[first + i] = Array(list(elements)) if elements.is_indirect else elements
            copied[i].obj.StructParents = first + i
        elements = [next(taken) for _ in piece.annotations]
        joined.annotation_parents += [(next(taken), element) for element in elements]
        joined.links += [(next(taken), name) for _annotation, name in piece.links]

    def _add_destinations(self, piece: PieceFile, copied: list, joined: _Joined) -> None:
        """The piece's named destinations, on the book's pages. WeasyPrint writes them as one flat list of direct
        arrays: those are copied in one call (the pages they name are copied already, so they point at the book's);
        any other shape one by one."""
        import pikepdf
        from pikepdf import Array

        if piece.dests:
            taken = self.out.copy_foreign(piece.pdf.make_indirect(Array([dest for _name, dest in piece.dests])))
            joined.dests += [(name, dest) for (name, _dest), dest in zip(piece.dests, taken)]
            return
        if piece.dest_tree is None:
            return
        local = {page.obj.objgen: i for i, page in enumerate(piece.pages)}
        for name, dest in pikepdf.NameTree(piece.dest_tree).items():
            joined.dests.append((name, Array([copied[local[dest[0].objgen]].obj, *list(dest)[1:]])))

    def finish_structure(self, book: Plan) -> None:
        """One Document of the pieces' elements in reading order, and one parent tree: the pages' keys are their
        indexes, the annotations' follow."""
        from pikepdf import Array, Dictionary

        pieces = [self.joined[index] for index in sorted(self.joined)]
        self.document.K = Array([kid for piece in pieces for kid in piece.kids])
        next_key = book.total
        for annotation, element in (pair for piece in pieces for pair in piece.annotation_parents):
            annotation.StructParent = next_key
            self.parent_tree[next_key] = element
            next_key += 1
        nums = []  # built as a list: appending to a pikepdf Array one by one is quadratic
        for key in sorted(self.parent_tree):
            nums += [key, self.parent_tree[key]]
        self.structure_root.ParentTree = self.out.make_indirect(Dictionary(Nums=Array(nums)))
        self.structure_root.ParentTreeNextKey = next_key
        self.out.Root.StructTreeRoot = self.structure_root

    def finish_navigation(self, book: Plan) -> None:
        """Links across pieces, one name tree of destinations, the bookmarks and the page labels."""
        from pikepdf import Array, Dictionary, Name

        out = self.out
        pieces = [self.joined[index] for index in sorted(self.joined)]
        dests = {name: dest for piece in pieces for name, dest in piece.dests}
        slots = {slot: anchor for placed in book.placed for slot, anchor in placed.spec.slots}
        _link_across_pieces([link for piece in pieces for link in piece.links], dests, slots)
        out.Root.Names = Dictionary(Dests=_name_tree(out, dests))
        _bookmarks(out, [piece.outline for piece in pieces])
        label_ranges = Array()
        if book.body_start > 0:
            label_ranges.extend([0, Dictionary(S=Name.r)])
        if book.body_start < book.total:
            label_ranges.extend([book.body_start, Dictionary(S=Name.D, St=1)])
        out.Root.PageLabels = Dictionary(Nums=label_ranges)
        out.Root.PageMode = Name.UseOutlines


def late(spec: PieceSpec) -> bool:
    """A piece laid out once the pages are known (the contents with its numbers, the back matter): copied into the
    book after the others, so that those can be copied while the workers still lay pieces out (early_join.py)."""
    return spec.kind in ("contents", "back")


def joining_order(book: Plan) -> list[int]:
    """The order the pieces are copied into the book in (indexes in the plan): the others in reading order, then
    the late ones in reading order."""
    indexes = range(len(book.placed))
    return [i for i in indexes if not late(book.placed[i].spec)] + [i for i in indexes if late(book.placed[i].spec)]


def _insert_blank(out, at: int, size) -> None:
    """A blank page put at index `at` of the book (as pikepdf's add_blank_page makes one)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    width, height = size
    page = out.make_indirect(Dictionary(Type=Name.Page, MediaBox=Array([0, 0, width, height]),
                                        Contents=out.make_stream(b""), Resources=Dictionary()))
    out.pages.insert(at, pikepdf.Page(page))


class PreOpened:
    """Pieces' files opened by a thread while the pieces still being laid out keep the workers busy (qpdf reads a
    piece's objects in about 30 ms: a second of a short book's joining), as long as their pages could all stay open
    (KEEP_OPEN_PAGES); the ones the book does not take in the end are closed."""

    def __init__(self) -> None:
        self.files: dict[Path, object] = {}  # path -> future of its PieceFile
        self.pages = 0

    def add(self, path: Path, pages: int) -> None:
        from volume.scheduler import in_thread

        if path in self.files or self.pages + pages > KEEP_OPEN_PAGES:
            return
        self.pages += pages
        self.files[path] = in_thread(open_piece, path)

    def close(self) -> None:
        """The files opened and not taken into a book."""
        files, self.files = self.files, {}
        for future in list(files.values()):  # (a failed build's early joining may still take from it)
            try:
                future.result().close()
            except Exception:  # noqa: BLE001 (a file that did not open was opened again by the joiner)
                pass


def _open(path: Path, future=None) -> PieceFile:
    """The piece's file as opened and read beforehand (PreOpened), else opened and read now."""
    if future is not None:
        try:
            return future.result()
        except Exception:  # noqa: BLE001 (opened again below: an error is raised there, where it belongs)
            pass
    return open_piece(path)


def assemble(book: Plan, folio_sheets: list[tuple[int, Path]], fonts_dir: Path | None = None,
             opened: PreOpened | None = None, folio_style=None, early=None) -> Book:
    """The digital edition (not yet saved); with fonts_dir, one subset of each shipped font (font_merge.py); with
    opened, the pieces' files opened beforehand are taken from it; with folio_style, the folios drawn in
    (pdf/folios.py), else stamped from the folio sheets; with early (early_join.EarlyJoin), the pieces it copied
    while the workers laid out the others are taken, if it copied them for this plan."""
    joiner = early.take(book) if early is not None else None
    if joiner is None:
        joiner = _Joiner(opened.files if opened is not None else None)
    for index in joining_order(book):
        if index not in joiner.joined:
            placed = book.placed[index]
            joiner.add(index, placed, placed.first - 1 in book.blanks, book.total)
    while len(joiner.out.pages) < book.total:
        _insert_blank(joiner.out, len(joiner.out.pages), joiner.size)
    joiner.finish_structure(book)
    joiner.finish_navigation(book)
    result = Book(joiner.out, joiner.sources, set())
    if folio_style is not None:
        from volume.render.pdf.folios import stamp_folios

        stamp_folios(result, book.folios(), folio_style)
    else:
        _stamp_folios(result, book, folio_sheets)
    if fonts_dir is not None:
        from volume.render.pdf.font_merge import merge_fonts

        merge_fonts(joiner.out, fonts_dir)
    return result


KEEP_OPEN_PAGES = 400  # up to this many pages the pieces' files stay open until the book is saved
UPWARD = {"/Parent", "/P", "/Pg"}  # keys that lead back up the tree, not to a page's own resources


def _take_streams(pages) -> None:
    """Read into memory the data of every stream these copied pages use (contents, fonts, images, forms).

    qpdf copies a foreign stream's data only when the book is written, so the piece's file would have to stay
    open (and parsed) until then; with the data taken now it can be closed at once.
    """
    import pikepdf

    seen: set = set()
    stack = [page.obj for page in pages]
    while stack:
        obj = stack.pop()
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream):
            filters, parms = obj.get("/Filter"), obj.get("/DecodeParms")
            obj.write(obj.read_raw_bytes(), filter=filters, decode_parms=parms)
            stack.extend(v for k, v in obj.stream_dict.items() if k not in UPWARD and k not in ("/Filter", "/DecodeParms"))
        elif isinstance(obj, pikepdf.Dictionary):
            stack.extend(v for k, v in obj.items() if k not in UPWARD)
        elif isinstance(obj, pikepdf.Array):
            stack.extend(obj)


def _copy(out, obj):
    """obj of another PDF, copied into out: indirect objects by qpdf's copier, direct ones rebuilt."""
    import pikepdf

    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, value) for key, value in obj.items()})
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(out, value) for value in obj])
    return obj


def _in_book(entries: list, first: int) -> list:
    """A piece's bookmarks (piece_file.py) with their pages counted in the book."""
    return [(title, None if page is None else first + page, left, top, _in_book(children, first))
            for title, page, left, top, children in entries]


def _bookmarks(out, outline_items) -> None:
    """The pieces' bookmarks in order; a chapter's go under its part's."""
    import pikepdf
    from pikepdf import Array, Name

    def build(entry):
        title, page, left, top, children = entry
        if page is None:
            item = pikepdf.OutlineItem(title)
        else:
            item = pikepdf.OutlineItem(title, Array([out.pages[page].obj, Name.XYZ, left, top, 0]))
        item.children.extend(build(child) for child in children)
        return item

    parts: dict[str, object] = {}
    with out.open_outline() as outline:
        for spec, entries in outline_items:
            items = [build(entry) for entry in entries]
            if spec.kind == "part" and items:
                parts[spec.name] = items[0]
            if spec.part_id and spec.part_id in parts:
                parts[spec.part_id].children.extend(items)
            else:
                outline.root.extend(items)


LEAF_NAMES = 32  # names per leaf of the named destinations' tree


def _name_tree(out, entries: dict):
    """A name tree of these entries, built at once: leaves of up to LEAF_NAMES sorted names, each with its limits,
    under one root. (qpdf's NameTree, filled one name at a time, took a quarter of a second for a short book's 2,800
    names, and grows with the book.)"""
    from pikepdf import Array, Dictionary, String

    names = sorted(entries)

    def entries_of(chunk: list[str]):
        flat: list = []
        for name in chunk:
            flat += [String(name), entries[name]]
        return Array(flat)

    if len(names) <= LEAF_NAMES:
        return out.make_indirect(Dictionary(Names=entries_of(names)))
    leaves = [out.make_indirect(Dictionary(Names=entries_of(chunk), Limits=Array([String(chunk[0]), String(chunk[-1])])))
              for chunk in (names[i:i + LEAF_NAMES] for i in range(0, len(names), LEAF_NAMES))]
    return out.make_indirect(Dictionary(Kids=Array(leaves)))


def _link_across_pieces(links: list, dests: dict, slots: dict[str, str]) -> None:
    """Links to another piece's ids (`volume-link:<id>`, gathered by piece_file.py) made links to the book's named
    destinations; a link to a slot of the back matter's page numbers (render/page_numbers.py) goes to the anchor
    the slot stands for."""
    from pikepdf import String

    for annotation, name in links:
        name = slots.get(name, name)
        del annotation["/A"]
        if name in dests:
            annotation.Dest = String(name)
            annotation.Contents = String(name)
        else:
            log.warning("link to #%s: no such place in the book", name)


def _stamp_folios(result: Book, book: Plan, folio_sheets: list[tuple[int, Path]]) -> None:
    """Each page's folio, from the folio sheet page of the same index, drawn as an artifact over the page.
    folio_sheets: (index of the sheet's first page in the book, its PDF)."""
    import pikepdf
    from pikepdf import Name

    out = result.pdf
    sheet_pages = {}
    for start, path in folio_sheets:
        sheet = pikepdf.open(path)
        result.sources.append(sheet)
        for offset, page in enumerate(sheet.pages):
            sheet_pages[start + offset] = page
    for index, (label, box) in enumerate(book.folios()):
        if not box:
            continue
        page = out.pages[index]
        form = out.copy_foreign(sheet_pages[index].as_form_xobject())
        # a name of its own on each page (a piece's pages share one resource dictionary), fixed for reproducible files
        name = page.add_resource(form, Name.XObject, Name(f"/VolumeFolio{index}"))
        result.wrap(page)
        page.contents_add(out.make_stream(b"q /Artifact BMC " + str(name).encode() + b" Do EMC Q\n"), prepend=False)
