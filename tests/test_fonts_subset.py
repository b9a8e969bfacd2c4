"""Fonts are cut by the HarfBuzz that uharfbuzz carries, whatever the system has: the same bytes with or without
Debian's libharfbuzz-subset, and no fallback to fontTools (which WeasyPrint warns about)."""

from __future__ import annotations

import logging


from volume.render.fonts import isolate_fontconfig
from volume.resources import bundled_styles

HTML = "<p style='font-family: Noto Serif'>Caspian ქართული Հայերեն 中国 <b>bold</b> <i>italic</i></p>"


def _pdf() -> bytes:
    from weasyprint import HTML as Document

    return Document(string=HTML).write_pdf(pdf_identifier=b"fixed", uncompressed_pdf=True)


def test_weasyprint_cuts_fonts_with_uharfbuzz(monkeypatch, caplog):
    from weasyprint.pdf import fonts

    from volume.render.weasy import subset_with_uharfbuzz

    isolate_fontconfig(bundled_styles() / "fonts")
    subset_with_uharfbuzz()
    with caplog.at_level(logging.WARNING):
        with_system_library = _pdf()
        monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a machine without libharfbuzz-subset
        without = _pdf()
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
    assert b"/FontFile2" in without
    assert with_system_library == without


def test_uharfbuzz_cuts_keep_glyph_ids():
    import io

    from fontTools.ttLib import TTFont

    from volume.harfbuzz import cut_to_glyphs, subset_to_characters, unicodes

    path = bundled_styles() / "fonts" / "NotoSerif-Regular.ttf"
    assert ord("A") in unicodes(path) and len(unicodes(path)) > 2000
    whole = TTFont(path)
    glyph = whole.getBestCmap()[ord("A")]
    cut = TTFont(io.BytesIO(cut_to_glyphs(path, {whole.getGlyphID(glyph)})))
    assert len(cut.getGlyphOrder()) == whole.getGlyphID(glyph) + 1  # ids kept: the table ends at the glyph
    assert cut["glyf"][cut.getGlyphOrder()[-1]].numberOfContours > 0  # and the glyph has its outline
    small = TTFont(io.BytesIO(subset_to_characters(path, "Ab")))
    assert set(small.getBestCmap()) >= {ord("A"), ord("b")} and len(small.getBestCmap()) < 50
