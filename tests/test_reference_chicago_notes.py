"""The Chicago note reader (volume.references.chicago_notes): a full note for a book or an article is read whole, its
cited pages as the locator, or not at all; a short note is left as written. Real notes from the dev set (their sources and licences:
tests/cases/references/dev's SOURCES.md); expected works are the set's own labels."""

import pytest

from volume.references.chicago_notes import parse_chicago_note

from labelled_references import printed_as_read, record


@pytest.mark.parametrize("record_id, locator", [
    ("nwc-19", None),  # an article: “Title,” Journal 33, no. 5 (September– October 1980), pp. 31–47.
    ("nwc-72", "p. 527"),  # a book: *On War*, ed. and trans. … (Princeton, NJ: Princeton Univ. Press, 1984), p. 527.
])
def test_a_note_in_chicagos_grammar_is_read_whole_with_its_locator(record_id, locator):
    labelled = record("dev/nwc-chicago-notes.jsonl", record_id)
    work = parse_chicago_note(labelled["text"])
    assert work is not None and work.get("locator") == locator
    assert printed_as_read(work, labelled).locator == locator


@pytest.mark.parametrize("text", [
    "Xiao, *Selected Military Writings,* p. 363.",  # a short note (dev, nwc-17): no work by itself, kept as written
    "Gorshkov, Russian and Soviet Naval Strategy, pp. 40–52.",  # a short note, its title not in italics (nwc-50)
    "Leroux, Marcel. Global Warming: Myth or Reality?: The Erring Ways of Climatology. Springer, 2005.",  # MLA, a year
    "Gorshkov, Russian and Soviet Naval Strategy (Annapolis, 1979), pp. 40–52.",  # a short title with an imprint
    "For an introduction, see Matthew Lee Miller, *The American YMCA* (Lanham, Maryland: Lexington Books, 2013).",
])
def test_a_note_the_grammar_cannot_place_is_left_to_the_other_readers(text):
    assert parse_chicago_note(text) is None
