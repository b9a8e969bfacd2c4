"""A chapter already in house format (Markdown with YAML front matter): checked, then copied as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.pandoc import convert
from volume.xhtml import plain_text

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class HouseChapter:
    text: str
    title: str
    authors: list[str] = field(default_factory=list)
    date: str = ""
    recognised: list[str] = field(default_factory=list)


def read_markdown(source: Path, report: Report) -> HouseChapter:
    data = source.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise VolumeError.single("P005", "not UTF-8 text; save the chapter as UTF-8",
                                 SourceLocation(source, data[: exc.start].count(b"\n") + 1)) from None
    if not FRONT_MATTER.match(text):
        raise VolumeError.single("P006", "a house-format chapter opens with YAML front matter between two `---` "
                                 "lines (title, authors, date, lang); add it, or import the text as .txt",
                                 SourceLocation(source, 1))
    meta, _body, _warnings = convert(source)  # pandoc names broken YAML (S006) with its line
    title = plain_text(meta.get("title", "")) if isinstance(meta.get("title"), str) else ""
    if not title:
        raise VolumeError.single("P006", "the front matter has no title; add `title: \"...\"`",
                                 SourceLocation(source, 2))
    chapter = HouseChapter(text=text, title=title, recognised=[f"title: {title} (front matter)"])
    authors = meta.get("authors") or meta.get("author") or []
    authors = authors if isinstance(authors, list) else [authors]
    chapter.authors = [plain_text(a.get("name", "") if isinstance(a, dict) else str(a)) for a in authors]
    chapter.authors = [a for a in chapter.authors if a]
    if chapter.authors:
        chapter.recognised.append(f"author: {', '.join(chapter.authors)} (front matter)")
    else:
        report.add("P007", "no authors in the front matter; add `authors:` with `- name: \"...\"`",
                   SourceLocation(source, 2))
    date = plain_text(meta.get("date", "")) if isinstance(meta.get("date"), str) else ""
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        report.add("P007", f"date '{date}' is not an ISO date; write it as yyyy-mm-dd", SourceLocation(source, 2))
    chapter.date = date
    if date:
        chapter.recognised.append(f"date: {date} (front matter)")
    return chapter
