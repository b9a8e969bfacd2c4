"""Journal articles citing a numbered reference list: copied text whose citations a browser spaced ('[ 12 ]',
'[ 16 – 20 ]'), whose reference list lost its numbers and runs past the highest marker the copy kept, ranges over
notes cited before ('known.1–3' after '[2]'), groups in parentheses ('(10, 11)'), asterisk and dagger notes
(raised, or with a space after the symbol), ScienceDirect's <dt>[12]</dt><dd id="bib12"> lists, a reference list
hidden in the saved page ('display: none'); and one real page of
tests/cases/import/dev-r13 (Hindawi's copied text) against its hand-drawn labels."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CASES
from volume.importer import import_source
from volume.importer.article import Block
from volume.importer.citations import TOKEN, run_after, unspace_brackets
from volume.importer.marked_notes import symbol_notes
from volume.importer.plain_markers import recover_paren_groups
from volume.scaffold import create_project

# A made-up article in a journal's shape (no outside text): twelve references, cited in the forms a copy leaves.
REFERENCES = [f"{name}. {title}. J Ex. {2000 + n};{n}:{n}-{n + 5}." for n, (name, title) in enumerate(
    [("Smith J", "Oxides"), ("Jones K", "Surfaces"), ("Brown L", "Kinetics"), ("Green M", "Models"),
     ("White N", "Theory"), ("Black O", "Growth"), ("Grey P", "Decline"), ("Blue Q", "Cost"), ("Red R", "Price"),
     ("Pink S", "Links"), ("Gold T", "Ranges"), ("Teal U", "Ends")], start=1)]
COPIED = """Oxide surfaces

Ann Lee

2 January 2020

Oxide surfaces are widely studied.1–3 Delta studied them.4,6 More work followed (5, 7). The sample held 12 plants in 2019.

Another paragraph cites [ 2 ] and [ 7 – 9 ] with a remark.*

Further results agree with earlier work (10, 11) and extend it.12

