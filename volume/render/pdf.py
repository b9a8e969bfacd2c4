"""The PDF editions: the Volume laid out by WeasyPrint, page labels equal to the printed folios."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from volume.model import Volume
from volume.render import html as shared
from volume.render.fonts import isolate_fontconfig
from volume.render.index_html import index_section
from volume.render.pages import page_css, print_css
from volume.xhtml import escape_attr, escape_text

log = logging.getLogger(__name__)
PRINT_PROFILE = "artifex-swop-cmyk.icc"  # CMYK output intent of the print edition (see styles/color/README.md)


@dataclass
class Layout:
    """A laid-out edition and what we learnt from its pages."""

    document: object  # weasyprint.Document (not picklable)
    labels: list[str]  # printed folio of each page
    body_start: int  # index of the first arabic page
    edition: str = "digital"


def first_body_id(volume: Volume) -> str | None:
    for item in volume.sequence():
        if getattr(item, "matter", "body") != "front":
            return item.id
    return None


def build_date(volume: Volume) -> str:
    """The date stamped into outputs: SOURCE_DATE_EPOCH if set, else the manifest's date or year; never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        import datetime

        stamp = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    if volume.meta.date:
        return volume.meta.date + "T00:00:00Z"
    return f"{volume.meta.year or 2000}-01-01T00:00:00Z"


def volume_document(volume: Volume) -> str:
    """The whole book as one HTML document, in reading order."""
    meta = volume.meta
    head = [f"<title>{escape_text(meta.title + (': ' + meta.subtitle if meta.subtitle else ''))}</title>",
            '<meta charset="utf-8"/>']
    for editor in meta.editors:
        head.append(f'<meta name="author" content="{escape_attr(editor)}"/>')
    if meta.description:
        head.append(f'<meta name="description" content="{escape_attr(meta.description)}"/>')
    if meta.keywords:
        head.append(f'<meta name="keywords" content="{escape_attr(", ".join(meta.keywords))}"/>')
    head.append('<meta name="generator" content="volume"/>')
    date = build_date(volume)
    head.append(f'<meta name="dcterms.created" content="{date}"/>')
    head.append(f'<meta name="dcterms.modified" content="{date}"/>')
    body = [shared.half_title(volume), shared.title_page(volume), shared.copyright_page(volume),
            '<nav class="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>'
            + shared.toc_entries(volume, page_numbers=True) + "</nav>"]
    if volume.abbreviations:
        body.append(shared.abbreviations_section(volume))
    for item in volume.sequence():
        if hasattr(item, "role"):
            body.append(shared.chapter_section(item, volume))
        else:
            body.append(shared.part_section(item))
    if volume.bibliography:
        body.append(shared.bibliography_section(volume))
    if volume.index_entries:
        body.append(index_section(volume))
    return (f'<!DOCTYPE html><html lang="{escape_attr(meta.language)}"><head>{"".join(head)}</head>'
            f'<body>{"".join(body)}</body></html>')


def lay_out(volume: Volume, styles_dir: Path, edition: str = "digital") -> Layout:
    """Lay the book out once for an edition ('digital' or 'print')."""
    isolate_fontconfig(styles_dir / "fonts")
    from weasyprint import CSS, HTML

    from volume.render.fetcher import ProjectFetcher

    assets = {a.name: (a.media_type, a.data) for c in volume.chapters for a in c.assets}
    chapters_dir = volume.manifest.chapters_dir
    fetcher = ProjectFetcher([volume.manifest.project_dir, styles_dir], assets, chapters_dir / "images")
    body_id = first_body_id(volume)
    profiles: dict = {}
    stylesheets = [CSS(filename=str(styles_dir / "book.css"), url_fetcher=fetcher),
                   CSS(string=page_css(volume, body_id), url_fetcher=fetcher)]
    if edition == "print":
        profile = (styles_dir / "color" / PRINT_PROFILE).resolve().as_uri()
        stylesheets.append(CSS(string=print_css(profile), url_fetcher=fetcher, color_profiles=profiles))
    document = HTML(string=volume_document(volume), base_url=str(chapters_dir) + "/",
                    url_fetcher=fetcher).render(stylesheets=stylesheets, color_profiles=profiles)
    if edition == "print" and volume.manifest.pad_pages > 1:
        document = _padded(document, volume, fetcher, profiles, stylesheets[-1])
    body_start = next((i for i, page in enumerate(document.pages) if body_id in page.anchors), len(document.pages))
    labels = [shared.roman(i + 1).lower() if i < body_start else str(i - body_start + 1)
              for i in range(len(document.pages))]
    return Layout(document, labels, body_start, edition)


def _padded(document, volume: Volume, fetcher, profiles: dict, print_sheet):
    """Blank pages at the end so the page count is a multiple of the manifest's pad_pages (signatures of 4)."""
    from weasyprint import CSS, HTML

    missing = (-len(document.pages)) % volume.manifest.pad_pages
    if not missing:
        return document
    width, height = volume.manifest.trim_size
    blank_css = CSS(string=f"@page {{ size: {width} {height}; }}", url_fetcher=fetcher)
    blank = HTML(string="<html><body></body></html>", url_fetcher=fetcher).render(
        stylesheets=[blank_css, print_sheet], color_profiles=profiles)
    return document.copy([*document.pages, *([blank.pages[0]] * missing)])


def _page_labels_finisher(layout: Layout):
    import pydyf

    def finish(document, pdf):
        nums = pydyf.Array()
        if layout.body_start > 0:
            nums.extend([0, pydyf.Dictionary({"S": "/r"})])
        if layout.body_start < len(layout.labels):
            nums.extend([layout.body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})
        pdf.catalog["PageMode"] = "/UseOutlines"
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})

    return finish


def write_pdf(layout: Layout, target: Path, volume: Volume) -> None:
    identifier = hashlib.sha256((volume.meta.identifiers.ebook + volume.meta.title).encode()).hexdigest()[:32]
    options = {"pdf_variant": "pdf/ua-1"} if layout.edition == "digital" else {"pdf_variant": "pdf/x-4"}
    layout.document.write_pdf(str(target), finisher=_page_labels_finisher(layout),
                              pdf_identifier=identifier.encode(), **options)
