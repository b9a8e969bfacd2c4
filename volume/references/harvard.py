"""Read one Harvard reference list entry (Cite Them Right and its common kin): "Family, I., Family, I.J. and Family, I.
(Year) 'Title', *Journal*, 13(2), pp. 1–12." or "… (Year) *Title*. 2nd edn. Place: Publisher. Available at: URL
(Accessed: 4 May 2026)." or "… (Year) Title. Place: Publisher." or "Body (Year) Title. Available at: URL"; the year may
also stand after the names as ". 2021."; None unless every part of the string has its place in that grammar."""

from __future__ import annotations

import re

from volume.references.dates import date_field
from volume.references.mla import DOMAIN_RE, INITIAL, WORD, _date, is_body
from volume.references.names import is_organisation
from volume.references.urls import doi_from_url

INITIALS = rf"(?:{INITIAL}|[A-Z]{{1,3}}(?=[\s,(]))"  # "J.A.", "L. W.", "K" (Baker, K (2017))
PERSON_RE = re.compile(rf"(?P<family>(?:(?:de|van|von|der|la|le|da|di|du|del)\s)?{WORD}(?:[\s-]{WORD})?),\s"
                       rf"(?P<given>{INITIALS}|{WORD}(?:\s(?:{INITIAL}|{WORD}))?)")
JOIN_RE = re.compile(r"[,;]\s(?:and\s|&\s)?|\s(?:and|&)\s")
ROLE_RE = re.compile(r"\s\((?:eds?|Eds?)\.?\)")
YEAR_RE = re.compile(r"\s\((?P<year>(?:1[6-9]|20)\d\d)[a-z]?\)\.?\s|[.,]\s(?P<bare>(?:1[6-9]|20)\d\d)[a-z]?\.\s")
QUOTED_RE = re.compile(r"(?P<open>['‘“])(?P<title>.+?)[.,]?(?P<close>['’”])(?:,\s|\.\s|$)")
ITALIC_RE = re.compile(r"\*(?P<title>[^*]+?)[.,]?\*\.?\s*")
JOURNAL_RE = re.compile(r"^\*(?P<journal>[^*]+?)\*(?:,\s(?P<volume>\d+)(?:\((?P<issue>[\w-]+)\))?)?"
                        r"(?:,\s(?:pp?\.\s?(?P<page>\d+(?:\s*[–—-]\s*\d+)?)))?\.?\s*")
EDITION_RE = re.compile(r"^\d+(?:st|nd|rd|th)\s(?:edn|ed)\.\s*")
IMPRINT_RE = re.compile(r"(?P<place>[^\W\d_][^\W\d_'’.-]*(?:(?:,?\s|-)[^\W\d_][^\W\d_'’.-]*){0,3})\s?:\s"
                        r"(?P<publisher>[^\W\d_][^:.\d]{1,80}?)\.?\s*(?=$|Available at)")
AVAILABLE_RE = re.compile(r"(?:\[online\]\.?\s*)?Available\s(?:at|from):?\s<?(?P<url>\S+?)>?\.?"
                          r"(?:\s*[(\[]Accessed:?\s(?P<accessed>[^)\]]+)[)\]]\.?)?\s*$")
BARE_URL_RE = re.compile(r"(?:^|\s)(?P<url>(?:https?://|www\.)\S+?)\.?$")
DOI_TAIL_RE = re.compile(r"(?:doi:\s?|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/\S+?)\.?\s*$", re.IGNORECASE)


def _people(text: str) -> list[dict] | None:
    """Every name of the list, each "Family, I." (or "Family, Given"), or one body's name; None if one is neither."""
    people, at = [], 0
    while at < len(text):
        person = PERSON_RE.match(text, at)
        if not person:
            break
        if any(len(word) < 2 for word in re.split(r"[\s-]", person["family"])) or re.search(r"\s[A-Z]$", person["given"]):
            return None  # "Funk M, Drew N": family name and initials without a comma between them (Vancouver's)
        people.append({"family": person["family"], "given": person["given"].strip()})
        at = person.end()
        join = JOIN_RE.match(text, at)
        if not join:
            break
        at = join.end()
    if people and at == len(text.rstrip(".")) or people and text[at:].strip() in ("", "."):
        return people
    if not people and (is_body(text) or " " not in text and is_organisation(text) and "[" not in text):  # "Ofsted (2021)"
        return [{"literal": text}]
    return None


