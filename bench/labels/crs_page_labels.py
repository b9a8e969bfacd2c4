"""Labels for an EveryCRSReport page read from its structure with lxml (not the importer): python3 label_crs.py TITLE DATE BOXSTART"""
import json, sys
from lxml import html
title, date, box = sys.argv[1:4]
root = html.fromstring(open("source.html", encoding="utf-8").read())
sq = lambda s: " ".join(s.split())
notes = [sq(tr.xpath("./td[2]")[0].text_content()) for tr in root.xpath("//h2[.='Footnotes']/following-sibling::table//tr")]
heads = []
for h in root.xpath("//h2|//h3|//h4|//h5|//h6"):
    for s in h.xpath(".//sup"):  # headings are labelled without their markers
        s.drop_tree()
    t = sq(h.text_content())
    if t not in ("Contents", "Footnotes"): heads.append(t)
paras = []
for p in root.xpath("//p"):
    t = sq(p.text_content())
    if not t or p.xpath("ancestor::ul") or p.xpath("ancestor::h2"): continue
    if p.xpath("ancestor::table") and not t.startswith(box): continue
    paras.append(" ".join(t.split()[:8]))
exp = {"title": title, "authors": [], "date": date,
       "publisher": "Congressional Research Service (as published on EveryCRSReport.com)",
       "notes": notes, "headings": heads, "paragraphs": paras, "chrome": ["Jump to Main Text of Report"], "captions": []}
json.dump(exp, open("expected.json", "w"), ensure_ascii=False, indent=1)
print(len(notes), len(heads), len(paras)); print(heads); print(paras)
