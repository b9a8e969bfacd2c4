"""How often a random one-sentence edit lays the bibliography or the index out again, and why.

    python bench/back_matter_edits.py [--edits 20] [--add-pages 0] [--seed 7 [11 ...]] [--project .] [--show]
                                      [--dump FILE] [--chapter STEM [STEM ...]]

Copies the project's chapters and styles to a temporary folder, builds once, then makes `--edits` random one-sentence
edits (bench/run.py's, seeded; each in a chapter drawn at random) and builds after each, in one process with warm
workers as `volume build --watch` does. After each build it prints the pieces laid out and, for the bibliography and
the index, the entries whose printed page numbers changed, by kind (why(): laid out again or only stamped), and the
book's pages when they changed; `--show` also prints each changed index entry's numbers before and after ("TBEA: 57,
67, 70 -> 57–58, 67, 70"). Several seeds make one run each, counted together. `--dump FILE` writes each build's
locators, occurrences and cited pages (FILE-SEED.jsonl) for bench/slot_rules.py to replay against other slot rules.
Runs with any version of volume (PYTHONPATH=<another checkout> to measure an older one).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import add_a_page, body_paragraphs, edit_one_sentence  # noqa: E402


def index_shapes(volume) -> dict[str, tuple]:
    """Each index entry as its layout sees it (its locators' HTML with blanks, render/index_section.py) and as it is
    printed: (what the layout sees, the printed numbers)."""
    from volume.render.index_section import _blank_locators, arabic_chapters
    from volume.render.page_numbers import PageNumbers

    chapters = arabic_chapters(volume)
    return {entry.term.term: (_blank_locators(entry, PageNumbers("ix"), chapters) if entry.locators else "",
                              printed(entry)) for entry in volume.index_entries}


def bibliography_shapes(volume) -> dict[str, tuple]:
    """Each bibliography entry as its layout sees it (its cited pages' HTML with blanks, render/markup.py) and as
    printed: (what the layout sees, the cited pages' labels)."""
    from volume.render.markup import _cited_in
    from volume.render.page_numbers import PageNumbers

    return {entry.key: (_cited_in(entry, False, PageNumbers("bib")),
                        tuple(label for _chapter, label, _anchor in entry.pages)) for entry in volume.bibliography}


def why(before: dict[str, tuple], after: dict[str, tuple]) -> Counter:
    """The entries whose printed numbers changed, by kind: what their layout sees changed too ("layout": the piece
    is laid out again), or only the numbers stamped into it ("stamped")."""
    kinds: Counter = Counter()
    for name, (seen, shown) in before.items():
        new_seen, new_shown = after.get(name, ("", ()))
        if new_seen != seen:
            kinds["layout"] += 1
        elif new_shown != shown:
            kinds["stamped"] += 1
    return kinds


def printed(entry) -> str:
    """An index entry's locators as the index prints them ("45–46, 52")."""
    from volume.render.index_section import page_ranges

    return ", ".join(first + ("\u2013" + last if last != first else "")
                     for first, last, _a in page_ranges(entry.locators))


def runs(entry) -> list[tuple[int, int]]:
    """An index entry's printed runs of arabic pages as (first, last) numbers."""
    from volume.render.index_section import page_ranges

    return [(int(first), int(last)) for first, last, _a in page_ranges(entry.locators) if first.isdigit()
            and last.isdigit()]


def next_page_only(old: list[tuple[int, int]], new: list[tuple[int, int]]) -> bool:
    """Whether the only change is one number becoming a two-page range with a page beside it or back ("57" ->
    "57–58", "28–29" -> "29"): the change that a number's room for one more page would absorb."""
    if len(old) != len(new):
        return False
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    if len(changed) != 1:
        return False
    (first, last), (new_first, new_last) = changed[0]
    single, pair = ((first, last), (new_first, new_last)) if first == last else ((new_first, new_last), (first, last))
    return single[0] == single[1] and pair[1] == pair[0] + 1 and single[0] in pair


def changed_entries(before, after) -> list[str]:
    """The index entries whose printed numbers changed: "    term: 45–46 -> 46", marked when the count of printed
    numbers changed ("count") and when that was only a page joined to a number or left from it ("next page")."""
    old = {e.term.term: e for e in before.index_entries}
    lines = []
    for entry in after.index_entries:
        was = old.get(entry.term.term)
        if was is None or printed(was) == printed(entry):
            continue
        count = sum(1 + (a != b) for a, b in runs(was)) != sum(1 + (a != b) for a, b in runs(entry))
        kind = (" [count, next page]" if next_page_only(runs(was), runs(entry)) else " [count]") if count else ""
        lines.append(f"    {entry.term.term}: {printed(was)} -> {printed(entry)}{kind}")
    return lines


def _dump(out, volume, laid_out) -> None:
    """One build's index locators (page labels) and cited pages as a JSON line, when --dump asked for them."""
    if out is None:
        return
    chapter = {o.anchor: o.chapter_id for e in volume.index_entries for o in e.occurrences}
    record = {"laid_out": list(laid_out),
              "occurrences": {e.term.term: len(e.occurrences) for e in volume.index_entries},
              "by_chapter": {e.term.term: dict(Counter(o.chapter_id for o in e.occurrences))
                             for e in volume.index_entries},
              "chapters": {e.term.term: [chapter.get(anchor, "") for _i, _l, anchor in e.locators]
                           for e in volume.index_entries},
              "index": {e.term.term: [label for _i, label, _a in e.locators] for e in volume.index_entries},
              "bibliography": {e.key: [label for _c, label, _a in e.pages] for e in volume.bibliography}}
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--seed", type=int, nargs="+", default=[7], help="one run of --edits edits per seed")
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--add-pages", type=int, default=0, help="after the edits, this many edits that each add "
                        "two pages and more to a chapter drawn at random (bench/run.py's add_a_page)")
    parser.add_argument("--chapter", nargs="+", default=[], help="edit only these chapters (file stems, e.g. preface: "
                        "its cited pages and locators are roman numbers)")
    parser.add_argument("--show", action="store_true", help="print each changed index entry's numbers before and after")
    parser.add_argument("--dump", type=Path, help="write each build's index locators, occurrences and cited pages as "
                        "JSON lines, one file per seed (DUMP-SEED.jsonl; bench/slot_rules.py replays them)")
    args = parser.parse_args()
    relaid: Counter = Counter()
    counted: Counter = Counter()  # --show: the changes of a count of printed numbers, by kind
    reasons: dict[str, Counter] = {"index": Counter(), "bibliography": Counter()}
    for seed in args.seed:
        dump = args.dump.with_name(f"{args.dump.stem}-{seed}.jsonl").open("w", encoding="utf-8") if args.dump else None
        print(f"seed {seed}", flush=True)
        _edits(args, random.Random(seed), relaid, counted, reasons, dump)
    edits = (args.edits + args.add_pages) * len(args.seed)
    print(f"edits that laid out the index again: {relaid['index']} of {edits}; the bibliography: "
          f"{relaid['bibliography']} of {edits}")
    for name, kinds in reasons.items():
        print(f"{name} entries changed, by kind: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
                                                      or "none"))
    if args.show:
        print(f"index entries whose count of printed numbers changed: {sum(counted.values())}, of them a number "
              f"becoming a two-page range with a page beside it or back: {counted['next page']}")


def _edits(args, rng: random.Random, relaid: Counter, counted: Counter, reasons: dict[str, Counter], dump) -> None:
    """One seed's run: a cold build, then --edits edits each built warm, counted into relaid, counted and reasons."""
    from volume.watch import WarmBuilds

    with tempfile.TemporaryDirectory(prefix="volume-backmatter-") as folder:
        work = Path(folder)
        shutil.copytree(args.project / "chapters", work / "chapters")
        shutil.copytree(args.project / "styles", work / "styles")
        chapters = sorted(p for p in (work / "chapters").glob("*.md")
                          if body_paragraphs(p.read_text(encoding="utf-8").split("\n"))
                          and (not args.chapter or p.stem in args.chapter))
        builds = WarmBuilds(work)
        try:
            result = builds.build()
            total = result.outputs[0].pages
            before = result.volume
            _dump(dump, before, result.laid_out)
            for number in range(args.edits + args.add_pages):
                chapter = rng.choice(chapters)
                edit_one_sentence(chapter, rng) if number < args.edits else add_a_page(chapter)
                mark = time.perf_counter()
                result = builds.build()
                seconds = time.perf_counter() - mark
                after = result.volume
                relaid.update(n for n in result.laid_out if n in ("index", "bibliography"))
                details = []
                for name, shapes in (("index", index_shapes), ("bibliography", bibliography_shapes)):
                    kinds = why(shapes(before), shapes(after))
                    if kinds:
                        reasons[name].update(kinds)
                        details.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
                if args.show:
                    shown = changed_entries(before, after)
                    print(*shown, sep="\n") if shown else None
                    counted.update("next page" if "next page]" in line else "other" for line in shown
                                   if "[count" in line)
                pages = result.outputs[0].pages
                print(f"{number + 1:3}{'+' if number >= args.edits else ' '}{chapter.stem:14} {seconds:5.1f} s  laid out {', '.join(result.laid_out)}"
                      f"{f'  book {total} -> {pages} pages' if pages != total else ''}"
                      f"{'  [' + '; '.join(details) + ']' if details else ''}", flush=True)
                before, total = after, pages
                _dump(dump, after, result.laid_out)
        finally:
            builds.close()


if __name__ == "__main__":
    main()
