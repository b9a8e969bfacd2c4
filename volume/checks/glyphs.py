"""Every character the volume prints must have a glyph in the shipped fonts; report the ones that do not."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from volume.diagnostics import Report, SourceLocation
from volume.model import Volume
from volume.source_lines import line_of

IGNORED = {"\n", "\t", "\r", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufe0e", "\ufe0f"}


def font_coverage(fonts_dir: Path, project_dir: Path | None = None) -> frozenset[int]:
    """Every code point some shipped font has a glyph for; kept in memory and in the project's cache by the fonts'
    content (reading the fonts' character maps takes longer than the rest of the check)."""
    import hashlib

    from volume.cache import Cache, digest, remembered

    fonts = [p for p in sorted(fonts_dir.glob("*")) if p.suffix.lower() in (".ttf", ".otf")]
    # the fonts' digests, hashed again only when a file's size or time changed (7 MB of fonts: 15 ms of each preview)
    stats = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in fonts)
    key = remembered("font digests", stats, lambda: digest(
        *(f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in fonts)))

    def read() -> frozenset[int]:
        cache = Cache(project_dir) if project_dir is not None else None
        stored = cache.get("coverage", key) if cache else None
        if isinstance(stored, list):
            return frozenset(stored)
        from volume.harfbuzz import unicodes

        covered: set[int] = set()
        for path in fonts:
            covered.update(unicodes(path))  # HarfBuzz reads a character map in milliseconds; fontTools took 0.3 s
        if cache:
            cache.put("coverage", key, sorted(covered))
        return frozenset(covered)

    return remembered("font coverage", key, read)


def _line_of(path: Path | None, char: str) -> int | None:
    """The character's line in a text source (a Word file's text is not where its bytes are)."""
    if path is None or path.suffix.lower() not in (".md", ".markdown", ".html", ".htm", ".txt"):
        return None
    return line_of(path, char)


def check_glyphs(volume: Volume, fonts_dir: Path, report: Report) -> None:
    covered = font_coverage(fonts_dir, volume.manifest.project_dir)
    if not covered:
        return
    meta = volume.meta
    sources: list[tuple[str, Path | None]] = [
        (" ".join([meta.title, meta.subtitle, *meta.editors, meta.publisher, meta.place, meta.rights]),
         volume.manifest.path)]
    for chapter in volume.chapters:
        text = " ".join([chapter.title_text, chapter.subtitle.text(), chapter.byline, chapter.abstract.text(),
                         chapter.body.text(), *(n.text for n in chapter.notes)])
        sources.append((text, chapter.source.path if chapter.source else None))
    for text, path in sources:
        missing = sorted(c for c in set(text) if ord(c) not in covered and c not in IGNORED and not c.isspace())
        for char in missing:
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            report.add("G001", f"'{char}' (U+{ord(char):04X} {name}) has no glyph in styles/fonts; it would print "
                       "as a box: add a font that has it or use another character",
                       SourceLocation(path, _line_of(path, char)) if path else None)
