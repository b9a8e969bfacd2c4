"""The line of a source file a diagnostic points at: where a string or a pattern first stands in it."""

from __future__ import annotations

import re
from pathlib import Path


def line_of(path: Path | None, needle: str | re.Pattern) -> int | None:
    """The line (from 1) where `needle` (a string, or a compiled pattern) first occurs in the file; None when it does
    not, or the file cannot be read as UTF-8 text."""
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if isinstance(needle, str):
        index = text.find(needle)
    else:
        match = needle.search(text)
        index = match.start() if match else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else None
