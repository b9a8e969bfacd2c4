"""Feed the layout back into the model: index locators become the printed pages where occurrences landed."""

from __future__ import annotations

from dataclasses import replace

from volume.model import Volume
from volume.render.pagemap import PageFacts


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
    return replace(volume, index_entries=tuple(entries))
