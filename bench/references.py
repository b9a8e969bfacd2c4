"""Accuracy of the reference parser on labelled real reference strings: per field, fully right, mangled, kept.

    python3 bench/references.py [FOLDER ...] [--show wrong|mangled|kept] [--json] [--half fit|check] [--reasons]

FOLDER (default tests/cases/references/dev) holds *.jsonl files, one labelled record per line:
{"id", "text", "style", "lang", "source", "licence", "expected": {CSL-JSON subset}, "ibid": true?,
"context": [earlier notes]?}. Each record is read as one endnote by `volume.references.parse_note`,
after the notes in its "context" (so that an Ibid. has something to point at).

Definitions, so that the same figures can be computed on any labelled set:

* normalised text: Unicode NFKD with combining marks dropped (diacritics-insensitive), case-folded,
  every dash or tilde (- – — ‐ ‑ ‒ ~) made "-", every other character that is not a letter, digit or "-"
  made a space, whitespace collapsed. URLs: case-folded, without scheme, "www.", trailing "/" or
  punctuation. DOIs: case-folded, without a "https://doi.org/" prefix. Pages: dashes made "-", spaces
  dropped.
* name key of a person: the normalised family name without leading particles (von, van, de, der, le,
  la, du, da, di, del, al, el, bin, ibn); of an organisation: its normalised literal name. A person
  whose family+given (either order, spaces dropped) equals an expected literal name also matches (a
  Chinese name written as one word).
* first author: the first author, or, when the work has no author, its first editor; none if neither.
* kept: the parser kept the reference as written (its first reading has no work), or found none.
* fully right: not kept, and the first author's name key, the year, and the normalised title all equal
  the expected ones (a value absent on both sides is equal).
* mangled: not kept, and a field the parser printed holds a value that is not the expected value of that
  field (an expected value that is absent counts as different). Fields compared: first author and the
  list of author name keys, editors (when printed), the year, title, container-title, volume, issue,
  publisher, publisher-place, URL, DOI, and page when the record expects one (notes often end on a
  locator the labeller did not count as the work's pages). The type is compared by class: a part of a
  container (article, chapter, entry, paper) against a whole (book, report, thesis, ...); webpage,
  post and document are compatible with both. More than one work read from a one-work record is
  mangled too. Since round 14 a work with a wrong field is not mangled when the house style (APA 7 through
  pandoc's citeproc, as the build prints it) prints both its bibliography entry and its in-text citation exactly
  as it prints its label's (case-folded, punctuation and italics kept, citeproc's year letters dropped): a site
  read as the publisher of an authored page, a publisher of a journal article APA does not print. It counts as
  right or incomplete by its fields; "mangled by the fields" is the share before round 14, printed beside it.
* per-field accuracy: over the records read (not kept) where the field is expected or printed, the
  share where the printed value equals the expected one.
* Ibid. records are scored apart: right when the note is read as Ibid. (and resolves to the work of the
  note before it).

Shares are printed overall, per style and per language; --show lists the records of one kind; --reasons
tabulates why works were kept (R002's reason) and what the reading would have been had it been printed, then the
fields of the works printed wrong, by the reader (method) that printed them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DASHES = "-–—‐‑‒~〜～"
PARTICLES = {"von", "van", "de", "der", "den", "le", "la", "du", "da", "di", "del", "al", "el", "bin", "ibn"}
TEXT_FIELDS = ("title", "container-title", "volume", "issue", "publisher", "publisher-place")
FIELDS = ("type", "author", "editor", "issued", "title", "container-title", "volume", "issue", "page",
          "publisher", "publisher-place", "URL", "DOI")
PART = {"article", "article-journal", "article-magazine", "article-newspaper", "chapter", "entry",
        "entry-dictionary", "entry-encyclopedia", "paper-conference", "review", "review-book"}
NEUTRAL = {"webpage", "post", "post-weblog", "document", None}


def norm(value) -> str:
    """Case, punctuation, dashes and diacritics-insensitive whitespace, as the docstring says."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join("-" if c in DASHES else c for c in text)
    text = re.sub(r"[^\w\-]+|_", " ", text)
    return " ".join(text.replace("-", " - ").split()).replace(" - ", "-")


def norm_url(url) -> str:
    url = str(url or "").strip().casefold()
    url = re.sub(r"^[a-z]+://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/.,;:)")


def norm_doi(doi) -> str:
    doi = str(doi or "").strip().casefold()
    return re.sub(r"^(https?://)?(dx\.)?doi\.org/|^doi:\s*", "", doi)


