"""Plausibility checks on a work read from a reference: repairs that are always safe, and doubts that keep an
implausible reading from being printed (an author with a digit, a publisher "n.d.", a title with a quote)."""

from __future__ import annotations

import re

from volume.references.keys import year
from volume.references.lexicon import MONTHS, ORG_WORDS, PLACES

PLACE_FIRST_RE = re.compile(r"^(?P<place>[A-Z][\w.’' -]{1,30}(?:,\s*[A-Z][\w.]{1,12})?):\s+(?P<name>[A-Z].+)$")
CONTAINER_RE = re.compile(r"(?i)\b(?:proc|proceedings|conference|conf|symposium|workshop|journal|review|bulletin|"
                          r"transactions|annals|letters|quarterly|magazine|actes|congr\w*|colloque|tagung)\b")

FORMAT_MARK_RE = re.compile(r"\s*\[(?:pdf|online|on-line|internet|video|audio|e-?book|electronic resource|"
                            r"en ligne|online-ressource|электронный ресурс)\]\s*$", re.IGNORECASE)
DESCRIBED_RE = re.compile(  # APA's description of a work in brackets after its title: "[Doctoral dissertation, X]"
    r"\s*\[(?P<genre>(?:unpublished |published )?(?:doctoral dissertation|master[’']?s thesis|ph\.?\s?d\.? thesis|"
    r"dissertation|thesis|conference (?:session|presentation|paper)|paper presentation|poster (?:session|presentation)|"
    r"lecture notes|fact sheet|press release|policy brief|working paper|white paper|data ?set|infographic|map|"
    r"photograph|tweet|blog post|audio podcast episode|podcast episode|podcast|brochure|editorial|"
    r"letter to the editor|presentation slides|powerpoint slides|slides|computer software|mobile app|speech|webinar)"
    r"(?:,[^\[\]]*)?)\]\s*$", re.IGNORECASE)
BRACKETED_RE = re.compile(  # "[Official policy report]", "[Press release/SMARD]": a short description in square
    # brackets that ends the title and names a kind of document (the closed list above also takes digits and lower case)
    r"\s*\[(?P<genre>[A-Z][^\[\]\d]{0,40}\b(?i:release|platform|report|brief|post|paper|software|data|dataset|"
    r"database|statement|video|episode|letter|memo|map|chart|tool|website|web ?page|app|application|documentation|"
    r"guidance|standard|infographic|image|photograph|presentation|lecture|webinar|interview|transcript|testimony|"
    r"tweet|article|summary|sheet|overview|analysis|commentary|dashboard|portal|course|notes)\b[^\[\]\d]{0,20})\]\s*$")
NUMBERED_DESCRIPTION_RE = re.compile(r"\s*\((?P<inside>[^()]{2,60})\)\s*$")
DOCUMENT_KIND_RE = re.compile(r"(?i)\b(?:advisory|bulletin|fact ?sheets?|white paper|briefing|brief|report|series|"
                              r"working paper|discussion paper|policy paper|technical note|studies|circular|"
                              r"(?:\d+(?:st|nd|rd|th)|revised|rev\.|updated|new) ed(?:ition|\.))(?:\W|$)")
CODE_RE = re.compile(r"\b(?=[A-Z./-]*\d)(?=[\d./-]*[A-Z])[A-Z\d][A-Z\d./-]*\d[A-Z\d]*\b|\b\d+/\d+\b|"
                     r"\b[A-Z]{2,}\s+(?!(?:1[89]|20)\d\d\b)\d{1,5}\b")  # IF10788, JCX-46-21, 29/2022, FEMA 499; no year
ACCESS_ONLY_RE = re.compile(r"(?i)^(?:retrieved(?: from)?|accessed|available(?: (?:at|from|online))?|"
                            r"eri[sş]im(?: adresi)?|recuperado(?: de)?|disponible(?: en| sur)?|consultado(?: en)?|"
                            r"abgerufen(?: (?:von|unter|am))?|consult[ée](?: (?:sur|le))?|url)\s*:?$")
THESIS_RE = re.compile(r"\b(?:dissertation|thesis)\b", re.IGNORECASE)
LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s+(?=\S)")
PAGE_PREFIX_RE = re.compile(r"^\s*(?:pp?|pages?|pg|s|с|стр)\.?\s*(?=\d|[IVXLCivxlc]+\b)", re.IGNORECASE)
NO_DATE_RE = re.compile(r"^\(?\s*(?:n\.\s?d|s\.\s?d|o\.\s?j|б\.\s?г|undated|no date)\.?\s*\)?$", re.IGNORECASE)
ACCESS_RE = re.compile(r"\b(?:retrieved|accessed|available|viewed|consult[ée]|abgerufen|preprint)\b", re.IGNORECASE)
LOWER_STARTS = frozenset(["by", "in", "and", "of", "the", "from", "with", "for", "to", "at", "on", "sec", "edited",
                          "trans", "translated", "available", "retrieved", "accessed", "pp", "vol", "no", "et", "und",
                          "dans", "par", "von", "hrsg", "ed", "eds"])
