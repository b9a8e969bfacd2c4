"""Label repairs before assembly: names an editor word marks are editors; a month before the date is the date's."""

from __future__ import annotations

from volume.references.labeller import Labelled
from volume.references.relabel import relabel
from volume.references.tokens import tokenize


def _labelled(text: str, spans: list[tuple[str, str]]) -> Labelled:
    """text's tokens, labelled by the (label, substring) whose first occurrence holds each token; others "other"."""
    tokens = tokenize(text)
    labels = ["other"] * len(tokens)
    for label, part in spans:
        at = text.index(part)
        for i, token in enumerate(tokens):
            if at <= token.start and token.end <= at + len(part):
                labels[i] = label
    return Labelled(text, tuple(tokens), tuple(labels), tuple(1.0 for _ in tokens), 1.0)


def _words(labelled: Labelled, label: str) -> list[str]:
    return [t.text for t, lab in zip(labelled.tokens, labelled.labels) if lab == label and t.kind != "punct"]


def test_names_before_eds_are_editors():
    text = "Andrew Erickson et al., eds., China’s Navy (Annapolis, MD: Naval Institute Press, 2012)."
    fixed = relabel(_labelled(text, [("author", "Andrew Erickson et al."), ("title", "China’s Navy"),
                                     ("location", "Annapolis, MD"), ("publisher", "Naval Institute Press"),
                                     ("date", "2012")]))
    assert _words(fixed, "editor") == ["Andrew", "Erickson", "et", "al"] and _words(fixed, "author") == []
    assert _words(fixed, "publisher") == ["Naval", "Institute", "Press"]


def test_french_dir_after_the_last_name_makes_every_name_an_editor():
    text = "Bekiari, Chryssoula, Martin Doerr, et Pat Riva, dir. 2015. Titre."
    fixed = relabel(_labelled(text, [("author", "Bekiari, Chryssoula, Martin Doerr"), ("editor", "Pat Riva"),
                                     ("date", "2015"), ("title", "Titre")]))
    assert _words(fixed, "editor") == ["Bekiari", "Chryssoula", "Martin", "Doerr", "et", "Pat", "Riva"]


def test_authors_stay_authors_without_an_editor_word_or_when_one_marks_later_names():
    plain = _labelled("Smith, J. (2010). Title.", [("author", "Smith, J."), ("date", "2010"), ("title", "Title")])
    assert relabel(plain) is plain
    text = "Smith, J. (2010). Title. In A. Jones (Ed.), Book."
    later = _labelled(text, [("author", "Smith, J."), ("date", "2010"), ("title", "Title"), ("editor", "A. Jones"),
                             ("container", "Book")])
    assert relabel(later) is later


def test_a_month_read_as_a_place_before_the_date_is_the_dates():
    text = "Naval War College Review 33, no. 5 (September– October 1980), pp. 31–47."
    fixed = relabel(_labelled(text, [("container", "Naval War College Review"), ("volume", "33"), ("issue", "5"),
                                     ("location", "September"), ("date", "October 1980"), ("pages", "31–47")]))
    assert _words(fixed, "date") == ["September", "October", "1980"] and _words(fixed, "location") == []
    place = _labelled("Paris: Seuil, 2001.", [("location", "Paris"), ("publisher", "Seuil"), ("date", "2001")])
    assert relabel(place) is place