def norm_page(page) -> str:
    return "".join("-" if c in DASHES else c for c in str(page or "")).replace(" ", "").strip(".")


def name_key(person: dict) -> str:
    if person.get("literal"):
        return norm(person["literal"])
    words = norm(person.get("family", "")).split()
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
    return " ".join(words)


def name_matches(got: dict, want: dict) -> bool:
    if name_key(got) == name_key(want):
        return True
    if want.get("literal") and got.get("family"):
        joined = norm(got.get("family", "")) + norm(got.get("given", ""))
        swapped = norm(got.get("given", "")) + norm(got.get("family", ""))
        return norm(want["literal"]).replace(" ", "") in (joined.replace(" ", ""), swapped.replace(" ", ""))
    return False


def names_equal(got: list, want: list) -> bool:
    return len(got) == len(want) and all(name_matches(g, w) for g, w in zip(got, want))


def first_person(work: dict) -> dict | None:
    people = work.get("author") or work.get("editor") or []
    return people[0] if people else None


def year(work: dict) -> int | None:
    try:
        return int(work["issued"]["date-parts"][0][0])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def type_class(kind) -> str | None:
    if kind in NEUTRAL:
        return None
    return "part" if kind in PART else "whole"


def field_equal(field: str, got: dict, want: dict) -> bool:
    a, b = got.get(field), want.get(field)
    if field in ("author", "editor"):
        return names_equal(a or [], b or [])
    if field == "issued":
        if not a or not b:
            return not a and not b
        wanted = b["date-parts"][0]
        return list(a.get("date-parts", [[]])[0][: len(wanted)]) == list(wanted)
    if field == "type":
        return type_class(a) == type_class(b) or None in (type_class(a), type_class(b))
    if field == "URL":
        return norm_url(a) == norm_url(b)
    if field == "DOI":
        return norm_doi(a) == norm_doi(b)
    if field == "page":
        return norm_page(a) == norm_page(b)
    return norm(a) == norm(b)


def fully_right(got: dict, want: dict) -> bool:
    first_got, first_want = first_person(got), first_person(want)
    if (first_got is None) != (first_want is None):
        return False
    if first_want is not None and not name_matches(first_got, first_want):
        return False
    return year(got) == year(want) and norm(got.get("title")) == norm(want.get("title"))


def wrong_fields(got: dict, want: dict) -> list[str]:
    """The printed fields whose value is not the expected one (see the docstring's "mangled")."""
    wrong = []
    if (first_person(got) is None) != (first_person(want) is None) and first_person(got) is not None or first_person(got) is not None and not name_matches(first_person(got), first_person(want)):
        wrong.append("first author")
    if got.get("author") and not names_equal(got["author"], want.get("author") or []):
        wrong.append("author")
    if got.get("editor") and not names_equal(got["editor"], want.get("editor") or []):
        wrong.append("editor")
    if year(got) is not None and year(got) != year(want):
        wrong.append("year")
    for field in TEXT_FIELDS:
        if got.get(field) and norm(got[field]) != norm(want.get(field)):
            wrong.append(field)
    if got.get("URL") and want.get("URL") and norm_url(got["URL"]) != norm_url(want["URL"]):
        wrong.append("URL")
    if got.get("URL") and not want.get("URL") and not want.get("DOI"):
        wrong.append("URL")
    if got.get("DOI") and norm_doi(got["DOI"]) != norm_doi(want.get("DOI")):
        wrong.append("DOI")
    if got.get("page") and want.get("page") and norm_page(got["page"]) != norm_page(want["page"]):
        wrong.append("page")
    if not field_equal("type", got, want):
        wrong.append("type")
    return wrong


def read_records(folders: list[Path]) -> list[dict]:
    records = []
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    record = json.loads(line)
                    record["file"] = f"{path.name}:{number}"
                    records.append(record)
    return records


def readings(text: str, threshold: float | None = 0.0):
    """The parser's readings of one note: [(work or None, confidence, reason)], and whether it is Ibid.
    At threshold 0 every reading keeps its work, so that any threshold can be applied afterwards."""
    from volume.references.parse import parse_note

    parsed = parse_note(text) if threshold is None else parse_note(text, threshold=threshold)
    if hasattr(parsed, "readings"):
        found = [(r.work, r.confidence, r.reason, r.method) for r in parsed.readings]
    else:  # the parser before issue 15: works, then the texts it could not read
        found = [(w, 1.0, "") for w in parsed.works] + [(None, 0.0, "not read") for _ in parsed.unparsed]
    return found, parsed.ibid


