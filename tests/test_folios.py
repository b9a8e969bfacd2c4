"""The folios drawn into the joined book (render/pdf/folios.py): where the calibration sheet says, as pagination
artifacts in one embedded font, read back by text extraction; and the folio sheets again when the calibration
cannot be read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pypdf

from tests.conftest import copy_case
from volume.build import build
from volume.harfbuzz import shape
from volume.render.pdf import folios as folio_module
from volume.render.pdf.folios import read_calibration
from volume.resources import bundled_styles

INCH = 72
FONTS = bundled_styles() / "fonts"  # the small case has no styles of its own


def _calibration(project: Path) -> Path:
    pieces = project / ".volume-cache" / "pieces"
    for facts in pieces.glob("*.json"):
        if json.loads(facts.read_text(encoding="utf-8"))["name"] == "folio-calibration":
            return facts.with_suffix(".pdf")
    raise AssertionError("no calibration sheet in the piece cache")


def _laid_out(project: Path) -> list[str]:
    return json.loads((project / ".volume-cache" / "last-build.json").read_text(encoding="utf-8"))["laid_out"]


def test_calibration_reads_the_boxes_as_the_page_rules_place_them(small_build):
    project, _ = small_build
    style = read_calibration(_calibration(project), FONTS)
    assert style is not None
    width = 148 / 25.4 * INCH
    top_left, top_right, bottom = (style.boxes[b] for b in ("@top-left", "@top-right", "@bottom-center"))
    assert (top_left.align, top_right.align, bottom.align) == (0.0, 1.0, 0.5)
    # verso: the left margin 0.62 in; recto: the right margin 0.62 in (pdf/pages.py)
    assert abs(top_left.anchors[1] - 0.62 * INCH) < 0.01
    assert abs(top_right.anchors[0] - (width - 0.62 * INCH)) < 0.01
    assert abs(bottom.anchors[0] - (0.78 * INCH + width - 0.62 * INCH) / 2) < 0.01  # the recto's page area centred
    assert abs(top_left.size - 8.5) < 0.01 and top_left.font.name == "NotoSerif-Regular.ttf"
    assert dict(top_left.features) == {"onum": True, "pnum": True}  # the html's figures; the foot's are lining
    digits = [shape(box.font, "0123456789", box.features)[0] for box in (top_left, bottom)]
    assert digits[1] == shape(bottom.font, "0123456789", (("lnum", True),))[0] != digits[0]  # lining at the foot
    assert top_left.baselines[0] > bottom.baselines[0] + 400  # the head near the top, the foot near the bottom


def test_folios_are_pagination_artifacts_in_one_font(small_build):
    project, _ = small_build
    assert not [name for name in _laid_out(project) if name.startswith("folios-")]  # no folio sheet laid out
    reader = pypdf.PdfReader(project / "dist" / "small.pdf")
    labels = list(reader.page_labels)
    with pikepdf.open(project / "dist" / "small.pdf") as pdf:
        drawn, files = 0, set()
        for index, page in enumerate(pdf.pages):
            data = b"".join(c.read_bytes() for c in (page.Contents if isinstance(page.Contents, pikepdf.Array)
                                                      else [page.Contents]))
            if b"/VolumeFolio" not in data:
                continue
            drawn += 1
            assert b"/Artifact <</Type /Pagination>> BDC" in data
            font = page.Resources.Font.VolumeFolio
            assert font.Subtype == "/Type0" and "/ToUnicode" in font
            descriptor = font.DescendantFonts[0].FontDescriptor
            files.add(descriptor.FontFile2.objgen)
            words = reader.pages[index].extract_text().split()
            assert labels[index] in (words[0], words[-1]), (index, labels[index], words[:3], words[-3:])
        # every page but the cover pages (half title, its verso, title, copyright), the part title and blank pages
        texts = [page.extract_text() for page in reader.pages]
        expected = sum(1 for i, t in enumerate(texts)
                       if i >= 4 and t.strip() and ("First Things" not in t or "Contents" in t))
        assert drawn == expected >= 5
        assert len(files) == 1
        # the folio font shares the book's one subset of its file with the text (pdf/font_merge.py)
        others = {f.DescendantFonts[0].FontDescriptor.FontFile2.objgen for p in pdf.pages
                  for f in (p.Resources.get("/Font") or {}).values()
                  if str(f.BaseFont).endswith("+Noto-Serif") and "/FontFile2" in f.DescendantFonts[0].FontDescriptor}
        assert files == others


def test_a_calibration_that_does_not_match_falls_back(small_build, tmp_path):
    """A sheet whose glyphs are not what HarfBuzz gives with any of the features tried is not used."""
    project, _ = small_build
    changed = tmp_path / "calibration.pdf"
    with pikepdf.open(_calibration(project)) as pdf:
        page = pdf.pages[0]
        page.Contents = pdf.make_stream(page.Contents.read_bytes().replace(b"<09c3>", b"<0014>"))
        pdf.save(changed)
    assert read_calibration(_calibration(project), FONTS) is not None
    assert read_calibration(changed, FONTS) is None


def test_folio_sheets_set_the_folios_when_they_cannot_be_stamped(tmp_path, monkeypatch):
    project = copy_case("small", tmp_path)
    monkeypatch.setattr(folio_module, "read_calibration", lambda path, fonts: None)
    build(project)
    assert "folios-0" in _laid_out(project)
    stamped = copy_case("small", tmp_path / "stamped")
    monkeypatch.undo()
    build(stamped)
    old = pypdf.PdfReader(project / "dist" / "small.pdf")
    new = pypdf.PdfReader(stamped / "dist" / "small.pdf")
    assert [p.extract_text() for p in old.pages] == [p.extract_text() for p in new.pages]
    shutil.rmtree(project / ".volume-cache")
