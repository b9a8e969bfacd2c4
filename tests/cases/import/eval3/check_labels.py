#!/usr/bin/env python3
"""Check the hand-made labels of the third held-out import set (articles with notes) against their pages.

Usage: python3 check_labels.py [case ...]   (default: every case folder next to this script)

Checks, for each case: expected.json has exactly the agreed keys, in order, with the agreed types; `date` is
YYYY-MM-DD or null; paragraph starts have at most eight words; every labelled string (title, notes, headings,
paragraph starts, chrome lines, captions) occurs in copied.txt, and every body label also in the text of
source.html, once normalised (Unicode NFC, Unicode spaces made plain spaces, runs of whitespace squashed); notes,
headings and paragraph starts occur in the labelled order; no chrome line equals a body label. A title the page
breaks across lines with other text between (a PDF conversion's cover) may instead have its words in order within
the first 400 characters of copied.txt. For the notes: `note_refs` has one entry per note, in the same order; each
entry's `start` is the start of its note; every marker context, followed by the note's number as printed (directly
or after one space), occurs in copied.txt; a note split across pages lists its `parts`, which must join to the note
and each occur in copied.txt, in order. A note may have no marker (`markers: []`) and two notes may share a printed
number when the page prints them so; both are reported. Exit status 1 if anything fails.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
KEYS = ["title", "authors", "date", "publisher", "notes", "headings", "paragraphs", "chrome", "captions",
        "note_form", "note_refs"]
LISTS = ["authors", "notes", "headings", "paragraphs", "chrome", "captions"]
FORM_KEYS = ["markers", "list", "list_heading"]


def norm(s: str) -> str:
    """NFC, every Unicode space a plain space, whitespace runs squashed."""
    s = unicodedata.normalize("NFC", s)
    s = "".join(" " if (c.isspace() or unicodedata.category(c) == "Zs") else c for c in s)
    return re.sub(r" +", " ", s).strip()


def page_text(case: Path) -> str:
    """The text of source.html (scripts and styles dropped, <br> as a line break), normalised."""
    root = lxml.html.fromstring((case / "source.html").read_text(encoding="utf-8"))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):  # a line break separates words as it does on screen
        br.tail = "\n" + (br.tail or "")
    return norm(root.text_content())


def check_shape(exp: dict) -> list[str]:
    errors = []
    if list(exp) != KEYS:
        errors.append(f"keys are {list(exp)}, expected {KEYS}")
    for key in ["title", "publisher"]:
        if not isinstance(exp.get(key), str) or not exp[key].strip():
            errors.append(f"{key} must be a non-empty string")
    date = exp.get("date")
    if date is not None and not (isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)):
        errors.append(f"date {date!r} is neither YYYY-MM-DD nor null")
    for key in LISTS:
        val = exp.get(key)
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            errors.append(f"{key} must be a list of non-empty strings")
    for p in exp.get("paragraphs", []):
        if len(p.split()) > 8:
            errors.append(f"paragraph start has more than eight words: {p!r}")
    form = exp.get("note_form")
    if not isinstance(form, dict) or list(form) != FORM_KEYS:
        errors.append(f"note_form must be an object with keys {FORM_KEYS}")
    return errors


def _words_in_order(needle: str, hay: str) -> bool:
    """Every word of needle occurs in hay, in order."""
    pos = 0
    for word in needle.split():
        i = hay.find(word, pos)
        if i < 0:
            return False
        pos = i + len(word)
    return True


def check_occurrences(exp: dict, text: str, page: str) -> list[str]:
    errors = []
    split_notes = {norm(n) for n, r in zip(exp.get("notes", []), exp.get("note_refs", [])) if r.get("parts")}
    probes = [("title", exp.get("title", ""))]
    for key in ["notes", "headings", "paragraphs", "chrome", "captions"]:
        probes += [(key, s) for s in exp.get(key, [])]
    for key, s in probes:
        if key == "title" and norm(s) not in text and _words_in_order(norm(s), text[:400]):
            continue
        if key == "notes" and norm(s) in split_notes:
            continue
        if norm(s) not in text:
            errors.append(f"{key} not in copied.txt: {s!r}")
        elif key in ("notes", "headings", "paragraphs") and norm(s) not in page:
            errors.append(f"{key} not in the text of source.html: {s!r}")
    for key in ["notes", "headings", "paragraphs"]:
        pos = 0
        for s in exp.get(key, []):
            n = norm(s)
            if key == "notes" and n in split_notes:
                n = norm(next(r["parts"][0] for t, r in zip(exp["notes"], exp["note_refs"]) if norm(t) == n))
            i = text.find(n, pos)
            if n in text and i < 0:
                errors.append(f"{key} out of order in copied.txt: {s!r}")
            elif i >= 0:
                pos = i + len(n)
    body = {norm(s) for s in exp.get("paragraphs", []) + exp.get("notes", []) + exp.get("headings", [])}
    errors += [f"chrome line is also labelled as body: {c!r}" for c in exp.get("chrome", []) if norm(c) in body]
    return errors


def check_note_refs(exp: dict, text: str) -> list[str]:
    errors = []
    refs, notes = exp.get("note_refs"), exp.get("notes", [])
    if not isinstance(refs, list) or len(refs) != len(notes):
        return [f"note_refs must be a list with one entry per note ({len(notes)})"]
    for ref, note in zip(refs, notes):
        if list(ref) not in (["number", "start", "markers"], ["number", "start", "markers", "parts"]):
            errors.append(f"note_refs entry keys are {list(ref)}, expected number, start, markers[, parts]")
            continue
        if not norm(note).startswith(norm(ref["start"])) or not ref["start"].strip():
            errors.append(f"note {ref['number']}: start {ref['start']!r} does not begin its note")
        if "parts" in ref:
            if norm(" ".join(ref["parts"])) != norm(note):
                errors.append(f"note {ref['number']}: its parts do not join to the note")
            pos = 0
            for part in ref["parts"]:
                i = text.find(norm(part), pos)
                if i < 0:
                    errors.append(f"note {ref['number']}: part not in copied.txt (in order): {part[:60]!r}")
                else:
                    pos = i + len(norm(part))
        for ctx in ref["markers"]:
            c, label = norm(ctx), norm(ref["number"])
            if not c or len(c.split()) > 12:
                errors.append(f"note {label}: marker context must have 1 to 12 words: {ctx!r}")
            elif c + label not in text and f"{c} {label}" not in text:
                errors.append(f"note {label}: marker context + number not in copied.txt: {ctx!r}")
    return errors


def remarks(exp: dict) -> list[str]:
    """Labelled oddities that are not errors: notes without a marker, numbers printed twice."""
    refs = exp.get("note_refs", [])
    numbers = [r.get("number") for r in refs]
    out = [f"note {r['number']} has no marker in the text" for r in refs if not r.get("markers")]
    out += [f"number {n} is printed on {numbers.count(n)} notes" for n in sorted(set(numbers), key=numbers.index)
            if numbers.count(n) > 1]
    return out


def check(case: Path) -> list[str]:
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    text = norm((case / "copied.txt").read_text(encoding="utf-8"))
    errors = check_shape(exp)
    if errors:
        return errors
    return check_occurrences(exp, text, page_text(case)) + check_note_refs(exp, text)


def main(argv: list[str]) -> int:
    cases = [HERE / a for a in argv] if argv else sorted(p for p in HERE.iterdir() if (p / "expected.json").exists())
    bad = 0
    for case in cases:
        errs = check(case)
        exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        markers = sum(len(r["markers"]) for r in exp.get("note_refs", []))
        counts = ", ".join(f"{k} {len(exp[k])}" for k in ["notes", "headings", "paragraphs", "chrome", "captions"])
        print(f"{case.name}: {'OK' if not errs else 'FAIL'} ({counts}, markers {markers})")
        for e in errs:
            print("   ", e)
        for r in remarks(exp):
            print("    (labelled)", r)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
