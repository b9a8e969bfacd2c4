"""Plausibility checks on a work read from a reference: repairs that are always safe, and doubts that keep an
implausible reading from being printed (an author with a digit, a publisher "n.d.", a title with a quote)."""

from __future__ import annotations

import re

from volume.references.lexicon import ORG_WORDS, PLACES

PLACE_FIRST_RE = re.compile(r"^(?P<place>[A-Z][\w.’' -]{1,30}(?:,\s*[A-Z][\w.]{1,12})?):\s+(?P<name>[A-Z].+)$")
CONTAINER_RE = re.compile(r"(?i)\b(?:proc|proceedings|conference|conf|symposium|workshop|journal|review|bulletin|"
                          r"transactions|annals|letters|quarterly|magazine|actes|congr\w*|colloque|tagung)\b")

FORMAT_MARK_RE = re.compile(r"\s*\[(?:pdf|online|on-line|internet|video|audio|e-?book|electronic resource|"
                            r"en ligne|online-ressource|электронный ресурс)\]\s*$", re.IGNORECASE)
LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s+(?=\S)")
PAGE_PREFIX_RE = re.compile(r"^\s*(?:pp?|pages?|pg|s|с|стр)\.?\s*(?=\d|[IVXLCivxlc]+\b)", re.IGNORECASE)
NO_DATE_RE = re.compile(r"^\(?\s*(?:n\.\s?d|s\.\s?d|o\.\s?j|б\.\s?г|undated|no date)\.?\s*\)?$", re.IGNORECASE)
ACCESS_RE = re.compile(r"\b(?:retrieved|accessed|available|viewed|consult[ée]|abgerufen|preprint)\b", re.IGNORECASE)
LOWER_STARTS = frozenset(["by", "in", "and", "of", "the", "from", "with", "for", "to", "at", "on", "sec", "edited",
                          "trans", "translated", "available", "retrieved", "accessed", "pp", "vol", "no", "et", "und",
                          "dans", "par", "von", "hrsg", "ed", "eds"])
ROLE_WORD_RE = re.compile(r"\b(?:eds?|editors?|hrsg|trans|transl)\b\.?", re.IGNORECASE)


def repair(work: dict) -> dict:
    """The work with what is never part of a field taken off: "pp." before pages, a list number before the
    first author, a publisher or place that only says "n.d."."""
    work = dict(work)
    if work.get("title"):  # "Title [Pdf]": the format of the copy read, no part of the title
        work["title"] = FORMAT_MARK_RE.sub("", str(work["title"])).strip() or work["title"]
    if work.get("page"):
        work["page"] = PAGE_PREFIX_RE.sub("", str(work["page"])).strip(" .,;:")
    people = work.get("author") or []
    if people:
        first = dict(people[0])
        for key in ("literal", "family"):
            if first.get(key) and LIST_NUMBER_RE.match(first[key] + " x"):
                rest = LIST_NUMBER_RE.sub("", first[key] + " x")[:-2].strip()
                if rest:
                    first[key] = rest
        work["author"] = [first, *people[1:]]
    for key in ("publisher", "publisher-place", "container-title"):
        if work.get(key) and NO_DATE_RE.match(str(work[key]).strip()):
            del work[key]
    for key in ("container-title", "publisher"):
        placed = PLACE_FIRST_RE.match(str(work.get(key, "")))
        if (placed and placed["place"].split(",")[0].strip().lower() in PLACES and not work.get("publisher-place")
                and not any(work.get(k) for k in ("volume", "issue", "page"))):
            work.pop(key)  # "London: UCL Institute of Education" read as one field
            work["publisher-place"], work["publisher"] = placed["place"], placed["name"]
    container = str(work.get("container-title", ""))
    if (container and work.get("publisher-place") and not work.get("publisher") and _org_like(container)
            and not CONTAINER_RE.search(container) and not any(work.get(k) for k in ("volume", "issue", "page", "editor"))):
        work["publisher"] = work.pop("container-title")  # "London: UCL Institute of Education": a publisher
        if work.get("type") == "webpage" and not work.get("URL"):
            work["type"] = "book"
    return work


def doubts(work: dict, text: str) -> list[str]:
    """What makes a reading implausible; each one keeps the reference as written."""
    return [*_name_doubts(work), *_title_doubts(work, text), *_field_doubts(work, text), *_number_doubts(work),
            *_container_doubts(work, text)]


def _name_doubts(work: dict) -> list[str]:
    found = []
    for person in (work.get("author") or []) + (work.get("editor") or []):
        name = " ".join(str(person.get(k, "")) for k in ("family", "given"))
        if re.search(r"\d", name):
            found.append("a digit in a name")
        if ROLE_WORD_RE.search(name + " " + str(person.get("literal", ""))) or re.search(r"[“”\"«»()\[\]:]", name):
            found.append("an editor's mark or a quote in a name")
        if person.get("given") and person.get("family") and len(person["given"].split()) > 4:
            found.append("a name too long to be one person")
    for person in work.get("author") or []:
        if re.fullmatch(r"[A-Z][\w'’-]+ (?:and|&|und|et|и) [A-Z][\w'’-]+", str(person.get("literal", ""))):
            found.append("two people, or a firm, read as one name")
        given = str(person.get("given", ""))
        if re.search(r"[^\W\d_]{3,}\.$", given) and re.search(r"\.\s", given) or re.search(r"[^\W\d_]{3,}\.\s+\S", given):
            found.append("a name that runs into the title")
    return found


