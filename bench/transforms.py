"""Benchmark: the CPU the transforms spend on a volume (the default one unless --project), in this process.

    python bench/transforms.py [--runs 5] [--project .]

The sources are converted by pandoc once (into the project's cache, so pandoc and citeproc are not measured), then
each run loads the volume from the cache and runs the transforms. Prints the median CPU seconds (this process, all
its threads: time.process_time) of loading (reading the converted sources into the model, parsing included) and of
the transforms, and their sum: the work the transforms' parsing and re-serialising used to cost lives partly in
loading now, so the sum is the figure to compare between versions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    from volume.cache import Cache
    from volume.config import find_manifest, load_manifest
    from volume.diagnostics import Report
    from volume.load import load_volume
    from volume.transforms import run_transforms

    with tempfile.TemporaryDirectory(prefix="volume-transforms-") as folder:
        project = Path(folder) / "project"
        project.mkdir()
        shutil.copytree(args.project / "chapters", project / "chapters")
        if (args.project / "styles").is_dir():
            shutil.copytree(args.project / "styles", project / "styles")
        manifest = load_manifest(find_manifest(project))
        cache = Cache(manifest.project_dir)
        run_transforms(load_volume(manifest, Report(), cache), Report())  # fills the caches (pandoc, citeproc)
        loading, transforming = [], []
        for _ in range(args.runs):
            started = time.process_time()
            volume = load_volume(manifest, Report(), cache)
            loaded = time.process_time()
            run_transforms(volume, Report())
            loading.append(loaded - started)
            transforming.append(time.process_time() - loaded)
    load, transform = statistics.median(loading), statistics.median(transforming)
    print(f"load {load:.3f} s CPU, transforms {transform:.3f} s CPU, together {load + transform:.3f} s CPU "
          f"(medians of {args.runs} runs)")


if __name__ == "__main__":
    main()