def collect(records: list[dict]) -> list[dict]:
    """Each record with the parser's readings of it (computed once, at threshold 0)."""
    import inspect

    from volume.references.parse import parse_note

    zero = 0.0 if "threshold" in inspect.signature(parse_note).parameters else None
    return [{**r, "found": readings(r["text"], zero)} for r in records]


def score(collected: list[dict], threshold: float, printed: bool = False) -> list[dict]:
    """Each record's outcome at a threshold: right, mangled, incomplete, kept, ibid-right, ibid-wrong (printed: a
    work with a wrong field that the house style prints as its label is not mangled, see printed_as_labelled; this
    script's own figures use it, while bench/references_cv.py and tools/fit_calibration.py, which score one record
    at a time and would run citeproc for each, still count by the fields)."""
    outcomes = []
    for record in collected:
        found, ibid = record["found"]
        want = record.get("expected", {})
        if record.get("ibid"):
            outcomes.append({**record, "kind": "ibid-right" if ibid else "ibid-wrong", "got": None})
            continue
        read = [f for f in found if f[0] is not None and f[1] >= threshold]
        work = found[0][0] if found and found[0][1] >= threshold else None
        confidence = found[0][1] if found else 0.0
        if work is None:
            reason = (found[0][2] or f"confidence {confidence:.2f}") if found else "nothing found"
            outcomes.append({**record, "kind": "kept", "got": None, "confidence": confidence, "reason": reason})
            continue
        wrong = wrong_fields(work, want)
        if len(read) > 1:
            wrong.append("extra works")
        kind = "mangled" if wrong else ("right" if fully_right(work, want) else "incomplete")
        outcomes.append({**record, "kind": kind, "got": work, "wrong": wrong, "confidence": confidence,
                         "method": found[0][3] if len(found[0]) > 3 else ""})
    return printed_as_labelled(outcomes) if printed else outcomes


def printed_as_labelled(outcomes: list[dict]) -> list[dict]:
    """The works with a wrong field that the house style prints exactly as it prints their label (a site read as
    a publisher, a web page read as a book: both plain text after the title in APA) are not mangled: right or
    incomplete by their fields, marked "printed same" (and still counted in the share mangled by the fields)."""
    suspects = [o for o in outcomes if o["kind"] == "mangled" and "extra works" not in o["wrong"]]
    printed = house_prints([o["got"] for o in suspects] + [o["expected"] for o in suspects])
    for outcome in suspects:
        if printed[key_of(outcome["got"])] == printed[key_of(outcome["expected"])]:
            outcome["printed same"] = True
            outcome["kind"] = "right" if fully_right(outcome["got"], outcome["expected"]) else "incomplete"
    return outcomes


PRINTED: dict[str, str] = {}  # house-style prints by key_of(work), kept between the thresholds of --tune and the CV


def key_of(work: dict) -> str:
    return json.dumps(work, sort_keys=True, ensure_ascii=False)


def house_prints(works: list[dict]) -> dict[str, str]:
    """Each work as the default house style prints it (APA 7 through pandoc's citeproc, as the build does): its
    bibliography entry and its in-text citation, as text to compare: italics kept as a mark, other tags dropped,
    case-folded, spaces collapsed, punctuation kept (one person read as a list of names in one literal prints the
    same entry, not the same citation); the letter citeproc adds to tell apart two works of one author and year
    ("2019a", "n.d.-b") dropped, since it depends on the other works printed with it."""
    from volume.pandoc import _citeproc, _split_entries
    from volume.references.styles import csl_item, style_path

    todo = list({key_of(w): w for w in works if key_of(w) not in PRINTED}.items())
    if todo:  # one citeproc run: each work cited in a paragraph of its own, then the bibliography
        items = [csl_item(w, f"w{i}") for i, (_, w) in enumerate(todo)]
        html = _citeproc("---\nlang: en-US\n---\n\n" + "\n\n".join(f"[@w{i}]" for i in range(len(todo))) + "\n",
                         items, style_path("apa", ROOT))
        entries = dict(_split_entries(html))
        cites = dict(re.findall(r'<span class="citation" data-cites="(w\d+)">(.*?)</span>', html, re.DOTALL))
        for i, (key, _) in enumerate(todo):
            PRINTED[key] = f"{_comparable(entries.get(f'w{i}', ''))} | {_comparable(cites.get(f'w{i}', ''))}"
    return {key_of(w): PRINTED[key_of(w)] for w in works}


