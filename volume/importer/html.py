"""A web article saved as HTML read into an Article: its title, byline and date from the markup, its notes list
beside the text (page_root.py chooses the article's element, html_walk.py reads it, page_chrome.py knows the
furniture)."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import lxml.html
from lxml import etree

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import citations, header_reader
from volume.importer import recognise as rec
from volume.importer.article import Article, Block, inline_text
from volume.importer.byline import take_closing_byline, take_metadata, take_title, undated_title
from volume.importer.html_tables import frame_of_rows
from volume.importer.html_walk import (LINK, Walker, lettered_notes, marker_value, same_page_links,
                                       tables_cited_elsewhere)
from volume.importer.page_chrome import HEADINGS, _words, chrome_kind
from volume.importer.page_meta import (GENERIC_AUTHORS, declared_date, dom_authors, dom_date, etext_authors,
                                      meta_authors, page_meta, scholarly_authors, wiki_revision)
from volume.importer.page_root import choose_root
from volume.importer.settle import settle_notes


def _decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", "ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in ("utf-8-sig", declared.group(1) if declared else "utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def _site_names(doc: etree._Element, meta: dict[str, list[str]]) -> set[str]:
    """The site's name as the page gives it (og:site_name, application-name) and its address's host, in letters
    only ('IhrWebprofi.at' → 'ihrwebprofiat', 'https://www.ihrwebprofi.at/…' → 'ihrwebprofi')."""
    names = [*meta.get("og:site_name", []), *meta.get("application-name", []), *meta.get("dc.publisher", [])]
    for address in [*doc.xpath('//link[@rel="canonical"]/@href'), *meta.get("og:url", [])]:
        host = re.match(r"https?://(?:www\.)?([^/:]+)", address)
        if host:
            names.append(host.group(1).rsplit(".", 1)[0])
    return {n for n in (re.sub(r"\W|_", "", v.casefold()) for v in names) if len(n) >= 3}


def _site_part_removed(title: str, sites: set[str]) -> str:
    """'Verein | Wie Werbung das Klima belastet': the part of a <title> that is not the site's name, wherever it
    stands, when the page names its site; else the part before a short last part."""
    title = BRACKETED_SITE.sub("", title.strip())
    parts = re.split(_separators(title, r"[|–—·»:-]"), title)
    letters = [re.sub(r"\W|_", "", p.casefold()) for p in parts]
    kept = [p for p, k in zip(parts, letters) if not any(k and (k in site or site in k) for site in sites)]
    if len(parts) > 1 and len(kept) == 1:
        return kept[0]
    return _site_suffix_removed(title)


BRACKETED_SITE = re.compile(r"\s+\[[^\[\]]{2,40}\]$")  # 'Loss of wwox expression … [PeerJ]': the site in brackets


def _separators(title: str, marks: str) -> str:
    """What parts a <title>: ' | ' alone when the title has one (the dash in 'Würde des Lebens – ein Projekt |
    Große Fragen' is the article's own), else any of `marks` between spaces, and ' :: '."""
    return r"\s+[|]\s+|\s+::\s+" if re.search(r"\s\|\s", title) else r"\s+" + marks + r"\s+|\s+::\s+"


def _rest_of_title(page_title: str, title: str) -> str:
    """What the page's <title> holds besides the article's title: the site's name ('Silicon Exposed: Title'),
    when it is short; else nothing."""
    page, own = rec.squash(page_title), rec.squash(title)
    rest = page.replace(own, "", 1).strip(" |–—·»:-") if own and own in page else ""
    return rest if len(rest.split()) <= 6 else ""


def _site_suffix_removed(title: str) -> str:
    """'Expert*innen in der Krise | Verfassungsblog' → the part before the site's name (a short last part)."""
    title = BRACKETED_SITE.sub("", title.strip())
    parts = re.split(_separators(title, r"[|–—·-]"), title)
    while len(parts) > 1 and len(re.sub(r"\([^)]*\)", "", parts[-1]).split()) <= 6:
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


