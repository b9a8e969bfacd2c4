"""The EPUB's cover image: the print cover's front panel (render/cover_design.py) drawn as a PNG, deterministically."""

from __future__ import annotations

from pathlib import Path

from volume.config_trade import trim_points
from volume.model import Volume
from volume.render.cover_design import front_cover, front_png


def cover_png(volume: Volume, styles_dir: Path) -> bytes:
    manifest = volume.manifest
    design = front_cover(volume.meta, manifest.trade.cover, manifest.chapters_dir, trim_points(manifest.trim_size),
                         styles_dir / "fonts", bleed=_bleed())
    return front_png(design, styles_dir / "fonts")


def _bleed() -> float:
    from volume.render.print_edition import BLEED

    return BLEED
