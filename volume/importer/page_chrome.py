"""What in a saved page is furniture, not the article: navigation, share bars, pop-ups, hidden elements, link
bars, by tag, role and the words of class and id; and what holds notes or the article's content."""

from __future__ import annotations

import re

from lxml import etree

from volume.importer import citations
from volume.importer import recognise as rec


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
    if tag in ("div", "section", "li") and download_box(element):
        return "download box"
    return None


FILE_SIZE = re.compile(r"\b\d[\d.,]*\s?(?:[KMG]i?B|kB)\b")  # 'Size: 226KB', '(PDF, 1.2 MB)'
DOWNLOAD_BOX_CHARS = 700  # a supplement's box: its title, a line of caption, format and size, the link


def download_box(element: etree._Element) -> bool:
    """A journal's supplementary-file box ('Additional file 2: Figure S2. … Format: PDF Size: 826KB Download file'):
    a short block whose link downloads a file and whose text gives that file's size. The file is not in the book,
    and a reference cited only in its caption is one the text never cites."""
    links = [a for a in element.iter("a") if re.match(r"\s*download\b", a.text_content() or "", re.IGNORECASE)]
    if not links or any(e.tag in HEADINGS or e.tag == "figure" for e in element.iter()):
        return False
    text = rec.squash(element.text_content())
    return len(text) <= DOWNLOAD_BOX_CHARS and bool(FILE_SIZE.search(text))


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
