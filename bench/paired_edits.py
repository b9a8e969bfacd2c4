"""Benchmark: the same one-sentence edits built by an older tree of volume and by this one, in pairs.

    python bench/paired_edits.py --old DIR [--new DIR] [--pairs 6] [--project .] [--page]

DIR is a copy of an older tree (e.g. `git archive <commit> | tar -x -C DIR`), run through PYTHONPATH; --new a copy of
the newer one (so the checkout can change while the pairs run), else the installed volume. Two copies of
the project are built once each (untimed); then each pair makes the same seeded edit (bench/run.py's) to the same
chapter of both copies and builds them one after the other, the order alternating, so both meet about the same load.
Prints each build's wall and process-tree CPU (bench/cpu.py), the pieces it laid out and the machine's load, then the
medians of new / old per pair: on a shared machine a pair's ratio says more than two separate runs. The modules are
compiled to bytecode into the bench's own folder by the untimed builds (as bench/run.py does): with
PYTHONDONTWRITEBYTECODE set, every build would compile each module it imports.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpu import measured  # noqa: E402
from run import add_a_page, body_paragraphs, edit_one_sentence  # noqa: E402


def own_bytecode(folder: Path) -> None:
    """The builds started from now on compile volume's modules once, into folder (as bench/run.py does), even where
    PYTHONDONTWRITEBYTECODE is set."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")


def copy_project(source: Path, target: Path) -> None:
    """A project's chapters and styles, copied."""
    shutil.copytree(source / "chapters", target / "chapters")
    shutil.copytree(source / "styles", target / "styles")


def build(project: Path, path: str) -> tuple[float, float]:
    os.environ["PYTHONPATH"] = path  # measured() starts the build with this process's environment
    return measured([sys.executable, "-m", "volume", "build"], project)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--new", type=Path, help="a copy of the newer tree (default: the installed one, this checkout)")
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--page", action="store_true", help="page-adding edits instead of one-sentence ones")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="volume-pairs-") as folder:
        own_bytecode(Path(folder))
        new = str(args.new.resolve()) if args.new else ""
        trees = {"old": (Path(folder) / "old", str(args.old.resolve())), "new": (Path(folder) / "new", new)}
        for project, path in trees.values():
            copy_project(args.project, project)
            build(project, path)
        chapters = sorted(p.name for p in (trees["new"][0] / "chapters").glob("*.md")
                          if body_paragraphs(p.read_text(encoding="utf-8").split("\n")))
        rows: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
        for number in range(args.pairs):
            name = chapters[number % len(chapters)]
            for project, _path in trees.values():
                if args.page:
                    add_a_page(project / "chapters" / name)
                else:
                    edit_one_sentence(project / "chapters" / name, random.Random(100 + number))
            for which in (("old", "new") if number % 2 == 0 else ("new", "old")):
                project, path = trees[which]
                rows[which].append(build(project, path))
                laid = json.loads((project / ".volume-cache" / "last-build.json").read_text())["laid_out"]
                print(f"{number} {name} {which}: {rows[which][-1][0]:.2f} s wall, {rows[which][-1][1]:.2f} s CPU, "
                      f"load {os.getloadavg()[0]:.1f}; laid out {', '.join(laid)}", flush=True)
    for index, what in ((0, "wall"), (1, "CPU")):
        ratios = [new[index] / old[index] for old, new in zip(rows["old"], rows["new"])]
        print(f"new / old {what}: median {statistics.median(ratios):.2f} ({', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
