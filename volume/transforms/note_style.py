"""The house style for notes: every reference read with confidence is rendered from its work in the manifest's
CSL note style (the full note first in a chapter, short after, Ibid. as the style says); the rest stays as written."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from pathlib import Path

from volume.cache import Codec, Rounds, digest, keeping
from volume.diagnostics import Report, SourceLocation
from volume.model import Chapter, Markup, Note, NoteCite, Volume
from volume.sanitizer import clean_markup
from volume.scheduler import in_thread
from volume.transforms.deferred import Deferred
from volume.transforms.note_citations import note_source_text
from volume.transforms.note_splice import joined, splice
from volume.transforms.remembered import csl_item_of
from volume.xhtml import escape_text

logger = logging.getLogger(__name__)

BREAK = ("volume-no-work", None)  # a note that cites no work (or several): the next note cannot say "Ibid."
PLACEHOLDER = {"type": "book", "author": [{"literal": "Placeholder"}], "title": "Placeholder"}  # prints (no warning)
BREAK_ITEM = PLACEHOLDER | {"id": "volume-no-work"}
IBID_RE = re.compile(r"^\s*\*?(?:ibid(?:em)?)\b\.?\*?\s*,?\s*", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.?!][”’\"]?$")
CLOSING_QUOTES = "”’\""  # what may stand after a final period, with end tags
THIN_WITHOUT = ("author", "editor", "issued", "container-title", "publisher")
WORD_RE = re.compile(r"[^\W\d_]{3,}")


def start_note_style(volume: Volume, report: Report) -> Volume | Deferred:
    """Starts citeproc on every chapter's citations (in the background, one pandoc per chapter) and returns a Deferred
    whose finish(volume) puts the notes in the house style into a later volume. As written: the volume unchanged."""
    from volume.config import notes_style_file

    style = notes_style_file(volume.manifest)
    if style is None:
        return volume
    entries = {entry.id: entry for entry in volume.bibliography}
    lang = volume.meta.language if "-" in volume.meta.language else "en-US"
    plans = {chapter.id: _plan(chapter, entries) for chapter in volume.chapters if chapter.notes}
    RENDERED.next_round()
    rendering = in_thread(_rendered_all, volume, plans, style, lang)

    def finish(later: Volume) -> Volume:
        RESTYLED.next_round()
        kept_notes: list[str] = []
        chapters = []
        for chapter in later.chapters:
            if chapter.id not in plans:
                chapters.append(chapter)
                continue
            _seq, where, _items = plans[chapter.id]
            rendered = _by_cite(where, rendering.result()[chapter.id])
            chapter, kept = _restyled_chapter(chapter, rendered, entries, report)
            kept_notes += [f"{chapter.id} {n}" for n in kept]
            chapters.append(chapter)
        if kept_notes:
            _report_kept(later, kept_notes, report)
        return later.with_chapters(chapters)

    return Deferred(volume, finish)


def _styled(cite: NoteCite, entries: dict) -> bool:
    """Whether a reference is rendered in the house style: read with confidence, and more than a title and a URL
    (a remark before a URL can be read as a title; printed in quotes and title case it would be a wrong citation)."""
    entry = entries.get(cite.entry_id)
    if not entry or cite.kept or entry.verbatim:
        return False
    work = entry.work
    return not work.get("title") or any(work.get(k) for k in THIN_WITHOUT)


def _plan(chapter: Chapter, entries: dict):
    """The chapter's citations in note order, one per note of their own for citeproc ((item id, locator)); where each
    came from ((note index, cite index), None for a break); and the CSL items they cite."""
    seq, where, items = [], [], {BREAK_ITEM["id"]: BREAK_ITEM}
    for n, note in enumerate(chapter.notes):
        cites = [(c, entries.get(c.entry_id)) for c in note.cites]
        if not any(entry for _c, entry in cites):
            seq.append(BREAK)
            where.append(None)
            continue
        for i, (cite, entry) in enumerate(cites):
            if entry is None:
                continue
            if _styled(cite, entries):
                items[entry.key] = csl_item_of(entry.work, entry.key)
            else:
                items[entry.key] = PLACEHOLDER | {"id": entry.key, "title": entry.key}
            seq.append((entry.key, cite.locator))
            where.append((n, i))
        if len(note.cites) > 1:
            seq.append(BREAK)
            where.append(None)
    return seq, where, list(items.values())


class _NotKept(Exception):
    """A chapter's rendering is in neither the process's memory nor the build cache."""


def _rendered_all(volume: Volume, plans: dict, style: Path, lang: str) -> dict[str, list[str]]:
    """citeproc's HTML for each citation of each chapter ({chapter id: [HTML]}), from memory or the project's cache
    when the citations, style and tools are the same; the chapters found in neither rendered together, in one
    pandoc process (pandoc.render_note_citations_batch: each chapter's positions its own, the same HTML as a run
    apiece; a cold build of the default volume spends 1.3 s of pandoc's CPU on its ten chapters' notes instead of
    2.8 s)."""
    from volume.cache import Cache, digest, versions
    from volume.pandoc import render_note_citations_batch

    cache = Cache(volume.manifest.project_dir)
    tools, style_bytes = json.dumps(versions(), sort_keys=True), style.read_bytes()  # read once, not per chapter
    keys = {cid: digest(json.dumps([seq, items], sort_keys=True, ensure_ascii=False), style_bytes, lang, tools)
            for cid, (seq, _where, items) in plans.items()}

    def read(key: str) -> list[str]:
        cached = cache.get("notes", key)
        if isinstance(cached, list):
            return cached
        raise _NotKept

    found: dict[str, list[str]] = {}
    for cid, key in keys.items():
        try:  # in memory between the builds of preview and --watch (not read back from disk)
            found[cid] = RENDERED.get(key, lambda key=key: read(key))
        except _NotKept:
            pass
    missing = [cid for cid in plans if cid not in found]
    rendered = render_note_citations_batch([(plans[cid][0], plans[cid][2]) for cid in missing], style, lang)
    for cid, html in zip(missing, rendered):
        cache.put("notes", keys[cid], html)
        found[cid] = RENDERED.get(keys[cid], lambda html=html: html)
    return found


# citeproc's renderings of a chapter's citations by their key (lists of strings, never changed by their readers)
RENDERED = Rounds()


def _by_cite(where: list, rendered: list[str]) -> dict[tuple[int, int], str]:
    return {place: html for place, html in zip(where, rendered) if place is not None}




def _restyling_to_disk(value: tuple) -> list:
    body, styled, whole, problem = value
    return [None if body is None else body.xhtml(), styled, whole, problem]


def _restyling_from_disk(stored: list) -> tuple:
    body, styled, whole, problem = stored
    return (None if body is None else Markup.parse(body)), str(styled), bool(whole), problem


# each note's restyling by its inputs: for the next build in this process (watch, preview), and in the build cache
RESTYLED = Rounds("restyled", Codec(_restyling_to_disk, _restyling_from_disk))


def _restyled_chapter(chapter: Chapter, rendered: dict, entries: dict, report: Report) -> tuple[Chapter, list[int]]:
    """The chapter with its notes in the house style; and the numbers of the notes left (partly) as written."""
    notes, kept = [], []
    for n, note in enumerate(chapter.notes):
        new, whole = _remembered_restyling(note, n, rendered, entries, report)
        notes.append(new)
        if not whole:
            kept.append(note.number)
    return chapter.with_(notes=tuple(notes)), kept


def _remembered_restyling(note: Note, n: int, rendered: dict, entries: dict, report: Report) -> tuple[Note, bool]:
    """_restyled_note, from the last builds in this process when the note, its citations' renderings and the works
    they cite are the same (its diagnostic given again, at the note's place now)."""
    if not keeping():
        return _restyled_note(note, n, rendered, entries, report)
    if not note.cites:
        return note, True
    cited = [(rendered.get((n, i)), entries[c.entry_id].work if c.entry_id in entries else None,
              entries[c.entry_id].verbatim if c.entry_id in entries else None) for i, c in enumerate(note.cites)]
    key = digest(str(note.number), note.body.xhtml(), repr(note.cites),
                 json.dumps(cited, sort_keys=True, ensure_ascii=False, default=str))

    def restyle() -> tuple[Markup | None, str, bool, str | None]:
        own = Report()
        new, whole = _restyled_note(note, n, rendered, entries, own)
        return (None if new.body is note.body else new.body), new.styled, whole, \
            (own.items[0].message if own.items else None)

    body, styled, whole, problem = RESTYLED.get(key, restyle)
    if problem is not None:
        report.add("N011", problem, note.location)
    return replace(note, body=note.body if body is None else body.copy(), styled=styled), whole


def _restyled_note(note: Note, n: int, rendered: dict, entries: dict, report: Report) -> tuple[Note, bool]:
    """The note with each reference read with confidence replaced by its rendering; whether none was left as written."""
    if not note.cites:
        return note, True
    text = note_source_text(note.body)
    spans, whole = [], True
    ibid = [(i, c) for i, c in enumerate(note.cites) if c.ibid]
    for i, cite in enumerate(note.cites):
        if cite.ibid:
            continue
        markup = _citation(rendered.get((n, i), ""), entries[cite.entry_id].work) if _styled(cite, entries) else None
        if markup and cite.end > cite.start:
            spans.append(_fitted(text, cite.start, cite.end, markup))
        else:
            whole = False
    if ibid:
        marks = [_citation(rendered.get((n, i), ""), entries[c.entry_id].work) if _styled(c, entries) else None
                 for i, c in ibid]
        end = _ibid_end(text)
        if all(marks) and end:
            spans.append(_fitted(text, 0, end, joined([part for mark in marks for part in ("; ", mark)][1:])))
        else:
            whole = False
    if not spans:
        return replace(note, styled="written"), whole
    try:
        body = splice(note.body, spans)
    except ValueError as exc:
        report.add("N011", f"note {note.number} could not be put in the house style ({exc}); it stays as written",
                   note.location)
        return replace(note, styled="written"), False
    return replace(note, body=body, styled="house" if whole else "part"), whole


def _citation(rendered: str, work: dict) -> Markup | None:
    """citeproc's citation, sanitised as the bibliography's entries are, with the note's remark the style leaves
    out ("Republished by …", kept in the work's note field); None when citeproc wrote nothing."""
    markup = clean_markup(rendered, inline=True).strip()
    if not markup:
        return None
    remark = " ".join(str(work.get("note", "")).split())
    if remark and WORD_RE.search(remark) and remark not in _plain(markup) and "://" not in remark:
        remark = remark[0].upper() + remark[1:]
        ending = "" if SENTENCE_END_RE.search(remark) else "."
        markup = joined([markup, " ", clean_markup(escape_text(remark), inline=True), ending])
    return markup


def _plain(markup: Markup) -> str:
    return "".join(markup.root.itertext())


def _fitted(text: str, start: int, end: int, markup: Markup) -> tuple[int, int, Markup]:
    """The span and markup joined to what follows: one final period, none before a semicolon or comma; "Ibid."
    capitalised where a sentence starts."""
    plain = _plain(markup)
    after = text[end:]
    if SENTENCE_END_RE.search(plain):
        if after.startswith("."):
            end += 1
        elif after.lstrip()[:1] in (";", ",", ":") and plain.endswith(("."," .”", ".”", ".’")):
            _drop_final_period(markup)
    before = text[:start].rstrip()
    first = markup.root.text or ""
    if first[:4].lower() == "ibid" and (not before or before.endswith((".", "?", "!"))):
        markup.root.text = first[0].upper() + first[1:]
    return start, end, markup


def _drop_final_period(markup: Markup) -> None:
    """The period before the markup's closing quotes and end tags, if it ends with one, taken out (in place)."""
    _back_to_period(markup.root, outermost=True)


def _back_to_period(element, outermost: bool = False) -> str:
    """Reads an element's text backwards, over closing quotes and end tags only, to a final period and takes it out:
    "done" when it did, "stop" at anything else (a word, a start tag, an empty element), "on" at the element's start."""
    for child in reversed(element):
        found = _period_in(child, "tail")
        if found != "on":
            return found
        if not isinstance(child.tag, str) or (child.text is None and not len(child)):
            return "stop"
        found = _back_to_period(child)
        if found != "on":
            return found
    found = _period_in(element, "text")
    return found if found != "on" or outermost else "stop"  # before its text stands the element's start tag


def _period_in(element, field: str) -> str:
    value = getattr(element, field) or ""
    kept = value.rstrip(CLOSING_QUOTES)
    if kept.endswith("."):
        setattr(element, field, kept[:-1] + value[len(kept):])
        return "done"
    return "stop" if kept else "on"


def _ibid_end(text: str) -> int:
    """Where the "Ibid." and its locator end in a note's text ("Ibid., p. 5." → after the period)."""
    from volume.references.parse import LOCATOR_RE

    found = IBID_RE.match(text)
    if not found:
        return 0
    end = found.end()
    locator = LOCATOR_RE.match(text[end:])
    if locator:
        end += locator.end()
    while end > 0 and text[end - 1] in " ,;":
        end -= 1
    return end


def _report_kept(volume: Volume, kept: list[str], report: Report) -> None:
    from volume.config import _line_of

    manifest = volume.manifest
    text = manifest.path.read_text(encoding="utf-8") if manifest.path.is_file() else ""
    shown = ", ".join(kept[:12]) + (f" and {len(kept) - 12} more" if len(kept) > 12 else "")
    report.add("N010", f"{len(kept)} note(s) keep a reference as written among notes in {manifest.notes_style} "
               f"({shown}); `volume bib --report` says why each was not read: write them in a standard style",
               SourceLocation(manifest.path, _line_of(text, "notes")))
