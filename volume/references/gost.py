"""Read one GOST reference (Russian and Ukrainian standard, ISO 690 kin): "Family I. O. Title / responsibility //
Journal. – Year. – Т. 5, № 2. – С. 10–20." or "… Title / … – Place: Publisher, Year. – 300 с."; None if the
reference does not have that shape throughout."""

from __future__ import annotations

import re

from volume.references.dates import date_field

AREA_RE = re.compile(r"\s+[–—-]\s+")  # GOST separates its areas with a spaced dash
AUTHOR_RE = re.compile(r"([^\W\d_][\w'’-]+(?:[ -][^\W\d_][\w'’-]+)?)\s+((?:[^\W\d_]{1,2}\.\s?){1,3})(?:,\s*|\s+|$)")
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)\.?$")
VOLUME_RE = re.compile(r"^(?:т|том|vol|bd|t)\.?\s*(\w+)$", re.IGNORECASE)
ISSUE_RE = re.compile(r"^(?:№|no|nr|вып)\.?\s*(\w+)(?:\s*\((\w+)\))?$", re.IGNORECASE)
PAGES_RE = re.compile(r"^(?:с|c|s|p|pp|стр)\.\s*([A-Za-zА-Яа-я]?\d+(?:\s*[–—-]\s*\d+)?)$", re.IGNORECASE)
LENGTH_RE = re.compile(r"^\d+\s*(?:с|c|s|p|pp|стр)\.?$", re.IGNORECASE)
PUBLICATION_RE = re.compile(r"^(?P<place>[^:;]+?)\s*:\s*(?P<publisher>[^,:;]+?),\s*(?P<year>1[5-9]\d\d|20\d\d)\.?$")


def parse_gost(text: str) -> dict | None:
    """The work of a GOST reference, or None."""
    text = re.sub(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+", "", " ".join(text.split())).strip()
    if not AREA_RE.search(text):
        return None
    head, _, container = text.partition(" // ")
    head_areas = AREA_RE.split(head)
    authors, title = _authors_and_title(head_areas[0])
    if not authors or not title:
        return None
    work: dict = {"author": authors, "title": title}
    if container:
        return _article(work, container) if len(head_areas) == 1 else None
    return _book(work, head_areas[1:])


def _authors_and_title(statement: str) -> tuple[list[dict], str]:
    """"Campbell J. L., Pedersen O. K. The varieties …": the people at the start, the rest up to "/" the title."""
    people, at = [], 0
    for match in AUTHOR_RE.finditer(statement):
        if match.start() != at:
            break
        people.append({"family": match[1], "given": match[2].strip()})
        at = match.end()
    title = statement[at:].split(" / ")[0].strip().rstrip(".").strip()
    if not title[:1].isupper():
        return [], ""
    return people, title


def _article(work: dict, container: str) -> dict | None:
    areas = [a.strip().rstrip(".").strip() for a in AREA_RE.split(container)]
    work["container-title"] = areas[0]
    for area in areas[1:]:
        for part in re.split(r",\s*|\.\s+(?=[№TТVv])", area):
            if not _article_part(work, part.strip().rstrip(".")):
                return None
    if "issued" not in work or not work["container-title"]:
        return None
    work["type"] = "article-journal"
    return work


def _article_part(work: dict, part: str) -> bool:
    """One element of an article's areas: year, volume, issue (with the volume in brackets) or pages."""
    year, volume, issue, pages = (YEAR_RE.match(part), VOLUME_RE.match(part), ISSUE_RE.match(part),
                                  PAGES_RE.match(part))
    if year:
        work["issued"] = date_field([int(year[1])])
    elif volume:
        work["volume"] = volume[1]
    elif issue:
        work["issue"] = issue[1]
        if issue[2]:
            work["volume"] = issue[2]
    elif pages:
        work["page"] = pages[1]
    else:
        return False
    return True


def _book(work: dict, areas: list[str]) -> dict | None:
    published = None
    for area in (a.strip() for a in areas):
        found = PUBLICATION_RE.match(area)
        if found and published is None:
            published = found
        elif not LENGTH_RE.match(area):
            return None
    if published is None:
        return None
    work.update({"publisher-place": published["place"].strip(), "publisher": published["publisher"].strip(),
                 "issued": date_field([int(published["year"])]), "type": "book"})
    return work
