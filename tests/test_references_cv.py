"""The leave-one-source-out bench decides works as the parser does (bench/references_cv.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import references as bench  # noqa: E402
from bench import references_cv as cv  # noqa: E402
from volume.references.read import HOUSE_FLOOR, KEEP_BELOW  # noqa: E402


def test_the_cv_bench_decides_as_the_parser_with_the_shipped_calibration():
    """Replaying read.decide's rule (calibrated, or the house form's own confidence when trusted) from the signals
    gives the outcome the parser gives at its threshold, for records of every kind of path."""
    chosen = [r for r in cv.records() if r["set"] in ("dev", "tune-round7")][::4]
    replayed = cv.read_all(chosen)
    shipped = cv.shipped_predict()
    kinds = {"right": 0, "kept": 0}
    for record in replayed:
        simulated = cv.outcome(record, shipped, KEEP_BELOW, HOUSE_FLOOR)
        parsed = bench.score([{**record, "found": bench.readings(record["text"], None)}], KEEP_BELOW)[0]["kind"]
        assert simulated == parsed, (record["id"], simulated, parsed)
        kinds[simulated] = kinds.get(simulated, 0) + 1
    assert kinds["right"] >= 10 and kinds["kept"] >= 10  # both paths are exercised
    assert any(cv.trusted(r["readings"][0][4]) for r in replayed if r["readings"] and r["readings"][0][4])


def test_leaving_a_source_out_fits_without_it():
    records = [r for r in cv.read_all([r for r in cv.records() if r["set"] == "dev"][::3])
               if r["readings"] and r["readings"][0][4]]
    names = ["heuristic", "rule_confidence", "doubts", "no_author"]
    kept_out = [r for r in records if r["group"].endswith("nwc-chicago-notes.jsonl")]
    predict = cv.fitter([r for r in records if r not in kept_out], names, 0.03)
    assert kept_out and all(0.0 < predict(r["readings"][0][4]) < 1.0 for r in kept_out)
