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
