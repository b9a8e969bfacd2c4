"""Labelled training strings from anystyle's hand-labelled sequences (tools/reference_training/anystyle): each
sequence joined into a reference string, each token given the labeller's label for its segment."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from volume.references.labels import LABELS
from volume.references.tokens import Token, tokenize

HERE = Path(__file__).resolve().parent
DATA = HERE / "reference_training" / "anystyle"
DEV = HERE.parent / "tests" / "cases" / "references" / "dev"

LABEL_OF = {"author": "author", "editor": "editor", "date": "date", "title": "title", "journal": "container",
            "container-title": "container", "volume": "volume", "pages": "pages", "publisher": "publisher",
            "location": "location", "url": "url", "doi": "doi"}  # every other anystyle label: "other"
LEAD_WORDS = {"in", "in:", "dans", "en", "im", "in :"}
PAGE_WORDS = {"p", "pp", "page", "pages", "s", "pg"}
VOLUME_WORDS = {"vol", "vols", "volume", "v", "bd", "t", "tome", "jg", "т", "part"}
ISSUE_WORDS = {"no", "nos", "n", "nr", "n°", "issue", "h", "heft", "suppl", "serial", "№"}
YEAR_RE = re.compile(r"(1[5-9]\d\d|20\d\d)[a-z]?")


def sequences(name: str) -> list[list[tuple[str, str]]]:
    """The [(anystyle label, text)] segments of each sequence in one transcribed file."""
    out = []
    for block in (DATA / name).read_text(encoding="utf-8").split("\n\n"):
        segments = [tuple(line.split("|", 1)) for line in block.strip().splitlines() if "|" in line]
        if segments:
            out.append(segments)
    return out


def _text(segment: str) -> str:
    return re.sub(r"</?italic>", "*", segment)


def _dev_keys() -> set[str]:
    keys = set()
    for path in DEV.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                keys.add(_key(json.loads(line)["text"]))
    return keys


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return re.sub(r"[\W_]+", "", folded)[:60]


def _volume_labels(tokens: list[Token]) -> list[str]:
    """anystyle's volume segment ("2009;108(2):", "vol. 21, no 12", "13(2)") split into date, volume, issue."""
    labels = ["other"] * len(tokens)
    seen_volume, after_issue_word, depth = False, False, 0
    for i, token in enumerate(tokens):
        word = token.text.lower().rstrip(".")
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if token.text == "(":
            depth += 1
            continue
        if token.text == ")":
            depth = max(0, depth - 1)
            continue
        if token.kind == "punct" or word in VOLUME_WORDS:
            continue
        if word in ISSUE_WORDS:
            after_issue_word = True
            continue
        if YEAR_RE.fullmatch(token.text) and following == ";":
            labels[i] = "date"
        elif depth or after_issue_word or seen_volume:
            labels[i] = "issue"
        else:
            labels[i] = "volume"
            seen_volume = True
    return labels


def _trim(tokens: list[Token], labels: list[str], label: str) -> list[str]:
    """Edge punctuation, lead words ("In", "pp.") outside the field, as in the rendered training strings."""
    labels = list(labels)
    words = [t.text.lower().rstrip(".") for t in tokens]
    start = 0
    while start < len(tokens) and (tokens[start].kind == "punct" or (
            label in ("container", "editor") and words[start] in LEAD_WORDS)
            or (label == "pages" and words[start] in PAGE_WORDS)):
        labels[start] = "other"
        start += 1
    end = len(tokens) - 1
    while end > start and tokens[end].kind == "punct":
        keep_stop = label in ("author", "editor") and tokens[end].text == "." and len(tokens[end - 1].text) == 1
        if keep_stop:
            break
        labels[end] = "other"
        end -= 1
    if label == "pages" and re.search(r"\d\s*p{1,2}\.?$|\bpp?\.?$", " ".join(t.text for t in tokens).strip(" .,")) \
            and not any("-" in t.text or "–" in t.text for t in tokens):
        labels = ["other"] * len(tokens)  # "200 p.": a book's length, not the pages of a part
    return labels


def example(segments: list[tuple[str, str]]) -> tuple[str, list[Token], list[str]]:
    """The reference string of one sequence, its tokens and their labels."""
    text, labels = "", []
    for name, raw in segments:
        piece = _text(raw.strip())
        if not piece:
            continue
        if text:
            text += " "
        tokens = tokenize(piece)
        label = LABEL_OF.get(name, "other")
        if label == "volume":
            found = _volume_labels(tokens)
        elif label in ("url", "doi"):
            found = [("doi" if label == "doi" or "doi.org" in t.text.lower() else "url") if t.kind in ("url", "doi")
                     else "other" for t in tokens]
        else:
            found = _trim(tokens, [label] * len(tokens), label)
        text += piece
        labels += found
    tokens = tokenize(text)
    if len(tokens) != len(labels):  # a segment boundary changed how the text tokenises: relabel by offsets
        return text, tokens, _by_offsets(segments, tokens)
    assert all(lab in LABELS for lab in labels), labels
    return text, tokens, labels


def _by_offsets(segments, tokens: list[Token]) -> list[str]:
    spans, at = [], 0
    for name, raw in segments:
        piece = _text(raw.strip())
        if piece:
            spans.append((at, at + len(piece), LABEL_OF.get(name, "other")))
            at += len(piece) + 1
    labels = []
    for token in tokens:
        label = next((lab for start, end, lab in spans if start <= token.start < end), "other")
        labels.append("other" if label == "volume" or token.kind == "punct" else label)
    return labels


def held_back(text: str) -> bool:
    """The fixed fifth of the sequences kept out of training, to check the labeller on (by a hash of the text)."""
    return hashlib.sha1(_key(text).encode()).digest()[0] % 5 == 0


def examples(part: str = "train"):
    """(text, tokens, labels) of every usable sequence: part "train" (the four fifths not held back, none of
    them in the development set) or "check" (the fifth held back)."""
    dev, seen = _dev_keys(), set()
    for name in ("gold.txt", "core.txt", "good.txt"):
        for segments in sequences(name):
            text, tokens, labels = example(segments)
            key = _key(text)
            if key in seen or key in dev or len(tokens) < 4:
                continue
            seen.add(key)
            if held_back(text) == (part == "check"):
                yield text, tokens, labels
