"""Labels from a PDF's layout (pdftotext -bbox-layout): footnotes by their smaller type at the page foot,
paragraphs of the main column by vertical gaps, page furniture by position. Used to label dev cases."""
import json, re, subprocess, sys
from collections import Counter
from lxml import etree

pdf, first, last, body_first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(first), "-l", str(last), pdf, "-"],
                      capture_output=True).stdout
tree = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
notes, paras, furniture, side = [], [], Counter(), []
current = None  # the paragraph being read: [words]
for number, page in enumerate(tree.iter("page"), start=first):
    lines = []
    for line in page.iter("line"):
        words = [w.text for w in line.iter("word")]
        lines.append((float(line.get("ymin")), float(line.get("ymax")), float(line.get("xmin")), " ".join(words)))
    lines.sort()
    height = Counter(round(b - a, 1) for a, b, x, t in lines if len(t) > 30).most_common(1)[0][0]
    foot = [l for l in lines if l[0] > 735]
    for l in foot:
        furniture[l[3]] += 1
    if number < body_first:
        continue
    main = [l for l in lines if l[0] <= 735]
    body = [l for l in main if abs((l[1] - l[0]) - height) < 0.6 or (l[1] - l[0]) > height + 0.6]
    lowest = max((l[1] for l in body), default=0)
    small = [l for l in main if l[0] > lowest - 1 and (l[1] - l[0]) < height - 0.8]
    for a, b, x, text in small:
        match = re.match(r"^(\d{1,3})(?:\s+(.*))?$", text)
        if match and (b - a) < height * 0.6 or (match and notes and int(match.group(1)) == notes[-1][0] + 1
                                                and x < 222):
            notes.append([int(match.group(1)), match.group(2) or ""])
        elif notes:
            notes[-1][1] = (notes[-1][1] + " " + text).strip()
    mainx = Counter(round(l[2]) for l in body).most_common(1)[0][0]
    previous = None
    for a, b, x, text in body:
        if x < mainx - 15:
            side.append(text)
            continue
        gap = a - previous if previous is not None else None
        if current is None or (gap is not None and gap > (b - a) * 0.9) or \
                (gap is None and not text[:1].islower()):
            current = [text]
            paras.append(current)
        else:
            current.append(text)
        previous = b
words = lambda p: " ".join(" ".join(p).split()[:8])
json.dump({"notes": [[n, re.sub(r"\s+", " ", t)] for n, t in notes], "paragraphs": [words(p) for p in paras],
           "side": side, "furniture": furniture.most_common(6)}, sys.stdout, indent=1, ensure_ascii=False)
