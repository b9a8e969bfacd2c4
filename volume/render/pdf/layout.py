"""Lay out one piece of the book and write it as a tagged PDF; runs in a worker process.

Returns what the assembly needs from the layout: how many pages, where every id landed, where each page's text
begins (for the EPUB's page-list) and which margin box of each page waits for its folio.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from volume.render.pdf import weasy
from volume.render.pdf.index_points import place_occurrences
from volume.render.pdf.page_facts import read_pages
from volume.render.pdf.pages import FOLIO_BOXES


@dataclass
class PieceJob:
    name: str
    html: str
    css: str
    styles_dir: Path
    base_dir: Path  # relative URLs in the HTML resolve against it (the chapters folder)
    roots: tuple[Path, ...]  # folders the fetcher may read
    assets: dict[str, tuple[str, bytes]]  # generated files (charts) by name
    images_dir: Path
    target: Path  # the piece's PDF; written atomically
    identifier: str
    folio_sheet: bool = False  # the folio sheet: untagged, no facts needed
    source_date: str = ""  # the volume's date (Volume.date): pins the font subsetter's timestamps


@dataclass
class PieceLayout:
    """What a piece's layout tells (page indexes are the piece's own, from 0)."""

    name: str
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)
    starts: list[tuple[str | None, str, bool, bool]] = field(default_factory=list)  # (anchor, text, at_start, found)
    folio_boxes: list[str | None] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # blocks whose index occurrences fell back to the first page
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (logger, message) logged during the layout
    seconds: float = 0.0  # how long the layout and writing took

    def save(self, path: Path) -> None:
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(asdict(self)), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "PieceLayout":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["starts"] = [tuple(s) for s in data["starts"]]
        data["warnings"] = [tuple(w) for w in data.get("warnings", [])]
        return cls(**data)


STYLESHEET_LOGGER = "weasyprint.book_css"  # how the style sheet's warnings are told from the piece's own


def _book_css(styles_dir: Path, fetcher):
    """The parsed style sheet and what WeasyPrint said of it, kept in this process while book.css is unchanged."""
    from weasyprint import CSS

    from volume.cache import remembered
    from volume.library_warnings import collecting

    def parse():
        with collecting("weasyprint") as collector:  # parsed once per worker: its warnings go with every piece
            sheet = CSS(filename=str(styles_dir / "book.css"), url_fetcher=fetcher)
        return sheet, [(STYLESHEET_LOGGER, message) for _name, message in collector.records]

    return remembered("book.css", (str(styles_dir), (styles_dir / "book.css").stat().st_mtime_ns), parse)


def set_up_worker(styles_dir: Path) -> None:
    """Make this process ready to lay pieces out (the scheduler's initializer; again, at no cost, by each job):
    fontconfig sees only the shipped fonts, fonts are cut by uharfbuzz, capitalised words are never hyphenated, the
    columns' trial layouts are reused (the index's), used values are kept per style, each stream is serialised once
    per file, the style sheet is parsed."""
    from volume.render.pdf.fetcher import ProjectFetcher
    from volume.render.pdf.fontconfig import isolate_fontconfig

    isolate_fontconfig(styles_dir / "fonts")
    weasy.use_uharfbuzz_subsetter()
    weasy.spare_capitalised_words()
    weasy.reuse_column_trials()
    weasy.keep_used_values()
    weasy.write_objects_once()
    _book_css(styles_dir, ProjectFetcher([styles_dir], {}, styles_dir))


def _folio_box(page) -> str | None:
    """The margin box the page keeps empty for its folio."""
    return next((keyword for keyword in weasy.empty_margin_boxes(page) if keyword in FOLIO_BOXES), None)


def lay_out_piece(job: PieceJob) -> PieceLayout:
    import time

    started = time.perf_counter()
    if os.environ.get("VOLUME_KEEP_JOBS"):  # bench/paired_pieces.py lays the pieces out again from these
        import pickle

        Path(os.environ["VOLUME_KEEP_JOBS"], f"{job.name}.pickle").write_bytes(pickle.dumps(job))
    set_up_worker(job.styles_dir)
    with weasy.source_date(job.source_date):
        document, warnings = _render(job)
        layout = PieceLayout(job.name, len(document.pages), warnings=warnings)
        if not job.folio_sheet:
            layout.unplaced = place_occurrences(document)
            layout.anchors, layout.starts = read_pages(document)
            layout.folio_boxes = [_folio_box(page) for page in document.pages]
        tmp = job.target.with_name(f".{job.target.name}.tmp-{os.getpid()}")
        document.write_pdf(str(tmp), pdf_variant=None if job.folio_sheet else "pdf/ua-1",
                           pdf_identifier=job.identifier.encode())
    os.replace(tmp, job.target)
    layout.seconds = time.perf_counter() - started
    return layout


def _render(job: PieceJob):
    """The piece laid out, and what WeasyPrint said of the style sheet."""
    from weasyprint import CSS

    from volume.render.pdf.fast_html import parsed_html
    from volume.render.pdf.fetcher import ProjectFetcher

    fetcher = ProjectFetcher(list(job.roots), job.assets, job.images_dir)
    book_css, sheet_warnings = _book_css(job.styles_dir, fetcher)
    sheets = [book_css, CSS(string=job.css, url_fetcher=fetcher)]
    base_url = job.base_dir.resolve().as_uri() + "/"  # a URL: WeasyPrint resolves images against it
    return parsed_html(job.html, base_url, fetcher).render(stylesheets=sheets), list(sheet_warnings)
