"""Check tune-r11 (both halves, fit/ and check/): JSON shape, labels found in their strings, counts per style, language and half."""
import collections
import json
import re
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
STYLES = {"apa", "chicago-notes", "chicago-bib", "chicago-ad", "harvard", "mla", "vancouver", "ieee",
          "iso690", "din", "gost", "web-note", "other"}
KEYS = {"id", "text", "style", "lang", "source", "licence", "expected"}
DATES = {"issued", "accessed"}
NAMES = {"author", "editor", "translator"}


def problems(rec):
    """Yield what is wrong with one record."""
    missing = KEYS - rec.keys()
    if missing:
        yield f"missing keys {sorted(missing)}"
        return
    if rec["style"] not in STYLES:
        yield f"unknown style {rec['style']}"
    exp = rec["expected"]
    if "type" not in exp:
        yield "expected has no type"
    text = rec["text"]
    if rec.get("ibid") and not rec.get("context"):
        yield "ibid record without context"
    if rec.get("context"):
        text = "\n".join([text] + rec["context"])
    for key, value in exp.items():
        if key == "type":
            continue
        if key in DATES:
            parts = value.get("date-parts") if isinstance(value, dict) else None
            if not parts or not all(isinstance(p, list) and p for p in parts):
                yield f"{key} is not date-parts"
            elif not any(str(p[0]) in text for p in parts) and key == "issued":
                yield f"issued year {parts} not in text"
            continue
        if key in NAMES:
            for name in value:
                for part in name.values():
                    if part not in text:
                        yield f"{key} part {part!r} not in text"
            continue
        if not isinstance(value, str):
            yield f"{key} is not a string"
        elif value not in text:
            yield f"{key} {value!r} not in text"
        elif (key == "title" and value.endswith(".") and not value.endswith("..") and not value.endswith("U.S.")
              and not re.search(r"\s\w{1,2}\.$", value)):  # an abbreviation ends it ("XXI в.")
            yield f"title ends with a period: {value!r}"


def main():
    """Validate every .jsonl file here and print counts."""
    seen, bad, recs = set(), 0, []
    for path in sorted(HERE.glob("*/*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            rec["_file"] = f"{path.parent.name}/{path.stem}"
            if rec.get("id") in seen:
                print(f"{path.name}:{n}: duplicate id {rec['id']}")
                bad += 1
            seen.add(rec.get("id"))
            for p in problems(rec):
                print(f"{path.name}:{n}: {rec.get('id')}: {p}")
                bad += 1
            recs.append(rec)
    for field in ("style", "lang"):
        print(f"\nper {field}:", dict(collections.Counter(r[field] for r in recs).most_common()))
    print("\nper type:", dict(collections.Counter(r["expected"]["type"] for r in recs).most_common()))
    print("per source group:", dict(collections.Counter(r["_file"] for r in recs).most_common()))
    print(f"\n{len(recs)} records, {len({r['_file'] for r in recs})} files, "
          f"{sum(bool(r.get('ibid')) for r in recs)} Ibid notes, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