ABBREVIATED = frozenset("vol no nr dr st mr mrs ms prof bd hg jg vs ed eds p pp s".split())
ROLE_WORD_RE = re.compile(r"\b(?:eds?|editors?|hrsg|trans|transl)\b\.?", re.IGNORECASE)


def repair(work: dict, text: str = "") -> dict:
    """The work with what is never part of a field taken off: "pp." before pages, a list number before the
    first author, a publisher or place that only says "n.d."."""
    work = dict(work)
    if work.get("title"):  # "Title [Pdf]": the format of the copy read, no part of the title
        work["title"] = FORMAT_MARK_RE.sub("", str(work["title"])).strip() or work["title"]
        _description_out_of_title(work)
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
    if work.get("author"):
        work["author"] = people_from_literals(work["author"])
    for role in ("author", "editor"):
        if work.get(role):
            work[role] = [_capitals_family(p) for p in work[role]]
    site = WEBSITE_WORD_RE.sub("", str(work.get("container-title", ""))).strip()
    if site and not work.get("publisher") and re.search(r"\bfrom\s+(?:the\s+)?" + re.escape(site) + r"\s+website\b",
                                                          text or str(work.get("note-text", "")), re.IGNORECASE):
        work["publisher"] = work.pop("container-title")  # APA 6 "Retrieved from X website:": X published it
    site = str(work.get("container-title", "")).split()
    dated_to_the_day = len((work.get("issued") or {}).get("date-parts", [[]])[0]) == 3
    if (site and site[-1].lower().strip(".,") in PUBLISHER_ENDINGS and not work.get("publisher") and not dated_to_the_day
            and not any(work.get(k) for k in ("volume", "issue", "page", "editor"))):
        work["publisher"] = work.pop("container-title")  # "Wipf and Stock Publishers", "OECD Publishing"; but a
        # story dated to the day is news ("Khaama Press", "Associated Press" are agencies: the site)
    if work.get("title"):  # APA's "(Version 2.1)", "(Report No. 12)" after a title describe it: no part of it
        described = DESCRIPTION_RE.search(str(work["title"]))
        if described and described.start() > 0:
            work["title"] = str(work["title"])[: described.start()].rstrip()
        _numbered_description_out_of_title(work)
    for key in ("container-title", "publisher"):  # "Erişim adresi:", "Recuperado de": how the URL was reached
        if work.get(key) and ACCESS_ONLY_RE.match(str(work[key]).strip()):
            del work[key]
    for key in ("title", "container-title", "publisher"):  # "Retrieved … from X website:": no part of the name
        if work.get(key):
            work[key] = WEBSITE_WORD_RE.sub("", str(work[key])).strip() or work[key]
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
    numbered = VOLUME_AFTER_JOURNAL_RE.match(str(work.get("container-title", "")))
    if numbered and not work.get("volume") and (work.get("issue") or work.get("page")) and int(numbered["volume"]) < 1800:
        work["container-title"], work["volume"] = numbered["journal"], numbered["volume"]  # "Corrosion Journal 14,
        # n° 1 (1979): 5-14": the volume read into the journal's name
    return _institution_role(work, text or str(work.get("note-text", "")))


def _description_out_of_title(work: dict) -> None:
    """APA's description after a title ("Title [Doctoral dissertation, Nazarbayev University]", "[Fact sheet]",
    "[Press release/SMARD]", "[Data platform]") is the work's genre, no part of its title; a dissertation or thesis
    is typed so."""
    described = DESCRIBED_RE.search(str(work["title"])) or BRACKETED_RE.search(str(work["title"]))
    if not described or described.start() == 0:
        return
    work["title"] = str(work["title"])[: described.start()].rstrip()
    genre, _comma, university = (part.strip() for part in described["genre"].partition(","))
    work.setdefault("genre", genre if university and THESIS_RE.search(genre) else described["genre"])
    if THESIS_RE.search(genre) and work.get("type") in (None, "webpage", "book", "report"):
        work["type"] = "thesis"
        if university and not any(work.get(k) for k in ("publisher", "container-title")):
            work["publisher"] = university  # "[Doctoral dissertation, University of X]": X granted it


