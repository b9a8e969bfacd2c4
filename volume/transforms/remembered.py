"""A pass's work on one chapter (and a work's CSL item) remembered in this process (volume build --watch, volume
preview): after an edit, only the chapters whose text changed go through it again; the others get a copy of their
last result."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Callable

from pathlib import Path

from volume.cache import Codec, Rounds, digest, keeping, remembering
from volume.diagnostics import Diagnostic, Report, SourceLocation
from volume.model import Chapter, Markup, Note, NoteCite

_PASSES: dict[str, Rounds] = {}


def each_chapter(name: str, chapters, report: Report, run: Callable[[Chapter, Report], Chapter],
                 inputs: Callable[[Chapter], tuple[str | bytes, ...]] = lambda chapter: (),
                 makes_notes: bool = False) -> list[Chapter]:
    """run(chapter, report) over the chapters, its result (the chapter's tree, its notes if the pass `makes_notes`,
    and its diagnostics) taken from the last builds in this process when the pass, the chapter's id, source file and
    tree, and what `inputs(chapter)` names (anything else run reads), are the same as then. A pass given here
    changes a chapter's body (and notes, if it makes them) and reads nothing else of the chapter."""
    if not keeping():
        return [run(chapter, report) for chapter in chapters]
    rounds = _PASSES.setdefault(name, Rounds(f"pass-{name}", PASS_CODEC))
    rounds.next_round()
    return [_one(rounds, name, chapter, report, run, inputs, makes_notes) for chapter in chapters]


def _one(rounds: Rounds, name: str, chapter: Chapter, report: Report, run, inputs, makes_notes: bool) -> Chapter:
    ran: list[Chapter] = []

    def compute():
        own = Report()
        done = run(chapter, own)
        ran.append(done)
        # kept apart from the live result: the later passes change its trees
        notes = tuple(replace(n, body=n.body.copy()) for n in done.notes) if makes_notes else None
        return done.body.copy(), notes, own.items

    source = str(chapter.source.path) if chapter.source else ""  # where its diagnostics point
    key = digest(name, chapter.id, source, chapter.body.xhtml(), *inputs(chapter))
    body, notes, diagnostics = rounds.get(key, compute)
    for diagnostic in diagnostics:
        report.add(diagnostic.code, diagnostic.message, diagnostic.location)
    if ran:
        return ran[0]
    if notes is None:
        return chapter.with_(body=body.copy())
    return chapter.with_(body=body.copy(), notes=tuple(replace(n, body=n.body.copy()) for n in notes))


def _location_to_disk(where: SourceLocation | None) -> list | None:
    return None if where is None else [str(where.path), where.line]


def _location_from_disk(stored: list | None) -> SourceLocation | None:
    return None if stored is None else SourceLocation(Path(stored[0]), stored[1])


def _note_to_disk(note: Note) -> dict:
    stored = {f.name: getattr(note, f.name) for f in fields(Note)}
    return stored | {"body": note.body.xhtml(), "location": _location_to_disk(note.location),
                     "references": list(note.references),
                     "cites": [[getattr(c, f.name) for f in fields(NoteCite)] for c in note.cites]}


def _note_from_disk(stored: dict) -> Note:
    return Note(**stored | {"body": Markup.parse(stored["body"]), "location": _location_from_disk(stored["location"]),
                            "references": tuple(stored["references"]),
                            "cites": tuple(NoteCite(*cite) for cite in stored["cites"])})


def _pass_to_disk(value: tuple) -> dict:
    body, notes, diagnostics = value
    return {"body": body.xhtml(), "notes": None if notes is None else [_note_to_disk(n) for n in notes],
            "diagnostics": [[d.code, d.message, _location_to_disk(d.location)] for d in diagnostics]}


def _pass_from_disk(stored: dict) -> tuple:
    notes = stored["notes"]
    return (Markup.parse(stored["body"]), None if notes is None else tuple(_note_from_disk(n) for n in notes),
            [Diagnostic(code, message, _location_from_disk(where)) for code, message, where in stored["diagnostics"]])


PASS_CODEC = Codec(_pass_to_disk, _pass_from_disk)  # a pass's result on a chapter, as the build cache keeps it

_ITEMS = Rounds()


def csl_item_of(work: dict, key: str, protect_case: bool = True) -> dict:
    """references.styles.csl_item (a copy), from the last builds in this process when the work is the same."""
    from volume.references.styles import csl_item

    if not remembering():
        return csl_item(work, key, protect_case)
    found = _ITEMS.get(digest(json.dumps([work, key, protect_case], sort_keys=True, ensure_ascii=False, default=str)),
                       lambda: csl_item(work, key, protect_case))
    return dict(found)


def new_round_of_items() -> None:
    _ITEMS.next_round()