TITLE_BLOCK = ('//div[@id="page-title" or @id="post-title" or @id="article-title" or contains(concat(" ", '
               'normalize-space(@class), " "), " page-title ") or contains(concat(" ", normalize-space(@class), " "), '
               '" entry-title ") or contains(concat(" ", normalize-space(@class), " "), " post-title ")]')
TITLE_BLOCK_WORDS = 20


def _h1_key(heading: etree._Element) -> str:
    """A heading's text compared with the page's title, without a kicker's date glued before it."""
    return rec.key(undated_title(rec.squash(heading.text_content()))[0])


def _title(doc: etree._Element, root: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """The article's title: its own <h1>, else og:title (a page-wide <h1> is often the site's logo), else
    any <h1>, a heading above the article's first paragraph, or the page <title> without the site's name."""
    declared = [rec.key(_site_suffix_removed(v)) for k in ("og:title", "twitter:title") for v in meta.get(k, [])]
    declared += [rec.key(v) for k in ("og:title", "twitter:title") for v in meta.get(k, [])]  # 'A – B' whole
    sites = _site_names(doc, meta)
    declared.append(rec.key(_site_part_removed(doc.findtext(".//title") or "", sites)))
    parts = [rec.key(p) for p in re.split(r"\s+[|–—·»:-]\s+|\s+::\s+", doc.findtext(".//title") or "")]
    parts = [p for p in parts if len(p.split()) >= 3]  # ('BAFA - Mineralölstatistik - Title': an <h1> it names)
    headings = [h for h in root.iter("h1") if h.text_content().strip()]
    lower = {rec.key(h.text_content()) for h in root.iter("h2", "h3")}
    named = [h for h in headings if any(d and (d.startswith(_h1_key(h)) or (
        _h1_key(h) in d and len(_h1_key(h)) >= 0.6 * len(d))) and rec.key(d[len(_h1_key(h)):]) not in lower
        for d in declared)] or [h for h in headings if _h1_key(h) in parts]
    # (not the blog's name when its post's heading is the rest of the page's title: 'Blog: Title' / <h3>Title)
    for heading in named:  # the <h1> the page's <title> names
        return Walker(None).inline(heading).strip(), "the article's main heading"
    if headings and not (declared[-1] and len(declared[-1].split()) >= 3):
        return Walker(None).inline(headings[0]).strip(), "the article's main heading"
    for heading in [*root.iter("h2", "h3"), *doc.iter("h2", "h3")]:  # the article's own heading, when the page's
        # <h1> is the site's (also above the article's element: a blog's post title over the post's body)
        key = rec.key(heading.text_content())
        if key and any(d == key or ((d.startswith(key) or d.endswith(key)) and len(key) >= 0.6 * len(d))
                       for d in declared if d):  # ('Blog: Title', 'Title | Site' in the page's <title>)
            return Walker(None).inline(heading).strip(), "the article's heading the page's <title> names"
    for key in ("og:title", "twitter:title", "citation_title", "dc.title", "dcterms.title", "ld:headline"):
        if meta.get(key):
            value = re.sub(r"</?(?:i|em|b|strong|sub|sup|span|sc)\b[^>]*>", "", meta[key][0])  # ('(<i>Aeschynomene
            return inline_text(_site_suffix_removed(value), None, markers=False), f"<meta {key}>"  # americana</i>')
    order = {node: index for index, node in enumerate(doc.iter())}
    text_start = next((order[p] for p in root.iter("p") if len(p.text_content().split()) >= 25), len(order))
    site = {rec.key(p) for p in re.split(r"\s+[|–—·»:-]\s+", doc.findtext(".//title") or "")[1:]} | \
        {rec.key(v) for v in meta.get("og:site_name", [])}  # a logo's <h1> naming the site is no title
    for heading in doc.iter("h1"):  # the page's <h1> its <title> names, outside the article's element (not a logo's)
        if _h1_key(heading) and _h1_key(heading) in declared:
            return Walker(None).inline(heading).strip(), "the page's main heading its <title> names"
    for heading in doc.iter("h1"):  # ('While you are here…' over a donation appeal is no title)
        if not any(chrome_kind(a) for a in heading.iterancestors()) and heading.text_content().strip() \
                and rec.key(heading.text_content()) not in site \
                and not rec.is_stop_line(rec.squash(heading.text_content())) and order[heading] < text_start:
            return Walker(None).inline(heading).strip(), "the page's main heading"
    for element in doc.xpath(TITLE_BLOCK):  # a wiki's or template's title block, no heading ('<div id="page-title">')
        text = rec.squash(element.text_content())
        if text and len(text.split()) <= TITLE_BLOCK_WORDS and order[element] < text_start \
                and not any(chrome_kind(a) for a in element.iterancestors()):
            return Walker(None).inline(element).strip(), f"the page's title block ({element.get('id') or element.get('class')})"
    page_title = _site_part_removed(doc.findtext(".//title") or "", sites)
    if len(page_title.split()) >= 3:  # no heading above the text ('Congrats!' under it heads an appeal)
        return inline_text(page_title, None, markers=False), "<title>"
    for element in root.iter("p", *HEADINGS):
        if element.tag != "p" and element.text_content().strip():
            return Walker(None).inline(element).strip(), f"the first heading (<{element.tag}>)"
        if element.tag == "p" and len(element.text_content().strip()) > 150:
            break
    return inline_text(_site_part_removed(doc.findtext(".//title") or "", sites), None, markers=False), "<title>"


def _furniture_outside(doc: etree._Element, root: etree._Element) -> list[str]:
    """The kinds of page furniture around the article (left out by not being inside it), for the report."""
    kinds: list[str] = []
    for element in doc.iter():
        if not isinstance(element.tag, str) or element is root or root in element.iterancestors() \
                or element in root.iterancestors():
            continue
        kind = chrome_kind(element)
        if kind and kind not in kinds and element.text_content().strip() \
                and not any(chrome_kind(a) for a in element.iterancestors()):
            kinds.append(kind)
    return kinds


INLINE_TAGS = {"a", "span", "time", "b", "strong", "em", "i", "abbr", "small", "br"}


def _header_lines(doc: etree._Element, root: etree._Element) -> list[Block]:
    """Short texts between the page's start and the article root (a header outside <article>): bylines, dates."""
    blocks = []
    for element in doc.iter("p", "span", "div", "li", "time", "address", "small", "h1", "h2"):
        if element is root or root in element.iterancestors():
            break
        if any(chrome_kind(a) and root not in a.iter() for a in [element, *element.iterancestors()]):
            continue  # (a container of the article is no furniture, whatever its class: 'post … tags')
        inline = all(isinstance(c.tag, str) and c.tag in INLINE_TAGS for c in element)
        if len(element) == 0 or element.tag in ("p", "time", "address") or inline:  # 'By <a>A</a> • <time>
            text = rec.squash(element.text_content())
            if text and len(text) < 160:
                blocks.append(Block("para", inline_text(text, element.sourceline, markers=False), element.sourceline))
    return blocks




# What a link's target is when it is no note: a figure, a table, a formula, a section of the text.
NOT_NOTE_WORDS = {"figure", "fig", "figures", "table", "tab", "tables", "image", "img", "photo", "equation", "eq",
                  "formula", "math", "video", "media", "chart", "scheme", "box", "sec", "section", "toc", "heading"}


NOT_NOTE_TAGS = HEADINGS | {"figure", "table", "img", "section", "article", "main", "body", "header", "nav"}


NOTE_HOLDERS = {"li", "p", "div", "dd", "dt", "aside", "td", "span", "blockquote", "footer"}


def note_element(target: etree._Element) -> etree._Element:
    """The element holding the note a marker links to: the target itself when it is a block, else the nearest
    block around it (an empty <a name> inside a list item)."""
    node = target
    while node is not None and not (node.tag in NOTE_HOLDERS - {"span"} or node.tag in NOT_NOTE_TAGS):
        node = node.getparent()
    return node if node is not None else target


def reads_as_note(target: etree._Element) -> bool:
    """Whether a link target is a note: a block holding text, not a figure, table, formula or section."""
    holder = note_element(target)
    if holder.tag in NOT_NOTE_TAGS or not rec.squash(holder.text_content()):
        return False
    if (_words(holder) | _words(target)) & NOT_NOTE_WORDS:
        return False
    return holder.find(".//img") is None and holder.find(".//table") is None


def marker_targets(doc: etree._Element) -> tuple[dict[str, int], set[str]]:
    """Where the page's note markers link to: the id (or name) after '#' → the number the marker shows, and the
    ids that numbered links point to that are no notes (figures, tables, sections: 'Fig. 2')."""
    order = {node: index for index, node in enumerate(doc.iter())}
    named = {}
    for node in doc.iter():
        for name in (node.get("id"), node.get("name")) if isinstance(node.tag, str) else ():
            if name:
                named.setdefault(name, node)
    targets: dict[str, int] = {}
    others: dict[str, int] = {}  # (the number each shows)
    letters = lettered_notes(doc)
    for link in doc.iter("a"):
        href, text = (link.get("href") or "").strip(), rec.squash(link.text_content())
        value = marker_value(text, letters)
        target = named.get((href[1:].split() or [""])[0]) if href.startswith("#") else None  # '#CIT0001 CIT0002'
        group = citations.link_group(href, text)
        if group and target is not None and order[target] > order[link]:
            for name, number in group:  # '(3-10)' naming refs 3 to 10: each is the note its number says
                if name in named:
                    (targets if reads_as_note(named[name]) else others).setdefault(name, number)
            continue
        href = "#" + (href[1:].split() or [""])[0] if href.startswith("#") else href
        # a marker links forward to its note; a link back up from the list (to the marker) is no marker
        if value and target is not None and order[target] > order[link]:
            (targets if reads_as_note(target) else others).setdefault(href[1:], value)
    _same_list(named, targets, others)
    if len(set(targets.values())) < len(targets):  # the numbers start again (a book's letters, each with its own
        targets = {name: number for number, name in enumerate(targets, 1)}  # [1], [2]): the notes in the page's order
    return targets, set(others) - set(targets)


def _same_list(named: dict, targets: dict[str, int], others: dict[str, int]) -> None:
    """A link target that read as no note (its item holds an image: a reference's graphical abstract) is a note
    all the same when it is an item of the list the other notes stand in: the list the citations reach is the
    notes list."""
    lists = [note_element(named[name]).getparent() for name in targets if name in named]  # (kept alive: lxml's
    for name, number in others.items():  # proxies are compared by identity)
        holder = note_element(named[name])
        if holder.tag == "li" and any(holder.getparent() is parent for parent in lists) and \
                number not in targets.values():
            targets.setdefault(name, number)


def notes_outside(doc: etree._Element, root: etree._Element, targets: dict[str, int]) -> list[etree._Element]:
    """The blocks holding notes the text's markers link to that lie outside the article's element (a journal
    page puts its reference list beside the article): each list with the heading over it, once, in page order."""
    inside = set(root.iter())
    found: list[etree._Element] = []
    for node in doc.iter():
        if not isinstance(node.tag, str) or node in inside or not \
                ((node.get("id") or "") in targets or (node.get("name") or "") in targets):
            continue
        container = note_element(node).getparent()
        if container is None or container in inside:
            continue
        size = len(rec.squash(container.text_content()))
        while container.getparent() is not None and container.getparent().tag not in ("body", "html") and \
                root not in container.getparent().iter() and \
                len(rec.squash(container.getparent().text_content())) <= size + 200:
            container = container.getparent()
        if not any(c is container or container in c.iter() or c in container.iter() for c in found):
            found.append(container)
    return found


def _parsed(source: Path, text: str) -> etree._Element:
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
        return lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise VolumeError.single("P003", f"the HTML could not be parsed ({exc}); save the page again",
                                 SourceLocation(source)) from None


def read_html(source: Path, text: str | None = None) -> Article:
    """The article in a saved page (or in `text`, HTML converted from `source`). When the element chosen for a page
    with little text in <p> yields no paragraph, the page is read again from its densest block of <p> elements."""
    text = _decode(source.read_bytes()) if text is None else text
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    pdf_text = converted_pdf_text(_parsed(source, text))
    if pdf_text:
        from volume.importer.text import read_plain
        article = read_plain(pdf_text, source)
        article.recognised.insert(0, "a PDF's pages converted to HTML (a line break per line): read as the PDF's text")
        return article
    article = _read_page(source, _parsed(source, text), loose=True)
    if not article.has_text:
        plain = _read_page(source, _parsed(source, text), loose=False)
        if plain.has_text:
            return plain
    return article


PDF_LINES = 30  # a page converted from a PDF breaks at least this many lines with <br>


def converted_pdf_text(doc: etree._Element) -> str | None:
    """The text of a page converted from a PDF line by line (pdftohtml's shape: each line ended by <br>, each page
    by <hr>, also as a Word file keeps it: a few paragraphs of many line breaks), when that text shows a PDF's
    pages with notes at their feet (see page_notes); else None, and the page is read as a web page."""
    from volume.importer import page_notes
    breaks = len(doc.xpath("//br"))
    blocks = len([e for e in doc.iter("p", "li", "td", "h1", "h2", "h3", "h4") if rec.squash(e.text_content())])
    if breaks < PDF_LINES or breaks < 3 * blocks:
        return None
    doc = copy.deepcopy(doc)
    for node in doc.iter():
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            node.text = node.text.replace("\n", " ") if node.text else node.text
        node.tail = node.tail.replace("\n", " ") if node.tail else node.tail
    for tag, mark in (("br", "\n"), ("hr", "\ue000\n"), ("p", "\n"), ("div", "\n")):  # (a form feed: no XML)
        for node in doc.iter(tag):
            node.tail = mark + (node.tail or "")
    for node in doc.iter("script", "style"):
        node.text = ""
    text = "\n".join(line.strip(" ") for line in doc.text_content().replace("\ue000", "\f").split("\n"))
    return text if page_notes.find(text) else None


def _read_page(source: Path, doc: etree._Element, loose: bool) -> Article:
    """The article of a parsed page, from the element choose_root finds (see there for `loose`)."""
    article = Article(source=source, lang=(doc.get("lang") or "").strip())
    same_page_links(doc)
    meta = page_meta(doc)
    root = choose_root(doc, loose)
    frame = frame_of_rows(root)
    if frame is not None:  # (an older page laid out in a table, a paragraph a row)
        article.recognised.append(f"the article's text laid out in a table's rows (line {frame.sourceline}): read as text")
        root = frame
    article.title, title_from = _title(doc, root, meta)
    article.site_names = _site_names(doc, meta) | {re.sub(r"\W|_", "", rec.key(_rest_of_title(
        doc.findtext(".//title") or "", rec.plain(article.title))))} - {""}
    article.title = LINK.sub(r"\1", article.title)  # a title that links to its own page is no link in the book
    article.title, kicker_date = undated_title(article.title)  # ('27.01.2022' glued before it by its kicker)
    if article.title:
        article.recognised.append(f"title: {rec.plain(article.title)} (from {title_from})")
    targets, not_notes = marker_targets(doc)
    walker = Walker(article, root, targets, not_notes)
    article.blocks = walker.walk(root) if root.tag not in HEADINGS else []
    article.header = [b.plain for b in [*_header_lines(doc, root), *article.blocks][:header_reader.HEAD_LINES]]
    for container in notes_outside(doc, root, targets):
        article.recognised.append(f"the list of notes beside the article's element (line {container.sourceline})")
        notes_walker = Walker(article, container, targets, not_notes)
        notes_walker.block(container)
        article.blocks += notes_walker.blocks
    article.blocks = tables_cited_elsewhere(article.blocks)
    outside = _furniture_outside(doc, root)
    if outside:
        article.dropped.append("outside the article: " + ", ".join(outside))
    levels = sorted({b.level for b in article.blocks if b.kind == "heading" and rec.plain(b.text)
                     != rec.plain(article.title)})
    for block in article.blocks:
        if block.kind == "heading" and block.level in levels:
            block.level = 2 + levels.index(block.level)
    _bold_headings(article)
    take_title(article)
    _declared_metadata(article, doc, meta)
    if kicker_date and not article.date:
        article.date = kicker_date
        article.recognised.append(f"date: {kicker_date} (the kicker's date glued before the title)")
    take_metadata(article)
    if not (article.authors and article.date):  # a byline or date above the article, outside its element
        header = Article(source=source, blocks=_header_lines(doc, root), authors=article.authors,
                         date=article.date, site_names=article.site_names)
        take_metadata(header, head=len(header.blocks), author_block=False)  # (a logo's name twice is no list)
        article.authors, article.date = header.authors, header.date
        article.recognised += header.recognised
    if not article.authors:
        article.authors, where = dom_authors(doc, meta)
        if not article.authors:
            article.authors, where = _labelled_byline(root)
        if not article.authors and root.getparent() is not None:  # 'Posted by A' in the post's footer, beside it
            article.authors, where = _labelled_byline(root.getparent())
        if not article.authors:
            article.authors, where = meta_authors(meta, GENERIC_AUTHORS)
        if not article.authors:
            article.authors, where = _site_person(doc, meta)
        if not article.authors:
            article.authors, where = _tagline_person(doc)
        if article.authors:
            article.recognised.append(f"author: {', '.join(a for a, _ in article.authors)} (from {where})")
    if not article.date:
        article.date, where = _labelled_date(doc)
    if not article.date:
        article.date, where = dom_date(doc, root, meta)
        if not article.date:
            article.date, where = _date_under_title(doc)
        if article.date:
            article.recognised.append(f"date: {article.date} (from {where})")
    header_reader.settle_header(article)
    take_closing_byline(article, rec.month_first(article.lang[:2].lower() or rec.guess_language(
        " ".join(b.plain for b in article.blocks[:40]))))
    if not article.authors:  # (last: the work's own byline, 'BY' / 'W. J. HOFFMAN.', read above, is its)
        article.authors, where = etext_authors(doc)
        if article.authors:
            article.recognised.append(f"author: {', '.join(a for a, _ in article.authors)} (from {where})")
    settle_notes(article)
    return article


def _declared_metadata(article: Article, doc: etree._Element, meta: dict[str, list[str]]) -> None:
    """What the page declares beats what its lines suggest: a wiki page's revision date, a journal's citation_*
    or Dublin Core authors, the publication date of its <meta> tags or JSON-LD (a transcript's own date line or
    a 'Published' line of the site's template can differ)."""
    for value, where, field in (
            (*wiki_revision(doc, meta), "date"), (*scholarly_authors(meta), "authors"), (*declared_date(meta), "date")):
        if value and not getattr(article, field):
            setattr(article, field, value)
            shown = value if field == "date" else ", ".join(a for a, _ in value)
            article.recognised.append(f"{'date' if field == 'date' else 'author'}: {shown} (from {where})")


def _labelled_date(doc: etree._Element) -> tuple[str, str]:
    """A publication date the page labels as one in a short element anywhere ('First published online: January
    19, 2015' in a journal's sidebar): it beats a <meta> date of no stated kind (a volume's 2015-01-01)."""
    for element in doc.iter("p", "div", "li", "span", "dd", "td", "time"):
        text = rec.squash(element.text_content())
        found = rec.labelled_publication_date(text) if len(text) < 300 else None
        if found:
            return found, f"'{text[-60:]}' (line {element.sourceline})"
    return "", ""


def _date_under_title(doc: etree._Element) -> tuple[str, str]:
    """A short line just under the page's <h1> that holds a date and little else: 'August 15, 2025 (R48632)' in a
    report's header, where the report number after the date keeps the line from reading as a date line."""
    for heading in doc.iter("h1"):
        following = next((e for e in heading.itersiblings() if isinstance(e.tag, str)), None)
        if following is None:
            continue
        text = rec.squash(" ".join(t for t in following.xpath("text()")))
        found = rec.parse_date(text) if len(text.split()) <= 5 else None
        if found:
            return found, f"'{text}' under the title (line {following.sourceline})"
    return "", ""


def _labelled_byline(root: etree._Element) -> tuple[list[tuple[str, str]], str]:
    """'Posted by A.', 'Author: A' anywhere in the article's element, page furniture included (a footer)."""
    for element in root.iter("p", "span", "div", "address"):
        text = rec.squash(element.text_content())
        authors = rec.parse_byline(text, labelled_only=True) if len(text) < 80 else None
        if authors:
            return authors, f"'{text}' (line {element.sourceline})"
    return [], ""


def _site_person(doc: etree._Element, meta: dict[str, list[str]]) -> tuple[list[tuple[str, str]], str]:
    """A personal site's author: the site's name when it is a titled person's ('Dr. Alexander Klier')."""
    title_parts = re.split(r"\s+[|–—·-]\s+", doc.findtext(".//title") or "")
    for where, text in [*(("<meta og:site_name>", v) for v in meta.get("og:site_name", [])),
                        *(("the site's name in <title>", p) for p in title_parts[1:])]:
        name = rec.personal_site_name(text)
        if name:
            return [(name, "")], where
    return [], ""


TAGLINE = ('//*[contains(concat(" ", normalize-space(@class), " "), " site-description ") or contains(concat(" ", '
           'normalize-space(@class), " "), " blog-description ") or @id="blog-description" or contains(concat(" ", '
           'normalize-space(@class), " "), " site-tagline ")]')


def _tagline_person(doc: etree._Element) -> tuple[list[tuple[str, str]], str]:
    """A personal blog's author: the person its header names under the site's name, in the theme's tagline
    ('Sprachpunkt' / 'Alexander Lasch'), when nothing else named one; a person's name only."""
    for element in doc.xpath(TAGLINE):
        text = rec.squash(element.text_content())
        if 2 <= len(text.split()) <= 4 and rec.looks_like_name(text) and not rec.organisation(text):
            return [(text, "")], f"the site's tagline under its name (line {element.sourceline})"
    return [], ""


# A paragraph all in bold, with the note markers that may close it ('**Outlook**' then a marker)
BOLD_LINE = re.compile(r"\*\*([^*]+)\*\*((?:\s*\x00\d+:[^:\x00]*:\d*\x00)*)")


LETTERHEAD = 3  # this many all-bold lines in a row are a letterhead or a transcript's header, not headings


def _bold_headings(article: Article) -> None:
    """A short paragraph that is all bold, without final punctuation, is a heading in many CMS pages; so is a
    numbered one that is all italic ('*1) Privatheit und Öffentlichkeit*', a level under the bold ones) or wrapped
    in typed asterisks ('*4) Title *'). A run of three or more bold lines is the text's own header (a
    transcript's 'Remarks of … / Weekly Address / …')."""
    bold = [b.kind == "para" and bool(BOLD_LINE.fullmatch(b.text.strip())) for b in article.blocks]
    index = 0
    while index < len(bold):
        end = index
        while end < len(bold) and bold[end]:
            end += 1
        run = article.blocks[index:end]
        for block in run:
            if len(run) >= LETTERHEAD:
                block.broken = True
            elif not block.broken and rec.is_heading_like(block.plain):
                found = BOLD_LINE.fullmatch(block.text.strip())
                block.kind, block.text, block.level = "heading", found.group(1) + found.group(2), 2
        index = end + 1
    levelled = any(b.kind == "heading" for b in article.blocks)
    for block, following in zip(article.blocks, article.blocks[1:]):
        inner = _numbered_emphasis(block)
        if inner and following.kind in ("para", "item") and not following.broken:
            block.kind, block.text, block.level = "heading", inner, 3 if levelled else 2


NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[A-Za-z][.)])\s+\S")


def _numbered_emphasis(block: Block) -> str | None:
    """The text of a numbered paragraph set all in italics ('*1) Privatheit*') or between typed asterisks."""
    if block.kind != "para" or block.broken:
        return None
    text = block.text.strip()
    italic = re.fullmatch(r"\*(?!\*)([^*]+)(?<!\*)\*", text)
    inner = italic.group(1).strip() if italic else None
    if inner is None:
        typed = rec.typed_emphasis(block.plain)
        inner = inline_text(typed, block.line) if typed else None
    if inner and NUMBERED.match(rec.plain(inner)) and rec.is_heading_like(rec.plain(inner)):
        return inner
    return None
