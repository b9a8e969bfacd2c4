"""Labels for a journal article page whose body cites a numbered reference list through links, read from its
structure with lxml (never the importer).

    python3 bench/labels/journal_page_labels.py CASE_DIR BODY_XPATH REFS_XPATH SKIP_XPATH REF_SKIP_XPATH TITLE DATE PUBLISHER AUTHOR;AUTHOR CHROME_LINE...

BODY_XPATH picks the article's text (abstract, sections, acknowledgements); REFS_XPATH the reference list's items in
their printed order; SKIP_XPATH (relative to the body, "" for none) what is no body paragraph: front-matter boxes,
figure and table captions, tables, pop-ups that repeat a reference beside its citation; REF_SKIP_XPATH (relative to
an item, "" for none) a reference's own link furniture ("View Article", "PubMed", "Google Scholar", back-links).
Notes: every item of the reference list, in its order (a numbered list is numbered in the order of first citation),
without its printed number or link furniture. Markers: the body's links to an item (an href may name several
ids; ACS names it in the link's onclick). Headings: h1-h6 of the body outside what is skipped, the references heading left out. Paragraphs: the first
8 words of every `p` of the body outside what is skipped and outside the list, cut before the first citation link
(the bench reads the chapter's text with its note numbers in it; a bracket opened round it goes with it).
Title, date, publisher, authors (";"-separated) and the CHROME_LINE arguments are read by eye from the page.
A page whose paragraphs are no `p` (Taylor & Francis: div.paragraph) names them in the environment: PARAS=XPATH.
"""
import os
import json
import re
import sys
from pathlib import Path

from lxml import html

case, body_xpath, refs_xpath, skip_xpath, ref_skip, title, date, publisher, authors, *chrome = sys.argv[1:]
raw = (case_dir := Path(case)).joinpath("source.html").read_bytes()
try:  # the page as a browser shows it: UTF-8 when it decodes so (lxml alone reads a page without a declared
    root = html.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", raw.decode("utf-8")))  # charset as Latin-1)
except UnicodeDecodeError:
    root = html.fromstring(raw)
sq = lambda s: " ".join(s.split())  # noqa: E731
items = root.xpath(refs_xpath)
item_ids = {}
for index, item in enumerate(items):
    for el in [item, *item.iterdescendants()]:
        for key in (el.get("id"), el.get("name")):
            if key:
                item_ids[key] = index
notes = []
for item in items:
    copy = html.fromstring(html.tostring(item, encoding="unicode", with_tail=False))
    for junk in (copy.xpath(ref_skip) if ref_skip else []):
        junk.drop_tree()
    text = sq(copy.text_content()).replace("↵", "").strip()
    notes.append(re.sub(r"^(\[\d+\]|\d+\.)\s*", "", text).strip().rstrip(" ,"))
body = root.xpath(body_xpath)[0]
skipped = body.xpath(skip_xpath) if skip_xpath else []
holders = list(items) + skipped
CUT = "\u2063"
for a in body.xpath(".//a[@href]"):
    keys = a.get("href").split("#", 1)[-1].split() if "#" in a.get("href") else []
    keys += re.findall(r"'([^']+)'", a.get("onclick") or "")  # ACS: onclick="showRef(event, 'ref12')"
    if any(k in item_ids for k in keys) and not any(x is i for x in a.iterancestors() for i in items):
        a.tail = CUT + (a.tail or "")
        a.text = ""
        for child in list(a):
            a.remove(child)
inside = lambda el: any(any(x is h for h in holders) for x in [el, *el.iterancestors()])  # noqa: E731
REF_HEADINGS = {"references", "reference", "literature cited", "bibliography", "notes"}
headings = [sq(h.text_content().replace(CUT, "")) for h in body.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
            if not inside(h)]
headings = [h for h in headings if h and h != title and h.casefold().rstrip(":") not in REF_HEADINGS]
paragraphs = []
for el in body.xpath(os.environ.get("PARAS", ".//p")):
    if inside(el):
        continue
    text = sq(el.text_content().split(CUT)[0]).rstrip(" ([")
    if text and not any(sq(c).startswith(text) for c in chrome):
        paragraphs.append(" ".join(text.split()[:8]))
expected = {"title": title, "authors": [a for a in authors.split(";") if a], "date": date, "publisher": publisher,
            "notes": notes, "headings": headings, "paragraphs": paragraphs, "chrome": chrome,
            "captions": [], "metadata_shown_in": ["html", "txt", "docx"]}
case_dir.joinpath("expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(notes)} notes, {len(headings)} headings, {len(paragraphs)} paragraphs")
