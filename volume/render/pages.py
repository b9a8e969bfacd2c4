"""Page geometry and running heads as CSS, generated from the trim size and the chapters' page names."""

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
  @bottom-center {{ content: counter(page, lower-roman); font-size: 8.5pt; font-variant-numeric: lining-nums; }}
}}
@page :left {{
  @top-left {{ content: counter(page); font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }}
  @top-center {{ content: string(runauthor, first); font-size: 8.5pt; font-variant: small-caps; letter-spacing: 0.05em;
                vertical-align: bottom; padding-bottom: 10pt; }}
}}
@page :right {{
  @top-right {{ content: counter(page); font-size: 8.5pt; vertical-align: bottom; padding-bottom: 10pt; }}
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
  @bottom-center {{ content: counter(page, lower-roman); font-size: 8.5pt; }}
}}
"""
OPENING_CSS = """
#{id} {{ page: {name}; }}
#{id}.frontmatter {{ page: {name}; }}
@page :nth(1 of {name}) {{
  {reset}
  @top-left {{ content: none; }} @top-right {{ content: none; }} @top-center {{ content: none; }}
  @bottom-center {{ content: counter(page{style}); font-size: 8.5pt; font-variant-numeric: lining-nums; }}
}}
"""


def page_name(chapter: Chapter) -> str:
    return f"open-{chapter.id}"


def page_css(volume: Volume, first_body_id: str | None) -> str:
    width, height = volume.manifest.trim_size
    css = [PAGE_CSS.format(width=width, height=height)]
    from volume.render.html import generated_sections

    for chapter in [*volume.chapters, *generated_sections(volume)]:
        css.append(OPENING_CSS.format(
            id=chapter.id,
            name=page_name(chapter),
            reset="counter-reset: page 1;" if chapter.id == first_body_id else "",
            style=", lower-roman" if chapter.matter == "front" else "",
        ))
        if chapter.matter == "front":
            css.append(FRONT_CHAPTER_CSS.format(name=page_name(chapter)))
    return "\n".join(css)


def print_css(profile_url: str, bleed: str = "3mm") -> str:
    """The print edition: bleed, crop marks, a CMYK output intent, and every colour as process black."""
    return (f'@color-profile device-cmyk {{ src: url("{profile_url}"); components: c, m, y, k; }}\n'
            f"@page {{ bleed: {bleed}; marks: crop; }}\n"
            "html, a, .cited-in, .index-term { color: device-cmyk(0 0 0 1); }\n")
