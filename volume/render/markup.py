"""The XHTML every renderer shares: title pages, contents, parts, chapters with their endnotes."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from volume.model import Chapter, Note, Part, Volume
from volume.render.page_numbers import LIST, PageNumbers
from volume.render.running_heads import running_author, running_title
from volume.xhtml import escape_attr, escape_text, serialize_children

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"

ROLES = {  # manifest role -> (DPUB-ARIA role, epub:type)
    "chapter": ("doc-chapter", "chapter"),
    "preface": ("doc-preface", "preface"),
    "introduction": ("doc-introduction", "introduction"),
    "foreword": ("doc-foreword", "foreword"),
    "acknowledgments": ("doc-acknowledgments", "acknowledgments"),
    "dedication": ("doc-dedication", "dedication"),
    "epigraph": ("doc-epigraph", "epigraph"),
    "prologue": ("doc-prologue", "prologue"),
    "conclusion": ("doc-conclusion", "conclusion"),
    "afterword": ("doc-afterword", "afterword"),
    "appendix": ("doc-appendix", "appendix"),
    "epilogue": ("doc-epilogue", "epilogue"),
    "glossary": ("doc-glossary", "glossary"),
}
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def lang_attrs(lang: str) -> str:
    return f' lang="{escape_attr(lang)}" xml:lang="{escape_attr(lang)}"' if lang else ""


def byline_html(chapter: Chapter) -> str:
    """One line per author, the affiliation set on a line of its own below the name (the styles make it a block)."""
    lines = []
    for author in chapter.authors:
        name = f'<span class="author">{escape_text(author.name)}</span>'
        if author.affiliation:
            name += f' <span class="affiliation">{escape_text(author.affiliation)}</span>'
        lines.append(f'<p class="byline">{name}</p>')
    return "".join(lines)


def _append_text(element, text: str) -> None:
    """Add text at the end of element's content (after its last child, if it has one)."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _note_content(note: Note) -> str:
    """The note's paragraphs, its number (a link back to its marker) opening the first and a link to its first
    bibliography entry closing the last."""
    root = note.body.copy().root
    for ref in note.references[:1]:
        last = root[-1] if len(root) else None
        ends_in_paragraph = last is not None and last.tag == "p" and not last.tail and (last.text or len(last))
        holder = last if ends_in_paragraph else root
        _append_text(holder, " ")
        etree.SubElement(holder, "a", {"class": "bib-link", "href": f"#{ref}", "role": "doc-biblioref"}).text = \
            "Bibliography entry"
    number = etree.Element("a", {"class": "note-number", "href": f"#{note.ref_id}", "role": "doc-backlink",
                                 "aria-label": f"Back to reference {note.number}"})
    number.text = f"{note.number}. "  # the space in the number's box: see book.css
    first = root[0] if len(root) else None
    if first is not None and first.tag == "p" and not first.attrib and not root.text and (first.text or len(first)):
        number.tail, first.text = first.text, None
        first.insert(0, number)
        return serialize_children(root)
    paragraph = etree.Element("p")
    number.tail, root.text = root.text, None
    paragraph.append(number)
    paragraph.extend(list(root))
    return etree.tostring(paragraph, encoding="unicode")


def notes_html(chapter: Chapter) -> str:
    if not chapter.notes:
        return ""
    # DPUB-ARIA 1.1 deprecates role="doc-endnote" (EPUBCheck warns); the list item keeps its listitem role and
    # epub:type marks it as the note for reading systems' pop-ups.
    items = [f'<li id="{note.id}" epub:type="endnote">{_note_content(note)}</li>' for note in chapter.notes]
    return (f'<section class="endnotes" id="{chapter.id}-notes" epub:type="endnotes" role="doc-endnotes" '
            f'aria-labelledby="{chapter.id}-notes-title">'
            f'<h2 id="{chapter.id}-notes-title" class="notes-title">Notes</h2>'
            f'<ol class="notes">{"".join(items)}</ol></section>')


@dataclass(frozen=True)
class Generated:
    """A section the build writes itself: the list of abbreviations, the bibliography, the index."""

    id: str
    title: str
    matter: str
    role: str = ""


def generated_sections(volume: Volume) -> list[Generated]:
    out = []
    if volume.abbreviations:
        out.append(Generated("abbreviations", "Abbreviations", "front", "abbreviations"))
    if volume.bibliography:
        out.append(Generated("bibliography", volume.manifest.bibliography_title, "back", "bibliography"))
    if volume.index_entries:
        out.append(Generated("index", "Index", "back", "index"))
    return out


def generated_head(item: Generated) -> str:
    short = running_title(item.title)
    return (f'<header class="chapter-head" data-running-author="{escape_attr(short)}" '
            f'data-running-title="{escape_attr(short)}"><h1 class="chapter-title" id="{item.id}-title">'
            f"{escape_text(item.title)}</h1></header>")


