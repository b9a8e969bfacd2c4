"""The Harvard reader (volume.references.harvard): an entry is read whole, each part where Harvard's grammar (Cite Them
Right and its common kin) puts it, or not at all; APA's own form stays with the house rules. Real strings from the fit
halves of the tuning sets (their sources and licences: the SOURCES.md beside each set); expected works are the sets'
own labels."""

import pytest

from volume.references.harvard import parse_harvard

from labelled_references import printed_as_read, record


@pytest.mark.parametrize("path, record_id", [
    ("tune-eval4/harvard-busiot-references.jsonl", "harvard-busiot-alam"),  # 'Title', *Journal*, 13, pp. 1-12.
    ("tune-eval4/harvard-busiot-references.jsonl", "harvard-busiot-dft"),  # a body; "Available at: … (Accessed: …)"
    ("tune-eval4/harvard-busiot-references.jsonl", "harvard-busiot-few"),  # *Title*. 2nd edn. Place: Publisher.
    ("tune-fresh/cyberpolicing-harvard.jsonl", "cyb-kowalski"),  # "Family, I. 2002. ‘Title.’ Available at: URL"
    ("dev/edu-lists.jsonl", "eera-ofsted"),  # "Body (2021) Title. https://…"
])
def test_an_entry_in_harvards_grammar_is_read_whole_and_printed(path, record_id):
    labelled = record(path, record_id)
    work = parse_harvard(labelled["text"])
    printed_as_read(work, labelled)


@pytest.mark.parametrize("path, record_id", [
    ("tune-fresh/cyberpolicing-harvard.jsonl", "cyb-rcmp"),  # "Policy [RCMP]": a body's name with its abbreviation
    ("dev/edu-lists.jsonl", "ga4-adonis"),  # a plain title across a full stop: where it ends, the string cannot say
    ("tune-eval4/harvard-pgcert-reflections.jsonl", "harvard-pgcert-hodgson"),  # a name written given name first
])
def test_what_the_grammar_cannot_place_leaves_the_entry_to_the_other_readers(path, record_id):
    assert parse_harvard(record(path, record_id)["text"]) is None


def test_a_plain_title_that_runs_into_an_editor_is_not_read():
    assert parse_harvard("Cassianus, Joannes. 1965. Institutions cénobitiques, ed. Jean-Claude Guy. "
                         "Paris: Éditions du Cerf.") is None
