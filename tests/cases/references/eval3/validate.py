"""Check the third held-out reference set (eval3): record shape, labelling conventions, labels found in their strings, counts."""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
STYLES = {"apa", "chicago-notes", "chicago-bib", "chicago-ad", "harvard", "mla", "vancouver", "ieee",
          "iso690", "din", "gost", "web-note", "other"}
REQUIRED = {"id", "text", "style", "lang", "source", "licence", "expected"}
OPTIONAL = {"ibid", "context"}
FIELDS = {"type", "author", "editor", "translator", "issued", "accessed", "title", "container-title", "volume",
          "issue", "page", "publisher", "publisher-place", "URL", "DOI"}
TYPES = {"article-journal", "article-magazine", "article-newspaper", "book", "chapter", "paper-conference",
         "report", "thesis", "webpage", "post-weblog", "post", "legislation", "bill", "hearing", "speech",
         "dataset", "standard", "motion_picture", "entry-dictionary", "entry-encyclopedia", "article",
         "software", "graphic", "interview", "personal_communication", "broadcast"}
NAME_PARTS = {"family", "given", "suffix", "literal"}
DATES = {"issued", "accessed"}
NAMES = {"author", "editor", "translator"}
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


def flat(s):
    """A string without italics markers and with runs of white space as one space, for finding labels."""
    return re.sub(r"\s+", " ", s.replace("*", "")).strip()


def found(value, text):
    """Whether a label stands in its string as written (italics markers and spacing aside)."""
    if value in text or flat(value) in flat(text):
        return True
    # A quoted title whose closing comma or period the style set inside the quotes ("Title,”).
    return bool(value) and value[-1] in "’”'\"" and any(value[:-1] + p + value[-1] in text for p in ",.")


def name_problems(role, people, text):
    """Yield what is wrong with one list of names."""
    if not isinstance(people, list) or not people:
        yield f"{role} is not a non-empty list"
        return
    for person in people:
        if not isinstance(person, dict) or not person or set(person) - NAME_PARTS:
            yield f"{role} has a malformed name {person!r}"
            continue
        if "literal" in person and len(person) > 1:
            yield f"{role} name mixes literal and parts {person!r}"
        if "given" in person and "family" not in person:
            yield f"{role} name has a given name without a family name {person!r}"
        family = person.get("family", "")
        if family and re.search(r",|\s[A-Z]\.$|^[A-Z]\.\s", family):
            yield f"{role} family name looks unsplit {family!r}"
        for part in person.values():
            if not isinstance(part, str) or not part.strip() or part != part.strip():
                yield f"{role} name part {part!r} is empty or padded"
            elif not found(part, text):
                yield f"{role} part {part!r} not in text"


def date_problems(key, value, text):
    """Yield what is wrong with one date: date-parts of whole numbers, a plausible year, the year in the string."""
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not parts or not all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts):
        yield f"{key} is not date-parts"
        return
    for p in parts:
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in p):
            yield f"{key} has a part that is not a number {p!r}"
            continue
        if not 1500 <= p[0] <= 2030:
            yield f"{key} year {p[0]} out of range"
        if len(p) > 1 and not 1 <= p[1] <= 12:
            yield f"{key} month {p[1]} out of range"
        if len(p) > 2 and not 1 <= p[2] <= 31:
            yield f"{key} day {p[2]} out of range"
        if key == "issued" and str(p[0]) not in text:
            yield f"issued year {p[0]} not in text"


