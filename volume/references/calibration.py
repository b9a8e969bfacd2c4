"""A calibrated confidence for one reading: the probability that it is fully right, from the labellers' marginals
and the agreement of the readers (a logistic model fitted by tools/fit_calibration.py, shipped as JSON)."""

from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path

from volume.references import labeller, shapes
from volume.references.boundary_checks import CERTAIN
from volume.references.keys import year

logger = logging.getLogger(__name__)
MODEL = Path(__file__).resolve().parent / "model" / "calibration.json"
USE_MODEL = True  # switched off by tools/fit_calibration.py while it collects the signals
METHODS = ("rules+model", "model+rules", "rules", "model")
PART_TYPES = frozenset({"article-journal", "article-newspaper", "article-magazine", "chapter", "paper-conference",
                        "entry-encyclopedia", "entry-dictionary"})


def _token_signals(text: str) -> dict[str, float]:
    """The two labellers' certainty over the tokens of a reference, and how often they give a token one label."""
    first = labeller.label(text)
    if not first.tokens:
        return {"min_marginal": 0.0, "mean_marginal": 0.0, "log_probability": 0.0, "second_mean_marginal": 0.0,
                "label_agreement": 0.0, "log_tokens": 0.0}
    n = len(first.tokens)
    found = {"min_marginal": min(first.marginals), "mean_marginal": sum(first.marginals) / n,
             "log_probability": math.log(max(first.probability, 1e-300)) / n, "log_tokens": math.log(n)}
    if labeller.second_available():
        second = labeller.label(text, second=True)
        found["second_mean_marginal"] = sum(second.marginals) / n
        found["label_agreement"] = sum(a == b for a, b in zip(first.labels, second.labels)) / n
    else:
        found["second_mean_marginal"], found["label_agreement"] = found["mean_marginal"], 1.0
    return found


def signals(text: str, work: dict, method: str, *, heuristic: float, confidence: float, doubts: list[str],
            second: list[str], alike: bool, covered: bool, sound: bool, differ: list[str], prose: bool,
            form: str = "", confirmed: float = 0.0, reader: str = "") -> dict:
    """The numbers the calibrated confidence is computed from, named (the names are the model's features)."""
    found: dict[str, float] = {f"method={m}": float(method == m) for m in METHODS}
    found.update(_token_signals(text))
    people = work.get("author") or work.get("editor") or []
    found.update({
        "heuristic": heuristic, "rule_confidence": confidence, "doubts": float(len(doubts)),
        "any_doubt": float(bool(doubts)), "second_disagrees": float(bool(second)),
        "second_authors": float(any("authors" in s for s in second)),
        "second_title": float(any("title" in s for s in second)),
        "second_container": float(any("otherwise" in s for s in second)),
        "alike": float(alike), "covered": float(covered), "sound": float(sound), "fields_differ": float(len(differ)),
        "prose": float(prose), "no_author": float(not people), "organisation": float(bool(people and "literal" in people[0])),
        "authors": float(min(len(people), 6)), "no_year": float(year(work) is None),
        "url": float(bool(work.get("URL"))), "doi": float(bool(work.get("DOI"))),
        "container": float(bool(work.get("container-title"))), "publisher": float(bool(work.get("publisher"))),
        "part": float(work.get("type") in PART_TYPES),
        "house_apa": float(form == "apa"), "house_chicago": float(form.startswith("chicago")),
        "house_confirmed_share": confirmed, "house_confirmed": float(confirmed == 1.0),
        "whole_marked": float(bool(reader)), "shape_novelty": shapes.novelty(text),
    })
    for doubt in doubts:  # which check doubts the reading: some are often wrong about it, some seldom
        found[f"doubt={doubt}"] = 1.0
    return found


@lru_cache(maxsize=1)
def _model() -> dict | None:
    try:
        return json.loads(MODEL.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.info("no calibration model at %s: the readers' own confidence is used", MODEL)
        return None


def score(found: dict) -> float | None:
    """The calibrated probability that the reading is fully right; None when no calibration model is installed.
    A reading a certain check doubts (boundary_checks.CERTAIN) scores 0: it is kept as written, however sure the
    other signals are."""
    model = _model() if USE_MODEL else None
    if model is None:
        return None
    if any(found.get(f"doubt={doubt}") for doubt in CERTAIN):
        return 0.0
    z = model["intercept"]
    for name, weight, mean, scale in zip(model["features"], model["weights"], model["means"], model["scales"]):
        z += weight * (found.get(name, 0.0) - mean) / scale
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
