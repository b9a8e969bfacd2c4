"""How unfamiliar a reference's shape is: its token-shape sequence ("Aa, A. (9999). Aa a. Aa, 9(9), 9-9.") against
the shapes of the tuning strings the readers and the calibration were written and fitted on (shipped in
model/shapes.json, built by `python3 tools/build_shapes.py`). A shape farther from every known one than the gate
(the 99th percentile of the tuning strings' own distances to the shapes of the other sources) is a form no rule or
check was tried on: read.decide keeps its reading as written. The distance is also a signal of
volume.references.calibration."""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

logger = logging.getLogger(__name__)
INDEX = Path(__file__).resolve().parent / "model" / "shapes.json"
URL_RE = re.compile(r"(?:https?://|www\.|doi:\s*)\S+", re.IGNORECASE)
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|\s+|.", re.UNICODE)
MAX_SHAPE = 160  # characters of a shape compared: a long note's tail says little more about its form


def _word(token: str) -> str:
    if not any(c.isupper() or c.islower() for c in token):
        return "a"  # a script without case (Chinese, Japanese): a word
    if len(token) == 1:
        return "A" if token.isupper() else "a"
    if token.isupper():
        return "AA"
    return "Aa" if token[0].isupper() else "a"


def shape(text: str) -> str:
    """The reference's token shapes: a URL "U", a capitalised word "Aa", a lower-case word "a", an initial "A", a
    word in capitals "AA", a year-like number "9999", any other number "9", punctuation as written; a run of
    words of one shape is one ("Aa a a a" -> "Aa a"), so the title's length does not count, only its casing."""
    text = URL_RE.sub(" U ", text.strip())
    out: list[str] = []
    for token in TOKEN_RE.findall(text):
        if token.isspace():
            part = " "
        elif token.isdigit():
            part = "9999" if len(token) == 4 else "9"
        elif token == "U" or token[0].isalpha():
            part = "U" if token == "U" else _word(token)
        else:
            part = token
        if part == " " and out and out[-1] == " ":
            continue
        if part[0].isalpha() and part != "U" and len(out) >= 2 and out[-1] == " " and out[-2] == part:
            out.pop()  # "Aa a a": the same word shape again after a space
            continue
        out.append(part)
    return "".join(out).strip()[:MAX_SHAPE]


@lru_cache(maxsize=1)
def _stored() -> dict:
    try:
        return json.loads(INDEX.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.info("no shape index at %s: every reference counts as of a known shape", INDEX)
        return {}


@lru_cache(maxsize=1)
def _index() -> tuple[str, ...]:
    return tuple(_stored().get("shapes", ()))


def gate() -> float:
    """The novelty above which a reading is kept as written (1.0, never, without an index)."""
    return float(_stored().get("gate", 1.0))


def nearest(text_shape: str, known) -> float:
    """The similarity (0-1, rapidfuzz's normalised Indel ratio) of a shape to the nearest of the known ones."""
    if not known:
        return 1.0
    found = process.extractOne(text_shape, known, scorer=fuzz.ratio)
    return found[1] / 100.0 if found else 0.0


def novelty(text: str) -> float:
    """1 - the similarity of the reference's shape to the nearest shipped tuning shape: 0 for a known form."""
    index = _index()
    return 1.0 - nearest(shape(text), index) if index else 0.0
