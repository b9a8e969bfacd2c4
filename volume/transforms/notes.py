"""Endnotes: lift pandoc's footnotes out of each chapter body into Note objects, markers made EPUB noterefs."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from volume.diagnostics import Report, SourceLocation
from volume.model import Chapter, Markup, Note, Volume
from volume.transforms.remembered import each_chapter

REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEF_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.M)


def markdown_note_lines(text: str) -> tuple[dict[int, int], list[tuple[str, int]], list[tuple[str, int]]]:
    """For a Markdown source: note number → line of its definition; markers without notes; unused notes."""
    definitions: dict[str, int] = {}
    for match in DEF_RE.finditer(text):
        definitions.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    order: list[str] = []
    first_line: dict[str, int] = {}
    for match in REF_RE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if DEF_RE.match(text, line_start) and text.find("]:", line_start) == match.end():
            continue  # the label of a definition
        label = match.group(1)
        if label not in first_line:
            first_line[label] = text.count("\n", 0, match.start()) + 1
            if label in definitions:
                order.append(label)
    lines = {number: definitions[label] for number, label in enumerate(order, start=1)}
    orphans = [(label, line) for label, line in first_line.items() if label not in definitions]
    unused = [(label, line) for label, line in definitions.items() if label not in first_line]
    return lines, orphans, unused


BLOCKS = {"p", "div", "ul", "ol", "dl", "blockquote", "pre", "table", "figure", "hr", "section", "h1", "h2", "h3",
          "h4", "h5", "h6", "header", "footer", "aside", "address", "article"}


def _note_body(item: etree._Element) -> Markup:
    """The note's content as blocks: text and inline elements outside a paragraph (pandoc leaves them so when raw
    HTML splits a note) are put into one, so the note number can open its first paragraph."""
    for back in item.xpath(".//a[contains(concat(' ', @class, ' '), ' footnote-back ')]"):
        back.drop_tree()
    wrapper = Markup.parse("").root
    current = None

    def paragraph() -> etree._Element:
        nonlocal current
        if current is None:
            current = etree.SubElement(wrapper, "p")
        return current

    if item.text and item.text.strip():
        paragraph().text = item.text
    for child in list(item):
        if isinstance(child.tag, str) and child.tag in BLOCKS:
            tail, child.tail = child.tail, None
            wrapper.append(child)
            current = None
            if tail and tail.strip():
                paragraph().text = tail
        else:
            paragraph().append(child)
    return Markup(wrapper).strip()


def collect_chapter_notes(chapter: Chapter, report: Report) -> Chapter:
    root = chapter.body.root
    path = chapter.source.path if chapter.source else Path(chapter.id)
    lines: dict[int, int] = {}
    if path.suffix.lower() in (".md", ".markdown") and path.exists():
        lines, orphans, unused = markdown_note_lines(path.read_text(encoding="utf-8"))
        for label, line in orphans:
            report.add("N001", f"note marker [^{label}] has no note; add a line `[^{label}]: ...` or remove "
                       "the marker", SourceLocation(path, line))
        for label, line in unused:
            report.add("N002", f"note [^{label}] is never referenced; add its marker or delete it",
                       SourceLocation(path, line))
    notes: list[Note] = []
    for section in root.xpath(".//*[@role='doc-endnotes' or contains(concat(' ', @class, ' '), ' footnotes ')]"):
        for number, item in enumerate(section.xpath("./ol/li"), start=1):
            note_id = item.get("id") or f"{chapter.id}-fn{number}"
            text = " ".join(item.text_content().replace("↩︎", "").split())
            notes.append(Note(number=number, id=note_id, ref_id=note_id.replace("-fn", "-fnref", 1),
                              body=_note_body(item), text=text,
                              location=SourceLocation(path, lines.get(number))))
        section.drop_tree()
    for marker in root.xpath(".//a[@role='doc-noteref' or contains(concat(' ', @class, ' '), ' footnote-ref ')]"):
        marker.set("class", "noteref")
        marker.set("epub:type", "noteref")
        marker.set("role", "doc-noteref")
    return chapter.with_(notes=tuple(notes))


def _source_text(chapter: Chapter) -> tuple[str | bytes, ...]:
    """What collect_chapter_notes reads besides the tree: the source's path and, for Markdown, its text."""
    path = chapter.source.path if chapter.source else Path(chapter.id)
    if path.suffix.lower() in (".md", ".markdown") and path.exists():
        return str(path), path.read_bytes()
    return (str(path),)


def collect_notes(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(each_chapter("notes", volume.chapters, report, collect_chapter_notes, _source_text,
                                             makes_notes=True))
