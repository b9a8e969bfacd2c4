"""What each rule for the index's cells (bench/slot_rules.py) costs on the page, laid out for real.

    python bench/slot_pages.py [--rule today occurrences fewF-cellsK boundF-cellsK ...] [--project .] [--png DIR]
    python bench/slot_pages.py --measure KEPT.pdf [...]

For each rule, builds the project cold in a temporary copy (in a process of its own) with render/page_numbers.py's
rule replaced by it, and reads the print PDF's index pages back (`pdftotext -bbox-layout`): the index's pages, its
text lines, the entries that run on to a second line, and for every line broken among an entry's numbers, the room
left at its end after the unused cells were closed up (the widest, and how many of those lines had room for the next
line's first number: a line broken early for room no number fills). An empty line inside a column (a gap of more than one and
a half lines between two lines of entries) is a hole. `--png DIR` also keeps the print PDF (RULE.pdf) and writes
the index pages at 60 dpi (`pdftoppm`), RULE-N.png, to look at.

- `today`: a cell per occurrence up to FEW = 4 (no line break among them), else the printed count rounded up to
  CELLS = 3 (render/page_numbers.py before round 14);
- `occurrences`: a cell per occurrence for every entry, a line free to break before any cell;
- `fewF-cellsK`: a cell per occurrence up to F (no line break among them), else the printed count rounded up to K;
- `boundF-cellsK`: the same, but a line may break before as many of the cells as the entry prints numbers at the
  least (render/index_section.py's fewest_numbers: one per chapter apart, round 14).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RULES = ("today", "occurrences", "few8-cells4", "bound8-cells3")
RULE = re.compile(r"(few|bound)(\d+)-cells(\d+)")  # other rules by name, as bench/slot_rules.py names them
HEAD = 70  # points from the top of the page: the running head and its folio stand above


def _use(rule: str) -> None:
    """Replaces the shipped rule by `rule` in this process (the index's HTML is made in the main process)."""
    from volume.render import index_section, page_numbers

    found = RULE.fullmatch(rule)
    if rule == "today" or (found and found.group(1) == "few"):
        index_section.fewest_numbers = lambda entry, chapters: 1  # no line break inside a few-occurrence entry
    if rule == "today":
        index_section.INDEX_FEW, page_numbers.CELLS = 4, 3
    elif rule == "occurrences":
        page_numbers.room = lambda printed, occurrences, always=1: (max(printed, occurrences),) * 2
    elif found:
        index_section.INDEX_FEW, page_numbers.CELLS = int(found.group(2)), int(found.group(3))


def build(rule: str, project: Path, png: Path | None) -> None:
    """One rule's cold build, its index measured (and drawn, with png)."""
    from volume.build import build as build_volume

    _use(rule)
    with tempfile.TemporaryDirectory(prefix="volume-slots-") as folder:
        work = Path(folder)
        shutil.copytree(project / "chapters", work / "chapters")
        shutil.copytree(project / "styles", work / "styles")
        result = build_volume(work, force=True)
        laid_out = result.outputs[0].pages
        pdf = next(o.path for o in result.outputs if o.path.suffix == ".pdf" and "print" in o.path.name)
        if png is not None:
            png.mkdir(parents=True, exist_ok=True)
            pdf = Path(shutil.copy(pdf, png / f"{rule}.pdf"))
        first, last = index_pages(pdf)
        figures = measure(pdf, first, last)
        print(f"{rule:12} index pages {last - first + 1} (book {laid_out}), " + ", ".join(
            f"{k} {v}" for k, v in figures.items()), flush=True)
        if png is not None:
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(last), str(pdf),
                            str(png / rule)], check=True)


