"""Benchmark: what a warm build server would give an edit, against `volume build` in a fresh process, in pairs.

    python bench/warm_edits.py [--pairs 4] [--project .]

Two copies of the project. One is built by a process that stays (as `volume build --watch` does: its layout
workers kept, the passes' results remembered between builds, volume and WeasyPrint imported once); the other by
`python -m volume build`, a fresh process each time (bench/cpu.py measures its whole process tree). Each pair
makes the same seeded one-sentence edit (bench/run.py's) to the same chapter of both and builds them one after the
other, the order alternating. Prints each build's wall time (and the fresh one's process-tree CPU), then the median
of warm / fresh wall per pair, and a cold build's wall time measured once in the same way, so that both edits can
be given as a share of it. The modules are compiled to bytecode first, as bench/run.py does.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpu import measured  # noqa: E402
from paired_edits import copy_project, own_bytecode  # noqa: E402
from run import body_paragraphs, edit_one_sentence  # noqa: E402

SERVER = """
import sys, time
from pathlib import Path
from volume.build import build, layout_scheduler, styles_dir_for
from volume.cache import remember_between_builds
from volume.config import find_manifest, load_manifest
project = Path(sys.argv[1])
remember_between_builds()
with layout_scheduler(styles_dir_for(load_manifest(find_manifest(project))), keep_warm=True) as scheduler:
    for line in sys.stdin:
        started = time.perf_counter()
        result = build(project, scheduler=scheduler)
        print(f"{time.perf_counter() - started:.3f} {','.join(result.laid_out)}", flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="volume-warm-") as folder:
        own_bytecode(Path(folder))
        warm, fresh = Path(folder) / "warm", Path(folder) / "fresh"
        for project in (warm, fresh):
            copy_project(args.project, project)
        measured([sys.executable, "-m", "volume", "build"], fresh)  # untimed: the bytecode compiled
        subprocess.run([sys.executable, "-m", "volume", "clean"], cwd=fresh, capture_output=True, check=True)
        cold, cold_cpu = measured([sys.executable, "-m", "volume", "build"], fresh)
        print(f"cold build: {cold:.2f} s wall, {cold_cpu:.2f} s CPU, load {os.getloadavg()[0]:.1f}", flush=True)
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(warm)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)

        def warm_build() -> tuple[float, str]:
            server.stdin.write("build\n")
            server.stdin.flush()
            seconds, laid = server.stdout.readline().split(" ", 1)
            return float(seconds), laid.strip()

        warm_build()  # the server's own first build: cold, untimed
        chapters = sorted(p.name for p in (fresh / "chapters").glob("*.md")
                          if body_paragraphs(p.read_text(encoding="utf-8").split("\n")))
        rows: dict[str, list[float]] = {"warm": [], "fresh": []}
        try:
            for number in range(args.pairs):
                name = chapters[number % len(chapters)]
                for project in (warm, fresh):
                    edit_one_sentence(project / "chapters" / name, random.Random(200 + number))
                for which in (("warm", "fresh") if number % 2 == 0 else ("fresh", "warm")):
                    if which == "warm":
                        seconds, laid = warm_build()
                        print(f"{number} {name} warm: {seconds:.2f} s wall; laid out {laid}", flush=True)
                    else:
                        seconds, cpu = measured([sys.executable, "-m", "volume", "build"], fresh)
                        print(f"{number} {name} fresh: {seconds:.2f} s wall, {cpu:.2f} s CPU, load "
                              f"{os.getloadavg()[0]:.1f}", flush=True)
                    rows[which].append(seconds)
        finally:
            server.stdin.close()
            server.wait()
    ratios = [w / f for w, f in zip(rows["warm"], rows["fresh"])]
    print(f"warm / fresh wall: median {statistics.median(ratios):.2f} ({', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"edit / cold wall: fresh median {statistics.median(rows['fresh']) / cold:.3f}, warm median "
          f"{statistics.median(rows['warm']) / cold:.3f} (cold {cold:.2f} s, measured once)")


if __name__ == "__main__":
    main()
