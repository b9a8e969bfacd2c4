"""Time to read the default volume's endnotes in a fresh process, the parser of this tree beside an older one.

    python3 bench/references_speed.py [--base 68029e2] [--runs 5]

Each run is a new Python process that imports the parser (and, for the new one, loads the labeller's model)
and parses every `[^n]:` note of chapters/*.md, as a cold build does. The older parser is taken from git
(`git archive BASE volume/references`, default: the commit before issue 15) into a temporary folder. Prints
the median seconds of each, their difference (what the notes add to a cold build) and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = r"""
import re, sys, time
from pathlib import Path
started = time.perf_counter()
from volume.references.parse import parse_note
notes = [m.group(1) for p in sorted(Path(sys.argv[1]).glob("*.md"))
         for m in re.finditer(r"^\[\^\d+\]:\s*(.*)$", p.read_text(encoding="utf-8"), re.M)]
parsed = [parse_note(n) for n in notes]
print(time.perf_counter() - started, len(notes))
"""


def _time(pythonpath: Path, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", RUN, str(ROOT / "chapters")], capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": str(pythonpath), "PATH": "/usr/bin:/bin"})
        seconds, count = out.stdout.split()
        times.append(float(seconds))
    return statistics.median(times), int(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="68029e2", help="the commit whose parser is compared (default 68029e2)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "volume/__init__.py",
                                  "volume/references"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        old, count = _time(Path(folder), args.runs)
    new, _ = _time(ROOT, args.runs)
    print(f"{count} notes, median of {args.runs} cold processes")
    print(f"  parser at {args.base}: {old:.3f} s")
    print(f"  this tree:            {new:.3f} s")
    print(f"  added to a cold build: {new - old:+.3f} s (target: at most +0.300 s); ratio {new / old:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
