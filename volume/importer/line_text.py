"""A line's text reduced for comparing and classifying: spaces squashed, Markdown inline made plain, a key for word
lists."""

from __future__ import annotations

import re


def squash(text: str) -> str:
    return " ".join(text.split())


def plain(markup: str) -> str:
    """Markdown inline as plain text, for comparing and classifying (escapes and emphasis removed)."""
    text = re.sub(r"\x00[^\x00]*\x00", "", markup)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\\)\*+", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return squash(text)


def key(text: str) -> str:
    """A line reduced for matching against word lists: lower case, no surrounding punctuation or bullets."""
    return squash(re.sub(r"^[\W_]+|[\W_]+$", "", text.lower()))
