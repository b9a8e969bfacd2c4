"""Benchmark: the layout workers' CPU with a WeasyPrint patch of render/pdf/weasy.py and without, piece by piece.

    python bench/paired_pieces.py [--runs 3] [--patch keep_used_values] [--jobs DIR] [--pieces index,bibliography]

Makes a cold build of a copy of the default volume that keeps every piece's layout job (VOLUME_KEEP_JOBS, in
render/pdf/layout.py), unless DIR holds them already; then lays the pieces out again, each run in a fresh process as
a worker does, with the patch and without it alternating (the order flipped each run). Prints each run's CPU
seconds (this process: time.process_time) per piece and in all, the with/without ratio of each pair, and whether
every piece's PDF had the same bytes both ways.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def child(jobs: Path, names: list[str], patch: str | None, out: Path) -> None:
    """Lay the pieces out in this process; print {piece: [CPU seconds, md5 of its PDF]} as JSON."""
    from volume.render.pdf import layout, weasy

    if patch:
        setattr(weasy, patch, lambda: None)  # the patch left out: its function made a no-op before the set-up
    loaded = [pickle.loads((jobs / f"{name}.pickle").read_bytes()) for name in names]
    found = {}
    for job in loaded:
        job.target = out / f"{job.name}.pdf"
        started = time.process_time()
        layout.lay_out_piece(job)
        found[job.name] = [time.process_time() - started, hashlib.md5(job.target.read_bytes()).hexdigest()]
    print(json.dumps(found))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--patch", default="keep_used_values")
    parser.add_argument("--jobs", type=Path)
    parser.add_argument("--pieces", default="")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        jobs, names, left_out = args.child
        return child(Path(jobs), names.split(","), left_out or None, Path(tempfile.mkdtemp(prefix="volume-pieces-")))
    with tempfile.TemporaryDirectory(prefix="volume-paired-pieces-") as folder:
        jobs = args.jobs or Path(folder) / "jobs"
        if not any(jobs.glob("*.pickle")):
            jobs.mkdir(parents=True, exist_ok=True)
            project = Path(folder) / "project"
            for part in ("chapters", "styles"):
                shutil.copytree(HERE / part, project / part)
            subprocess.run([sys.executable, "-m", "volume", "build"], cwd=project, check=True,
                           stdout=subprocess.DEVNULL, env=dict(os.environ, VOLUME_KEEP_JOBS=str(jobs.resolve())))
        names = args.pieces.split(",") if args.pieces else sorted(p.stem for p in jobs.glob("*.pickle"))
        print(f"load average at start: {os.getloadavg()}", flush=True)
        runs: dict[str, list[dict]] = {"with": [], "without": []}
        for run in range(2 * args.runs):
            which = ("with", "without")[(run + run // 2) % 2]  # with, without, without, with, ...
            output = subprocess.run([sys.executable, __file__, "--child", str(jobs), ",".join(names),
                                     "" if which == "with" else args.patch], check=True, capture_output=True,
                                    text=True).stdout
            runs[which].append(json.loads(output.strip().splitlines()[-1]))
            found = runs[which][-1]
            print(f"{which} the patch: {sum(v[0] for v in found.values()):.2f} s CPU; " + ", ".join(
                f"{name} {v[0]:.2f}" for name, v in found.items()), flush=True)
    ratios = [sum(v[0] for v in a.values()) / sum(v[0] for v in b.values())
              for a, b in zip(runs["with"], runs["without"])]
    same = all(found[name][1] == runs["without"][0][name][1] for found in runs["with"] + runs["without"]
               for name in names)
    print(f"with / without, CPU: median {statistics.median(ratios):.3f} ({', '.join(f'{r:.3f}' for r in ratios)})")
    print(f"every piece's PDF the same bytes in every run: {same}")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
