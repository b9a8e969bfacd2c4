"""Leave-one-source-out estimate of how the reference parser's calibrated confidence generalises to unseen sources.

    python3 bench/references_cv.py [--threshold T] [--c C] [--cache FILE] [--by-fold] [--thresholds]
                                   [--leave-out PREFIX ...] [--fit-sets SET ...] [--mangled-weight W]
                                   [--crossfit FIRST SECOND] [--floors F ...] [--fields] [--lowering PREFIX ...]
                                   [--doubts] [--by-set] [--novelty] [--gate G]

Every record of the tuning sets (dev/, tune-anystyle/, tune-fresh/, the fit half of tune-eval1/, tune-round7/,
tune-r10/fit/, tune-r9/fit/, tune-r11/fit/, since round 13 tune-r12/fit/ and tune-r12-lang/fit/ too, a row giving
the first eight alone; never eval2/, eval3/ nor a check half) is read once at threshold 0 with
the calibration switched off, keeping the signals of each reading (volume.references.calibration.signals). Then, for
each source (a set's file: one published list, one set of notes), the calibration is fitted as
tools/fit_calibration.py fits it, on the fitting sets' records of every *other* source, and the records of the
held-out source are scored with it: the reading's confidence is the calibrated one, or the house rules' own when the
house form read whole is trusted (read.decide's rule: APA's form, or a Chicago note both labellers confirm, unless
the calibrated confidence is under HOUSE_FLOOR); fixed-confidence readings (a bare URL, the pasted web-note forms)
keep theirs. The shares right, mangled and kept (bench/references.py's definitions) are printed for the pooled
held-out predictions, per set, and for the folds the labellers were never trained on (dev/, tune-round7/: the
held-out-like folds), beside the shipped calibration's figures on the same records (in-sample for the sets it was
fitted on).

The labellers themselves are not retrained per fold (about ten minutes a model): on tune-fresh/ and the fit half
of tune-eval1/, which they were trained on, their marginals are surer than on unseen strings, so only the
held-out-like folds estimate generalisation honestly; --crossfit FIRST SECOND reads those two sets with labeller
models trained without them (tools/fit_calibration.py's docstring says how to train them). The house rules and
checks were written while looking at every tuning source: no split of these sets shows how they carry over.

--floors F … prints the trade of the house form's trust for each HOUSE_FLOOR: the left-out sources' shares beside
the default volume's references (the notes of chapters/, read as the build reads them) kept as written by a
calibration fitted on every fitting record (what tools/fit_calibration.py would ship). --fields prints, for the
works the left-out calibration prints with a wrong field and for every first reading that would print one at
threshold 0, which fields are wrong, by the form the house rules read it in (apa, chicago, other).

--by-set leaves each set out whole (the late fit halves LATE read too): the calibration is fitted on the other sets'
records. --novelty fits with the shape's novelty (volume.references.shapes) as a feature, each record's measured
against the shapes of the sources its fold leaves in (its own source out; by set, the set left out too). Either way
the rules were written looking at these strings: round 15 measured --by-set at 58.8% right / 1.1% mangled (0.88)
where the readers of a commit before the late sets came in print 4.4% of them wrong (bench/references_unseen.py,
the estimate to optimise). A reading whose novelty is above the shipped gate is kept (read.decide's rule; --gate G
another, 9 none); a tuning string's own novelty, read here without --novelty, is that against the whole index.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import references as bench  # noqa: E402
from volume.references.boundary_checks import CERTAIN  # noqa: E402
from volume.references import shapes  # noqa: E402
from volume.references.read import DOUBTFUL, WHOLE_READER  # noqa: E402

SETS = ("dev", "tune-anystyle", "tune-fresh", "tune-eval1:fit", "tune-round7", "tune-r10/fit", "tune-r9/fit", "tune-r11/fit",
        "tune-r12/fit", "tune-r12-lang/fit")  # the last two since round 13 (the figures before it: the first eight)
BEFORE_ROUND_13 = SETS[:8]
NEW_SIGNALS = ("shape_novelty",)  # round 15's signal, fitted on only when asked for (--novelty)
LATE = ("tune-r13/fit", "tune-r13-lang/fit", "tune-eval4:fit")  # sets the shipped calibration was not fitted on and
# most house rules were written before (rounds 13-14): --by-set leaves each set out whole, these too


def _fitted_on() -> tuple[str, ...]:
    """tools/fit_calibration.py's sets, as this bench names them (a folder, without the half)."""
    from tools.fit_calibration import SETS as FIT_SETS

    return tuple(name.split("tests/cases/references/", 1)[1].partition(":")[0] for name in FIT_SETS)


