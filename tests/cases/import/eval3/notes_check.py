#!/usr/bin/env python3
"""Count an imported chapter's notes against expected.json: notes kept, and markers joined to the right note.

Usage: python3 notes_check.py CHAPTER.md EXPECTED.json [--show]

CHAPTER.md is a chapter as `volume import` writes it (Markdown with pandoc footnotes, `[^n]` markers and `[^n]:`
definitions, or inline `^[...]` notes). It is read with pandoc into its syntax tree, so a note is wherever pandoc puts
a Note element: the text before it in the same block is the marker's context and the note's own text is what the
reader sees at the foot of the page.

EXPECTED.json is a label file of this folder (see README.md): `notes` (full texts, in order) and `note_refs` (per note:
its number, the start of its text, and the words right before each of its markers in the page).

Counts (all text normalised as bench/import_eval.py does: NFKC, case folded, typographic quotes and dashes made
plain, soft hyphens and zero-width characters removed, whitespace squashed):
- notes found: an expected note is found when some note of the chapter matches it: one text contains the other, or
  their similarity ratio (rapidfuzz) is at least 90. A placeholder "[note missing in the source]" matches nothing.
- markers located: a marker context is located when the text before some note of the chapter ends with it (a few
  characters of slack are allowed for spacing and punctuation the importer may change at the join).
- markers joined right: the located marker's note matches the note the page joins it to.
The exit status is 0; the figures are the output.
"""
import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import pypandoc
from rapidfuzz import fuzz

QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'", "‘": "'", "’": "'",
                        "–": "-", "—": "-", "−": "-", "\u00a0": " "})
MISSING = "[note missing in the source]"
SLACK = 4  # characters the importer may add or drop between a marker's context and the marker
TRAILING_MARKERS = re.compile(r"(\s*(\[\w{1,6}\]|\(\d{1,3}\)))+$")  # markers of earlier notes ending a context


