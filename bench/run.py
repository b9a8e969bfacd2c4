"""Benchmark: volume against plain pandoc on the same chapters, side by side, alternating; prints medians and ratios.

    python bench/run.py [--runs 3] [--project .]

Baseline (what a user would otherwise run): `pandoc chapters/*.md --pdf-engine=weasyprint -o x.pdf` plus
`pandoc chapters/*.md -o x.epub` (no index, consolidated bibliography, page-list or print edition).
Measured: cold build (after `volume clean`), no-op rebuild, rebuild after editing one paragraph of one chapter.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def edit_one_paragraph(chapters: Path, round_number: int) -> None:
    """Append a sentence to the first body paragraph of one chapter (a real change of text and layout)."""
    path = chapters / "kazakhstan.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line and not line.startswith(("---", "#", "[^", "title", " ")) and i > 10)
    lines[index] += f" This sentence was added by benchmark round {round_number}."
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    volume = [sys.executable, "-m", "volume"]
    times: dict[str, list[float]] = {"baseline": [], "cold": [], "noop": [], "edit": []}
    with tempfile.TemporaryDirectory(prefix="volume-bench-") as folder:
        work = Path(folder)
        shutil.copytree(args.project / "chapters", work / "chapters")
        shutil.copytree(args.project / "styles", work / "styles")
        sources = sorted(str(p.relative_to(work)) for p in (work / "chapters").glob("*.md"))
        for round_number in range(args.runs):
            times["baseline"].append(
                timed([pandoc(), *sources, "--pdf-engine=weasyprint", "-o", "x.pdf"], work)
                + timed([pandoc(), *sources, "-o", "x.epub"], work))
            subprocess.run([*volume, "clean"], cwd=work, check=True, stdout=subprocess.DEVNULL)
            times["cold"].append(timed([*volume, "build"], work))
            times["noop"].append(timed([*volume, "build"], work))
            edit_one_paragraph(work / "chapters", round_number)
            times["edit"].append(timed([*volume, "build"], work))
            print(f"round {round_number + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()),
                  flush=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"medians of {args.runs} runs: " + ", ".join(f"{k} {v:.2f} s" for k, v in median.items()))
    print(f"cold / baseline  = {median['cold'] / median['baseline']:.2f}   (target <= 1.0)")
    print(f"no-op / cold     = {median['noop'] / median['cold']:.3f}  (target <= 0.1)")
    print(f"edit / cold      = {median['edit'] / median['cold']:.2f}   (target <= 0.6)")


if __name__ == "__main__":
    main()
