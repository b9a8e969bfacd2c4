"""Journal-style numbered citations in imports: groups and ranges ('[1,2]', '[7–11]', '<sup>3,5–8</sup>', linked
ranges, 'catalysis.[4-10]', copied superscripts 'growth,7'), each note joined to its own marker in page, copied
text and Word file alike; years, '[sic]', powers and prose enumerations left alone; a group that names numbers the
list does not hold is reported (N030) with its line. The real dev cases (IOP, Royal Society, BMJ excerpts) are
checked against their hand-made labels."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pypandoc
import pytest

from tests.conftest import CASES, epubcheck_messages
from volume.build import build
from volume.config import find_manifest, load_manifest
from volume.diagnostics import Report
from volume.importer import import_source
from volume.load import load_volume
from volume.scaffold import create_project
from volume.transforms import run_transforms

DEV = CASES / "import" / "dev"
# Made-up article in a journal's shape (no outside text): 16 references, cited in every printed form.
REFERENCES = [f"{name}. {title}. J Cat. {2000 + n};{n}:{2 * n - 1}-{2 * n}." for n, (name, title) in enumerate(
    [("Smith A", "Oxides"), ("Jones B", "Surfaces"), ("Brown C", "Kinetics"), ("White D", "Models"),
     ("Green E", "Theory"), ("Black F", "Growth"), ("Gray G", "Decline"), ("Stone H", "Cost"), ("Wood I", "Price"),
     ("Field J", "Links"), ("Hill K", "Ranges"), ("Lake L", "Ends"), ("Moor M", "Groups"), ("Dale N", "Pairs"),
     ("Vale O", "Steps"), ("Glen P", "Outlook")], start=1)]
PAGE = """<html><head><title>Catalysis on oxide surfaces</title></head><body><article>
<h1>Catalysis on oxide surfaces</h1><p>By Jane Roe</p>
<h2>Background<sup>1,2</sup></h2>
<p>Oxide surfaces are widely studied for catalysis.<sup>3–5</sup> Early work in 2020 [2020] used a different model
[sic] and […] was extended later<sup>6</sup>, with growth,<sup>7</sup> and decline.<sup>8, 9</sup></p>
<p>Linked ranges appear as well<sup><a href="#ref10">10</a>–<a href="#ref12">12</a></sup> and groups
[<a href="#ref13">13</a>,<a href="#ref14">14</a>]. The carrier density is 10<sup>21</sup> cm<sup>−3</sup>, see
Fig. 3 and Table 2.</p>
<p>The three steps are (1) adsorption, (2) reaction and (3) desorption, as shown [15].</p>
<h3>Outlook [16]</h3>
<p>Further work is needed on the stability and the cost of the materials used in the reactors.</p>
<h2>References</h2><ol>""" + "".join(f'<li id="ref{n}">{text}</li>' for n, text in enumerate(REFERENCES, start=1)) + \
    "</ol></article></body></html>"
# The same article as a reader copies it: the numbers of an <ol> are not copied, superscripts land on the line.
COPIED_BODY = """Catalysis on oxide surfaces

By Jane Roe

Background1,2

Oxide surfaces are widely studied for catalysis.3–5 Early work in 2020 [2020] used a different model [sic] and […] was extended later6, with growth,7 and decline.8, 9

Linked ranges appear as well10–12 and groups [13,14]. The carrier density is 1021 cm−3, see Fig. 3 and Table 2.

The three steps are (1) adsorption, (2) reaction and (3) desorption, as shown [15].

Outlook [16]

Further work is needed on the stability and the cost of the materials used in the reactors.

References