def abbreviations_section(volume: Volume) -> str:
    rows = "".join(f'<dt><abbr>{escape_text(a.short)}</abbr></dt><dd>{escape_text(a.expansion)}</dd>'
                   for a in volume.abbreviations)
    item = Generated("abbreviations", "Abbreviations", "front")
    return (f'<section id="abbreviations" class="frontmatter generated abbreviations" epub:type="frontmatter '
            f'glossary" role="doc-glossary" aria-labelledby="abbreviations-title">{generated_head(item)}'
            f'<dl class="abbreviations">{rows}</dl></section>')


def _cited_in(entry, epub: bool, numbers: PageNumbers | None = None) -> str:
    groups: dict[str, list] = {}
    for citing in entry.citing:
        groups.setdefault(citing.chapter_id, []).append(citing)
    parts = []
    for chapter_id, places in groups.items():
        first = places[0]
        name = (f"chapter {first.chapter_number}" if first.chapter_number
                else f"the {escape_text(first.chapter_title.split(':')[0].lower())}")
        if epub:
            parts.append(f'<a href="#{first.anchor}">{name}</a>')
        elif entry.pages:  # the pages learnt from the layout, each once
            pages = [(label, anchor) for chapter, label, anchor in entry.pages if chapter == chapter_id]
            if numbers is not None and all(label.isascii() and label.isdigit() for label, _anchor in pages):
                # cells with room for as many pages as the chapter cites the work (render/page_numbers.py)
                links = numbers.cells(pages, [LIST] * (len(pages) - 1), len(places))
            else:
                links = ", ".join(f'<a href="#{anchor}">{label}</a>' if numbers is None else
                                  f'<a class="pn" href="{numbers.href(anchor)}">{numbers.text(label)}</a>'
                                  for label, anchor in pages)
            parts.append(f'{name}, {"pp." if len(pages) > 1 else "p."}\u00a0{links}')
        else:  # before the layout is known: about the same width of text, filled in by the CSS
            pages = ", ".join(f'<a class="cited-page" href="#{p.anchor}"></a>' for p in places)
            parts.append(f'<a href="#{first.anchor}">{name}</a>, {"pp." if len(places) > 1 else "p."}\u00a0{pages}')
    if not parts:
        return ""
    return f' <span class="cited-in">Cited in {"; ".join(parts)}.</span>'


def bibliography_section(volume: Volume, epub: bool = False, numbers: PageNumbers | None = None) -> str:
    """The bibliography; with `numbers`, the PDF's cited pages are blanks of their width that numbers collects."""
    item = Generated("bibliography", volume.manifest.bibliography_title, "back")
    # DPUB-ARIA 1.1 deprecates role="doc-biblioentry" (EPUBCheck warns on it): the entries are list items
    # and epub:type names them for reading systems.
    entries = "".join(f'<li id="{e.id}" class="csl-entry" epub:type="biblioentry">{e.formatted.xhtml()}'
                      f'{_cited_in(e, epub, numbers)}</li>' for e in volume.bibliography)
    section_type = "bibliography" if epub else "backmatter bibliography"
    return (f'<section id="bibliography" class="backmatter generated bibliography" epub:type="{section_type}" '
            f'role="doc-bibliography" aria-labelledby="bibliography-title">{generated_head(item)}'
            f'<ul class="bibliography-entries">{entries}</ul></section>')


def chapter_label(chapter: Chapter) -> str:
    return f"Chapter {chapter.number}" if chapter.number else ""


def chapter_section(chapter: Chapter, volume: Volume) -> str:
    role, epub_type = ROLES.get(chapter.role, ROLES["chapter"])
    lang = chapter.lang if chapter.lang and chapter.lang != volume.meta.language else ""
    label = chapter_label(chapter)
    names = [author.name for author in chapter.authors]
    header = [f'<header class="chapter-head" data-running-author="{escape_attr(running_author(names))}" '
              f'data-running-title="{escape_attr(running_title(chapter.title_text))}">']
    if label:
        header.append(f'<p class="chapter-label">{label}</p>')
    header.append(f'<h1 class="chapter-title" id="{chapter.id}-title">{chapter.title.xhtml()}</h1>')
    if chapter.subtitle:
        header.append(f'<p class="subtitle" role="doc-subtitle">{chapter.subtitle.xhtml()}</p>')
    header.append(byline_html(chapter))
    header.append("</header>")
    abstract = (f'<section class="abstract" role="doc-abstract" aria-label="Abstract">{chapter.abstract.xhtml()}'
                '</section>' if chapter.abstract else "")
    return (f'<section id="{chapter.id}" class="{chapter.matter}matter {chapter.role}" epub:type="{chapter.matter}matter '
            f'{epub_type}" role="{role}" aria-labelledby="{chapter.id}-title"{lang_attrs(lang)}>'
            f'{"".join(header)}{abstract}<div class="chapter-body">{chapter.body.xhtml()}</div>{notes_html(chapter)}'
            '</section>')


