"""The notes' reading shared out to the build's idle workers (transforms/note_citations.read_all_notes) gives the
readings, the bibliography and the diagnostics that reading every note in the build's own process gives."""

from __future__ import annotations

import concurrent.futures
from dataclasses import asdict

from tests.test_bibliography import LE_CORRE, LE_CORRE_AGAIN, REUTERS, with_notes
from tests.test_transforms import volume_of
from volume.diagnostics import Report
from volume.references.cached import parsed_notes
from volume.scheduler import Scheduler, lending
from volume.transforms.bibliography import build_bibliography
from volume.transforms.note_citations import note_source_text, read_all_notes

NOTES = [LE_CORRE, "Ibid., p. 4.", REUTERS, LE_CORRE_AGAIN, "A remark of the author's own, with no reference."]


def _chapters():
    return [with_notes(f"c{n}", n, *NOTES[n % 3:] + NOTES[:n % 3]) for n in range(1, 6)]


class _Recorded:
    """A stand-in for the scheduler whose one worker takes the first job offered at once and no other."""

    def __init__(self) -> None:
        self.held: list[concurrent.futures.Future] = []
        self.ran: list[list[str]] = []

    def submit(self, function, *args):
        future: concurrent.futures.Future = concurrent.futures.Future()
        self.held.append(future)
        if len(self.held) == 1:
            future.set_running_or_notify_cancel()
            self.ran.append(args[1])
            future.set_result(function(*args))
        return future


def _plain(volume):
    return [[asdict(p) for p in parsed_notes([note_source_text(n.body) for n in chapter.notes], None)]
            for chapter in volume.chapters]


def test_jobs_a_worker_has_not_taken_are_read_here_and_the_order_kept(tmp_path):
    volume = volume_of(*_chapters(), folder=tmp_path)
    workers = _Recorded()
    with lending(workers):
        readings = read_all_notes(list(volume.chapters), tmp_path)
    assert len(workers.held) == 4  # the first chapter is this thread's; the rest offered, the last first
    assert workers.ran == [[note_source_text(n.body) for n in volume.chapters[4].notes]]  # the worker's one job
    assert all(f.cancelled() for f in workers.held[1:])  # the others were read here
    assert [[asdict(p) for p in chapter] for chapter in readings] == _plain(volume)


def test_a_build_with_its_workers_lent_reads_the_notes_as_one_without(tmp_path):
    alone, shared = Report(), Report()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    expected = build_bibliography(volume_of(*_chapters(), folder=tmp_path / "a"), alone)
    with Scheduler(2) as workers:
        workers.start()
        with lending(workers):
            found = build_bibliography(volume_of(*_chapters(), folder=tmp_path / "b"), shared)
    assert found.bibliography == expected.bibliography
    assert [c.notes for c in found.chapters] == [c.notes for c in expected.chapters]
    assert [(d.code, d.message) for d in shared.items] == [(d.code, d.message) for d in alone.items]
