"""Generate a large volume project (about 1,000 pages) from the repository's own chapters, for load tests.

    python bench/generate.py OUT_DIR [--chapters 80] [--seed 1000] [--no-check]

OUT_DIR gets chapters/volume.toml, chapters/chapter-NNN.md, chapters/index.toml and styles/ (copied from this
repository). Each generated chapter is assembled, deterministically (seeded random), from runs of consecutive
paragraphs of armenia.md … uzbekistan.md and introduction.md: YAML front matter, 2,000–2,600 words of body text
in 4–5 `##` sections and 15–25 endnotes, which are the real notes of the reused paragraphs, renumbered [^1]…
in order of appearance. An "Ibid." note is kept only where it directly follows its antecedent; otherwise its
marker is removed. Images (charts) and chapters/data are not copied.

Afterwards `python3 -m volume check --project OUT_DIR` is run; index entries it reports as occurring nowhere
(I005) are pruned from the generated index.toml (cross-references to them too) and the check is repeated.
Exit status 0 when the final check reports 0 errors.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("armenia", "azerbaijan", "georgia", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan",
           "uzbekistan", "introduction")
MARKER_RE = re.compile(r"\[\^(\d+)\](?!:)")
NOTE_DEF_RE = re.compile(r"^\[\^(\d+)\]:\s?(.*)$")
IBID_RE = re.compile(r"^\s*\*?ibid(?:em)?\b", re.IGNORECASE)
IDENTIFIER = "urn:uuid:00000000-0000-4000-8000-000000001000"
PART_TITLES = ("Corridors and Connectivity", "Energy, Trade and Debt", "Security and Diplomacy",
               "Perceptions and Policy")
MIN_WORDS, MAX_WORDS = 2000, 2600
MIN_NOTES, MAX_NOTES = 15, 25


@dataclass
class Block:
    source: str            # file stem
    position: int          # index of the block in its source
    text: str              # Markdown of the paragraph or list, with the source's note markers
    heading: str           # the nearest ## or ### heading above it
    words: int


@dataclass
class Source:
    stem: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)
    groups: list[int] = field(default_factory=list)   # block positions where a heading's run starts


def count_words(text: str) -> int:
    return len(MARKER_RE.sub("", text).split())


def read_source(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise SystemExit(f"{path}: no YAML front matter")
    front, body = text[4:].split("\n---\n", 1)
    title_match = re.search(r'^title:\s*"(.*)"\s*$', front, re.MULTILINE)
    title = title_match.group(1) if title_match else path.stem.title()
    title = re.sub(r"^Introduction:\s*", "", title)
    source = Source(path.stem, title)
    heading = title
    for chunk in re.split(r"\n\s*\n", body.strip()):
        chunk = chunk.strip("\n")
        if not chunk:
            continue
        lines = chunk.split("\n")
        if all(NOTE_DEF_RE.match(line) for line in lines):
            for line in lines:
                match = NOTE_DEF_RE.match(line)
                source.notes[int(match.group(1))] = match.group(2)
            continue
        if chunk.startswith("#"):
            heading = chunk.lstrip("#").strip()
            source.groups.append(len(source.blocks))
            continue
        if chunk.startswith("!["):
            continue  # figures and charts are not reused
        if not source.groups:
            source.groups.append(0)
        source.blocks.append(Block(path.stem, len(source.blocks), chunk, heading, count_words(chunk)))
    source.groups = sorted({g for g in source.groups if g < len(source.blocks)})
    for block in source.blocks:
        for number in MARKER_RE.findall(block.text):
            if int(number) not in source.notes:
                raise SystemExit(f"{path}: note [^{number}] has no definition")
    return source


def assemble_notes(blocks: list[Block], sources: dict[str, Source], rng: random.Random,
                   budget: int) -> tuple[list[str], list[str]]:
    """Renumber the notes of the chosen blocks; keep at most `budget` of them, Ibid. only after its antecedent."""
    markers = [(b.source, int(n)) for b in blocks for n in MARKER_RE.findall(b.text)]
    ibid = {m for m in markers if IBID_RE.match(sources[m[0]].notes[m[1]])}
    plain = [m for m in markers if m not in ibid]
    order = plain[:]
    rng.shuffle(order)
    for k in range(min(budget, len(plain)), -1, -1):
        chosen = set(order[:k])
        kept: list[tuple[str, int]] = []
        for marker in markers:
            if marker in ibid:
                if kept and kept[-1] == (marker[0], marker[1] - 1):
                    kept.append(marker)
            elif marker in chosen:
                kept.append(marker)
        if len(kept) <= budget:
            break
    numbers = {marker: i + 1 for i, marker in enumerate(kept)}
    texts = []
    for block in blocks:
        def renumber(match: re.Match, block: Block = block) -> str:
            number = numbers.get((block.source, int(match.group(1))))
            return f"[^{number}]" if number else ""
        texts.append(MARKER_RE.sub(renumber, block.text))
    notes = [f"[^{numbers[m]}]: {sources[m[0]].notes[m[1]]}" for m in kept]
    return texts, notes


def draw_chapter(number: int, sources: dict[str, Source], seed: int) -> str:
    rng = random.Random(seed * 1_000_003 + number)
    stems = list(sources)
    for _attempt in range(200):
        target = rng.randint(MIN_WORDS + 100, MAX_WORDS - 100)
        n_sections = rng.choice((4, 5))
        note_budget = rng.randint(MIN_NOTES, MAX_NOTES)
        used: set[tuple[str, int]] = set()
        sections: list[tuple[str, list[Block]]] = []
        total = 0
        for index in range(n_sections):
            section_target = (target - total) / (n_sections - index)
            source = sources[rng.choice(stems)]
            start = rng.choice(source.groups)
            start = rng.randint(start, min(start + 2, len(source.blocks) - 1))
            chosen: list[Block] = []
            words = 0
            position = start
            skipped = 0
            while words < section_target and skipped < len(source.blocks):
                block = source.blocks[position % len(source.blocks)]
                position += 1
                key = (block.source, block.position)
                if key in used or total + words + block.words > MAX_WORDS:
                    skipped += 1
                    continue
                used.add(key)
                chosen.append(block)
                words += block.words
            if not chosen:
                break
            total += words
            sections.append((chosen[0].heading, chosen))
        if not MIN_WORDS <= total <= MAX_WORDS or len(sections) != n_sections:
            continue
        blocks = [b for _h, section in sections for b in section]
        texts, notes = assemble_notes(blocks, sources, rng, note_budget)
        if not MIN_NOTES <= len(notes) <= MAX_NOTES:
            continue
        return render_chapter(number, sections, texts, notes, sources)
    raise SystemExit(f"chapter {number}: could not draw a chapter within the word and note limits")


def label(stem: str) -> str:
    return "Overview" if stem == "introduction" else stem.title()


def render_chapter(number: int, sections: list[tuple[str, list[Block]]], texts: list[str], notes: list[str],
                   sources: dict[str, Source]) -> str:
    weight: dict[str, int] = {}
    for _heading, blocks in sections:
        for block in blocks:
            weight[block.source] = weight.get(block.source, 0) + block.words
    topic = sources[max(weight, key=lambda s: (weight[s], s))].title
    out = ["---", f"title: {json.dumps(f'Generated chapter {number}: {topic}', ensure_ascii=False)}",
           "authors:", '  - name: "The editors"', "lang: en", "---", ""]
    seen: set[str] = set()
    cursor = 0
    for heading, blocks in sections:
        if heading in seen:
            heading = f"{heading}: {label(blocks[0].source)}"
        suffix = 2
        base = heading
        while heading in seen:
            heading, suffix = f"{base} ({suffix})", suffix + 1
        seen.add(heading)
        out += [f"## {heading}", ""]
        for _block in blocks:
            out += [texts[cursor], ""]
            cursor += 1
    out += notes
    return "\n".join(out) + "\n"


def manifest(chapters: int) -> str:
    lines = [
        "# A generated volume for load tests (bench/generate.py). Format: see README.md, \"The manifest\".",
        "",
        "[volume]",
        'title = "China and the Caspian Region: The Large Edition"',
        'subtitle = "A Generated Volume for Load Tests"',
        'editors = ["The editors"]',
        'publisher = "The volume project (generated test edition)"',
        'place = "Online"',
        "year = 2026",
        "date = 2026-11-01",
        'language = "en"',
        'rights = "© 2026 The editors. Text licensed under CC BY 4.0; fonts under the SIL Open Font License 1.1."',
        'description = "Chapters assembled from the sample volume\'s paragraphs and notes, for load tests."',
        "",
        "[volume.identifiers]",
        f'other = "{IDENTIFIER}"',
        "",
        "[output]",
        'slug = "large"',
        'trim_size = "6in 9in"',
    ]
    per_part = -(-chapters // len(PART_TITLES))
    for number in range(1, chapters + 1):
        if (number - 1) % per_part == 0:
            lines += ["", "[[contents]]", f'part = "{PART_TITLES[(number - 1) // per_part]}"']
        lines += ["", "[[contents]]", f'file = "chapter-{number:03d}.md"']
    return "\n".join(lines) + "\n"


def run_check(out: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "volume", "check", "--project", str(out), "--format", "json"],
                            cwd=REPO, capture_output=True, text=True)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"volume check failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")


def prune_index(path: Path, dead: set[str]) -> list[str]:
    """Remove the entries whose term is in `dead`, see-entries pointing at them and references to them."""
    text = path.read_text(encoding="utf-8")
    pieces = re.split(r"(?m)^(?=\[\[entry\]\]\s*$)", text)
    head, blocks = pieces[0], pieces[1:]
    parsed = [tomllib.loads(block)["entry"][0] for block in blocks]
    removed: set[str] = set()
    changed = True
    while changed:
        changed = False
        for entry in parsed:
            term = entry["term"]
            if term not in removed and (term in dead or entry.get("see") in dead | removed):
                removed.add(term)
                changed = True
    gone = dead | removed
    kept = []
    for block, entry in zip(blocks, parsed):
        if entry["term"] in gone:
            continue
        lines = []
        for line in block.split("\n"):
            key = line.split("=", 1)[0].strip()
            if key == "parent" and entry.get("parent") in gone:
                continue
            if key == "see_also" and set(entry.get("see_also", ())) & gone:
                rest = [t for t in entry["see_also"] if t not in gone]
                if not rest:
                    continue
                line = f"see_also = {json.dumps(rest, ensure_ascii=False)}"
            lines.append(line)
        kept.append("\n".join(lines))
    path.write_text(head + "".join(kept), encoding="utf-8")
    return sorted(removed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chapters", type=int, default=80)
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--no-check", action="store_true", help="skip `volume check` and index pruning")
    args = parser.parse_args()
    out: Path = args.out
    if (out / "chapters").exists() and any((out / "chapters").iterdir()):
        raise SystemExit(f"{out / 'chapters'} exists and is not empty")
    sources = {stem: read_source(REPO / "chapters" / f"{stem}.md") for stem in SOURCES}
    chapters_dir = out / "chapters"
    chapters_dir.mkdir(parents=True, exist_ok=True)
    words = notes = 0
    for number in range(1, args.chapters + 1):
        text = draw_chapter(number, sources, args.seed)
        (chapters_dir / f"chapter-{number:03d}.md").write_text(text, encoding="utf-8")
        body, _, defs = text.partition("\n[^1]: ")
        words += count_words(body.split("\n---\n", 1)[1])
        notes += 1 + defs.count("\n[^")
    (chapters_dir / "volume.toml").write_text(manifest(args.chapters), encoding="utf-8")
    shutil.copyfile(REPO / "chapters" / "index.toml", chapters_dir / "index.toml")
    if (out / "styles").exists():
        shutil.rmtree(out / "styles")
    shutil.copytree(REPO / "styles", out / "styles")
    print(f"generated {args.chapters} chapters in {chapters_dir}: {words} body words, {notes} notes")
    if args.no_check:
        return
    findings = run_check(out)
    dead = {re.match(r"'(.*)' occurs nowhere", d["message"]).group(1) for d in findings if d["code"] == "I005"}
    if dead:
        also = prune_index(chapters_dir / "index.toml", dead)
        print(f"pruned {len(also)} index entries occurring nowhere: {', '.join(also)}")
        findings = run_check(out)
    errors = [d for d in findings if d["severity"] == "error"]
    warnings = [d for d in findings if d["severity"] == "warning"]
    by_code: dict[str, int] = {}
    for d in findings:
        by_code[d["code"]] = by_code.get(d["code"], 0) + 1
    print(f"volume check: {len(errors)} error(s), {len(warnings)} warning(s)"
          + (f" ({', '.join(f'{c}: {n}' for c, n in sorted(by_code.items()))})" if by_code else ""))
    for d in errors[:20]:
        print(f"  {d['file']}:{d['line']}: {d['code']}: {d['message']}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
