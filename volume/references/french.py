"""Read one French ISO 690 reference written NOM Prénom (French university and law bibliographies): "COURBE Patrick
et GOUTTENOIRE Adeline, *Droit de la famille* [en ligne], 7e éd., Paris, Sirey, 2017, 572 p." and "HAUSER Jean,
« Le préjudice d’être né, question de principe », *Droit et patrimoine*, janvier 2001, n° 89, p. 6-8."; None when the
reference does not have that shape throughout (it is then left to the other readers and the labeller)."""

from __future__ import annotations

import re

from volume.references.dates import date_field
from volume.references.fields import _known_place
from volume.references.name_lists import split_people

LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")
UPPER = "A-ZÀ-ÖØ-ÞŒ"
FAMILY = rf"[{UPPER}][{UPPER}'’\-]+(?:\s[{UPPER}][{UPPER}'’\-]+)*"
GIVEN = rf"[{UPPER}][a-zà-öø-ÿœ'’\-]+(?:[\s\-][{UPPER}][a-zà-öø-ÿœ'’\-]+)*"
HEAD_RE = re.compile(rf"^(?P<names>{FAMILY}\s{GIVEN}(?:(?:,\s|\set\s){FAMILY}\s{GIVEN})*)"
                     rf"(?P<role>\s\((?:dir|éd|coord)\.\))?,\s+(?P<rest>.+)$")
ONLINE = r"(?:\s*\[(?:en ligne|microfiche)\])?"
ARTICLE_RE = re.compile(rf"^«\s*(?P<title>[^«»]+?)\s*»{ONLINE},\s+\*(?P<journal>[^*]+)\*,\s+(?P<tail>.+)$")
BOOK_RE = re.compile(rf"^\*(?P<title>[^*]+)\*{ONLINE},\s+(?P<tail>.+)$")
BODY = rf"[{UPPER}][{UPPER}'’\-]+(?:\s[{UPPER}][{UPPER}'’\-]+){{2,}}"  # "SOCIÉTÉ FRANÇAISE POUR LE DROIT …"
BODY_HEAD_RE = re.compile(rf"^(?P<body>{BODY})\s\((?:dir|éd|coord)\.\),\s+(?P<rest>\*.+)$")  # a body as the editor
NAMED_RE = re.compile(rf"^(?P<family>{FAMILY})\s(?P<given>{GIVEN})$")
# "Title, in NOM Prénom (dir.), *Book*, Place, Publisher, 2016, p. 89-93." (the title quoted or not): a part of a book
CHAPTER_RE = re.compile(rf"^(?:«\s*(?P<quoted>[^«»]+?)\s*»{ONLINE}|(?P<title>[^*«»]+?)),\s+in\s+(?P<eds>[^()*«»]+?)"
                        rf"\s\((?:dir|éd|coord)\.\),\s+\*(?P<book>[^*]+)\*,\s+(?P<tail>.+)$")
ROLE_ELEMENT_RE = re.compile(rf"^{GIVEN}\s{GIVEN}\s\((?:dir|préf|trad)\.\)$")  # a thesis's director, a preface's author
THESIS_RE = re.compile(r"^(?:thèse(?: de doctorat)?|mémoire(?: de (?:DEA|DESS|master|maîtrise))?)$", re.IGNORECASE)
UNIVERSITY_RE = re.compile(r"^(?:université|univ\.)\s", re.IGNORECASE)
URL_TAIL_RE = re.compile(r"[.,]?\s+(?P<url>https?://\S+?)\.?$")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre", "printemps", "été", "automne", "hiver")
DATE_RE = re.compile(rf"^(?:(?:\d{{1,2}}(?:er)?\s)?(?:{'|'.join(MONTHS)})\s)?(?P<year>1[5-9]\d\d|20\d\d)$", re.IGNORECASE)
ISSUE_RE = re.compile(r"^n[°o]s?\s*(?P<value>\d+(?:[-–]\d+)?)$")
VOLUME_RE = re.compile(r"^(?:vol|t)\.\s*(?P<value>[\dIVXLC]+)$")
PAGES_RE = re.compile(r"^p\.\s*(?P<value>\d+\s*[-–]\s*\d+)$")  # a page alone is a note's locator: not read
EDITION_RE = re.compile(r"^\d+\s*(?:e|re|ème)\s*éd\.$")
LENGTH_RE = re.compile(r"^\d+\s*p\.?$")
CONSULTED_RE = re.compile(r"\s*,?\s*\[consulté le [^\]]+\]\s*$")


