#!/usr/bin/env python3
"""Check the labels of this held-out set (eval8) without importing anything.

    python3 tests/cases/import/eval8/check_labels.py [case ...]   (default: every case; a case is named by its folder)

The checks are dev-eval6's (`../dev-eval6/check_labels.py`, reused here, not copied): the five files are there
(source.html, copied.txt, made.docx, expected.json, SOURCE.md); expected.json reads the way bench/import_eval.py reads it
(its keys, of the types its scorer takes, the date YYYY-MM-DD or ""); the marker contexts name notes 1..n in rising order;
and every label string (title, authors, notes, marker contexts, headings, paragraphs, chrome, captions) occurs in the
text of source.html after bench/import_eval.py's normalisation. Labels missing from copied.txt are counted as
information only. Exit status 1 when a case fails. Unlike dev-eval6, this set has no fit/ and check/ halves.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("eval6_labels", HERE.parent / "dev-eval6" / "check_labels.py")
eval6_labels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval6_labels)


def main(argv: list[str]) -> int:
    return eval6_labels.check_cases(HERE, "*/expected.json", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
