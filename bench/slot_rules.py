"""How often the index would be laid out again under each rule for its page numbers' slots, replayed on real edits.

    python bench/slot_rules.py [--occurrences FILE] DUMP.jsonl [DUMP.jsonl ...]

Replays the builds that `bench/back_matter_edits.py --dump` wrote (each build's index locators as page labels, each
entry's count of occurrences, the bibliography's cited pages) and counts, for each rule, the edits after which some
index entry's shape (what its layout sees) changed, so the index would be laid out again; and the digit widths each
rule lays out for the default volume's index (its first build), against the room the numbers need. The shapes are
worked out from the labels, not by rendering, so rules not built can be compared on the same edits.

- `numbers`: every printed number a blank of its digits' width, the separators blanks too (rounds 6 to 8);
- `runs`: every run of pages one slot, "N" laid out as wide as "N–N+1" and closed up when it prints alone;
- `cellsK`: every printed number a cell as wide as the entry's widest, their count rounded up to a multiple of K;
- `fewF-cellsK`: cellsK, but an entry with at most F occurrences gets a cell per occurrence (it can never print more
  numbers than it has occurrences): `few4-cells3` was render/page_numbers.py's rule from round 9 to 13, `few8-cells3`
  is its count of cells since round 14 (FEW, CELLS; where a line may break among them does not change with the
  pages either, so it re-lays no more often: bench/slot_pages.py's `boundF-cellsK`);
- `occurrences`: a cell per occurrence for every entry;
- `chapters-fewF-cellsK`: fewF-cellsK for each chapter's numbers of an entry as a group of its own (dumps of round 14
  and later name each locator's chapter).

Dumps written before the occurrences were dumped need `--occurrences FILE` (JSON: term -> count; the text's
occurrences do not move with the pages, so one count per term serves every build).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _blank(label: str) -> str:
    return "0" * len(label) if label.isascii() and label.isdigit() else label


def _runs(labels: list[str]) -> list[tuple[int, int]]:
    """Consecutive arabic pages collapsed: [(first, last)] positions in labels (the index's page_ranges)."""
    runs: list[list[int]] = []
    for at, label in enumerate(labels):
        if runs and label.isdigit() and labels[runs[-1][1]].isdigit() and int(label) == int(labels[runs[-1][1]]) + 1:
            runs[-1][1] = at
        else:
            runs.append([at, at])
    return [(first, last) for first, last in runs]


def _printed(labels: list[str]) -> list[int]:
    """The positions in labels of the printed numbers."""
    out = []
    for first, last in _runs(labels):
        out += [first] + ([last] if last != first else [])
    return out


def numbers(entry: dict) -> tuple:
    return tuple(_blank(entry["labels"][p]) for p in _printed(entry["labels"]))


def runs(entry: dict) -> tuple:
    labels = entry["labels"]
    return tuple((_blank(labels[first]), _blank(labels[last])) if labels[first].isdigit() else (labels[first],)
                 for first, last in _runs(labels))


def _room(printed: int, occurrences: int, size: int, few: int) -> int:
    return occurrences if printed <= occurrences <= few else -(-printed // size) * size


def cells(size: int, few: int = 0, by_chapter: bool = False):
    """Cells as wide as the entry's widest number, `few`: a cell per occurrence up to that many, else the printed
    count rounded up to `size`; `by_chapter`: each chapter's numbers a group of its own (render/index_section.py)."""
    def shape(entry: dict) -> tuple:
        labels = entry["labels"]
        printed = [p for p in _printed(labels) if labels[p].isdigit()]
        width = max((len(labels[p]) for p in printed), default=0)
        if not by_chapter:
            return (tuple(labels[p] for p in _printed(labels) if not labels[p].isdigit()), width,
                    _room(len(printed), entry["occurrences"], size, few))
        groups: list[list] = []
        for p in printed:
            owner = entry["chapters"][p]
            if not groups or groups[-1][0] != owner:
                groups.append([owner, 0])
            groups[-1][1] += 1
        return (tuple(labels[p] for p in _printed(labels) if not labels[p].isdigit()), width,
                tuple((owner, _room(n, entry["by_chapter"].get(owner, 0), size, few)) for owner, n in groups))
    return shape


def every_occurrence(entry: dict) -> tuple:
    """A cell per occurrence for every entry: its cells never change with the pages."""
    labels = entry["labels"]
    return (tuple(label for label in labels if not label.isdigit()),
            max((len(label) for label in labels if label.isdigit()), default=0), entry["occurrences"])


RULES = {"numbers": numbers, "runs": runs, "cells3": cells(3), "occurrences": every_occurrence,
         "few4-cells3": cells(3, 4), "few4-cells4": cells(4, 4), "few4-cells6": cells(6, 4),
         "few6-cells3": cells(3, 6), "few8-cells3": cells(3, 8), "few8-cells4": cells(4, 8),
         "few8-cells6": cells(6, 8), "few10-cells3": cells(3, 10), "few12-cells3": cells(3, 12),
         "few12-cells4": cells(4, 12),
         "chapters-few4-cells3": cells(3, 4, True), "chapters-few6-cells3": cells(3, 6, True)}


def widths(rule: str, entry: dict) -> int:
    """The digit widths a rule lays out for an entry's numbers (a separator counted as one)."""
    shape = RULES[rule](entry)
    if rule == "numbers":
        return sum(len(p) + 1 for p in shape)
    if rule == "runs":
        return sum(len(slot[0]) * 2 + 2 for slot in shape if len(slot) == 2)
    count = shape[2] if isinstance(shape[2], int) else sum(n for _owner, n in shape[2])
    return count * (shape[1] + 1)


def _entries(build: dict, known: dict[str, int]) -> dict[str, dict]:
    """Each index entry of one dumped build as the rules read it."""
    occurrences = build.get("occurrences") or known
    return {term: {"labels": labels, "occurrences": occurrences.get(term, 0),
                   "chapters": build.get("chapters", {}).get(term, [""] * len(labels)),
                   "by_chapter": build.get("by_chapter", {}).get(term, {})}
            for term, labels in build["index"].items()}


def main() -> None:
    args = sys.argv[1:]
    known: dict[str, int] = {}
    if args[:1] == ["--occurrences"]:
        known = json.loads(Path(args[1]).read_text(encoding="utf-8"))
        args = args[2:]
    totals = dict.fromkeys(RULES, 0)
    edits = 0
    for number, path in enumerate(args):
        builds = [_entries(json.loads(line), known)
                  for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        if builds and not any(e["by_chapter"] for e in builds[0].values()):
            print(f"{path}: dumped without each entry's chapters; the chapters- rules see one chapter")
        counts = dict.fromkeys(RULES, 0)
        for before, after in zip(builds, builds[1:]):
            for rule, shape in RULES.items():
                empty = {"labels": [], "occurrences": 0, "chapters": [], "by_chapter": {}}
                counts[rule] += any(shape(before.get(term, empty)) != shape(entry) for term, entry in after.items())
        if number == 0:
            laid = {rule: sum(widths(rule, entry) for entry in builds[0].values()) for rule in RULES}
            print("digit widths laid out for the index's numbers (first build): "
                  + ", ".join(f"{rule} {count}" for rule, count in laid.items()))
        print(f"{path}: {len(builds) - 1} edits; index laid out again: "
              + ", ".join(f"{rule} {counts[rule]}" for rule in RULES))
        for rule in RULES:
            totals[rule] += counts[rule]
        edits += len(builds) - 1
    print(f"all: {edits} edits; index laid out again: " + ", ".join(f"{rule} {totals[rule]}" for rule in RULES))


if __name__ == "__main__":
    main()