def _lines(pdf: Path, first: int, last: int) -> list[list[tuple]]:
    """Each page's text lines below its running head: (xMin, yMin, xMax, text, width of the first word)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            x_min, y_min, x_max = (float(v) for v in re.findall(r'(?:xMin|yMin|xMax)="([\d.]+)"', line)[:3])
            words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', line)
            if y_min > HEAD:
                lines.append((x_min, y_min, x_max, " ".join(w[2] for w in words),
                              float(words[0][1]) - float(words[0][0])))
        pages.append(lines)
    return pages


def index_pages(pdf: Path) -> tuple[int, int]:
    """The print PDF's index pages (1-based, inclusive): from the page whose first line is "Index" to the last page
    with text."""
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True).stdout).group(1))
    pages = _lines(pdf, 1, count)
    first = min(n for n, lines in enumerate(pages, 1) if lines and min(lines, key=lambda b: b[1])[3] == "Index")
    return first, max(n for n, lines in enumerate(pages, 1) if lines)


def _kind(offset: float) -> str:
    """A line by its indent from the column's left edge: an entry's first line or one it runs on to (a subentry's
    indent is 1em, a run-on line's 1.2em more than its entry's)."""
    return "run-on" if 7 < offset < 14 or offset > 24 else "entry"


def measure(pdf: Path, first: int, last: int) -> dict[str, object]:
    """Lines, run-on entries, the room left at the end of lines an entry runs on from, and holes."""
    figures = {"lines": 0, "run-on entries": 0, "widest room at a line's end before numbers (pt)": 0.0,
               "lines broken before a number that had room for it": 0, "holes": 0}
    pages = _lines(pdf, first, last)
    edges = {}  # a left and a right page have their columns in other places
    for parity in (0, 1):
        body = [b for n, lines in enumerate(pages) if n % 2 == parity for b in lines if b[3] != "Index"]
        middle = (min(b[0] for b in body) + max(b[2] for b in body)) / 2 if body else 0
        edges[parity] = [(min(b[0] for b in side), max(b[2] for b in side))
                         for side in ([b for b in body if b[0] < middle], [b for b in body if b[0] >= middle]) if side]
    for number, lines in enumerate(pages):
        for left, right in edges[number % 2]:
            column = sorted((b for b in lines if left - 8 <= b[0] < right - 20 and b[3] != "Index"),
                            key=lambda b: b[1])
            pitch = min((b[1] - a[1] for a, b in zip(column, column[1:]) if b[1] - a[1] > 1), default=10)
            figures["lines"] += len(column)
            for line, after in zip(column, column[1:]):
                heading = len(after[3]) == 1 and after[3].isupper()
                if after[1] - line[1] > 1.5 * pitch + 0.5 and not heading:
                    figures["holes"] += 1
                if _kind(after[0] - left) != "run-on":
                    continue
                figures["run-on entries"] += _kind(line[0] - left) == "entry"
                if not (line[3][-1:] in ",–" or line[3][-1:].isdigit() or line[3].endswith(", ")) \
                        or not after[3][:1].isdigit():
                    continue  # a break in the words, not among the numbers
                room = right - line[2]
                figures["widest room at a line's end before numbers (pt)"] = round(
                    max(figures["widest room at a line's end before numbers (pt)"], room), 1)
                figures["lines broken before a number that had room for it"] += room > after[4] + 3
    return figures


def measure_kept(pdf: Path) -> None:
    """A kept print PDF measured again (python bench/slot_pages.py --measure FILE.pdf)."""
    first, last = index_pages(pdf)
    print(f"{pdf.stem:12} index pages {last - first + 1}, " + ", ".join(f"{k} {v}" for k, v in
                                                                       measure(pdf, first, last).items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rule", nargs="+", default=list(RULES), help=f"{', '.join(RULES)} or {RULE.pattern}")
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--png", type=Path)
    parser.add_argument("--measure", type=Path, nargs="+", help="measure kept print PDFs instead of building")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the rule this process builds
    args = parser.parse_args()
    if args.measure:
        for pdf in args.measure:
            measure_kept(pdf)
        return
    if args.one:
        build(args.one, args.project.resolve(), args.png)
        return
    for rule in args.rule:
        command = [sys.executable, __file__, "--one", rule, "--project", str(args.project)]
        subprocess.run(command + (["--png", str(args.png)] if args.png else []), check=True)


if __name__ == "__main__":
    main()

