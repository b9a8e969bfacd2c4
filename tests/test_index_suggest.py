"""`volume index suggest` offers names an indexer keeps, on in-memory chapters (no renderer, no pandoc)."""

from __future__ import annotations

from volume.indexing.suggest import suggest_terms
from volume.indexing.terms import IndexTerm
from tests.test_transforms import chapter, volume_of

TEXT = (
    "<p>Armenia signed the deal. Relations between Azerbaijan and Georgia deepened, and Azerbaijan gained most. "
    "Then Georgia followed. The Georgian government and Georgian firms agreed. Kazakh officials met in Kazakhstan "
    "and Kazakhstan paid. Trade with Central Asia grew and Central Asian trade rose in Central Asia. The Belt and Road Initiative began, the "
    "Belt and Road Initiative grew. Part II covers it, as Part II says. The port handles 20,000 TEU and 40,000 TEU. "
    "Work on Tranche 3 and Tranche 4 stalled. The gas went along Line D; the line is long and Line D is late. "
    "RFE/RL reported it, RFE/RL said. Turkic peoples and Turkic states watched.</p>"
    "<ul><li>To China: publish the terms.</li><li>To China: publish the loans, and Europe agreed, and Europe "
    "paid.</li></ul><p>China National Petroleum Corporation built it; China National Petroleum Corporation "
    "paid.</p>"
)


def _terms(known=()):
    return {c.term for c in suggest_terms(volume_of(chapter("alpha", TEXT)), known, minimum=2)}


def test_names_kept_and_fragments_left_out():
    terms = _terms()
    assert {"Azerbaijan", "Georgia", "Kazakhstan", "Central Asia", "Belt and Road Initiative", "RFE/RL",
            "Line D", "China National Petroleum Corporation", "Europe"} <= terms, terms
    for bad in ("To China", "and Europe", "Azerbaijan and Georgia", "Georgian", "Kazakh", "Central Asian",
                "Part II", "II", "TEU", "Tranche", "Line", "RFE", "RL", "Turkic", "National Petroleum Corporation",
                "China"):
        assert bad not in terms, bad


def test_known_terms_are_not_offered_again():
    terms = _terms((IndexTerm("Georgia"), IndexTerm("Kazakhstan", aliases=("Қазақстан",))))
    assert "Georgia" not in terms and "Kazakhstan" not in terms and "Azerbaijan" in terms
