"""Lay out one piece of the book and write it as a tagged PDF; runs in a worker process.

Returns what the assembly needs from the layout: how many pages, where every id landed, where each page's text
begins (for the EPUB's page-list) and which margin box of each page waits for its folio.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from volume.render.pages import FOLIO_BOXES
from volume.render.weasy import spare_capitalised_words, subset_with_uharfbuzz


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
    source_date: str = ""  # the volume's date (build_date): pins the font subsetter's timestamps


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


_SHEETS: dict = {}  # (styles folder, book.css's mtime) -> (the parsed sheet, what WeasyPrint said of it)
STYLESHEET_LOGGER = "weasyprint.book_css"  # how the style sheet's warnings are told from the piece's own


def _speed_up_pydyf() -> None:
    """pydyf rebuilds the tuple of every page's reference each time one is asked for (WeasyPrint asks once per
    tag and link: quadratic in pages); keep it until a page is added."""
    import pydyf

    if getattr(pydyf.PDF, "_volume_cached_refs", False):
        return

    def page_references(self):
        kids = self.pages["Kids"]
        cached = self.__dict__.get("_volume_refs")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
            self.__dict__["_volume_refs"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._volume_cached_refs = True


def _book_css(styles_dir: Path, fetcher):
    from weasyprint import CSS

    key = (str(styles_dir), (styles_dir / "book.css").stat().st_mtime_ns)
    if key not in _SHEETS:
        from volume.library_warnings import collecting

        _SHEETS.clear()
        with collecting("weasyprint") as collector:  # parsed once per worker: its warnings go with every piece
            sheet = CSS(filename=str(styles_dir / "book.css"), url_fetcher=fetcher)
        _SHEETS[key] = (sheet, [(STYLESHEET_LOGGER, message) for _name, message in collector.records])
    return _SHEETS[key]


def _pin_source_date(date: str) -> None:
    """fontTools (which WeasyPrint uses for some fonts, e.g. emoji) stamps each font's 'head' table with
    the clock unless SOURCE_DATE_EPOCH is set: pin it to the volume's own date (in this worker process only)."""
    import datetime

    if date and not os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        stamp = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))


def _folio_box(page) -> str | None:
    from weasyprint.formatting_structure import boxes

    for child in page._page_box.children:
        if isinstance(child, boxes.MarginBox) and child.at_keyword in FOLIO_BOXES:
            if child.style["content"] == (("string", ""),):
                return child.at_keyword
    return None


def warm_up(styles_dir: Path) -> None:
    """While the main process reads the chapters: import WeasyPrint and parse the style sheet. (A first small
    layout, to load the fonts too, was measured: it slowed the reading down more than it sped the pieces up.)"""
    from volume.render.fonts import isolate_fontconfig

    isolate_fontconfig(styles_dir / "fonts")
    _speed_up_pydyf()
    subset_with_uharfbuzz()
    spare_capitalised_words()
    from volume.render.fetcher import ProjectFetcher

    _book_css(styles_dir, ProjectFetcher([styles_dir], {}, styles_dir))


def lay_out_piece(job: PieceJob) -> PieceLayout:
    import time

    from volume.render.fonts import isolate_fontconfig

    started = time.perf_counter()
    _pin_source_date(job.source_date)

    isolate_fontconfig(job.styles_dir / "fonts")
    _speed_up_pydyf()
    subset_with_uharfbuzz()
    spare_capitalised_words()
    from weasyprint import CSS

    from volume.render.fast_html import parsed_html
    from volume.render.fetcher import ProjectFetcher
    from volume.render.index_points import place_occurrences
    from volume.render.pagemap import read_pages

    fetcher = ProjectFetcher(list(job.roots), job.assets, job.images_dir)
    book_css, sheet_warnings = _book_css(job.styles_dir, fetcher)
    sheets = [book_css, CSS(string=job.css, url_fetcher=fetcher)]
    base_url = job.base_dir.resolve().as_uri() + "/"  # a URL: WeasyPrint resolves images against it
    document = parsed_html(job.html, base_url, fetcher).render(stylesheets=sheets)
    layout = PieceLayout(job.name, len(document.pages), warnings=list(sheet_warnings))
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
