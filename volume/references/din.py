"""Read one German author-year reference (DIN 1505 / ISO 690 kin, as German lists write them): "Family, G. (2014):
Title. In: Journal, 57. Jg., Heft 2, S. 107–114.", "Family, G. (2021): Title. In: Family, G. (Hrsg.): Book. Place:
Publisher.", "Family, G. (2019): Title. Place."; None when the reference does not have such a shape throughout (it is
then left to the other readers and the labeller)."""

from __future__ import annotations

import re

from volume.references.dates import date_field
from volume.references.fields import _known_place
from volume.references.name_lists import split_people
from volume.references.text import is_abbreviation

LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")
YEAR_HEAD_RE = re.compile(r"^(?P<names>[^():]+?)\s*\((?P<year>1[5-9]\d\d|20\d\d)(?:[-–]\d{2,4}|\s*ff\.)?[a-z]?\)\s*:\s+"
                          r"(?P<rest>.+)$")  # "Family, G. (2014): …", the colon after the year
YEAR_DOT_HEAD_RE = re.compile(r"^(?P<names>[^()»«\d:]+?)\s+(?P<year>1[5-9]\d\d|20\d\d)[a-z]?\.\s+(?P<rest>.+)$")
# "Family, Given; Family, Given 2020. »Title«, in Journal 159, S. 104005." (the German sociological form)
GUILLEMETS_RE = re.compile(r"^»(?P<title>[^«»]+)«\s*,\s+in\s+(?P<container>.+)$")
IN_RE = re.compile(r"[.,]\s+[Ii]n:\s+")
EDITED_RE = re.compile(r"^(?P<eds>[^:]+?)\s*\((?:Hrsg|Hg|Hgg)\.?\)\s*:\s+(?P<book>.+)$")
FAMILIES_RE = re.compile(r"[^\W\d_][\w'’-]+(?:/[^\W\d_][\w'’-]+)+")
ROLE_RE = re.compile(r"\s*\((?:Hrsg|Hg|Hgg)\.?\)")
PAGES_RE = re.compile(r"(?:,\s*|\.\s+|\s)(?:S\.\s*)?(?P<page>\d+\s*[–-]\s*\d+|(?<=S\.\s)\d+)\.?$")
YEAR_END_RE = re.compile(r",\s*(?P<year>1[5-9]\d\d|20\d\d)\.?$")
PLACE_PUBLISHER_RE = re.compile(r"^(?P<place>[^\W\d_][^:.]*?)\s*:\s*(?P<publisher>[^:]+?)\.?$")  # "Boston, MA: Springer"
ELEMENT_END_RE = re.compile(r"(?P<word>[^\W\d_]{2,}\.)\*?\s+|\*\.?\s+")  # a full stop after a word ends an element
EDITION_RE = re.compile(r"^(?:\d+\.,?\s+(?:[\w ,.]*?\s)?(?:Aufl\.?|Auflage)(?:,\s*[^.]*)?|[\w ,]*\b[Ee]dition\b[\w ,]*)$")
JOURNAL_PARTS = (  # the numbering of a journal issue, read from the end of the container
    ("issue", re.compile(r"(?:,\s*|\.\s+|\s)(?:Heft|H\.|Nr\.|No\.)\s*(?P<value>[\w/.,\- ]+?)\.?$")),
    ("volume", re.compile(r"(?:,\s*|\.\s+|\s)(?P<value>\d+)\.\s*Jg\.\.?$")),
    ("volume", re.compile(r"(?:,\s*|\.\s+|\s)(?:Jg\.|Bd\.|Vol\.)\s*(?P<value>\d+)\.?$")),
    ("volume", re.compile(r"(?:,\s*|\.\s+|\s)(?P<value>\d+)/(?P<issue>\d+(?:-\d+)?)\.?$")),
    ("volume", re.compile(r"\s(?P<value>\d+),\s*(?P<issue>\d+)\.?$")),  # "Journal 2, 4"
    ("volume", re.compile(r"(?:,\s*|\s)(?P<value>\d+)\s*\((?P<issue>\d{1,3}(?:[-–/]\d{1,3})?)\)\.?$")),  # "Journal, 12(3)"
    ("volume", re.compile(r"(?:\.\s+|,\s*|(?<=[^\W\d_])\s)(?P<value>\d+)\.?$")),
)


def parse_din(text: str) -> dict | None:
    """The work of a German author-year reference, or None."""
    text = LIST_NUMBER_RE.sub("", " ".join(text.split())).strip()
    head = YEAR_HEAD_RE.match(text)
    if not head:  # "Family, Given 1998. »Title«, in …": the year without brackets only with a title in guillemets;
        head = YEAR_DOT_HEAD_RE.match(text)  # else it is Chicago author-date ("Barber, R. L. N. 1999. *Athens.*
        if not head or not head["rest"].startswith("»"):  # London: …"), which the other readers know
            return None
    work = _people(head["names"])
    if work is None:
        return None
    work["issued"] = date_field([int(head["year"])])
    rest = head["rest"].strip()
    quoted = GUILLEMETS_RE.match(rest.rstrip("."))
    part_of = IN_RE.search(rest)
    if rest.startswith("»"):  # the title in guillemets, then ", in" and the journal
        if not quoted:
            return None
        title, found = quoted["title"], _journal(work, quoted["container"])
    elif part_of:
        title, container = rest[: part_of.start()], rest[part_of.end() :]
        found = _chapter(work, container) if EDITED_RE.match(container) else _journal(work, container)
    else:
        title, found = _book(work, rest)
    title = title.strip().strip("*").strip()
    if not found or not _title_shaped(title) or re.search(r",\s*(?:ed|eds|hrsg|hg)\.\s", title, re.IGNORECASE):
        return None  # "Title, ed. Jean-Claude Guy": an editor the title would swallow
    work["title"] = title
    return work


