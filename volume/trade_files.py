"""The files a printer and the distributors ask for, made with the editions on every build: the full-wrap cover
(<slug>-cover.pdf) and the ONIX 3.0 records (<slug>-onix.xml).

The cover is laid out in a process of its own as soon as the book's pages are known (while the PDFs are joined),
from the print edition's page count, and kept in .volume-cache/cover/ under a digest of everything it depends on:
an edit that moves no page costs nothing here. The ONIX records are written once the editions are saved.
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


class TradeFiles:
    """start() when the pages are known; finish() once the editions are written; close() in any case."""

    def __init__(self, manifest: Manifest, styles: Path, staging: Path, process_context):
        self.manifest, self.styles, self.staging = manifest, styles, staging
        self.context = process_context
        self.cache_dir = manifest.project_dir / ".volume-cache" / "cover"
        self.executor: concurrent.futures.ProcessPoolExecutor | None = None
        self.future = None
        self.job = None
        self.volume: Volume | None = None
        self.facts: PageFacts | None = None

    def start(self, volume: Volume, facts: PageFacts) -> None:
        from volume.render.cover_wrap import CoverJob, cover_html, lay_out_cover, wrap_for
        from volume.render.pieces import build_date
        from volume.render.print_edition import padded_pages

        self.volume, self.facts = volume, facts
        manifest = self.manifest
        wrap = wrap_for(manifest, padded_pages(len(facts.labels), manifest.pad_pages))
        fonts = self.styles / "fonts"
        self.job = CoverJob(cover_html(manifest, wrap, fonts, _head(volume)), wrap, fonts, self.styles / PROFILE,
                            self.staging / names(manifest.slug)[0], volume.meta.identifiers.ebook + ":cover",
                            build_date(volume))
        cached = self.cache_dir / f"{self.job.key()}.pdf"
        if cached.is_file():
            shutil.copyfile(cached, self.job.target)
            os.utime(cached)
            return
        self.executor = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=self.context)
        self.future = self.executor.submit(lay_out_cover, self.job)

    def finish(self, print_pages: int) -> list[tuple[str, int | None]]:
        """Wait for the cover, write the ONIX records; the files' names and page counts."""
        from volume.onix import onix_message, page_counts
        from volume.render.pieces import build_date

        if self.job is None:
            raise RuntimeError("the cover was never started: the book's pages were not reported")
        wrap = self.job.wrap
        if wrap.pages != print_pages:  # our bug: the cover's spine would not fit the book
            raise RuntimeError(f"cover made for {wrap.pages} pages, print edition has {print_pages}")
        if self.future is not None:
            self.future.result()
            self._keep(self.job.target, self.job.key())
        cover, onix = names(self.manifest.slug)
        pages = page_counts(self.volume, self.facts.labels, self.facts.anchors, print_pages)
        size = (wrap.trim_width * 25.4 / 72, wrap.trim_height * 25.4 / 72, wrap.spine * 25.4 / 72)
        (self.staging / onix).write_bytes(onix_message(self.volume, pages, size, build_date(self.volume)[:10]))
        return [(cover, 1), (onix, None)]

    def _keep(self, made: Path, key: str) -> None:
        """Store the cover in the cache (atomically), and forget covers unused for a day."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_dir / f".{key}.tmp-{os.getpid()}"
        shutil.copyfile(made, tmp)
        os.replace(tmp, self.cache_dir / f"{key}.pdf")
        for old in self.cache_dir.glob("*.pdf"):
            try:
                if old.stat().st_mtime < time.time() - 86400:
                    old.unlink()
            except OSError:
                pass

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
