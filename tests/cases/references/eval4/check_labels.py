"""Check the labels of eval4 without scoring anything: every record loads with bench/references.py's own loader
(read_records) and year reader (year), has the keys and a known style, and each labelled value is found in its
string (italics markers '*' ignored), with a plausible year. Prints counts per style, language, type and file.

    python3 tests/cases/references/eval4/check_labels.py
"""
import collections
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]
_spec = importlib.util.spec_from_file_location("bench_references", ROOT / "bench" / "references.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

STYLES = {"apa", "chicago-notes", "chicago-bib", "chicago-ad", "harvard", "mla", "vancouver", "ieee",
          "iso690", "din", "gost", "web-note", "other"}
KEYS = {"id", "text", "style", "lang", "source", "licence", "expected"}
STRINGS = ("title", "container-title", "volume", "issue", "page", "publisher", "publisher-place", "URL", "DOI")
ALLOWED = set(STRINGS) | {"type", "author", "editor", "issued"}
YEARS = range(1500, 2028)


def problems(rec):
    """Yield what is wrong with one record."""
    missing = KEYS - rec.keys()
    if missing:
        yield f"missing keys {sorted(missing)}"
        return
    if rec["style"] not in STYLES:
        yield f"unknown style {rec['style']}"
    exp = rec["expected"]
    if not exp.get("type"):
        yield "no type"
    extra = set(exp) - ALLOWED
    if extra:
        yield f"unknown fields {sorted(extra)}"
    if rec.get("ibid") and not rec.get("context"):
        yield "Ibid. record without context"
    text = rec["text"].replace("*", "")
    if rec.get("context"):
        text = "\n".join([text] + [c.replace("*", "") for c in rec["context"]])
    if "issued" in exp:
        got = bench.year(exp)
        if got is None:
            yield "issued is not date-parts"
        elif got not in YEARS:
            yield f"implausible year {got}"
        elif str(got) not in text:
            yield f"year {got} not in the string"
    for role in ("author", "editor"):
        for person in exp.get(role, []):
            if not (set(person) <= {"family", "given", "literal"}) or not (person.get("family") or person.get("literal")):
                yield f"{role} {person} is not family/given or literal"
            for part in person.values():
                if part.replace("*", "") not in text:
                    yield f"{role} part {part!r} not in the string"
    for field in STRINGS:
        value = exp.get(field)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            yield f"{field} is not a non-empty string"
        elif value.replace("*", "") not in text:
            yield f"{field} {value!r} not in the string"
    title = exp.get("title", "")
    if title.endswith((".", ",", ";", ":")) and not title.endswith(("..", "U.S.", "A.I.")):
        yield f"title ends with punctuation: {title!r}"
    if bench.first_person(exp) is None and not title:
        yield "neither a first person nor a title"


def main():
    records = bench.read_records([HERE])
    seen, bad = set(), 0
    for rec in records:
        if rec.get("id") in seen:
            print(f"{rec['file']}: duplicate id {rec['id']}")
            bad += 1
        seen.add(rec.get("id"))
        for problem in problems(rec):
            print(f"{rec['file']}: {rec.get('id')}: {problem}")
            bad += 1
    for key in ("style", "lang"):
        print(f"per {key}:", dict(collections.Counter(r[key] for r in records).most_common()))
    print("per type:", dict(collections.Counter(r["expected"].get("type") for r in records).most_common()))
    print("per file:", dict(collections.Counter(r["file"].split(":")[0] for r in records).most_common()))
    print(f"{len(records)} records, {len({r['file'].split(':')[0] for r in records})} files, "
          f"{sum(bool(r.get('ibid')) for r in records)} Ibid. notes, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
