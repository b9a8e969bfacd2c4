"""Benchmark: where one `volume build` in a fresh process spends its wall time, step by step.

    python bench/edit_steps.py [--project DIR] [--edit CHAPTER --seed N]

Runs one build in this process with a wall-clock and a CPU timer (the main thread's CPU) around each named step of
the main process (the manifest, the inputs' key, the reading, the transforms, the checks, the layout as the main
process waits for it, the joining, saving and letting go of the digital edition, the print edition) and prints them
with the pieces laid out. With
--edit, a one-sentence edit (bench/run.py's) is made to that chapter first, so the build is an edit's. Steps that
run in other threads or processes overlap the ones listed; a step the code does not have is left out (so the same
script times an older tree, run with PYTHONPATH pointing at it).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import os
import random
import sys
import time
from pathlib import Path

STEPS = [("volume.config", "load_manifest", ["volume.build"]), ("volume.build", "inputs_key", []),
         ("volume.load", "load_volume", ["volume.build"]), ("volume.transforms", "run_transforms", ["volume.build"]),
         ("volume.checks.glyphs", "check_glyphs", []), ("volume.build", "_check_trade", []),
         ("volume.render.pdf.editions", "_lay_out", []), ("volume.render.pdf.join", "assemble",
                                                           ["volume.render.pdf.editions"]),
         ("volume.render.pdf.font_merge", "merge_fonts", []), ("volume.render.pdf.folios", "stamp_folios", []),
         ("volume.render.pdf.editions", "_write_print_edition", []),
         ("volume.render.pdf.editions", "_print_edition_pages", [])]
TIMES: dict[str, float] = collections.defaultdict(float)
CPU: dict[str, float] = collections.defaultdict(float)  # the calling thread's CPU time in each step


def _timed(name: str, function):
    def run(*args, **kwargs):
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - started
            CPU[name] += time.thread_time() - cpu
    return run


def patch_steps() -> None:
    for module_name, attribute, users in STEPS:
        module = importlib.import_module(module_name)
        function = getattr(module, attribute, None)
        if function is None:
            continue
        timed = _timed(attribute, function)
        setattr(module, attribute, timed)
        for user in users:
            other = importlib.import_module(user)
            if getattr(other, attribute, None) is function:
                setattr(other, attribute, timed)
    from volume.render.pdf import join

    for method in ("save", "close"):
        setattr(join.Book, method, _timed(f"Book.{method}", getattr(join.Book, method)))
    # the joining's own parts (inside assemble; "join add" counts the early joining thread's copies too, in its CPU)
    for method in ("add", "finish_structure", "finish_navigation"):
        if hasattr(join._Joiner, method):
            setattr(join._Joiner, method, _timed(f"  join {method}", getattr(join._Joiner, method)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--edit", help="a chapter file (in chapters/) to make a one-sentence edit to first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    import volume.build

    imported, imported_cpu = time.perf_counter() - started, time.process_time() - cpu
    patch_steps()
    if args.edit:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from run import edit_one_sentence

        edit_one_sentence(args.project / "chapters" / args.edit, random.Random(args.seed))
    mark, cpu = time.perf_counter(), time.thread_time()
    result = volume.build.build(args.project)
    TIMES["build()"], CPU["build()"] = time.perf_counter() - mark, time.thread_time() - cpu
    ahead = result.timings.get("pdf_pieces_joined_ahead")
    print(f"imports {imported:.2f} s ({imported_cpu:.2f} s CPU); laid out {', '.join(result.laid_out) or 'nothing'}; "
          + (f"{ahead} pieces joined ahead; " if ahead is not None else "") + f"load {os.getloadavg()[0]:.1f}")
    print(f"  {'step':<22} {'wall':>8} {'CPU':>8}  (CPU: the main thread's)")
    for name, seconds in TIMES.items():
        print(f"  {name:<22} {seconds:6.2f} s {CPU[name]:6.2f} s")


if __name__ == "__main__":
    main()
