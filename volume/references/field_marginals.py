"""How sure each labeller is of the fields a reading would print: for every printed field (people, title, journal or
site, publisher), the labeller's marginal probability that the field's words carry that field's label, averaged
over its words; the lowest over the printed fields is the reading's field-level confidence. It is evidence of a
reading's boundaries that does not come from the reader that drew them (the house rules' title ends where the
labeller would end it, or not)."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from volume.references import labeller
from volume.references.tokens import features, plain_features, tokenize

PRINTED = (("title", "title"), ("container-title", "container"), ("publisher", "publisher"))
SURE_FIELD = 1.0  # a reading printing none of these fields: nothing for the labeller to doubt
MIN_ALIGNED = 80  # the rapidfuzz partial ratio at which a field's value is taken to stand where it was found


def _span(value: str, text: str) -> tuple[int, int] | None:
    """Where a field's value stands in the reference (as the rapidfuzz alignment finds it), or None."""
    value = value.strip().lower()
    if len(value) < 2:
        return None
    found = text.lower().find(value)
    if found >= 0:
        return found, found + len(value)
    aligned = fuzz.partial_ratio_alignment(value, text.lower())
    if aligned is None or aligned.score < MIN_ALIGNED:
        return None
    return aligned.dest_start, aligned.dest_end


def _people_spans(work: dict, text: str) -> list[tuple[int, int]]:
    """The family names (or bodies' names) of the printed authors, where they stand."""
    spans = []
    for person in work.get("author") or []:
        name = str(person.get("literal") or person.get("family") or "")
        span = _span(name, text)
        if span:
            spans.append(span)
    return spans


@lru_cache(maxsize=1024)
def _field_marginals(text: str, fields: tuple[tuple[str, int, int], ...], second: bool) -> tuple[tuple[str, float], ...]:
    """Each field's mean marginal (label, start, end: where it stands) under one labeller."""
    tokens = tokenize(text)
    if not tokens or not fields:
        return ()
    if second and not labeller.second_available():
        return ()
    path = labeller.SECOND if second else (
        labeller.FOREIGN if labeller.foreign(tokens) and labeller.foreign_available() else labeller.MODEL)
    found = []
    with labeller._LOCK:  # noqa: SLF001 - the labeller's one tagger per model, whose state is per sequence
        tagger = labeller._tagger(path)  # noqa: SLF001
        tagger.set((plain_features if second else features)(tokens))
        tagger.tag()
        known = set(tagger.labels())
        for label, start, end in fields:
            inside = [i for i, t in enumerate(tokens) if t.kind == "word" and t.start >= start and t.end <= end]
            if not inside:
                continue
            mean = sum(tagger.marginal(label, i) if label in known else 0.0 for i in inside) / len(inside)
            found.append((label, mean))
    return tuple(found)


def field_confidence(work: dict, text: str, second: bool = False) -> float:
    """The lowest, over the fields the reading prints, of the labeller's mean marginal for that field's label on
    its words (SURE_FIELD when it prints none of them that can be found in the text)."""
    fields = [("author", *span) for span in _people_spans(work, text)]
    for key, label in PRINTED:
        span = _span(str(work.get(key, "")), text) if work.get(key) else None
        if span:
            fields.append((label, *span))
    if not labeller.available():
        return SURE_FIELD
    marginals = _field_marginals(text, tuple(fields), second)
    return min((m for _label, m in marginals), default=SURE_FIELD)
