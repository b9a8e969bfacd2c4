"""Read one MLA works-cited entry (MLA 9, also the Chicago bibliography's book form, which shares its head):
"Family, Given[, and Given Family | , et al.]. “Title.” Container, vol. 3, no. 2, Publisher, 27 July 2019, pp. 1–9,
URL. [Database, URL.] [Accessed 2 Mar. 2022.]" or "Family, Given. *Title*. Publisher, 2005." or "… Title. Place:
Publisher, 2005."; None unless every part of the string has its place in that grammar (what the grammar cannot place
or cannot tell apart, a single name after a quoted title that may be the container or the publisher, leaves the
entry to the other readers)."""

from __future__ import annotations

import re

from volume.references.dates import date_field, month_number
from volume.references.names import ORG_WORDS, is_organisation
from volume.references.urls import doi_from_url

WORD = r"(?!(?:and|et|eds?|trans)\b)[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*"
INITIAL = r"[^\W\d_]\.(?:\s?-?[^\W\d_]\.)*"
GIVEN = rf"(?:{INITIAL}|{WORD})(?:\s(?:{INITIAL}|{WORD})){{0,3}}"  # a second author's given name
FAMILY = rf"(?:(?:de|van|von|der|la|le|da|di|du|del)\s)?{WORD}(?:\s{WORD})?"
SECOND_RE = re.compile(rf",?\s(?:and|&)\s(?P<given>{GIVEN})\s(?P<family>{WORD})")
ETAL_RE = re.compile(r",?\s+et\s+al\.?")
QUOTED_RE = re.compile(r"(?P<open>[“\"])(?P<title>[^“”\"]+?)(?P<inner>[.?!])?(?P<close>[”\"])(?P<outer>\.)?\s+")
ITALIC_RE = re.compile(r"(?P<mark>[*_])(?P<title>[^*_]+?)[.?!]?(?P=mark)\.?\s+")
PLAIN_RE = re.compile(r"(?P<title>[^\W_][^“”\"*_]+?[^\s.A-Z])[.?!]\s+(?=[^\W_])")  # up to the first full stop after a word
ACCESSED_RE = re.compile(r"\s*Accessed\s+(?P<date>\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},\s+\d{4})\.?\s*$")
MONTH = r"[A-Z][a-z]{2,8}\.?"
DATE_RES = (
    re.compile(rf"^(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<month>{MONTH})\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>(?:1[6-9]|20)\d\d)$"),
)
MONTH_DAY_COMMA_RE = re.compile(rf"\b({MONTH}\s+\d{{1,2}}),\s+(\d{{4}})\b")  # "May 26, 2018": one element, not two
VOLUME_RE = re.compile(r"^vol\.?\s*(?P<v>[\w-]+)$", re.IGNORECASE)
ISSUE_RE = re.compile(r"^no\.?\s*(?P<v>[\w-]+)$", re.IGNORECASE)
PAGES_RE = re.compile(r"^pp?\.\s*(?P<v>[A-Za-z]?\d+(?:\s*[–—-]\s*[A-Za-z]?\d+|\+)?)\.?$")
URL_RE = re.compile(r"^(?:https?://\S+|www\.\S+|(?:[\w-]+\.)+[a-z]{2,}/\S*)$")
DOI_RE = re.compile(r"^(?:doi:\s*)?(?P<doi>10\.\d{4,9}/\S+)$", re.IGNORECASE)
IMPRINT_RE = re.compile(r"^(?P<place>[^\W\d_][^\W\d_'’-]*(?:(?:,?\s|-)[^\W\d_][^\W\d_'’.-]*){0,3})\s?:\s"
                        r"(?P<publisher>[^:\d]{2,80})$")  # "New York: Basic Books", "Cambridge, MA : MIT Press"
KINDS = frozenset({"preprint", "manuscript", "unpublished", "thesis", "dissertation", "report", "working paper",
                   "lecture", "pamphlet", "typescript", "forthcoming", "in press"})
PLACED = ("container-title", "publisher", "issued", "volume", "issue", "page", "URL", "DOI")
DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|ca|au)$", re.IGNORECASE)  # "Brookings.edu"
ELEMENT_SPLIT_RE = re.compile(r",\s+")
ABBREVIATION_END_RE = re.compile(r"(?:\b(?:vol|no|pp?|ed|eds|trans|[A-Z][a-z]{2,3}|[A-Z])|\d)\.$")


