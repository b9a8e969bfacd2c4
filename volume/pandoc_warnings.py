"""Pandoc's warnings about a source as diagnostics with its file and line; a note label defined twice is an error.

Pandoc keeps the last of two footnote definitions with one label and drops the other without a word in its
output (only a warning, "Duplicate note reference"): that note's text, and any work it cites, would vanish from
every edition, so it is N003, an error. Every other warning is W002, located at the line pandoc names, or else at
the first line of the source holding the thing it quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import Report, SourceLocation

LINE = re.compile(r"line (\d+)")
DUPLICATE_NOTE = re.compile(r"Duplicate note reference '([^']*)'")
QUOTED = re.compile(r"'([^'\n]{2,200})'")
UNUSED_NOTE = re.compile(r"Note with key '[^']*' defined .* but not used")  # N002 from transforms/notes.py
HINTS = (  # what to do, by the start of pandoc's message
    ("Duplicate link reference", "two link definitions share this label and only one is used; give each its own"),
    ("Div at", "close the fenced div (:::) or <div> it names"),
    ("Could not fetch resource", "check the file name and that the file is in the chapters folder"),
)


def _source_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _tidy(message: str, path: Path) -> str:
    """The message on one line, without the source's full path (the diagnostic names the file already)."""
    text = " ".join(message.split())
    for form in {str(path), str(path.resolve())}:
        text = text.replace(f" at {form}", " at").replace(f" in {form}", "").replace(form, path.name)
    return text.rstrip(".")


def _definition_lines(lines: list[str], label: str) -> list[int]:
    pattern = re.compile(rf"^ {{0,3}}\[\^{re.escape(label)}\]:")
    return [number for number, line in enumerate(lines, start=1) if pattern.match(line)]


def _line_of_quoted(lines: list[str], message: str) -> int | None:
    for quoted in QUOTED.findall(message):
        for number, line in enumerate(lines, start=1):
            if quoted in line:
                return number
    return None


def report_pandoc_warnings(path: Path, warnings: list[str], report: Report) -> None:
    """Each warning pandoc gave while reading `path`, as a diagnostic of `report`."""
    lines: list[str] | None = None
    for message in warnings:
        if lines is None:
            lines = _source_lines(path)
        said = LINE.search(message)
        line = int(said.group(1)) if said else _line_of_quoted(lines, message)
        duplicate = DUPLICATE_NOTE.search(message)
        if duplicate:
            label = duplicate.group(1)
            where = _definition_lines(lines, label)
            kept = where[-1] if where else line
            lost = ", ".join(str(n) for n in where if n != kept) or "an earlier line"
            report.add("N003", f"note [^{label}] is defined twice: only the note at line {kept} is printed and the "
                       f"one at line {lost} is lost from every edition; give each note its own label and marker",
                       SourceLocation(path, kept))
            continue
        if UNUSED_NOTE.search(message) and path.suffix.lower() in (".md", ".markdown"):
            continue  # reported as N002, with its line, when the notes are collected
        hint = next((hint for start, hint in HINTS if message.startswith(start)), "check the markup it names")
        report.add("W002", f"pandoc: {_tidy(message, path)[:300]}; {hint}", SourceLocation(path, line))
