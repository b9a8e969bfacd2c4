"""Notes in the shapes wiki pages use (issue 16): a named group of explanatory notes ('[lower-alpha 1]', '[note 1]')
beside the numbered references, links written './Page#cite_note-…' under <base>, numbered back-links ('1 2') before
a note cited twice; CJK brackets and full-width digits; and the bench's alignment score."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from tests.conftest import CASES
from volume.importer.article import inline_text
from volume.importer.html_markers import marker_value
from volume.importer.notes import clean_note_text

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"/><link rel="dc:isVersionOf" href="//en.wikipedia.org/wiki/Quern"/>
<title>Quern</title><base href="//en.wikipedia.org/wiki/"/></head>
<body class="mw-parser-output">
<section><p>A quern is a pair of stones for grinding grain by hand, older than any mill that water or wind
turns.<sup class="mw-ref" id="cite_ref-a_1-0"><a href="./Quern#cite_note-a-1"><span>[1]</span></a></sup>
The saddle quern came first and the rotary quern after it, in the Iron Age of Europe.<sup class="mw-ref"
id="cite_ref-g_2-0"><a href="./Quern#cite_note-g-2"><span>[lower-alpha 1]</span></a></sup></p>
<p>Querns stayed in use on small farms long after mills were common, since the miller kept a share of every
sack.<sup class="mw-ref" id="cite_ref-b_3-0"><a href="./Quern#cite_note-b-3"><span>[2]</span></a></sup>
Some landlords broke the querns of their tenants to make them bring their grain to the mill.<sup class="mw-ref"
id="cite_ref-a_1-1"><a href="./Quern#cite_note-a-1"><span>[1]</span></a></sup><sup class="mw-ref"
id="cite_ref-h_4-0"><a href="./Quern#cite_note-h-4"><span>[lower-alpha 2]</span></a></sup></p>
<p>In some places hand-grinding went on into the last century, for meal kept for feast days.</p></section>
<section><h2 id="Notes">Notes</h2>
<ol class="mw-references references" data-mw-group="lower-alpha">
<li id="cite_note-g-2"><a href="./Quern#cite_ref-g_2-0"><span>↑ </span></a>
<span class="mw-reference-text">The dates differ from one region to the next by several centuries.</span></li>
<li id="cite_note-h-4"><a href="./Quern#cite_ref-h_4-0"><span>↑ </span></a>
<span class="mw-reference-text">The practice is recorded in estate papers, not in law.</span></li></ol></section>
<section><h2 id="References">References</h2>
<ol class="mw-references references">
<li id="cite_note-a-1"><span><a href="./Quern#cite_ref-a_1-0"><span>1 </span></a><a href="./Quern#cite_ref-a_1-1"><span>2 </span></a></span>
<span class="mw-reference-text">Storck, John; Teague, Walter (1952). Flour for Man's Bread. University of Minnesota Press.</span></li>
<li id="cite_note-b-3"><a href="./Quern#cite_ref-b_3-0"><span>↑ </span></a>
<span class="mw-reference-text">Bennett, Richard; Elton, John (1898). History of Corn Milling, vol. 1. London.</span></li>
</ol></section></body></html>
"""