def _title_shaped(title: str) -> bool:
    return bool(title) and (title[:1].isupper() or title[:1] in "„»«\"“")


def _people(names: str) -> dict | None:
    """Authors, or editors when the names carry "(Hrsg.)" / "(Hg.)"; None unless they split with certainty."""
    role = "editor" if ROLE_RE.search(names) else "author"
    people, certain = split_people(ROLE_RE.sub("", names))
    if not people or not certain or not all(p.get("family") and p.get("given") or p.get("literal") for p in people):
        return None
    if any(p.get("literal") for p in people) and role == "author":
        return None  # an organisation as author is read by the other readers, which know its forms
    return {role: people}


def _chapter(work: dict, container: str) -> bool:
    """"Family, G. (Hrsg.): Book. Publisher, Place, S. 84–87." and its kin."""
    edited = EDITED_RE.match(container)
    names = ROLE_RE.sub("", edited["eds"]).strip()
    people, certain = split_people(re.sub(r"\s*;\s*", "; ", names))
    if FAMILIES_RE.fullmatch(names):  # "Dürscheid/Schneider (Hrsg.)": the editors' family names alone
        people, certain = [{"family": name} for name in names.split("/")], True
    if not people or not certain or not all(p.get("family") for p in people):
        return False
    work["editor"] = people
    book = edited["book"].strip()
    pages = PAGES_RE.search(book)
    if pages:
        work["page"] = pages["page"].replace(" ", "")
        book = book[: pages.start()].strip()
    year = YEAR_END_RE.search(book)
    if year:
        work.setdefault("issued", date_field([int(year["year"])]))
        book = book[: year.start()].strip()
    title, found = _book(work, book)
    if not found or not title:
        return False
    work["container-title"] = title.strip().strip("*").strip()
    work["type"] = "chapter"
    return True


def _journal(work: dict, container: str) -> bool:
    """"Journal, 57. Jg., Heft 2, S. 107–114.", "*Journal*. 10, Nr. 1. S. 54–85.", "Journal 133/1-2, 82-115"."""
    rest = container.strip().rstrip(".").strip()
    pages = PAGES_RE.search(rest)
    if pages:
        work["page"] = pages["page"].replace(" ", "")
        rest = rest[: pages.start()].strip()
    numbered = False
    for key, pattern in JOURNAL_PARTS:
        found = pattern.search(rest)
        if not found or key in work:
            continue
        work[key] = found["value"].strip()
        groups = found.groupdict()
        if groups.get("issue"):
            work.setdefault("issue", groups["issue"])
        rest, numbered = rest[: found.start()].strip(), True
    journal = rest.strip(" ,.").strip("*").strip()
    if not journal or not (numbered or pages) or not journal[:1].isupper() or re.search(r"\d|:|\(", journal):
        return False
    work["container-title"] = journal
    work["type"] = "article-journal"
    return True


def _book(work: dict, rest: str) -> tuple[str, bool]:
    """The title of a book and its imprint ("Place: Publisher", "Publisher, Place" with a known place, or a known
    place alone) after the last full stop; an edition statement between them is passed over."""
    body = rest.strip().rstrip(".").strip()
    cuts = [m.end() for m in ELEMENT_END_RE.finditer(body) if not (m["word"] and is_abbreviation(m["word"]))]
    if not cuts:
        return "", False
    imprint = body[cuts[-1] :].strip()
    published = PLACE_PUBLISHER_RE.match(imprint)
    place_last = re.fullmatch(r"(?P<publisher>[^,]{3,}),\s*(?P<place>[^,]+)", imprint)
    if published and _known_place(published["place"].split("/")[0].split(",")[0]):
        work["publisher-place"], work["publisher"] = published["place"].strip(), published["publisher"].strip()
    elif place_last and _known_place(place_last["place"]):
        work["publisher"], work["publisher-place"] = place_last["publisher"].strip(), place_last["place"].strip()
    elif _known_place(imprint):
        work["publisher-place"] = imprint
    else:
        return "", False
    end = cuts[-1]
    for cut in reversed([0] + cuts[:-1]):  # an edition statement before the imprint ("9., überarbeitete Aufl.")
        if EDITION_RE.match(body[cut:end].strip().rstrip(".")):
            end = cut
        else:
            break
    title = body[:end].strip().rstrip(".").strip()
    if not title or "Aufl" in title:
        return "", False
    work.setdefault("type", "book")
    return title, True
