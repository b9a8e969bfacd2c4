"""Export the consolidated bibliography: CSL-JSON, BibTeX (through pandoc) or RIS."""

from __future__ import annotations

import json

RIS_TYPES = {"article-journal": "JOUR", "article-newspaper": "NEWS", "article-magazine": "MGZN", "book": "BOOK",
             "chapter": "CHAP", "report": "RPRT", "webpage": "ELEC", "speech": "GEN", "thesis": "THES"}


def csl_items(entries) -> list[dict]:
    items = []
    for entry in entries:
        item = {k: v for k, v in entry.work.items() if k not in ("note-text", "locator")}
        item["id"] = entry.key
        item.setdefault("type", "document")
        items.append(item)
    return items


def to_csljson(entries) -> str:
    return json.dumps(csl_items(entries), ensure_ascii=False, indent=2) + "\n"


def to_bibtex(entries) -> str:
    import pypandoc

    return pypandoc.convert_text(to_csljson(entries), "biblatex", format="csljson", sandbox=True)


def _name(person: dict) -> str:
    if "literal" in person:
        return person["literal"]
    return ", ".join(x for x in (person.get("family", ""), person.get("given", "")) if x)


def to_ris(entries) -> str:
    lines = []
    for item in csl_items(entries):
        lines.append(f"TY  - {RIS_TYPES.get(item['type'], 'GEN')}")
        lines.append(f"ID  - {item['id']}")
        for person in item.get("author", []):
            lines.append(f"AU  - {_name(person)}")
        if item.get("title"):
            lines.append(f"TI  - {item['title']}")
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        if parts and parts[0]:
            date = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts[0]))
            lines.append(f"PY  - {parts[0][0]}")
            lines.append(f"DA  - {date}")
        for key, tag in (("container-title", "T2"), ("publisher", "PB"), ("volume", "VL"), ("issue", "IS"),
                         ("page", "SP"), ("DOI", "DO"), ("URL", "UR")):
            if item.get(key):
                lines.append(f"{tag}  - {item[key]}")
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


FORMATS = {"csljson": to_csljson, "bibtex": to_bibtex, "ris": to_ris}
