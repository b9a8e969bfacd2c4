"""A web article saved as HTML: find the article among the page's chrome and read it into an Article."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import lxml.html
from lxml import etree

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import citations
from volume.importer import recognise as rec
from volume.importer.page_meta import (GENERIC_AUTHORS, declared_date, dom_authors, dom_date, meta_authors, page_meta,
                                      scholarly_authors, wiki_revision)
from volume.importer.article import (
    Article,
    Block,
    emphasis,
    inline_text,
    settle_notes,
    take_closing_byline,
    take_metadata,
    take_title,
    token,
)

SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select", "textarea",
    "canvas", "video", "audio", "object", "embed", "dialog", "link", "meta", "head", "map",
}
CHROME_TAGS = {"nav": "navigation", "aside": "sidebar", "footer": "footer"}
CHROME_ROLES = {"navigation": "navigation", "banner": "site header", "contentinfo": "footer",
                "complementary": "sidebar", "search": "search box", "dialog": "pop-up"}
# Class or id words that mark page furniture; matched as whole words of the class/id ("share-bar" → share).
CHROME_WORDS = {
    "nav": "navigation", "navbar": "navigation", "navigation": "navigation", "menu": "navigation",
    "breadcrumb": "breadcrumbs", "breadcrumbs": "breadcrumbs", "crumbs": "breadcrumbs", "skip": "navigation",
    "pagination": "navigation", "pager": "navigation", "share": "share bar", "sharing": "share bar",
    "social": "share bar", "addthis": "share bar", "sharethis": "share bar", "newsletter": "newsletter box",
    "subscribe": "newsletter box", "subscription": "newsletter box", "signup": "newsletter box",
    "mailchimp": "newsletter box", "cookie": "cookie banner", "cookies": "cookie banner",
    "consent": "cookie banner", "gdpr": "cookie banner", "related": "related articles",
    "recommended": "related articles", "comments": "comments", "comment": "comments", "disqus": "comments",
    "respond": "comments", "footer": "footer", "masthead": "site header", "topbar": "site header",
    "sidebar": "sidebar", "widget": "sidebar", "ad": "advertisement", "ads": "advertisement",
    "advert": "advertisement", "advertisement": "advertisement", "promo": "advertisement",
    "sponsor": "advertisement", "popup": "pop-up", "modal": "pop-up", "tags": "tags", "tag": "tags",
    "overlay": "pop-up", "tooltip": "pop-up", "popover": "pop-up",
    "toolbar": "tools", "tools": "tools", "navbox": "navigation", "navframe": "navigation",
    "catlinks": "categories", "printfooter": "footer", "jump": "navigation",
    "license": "licence notice", "licence": "licence notice", "copyright": "licence notice",
    "donate": "appeal", "donation": "appeal", "donations": "appeal", "membership": "appeal", "appeal": "appeal",
    "steady": "appeal", "paywall": "appeal", "citate": "citation help", "toc": "table of contents",
}
PRINT_TOOLS = re.compile(r"^print(?:[-_](?:links?|button|tools?|icon|page|article|no))?$|^printfriendly")
META_WORDS = {"byline", "author", "authors", "date", "dateline", "published", "meta", "timestamp", "posted"}
CAPTION_WORDS = {"caption", "figcaption", "credit", "credits"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {
    "p", "ul", "ol", "li", "blockquote", "figure", "figcaption", "table", "div", "section", "article",
    "header", "main", "pre", "hr", "dl", "dt", "dd", "address", "details", "summary", "center", "img", "picture",
}


# Class names that label what a post is about (WordPress puts `tag-water category-analysis` on the <article>):
# they say nothing about whether the element is furniture.
TAXONOMY_CLASS = re.compile(r"^(?:tag|tags|category|categories|cat|post|postid|format|type|status|author|page|"
                            r"term|topic|taxonomy|item|section|single|has|category|lang)[-_]")
NOTES_WORDS = {"footnote", "footnotes", "endnote", "endnotes", "references", "reflist", "notes", "fn", "ftn",
               "edn", "citations", "footnotes-list"}
NOTES_ROLES = {"doc-endnotes", "doc-footnote", "doc-endnote", "doc-bibliography"}
CONTENT_WORDS = {"articlebody", "entry-content", "post-content", "article-body", "article-content", "story-body",
                 "mw-content-text", "post-body", "entry", "field-body"}
INLINE_CHROME = {"editsection", "mw-editsection", "tooltip", "footnote_tooltip", "sr-only", "screen-reader-text",
                 "visually-hidden", "mw-cite-backlink"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _tokens(element: etree._Element) -> list[str]:
    return f"{element.get('class', '')} {element.get('id', '')}".lower().split()


def _words(element: etree._Element) -> set[str]:
    tokens = [t for t in _tokens(element) if not TAXONOMY_CLASS.match(t)]
    return set(re.split(r"[^a-z0-9]+", " ".join(tokens))) - {""}


def holds_notes(element: etree._Element) -> bool:
    """A footnotes or references container: never page furniture, whatever tag or class it has."""
    tokens = set(_tokens(element))
    return bool(tokens & NOTES_WORDS or _words(element) & {"footnotes", "endnotes", "footnote", "endnote"}
                or (element.get("role") or "") in NOTES_ROLES or "references" in tokens)


def is_content(element: etree._Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag in ("article", "main") or element.get("role") == "main" or \
        (element.get("itemprop") or "").lower() == "articlebody" or bool(set(_tokens(element)) & CONTENT_WORDS)


def chrome_kind(element: etree._Element) -> str | None:
    """What piece of page furniture an element is (navigation, share bar, ...), or None for content."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true" or \
            HIDDEN_STYLE.search(element.get("style") or ""):
        return "hidden element"
    if holds_notes(element):
        return None
    if set(_tokens(element)) & INLINE_CHROME:
        return "edit links and tooltips"
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    if is_content(element):
        return None
    for word in sorted(_words(element)):
        if word in CHROME_WORDS:
            return CHROME_WORDS[word]
    if any(PRINT_TOOLS.match(t) for t in _tokens(element)):
        return "tools"
    if element.get("role") in CHROME_ROLES:
        return CHROME_ROLES[element.get("role")]
    return None


