"""The shape gate (volume/references/shapes.py): a reading of a form unlike every tuning string is kept as written.
The strings are real ones from the fit halves of tests/cases/references (their sources and licences are in the sets'
SOURCES.md); the one in capitals is the first of them written as a catalogue prints it, without its punctuation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import references_cv as cv  # noqa: E402
from volume.references import shapes  # noqa: E402
from volume.references.parse import parse_note  # noqa: E402
from volume.references.read import DOUBTFUL, KEEP_BELOW, UNFAMILIAR  # noqa: E402

NIMMO = ("Nimmo, B. (2020). *The Breakout Scale: Measuring the impact of influence operations*. Brookings "
         "Institution. https://www.brookings.edu/articles/the-breakout-scale-measuring-the-impact-of-influence-"
         "operations/")  # tune-r13/fit/en-influence-ops-apa.jsonl
FAN = ("Fan, C. (2012, December). *Making Sense of the Cloud and Big Data* [Interview with M. Skok]. Retrieved from "
       "https://mjskok.com/making-sense-of-the-cloud-and-big-data-with-charles-fan")  # tune-r13/fit/zh-memmachine…
CAPITALS = "NIMMO B 2020 THE BREAKOUT SCALE MEASURING THE IMPACT OF INFLUENCE OPERATIONS BROOKINGS INSTITUTION"


def test_a_shape_is_its_token_classes_with_runs_of_words_made_one():
    assert shapes.shape(NIMMO) == "Aa, A. (9999). *Aa: Aa a*. Aa. U"  # "The Breakout Scale" is one "Aa"
    assert shapes.shape(FAN) == "Aa, A. (9999, Aa). *Aa a Aa a Aa* [Aa a A. Aa]. Aa a U"
    assert shapes.shape(CAPITALS) == "AA A 9999 AA"


def test_a_tuning_string_is_of_a_known_shape_and_read():
    assert shapes.novelty(NIMMO) == 0.0 and shapes.novelty(FAN) == 0.0  # both are in the shipped index
    reading = parse_note(NIMMO).readings[0]
    assert reading.work is not None and reading.work["issued"]["date-parts"][0][0] == 2020
    assert reading.signals["shape_novelty"] == 0.0


def test_a_form_no_tuning_string_comes_near_is_kept_as_written():
    """The same work in capitals without punctuation: no tuning string has that form, so whatever the readers make
    of it is not printed (R002's reason names the gate)."""
    assert shapes.novelty(CAPITALS) > shapes.gate()
    (reading,) = parse_note(CAPITALS).readings
    assert reading.work is None and reading.reason == UNFAMILIAR and reading.confidence <= DOUBTFUL


def test_the_shipped_index_is_the_one_its_command_builds():
    """tools/build_shapes.py builds model/shapes.json from the tuning sets' fit halves, deterministically; the gate
    is the 99th percentile of the strings' distance to the other sources' shapes."""
    from tools import build_shapes

    built = build_shapes.build()
    assert built == shapes.INDEX.read_text(encoding="utf-8")
    stored = json.loads(built)
    assert 0.2 < stored["gate"] < 0.5 and len(stored["shapes"]) > 1000
    assert not any("check" in name or name.startswith("eval") for name in stored["sets"])


def test_the_cv_bench_keeps_an_unfamiliar_reading_as_the_parser_does():
    house = {"house_apa": 1.0, "rule_confidence": 0.95, "shape_novelty": 0.0}
    reading = [{"title": "a"}, 0.95, "", "rules", house]
    assert cv.confidence(reading, lambda signals: 0.9, 0.2) == 0.95
    reading[4] = {**house, "shape_novelty": shapes.gate() + 0.01}
    assert cv.confidence(reading, lambda signals: 0.9, 0.2) < KEEP_BELOW


def test_novelty_leaves_out_the_sources_a_fold_leaves_out():
    """bench/references_cv.novelties: a record's shape is measured against the records of other sources only."""
    records = [{"text": NIMMO, "group": "a", "set": "s", "readings": [[{}, 1.0, "", "rules", {}]]},
               {"text": NIMMO, "group": "a", "set": "s", "readings": [[{}, 1.0, "", "rules", {}]]},
               {"text": FAN, "group": "b", "set": "t", "readings": [[{}, 1.0, "", "rules", {}]]}]
    found = cv.novelties(records, cv.shape_similarity(records), lambda r, g, s: g == r["group"])
    assert found[0]["readings"][0][4]["shape_novelty"] > 0.1  # its twin is of its own source: not counted
    same = cv.novelties(records, cv.shape_similarity(records), lambda r, g, s: g == "none")
    assert same[0]["readings"][0][4]["shape_novelty"] == 0.0