def _comparable(printed: str) -> str:
    import html

    text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</?(?:em|i)>", "*", printed)))
    text = re.sub(r"\b((?:1[5-9]|20)\d\d|n\.d\.)-?[a-z]\b", r"\1", unicodedata.normalize("NFKC", text))
    return " ".join(text.casefold().split())


def default_threshold() -> float:
    try:
        from volume.references.read import KEEP_BELOW
    except ImportError:  # the parser before issue 15 kept nothing by confidence
        return 0.0
    return KEEP_BELOW


def halves(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """A fixed split of the records in two (by a hash of their id): one to choose the threshold on, one to check."""
    import hashlib

    tune = [r for r in records if hashlib.sha1(r["id"].encode()).digest()[0] % 2 == 0]
    check = [r for r in records if hashlib.sha1(r["id"].encode()).digest()[0] % 2 == 1]
    return tune, check


def tune(collected: list[dict]) -> str:
    """Shares at each threshold on both halves; the threshold chosen is the lowest at which the tuning half
    has at most 1% mangled (the target), so that as few works as possible are kept as written."""
    first, second = halves(collected)
    lines = [f"{'threshold':>9}  {'tune: right mangled kept':>26}  {'check: right mangled kept':>27}"]
    chosen = None
    for step in range(20):
        t = step / 20
        a, b = shares(score(first, t, printed=True)), shares(score(second, t, printed=True))
        lines.append(f"{t:9.2f}  {a['fully right']:8.1%} {a['mangled']:8.1%} {a['kept']:7.1%}  "
                     f"{b['fully right']:9.1%} {b['mangled']:8.1%} {b['kept']:7.1%}")
        if chosen is None and a["mangled"] <= 0.01:
            chosen = t
    if chosen is None:  # the target cannot be met: the threshold with the fewest mangled, the lowest of those
        fewest = min(range(20), key=lambda step: (shares(score(first, step / 20, printed=True))["mangled"], step))
        lines.append(f"no threshold has at most 1% mangled on the tuning half; fewest at {fewest / 20:.2f}")
    else:
        lines.append(f"lowest threshold with at most 1% mangled on the tuning half: {chosen:.2f}")
    return "\n".join(lines)


def reasons(records: list[dict], threshold: float) -> str:
    """Each reason a work was kept for, how often, and how its reading would have scored had it been printed."""
    kept = score([{**r, "found": readings(r["text"], threshold)} for r in records], threshold, printed=True)
    printed = score(collect(records), 0.0, printed=True)
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for at_threshold, at_zero in zip(kept, printed):
        if at_threshold["kind"] == "kept":
            reason = re.sub(r"\(?\d\.\d\d\)?", "(x)", at_threshold["reason"])
            table[reason]["kept"] += 1
            table[reason][at_zero["kind"]] += 1
    lines = [f"{'kept':>5} {'right':>6} {'mangled':>8} {'other':>6}  reason (as printed, had it not been kept)"]
    for reason, count in sorted(table.items(), key=lambda kv: (-kv[1]["kept"], kv[0])):
        other = count["kept"] - count["right"] - count["mangled"]
        lines.append(f"{count['kept']:5d} {count['right']:6d} {count['mangled']:8d} {other:6d}  {reason}")
    return "\n".join(lines + mangled_fields(kept))


def mangled_fields(outcomes: list[dict]) -> list[str]:
    """The works printed with a wrong field: how often each field is wrong, by the reader that printed it."""
    mangled = [o for o in outcomes if o["kind"] == "mangled"]
    if not mangled:
        return ["", "printed with a wrong field: none"]
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outcome in mangled:
        for field in outcome["wrong"]:
            table[field][outcome.get("method") or "?"] += 1
    methods = sorted({m for row in table.values() for m in row})
    lines = ["", f"printed with a wrong field: {len(mangled)} works; wrong fields by the reader that printed them",
             f"{'field':16} " + " ".join(f"{m:>11}" for m in methods)]
    for field, row in sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        lines.append(f"{field:16} " + " ".join(f"{row.get(m, 0):11d}" for m in methods))
    return lines + [f"  {o['id']}: {', '.join(o['wrong'])} ({o.get('method') or '?'})" for o in mangled]


def shares(outcomes: list[dict]) -> dict:
    works = [o for o in outcomes if not o["kind"].startswith("ibid")]
    n = len(works) or 1
    count = defaultdict(int)
    for outcome in works:
        count[outcome["kind"]] += 1
    same = sum(bool(outcome.get("printed same")) for outcome in works)
    return {"works": len(works), "fully right": count["right"] / n, "mangled": count["mangled"] / n,
            "kept": count["kept"] / n, "read, incomplete": count["incomplete"] / n,
            "mangled by the fields": (count["mangled"] + same) / n}


def field_accuracy(outcomes: list[dict]) -> dict:
    result = {}
    for field in FIELDS:
        seen = right = 0
        for outcome in outcomes:
            got, want = outcome.get("got"), outcome.get("expected", {})
            if got is None or not (got.get(field) or want.get(field)):
                continue
            seen += 1
            right += field_equal(field, got, want)
        result[field] = (right / seen if seen else None, seen)
    return result


def table(title: str, groups: dict[str, list[dict]]) -> str:
    lines = [f"\n{title}", f"{'':24} {'works':>5} {'right':>7} {'mangled':>8} {'kept':>7} {'other':>7}"]
    for name, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        s = shares(members)
        if not s["works"]:
            continue
        lines.append(f"{name:24} {s['works']:5d} {s['fully right']:7.1%} {s['mangled']:8.1%} {s['kept']:7.1%} "
                     f"{s['read, incomplete']:7.1%}")
    return "\n".join(lines)


def report(outcomes: list[dict]) -> str:
    overall = shares(outcomes)
    same = sum(bool(o.get("printed same")) for o in outcomes)
    out = [table("overall", {"all": outcomes}),
           f"mangled by the fields (before round 14): {overall['mangled by the fields']:.1%}; printed by the house "
           f"style as their label, so not mangled: {same} works",
           table("per style", group(outcomes, "style")), table("per language", group(outcomes, "lang"))]
    out.append("\nper-field accuracy (records read, field expected or printed)")
    for field, (accuracy, seen) in field_accuracy(outcomes).items():
        out.append(f"  {field:18} {'-' if accuracy is None else f'{accuracy:6.1%}'}  of {seen}")
    ibids = [o for o in outcomes if o["kind"].startswith("ibid")]
    if ibids:
        right = sum(o["kind"] == "ibid-right" for o in ibids)
        out.append(f"\nIbid. notes recognised: {right}/{len(ibids)}")
    return "\n".join(out)


def group(outcomes: list[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.get(key, "?")].append(outcome)
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "tests/cases/references/dev"])
    parser.add_argument("--show", choices=["wrong", "mangled", "kept", "incomplete"], help="list these records")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--threshold", type=float, help="keep readings below this confidence (default: the parser's)")
    parser.add_argument("--tune", action="store_true", help="shares at every threshold, on two fixed halves")
    parser.add_argument("--half", choices=["fit", "check"],
                        help="only the fixed half of the records (by a hash of each id) tuned and trained on, or the other")
    parser.add_argument("--reasons", action="store_true", help="why works were kept, and how often rightly")
    args = parser.parse_args(argv)
    records = read_records(args.folders)
    if args.half:
        records = halves(records)[0 if args.half == "fit" else 1]
    if args.reasons:
        print(reasons(records, default_threshold() if args.threshold is None else args.threshold))
        return 0
    collected = collect(records)
    if args.tune:
        print(tune(collected))
        return 0
    outcomes = score(collected, default_threshold() if args.threshold is None else args.threshold, printed=True)
    if args.json:
        print(json.dumps({"overall": shares(outcomes),
                          "style": {k: shares(v) for k, v in group(outcomes, "style").items()},
                          "lang": {k: shares(v) for k, v in group(outcomes, "lang").items()},
                          "fields": {k: v[0] for k, v in field_accuracy(outcomes).items()}}, indent=2))
        return 0
    print(report(outcomes))
    if args.show:
        kinds = {"wrong": {"mangled", "incomplete", "kept"}}.get(args.show, {args.show})
        for o in outcomes:
            if o["kind"] in kinds:
                print(f"\n[{o['kind']}] {o['file']} {o['id']} {o.get('wrong', '')} conf={o.get('confidence', 0):.2f} {o.get('method', '')}"
                      f" {o.get('reason', '')}\n  text: {o['text']}\n  got:  {json.dumps(o.get('got'), ensure_ascii=False)}"
                      f"\n  want: {json.dumps(o['expected'], ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