SKIP_LINK = re.compile(r"\s*(?:jump|skip|go)\s+to\s+(?:the\s+)?(?:main\s+)?(?:text|content|navigation|article)\b",
                       re.IGNORECASE)  # 'Jump to Main Text of Report', 'Skip to content': an in-page link past chrome
BAR_SEPARATORS = re.compile(r"^[\s·|•,/–—()-]*$")


def closing_link_bar(element: etree._Element) -> bool:
    """A bar of two or more short links that ends a block ('View Article · PubMed/NCBI · Google Scholar' under a
    reference): nothing but separators between the links, nothing of the block's text after it."""
    links = [a for a in element.iter("a") if rec.squash(a.text_content())]
    lone = len(links) == 1 and citations.link_bar_line(rec.squash(links[0].text_content()))  # 'CrossRef' alone
    if (len(links) < 2 and not lone) or any(len(rec.squash(a.text_content()).split()) > 5 for a in links):
        return False
    text = rec.squash(element.text_content())
    rest = text
    for link in links:
        rest = rest.replace(rec.squash(link.text_content()), "", 1)
    if len(text) > 150 or not BAR_SEPARATORS.match(rest):
        return False
    node = element
    while node is not None and node.tag not in ("li", "p", "dd", "td", "div", "body") or node is element:
        if (node.tail or "").strip() or any(rec.squash(s.text_content()) for s in node.itersiblings()):
            return False
        node = node.getparent()
    return True


# 'Figs. 1, 2', 'Table 3', 'Рис. 2': a number after these words points to a figure or table, not to a note
REFERENCE_WORDS = re.compile(r"(?:\b(?:fig(?:ure)?s?|tab(?:le)?s?|eq(?:uation)?s?|abb(?:ildung(?:en)?)?|tab(?:elle)?|"
                             r"рис(?:унок|унки|\.)?|табл(?:ица|ицы)?|şekil|tablo|section|sect?|kapitel)\.?\s*|§\s*)"
                             r"(?:[\dA-Za-z]{1,4}[a-z]?\s*(?:,|and|und|и|et|ve|&|–|-)\s*)*$", re.IGNORECASE)


EXPONENT_BASE = re.compile(r"(?:\b10|\b[kcmµnd]?m|\bft)\s*$")  # '10<sup>22</sup>', 'm<sup>2</sup>': powers


def _exponent(sup: etree._Element) -> bool:
    """Whether an unlinked <sup> number is a power ('~10<sup>22</sup> cm', 'm<sup>2</sup>'), not a note marker."""
    previous = sup.getprevious()
    if previous is not None:
        before = previous.tail or previous.text_content()
    else:
        parent = sup.getparent()
        before = (parent.text or "") if parent is not None else ""
    return bool(EXPONENT_BASE.search(before[-12:]))


