"""The print edition's full-wrap cover: back, spine and front on one sheet with 3 mm bleed, PDF/X-4.

The sheet is 2 × (trim width + bleed) + spine wide and trim height + 2 × bleed high; the spine is the print
edition's pages ÷ the paper's pages per inch. The back carries the copy (render/cover_text.py) and the print
ISBN's barcode in a white box (render/barcode.py), the spine its line of text when it is wide enough, and the
front the same design as the EPUB's cover image (render/cover_design.py). WeasyPrint lays the sheet out; the
print edition's own steps (render/print_edition.py) make it PDF/X-4: process CMYK, TrimBox and BleedBox, the
CMYK output intent and the XMP; RGB pictures and transparency groups are converted through the same profile (render/cmyk_images.py, called by mark_pdfx4).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from volume.config import Manifest
from volume.config_trade import Paper, trim_points
from volume.render.barcode import barcode_box, price_addon
from volume.render.cover_design import CREAM, GOLD, NAVY, Measure, css_colour, front_cover, front_svg
from volume.render.cover_text import MARGIN, back_text, spine_length, spine_text
from volume.render.print_edition import BLEED
from volume.xhtml import escape_attr, escape_text

MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class Wrap:
    """The sheet's geometry, in points."""

    trim_width: float
    trim_height: float
    pages: int  # the print edition's, blank pages at the end included
    paper: Paper
    spine_text_min: float
    bleed: float = BLEED

    @property
    def spine(self) -> float:
        return self.paper.spine_points(self.pages)

    @property
    def width(self) -> float:
        return 2 * (self.trim_width + self.bleed) + self.spine

    @property
    def height(self) -> float:
        return self.trim_height + 2 * self.bleed

    @property
    def spine_has_text(self) -> bool:
        return self.spine >= self.spine_text_min

    def summary(self) -> str:
        """One line for the build summary: the spine and how it was reckoned."""
        paper = self.paper
        source = {"preset": f"{paper.name} paper", "ppi": f"{paper.name} paper, ppi from the manifest",
                  "caliper": f"{paper.name} paper, from its caliper"}[paper.basis]
        text = "with spine text" if self.spine_has_text else f"no spine text under {self.spine_text_min / 72:.2f} in"
        return (f"spine {self.spine / 72:.3f} in ({self.spine * MM_PER_PT:.1f} mm) = {self.pages} pages ÷ "
                f"{paper.ppi:g} PPI ({source}); cover {self.width / 72:.3f} × {self.height / 72:.3f} in, {text}")


def wrap_for(manifest: Manifest, pages: int) -> Wrap:
    width, height = trim_points(manifest.trim_size)
    settings = manifest.trade.print
    return Wrap(width, height, pages, settings.paper, settings.spine_text_min)


def barcode_for(manifest: Manifest):
    """The back cover's barcode box, or None when there is no print ISBN."""
    isbn = manifest.meta.identifiers.isbn_print
    if not isbn:
        return None
    prices = manifest.trade.prices
    return barcode_box(isbn, price_addon(prices.print, prices.currency))


def _lines(lines: list[str], css_class: str) -> str:
    return "".join(f'<span class="{css_class}">{escape_text(line)}</span>' for line in lines)


def _back(manifest: Manifest, wrap: Wrap, measure: Measure) -> str:
    barcode = barcode_for(manifest)
    barcode_height = barcode.height / MM_PER_PT if barcode else 0.0
    text = back_text(manifest, measure, (wrap.trim_width, wrap.trim_height), barcode_height)
    left, top = wrap.bleed + MARGIN, wrap.bleed
    parts = [f'<div class="back-title" style="left:{left:.3f}pt;top:{top + MARGIN:.3f}pt">'
             f'{_lines(text.title, "line")}</div>',
             f'<div class="blurb" style="left:{left:.3f}pt;top:{top + text.top:.3f}pt;font-size:{text.size}pt">'
             + "".join(f"<p>{_lines(p, 'line')}</p>" for p in text.paragraphs) + "</div>"]
    imprint = [escape_text(", ".join(x for x in (manifest.meta.publisher, manifest.meta.place) if x))]
    if manifest.trade.cover.image_credit:
        imprint.append(f'<span class="credit">Cover image: {escape_text(manifest.trade.cover.image_credit)}</span>')
    foot = wrap.bleed + wrap.trim_height - MARGIN
    width = wrap.trim_width - 2 * MARGIN - (barcode.width / MM_PER_PT + 12 if barcode else 0)
    parts.append(f'<div class="imprint" style="left:{left:.3f}pt;bottom:{wrap.height - foot:.3f}pt;'
                 f'width:{width:.3f}pt">' + "".join(f'<span class="line">{line}</span>' for line in imprint if line)
                 + "</div>")
    if barcode:
        right = wrap.bleed + wrap.trim_width - MARGIN
        parts.append(f'<div class="barcode" style="left:{right - barcode.width / MM_PER_PT:.3f}pt;'
                     f'top:{foot - barcode.height / MM_PER_PT:.3f}pt">{barcode.svg}</div>')
    return "".join(parts)


def _spine(manifest: Manifest, wrap: Wrap, measure: Measure) -> str:
    if not wrap.spine_has_text:
        return ""
    text = spine_text(manifest, measure, spine_length(wrap.trim_height), wrap.spine)
    if not text.parts:
        return ""
    spans = "".join(f'<span class="{face}" style="color:{css_colour(colour)}">{escape_text(words)}</span>'
                    for words, face, colour in text.parts)
    fold = wrap.bleed + wrap.trim_width
    # rotated a quarter turn clockwise about its top left corner: the line reads from the head to the foot
    return (f'<div class="spine-text" style="left:{fold + wrap.spine:.3f}pt;top:{wrap.bleed + MARGIN:.3f}pt;'
            f'width:{spine_length(wrap.trim_height):.3f}pt;height:{wrap.spine:.3f}pt;'
            f'line-height:{wrap.spine:.3f}pt;font-size:{text.size:.2f}pt">{spans}</div>')


