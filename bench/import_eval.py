"""Score `volume import` on a folder of labelled real articles, per case and per form (html, txt, docx).

    python3 bench/import_eval.py [ROOT] [--forms html,txt,docx] [--build] [--show CASE/FORM] [--json FILE]
    python3 bench/import_eval.py tests/cases/import/headers/fit --fields title,authors,date

With --fields, only those header fields are scored: per case and form what was read where it is wrong, then the
share right per form and over all forms (the header set, tests/cases/import/headers/, labels nothing else).

ROOT (default tests/cases/import/dev) holds one folder per article: source.html (the saved page), copied.txt
(the text a reader copies from the page), made.docx (pandoc from the page) and expected.json:
{"title", "authors", "date" (YYYY-MM-DD or ""), "publisher", "notes" (full texts, in order), "headings",
"paragraphs" (the first 8 words of every body paragraph), "chrome" (lines that must not be left), "captions"}.
Each available form is imported with the library's import_source into a fresh `volume new` project, and the
chapter is read back the way the build reads it (manifest → pandoc → transforms); that chapter is what is scored.
With --build, one project holding every case's HTML import and one holding every text import are built with
`volume build` and the results printed.

Matching rules (all comparisons on normalised text: Unicode NFKC, case folded, typographic quotes and dashes
made plain, soft hyphens and zero-width characters removed, whitespace squashed):
- title: equal to the chapter's title, ignoring a final full stop.
- author: the set of names equals the chapter's authors, ignoring honorifics (Dr., Prof., RA, Mr., Ms.) and
  punctuation; no author expected and none given counts as right.
- date: the chapter's `date` equals the expected one ("" and none given is right).
- notes found: an expected note is found when some note of the chapter matches it: one text contains the other,
  or their similarity ratio (rapidfuzz) is at least 90. A placeholder "[note missing in the source]" matches
  nothing.
- markers joined right: expected note i matches the chapter's note i (chapter notes are numbered in the order
  of their markers, so a note joined to the wrong marker, a missing marker or a note out of sequence fails).
- joined right, aligned (printed beside it; the definition above is kept so rounds compare): the chapter's notes in
  marker order and the expected ones aligned as two sequences (the longest run of pairs in the same order that
  match, as a diff aligns lines), and the pairs counted: a missing or extra note costs one, not every note after it.
- false joins: notes of the chapter that match no labelled note: text taken for a marker that is none (a power
  '10^22', a year), whose note is the placeholder for a missing one or a stray block.
  A note whose marker stands twice in the text is printed twice; only its first appearance is compared (two
  notes of the same text stay two when the labels list that text twice).
- paragraphs kept: the expected first 8 words occur in the chapter's body text (notes excluded); a leading
  dash or bullet is not compared.
- chrome left: a line of 4 words or more counts as left when it occurs in the body text; a shorter line when a
  whole paragraph, list item or heading of the body equals it.
- headings kept: a heading element of the chapter, its note markers aside, equals the expected heading (the
  labels give headings without their markers).
- captions kept: the caption occurs in the body text and is not a heading.
Totals add the counts over every case and form; the last lines give the rates the issue's targets name.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import html as lxml_html
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from volume.config import find_manifest, load_manifest  # noqa: E402
from volume.diagnostics import Report, VolumeError  # noqa: E402
from volume.importer import import_source  # noqa: E402
from volume.load import load_volume  # noqa: E402
from volume.scaffold import create_project  # noqa: E402
from volume.transforms import run_transforms  # noqa: E402

FORMS = {"html": "source.html", "txt": "copied.txt", "docx": "made.docx"}
HONORIFICS = {"dr", "prof", "ra", "mr", "ms", "mrs", "dr.", "prof.", "professor"}
QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'", "‘": "'", "’": "'",
                        "–": "-", "—": "-", "−": "-", "\u00a0": " "})
MISSING = "[note missing in the source]"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    text = re.sub("[\u00ad\u200b\u200c\u200d\u200e\u200f\ufeff]", "", text)
    return " ".join(text.casefold().split())


def name_key(name: str) -> str:
    words = [w for w in re.split(r"[\s.,]+", norm(name)) if w and w not in HONORIFICS]
    return " ".join(words)


@dataclass
class Score:
    case: str
    form: str
    error: str = ""
    title: bool = False
    author: bool = False
    date: bool = False
    metadata_shown: bool = True  # False where the labels say this form cannot show the title, byline and date
    notes_found: int = 0
    notes_expected: int = 0
    joined_right: int = 0
    aligned_right: int = 0  # pairs of the order-keeping alignment of expected and chapter notes that match
    false_joins: int = 0  # notes of the chapter (placeholders for missing ones too) that match no labelled note
    paragraphs_kept: int = 0
    paragraphs_expected: int = 0
    chrome_left: int = 0
    chrome_expected: int = 0
    headings_kept: int = 0
    headings_expected: int = 0
    captions_kept: int = 0
    captions_expected: int = 0
    missing: dict = field(default_factory=dict)  # what was not found, for --show


def note_matches(expected: str, found: str) -> bool:
    return _same_note(norm(expected), norm(found))


def _same_note(a: str, b: str) -> bool:
    """note_matches on normalised texts."""
    if not a or not b or b == norm(MISSING):
        return False
    return a in b or b in a or fuzz.ratio(a, b) >= 90


def aligned_pairs(wanted: list[str], notes: list[str]) -> int:
    """How many expected notes an order-keeping alignment pairs with a matching chapter note: the longest common
    subsequence under note_matches (dynamic programming over the two lists, one row kept at a time)."""
    found = [norm(n) for n in notes]
    previous = [0] * (len(found) + 1)
    for w in wanted:
        a = norm(w)
        current = [0]
        for j, b in enumerate(found):
            current.append(max(previous[j] + 1 if _same_note(a, b) else 0, previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def body_parts(body_html: str) -> tuple[str, list[str], list[str]]:
    """The body's text, its block texts (paragraphs, items, headings) and its heading texts, normalised."""
    root = lxml_html.fragment_fromstring(body_html or "<div></div>", create_parent="div")
    blocks = [norm(e.text_content()) for e in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
                                                        "blockquote", "dd", "dt")]
    headings = [norm(_without_markers(e)) for e in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    return norm(root.text_content()), blocks, headings


def _without_markers(heading) -> str:
    """A heading's text without the note markers in it (the labels give headings without them)."""
    copy = lxml_html.fromstring(lxml_html.tostring(heading, with_tail=False))
    for marker in copy.xpath(".//*[@role='doc-noteref' or contains(concat(' ', @class, ' '), ' noteref ')]"):
        marker.drop_tree()
    return copy.text_content()


def first_appearances(texts: list[str], wanted: list[str]) -> list[str]:
    """The chapter's notes without the repeats a marker standing twice prints; two notes of the same text (two
    footnotes both reading '47 U.S.C. §606(a)') stay two when the labels have that text twice too."""
    labelled = Counter(norm(w) for w in wanted)
    seen: Counter = Counter()
    kept = []
    for text in texts:
        seen[norm(text)] += 1
        if seen[norm(text)] <= max(1, labelled[norm(text)]):
            kept.append(text)
    return kept


def score_chapter(chapter, expected: dict, score: Score) -> None:
    score.title = norm(chapter.title_text).rstrip(".") == norm(expected["title"]).rstrip(".")
    score.author = sorted(name_key(a.name) for a in chapter.authors) == sorted(map(name_key, expected["authors"]))
    score.date = (chapter.date or "") == (expected.get("date") or "")
    wanted = expected.get("notes", [])
    notes = first_appearances([n.text for n in chapter.notes], wanted)
    score.notes_expected = len(wanted)
    found = [w for w in wanted if any(note_matches(w, n) for n in notes)]
    score.notes_found = len(found)
    score.joined_right = sum(1 for i, w in enumerate(wanted) if i < len(notes) and note_matches(w, notes[i]))
    score.aligned_right = aligned_pairs(wanted, notes)
    score.false_joins = sum(1 for n in notes if not any(note_matches(w, n) for w in wanted))
    text, blocks, headings = body_parts(chapter.body.xhtml())
    lost = [p for p in expected.get("paragraphs", []) if norm(p).lstrip("-–—•* ") not in text]
    score.paragraphs_expected = len(expected.get("paragraphs", []))
    score.paragraphs_kept = score.paragraphs_expected - len(lost)
    left = [c for c in expected.get("chrome", []) if (norm(c) in text if len(c.split()) >= 4 else norm(c) in blocks)]
    score.chrome_expected, score.chrome_left = len(expected.get("chrome", [])), len(left)
    heads = [h for h in expected.get("headings", []) if norm(h) in headings]
    score.headings_expected, score.headings_kept = len(expected.get("headings", [])), len(heads)
    captions = [c for c in expected.get("captions", []) if norm(c) in text and norm(c) not in headings]
    score.captions_expected, score.captions_kept = len(expected.get("captions", [])), len(captions)
    score.missing = {"title": chapter.title_text, "authors": [a.name for a in chapter.authors], "date": chapter.date,
                     "notes not found": [w[:80] for w in wanted if w not in found],
                     "notes out of place": [f"{i + 1}: {w[:60]}" for i, w in enumerate(wanted)
                                            if not (i < len(notes) and note_matches(w, notes[i]))],
                     "false joins": [n[:60] for n in notes if not any(note_matches(w, n) for w in wanted)],
                     "paragraphs lost": lost, "chrome left": left,
                     "headings lost": [h for h in expected.get("headings", []) if h not in heads],
                     "captions lost": [c for c in expected.get("captions", []) if c not in captions]}


def new_project(where: Path) -> Path:
    with contextlib.redirect_stdout(io.StringIO()):
        create_project(where)
    return where


def import_and_read(source: Path, project: Path, name: str):
    """Import `source` (copied under a neutral name) and read the chapter back as the build does."""
    staged = project.parent / f"{name}{source.suffix}"
    shutil.copyfile(source, staged)
    result = import_source(staged, project)
    report = Report()
    volume = run_transforms(load_volume(load_manifest(find_manifest(project)), report), report)
    return next(c for c in volume.chapters if c.id == result.chapter.stem), result


def evaluate(case: Path, form: str, work: Path) -> Score | None:
    source = case / FORMS[form]
    if not source.exists():
        return None
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    score = Score(case.name, form, metadata_shown=form in expected.get("metadata_shown_in", [form]))
    project = new_project(work / f"{case.name}-{form}")
    try:
        chapter, _ = import_and_read(source, project, f"{case.name}-{form}")
    except VolumeError as exc:
        score.error = "; ".join(f"{d.code} {d.message}" for d in exc.report.items)[:200]
        score.notes_expected = len(expected.get("notes", []))
        score.paragraphs_expected = len(expected.get("paragraphs", []))
        score.chrome_expected = len(expected.get("chrome", []))
        return score
    score_chapter(chapter, expected, score)
    return score


def rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"


def print_table(scores: list[Score]) -> None:
    print(f"{'case':38} {'form':4} {'T':1} {'A':1} {'D':1} {'notes':>7} {'joined':>7} {'aligned':>7} {'paras':>7} "
          f"{'chrome':>7} {'heads':>7} {'capt':>5}")
    for s in scores:
        flags = "".join("+" if ok else "-" for ok in (s.title, s.author, s.date))
        print(f"{s.case[:38]:38} {s.form:4} {flags[0]} {flags[1]} {flags[2]} "
              f"{s.notes_found:>3}/{s.notes_expected:<3} {s.joined_right:>3}/{s.notes_expected:<3} "
              f"{s.aligned_right:>3}/{s.notes_expected:<3} "
              f"{s.paragraphs_kept:>3}/{s.paragraphs_expected:<3} {s.chrome_left:>3}/{s.chrome_expected:<3} "
              f"{s.headings_kept:>3}/{s.headings_expected:<3} {s.captions_kept:>2}/{s.captions_expected:<2}"
              + (f"  ERROR {s.error}" if s.error else ""))
    total = lambda name: sum(getattr(s, name) for s in scores)  # noqa: E731
    n = len(scores)
    print()
    print(f"cases×forms: {n} ({len({s.case for s in scores})} cases)")
    print(f"title right: {rate(total('title'), n)}   author right: {rate(total('author'), n)}   "
          f"date right: {rate(total('date'), n)}")
    meta = sum(1 for s in scores if s.title and s.author and s.date)
    print(f"title, author and date all right: {rate(meta, n)}")
    shown = [s for s in scores if s.metadata_shown]
    if len(shown) < n:
        print(f"  where the form shows them: {rate(sum(1 for s in shown if s.title and s.author and s.date), len(shown))}"
              f" (excerpts keep them only in the page's head)")
    print(f"notes kept: {rate(total('notes_found'), total('notes_expected'))}   "
          f"markers joined right: {rate(total('joined_right'), total('notes_expected'))}   "
          f"false joins: {total('false_joins')}")
    print(f"markers joined right, aligned: {rate(total('aligned_right'), total('notes_expected'))}")
    print(f"body paragraphs kept: {rate(total('paragraphs_kept'), total('paragraphs_expected'))}   "
          f"chrome lines left: {rate(total('chrome_left'), total('chrome_expected'))}")
    print(f"headings kept: {rate(total('headings_kept'), total('headings_expected'))}   "
          f"captions kept: {rate(total('captions_kept'), total('captions_expected'))}   "
          f"import errors: {sum(1 for s in scores if s.error)}")


FIELD_SCORES = {"title": "title", "authors": "author", "date": "date"}


def print_fields(scores: list[Score], fields: list[str]) -> None:
    """The header fields alone: each case and form with what was read where it is wrong, and the shares right."""
    for s in scores:
        marks = " ".join(f"{f[0].upper()}{'+' if getattr(s, FIELD_SCORES[f]) else '-'}" for f in fields)
        wrong = "; ".join(f"{f}: {s.missing.get(f)!r}" for f in fields if not getattr(s, FIELD_SCORES[f]))
        print(f"{s.case[:38]:38} {s.form:4} {marks}" + (f"  ERROR {s.error}" if s.error else "")
              + (f"  [{wrong}]" if wrong and not s.error else ""))
    print()
    for form in [*FORMS, "all"]:
        rows = [s for s in scores if form in (s.form, "all")]
        if not rows:
            continue
        shares = "   ".join(f"{f} {rate(sum(1 for s in rows if getattr(s, FIELD_SCORES[f])), len(rows))}" for f in fields)
        every = sum(1 for s in rows if all(getattr(s, FIELD_SCORES[f]) for f in fields))
        print(f"{form:4} {shares}   all {len(fields)} right {rate(every, len(rows))}")


def build_all(cases: list[Path], work: Path) -> None:
    """Import every case's page into one project and its copied text into another, and build both with
    `volume build`."""
    import subprocess

    for form in ("html", "txt"):
        project = new_project(work / f"all-{form}")
        for case in cases:
            source = case / FORMS[form]
            if source.exists():
                staged = work / f"{case.name}-{form}{source.suffix}"
                shutil.copyfile(source, staged)
                try:
                    import_source(staged, project)
                except VolumeError as exc:
                    print(f"{case.name}/{form}: not imported: {exc.report.items[0].message}")
        run = subprocess.run([sys.executable, "-m", "volume", "build", "--project", str(project)],
                             capture_output=True, text=True)
        print(f"\nvolume build of the {len(cases)} cases imported from {form}: exit {run.returncode}")
        print("\n".join((run.stdout + run.stderr).strip().splitlines()[-12:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("tests/cases/import/dev"))
    parser.add_argument("--forms", default="html,txt,docx")
    parser.add_argument("--show", action="append", default=[], help="CASE/FORM: print what was missed")
    parser.add_argument("--build", action="store_true", help="also build one project of all imports")
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    parser.add_argument("--fields", help="score only these header fields (title,authors,date)")
    args = parser.parse_args()
    cases = sorted(p for p in args.root.iterdir() if (p / "expected.json").exists())
    scores: list[Score] = []
    with tempfile.TemporaryDirectory(prefix="import-eval-") as tmp:
        for case in cases:
            for form in args.forms.split(","):
                score = evaluate(case, form, Path(tmp))
                if score:
                    scores.append(score)
        if args.fields:
            print_fields(scores, [f for f in args.fields.split(",") if f in FIELD_SCORES])
        else:
            print_table(scores)
        for wanted in args.show:
            for s in scores:
                if f"{s.case}/{s.form}" == wanted or s.case == wanted:
                    print(f"\n{s.case}/{s.form}:")
                    for key, value in s.missing.items():
                        if value:
                            print(f"  {key}: {value}")
        if args.build:
            build_all(cases, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in scores], ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
