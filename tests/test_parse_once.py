"""Parse once: a build keeps the transforms' results on each chapter and note in the build cache, so a fresh process
after an edit reads and transforms the edited chapter again, not every chapter; what comes back from the cache is
the model the transforms make (compared field by field with a build that keeps nothing)."""

from __future__ import annotations

from tests.test_edit_loop import CHAPTERS, edit, paragraph, three_chapters
from volume.build import prepare
from volume.diagnostics import Report


def model_of(volume, report: Report) -> dict:
    """Everything the renderers read of the transformed volume, as text."""
    chapters = [(c.id, c.body.xhtml(), [(n.number, n.id, n.ref_id, n.body.xhtml(), n.text, str(n.location),
                                          n.references, n.cites, n.comment, n.styled) for n in c.notes])
                for c in volume.chapters]
    return {"chapters": chapters,
            "index": [(e.term.term, e.occurrences) for e in volume.index_entries],
            "bibliography": [(b.id, b.key, b.formatted.xhtml(), b.citing, b.verbatim) for b in volume.bibliography],
            "abbreviations": [repr(a) for a in volume.abbreviations],
            "diagnostics": [d.format() for d in report.items]}


def prepared(project, use_cache: bool = True) -> dict:
    report = Report()
    return model_of(prepare(project, report, use_cache=use_cache), report)


def test_results_from_the_cache_are_the_transforms_results(tmp_path):
    project = three_chapters(tmp_path)
    computed = prepared(project)  # computed, and kept in the build cache
    kinds = {p.name for p in (project / ".volume-cache").iterdir()}
    assert {"restyled", "pass-notes", "pass-sanitize", "pass-typography", "index-marks",
            "bibliography-markup"} <= kinds
    assert prepared(project) == computed  # from the cache
    assert prepared(project, use_cache=False) == computed  # nothing kept, nothing read


def test_an_edit_transforms_only_the_edited_chapter_again(tmp_path, monkeypatch):
    import volume.transforms.index as index
    import volume.transforms.note_style as note_style
    import volume.transforms.notes as notes

    project = three_chapters(tmp_path)
    prepared(project)
    chapter = project / "chapters" / CHAPTERS[1]
    edit(chapter, paragraph(chapter, 2), paragraph(chapter, 2) + " A sentence the editor added here.")
    seen: dict[str, list] = {"notes": [], "index": [], "restyled": []}

    def counting(name, function, which):
        def run(*args, **kwargs):
            seen[name].append(which(*args))
            return function(*args, **kwargs)
        return run

    monkeypatch.setattr(notes, "collect_chapter_notes", counting("notes", notes.collect_chapter_notes,
                                                                 lambda chapter, report: chapter.id))
    monkeypatch.setattr(index, "mark_chapter", counting("index", index.mark_chapter, lambda chapter, *rest: chapter.id))
    monkeypatch.setattr(note_style, "_restyled_note", counting("restyled", note_style._restyled_note,
                                                               lambda note, *rest: note.id))
    after = prepared(project)
    assert seen["notes"] == ["azerbaijan"] and seen["index"] == ["azerbaijan"]
    assert seen["restyled"] == []  # the edit changed no note
    assert after == prepared(project, use_cache=False)
    assert any("A sentence the editor added here." in body for _id, body, _notes in after["chapters"])
