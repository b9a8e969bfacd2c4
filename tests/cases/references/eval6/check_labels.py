"""Check the labels of eval6 (the held-out set built in round 15) without scoring anything.

Every record is loaded with bench/references.py's own reader (`read_records`; the parser is not imported) and checked
with the checks tune-eval4's check_labels.py runs (tune-r10's validator on the string with its italics markers '*'
taken out: keys, style, type, Ibid. context, every labelled value and name part found in its string; then only known
fields, people as family/given or literal, a year between 1500 and 2027 written in the string, no title ending on a
comma, semicolon or colon, a first person or a title on every work), reused from that file, and with the checks this
set adds: a title may end on an abbreviation's full stop ("Murr.", "L."), an Ibid. note's work is named in its
context, ids are unique and start with their file's name. Prints the problems, then counts per style, language, type
and file.

    python3 tests/cases/references/eval6/check_labels.py
"""
import collections
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("tune_eval4_check_labels", HERE.parent / "tune-eval4" / "check_labels.py")
eval4_checks = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eval4_checks)
bench = eval4_checks.bench

# A title may end on an abbreviation's full stop: a botanical author ("Murr.", "Willd.", "L."), "U.S.".
ABBREVIATION_END = re.compile(r"(?:^|[\s(])[A-ZА-ЯЁ][a-zа-яё]{0,5}\.$")


def ibid_problems(rec):
    """An Ibid. note's work must be the one its context names: its title (or first family name) is in the context."""
    context = " ".join(rec.get("context") or []).replace("*", "")
    exp = rec["expected"]
    first = bench.first_person(exp) or {}
    if not any(value and value in context for value in (exp.get("title"), first.get("family"), first.get("literal"))):
        yield "Ibid. work is not named in its context"


def problems(rec):
    """Yield what is wrong with one record."""
    plain = eval4_checks.without_italics(rec)
    title = rec.get("expected", {}).get("title", "")
    for problem in eval4_checks.tune_r10.problems(plain):
        if not (problem.startswith("title ends with a period") and ABBREVIATION_END.search(title)):
            yield problem
    if "expected" in rec:
        yield from eval4_checks.added_problems(rec["expected"], plain["text"])
        if rec.get("ibid"):
            yield from ibid_problems(rec)
    stem = rec["file"].split(".jsonl")[0]
    if not str(rec.get("id", "")).startswith(stem + "-"):
        yield f"id does not start with its file's name {stem!r}"


def main():
    records = bench.read_records([HERE])
    seen = collections.Counter(rec.get("id") for rec in records)
    found = [f"{rec['file']}: {rec.get('id')}: {problem}" for rec in records
             for problem in (["duplicate id"] if seen[rec.get("id")] > 1 else []) + list(problems(rec))]
    print("\n".join(found) if found else "no problems")
    for key, value in (("style", lambda r: r["style"]), ("lang", lambda r: r["lang"]),
                       ("type", lambda r: r["expected"].get("type")), ("file", lambda r: r["file"].split(":")[0])):
        print(f"per {key}:", dict(collections.Counter(value(rec) for rec in records).most_common()))
    files = {rec["file"].split(":")[0] for rec in records}
    print(f"{len(records)} records, {len(files)} files, {sum(bool(r.get('ibid')) for r in records)} Ibid. notes, "
          f"{len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
