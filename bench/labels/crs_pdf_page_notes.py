"""Labels for h-crs-gsa-repairs-backlog read from the page text (pdftohtml form), not from the importer."""
import json, re
src = open("source.html", encoding="utf-8").read()
notes, want = [], 1
for page in src.split("<hr/>"):
    m = re.search(r"\n {20,}<br/>(.*?)Congressional Research Service", page, re.S)
    if not m: continue
    text = re.sub(r"<[^>]+>", "", m.group(1).replace("&amp;", "&"))
    lines = [l.strip() for l in text.split("\n")]
    # pdftohtml puts several note lines on one source line: split before each expected number
    flat = " ".join(lines)
    parts = re.split(r"(?:^|\s)(\d{1,2}) (?=\S)", " " + flat)
    cur = None
    for i in range(1, len(parts), 2):
        n, body = int(parts[i]), parts[i + 1]
        if n == want:
            notes.append(body); want += 1
        else:
            notes[-1] += f" {n} {body}"
notes = [" ".join(n.split()) for n in notes]
# line ends inside URLs ("budget- performance", "cdnstatic/ FY18") were breaks of the page, not spaces
notes = [re.sub(r"(https?://\S*[/-]) (\S)", r"\1\2", n) for n in notes]
print(len(notes))
for i, n in enumerate(notes, 1): print(i, n)
json.dump(notes, open("notes.json", "w"), ensure_ascii=False, indent=1)
