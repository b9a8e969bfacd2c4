"""Notes' readings kept in the project's build cache: the labeller's work is redone only for notes whose text, the
reader's code and model, or the threshold changed (an edit touches one note; a build reads hundreds)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from volume.cache import Cache, Rounds, digest, remembering, versions
from volume.references.parse import Cited, ParsedNote, parse_note

# a chapter's readings kept in memory between the builds of `volume preview` and `volume build --watch` (read from
# the build cache, they were decoded from JSON again on every build: a tenth of the bibliography pass's time)
_KEPT = Rounds()


def new_round() -> None:
    """Called once per build: readings the last two builds did not ask for are forgotten."""
    _KEPT.next_round()


def parsed_notes(texts: list[str], project: Path | None) -> list[ParsedNote]:
    """parse_note over the texts, from the cache when all of them were read before by this reader. The readings are
    shared between the builds of one process: callers do not change them."""
    if project is None:
        return [parse_note(text) for text in texts]
    from volume.references import read

    key = digest(json.dumps([texts, versions(), read.KEEP_BELOW]))  # versions(): the reader's code and models too
    if remembering():
        return _KEPT.get(key, lambda: _read(texts, project, key))
    return _read(texts, project, key)


def _read(texts: list[str], project: Path, key: str) -> list[ParsedNote]:
    cache = Cache(project)
    cached = cache.get("readings", key)
    if isinstance(cached, list) and len(cached) == len(texts):
        try:
            return [_from_json(item) for item in cached]
        except (TypeError, KeyError):
            pass  # an older layout: read again
    parsed = [parse_note(text) for text in texts]
    cache.put("readings", key, [asdict(note) for note in parsed])
    return parsed


def _from_json(item: dict) -> ParsedNote:
    readings = tuple(Cited(**reading) for reading in item["readings"])
    return ParsedNote(tuple(item["works"]), item["ibid"], item["ibid_locator"], item["comment"],
                      tuple(item["unparsed"]), readings)
