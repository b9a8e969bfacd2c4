"""The rules-held-out estimate: how the reference parser's confidence carries over to strings no house rule was
written for.

    python3 bench/references_unseen.py [--commit C] [--cache FILE] [--novelty] [--floors F ...]
                                       [--novel G F] [--mangled-weight W] [--gate G] [--late SET ...]

bench/references_cv.py leaves a source out of the calibration but not out of the rules and checks, which were
written while looking at every tuning source: on the fit halves its mangled share stays near 1% while held-out sets
read 5-9%. Here the readers are taken from a commit before the late sets came in (COMMIT, default 808f396^: round
12's tree, before tune-r13/ and tune-r13-lang/ were added, while tune-eval4/ was still the held-out eval4): its
volume/, tools/ and bench/ are taken out of git (`git archive`) into a temporary folder, this tree's labelled records
(dev/, tune-anystyle/, tune-fresh/, tune-eval1/, tune-round7/, the fit halves of tune-r9/ … tune-r12-lang/, and the
late fit halves: tune-r13/fit, tune-r13-lang/fit, tune-eval4's fit half; never a check half nor a held-out set) are
copied beside them, and that tree's readers read every record at threshold 0 with the calibration off (its
tools/fit_calibration.read_note). Then, here, the calibration is fitted as tools/fit_calibration.py fits it on the
fitting sets' readings, and the late fit halves are decided by read.decide's rule (bench/references_cv.confidence)
and scored by this tree's bench/references.py definitions. `--commit 913efcd^ --late tune-r12/fit tune-r12-lang/fit
tune-r13/fit tune-r13-lang/fit tune-eval4:fit` takes the readers from before round 12's sets came in (eval4 then held
out), scoring 487 works. Since the labellers are this round's models only where the
old tree's are the same files, the estimate is of the whole parser as it was, not of today's readers: it measures how
far the in-sample figures are from unseen ones, and which confidence rules close the gap.

--novelty fits with the shape's novelty too (volume.references.shapes' distance to the nearest shape of the
pre-late sets; a fitting record's own source left out). --floors prints the late sets' shares for each HOUSE_FLOOR
(the calibrated confidence under which even the house form read whole is kept); --novel G F keeps the house form of
a shape whose novelty is above G unless its calibrated confidence is F or more. Every reading whose novelty is above
the shipped gate (volume.references.shapes.gate(); --gate G another, 9 none) is kept, as read.decide keeps it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import references_cv as cv  # noqa: E402

COMMIT = "808f396^"  # the tree before tune-r13/ came in (round 12's readers)
FITTING = ("dev", "tune-anystyle", "tune-fresh", "tune-eval1")  # tools/fit_calibration.SETS' folders
READER = """
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd()))
from bench import references as bench
from tools.fit_calibration import read_note
out = []
for name in json.loads(sys.argv[2]):
    folder, _, half = name.partition(":")
    chosen = bench.read_records([Path.cwd() / "tests/cases/references" / folder])
    for record in (bench.halves(chosen)[0] if half == "fit" else chosen):
        if not record.get("ibid"):
            out.append({**record, "set": folder, "group": folder + "/" + record["file"].split(":")[0],
                        **read_note(record["text"])})
Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
"""


def old_readings(commit: str, cache: Path | None) -> list[dict]:
    """Every tuning record (cv.SETS and cv.LATE) read by the readers of the commit's tree."""
    sets = list(cv.SETS + cv.LATE)
    if cache and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("commit") == commit and stored.get("sets") == sets:
            return stored["records"]
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, "volume", "tools", "bench"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="references-unseen-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        for name in {s.partition(":")[0].split("/")[0] for s in sets}:  # this tree's labels, never a held-out set
            shutil.copytree(ROOT / "tests/cases/references" / name, Path(folder) / "tests/cases/references" / name)
        output = Path(folder) / "readings.json"
        subprocess.run([sys.executable, "-c", READER, str(output), json.dumps(sets)], check=True, cwd=folder,
                       env={**os.environ, "PYTHONPATH": folder})
        found = json.loads(output.read_text(encoding="utf-8"))
    if cache:
        cache.write_text(json.dumps({"commit": commit, "sets": sets, "records": found}, ensure_ascii=False),
                         encoding="utf-8")
    return found


LATE = list(cv.LATE)  # the sets scored (--late): those that came in after COMMIT


def late_sets() -> set[str]:
    return {name.partition(":")[0] for name in LATE}


