"""The EPUB 3 edition: one XHTML document per part and chapter, packaged by ebooklib, made reproducible."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
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


@dataclass
class ContentDocument(Piece):
    """One XHTML content document of the EPUB while it is made: its body's content as a tree (Piece.root)."""

    uid: str = ""
    title: str = ""  # plain text
    body_type: str = ""


def written(title: str, body: etree._Element, lang: str, body_type: str = "") -> bytes:
    """A complete XHTML content document around the content of `body` (which it takes). ebooklib re-parses
    EpubHtml and drops <head> and body attributes, so our documents go in as plain EpubItems, written byte for
    byte."""
    body_attr = f' epub:type="{body_type}"' if body_type else ""
    shell = (f'<html xmlns="{shared.XHTML_NS}" xmlns:epub="{shared.EPUB_NS}" lang="{escape_attr(lang)}" '
             f'xml:lang="{escape_attr(lang)}">\n<head>\n<meta charset="utf-8"/>\n<title>{escape_text(title)}</title>\n'
             '<link rel="stylesheet" type="text/css" href="styles/epub.css"/>\n</head>\n'
             f"<body{body_attr}></body>\n</html>")
    html = etree.fromstring(shell.encode("utf-8"), XML_PARSER)
    target = html[-1]
    target.text = "\n" + (body.text or "")
    target.extend(list(body))
    if len(target):
        target[-1].tail = (target[-1].tail or "") + "\n"
    else:
        target.text += "\n"
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + etree.tostring(html, encoding="unicode") + "\n"
    return text.encode("utf-8")


def document(title: str, body: str, lang: str, body_type: str = "") -> bytes:
    """A complete XHTML content document around `body` (markup as the shared section builders write it)."""
    return written(title, Piece.parse("", body).root, lang, body_type)


def file_name(item: Chapter | Part) -> str:
    return f"{item.id}.xhtml"


def _ids(root: etree._Element) -> list[str]:
    return [element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")]


def _link_across_documents(root: etree._Element, owner: dict[str, str]) -> None:
    """Rewrite '#id' links whose target lives in another document of the EPUB."""
    own = set(_ids(root))
    for element in root.iter():
        href = element.get("href") if isinstance(element.tag, str) else None
        if href and href.startswith("#") and href[1:] not in own and href[1:] in owner:
            element.set("href", f"{owner[href[1:]]}{href}")


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


def _metadata(volume: Volume) -> epub.EpubBook:
    """A book with the volume's package metadata (Dublin Core)."""
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
    return book


def _add_styles_fonts_and_cover(book: epub.EpubBook, volume: Volume, styles_dir: Path) -> None:
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


def _sections(volume: Volume) -> list[tuple[str, str, str, str]]:
    """(uid, file name, title, body markup) of every content document but the nav, in reading order."""
    meta = volume.meta
    sections = [("cover", "cover.xhtml", "Cover",
                 f'<section class="cover" epub:type="cover">'
                 f'<img role="doc-cover" src="images/cover.png" alt="Cover: {escape_attr(meta.title)}'
                 f'{escape_attr(": " + meta.subtitle if meta.subtitle else "")}"/></section>'),
                ("titlepage", "titlepage.xhtml", "Title page", shared.title_page(volume)),
                ("copyright", "copyright.xhtml", "Copyright", shared.copyright_page(volume, for_print=False))]
    if volume.abbreviations:
        sections.append(("abbreviations", "abbreviations.xhtml", "Abbreviations", shared.abbreviations_section(volume)))
    for item in volume.sequence():
        if isinstance(item, Part):
            sections.append((f"p-{item.id}", file_name(item), f"Part {shared.roman(item.number)}: {item.title}",
                              shared.part_section(item)))
        else:
            sections.append((f"c-{item.id}", file_name(item), item.title_text, shared.chapter_section(item, volume)))
    if volume.bibliography:
        sections.append(("bibliography", "bibliography.xhtml", volume.manifest.bibliography_title,
                         shared.bibliography_section(volume, epub=True)))
    if volume.index_entries:
        sections.append(("index", "index.xhtml", "Index", index_section(volume, epub=True)))
    return sections


def _landmarks(volume: Volume) -> list[tuple[str, str, str]]:
    first_body = next((i for i in volume.sequence() if getattr(i, "matter", "body") == "body"), None)
    landmarks = [("cover", "cover.xhtml", "Cover"), ("toc", "nav.xhtml", "Contents")]
    if first_body is not None:
        landmarks.append(("bodymatter", file_name(first_body), "Start of content"))
    if volume.bibliography:
        landmarks.append(("bibliography", "bibliography.xhtml", volume.manifest.bibliography_title))
    if volume.index_entries:
        landmarks.append(("index", "index.xhtml", "Index"))
    return landmarks


def content_documents(volume: Volume) -> list[ContentDocument]:
    """Every content document in spine order, the nav fourth, each body parsed (XML) for the steps that follow."""
    sections = _sections(volume)
    sections.insert(3, ("nav", "nav.xhtml", "Contents", nav_body(volume, _landmarks(volume))))
    return [ContentDocument(name, Piece.parse(name, body).root, uid, title, "frontmatter" if uid == "nav" else "")
            for uid, name, title, body in sections]


def _add_page_list(documents: list[ContentDocument], facts: PageFacts) -> bool:
    """A page-break marker where each page of the digital PDF begins, and the page-list in the nav."""
    page_list = place_markers(documents, facts)
    nav = next(d for d in documents if d.uid == "nav")
    nav.root.append(etree.fromstring(
        f'<div xmlns="{shared.XHTML_NS}" xmlns:epub="{shared.EPUB_NS}">{page_list_nav(page_list)}</div>',
        XML_PARSER)[0])
    return bool(page_list)


def _add_documents(book: epub.EpubBook, documents: list[ContentDocument], lang: str) -> None:
    owner: dict[str, str] = {}
    for document_ in documents:
        for anchor in _ids(document_.root):
            owner.setdefault(anchor, document_.name)
    items = []
    for document_ in documents:
        _link_across_documents(document_.root, owner)
        props = ["svg"] if any(etree.QName(e).localname == "svg" for e in document_.root.iter()
                               if isinstance(e.tag, str)) else []
        props += [document_.uid] if document_.uid in ("nav", "index") else []
        content = written(document_.title, document_.root, lang, document_.body_type)
        items.append(_item(document_.uid, document_.name, content, properties=props))
        book.add_item(items[-1])
    book.spine = items


def build_book(volume: Volume, styles_dir: Path, facts: PageFacts | None = None) -> epub.EpubBook:
    book = _metadata(volume)
    _add_styles_fonts_and_cover(book, volume, styles_dir)
    documents = content_documents(volume)
    has_page_list = _add_page_list(documents, facts) if facts is not None else False
    _add_documents(book, documents, volume.meta.language)
    for chapter in volume.chapters:
        for asset in chapter.assets:
            book.add_item(_item(f"img-{asset.name}".replace(".", "-"), f"images/{asset.name}", asset.data,
                                asset.media_type))
    book.add_item(epub.EpubNcx())
    accessibility_metadata(book, volume, has_page_list, any(c.assets for c in volume.chapters))
    book.toc = _ncx_toc(volume)
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
    # ebooklib's zip is read back and written again by reproducible_zip, which compresses: ebooklib need not (most of
    # the 0.08 s its writing took under cProfile)
    epub.write_epub(raw, book, {"epub3_pages": False, "epub3_landmark": False, "epub2_guide": False,
                                "mtime": modified, "play_order": {"enabled": True, "start_from": 1},
                                "compresslevel": 0})
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