def _tail(work: dict, rest: str) -> str | None:
    """The rest once its URL and access date, or its DOI, are placed."""
    available = AVAILABLE_RE.search(rest)
    if available:
        url = available["url"].rstrip(".")
        doi = doi_from_url(url)
        work["DOI" if doi else "URL"] = doi or url
        if available["accessed"]:
            accessed = _date(available["accessed"].replace(",", "").strip())
            if not accessed:
                return None
            work["accessed"] = date_field(accessed)
        return rest[:available.start()].strip()
    bare = BARE_URL_RE.search(rest) if not DOI_TAIL_RE.search(rest) else None
    if bare:
        work["URL"] = bare["url"]
        return rest[:bare.start()].strip()
    doi = DOI_TAIL_RE.search(rest)
    if doi:
        work["DOI"] = doi["doi"]
        return rest[:doi.start()].strip(" ,")
    return rest.strip()


def _read(text: str) -> dict | None:
    """The fields of one Harvard reference read whole, or None."""
    text = " ".join(text.split())
    dated = YEAR_RE.search(text)
    if not dated or dated.start() == 0:
        return None
    names = text[:dated.start()]
    role = ROLE_RE.search(names)
    if role and role.end() == len(names):
        names = names[:role.start()]
    people = _people(names.strip())
    if not people or (role and role.end() != len(text[:dated.start()])):
        return None
    work: dict = {"editor" if role else "author": people,
                  "issued": date_field([int(dated["year"] or dated["bare"])])}
    rest = _tail(work, text[dated.end():])
    if rest is None:
        return None
    quoted = QUOTED_RE.match(rest)
    italic = ITALIC_RE.match(rest)
    if quoted:
        work["title"] = quoted["title"].strip()
        rest = rest[quoted.end():]
        journal = JOURNAL_RE.match(rest)
        if journal and journal.end() == len(rest):
            work["container-title"] = journal["journal"].strip()
            work.update({k: journal[k] for k in ("volume", "issue", "page") if journal[k]})
            work["type"] = "article-journal" if journal["volume"] or journal["page"] else "webpage"
            if work["type"] == "webpage" and not work.get("URL"):
                return None
            return work
        if rest == "" and (work.get("URL") or work.get("DOI")):
            work["type"] = "webpage"
            return work
        return None
    if italic:
        work["title"] = italic["title"].strip()
        rest = rest[italic.end():]
    edition = EDITION_RE.match(rest) if italic else None
    if edition:
        rest = rest[edition.end():]
    imprint = IMPRINT_RE.search(rest)
    if imprint and imprint.end() >= len(rest.rstrip(". ")):
        head = rest[:imprint.start()].strip()
        if not italic:  # "Title. 2nd ed. Place: Publisher."
            head = re.sub(r"(?<=\.)\s\d+(?:st|nd|rd|th)\s(?:edn|ed)\.$", "", head)
        if italic and head or not italic and not re.search(r"[^\W\d_]{2,}[.?!]$", head):
            return None  # words between an italic title and its imprint, or a plain title with no closing stop
        if not italic:
            work["title"] = head[:-1] if head.endswith(".") else head
        if re.search(r"\b\d+(?:st|nd|rd|th)\s(?:edn|ed)\b|\(|\[|\b(?:eds?|trans|edited|translated)\b", work["title"]) \
                or not italic and ". " in work["title"] or DOMAIN_RE.match(imprint["publisher"]):
            return None
        work["publisher-place"], work["publisher"] = imprint["place"].strip(), imprint["publisher"].strip()
        work["type"] = "book"
        return work
    if not italic and work.get("URL") and re.fullmatch(r"[^\W\d_][^\[\]()*]+?[.?!]?", rest) and ". " not in rest:
        work["title"] = rest.rstrip(".")  # "Ofsted (2021) What’s working well in remote education. https://…"
        work["type"] = "webpage"
        return work
    return None


def parse_harvard(text: str) -> dict | None:
    """A CSL-JSON item from one Harvard reference read whole, with the text it was read from, or None."""
    work = _read(text)
    return {**work, "note-text": " ".join(text.split())} if work else None
