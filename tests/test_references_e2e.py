"""References read the way a user meets them: pasted into a chapter as endnotes, read by pandoc, exported by
`volume bib --format csljson`; and bench/references_e2e.py, which measures that path on a labelled folder.

The reference strings are real ones from the tuning sets (tests/cases/references/tune-eval4, tune-eval1; sources
and licences in their SOURCES.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

from volume.cli import main
from volume.references.parse import parse_note

ROOT = Path(__file__).resolve().parent.parent

# tune-eval4/harvard-busiot-references.jsonl (harvard-busiot-pedregosa): straight single quotes round the title
PEDREGOSA = ("Pedregosa, F. et al. (2011) 'Scikit-learn: Machine learning in Python', *Journal of Machine Learning "
             "Research*, 12, pp. 2825-2830.")
# tune-eval4/id-rujukan-accurate.jsonl (id-rujukan-hendri): straight double quotes, MLA
HENDRI = ('Hendri, Nofri, and Ulfia Rahmi. "E-Modul Computer Based Learning Sebagai E-Resource Digital Literacy Bagi '
          'Mahasiswa". Jurnal Of Educational Studies, vol 3, no. 01, 2018, https://www.researchgate.net/. Accessed 14 '
          'Oct 2020.')
# tune-eval4/id-rujukan-accurate.jsonl (id-rujukan-hamzah, id-rujukan-dwiyogo, id-rujukan-pradana): two works that
# give one site's home page as their place, and a work with an article's own URL
DWIYOGO = ("Dwiyogo, W., 2017.PENGEMBANGAN MODUL ELEKTRONIK MATA PELAJARAN PENDIDIKAN JASMANI, OLAHRAGA, DAN KESEHATAN "
           "KELAS XI BERBASIS ONLINE DENGAN PROGRAM EDMODO, [online] 2(1). Available at: <http://journal.um.ac.id> "
           "[Accessed 10 November 2020].")
HAMZAH = ('Hamzah, Imron. "Development Of Accounting E-Module To Support The Scientific Approach Of Students Grade X '
          'Vocational High School". Journal Of Accounting Dan Bussines Education, vol 2, no. 1, 2017, '
          'http://journal.um.ac.id/. Accessed 10 Nov 2020.')
PRADANA = ('Pradana, Fengky Adie. "Development Of E-Module Combining Science Process Skills And Dynamics Motion '
           'Material To Increasingcritical Thinking Skillsand Improve Student Learning Motivation Senior High Schoo". '
           'International Journal Of Science And Applied Science, vol 1, no. 01, 2016, '
           'https://jurnal.uns.ac.id/ijsascs/article/view/5112/4574. Accessed 12 Sept 2020.')
# tune-eval1/bartlett-thesis-notes-ibid.jsonl (bartlett-thesis-notes-ibid-12 and its context: a short form, which
# is no reference); tune-eval1/pittsburgh-redlining-notes.jsonl (the second note of pittsburgh-redlining-notes-05's
# context, in full)
CALVINO, IBID = "Calvino, ‘Cybernetics and Ghosts’, 11.", "Ibid., 10."
LLOYD = "Lloyd, Anne. 1974. Pittsburgh's 1923 Zoning Ordinance. Pittsburgh, PA: Carnegie Mellon University. 296."


def _project(tmp_path: Path, notes: list[str]) -> Path:
    """A `volume new` project whose one chapter holds the notes, each after a sentence of its own."""
    project = tmp_path / "book"
    assert CliRunner().invoke(main, ["new", str(project)]).exit_code == 0
    chapters = project / "chapters"
    for sample in ("first-chapter.md", "second-chapter.md"):
        (chapters / sample).unlink()
    body = "\n\n".join(f"Sentence {n}.[^{n}]" for n in range(1, len(notes) + 1))
    definitions = "\n\n".join(f"[^{n}]: {text}" for n, text in enumerate(notes, start=1))
    (chapters / "notes.md").write_text(f"---\ntitle: Notes\n---\n\n{body}\n\n{definitions}\n", encoding="utf-8")
    manifest = chapters / "volume.toml"
    head = manifest.read_text(encoding="utf-8").split("[[contents]]")[0]
    manifest.write_text(head + '[[contents]]\nfile = "notes.md"\n', encoding="utf-8")
    return project


def _exported(project: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["bib", "--project", str(project), "--format", "csljson"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _cited_in(items: list[dict], note: str) -> list[dict]:
    return [item for item in items for place in item["custom"]["cited-in"] if place["note"] == note]


def test_the_export_says_which_notes_cite_each_work_and_through_ibid(tmp_path):
    items = _exported(_project(tmp_path, [LLOYD, IBID]))
    assert len(items) == 1
    assert items[0]["title"] == "Pittsburgh’s 1923 Zoning Ordinance"  # read from ', shown as pandoc curls it
    assert items[0]["custom"]["cited-in"] == [{"note": "notes:1", "at": 0},
                                              {"note": "notes:2", "at": 0, "ibid": True}]


def test_straight_quotes_curled_by_pandoc_are_read_as_typed(tmp_path):
    """pandoc's smart typography makes ‘…’ and “…” of the quotes typed straight; the parser is given them
    straight again, so a pasted note reads as the string does on its own."""
    items = _exported(_project(tmp_path, [PEDREGOSA, HENDRI]))
    for note, text in (("notes:1", PEDREGOSA), ("notes:2", HENDRI)):
        direct = parse_note(text).readings[0]
        (item,) = _cited_in(items, note)
        kept = bool(item.get("custom", {}).get("kept-as-written"))
        assert kept == (direct.work is None), (note, item)
        if direct.work:
            assert item["title"] == direct.work["title"] and item["author"] == direct.work["author"]


def test_curly_quotes_the_author_typed_stay_curly():
    from volume.transforms.note_citations import as_typed, markdown_definition

    lines = ["Text.[^1]", "", "[^1]: " + CALVINO, "", "[^2]: " + PEDREGOSA]
    assert markdown_definition(lines, 3) == "[^1]: " + CALVINO + "\n"
    assert markdown_definition(lines, 5) == "[^2]: " + PEDREGOSA
    assert as_typed(CALVINO, markdown_definition(lines, 3)) == CALVINO
    curled = PEDREGOSA.replace("'Scikit", "‘Scikit").replace("Python'", "Python’")
    assert as_typed(curled, markdown_definition(lines, 5)) == PEDREGOSA


def test_what_is_read_from_straight_quotes_is_shown_curled_but_urls_stay():
    from volume.transforms.note_citations import as_shown

    shown = LLOYD.replace("'", "’")
    work = as_shown({"title": "Pittsburgh's 1923 Zoning Ordinance", "URL": "https://example.org/it's"}, LLOYD, shown)
    assert work == {"title": "Pittsburgh’s 1923 Zoning Ordinance", "URL": "https://example.org/it's"}
    not_in_the_note = "'Scikit-learn' isn't \"it\""
    assert as_shown(not_in_the_note, LLOYD, shown) == "‘Scikit-learn’ isn’t “it”"


def test_a_url_keeps_its_straight_quotes_however_the_note_was_curled():
    """tune-eval4/apa-nlp-paper-references.jsonl (apa-nlp-paper-hp): in a Word chapter whose quotes were curled as
    typed, the URL's apostrophe came curly out of the note."""
    from volume.transforms.note_citations import straight_identifiers

    url = ("https://github.com/formcept/whiteboard/edit/master/nbviewer/notebooks/data/harrypotter/"
           "Book%201%20-%20The%20Philosopher's%20Stone.txt")
    work = {"title": "Harry Potter and the Philosopher’s Stone", "URL": url.replace("'", "’")}
    assert straight_identifiers(work) == {"title": "Harry Potter and the Philosopher’s Stone", "URL": url}
    assert straight_identifiers(None) is None


