"""Labels for a Project Gutenberg HTML book (or an excerpt of one) whose markers are '[N]' links (`a.fnanchor`) to
footnotes set as `div.footnote` paragraphs (at a section's or chapter's foot, or under the book's FOOTNOTES heading),
read from its structure with lxml (never the importer).

    python3 bench/labels/gutenberg_page_labels.py CASE_DIR TITLE DATE PUBLISHER AUTHOR;AUTHOR CHROME_LINE...

Notes: the footnote each marker's link points to (its `div.footnote`, else the paragraph holding the anchor), in the
order of the first marker, without its back-link label '[N]'; an editor's note the footnote holds stays part of it.
Headings: h1-h6 from the first heading that opens a part or chapter ('Part I.', 'CHAPTER I') on (the PG header,
transcriber's note and title page before it are front matter), the FOOTNOTES heading left out. Paragraphs: the first
8 words of every `p` from there on outside the footnotes and the page numbers' paragraphs, cut before the first
marker. Title, date, publisher and authors are read by eye; the file's own charset is honoured.
"""
import json
import sys
from pathlib import Path

from lxml import html

case, title, date, publisher, authors, *chrome = sys.argv[1:]
case_dir = Path(case)
root = html.fromstring((case_dir / "source.html").read_bytes())  # lxml reads the page's <meta charset>
sq = lambda s: " ".join(s.split())  # noqa: E731
body = root.xpath("//body")[0]
markers = body.xpath(".//a[contains(concat(' ', @class, ' '), ' fnanchor ')]")
order, holders = [], []
for a in markers:
    key = a.get("href").split("#")[-1]
    found = root.xpath(f"//*[@id='{key}' or @name='{key}']")
    if key in order or not found:
        continue
    holder = (found[0].xpath("ancestor::div[contains(@class,'footnote')][1]") or [found[0].getparent()])[0]
    order.append(key)
    holders.append(holder)
notes = []
for holder in holders:
    copy = html.fromstring(html.tostring(holder, encoding="unicode", with_tail=False))
    for back in copy.xpath(".//a[contains(@href,'FNanchor')]"):
        back.drop_tree()
    notes.append(sq(copy.text_content()))
CUT = "\u2063"
for a in markers:
    a.tail = CUT + (a.tail or "")
    a.drop_tree()
in_notes = lambda el: any(any(x is h for h in holders) for x in [el, *el.iterancestors()])  # noqa: E731
opening = next(h for h in body.xpath(".//h1|.//h2|.//h3|.//h4")
               if sq(h.text_content()).casefold().startswith(("chapter", "part ")))
after_header = lambda el: el is opening or any(  # noqa: E731
    x is opening for x in el.xpath("preceding::h1|preceding::h2|preceding::h3|preceding::h4"))
headings = [sq(h.text_content()) for h in body.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
            if not in_notes(h) and after_header(h)]
headings = [h for h in headings if h and h.casefold().rstrip(".") not in {title.casefold(), "footnotes"}]
paragraphs = []
for el in body.xpath(".//p"):
    if in_notes(el) or not after_header(el) or el.xpath(".//span[contains(@class,'pagenum')]") and not sq(
            "".join(t for t in el.xpath("./text()|./*[not(contains(@class,'pagenum'))]//text()"))):
        continue
    copy = html.fromstring(html.tostring(el, encoding="unicode", with_tail=False))
    for num in copy.xpath(".//span[contains(@class,'pagenum')]"):
        num.drop_tree()
    text = sq(copy.text_content().split(CUT)[0]).rstrip(" ([")
    if text:
        paragraphs.append(" ".join(text.split()[:8]))
expected = {"title": title, "authors": [a for a in authors.split(";") if a], "date": date, "publisher": publisher,
            "notes": notes, "headings": headings, "paragraphs": paragraphs, "chrome": chrome, "captions": [],
            "metadata_shown_in": ["html", "txt", "docx"]}
(case_dir / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(notes)} notes, {len(headings)} headings, {len(paragraphs)} paragraphs")
