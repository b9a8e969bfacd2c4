"""Which element of a saved page holds the article: articleBody, <article>, <main>, else the densest block of
paragraphs that no furniture holds."""

from __future__ import annotations

from lxml import etree

from volume.importer import recognise as rec
from volume.importer.page_chrome import chrome_kind


def _paragraph_text(element: etree._Element) -> int:
    return sum(len(p.text_content().strip()) for p in element.iter("p"))


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
    journal page puts each section in its own <div>, a government page its summary above the transcript, a wiki's
    REST HTML each section in a <section> under <body>): climb while the parent adds paragraphs of its own, more of
    them in blocks of text than in blocks that are mostly links (teasers for other posts)."""
    current, size = densest, _text_in_paragraphs(densest)
    for parent in densest.iterancestors():
        if parent.tag == "html" or chrome_kind(parent):
            break
        grown = _text_in_paragraphs(parent)
        if grown <= size:  # a wrapper around the same paragraphs
            continue
        added = [c for c in parent if isinstance(c.tag, str) and c not in current.iterancestors()
                 and c is not current and current not in c.iterancestors() and _text_in_paragraphs(c)]
        teasers = sum(_text_in_paragraphs(c) for c in added if _link_density(c) > LINK_DENSITY)
        if grown < SECTION_GAIN * size or teasers and teasers >= grown - size - teasers:
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
