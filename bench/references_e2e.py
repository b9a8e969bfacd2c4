"""The reference parser measured the way a user meets it: labelled reference strings pasted into the chapters of a
`volume new` project as endnotes, exported by `volume bib --format csljson`, scored against their labels.

    python3 bench/references_e2e.py FOLDER ... [--form md|docx|docx-typed] [--half fit|check] [--no-build] [--json]
                                       [--keep DIR]

FOLDER holds *.jsonl files in bench/references.py's format. One project is made per run: each .jsonl file becomes
one chapter, each record one endnote (`[^n]: text`), after the notes of its "context" (so an Ibid. has its
antecedent), each note's marker in a sentence of its own. --form docx makes each chapter a Word file with pandoc
from that Markdown (quotes as typed, as a reference pasted into Word keeps them), as an author's file would come;
--form docx-typed curls the quotes, as Word does for a reference typed into it. `volume bib --format csljson` is
run once; each record is matched to the exported works through the export's "cited-in" (custom → cited-in →
note "<chapter>:<number>"), in the order the references stand in the note; works kept as written count as kept.
The scores are bench/references.py's (its functions are imported), at the parser's threshold; `volume build` is
run once to prove the project builds (exit 0, no traceback). The table is printed for the direct path (parse_note
on the string) and the pasted path, then every record whose reading differs between the two: its kind on each path
and the fields that differ.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from references import (FIELDS, collect, default_threshold, field_equal, halves, read_records,  # noqa: E402
                        report, score, shares)

VOLUME = [sys.executable, "-m", "volume"]


def chapters_of(records: list[dict]) -> dict[str, list[dict]]:
    """The records by the file they come from (folder and name), in order: one chapter each."""
    chapters: dict[str, list[dict]] = {}
    for record in records:
        chapters.setdefault(record["source_file"], []).append(record)
    return chapters


def chapter_markdown(title: str, records: list[dict]) -> tuple[str, list[int]]:
    """A chapter whose endnotes are the records' context notes and texts; the note number of each record."""
    notes: list[str] = []
    numbers = []
    for record in records:
        notes += [str(text) for text in record.get("context") or []]
        notes.append(record["text"])
        numbers.append(len(notes))
    body = "\n\n".join(f"Sentence {n}.[^{n}]" for n in range(1, len(notes) + 1))
    definitions = "\n\n".join(f"[^{n}]: {text}" for n, text in enumerate(notes, start=1))
    head = f"---\ntitle: {json.dumps(title)}\n---\n\n"
    return head + body + "\n\n" + definitions + "\n", numbers


def make_project(folder: Path, records: list[dict], form: str) -> dict[str, tuple[str, int]]:
    """A `volume new` project in folder with the records as notes; each record's id → (chapter id, note number)."""
    run(VOLUME + ["new", str(folder)])
    chapters_dir = folder / "chapters"
    for sample in ("first-chapter.md", "second-chapter.md"):
        (chapters_dir / sample).unlink()
    placed = {}
    contents = []
    for index, (source, members) in enumerate(chapters_of(records).items(), start=1):
        stem = f"c{index:02d}"
        text, numbers = chapter_markdown(f"{source}", members)
        markdown = chapters_dir / f"{stem}.md"
        markdown.write_text(text, encoding="utf-8")
        name = markdown.name
        if form.startswith("docx"):
            # quotes stay as typed: Word curls the quotes an author types, not those of a pasted reference
            reader = "markdown" if form == "docx-typed" else "markdown-smart"
            run([pandoc(), str(markdown), "-f", reader, "-t", "docx", "-o",
                 str(chapters_dir / f"{stem}.docx")])
            markdown.unlink()
            name = f"{stem}.docx"
        contents.append(f'[[contents]]\nfile = "{name}"\n')
        for record, number in zip(members, numbers):
            placed[record["id"]] = (stem, number)
    manifest = chapters_dir / "volume.toml"
    head = manifest.read_text(encoding="utf-8").split("[[contents]]")[0]
    manifest.write_text(head + "\n".join(contents), encoding="utf-8")
    return placed


def pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(command: list, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if check and done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done


def exported_cites(items: list[dict]) -> dict[str, list[tuple[int, bool, dict]]]:
    """Each note ("<chapter>:<number>") → the exported items it cites: (offset in the note, by Ibid., item)."""
    cites: dict[str, list[tuple[int, bool, dict]]] = {}
    for item in items:
        for place in (item.get("custom") or {}).get("cited-in", []):
            cites.setdefault(place["note"], []).append((place.get("at", 0), bool(place.get("ibid")), item))
    for found in cites.values():
        found.sort(key=lambda cite: (not cite[1], cite[0]))
    return cites


def as_work(item: dict) -> dict | None:
    """The work an exported item holds (None for a reference kept as written), without the export's own keys."""
    custom = item.get("custom") or {}
    if custom.get("kept-as-written"):
        return None
    return {k: v for k, v in item.items() if k not in ("id", "custom")}


def pasted_readings(records: list[dict], placed: dict, items: list[dict]) -> list[dict]:
    """Each record with its readings as the export gives them, in bench/references.py's "found" shape."""
    cites = exported_cites(items)
    collected = []
    for record in records:
        chapter, number = placed[record["id"]]
        mine = cites.get(f"{chapter}:{number}", [])
        ibid = any(by_ibid for _at, by_ibid, _item in mine)
        found = []
        for _at, by_ibid, item in mine:
            if by_ibid:
                continue
            work = as_work(item)
            reason = (item.get("custom") or {}).get("reason", "")
            found.append((work, 1.0, "", "pasted") if work else (None, 0.0, reason or "kept as written", "pasted"))
        collected.append({**record, "found": (found, ibid)})
    return collected


def differences(direct: list[dict], pasted: list[dict]) -> list[str]:
    """The records read differently on the two paths: their kinds, and the fields whose values differ."""
    lines = []
    for a, b in zip(direct, pasted):
        fields = []
        if a.get("got") and b.get("got"):
            fields = [f for f in FIELDS if not field_equal(f, a["got"], b["got"]) or
                      (f == "type" and a["got"].get(f) != b["got"].get(f) and f in a["got"])]
        if a["kind"] == b["kind"] and not fields:
            continue
        lines.append(f"  {a['id']} ({a['file']}): {a['kind']} -> {b['kind']}"
                     + (f"; differs: {', '.join(fields)}" if fields else "")
                     + f"\n    text: {a['text']}")
        for label, outcome in (("direct", a), ("pasted", b)):
            got = outcome.get("got")
            shown = {f: got[f] for f in fields if f in got} if got and fields else outcome.get("reason", "")
            lines.append(f"    {label}: {json.dumps(shown, ensure_ascii=False)}")
    return lines


def load(folders: list[Path], half: str | None) -> list[dict]:
    records = []
    for folder in folders:
        for record in read_records([folder]):
            record["source_file"] = f"{folder.name}/{record['file'].split(':')[0]}"
            records.append(record)
    if half:
        records = halves(records)[0 if half == "fit" else 1]
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--form", choices=["md", "docx", "docx-typed"], default="md",
                        help="chapters as Markdown or Word files (docx-typed: quotes curled as Word curls typing)")
    parser.add_argument("--half", choices=["fit", "check"], help="only one fixed half of the records")
    parser.add_argument("--no-build", action="store_true", help="skip the `volume build` that proves it builds")
    parser.add_argument("--json", action="store_true", help="the overall shares on both paths, and the differences")
    parser.add_argument("--keep", type=Path, help="make the project here (kept afterwards) instead of a temp folder")
    args = parser.parse_args(argv)
    records = load(args.folders, args.half)
    if not records:
        raise SystemExit(f"no labelled records (*.jsonl) in {', '.join(map(str, args.folders))}")
    threshold = default_threshold()
    with tempfile.TemporaryDirectory(prefix="refs-e2e-") as temp:
        folder = args.keep or Path(temp) / "volume"
        placed = make_project(folder, records, args.form)
        exported = folder / "bib.json"
        run(VOLUME + ["bib", "--project", str(folder), "--format", "csljson", "-o", str(exported)])
        items = json.loads(exported.read_text(encoding="utf-8"))
        built = None
        if not args.no_build:
            done = run(VOLUME + ["build", "--project", str(folder)], check=False)
            built = done.returncode == 0 and "Traceback" not in done.stderr + done.stdout
            codes = sorted(set(re.findall(r"\b([A-Z]\d{3})\b", done.stdout + done.stderr)))
    direct = score(collect(records), threshold)
    pasted = score(pasted_readings(records, placed, items), threshold)
    changed = differences(direct, pasted)
    differ = sum(1 for line in changed if not line.startswith("    "))
    if args.json:
        print(json.dumps({"direct": shares(direct), "pasted": shares(pasted), "differ": differ,
                          "builds": built}, indent=2))
        return 0
    print(f"{len(records)} records, {len(items)} works exported, form {args.form}")
    if built is not None:
        print(f"volume build: {'exit 0, no traceback' if built else 'FAILED'}; codes seen: {', '.join(codes) or '-'}")
    print("\n=== direct (parse_note on each string) ===" + report(direct))
    print("\n=== pasted (chapter endnotes, volume bib --format csljson) ===" + report(pasted))
    print(f"\nrecords read differently: {differ}")
    print("\n".join(changed))
    return 0 if built in (None, True) else 1


if __name__ == "__main__":
    sys.exit(main())
