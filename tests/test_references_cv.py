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


def test_a_signal_that_may_only_lower_the_confidence_is_never_weighed_up():
    """fit_calibration.fit leaves out a lowering signal the fit would weigh up, and fits the rest again: a doubt
    seen mostly on right readings does not raise the confidence of the readings it doubts."""
    import numpy as np

    from tools.fit_calibration import fit

    rng = np.random.default_rng(0)
    certainty = rng.random(200)
    right = (certainty + 0.2 * rng.random(200) > 0.6).astype(int)
    doubt = ((right == 1) & (rng.random(200) < 0.5)).astype(float)  # a "doubt" that marks right readings
    x = np.column_stack([certainty, doubt])
    free = fit(x, right, 1.0, names=["certainty", "doubt=x"], lowering=())[2]
    lowered = fit(x, right, 1.0, names=["certainty", "doubt=x"], lowering=("doubt=",))[2]
    assert free.coef_[0][1] > 0 and lowered.coef_[0][1] == 0.0 and lowered.coef_[0][0] > 0


def test_the_trade_table_counts_the_volume_references_kept():
    """--floors counts a volume's references kept by the confidence read.decide would give them: the house form's
    own when trusted and the calibrated one is at the floor or above, the calibrated one otherwise."""
    house = {"house_apa": 1.0, "rule_confidence": 0.95}
    notes = [{"readings": [[{"title": "a"}, 0.95, "", "rules", house]]},
             {"readings": [[{"title": "b"}, 0.5, "", "model", {"house_apa": 0.0}], [None, 0.0, "", "none", None]]}]
    assert cv.volume_kept(notes, lambda signals: 0.3, KEEP_BELOW, 0.2) == (1, 2)  # the model's reading is kept
    assert cv.volume_kept(notes, lambda signals: 0.3, KEEP_BELOW, 0.5) == (2, 2)  # the house form too, under 0.5
    assert cv.form(house) == "apa" and cv.form({"house_chicago": 1.0}) == "chicago" and cv.form(None) == "other"


def test_the_shipped_calibration_is_the_one_its_recipe_commit_fitted():
    """tools/fit_calibration.py rebuilds the shipped calibration from SHIPPED_FROM's tree (--verify compares the
    bytes; minutes of CPU, so not run here): the shipped file must be the one that commit holds, and that commit must
    hold the script and the fitting sets the rebuild runs."""
    import subprocess

    from tools import fit_calibration
    from volume.references import calibration

    def at_commit(path: str) -> bytes:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{fit_calibration.SHIPPED_FROM}:{path}"],
                              check=True, capture_output=True).stdout

    assert at_commit("volume/references/model/calibration.json") == calibration.MODEL.read_bytes()
    assert b"def main" in at_commit("tools/fit_calibration.py")
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", fit_calibration.SHIPPED_FROM,
                             *fit_calibration.ARCHIVED_PATHS], check=True, capture_output=True, text=True).stdout.split()
    assert listed == sorted(fit_calibration.ARCHIVED_PATHS)