def _title_doubts(work: dict, text: str) -> list[str]:
    found = []
    title = str(work.get("title", ""))
    if title.count("”") > title.count("“") or title.count("»") > title.count("«") or (
            "‘" not in title and re.search(r"’\s*[(,]|[^s\W]’\s+\w", title)):
        found.append("a closing quote inside the title")
    tail = re.split(r"\.\s+", title)[-1] if ". " in title else ""
    if tail and tail[:1].isupper() and _names_a_body(tail) and all(
            w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "&", "de"} for w in tail.split()):
        found.append("a title that runs into an organisation's name")
    last_part = title.rsplit(", ", 1)[-1] if ", " in title else ""
    if last_part and CONTAINER_RE.search(last_part) and last_part[:1].isupper():
        found.append("a title that runs into the container")
    if re.search(r"[-–—/:]$", title) or re.search(r"\.\s+\S[^.]*(?:\d|\bpresented\b|\bpaper\b)", title):
        found.append("a title that runs into what follows it")
    if ACCESS_RE.search(title) or re.search(r"\b(?:arxiv|ssrn)\b", title, re.IGNORECASE):
        found.append("access words or a repository inside the title")
    if re.search(r"[\u3400-\u9fff][.．][\u3400-\u9fff]", title):
        found.append("two parts of a Chinese reference read as one title")
    for key in ("title", "container-title"):
        if _unbalanced(str(work.get(key, ""))):
            found.append(f"unbalanced quotes or brackets in the {key}")
        if re.search(r"\s[A-Z]$", str(work.get(key, ""))):
            found.append(f"a {key} cut after an initial")
    if title and work.get("publisher") and not work.get("publisher-place"):
        at = text.find(title[-15:]) if len(title) > 15 else -1
        if at >= 0 and text[at + 15:].lstrip(" *”\"'’)").startswith(":"):
            found.append("a place read into the title")
    return found


def _field_doubts(work: dict, text: str) -> list[str]:
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
    publisher = str(work.get("publisher", ""))
    if re.fullmatch(r"(?:inc|ltd|co|llc|gmbh|plc|corp|s\.a|ag)\.?", publisher.strip(), re.IGNORECASE):
        found.append("a publisher that is only a company suffix")
    if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,7}", publisher) and f"({publisher})" in text:
        found.append("a bracketed abbreviation read as the publisher")
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


def _number_doubts(work: dict) -> list[str]:
    found = []
    if work.get("page") and not PAGES_RE.fullmatch(str(work["page"]).strip()):
        found.append("pages that are not a page range")
    for key in ("volume", "issue"):
        value = str(work.get(key, "")).strip()
        if value and not re.fullmatch(r"[A-Za-z]{0,6}\.?\s?\d+[A-Za-z]?(?:\s?[-–/&]\s?\d+[A-Za-z]?)?|[IVXLCivxlc]+|\w{1,8}",
                                      value):
            found.append(f"a {key} that is no number")
    if any(work.get(k) for k in ("volume", "issue")) and not work.get("container-title"):
        found.append("a volume or issue without a journal")
    if (work.get("page") and work.get("publisher") and not work.get("container-title")
            and re.search(r"\d\s*[-–—]\s*\d", str(work["page"]))):
        found.append("the pages of a part, with no book or journal")
    return found


def _container_doubts(work: dict, text: str) -> list[str]:
    found = []
    container = str(work.get("container-title", ""))
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


def _names_a_body(text: str) -> bool:
    """Whether a phrase names a journal, publisher or organisation."""
    return _org_like(text) or bool(CONTAINER_RE.search(text)) or bool(
        re.search(r"(?i)\b(?:press|verlag|university|éditions)\b", text))


PAGES_RE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‐‑‒~]+\s*[A-Za-z]?\d+[A-Za-z]?)?"
                      r"(?:\s*,\s*\d+(?:\s*[-–—‐‑‒~]\s*\d+)?)*|[ivxlcIVXLC]+(?:[-–‑][ivxlcIVXLC]+)?")


PAIRS = (("«", "»"), ("(", ")"), ("[", "]"))


def _unbalanced(value: str) -> bool:
    if any(value.count(a) != value.count(b) for a, b in PAIRS):
        return True
    if "„" not in value and value.count("“") != value.count("”"):  # „…“ is the German pair
        return True
    return value.count('"') % 2 == 1


def _institute_doubt(work: dict, text: str) -> bool:
    """An organisation after a title, read as the container of a quoted title or as the publisher of an italic
    one, is the other way round in most styles: the reading cannot be trusted."""
    container, publisher = str(work.get("container-title", "")), str(work.get("publisher", ""))
    title = str(work.get("title", ""))
    if not title:
        return False
    italic_title = f"*{title}" in text
    quoted_title = bool(re.search(r"[“\"«‘']\s*" + re.escape(title[:20]), text))
    if container and _org_like(container) and italic_title and not (work.get("volume") or work.get("page")):
        return True
    if (container and _org_like(container) and f"*{container}" not in text and work.get("URL")
            and not work.get("author") and not any(work.get(k) for k in ("volume", "issue", "page", "publisher"))):
        return True  # "Title. McKinsey & Company. URL": the site, or its publisher? styles differ
    return bool(publisher and _org_like(publisher) and quoted_title and not work.get("publisher-place")
                and not work.get("container-title"))


def _org_like(name: str) -> bool:
    return any(w.lower().strip(".,") in ORG_WORDS | {"institution", "centre", "center", "company", "&"}
               for w in name.split())
