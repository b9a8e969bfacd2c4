"""Read a chapter's endnotes into citations: each reference read or kept as written, Ibid. resolved, reported."""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
from dataclasses import dataclass
from pathlib import Path

from volume.diagnostics import Report
from volume.model import Chapter, Markup
from volume.references.dedupe import Citation
from volume.references.ibid import resolve_items
from volume.references.kept import commentary_reference, kept_work
from volume.references.cached import has_readings, parsed_notes
from volume.references.parse import ParsedNote


@dataclass(frozen=True)
class Cite:
    """One citation a note makes: the index of its Citation, and where and how the note makes it."""

    index: int
    start: int
    end: int
    locator: str | None
    kept: bool
    confidence: float
    ibid: bool = False


def note_source_text(note: Markup) -> str:
    """A note back to the Markdown-like text the parser reads (italics as *...*)."""
    return " ".join(_starred_text(note.root).split())


def starred(element) -> bool:
    """Whether the parser reads an element as *emphasis*: a plain <em> or <i> with something in it."""
    return element.tag in ("em", "i") and not element.attrib and bool(element.text or len(element))


def _starred_text(element) -> str:
    """The element's text, with what plain <em> and <i> elements hold between asterisks."""
    parts = [element.text or ""]
    for child in element:
        inner = _starred_text(child) if isinstance(child.tag, str) else ""
        if starred(child):
            inner = f"*{inner}*"
        parts.append(inner + (child.tail or ""))
    return "".join(parts)


def _short(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "…"


def read_all_notes(chapters: list[Chapter], project: Path | None) -> list[list[ParsedNote]]:
    """Each chapter's notes read (parsed_notes); the chapters not in the build cache shared with the build's workers
    when they are lent (volume.scheduler.lending): a cold build reads some 250 notes, 1–2 s of one core while the
    other waits for the layout to begin. The workers take chapters from the end, this thread from the start."""
    from volume.scheduler import lent_workers

    texts = [[note_source_text(note.body) for note in chapter.notes] for chapter in chapters]
    workers = lent_workers()
    unread = [i for i, notes in enumerate(texts) if notes and not has_readings(notes, project)] if workers else []
    jobs = _share_out(workers, texts, unread[1:], project) if len(unread) > 1 else {}
    found: dict[int, list[ParsedNote]] = {}
    for i, notes in enumerate(texts):
        if i not in jobs or jobs[i].cancel():  # not taken by a worker yet: read here
            found[i] = parsed_notes(notes, project)
    for i in jobs.keys() - found.keys():
        found[i] = _worker_readings(jobs[i], texts[i], project)
    return [found[i] for i in range(len(texts))]


def _share_out(workers, texts: list[list[str]], chapters: list[int], project: Path | None) -> dict:
    """parsed_notes of these chapters submitted to the workers, the last chapter first."""
    from volume.library_warnings import in_worker

    jobs = {}
    try:
        for i in reversed(chapters):
            jobs[i] = workers.submit(in_worker, parsed_notes, texts[i], project)
    except (RuntimeError, concurrent.futures.process.BrokenProcessPool):
        pass  # the workers are gone (the build is failing): this thread reads the rest
    return jobs


def _worker_readings(job, texts: list[str], project: Path | None) -> list[ParsedNote]:
    """A worker's readings, with what the reader logged there logged here; read here if the worker failed (so a
    bug's traceback comes from this process)."""
    import logging

    try:
        readings, records = job.result()
    except Exception:  # noqa: BLE001 - a WorkerError or a broken pool: the same work done here says what went wrong
        return parsed_notes(texts, project)
    for name, message in records:
        logging.getLogger(name).warning("%s", message)
    return readings


def read_chapter_notes(chapter: Chapter, report: Report, first_index: int = 0, project: Path | None = None,
                       parsed: list[ParsedNote] | None = None):
    """The citations a chapter's notes make, and for each note its cites and comment (the readings from the
    project's build cache when given; `parsed`: the notes read already, by read_all_notes)."""
    if parsed is None:
        parsed = parsed_notes([note_source_text(note.body) for note in chapter.notes], project)
    citations: list[Citation] = []
    own: list[list[Cite]] = []
    for note, parse in zip(chapter.notes, parsed):
        cites = []
        for reading in parse.readings:
            start, text = reading.start, reading.text
            if not reading.work:
                cut = commentary_reference(text)
                if cut is False:
                    report.add("N020", f"note of commentary kept out of the bibliography: '{_short(text)}'; put its "
                               "reference in a sentence of its own ('See …') to have it listed", note.location)
                    continue
                if cut:
                    start, text = start + cut[0], cut[1]
            work = reading.work or kept_work(text, reading.reason)
            if not reading.work:
                report.add("R002", f"reference kept as written ({reading.reason}): '{_short(text)}'; "
                           "write it in a standard style to have it formatted", note.location)
            cites.append(Cite(first_index + len(citations), start, reading.end, reading.locator,
                              reading.work is None, reading.confidence))
            citations.append(Citation(work, chapter.id, chapter.number, note.number,
                                      (str(note.location.path), note.location.line)))
        own.append(cites)
    resolved = resolve_items([p.ibid for p in parsed], own)
    per_note = []
    for index, (note, parse, cites, mine) in enumerate(zip(chapter.notes, parsed, resolved, own)):
        if parse.ibid:
            borrowed = [c for c in cites if c not in mine]
            cites = tuple(Cite(c.index, 0, 0, parse.ibid_locator, c.kept, c.confidence, True) for c in borrowed) + \
                tuple(mine)
            for cite in borrowed:
                source = citations[cite.index - first_index]
                citations.append(Citation(source.work, chapter.id, chapter.number, note.number, source.location))
            if not borrowed:
                _report_lonely_ibid(report, note, index)
        per_note.append((cites, parse.comment))
    return citations, per_note


def _report_lonely_ibid(report: Report, note, index: int) -> None:
    if index == 0:
        report.add("R001", "Ibid. in the chapter's first note has nothing to refer to; cite the work in full",
                   note.location)
    else:
        report.add("R006", "Ibid. follows no note that cites a work; cite the work in full", note.location)