FITTED_ON = _fitted_on()
UNSEEN = ("dev", "tune-round7")
TRAINED_ON = ("tune-fresh", "tune-eval1")  # the labellers' aligned training records (tools/align_labels.py)  # sets no labeller was trained on (tune-anystyle is a fifth of its training corpus)


def records(sets: tuple[str, ...] = SETS) -> list[dict]:
    """The tuning records, each with its set and source (set/file) named."""
    found = []
    for name in sets:
        folder, _, half = name.partition(":")
        chosen = bench.read_records([ROOT / "tests/cases/references" / folder])
        if half == "fit":
            chosen = bench.halves(chosen)[0]
        for record in chosen:
            if not record.get("ibid"):
                found.append({**record, "set": folder, "group": f"{folder}/{record['file'].split(':')[0]}"})
    return found


def read_all(chosen: list[dict], crossfit: tuple[Path, Path] | None = None) -> list[dict]:
    """Each record's readings at threshold 0, uncalibrated: (work, confidence, reason, method, signals); crossfit:
    labeller models trained without the records of TRAINED_ON, which then read those records."""
    from tools.fit_calibration import read_note

    return [{**record, **read_note(record["text"], crossfit if record["set"] in TRAINED_ON else None)}
            for record in chosen]


UNREAD = (":!volume/references/shapes.py", ":!volume/references/model/shapes.json",
          ":!volume/references/model/calibration.json")  # files the readings at threshold 0 with the calibration off
# do not depend on (the shape's novelty is set by each fold here): a change to them keeps the cache


def cached_readings(path: Path | None, crossfit: tuple[Path, Path] | None = None,
                    sets: tuple[str, ...] = SETS) -> list[dict]:
    """read_all(records()), kept in a file keyed, set by set, by the reader's code and models so that runs can be
    repeated."""
    if path is None:
        return read_all(records(sets), crossfit)
    spec = ["--", "volume/references", *UNREAD]
    code = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-s", *spec], capture_output=True,
                          text=True).stdout + subprocess.run(["git", "-C", str(ROOT), "diff", "HEAD", *spec],
                                                             capture_output=True, text=True).stdout
    models = b"".join(p.read_bytes() for p in crossfit or ())
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    stored = stored.get("sets", {})
    found = []
    for name in sets:
        chosen = records((name,))
        key = hashlib.sha1((code + json.dumps([r["id"] for r in chosen])).encode() + models).hexdigest()
        if stored.get(name, {}).get("key") != key:
            stored[name] = {"key": key, "records": read_all(chosen, crossfit)}
            path.write_text(json.dumps({"sets": stored}, ensure_ascii=False), encoding="utf-8")
        found.extend(stored[name]["records"])
    return found


def target(record: dict) -> int:
    """1 when the first reading, printed, is fully right with nothing printed wrong."""
    first = record["readings"][0]
    outcome = bench.score([{**record, "found": ([(first[0], 1.0, first[2], first[3])], False)}], 0.0)[0]
    return int(outcome["kind"] == "right")


def is_mangled(record: dict) -> bool:
    """Whether the first reading, printed, would print a field wrong."""
    first = record["readings"][0]
    outcome = bench.score([{**record, "found": ([(first[0], 1.0, first[2], first[3])], False)}], 0.0)[0]
    return outcome["kind"] == "mangled"


def trusted(signals: dict) -> bool:
    """read.decide's trust in the house form read whole: APA's, or a Chicago note both labellers confirm."""
    return bool(signals.get("house_apa")) or (bool(signals.get("house_confirmed")) and not signals.get("any_doubt")
                                              and not signals.get("second_disagrees"))


