"""The preview's one HTML page: the whole book in reading order, or the diagnostics that stop it building."""

from __future__ import annotations

from pathlib import Path

from volume.diagnostics import Diagnostic
from volume.model import Part, Volume
from volume.render import markup as shared
from volume.render.index_section import index_section
from volume.xhtml import escape_attr, escape_text

PREVIEW_CSS = """
body { max-width: 40em; margin: 0 auto; padding: 1em 1.5em 4em; }
section[epub\\:type~="chapter"], section.part, section.generated, nav.preview-toc { margin-top: 4em; }
.preview-banner { font: 0.85em/1.4 sans-serif; background: #fff8d6; border: 1px solid #e0c860;
  padding: 0.4em 0.8em; margin: 0 0 2em; }
.preview-banner summary { cursor: pointer; }
.preview-errors { font: 0.95em/1.5 sans-serif; }
.preview-errors li { color: #a00; margin: 0.4em 0; font-family: monospace; white-space: pre-wrap; }
"""

# Reloads when the server's build version differs from the one this page was rendered from: a change made
# between this page's load and the stream's opening still reloads it, and the first message is not a loop.
RELOAD_SCRIPT = """<script nonce="{nonce}">
(function () {{
  var shown = "{version}";
  var events = new EventSource("/events");
  events.onmessage = function (event) {{ if (event.data !== shown) {{ location.reload(); }} }};
}})();
</script>"""


def _document(title: str, lang: str, css: str, body: str, version: int | str, nonce: str) -> str:
    return ("<!DOCTYPE html>\n"
            f'<html lang="{escape_attr(lang or "en")}">\n<head>\n<meta charset="utf-8"/>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
            f"<title>{escape_text(title)}</title>\n<style>\n{css}\n{PREVIEW_CSS}</style>\n"
            f"{RELOAD_SCRIPT.format(nonce=nonce, version=version)}\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _warnings_banner(warnings: list[Diagnostic], root: Path) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{escape_text(d.format(root))}</li>" for d in warnings)
    return (f'<details class="preview-banner" role="status"><summary>{len(warnings)} warning(s) '
            f"(the build reports these too)</summary><ul>{items}</ul></details>")


def book_body(volume: Volume) -> str:
    """Every section of the book, in the EPUB's reading order, in one document with in-page links."""
    parts = [shared.title_page(volume), shared.copyright_page(volume),
             ('<nav class="preview-toc" id="toc" role="doc-toc" aria-labelledby="toc-title">'
              f'<h1 id="toc-title">Contents</h1>{shared.toc_entries(volume, page_numbers=False)}</nav>')]
    if volume.abbreviations:
        parts.append(shared.abbreviations_section(volume))
    for item in volume.sequence():
        parts.append(shared.part_section(item) if isinstance(item, Part) else shared.chapter_section(item, volume))
    if volume.bibliography:
        parts.append(shared.bibliography_section(volume, epub=True))
    if volume.index_entries:
        parts.append(index_section(volume, epub=True))
    return "\n".join(parts)


def book_page(volume: Volume, css: str, warnings: list[Diagnostic], root: Path, version: int | str,
              nonce: str, pdf_link: bool = False) -> str:
    """The preview's page; with pdf_link, a link to the digital PDF the preview rebuilds beside it (/book.pdf)."""
    title = volume.meta.title + (f": {volume.meta.subtitle}" if volume.meta.subtitle else "")
    link = ('<p class="preview-banner"><a href="/book.pdf" target="_blank">The PDF</a> (rebuilt after the page; '
            "reload it to see a change)</p>") if pdf_link else ""
    body = f"{_warnings_banner(warnings, root)}{link}<main>{book_body(volume)}</main>"
    return _document(title, volume.meta.language, css, body, version, nonce)


def error_page(diagnostics: list[str], version: int | str, nonce: str) -> str:
    """The diagnostics that stop the build; the page reloads by itself once they are fixed."""
    items = "".join(f"<li>{escape_text(line)}</li>" for line in diagnostics)
    body = (f'<main class="preview-errors"><h1>The volume does not build</h1>'
            f"<p>Fix these and save; this page reloads by itself.</p><ul>{items}</ul></main>")
    return _document("Preview: the volume does not build", "en", "", body, version, nonce)
