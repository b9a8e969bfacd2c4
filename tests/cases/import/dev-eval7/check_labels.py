#!/usr/bin/env python3
"""Check the labels of this set (eval7, retired to tuning material as dev-eval7 in round 15) without importing anything.

    python3 tests/cases/import/dev-eval7/check_labels.py [case ...]   (default: every case folder next to this script)

For each case: the five files are there (source.html, copied.txt, made.docx, expected.json, SOURCE.md; made.docx may be
missing where SOURCE.md says "**No made.docx:**" and why); expected.json
reads the way bench/import_eval.py reads it (its keys, of the types its scorer takes, the date YYYY-MM-DD or "");
the marker contexts name notes 1..n in rising order; and every label string (title, authors, notes, marker contexts,
headings, paragraphs, chrome, captions) occurs in the text of source.html, compared after bench/import_eval.py's
normalisation (a note may also be found once the case's short chrome labels, link words such as "webcite", are taken out
of the page text: the labels give notes without their link bars). Labels missing from copied.txt are listed as information
only (a page's text and its copy differ where the page hides or splits things). Exit status 1 when a case fails.
The label-shape rules and the helpers that do not read the page are eval6's checker's (dev-eval6/check_labels.py);
what differs here is reading the page (charset, inline display:none) and the documented missing made.docx.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))
from bench.import_eval import norm  # noqa: E402  (the scorer's own normalisation)


def _eval6_checker():
    """eval6's checker (now tests/cases/import/dev-eval6/check_labels.py): this set reads its labels the same way."""
    spec = importlib.util.spec_from_file_location("eval6_check_labels", HERE.parent / "dev-eval6" / "check_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_EVAL6 = _eval6_checker()

FILES = ("SOURCE.md", "source.html", "copied.txt", "made.docx", "expected.json")
NO_DOCX = "**No made.docx:**"  # a case whose page pandoc cannot read says so in its SOURCE.md (the scorer skips a missing form)


def page_markup(case: Path) -> str:
    """source.html decoded: its declared charset, else UTF-8 (some saved pages declare none and lxml would then
    read their UTF-8 bytes as Latin-1)."""
    raw = (case / "source.html").read_bytes()
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.I)
    return raw.decode(declared.group(1).decode() if declared else "utf-8", errors="replace")


def page_text(case: Path) -> str:
    """The page's text as a reader sees it: no scripts, styles, noscript blocks or inline display:none; a line break for <br>."""
    root = lxml.html.fromstring(page_markup(case))
    for hidden in root.xpath("//script|//style|//noscript"):
        hidden.drop_tree()
    for hidden in root.xpath("//*[contains(translate(@style, ' ', ''), 'display:none')]"):
        hidden.drop_tree()  # the labels leave out what the page hides inline (citation-template error notices)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return norm(root.text_content())


def files_wanted(case: Path) -> tuple[str, ...]:
    """The five files, made.docx aside where SOURCE.md says why there is none."""
    source_md = case / "SOURCE.md"
    no_docx = source_md.exists() and NO_DOCX in source_md.read_text(encoding="utf-8")
    return tuple(name for name in FILES if not (name == "made.docx" and no_docx))


_EVAL6_CHECK = _EVAL6.check


def check(case: Path) -> bool:
    """eval6's check of one case, with this set's page reading and its list of files wanted."""
    _EVAL6.page_text = page_text
    _EVAL6.FILES = files_wanted(case)
    return _EVAL6_CHECK(case)


def main(argv: list[str]) -> int:
    """Every case folder next to this script (or the ones named), each checked by `check` above. (Until round 15 it
    ran eval6's main, which since round 14's split of dev-eval6 into fit/ and check/ looks one folder deeper.)"""
    return _EVAL6.check_cases(HERE, "*/expected.json", argv, check)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
