"""Notes laid out as a table, anchors named with `name=`: a CRS report as EveryCRSReport.com publishes it (issue 16)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, copy_case
from volume.importer import import_source

CASE = CASES / "import" / "dev" / "crs-national-alerts"
MARKER = re.compile(r"\[\^(\d+)\](?!:)")


def _bench():
    spec = importlib.util.spec_from_file_location("import_eval", Path(__file__).resolve().parent.parent / "bench" /
                                                  "import_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_eval"] = module
    spec.loader.exec_module(module)
    return module


def _body(markdown: str) -> str:
    """The chapter's text without its front matter and note definitions."""
    text = markdown.split("\n---\n", 1)[-1]
    return "\n".join(line for line in text.splitlines() if not re.match(r"\[\^[\w-]+\]:", line))


@pytest.mark.parametrize("form", ["html", "txt", "docx"])
def test_crs_report_every_note_is_joined_to_its_own_marker(tmp_path, form):
    bench = _bench()
    wanted = json.loads((CASE / "expected.json").read_text(encoding="utf-8"))["notes"]
    chapter, result = bench.import_and_read(CASE / bench.FORMS[form], bench.new_project(tmp_path / "p"), f"crs-{form}")
    notes = [n.text for n in chapter.notes]
    assert len(wanted) == 76 and len(notes) == 76
    misjoined = [i + 1 for i, (w, n) in enumerate(zip(wanted, notes)) if not bench.note_matches(w, n)]
    assert misjoined == []
    markdown = result.chapter.read_text(encoding="utf-8")
    body = _body(markdown)
    assert [int(m) for m in MARKER.findall(body)] == list(range(1, 77))  # each marker once, in order
    assert "unreferenced" not in markdown and "note missing in the source" not in markdown
    assert "protective action.[^1]" in body
    assert re.search(r"susceptible to \*?spoofing\*?\[\^59\]—where", body)  # glued before a dash in copied text


@pytest.mark.parametrize("form", ["html", "docx"])
def test_crs_report_notes_table_leaves_the_text(tmp_path, form):
    bench = _bench()
    _, result = bench.import_and_read(CASE / bench.FORMS[form], bench.new_project(tmp_path / "p"), f"crs-{form}")
    body = _body(result.chapter.read_text(encoding="utf-8"))
    assert "Footnotes" not in body
    assert "WARN Act §602(b)(E)" not in body and "47 C.F.R. §10.41" not in body  # short notes: in notes only
    assert not re.search(r"^\s*1\.\s*$", body, re.MULTILINE)  # no number cell left as a line
    assert "Jump to Main Text of Report" not in body


def test_crs_report_contents_lists_leave_and_the_boxed_figure_keeps_its_caption(tmp_path):
    bench = _bench()
    _, result = bench.import_and_read(CASE / "source.html", bench.new_project(tmp_path / "p"), "crs-html")
    body = _body(result.chapter.read_text(encoding="utf-8"))
    assert "- Introduction" not in body and "## Figures" not in body and "## Tables" not in body
    assert body.index("## Summary") < body.index("## Introduction")
    assert "Figure 1. Overview of the National Alert Process **Source:** CRS, adapted from a figure" in body
    assert sum("table of contents" in d for d in result.dropped) == 3
    assert any(d.startswith("a table at line 99") for d in result.dropped)  # Table 1's data: rebuilt by hand


def test_crs_report_copied_text_keeps_years_and_numbers_as_text(tmp_path):
    bench = _bench()
    _, result = bench.import_and_read(CASE / "copied.txt", bench.new_project(tmp_path / "p"), "crs-txt")
    body = _body(result.chapter.read_text(encoding="utf-8"))
    for kept in ("In 1976, the FCC", "over 90% of the U.S. population", "Section 706 of the Communications Act of 1934",
                 "119th Congress", "delivery to 77 National Public Warning System"):
        assert kept in body, kept


def page(body: str) -> str:
    return (f"<html><head><title>Water and Power</title></head><body><article><h1>Water and Power</h1>"
            f"<p>By Aigerim Sadykova</p><p>17 February 2022</p>{body}</article></body></html>")


ROWS = ("<table><tr><td>1.</td><td><p>World Bank, <em>Water Report</em>, 2021.</p></td></tr>"
        "<tr><td>2.</td><td><p>Ibid.</p></td></tr></table>")


def test_notes_table_under_a_notes_heading_without_links(tmp_path):
    project = copy_case("small", tmp_path)
    source = tmp_path / "table-notes.html"
    source.write_text(page("<p>Dams fill slowly.<sup>1</sup> Rivers freeze.<sup>2</sup></p><h2>Notes</h2>" + ROWS),
                      encoding="utf-8")
    result = import_source(source, project)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "Dams fill slowly.[^1] Rivers freeze.[^2]" in markdown
    assert "[^1]: World Bank, *Water Report*, 2021." in markdown and "[^2]: Ibid." in markdown
    assert result.problems == []


def test_a_numbered_data_table_elsewhere_is_no_list_of_notes(tmp_path):
    project = copy_case("small", tmp_path)
    source = tmp_path / "data-table.html"
    source.write_text(page("<p>Dams fill slowly, as the table shows for each river in turn.</p><h2>Rivers</h2>"
                           + ROWS.replace("World Bank", "Ili River")), encoding="utf-8")
    result = import_source(source, project)
    markdown = result.chapter.read_text(encoding="utf-8")
    assert "[^" not in markdown and "Ili River" not in markdown
    assert any("a table at line" in d for d in result.dropped)
