"""The MLA reader (volume.references.mla): an entry is read whole, each part where MLA's grammar puts it, or not at all;
a whole reading is printed without the labellers' agreement. Real strings from the fit halves of the tuning sets (their
sources and licences: the SOURCES.md beside each set); the entries' expected works are the sets' own labels."""

import pytest

from volume.references.mla import parse_mla

from labelled_references import printed_as_read, record


READ_WHOLE = [
    ("tune-eval4/mla-thyroid-workcited.jsonl", "mla-thyroid-taylor"),  # "et al.", a URL, a DOI, "Accessed …"
    ("tune-eval4/mla-spotify-sources.jsonl", "mla-spotify-zhang"),  # a publisher after the journal
    ("tune-r11/fit/mla-excite-sample.jsonl", "mla-excite-leroux"),  # a book: "Title. Publisher, Year."
    ("tune-r11/fit/mla-excite-sample.jsonl", "mla-excite-milken"),  # "p. 63"
    ("tune-r13-lang/fit/en-mla-baseball.jsonl", "en-mla-baseball-mcbeath"),  # "pp. 569–573., https://doi.org/…"
    ("tune-fresh/workscited-mla.jsonl", "mla-bondar"),  # a second container: the database and its URL
    ("tune-eval4/chicago-soa-ai-ethics.jsonl", "soa-ai-ethics-west"),  # Chicago's "Title. Site.edu, Month D, YYYY, URL."
]


@pytest.mark.parametrize("path, record_id", READ_WHOLE)
def test_an_entry_in_mlas_grammar_is_read_whole_and_printed(path, record_id):
    labelled = record(path, record_id)
    work = parse_mla(labelled["text"])
    printed_as_read(work, labelled)


@pytest.mark.parametrize("path, record_id", [
    ("tune-fresh/workscited-mla.jsonl", "mla-siken"),  # “Title.” Yale University Press, 2006.: a journal or publisher?
    ("tune-fresh/workscited-mla.jsonl", "mla-arpaci"),  # "1.00": a version, which the reader does not place
    ("tune-r11/fit/mla-excite-sample.jsonl", "mla-excite-shulte"),  # "Ebsco, Access no: 24984616."
    ("tune-eval4/mla-spotify-sources.jsonl", "mla-spotify-pierson"),  # "Lillian Pierson, P.E.": a degree, not a name
    ("tune-r11/fit/mla-excite-sample.jsonl", "mla-excite-ebert"),  # a plain title, a URL and a publisher
])
def test_what_the_grammar_cannot_place_leaves_the_entry_to_the_other_readers(path, record_id):
    assert parse_mla(record(path, record_id)["text"]) is None


def test_an_initial_keeps_its_full_stop_and_a_second_author_is_given_name_first():
    work = parse_mla("Lopez, Michael J., and Gregory J. Matthews. “A Title.” Journal of Sports, vol. 7, no. 3, 2011, "
                     "pp. 1–9.")
    assert work["author"] == [{"family": "Lopez", "given": "Michael J."},
                              {"family": "Matthews", "given": "Gregory J."}]
    assert (work["volume"], work["issue"], work["page"], work["type"]) == ("7", "3", "1–9", "article-journal")
