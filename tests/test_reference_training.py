"""The reference labellers' training (tools/train_references.py) is deterministic: the same inputs give the same bytes."""

import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"
sys.path.insert(0, str(TOOLS))

import train_references  # noqa: E402


def _train(path: Path, **kw) -> bytes:
    # a few strings of each kind (anystyle's, aligned records, rendered CSL items) and few iterations: seconds, not minutes
    train_references.train(path, count=12, limit=25, params={"max_iterations": 12}, **kw)
    return path.read_bytes()


@pytest.mark.parametrize("plain", [False, True], ids=["first-features", "plain-features"])
def test_two_trainings_on_the_same_strings_write_the_same_bytes(tmp_path, plain):
    first = _train(tmp_path / "one.crfsuite", plain=plain)
    second = _train(tmp_path / "two.crfsuite", plain=plain)
    assert len(first) > 1000  # a model with features and labels, not an empty file
    assert first == second


def test_another_seed_gives_another_model(tmp_path):
    # the comparison above can fail: the synthetic strings count, and another draw trains other weights
    assert _train(tmp_path / "a.crfsuite", seed=15) != _train(tmp_path / "b.crfsuite", seed=16)


def test_every_shipped_model_has_a_recipe():
    shipped = {p.stem for p in train_references.MODEL_DIR.glob("*.crfsuite")}
    assert shipped == set(train_references.RECIPES)
    assert all(r.commit is None or len(r.commit) >= 7 for r in train_references.RECIPES.values())
