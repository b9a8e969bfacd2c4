"""The files a printer and the distributors ask for, made with the editions on every build: the full-wrap cover
(<slug>-cover.pdf) and the ONIX 3.0 records (<slug>-onix.xml).

The cover is made in a process of its own as soon as the book's pages are known (while the PDFs are joined), from
the print edition's page count, and kept in .volume-cache/cover/ under a digest of everything it depends on: an
edit that moves no page lays nothing out here. The ONIX records are written once the editions are saved.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import shutil
import time
from pathlib import Path

from volume.config import Manifest
from volume.model import Volume
from volume.render.pagemap import PageFacts

log = logging.getLogger(__name__)
PROFILE = Path("color") / "artifex-swop-cmyk.icc"  # the print edition's output intent (render/pdf.py)


def names(slug: str) -> tuple[str, str]:
    return f"{slug}-cover.pdf", f"{slug}-onix.xml"


def _head(volume: Volume) -> str:
    from volume.render.pieces import build_date
    from volume.xhtml import escape_attr, escape_text

    date = build_date(volume)
    return (f"<title>{escape_text(volume.meta.title)}: cover</title><meta charset=\"utf-8\"/>"
            f'<meta name="generator" content="volume"/>'
            f'<meta name="dcterms.created" content="{escape_attr(date)}"/>'
            f'<meta name="dcterms.modified" content="{escape_attr(date)}"/>')


def cover_job(manifest: Manifest, styles: Path, volume: Volume, pages: int, target: Path):
    """What the cover's layout needs, for a print edition of this many pages."""
    from volume.render.cover_wrap import CoverJob, cover_html, wrap_for
    from volume.render.pieces import build_date

    wrap = wrap_for(manifest, pages)
    fonts = styles / "fonts"
    return CoverJob(cover_html(manifest, wrap, fonts, _head(volume)), wrap, fonts, styles / PROFILE, target,
                    volume.meta.identifiers.ebook + ":cover", build_date(volume))


def make_cover(manifest: Manifest, styles: Path, volume: Volume, pages: int, target: Path, cache_dir: Path) -> int:
    """The cover written to target: taken from the cache, or laid out and kept there (in a worker process)."""
    from volume.render.cover_wrap import lay_out_cover

    job = cover_job(manifest, styles, volume, pages, target)
    key = job.key()
    cached = cache_dir / f"{key}.pdf"
    if cached.is_file():
        shutil.copyfile(cached, target)
        os.utime(cached)
        return 1
    count = lay_out_cover(job)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{key}.tmp-{os.getpid()}"
    shutil.copyfile(target, tmp)
    os.replace(tmp, cached)
    for old in cache_dir.glob("*.pdf"):  # covers unused for a day are forgotten
        try:
            if old.stat().st_mtime < time.time() - 86400:
                old.unlink()
        except OSError:
            pass
    return count


class TradeFiles:
    """start() when the pages are known (the cover is made in a process of its own meanwhile); finish() once the
    editions are written; close() in any case."""

    def __init__(self, manifest: Manifest, styles: Path, staging: Path, process_context):
        self.manifest, self.styles, self.staging = manifest, styles, staging
        self.context = process_context
        self.cache_dir = manifest.project_dir / ".volume-cache" / "cover"
        self.executor: concurrent.futures.ProcessPoolExecutor | None = None
        self.future = None
        self.pages = 0
        self.volume: Volume | None = None
        self.facts: PageFacts | None = None

    def start(self, volume: Volume, facts: PageFacts) -> None:
        from volume.render.print_edition import padded_pages

        self.volume, self.facts = volume, facts
        self.pages = padded_pages(len(facts.labels), self.manifest.pad_pages)
        self.executor = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=self.context)
        metadata_only = Volume(volume.manifest, ())  # all the cover shows: nothing of the chapters to pickle
        self.future = self.executor.submit(make_cover, self.manifest, self.styles, metadata_only, self.pages,
                                           self.staging / names(self.manifest.slug)[0], self.cache_dir)

    def finish(self, print_pages: int) -> list[tuple[str, int | None]]:
        """Wait for the cover, write the ONIX records; the files' names and page counts."""
        from volume.onix import onix_message, page_counts
        from volume.render.cover_wrap import wrap_for
        from volume.render.pieces import build_date

        if self.future is None:
            raise RuntimeError("the cover was never started: the book's pages were not reported")
        if self.pages != print_pages:  # our bug: the cover's spine would not fit the book
            raise RuntimeError(f"cover made for {self.pages} pages, print edition has {print_pages}")
        self.future.result()
        wrap = wrap_for(self.manifest, print_pages)
        cover, onix = names(self.manifest.slug)
        pages = page_counts(self.volume, self.facts.labels, self.facts.anchors, print_pages)
        size = (wrap.trim_width * 25.4 / 72, wrap.trim_height * 25.4 / 72, wrap.spine * 25.4 / 72)
        (self.staging / onix).write_bytes(onix_message(self.volume, pages, size, build_date(self.volume)[:10]))
        return [(cover, 1), (onix, None)]

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


def spine_summary(manifest: Manifest, outputs) -> str | None:
    """The build summary's line about the spine, from the print edition's page count."""
    from volume.render.cover_wrap import wrap_for

    printed = next((o for o in outputs if o.path.name == f"{manifest.slug}-print.pdf"), None)
    if printed is None or not printed.pages:
        return None
    return wrap_for(manifest, printed.pages).summary()
