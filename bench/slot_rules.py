"""How often the index and the bibliography would be laid out again under each rule for their page numbers' slots.

    python bench/slot_rules.py DUMP.jsonl [DUMP.jsonl ...]

Replays the builds that `bench/back_matter_edits.py --dump` wrote (each build's index locators and cited pages as
page labels) and counts, for each rule, the edits after which some entry's shape (what its layout sees) changed:

- `numbers`: every printed number a blank of its digits' width, the separators blanks too (rounds 6–8);
- `runs`: every run of pages one slot, "N" laid out wide enough for "N–N+1" and closed up when it prints alone
  (render/page_numbers.py since round 9).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _blank(label: str) -> str:
    return "0" * len(label) if label.isascii() and label.isdigit() else label


def _runs(labels: list[str]) -> list[tuple[str, str]]:
    """Consecutive arabic pages collapsed: [(first, last)] (the index's page_ranges, on labels)."""
    runs: list[list[str]] = []
    for label in dict.fromkeys(labels):
        if runs and label.isdigit() and runs[-1][1].isdigit() and int(label) == int(runs[-1][1]) + 1:
            runs[-1][1] = label
        else:
            runs.append([label, label])
    return [(a, b) for a, b in runs]


def numbers_shape(labels: list[str]) -> tuple:
    out = []
    for first, last in _runs(labels):
        out += [_blank(first)] + ([_blank(last)] if last != first else [])
    return tuple(out)


def runs_shape(labels: list[str]) -> tuple:
    out = []
    for first, last in _runs(labels):
        if not first.isdigit():
            out.append((first,))
            continue
        out.append((_blank(first), _blank(last if last != first else str(int(first) + 1))))
    return tuple(out)


def _printed(labels: list[str]) -> list[str]:
    out = []
    for first, last in _runs(labels):
        out += [first] + ([last] if last != first else [])
    return out


def cells_shape(size: int):
    """Every printed number a cell as wide as the entry's widest, their count rounded up to a multiple of `size`."""
    def shape(labels: list[str]) -> tuple:
        printed = _printed(labels)
        arabic = [p for p in printed if p.isdigit()]
        roman = tuple(p for p in printed if not p.isdigit())
        width = max((len(p) for p in arabic), default=0)
        return roman, width, -(-len(arabic) // size) * size
    return shape


def runs_cells_shape(size: int):
    """Every run a slot with room for "N–N+1", their count rounded up to a multiple of `size`."""
    def shape(labels: list[str]) -> tuple:
        runs = [r for r in _runs(labels) if r[0].isdigit()]
        roman = tuple(r[0] for r in _runs(labels) if not r[0].isdigit())
        width = max((len(x) for r in runs for x in r), default=0)
        return roman, width, -(-len(runs) // size) * size
    return shape


def _clusters(labels: list[str], gap: int) -> list[list[str]]:
    """The arabic pages in groups whose neighbours are at most `gap` pages apart."""
    groups: list[list[str]] = []
    for label in dict.fromkeys(p for p in labels if p.isdigit()):
        if groups and int(label) - int(groups[-1][-1]) <= gap:
            groups[-1].append(label)
        else:
            groups.append([label])
    return groups


def clusters_shape(gap: int, size: int):
    """Each group of pages at most `gap` apart one slot of printed numbers, their count rounded up to a multiple of
    `size` (at least `size`), as wide as the entry's widest number."""
    def shape(labels: list[str]) -> tuple:
        roman = tuple(p for p in labels if not p.isdigit())
        width = max((len(p) for p in labels if p.isdigit()), default=0)
        return roman, width, tuple(max(size, -(-len(_printed(g)) // size) * size) for g in _clusters(labels, gap))
    return shape


OCCURRENCES: dict[str, int] = {}  # term -> its occurrences in the text (they do not move with the pages)


def occurrences_shape(most: int, size: int):
    """cells_shape(size), but an entry with at most `most` occurrences gets one cell per occurrence (it can never
    print more numbers than it has occurrences)."""
    cells = cells_shape(size)

    def shape(labels: list[str], term: str = "") -> tuple:
        count = OCCURRENCES.get(term, most + 1)
        width = max((len(p) for p in labels if p.isdigit()), default=0)
        return ("occurrences", width, count) if count <= most else cells(labels)
    return shape


def bibliography_shape(labels: list[str]) -> tuple:
    return tuple(_blank(label) for label in labels)


RULES = {"numbers": numbers_shape, "runs": runs_shape, "cells2": cells_shape(2), "cells3": cells_shape(3),
         "cells4": cells_shape(4), "runcells2": runs_cells_shape(2),
         "clusters2": clusters_shape(2, 2), "clusters2x3": clusters_shape(2, 3), "clusters3": clusters_shape(3, 2),
         "occ2cells3": occurrences_shape(2, 3), "occ3cells3": occurrences_shape(3, 3), "occ4cells3": occurrences_shape(4, 3),
         "occ2cells2": occurrences_shape(2, 2), "occ3cells2": occurrences_shape(3, 2)}


def blanks(rule: str, labels: list[str], term: str = "") -> int:
    """How many digit widths the rule lays out for an entry's numbers (separators counted as one)."""
    printed = [p for p in _printed(labels) if p.isdigit()]
    if rule == "numbers":
        return sum(len(p) + 1 for p in printed)
    if rule == "runs":
        return sum(len(a) * 2 + 1 + 1 for a, _b in _runs(labels) if a.isdigit())
    shape = _shape(rule, labels, term)
    if rule.startswith("occ") and shape[0] == "occurrences":
        return shape[2] * (shape[1] + 1)
    if rule.startswith("clusters"):
        return sum(shape[2]) * (shape[1] + 1)
    return shape[2] * (shape[1] + 1) * (2 if rule.startswith("runcells") else 1)


def _shape(rule: str, labels: list[str], term: str) -> tuple:
    return RULES[rule](labels, term) if rule.startswith("occ") else RULES[rule](labels)


def main() -> None:
    paths = sys.argv[1:]
    if paths and paths[0] == "--occurrences":
        OCCURRENCES.update(json.loads(Path(paths[1]).read_text(encoding="utf-8")))
        sys.argv[1:] = paths[2:]
    totals = {rule: 0 for rule in RULES} | {"bibliography": 0, "edits": 0}
    for path in sys.argv[1:]:
        builds = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        counts = {rule: 0 for rule in RULES} | {"bibliography": 0}
        for before, after in zip(builds, builds[1:]):
            for rule, shape in RULES.items():
                counts[rule] += any(_shape(rule, before["index"].get(term, []), term) != _shape(rule, labels, term)
                                    for term, labels in after["index"].items())
            counts["bibliography"] += any(bibliography_shape(before["bibliography"].get(key, [])) !=
                                          bibliography_shape(labels) for key, labels in after["bibliography"].items())
        edits = len(builds) - 1
        if path == sys.argv[1]:
            print("digit widths laid out for the index's numbers: " + ", ".join(
                f"{rule} {sum(blanks(rule, labels, term) for term, labels in builds[0]['index'].items())}" for rule in RULES))
        print(f"{path}: {edits} edits; index laid out again under " + ", ".join(
            f"{rule} {counts[rule]}" for rule in RULES) + f"; bibliography {counts['bibliography']}")
        for key, value in counts.items():
            totals[key] += value
        totals["edits"] += edits
    print(f"all: {totals['edits']} edits; index laid out again under " + ", ".join(
        f"{rule} {totals[rule]}" for rule in RULES) + f"; bibliography {totals['bibliography']}")


if __name__ == "__main__":
    main()