GATE: list[float] = []  # --gate: the novelty above which a reading is kept (default: volume.references.shapes.gate())


def confidence(reading: list, predict, floor: float) -> float:
    """The confidence decide() gives a reading, with predict() as the calibration."""
    signals = reading[4]
    if signals is None:
        return reading[1]
    if any(signals.get(f"doubt={doubt}") for doubt in CERTAIN):
        return 0.0  # calibration.score's rule: a certain check keeps the reading
    calibrated = predict(signals)
    found = calibrated
    if trusted(signals) and calibrated >= floor:
        found = signals.get("rule_confidence", reading[1])
    elif signals.get("whole_marked") and calibrated >= floor:  # read.decide's trust in a GOST, DIN or French reading
        found = max(signals.get("rule_confidence", reading[1]), calibrated, WHOLE_READER)  # read whole in its marks
    if signals.get("shape_novelty", 0.0) > (GATE[0] if GATE else shapes.gate()):
        return min(found, DOUBTFUL)  # read.decide's gate: a form unlike every tuning string
    return found


def outcome(record: dict, predict, threshold: float, floor: float) -> str:
    found = [(r[0], confidence(r, predict, floor), r[2], r[3]) for r in record["readings"]]
    return bench.score([{**record, "found": (found, record["ibid_read"])}], threshold)[0]["kind"]


def fitter(fit_records: list[dict], names: list[str], c: float, mangled_weight: float = 1.0,
           lowering: tuple[str, ...] | None = None):
    """A predict(signals) function fitted on the first readings of the records, as tools/fit_calibration.py fits."""
    import numpy as np

    from tools.fit_calibration import fit

    from tools.fit_calibration import source_weights

    usable = [r for r in fit_records if r["readings"] and r["readings"][0][4] is not None]
    x = np.array([[r["readings"][0][4].get(n, 0.0) for n in names] for r in usable], dtype=float)
    y = np.array([target(r) for r in usable])
    weights = np.array([mangled_weight if is_mangled(r) else 1.0 for r in usable]) * source_weights(
        [r["group"] for r in usable])
    means, scales, model = fit(x, y, c, weights, names, lowering)

    def predict(signals: dict) -> float:
        row = (np.array([[signals.get(n, 0.0) for n in names]]) - means) / scales
        return float(model.predict_proba(row)[0, 1])

    return predict


def shape_similarity(read_records: list[dict]):
    """Every record's shape (volume.references.shapes) against every other's: rapidfuzz's ratio, 0-1."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from volume.references.shapes import shape

    shapes = [shape(r["text"]) for r in read_records]
    return process.cdist(shapes, shapes, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0


def with_novelty(record: dict, value: float) -> dict:
    """The record with its readings' shape_novelty signal set (the shape index without the sources left out)."""
    readings = [[*r[:4], None if r[4] is None else {**r[4], "shape_novelty": value}] for r in record["readings"]]
    return {**record, "readings": readings}


def novelties(read_records: list[dict], similar, left_out) -> list[dict]:
    """Each record with its shape's novelty against the records of the sources left_out(record) does not name:
    1 - the similarity to the nearest of them."""
    import numpy as np

    groups = np.array([r["group"] for r in read_records])
    sets = np.array([r["set"] for r in read_records])
    found = []
    for i, record in enumerate(read_records):
        allowed = ~left_out(record, groups, sets)
        best = float(similar[i][allowed].max()) if allowed.any() else 0.0
        found.append(with_novelty(record, round(1.0 - best, 4)))
    return found