def _date(text: str) -> list[int] | None:
    for pattern in DATE_RES:
        found = pattern.match(text.strip())
        if not found:
            continue
        parts = [int(found["year"])]
        if "month" in found.groupdict() and found["month"]:
            month = month_number(found["month"].rstrip("."))
            if not month:
                return None
            parts.append(month)
            if "day" in found.groupdict() and found["day"]:
                parts.append(int(found["day"]))
        return parts
    return None


def _authors(text: str) -> tuple[list[dict], str] | None:
    """The authors an entry opens with, and the rest after their closing full stop; None if they are not in MLA's
    form (the first inverted, a second written given name first, or "et al.")."""
    for words in range(4, 0, -1):  # "West, Darrell M. The role …": the longest given name the closing stop allows
        found = _closed(text, words)
        if found:
            return found
    body = re.match(r"(?P<name>[^.,;:“”\"*()]{2,90}?)\.\s+(?=[“\"*])", text)
    if body and is_body(body["name"]):
        return [{"literal": body["name"]}], text[body.end():]
    return None


def is_body(name: str) -> bool:
    """Whether an author's name is a body's: capitalised words with one that names an organisation ("National
    Institute of …"), or one word in capitals ("UMHS"); "Neerja Doshi" is a person's."""
    words = name.split()
    return (not re.search(r"[\[\]()]", name) and is_organisation(name)
            and (any(w.lower() in ORG_WORDS for w in words) or len(words) == 1 and words[0].isupper()))


def _closed(text: str, words: int) -> tuple[list[dict], str] | None:
    """The authors when the first one's given name has this many words, if a full stop then closes the names."""
    first = re.match(rf"(?P<family>{FAMILY}),\s(?P<given>(?:{INITIAL}|{WORD})(?:\s(?:{INITIAL}|{WORD})){{{words - 1}}})",
                     text)
    if not first:
        return None
    people = [{"family": first["family"], "given": first["given"]}]
    rest = text[first.end():]
    second = SECOND_RE.match(rest)
    etal = ETAL_RE.match(rest)
    if second:
        people.append({"family": second["family"], "given": second["given"]})
        rest = rest[second.end():]
    elif etal:
        rest = rest[etal.end():]
    if " " in people[0]["family"] and re.fullmatch(INITIAL, people[0]["given"]):
        return None  # "Lillian Pierson, P.E.": a name written given name first, and a degree
    if people[-1]["given"].endswith(".") and not etal and rest.startswith(" "):
        return people, rest.lstrip()  # "Taylor, Peter N. “…”": the initial's stop closes the names
    if rest.startswith(". ") or (etal and rest.startswith(" ") and etal.group().endswith(".")):
        if rest.startswith(". ") and re.search(r"(?:^|[\s.-])[^\W\d_]$", people[-1]["given"]):
            people[-1]["given"] += "."  # "Bretschneider, E. Title": the initial's stop closes the names too
        return people, rest.lstrip(". ")
    return None


def _title(text: str) -> tuple[str, str, str] | None:
    """The title, how it is written ("quoted", "italic", "plain"), and the rest."""
    for kind, pattern in (("quoted", QUOTED_RE), ("italic", ITALIC_RE)):
        found = pattern.match(text + " ")
        if found:
            if kind == "quoted" and not (found["inner"] or found["outer"]) and found["title"][-1:] not in "?!":
                return None
            title = found["title"].strip() + (found["inner"] if kind == "quoted" and found["inner"] in ("?", "!")
                                              else "")
            return title, kind, (text + " ")[found.end():].strip()
    found = PLAIN_RE.match(text)
    if found and not re.match(r"[^\W\d_][\w'’-]+,\s[^\W\d_]\.|.*\s:\s", found["title"]):  # names, no title
        return found["title"].strip(), "plain", text[found.end():].strip()
    return None


def _groups(rest: str) -> list[list[str]] | None:
    """The containers after the title (MLA closes each with a full stop), each as its comma-separated elements."""
    rest = MONTH_DAY_COMMA_RE.sub(lambda m: f"{m[1]}\u2063 {m[2]}", rest.strip())
    if not rest.endswith("."):
        if not URL_RE.match(rest.split()[-1]) and not DOI_RE.match(rest.split()[-1]):
            return None
        rest += "."
    groups, start = [], 0
    for stop in re.finditer(r"\.(?:\s+|$)", rest):
        head = rest[start:stop.start() + 1]
        if stop.end() < len(rest) and (ABBREVIATION_END_RE.search(head) or re.search(r"\S\.\S*$", head.split()[-1][:-1])):
            continue  # "vol.", "Mar.", "link.gale.com": no container ends there
        groups.append(rest[start:stop.start()])
        start = stop.end()
    if start < len(rest):
        return None
    return [[e.replace("\u2063", ",").strip() for e in ELEMENT_SPLIT_RE.split(g)] for g in groups]