def test_a_sites_home_page_does_not_make_two_works_one():
    """Many works give a site's home page as their place ("http://journal.um.ac.id/"): it identifies none of them,
    so it is no key for merging; an article's own URL still is."""
    from volume.references.dedupe import _url

    assert _url({"URL": "http://journal.um.ac.id/"}) is None
    assert _url({"URL": "https://www.researchgate.net/"}) is None
    article = parse_note(PRADANA).readings[0].work or {"URL": "https://jurnal.uns.ac.id/ijsascs/article/view/5112/4574"}
    assert _url(article) == "https://jurnal.uns.ac.id/ijsascs/article/view/5112/4574"


def test_two_works_at_one_home_page_stay_two(tmp_path):
    items = _exported(_project(tmp_path, [HAMZAH, DWIYOGO]))
    assert {item["custom"]["cited-in"][0]["note"] for item in items} == {"notes:1", "notes:2"}
    assert len(items) == 2


def test_the_bench_reads_the_same_on_both_paths(tmp_path):
    """bench/references_e2e.py on a small folder of tuning strings: the pasted path reads as the direct one."""
    folder = tmp_path / "set"
    folder.mkdir()
    records = [{"id": "pedregosa", "text": PEDREGOSA, "style": "harvard", "lang": "en", "expected": {}},
               {"id": "hendri", "text": HENDRI, "style": "mla", "lang": "id", "expected": {}},
               {"id": "ibid", "text": IBID, "style": "chicago-notes", "lang": "en", "expected": {}, "ibid": True,
                "context": [LLOYD]}]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                    encoding="utf-8")
    sys.path.insert(0, str(ROOT / "bench"))
    import references_e2e

    records = references_e2e.load([folder], None)
    placed = references_e2e.make_project(tmp_path / "book", records, "md")
    items = _exported(tmp_path / "book")
    direct = references_e2e.score(references_e2e.collect(records), references_e2e.default_threshold())
    pasted = references_e2e.score(references_e2e.pasted_readings(records, placed, items),
                                  references_e2e.default_threshold())
    assert [o["kind"] for o in pasted] == [o["kind"] for o in direct]
    assert pasted[2]["kind"] == "ibid-right"
    assert references_e2e.differences(direct, pasted) == []
