"""Named passes over the Volume; each takes a Volume (and the report) and returns a new Volume."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Volume
from volume.transforms import (abbreviations, bibliography, blocks, figures, ids, index, note_style, notes, sanitize,
                               typography)

PIPELINE = (
    ("figures", figures.resolve_images),  # first: turns pandoc's <embed> of chart data into images
    ("sanitize", sanitize.sanitize_volume),
    ("ids", ids.prefix_ids),
    ("notes", notes.collect_notes),
    ("typography", typography.refine_typography),
    ("bibliography", bibliography.start_bibliography),  # citeproc formats the entries while the rest run
    ("note_style", note_style.start_note_style),  # and the notes in the house style ([notes] style)
    ("abbreviations", abbreviations.collect_abbreviations),
    ("index", index.mark_index_terms),
    ("blocks", blocks.number_volume_blocks),
)

BACKGROUND = {"bibliography", "note_style"}  # these return (volume, finish): their work ends after the others'


def run_transforms(volume: Volume, report: Report) -> Volume:
    finishing = []
    for name, transform in PIPELINE:
        if name in BACKGROUND:
            volume, finish = transform(volume, report)
            finishing.append(finish)
        else:
            volume = transform(volume, report)
    for finish in finishing:
        volume = finish(volume)
    report.checkpoint()
    return volume
