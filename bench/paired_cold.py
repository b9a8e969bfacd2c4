"""Benchmark: cold builds of the default volume by two trees of volume, alternating, wall and CPU side by side.

    python bench/paired_cold.py --old DIR [--pairs 3] [--project .]

DIR is another checkout of volume (e.g. `git archive BASE | tar -x -C DIR`); its builds run with PYTHONPATH=DIR,
this tree's with this checkout first on the path. Each pair is a cold build (after `volume clean`) by each tree,
the order flipped from one pair to the next, each in a copy of the project of its own; both trees' modules are
compiled to bytecode by an untimed build first (bench/run.py says why). Prints each build's wall and CPU seconds
(the whole process tree, bench/cpu.py, and by kind of process: the layout workers together, the build's own
process, the fork server, pandoc), its reading and transforms and its layout (last-build.json), the new/old
ratios of each pair and their medians, and the load average at the start and end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cpu import measured  # noqa: E402

HERE = Path(__file__).resolve().parent.parent


def _environment(tree: Path, work: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(work / f"pycache-{tree.name}"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold(tree: Path, project: Path, work: Path) -> tuple[float, float, dict, dict]:
    """One cold build of `project` by `tree`: (wall, CPU, the build's own timings, CPU by kind of process)."""
    env = _environment(tree, work)
    subprocess.run([sys.executable, "-m", "volume", "clean"], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    previous = os.environ.copy()
    os.environ.clear()
    os.environ.update(env)
    try:
        by_process: dict[str, float] = {}
        wall, cpu = measured([sys.executable, "-m", "volume", "build"], project, by_process)
    finally:
        os.environ.clear()
        os.environ.update(previous)
    timings = json.loads((project / ".volume-cache" / "last-build.json").read_text(encoding="utf-8"))["timings"]
    workers = sum(seconds for kind, seconds in by_process.items() if kind.startswith("worker"))
    kinds = {kind: seconds for kind, seconds in by_process.items() if not kind.startswith("worker")}
    return wall, cpu, timings, {"workers": workers, **kinds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, required=True, help="the other tree (a checkout of volume)")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=HERE)
    args = parser.parse_args()
    trees = {"new": HERE, "old": args.old.resolve()}
    print(f"load average at start: {os.getloadavg()}", flush=True)
    ratios: dict[str, list[float]] = {"wall": [], "cpu": [], "workers_cpu": [], "read_and_transform": []}
    with tempfile.TemporaryDirectory(prefix="volume-paired-cold-") as folder:
        work = Path(folder)
        projects = {}
        for name, tree in trees.items():
            projects[name] = work / name
            for part in ("chapters", "styles"):
                shutil.copytree(args.project / part, projects[name] / part)
            subprocess.run([sys.executable, "-m", "volume", "build"], cwd=projects[name],
                           env=_environment(tree, work), check=True, stdout=subprocess.DEVNULL)
        for pair in range(args.pairs):
            order = ["new", "old"] if pair % 2 == 0 else ["old", "new"]
            found = {}
            for name in order:
                found[name] = cold(trees[name], projects[name], work)
                wall, cpu, timings, kinds = found[name]
                print(f"pair {pair + 1} {name}: {wall:.1f} s wall, {cpu:.1f} s CPU; reading and transforms "
                      f"{timings.get('read_and_transform', 0):.2f} s, layout {timings.get('pdf_layout', 0):.2f} s, "
                      f"join {timings.get('pdf_join', 0):.2f} s (load {os.getloadavg()[0]:.1f}); CPU by process: "
                      + ", ".join(f"{kind} {seconds:.2f}"
                                  for kind, seconds in sorted(kinds.items(), key=lambda k: -k[1])),
                      flush=True)
            ratios["wall"].append(found["new"][0] / found["old"][0])
            ratios["cpu"].append(found["new"][1] / found["old"][1])
            ratios["workers_cpu"].append(found["new"][3]["workers"] / found["old"][3]["workers"])
            ratios["read_and_transform"].append(found["new"][2]["read_and_transform"]
                                                / found["old"][2]["read_and_transform"])
    for name, values in ratios.items():
        print(f"new / old {name}: median {statistics.median(values):.3f} ({', '.join(f'{v:.3f}' for v in values)})")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
