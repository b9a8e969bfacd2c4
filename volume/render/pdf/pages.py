"""Page geometry and running heads as CSS, generated from the trim size and the chapters' page names.

The book is laid out in pieces (see pdf/pieces.py) whose page numbers are not known while they are laid out,
so the pieces' folio boxes are generated empty (`content: ""`): which box of a page would hold the folio is read
from the layout, and once every page is known the folios are drawn into those boxes (pdf/folios.py), placed as a
small calibration sheet set with FOLIO_SHEET_CSS shows; a book whose calibration cannot be read has its folios set on
folio sheets of its own (FOLIO_SHEET_CSS, one page per page of the book) and stamped onto the pages.
"""

from __future__ import annotations

from volume.model import Chapter, Volume

PAGE_CSS = """
@page {{
  size: {width} {height};
  margin: 0.72in 0.62in 0.78in 0.78in;
  @top-left {{ content: none; }}
  @top-right {{ content: none; }}
}}
@page :left {{
  margin-left: 0.62in; margin-right: 0.78in;
}}
@page :right {{
  margin-left: 0.78in; margin-right: 0.62in;
}}
@page cover {{ @top-center {{ content: none; }} @bottom-center {{ content: none; }} }}
@page front {{
  @bottom-center {{ content: {folio_roman}; font-size: 8.5pt; font-variant-numeric: lining-nums; }}
}}
@page :left {{
  @top-left {{ content: {folio}; font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }}
  @top-center {{ content: string(runauthor, first); font-size: 8.5pt; font-variant: small-caps; letter-spacing: 0.05em;
                vertical-align: bottom; padding-bottom: 10pt; }}
}}
@page :right {{
  @top-right {{ content: {folio}; font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }}
  @top-center {{ content: string(runtitle, first); font-size: 8.5pt; font-style: italic;
                vertical-align: bottom; padding-bottom: 10pt; }}
}}
@page front:left, front:right {{
  @top-left {{ content: none; }} @top-right {{ content: none; }}
  @top-center {{ content: string(runtitle, first); font-size: 8.5pt; font-style: italic; vertical-align: bottom; padding-bottom: 10pt; }}
}}
@page cover:left, cover:right, part:left, part:right {{
  @top-left {{ content: none; }} @top-right {{ content: none; }} @top-center {{ content: none; }}
}}
@page :blank {{
  @top-left {{ content: none; }} @top-right {{ content: none; }} @top-center {{ content: none; }}
  @bottom-center {{ content: none; }}
}}
"""

FRONT_CHAPTER_CSS = """
@page {name} {{
  @top-left {{ content: none; }} @top-right {{ content: none; }}
  @bottom-center {{ content: {folio_roman}; font-size: 8.5pt; }}
}}
"""
OPENING_CSS = """
#{id} {{ page: {name}; }}
#{id}.frontmatter {{ page: {name}; }}
@page :nth(1 of {name}) {{
  @top-left {{ content: none; }} @top-right {{ content: none; }} @top-center {{ content: none; }}
  @bottom-center {{ content: {folio}; font-size: 8.5pt; font-variant-numeric: lining-nums; }}
}}
"""


def page_name(chapter: Chapter) -> str:
    return f"open-{chapter.id}"


FOLIO_BOXES = ("@top-left", "@top-right", "@bottom-center")  # the margin boxes that may hold a folio
EMPTY_FOLIO = {"folio": '""', "folio_roman": '""'}

FOLIO_SHEET_CSS = """
@page {{ size: {width} {height}; margin: 0.72in 0.62in 0.78in 0.78in; }}
@page :left {{ margin-left: 0.62in; margin-right: 0.78in; }}
@page :right {{ margin-left: 0.78in; margin-right: 0.62in; }}
@page folio-top-left {{
  @top-left {{ content: string(folio); font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }} }}
@page folio-top-right {{
  @top-right {{ content: string(folio); font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }} }}
@page folio-bottom-center {{
  @bottom-center {{ content: string(folio); font-size: 8.5pt; font-variant-numeric: lining-nums; }} }}
body {{ margin: 0; }}
div.folio {{ break-before: page; string-set: folio attr(data-folio); height: 1px; }}
div.folio:first-child {{ break-before: auto; }}
"""


def page_css(volume: Volume, chapters: list | None = None) -> str:
    """The page rules of a piece holding `chapters` (all of the volume's when None); folio boxes left empty."""
    width, height = volume.manifest.trim_size
    css = [PAGE_CSS.format(width=width, height=height, **EMPTY_FOLIO)]
    from volume.render.markup import generated_sections

    if chapters is None:
        chapters = [*volume.chapters, *generated_sections(volume)]
    for chapter in chapters:
        css.append(OPENING_CSS.format(id=chapter.id, name=page_name(chapter), **EMPTY_FOLIO))
        if chapter.matter == "front":
            css.append(FRONT_CHAPTER_CSS.format(name=page_name(chapter), **EMPTY_FOLIO))
    return "\n".join(css)


def folio_sheet(volume: Volume, folios: list[tuple[str, str | None]]) -> tuple[str, str]:
    """(HTML, CSS) of the folio sheet: one page per page of the book, holding only that page's folio, in the box
    its piece left empty for it. folios: (label, margin box or None) per page."""
    from volume.xhtml import escape_attr

    width, height = volume.manifest.trim_size
    pages = "".join(
        f'<div class="folio" style="page: folio-{box[1:] if box else "none"}" data-folio="{escape_attr(label)}">'
        f"</div>" for label, box in folios)
    html = f'<!DOCTYPE html><html lang="{escape_attr(volume.meta.language)}"><body>{pages}</body></html>'
    return html, FOLIO_SHEET_CSS.format(width=width, height=height)
