"""`volume build --watch`: build, then build again after each save, with the workers' fork server and the caches warm.

One scheduler serves every build (its fork server has imported WeasyPrint once; volume/scheduler.py), the piece and
pandoc caches are on disk, and the in-memory ones (style sheet, fonts) stay in this process: a rebuild spends its time
on what changed. A failed build leaves dist/ as it was and the watching goes on.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from volume.build import BuildResult, Prepared, build, layout_scheduler, styles_dir_for
from volume.cache import remember_between_builds
from volume.config import find_manifest, load_manifest
from volume.diagnostics import VolumeError
from volume.preview import DEBOUNCE_MS, STEP_MS, WAKE_MS, _shown_paths, watched_paths

log = logging.getLogger(__name__)


class WarmBuilds:
    """Builds of one project, one after another, on one scheduler (made again if the project's styles folder
    changes, since its workers are set up for one)."""

    def __init__(self, project: Path):
        remember_between_builds()
        self.project = project
        self.scheduler = None
        self.styles: Path | None = None
        self.fonts: tuple = ()  # the fonts folder as the workers were set up with it

    def build(self, progress: Callable[[str], None] = lambda step: None,
              digital_saved: Callable[[Path], None] | None = None, prepared: Prepared | None = None) -> BuildResult:
        """One build (see volume.build.build for digital_saved and prepared)."""
        styles = styles_dir_for(load_manifest(find_manifest(self.project)))
        fonts = _fonts_state(styles)
        if styles != self.styles or fonts != self.fonts:  # workers kept warm would know the fonts as they were
            self.close()
            self.scheduler, self.styles, self.fonts = layout_scheduler(styles, keep_warm=True), styles, fonts
        try:
            return build(self.project, progress, scheduler=self.scheduler, digital_saved=digital_saved,
                         prepared=prepared)
        finally:
            # the fork server and the workers up for the next build: a first build that found everything up to date
            # started none, and the first save then waited for them (WeasyPrint imported, the style sheet parsed)
            if self.scheduler is not None:
                self.scheduler.start()

    def close(self) -> None:
        if self.scheduler is not None:
            self.scheduler.close()
            self.scheduler = None


def _fonts_state(styles: Path) -> tuple:
    """Each font file's name, size and time: what the workers' fontconfig was set up from."""
    try:
        return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in (styles / "fonts").iterdir()))
    except OSError:
        return ()


def watch_and_build(project: Path, told: Callable[[list[str], BuildResult | None, VolumeError | None], None],
                    stop: threading.Event | None = None, progress: Callable[[str], None] = lambda step: None) -> None:
    """Build now, then after each burst of saves, until stop is set (or Ctrl-C); told(changed files, result, error)
    after each build (changed is empty for the first)."""
    from watchfiles import watch

    builds = WarmBuilds(project)
    root = project.resolve()
    manifest = load_manifest(find_manifest(project))
    ours = [(manifest.project_dir / manifest.output_dir).resolve(), (manifest.project_dir / ".volume-cache").resolve()]
    try:
        first = True
        # yield_on_timeout: the first batch (maybe empty) says the watcher is in place, so no save is missed
        for changes in watch(*watched_paths(project), debounce=DEBOUNCE_MS, rust_timeout=WAKE_MS, step=STEP_MS,
                             stop_event=stop, raise_interrupt=True, yield_on_timeout=True):
            # what the builds write (when the manifest sits beside dist/) is no change of the sources
            paths = [path for _kind, path in changes if not any(Path(path).resolve().is_relative_to(o) for o in ours)]
            changed = _shown_paths(root, paths)
            if first or changed:
                _one(builds, changed, told, progress)
                first = False
    finally:
        builds.close()


def _one(builds: WarmBuilds, changed: list[str], told, progress) -> None:
    try:
        result = builds.build(progress)
    except VolumeError as exc:
        told(changed, None, exc)
    else:
        told(changed, result, None)
