"""Labels for a saved MediaWiki (Wikipedia) article page, read from its structure with lxml (never the importer).

    python3 bench/labels/wikipedia_page_labels.py CASE_DIR DATE PUBLISHER [CHROME_LINE ...]

DATE is the page's "last edited" date (YYYY-MM-DD), read by eye from its footer (the dev set labels wiki pages by
the revision they show). The article is `#mw-content-text` (Parsoid's HTML: the body, its title the <title>). Notes: every `ol.references > li`, in the order of the first marker
linking to it (a page with two groups, '[note 1]' and '[1]', lists each group apart), as its `span.reference-text` (without the back-links "^ a b" / "↑"). Headings: h2-h4 of the
article without their "[edit]" links, the contents box and the notes list's own heading left out. Paragraphs: the
first 8 words of every `p` and list item of the article outside tables, navigation boxes, the contents box, image
frames, the coordinates line and the notes lists, cut before the first note marker or formula among them (the bench reads the chapter's
text with its note numbers in it; formulas come out in many forms). Captions: the image frames' captions.
CHROME_LINE arguments are page lines outside the article that must not be left (chosen by eye).
"""
import json
import sys
from pathlib import Path

from lxml import html

case, date, publisher, chrome = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
root = html.fromstring((case / "source.html").read_text(encoding="utf-8"))
sq = lambda s: " ".join(s.split())  # noqa: E731
title = sq((root.xpath("//h1[@id='firstHeading']") or root.xpath("//h1[@id='section_0']")
            or root.xpath("//title"))[0].text_content())  # (Parsoid's HTML has only its <title>)
article = (root.xpath("//*[@id='mw-content-text']") or root.xpath("//body"))[0]
notes_lists = article.xpath(".//ol[contains(@class,'references')]")
items = [li for ol in notes_lists for li in ol.xpath("./li")]
first_marker = {}  # a note's id -> the position of the first marker linking to it, outside the notes lists
for position, link in enumerate(article.xpath(".//a[contains(@href,'#')]")):  # Parsoid: './Dog#cite_note-1'
    if not any(link in ol.iter() for ol in notes_lists):
        first_marker.setdefault(link.get("href").split("#", 1)[1], position)
order = sorted(range(len(items)), key=lambda i: (first_marker.get(items[i].get("id"), float("inf")), i))
notes = []
for li in [items[i] for i in order]:
    text = li.xpath(".//span[contains(@class,'reference-text')]")
    notes.append(sq(text[0].text_content()) if text else sq(li.text_content()))
for junk in article.xpath(".//*[contains(@class,'mw-editsection')]|.//style|.//script"):
    junk.drop_tree()
CUT = "\u2063"
for held in article.xpath(".//sup[contains(@class,'reference')]|.//*[contains(@class,'mwe-math-element')]|.//math"):
    if held.getparent() is not None:
        held.tail = CUT + (held.tail or "")
        held.drop_tree()
OUTSIDE = ("ancestor-or-self::table or ancestor-or-self::figure or ancestor-or-self::*[contains(@class,'navbox') or contains(@class,'toc') "
           "or @id='toc' or contains(@class,'thumb') or contains(@class,'references') or contains(@class,'reflist') "
           "or contains(@class,'gallery') or contains(@class,'hatnote') or contains(@class,'dablink') "
           "or contains(@class,'catlinks') or contains(@class,'printfooter') or contains(@class,'metadata')]"
           " or .//*[@id='coordinates']")
notes_headings = []  # the elements themselves: lxml's proxies are compared by identity while they are alive
for ol in notes_lists:
    notes_headings += ol.xpath("preceding::*[self::h2 or self::h3][1]")
headings = []
for h in article.xpath(".//h2|.//h3|.//h4"):
    headline = h.xpath(".//span[contains(@class,'mw-headline')]")  # the mobile skin's edit link has no class
    text = sq((headline[0] if headline else h).text_content().replace(CUT, ""))
    if text and not any(h is n for n in notes_headings) and not h.xpath(OUTSIDE):
        headings.append(text)
paragraphs = []
for el in article.xpath(".//p|.//li"):
    if el.xpath(OUTSIDE) or (el.tag == "p" and el.xpath("ancestor::li")):
        continue
    copy = html.fromstring(html.tostring(el, encoding="unicode", with_tail=False))
    for inner in copy.xpath("./ul|./ol|./dl"):
        inner.drop_tree()
    text = sq(copy.text_content().split(CUT)[0])
    if text:
        paragraphs.append(" ".join(text.split()[:8]))
captions = [sq(c.text_content()) for c in article.xpath(".//div[contains(@class,'thumbcaption')]|.//figure/figcaption")]
expected = {"title": title, "authors": [], "date": date, "publisher": publisher, "notes": notes,
            "headings": headings, "paragraphs": paragraphs, "chrome": chrome, "captions": [c for c in captions if c],
            "metadata_shown_in": ["html", "txt", "docx"]}
(case / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(notes)} notes, {len(headings)} headings, {len(paragraphs)} paragraphs, {len(captions)} captions")