def _place(work: dict, element: str, kind: str, first_group: bool) -> bool:
    """Puts one element where MLA's grammar says it goes; False when it has no place."""
    for key, pattern in (("volume", VOLUME_RE), ("issue", ISSUE_RE), ("page", PAGES_RE)):
        found = pattern.match(element)
        if found and first_group and key not in work:
            work[key] = found["v"]
            return True
        if found:
            return False
    doi = DOI_RE.match(element) or (URL_RE.match(element) and doi_from_url(element))
    if doi:
        work.setdefault("DOI", doi if isinstance(doi, str) else doi["doi"])
        return True
    if URL_RE.match(element):
        if "URL" in work:
            return False
        work["URL"] = element
        return True
    date = _date(element)
    if date:
        if "issued" in work or not first_group:
            return False
        work["issued"] = date_field(date)
        return True
    if re.search(r"\d|\b(?:edited|translated|directed)\s+by\b|\bed(?:ition|\.)|^review\s+of\b|[()\[\]:;]", element, re.IGNORECASE) \
            and not (kind != "quoted" and IMPRINT_RE.match(element)):
        return False
    if not first_group:
        if "source" in work:
            return False
        work["source"] = element  # the database the work was found in: MLA's second container
        return True
    imprint = IMPRINT_RE.match(element) if kind != "quoted" else None
    if kind == "quoted" and "container-title" not in work and not work.get("issued") and "volume" not in work:
        work["container-title"] = element
    elif kind == "plain" and DOMAIN_RE.match(element) and not any(k in work for k in PLACED):
        work["container-title"] = element  # "Kozyrkov, Cassie. Title. Hackernoon.com, May 26, 2018, URL": the site
    elif "publisher" not in work and (kind != "quoted" or "container-title" in work):
        if imprint:
            work["publisher-place"], work["publisher"] = imprint["place"].strip(), imprint["publisher"].strip()
        elif element.endswith(".") or element.lower() in KINDS:
            return False  # "Atm. Environ.": an abbreviated journal; "Preprint": what the work is, not who published it
        else:
            work["publisher"] = element
    else:
        return False
    return True


def _read(text: str) -> dict | None:
    """The fields of one MLA works-cited entry read whole, or None."""
    text = " ".join(text.split())
    head = _authors(text)
    if head is None:
        return None
    people, rest = head
    titled = _title(rest)
    if titled is None:
        return None
    title, kind, rest = titled
    work: dict = {"author": people, "title": title}
    accessed = ACCESSED_RE.search(rest)
    if accessed:
        date = _date(accessed["date"].replace(",", ""))  # "Accessed 2 Mar. 2022."
        if not date:
            return None
        work["accessed"] = date_field(date)
        rest = rest[:accessed.start()].strip()
    groups = _groups(rest)
    if not groups or len(groups) > 2 or not all(all(groups_) for groups_ in groups):
        return None
    for index, group in enumerate(groups):
        for at in range(len(group) - 1, 0, -1):  # "Lanham, Maryland: Lexington Books": one imprint, cut at its comma
            joined = f"{group[at - 1]}, {group[at]}"
            if kind != "quoted" and ":" in group[at] and IMPRINT_RE.match(joined) and not IMPRINT_RE.match(group[at]):
                group[at - 1:at + 1] = [joined]
        for element in group:
            if not _place(work, element, kind, index == 0):
                return None
    if "issued" not in work:
        return None
    if kind == "quoted":
        located = any(work.get(k) for k in ("volume", "issue", "page", "URL", "DOI"))
        if not work.get("container-title") or not located:
            return None  # one name after a quoted title and a date: a journal, a publisher or an occasion
        work["type"] = "article-journal" if work.get("volume") or work.get("issue") else "webpage"
    elif work.get("container-title"):
        if kind != "plain" or not work.get("URL") or work.get("publisher"):
            return None
        work["type"] = "webpage"
    else:
        if not work.get("publisher") or DOMAIN_RE.match(work["publisher"]) or kind == "plain" and work.get("URL"):
            return None
        work["type"] = "book"
    return work


def parse_mla(text: str) -> dict | None:
    """A CSL-JSON item from one MLA works-cited entry read whole, with the text it was read from, or None."""
    work = _read(text)
    return {**work, "note-text": " ".join(text.split())} if work else None
