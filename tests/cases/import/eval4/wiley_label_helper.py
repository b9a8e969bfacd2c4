"""Draft the labels of the Wiley case from its source.html (kept to show how they were made).

Usage: python3 wiley_label_helper.py wiley-advs-transition-metal-nanostructures > draft.json

Notes: the text of each <cite> of the bibliography (<li id="...-bib-NNNN">), whitespace squashed.
Markers: every <a class="referenceLink">; its printed text ("[4-10]", "[2, 3]") is split into numbers; a number
printed in the group gets one context: the last six words of the paragraph text before the link, then "[" and the
numbers printed before it in the group ("…graphene,[2," for 3); numbers inside a range ("5"…"9" of "[4-10]") are
not printed and get none. Paragraph starts: the first eight words of each <div class="para"> of the body sections.
The draft was then read against the page and checked with check_labels.py.
"""
import json, re, sys
from pathlib import Path
import lxml.html

case = Path(sys.argv[1])
root = lxml.html.fromstring((case / "source.html").read_bytes())
squash = lambda s: re.sub(r"\s+", " ", s).strip()
notes = {}
for li in root.xpath("//li[contains(@id,'-bib-')]"):
    n = str(int(li.get("id").rsplit("-", 1)[1]))
    notes[n] = squash(li.xpath(".//cite")[0].text_content())
contexts = {n: [] for n in notes}
used = set()
for a in root.xpath("//a[@class='referenceLink']"):
    p = a.getparent()
    while p.tag != "p":
        p = p.getparent()
    # text of p up to the link: serialise and cut at this link's own occurrence (a paragraph may print the
    # same link twice)
    s = lxml.html.tostring(p, encoding="unicode")
    me = lxml.html.tostring(a, encoding="unicode", with_tail=False)
    same = [x for x in p.iter("a") if lxml.html.tostring(x, encoding="unicode", with_tail=False) == me]
    cut = -1
    for _ in range(same.index(a) + 1):
        cut = s.find(me, cut + 1)
    before = lxml.html.fromstring("<div>" + s[:cut] + "</div>").text_content()
    words = squash(before).split(" ")
    printed = a.text_content().strip()
    assert printed.startswith("[") and printed.endswith("]"), printed
    inner, shown = printed[1:-1], "["
    for tok in re.split(r"(,\s*|-)", inner):
        if tok.isdigit():
            k = 6
            while " ".join(words[-k:]) + shown in used and k < len(words):
                k += 2  # the same six words end another marker's context: take more
            ctx = " ".join(words[-k:]) + shown
            used.add(ctx)
            contexts[tok].append(ctx)
        shown += tok
paras = []
for d in root.xpath("//div[@class='section']/div[@class='para']/p"):
    t = squash(d.text_content())
    first = t.split(" ")[:8]
    for i, w in enumerate(first):
        if "[" in w and re.search(r"\[\d", w):
            first = first[:i] + ([w[: w.index("[")]] if w.index("[") else [])
            break
    paras.append(" ".join(first))
refs = [{"number": n, "start": " ".join(notes[n].split(" ")[:8]), "markers": contexts[n]} for n in notes]
json.dump({"notes": list(notes.values()), "note_refs": refs, "paragraphs": paras}, sys.stdout, ensure_ascii=False, indent=1)