def part_section(part: Part) -> str:
    return (f'<section id="{part.id}" class="part" epub:type="part" role="doc-part" '
            f'aria-labelledby="{part.id}-title"><h1 class="part-title" id="{part.id}-title">'
            f'<span class="part-label">Part {roman(part.number)}</span> '
            f'<span class="part-name">{escape_text(part.title)}</span></h1></section>')


def half_title(volume: Volume) -> str:
    return (f'<section id="half-title" class="half-title" epub:type="halftitlepage">'
            f'<p class="half-title-text">{escape_text(volume.meta.title)}</p></section>')


def title_page(volume: Volume) -> str:
    meta = volume.meta
    editors = ", ".join(meta.editors)
    parts = [f'<section id="title-page" class="title-page" epub:type="titlepage">',
             f'<h1 class="book-title">{escape_text(meta.title)}</h1>']
    if meta.subtitle:
        parts.append(f'<p class="book-subtitle">{escape_text(meta.subtitle)}</p>')
    if editors:
        parts.append(f'<p class="book-editors">Edited by {escape_text(editors)}</p>')
    imprint = ", ".join(x for x in (meta.publisher, meta.place) if x)
    if imprint:
        parts.append(f'<p class="book-publisher">{escape_text(imprint)}</p>')
    parts.append("</section>")
    return "".join(parts)


def copyright_page(volume: Volume, for_print: bool = True) -> str:
    meta = volume.meta
    lines = []
    if meta.rights:
        lines.append(escape_text(meta.rights))
    imprint = ", ".join(x for x in (meta.publisher, meta.place, str(meta.year or "")) if x)
    if imprint:
        lines.append(f"Published by {escape_text(imprint)}")
    ids = meta.identifiers
    if ids.isbn_print:
        lines.append(f"ISBN {escape_text(ids.isbn_print)} (print)")
    if ids.isbn_ebook:
        lines.append(f"ISBN {escape_text(ids.isbn_ebook)} (e-book)")
    if ids.isbn_pdf:
        lines.append(f"ISBN {escape_text(ids.isbn_pdf)} (PDF)")
    if ids.other and not (ids.isbn_print or ids.isbn_ebook):
        lines.append(f"Identifier: {escape_text(ids.other)}")
    if meta.description:  # its Markdown rendered (load.py); the plain string when that left nothing
        lines.append(volume.description.xhtml() or escape_text(meta.description))
    if volume.manifest.trade.cover.image_credit:  # the cover picture's licence travels with every edition
        lines.append(f"Cover image: {escape_text(volume.manifest.trade.cover.image_credit)}")
    if for_print:
        lines.append("Typeset with volume in Noto Serif.")
    body = "".join(f"<p>{line}</p>" for line in lines)
    return (f'<section id="copyright-page" class="copyright-page" epub:type="copyright-page" '
            f'aria-label="Copyright">{body}</section>')


def _toc_page(anchor: str, matter: str, page_numbers: bool, href_of, numbers: dict[str, str] | None) -> str:
    """The page number of a contents line: filled in by the CSS (target-counter), or given when known."""
    if not page_numbers:
        return ""
    if numbers is not None:
        return (f'<a class="toc-page literal" href="{href_of(anchor)}" aria-hidden="true">'
                f'{escape_text(numbers.get(anchor, ""))}</a>')
    return f'<a class="toc-page {matter}" href="{href_of(anchor)}" aria-hidden="true"></a>'


def toc_entries(volume: Volume, page_numbers: bool, href_of=lambda anchor: "#" + anchor,
                numbers: dict[str, str] | None = None) -> str:
    """The contents list. With page_numbers, each entry carries a link whose page the PDF CSS fills in."""
    items = []
    for item in volume.sequence():
        if isinstance(item, Part):
            items.append(f'<li class="toc-part"><a href="{href_of(item.id)}">Part {roman(item.number)}: '
                         f'{escape_text(item.title)}</a></li>')
            continue
        label = f'<span class="toc-number">{item.number}</span> ' if item.number else ""
        byline = f'<span class="toc-byline">{escape_text(item.byline)}</span>' if item.byline else ""
        page = _toc_page(item.id, item.matter, page_numbers, href_of, numbers)
        items.append(f'<li class="toc-{item.matter} toc-{item.role}">{label}<a class="toc-title" '
                     f'href="{href_of(item.id)}">{item.title.xhtml()}</a>{page}{byline}</li>')
    for item in generated_sections(volume):
        page = _toc_page(item.id, item.matter, page_numbers, href_of, numbers)
        line = (f'<li class="toc-{item.matter} toc-generated"><a class="toc-title" href="{href_of(item.id)}">'
                f'{escape_text(item.title)}</a>{page}</li>')
        if item.matter == "front":
            items.insert(0, line)
        else:
            items.append(line)
    return f'<ol class="toc-list">{"".join(items)}</ol>'
