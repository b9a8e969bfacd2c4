"""Export the consolidated bibliography: CSL-JSON, BibTeX (through pandoc) or RIS."""

from __future__ import annotations

import json

from volume.references.kept import KEPT

RIS_TYPES = {"article-journal": "JOUR", "article-newspaper": "NEWS", "article-magazine": "MGZN", "book": "BOOK",
             "chapter": "CHAP", "report": "RPRT", "webpage": "ELEC", "speech": "GEN", "thesis": "THES"}


def _kept_item(work: dict) -> dict:
    """A reference kept as written: its text as the title, why it was kept in the note, a flag in custom."""
    reason = work.get("kept-reason", "")
    item = {"type": "document", "title": work["title"],
            "note": f"Kept as written by volume: {reason}" if reason else "Kept as written by volume",
            "custom": {KEPT: True, "reason": reason}}
    return item | {k: work[k] for k in ("URL", "DOI") if work.get(k)}


def note_places(chapters) -> dict[str, list[dict]]:
    """For each bibliography entry (by its id, "bib-<key>"), the notes that cite it, in the book's order:
    {"note": "<chapter id>:<note number>", "at": where the reference starts in the note's text, "ibid": true
    when reached through Ibid.}."""
    places: dict[str, list[dict]] = {}
    for chapter in chapters:
        for note in chapter.notes:
            for cite in note.cites:
                place = {"note": f"{chapter.id}:{note.number}", "at": cite.start}
                places.setdefault(cite.entry_id, []).append(place | ({"ibid": True} if cite.ibid else {}))
    return places


def csl_items(entries, places: dict[str, list[dict]] | None = None) -> list[dict]:
    """CSL-JSON for every entry; references kept as written carry their text and the kept-as-written flag. With
    places (note_places), each item says in custom → "cited-in" which notes cite it."""
    items = []
    for entry in entries:
        if entry.work.get(KEPT):
            item = _kept_item(entry.work) | {"id": entry.key}
        else:
            item = {k: v for k, v in entry.work.items() if k not in ("note-text", "locator")}
            item["id"] = entry.key
            item.setdefault("type", "document")
        if places is not None and places.get(entry.id):
            item["custom"] = {**item.get("custom", {}), "cited-in": places[entry.id]}
        items.append(item)
    return items


def to_csljson(entries, places: dict[str, list[dict]] | None = None) -> str:
    return json.dumps(csl_items(entries, places), ensure_ascii=False, indent=2) + "\n"


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