References
""" + "\n".join(REFERENCES) + "\n\n* Corresponding author: ann@example.org\n"


def _import(tmp_path: Path, name: str, text: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = tmp_path / "book"
    create_project(project)
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = import_source(source, project)
    return result, result.chapter.read_text(encoding="utf-8")


def _notes(chapter: str) -> dict[str, str]:
    return dict(re.findall(r"^\[\^(\w+)\]: (.*)$", chapter, re.MULTILINE))


def _body(chapter: str) -> str:
    return "\n".join(line for line in chapter.split("---", 2)[2].splitlines() if not line.startswith("[^"))


def test_spaced_bracket_citations_become_markers_and_groups():
    block = Block("para", r"yield \[ 1 \]. soil \[ 3 – 7 \], roots \[ 29\] and \[ 5 , 6 , 8 \]; typed \[4\]", 3)
    assert unspace_brackets([block]) == 4
    assert [m.group(1) for m in TOKEN.finditer(block.text)] == ["1", "29"]
    assert r"\[3–7\]" in block.text and r"\[5, 6, 8\]" in block.text
    assert r"typed \[4\]" in block.text  # no space in it: left as the text reader gave it


def test_a_range_may_span_notes_cited_before():
    # after '[2]' was cited alone, 'known.1–3' still names 1, 2 and 3: the range is bounded by the list's notes
    assert run_after("known.1–3 Delta", 7, 1, wanted={3, 4, 5}, notes=set(range(1, 13)))[0] == [2, 3]
    assert run_after("known.1–3 Delta", 7, 1, wanted={3, 4, 5})[0] == []  # (without the list: as before)


def test_parenthesised_groups_of_note_numbers_are_markers():
    numbers = set(range(1, 13))
    block = Block("para", "More work followed (5, 7). Pairs (13, 14) and a range (2–4) too.", 9)
    assert recover_paren_groups([block], numbers) == 5
    assert [m.group(1) for m in TOKEN.finditer(block.text)] == ["5", "7", "2", "3", "4"]
    assert "(13, 14)" in block.text  # 13 and 14 are no notes of the list
    assert recover_paren_groups([Block("para", "values (1, 2)", 1)], {1, 2}) == 0  # too short a list to tell


def test_raised_and_spaced_symbol_notes():
    blocks = [Block("para", "A remark.^†^ And a point.\\*", 1), Block("para", "^†^ The dagger note.", 2),
              Block("para", "\\* The asterisk note.", 3)]
    left, notes = symbol_notes(blocks)
    assert [n.label for n in notes] == ["†", "*"]
    assert [n.text for n in notes] == ["The dagger note.", "The asterisk note."]
    assert len(left) == 1 and len(TOKEN.findall(left[0].text)) == 2
    bullets = [Block("para", "A point.\\*", 1), Block("para", "\\* one", 2), Block("para", "\\* two", 3)]
    assert symbol_notes(bullets)[1] == []  # a run of '* ' items is a list, no note


def test_copied_journal_text_keeps_every_reference_and_joins_each_citation(tmp_path):
    result, chapter = _import(tmp_path, "copied.txt", COPIED)
    notes = _notes(chapter)
    numbered = [text for key, text in notes.items() if key.isdigit()]
    assert sorted(numbered) == sorted([*REFERENCES, "Corresponding author: ann@example.org"])
    assert not any(key.startswith("unreferenced") for key in notes)
    body = _body(chapter)
    # the first markers in the order of the text name references 1, 2, 3, 4, 6, 5, 7 ... each once
    order = [notes[m] for m in dict.fromkeys(re.findall(r"\[\^(\d+)\]", body))]
    assert order[:7] == [REFERENCES[i] for i in (0, 1, 2, 3, 5, 4, 6)]
    assert "held 12 plants in 2019" in body  # a count and a year stay text
    assert "Corresponding author" not in body


SD_PAGE = """<html><head><title>Probe</title><meta name="citation_author" content="Ann Lee"></head><body><article>
<h1>Probe</h1><p>Alpha is known <a name="bbib1" href="#bib1">[1]</a> and so is beta
[<a name="bbib2" href="#bib2">2</a>, <a name="bbib3" href="#bib3">3</a>].</p>
<section><h2>References</h2><dl class="references">""" + "".join(
    f'<dt class="label"><a href="#bbib{n}" id="ref-id-bib{n}">[{n}]</a></dt><dd class="reference" id="bib{n}">'
    f'<div class="contribution">{REFERENCES[n - 1]}</div><div class="ReferenceLinks"><a href="https://x.org/{n}">'
    'Google Scholar</a></div></dd>' for n in (1, 2, 3)) + "</dl></section></article></body></html>"


def test_sciencedirect_term_and_description_references(tmp_path):
    _, chapter = _import(tmp_path, "page.html", SD_PAGE)
    notes = _notes(chapter)
    assert [notes[k] for k in ("1", "2", "3")] == REFERENCES[:3]
    assert "unreferenced" not in chapter and "Google Scholar" not in chapter


def test_a_reference_list_folded_away_in_the_saved_page_is_still_the_notes(tmp_path):
    # a tab or accordion the page's script opens: 'display: none' in the saved page, with or without a class
    # naming it (pandoc's Word file shows it; the page lost every note)
    for opening in ('<section class="references" style="display:none">', '<div style="display: none">'):
        page = SD_PAGE.replace("<section>", opening).replace("</dl></section>", "</dl>" + opening.split()[0].replace(
            "<", "</") + ">")
        _, chapter = _import(tmp_path / str(len(opening)), "page.html", page)
        assert [_notes(chapter)[k] for k in ("1", "2", "3")] == REFERENCES[:3]
        assert "note missing" not in chapter


GRAPHIC = '<img src="abstract.gif">'  # a reference's graphical abstract
ACS_PAGE = """<html><head><title>Probe</title><meta name="citation_author" content="Ann Lee"></head><body><article>
<h1>Probe</h1><p>Alpha is known.<a onclick="showRef(event, 'ref1'); return false;" href="JavaScript:void(0);">(1)</a>
Beta too.<a onclick="showRef(event, 'ref2 ref3 ref4'); return false;" href="JavaScript:void(0);">(2-4)</a>
And gamma.<a onclick="showRef(event, 'ref1 ref5'); return false;" href="JavaScript:void(0);">(1, 5)</a></p>
<h2>References</h2><ol id="references">""" + "".join(
    f'<li id="ref{n}"><strong><a href="JavaScript:void(0);" onclick="showRef(event, &quot;ref{n}&quot;)">{n}. </a>'
    f'</strong>{REFERENCES[n - 1]}{GRAPHIC if n == 3 else ""}</li>' for n in range(1, 6)) + \
    "</ol></article></body></html>"


def test_script_links_naming_references_and_one_link_for_a_group(tmp_path):
    # ACS: 'JavaScript:void(0)' links whose onclick names the reference ids, one link for '(2-4)'; an item holding
    # an image (a graphical abstract) is still a note of the list the citations reach
    _, chapter = _import(tmp_path, "page.html", ACS_PAGE)
    notes = _notes(chapter)
    assert [notes[k] for k in ("1", "2", "3", "4", "5")] == REFERENCES[:5]
    assert "unreferenced" not in chapter and "(2-4)" not in chapter


HINDAWI = CASES / "import" / "dev-r13" / "fit" / "hindawi-wheat-phosphite"


@pytest.mark.skipif(not HINDAWI.exists(), reason="the dev-r13 case is part of the repository")
def test_hindawi_copied_text_against_its_labels(tmp_path):
    expected = json.loads((HINDAWI / "expected.json").read_text(encoding="utf-8"))
    _, chapter = _import(tmp_path, "copied.txt", (HINDAWI / "copied.txt").read_text(encoding="utf-8"))
    notes = _notes(chapter)
    order = [notes[m] for m in dict.fromkeys(re.findall(r"\[\^(\d+)\]", _body(chapter)))]
    assert len(order) == len(expected["notes"]) == 41
    for label, note in zip(expected["notes"], order):  # each marker joined to its own reference, in order
        assert label.split(",")[0] in note
