"""Shapes the reference checks share: what names a body (an institution, a firm, a journal), the words of
access and of no date, and balanced quotes and brackets."""

from __future__ import annotations

import re

from volume.references.lexicon import ORG_WORDS


CONTAINER_RE = re.compile(r"(?i)\b(?:proc|proceedings|conference|conf|symposium|workshop|journal|review|bulletin|"
                          r"transactions|annals|letters|quarterly|magazine|actes|congr\w*|colloque|tagung)\b")
NO_DATE_RE = re.compile(r"^\(?\s*(?:n\.\s?d|s\.\s?d|o\.\s?j|б\.\s?г|undated|no date)\.?\s*\)?$", re.IGNORECASE)
ACCESS_RE = re.compile(r"\b(?:retrieved|accessed|available|viewed|consult[ée]|abgerufen|preprint)\b", re.IGNORECASE)
MONTHS_OF_DATES = frozenset("january february march april june july august september october november december "
                            "jan feb mar apr jun jul aug sep sept oct nov dec".split())
PAIRS = (("«", "»"), ("(", ")"), ("[", "]"))
def unbalanced(value: str) -> bool:
    if any(value.count(a) != value.count(b) for a, b in PAIRS):
        return True
    if "„" not in value and value.count("“") != value.count("”"):  # „…“ is the German pair
        return True
    return value.count('"') % 2 == 1


def names_a_body(text: str) -> bool:
    """Whether a phrase names a journal, publisher or organisation."""
    return org_like(text) or bool(CONTAINER_RE.search(text)) or bool(
        re.search(r"(?i)\b(?:press|verlag|university|éditions)\b", text))


def institution_like(name: str) -> bool:
    """A body that publishes (an institute, a company), not a news title ('The Astana Times' is a site)."""
    return any(w.lower().strip(".,") in ORG_WORDS | {"institution", "centre", "center", "company", "&"}
               for w in name.split())


def org_like(name: str) -> bool:
    """Any body: an institution or firm, or a name a news outlet or agency goes by."""
    from volume.references.names import ORG_WORDS as NAMED_BODIES

    return institution_like(name) or any(w.lower().strip(".,") in NAMED_BODIES for w in name.split())
