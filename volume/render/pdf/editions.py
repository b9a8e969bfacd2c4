"""The PDF editions: the book laid out in pieces, side by side, joined, and the print edition made from it.

1. Every piece whose text does not depend on page numbers (the cover pages, the contents with placeholder
   numbers, parts, chapters) is laid out in the worker processes, each into a tagged PDF of its own, or taken
   from the piece cache when its HTML, styles and tools are unchanged (pdf/pieces.py, pdf/layout.py).
2. Where every anchor landed gives the page labels; the generated back matter (the bibliography with its cited
   pages, the index with its locators) is laid out from them, then the contents with the real page numbers.
3. pdf/join.py joins the pieces and draws each page's folio in (pdf/folios.py: placed as a small calibration sheet
   laid out by WeasyPrint shows; where it cannot be read so, folio sheets set them and are stamped on).
4. The digital edition is saved (PDF/UA-1); the print edition is made from the same pages (PDF/X-4).
No page is laid out twice, except the contents page.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError
from volume.library_warnings import WorkerError, failure, in_worker
from volume.model import PageFacts, Volume
from volume.render.pdf.early_join import EarlyJoin
from volume.render.pdf.join import PreOpened, assemble, open_book
from volume.render.pdf.layout import PieceJob, PieceLayout, lay_out_piece
from volume.render.pdf.pages import folio_sheet
from volume.render.pdf.pieces import PieceSpec, back_pieces, contents_piece, first_pieces
from volume.render.pdf.plan import Plan, plan

log = logging.getLogger(__name__)
PRINT_PROFILE = "artifex-swop-cmyk.icc"  # CMYK output intent of the print edition (see styles/color/README.md)



@dataclass
class Editions:
    digital: PageFacts
    print_pages: int
    laid_out: int = 0  # pieces laid out by this build
    cached: int = 0  # pieces taken from the cache
    index_fallbacks: int = 0  # blocks whose index occurrences could not be placed by count (pdf/index_points.py)
    warnings: list = field(default_factory=list)  # (location, logger, message) logged while laying pieces out
    fallbacks: list = field(default_factory=list)  # (location, block) of those blocks
    laid_out_names: list = field(default_factory=list)  # the names of the pieces this build laid out
    timings: dict = field(default_factory=dict)  # seconds of each step: layout, join, print edition


class PieceRunner:
    """Lays pieces out in the scheduler's workers, or takes them from the cache."""

    def __init__(self, volume: Volume, styles_dir: Path, scheduler, cache_dir: Path):
        from volume.cache import tree_digest, versions

        self.volume, self.styles_dir, self.scheduler = volume, styles_dir, scheduler
        self.cache_dir = cache_dir
        cache_dir.mkdir(parents=True, exist_ok=True)
        manifest = volume.manifest
        self.identifier = hashlib.sha256((volume.meta.identifiers.ebook + volume.meta.title).encode()).hexdigest()[:32]
        self.salt = tree_digest(styles_dir, extra=repr(sorted(versions().items())) + self.identifier
                                + volume.date.stamp)
        self.assets = {a.name: (a.media_type, a.data) for c in volume.chapters for a in c.assets}
        self.roots = (manifest.project_dir, styles_dir)
        self.used: set[Path] = set()
        self.laid_out = 0
        self.cached = 0
        self.laid_out_names: list[str] = []
        self.opened = PreOpened()  # the pieces' files opened for the joining while the workers lay pieces out

    def _key(self, spec: PieceSpec, sheet: bool) -> str:
        return hashlib.sha256("\0".join((self.salt, spec.html, spec.css, str(sheet))).encode()).hexdigest()

    def submit(self, spec: PieceSpec, sheet: bool = False):
        """A future-like whose result() is (spec, layout, pdf path)."""
        key = self._key(spec, sheet)
        target, facts = self.cache_dir / f"{key}.pdf", self.cache_dir / f"{key}.json"
        self.used.update((target, facts))
        if facts.exists() and target.exists():
            try:
                found = _Done((spec, PieceLayout.load(facts), target))
                self.opened.add(target, found.value[1].pages)
                self.cached += 1
                return found
            except (OSError, ValueError, TypeError, KeyError):
                pass
        manifest = self.volume.manifest
        job = PieceJob(spec.name, spec.html, spec.css, self.styles_dir, manifest.chapters_dir, self.roots,
                       self.assets, manifest.chapters_dir / "images", target, self.identifier, sheet,
                       self.volume.date.stamp)
        self.laid_out += 1
        self.laid_out_names.append(spec.name)
        return _Pending(spec, self.scheduler.submit(in_worker, lay_out_piece, job), facts, target, self.location_of,
                        self.opened)

    def location_of(self, name: str) -> SourceLocation:
        """Where a piece comes from: its chapter's source, a part's manifest line, else the manifest."""
        for chapter in self.volume.chapters:
            if chapter.id == name and chapter.source is not None:
                return chapter.source
        for part in self.volume.parts:
            if part.id == name and part.location is not None:
                return part.location
        return SourceLocation(self.volume.manifest.path)

    def stamping(self, laid: tuple[PieceSpec, PieceLayout, Path], volume: Volume):
        """A back matter piece with its page numbers stamped into its blanks (pdf/stamp_numbers.py), in a worker: a
        callable that waits for it and returns the stamped piece; if it cannot be stamped, the piece laid out again
        with the numbers in its text."""
        from volume.render.pdf.stamp_numbers import stamp_in_worker

        spec, layout, pdf = laid
        if not spec.digits:
            return lambda: laid
        digits = hashlib.sha256(",".join(spec.digits).encode()).hexdigest()[:24]
        target = pdf.with_name(f"{pdf.stem}-{digits}.pdf")
        pages = target.with_suffix(".pages")  # JSON: how many digits the pages before each took
        self.used.update((target, pages))
        try:
            firsts = json.loads(pages.read_text(encoding="utf-8")) if target.exists() else None
        except (OSError, ValueError):
            firsts = None
        job = None if firsts is not None else self.scheduler.submit(
            in_worker, stamp_in_worker, pdf, spec.digits, self.styles_dir / "fonts", target)

        def stamped() -> tuple[PieceSpec, PieceLayout, Path]:
            found = firsts
            if job is not None:
                try:
                    (found, unsupported, reason), _records = job.result()
                except WorkerError as exc:
                    raise failure(exc, f"stamping the {spec.name}'s page numbers", self.location_of(spec.name)
                                  ) from None
                if found is None:  # a bug, unless the project's font cannot have numbers stamped in
                    (log.info if unsupported else log.warning)(
                        "the %s's page numbers could not be stamped (%s); laying it out with them", spec.name, reason)
                    plain = next(s for s in back_pieces(volume, stamped=False) if s.name == spec.name)
                    return self.submit(plain).result()
                pages.write_text(json.dumps(found), encoding="utf-8")
            return self._stamped(spec, layout, target, found)

        return stamped

    def _stamped(self, spec: PieceSpec, layout: PieceLayout, target: Path, firsts: list[int]):
        from volume.render.pdf.stamp_numbers import stamp_line

        self.opened.add(target, layout.pages)
        joined = "".join(spec.digits)
        starts = [(anchor, stamp_line(text, joined, firsts[i]) if i < len(firsts) else text, at_start, found)
                  for i, (anchor, text, at_start, found) in enumerate(layout.starts)]
        return spec, replace(layout, starts=starts), target

    def submit_all(self, specs: list[PieceSpec]) -> list:
        """The pieces' futures in the specs' order (submitted the longest first, so that the two workers finish
        together)."""
        order = sorted(range(len(specs)), key=lambda i: -len(specs[i].html))
        futures = {i: self.submit(specs[i]) for i in order}
        return [futures[i] for i in range(len(specs))]

    def run(self, specs: list[PieceSpec]) -> list[tuple[PieceSpec, PieceLayout, Path]]:
        return [future.result() for future in self.submit_all(specs)]

    def prune(self) -> None:
        """Forget pieces this build did not use and that are older than a day (another build may use them)."""
        import time

        for path in self.cache_dir.iterdir():
            try:
                if path not in self.used and path.stat().st_mtime < time.time() - 86400:
                    path.unlink()
            except OSError:
                pass


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Pending:
    """A piece being laid out; result() may be asked by two threads (the build's and early_join's), and the layout
    is saved and its file opened ahead once."""

    def __init__(self, spec, future, facts: Path, target: Path, location_of, opened: PreOpened):
        import threading

        self.spec, self.future, self.facts, self.target = spec, future, facts, target
        self.location_of, self.opened = location_of, opened
        self.value = None
        self.lock = threading.Lock()

    def result(self):
        try:
            self.future.result()  # waited for outside the lock
        except Exception:  # noqa: BLE001 (raised again below, as the piece's failure)
            pass
        with self.lock:
            if self.value is None:
                self.value = self._take()
            return self.value

    def _take(self):
        try:
            layout, records = self.future.result()
        except WorkerError as exc:
            raise failure(exc, f"laying out '{self.spec.name}'", self.location_of(self.spec.name)) from None
        layout.warnings += [tuple(r) for r in records]
        layout.save(self.facts)
        self.opened.add(self.target, layout.pages)
        return self.spec, layout, self.target


