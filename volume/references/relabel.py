"""Label repairs the labeller's two-token window cannot make: names an editor word marks, a month read as a place."""

from __future__ import annotations

from dataclasses import replace

from volume.references.labeller import Labelled
from volume.references.lexicon import MONTHS

# The editor words that stand right after the names they mark ("eds.", "(Hrsg.)", ", dir.", "(ред.)"); not "edited",
# "by", "trans." nor "comp.", which mark the names after them or other people.
MARKING_EDITOR_WORDS = frozenset(["ed", "eds", "editor", "editors", "hrsg", "hg", "dir", "dirs", "éd", "éds", "red",
                                  "ред", "coord", "editör", "haz"])
NAME_GLUE = frozenset([",", ".", "et", "al", "and", "&", "und", "и", "ve", "др", "others", "u", "a"])


def relabel(labelled: Labelled) -> Labelled:
    """The labels with names followed by an editor word made editors, and months beside a date made the date's."""
    labels = list(labelled.labels)
    _marked_editors(labelled, labels)
    _months_beside_date(labelled, labels)
    if labels == list(labelled.labels):
        return labelled
    return replace(labelled, labels=tuple(labels))


def _marked_editors(labelled: Labelled, labels: list[str]) -> None:
    """"Andrew Erickson et al., eds., Title", "Bekiari, C., …, et Pat Riva, dir. 2015.", "Müller, A. (Hrsg.):": the
    opening names are the editors when an editor word follows them, whatever the labeller made of them."""
    tokens = labelled.tokens
    start = next((i for i, lab in enumerate(labels) if lab != "other"), len(labels))
    if start == len(labels) or labels[start] not in ("author", "editor") or not all(
            t.kind == "punct" or t.text.isdigit() for t in tokens[:start]):
        return  # names that do not open the reference (a list number aside)
    end = start
    while end < len(tokens) and (labels[end] in ("author", "editor") or tokens[end].text.lower() in NAME_GLUE
                                 and labels[end] == "other"):
        end += 1
    if "author" not in labels[:end]:
        return
    after = end
    while after < len(tokens) and tokens[after].text in "(,[":
        after += 1
    if after == len(tokens) or tokens[after].text.lower() not in MARKING_EDITOR_WORDS:
        return
    if after + 1 < len(tokens) and tokens[after + 1].text not in ".),]:;":
        return  # "ed" as a word of a sentence, not an abbreviation standing alone
    if "author" in labels[after:]:
        return  # authors after the editors: the editor word marks someone else
    names = [i for i in range(end) if labels[i] in ("author", "editor")]
    for i in range(names[0], names[-1] + 1):
        labels[i] = "editor"


def _months_beside_date(labelled: Labelled, labels: list[str]) -> None:
    """"(September– October 1980)": a month read as a place or publisher just before the date belongs to it."""
    tokens = labelled.tokens
    for i, token in enumerate(tokens):
        if labels[i] not in ("location", "publisher") or token.text.lower().rstrip(".") not in MONTHS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "punct" and tokens[j].text in "–-—/." and j - i <= 2:
            j += 1
        if j < len(tokens) and labels[j] == "date" and (i == 0 or labels[i - 1] != labels[i]):
            for k in range(i, j):
                labels[k] = "date"
