"""Benchmark: what a warm build server would give an edit, against `volume build` in a fresh process, in pairs.

    python bench/warm_edits.py [--pairs 4] [--project .]
    python bench/warm_edits.py --tree OLD --tree NEW [--pairs 8]    # two warm servers, one per tree

Two copies of the project. One is built by a process that stays (as `volume build --watch` does: its layout
workers kept, the passes' results remembered between builds, volume and WeasyPrint imported once); the other by
`python -m volume build`, a fresh process each time (bench/cpu.py measures its whole process tree). Each pair
makes the same seeded one-sentence edit (bench/run.py's) to the same chapter of both and builds them one after the
other, the order alternating. Prints each build's wall time (and the fresh one's process-tree CPU), then the median
of warm / fresh wall per pair, and a cold build's wall time measured once in the same way, so that both edits can
be given as a share of it. The modules are compiled to bytecode first, as bench/run.py does.

With two `--tree DIR`s (e.g. `git archive REV | tar -x -C DIR`, run through PYTHONPATH) both copies are built by
warm servers, one per tree, the same edits saved to each and built in turn (the order alternating): each build's
wall time and the CPU of the server's whole process tree (its workers, the fork server, pandoc and what it forks)
during it, then the medians of second / first per pair: what a `volume build --watch` edit costs with each tree.
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
from cpu import _processes, descendants, measured  # noqa: E402
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


def tree_cpu(root: int) -> float:
    """CPU seconds so far of a process and its descendants, with the children each has waited for."""
    table = _processes(waited=True)
    return sum(table[pid][1] for pid in descendants(root, table) if pid in table)


class Server:
    """A warm build server (SERVER) for one copy of the project, with one tree's volume on its PYTHONPATH."""

    def __init__(self, project: Path, tree: str | None = None):
        env = dict(os.environ, PYTHONPATH=tree) if tree else None
        self.process = subprocess.Popen([sys.executable, "-c", SERVER, str(project)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, env=env)

    def build(self) -> tuple[float, float, str]:
        """(wall seconds, CPU seconds of the server's tree, the pieces laid out) of one build."""
        before = tree_cpu(self.process.pid)
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        seconds, laid = self.process.stdout.readline().split(" ", 1)
        return float(seconds), tree_cpu(self.process.pid) - before, laid.strip()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def two_trees(args) -> None:
    """--tree OLD --tree NEW: a warm server for each, the same edits, in pairs."""
    with tempfile.TemporaryDirectory(prefix="volume-warm-trees-") as folder:
        own_bytecode(Path(folder))
        projects = [Path(folder) / f"tree{i}" for i in range(2)]
        servers = []
        try:
            for project, tree in zip(projects, args.tree):
                copy_project(args.project, project)
                servers.append(Server(project, str(tree.resolve())))
            for server in servers:
                server.build()  # the server's own first build: cold, untimed
            chapters = sorted(p.name for p in (projects[0] / "chapters").glob("*.md")
                              if body_paragraphs(p.read_text(encoding="utf-8").split("\n")))
            rows: list[list[tuple[float, float]]] = [[], []]
            for number in range(args.pairs):
                name = chapters[number % len(chapters)]
                for project in projects:
                    edit_one_sentence(project / "chapters" / name, random.Random(200 + number))
                for which in ((0, 1) if number % 2 == 0 else (1, 0)):
                    seconds, cpu, laid = servers[which].build()
                    rows[which].append((seconds, cpu))
                    print(f"{number} {name} tree {which + 1}: {seconds:.2f} s wall, {cpu:.2f} s CPU, load "
                          f"{os.getloadavg()[0]:.1f}; laid out {laid}", flush=True)
        finally:
            for server in servers:
                server.close()
    for what, at in (("wall", 0), ("CPU", 1)):
        ratios = [new[at] / old[at] for old, new in zip(*rows)]
        print(f"tree 2 / tree 1 {what}: median {statistics.median(ratios):.2f} (" + ", ".join(f"{r:.2f}" for r in
                                                                                          ratios) + ")")
    print("medians, tree 1 / tree 2: " + " / ".join(f"{statistics.median(r[0] for r in row):.2f} s wall, "
                                                    f"{statistics.median(r[1] for r in row):.2f} s CPU" for row in rows))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="twice: warm servers of two trees side by side instead of warm against fresh")
    args = parser.parse_args()
    if args.tree:
        if len(args.tree) != 2:
            raise SystemExit("--tree takes two trees")
        return two_trees(args)
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