def _warning_source(runner: PieceRunner, styles_dir: Path, spec, logger: str, message: str):
    """Where a layout warning points: the style sheet (with its line) for what WeasyPrint said of book.css, else the
    piece's source."""
    import re

    from volume.render.pdf.layout import STYLESHEET_LOGGER

    if logger == STYLESHEET_LOGGER:
        line = re.search(r" at (\d+):\d+", message)
        return SourceLocation(styles_dir / "book.css", int(line.group(1)) if line else None)
    return runner.location_of(spec.name) if spec else None


def _page_source(runner: PieceRunner, book: Plan, index: int) -> SourceLocation:
    """The source of the piece a page of the joined book comes from."""
    found = [placed.spec.name for placed in book.placed if placed.first <= index]
    return runner.location_of(found[-1]) if found else SourceLocation(runner.volume.manifest.path)


SHEET_PAGES = 48  # pages per folio sheet: the sheets of a long book are shared between the workers


def _submit_folio_sheets(runner: PieceRunner, volume: Volume, folios: list, start: int = 0,
                         end: int | None = None) -> list[tuple[int, object]]:
    """The folio sheets of pages start to end, each sheet starting on a right-hand page (an even index) as its
    pages do in the book."""
    start -= start % 2
    end = len(folios) if end is None else end
    jobs = []
    for first in range(start, end, SHEET_PAGES):
        html, css = folio_sheet(volume, folios[first:min(first + SHEET_PAGES, end)])
        jobs.append((first, runner.submit(PieceSpec(f"folios-{first}", "sheet", html, css), sheet=True)))
    return jobs


