"""The EPUB's cover image: the print cover's front panel (render/cover_design.py) drawn as a PNG, deterministically,
and kept in the build cache (.volume-cache/epub-cover/) under a digest of everything it is drawn from: encoding the
PNG took 0.3-0.5 s of CPU on every build, and an edit of the text does not change it."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from volume.config_trade import BLEED, trim_points
from volume.model import Volume
from volume.render.cover_design import FONTS, PNG_WIDTH, front_cover, front_png

CACHE_KIND = "epub-cover"
UNUSED_FOR = 86400  # seconds: cover images no build has used for a day are forgotten


def cover_png(volume: Volume, styles_dir: Path) -> bytes:
    """The cover image, from the project's build cache when it was drawn from the same design, fonts and code."""
    import zlib

    from PIL import __version__ as pillow

    from volume.cache import CACHE_DIR
    from volume.render import cover_design

    manifest = volume.manifest
    fonts = styles_dir / "fonts"
    design = front_cover(volume.meta, manifest.trade.cover, manifest.chapters_dir, trim_points(manifest.trim_size),
                         fonts, bleed=BLEED)
    # what draws it: the design, the fonts, the drawing code, Pillow and zlib (not cache.versions(): looking the
    # installed packages' versions up took a tenth of a second in the worker that packages the EPUB)
    key = hashlib.sha256(repr((design, PNG_WIDTH, pillow, zlib.ZLIB_RUNTIME_VERSION)).encode("utf-8"))
    key.update(Path(cover_design.__file__).read_bytes())
    for name in sorted(set(FONTS.values())):
        try:
            key.update(name.encode("utf-8") + b"\0" + hashlib.sha256((fonts / name).read_bytes()).digest())
        except OSError:
            key.update(name.encode("utf-8") + b"\0missing")
    folder = manifest.project_dir / CACHE_DIR / CACHE_KIND
    cached = folder / f"{key.hexdigest()}.png"
    try:
        data = cached.read_bytes()
        os.utime(cached)
        return data
    except OSError:
        pass
    data = front_png(design, fonts)
    _keep(folder, cached, data)
    return data


def _keep(folder: Path, cached: Path, data: bytes) -> None:
    """Written atomically (another build may read it meanwhile); images unused for a day are forgotten."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{cached.name}.tmp-{os.getpid()}"
        tmp.write_bytes(data)
        os.replace(tmp, cached)
        for old in folder.glob("*.png"):
            if old != cached and old.stat().st_mtime < time.time() - UNUSED_FOR:
                old.unlink()
    except OSError:
        pass  # a cache that cannot be written only costs time
