"""The print cover's words set into their space before any layout: the back cover's copy broken into lines that
fit above the barcode, and the spine's line sized to the spine. Measured with the shipped fonts, so the line breaks
are ours (WeasyPrint sets each line as given) and whether the text fits is known while the volume is checked."""

from __future__ import annotations

from dataclasses import dataclass

from volume.config import Manifest
from volume.render.cover_design import CREAM, GOLD, Measure

MARGIN = 36.0  # pt between the back cover's text and the trim
BACK_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0)  # the copy's size: the largest at which it fits
LEADING = 1.42
TITLE_SIZE = 15.0
BARCODE_GAP = 20.0  # between the copy and the barcode box
IMPRINT_HEIGHT = 44.0  # the publisher's and the picture credit's lines at the foot, when there is no barcode
SPINE_MAX = 13.0  # pt: the spine's text is no larger, however thick the book
SPINE_MIN = 6.0
SPINE_GAP = 1.3  # em between the title, the editors and the publisher on the spine


@dataclass(frozen=True)
class BackText:
    title: list[str]  # the title's lines
    paragraphs: list[list[str]]  # the copy, each paragraph as its lines
    size: float
    top: float  # the copy's first baseline box top, pt from the back's trim top
    cut: bool  # the copy did not fit even at the smallest size: it ends with "…" after `words` words
    words: int


def back_copy(manifest: Manifest) -> str:
    return manifest.trade.cover.back_text or manifest.meta.description


def back_text(manifest: Manifest, measure: Measure, trim: tuple[float, float], barcode_height: float) -> BackText:
    """The title and the copy in lines, at the largest size that fits above the barcode (or the imprint)."""
    width, height = trim
    text_width = width - 2 * MARGIN
    title = measure.wrap(manifest.meta.title, "bold", TITLE_SIZE, text_width)
    top = MARGIN + len(title) * TITLE_SIZE * 1.25 + 16
    bottom = height - MARGIN - (barcode_height + BARCODE_GAP if barcode_height else IMPRINT_HEIGHT)
    paragraphs = [" ".join(p.split()) for p in back_copy(manifest).replace("\r", "").split("\n\n") if p.strip()]
    for size in BACK_SIZES:
        lines = [measure.wrap(p, "regular", size, text_width) for p in paragraphs]
        if _height(lines, size) <= bottom - top:
            return BackText(title, lines, size, top, False, sum(len(p.split()) for p in paragraphs))
    size = BACK_SIZES[-1]
    words = " ".join(paragraphs).split()
    kept = len(words)
    while kept and _height([measure.wrap(" ".join(words[:kept]) + " …", "regular", size, text_width)],
                           size) > bottom - top:
        kept -= 1
    return BackText(title, [measure.wrap(" ".join(words[:kept]) + " …", "regular", size, text_width)] if kept else [],
                    size, top, True, kept)


def _height(paragraphs: list[list[str]], size: float) -> float:
    lines = sum(len(p) for p in paragraphs)
    return lines * size * LEADING + max(0, len(paragraphs) - 1) * size * 0.6


@dataclass(frozen=True)
class SpineText:
    parts: list[tuple[str, str, tuple]]  # (text, face, colour) in reading order; empty: no spine text
    size: float
    dropped: list[str]  # what did not fit


def spine_text(manifest: Manifest, measure: Measure, length: float, spine: float) -> SpineText:
    """The spine's one line (title, editors, publisher), top to bottom, as large as the spine's width allows; the
    publisher, then the editors, left out when the line would not fit the spine's length."""
    meta = manifest.meta
    parts = [(meta.title, "bold", CREAM)]
    if meta.editors:
        parts.append((", ".join(meta.editors), "regular", CREAM))
    if meta.publisher:
        parts.append((meta.publisher, "regular", GOLD))
    edge = min(4.5, spine * 0.2)  # the spine's text keeps 1/16 in from each fold
    largest = min(SPINE_MAX, (spine - 2 * edge) / 1.2)
    if largest < SPINE_MIN:
        return SpineText([], 0.0, [])  # too thin for legible text
    dropped: list[str] = []
    while parts:
        natural = sum(measure.width(text, face, 1.0) for text, face, _ in parts) + SPINE_GAP * (len(parts) - 1)
        if length / natural >= (SPINE_MIN if len(parts) == 1 else 7.0):
            return SpineText(parts, min(largest, length / natural), dropped)
        dropped.insert(0, parts.pop()[0])
    return SpineText([], 0.0, dropped)


def spine_length(trim_height: float) -> float:
    """How much of the spine's length its text may use: the trim less 1/2 in at the head and at the foot."""
    return trim_height - 2 * MARGIN