def _contents_numbers(book: Plan) -> dict[str, str]:
    numbers: dict[str, str] = {}
    facts = book.facts()
    for name, index in facts.anchors.items():
        numbers.setdefault(name, facts.labels[index])
    return numbers


def _folio_style(runner: PieceRunner, calibration):
    """How the folios are stamped (pdf/folios.py), or None: they are set on folio sheets."""
    from volume.render.pdf.folios import read_calibration

    return read_calibration(calibration.result()[2], runner.styles_dir / "fonts")


def _lay_out(runner: PieceRunner, volume: Volume, early=None) -> tuple[list, list, object, object]:
    """Every piece laid out (or from the cache), and the folios' calibration sheet; the folio sheets submitted only
    if the folios cannot be stamped: (pieces, [(first page, job)], folio style or None, calibration job). With early
    (early_join.EarlyJoin), the first pieces are copied into the book as they come."""
    from volume.render.pdf.folios import calibration_sheet
    from volume.transforms.pagination import apply_page_facts

    # a small sheet (twelve pages, cached with the styles): laid out first, while the other worker starts a chapter
    calibration = runner.submit(PieceSpec("folio-calibration", "sheet", *calibration_sheet(volume)), sheet=True)
    specs = first_pieces(volume)
    futures = runner.submit_all(specs)
    if early is not None:
        early.start(specs, futures)
    first = [future.result() for future in futures]
    style = _folio_style(runner, calibration)
    contents_at = next(i for i, (spec, _, _) in enumerate(first) if spec.name == "contents")
    for _attempt in range(3):
        draft = plan(first)
        placed = apply_page_facts(volume, draft.facts())
        back_jobs = [runner.submit(spec) for spec in back_pieces(placed)]
        # the pages before the back matter have their folios already: their sheets take the core that finishes
        # its back matter piece first
        sheets = _submit_folio_sheets(runner, volume, draft.folios()) if style is None else []
        stamping = [runner.stamping(job.result(), placed) for job in back_jobs]  # side by side in the workers
        back = [stamped() for stamped in stamping]
        whole = plan(first + back)
        # the contents with its real numbers, and the back matter's folio sheets (assuming the contents keeps its
        # length), at once
        contents_job = runner.submit(contents_piece(volume, _contents_numbers(whole)))
        if style is None:
            sheets += _submit_folio_sheets(runner, volume, whole.folios(), start=draft.total)
        contents = contents_job.result()
        if contents[1].pages == first[contents_at][1].pages:
            return first[:contents_at] + [contents] + first[contents_at + 1:] + back, sheets, style, calibration
        log.info("the contents changed length once its page numbers were known; laying out again")
        first[contents_at] = contents
    # the back matter's locators were computed for a contents of another length: never ship them
    raise VolumeError.single("B002", f"the contents page changes length each time its page numbers are set "
                             f"({first[contents_at][1].pages} or {contents[1].pages} pages), so the page numbers "
                             "would be wrong; shorten the longest chapter titles or bylines in the contents",
                             SourceLocation(volume.manifest.path))


