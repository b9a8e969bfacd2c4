"""The line of a source file a diagnostic points at: where a string or a pattern first stands in it (or every line
where a pattern does)."""

from __future__ import annotations

import re
from pathlib import Path


def _text(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def line_of(path: Path | None, needle: str | re.Pattern) -> int | None:
    """The line (from 1) where `needle` (a string, or a compiled pattern) first occurs in the file; None when it does
    not, or the file cannot be read as UTF-8 text."""
    text = _text(path)
    if text is None:
        return None
    if isinstance(needle, str):
        index = text.find(needle)
    else:
        match = needle.search(text)
        index = match.start() if match else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def lines_of(path: Path | None, pattern: re.Pattern) -> list[int]:
    """Every line (from 1) where `pattern` matches in the file, in order; none when the file cannot be read."""
    text = _text(path)
    if text is None:
        return []
    return [text.count("\n", 0, match.start()) + 1 for match in pattern.finditer(text)]
