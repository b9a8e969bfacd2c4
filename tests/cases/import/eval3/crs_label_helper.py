"""Draft the note labels of a CRS case: note texts from copied.txt, marker contexts from source.html's links.

Usage: python3 crs_label_helper.py CASE_FOLDER > draft.json

The note texts are cut from the "Footnotes" block of copied.txt (rows "N.<tab>" then the text); each marker's context
is the last six words before the <sup><a href="#fnN"> link inside its paragraph, list item, cell or heading. The
draft was then read against the page and checked with check_labels.py; it is kept to show how the labels were made.
"""
import json, re, sys, unicodedata
from pathlib import Path
import lxml.html

case = Path(sys.argv[1])
text = (case / "copied.txt").read_text(encoding="utf-8")
block = text.split("\nFootnotes\n", 1)[1]
parts = re.split(r"\n(\d+)\.\t\n", "\n" + block)
notes = {}
for i in range(1, len(parts), 2):
    notes[parts[i]] = re.sub(r"\s+", " ", parts[i + 1]).strip()
root = lxml.html.fromstring((case / "source.html").read_text(encoding="utf-8"))
refs = []
for a in root.xpath("//sup/a[starts-with(@href,'#fn')]"):
    n = a.text_content().strip()
    # text before the marker inside its block
    block_el = a.getparent()
    while block_el.tag not in ("p", "li", "td", "div", "h1", "h2", "h3", "h4", "h5", "h6"):
        block_el = block_el.getparent()
    s = lxml.html.tostring(block_el, encoding="unicode")
    idx = s.find(lxml.html.tostring(a.getparent(), encoding="unicode", with_tail=False))
    prefix = lxml.html.fromstring("<div>" + s[:idx] + "</div>").text_content()
    words = prefix.split()
    refs.append((n, " ".join(words[-6:])))
out = []
for n, ctx in refs:
    out.append({"number": n, "markers": [ctx]})
print(json.dumps({"notes": [notes[k] for k in sorted(notes, key=int)], "refs": out}, ensure_ascii=False, indent=1))