def by_set(read_records: list[dict], fit_pool_sets: list[str], names: list[str], c: float, args, novelty: bool):
    """Each set left out whole: the calibration fitted on the fitting sets' other records (their novelty against
    neither their own source nor the set left out), the set's records scored with it (their novelty against every
    other set). The honest estimate for strings of a shape no calibration feature saw."""
    similar = shape_similarity(read_records) if novelty else None
    unseen = novelties(read_records, similar, lambda r, g, s: s == r["set"]) if novelty else read_records
    held: dict[str, list[tuple[dict, object]]] = {}
    for name in sorted({r["set"] for r in read_records}):
        pool = [r for r in read_records if r["set"] in fit_pool_sets and r["set"] != name]
        out = [r for r in read_records if r["set"] == name]
        if novelty:
            scored = novelties(read_records, similar, lambda r, g, s: (g == r["group"]) | (s == name))
            pool = [scored[i] for i, r in enumerate(read_records) if r["set"] in fit_pool_sets and r["set"] != name]
            out = [r for r in unseen if r["set"] == name]
        predict = fitter(pool, names, c, args.mangled_weight, None if args.lowering is None else tuple(args.lowering))
        held[name] = [(r, predict) for r in out]
    return held


def shipped_predict():
    from volume.references import calibration

    return lambda signals: calibration.score(signals) or 0.0


def volume_readings(project: Path = ROOT) -> list[dict]:
    """The default volume's references as the build reads them: each note's readings at threshold 0, uncalibrated
    (read_note's shape), with the note's text. The notes are taken where the build hands them to the parser."""
    from tools.fit_calibration import read_note
    from volume.build import prepare
    from volume.diagnostics import Report
    from volume.transforms import note_citations

    texts: list[str] = []
    shipped = note_citations.parsed_notes

    def listening(found: list[str], _project):
        texts.extend(found)
        return shipped(found, None)

    note_citations.parsed_notes = listening
    try:
        prepare(project, Report(), use_cache=False)
    finally:
        note_citations.parsed_notes = shipped
    return [{"text": text, **read_note(text)} for text in texts]


def volume_kept(notes: list[dict], predict, threshold: float, floor: float) -> tuple[int, int]:
    """How many of the volume's references are kept as written with predict() as the calibration, of how many."""
    decided = [confidence(reading, predict, floor) for note in notes for reading in note["readings"]
               if reading[0] is not None]
    return sum(c < threshold for c in decided), len(decided)


def form(signals: dict | None) -> str:
    """The house form the rules read a reading in, as its signals tell: apa, chicago or other."""
    signals = signals or {}
    return "apa" if signals.get("house_apa") else "chicago" if signals.get("house_chicago") else "other"


def field_table(held: dict[str, list[tuple[dict, object]]], threshold: float, floor: float) -> str:
    """Wrong fields of the works printed wrong (left-out calibration at the threshold) and of every first reading
    that would be printed wrong at threshold 0, by the house form it was read in."""
    rows: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for group in held.values():
        for record, predict in group:
            if not record["readings"]:
                continue
            first = record["readings"][0]
            printed = [(r[0], confidence(r, predict, floor), r[2], r[3]) for r in record["readings"]]
            every = [(r[0], 1.0, r[2], r[3]) for r in record["readings"]]
            for when, found in (("printed", printed), ("at 0", every)):
                result = bench.score([{**record, "found": (found, record["ibid_read"])}],
                                     threshold if when == "printed" else 0.0)[0]
                if result["kind"] == "mangled":
                    totals[(when, form(first[4]))] += 1
                    for field in result["wrong"]:
                        rows[(when, form(first[4]))][field] += 1
    fields = sorted({f for row in rows.values() for f in row}, key=lambda f: -sum(r.get(f, 0) for r in rows.values()))
    columns = sorted(totals, key=lambda k: (k[0] != "printed", k[1]))
    lines = [f"\nwrong fields of mangled works, by the form the house rules read them in: printed at {threshold:.2f} (house"
             f" floor {floor:.2f}), and 'at 0': every first reading printed", f"{'field':16} " + " ".join(
                 f"{w + ' ' + f:>17}" for w, f in columns),
             f"{'works':16} " + " ".join(f"{totals[c]:17d}" for c in columns)]
    for field in fields:
        lines.append(f"{field:16} " + " ".join(f"{rows[c].get(field, 0):17d}" for c in columns))
    return "\n".join(lines)