def _numbered_description_out_of_title(work: dict) -> None:
    """A report's number or series in brackets after its title ("(CRS Report R48887)", "(IF10788)", "(FEMA 499)",
    "(Climate Change 29/2022)", "(Hurricane Katrina Recovery Advisory)", "(Revised ed.)") describes the work: its genre,
    no part of its title. An acronym, a year or a span of years in brackets ("(MASVS)", "(EEG 2023)", "(2015-2022)")
    stays in the title."""
    title = str(work["title"])
    described = NUMBERED_DESCRIPTION_RE.search(title)
    if not described or len(title[: described.start()].split()) < 2:
        return
    inside = described["inside"]
    if not (DOCUMENT_KIND_RE.search(inside) or CODE_RE.search(inside)):
        return
    work["title"] = title[: described.start()].rstrip()
    work.setdefault("genre", inside)


def _thesis_doubts(work: dict, text: str) -> list[str]:
    """A thesis whose description names its university while another body (an archive, a database) was read as
    its publisher or site: which one the style prints where cannot be told."""
    if work.get("type") != "thesis":
        return []
    for found in re.finditer(r"\[([^\[\]]*\b(?:dissertation|thesis)\b[^\[\]]*)\]", text, re.IGNORECASE):
        university = found.group(1).partition(",")[2].strip()
        bodies = {str(work.get(k, "")) for k in ("publisher", "container-title")} - {""}
        if university and bodies - {university}:
            return ["a thesis's university and another body after it"]
    return []


VOLUME_AFTER_JOURNAL_RE = re.compile(r"(?P<journal>.*[^\W\d_].*?)\s+(?P<volume>\d{1,4})$")


REPORT_CUE_RE = re.compile(r"\b(?:annual report|working paper|policy brief|white paper)\b|\.pdf\b",
                           re.IGNORECASE)


REPORT_NUMBER_RE = re.compile(r"\b(?:brief|report|paper|note)\s*[;,]?\s*(?:(?:no\.|№|number)\s*(?:[A-Z]+\s*)*\d|"
                              r"(?-i:[A-Z]{1,4})\d{3,})", re.IGNORECASE)  # "NCHS data brief ; no. 400", "(Report No.
# DOT HS 813 309)", "(CRS Report R48642)": a report


def _institution_role(work: dict, text: str) -> dict:
    """One role for an institution named alone after a title (tests/cases/references/README.md): a report's is
    its publisher (APA and Chicago would print a container as "In *X*"), a web page's is its site, the container
    (both styles print a web page's site and its publisher alike, so the role only keeps readings consistent),
    unless the note says it published the page (APA 6 "Retrieved from X website")."""
    if any(work.get(k) for k in ("volume", "issue", "page", "publisher-place", "editor")):
        return work
    container, publisher = str(work.get("container-title", "")), str(work.get("publisher", ""))
    cue = REPORT_CUE_RE.search(f"{work.get('title', '')} {work.get('URL', '')}") or REPORT_NUMBER_RE.search(text)
    if work.get("type") == "webpage" and cue and bool(container) != bool(publisher) and not work.get("DOI"):
        work["type"] = "report"  # "… Annual Report 2021", a PDF: a report, and the body named after it its publisher
        if container:
            work["publisher"] = work.pop("container-title")
    elif work.get("type") == "report" and container and not publisher and _institution_like(container):
        work["publisher"] = work.pop("container-title")
    elif (work.get("type") == "webpage" and publisher and not container and _institution_like(publisher)
          and not re.search(r"\bfrom\s+(?:the\s+)?" + re.escape(publisher) + r"\s+website\b", text, re.IGNORECASE)):
        work["container-title"] = work.pop("publisher")
    return work


PUBLISHER_ENDINGS = frozenset(["press", "presses", "publishers", "publishing", "verlag", "books", "éditions"])
DESCRIPTION_RE = re.compile(r"\s*\((?:version|v\.|report no\.|report|working paper|technical report|rep\.|"
                            r"(?:policy|issue|discussion|occasional|research|briefing|background|staff|analytical) "
                            r"(?:brief|paper|note)s?\b(?=\s*(?:no\.|№|#|\d)))\s*[^()]*\)\s*$", re.IGNORECASE)
CAPITALS_RE = re.compile(r"(?:Mc|Mac|D[’'])?[A-ZÀ-ÖØ-ÞА-Я][A-ZÀ-ÖØ-ÞА-Я'’-]{2,}")  # "McCAVANA" is in capitals too