CSS = """
@page {{ size: {width:.3f}pt {height:.3f}pt; margin: 0; }}
html, body {{ margin: 0; padding: 0; background: {navy}; color: {cream}; font-family: "Noto Serif"; }}
div {{ position: absolute; }}
.line {{ display: block; white-space: nowrap; }}
.back-title {{ font-weight: bold; font-size: 15pt; line-height: 1.25; color: {cream}; }}
.blurb {{ line-height: {leading}; }}
.blurb p {{ margin: 0 0 0.6em 0; }}
.imprint {{ font-size: 9.5pt; line-height: 1.35; color: {gold}; }}
.imprint .credit {{ color: {cream}; font-size: 7.5pt; white-space: normal; }}
.barcode svg {{ display: block; }}
.spine-text {{ transform-origin: 0 0; transform: rotate(90deg); text-align: center; white-space: nowrap; }}
.spine-text span + span {{ margin-left: {gap}em; }}
.spine-text .bold {{ font-weight: bold; }}
.front {{ top: 0; }}
.front svg {{ display: block; }}
"""


def cover_html(manifest: Manifest, wrap: Wrap, fonts_dir: Path, head: str) -> str:
    """The whole sheet as one HTML page (head: the document's <head> content, with its dates)."""
    from volume.render.cover_text import LEADING, SPINE_GAP

    measure = Measure(fonts_dir)
    design = front_cover(manifest.meta, manifest.trade.cover, manifest.chapters_dir,
                         (wrap.trim_width, wrap.trim_height), fonts_dir, bleed=wrap.bleed)
    css = CSS.format(width=wrap.width, height=wrap.height, navy=css_colour(NAVY), cream=css_colour(CREAM),
                     gold=css_colour(GOLD), leading=LEADING, gap=SPINE_GAP)
    front = (f'<div class="front" style="left:{wrap.bleed + wrap.trim_width + wrap.spine:.3f}pt">'
             f"{front_svg(design, wrap.bleed)}</div>")
    return (f'<!DOCTYPE html><html lang="{escape_attr(manifest.meta.language)}"><head>{head}<style>{css}</style>'
            f"</head><body>{_back(manifest, wrap, measure)}{_spine(manifest, wrap, measure)}{front}</body></html>")


@dataclass(frozen=True)
class CoverJob:
    """What the layout process needs (picklable)."""

    html: str
    wrap: Wrap
    fonts_dir: Path
    profile: Path
    target: Path
    identifier: str
    source_date: str

    def key(self) -> str:
        """The cover's cache key: its HTML, the profile, the fonts, the tools and our code that shapes it."""
        from volume.cache import versions

        h = hashlib.sha256()
        for part in (self.html, repr(self.wrap), self.identifier, self.source_date, repr(sorted(versions().items()))):
            h.update(part.encode() + b"\0")
        for path in [self.profile, *sorted(self.fonts_dir.glob("*.[ot]tf"))]:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        for name in ("cover_wrap.py", "print_edition.py", "cmyk_images.py"):
            h.update((Path(__file__).parent / name).read_bytes())
        return h.hexdigest()


def lay_out_cover(job: CoverJob) -> int:
    """Lay the sheet out and write the PDF/X-4 (in a worker process); returns the number of pages (1)."""
    from volume.render.fonts import isolate_fontconfig
    from volume.render.piece_layout import _pin_source_date

    _pin_source_date(job.source_date)
    isolate_fontconfig(job.fonts_dir)
    from weasyprint import HTML

    from volume.render.fetcher import ProjectFetcher

    fetcher = ProjectFetcher([job.fonts_dir], {}, job.fonts_dir)  # everything it shows is inline: no file is read
    document = HTML(string=job.html, url_fetcher=fetcher).render()
    raw = job.target.with_name(f".{job.target.name}.raw-{os.getpid()}")
    document.write_pdf(str(raw), pdf_variant="pdf/ua-1", pdf_identifier=job.identifier.encode())
    try:
        finish_for_press(raw, job)
    finally:
        raw.unlink(missing_ok=True)
    return len(document.pages)


def finish_for_press(raw: Path, job: CoverJob) -> None:
    """WeasyPrint's sheet made PDF/X-4 with the print edition's own steps, and saved atomically."""
    import pikepdf
    from pikepdf import Array

    from volume.render.print_edition import mark_pdfx4, recolour_page, strip_for_press

    wrap = job.wrap
    with pikepdf.open(raw) as pdf:
        strip_for_press(pdf)
        seen: set = set()
        for page in pdf.pages:
            recolour_page(pdf, page, seen)
            page.obj.MediaBox = Array([0, 0, wrap.width, wrap.height])
            page.obj.BleedBox = Array([0, 0, wrap.width, wrap.height])
            page.obj.TrimBox = Array([wrap.bleed, wrap.bleed, wrap.width - wrap.bleed, wrap.height - wrap.bleed])
        mark_pdfx4(pdf, job.profile, "cover:" + hashlib.sha256(job.html.encode()).hexdigest())
        tmp = job.target.with_name(f".{job.target.name}.tmp-{os.getpid()}")
        pdf.save(tmp, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 compress_streams=True, force_version="1.6")
    os.replace(tmp, job.target)
