"""Doubts about the container, publisher, place and numbers of a reading: access words, dates, numbers or places
in a name, pages that are no page range, a volume without a journal, a title cut in two at a quotation."""

from __future__ import annotations

import re

from volume.references.bodies import ACCESS_RE, CONTAINER_RE, NO_DATE_RE, institution_like, org_like
from volume.references.keys import year
from volume.references.lexicon import MONTHS, PLACES


LOWER_STARTS = frozenset(["by", "in", "and", "of", "the", "from", "with", "for", "to", "at", "on", "sec", "edited",
                          "trans", "translated", "available", "retrieved", "accessed", "pp", "vol", "no", "et", "und",
                          "dans", "par", "von", "hrsg", "ed", "eds"])
CITY_FIRST_WORDS = frozenset("new san los las hong saint st. rio buenos tel abu kuala addis".split())
REMARK_OR_KIND_RE = re.compile(r"(?:see(?: also)?|cf\.|also|compare|quoting|citing|quoted in|cited in)(?:\s|$)|(?:emphasis|italics) (?:added|mine|in original)|"
                               r"(?:my|author’s|author's) translation|translation mine|[\[“\"«„]|"
                               r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$|[A-Z]{1,2}\d{1,3}$|(?:press release|news release|statement|blog|"
                               r"op-ed|fact sheet|podcast|policy brief|issue brief|working paper|research paper|"
                               r"discussion paper|commentary|report|brief|analysis)\.?$", re.IGNORECASE)
DATE_IN_NAME_RE = re.compile(r"\b(?:{m})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{m})\b|\b(?:{m})\.?\s+\d{{4}}\b".format(
    m="|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))), re.IGNORECASE)
def field_doubts(work: dict, text: str) -> list[str]:
    """The container, publisher and place: no access words, no place in the publisher, no lower-case start."""
    found = []
    for key in ("container-title", "publisher", "publisher-place"):
        value = str(work.get(key, "")).strip()
        if value and (NO_DATE_RE.match(value) or ACCESS_RE.search(value)
                      or re.search(r"https?://|\bdoi\b", value, re.IGNORECASE)):
            found.append(f"an odd {key}")
        first = value.split()[0].strip(".,:") if value and value[0].islower() else ""
        if value and (first in LOWER_STARTS or value[0].islower() and not re.search(r"[A-Z]|\.[a-z]{2,}", value)
                      or re.match(r"(?:vol|no|nos|sec|pp?|pt|ch)\b\.?", value, re.IGNORECASE)
                      or len(value) < 3 and not value.isupper()):
            found.append(f"a {key} that starts like no name")
    for key in ("container-title", "publisher"):
        value = str(work.get(key, ""))
        if re.search(r"\b(?:no|nr|report no)\.\s*\S*\d|\b[A-Z]{2,}-\d|^\d[\d\s,]*(?:and\s+\d+)?$|,\s*\(\d+\)|\d+\s*[-–]\s*\d+$",
                     value, re.IGNORECASE):
            found.append(f"a number, issue or pages read into the {key}")
    for key in ("container-title", "publisher"):
        parts = str(work.get(key, "")).split(";")
        if len(parts) == 2 and all(0 < len(part.split()) <= 4 for part in parts):
            found.append(f"two names read as one {key}")  # "Eurasianet; Reuters"
        if REMARK_OR_KIND_RE.match(str(work.get(key, "")).strip().lstrip(";,: ")):
            found.append(f"a remark or a kind of document read as the {key}")  # "See also", "press release"
        value = str(work.get(key, "")).strip()
        if DATE_IN_NAME_RE.search(value) or re.sub(r"[\s.,–—/-]+$", "", value).lower() in MONTHS or re.fullmatch(
                r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", value):
            found.append(f"a date read into the {key}")  # "Reuters, May 4", "Juni 2024", "May–" (of "May–June"), "04.05.2022"
    if re.fullmatch(r"(?:1[89]|20)\d\d", str(work.get("locator", "")).strip()) and year(work):
        found.append("a year read as the locator")  # "…, updated May 5, 2022": the year cut from its date
    publisher = str(work.get("publisher", ""))
    if re.fullmatch(r"(?:inc|ltd|co|llc|gmbh|plc|corp|s\.a|ag)\.?", publisher.strip(), re.IGNORECASE):
        found.append("a publisher that is only a company suffix")
    if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,7}", publisher) and f"({publisher})" in text:
        found.append("a bracketed abbreviation read as the publisher")
    container = str(work.get("container-title", ""))
    if re.fullmatch(r"[A-Z][a-z]+", publisher) and container and f"{container} ({publisher})" in text:
        found.append("a place read as the publisher")  # "Kazinform (Kazakhstan)": where the site is, not who publishes
    words = publisher.lower().split()
    if (len(words) == 1 or len(words) == 2 and words[0] in CITY_FIRST_WORDS) and words[-1] in PLACES \
            and not work.get("publisher-place"):
        found.append("a place read as the publisher")  # "Eurasianet (New York)": the site's city
    if "," in publisher and publisher.split(",")[0].strip().lower() in PLACES:
        found.append("a place read into the publisher")
    if re.search(r"\b(?:universit\w*|press|institut\w*|verlag|publish\w*)\b", str(work.get("publisher-place", "")),
                 re.IGNORECASE):
        found.append("a publisher read as the place")
    for key in ("publisher", "container-title"):
        value = str(work.get(key, ""))
        at = text.find(value) if len(value) > 3 else -1
        if at >= 0 and re.match(r"/[^\W\d_]", text[at + len(value): at + len(value) + 2]):
            found.append(f"a word joined to the {key} left out of it")
    url = str(work.get("URL", ""))
    if url and "." not in re.sub(r"^[a-z]+://", "", url).split("/")[0]:
        found.append("a link without a host")
    return found


def number_doubts(work: dict, text: str = "") -> list[str]:
    """Numbers that are not what their field holds: pages, a volume or issue that is no number, pages read as the
    issue."""
    found = []
    if work.get("page") and not PAGES_RE.fullmatch(str(work["page"]).strip()):
        found.append("pages that are not a page range")
    starts = [int(part) for part in re.findall(r"(?:^|,)\s*(\d+)", str(work.get("page", "")))]
    if any(later < earlier for earlier, later in zip(starts, starts[1:])):
        found.append("pages that run backwards")  # "L 158, 54–124": an issue's number read into the pages
    for key in ("volume", "issue"):
        value = str(work.get(key, "")).strip()
        if value and not re.fullmatch(r"[A-Za-z]{0,6}\.?\s?\d+[A-Za-z]?(?:\s?[-–/&]\s?\d+[A-Za-z]?)?(?:\s?\(\d+(?:-\d+)?\))?|[IVXLCivxlc]+|\w{1,8}",
                                      value):
            found.append(f"a {key} that is no number")  # "2 (34)": an issue and its running number (GOST "№ 2 (34)")
    if any(work.get(k) for k in ("volume", "issue")) and not work.get("container-title") \
            and not _book_volume(work, text):
        found.append("a volume or issue without a journal")
    if (work.get("page") and work.get("publisher") and not work.get("container-title")
            and re.search(r"\d\s*[-–—]\s*\d", str(work["page"]))):
        found.append("the pages of a part, with no book or journal")
    issue = str(work.get("issue", "")).strip()
    if not work.get("page") and re.fullmatch(r"\d+\s*[-–—]\s*\d+", issue) and not re.search(
            r"\(\s*" + re.escape(issue) + r"\s*\)|\b(?:no|nos|issue|heft|n°)\.?\s*" + re.escape(issue), text, re.IGNORECASE):
        found.append("pages read as the issue")  # "Nature Climate Change, 8, 1-5.": a range after the volume,
        # outside brackets and without an issue's word, is the pages; a double issue is written "8(1-2)" or "no. 1-2"
    if issue and any(VOLUME_WORD_RE.search(text[:m.start()]) for m in re.finditer(
            r"(?<![\w.])" + re.escape(issue) + r"(?!\w)", text)):
        found.append("a volume read as the issue")  # "In *The Cambridge History of China,* vol. 6, …": the number
        # after "vol." is a volume's
    return found


def _book_volume(work: dict, text: str) -> bool:
    """A volume of a book in several ("*Précis de droit civil*, vol. 1, 14e éd., Paris, Sirey"): a publisher, no
    issue, the volume's number written after a volume's word, and no name or title that ends on that word."""
    volume = str(work.get("volume", "")).strip()
    if not volume or work.get("issue") or not work.get("publisher"):
        return False
    taken = [str(p.get("literal", "")) for p in work.get("author") or []] + [str(work.get("title", ""))]
    if any(VOLUME_WORD_RE.search(value.strip()) for value in taken):
        return False  # "Penser la trivialité. Volume" read as a name
    return any(VOLUME_WORD_RE.search(text[:m.start()])
               for m in re.finditer(r"(?<![\w.])" + re.escape(volume) + r"(?!\w)", text))


VOLUME_WORD_RE = re.compile(r"(?i)(?<!\w)(?:vol|volume|bd|band|tome|t|т)\.?\s*$")  # the word before a volume's number


QUOTE_PAIRS = (("‘", "’"), ("“", "”"), ("«", "»"), ("„", "“"))
def _inside_one_quotation(text: str, first: str, second: str) -> bool:
    """Whether two fields both stand inside one quotation ("‘“A”: B.’"): a title with a quote in it, cut in two."""
    a, b = text.find(first), text.find(second, max(text.find(first), 0) + len(first))
    if a < 0 or b < 0 or not first or not second:
        return False
    for opening, closing in QUOTE_PAIRS:
        start = text.rfind(opening, 0, a + 1)
        end = text.find(closing, b + len(second) - 1) if start >= 0 else -1
        if start >= 0 and end >= 0 and closing not in text[start + 1: b].replace(first, "", 1) and not (
                opening == closing):
            return True
    return False


def container_doubts(work: dict, text: str) -> list[str]:
    found = []
    container = str(work.get("container-title", ""))
    title = str(work.get("title", ""))
    if container and title and _inside_one_quotation(text, title, container):
        found.append("a title with a quotation in it cut in two")
    if container and re.search(r"\(\s*" + re.escape(container[:30]), text) and not any(
            work.get(k) for k in ("volume", "issue")):
        found.append("a series in brackets read as the journal or book")
    if (title and not container and work.get("type") == "book" and not work.get("URL")
            and re.search(r"[“\"«]\s*" + re.escape(title[:25]), text)):
        found.append("a quoted title (a part of a book) read as a whole book")
    if re.search(r"\?\s+[A-Z]", container) or re.match(r"(?i)(?:paper |poster )?presented\b", container):
        found.append("a container that runs over two parts")
    words = container.split()
    if words and words[0][:1].islower() and not re.match(r"[a-z]+[A-Z]|[a-z]+\.[a-z]{2,}", words[0]) and not (
            len(words[0]) <= 3 and len(words) > 1 and words[1][:1].isupper()):
        found.append("a container that starts in the middle of a phrase")
    if container and (re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z][\w’'-]+ (?:and|&) [A-Z][\w’'-]+", container)
                      or container.rsplit(",", 1)[-1].strip().lower() in PLACES and "," in container):
        found.append("a container that is no journal, book or site")
    if _institute_doubt(work, text):
        found.append("an institute that may be the site or the publisher")
    place = str(work.get("publisher-place", ""))
    if place and container and not work.get("publisher") and -1 < text.find(place) < text.find(container):
        found.append("a place between the title and the journal")
    if CONTAINER_RE.search(container) and re.search(r",\s+[A-Z][a-zà-ÿ]+\.?$", container):
        found.append("a place read into the container")
    return found


PAGE_NUMBER = r"(?:\d{1,3}(?:[ \u2009\u202f]\d{3})+|[A-Za-z]?\d+[A-Za-z]?)"  # "18 174": IEEE's thin-spaced thousands
PAGES_RE = re.compile(PAGE_NUMBER + r"(?:\s*[-–—‐‑‒~]+\s*" + PAGE_NUMBER + r")?"
                      r"(?:\s*,\s*\d+(?:\s*[-–—‐‑‒~]\s*\d+)?)*|[ivxlcIVXLC]+(?:[-–‑][ivxlcIVXLC]+)?"
                      r"|[a-z]{2,6}\d{3,}|\d+\+")  # "ocaa112": an article's number where it has no pages; "57+"
def _after_quote(text: str, head: str) -> bool:
    """Whether `head` stands somewhere in `text` right after an opening quotation mark (spaces between allowed).
    A pattern built from each title missed the regular expressions' cache: 0.15 s of a cold build's reading."""
    at = text.find(head)
    while at >= 0:
        before = text[:at].rstrip()
        if before and before[-1] in "“\"«‘'":
            return True
        at = text.find(head, at + 1)
    return False


def _institute_doubt(work: dict, text: str) -> bool:
    """An organisation after a title, read as the container of a quoted title or as the publisher of an italic
    one, is the other way round in most styles: the reading cannot be trusted."""
    container, publisher = str(work.get("container-title", "")), str(work.get("publisher", ""))
    title = str(work.get("title", ""))
    if not title:
        return False
    italic_title = f"*{title}" in text
    quoted_title = _after_quote(text, title[:20])
    if container and org_like(container) and italic_title and not (work.get("volume") or work.get("page")):
        return True
    if (container and institution_like(container) and f"*{container}" not in text and work.get("URL")
            and not work.get("author") and not any(work.get(k) for k in ("volume", "issue", "page", "publisher"))):
        return True  # "Title. McKinsey & Company. URL": the site, or its publisher? styles differ
    return bool(publisher and org_like(publisher) and quoted_title and not work.get("publisher-place")
                and not work.get("container-title"))