def _capitals_family(person: dict) -> dict:
    """"CAVELL Stanley" read as given "CAVELL", family "Stanley": the name in capitals is the family name (ISO 690,
    French and other styles print it so)."""
    given, family = str(person.get("given", "")), str(person.get("family", ""))
    if (given and family and all(CAPITALS_RE.fullmatch(w) and (len(w) > 3 or re.search(r"[AEIOUYÀ-ÖØ-ÞАЕИОУЫЭЮЯ]", w))
                                 for w in given.split())
            and not any(CAPITALS_RE.fullmatch(w) for w in family.split())):
        return {**person, "family": given, "given": family}
    words = given.split()
    if (len(words) > 1 and family and _in_capitals(words[0]) and not any(CAPITALS_RE.fullmatch(w) for w in words[1:])
            and not any(CAPITALS_RE.fullmatch(w) for w in family.split())):
        return {**person, "family": words[0], "given": " ".join([*words[1:], family])}  # "GRANT Barry Keith" read
        # as given "GRANT Barry", family "Keith"
    return person


def _in_capitals(word: str) -> bool:
    """A family name written in capitals ("CAVELL"), not an initialism of two or three consonants."""
    return bool(CAPITALS_RE.fullmatch(word) and (len(word) > 3 or re.search(r"[AEIOUYÀ-ÖØ-ÞАЕИОУЫЭЮЯ]", word)))


WEBSITE_WORD_RE = re.compile(r"\s+website\s*:?\s*$|^_+|_+$", re.IGNORECASE)
AFFILIATION_RE = re.compile(r",\s+(?=[^,]*$)")
ETAL_RE = re.compile(r",?\s*\bet\s+al\b\.?\s*$")


def people_from_literals(people: list[dict]) -> list[dict]:
    """Authors with a literal that is really people written given-name first ("Paris Marx,", "Margaret Poydock
    et al.", "Sarah Leberstein and Catherine Ruckelshaus, National Employment Law Project" — the affiliation
    after the names is no author) split into persons, when the split is certain; other literals as they were."""
    from volume.references.name_lists import split_people

    if len(people) != 1 or not people[0].get("literal"):
        return people
    literal = ETAL_RE.sub("", str(people[0]["literal"]).strip(" ,.;")).strip(" ,")
    names, _sep, tail = literal.rpartition(", ")
    if names and _org_like(tail) and not _org_like(names):  # "Given Family, Institute": the affiliation dropped
        literal = names
    if _org_like(literal) or not re.fullmatch(r"[^\W\d_][\w.'’\- ]*(?:,? (?:and|&) [^\W\d_][\w.'’\- ]*|, [^\W\d_][\w.'’\- ]*)*",
                                                literal):
        return people
    found, certain = split_people(literal)
    if certain and found and all(p.get("family") and _given_name(str(p.get("given", ""))) for p in found):
        return found
    return people


def _given_name(given: str) -> bool:
    """A known given name or an initial first ("Massis Post", "China Daily" are no people)."""
    from volume.references.lexicon import GIVEN_NAMES

    first = given.split()[0] if given.split() else ""
    return first.lower() in GIVEN_NAMES or bool(re.fullmatch(r"[A-Z]\.(?:-?[A-Z]\.)*", first))


def doubts(work: dict, text: str) -> list[str]:
    """What makes a reading implausible; each one keeps the reference as written."""
    return [*_name_doubts(work, text), *_title_doubts(work, text), *_field_doubts(work, text), *_number_doubts(work, text),
            *_container_doubts(work, text), *_shape_doubts(work, text), *_code_doubts(work, text),
            *_thesis_doubts(work, text)]


def _code_doubts(work: dict, text: str) -> list[str]:
    """A volume read from the tail of a code ("SAC- 4", "COMPSI T-RA 8": a series or report number, not a journal's
    volume)."""
    volume = str(work.get("volume", "")).strip()
    rest = text.replace(str(work.get("title", "")), " ") if work.get("title") else text  # "COVID-19" in a title
    if volume.isdigit() and re.search(r"\b[A-Z]{2,}-\s*" + volume + r"\b|\b[A-Z]+-[A-Z]+\s+" + volume + r"\b", rest):
        return ["a volume read from the tail of a code"]
    return []


