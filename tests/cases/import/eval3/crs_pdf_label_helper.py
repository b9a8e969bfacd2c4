"""Draft the note labels of a CRS case converted from PDF (notes at the foot of each page, plain-digit markers).

Usage: python3 crs_pdf_label_helper.py CASE_FOLDER > draft.json

Splits source.html into pages at <hr/>, each page into body and foot notes (after the " <br/>" separator line),
starts a note at a line beginning with the next expected number, keeps a second note printed with the same number,
joins notes continued on the next page, and finds each marker as the next occurrence of its number glued to the
preceding character. The draft was then read against the page and checked with check_labels.py.
"""
import html, json, re, sys
from pathlib import Path

case = Path(sys.argv[1])
src = (case / "source.html").read_text(encoding="utf-8")
pages = re.split(r"<hr/>\n", src)

def text(fragment):
    t = re.sub(r"<br/>", "\n", fragment)
    t = re.sub(r"<[^>]+>", "", t)
    return html.unescape(t)

body_parts, note_lines = [], []
for page in pages:
    # page footer: "Congressional Research Service" line(s) and number
    m = re.search(r"\n <br/>\n(?=[^\n]*\d)", page)  # separator line before the notes block
    foot = page.find("Congressional Research Service")
    if m and (foot < 0 or m.start() < foot):
        body, notes = page[:m.start()], page[m.end():foot if foot >= 0 else None]
    else:
        body, notes = page[:foot if foot >= 0 else None], ""
    if "<b>Contents </b>" in page:
        body = ""
    body = re.sub(r"(?: link to page \d+)+ ?", "", body)
    body = re.sub(r"<a name=\d+></a><i>Attacks on Ukraine’s Electric Grid </i><br/>\n<i> </i><br/>\n", "\n", body)
    body_parts.append(text(body))
    note_lines += [l for l in text(notes).split("\n")]

notes, cur, n = {}, None, 1
for line in note_lines:
    s = line.strip()
    if not s:
        continue
    m = re.match(rf"^{n}(?=\s|[A-Z“])\s*(.*)", s)
    dup = re.match(rf"^{n - 1}(?=\s)\s*(.*)", s) if n > 1 else None
    if m:
        cur = n; notes[n] = [m.group(1)]; n += 1
    elif dup:  # a second note printed with the same number (the page has two notes 76)
        cur = (n - 1, "b"); notes[cur] = [dup.group(1)]
    elif cur is not None:
        notes[cur].append(s)
parts = {k: [p.strip() for p in re.sub(r"\s+", " ", " ".join(v)).split("(continued...)")] for k, v in notes.items()}
notes = {k: " ".join(v).replace("(continued...)", "").strip() for k, v in notes.items()}
notes = {k: re.sub(r"\s+", " ", v) for k, v in notes.items()}
body = "\n".join(body_parts)
flat = re.sub(r"\s+", " ", body)
refs, pos = [], 0
keys = sorted(notes, key=lambda k: (k, "") if isinstance(k, int) else k)
for k in keys:
    if not isinstance(k, int):
        refs.append({"number": str(k[0]), "markers": []}); continue
    pat = re.compile(rf"(?<=[^\s\d]){k}(?=[\s—,.;:)]|$)|(?<=[.,;:] ){k}(?=\s|$)")
    m = pat.search(flat, pos)
    if not m:
        refs.append({"number": str(k), "markers": ["??"]}); continue
    before = flat[:m.start()].rstrip()
    refs.append({"number": str(k), "markers": [" ".join(before.split()[-6:])], "at": m.start()})
    pos = m.end()
for r, k in zip(refs, keys):
    if len(parts[k]) > 1:
        r["parts"] = [p for p in parts[k] if p]
print(json.dumps({"notes": [notes[k] for k in keys], "refs": refs}, ensure_ascii=False, indent=1))
