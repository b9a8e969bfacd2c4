"""Citation keys for works ("lecorre2019kazakhs"), and the normalised names and titles they compare by."""

from __future__ import annotations

import functools
import re
import unicodedata

from volume.references.text import word_list

STOPWORDS = frozenset(
    word_list("a an the of on in and to for at by with from as is are report le la les der die das")
)
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєґ",
        (
            w.strip("-")
            for w in word_list(
                "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia i u ie g"
            )
        ),
    )
)


@functools.lru_cache(maxsize=8192)  # the bibliography keys each work's author and title again on every build
def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits for a text, Cyrillic transliterated, other scripts dropped."""
    text = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9 ]+", "", text.encode("ascii", "ignore").decode())


@functools.lru_cache(maxsize=8192)  # the clustering compares each name and title many times
def normal_text(text: str) -> str:
    """A text for comparison: case-folded, accents removed, punctuation (any script) turned to spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def first_author(work: dict) -> str | None:
    """The first author's family name or organisation, normalised; None for a work without author."""
    authors = work.get("author") or []
    if not authors:
        return None
    first = authors[0]
    name = normal_text(first.get("family") or first.get("literal") or "")
    return name.removeprefix("the ") or None


def year(work: dict) -> int | None:
    """The year a work was issued, if known."""
    try:
        return int(work["issued"]["date-parts"][0][0])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def base_key(work: dict) -> str:
    """A readable key: first author (letters only), year or "nd", first significant word of the title."""
    if work.get("kept-as-written"):  # the text as written: "kept" and its first significant words
        words = [w for w in ascii_fold(work.get("title", "")).split() if w not in STOPWORDS and not w.isdigit()]
        return "kept" + "".join(w[:12] for w in words[:2])
    authors = work.get("author") or [{}]
    name = ascii_fold(first_author(work) or "").split()
    if authors[0].get("literal"):  # an organisation: its first two significant words
        name = [w for w in name if w not in STOPWORDS][:2] or name
    author = "".join(name)[:20] or "anon"
    words = [w for w in ascii_fold(work.get("title", "")).split() if w not in STOPWORDS and not w.isdigit()]
    return f"{author}{year(work) or 'nd'}{words[0][:20] if words else ''}"
