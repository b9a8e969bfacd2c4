"""Feed the layout back into the model: index locators become the printed pages where occurrences landed."""

from __future__ import annotations

from dataclasses import replace

from volume.model import PageFacts, Volume


def apply_page_facts(volume: Volume, facts: PageFacts) -> Volume:
    entries = []
    for entry in volume.index_entries:
        seen: dict[int, str] = {}
        for occurrence in entry.occurrences:
            index = facts.anchors.get(occurrence.anchor)
            if index is not None and index not in seen:
                seen[index] = occurrence.anchor
        locators = tuple((index, facts.labels[index], anchor) for index, anchor in sorted(seen.items()))
        entries.append(replace(entry, locators=locators))
    bibliography = []
    for entry in volume.bibliography:
        pages: dict[tuple[str, int], str] = {}
        for citing in entry.citing:
            index = facts.anchors.get(citing.anchor)
            if index is not None:
                pages.setdefault((citing.chapter_id, index), citing.anchor)
        bibliography.append(replace(entry, pages=tuple(
            (chapter_id, facts.labels[index], anchor) for (chapter_id, index), anchor in pages.items())))
    return replace(volume, index_entries=tuple(entries), bibliography=tuple(bibliography))
