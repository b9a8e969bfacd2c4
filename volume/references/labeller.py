"""Label each token of a reference (author, date, title, container, ...) with the shipped CRF model."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from volume.references.tokens import Token, features, tokenize

logger = logging.getLogger(__name__)
MODEL = Path(__file__).resolve().parent / "model" / "labeller.crfsuite"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Labelled:
    """A reference's tokens, the label of each, and the model's probability for that label."""

    text: str
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    marginals: tuple[float, ...]
    probability: float  # of the whole labelling


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def available() -> bool:
    """Whether the model and its runtime are installed (they are, in a normal install)."""
    try:
        _tagger()
    except Exception:  # a broken install: the rules still read what they can
        logger.warning("reference labeller model not available at %s", MODEL, exc_info=True)
        return False
    return True


def label(text: str) -> Labelled:
    """The most likely labelling of a reference's tokens, with each token's marginal probability."""
    tokens = tokenize(text)
    if not tokens:
        return Labelled(text, (), (), (), 0.0)
    with _LOCK:  # one tagger object: its state is per sequence
        tagger = _tagger()
        tagger.set(features(tokens))
        labels = tagger.tag()
        marginals = tuple(tagger.marginal(lab, i) for i, lab in enumerate(labels))
        probability = tagger.probability(labels)
    return Labelled(text, tuple(tokens), tuple(labels), marginals, probability)
