"""Give every block of a chapter an id, so the layout can tell where each printed page begins."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Chapter, Volume

BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "figure", "blockquote", "pre", "table", "dd", "dt"}


def number_blocks(chapter: Chapter) -> None:
    root = chapter.body.root
    count = 0
    for element in root.iter(*BLOCK_TAGS):  # in document order
        if not element.get("id"):
            count += 1
            element.set("id", f"{chapter.id}-b{count}")


def number_volume_blocks(volume: Volume, report: Report) -> Volume:
    for chapter in volume.chapters:
        number_blocks(chapter)
    return volume
