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


def _head(volume: Volume) -> str:
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
    return "".join(head)


def _contents(volume: Volume, numbers: dict[str, str] | None = None) -> str:
    return ('<nav class="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>'
            + shared.toc_entries(volume, page_numbers=True, numbers=numbers) + "</nav>")


def _back_matter(volume: Volume) -> list[str]:
    body = []
    if volume.bibliography:
        body.append(shared.bibliography_section(volume))
    if volume.index_entries:
        body.append(index_section(volume))
    return body


def volume_document(volume: Volume, part: str = "all", numbers: dict[str, str] | None = None) -> str:
    """The book as HTML, in reading order: all of it, the main part (without the generated back matter), the
    generated back matter alone, or the contents alone with the page numbers given."""
    if part == "back":
        body = _back_matter(volume)
    elif part == "contents":
        body = [_contents(volume, numbers)]
    else:
        body = [shared.half_title(volume), shared.title_page(volume), shared.copyright_page(volume),
                _contents(volume)]
        if volume.abbreviations:
            body.append(shared.abbreviations_section(volume))
        for item in volume.sequence():
            body.append(shared.chapter_section(item, volume) if hasattr(item, "role") else shared.part_section(item))
        if part == "all":
            body += _back_matter(volume)
    return (f'<!DOCTYPE html><html lang="{escape_attr(volume.meta.language)}"><head>{_head(volume)}</head>'
            f'<body>{"".join(body)}</body></html>')


class _Renderer:
    """Everything one edition's layouts share: fonts, fetcher, style sheets, colour profiles."""

    def __init__(self, volume: Volume, styles_dir: Path, edition: str):
        isolate_fontconfig(styles_dir / "fonts")
        from weasyprint import CSS

        from volume.render.fetcher import ProjectFetcher

        self.volume, self.edition = volume, edition
        assets = {a.name: (a.media_type, a.data) for c in volume.chapters for a in c.assets}
        self.chapters_dir = volume.manifest.chapters_dir
        self.fetcher = ProjectFetcher([volume.manifest.project_dir, styles_dir], assets, self.chapters_dir / "images")
        self.body_id = first_body_id(volume)
        self.profiles: dict = {}
        self.sheets = [CSS(filename=str(styles_dir / "book.css"), url_fetcher=self.fetcher),
                       CSS(string=page_css(volume, self.body_id), url_fetcher=self.fetcher)]
        if edition == "print":
            profile = (styles_dir / "color" / PRINT_PROFILE).resolve().as_uri()
            self.sheets.append(CSS(string=print_css(profile), url_fetcher=self.fetcher, color_profiles=self.profiles))

    def render(self, html: str, first_folio: int | None = None):
        from weasyprint import CSS, HTML

        sheets = list(self.sheets)
        if first_folio is not None:  # a part laid out on its own continues the book's page numbers
            sheets.append(CSS(string=f"@page :first {{ counter-reset: page {first_folio}; }}",
                              url_fetcher=self.fetcher))
        return HTML(string=html, base_url=str(self.chapters_dir) + "/", url_fetcher=self.fetcher).render(
            stylesheets=sheets, color_profiles=self.profiles)

    def blank_page(self):
        from weasyprint import CSS, HTML

        width, height = self.volume.manifest.trim_size
        sheets = [CSS(string=f"@page {{ size: {width} {height}; }}", url_fetcher=self.fetcher)]
        if self.edition == "print":
            sheets.append(self.sheets[-1])
        return HTML(string="<html><body></body></html>", url_fetcher=self.fetcher).render(
            stylesheets=sheets, color_profiles=self.profiles).pages[0]


def _labels(pages, body_id: str | None) -> tuple[list[str], int]:
    body_start = next((i for i, page in enumerate(pages) if body_id in page.anchors), len(pages))
    return [shared.roman(i + 1).lower() if i < body_start else str(i - body_start + 1)
            for i in range(len(pages))], body_start


