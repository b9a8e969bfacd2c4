"""The manifest's [print], [cover], [prices] and [onix] tables and the cover checks: each mistake a coded
diagnostic on its line that says what to do; the spine reckoned from presets, ppi or caliper."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import copy_case
from tests.test_config import BASE, codes, load
from tests.test_cover_onix import landscape_picture, with_trade_tables
from volume.diagnostics import Report, VolumeError

ROOT_STYLES = __import__("pathlib").Path(__file__).resolve().parent.parent / "styles"


def failing(tmp_path, extra: str) -> list:
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, BASE + extra)
    return excinfo.value.report.items


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_wrong_isbn_check_digit_names_the_right_one(tmp_path):
    extra = '[print]\n'
    text = BASE.replace('other = "', 'isbn_print = "978-0-306-40615-8"\nother = "') + extra
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    (diag,) = excinfo.value.report.items
    assert diag.code == "M006" and diag.location.line == line_of(text, "isbn_print")
    assert "has check digit 8, but its first 12 digits call for 7" in diag.message


def test_isbn_10_check_digit_and_a_repeated_isbn(tmp_path):
    text = BASE.replace('other = "', 'isbn_print = "0-306-40615-3"\nother = "')
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    assert "call for 2" in excinfo.value.report.items[0].message
    text = BASE.replace('other = "', 'isbn_ebook = "978-0-306-40615-7"\nisbn_pdf = "9780306406157"\nother = "')
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    assert codes(excinfo) == ["M020"] and "isbn_pdf repeats isbn_ebook" in excinfo.value.report.items[0].message


@pytest.mark.parametrize("table, code, words", [
    ('[print]\npaper = "munken-cream-80"\n', "M021", "pages per inch (ppi = 444) or the caliper"),
    ('[print]\nppi = 44\n', "M022", "44 pages per inch is not a book paper"),
    ('[print]\ncaliper = "0.1"\n', "M022", "with its unit"),
    ('[print]\nppi = 444\ncaliper = "0.1mm"\n', "M022", "either ppi or caliper"),
    ('[print]\nppi = "many"\n', "M022", "must be a number"),
    ('[print]\nspine_text_min = "wide"\n', "M005", "spine_text_min"),
    ('[onix]\nbisac = ["POL11000"]\n', "M023", "three capital letters and six digits"),
    ('[onix]\nthema = ["JPSF1"]\n', "M024", "not a Thema code"),
    ('[onix]\nthema = ["7ABC"]\n', "M024", "qualifier starting with its digit 1-6"),
    ('[prices]\ncurrency = "USD"\nprint = -3\n', "M025", "amount such as 24.95"),
    ('[prices]\ncurrency = "USD"\nprint = 24.999\n', "M025", "at most two decimals"),
    ('[prices]\ncurrency = "XYZ"\nprint = 24.95\n', "M025", "ISO 4217"),
    ('[prices]\nprint = 24.95\n', "M025", "need their currency"),
    ('[cover]\nimage = "images/c.jpg"\n', "C003", "needs its credit and licence"),
    ('[cover]\nphoto = "c.jpg"\n', "M003", "valid keys: back_text, image, image_credit"),
])
def test_trade_table_mistakes(tmp_path, table, code, words):
    items = failing(tmp_path, table)
    assert [d.code for d in items] == [code], [d.format() for d in items]
    assert words in items[0].message
    assert items[0].location.line and items[0].location.line > BASE.count("\n")  # on the table's own lines


def test_papers_and_their_spines(tmp_path):
    from volume.render.cover_wrap import wrap_for

    assert wrap_for(load(tmp_path, BASE), 444).spine == pytest.approx(72.0)  # white: 444 PPI, an inch
    cream = wrap_for(load(tmp_path, BASE + '[print]\npaper = "Cream"\n'), 400)
    assert cream.spine == pytest.approx(72.0) and cream.paper.name == "cream"
    ppi = wrap_for(load(tmp_path, BASE + '[print]\npaper = "munken"\nppi = 500\n'), 250)
    assert ppi.spine == pytest.approx(36.0) and ppi.paper.basis == "ppi"
    caliper = wrap_for(load(tmp_path, BASE + '[print]\npaper = "munken"\ncaliper = "0.1mm"\n'), 254)
    assert caliper.paper.ppi == pytest.approx(508.0) and caliper.spine == pytest.approx(36.0)  # 2 pages a leaf
    assert "254 pages ÷ 508 PPI (munken paper, from its caliper)" in caliper.summary()
    thin = wrap_for(load(tmp_path, BASE + '[print]\nspine_text_min = "6.35mm"\n'), 100)
    assert not thin.spine_has_text and wrap_for(load(tmp_path, BASE), 120).spine_has_text
    wrap = wrap_for(load(tmp_path, BASE + '[output]\n'.replace("[output]\n", "")), 444)
    assert wrap.width == pytest.approx(2 * (432 + 3 / 25.4 * 72) + 72) and wrap.height == pytest.approx(648 + 6 / 25.4 * 72)


def cover_report(project) -> list:
    from volume.checks.cover import check_cover
    from volume.config import load_manifest

    report = Report()
    check_cover(load_manifest(project / "chapters" / "volume.toml"), ROOT_STYLES / "fonts", report)
    return report.items


def test_cover_picture_checks(tmp_path):
    project = copy_case("small", tmp_path)
    manifest = with_trade_tables(project)
    assert [d.code for d in cover_report(project)] == ["C001"]  # named, not there
    picture = project / "chapters" / "images" / "cover.jpg"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(b"not a picture")
    assert [d.code for d in cover_report(project)] == ["C001"]
    landscape_picture(picture, (900, 600))
    (diag,) = cover_report(project)
    assert diag.code == "C002" and diag.location.line == line_of(manifest.read_text(), "image = ")
    # A5 with the bleed: 5.945 × 3.839 in of picture; 900 px across gives 151 dpi
    assert "900×600 px" in diag.message and "151 dpi" in diag.message and "1784×1152 px" in diag.message
    landscape_picture(picture, (1784, 1152))
    assert cover_report(project) == []
    text = manifest.read_text().replace('image = "images/cover.jpg"', 'image = "../../etc/passwd"')
    manifest.write_text(text)
    assert [d.code for d in cover_report(project)] == ["C001"]


def test_back_copy_and_spine_title_too_long(tmp_path):
    project = copy_case("small", tmp_path)
    manifest = project / "chapters" / "volume.toml"
    words = " ".join(f"word{n}" for n in range(900))
    text = manifest.read_text().replace('description = "A volume the tests build."', f'description = "{words}"')
    text = text.replace('title = "A Small Test Volume"', 'title = "' + "A Very Long Title " * 14 + '"')
    manifest.write_text(text)
    found = {d.code: d for d in cover_report(project)}
    assert set(found) == {"C004", "C005"}
    assert found["C004"].location.line == line_of(text, "description =") and "of the 900 words" in found["C004"].message
    assert found["C005"].location.line == line_of(text, "title =")


def test_volume_check_reports_a_small_cover_picture(tmp_path):
    """Through the CLI: `volume check` (and so every build) checks the cover without writing anything."""
    project = copy_case("small", tmp_path)
    with_trade_tables(project)
    landscape_picture(project / "chapters" / "images" / "cover.jpg", (1200, 800))
    run = subprocess.run([sys.executable, "-m", "volume", "check", "--project", str(project)], capture_output=True,
                         text=True)
    assert run.returncode == 1
    assert "chapters/volume.toml:" in run.stderr and "error C002: cover image 'images/cover.jpg' is 1200×800" in run.stderr
    assert "Traceback" not in run.stderr and not (project / "dist").exists()
