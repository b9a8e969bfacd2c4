"""Benchmark: the CPU the transforms spend on a volume (the default one unless --project), in this process.

    python bench/transforms.py [--runs 7] [--project .] [--fresh]

The sources are converted by pandoc once (into the project's cache, so pandoc and citeproc are not measured), then
each run loads the volume from the cache and runs the transforms. Prints the median CPU seconds (this process, all
its threads: time.process_time) of loading (reading the converted sources into the model, parsing included) and of
the transforms, and their sum: the work the transforms' parsing and re-serialising used to cost lives partly in
loading now, so the sum is the figure to compare between versions. Runs follow each other in one process (as in
`volume preview`, whose process stays), or with --fresh each in a new process (as `volume build` runs: nothing
compiled or read by an earlier run is kept; imports are not counted).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(project: Path, runs: int) -> list[tuple[float, float]]:
    """(load, transforms) CPU seconds of each run, in this process."""
    from volume.cache import Cache
    from volume.config import find_manifest, load_manifest
    from volume.diagnostics import Report
    from volume.load import load_volume
    from volume.transforms import run_transforms

    manifest = load_manifest(find_manifest(project))
    cache = Cache(manifest.project_dir)
    found = []
    for _ in range(runs):
        started = time.process_time()
        volume = load_volume(manifest, Report(), cache)
        loaded = time.process_time()
        run_transforms(volume, Report())
        found.append((loaded - started, time.process_time() - loaded))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--fresh", action="store_true", help="each run in a new process")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a fresh process's single run
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, 1)[0]))
        return
    with tempfile.TemporaryDirectory(prefix="volume-transforms-") as folder:
        project = Path(folder) / "project"
        project.mkdir()
        shutil.copytree(args.project / "chapters", project / "chapters")
        if (args.project / "styles").is_dir():
            shutil.copytree(args.project / "styles", project / "styles")
        measure(project, 1)  # fills the caches (pandoc, citeproc)
        if args.fresh:
            runs = [tuple(json.loads(subprocess.run([sys.executable, __file__, "--one", str(project)], check=True,
                                                    capture_output=True, text=True).stdout))
                    for _ in range(args.runs)]
        else:
            runs = measure(project, args.runs)
    load = statistics.median(r[0] for r in runs)
    transform = statistics.median(r[1] for r in runs)
    print(f"load {load:.3f} s CPU, transforms {transform:.3f} s CPU, together {load + transform:.3f} s CPU "
          f"(medians of {args.runs} runs{', each in a new process' if args.fresh else ''})")


if __name__ == "__main__":
    main()
