"""Check the labels of eval6 (the held-out set built in round 15) without scoring anything.

Every record is loaded with bench/references.py's own reader (`read_records`; the parser is not imported), then
checked with tune-r10's validator (keys, style, type, Ibid. context, every labelled value and name part found in
its string, no title ending on a full stop), run on the string with its italics markers '*' taken out, and with the
checks this set adds: only known fields, people as family/given or literal, a year between 1500 and 2027 written in
the string, no title ending on a comma, semicolon or colon (nor on a full stop, unless an abbreviation such as
"Murr." or "L." ends it), a first person or a title on every work, unique ids, an
Ibid. note whose work is named in its context, and an id that starts with its file's name.
Prints the problems, then counts per style, language, type and file.

    python3 tests/cases/references/eval6/check_labels.py
"""
import collections
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
REFS = HERE.parent


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load("bench_references", REFS.parents[2] / "bench" / "references.py")
tune_r10 = _load("tune_r10_validate", REFS / "tune-r10" / "validate.py")

FIELDS = {"type", "author", "editor", "issued", "title", "container-title", "volume", "issue", "page", "publisher",
          "publisher-place", "URL", "DOI"}
FIRST_YEAR, LAST_YEAR = 1500, 2027


def without_italics(rec):
    """The record as tune-r10's validator should see it: '*' markers out of the string and its context."""
    plain = dict(rec, text=rec["text"].replace("*", ""))
    if rec.get("context"):
        plain["context"] = [note.replace("*", "") for note in rec["context"]]
    return plain


def added_problems(exp, text):
    """What this set checks beyond tune-r10's validator."""
    unknown = set(exp) - FIELDS
    if unknown:
        yield f"unknown fields {sorted(unknown)}"
    year = bench.year(exp)
    if "issued" in exp and year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        yield f"implausible year {year}"
    for role in ("author", "editor"):
        for person in exp.get(role, []):
            if set(person) - {"family", "given", "literal"} or not (person.get("family") or person.get("literal")):
                yield f"{role} {person} is neither family/given nor literal"
    title = exp.get("title", "")
    if title.endswith((",", ";", ":")):
        yield f"title ends with {title[-1]!r}: {title!r}"
    if bench.first_person(exp) is None and not title:
        yield "neither a first person nor a title"


def ibid_problems(rec):
    """An Ibid. note's work must be the one its context names: its title (or first family name) is in the context."""
    if not rec.get("ibid"):
        return
    context = " ".join(rec.get("context") or []).replace("*", "")
    exp = rec["expected"]
    first = bench.first_person(exp) or {}
    named = [exp.get("title"), first.get("family"), first.get("literal")]
    if not any(value and value in context for value in named):
        yield "Ibid. work is not named in its context"


# A title may end on an abbreviation's full stop: a botanical author ("Murr.", "Willd.", "L."), "U.S.".
ABBREVIATION_END = re.compile(r"(?:^|[\s(])[A-ZА-ЯЁ][a-zа-яё]{0,5}\.$")


def problems(rec):
    """Yield what is wrong with one record."""
    plain = without_italics(rec)
    title = rec.get("expected", {}).get("title", "")
    for problem in tune_r10.problems(plain):
        if problem.startswith("title ends with a period") and ABBREVIATION_END.search(title):
            continue
        yield problem
    if "expected" in rec:
        yield from added_problems(rec["expected"], plain["text"])
        yield from ibid_problems(rec)
    stem = rec.get("file", "").split(".jsonl")[0]
    if stem and not str(rec.get("id", "")).startswith(stem + "-"):
        yield f"id does not start with its file's name {stem!r}"


def main():
    records = bench.read_records([HERE])
    ids = collections.Counter(rec.get("id") for rec in records)
    found = [f"{rec['file']}: duplicate id {rec['id']}" for rec in records if ids[rec.get("id")] > 1]
    found += [f"{rec['file']}: {rec.get('id')}: {problem}" for rec in records for problem in problems(rec)]
    if found:
        print("\n".join(found))
    tally = {
        "style": collections.Counter(rec["style"] for rec in records),
        "lang": collections.Counter(rec["lang"] for rec in records),
        "type": collections.Counter(rec["expected"].get("type") for rec in records),
        "file": collections.Counter(rec["file"].split(":")[0] for rec in records),
    }
    for key, counter in tally.items():
        print(f"per {key}:", dict(counter.most_common()))
    ibid = sum(bool(rec.get("ibid")) for rec in records)
    print(f"{len(records)} records, {len(tally['file'])} files, {ibid} Ibid. notes, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