def norm(text: str) -> str:
    """Normalised for comparison, as in bench/import_eval.py."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    text = re.sub("[\u00ad\u200b\u200c\u200d\u200e\u200f\ufeff]", "", text)
    return " ".join(text.casefold().split())


def note_matches(expected: str, found: str) -> bool:
    """One text contains the other, or they are at least 90% alike; the missing-note placeholder matches nothing."""
    a, b = norm(expected), norm(found)
    if not a or not b or b == norm(MISSING):
        return False
    return a in b or b in a or fuzz.ratio(a, b) >= 90


def _inline_text(inlines: list) -> str:
    """The plain text of pandoc inlines, notes left out."""
    return "".join(_text(i) for i in inlines if i.get("t") != "Note")


def _text(node) -> str:
    """Plain text of one pandoc node (inline or block)."""
    if isinstance(node, list):
        return "".join(_text(n) for n in node)
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Code", "Math"):
        return content[-1]
    if kind == "Note":
        return ""
    if kind in ("Para", "Plain", "Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript",
                "SmallCaps"):
        return _text(content)
    if kind in ("Link", "Image", "Span", "Quoted", "Cite"):
        inner = content[1] if kind in ("Link", "Image", "Span", "Quoted") else content[1]
        return _text(inner)
    if kind == "Header":
        return _text(content[2])
    if kind in ("BlockQuote", "Div"):
        return " ".join(_text(b) for b in (content if kind == "BlockQuote" else content[1]))
    if kind in ("BulletList", "OrderedList"):
        items = content if kind == "BulletList" else content[1]
        return " ".join(_text(b) for item in items for b in item)
    return ""


def _walk_inlines(inlines: list, before: str, found: list) -> str:
    """Record (context, note text) for every Note in the inlines; return the text seen so far."""
    for node in inlines:
        kind, content = node.get("t"), node.get("c")
        if kind == "Note":
            found.append((before, " ".join(_text(b) for b in content)))
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            before = _walk_inlines(content, before, found)
        elif kind in ("Link", "Span", "Quoted"):
            before = _walk_inlines(content[1], before, found)
        else:
            before += _text(node)
    return before


def _walk_blocks(blocks: list, found: list) -> None:
    """Every Note of the document in reading order, with the text before it in its block."""
    for block in blocks:
        kind, content = block.get("t"), block.get("c")
        if kind in ("Para", "Plain"):
            _walk_inlines(content, "", found)
        elif kind == "Header":
            _walk_inlines(content[2], "", found)
        elif kind in ("BlockQuote",):
            _walk_blocks(content, found)
        elif kind == "Div":
            _walk_blocks(content[1], found)
        elif kind in ("BulletList", "OrderedList"):
            for item in (content if kind == "BulletList" else content[1]):
                _walk_blocks(item, found)
        elif kind == "Table":
            _walk_blocks(_table_blocks(content), found)


def _table_blocks(content) -> list:
    """The blocks inside a pandoc table (header, bodies, foot), flattened."""
    blocks = []

    def cells(rows):
        for row in rows:
            for cell in row[1]:
                blocks.extend(cell[4])
    head, bodies, foot = content[3], content[4], content[5]
    cells(head[1])
    for body in bodies:
        cells(body[2])
        cells(body[3])
    cells(foot[1])
    return blocks


def chapter_notes(chapter: Path) -> list[tuple[str, str]]:
    """(context before the marker, note text) for every note of the chapter, in reading order."""
    ast = json.loads(pypandoc.convert_file(str(chapter), "json", format="markdown", extra_args=["--sandbox"]))
    found: list[tuple[str, str]] = []
    _walk_blocks(ast["blocks"], found)
    return found


def score(chapter: Path, expected: dict) -> dict:
    """Notes found, markers located and markers joined right, with what went wrong."""
    notes = chapter_notes(chapter)
    wanted = expected.get("notes", [])
    refs = expected.get("note_refs") or [{"number": str(i + 1), "start": "", "markers": []} for i in range(len(wanted))]
    found = [i for i, w in enumerate(wanted) if any(note_matches(w, text) for _, text in notes)]
    contexts = [norm(before) for before, _ in notes]
    used: set[int] = set()
    located = joined = total = 0
    problems = []
    for i, ref in enumerate(refs):
        for ctx in ref["markers"]:
            total += 1
            c = norm(ctx)
            hits = [k for k, before in enumerate(contexts) if k not in used and c in before[-(len(c) + SLACK):]]
            bare = TRAILING_MARKERS.sub("", c).strip()
            if not hits and bare and bare != c:  # "text. [1]" for the second of "[1][2]": the chapter has "text."
                hits = [k for k, before in enumerate(contexts)
                        if k not in used and bare in before[-(len(bare) + SLACK):]]
            if not hits:
                problems.append(f"note {ref['number']}: marker after {ctx!r} not found")
                continue
            k = hits[0]
            used.add(k)
            located += 1
            if note_matches(wanted[i], notes[k][1]):
                joined += 1
            else:
                problems.append(f"note {ref['number']}: marker after {ctx!r} carries {notes[k][1][:70]!r}")
    problems += [f"note {refs[i]['number']} not found: {w[:70]!r}" for i, w in enumerate(wanted) if i not in found]
    return {"chapter_notes": len(notes), "notes_found": len(found), "notes_expected": len(wanted),
            "markers_located": located, "markers_joined": joined, "markers_expected": total, "problems": problems}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapter", type=Path)
    parser.add_argument("expected", type=Path)
    parser.add_argument("--show", action="store_true", help="list every note or marker that failed")
    args = parser.parse_args(argv)
    result = score(args.chapter, json.loads(args.expected.read_text(encoding="utf-8")))
    print(f"notes in chapter: {result['chapter_notes']}   notes found: {result['notes_found']}/{result['notes_expected']}"
          f"   markers located: {result['markers_located']}/{result['markers_expected']}"
          f"   markers joined to the right note: {result['markers_joined']}/{result['markers_expected']}")
    if args.show:
        for line in result["problems"]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
