"""Named passes over the Volume; each takes a Volume (and the report) and returns a new Volume."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Volume
from volume.transforms import abbreviations, bibliography, blocks, figures, ids, index, notes, sanitize, typography

PIPELINE = (
    ("figures", figures.resolve_images),  # first: turns pandoc's <embed> of chart data into images
    ("sanitize", sanitize.sanitize_volume),
    ("ids", ids.prefix_ids),
    ("notes", notes.collect_notes),
    ("typography", typography.refine_typography),
    ("bibliography", bibliography.start_bibliography),  # citeproc formats the entries while the rest run
    ("abbreviations", abbreviations.collect_abbreviations),
    ("index", index.mark_index_terms),
    ("blocks", blocks.number_volume_blocks),
)


def run_transforms(volume: Volume, report: Report) -> Volume:
    finishing = []
    for name, transform in PIPELINE:
        if name == "bibliography":
            volume, finish = transform(volume, report)
            finishing.append(finish)
        else:
            volume = transform(volume, report)
    for finish in finishing:
        volume = finish(volume)
    report.checkpoint()
    return volume
