"""Labels for a page pandoc made from openly licensed Markdown, read from its structure with lxml (not the importer).

    python3 bench/labels/pandoc_page_labels.py CASE_DIR PUBLISHER

Title, authors and date from pandoc's title block; notes from the list items the markers' links point to (pandoc's
footnotes section, or a page's own `<li id="fnN">` lists), in the order of their first marker, without their number
or back-link; headings without their markers, the notes lists' own headings ("Footnotes", "Notes") left out; the first
8 words of every body paragraph and list item outside the notes (table cells left out), cut before a marker
that falls among them (the bench reads the chapter's text with its note numbers in it).
"""
import json
import sys
from pathlib import Path

from lxml import html

case, publisher = Path(sys.argv[1]), sys.argv[2]
root = html.fromstring((case / "source.html").read_text(encoding="utf-8"))
sq = lambda s: " ".join(s.split())  # noqa: E731
body = root.xpath("//body")[0]
markers = [a for a in body.xpath(".//a[starts-with(@href,'#fn')]") if not a.xpath("ancestor::li[starts-with(@id,'fn')]")]
items = {li.get("id"): li for li in body.xpath(".//li[starts-with(@id,'fn')]")}
notes, seen = [], set()
for a in markers:
    target = a.get("href")[1:]
    if target in seen or target not in items:
        continue
    seen.add(target)
    li = items[target]
    for back in li.xpath(".//a[starts-with(@href,'#fnr')]") + li.xpath("./sup[1]"):
        back.drop_tree()
    notes.append(sq(li.text_content()).rstrip("↩︎↩").strip())
notes_lists = {id(li.getparent()) for li in items.values()}
head = body.xpath(".//header[@id='title-block-header']")
title = sq(head[0].xpath(".//h1[@class='title']")[0].text_content())
authors = [sq(p.text_content()) for p in head[0].xpath(".//p[@class='author']")]
date = "".join(sq(p.text_content()) for p in head[0].xpath(".//p[@class='date']"))
for a in markers:  # headings are labelled without their markers; a paragraph's words are cut at its first one
    held = a.getparent() if a.getparent().tag == "sup" else a
    held.tail = "\u2063" + (held.tail or "")
    held.drop_tree()
heads = []
for h in body.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"):
    if h.xpath("ancestor::header"):
        continue
    text = sq(h.text_content().replace("\u2063", ""))
    if text not in ("Footnotes", "Notes"):
        heads.append(text)
paras = []
for el in body.xpath(".//p|.//li"):
    if el.xpath("ancestor::header") or el.xpath("ancestor::section[@id='footnotes']") or el.xpath("ancestor::table"):
        continue
    if el.xpath("ancestor-or-self::li[starts-with(@id,'fn')]") or (el.tag == "li" and el.xpath("./p")):
        continue
    if el.tag == "p" and el.xpath("ancestor::li[not(p)]"):
        continue
    text = sq(el.text_content().split("\u2063")[0])
    if text:
        paras.append(" ".join(text.split()[:8]))
expected = {"title": title, "authors": authors, "date": date, "publisher": publisher, "notes": notes,
            "headings": heads, "paragraphs": paras, "chrome": [], "captions": []}
(case / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(case.name, len(notes), "notes", len(heads), "headings", len(paras), "paragraphs")
