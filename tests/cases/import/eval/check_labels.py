#!/usr/bin/env python3
"""Check the hand-made labels of the held-out import cases against the copied text.

Usage: python3 check_labels.py [case ...]   (default: every case folder next to this script)

For each case it checks that expected.json has exactly the agreed keys and types, that `date` is YYYY-MM-DD or
null, that every paragraph start has at most eight words, and that every labelled string (title, notes, headings,
paragraph starts, chrome lines, captions) occurs in copied.txt once both are normalised: Unicode NFC, no-break and
other Unicode spaces turned into plain spaces, runs of whitespace collapsed to one space. It also lists chrome
lines that occur inside a labelled paragraph start or note (which would make the chrome label contradict the
body labels), and that notes, headings and paragraph starts occur in copied.txt in the labelled order. Exit
status 1 if anything fails.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = ["title", "authors", "date", "publisher", "notes", "headings", "paragraphs", "chrome", "captions"]
LISTS = ["authors", "notes", "headings", "paragraphs", "chrome", "captions"]


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = "".join(" " if (c.isspace() or unicodedata.category(c) == "Zs") else c for c in s)
    return re.sub(r" +", " ", s).strip()


def check(case: Path) -> list[str]:
    errors = []
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    text = norm((case / "copied.txt").read_text(encoding="utf-8"))
    if list(exp) != KEYS:
        errors.append(f"keys are {list(exp)}, expected {KEYS}")
    if not isinstance(exp.get("title"), str) or not exp["title"].strip():
        errors.append("title must be a non-empty string")
    if not isinstance(exp.get("publisher"), str) or not exp["publisher"].strip():
        errors.append("publisher must be a non-empty string")
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
    probes = [("title", exp.get("title", ""))]
    for key in ["notes", "headings", "paragraphs", "chrome", "captions"]:
        probes += [(key, s) for s in exp.get(key, [])]
    for key, s in probes:
        if norm(s) not in text:
            errors.append(f"{key} not in copied.txt: {s!r}")
    for key in ["notes", "headings", "paragraphs"]:
        pos = 0
        for s in exp.get(key, []):
            n = norm(s)
            i = text.find(n, pos)
            if n in text and i < 0:
                errors.append(f"{key} out of order in copied.txt: {s!r}")
            elif i >= 0:
                pos = i + len(n)
    body = [norm(s) for s in exp.get("paragraphs", []) + exp.get("notes", []) + exp.get("headings", [])]
    for c in exp.get("chrome", []):
        n = norm(c)
        if any(n == b for b in body):
            errors.append(f"chrome line is also labelled as body: {c!r}")
    return errors


def main(argv: list[str]) -> int:
    cases = [HERE / a for a in argv] if argv else sorted(p for p in HERE.iterdir() if (p / "expected.json").exists())
    bad = 0
    for case in cases:
        errs = check(case)
        exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        counts = ", ".join(f"{k} {len(exp[k])}" for k in ["notes", "headings", "paragraphs", "chrome", "captions"])
        print(f"{case.name}: {'OK' if not errs else 'FAIL'} ({counts})")
        for e in errs:
            print("   ", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