def _shape_doubts(work: dict, text: str) -> list[str]:
    """Doubts about the reading as a whole: no title, names given first kept as one name, a place before the
    publisher read into another field, a remark inside the title, an organisation's name read as the title."""
    found = []
    if not str(work.get("title", "")).strip() or MEDIUM_ONLY_RE.fullmatch(str(work.get("title", "")).strip()):
        found.append("no title read")  # "[Dataset]", "[Video]": APA's description of the medium is no title
    for person in work.get("author") or []:
        literal = str(person.get("literal", ""))
        if _people_in_literal(literal):
            found.append("people, written given name first, read as one name")
        elif re.search(r",\s*(?:&|and|und|et)\s+\S", literal):
            found.append("a list of names read as one name")  # "World Bank, & Asian Development Bank": APA's ", &"
    found += _place_lost(work, text)
    if _editors_in_the_authors(work, text):
        found.append("authors and editors read from one list of names")
    if any(_second_given_unknown(p, text) for p in work.get("author") or []):
        found.append("a name written given name first whose family name may be two words")
    title = str(work.get("title", ""))
    if re.search(r"[(\[](?:pdf|in [A-Z][a-z]+|online)[)\]]\W*\s+\S", title, re.IGNORECASE):
        found.append("a format or language remark inside the title")
    literal = str((work.get("author") or [{}])[0].get("literal", ""))
    name_form = all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "on", "&"} for w in title.split())
    if (len(literal.split()) >= 4 and name_form and _institution_like(title) and not _institution_like(literal)
            and not any(work.get(k) for k in ("publisher", "container-title"))):
        found.append("an organisation read as the title")
    return found


MEDIUM_ONLY_RE = re.compile(r"\[(?:data ?set|pdf|video|audio|software|computer software|computer program|map|podcast|"
                            r"image|photograph|slides?|infographic|fact sheet|press release|tweet|blog post|"
                            r"online|abstract|brochure|report)\]", re.IGNORECASE)
NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s+(?:and|&|und|et|и)\s+|,\s*)")