"""
COPIED = COPIED_BODY + "\n".join(REFERENCES) + "\n"
# Bracketed groups, glued to words and stops, as a page that prints them in brackets copies, with a numbered list.
BRACKETED = COPIED_BODY.replace("Background1,2", "Background [1, 2]").replace("catalysis.3–5", "catalysis.[3-5]") \
    .replace("later6", "later[6]").replace("growth,7", "growth,[7]").replace("decline.8, 9", "decline.[8,9]") \
    .replace("as well10–12", "as well [10–12]") + "".join(f"[{n}] {text}\n" for n, text in enumerate(REFERENCES, 1))
# The reference list's numbers as other pages copy them: '1. Smith A.', or '1' alone on the line above the reference.
NUMBERED = COPIED_BODY + "".join(f"{n}. {text}\n" for n, text in enumerate(REFERENCES, 1))
LONE_NUMBERS = COPIED_BODY + "".join(f"{n}\n{text}\n" for n, text in enumerate(REFERENCES, 1))
# An <ol> copied without its numbers, a journal's link bar under each reference, on lines of their own or one line.
BARS_BELOW = COPIED_BODY + "".join(f"{text}\nPubMed\nGoogle Scholar\n" for text in REFERENCES)
BAR_LINE = COPIED_BODY + "".join(f"{text}\nView Article PubMed/NCBI Google Scholar\n" for text in REFERENCES)


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "book"
    create_project(project)
    return project


def _chapter(project: Path, chapter_file: Path):
    report = Report()
    volume = run_transforms(load_volume(load_manifest(find_manifest(project)), report), report)
    return next(c for c in volume.chapters if c.id == chapter_file.stem), report


def _import(tmp_path: Path, name: str, content: str | bytes) -> tuple[Path, object]:
    project = _project(tmp_path)
    source = tmp_path / name
    source.write_bytes(content) if isinstance(content, bytes) else source.write_text(content, encoding="utf-8")
    return project, import_source(source, project)


def _assert_all_joined(project: Path, result) -> str:
    """Every reference is a note, joined in order (note n is reference n), with no placeholder; returns the body."""
    markdown = result.chapter.read_text(encoding="utf-8")
    chapter, report = _chapter(project, result.chapter)
    assert [n.text for n in chapter.notes] == REFERENCES
    assert "missing" not in markdown and "unreferenced" not in markdown
    assert not report.errors
    return markdown.split("\n[^1]:")[0]


def _assert_traps_are_text(body: str) -> None:
    assert "\\[2020\\]" in body and "\\[sic\\]" in body and "\\[…\\]" in body
    assert "(1) adsorption, (2) reaction and (3) desorption" in body
    assert "Fig. 3 and Table 2" in body


@pytest.mark.parametrize("form", ["html", "docx"])
def test_page_and_word_file_join_every_note_of_groups_and_ranges(tmp_path, form):
    page = tmp_path / "article.html"
    page.write_text(PAGE.replace("Background<sup>1,2</sup>", "Background<sup>[1,2]</sup>"), encoding="utf-8")
    if form == "docx":
        pypandoc.convert_file(str(page), "docx", outputfile=str(tmp_path / "article.docx"), extra_args=["--sandbox"])
        project, result = _import(tmp_path / "w", "article.docx", (tmp_path / "article.docx").read_bytes())
    else:
        project, result = _import(tmp_path / "p", "article.html", page.read_text(encoding="utf-8"))
    body = _assert_all_joined(project, result)
    assert re.search(r"^## Background\[\^1\]\^,\^\[\^2\]$", body, re.MULTILINE)  # the heading keeps its notes
    assert re.search(r"^#+ Outlook\[\^16\]$", body, re.MULTILINE)
    assert "as shown[^15]." in body  # the space before '[15]' goes with the brackets: 'shown¹⁵.'
    # one reference per number, a superscript comma between them; the page's brackets are not kept
    assert "catalysis.[^3]^,^[^4]^,^[^5] Early" in body
    assert "as well[^10]^,^[^11]^,^[^12] and groups[^13]^,^[^14]." in body
    assert "decline.[^8]^,^[^9]" in body and "growth,[^7] and" in body
    assert "10^21^ cm" in body  # a power, no marker
    _assert_traps_are_text(body)


@pytest.mark.parametrize("text", [COPIED, BRACKETED, NUMBERED, LONE_NUMBERS, BARS_BELOW, BAR_LINE],
                         ids=["superscripts-copied", "brackets", "numbered-list", "numbers-alone", "link-bars-below",
                              "link-bar-line"])
def test_copied_text_joins_every_note_of_groups_and_ranges(tmp_path, text):
    project, result = _import(tmp_path, "article.txt", text)
    body = _assert_all_joined(project, result)
    assert re.search(r"^## Background ?\[\^1\]\^,\^\[\^2\]$", body, re.MULTILINE)
    assert re.search(r"^## Outlook\[\^16\]$", body, re.MULTILINE)
    assert "as shown[^15]." in body
    assert "catalysis.[^3]^,^[^4]^,^[^5] Early" in body
    assert "[^10]^,^[^11]^,^[^12] and groups" in body and "[^13]^,^[^14]." in body
    _assert_traps_are_text(body)


def test_group_naming_numbers_the_list_lacks_is_reported_with_its_line(tmp_path):
    text = COPIED.replace("as shown [15].", "as shown [15–19].")
    project, result = _import(tmp_path, "article.txt", text)
    found = [d for d in result.problems if d.code == "N030"]
    assert len(found) == 1 and found[0].location.line == text.splitlines().index(
        "The three steps are (1) adsorption, (2) reaction and (3) desorption, as shown [15–19].") + 1
    assert "[15–19]" in found[0].message and f"{result.chapter.name}:" in found[0].message
    assert "as shown \\[15–19\\]" in result.chapter.read_text(encoding="utf-8")  # left as the source prints it


def test_imported_ranges_build_with_every_note_cited(tmp_path):
    project, result = _import(tmp_path, "article.html", PAGE)
    build(project)
    with zipfile.ZipFile(project / "dist" / "book.epub") as epub:
        page = next(epub.read(n).decode("utf-8") for n in epub.namelist() if "catalysis" in n and n.endswith("html"))
    refs = re.findall(r'role="doc-noteref"[^>]*><sup>(\d+)</sup></a>', page)
    assert list(map(int, refs)) == list(range(1, 17))  # every note cited once, in order
    assert "</a><sup>,</sup><a" in page  # '3,4,5', not '345'
    assert epubcheck_messages(project / "dist" / "book.epub") == []


CASES_LABELLED = ["iop-ito-plasmonics", "rsos-mollusc-toll", "bmj-dabigatran-warfarin"]


@pytest.mark.parametrize("case", CASES_LABELLED)
@pytest.mark.parametrize("form", ["source.html", "copied.txt"])
def test_real_journal_excerpts_join_each_reference_to_its_marker(tmp_path, case, form):
    expected = json.loads((DEV / case / "expected.json").read_text(encoding="utf-8"))["notes"]
    project = _project(tmp_path)
    result = import_source(DEV / case / form, project)
    chapter, report = _chapter(project, result.chapter)
    squash = lambda s: " ".join(s.replace("\u00a0", " ").split())  # noqa: E731
    notes = list(dict.fromkeys(squash(n.text) for n in chapter.notes))  # a note cited twice is printed twice
    assert len(notes) == len(expected)
    for number, (note, wanted) in enumerate(zip(notes, expected), start=1):
        assert squash(wanted) in note, (number, note)
    assert not [d for d in result.problems if d.code in ("P009", "N002", "N030")]


AUTHORS_PAGE = PAGE.replace("<p>By Jane Roe</p>", "<p>Jane Roe<sup>1,2</sup>, John Poe<sup>2</sup> and Ann Loe<sup>3"
                            "</sup></p><p><sup>1</sup> University of Somewhere, Town</p><p><sup>2</sup> Institute of "
                            "Elsewhere, City</p>")
AUTHORS_COPIED = COPIED.replace("By Jane Roe", "Jane Roe1,2, John Poe2 and Ann Loe3\n\n1 University of Somewhere, "
                                "Town\n\n2 Institute of Elsewhere, City")


@pytest.mark.parametrize(("name", "content"), [("article.html", AUTHORS_PAGE), ("article.txt", AUTHORS_COPIED)])
def test_affiliation_numbers_under_the_title_are_no_markers(tmp_path, name, content):
    project, result = _import(tmp_path, name, content)
    body = _assert_all_joined(project, result)  # notes 1 and 2 are the references, not the affiliations
    assert "Background" in body.split("[^1]")[0]
    # the names stay over the text with their marks, or are read as the chapter's authors without them
    names = re.search(r"Jane Roe(\^1,2\^|1,2), John Poe(\^2\^|2) and Ann Loe(\^3\^|3)", body)
    front = body.split("\n---\n")[0]
    assert names or re.findall(r'- name: "([^"]+)"', front) == ["Jane Roe", "John Poe", "Ann Loe"]
    assert not re.search(r"^#+ .*(University|Institute)", body, re.MULTILINE)  # an affiliation is no heading
