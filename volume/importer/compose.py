"""An article written out as a chapter: front matter, body in house Markdown, notes, and the report of
what the chapter lacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from volume.diagnostics import Report, SourceLocation
from volume.importer import recognise as rec
from volume.importer.article import Article, Block, emphasis, escape, escape_line_start
from volume.importer.citations import TOKEN
from volume.importer.notes import Note


def yaml_string(markdown: str) -> str:
    return json.dumps(markdown, ensure_ascii=False)


def front_matter(article: Article, lang: str) -> list[str]:
    title = TOKEN.sub("", article.title).strip() or "Untitled"
    lines = ["---", f"title: {yaml_string(title)}"]
    if article.subtitle:
        lines.append(f"subtitle: {yaml_string(article.subtitle)}")
    if article.authors:
        lines.append("authors:")
        for name, affiliation in article.authors:
            lines.append(f"  - name: {yaml_string(escape(rec.without_honorifics(name)))}")
            if affiliation:
                lines.append(f"    affiliation: {yaml_string(escape(affiliation))}")
    if article.date:
        lines.append(f"date: {article.date}")
    lines.append(f"lang: {article.lang or lang}")
    if article.abstract:
        lines.append("abstract: |")
        lines.extend("  " + line if line else "" for line in article.abstract.splitlines())
    lines.append("---")
    return lines


def _block_markdown(block: Block) -> str:
    text = escape_line_start(block.text.strip())
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + block.text.strip()
    if block.kind == "caption":
        return emphasis("*", block.text.strip()) if "*" not in block.text.replace("\\*", "") else text
    if block.kind == "item":
        return (f"{block.ordinal}. " if block.ordinal is not None else "- ") + block.text.strip()
    if block.kind == "quote":
        return "> " + text
    return text


MISSING_NOTE = "\\[note missing in the source\\]"
# Two note references side by side (a group '[4,6]', a range '[1–3]' as one reference per note): a superscript comma
# between them, so that 1, 2, 3 do not print as 123.
ADJACENT_REFS = re.compile(r"(\[\^[\w-]+\])(?=\[\^[\w-]+\](?!:))")
# the space a journal sets before "[1]" goes once the marker is a superscript note ("survey [1]." → "survey¹.")
SPACED_REF = re.compile(r"(?<=\S)[ \u00a0\u202f]+(\[\^[\w-]+\](?!:))")
UNMARKED_NOTES = "\\[Notes the source lists without a marker in its text:\\]"


def compose(article: Article, chapter: Path, lang: str, report: Report) -> tuple[str, int]:
    """The chapter as house-format Markdown, with each marker joined to its note; returns (text, notes written).

    Nothing is lost: a marker whose note is missing gets the visible note '[note missing in the source]'
    ([^missing-<label>]), a note no marker reaches is kept as [^unreferenced-<label>] with its marker in a closing
    paragraph (so the build prints it too), and a numbered list that no marker reaches at all is kept at the end of
    the text as the list it is."""
    if article.notes and not any(TOKEN.search(b.text) for b in article.blocks):
        _list_without_markers(article, chapter, report)
    notes: dict[int, Note] = {}
    for note in article.notes:
        notes.setdefault(note.number, note)
    numbers: dict[int, int] = {}
    orphans: dict[str, int | None] = {}

    def link(match: re.Match) -> str:
        value, label, line = int(match.group(1)), match.group(2), match.group(3)
        if value in notes:
            numbers.setdefault(value, len(numbers) + 1)
            return f"[^{numbers[value]}]"
        orphans.setdefault(label, int(line) if line else None)
        return f"[^missing-{label}]"

    lines = front_matter(article, lang)
    previous = None
    for block in article.blocks:
        if not (block.kind == "item" and previous == "item"):
            lines.append("")
        lines.append(SPACED_REF.sub(r"\1", ADJACENT_REFS.sub(r"\1^,^", TOKEN.sub(link, _block_markdown(block)))))
        previous = block.kind
    definitions = sorted((n, notes[v]) for v, n in numbers.items())
    unused = [note for note in article.notes if notes.get(note.number) is not note or note.number not in numbers]
    for number, note in definitions:
        lines += ["", _definition(str(number), note.text)]
    for label in orphans:
        lines += ["", f"[^missing-{label}]: {MISSING_NOTE}"]
    labels = _unused_labels(unused)
    if unused:
        closing = " ".join(f"[^unreferenced-{label}]" for label in labels)
        at = next(i for i, line in enumerate(lines) if line.startswith("[^") and "]: " in line) - 1 \
            if definitions or orphans else len(lines)
        lines[at:at] = ["", f"{UNMARKED_NOTES}{closing}"]
    for note, label in zip(unused, labels):
        lines += ["", _definition(f"unreferenced-{label}", note.text)]
    text = "\n".join(lines) + "\n"
    _report_note_problems(article, chapter, text, orphans, list(zip(unused, labels)), report)
    return text, len(definitions) + len(orphans)


def _unused_labels(unused: list[Note]) -> list[str]:
    """A distinct footnote label per unreferenced note (a list can repeat a number)."""
    labels, seen = [], set()
    for note in unused:
        label = re.sub(r"[^\w-]", "", note.label) or "note"
        while label in seen:
            label += "-again"
        seen.add(label)
        labels.append(label)
    return labels


def _list_without_markers(article: Article, chapter: Path, report: Report) -> None:
    """A numbered list no marker points to is not a list of endnotes: keep it in the text as a list."""
    heading = article.notes_heading
    if heading:
        article.blocks.append(Block("heading", escape(heading), article.notes[0].line))
    for note in article.notes:
        text = note.text.replace("\n\n", "\n\n    ")
        article.blocks.append(Block("item", text, note.line, ordinal=note.number))
    report.add("P010", f"the numbered list{f' under {heading!r}' if heading else ''} ({len(article.notes)} items) "
               "has no note markers in the text; it is kept at the end of the chapter as a list: turn its items "
               "into notes by hand if they are notes", SourceLocation(article.source, article.notes[0].line))
    article.recognised.append(f"{len(article.notes)} numbered items without markers kept as a list")
    article.notes = []


def _definition(label: str, text: str) -> str:
    paragraphs = text.split("\n\n")
    first = f"[^{label}]: {paragraphs[0]}"
    rest = ["    " + escape_line_start(p) for p in paragraphs[1:]]
    return "\n\n".join([first, *rest])


def _chapter_line(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _report_note_problems(article: Article, chapter: Path, text: str, orphans: dict[str, int | None], unused,
                          report: Report) -> None:
    for label, line in orphans.items():
        where = _chapter_line(text, f"[^missing-{label}]")
        report.add("P009", f"note marker [{label}] has no note in the source's list of notes; the chapter keeps it "
                   f"with the note '[note missing in the source]' ([^missing-{label}], {chapter.name}:{where}): "
                   "write the note there or remove the marker", SourceLocation(article.source, line))
    for group, line in article.unjoined:
        shown = rec.plain(group)
        where = f"{chapter.name}:{_chapter_line(text, group) or '?'}"
        report.add("N030", f"the citation '{shown}' was left as text: not every number in it is a note of the "
                   f"source's list ({where}); write a marker [^n] for each note it cites, or leave it if it is no "
                   "citation", SourceLocation(article.source, line))
    for note, label in unused:
        where = _chapter_line(text, f"[^unreferenced-{label}]:")
        report.add("N002", f"note {note.label} has no marker in the text; the chapter keeps it as "
                   f"[^unreferenced-{label}] ({chapter.name}:{where}), its marker in the closing paragraph "
                   f"'{UNMARKED_NOTES.replace(chr(92), '')}': move the marker where it belongs or delete both",
                   SourceLocation(article.source, note.line))
