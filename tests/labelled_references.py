"""The labelled reference strings of the tuning sets, by file and id, and the benchmark's own comparison of a reading
with a label (bench/references.py): shared by the tests of the whole readers."""

import json
import pathlib
import sys

CASES = pathlib.Path(__file__).parent / "cases" / "references"
sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "bench"))
from references import fully_right, wrong_fields  # noqa: E402

__all__ = ["fully_right", "printed_as_read", "record", "wrong_fields"]


def record(path: str, record_id: str) -> dict:
    """The labelled record with this id in a set's file (path under tests/cases/references)."""
    for line in (CASES / path).read_text(encoding="utf-8").splitlines():
        found = json.loads(line)
        if found["id"] == record_id:
            return found
    raise KeyError(record_id)


def printed_as_read(work: dict | None, labelled: dict):
    """Asserts that a whole reader's work is the label's, field for field, and that the parser prints it as read (not
    kept for want of confidence); returns the parser's reading."""
    from volume.references.parse import parse_note
    from volume.references.read import KEEP_BELOW

    assert work is not None
    assert not wrong_fields(work, labelled["expected"]) and fully_right(work, labelled["expected"])
    reading = parse_note(labelled["text"]).readings[0]
    assert reading.work is not None and reading.confidence >= KEEP_BELOW
    assert reading.work["title"] == work["title"]
    return reading