def problems(rec):
    """Yield what is wrong with one record."""
    keys = set(rec) - {"_file"}
    if REQUIRED - keys:
        yield f"missing keys {sorted(REQUIRED - keys)}"
        return
    if keys - REQUIRED - OPTIONAL:
        yield f"unknown keys {sorted(keys - REQUIRED - OPTIONAL)}"
    for key in ("id", "text", "source", "licence", "lang"):
        if not isinstance(rec[key], str) or not rec[key].strip():
            yield f"{key} is not a non-empty string"
    if rec["text"] != rec["text"].strip() or "\n" in rec["text"] or "<sup>" in rec["text"]:
        yield "text has padding, a line break or a note marker"
    if rec["style"] not in STYLES:
        yield f"unknown style {rec['style']}"
    if not LANG.match(rec["lang"]):
        yield f"lang {rec['lang']!r} is not a BCP 47 tag"
    if rec.get("ibid") not in (None, True):
        yield "ibid is neither absent nor true"
    context = rec.get("context")
    if context is not None and (not isinstance(context, list) or not all(isinstance(c, str) and c for c in context)):
        yield "context is not a list of strings"
        context = None
    if rec.get("ibid") and not context:
        yield "Ibid. record without context"
    if rec.get("ibid") and not re.match(r"(?i)ibid", rec["text"]):
        yield "Ibid. record whose text does not start with Ibid"
    exp = rec["expected"]
    if not isinstance(exp, dict):
        yield "expected is not an object"
        return
    if set(exp) - FIELDS:
        yield f"unknown fields {sorted(set(exp) - FIELDS)}"
    if exp.get("type") not in TYPES:
        yield f"type {exp.get('type')!r} unknown or missing"
    if len(exp) < 2:
        yield "nothing labelled but the type"
    text = "\n".join([rec["text"]] + (context or []))
    for key, value in exp.items():
        if key == "type":
            continue
        if key in DATES:
            yield from date_problems(key, value, text)
        elif key in NAMES:
            yield from name_problems(key, value, text)
        elif not isinstance(value, str) or not value.strip() or value != value.strip():
            yield f"{key} is not a trimmed non-empty string"
        elif not found(value, text):
            yield f"{key} {value!r} not in text"
        elif key == "title" and value.endswith(".") and not re.search(r"(\b[A-Z]\.|\.\.|\b(?:ed|No|vol|eds|Inc|Co|Ltd)\.)$", value):
            yield f"title ends with a period {value!r}"
        elif key in ("title", "container-title") and value[0] in "\"“‘«„" and value[-1] in "\"”’»“":
            yield f"{key} keeps its surrounding quotes {value!r}"
        elif key == "DOI" and not value.startswith("10."):
            yield f"DOI {value!r} does not start with 10."
        elif key == "URL" and (value.endswith((".", ",", ";")) or " " in value):
            yield f"URL {value!r} ends with punctuation or holds a space"
        elif key in ("volume", "issue") and not re.fullmatch(r"[0-9A-Za-z]+(?:[-–/][0-9A-Za-z]+)?", value):
            yield f"{key} {value!r} is not a bare number"


def load():
    """Every record of every .jsonl file here, with the file it came from."""
    recs = []
    for path in sorted(HERE.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            rec["_file"] = f"{path.name}:{n}"
            recs.append(rec)
    return recs


def main():
    """Validate every file, print each problem and the counts; exit 1 when something is wrong."""
    recs, bad, seen = load(), 0, set()
    for rec in recs:
        if rec.get("id") in seen:
            print(f"{rec['_file']}: duplicate id {rec['id']}")
            bad += 1
        seen.add(rec.get("id"))
        for p in problems(rec):
            print(f"{rec['_file']}: {rec.get('id')}: {p}")
            bad += 1
    files = collections.Counter(r["_file"].split(".jsonl")[0] for r in recs)
    for field in ("style", "lang"):
        print(f"\nper {field}:", dict(collections.Counter(r[field] for r in recs).most_common()))
    print("\nper type:", dict(collections.Counter(r["expected"].get("type") for r in recs).most_common()))
    print("per file:", dict(files.most_common()))
    sources = {r["source"] for r in recs}
    print(f"\n{len(recs)} records, {len(files)} files, {len(sources)} distinct source fields, "
          f"{sum(bool(r.get('ibid')) for r in recs)} Ibid. notes, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