def lay_out(volume: Volume, styles_dir: Path, edition: str = "digital") -> Layout:
    """Lay the book out for an edition ('digital' or 'print'), every page number from this one layout.

    The main part (front matter and chapters) is laid out once; where every citation and index term landed is
    read from it; then only what depends on those pages is laid out again: the generated back matter
    (bibliography with its cited pages, index with its locators) as its own document continuing the page
    numbers, and the contents page with the back matter's real page numbers. The pages are then joined.
    """
    from volume.render.pagemap import page_facts
    from volume.transforms.pagination import apply_page_facts

    renderer = _Renderer(volume, styles_dir, edition)
    if not (volume.bibliography or volume.index_entries):
        document = renderer.render(volume_document(volume))
        return _finish(renderer, document.pages, document)
    main = renderer.render(volume_document(volume, "main"))
    labels, body_start = _labels(main.pages, renderer.body_id)
    facts = page_facts(main, labels)
    volume = apply_page_facts(volume, facts)
    pages = list(main.pages)
    if len(pages) % 2:  # the back matter opens on a right-hand page
        pages.append(renderer.blank_page())
    back = renderer.render(volume_document(volume, "back"), first_folio=len(pages) - body_start + 1)
    pages += back.pages
    numbers = _contents_numbers(volume, main.copy(pages), renderer.body_id)
    toc = [s.index for s in facts.starts if s.anchor in ("toc", "toc-title")]
    contents = renderer.render(volume_document(volume, "contents", numbers), first_folio=toc[0] + 1)
    if len(contents.pages) == len(toc) and toc == list(range(toc[0], toc[-1] + 1)):
        pages[toc[0]: toc[-1] + 1] = contents.pages
    else:  # the contents would change length: fall back to laying the whole book out with its pages known
        log.warning("contents page count changed; laying the whole book out again")
        document = renderer.render(volume_document(volume))
        return _finish(renderer, document.pages, document)
    return _finish(renderer, pages, main)


def _contents_numbers(volume: Volume, document, body_id: str | None) -> dict[str, str]:
    labels, _ = _labels(document.pages, body_id)
    numbers = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            numbers.setdefault(name, labels[index])
    return numbers


def _finish(renderer: _Renderer, pages: list, document) -> Layout:
    padding = 0
    if renderer.edition == "print" and renderer.volume.manifest.pad_pages > 1:
        padding = (-len(pages)) % renderer.volume.manifest.pad_pages
        if padding:
            pages = [*pages, *([renderer.blank_page()] * padding)]
    labels, body_start = _labels(pages, renderer.body_id)
    return Layout(document.copy(pages), labels, body_start, renderer.edition)


def _fixed_xmp_document_id(pdf, layout: Layout) -> None:
    """WeasyPrint writes a random xmpMM:DocumentID into PDF/X-4 metadata; derive it from the content instead."""
    import re
    import uuid

    import pydyf

    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and any(b"xmp.did:" in bytes(part) for part in obj.stream
                                                 if isinstance(part, (bytes, bytearray))):
            seed = "|".join(layout.labels) + layout.edition + str(len(layout.document.pages))
            fixed = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'volume:' + seed)}".encode()
            obj.stream = [re.sub(rb"xmp\.did:[0-9a-f-]{36}", fixed, bytes(part))
                          if isinstance(part, (bytes, bytearray)) else part for part in obj.stream]


def _page_labels_finisher(layout: Layout):
    import pydyf

    def finish(document, pdf):
        nums = pydyf.Array()
        if layout.body_start > 0:
            nums.extend([0, pydyf.Dictionary({"S": "/r"})])
        if layout.body_start < len(layout.labels):
            nums.extend([layout.body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})
        _fixed_xmp_document_id(pdf, layout)
        pdf.catalog["PageMode"] = "/UseOutlines"
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})

    return finish


def write_pdf(layout: Layout, target: Path, volume: Volume) -> None:
    identifier = hashlib.sha256((volume.meta.identifiers.ebook + volume.meta.title).encode()).hexdigest()[:32]
    options = {"pdf_variant": "pdf/ua-1"} if layout.edition == "digital" else {"pdf_variant": "pdf/x-4"}
    layout.document.write_pdf(str(target), finisher=_page_labels_finisher(layout),
                              pdf_identifier=identifier.encode(), **options)
