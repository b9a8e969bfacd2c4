"""Journal pages in every form: references numbered alphabetically (cited out of order, so a copy's superscripts
do not run 1, 2, 3), chemists' references in parts ('2', '2a', '2b'), link bars between and under the parts, a
list of '1' alone over its text, and numbers a copy leaves in prose that are no markers ('P = .01', 'p.12',
'kg/m2'). The made-up articles hold no outside text; the Wiley excerpt is checked against its hand-made labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES
from tests.test_import_forms import imported
from volume.config import find_manifest, load_manifest
from volume.diagnostics import Report
from volume.importer import import_source
from volume.load import load_volume
from volume.scaffold import create_project
from volume.transforms import run_transforms

DEV = CASES / "import" / "dev"
# Made-up references, numbered in the alphabetical order of their authors, as some medical journals do.
ALPHABETICAL = ["Adams A. Knees on ice. J Sport. 2001;1:1-9.", "Baker B. Ligaments. J Sport. 2002;2:10-19.",
                "Clark C. Bruises. J Sport. 2003;3:20-29.", "Davis D. Menisci. J Sport. 2004;4:30-39.",
                "Evans E. Cartilage. J Sport. 2005;5:40-49.", "Fox F. Skiing. J Sport. 2006;6:50-59."]
COPIED_ALPHABETICAL = """Knee injuries in ice hockey

By Jane Roe

The knee is the joint most often hurt in contact sports, and the reasons why players of one sport differ from players of another are not well understood by the clinicians who treat them.

Injuries from contact with the boards are common (eg, collisions).4,6 Knee injuries mostly involve the ligaments.2,4 Evans et al5 reported a higher rate, and soccer has one of the highest rates.1,3 The difference was small (P = .01) and is discussed on p.12 and in Fig.3; the ratio was 3:1 at 25 kg/m2 and no one weighed over 30 kg/m2.1 The design is common2,5 (doi:10.7717/x, ca.3,500 players).

References

↵
Adams A. Knees on ice. J Sport. 2001;1:1-9.
↵
Baker B. Ligaments. J Sport. 2002;2:10-19.
↵
Clark C. Bruises. J Sport. 2003;3:20-29.
↵
Davis D. Menisci. J Sport. 2004;4:30-39.
↵
Evans E. Cartilage. J Sport. 2005;5:40-49.
↵
Fox F. Skiing. J Sport. 2006;6:50-59.

What's this?
« Previous | Next Article »
"""
# Made-up parts of references (a chemist's '2a', '2b') with the bars a publisher sets under each part.
COPIED_PARTS = """Gold catalysis in water

By Jane Roe

Catalysis with gold has grown fast over the last two decades, and chemists now use it for a wide range of reactions in the laboratory and in industry.

The first studies of the subject were small, and most of them looked at one team over a single season, which left their findings open to chance.

Later work pooled the records of many teams and leagues, and it is this larger body of evidence that the present article reviews in turn.

The sections below take the questions one at a time and close with what remains to be learnt.

Gold complexes catalyse many reactions,[1, 2] of many kinds.[3] They are cheap to make.[4]

1
A. Smith, J. Gold 2001, 1, 1–9.
CrossRef,
PubMed,
Web of Science® Times Cited: 33
2
 