def unmark_references(text: str) -> str:
    """Marker tokens that follow 'Fig.', 'Table', 'Рис.' … are the figure's or table's number again."""
    out, position = [], 0
    for match in re.finditer(r"\x00\d+:([^:\x00]*):\d*\x00", text):
        before = rec.plain(text[:match.start()])[-40:]
        out.append(text[position:match.start()])
        out.append(match.group(1) if REFERENCE_WORDS.search(before) else match.group(0))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _paragraph_text(element: etree._Element) -> int:
    return sum(len(p.text_content().strip()) for p in element.iter("p"))


def _decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", "ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in ("utf-8-sig", declared.group(1) if declared else "utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def _text_in_paragraphs(element: etree._Element) -> int:
    """The length of the text in the <p> elements under `element` that no page furniture holds."""
    total = 0
    for paragraph in element.iter("p"):
        holders = []
        for ancestor in paragraph.iterancestors():
            if ancestor is element:
                break
            holders.append(ancestor)
        if not any(chrome_kind(a) for a in [paragraph, *holders]):
            total += len(paragraph.text_content().strip())
    return total


SECTION_GAIN = 1.1  # a parent holding this much more paragraph text than the densest block: its sections
LINK_DENSITY = 0.25  # paragraphs with more of their text in links than this are teasers, not the article's


def _link_density(element: etree._Element) -> float:
    text = len(rec.squash(element.text_content()))
    return sum(len(rec.squash(a.text_content())) for a in element.iter("a")) / text if text else 1.0


def _whole_article(densest: etree._Element) -> etree._Element:
    """From the densest block of paragraphs up to the element holding the article's other sections too (a
    journal page puts each section in its own <div>, a government page its summary above the transcript): climb
    while the parent adds paragraphs of its own, none of them mostly links."""
    current, size = densest, _text_in_paragraphs(densest)
    for parent in densest.iterancestors():
        if parent.tag in ("body", "html") or chrome_kind(parent):
            break
        grown = _text_in_paragraphs(parent)
        if grown <= size:  # a wrapper around the same paragraphs
            continue
        added = [c for c in parent if isinstance(c.tag, str) and c not in current.iterancestors()
                 and c is not current and current not in c.iterancestors() and _text_in_paragraphs(c)]
        if grown < SECTION_GAIN * size or any(_link_density(c) > LINK_DENSITY for c in added):
            break
        current, size = parent, grown
    return current


FEW_PARAGRAPHS = 400  # characters: a page whose densest block of <p> holds less sets its text otherwise
BLOCK_TAGS = {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "blockquote", "figure", "header",
              "footer", "nav", "aside", "form", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


def _own_text(element: etree._Element) -> int:
    """The text an element sets as paragraphs of its own: its <p> children, its <div> children that hold no
    blocks (a journal's <div class="paragraph">) and are not mostly links, and its loose text between <br>s (a
    blog's post body)."""
    total, blocks = 0, 0
    for child in element:
        if not isinstance(child.tag, str) or child.tag not in BLOCK_TAGS:
            continue
        size = len(child.text_content().strip())
        blocks += len(child.text_content())
        if child.tag == "p" or (child.tag == "div" and _link_density(child) < LINK_DENSITY and not any(
                isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in child.iterdescendants())):
            total += size
    loose = len(element.text_content()) - blocks
    return total + (loose if loose >= 40 else 0)


def _hidden(element: etree._Element) -> bool:
    """Whether an element or one of its ancestors is hidden until a reader asks for it: a pop-up, a tooltip, an
    element with `hidden`, aria-hidden or display:none."""
    return any(chrome_kind(n) in ("hidden element", "pop-up", "edit links and tooltips")
               for n in [element, *element.iterancestors()])


def _in_furniture(element: etree._Element) -> bool:
    return any(chrome_kind(e) for e in [element, *element.iterancestors()])


def _densest_text(doc: etree._Element, blocks: list[etree._Element], size) -> etree._Element | None:
    """The block of the article's text on a page that sets little of it in <p> or whose densest <p> block is page
    furniture (a footer): scored by its own text too; furniture only when nothing else comes near (a blog whose
    every box is a 'widget'); of the blocks near the best score, the first after the page's <h1> (a post, not the
    teasers for other posts under it)."""
    scores = {e: max(size(e), _own_text(e)) for e in blocks}
    if not scores:
        return None
    clean = [e for e in blocks if not _in_furniture(e)]
    best = max(scores.values())
    pool = clean if clean and max(scores[e] for e in clean) >= 0.5 * best else blocks
    top = max(scores[e] for e in pool)
    eligible = [e for e in pool if scores[e] >= 0.5 * top and scores[e] > 0]
    order = {node: index for index, node in enumerate(doc.iter())}
    title = next((h for h in doc.iter("h1") if h.text_content().strip() and not _in_furniture(h)), None)
    after = [e for e in eligible if title is not None and order[e] > order[title]]
    return after[0] if after else max(pool, key=scores.get)


def choose_root(doc: etree._Element, loose: bool = True) -> etree._Element:
    """The element holding the article: articleBody, <article>, <main>, else the densest block of paragraphs
    (with the sibling sections it belongs with); page furniture (a footer) is none. On a page with little text
    in <p> elements the densest block counts a blog's loose text and a journal's paragraph <div>s too (`loose`)."""
    body = doc.find("body") if doc.find("body") is not None else doc
    blocks = [e for e in body.iter() if isinstance(e.tag, str) and e.tag in ("div", "section", "td", "body",
                                                                                  "article", "main")
              and not _hidden(e)]  # (a reference's pop-up repeats the reference list's text, hidden)
    size = lambda e: sum(len(p.text_content()) for p in e.findall("p"))  # noqa: E731
    densest = max(blocks, key=size, default=body)
    if loose and (size(densest) < FEW_PARAGRAPHS or _in_furniture(densest)):
        found = _densest_text(doc, blocks, size)
        densest = found if found is not None else densest
    densest = _whole_article(densest)
    for query in ('//*[@itemprop="articleBody"]', "//article", "//main", '//*[@role="main"]'):
        found = [e for e in doc.xpath(query) if not chrome_kind(e)]
        if found:
            best = max(found, key=_paragraph_text)
            if _paragraph_text(best) >= 0.6 * _paragraph_text(densest):
                article = next((a for a in best.iterancestors("article")), None)
                return article if article is not None else best
    return densest


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
    parts = re.split(r"\s+[|–—·»:-]\s+|\s+::\s+", title.strip())
    letters = [re.sub(r"\W|_", "", p.casefold()) for p in parts]
    kept = [p for p, k in zip(parts, letters) if not any(k and (k in site or site in k) for site in sites)]
    if len(parts) > 1 and len(kept) == 1:
        return kept[0]
    return _site_suffix_removed(title)


def _site_suffix_removed(title: str) -> str:
    """'Expert*innen in der Krise | Verfassungsblog' → the part before the site's name (a short last part)."""
    parts = re.split(r"\s+[|–—·-]\s+|\s+::\s+", title.strip())
    while len(parts) > 1 and len(re.sub(r"\([^)]*\)", "", parts[-1]).split()) <= 6:
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _title(doc: etree._Element, root: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """The article's title: its own <h1>, else og:title (a page-wide <h1> is often the site's logo), else
    any <h1>, a heading above the article's first paragraph, or the page <title> without the site's name."""
    declared = [rec.key(_site_suffix_removed(v)) for k in ("og:title", "twitter:title") for v in meta.get(k, [])]
    declared += [rec.key(v) for k in ("og:title", "twitter:title") for v in meta.get(k, [])]  # 'A – B' whole
    sites = _site_names(doc, meta)
    declared.append(rec.key(_site_part_removed(doc.findtext(".//title") or "", sites)))
    headings = [h for h in root.iter("h1") if h.text_content().strip()]
    named = [h for h in headings if any(d and (d.startswith(rec.key(h.text_content())) or (
        rec.key(h.text_content()) in d and len(rec.key(h.text_content())) >= 0.6 * len(d))) for d in declared)]
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
            return inline_text(_site_suffix_removed(meta[key][0]), None, markers=False), f"<meta {key}>"
    order = {node: index for index, node in enumerate(doc.iter())}
    text_start = next((order[p] for p in root.iter("p") if len(p.text_content().split()) >= 25), len(order))
    site = {rec.key(p) for p in re.split(r"\s+[|–—·»:-]\s+", doc.findtext(".//title") or "")[1:]} | \
        {rec.key(v) for v in meta.get("og:site_name", [])}  # a logo's <h1> naming the site is no title
    for heading in doc.iter("h1"):  # ('While you are here…' over a donation appeal is no title)
        if not any(chrome_kind(a) for a in heading.iterancestors()) and heading.text_content().strip() \
                and rec.key(heading.text_content()) not in site \
                and not rec.is_stop_line(rec.squash(heading.text_content())) and order[heading] < text_start:
            return Walker(None).inline(heading).strip(), "the page's main heading"
    page_title = _site_part_removed(doc.findtext(".//title") or "", sites)
    if len(page_title.split()) >= 3:  # no heading above the text ('Congrats!' under it heads an appeal)
        return inline_text(page_title, None, markers=False), "<title>"
    for element in root.iter("p", *HEADINGS):
        if element.tag != "p" and element.text_content().strip():
            return Walker(None).inline(element).strip(), f"the first heading (<{element.tag}>)"
        if element.tag == "p" and len(element.text_content().strip()) > 150:
            break
    return inline_text(_site_part_removed(doc.findtext(".//title") or "", sites), None, markers=False), "<title>"


LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\([^)\s]*\)")  # a Markdown link: its text
MEDIA_FILE = re.compile(r"\.(?:mp3|mp4|m4a|ogg|oga|wav|webm|mov|avi|pdf|zip|epub|docx?|pptx?|xlsx?)(?:[?#]|$)",
                        re.IGNORECASE)
TOKEN_TEXT = re.compile(r"\x00\d+:")  # a note marker in inline text being assembled
BREAK = "\x02"  # a <br> while a paragraph's inline text is read
SHORT_LINE = 10  # words


class Walker:
    """Turns an element tree into Blocks, dropping page furniture and images as it goes."""

    def __init__(self, article: Article | None, root: etree._Element | None = None,
                 targets: dict[str, int] | None = None, not_notes: set[str] | None = None):
        self.article = article
        self.root = root
        self.targets = targets or {}
        self.not_notes = not_notes or set()  # in-page link targets that are figures, tables, sections
        self.blocks: list[Block] = []

    def anchor(self, element: etree._Element) -> int | None:
        """The note number whose marker links to this element (or to an anchor inside it)."""
        for node in element.iter():
            if isinstance(node.tag, str):
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
        text = rec.squash(element.text_content())
        if tag in ("sup", "a") and MARKER_TEXT.fullmatch(text) and self.is_marker(element) \
                and not (tag == "sup" and element.find(".//a") is None and _exponent(element)):
            if self.article is not None and tag == "sup" and element.find(".//a") is None:
                self.article.bare_superscripts.add(text.strip("[]"))  # 'Tyr<sup>33</sup>': a marker if a note is 33
            return token(text.strip("[]"), element.sourceline)
        if tag == "img":
            self.image(element)
            return ""
        if tag in ("ul", "ol", "span", "div", "p", "nav") and self.in_notes(element) and closing_link_bar(element):
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
                if re.fullmatch(r"<[^>\s]+>", inner.strip()) or text.rstrip("/") == href.rstrip("/"):
                    return f"<{href}>"  # the link shows its own address
                lead, trail = inner[:len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
                address = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                return f"{lead}[{inner.strip()}]({address}){trail}"
        return inner

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

    def walk(self, element: etree._Element) -> list[Block]:
        run: list[str] = [inline_text(element.text, element.sourceline)] if element.text else []
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCKS:
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
        text = rec.squash("".join(run))
        if text:
            self.add("para", text, element)

    def block(self, element: etree._Element) -> None:
        tag = element.tag
        kind = chrome_kind(element)
        if kind or tag in SKIP_TAGS:
            if kind and element.text_content().strip():
                self.drop(f"{kind}: '{rec.squash(element.text_content())[:50]}'")
            return
        if tag in HEADINGS:
            self.add("heading", rec.without_edit_links(self.inline(element).strip()), element, level=int(tag[1]))
        elif tag == "p" or tag in ("dt", "dd", "summary", "address"):
            captionish = bool(_words(element) & CAPTION_WORDS)
            if element.find(".//img") is not None and not rec.squash(element.text_content()):
                for img in element.iter("img"):
                    self.image(img)
                return
            if not captionish and self.bold_lead(element):
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
        elif tag == "blockquote":
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
        elif tag == "table" and element.find(".//img") is not None and _one_column(element):
            self.figure(element)  # a figure Word laid out as a one-column table: title, image, source
        elif tag == "table" and _text_box(element):
            self.walk(next(element.iter("td", "th")))  # a text box or sidebar Word laid out as a one-cell table
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
            body = " ".join(self.inline(p).strip() for p in _cell_parts(text))
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


def _whole_in_page_link(item: etree._Element) -> bool:
    """A list item that is nothing but links to places in the same page ('#_Toc206167737')."""
    links = [a for a in item.iter("a") if (a.get("href") or "").startswith("#") and len(a.get("href")) > 1]
    text = rec.squash(item.text_content())
    return bool(links) and bool(text) and rec.squash(" ".join(a.text_content() for a in links)) == text


NUMBER_CELL = re.compile(r"\[?(?:\d{1,3}|[ivxl]{1,7})\]?[.)]?")


def table_rows(table: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """(number cell, text cell) for every row of a table whose rows each hold a note's number and its text, else []."""
    rows = []
    for row in table.iter("tr"):
        if next(row.iterancestors("table"), None) is not table:
            continue
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        filled = [c for c in cells if rec.squash(c.text_content())]
        if not filled:
            continue
        if len(cells) != 2 or len(filled) != 2 or not NUMBER_CELL.fullmatch(rec.squash(cells[0].text_content())):
            return []
        rows.append((cells[0], cells[1]))
    return rows


def _one_column(table: etree._Element) -> bool:
    """Whether every row of a table holds a single cell (a layout box, not a table of data)."""
    rows = [r for r in table.iter("tr") if next(r.iterancestors("table"), None) is table]
    return bool(rows) and all(len([c for c in r if isinstance(c.tag, str) and c.tag in ("td", "th")]) == 1 for r in rows)


def _text_box(table: etree._Element) -> bool:
    """A table of one row and one cell holding paragraphs of text: a box or sidebar, read as text (its paragraphs
    and their note markers stay), not a table of data to rebuild."""
    rows = [r for r in table.iter("tr") if next(r.iterancestors("table"), None) is table]
    cells = [c for c in table.iter("td", "th") if next(c.iterancestors("table"), None) is table]
    return len(rows) == 1 and len(cells) == 1 and cells[0].find(".//table") is None and \
        len(rec.squash(cells[0].text_content()).split()) >= 12


def _cell_parts(cell: etree._Element) -> list[etree._Element]:
    """The paragraphs of a table cell, or the cell itself when it holds none."""
    parts = [p for p in cell.iter("p") if rec.squash(p.text_content())]
    return parts or [cell]


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


MARKER_TEXT = re.compile(r"\[?(\d{1,3}|[ivxl]{1,7})\]?")
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
    others: set[str] = set()
    for link in doc.iter("a"):
        href, text = (link.get("href") or "").strip(), rec.squash(link.text_content())
        match = MARKER_TEXT.fullmatch(text)
        target = named.get((href[1:].split() or [""])[0]) if href.startswith("#") else None  # '#CIT0001 CIT0002'
        href = "#" + (href[1:].split() or [""])[0] if href.startswith("#") else href
        # a marker links forward to its note; a link back up from the list (to the marker) is no marker
        if match and rec.label_value(match.group(1)) and target is not None and order[target] > order[link]:
            if reads_as_note(target):
                targets.setdefault(href[1:], rec.label_value(match.group(1)))
            else:
                others.add(href[1:])
    return targets, others - set(targets)


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
    meta = page_meta(doc)
    root = choose_root(doc, loose)
    article.title, title_from = _title(doc, root, meta)
    article.title = LINK.sub(r"\1", article.title)  # a title that links to its own page is no link in the book
    if article.title:
        article.recognised.append(f"title: {rec.plain(article.title)} (from {title_from})")
    targets, not_notes = marker_targets(doc)
    walker = Walker(article, root, targets, not_notes)
    article.blocks = walker.walk(root) if root.tag not in HEADINGS else []
    for container in notes_outside(doc, root, targets):
        article.recognised.append(f"the list of notes beside the article's element (line {container.sourceline})")
        notes_walker = Walker(article, container, targets, not_notes)
        notes_walker.block(container)
        article.blocks += notes_walker.blocks
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
    take_metadata(article)
    if not (article.authors and article.date):  # a byline or date above the article, outside its element
        header = Article(source=source, blocks=_header_lines(doc, root), authors=article.authors,
                         date=article.date)
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
    take_closing_byline(article, rec.month_first(article.lang[:2].lower() or rec.guess_language(
        " ".join(b.plain for b in article.blocks[:40]))))
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
