#!/usr/bin/env python3
"""Check the labels of this held-out set (eval6) without importing anything.

    python3 tests/cases/import/dev-eval6/check_labels.py [case ...]   (default: every case in fit/ and check/;
    a case is named by its folder, "mdpi-fusarium-wheat" or "fit/mdpi-fusarium-wheat")

For each case: the five files are there (source.html, copied.txt, made.docx, expected.json, SOURCE.md); expected.json
reads the way bench/import_eval.py reads it (its keys, of the types its scorer takes, the date YYYY-MM-DD or "");
the marker contexts name notes 1..n in rising order; and every label string (title, authors, notes, marker contexts,
headings, paragraphs, chrome, captions) occurs in the text of source.html, compared after bench/import_eval.py's
normalisation (a note may also be found once the case's short chrome labels, link words such as "webcite", are taken out
of the page text: the labels give notes without their link bars). Labels missing from copied.txt are listed as information only (a page's text and its copy differ
where the page hides or splits things). Exit status 1 when a case fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))
from bench.import_eval import norm  # noqa: E402  (the scorer's own normalisation)

FILES = ("source.html", "copied.txt", "made.docx", "expected.json", "SOURCE.md")
LISTS = ("authors", "notes", "headings", "paragraphs", "chrome", "captions")
FORMS = {"html", "txt", "docx"}


def page_text(case: Path) -> str:
    """The page's text as a reader sees it: no scripts, styles or noscript blocks; a line break for <br>."""
    root = lxml.html.fromstring((case / "source.html").read_bytes())
    for hidden in root.xpath("//script|//style|//noscript"):
        hidden.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return norm(root.text_content())


def without_link_words(page: str, chrome: list[str]) -> str:
    """The page text with the case's short chrome labels (three words or fewer) taken out, for finding notes."""
    for word in (norm(c) for c in chrome if len(c.split()) <= 3):
        page = page.replace(" " + word, "")
    return re.sub(r"\s+([\])])", r"\1", page)


def label_strings(labels: dict) -> list[tuple[str, str]]:
    pairs = [("title", labels["title"])]
    for key in LISTS:
        pairs += [(key, text) for text in labels.get(key, [])]
    pairs += [("marker_contexts", m["before"]) for m in labels.get("marker_contexts", [])]
    return [(key, text) for key, text in pairs if text]


def shape_problems(labels: dict) -> list[str]:
    problems = []
    if not isinstance(labels.get("title"), str) or not labels["title"].strip():
        problems.append("title missing")
    if not re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", labels.get("date", "")):
        problems.append(f"date not YYYY-MM-DD: {labels.get('date')!r}")
    for key in LISTS:
        values = labels.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"{key} must be a list of non-empty strings")
    if not set(labels.get("metadata_shown_in", ["html"])) <= FORMS:
        problems.append("metadata_shown_in names an unknown form")
    numbers = [m.get("note") for m in labels.get("marker_contexts", [])]
    count = len(labels.get("notes", []))
    if numbers != sorted(set(numbers)) or any(not isinstance(n, int) or not 1 <= n <= count for n in numbers):
        problems.append(f"marker_contexts must name notes 1..{count} once each, in rising order")
    return problems


def check(case: Path) -> bool:
    missing = [name for name in FILES if not (case / name).exists()]
    if missing:
        print(f"{case.name}: FAIL missing {', '.join(missing)}")
        return False
    labels = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    problems = shape_problems(labels)
    page = page_text(case)
    copied = norm((case / "copied.txt").read_text(encoding="utf-8"))
    bare = without_link_words(page, labels.get("chrome", []))
    absent = [f"{key}: {text[:70]}" for key, text in label_strings(labels)
              if norm(text) not in page and not (key == "notes" and norm(text) in bare)]
    problems += [f"not in source.html: {a}" for a in absent]
    not_copied = [f"{key}: {text[:60]}" for key, text in label_strings(labels) if norm(text) not in copied]
    notes = labels.get("notes", [])
    print(f"{case.name}: {'ok' if not problems else 'FAIL'}  notes {len(notes)}, markers {len(labels.get('marker_contexts', []))}, "
          f"paragraphs {len(labels.get('paragraphs', []))}, headings {len(labels.get('headings', []))}, "
          f"chrome {len(labels.get('chrome', []))}, captions {len(labels.get('captions', []))}; "
          f"{len(not_copied)} label(s) not found as such in copied.txt")
    for problem in problems:
        print(f"    {problem}")
    return not problems


def check_cases(folder: Path, pattern: str, argv: list[str], check_case=None) -> int:
    """Check the case folders under `folder` whose expected.json matches `pattern` (all, or those named in argv by
    name or half/name) with `check_case` (this set's `check` unless given); print the count, return the exit status.
    Other sets' checkers call this with their own folder and pattern."""
    check_case = check_case or check
    every = sorted(p.parent for p in folder.glob(pattern))
    cases = [c for c in every if c.name in argv or f"{c.parent.name}/{c.name}" in argv] if argv else every
    results = [check_case(case) for case in cases]
    print(f"{sum(results)}/{len(results)} cases pass")
    return 0 if all(results) else 1


def main(argv: list[str]) -> int:
    return check_cases(HERE, "*/*/expected.json", argv)  # fit/<case> and check/<case>


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
