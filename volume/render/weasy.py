"""Where volume reaches into WeasyPrint's private API, in the layout workers: its font subsetter.

WeasyPrint cuts each embedded font with the system's libharfbuzz-subset when one is installed and with fontTools
otherwise (warning each time), so the PDF's bytes would depend on what the machine has. Every font is cut here
with the HarfBuzz that uharfbuzz carries, with the same options WeasyPrint uses.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def subset_with_uharfbuzz() -> None:
    """Replace weasyprint.pdf.fonts.Font.subset (in this process) by a cut through uharfbuzz."""
    from weasyprint.pdf import fonts

    if getattr(fonts.Font.subset, "volume_uharfbuzz", False):
        return

    def subset(self, to_unicode, hinting):
        from volume.harfbuzz import cut_to_glyphs

        if not to_unicode:
            return
        data = cut_to_glyphs(self.file_content, set(to_unicode), hinting=hinting, notdef=bool(self.missing),
                             index=self.index)
        if data is None:
            log.warning('HarfBuzz could not cut the font "%s"; it is embedded whole', self.family)
            return
        self.file_content = data

    subset.volume_uharfbuzz = True
    fonts.Font.subset = subset


def spare_capitalised_words() -> None:
    """Never hyphenate a word that begins with a capital (names: "Kazakhstan", "Astana"), as TeX's \\uchyph=0.

    WeasyPrint asks pyphen for a word's break points only when a line must break inside it; CSS has no property
    for this, so the dictionary WeasyPrint makes (in this process) answers "none" for capitalised words.
    """
    import types

    import pyphen
    from weasyprint.text import line_break

    if getattr(line_break.pyphen, "volume_spares_capitals", False):
        return

    class SparingPyphen(pyphen.Pyphen):
        def iterate(self, word):
            if word[:1].isupper():
                return iter(())
            return super().iterate(word)

    line_break.pyphen = types.SimpleNamespace(Pyphen=SparingPyphen, language_fallback=pyphen.language_fallback,
                                              volume_spares_capitals=True)