def doubt_table(read_records: list[dict]) -> str:
    """For each check, the first readings it doubts and what they would be printed at threshold 0: mangled, fully
    right, or neither; and how many of them no other check doubts (its own trade)."""
    rows: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for record in read_records:
        signals = record["readings"][0][4] if record["readings"] else None
        if not signals:
            continue
        named = [k[len("doubt="):] for k in signals if k.startswith("doubt=")]
        kind = "mangled" if is_mangled(record) else "right" if target(record) else "other"
        column = ("mangled", "right", "other").index(kind)
        for name in named:
            rows[name][column] += 1
            if len(named) == 1:
                rows[name][3 + column] += 1
    lines = [f"{'doubt':60} {'mangled':>7} {'right':>5} {'other':>5}   alone: {'mangled':>7} {'right':>5} {'other':>5}"]
    for name, row in sorted(rows.items(), key=lambda kv: (-kv[1][0], kv[0])):
        lines.append(f"{name[:60]:60} {row[0]:7d} {row[1]:5d} {row[2]:5d}          {row[3]:7d} {row[4]:5d} {row[5]:5d}")
    return "\n".join(lines)


def shares(kinds: list[str]) -> str:
    n = len(kinds) or 1
    right, mangled, kept = (sum(k == kind for k in kinds) / n for kind in ("right", "mangled", "kept"))
    return f"{len(kinds):5d} {right:7.1%} {mangled:8.1%} {kept:7.1%}"


