"""Named passes over the Volume; each takes a Volume (and the report) and returns it changed, or a Deferred when
part of its work goes on in the background (citeproc formatting the bibliography, and the notes in the house
style); the Deferreds are finished in order once every pass has run."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Volume
from volume.transforms import (abbreviations, bibliography, blocks, figures, ids, index, note_style, notes, sanitize,
                               typography)
from volume.transforms.deferred import Deferred

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


def run_transforms(volume: Volume, report: Report) -> Volume:
    finishing = []
    for _name, transform in PIPELINE:
        result = transform(volume, report)
        if isinstance(result, Deferred):
            finishing.append(result.finish)
            result = result.volume
        volume = result
    for finish in finishing:
        volume = finish(volume)
    report.checkpoint()
    return volume
