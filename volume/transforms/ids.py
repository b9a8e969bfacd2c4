"""Make every id unique in the volume (prefix with the chapter id) and resolve links between chapters."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from volume.diagnostics import Report, SourceLocation
from volume.model import Chapter, Volume
from volume.xhtml import parse_fragment, serialize_children


def _prefix(chapter_id: str, local: str) -> str:
    return f"{chapter_id}-{local}"


def prefix_ids(volume: Volume, report: Report) -> Volume:
    by_file = {}
    for entry, chapter in _entries_with_chapters(volume):
        by_file[Path(entry).name] = chapter.id
        by_file[Path(entry).stem] = chapter.id
    trees = {}
    known_ids: set[str] = set()
    for chapter in volume.chapters:
        root = parse_fragment(chapter.body)
        for element in root.iter():
            if isinstance(element.tag, str) and element.get("id"):
                element.set("id", _prefix(chapter.id, element.get("id")))
                known_ids.add(element.get("id"))
        known_ids.add(chapter.id)
        trees[chapter.id] = root
    chapters = []
    for chapter in volume.chapters:
        root = trees[chapter.id]
        for link in root.iter("a"):
            href = link.get("href")
            if href is None or "://" in href or href.startswith(("mailto:", "tel:", "data:")):
                continue
            target = _resolve(href, chapter, by_file)
            if target is None or target not in known_ids:
                report.add("L001", f"link '{href}' points to no chapter or heading in this volume (its text is kept, "
                           "unlinked); link to FILE.md#heading-id of a listed chapter",
                           SourceLocation(chapter.source.path))
                del link.attrib["href"]  # a link to nowhere would be a broken reference in every edition
                continue
            link.set("href", "#" + target)
        chapters.append(chapter.with_(body=serialize_children(root)))
    return volume.with_chapters(chapters)


def _resolve(href: str, chapter: Chapter, by_file: dict[str, str]) -> str | None:
    file, _, fragment = unquote(href).partition("#")
    if not file:
        return _prefix(chapter.id, fragment) if fragment else chapter.id
    target_chapter = by_file.get(Path(file).name) or by_file.get(Path(file).stem)
    if target_chapter is None:
        return None
    return _prefix(target_chapter, fragment) if fragment else target_chapter


def _entries_with_chapters(volume: Volume):
    for chapter in volume.chapters:
        if chapter.source is not None:
            yield chapter.source.path.name, chapter