def _bench():
    spec = importlib.util.spec_from_file_location("import_eval", Path(__file__).resolve().parent.parent / "bench" /
                                                  "import_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_a_note_group_beside_the_references_joins_each_marker_to_its_own_note(tmp_path):
    bench = _bench()
    page = tmp_path / "page" / "quern.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    chapter, _ = bench.import_and_read(page, bench.new_project(tmp_path / "p"), "quern")
    texts = [n.text for n in chapter.notes]
    assert texts[0].startswith("Storck, John; Teague, Walter (1952)")  # its back-links '1 2' are not its text
    assert texts[1].startswith("The dates differ")  # the group's first note, where its marker stands
    assert texts[2].startswith("Bennett, Richard")
    assert texts[-1].startswith("The practice is recorded")
    assert all("note missing" not in t for t in texts)
    assert len({t for t in texts}) == 4  # every note kept, none twice as another's


def test_group_markers_and_cjk_brackets_read_as_markers():
    assert marker_value("[lower-alpha 3]", False) == 3
    assert marker_value("[Anm. 2]", False) == 2
    assert marker_value("[注 4]", False) == 4
    assert marker_value("［１２］", False) == 12
    assert marker_value("【5】", False) == 5
    assert marker_value("[2019]", False) is None  # a year in brackets is no marker
    text = inline_text("它们很可爱。［１］后来【2】", 3)
    assert "\x001:1:3\x00" in text and "\x002:2:3\x00" in text


def test_numbered_back_links_before_a_note_are_taken_off():
    assert clean_note_text("1 2 3 Wozencraft, W.C. (2005). Order Carnivora.") == "Wozencraft, W.C. (2005). Order Carnivora."
    assert clean_note_text("^ 1.0 1.1 1.2 王力 (2001)") == "王力 (2001)"
    assert clean_note_text("1 2001 census") == "1 2001 census"
    assert clean_note_text("12 Angry Men (1957)") == "12 Angry Men (1957)"


def test_the_aligned_score_counts_a_missing_note_once():
    bench = _bench()
    wanted = ["Alpha source 1999.", "Beta report 2004.", "Gamma letter 1887.", "Delta diary 1921."]
    slipped = ["Beta report 2004.", "Gamma letter 1887.", "Delta diary 1921."]  # the first one lost
    assert bench.aligned_pairs(wanted, slipped) == 3
    assert sum(1 for i, w in enumerate(wanted) if i < len(slipped) and bench.note_matches(w, slipped[i])) == 0
    assert bench.aligned_pairs(wanted, ["[note missing in the source]", *wanted]) == 4
    assert bench.aligned_pairs(wanted, list(reversed(wanted))) == 1


def test_wiki_rest_html_page_with_a_note_group_keeps_its_notes_in_marker_order(tmp_path):
    bench = _bench()
    case = CASES / "import" / "dev-r15" / "fit" / "en-wikipedia-dog-parsoid"
    wanted = json.loads((case / "expected.json").read_text(encoding="utf-8"))["notes"]
    chapter, _ = bench.import_and_read(case / "source.html", bench.new_project(tmp_path / "p"), "dog")
    texts = bench.first_appearances([n.text for n in chapter.notes], wanted)
    assert bench.aligned_pairs(wanted, texts) >= 0.9 * len(wanted)  # 180 of 237 before the back-links went
    assert not any(t.startswith(("1 2", "\\[2\\]")) for t in texts)


COPIED = """Quern

From Wikipedia, the free encyclopedia

A quern is a pair of stones for grinding grain by hand, older than any mill that water or wind turns, and found on
sites of every age from the first farmers on.[1] The rotary quern came after the saddle quern, in the Iron Age of
Europe, and spread with the armies and traders of Rome.[n 1]

Querns stayed in use on small farms long after mills were common, since the miller kept a share of every sack he
ground for the farmer and the farmer had to carry the sack to him and back.[2] Some landlords broke the querns of
their tenants to make them bring their grain to the lord's mill.[1][n 2]

In some places hand-grinding went on into the last century, for meal kept for feast days and for the grain of a
small croft too far from any mill.[3] Museums keep many querns, and some are still turned at fairs to show how it
was done.[4]

Notes
↑ The dates differ from one region to the next by several centuries.
↑ The practice is recorded in estate papers, not in law.
References
1 2 Storck, John; Teague, Walter (1952). Flour for Man's Bread. University of Minnesota Press.
↑ Bennett, Richard; Elton, John (1898). History of Corn Milling, vol. 1. London: Simpkin, Marshall.
↑ Fenton, Alexander (1978). The Northern Isles: Orkney and Shetland. Edinburgh: John Donald.
↑ Watts, Martin (2002). The Archaeology of Mills and Milling. Stroud: Tempus.
"""


def test_a_copied_note_group_over_the_references_joins_each_list_to_its_own_markers(tmp_path):
    from volume.importer.text import read_plain

    page = tmp_path / "quern.txt"
    page.write_text(COPIED, encoding="utf-8")
    notes = {n.number: n.text for n in read_plain(COPIED, page).notes}
    assert notes[1].startswith("Storck, John") and notes[2].startswith("Bennett, Richard")
    assert notes[4].startswith("Watts, Martin")
    assert notes[5].startswith("The dates differ") and notes[6].startswith("The practice is recorded")
    assert not any(t.strip() == "References" for t in notes.values())