2a
B. Jones, J. Gold 2002, 2, 10–19;
Direct Link:
Abstract
PDF(1645K)
References
Web of Science® Times Cited: 7
2b
C. Brown, J. Gold 2003, 3, 20–29.
CrossRef,
PubMed
3
For reviews see:
3a
D. White, J. Gold 2004, 4, 30–39;
3b
E. Green, J. Gold 2005, 5, 40–49.
4
F. Black, J. Gold 2006, 6, 50–59.
CrossRef
"""
PARTS = ["A. Smith, J. Gold 2001, 1, 1–9.", "B. Jones, J. Gold 2002, 2, 10–19; C. Brown, J. Gold 2003, 3, 20–29.",
         "For reviews see: D. White, J. Gold 2004, 4, 30–39; E. Green, J. Gold 2005, 5, 40–49.",
         "F. Black, J. Gold 2006, 6, 50–59."]
PAGE_PARTS = """<html><head><title>Gold catalysis in water</title></head><body><article><h1>Gold catalysis in water</h1><p>By Jane Roe</p>
<p>Catalysis with gold has grown fast over the last two decades, and chemists now use it for a wide range of reactions
in the laboratory and in industry.</p>
<p>Gold complexes catalyse many reactions,<a href="#bib1">[1, 2]</a> of many kinds.<a href="#bib3">[3]</a> They are
cheap to make.<a href="#bib4">[4]</a></p>
<ul class="refs"><li id="bib1"><span>1</span><cite>A. Smith, J. Gold 2001, 1, 1–9.</cite><ul><li><a href="/x">CrossRef</a>,
</li><li><a href="/y">Web of Science® Times Cited: 33</a></li></ul></li>
<li id="bib2"><span>2</span><cite>&nbsp;</cite></li>
<li id="bib2a"><span>2a</span><cite>B. Jones, J. Gold 2002, 2, 10–19;</cite><div><span>Direct Link:</span><ul><li>
<a href="/a">Abstract</a></li><li><a href="/p">PDF(1645K)</a></li></ul></div></li>
<li id="bib2b"><span>2b</span><cite>C. Brown, J. Gold 2003, 3, 20–29.</cite></li>
<li id="bib3"><span>3</span><cite>For reviews see:</cite></li>
<li id="bib3a"><span>3a</span><cite>D. White, J. Gold 2004, 4, 30–39;</cite></li>
<li id="bib3b"><span>3b</span><cite>E. Green, J. Gold 2005, 5, 40–49.</cite></li>
<li id="bib4"><span>4</span><cite>F. Black, J. Gold 2006, 6, 50–59.</cite><ul><li><a href="/x">CrossRef</a>,</li>
<li><a href="/z">PubMed</a></li></ul></li></ul></article></body></html>"""


def _import(tmp_path: Path, name: str, content: str):
    """Import `content` into a new project: the chapter as the build reads it, the result, the written Markdown."""
    project = tmp_path / "book"
    create_project(project)
    result, chapter, _ = imported(project, tmp_path, name, content)
    return chapter, result, result.chapter.read_text(encoding="utf-8")


def _first_appearances(chapter) -> list[str]:
    return list(dict.fromkeys(" ".join(n.text.split()) for n in chapter.notes))


def test_copied_citations_out_of_order_join_where_only_a_marker_can_stand(tmp_path):
    chapter, result, markdown = _import(tmp_path, "article.txt", COPIED_ALPHABETICAL)
    # cited 4, 6, 2, 5, 1, 3 (and 1 again): every reference is a note, each joined to its own marker
    assert _first_appearances(chapter) == [ALPHABETICAL[n - 1] for n in (4, 6, 2, 5, 1, 3)]
    body = markdown.split("\n[^")[0]
    assert "(P = .01)" in body and "p.12" in body and "Fig.3" in body and "3:1" in body and "25 kg/m2" in body
    assert "Evans et al[^" in body
    assert "common[^3]^,^[^4] (doi:10.7717/x, ca.3,500 players)" in body  # sources 2 and 5 cited again
    assert "What's this?" not in "".join(n.text for n in chapter.notes)  # the page after the list is no note
    assert not [d for d in result.problems if d.code in ("P009", "N002")]


@pytest.mark.parametrize(("name", "content"), [("article.txt", COPIED_PARTS), ("article.html", PAGE_PARTS)])
def test_a_reference_in_parts_is_one_note_without_its_link_bars(tmp_path, name, content):
    chapter, result, markdown = _import(tmp_path, name, content)
    assert _first_appearances(chapter) == PARTS
    assert not [d for d in result.problems if d.code in ("P009", "N002", "N030")]
    assert "Times Cited" not in markdown and "PDF(" not in markdown and "Direct Link" not in markdown


def test_real_wiley_excerpt_joins_each_reference_in_every_form(tmp_path):
    case = DEV / "f-wiley-chemistryopen-gold"
    expected = [" ".join(n.split()) for n in json.loads((case / "expected.json").read_text(encoding="utf-8"))["notes"]]
    for form in ("source.html", "copied.txt", "made.docx"):
        project = tmp_path / form
        create_project(project)
        result = import_source(case / form, project)
        report = Report()
        volume = run_transforms(load_volume(load_manifest(find_manifest(project)), report), report)
        chapter = next(c for c in volume.chapters if c.id == result.chapter.stem)
        assert _first_appearances(chapter) == expected, form


AUTHOR_YEAR_PAGE = """<html><head><title>Calcium in fish embryos</title></head><body><article><h1>Calcium in fish embryos</h1>
<p>By Jane Roe</p>
<p>Calcium signalling is a key messenger in development (Niki et al., 1996; Slusarski, 2007), and Tyr<sup>33</sup>
is conserved in the fish protein, as it is in the human one (Chang et al., 2003). Levels of Ca<sup>2+</sup> rise in
late stages, and the embryos were kept at 28.5 °C in a 2-L tank (pH 7.2) before the experiments began.</p>
<p>The embryos were imaged at 30 hours after fertilisation, before the pigment patterns of the body made imaging
impossible, and every experiment was repeated three times with new embryos from other crosses.</p>
<h2>References</h2>
<ul><li>Chang NS, Doherty J, Ensign A. 2003. Molecular mechanisms of WOX1 activation. Biochem Pharmacol 66:1347-1354.</li>
<li>Niki I, Yokokura H, Sudo T. 1996. Ca2+ signaling and intracellular Ca2+ binding proteins. J Biochem 120:685-698.</li>
<li>Slusarski DC. 2007. Calcium signaling in vertebrate embryonic patterning. Dev Biol 307:1-13.</li></ul>
</article></body></html>"""


def test_an_unlinked_superscript_no_note_carries_is_no_marker(tmp_path):
    chapter, result, markdown = _import(tmp_path, "article.html", AUTHOR_YEAR_PAGE)
    assert not chapter.notes  # an author-year article has no notes: no placeholder, no bibliography read as notes
    assert "Tyr^33^ is conserved" in " ".join(markdown.split())
    assert "Chang NS, Doherty J" in markdown and "missing" not in markdown
    assert not [d for d in result.problems if d.code in ("P009", "N002")]


CSS_SUPERSCRIPTS = """<html><head><title>Trials in practice</title></head><body><article><h1>Trials in practice</h1>
<p>By Jane Roe</p>
<p>Randomised trials have become the usual way to test a treatment, and the reasons for that are older than most of
the people who run them today, as the history of the method shows.</p>
<p>Trials are used widely<span class="sup">1,2</span>. Other work<span class="sup">3-5</span> agrees, and so does
more recent work.<span class="sup">6</span> In 2019 about 3.5 million people took part, p.12 says.</p>
<h2>References</h2><ol>""" + "".join(f'<li id="B{n}">Author{n} X. Title {n}. J Test. {2010 + n};{n}:{n}-{n + 9}.</li>'
                                     for n in range(1, 7)) + "</ol></article></body></html>"


@pytest.mark.parametrize("form", ["article.html", "article.docx"])
def test_superscripts_set_only_by_css_are_joined_in_the_page_and_its_word_file(tmp_path, form):
    """A page whose markers are superscripts only by its stylesheet ('widely<span class="sup">1,2</span>'), and the
    Word file pandoc makes of it, read as 'widely1,2.': the digits are joined like a copy's."""
    import pypandoc

    page = tmp_path / "page.html"
    page.write_text(CSS_SUPERSCRIPTS, encoding="utf-8")
    content = CSS_SUPERSCRIPTS
    if form.endswith(".docx"):
        pypandoc.convert_file(str(page), "docx", format="html", outputfile=str(tmp_path / "made.docx"), sandbox=True)
        project = tmp_path / "book"
        create_project(project)
        result = import_source(tmp_path / "made.docx", project)
        markdown = result.chapter.read_text(encoding="utf-8")
    else:
        _, result, markdown = _import(tmp_path, form, content)
    body = markdown.split("\n[^")[0]
    assert "widely[^1]^,^[^2]." in body and "work[^3]^,^[^4]^,^[^5] agrees" in body and "work.[^6] In" in body
    assert "3.5 million" in body and "p.12" in body and "In 2019" in body
    assert not [d for d in result.problems if d.code in ("P009", "N002", "P010")]


NOTES_THEN_REFERENCES = """Notes and references in one article

By Jane Roe

The text of the article is long enough to be an article, and it cites its notes one after the other as it goes on.1 The second point follows.2 And a third one closes the argument.3

Notes

1. The first note, short.
2. The second note.
3. The third note.

References

Adams A. A book. Town: Press, 2001.
Baker B. Another book. City: House, 2002.
"""


def test_a_references_heading_after_the_notes_ends_them(tmp_path):
    chapter, result, markdown = _import(tmp_path, "article.txt", NOTES_THEN_REFERENCES)
    assert _first_appearances(chapter) == ["The first note, short.", "The second note.", "The third note."]
    assert "Adams A. A book." in markdown.split("\n[^")[0]  # the bibliography stays text
