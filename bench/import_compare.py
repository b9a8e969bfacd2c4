"""Compare `volume import` on saved pages with trafilatura (+ htmldate) and readability-lxml, on the same labels.

    python3 bench/import_compare.py [ROOT]     (ROOT defaults to tests/cases/import/dev)

Needs `pip install trafilatura htmldate readability-lxml` in the venv (volume itself uses none of them).

Each case's source.html goes through three extractors:
- volume: `volume import` into a fresh `volume new` project, read back as the build reads it (as
  bench/import_eval.py does for its html form);
- trafilatura: `trafilatura.extract(..., output_format="html", include_comments=False)` for the text and
  `trafilatura.extract_metadata` for title, author and date, with `htmldate.find_date(original_date=True)` as a
  second opinion on the date (a date is right when either is);
- readability: readability-lxml's `Document.short_title()` and `Document.summary()`; it names no author or date.
The matching rules are bench/import_eval.py's (same normalisation, same tests for title, author, date, paragraphs,
chrome and captions). Notes count as kept when the note's text is anywhere in the output: neither library joins
notes to markers, so that column is only the import's.

Caveat when reading the figures: nine of the dev pages come from trafilatura's own evaluation files and two from
readability's test pages, so both libraries have been tuned on them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import tempfile
from pathlib import Path

import htmldate
import trafilatura
from readability import Document

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("import_eval", HERE / "import_eval.py")
ev = importlib.util.module_from_spec(spec)
sys.modules["import_eval"] = ev
spec.loader.exec_module(ev)

COLUMNS = ("title", "author", "date", "notes", "paras", "chrome", "capt")


def score_text(title: str, authors: list[str], date: str, body_html: str, expected: dict) -> dict:
    """The import_eval rules applied to another extractor's title, authors, date and HTML body."""
    text, blocks, headings = ev.body_parts(body_html)
    wanted_notes = expected.get("notes", [])
    paragraphs, chrome = expected.get("paragraphs", []), expected.get("chrome", [])
    captions = expected.get("captions", [])
    return {
        "title": ev.norm(title).rstrip(".") == ev.norm(expected["title"]).rstrip("."),
        "author": sorted(map(ev.name_key, authors)) == sorted(map(ev.name_key, expected["authors"])),
        "date": date == (expected.get("date") or ""),
        "notes": (sum(1 for n in wanted_notes if ev.norm(n) in text), len(wanted_notes)),
        "paras": (sum(1 for p in paragraphs if ev.norm(p).lstrip("-–—•* ") in text), len(paragraphs)),
        "chrome": (sum(1 for c in chrome if (ev.norm(c) in text if len(c.split()) >= 4 else ev.norm(c) in blocks)),
                   len(chrome)),
        "capt": (sum(1 for c in captions if ev.norm(c) in text and ev.norm(c) not in headings), len(captions)),
    }


def with_trafilatura(page: str, expected: dict) -> dict:
    body = trafilatura.extract(page, output_format="html", include_comments=False, include_tables=False,
                               favor_recall=False) or ""
    meta = trafilatura.extract_metadata(page)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
    found = score_text(meta.title if meta else "", authors, (meta.date if meta else "") or "", body, expected)
    second = htmldate.find_date(page, original_date=True) or ""
    found["date"] = found["date"] or second == (expected.get("date") or "")
    return found


def with_readability(page: str, expected: dict) -> dict:
    document = Document(page)
    return score_text(document.short_title(), [], "", document.summary(html_partial=True), expected)


def with_volume(case: Path, work: Path) -> dict:
    score = ev.evaluate(case, "html", work)
    return {"title": score.title, "author": score.author, "date": score.date,
            "notes": (score.notes_found, score.notes_expected), "paras": (score.paragraphs_kept,
                                                                          score.paragraphs_expected),
            "chrome": (score.chrome_left, score.chrome_expected),
            "capt": (score.captions_kept, score.captions_expected)}


def cell(value) -> str:
    return ("+" if value else "-") if isinstance(value, bool) else f"{value[0]}/{value[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("tests/cases/import/dev"))
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the libraries' own warnings about odd markup
    cases = sorted(p for p in args.root.iterdir() if (p / "expected.json").exists() and (p / "source.html").exists())
    rows: dict[str, list[tuple[str, dict]]] = {"volume": [], "trafilatura": [], "readability": []}
    with tempfile.TemporaryDirectory(prefix="import-compare-") as tmp:
        for case in cases:
            expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
            page = (case / "source.html").read_bytes().decode("utf-8", "replace")
            rows["volume"].append((case.name, with_volume(case, Path(tmp))))
            rows["trafilatura"].append((case.name, with_trafilatura(page, expected)))
            rows["readability"].append((case.name, with_readability(page, expected)))
    print(f"{'case':38} {'tool':12} " + " ".join(f"{c:>7}" for c in COLUMNS))
    for index, case in enumerate(cases):
        for tool, found in rows.items():
            values = found[index][1]
            print(f"{case.name:38} {tool:12} " + " ".join(f"{cell(values[c]):>7}" for c in COLUMNS))
    print()
    for tool, found in rows.items():
        totals = {}
        for column in COLUMNS:
            values = [v[column] for _, v in found]
            if isinstance(values[0], bool):
                totals[column] = f"{sum(values)}/{len(values)}"
            else:
                totals[column] = f"{sum(v[0] for v in values)}/{sum(v[1] for v in values)}"
        every = sum(1 for _, v in found if v["title"] and v["author"] and v["date"])
        print(f"{tool:12} title {totals['title']}  author {totals['author']}  date {totals['date']}  "
              f"all three {every}/{len(found)}  notes kept {totals['notes']}  paragraphs kept {totals['paras']}  "
              f"chrome left {totals['chrome']}  captions {totals['capt']}")
    if args.json:
        args.json.write_text(json.dumps({t: dict(v) for t, v in rows.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
