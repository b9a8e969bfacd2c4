"""Labels for h-crs-dhs-budget-fy2026 read from the page's structure with lxml (not the importer)."""
import json, re
from lxml import html
root = html.fromstring(open("source.html", encoding="utf-8").read())
sq = lambda s: " ".join(s.split())
notes = [sq(tr.xpath("./td[2]")[0].text_content()) for tr in root.xpath("//h2[.='Footnotes']/following-sibling::table//tr")]
heads = [sq(h.text_content()) for h in root.xpath("//h2|//h3|//h4|//h5|//h6")]
heads = [h for h in heads if h not in ("Contents", "Footnotes")]
paras = []
for p in root.xpath("//p"):
    t = sq(p.text_content())
    if not t or p.xpath("ancestor::ul") : continue
    if p.xpath("ancestor::table"):
        # the text box 'Availability of Budget Documentation' holds a paragraph of body text with notes 26, 27
        if not t.startswith("While the Trump Administration has released"): continue
    if p.xpath("ancestor::h2") or t == "Jump to Main Text of Report": continue
    paras.append(" ".join(t.split()[:8]))
exp = {
  "title": "Understanding the FY2026 DHS Budget Request",
  "authors": [],
  "date": "2025-09-05",
  "publisher": "Congressional Research Service (as published on EveryCRSReport.com)",
  "notes": notes, "headings": heads, "paragraphs": paras,
  "chrome": ["Jump to Main Text of Report"],
  "captions": ["Figure 1. FY2026 Budget Request Structure"],
}
json.dump(exp, open("expected.json", "w"), ensure_ascii=False, indent=1)
print(len(notes), len(heads), len(paras)); print(heads); print(paras)
