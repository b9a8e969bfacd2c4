"""Labels for a page whose notes are an ordered list the markers link to (goldmark/Hugo `#fn:N`, Standard Ebooks
`#note-N`, and the like), read from its structure with lxml (never the importer).

    python3 bench/labels/footnote_page_labels.py CASE_DIR BODY_XPATH MARKER_XPATH TITLE DATE PUBLISHER AUTHOR;AUTHOR CHROME_LINE...

BODY_XPATH picks the article (e.g. "//main"); MARKER_XPATH the note markers' links inside it (e.g.
".//a[@role='doc-noteref']"). Notes: the elements the markers point to, in the order of their first marker, without
their back-links (↩︎) or printed number. Headings: h1-h6 of the article without their markers, the title and
the notes list's own heading (Endnotes, Notes, Anmerkungen…) left out; a byline "By …" under the title is no paragraph. Paragraphs: the first
8 words of every `p`, list item and block quote's paragraph of the article outside the notes, cut before the first
marker among them (the bench reads the chapter's text with its note numbers in it). Title, date, publisher, authors
(";"-separated, "" for none) and the CHROME_LINE arguments (page lines that must not be left) are read by eye.
"""
import json
import re
import sys
from pathlib import Path

from lxml import html

case, body_xpath, marker_xpath, title, date, publisher, authors, *chrome = sys.argv[1:]
root = html.fromstring((case_dir := Path(case)).joinpath("source.html").read_text(encoding="utf-8"))
sq = lambda s: " ".join(s.split())  # noqa: E731
body = root.xpath(body_xpath)[0]
markers = body.xpath(marker_xpath)
targets, order = {}, []
for a in markers:
    key = a.get("href").split("#")[-1]
    found = root.xpath(f"//*[@id='{key}']")
    if key not in targets and found:
        targets[key] = found[0]
        order.append(key)
notes = []
holders = []
for key in order:
    note = html.fromstring(html.tostring(targets[key], encoding="unicode", with_tail=False))
    for back in note.xpath(".//a[contains(@class,'backref') or @role='doc-backlink' or contains(@href,'noteref')"
                           " or contains(@href,'fnref')]"):
        back.drop_tree()
    notes.append(re.sub(r"^\d+\.\s*", "", sq(note.text_content()).replace("↩︎", "").replace("↩", "").strip()))
    holders.append(targets[key])
lists = [h.getparent() for h in holders]  # kept alive: lxml's element proxies are compared by identity
CUT = "\u2063"
for a in markers:
    held = a.getparent() if a.getparent().tag == "sup" else a
    held.tail = CUT + (held.tail or "")
    held.drop_tree()
in_notes = lambda el: any(any(x is n for n in lists + holders) for x in [el, *el.iterancestors()])  # noqa: E731
NOTES_HEADINGS = {"endnotes", "notes", "footnotes", "anmerkungen", "fußnoten", "notes de bas de page", "примечания"}
headings = [sq(h.text_content().replace(CUT, "")) for h in body.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
            if not in_notes(h)]
headings = [h for h in headings if h != title and h.casefold() not in NOTES_HEADINGS]  # the title is no body heading
paragraphs = []
for el in body.xpath(".//p|.//li"):
    if in_notes(el) or (el.tag == "li" and el.xpath("./p")) or (el.tag == "p" and el.xpath("ancestor::li[not(p)]")):
        continue
    text = sq(el.text_content().split(CUT)[0]).rstrip(" ([")  # a bracket opened round a marker goes with it
    if text.startswith("By ") and el.xpath("preceding::h1") and not el.xpath("preceding::p"):
        continue  # the byline under the title ("By Sun Tzu. Translated by …") is metadata, not a paragraph
    if text and not any(sq(c).startswith(text) for c in chrome):  # a page line named as chrome is no paragraph
        paragraphs.append(" ".join(text.split()[:8]))
expected = {"title": title, "authors": [a for a in authors.split(";") if a], "date": date, "publisher": publisher,
            "notes": notes, "headings": [h for h in headings if h], "paragraphs": paragraphs, "chrome": chrome,
            "captions": [], "metadata_shown_in": ["html", "txt", "docx"]}
case_dir.joinpath("expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(notes)} notes, {len(expected['headings'])} headings, {len(paragraphs)} paragraphs")
