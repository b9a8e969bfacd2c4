"""The EPUB 3 edition: one XHTML document per part and chapter, packaged by ebooklib, made reproducible."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ebooklib import epub
from lxml import etree

from volume.model import Chapter, PageFacts, Part, Volume
from volume.render import markup as shared
from volume.render.epub.cover import cover_png
from volume.render.epub.fonts import embedded_fonts, font_css
from volume.render.epub.page_list import Piece, page_list_nav, place_markers
from volume.render.index_section import index_section
from volume.xhtml import XML_PARSER, escape_attr, escape_text

ZIP_EPOCH = (2000, 1, 1, 0, 0, 0)
MIMETYPES_WITH_PROPERTIES = {"image/svg+xml"}


def document(title: str, body: str, lang: str, body_type: str = "") -> bytes:
    """A complete XHTML content document. ebooklib re-parses EpubHtml and drops <head> and body attributes,
    so our documents go in as plain EpubItems, written byte for byte."""
    body_attr = f' epub:type="{body_type}"' if body_type else ""
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{shared.XHTML_NS}" xmlns:epub="{shared.EPUB_NS}" lang="{escape_attr(lang)}" '
        f'xml:lang="{escape_attr(lang)}">\n<head>\n<meta charset="utf-8"/>\n<title>{escape_text(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="styles/epub.css"/>\n</head>\n'
        f"<body{body_attr}>\n{body}\n</body>\n</html>\n"
    )
    etree.fromstring(text.encode("utf-8"), XML_PARSER)  # a malformed document is our bug: fail here, not in a reader
    return text.encode("utf-8")


def file_name(item: Chapter | Part) -> str:
    return f"{item.id}.xhtml"


def _ids_in(markup: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', markup))


def _link_across_documents(markup: str, own_ids: set[str], owner: dict[str, str]) -> str:
    """Rewrite '#id' links whose target lives in another document of the EPUB."""

    def fix(match: re.Match) -> str:
        target = match.group(1)
        if target in own_ids or target not in owner:
            return match.group(0)
        return f'href="{owner[target]}#{target}"'

    return re.sub(r'href="#([^"]+)"', fix, markup)


def _item(uid: str, name: str, content: bytes, media_type: str = "application/xhtml+xml",
          properties: list[str] | None = None) -> epub.EpubItem:
    item = epub.EpubItem(uid=uid, file_name=name, media_type=media_type, content=content)
    item.properties = properties or []
    return item


def nav_toc(volume: Volume) -> str:
    """The nav's contents list: EPUB's nav grammar allows only a link and a nested list in each item."""
    out: list[str] = []
    open_part = False
    for item in volume.sequence():
        if isinstance(item, Part):
            if open_part:
                out.append("</ol></li>")
            out.append(f'<li><a href="{file_name(item)}">Part {shared.roman(item.number)}: '
                       f'{escape_text(item.title)}</a><ol>')
            open_part = True
            continue
        if open_part and item.part_id is None:
            out.append("</ol></li>")
            open_part = False
        number = f"{item.number}. " if item.number else ""
        out.append(f'<li><a href="{file_name(item)}">{number}{item.title.xhtml()}</a></li>')
    if open_part:
        out.append("</ol></li>")
    for item in shared.generated_sections(volume):
        line = f'<li><a href="{item.id}.xhtml">{escape_text(item.title)}</a></li>'
        out.insert(0, line) if item.matter == "front" else out.append(line)
    return f'<ol>{"".join(out)}</ol>'


def nav_body(volume: Volume, landmarks: list[tuple[str, str, str]]) -> str:
    toc = nav_toc(volume)
    marks = "".join(f'<li><a epub:type="{kind}" href="{href}">{escape_text(title)}</a></li>'
                    for kind, href, title in landmarks)
    body = (f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">'
            f'<h1 id="toc-title">Contents</h1>{toc}</nav>\n'
            f'<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="Landmarks">'
            f'<h2>Landmarks</h2><ol>{marks}</ol></nav>')
    return body


def accessibility_metadata(book: epub.EpubBook, volume: Volume, has_page_list: bool, has_images: bool) -> None:
    """EPUB Accessibility 1.1 discovery metadata (schema.org properties in the OPF)."""
    features = ["tableOfContents", "readingOrder", "structuralNavigation"]
    if has_images:
        features.append("alternativeText")
    if has_page_list:
        features += ["pageNavigation", "printPageNumbers"]
    if any(getattr(c, "role", "") == "index" for c in volume.chapters) or volume.index_entries:
        features.append("index")
    modes = ["textual", "visual"] if has_images else ["textual"]
    for mode in modes:
        book.add_metadata(None, "meta", mode, {"property": "schema:accessMode"})
    book.add_metadata(None, "meta", "textual", {"property": "schema:accessModeSufficient"})
    for feature in features:
        book.add_metadata(None, "meta", feature, {"property": "schema:accessibilityFeature"})
    book.add_metadata(None, "meta", "none", {"property": "schema:accessibilityHazard"})
    summary = ("Structured with headings, a table of contents, landmarks and endnotes linked both ways"
               + ("; the printed edition's page numbers are marked and listed" if has_page_list else "")
               + ("; every image has a text alternative" if has_images else "") + ".")
    book.add_metadata(None, "meta", summary, {"property": "schema:accessibilitySummary"})
    book.add_metadata(None, "meta", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA", {"property": "dcterms:conformsTo"})
    if has_page_list:
        source = volume.meta.identifiers.isbn_print
        book.add_metadata(None, "meta", f"urn:isbn:{source.replace('-', '')}" if source
                          else f"{volume.meta.title} (print edition)", {"property": "pageBreakSource"})


def build_book(volume: Volume, styles_dir: Path, facts: PageFacts | None = None) -> epub.EpubBook:
    meta = volume.meta
    book = epub.EpubBook()
    book.set_identifier(meta.identifiers.ebook)
    book.set_title(meta.title + (f": {meta.subtitle}" if meta.subtitle else ""))
    book.set_language(meta.language)
    for index, editor in enumerate(meta.editors):
        book.add_author(editor, role="edt", uid=f"editor-{index}")
    contributors = sorted({a.name for c in volume.chapters for a in c.authors} - set(meta.editors))
    for name in contributors:
        book.add_metadata("DC", "contributor", name)
    for key in ("publisher", "rights", "description"):
        if getattr(meta, key):
            book.add_metadata("DC", key, getattr(meta, key))
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    book.add_metadata("DC", "date", volume.date.day)

    fonts = embedded_fonts(volume, styles_dir / "fonts")
    css = (styles_dir / "epub.css").read_bytes() + font_css(fonts).encode("utf-8")
    book.add_item(_item("style", "styles/epub.css", css, "text/css"))
    for number, font in enumerate(fonts, start=1):
        book.add_item(_item(f"font-{number}", f"fonts/{font.name}", font.data, font.media_type))
    if fonts and (styles_dir / "fonts" / "OFL.txt").is_file():  # the fonts' licence travels with them
        book.add_item(_item("font-licence", "fonts/OFL.txt", (styles_dir / "fonts" / "OFL.txt").read_bytes(),
                            "text/plain"))
    cover = epub.EpubCover(uid="cover-image", file_name="images/cover.png")
    cover.content = cover_png(volume, styles_dir)
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-image"})

    lang = meta.language
    pieces: list[tuple[str, str, str, str]] = []  # uid, file, title, body
    pieces.append(("cover", "cover.xhtml", "Cover",
                   f'<section class="cover" epub:type="cover">'
                   f'<img role="doc-cover" src="images/cover.png" alt="Cover: {escape_attr(meta.title)}'
                   f'{escape_attr(": " + meta.subtitle if meta.subtitle else "")}"/></section>'))
    pieces.append(("titlepage", "titlepage.xhtml", "Title page", shared.title_page(volume)))
    pieces.append(("copyright", "copyright.xhtml", "Copyright", shared.copyright_page(volume, for_print=False)))
    for item in volume.sequence():
        if isinstance(item, Part):
            pieces.append((f"p-{item.id}", file_name(item), f"Part {shared.roman(item.number)}: {item.title}",
                           shared.part_section(item)))
        else:
            pieces.append((f"c-{item.id}", file_name(item), item.title_text, shared.chapter_section(item, volume)))

    if volume.abbreviations:
        pieces.insert(3, ("abbreviations", "abbreviations.xhtml", "Abbreviations", shared.abbreviations_section(volume)))
    if volume.bibliography:
        pieces.append(("bibliography", "bibliography.xhtml", volume.manifest.bibliography_title,
                       shared.bibliography_section(volume, epub=True)))
    if volume.index_entries:
        pieces.append(("index", "index.xhtml", "Index", index_section(volume, epub=True)))
    first_body = next((i for i in volume.sequence() if getattr(i, "matter", "body") == "body"), None)
    landmarks = [("cover", "cover.xhtml", "Cover"), ("toc", "nav.xhtml", "Contents")]
    if first_body is not None:
        landmarks.append(("bodymatter", file_name(first_body), "Start of content"))
    if volume.bibliography:
        landmarks.append(("bibliography", "bibliography.xhtml", volume.manifest.bibliography_title))
    if volume.index_entries:
        landmarks.append(("index", "index.xhtml", "Index"))
    pieces.insert(3, ("nav", "nav.xhtml", "Contents", nav_body(volume, landmarks)))
    page_list: list[tuple[str, str]] = []
    if facts is not None:
        parsed = [Piece.parse(name, body) for _uid, name, _title, body in pieces]
        page_list = place_markers(parsed, facts)
        nav_piece = parsed[3]
        nav_piece.root.append(etree.fromstring(
            f'<div xmlns="{shared.XHTML_NS}" xmlns:epub="{shared.EPUB_NS}">{page_list_nav(page_list)}</div>',
            XML_PARSER)[0])
        pieces = [(uid, name, title, piece.serialize())
                  for (uid, name, title, _body), piece in zip(pieces, parsed)]

    owner = {}
    for _uid, name, _title, body in pieces:
        for anchor in _ids_in(body):
            owner.setdefault(anchor, name)
    items = {}
    for uid, name, title, body in pieces:
        body = _link_across_documents(body, _ids_in(body), owner)
        props = ["svg"] if "<svg" in body else []
        if uid == "nav":
            props.append("nav")
        if uid == "index":
            props.append("index")
        body_type = {"nav": "frontmatter"}.get(uid, "")
        items[uid] = _item(uid, name, document(title, body, lang, body_type), properties=props)
        book.add_item(items[uid])
    for chapter in volume.chapters:
        for asset in chapter.assets:
            book.add_item(_item(f"img-{asset.name}".replace(".", "-"), f"images/{asset.name}", asset.data,
                                asset.media_type))

    book.add_item(epub.EpubNcx())
    accessibility_metadata(book, volume, bool(page_list), any(c.assets for c in volume.chapters))

    book.toc = _ncx_toc(volume)
    spine = [items[uid] for uid, *_ in pieces]
    book.spine = spine
    book.guide = []
    return book


def _ncx_toc(volume: Volume) -> list:
    toc: list = []
    current: list | None = None
    for item in volume.sequence():
        if isinstance(item, Part):
            section = epub.Section(f"Part {shared.roman(item.number)}: {item.title}", file_name(item))
            current = []
            toc.append((section, current))
            continue
        link = epub.Link(file_name(item), item.title_text, f"toc-{item.id}")
        if item.part_id and current is not None:
            current.append(link)
        else:
            current = None if item.matter != "body" else current
            toc.append(link)
    for item in shared.generated_sections(volume):
        link = epub.Link(f"{item.id}.xhtml", item.title, f"toc-{item.id}")
        toc.insert(0, link) if item.matter == "front" else toc.append(link)
    return toc


def write_epub(volume: Volume, styles_dir: Path, target: Path, facts: PageFacts | None = None) -> None:
    book = build_book(volume, styles_dir, facts)
    modified = volume.date.naive
    raw = io.BytesIO()
    epub.write_epub(raw, book, {"epub3_pages": False, "epub3_landmark": False, "epub2_guide": False,
                                "mtime": modified, "play_order": {"enabled": True, "start_from": 1}})
    target.write_bytes(reproducible_zip(raw.getvalue(), volume.meta.language))


def reproducible_zip(data: bytes, lang: str = "") -> bytes:
    """The same EPUB with fixed entry times and order (ebooklib stamps the clock and local time zone), and the
    package's xml:lang, which ebooklib cannot write (Ace requires it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = ["mimetype"] + sorted(n for n in names if n != "mimetype")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(name)
            if name.endswith(".opf") and lang and b"<package " in content and b"xml:lang" not in content[:400]:
                content = content.replace(b"<package ", f'<package xml:lang="{lang}" '.encode(), 1)
            target.writestr(info, content, compresslevel=9 if name != "mimetype" else None)
    return out.getvalue()
