"""`volume bib --report`: every note, how each of its references was read, or why it was kept as written."""

from __future__ import annotations

from volume.model import Volume
from volume.references.keys import year

COLUMNS = (("note", 16), ("read", 7), ("type", 16), ("first author", 22), ("year", 5), ("title", 40),
           ("container", 24), ("conf.", 5))


def _cut(value: str, width: int) -> str:
    value = " ".join(str(value or "").split())
    return value if len(value) <= width else value[: width - 1] + "…"


def _row(values: list[str]) -> str:
    return "  ".join(_cut(v, w).ljust(w) for v, (_name, w) in zip(values, COLUMNS)).rstrip()


def _first_author(work: dict) -> str:
    people = work.get("author") or work.get("editor") or []
    if not people:
        return "—"
    first = people[0]
    return first.get("literal") or ", ".join(x for x in (first.get("family"), first.get("given")) if x)


def notes_report(volume: Volume) -> str:
    """One line per reference of every note (one per note without a reference), then the totals."""
    entries = {e.id: e for e in volume.bibliography}
    lines = [_row([name for name, _ in COLUMNS]), _row(["-" * w for _, w in COLUMNS])]
    counts = {"read": 0, "kept": 0, "ibid": 0, "none": 0}
    for chapter in volume.chapters:
        for note in chapter.notes:
            where = f"{chapter.id}:{note.number}"
            if not note.cites:
                counts["none"] += 1
                lines.append(_row([where, "—", "", "(no reference)", "", note.comment or note.text, "", ""]))
                continue
            for cite in note.cites:
                entry = entries.get(cite.entry_id)
                work = entry.work if entry else {}
                if cite.ibid:
                    counts["ibid"] += 1
                    lines.append(_row([where, "ibid", "", "→ " + _first_author(work), str(year(work) or ""),
                                       work.get("title", ""), cite.locator or "", ""]))
                elif cite.kept:
                    counts["kept"] += 1
                    reason = work.get("kept-reason", "")
                    lines.append(_row([where, "KEPT", "as written", "", "", work.get("title", ""),
                                       f"why: {reason}", f"{cite.confidence:.2f}"]))
                else:
                    counts["read"] += 1
                    lines.append(_row([where, "read", work.get("type", ""), _first_author(work),
                                       str(year(work) or "n.d."), work.get("title", ""),
                                       work.get("container-title", ""), f"{cite.confidence:.2f}"]))
    lines.append("")
    lines.append(f"{counts['read']} references read, {counts['kept']} kept as written (R002), "
                 f"{counts['ibid']} Ibid., {counts['none']} notes without a reference.")
    lines += _house_style_lines(volume)
    return "\n".join(lines) + "\n"


def _house_style_lines(volume: Volume) -> list[str]:
    """With a [notes] style: how many notes are in it, and which keep a reference as written (N010)."""
    from volume.references.styles import AS_WRITTEN

    if volume.manifest.notes_style == AS_WRITTEN:
        return []
    notes = [(c.id, n) for c in volume.chapters for n in c.notes if n.styled]
    house = sum(n.styled == "house" for _c, n in notes)
    kept = [f"{cid} {n.number}" for cid, n in notes if n.styled != "house"]
    lines = [f"Notes in {volume.manifest.notes_style}: {house} of {len(notes)} notes with a reference restyled, "
             f"{len(kept)} keep a reference as written (N010)" + (":" if kept else ".")]
    return lines + [f"  {where}" for where in kept]