def parse_french(text: str) -> dict | None:
    """The work of a French NOM Prénom reference, or None."""
    text = LIST_NUMBER_RE.sub("", " ".join(text.split())).strip().rstrip(".")
    url = URL_TAIL_RE.search(text)
    text = CONSULTED_RE.sub("", text[:url.start()] if url else text).rstrip(" .,")
    head = HEAD_RE.match(text)
    body = BODY_HEAD_RE.match(text) if not head else None
    if body:  # "SOCIÉTÉ FRANÇAISE POUR LE DROIT INTERNATIONAL (dir.), *Title*, Paris, Pedone, 2000, 448 p."
        work = {"editor": [{"literal": body["body"]}], **({"URL": url["url"]} if url else {})}
        book = BOOK_RE.match(body["rest"])
        if not book:
            return None
        work["title"] = book["title"].strip().rstrip(",")
        return work if _book_tail(work, book["tail"]) else None
    if not head:
        return None
    people, certain = split_people(head["names"])
    if certain and all(p.get("given", "").isupper() and p.get("family") for p in people):
        people = [{"family": p["given"], "given": p["family"]} for p in people]  # "DUGUIT Léon" taken for a given name
        # and a family name: the capitals are the family name here
    if not certain or not all(p.get("family") and p.get("given") and p["family"].isupper() for p in people):
        return None
    work: dict = {"editor" if head["role"] else "author": people}
    if url:
        work["URL"] = url["url"]
    rest = head["rest"]
    article, book = ARTICLE_RE.match(rest), BOOK_RE.match(rest)
    if article and not head["role"]:
        work.update({"title": article["title"], "container-title": article["journal"].strip()})
        return work if _article_tail(work, article["tail"]) else None
    if book:
        work["title"] = book["title"].strip().rstrip(",")
        return work if _book_tail(work, book["tail"]) else None
    chapter = CHAPTER_RE.match(rest) if not head["role"] else None
    return _chapter(work, chapter) if chapter else None


def _chapter(work: dict, chapter: re.Match) -> dict | None:
    """A part of an edited book: its editors (NOM Prénom, or a body in capitals), the book, and its imprint ending
    on the part's pages; None when any of them has another shape."""
    names = [name.strip() for name in re.split(r",\s|\set\s", chapter["eds"])]
    if len(names) == 1 and re.fullmatch(BODY, names[0]):
        editors = [{"literal": names[0]}]
    else:
        found = [NAMED_RE.match(name) for name in names]
        if not all(found):
            return None
        editors = [{"family": m["family"], "given": m["given"]} for m in found]  # type: ignore[index]
    elements = _elements(chapter["tail"])
    pages = PAGES_RE.match(elements[-1]) if elements else None
    if not pages:
        return None
    work.update({"title": (chapter["quoted"] or chapter["title"]).strip(), "editor": editors,
                 "container-title": chapter["book"].strip()})
    if not _book_tail(work, ", ".join(elements[:-1])):
        return None
    work.update({"page": pages["value"].replace(" ", ""), "type": "chapter"})
    return work


def _elements(tail: str) -> list[str]:
    return [element.strip() for element in tail.split(", ") if element.strip()]


def _article_tail(work: dict, tail: str) -> bool:
    """"janvier 2001, n° 89, p. 6-8": the date, the issue, the volume and the pages, each once, nothing else."""
    for element in _elements(tail):
        date, issue, volume, pages = (DATE_RE.match(element), ISSUE_RE.match(element), VOLUME_RE.match(element),
                                      PAGES_RE.match(element))
        found = date or issue or volume or pages
        key = "issued" if date else "issue" if issue else "volume" if volume else "page"
        if not found or key in work:
            return False
        work[key] = date_field([int(date["year"])]) if date else found["value"].replace(" ", "")
    work["type"] = "article-journal"
    return "issued" in work


def _book_tail(work: dict, tail: str) -> bool:
    """"vol. 1, 14e éd., Paris, Sirey, 1926, 914 p.": volume and edition, a known place, the publisher, the year
    and the number of pages, in that order; pages cited (a note's locator) or anything else: not read."""
    elements = [e for e in _elements(tail) if not ROLE_ELEMENT_RE.match(e)]
    if elements and THESIS_RE.match(elements[0]):
        return _thesis(work, elements[1:])
    while elements and (VOLUME_RE.match(elements[0]) or EDITION_RE.match(elements[0])):
        volume = VOLUME_RE.match(elements.pop(0))
        if volume:
            work["volume"] = volume["value"]
    if elements and LENGTH_RE.match(elements[-1]):
        elements.pop()
    if len(elements) != 3 or not _known_place(elements[0]) or not DATE_RE.match(elements[2]):
        return False
    place, publisher, date = elements
    if not publisher[:1].isupper() or re.search(r"\d|\(|\[", publisher):
        return False
    work.update({"publisher-place": place, "publisher": publisher, "type": "book",
                 "issued": date_field([int(DATE_RE.match(date)["year"])])})  # type: ignore[index]
    return True


def _thesis(work: dict, elements: list[str]) -> bool:
    """"droit, université de Bordeaux I, 1981, 958 p.": the discipline, the university (the publisher), the year and
    the number of pages, after "thèse de doctorat" or "mémoire de DEA"."""
    if elements and LENGTH_RE.match(elements[-1]):
        elements = elements[:-1]
    if len(elements) != 3 or not UNIVERSITY_RE.match(elements[1]) or not DATE_RE.match(elements[2]):
        return False
    work.update({"publisher": elements[1], "type": "thesis",
                 "issued": date_field([int(DATE_RE.match(elements[2])["year"])])})  # type: ignore[index]
    return True
