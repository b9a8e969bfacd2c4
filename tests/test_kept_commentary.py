"""A kept note of long commentary: cut to the reference that closes it, or kept out of the bibliography."""

import json
from pathlib import Path

from volume.references.kept import commentary_reference

GAO = Path(__file__).parent / "cases" / "import" / "dev" / "gao-managing-for-results" / "expected.json"


def test_short_note_is_its_own_reference():
    notes = json.loads(GAO.read_text(encoding="utf-8"))["notes"]
    assert commentary_reference(notes[1]) is None  # 'GAO, Results-Oriented Government: … (Washington, D.C.: …).'


def test_commentary_without_a_delimited_reference_stays_out():
    notes = json.loads(GAO.read_text(encoding="utf-8"))["notes"]
    # note 6: a 70-word comparison naming a book in passing; note 8: a law, then 45 words on what it did
    assert commentary_reference(notes[5]) is False
    assert commentary_reference(notes[7]) is False


def test_commentary_closed_by_see_is_cut_to_its_reference():
    # note 8 of the GAO report with its reference moved into a closing 'See …' sentence (made-up arrangement)
    notes = json.loads(GAO.read_text(encoding="utf-8"))["notes"]
    body = notes[7].split(". ", 1)[1]
    text = f"{body} See Workforce Investment Act of 1998, Pub. L. No. 105-220 (Aug. 7, 1998)."
    offset, reference = commentary_reference(text)
    assert reference == "Workforce Investment Act of 1998, Pub. L. No. 105-220 (Aug. 7, 1998)."
    assert text[offset:] == reference
