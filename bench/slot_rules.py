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
  numbers than it has occurrences): `few4-cells3` is what render/page_numbers.py does (FEW, CELLS).

Dumps written before the occurrences were dumped need `--occurrences FILE` (JSON: term -> count; the text's
occurrences do not move with the pages, so one count per term serves every build).
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
    return [(first, last) for first, last in runs]


def _printed(labels: list[str]) -> list[str]:
    out = []
    for first, last in _runs(labels):
        out += [first] + ([last] if last != first else [])
    return out


def numbers(labels: list[str], _occurrences: int) -> tuple:
    return tuple(_blank(p) for p in _printed(labels))


def runs(labels: list[str], _occurrences: int) -> tuple:
    return tuple((_blank(first), _blank(last if last != first else first)) if first.isdigit() else (first,)
                 for first, last in _runs(labels))


def cells(size: int, few: int = 0):
    def shape(labels: list[str], occurrences: int) -> tuple:
        printed = _printed(labels)
        arabic = [p for p in printed if p.isdigit()]
        width = max((len(p) for p in arabic), default=0)
        count = occurrences if len(arabic) <= occurrences <= few else -(-len(arabic) // size) * size
        return tuple(p for p in printed if not p.isdigit()), width, count
    return shape


RULES = {"numbers": numbers, "runs": runs, "cells2": cells(2), "cells3": cells(3), "cells4": cells(4),
         "few2-cells3": cells(3, 2), "few4-cells2": cells(2, 4), "few4-cells3": cells(3, 4),
         "few8-cells3": cells(3, 8)}


def widths(rule: str, labels: list[str], occurrences: int) -> int:
    """The digit widths a rule lays out for an entry's numbers (a separator counted as one)."""
    shape = RULES[rule](labels, occurrences)
    if rule == "numbers":
        return sum(len(p) + 1 for p in shape)
    if rule == "runs":
        return sum(len(slot[0]) * 2 + 2 for slot in shape if len(slot) == 2)
    return shape[2] * (shape[1] + 1)


def main() -> None:
    args = sys.argv[1:]
    known: dict[str, int] = {}
    if args[:1] == ["--occurrences"]:
        known = json.loads(Path(args[1]).read_text(encoding="utf-8"))
        args = args[2:]
    totals = dict.fromkeys(RULES, 0)
    edits = 0
    for number, path in enumerate(args):
        builds = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        counts = dict.fromkeys(RULES, 0)
        for before, after in zip(builds, builds[1:]):
            occurrences = after.get("occurrences") or known
            for rule, shape in RULES.items():
                counts[rule] += any(shape(before["index"].get(term, []), occurrences.get(term, 0))
                                    != shape(labels, occurrences.get(term, 0))
                                    for term, labels in after["index"].items())
        if number == 0:
            occurrences = builds[0].get("occurrences") or known
            laid = {rule: sum(widths(rule, labels, occurrences.get(term, 0))
                              for term, labels in builds[0]["index"].items()) for rule in RULES}
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