def ambiguities(work: dict, text: str) -> list[str]:
    """Title boundaries a single reading cannot settle: doubts for a reading that no second reading confirms."""
    found = []
    title = str(work.get("title", ""))
    enclosed = bool(re.search(r"[“\"«‘*]\s*" + re.escape(title[:20]), text)) if title else False
    book = bool(work.get("publisher") and work.get("publisher-place"))  # "Title. Subtitle. Place: Publisher"
    if not enclosed and not book and re.search(r"[a-zà-ÿ]{3,}\.\s+[A-ZÀ-Þ][a-zà-ÿ]", title):
        found.append("a title that runs over a full stop")  # not in quotes or italics: two parts read as one
    head, _comma, tail = title.rpartition(", ")
    if (not enclosed and head and 1 <= len(tail.split()) <= 4 and all(w[:1].isupper() for w in tail.split())
            and sum(w[:1].isupper() for w in head.split()[1:]) <= len(head.split()) // 3):
        found.append("a name after the title's last comma")  # "This is the American earth, Sierra Club"
    return found


def _editors_in_the_authors(work: dict, text: str) -> bool:
    """"Bekiari, Chryssoula, Martin Doerr, … et Pat Riva, dir. 2015. *Title*": authors and editors both read from
    the names before the title, with no "In" before a book's editors: one list, the mark after it for all of them."""
    title = str(work.get("title", ""))[:20]
    if not (work.get("author") and work.get("editor") and title and title in text):
        return False
    if re.search(r"(?i)(?:^|[\s.,])(?:in|dans|im|en)\s*:?\s|edited by|ed\. by|hrsg", text):
        return False
    editor = str(work["editor"][0].get("family") or work["editor"][0].get("literal") or "")
    return bool(editor) and -1 < text.find(editor) < text.find(title)


def _second_given_unknown(person: dict, text: str) -> bool:
    """"Regina Garcia Cano", "Diego Lo Giudice": written given name first, a second word before the last that is
    neither an initial nor a known given name may begin the family name."""
    from volume.references.lexicon import GIVEN_NAMES

    given, family = str(person.get("given", "")).split(), str(person.get("family", ""))
    if len(given) < 2 or not family or f"{' '.join(given)} {family}" not in text:
        return False
    first, last = given[0].strip("."), given[-1].strip(".")  # "M. Taylor Fravel": after an initial, a middle name
    if last.lower() in FAMILY_PARTICLES:
        return True  # "A. Ben Hamida", "C. Van Dyke": a particle that begins the family name, or a given name
    return len(first) > 1 and len(last) > 1 and last.lower() not in GIVEN_NAMES and not last.isupper()


FAMILY_PARTICLES = frozenset("ben bin ibn abu al el van von de del della da di le la du dos das lo ter ten".split())


def _people_in_literal(literal: str) -> bool:
    """"Joe Gould and Bryant Harris", "Luque-Fernandez MA, Daniel Redondo Sanchez": a list of two or more names,
    each of two to four capitalised words and none an organisation's, kept as one name."""
    parts = [p for p in NAME_LIST_SPLIT_RE.split(literal.strip(" .,")) if p]
    if len(parts) < 2 or _org_like(literal):
        return False
    return all(2 <= len(p.split()) <= 4 and all(w[:1].isupper() for w in p.split()) for p in parts)


def _place_lost(work: dict, text: str) -> list[str]:
    """"… trap? Brunswick, Vic.: Scribe": a place stands before the publisher in the text, but the reading has
    no place (or another one): the place went into another field."""
    publisher = str(work.get("publisher", ""))
    at = text.find(publisher) if len(publisher) > 2 else -1
    if at < 0:
        return []
    placed = re.search(r"([A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*){0,3})\s?:\s*\**$", text[:at])
    if not placed:
        return []
    place = str(work.get("publisher-place", ""))
    if place and placed[1].endswith(place.split(",")[0].split()[-1]) and len(place) >= len(placed[1]) - 2:
        return []
    if place and place.split(",")[0] in placed[1] and "." not in place:
        return []
    return ["a place before the publisher read into another field"]


def _name_doubts(work: dict, text: str) -> list[str]:
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
        literal = str(person.get("literal", ""))
        if literal and (_looks_like_person(re.sub(r"\s*\([^()]*\)\s*", " ", literal).strip())
                        or _family_first_person(literal)):
            found.append("a person's name read as one name")  # also "Jane Smith (Reuters)", "Smith J.", "SMITH Jane"
        if any(_org_like(str(person.get(k, ""))) or ":" in str(person.get(k, "")) for k in ("family", "given")):
            found.append("an organisation read as people")
        if re.search(r"\bn\.\s?d\b|\b(?:accessed|retrieved|consulted)\b", name + " " + literal, re.IGNORECASE) or any(
                w.lower().strip(".,") in MONTHS_OF_DATES and re.search(rf"\b{re.escape(w)}\.?,?\s+\d|\d\.?\s+{re.escape(w)}\b", text)
                for w in name.split()):
            found.append("a date read as a name")
        if re.fullmatch(r"[A-Z][\w'’-]+ (?:and|&|und|et|и) [A-Z][\w'’-]+", str(person.get("literal", ""))):
            found.append("two people, or a firm, read as one name")
        if BYLINE_RE.match(str(person.get("given") or person.get("literal") or "")) or any(
                w.lower().strip(".,") in JOB_TITLES for k in ("family", "given") for w in str(person.get(k, "")).split()):
            found.append("a byline or a job title read as a name")  # "By Jane Smith", "Jane Smith, Deputy Director"
        if re.fullmatch(r"(?:The|Les|Die|Der|Das)", str(person.get("given", "")).strip()):
            found.append("an organisation read as people")  # "The Economist": an article is no given name
        given = str(person.get("given", ""))
        if re.search(r"[^\W\d_]{3,}\.$", given) and re.search(r"\.\s", given) or re.search(r"[^\W\d_]{3,}\.\s+\S", given):
            found.append("a name that runs into the title")
    return found


BYLINE_RE = re.compile(r"(?:by|par|от|dr|prof|mr|mrs|ms|sir|amb|gen|col)\.?\s", re.IGNORECASE)  # a byline, an honorific
JOB_TITLES = frozenset("director deputy senior fellow professor president minister correspondent reporter staff analyst "
                       "chief secretary ambassador spokesperson spokesman chairman chairwoman researcher".split())
MONTHS_OF_DATES = frozenset("january february march april june july august september october november december "
                            "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _family_first_person(literal: str) -> bool:
    """"Smith J.", "SMITH Jane": a family name before initials, or in capitals before a known given name."""
    from volume.references.lexicon import GIVEN_NAMES

    capitals = re.fullmatch(r"[A-Z][A-Z'’-]+ ([A-Z][a-z]+)", literal)
    return bool(re.fullmatch(r"[A-Z][a-z'’-]+,? (?:[A-Z]\.\s?){1,3}", literal)
                or capitals and capitals.group(1).lower() in GIVEN_NAMES)


def _looks_like_person(literal: str) -> bool:
    """"Paris Marx", "Jane Smith and Bob Jones": two or three capitalised name words, no organisation's word."""
    from volume.references.lexicon import GIVEN_NAMES

    words = literal.replace(",", " ").split()
    first = words[0].lower().strip(".") if words else ""
    return (2 <= len(words) <= 3 and first in GIVEN_NAMES and not _org_like(literal)
            and all(w[:1].isupper() for w in words))


NAME_AFTER_STOP_RE = re.compile(  # a title whose last sentence is a name in title case: the site or journal after it
    r"^(?P<head>.*?\S)\.\s+(?:The |A )?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for|the|&|de|in|on)){0,5}$")


def _title_doubts(work: dict, text: str) -> list[str]:
    found = []
    title = str(work.get("title", ""))
    if re.match(r"[A-Z][\w’'-]+, [A-Z][\w.]*(?: [A-Z]\.)*(?:,| and| &)", title) and re.search(r"[\"“]", title):
        found.append("names read into the title")
    last = title.rsplit("? ", 1)[-1] if "? " in title else ""
    if last and (last.lower() in PLACES or re.fullmatch(r"[A-Z][\w.]+(?:, [A-Z]{2})?", last) and "?" not in text[
            text.find(last) + len(last): text.find(last) + len(last) + 1]) and re.match(r"\s*:", text[text.find(last) + len(last):]):
        found.append("a place read into the title after its question mark")
    words = title.split()
    after = text[text.find(title) + len(title):] if title and text.find(title) >= 0 else ""
    if words and (re.fullmatch(r"\d{1,2}", words[-1]) and re.match(r"\.\s+(?!https?:|www\.)(?:[a-zà-ÿ]|(?i:%s)\b)" % "|".join(
            sorted(MONTHS_OF_DATES | {"januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "juin",
                                      "juillet", "août", "mai", "mars", "avril"})), after)
                  or words[-1].lower().rstrip(".") in ABBREVIATED and after.startswith(".")):
        found.append("a title cut at an abbreviation's or a number's full stop")
    if title.count("”") > title.count("“") or title.count("»") > title.count("«") or (
            "‘" not in title and re.search(r"’\s*[(,]|[^s\W]’\s+\w", title)):
        found.append("a closing quote inside the title")
    if re.match(r"[\"“«„][^\"”»“]+[\"”»“]\s*[.,:;]?\s+\S", title):
        found.append("a title that runs past its closing quote")  # "\"Title.\" Site": the site read into the title
    tail = re.split(r"\.\s+", title)[-1] if ". " in title else ""
    if tail and tail[:1].isupper() and _names_a_body(tail) and all(
            w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "&", "de"} for w in tail.split()):
        found.append("a title that runs into an organisation's name")
    last_part = title.rsplit(", ", 1)[-1] if ", " in title else ""
    if last_part and CONTAINER_RE.search(last_part) and last_part[:1].isupper():
        found.append("a title that runs into the container")
    if re.search(r"[-–—/:]$", title) or re.search(r"(?<!\b[A-Z])\.\s+(?![а-я])\S[^.]*(?:\d|\bpresented\b|\bpaper\b)",
                                                   title):  # "U.S. growth in 2026": an abbreviation's stop
        found.append("a title that runs into what follows it")
    at = text.find(title) if title and " // " in text else -1
    if at >= 0 and " // " in text[at:]:
        between = text[at + len(title):].split(" // ", 1)[0]
        if re.search(r"[^\W\d_]{3,}", between) and not re.search(r"[/:\[]", between):
            found.append("a title cut before the part's mark (//)")  # GOST "Title … publicly available data // Journal"
    named = NAME_AFTER_STOP_RE.match(title)
    if named and len(named["head"].split()) >= 3 and not work.get("container-title") and not work.get("publisher"):
        found.append("a title that runs into a name after its last full stop")  # "There Is No A.I. The New Yorker"
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


CITY_FIRST_WORDS = frozenset("new san los las hong saint st. rio buenos tel abu kuala addis".split())
REMARK_OR_KIND_RE = re.compile(r"(?:see(?: also)?|cf\.|also|compare|quoting|citing|quoted in|cited in)(?:\s|$)|(?:emphasis|italics) (?:added|mine|in original)|"
                               r"(?:my|author’s|author's) translation|translation mine|[\[“\"«„]|"
                               r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$|[A-Z]{1,2}\d{1,3}$|(?:press release|news release|statement|blog|"
                               r"op-ed|fact sheet|podcast|policy brief|issue brief|working paper|research paper|"
                               r"discussion paper|commentary|report|brief|analysis)\.?$", re.IGNORECASE)
DATE_IN_NAME_RE = re.compile(r"\b(?:{m})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:{m})\b|\b(?:{m})\.?\s+\d{{4}}\b".format(
    m="|".join(sorted((m for m in MONTHS if len(m) > 2), key=len, reverse=True))), re.IGNORECASE)


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


def _number_doubts(work: dict, text: str = "") -> list[str]:
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
        if value and not re.fullmatch(r"[A-Za-z]{0,6}\.?\s?\d+[A-Za-z]?(?:\s?[-–/&]\s?\d+[A-Za-z]?)?|[IVXLCivxlc]+|\w{1,8}",
                                      value):
            found.append(f"a {key} that is no number")
    if any(work.get(k) for k in ("volume", "issue")) and not work.get("container-title"):
        found.append("a volume or issue without a journal")
    if (work.get("page") and work.get("publisher") and not work.get("container-title")
            and re.search(r"\d\s*[-–—]\s*\d", str(work["page"]))):
        found.append("the pages of a part, with no book or journal")
    issue = str(work.get("issue", "")).strip()
    if not work.get("page") and re.fullmatch(r"\d+\s*[-–—]\s*\d+", issue) and not re.search(
            r"\(\s*" + re.escape(issue) + r"\s*\)|\b(?:no|nos|issue|heft|n°)\.?\s*" + re.escape(issue), text, re.IGNORECASE):
        found.append("pages read as the issue")  # "Nature Climate Change, 8, 1-5.": a range after the volume,
        # outside brackets and without an issue's word, is the pages; a double issue is written "8(1-2)" or "no. 1-2"
    return found


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


def _container_doubts(work: dict, text: str) -> list[str]:
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


def _names_a_body(text: str) -> bool:
    """Whether a phrase names a journal, publisher or organisation."""
    return _org_like(text) or bool(CONTAINER_RE.search(text)) or bool(
        re.search(r"(?i)\b(?:press|verlag|university|éditions)\b", text))


PAGE_NUMBER = r"(?:\d{1,3}(?:[ \u2009\u202f]\d{3})+|[A-Za-z]?\d+[A-Za-z]?)"  # "18 174": IEEE's thin-spaced thousands
PAGES_RE = re.compile(PAGE_NUMBER + r"(?:\s*[-–—‐‑‒~]+\s*" + PAGE_NUMBER + r")?"
                      r"(?:\s*,\s*\d+(?:\s*[-–—‐‑‒~]\s*\d+)?)*|[ivxlcIVXLC]+(?:[-–‑][ivxlcIVXLC]+)?"
                      r"|[a-z]{2,6}\d{3,}")  # "ocaa112": an article's number where it has no pages


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
    if (container and _institution_like(container) and f"*{container}" not in text and work.get("URL")
            and not work.get("author") and not any(work.get(k) for k in ("volume", "issue", "page", "publisher"))):
        return True  # "Title. McKinsey & Company. URL": the site, or its publisher? styles differ
    return bool(publisher and _org_like(publisher) and quoted_title and not work.get("publisher-place")
                and not work.get("container-title"))


def _institution_like(name: str) -> bool:
    """A body that publishes (an institute, a company), not a news title ('The Astana Times' is a site)."""
    return any(w.lower().strip(".,") in ORG_WORDS | {"institution", "centre", "center", "company", "&"}
               for w in name.split())


def _org_like(name: str) -> bool:
    """Any body: an institution or firm, or a name a news outlet or agency goes by."""
    from volume.references.names import ORG_WORDS as NAMED_BODIES

    return _institution_like(name) or any(w.lower().strip(".,") in NAMED_BODIES for w in name.split())


GLUE_WORDS = frozenset(
    "in and & of the by from at retrieved available online accessed on vol no nos pp p ed eds edn edition "
    "trans see also cf n d nd doi url https http www com org".split())


def leftover_words(work: dict, text: str) -> list[str]:
    """The words of a reference that no printed field accounts for (beyond glue words, dates and a URL): the
    check that a reading covers its text, so that a field the rules dropped or merged shows."""
    from volume.references.keys import normal_text
    from volume.references.lexicon import MONTHS
    from volume.references.urls import find_urls

    bare = text
    for start, end, _url in reversed(find_urls(text)):
        bare = bare[:start] + " " + bare[end:]
    printed: set[str] = set()
    for person in (work.get("author") or []) + (work.get("editor") or []):
        for value in person.values():
            printed.update(normal_text(str(value)).split())
    for key in ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "DOI",
                "genre", "number", "locator", "year-suffix", "note"):
        value = str(work.get(key, ""))
        if key == "note" and re.search(r"\(\d+\)|\d+\s*[–-]\s*\d+", value):
            continue  # an issue or pages left in a remark: the rules did not read the journal's tail
        printed.update(normal_text(value).split())
    for part in (work.get("issued") or {}).get("date-parts", [[]])[0]:
        printed.add(str(part))
    return [w for w in normal_text(bare).split()
            if w not in printed and w not in GLUE_WORDS and w not in MONTHS and not re.fullmatch(r"\d+[a-z]?", w)]
