"""Give every block of a chapter an id, so the layout can tell where each printed page begins."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Chapter, Volume
from volume.xhtml import parse_fragment, serialize_children

BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "figure", "blockquote", "pre", "table", "dd", "dt"}


def number_blocks(chapter: Chapter) -> Chapter:
    root = parse_fragment(chapter.body)
    count = 0
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS and not element.get("id"):
            count += 1
            element.set("id", f"{chapter.id}-b{count}")
    return chapter.with_(body=serialize_children(root))


def number_volume_blocks(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(number_blocks(c) for c in volume.chapters)
