"""Text helpers for the reference parsers: abbreviations, italics, sentence boundaries, elements, prose."""

from __future__ import annotations

import re


def word_list(text: str, sep: str | None = None) -> tuple[str, ...]:
    """The words of a space-separated (or sep-separated) list written as one string."""
    return tuple(text.split(sep))


ABBREVIATIONS = frozenset(
    word_list(
        "st co inc ltd jr sr dr mr mrs ms prof no nos vol vols ed eds trans corp dept univ govt jan feb "
        "mar apr jun jul aug sep sept oct nov dec vs etc p pp para ch fig al cf ibid op cit"
    )
)
CONNECTORS = frozenset(
    word_list(
        "of the for and in on at to & und et für pour de du des la le el al van von der den y i e di da "
        "del della"
    )
)
INITIALISM_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
BOUNDARY_RE = re.compile(r"(?:[.?!][\"”’)\]]*|;)\s+")


def is_abbreviation(word: str) -> bool:
    """Whether a word ending in a full stop is an initial or abbreviation rather than a sentence end."""
    core = word.strip("([\"“'‘*").rstrip(".")
    if not core:
        return False
    if len(core) == 1 and core.isalpha():
        return True
    return core.lower() in ABBREVIATIONS or bool(INITIALISM_RE.fullmatch(core + "."))


def word_before(text: str, index: int) -> str:
    """The whitespace-delimited word that ends at index."""
    head = text[:index].rsplit(None, 1)
    return head[-1] if head else ""


def unitalic(text: str) -> str:
    """Text without Markdown emphasis asterisks."""
    return " ".join(text.replace("*", "").split())


def sentence_end(text: str, index: int) -> bool:
    """Whether the punctuation at index ends a sentence: followed by a space or the end, not an initial."""
    if index + 1 < len(text) and not text[index + 1].isspace():
        return False
    if text[index + 2 : index + 3] == "*":  # an italic container follows, even after "Jan."
        return True
    if text[index] == "." and "а" <= text[index + 2 : index + 3] <= "я":
        return False  # a Russian abbreviation inside a phrase ("43,2 млрд куб. м газа"): no field ends there
    return text[index] != "." or not is_abbreviation(word_before(text, index))


def split_elements(text: str, commas: bool = False) -> list[str]:
    """Split at sentence ends (and commas if asked) outside brackets, quotes and italics."""
    parts, depth, start = [], 0, 0
    italic, use_italics = False, text.count("*") % 2 == 0
    quoted = False
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        elif char == "*" and use_italics:
            italic = not italic
        elif char in '“”"':
            quoted = char == "“" or (char == '"' and not quoted)
        elif depth or italic or quoted:
            continue
        elif (char in ".?!" and sentence_end(text, index)) or (
            commas and char == "," and text[index + 1 : index + 2] == " "
        ):
            keep = char in "?!" or (char == "." and is_abbreviation(word_before(text, index)))
            parts.append(text[start : index + keep])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip(" .,")]


def is_prose(text: str) -> bool:
    """Whether a text reads as a sentence of comment rather than a part of a reference."""
    stripped = text.strip()
    if re.match(r"(?i)(accessed|retrieved|available|doi|https?://)", stripped):
        return False
    words = WORD_RE.findall(stripped)
    lower = [w for w in words if w[0].islower() and w.lower() not in CONNECTORS]
    return len(words) >= 3 and len(lower) >= 2
