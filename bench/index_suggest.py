"""How many of `volume index suggest`'s suggestions an indexer would keep (bench/index_review.md says how it is judged).

    python3 bench/index_suggest.py [--project .] [--min 2] [--show]

For the development and the evaluation chapters apart, the suggestions made with no index file known (as for a new
volume) are counted: in chapters/index.toml, kept by the reviewer's labels (bench/index_labels.toml), rejected,
and not labelled yet (listed with --show, to be labelled by the rule before the figure is reported).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEVELOPMENT = ("preface", "introduction", "armenia", "azerbaijan", "georgia")
EVALUATION = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")
LABELS = Path(__file__).resolve().parent / "index_labels.toml"


def main() -> None:
    from volume.build import prepare
    from volume.diagnostics import Report
    from volume.indexing.suggest import suggest_terms
    from volume.indexing.terms import read_terms

    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--min", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="list every suggestion with its verdict")
    parser.add_argument("--only", choices=("development", "evaluation"), help="one set of chapters only")
    args = parser.parse_args()
    volume = prepare(args.project, Report())
    index = {form.lower() for term in read_terms(volume.manifest.chapters_dir, Report())
             for form in (term.term, *term.aliases)}
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    keep = {k.lower() for k in labels.get("keep", [])}
    reject = {k.lower() for k in labels.get("reject", [])}
    for name, ids in (("development", DEVELOPMENT), ("evaluation", EVALUATION)):
        if args.only and name != args.only:
            continue
        part = volume.with_chapters(c for c in volume.chapters if c.id in ids)
        suggestions = suggest_terms(part, (), args.min)
        verdicts = []
        for candidate in suggestions:
            term = candidate.term.lower()
            verdicts.append("index" if term in index else "keep" if term in keep else
                            "reject" if term in reject else "unlabelled")
        count = {v: verdicts.count(v) for v in ("index", "keep", "reject", "unlabelled")}
        # recall: the index.toml names (case-matched terms) found at least --min times in these chapters
        suggested = {c.term.lower() for c in suggestions}
        wanted = [e.term for e in volume.index_entries if e.term.match_case and not e.term.see
                  and sum(o.chapter_id in ids for o in e.occurrences) >= args.min]
        found = [t for t in wanted if {f.lower() for f in (t.term, *t.aliases)} & suggested]
        total = len(suggestions) or 1
        print(f"{name}: {len(suggestions)} suggestions; in index.toml {count['index']} "
              f"({count['index'] / total:.0%}); kept (index.toml or reviewer) {count['index'] + count['keep']} "
              f"({(count['index'] + count['keep']) / total:.0%}); rejected {count['reject']}; "
              f"not labelled {count['unlabelled']}; index.toml names suggested {len(found)} of {len(wanted)} "
              f"({len(found) / (len(wanted) or 1):.0%})")
        for candidate, verdict in zip(suggestions, verdicts):
            if args.show or verdict == "unlabelled":
                print(f"  {verdict:10} {candidate.total:3}  {candidate.term}")


if __name__ == "__main__":
    main()
