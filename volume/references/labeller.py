"""Label each token of a reference (author, date, title, container, ...) with the shipped CRF model."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from volume.references.lexicon import ENGLISH_WORDS, FOREIGN_WORDS
from volume.references.tokens import Token, features, plain_features, tokenize

logger = logging.getLogger(__name__)
MODEL = Path(__file__).resolve().parent / "model" / "labeller.crfsuite"
SECOND = Path(__file__).resolve().parent / "model" / "second.crfsuite"  # the second opinion: other features
# German, French and Turkish references: a model trained with those languages' CSL terms and month ranges, and
# features for editor words a few tokens away (tools/train_references.py --foreign)
FOREIGN = Path(__file__).resolve().parent / "model" / "foreign.crfsuite"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Labelled:
    """A reference's tokens, the label of each, and the model's probability for that label."""

    text: str
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    marginals: tuple[float, ...]
    probability: float  # of the whole labelling


@lru_cache(maxsize=3)
def _tagger(path: Path = MODEL):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _installed(path: Path, what: str) -> bool:
    """Whether a model file can be opened (an install without it reads as before)."""
    try:
        _tagger(path)
    except Exception:  # noqa: BLE001 - an install without it reads as before
        logger.info("%s reference labeller not available at %s", what, path)
        return False
    return True


@lru_cache(maxsize=1)
def second_available() -> bool:
    """Whether the second opinion's model is installed (without it, readings go without a second opinion)."""
    return _installed(SECOND, "second")


@lru_cache(maxsize=1)
def foreign_available() -> bool:
    """Whether the German, French and Turkish references' model is installed (without it, the first model reads them)."""
    return _installed(FOREIGN, "foreign-language")


def foreign(tokens: list[Token]) -> bool:
    """Whether a reference is written in German, French or Turkish rather than English, by the words it holds (more
    of FOREIGN_WORDS than of ENGLISH_WORDS), in the Latin script: Russian and Chinese references stay with the first
    model, which reads them as well (measured on dev/ and tune-r9/fit/)."""
    words = [t.text.lower() for t in tokens if t.kind == "word"]
    if any("\u0400" <= w[0] <= "\u04ff" or "\u3040" <= w[0] <= "\u9fff" for w in words):
        return False
    found = sum(w in FOREIGN_WORDS for w in words)
    return found > 0 and found > sum(w in ENGLISH_WORDS for w in words)


def available() -> bool:
    """Whether the model and its runtime are installed (they are, in a normal install)."""
    try:
        _tagger()
    except Exception:  # a broken install: the rules still read what they can
        logger.warning("reference labeller model not available at %s", MODEL, exc_info=True)
        return False
    return True


@lru_cache(maxsize=512)
def label(text: str, second: bool = False) -> Labelled:
    """The most likely labelling of a reference's tokens, with each token's marginal probability; by the second
    opinion's model (other features) when second is true."""
    tokens = tokenize(text)
    if not tokens:
        return Labelled(text, (), (), (), 0.0)
    with _LOCK:  # one tagger object per model: its state is per sequence
        tagger = _tagger(SECOND if second else FOREIGN if foreign(tokens) and foreign_available() else MODEL)
        tagger.set((plain_features if second else features)(tokens))
        labels = tagger.tag()
        marginals = tuple(tagger.marginal(lab, i) for i, lab in enumerate(labels))
        probability = tagger.probability(labels)
    return Labelled(text, tuple(tokens), tuple(labels), marginals, probability)
