"""Build the shape index of the reference parser (volume/references/model/shapes.json): the token shapes
(volume.references.shapes.shape) of every tuning string the readers and the calibration were written and fitted on.

    python3 tools/build_shapes.py [--verify]

The strings are those bench/references_cv.py reads (dev/, tune-anystyle/, tune-fresh/, tune-round7/, the fit halves
of tune-eval1/, tune-r9/ … tune-r12-lang/) and the late fit halves (tune-r13/fit, tune-r13-lang/fit, tune-eval4's
fit half); never a check half nor a held-out set, so that their strings stay unseen. Ibid. notes are left out. The
shapes are written sorted and without repeats (deterministic); --verify compares a rebuild with the shipped file.

The gate (volume.references.shapes.gate) is GATE_PERCENTILE of the strings' novelty against the shapes of every
other source (a set's file): a string farther from every known shape than 99 tuning strings in 100 are from the other
sources' is of a form none was like. Chosen so, not on outcomes; on the rules-held-out estimate
(bench/references_unseen.py) it kept 1 work printed wrong and none right, and no reference of the default volume.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.references_cv import LATE, SETS, records  # noqa: E402
from volume.references.shapes import INDEX, shape  # noqa: E402


GATE_PERCENTILE = 99


def gate(texts: list[str], groups: list[str]) -> float:
    """GATE_PERCENTILE of each string's distance to the nearest shape of another source."""
    import numpy as np
    from rapidfuzz import fuzz, process

    shaped = [shape(t) for t in texts]
    similar = process.cdist(shaped, shaped, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
    same = np.array(groups)[:, None] == np.array(groups)[None, :]
    similar[same] = 0.0
    return round(float(np.percentile(1.0 - similar.max(axis=1), GATE_PERCENTILE)), 3)


def build() -> str:
    chosen = records(SETS + LATE)
    shapes = sorted({shape(r["text"]) for r in chosen} - {""})
    return json.dumps({"built by": "python3 tools/build_shapes.py", "sets": list(SETS + LATE), "strings": len(chosen),
                       "gate": gate([r["text"] for r in chosen], [r["group"] for r in chosen]),
                       "shapes": shapes}, ensure_ascii=False, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verify", action="store_true", help="compare a rebuild with the shipped file")
    args = parser.parse_args(argv)
    text = build()
    if args.verify:
        same = INDEX.exists() and INDEX.read_text(encoding="utf-8") == text
        print(f"shape index rebuilt: {'identical to' if same else 'DIFFERS from'} the shipped file")
        return 0 if same else 1
    INDEX.write_text(text, encoding="utf-8")
    stored = json.loads(text)
    print(f"wrote {INDEX.relative_to(ROOT)}: {len(stored['shapes'])} shapes, gate {stored['gate']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
