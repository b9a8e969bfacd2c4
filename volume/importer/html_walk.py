"""The article's element read into blocks: paragraphs, headings, lists, quotes, figures, tables of notes, with
their inline text and note markers."""

from __future__ import annotations

import re

from lxml import etree

from volume.importer import citations
from volume.importer import recognise as rec
from volume.importer.article import Article, Block, emphasis, escape, inline_text, token
from volume.importer.html_markers import (LETTER_TEXT, MARKER_TEXT, MARKER_TOKEN, TOKEN_TEXT, exponent,
                                          lettered_notes, marker_value, unmark_references)
from volume.importer.html_tables import (TABLE_LEFT, cell_parts, one_column, own_cells, quote_box, table_rows,
                                         tables_cited_elsewhere, text_box)
from volume.importer.marked_notes import LETTER_BASE
from volume.importer.page_chrome import (BLOCKS, CAPTION_WORDS, HEADINGS, META_WORDS, SKIP_LINK, SKIP_TAGS, _words,
                                         chrome_kind, closing_link_bar, holds_notes)
from volume.importer.page_links import holds_targets, note_label_term, same_page_links

# html.py and text.py read these from here (they were this module's before it was split by job)
__all__ = ["LINK", "MARKER_TOKEN", "TABLE_LEFT", "Walker", "lettered_notes", "marker_value", "same_page_links",
           "tables_cited_elsewhere"]


LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\([^)\s]*\)")  # a Markdown link: its text


MEDIA_FILE = re.compile(r"\.(?:mp3|mp4|m4a|ogg|oga|wav|webm|mov|avi|pdf|zip|epub|docx?|pptx?|xlsx?)(?:[?#]|$)",
                        re.IGNORECASE)


BREAK = "\x02"  # a <br> while a paragraph's inline text is read
PARAGRAPH_BREAK = re.compile(BREAK + r"\s*" + BREAK + r"[\s" + BREAK + r"]*")  # two <br> in a row: a paragraph ends


# HTML5's heading group (<hgroup>: a chapter's number, its title, a subtitle) holds blocks, as a <div> does; read
# inline it glued them into one paragraph ('ILaying Plans') and left the title's note marker unread
BLOCK_GROUPS = {"hgroup"}


SHORT_LINE = 10  # words
PAGE_NUMBER = re.compile(r"(?i)\b(?:pagenum|pageno|page-?number)\b")  # the class of a printed page's number