def floor_table(read_records: list[dict], held, fit_pool: list[dict], names: list[str], c: float, args) -> str:
    """For each house floor: the left-out sources' right / mangled / kept (all, and the APA house form's works) and
    the default volume's references kept by the calibration fitted on every fitting record."""
    whole = fitter(fit_pool, names, c, args.mangled_weight,
                   None if args.lowering is None else tuple(args.lowering))
    notes = volume_readings()
    lines = [f"threshold {args.threshold:.2f}, C {c}", f"{'floor':>6} {'left out: works':>15} {'right':>7} {'mangled':>8} "
             f"{'kept':>7}   {'APA form: works':>15} {'right':>7} {'mangled':>8}   default volume kept"]
    for floor in args.floors:
        kinds, apa = [], []
        for group in held.values():
            for record, predict in group:
                kind = outcome(record, predict, args.threshold, floor)
                kinds.append(kind)
                if record["readings"] and form(record["readings"][0][4]) == "apa":
                    apa.append(kind)
        kept, total = volume_kept(notes, whole, args.threshold, floor)
        lines.append(f"{floor:6.2f} {shares(kinds)}   {shares(apa)[:-8]}   {kept} of {total} references")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from volume.references import read

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", type=float, default=read.KEEP_BELOW)
    parser.add_argument("--floor", type=float, default=read.HOUSE_FLOOR)
    parser.add_argument("--c", type=float, help="the L2 penalty's inverse strength (default: fit_calibration's)")
    parser.add_argument("--fit-sets", nargs="+", default=list(FITTED_ON), help="sets the calibration is fitted on")
    parser.add_argument("--mangled-weight", type=float,
                        help="weight of a reading that would print a field wrong in the fit (fit_calibration's)")
    parser.add_argument("--crossfit", type=Path, nargs=2, metavar=("FIRST", "SECOND"),
                        help="labeller models trained without the aligned records (tune-fresh/, tune-eval1/'s fit half),"
                             " which read those records (tools/fit_calibration.py --crossfit)")
    parser.add_argument("--leave-out", nargs="*", metavar="PREFIX",
                        help="fit without the signals whose names start so (default: fit_calibration.LEFT_OUT)")
    parser.add_argument("--lowering", nargs="*", metavar="PREFIX",
                        help="signals that may only lower the confidence (default: fit_calibration.LOWERING)")
    parser.add_argument("--cache", type=Path, help="keep the readings in this file between runs")
    parser.add_argument("--by-fold", action="store_true", help="a line per held-out source")
    parser.add_argument("--thresholds", action="store_true", help="the held-out-like folds' shares at each threshold")
    parser.add_argument("--floors", type=float, nargs="+", metavar="F",
                        help="the house form's trust at each HOUSE_FLOOR: left-out shares beside the default volume's "
                             "references kept")
    parser.add_argument("--fields", action="store_true", help="the wrong fields of mangled works, by house form")
    parser.add_argument("--novelty", action="store_true",
                        help="fit with the shape's novelty too (against the sources each fold leaves out)")
    parser.add_argument("--gate", type=float, help="keep a reading whose shape's novelty is above (default: the shipped gate; 9: none)")
    parser.add_argument("--by-set", action="store_true",
                        help="leave each set out whole, the late sets (LATE) read too: the honest estimate")
    parser.add_argument("--doubts", action="store_true",
                        help="each check's doubts of first readings at threshold 0: how many were mangled, right")
    args = parser.parse_args(argv)
    from tools import fit_calibration

    c = fit_calibration.C if args.c is None else args.c
    if args.gate is not None:
        GATE[:] = [args.gate]
    if args.mangled_weight is None:
        args.mangled_weight = fit_calibration.MANGLED_WEIGHT
    read_records = cached_readings(args.cache, tuple(args.crossfit) if args.crossfit else None,
                                   SETS + LATE if args.by_set else SETS)  # a record with no reading counts as kept
    if args.doubts:
        print(doubt_table(read_records))
        return 0
    signals = [rd[4] for r in read_records for rd in r["readings"] if rd[4]]
    names = fit_calibration.feature_names(signals, None if args.leave_out is None else tuple(args.leave_out))
    names = [n for n in names if n not in NEW_SIGNALS]  # the cached readings' own is against the whole index
    names = sorted({*names, *(["shape_novelty"] if args.novelty else [])})
    if args.by_set:
        held = by_set(read_records, args.fit_sets, names, c, args, args.novelty)
        groups, fit_pool = sorted(held), [r for r in read_records if r["set"] in args.fit_sets]
    else:
        if args.novelty:  # each record's shape against every other source's
            read_records = novelties(read_records, shape_similarity(read_records), lambda r, g, s: g == r["group"])
        fit_pool = [r for r in read_records if r["set"] in args.fit_sets]
        groups = sorted({r["group"] for r in read_records})
        held = defaultdict(list)
        for group in groups:
            predict = fitter([r for r in fit_pool if r["group"] != group], names, c, args.mangled_weight,
                             None if args.lowering is None else tuple(args.lowering))
            held[group] = [(r, predict) for r in read_records if r["group"] == group]
    if args.floors:
        print(floor_table(read_records, held, fit_pool, names, c, args))
        return 0
    if args.fields:
        print(field_table(held, args.threshold, args.floor))
        return 0
    shipped = shipped_predict()
    thresholds = [args.threshold]
    if args.thresholds:
        thresholds = [t / 100 for t in range(80, 97, 2)]
    for t in thresholds:
        print(f"\nthreshold {t:.2f}, house floor {args.floor:.2f}, C {c}")
        print(f"{'':34} {'leave one source out':>30}   {'shipped calibration':>30}")
        print(f"{'':34} {'works':>5} {'right':>7} {'mangled':>8} {'kept':>7}   "
              f"{'works':>5} {'right':>7} {'mangled':>8} {'kept':>7}")
        rows: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for group in groups:
            for record, predict in held[group]:
                cv, ship = outcome(record, predict, t, args.floor), outcome(record, shipped, t, args.floor)
                keys = ["all", f"set {record['set']}"] + (["held-out-like (dev, tune-round7)"]
                                                         if record["set"] in UNSEEN else [])
                if record["set"] in {name.partition(":")[0] for name in BEFORE_ROUND_13}:
                    keys.append("round 12's eight sets")
                if record["set"] in {name.partition(":")[0] for name in LATE}:
                    keys.append("late sets (r13, r13-lang, eval4)")
                if args.by_fold:
                    keys.append(f"  {group}")
                for key in keys:
                    rows[key][0].append(cv)
                    rows[key][1].append(ship)
        for key in sorted(rows, key=lambda k: (k != "all", not k.startswith("late"), not k.startswith("round"),
                                               not k.startswith("held"),
                                               k.startswith("  "), k)):
            print(f"{key[:34]:34} {shares(rows[key][0])}   {shares(rows[key][1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