def _write_print_edition(runner: PieceRunner, book: Plan, printed_book, printed: Path) -> int:
    """The print edition made from the digital one (the joined book once saved, changed in place); returns its
    pages. The caller closes the book."""
    from volume.render.pdf.print_edition import ImageColourError, make_print_edition

    volume = runner.volume
    seed = "|".join(book.labels) + str(book.total)
    try:
        make_print_edition(printed_book, runner.styles_dir / "color" / PRINT_PROFILE, volume.manifest.pad_pages, seed)
    except ImageColourError as exc:
        raise VolumeError.single("B005", f"an image on page {book.labels[min(exc.page, book.total) - 1]} cannot "
                                 f"be converted to CMYK for the print edition ({exc.reason}); save it as an "
                                 "8-bit RGB PNG or JPEG", _page_source(runner, book, exc.page - 1)) from None
    printed_book.save(printed, version="1.6")  # PDF/X-4 is a subset of PDF 1.6
    return len(printed_book.pdf.pages)


PRINT_FROM_MEMORY_PAGES = 400  # up to this many pages the print edition is made from the joined book still in memory
SHORT_BOOK_WORKERS = 200 * 2**20  # bytes: a book that short keeps its layout workers under this for the EPUB and cover


def render_editions(volume: Volume, styles_dir: Path, scheduler, cache_dir: Path, digital: Path, printed: Path,
                    on_facts=None, digital_saved=None) -> Editions:
    """Lay the book out in the scheduler's workers and write both PDF editions. Once every page is laid out the
    workers are recycled (their memory goes back before the joining) and on_facts(placed volume, facts) is called,
    so the EPUB and the cover can be made meanwhile. digital_saved(path) is called once the digital edition is
    written; someone waits for it (`volume preview --pdf`), so then on_facts is called only after it, and the
    EPUB and the cover are made while the print edition is, not while the digital edition is joined."""
    from volume.render.pdf import font_merge
    from volume.scheduler import in_thread
    from volume.transforms.pagination import apply_page_facts

    runner = PieceRunner(volume, styles_dir, scheduler, cache_dir)
    joining = in_thread(font_merge.warm_up, styles_dir / "fonts")
    early = EarlyJoin(runner.opened)
    timings, mark = {}, time.perf_counter()
    try:
        pieces, sheets, folio_style, calibration = _lay_out(runner, volume, early)
        book = plan(pieces)
        facts = book.facts()
        sheet_pdfs = [(start, job.result()[2]) for start, job in sheets]
        timings["pdf_layout"], mark = time.perf_counter() - mark, time.perf_counter()
        # a long book's workers go, so that their memory is back before the joining; a short book's are kept while
        # small (stopping them and starting two more for the EPUB and the cover cost 0.05-0.1 s of this process's
        # time and delayed those jobs by 0.5-1.5 s on a loaded machine)
        scheduler.recycle(keep_below=SHORT_BOOK_WORKERS if book.total <= PRINT_FROM_MEMORY_PAGES else 0)
        if on_facts is not None and digital_saved is None:
            on_facts(apply_page_facts(volume, facts), facts)
        joining.result()
        joined = assemble(book, sheet_pdfs, styles_dir / "fonts", runner.opened, folio_style, early)
    finally:
        early.discard()  # a build that failed before the joining
        runner.opened.close()  # those the book did not take (the contents laid out with placeholder numbers)
    in_memory = book.total <= PRINT_FROM_MEMORY_PAGES
    try:
        joined.save(digital)
        if digital_saved is not None:
            digital_saved(digital)  # before the files are let go: someone is waiting for it
        timings["pdf_join"], mark = time.perf_counter() - mark, time.perf_counter()
        timings["pdf_pieces_joined_ahead"] = early.taken  # a count, not seconds (bench/edit_steps.py prints it)
        if digital_saved is not None and on_facts is not None:
            on_facts(apply_page_facts(volume, facts), facts)
        # a short book's print edition is made from the joined book as it is (reading the digital file again took
        # a third of its time); a long one's from the digital file, once the joined book's memory is let go
        print_pages = _write_print_edition(runner, book, joined, printed) if in_memory else 0
    finally:
        joined.close()
    if not in_memory:
        printed_book = open_book(digital)
        try:
            print_pages = _write_print_edition(runner, book, printed_book, printed)
        finally:
            printed_book.close()
    timings["pdf_print"] = time.perf_counter() - mark
    runner.prune()
    log.info("%d pieces laid out, %d from the cache", runner.laid_out, runner.cached)
    # our bug, not the user's: the locators of these blocks' terms show the block's first page
    fallbacks = [(runner.location_of(spec.name), block) for spec, layout, _ in pieces for block in layout.unplaced]
    laid = pieces + [(None, job.result()[1], None) for _start, job in sheets] + [(None, calibration.result()[1], None)]
    warnings = [(_warning_source(runner, styles_dir, spec, name, message), name, message)
                for spec, layout, _ in laid for name, message in layout.warnings]
    return Editions(facts, print_pages, runner.laid_out, runner.cached, len(fallbacks), warnings, fallbacks,
                    runner.laid_out_names, timings)
