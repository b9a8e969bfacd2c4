"""Round 13's decision checks: a title that crosses the marks its writer set, or that stops before a lower-case word,
is kept as written (R002 with the reason), whatever the calibrated confidence. The strings are records of the tuning
sets (tests/cases/references/, sources and licences in its README) and a note of the default volume. Also the
calibration's per-source weights (tools/fit_calibration.source_weights) and the CV bench's fitting sets."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ and tools/

from volume.references.boundary_checks import CERTAIN, boundary_doubts
from volume.references.parse import parse_note

ACROSS = "a title across its quotation or emphasis marks"
CUT = "a title cut before a lower-case word"


def _kept_because(text: str) -> list[str]:
    return [r.reason for r in parse_note(text).readings if r.work is None]


def test_a_title_read_past_its_emphasis_is_kept_as_written():
    # dev/wiedenest-de.jsonl: the labeller read the university after the italic title into it
    text = ("Stemmer, W. 2001. *Die Kunst der Zitation*. Universität Hamburg. Online im Internet: URL: "
            "http://www.uni-hamburg.de/courses/Stemmer/Zitation.htm [Stand: 13.01.2001, 15.13 Uhr]")
    assert _kept_because(text) == [ACROSS]


def test_a_title_that_holds_part_of_a_marked_span_is_doubted():
    # tune-r9/fit/fr-ulysse-bib.jsonl's NIST line, as a reading would cut it, and a GOST law whose quoted name
    # (tune-eval1/vkr-gutnikova-gost-ru.jsonl) was read with the number before it
    text = ("NIST. *Artificial Intelligence Risk Management Framework (AI RMF 1.0)*. National Institute of Standards "
            "and Technology, 2023. https://www.nist.gov/itl/ai-risk-management-framework")
    assert ACROSS in boundary_doubts({"title": "Artificial Intelligence Risk Management Framework"}, text)
    law = "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных» [Электронный ресурс]"
    assert ACROSS in boundary_doubts({"title": "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»"}, law)
    assert ACROSS not in boundary_doubts({"title": "О персональных данных"}, law)


def test_a_marked_title_with_its_translation_in_brackets_is_one_title():
    # chapters/azerbaijan.md, note 25: APA's "*Title* [Translation]" read as one title stays printed
    text = ("Bütöv Azərbaycan Ocaqları. (2015, July 7). *Bütöv Azərbaycan Ocaqlarının (BAO) bəyanatı* [Statement of "
            "the Whole Azerbaijan Hearths]. https://butov.az/turan/2140-butov-azerbaycan-ocaqlari-beyanat-yayib.html")
    work = {"title": "Bütöv Azərbaycan Ocaqlarının (BAO) bəyanatı [Statement of the Whole Azerbaijan Hearths]"}
    assert ACROSS not in boundary_doubts(work, text)
    readings = parse_note(text).readings
    assert readings and readings[0].work is not None


def test_a_title_stopped_before_a_lower_case_word_is_kept():
    # tune-anystyle's anystyle-check.jsonl: the species name in italics read as the journal
    text = ("Sato N, Sonoike K, Kawaguchi A, Tsuzuki M. 1996. Contribution of lowered unsaturation levels of "
            "chloroplast lipids to high temperature tolerance of photosynthesis in *Chlamydomonas reinhardtii*. "
            "*Journal of Photochemistry and Photobiology B: Biology* 36: 333–337.")
    cut = {"title": "Contribution of lowered unsaturation levels of chloroplast lipids to high temperature tolerance "
                    "of photosynthesis", "container-title": "Chlamydomonas reinhardtii"}
    assert CUT in boundary_doubts(cut, text)
    whole = {**cut, "title": cut["title"] + " in Chlamydomonas reinhardtii",
             "container-title": "Journal of Photochemistry and Photobiology B: Biology"}
    assert CUT not in boundary_doubts(whole, text) and ACROSS not in boundary_doubts(whole, text)


def test_both_checks_are_certain():
    assert {ACROSS, CUT} <= CERTAIN


def test_source_weights_make_every_source_alike_at_power_one():
    """tools/fit_calibration.source_weights: power 0 weighs every reading alike, power 1 every source alike; the
    weights keep a mean of 1, so the penalty's strength means the same."""
    from tools.fit_calibration import source_weights

    groups = ["a"] * 6 + ["b"] * 2
    assert list(source_weights(groups, 0.0)) == [1.0] * 8
    alike = source_weights(groups, 1.0)
    assert abs(alike.mean() - 1.0) < 1e-9
    assert abs(alike[:6].sum() - alike[6:].sum()) < 1e-9


def test_the_cv_bench_fits_on_the_sets_the_calibration_is_fitted_on():
    from bench import references_cv as cv
    from tools import fit_calibration

    assert len(cv.FITTED_ON) == len(fit_calibration.SETS)
    assert all(folder in path for folder, path in zip(cv.FITTED_ON, fit_calibration.SETS))
    assert set(cv.BEFORE_ROUND_13) < set(cv.SETS)
