"""Several chapters' note citations rendered in one pandoc process (pandoc.render_note_citations_batch) are what a
pandoc run per chapter renders: each chapter's first citation of a work is a full note even when the chapter before
cited it, and the notes' HTML is the same string."""

from pathlib import Path

from volume.pandoc import render_note_citations, render_note_citations_batch
from volume.references.styles import style_path

ITEMS = [
    {"id": "smith2020", "type": "book", "title": "The Caspian Ports", "publisher": "Steppe Press",
     "publisher-place": "Almaty", "author": [{"family": "Smith", "given": "Anna"}], "issued": {"date-parts": [[2020]]}},
    {"id": "lee2019", "type": "article-journal", "title": "Rail Freight and the Middle Corridor",
     "container-title": "Journal of Eurasian Transport", "volume": "7", "issue": "2", "page": "33-58",
     "author": [{"family": "Lee", "given": "Min"}], "issued": {"date-parts": [[2019]]}},
]


def test_a_batch_renders_each_chapter_as_a_run_of_its_own():
    style = style_path("chicago-note-bibliography", Path("."))
    chapters = [
        ([("smith2020", "12"), ("smith2020", "14"), ("lee2019", None)], ITEMS),
        ([("lee2019", "40"), ("smith2020", None), ("smith2020", "3")], ITEMS),
        ([], []),
        ([("smith2020", None)], ITEMS[:1]),
    ]
    batch = render_note_citations_batch(chapters, style, "en-US")
    alone = [render_note_citations(citations, items, style, "en-US") for citations, items in chapters]
    assert batch == alone
    first, second, empty, third = batch
    assert empty == []
    # a chapter's first citation of a work is the full note, also in the chapters after the first: positions are
    # each chapter's own, not the batch's
    assert "Steppe Press" in first[0] and "Steppe Press" not in first[1]
    assert "Steppe Press" in second[1] and "Steppe Press" in third[0]
    assert "Journal of Eurasian Transport" in second[0]
