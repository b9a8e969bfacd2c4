"""Write the second tuning set: the fifth of anystyle's labelled strings held back from training, each with the
work its hand labels give (assembled by the same code as the labeller's output), for bench/references.py.

    python3 tools/anystyle_tuning.py     # writes tests/cases/references/tune-anystyle/anystyle-check.jsonl

The expected works come from anystyle's labels, so a span the labeller gets wrong shows as a wrong field; the
splitting of an author span into names is the reader's own on both sides and is not measured here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tests" / "cases" / "references" / "tune-anystyle" / "anystyle-check.jsonl"
KEEP = ("type", "author", "editor", "issued", "title", "container-title", "volume", "issue", "page", "publisher",
        "publisher-place", "URL", "DOI")


def main() -> int:
    import anystyle_corpus

    from volume.references.assemble import assemble
    from volume.references.labeller import Labelled

    lines = []
    for number, (text, tokens, labels) in enumerate(anystyle_corpus.examples("check"), 1):
        gold = assemble(Labelled(text, tuple(tokens), tuple(labels), tuple(1.0 for _ in tokens), 1.0))
        expected = {k: gold.work[k] for k in KEEP if gold.work.get(k)}
        record = {"id": f"anystyle-check-{number:03d}", "text": text, "style": "anystyle", "lang": "und",
                  "source": "inukshuk/anystyle:res/parser/{core,gold}.xml (held-back fifth)",
                  "licence": "BSD-2-Clause", "expected": expected}
        lines.append(json.dumps(record, ensure_ascii=False))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} records to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
