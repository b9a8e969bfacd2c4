"""'Did you mean …?' for a name a user mistyped: the closest of the names that exist (difflib, standard library)."""

from __future__ import annotations

import difflib
from pathlib import Path

CUTOFF = 0.75  # difflib's ratio: "armnia.md" → "armenia.md" (0.95), "china.md" ↛ "georgia.md" (0.44)


def closest(name: str, candidates, cutoff: float = CUTOFF) -> str | None:
    """The candidate nearest to `name` (case ignored), if any is near enough."""
    by_key = {str(c).lower(): str(c) for c in candidates if str(c) != name}
    found = difflib.get_close_matches(name.lower(), list(by_key), n=1, cutoff=cutoff)
    return by_key[found[0]] if found else None


def did_you_mean(name: str, candidates, cutoff: float = CUTOFF) -> str:
    """' (did you mean 'x'?)' or ''."""
    match = closest(name, candidates, cutoff)
    return f" (did you mean '{match}'?)" if match else ""


def sibling_files(folder: Path, wanted: Path, suffixes: tuple[str, ...] = ()) -> list[str]:
    """Files in `folder` and its subfolders as paths relative to it, for a near match to `wanted` (same depth)."""
    target = folder / wanted.parent
    if not target.is_dir():
        return []
    names = []
    for path in sorted(target.iterdir()):
        if path.is_file() and not path.name.startswith(".") and (not suffixes or path.suffix.lower() in suffixes):
            names.append(str(path.relative_to(folder)))
    return names