class Walker:
    """Turns an element tree into Blocks, dropping page furniture and images as it goes."""

    def __init__(self, article: Article | None, root: etree._Element | None = None,
                 targets: dict[str, int] | None = None, not_notes: set[str] | None = None):
        self.article = article
        self.root = root
        self.targets = targets or {}
        self.not_notes = not_notes or set()  # in-page link targets that are figures, tables, sections
        self.blocks: list[Block] = []
        self.table_notes: list[etree._Element] = []  # a left-out table's own notes under it, left out with it
        # the numbers the page's marker links show: a number raised without a link that a link already shows is
        # text ('d ∝ t<sup>2</sup>' on a wiki page whose note 2 is '[2]'), not a second marker of that note; a
        # number between two linked ones counts too, cited only inside a range ('[6-9]' links 6 and 9): a journal's
        # affiliation line '<sup>8</sup> Muséum National …' is no marker of reference 8
        numbers = [n for n in self.targets.values() if n < LETTER_BASE]
        self.linked_numbers = set(self.targets.values()) | \
            set(range(min(numbers, default=0), max(numbers, default=0) + 1))

    def lettered_marker(self, element: etree._Element, text: str) -> int | None:
        """The number of a lettered note whose marker this is: a link showing '[a]' to a lettered note of the page."""
        if not LETTER_TEXT.fullmatch(text) or not any(v > LETTER_BASE for v in self.targets.values()):
            return None
        link = element if element.tag == "a" else element.find(".//a")
        href = (link.get("href") or "").strip() if link is not None else ""
        value = self.targets.get(href[1:]) if href.startswith("#") else None
        return value if value and value > LETTER_BASE else None

    def marker_token(self, element: etree._Element, label: str) -> str:
        """A marker's token: the number of the note it links to, which differs from the label it shows where the
        page numbers its notes again from 1 (see html.marker_targets)."""
        link = element if element.tag == "a" else element.find(".//a")
        href = (link.get("href") or "").strip() if link is not None else ""
        number = self.targets.get(href[1:]) if href.startswith("#") else None
        if number and number != rec.label_value(label):
            return f"\x00{number}:{label}:{element.sourceline or ''}\x00"  # (article.token's shape)
        return token(label, element.sourceline)

    def anchor(self, element: etree._Element) -> int | None:
        """The note number whose marker links to this element (or to an anchor inside it, or to the element it
        opens: a note's first paragraph in a <div id> the marker links to)."""
        for node in element.iter():
            if isinstance(node.tag, str):
                for name in (node.get("id"), node.get("name")):
                    if name and name in self.targets:
                        return self.targets[name]
        node = element
        while node.getparent() is not None and node.getparent() is not self.root and \
                next((c for c in node.getparent() if isinstance(c.tag, str)), None) is node:
            node = node.getparent()
            for name in (node.get("id"), node.get("name")):
                if name and name in self.targets:
                    return self.targets[name]
        return None

    def is_marker(self, element: etree._Element) -> bool:
        """A <sup> number, or an in-page link showing a number, unless it points to a figure, table or section."""
        links = [element] if element.tag == "a" else list(element.iter("a"))
        hrefs = [(a.get("href") or "").strip() for a in links]
        if element.tag == "a" and not hrefs[0].startswith("#"):
            return False
        return not any(h.startswith("#") and h[1:] in self.not_notes for h in hrefs)

    def in_notes(self, element: etree._Element) -> bool:
        """Whether an element stands in a note: an item a marker links to, or a footnotes/references block."""
        for ancestor in element.iterancestors():
            if (ancestor.get("id") or "") in self.targets or (ancestor.get("name") or "") in self.targets or \
                    holds_notes(ancestor):
                return True
            if ancestor.tag in ("ol", "ul") and self.targets and \
                    any(self.anchor(i) is not None for i in ancestor.iterchildren("li")):
                return True  # an item of the list the markers link to (cited or not; the anchor may be inside it)
        return False

    def drop(self, what: str) -> None:
        if self.article is not None and what not in self.article.dropped:
            self.article.dropped.append(what)

    # inline content ----------------------------------------------------------------------------------------
    def inline(self, element: etree._Element, breaks: bool = False) -> str:
        """An element's content as Markdown inline text; `breaks` keeps its <br> as BREAK."""
        line = element.sourceline
        parts = [inline_text(element.text, line)] if element.text else []
        for child in element:
            parts.append(self.inline_element(child))
            if child.tail:
                parts.append(inline_text(child.tail, child.sourceline or line))
        text = unmark_references("".join(parts))
        return re.sub(r" {2,}", " ", text if breaks else text.replace(BREAK, " "))

    def inline_element(self, element: etree._Element) -> str:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIP_TAGS:
            return ""
        if tag == "a" and (element.get("href") or "").startswith("#") and SKIP_LINK.match(element.text_content()):
            self.drop(f"navigation: '{rec.squash(element.text_content())[:50]}'")
            return ""
        kind = chrome_kind(element)
        if kind and (tag not in ("a", "span", "sup", "em", "i", "b", "strong") or kind in
                     ("edit links and tooltips", "hidden element")):
            if kind != "edit links and tooltips":
                self.drop(f"{kind}: '{rec.squash(element.text_content())[:50]}'")
            return ""
        if tag == "a" and "action=edit" in (element.get("href") or "") and \
                any(a.tag in HEADINGS for a in element.iterancestors()) and not self.bracketed(element):
            return ""  # a wiki's mobile 'Bearbeiten' glued to a heading ('[edit]' in brackets: without_edit_links)
        if PAGE_NUMBER.search(element.get("class") or ""):  # '[30]' of a printed edition's page in the text
            self.drop("the printed edition's page numbers")
            return ""
        text = rec.squash(element.text_content())
        lettered = self.lettered_marker(element, text) if tag in ("sup", "a") else None
        if lettered:
            return f"\x00{lettered}:{text.strip('[]')}:{element.sourceline or ''}\x00"  # (article.token's shape)
        group = citations.link_group((element.get("href") or "").strip(), text) if tag == "a" else []
        if group and all(name in self.targets for name, _ in group):  # one link for '(3-10)', '12–16': a marker each
            return "".join(f"\x00{self.targets[name]}:{number}:{element.sourceline or ''}\x00" for name, number in group)
        unlinked = tag == "sup" and element.find(".//a") is None
        if tag in ("sup", "a") and MARKER_TEXT.fullmatch(text) and self.is_marker(element) \
                and not (unlinked and (exponent(element) or (rec.label_value(text.strip("[]()")) in
                                                             self.linked_numbers and not self.in_notes(element)))):
            if self.article is not None and unlinked:
                self.article.bare_superscripts.add(text.strip("[]()"))  # 'Tyr<sup>33</sup>': a marker if a note is 33
            return self.marker_token(element, text.strip("[]()"))
        if tag == "img":
            self.image(element)
            return ""
        if tag in ("ul", "ol", "span", "div", "p", "nav") and self.in_notes(element) and closing_link_bar(element) \
                and not self.whole_note(element):
            self.drop(f"link bar: '{rec.squash(element.text_content())[:50]}'")
            return ""
        if tag == "br":
            return BREAK
        inner = self.inline(element)
        if tag == "cite" and self.in_notes(element):  # a reference list's <cite> holds the whole reference
            return inner
        if tag in ("em", "i", "cite", "dfn", "var"):
            return emphasis("*", inner)
        if tag in ("strong", "b"):
            return emphasis("**", inner)
        if tag == "code":
            return emphasis("`", text.replace("`", "'"))
        if tag in ("sup", "sub"):
            mark = "^" if tag == "sup" else "~"
            if TOKEN_TEXT.search(inner):  # '[9][10]' set as one superscript: the markers are enough
                return inner
            if tag == "sup" and citations.GROUPISH.fullmatch(text.strip("[]()")):  # '1,2', '[3, 5–8]': a group
                return f"^{text.strip('[]()').replace(' ', chr(92) + ' ')}^"  # settle_notes reads
            return f"{mark}{inner}{mark}" if inner and " " not in inner else inner
        if tag == "a":
            href = (element.get("href") or "").strip()
            if re.match(r"https?://", href) and inner.strip() and "\x00" not in inner:
                if text.strip().rstrip("/") == href.rstrip("/"):
                    return f"<{href}>"  # the link shows its own address
                shown_address = re.fullmatch(r"<([^>\s]+)>", inner.strip())
                if shown_address:  # an address shown over another (an archive's): the reader's text is the shown one
                    return f"[{escape(shown_address.group(1))}]({_link_address(href)})"
                lead, trail = inner[:len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
                address = _link_address(href)
                shown = inner.strip()
                raised = re.fullmatch(r"([\^~])([^\^~]+)\1", shown)
                if raised:  # '<a><sup>[update]</sup></a>' (a Word file's): '[^…' would open a note marker
                    return f"{lead}{raised.group(1)}[{raised.group(2)}]({address}){raised.group(1)}{trail}"
                return f"{lead}[{shown}]({address}){trail}"
        return inner

    @staticmethod
    def bracketed(element: etree._Element) -> bool:
        """Whether text just before an element opens a bracket ('[<a>edit</a>]')."""
        previous = element.getprevious()
        before = (previous.tail if previous is not None else element.getparent().text) or ""
        return before.rstrip().endswith("[")

    @staticmethod
    def whole_note(element: etree._Element) -> bool:
        """Whether links that look like a closing bar are all a note says ('3 U.S.C. § 20' as two links): nothing
        but the note's back-links ('^', '↑', 'a b') stands before them in its item."""
        holder = next((a for a in element.iterancestors() if a.tag in ("li", "dd", "p")), None)
        if holder is None:
            return False
        text, own = rec.squash(holder.text_content()), rec.squash(element.text_content())
        before = text[:text.find(own)] if own in text else text
        return not re.sub(r"[\^↑↩︎\s]|\b[a-z]\b", "", before)

    @staticmethod
    def media_links(element: etree._Element) -> bool:
        """A paragraph that is only links to sound, video or download files ('MP4 MP3', 'PDF')."""
        links = list(element.iter("a"))
        text = rec.squash(element.text_content())
        return bool(links) and len(text.split()) <= 6 and \
            len("".join(rec.squash(a.text_content()) for a in links)) >= len(text.replace(" ", "")) - 3 and \
            all(MEDIA_FILE.search(a.get("href") or "") for a in links)

    def broken_lines(self, element: etree._Element) -> list[str]:
        """A paragraph's text; as its lines when <br> breaks it into three or more short lines that are not
        sentences running on (a letterhead, an address, a transcript's header), else as one line."""
        text = self.inline(element, breaks=True)
        lines = [line.strip() for line in text.split(BREAK) if line.strip()]
        short = all(len(rec.plain(line).split()) <= SHORT_LINE and not line.rstrip().endswith((",", ";"))
                    for line in lines)
        return lines if len(lines) >= 3 and short else [re.sub(r" {2,}", " ", text.replace(BREAK, " "))]

    def bold_lead(self, element: etree._Element) -> bool:
        """'<p><strong>Why it matters</strong><br>Companies …</p>': a bold heading-like first line broken off the
        paragraph it heads; added as a heading and its paragraph."""
        text = self.inline(element, breaks=True)
        head, _, rest = text.partition(BREAK)
        if not re.fullmatch(r"\*\*[^*]+\*\*", head.strip()) or not rec.is_heading_like(rec.plain(head)) \
                or len(rec.plain(rest).split()) < SHORT_LINE:
            return False
        self.add("heading", head.strip()[2:-2], element, level=3)
        self.add("para", re.sub(r" {2,}", " ", rest.replace(BREAK, " ")), element,
                 anchor=self.anchor(element) if self.targets else None)
        return True

    def table_markers(self, table: etree._Element) -> None:
        """The note markers of a table left out stay where it stood, after a line saying so: the notes it cites
        keep their markers and their order among the text's ('Repeat Performance 1947 …[1]' in a wiki's list).
        Notes set right under the table that only its own cells cite (a wiki's 'a', 'b' under a table of dates)
        belong to it: they go with it, markers and all."""
        own = self.own_table_notes(table)
        self.table_notes.extend(own)
        own_numbers = {self.anchor(note) for note in own}
        inline = "".join(self.inline(cell) for cell in table.iter("td", "th", "caption"))
        markers = [m for m in dict.fromkeys(MARKER_TOKEN.findall(inline))
                   if int(m[1:].split(":", 1)[0]) not in own_numbers]
        if markers:
            self.add("para", TABLE_LEFT + "".join(markers), table)

    def own_table_notes(self, table: etree._Element) -> list[etree._Element]:
        """The blocks right after a table that are notes only the table's links point to."""
        inside = {(a.get("href") or "")[1:] for a in table.iter("a") if (a.get("href") or "").startswith("#")}
        outside = {(a.get("href") or "")[1:] for a in (self.root if self.root is not None else table).iter("a")
                   if (a.get("href") or "").startswith("#") and table not in a.iterancestors()}
        own = []
        for sibling in table.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            names = {n for node in sibling.iter() if isinstance(node.tag, str)
                     for n in (node.get("id"), node.get("name")) if n}
            cited = names & inside
            if not cited or cited & outside or not all(self.targets.get(n) for n in cited):
                break
            own.append(sibling)
        return own

    def text_box(self, table: etree._Element) -> None:
        """A table laid out as a box of text (see text_box), read as text: its cells' paragraphs and their markers,
        its first paragraph its heading when that is a short title line over the box's text ('What to Ask for When
        You Don't Know What You Have'), a level under the section it stands in; a quotation's as a quotation."""
        first = len(self.blocks)
        for cell in own_cells(table):
            if re.search(r"[^\W\d_]", cell.text_content()):
                self.walk(cell)
        box = self.blocks[first:]
        if quote_box(table):
            self.blocks[first:] = [Block("quote", b.text, b.line) for b in box]
            return
        if len(box) >= 2 and box[0].kind == "para" and box[1].kind in ("para", "item") and \
                rec.is_heading_like(box[0].plain) and len(box[1].plain.split()) > SHORT_LINE:
            above = next((b.level for b in reversed(self.blocks[:first]) if b.kind == "heading"), 2)
            box[0].kind, box[0].level = "heading", min(above + 1, 6)

    def image(self, element: etree._Element) -> None:
        src = element.get("src") or element.get("data-src") or ""
        alt = rec.squash(element.get("alt") or "")
        what = f"image {src[:80]}" + (f" ('{alt[:40]}')" if alt else "")
        self.drop(what + ": remote or page images are not imported; add the image to the chapter yourself")

    # blocks ------------------------------------------------------------------------------------------------
    def add(self, kind: str, text: str, element: etree._Element, **extra) -> None:
        text = text.strip()
        if text:
            words = set(_words(element)) if element is not self.root else set()  # (the article's own classes
            # and those around it say nothing either: a blog's 'post-body' in 'date-posts' holds the post's text)
            for ancestor in element.iterancestors() if element is not self.root else ():  # up to the article
                if ancestor is self.root:
                    break
                words |= _words(ancestor)
            meta = bool(words & META_WORDS) or element.tag in ("time", "address")
            self.blocks.append(Block(kind, text, element.sourceline, meta=meta, **extra))
            if MARKER_TOKEN.fullmatch(text) and any((a.get("href") or "").startswith("#") for a in element.iter("a")):
                self.blocks[-1].lone_marker = True  # a marker link set in a paragraph of its own: no chrome

    def walk(self, element: etree._Element) -> list[Block]:
        run: list[str] = [inline_text(element.text, element.sourceline)] if element.text else []
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if any(child is note for note in self.table_notes):
                self.drop(f"a note of the table left out: '{rec.squash(child.text_content())[:50]}'")
                tag = ""
            elif tag in BLOCKS or tag in BLOCK_GROUPS:
                self.flush(run, element)
                run = []
                self.block(child)
            elif tag:
                run.append(self.inline_element(child))
            if child.tail:
                run.append(inline_text(child.tail, child.sourceline))
        self.flush(run, element)
        return self.blocks

    def flush(self, run: list[str], element: etree._Element) -> None:
        """Loose text between blocks: a paragraph, or one a double <br> ends (an older page's paragraphs)."""
        for part in PARAGRAPH_BREAK.split("".join(run)):
            text = rec.squash(part.replace(BREAK, " "))
            if text:
                self.add("para", text, element)

    def broken_paragraphs(self, element: etree._Element) -> list[str]:
        """A <p> holding several paragraphs of prose, each ended by a double <br> (a page laid out in a table cell),
        as those paragraphs; [] when it holds one, or short lines (an address, a letterhead: broken_lines')."""
        parts = [re.sub(r" {2,}", " ", p.replace(BREAK, " ")).strip()
                 for p in PARAGRAPH_BREAK.split(self.inline(element, breaks=True))]
        parts = [p for p in parts if p]
        long = sum(len(rec.plain(p).split()) >= SHORT_LINE for p in parts)  # (a subhead or two among them)
        return parts if len(parts) >= 2 and long >= 2 and 2 * long >= len(parts) else []

    def block(self, element: etree._Element) -> None:
        tag = element.tag
        kind = chrome_kind(element)
        if kind == "hidden element" and holds_targets(element, self.targets, share=0.5):
            kind = None  # the list the markers link to, folded away in the saved page ('display: none'): the notes
        if kind or tag in SKIP_TAGS:
            if kind and element.text_content().strip():
                self.drop(f"{kind}: '{rec.squash(element.text_content())[:50]}'")
            return
        if tag in HEADINGS:
            self.add("heading", rec.without_edit_links(self.inline(element).strip()), element, level=int(tag[1]))
        elif tag == "dt" and note_label_term(element, self.targets):
            return  # '[12]' over the reference a marker links to (<dt>/<dd>): the note is numbered by its marker
        elif tag == "p" or tag in ("dt", "dd", "summary", "address"):
            captionish = bool(_words(element) & CAPTION_WORDS)
            if element.find(".//img") is not None and not rec.squash(element.text_content()):
                for img in element.iter("img"):
                    self.image(img)
                return
            if not captionish and self.bold_lead(element):
                return
            paragraphs = [] if captionish else self.broken_paragraphs(element)
            for index, paragraph in enumerate(paragraphs):
                self.add("para", paragraph, element, anchor=self.anchor(element) if self.targets and not index else None)
            if paragraphs:
                return
            lines = self.broken_lines(element)
            if not captionish and len(lines) >= 3:  # a letterhead or a transcript's header: one line each
                for line in lines:
                    self.add("para", line, element, broken=True)
                return
            if self.media_links(element):
                self.drop(f"media links: '{rec.squash(element.text_content())[:50]}'")
                return
            self.add("caption" if captionish else "para", " ".join(lines), element,
                     anchor=self.anchor(element) if self.targets else None)
            self.count_caption(captionish)
        elif tag in ("ul", "ol") and self.contents_list(element):
            return
        elif tag in ("ul", "ol"):
            start = int(element.get("start", "1")) if element.get("start", "1").isdigit() else 1
            for index, item in enumerate(element.iterchildren("li")):
                self.add("item", self.inline(item), item, ordinal=start + index if tag == "ol" else None,
                         anchor=self.anchor(item))
        elif tag == "blockquote" or (tag == "div" and quote_box(element)):
            for block in Walker(self.article, self.root, self.targets, self.not_notes).walk(element):
                self.blocks.append(Block("quote", block.text, block.line))
        elif tag in ("figure", "picture") or _words(element) & {"caption", "figure"}:
            self.figure(element)
        elif tag == "figcaption":
            self.add("caption", self.inline(element), element)
            self.count_caption(True)
        elif tag == "img":
            self.image(element)
        elif tag == "table" and self.notes_table(element):
            self.note_rows(element)
        elif tag == "table" and element.find(".//img") is not None and one_column(element):
            self.figure(element)  # a figure Word laid out as a one-column table: title, image, source
        elif tag == "table" and text_box(element):
            self.text_box(element)
        elif tag == "table":
            captions = list(element.iterchildren("caption"))
            for caption in captions:  # a figure a Word file keeps as a table: its caption stays
                self.add("caption", self.inline(caption), caption)
                self.count_caption(True)
            cells = rec.squash(" ".join(c.text_content() for c in element.iter("td", "th")))
            for img in element.iter("img"):
                self.image(img)
            if cells:
                self.drop(f"a table at line {element.sourceline} ('{cells[:40]}…'): rebuild it in the chapter by hand")
                self.table_markers(element)
        elif tag == "hr":
            return
        else:
            self.walk(element)

    def contents_list(self, element: etree._Element) -> bool:
        """A list of in-page links only (a report's 'Contents', 'Figures', 'Tables'): left out with its heading
        when it has three entries or more, or stands under a heading such as 'Contents' or 'Figures'."""
        items = list(element.iterchildren("li"))
        if not items or not all(_whole_in_page_link(item) for item in items):
            return False
        heading = self.blocks[-1] if self.blocks and self.blocks[-1].kind == "heading" else None
        if len(items) < 3 and not (heading and CONTENTS_HEADING.fullmatch(heading.plain.strip())):
            return False
        if heading and (CONTENTS_HEADING.fullmatch(heading.plain.strip()) or rec.is_toc_heading(heading.plain)):
            self.blocks.pop()
        self.drop(f"table of contents (line {element.sourceline}): "
                  f"'{rec.squash(items[0].text_content())[:40]}' …")
        return True

    def notes_table(self, element: etree._Element) -> bool:
        """A list of notes laid out as a table (a report converted from Word: 'Footnotes' over rows of a number cell
        and a text cell): the text's markers link into its number cells, or a notes heading stands just above it."""
        rows = table_rows(element)
        if not rows:
            return False
        linked = any(self.anchor(number) is not None for number, _ in rows)
        return linked or notes_heading_above(element)

    def note_rows(self, element: etree._Element) -> None:
        """One block per row of a table of notes, labelled with the row's number (or the note its marker links
        to), however short the note; the table itself is not kept in the text."""
        if self.article is not None:
            self.article.recognised.append(f"a table of notes (line {element.sourceline})")
        for number, text in table_rows(element):
            label = MARKER_TEXT.fullmatch(rec.squash(number.text_content()).rstrip(".)")).group(1)
            anchor = self.anchor(number)
            body = " ".join(self.inline(p).strip() for p in cell_parts(text))
            self.add("item", f"{anchor if anchor is not None else label}. {body.strip()}", text, anchor=anchor)

    def figure(self, element: etree._Element) -> None:
        for img in element.iter("img"):
            self.image(img)
        captions = [e for e in element.iter() if isinstance(e.tag, str) and
                    (e.tag == "figcaption" or _words(e) & CAPTION_WORDS)]
        if not captions:  # a journal's figure: its title and legend are plain paragraphs inside it
            captions = [p for p in element.iter("p") if rec.squash(p.text_content())]
        if captions:
            top = [c for c in captions if not any(a in captions for a in c.iterancestors())]
            text = " ".join(self.inline(c).strip() for c in top)
            self.add("caption", text, element)
            self.count_caption(True)

    def count_caption(self, yes: bool) -> None:
        if yes and self.article is not None:
            self.article.captions += 1


CONTENTS_HEADING = re.compile(r"(?i)(?:table of )?contents|(?:list of )?(?:figures|tables|illustrations)|"
                              r"inhalt(?:sverzeichnis)?|содержание|оглавление|sommaire|i̇çindekiler")



def _link_address(href: str) -> str:
    """A link's address as Markdown can hold it (spaces and brackets escaped)."""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _whole_in_page_link(item: etree._Element) -> bool:
    """A list item that is nothing but links to places in the same page ('#_Toc206167737')."""
    links = [a for a in item.iter("a") if (a.get("href") or "").startswith("#") and len(a.get("href")) > 1]
    text = rec.squash(item.text_content())
    return bool(links) and bool(text) and rec.squash(" ".join(a.text_content() for a in links)) == text



def notes_heading_above(element: etree._Element) -> bool:
    """Whether the nearest text before `element` (among its and its ancestors' earlier siblings) is a notes heading."""
    node = element
    while node is not None and node.tag not in ("body", "html"):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str) or not rec.squash(sibling.text_content()):
                continue
            return sibling.tag in HEADINGS | {"p", "b", "strong"} and rec.is_notes_heading(sibling.text_content())
        node = node.getparent()
    return False