def with_novelty(found: list[dict]) -> list[dict]:
    """Each record's shape against the pre-late sets' shapes, its own source left out."""
    import numpy as np

    late = list(late_sets())
    return cv.novelties(found, cv.shape_similarity(found), lambda r, g, s: np.isin(s, late) | (g == r["group"]))


def shares(kinds: list[str]) -> str:
    n = len(kinds) or 1
    return "/".join(f"{sum(k == kind for k in kinds) / n:5.1%}" for kind in ("right", "mangled", "kept"))


def decided(late: list[dict], predict, threshold: float, floor: float, novel: tuple[float, float] | None) -> list[str]:
    """The late records' outcomes; novel (G, F): a house form of a shape more novel than G needs F calibrated."""
    kinds = []
    for record in late:
        signals = record["readings"][0][4] if record["readings"] else None
        unfamiliar = novel and signals and signals.get("shape_novelty", 0.0) > novel[0]
        kinds.append(cv.outcome(record, predict, threshold, max(floor, novel[1]) if unfamiliar else floor))
    return kinds


def main(argv: list[str] | None = None) -> int:
    from tools import fit_calibration as fc
    from volume.references.read import HOUSE_FLOOR

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--commit", default=COMMIT, help="the readers' commit (before the late sets came in)")
    parser.add_argument("--cache", type=Path, help="keep the old readers' readings in this file")
    parser.add_argument("--novelty", action="store_true", help="fit with the shape's novelty too")
    parser.add_argument("--floors", type=float, nargs="+", default=[HOUSE_FLOOR], help="HOUSE_FLOOR values")
    parser.add_argument("--novel", type=float, nargs=2, metavar=("G", "F"),
                        help="a house form whose shape's novelty is above G is kept under F calibrated")
    parser.add_argument("--late", nargs="+", default=list(cv.LATE), metavar="SET",
                        help="the sets scored, all come in after COMMIT (default: bench/references_cv.LATE)")
    parser.add_argument("--mangled-weight", type=float, default=fc.MANGLED_WEIGHT)
    parser.add_argument("--gate", type=float, help="keep a reading whose shape's novelty is above (default: the "
                        "shipped gate, volume.references.shapes.gate(); 9: none)")
    args = parser.parse_args(argv)
    LATE[:] = args.late
    found = old_readings(args.commit, args.cache)
    found = with_novelty(found)  # what the gate and --novelty see
    if args.gate is not None:
        cv.GATE[:] = [args.gate]
    names = [n for n in fc.feature_names([rd[4] for r in found for rd in r["readings"] if rd[4]])
             if n not in cv.NEW_SIGNALS] + (["shape_novelty"] if args.novelty else [])
    pool = [r for r in found if r["set"] in FITTING]
    late = [r for r in found if r["set"] in late_sets()]
    predict = cv.fitter(pool, sorted(names), fc.C, args.mangled_weight)
    print(f"readers of {args.commit}; calibration fitted on {', '.join(FITTING)} ({len(pool)} records); "
          f"{len(late)} late records; right/mangled/kept" + (f"; novel > {args.novel[0]}: floor {args.novel[1]}"
                                                              if args.novel else ""))
    thresholds = [t / 100 for t in range(80, 97, 2)]
    print(f"{'floor':>5} " + " ".join(f"{t:>17.2f}" for t in thresholds))
    for floor in args.floors:
        row = [shares(decided(late, predict, t, floor, tuple(args.novel) if args.novel else None)) for t in thresholds]
        print(f"{floor:5.2f} " + " ".join(f"{s:>17}" for s in row))
    from volume.references.read import KEEP_BELOW

    paths: Counter = Counter()
    for record, kind in zip(late, decided(late, predict, KEEP_BELOW, args.floors[0],
                                          tuple(args.novel) if args.novel else None)):
        signals = record["readings"][0][4] if record["readings"] else None
        paths["house form trusted" if signals and cv.trusted(signals) else "calibrated", kind] += 1
    print(f"at {KEEP_BELOW}, floor {args.floors[0]}: " + ", ".join(f"{p} {k} {n}" for (p, k), n in sorted(paths.items())))
    for name in sorted(late_sets()):
        chosen = [r for r in late if r["set"] == name]
        print(f"  {name:20} {len(chosen):4d} works at {KEEP_BELOW}: "
              f"{shares(decided(chosen, predict, KEEP_BELOW, args.floors[0], None))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
