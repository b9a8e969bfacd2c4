"""Repairs of a work read from a reference that are always safe: what is never part of a field is taken off
("pp." before pages, a list number before the first author, "[PDF]" after a title, a publisher that says "n.d."),
and a field read in the wrong role is moved (a place before a publisher, an institution after a report's title)."""

from __future__ import annotations

import re

from volume.references.bodies import CONTAINER_RE, NO_DATE_RE, institution_like, org_like
from volume.references.lexicon import PLACES


PLACE_FIRST_RE = re.compile(r"^(?P<place>[A-Z][\w.’' -]{1,30}(?:,\s*[A-Z][\w.]{1,12})?):\s+(?P<name>[A-Z].+)$")
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
TRANSLATOR_RE = re.compile(r",\s+(?:traduit|trad\.|translated|trans\.|übersetzt|übers\.|traducido|traduzido|tradotto)"
                           r"\s(?:de l[’'][\w]+ |from the \w+ |aus dem \w+ |del \w+ )?(?:par|by|von|por|da)\s[^,]{2,60}$")
# "La société en réseau, traduit de l'anglais par Philippe Delamare": who translated the book, no part of its title
LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s+(?=\S)")
PAGE_PREFIX_RE = re.compile(r"^\s*(?:pp?|pages?|pg|s|с|стр)\.?\s*(?=\d|[IVXLCivxlc]+\b)", re.IGNORECASE)
def repair(work: dict, text: str = "") -> dict:
    """The work with what is never part of a field taken off: "pp." before pages, a list number before the
    first author, a publisher or place that only says "n.d."."""
    work = dict(work)
    if work.get("title"):  # "Title [Pdf]": the format of the copy read, no part of the title
        work["title"] = FORMAT_MARK_RE.sub("", str(work["title"])).strip() or work["title"]
        work["title"] = TRANSLATOR_RE.sub("", str(work["title"])).strip() or work["title"]
        _description_out_of_title(work)
    if work.get("page"):
        work["page"] = PAGE_PREFIX_RE.sub("", str(work["page"])).strip(" .,;:")
        if re.search(r"\bpp?\.\s*" + re.escape(work["page"]) + r"\+", text or ""):
            work["page"] += "+"  # MLA's "pp. 57+": the article goes on after page 57, elsewhere in the issue
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
    place = str(work.get("publisher-place", "")).split()
    if len(place) >= 2 and not work.get("publisher") and (place[-1].lower() in PUBLISHER_ENDINGS or place[-1] == "UP"):
        work["publisher"] = work.pop("publisher-place")  # "Cambridge UP", "Oxford University Press": a publisher
    container = str(work.get("container-title", ""))
    if (container and work.get("publisher-place") and not work.get("publisher") and org_like(container)
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
    elif work.get("type") == "report" and container and not publisher and institution_like(container):
        work["publisher"] = work.pop("container-title")
    elif (work.get("type") == "webpage" and publisher and not container and institution_like(publisher)
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
    if names and org_like(tail) and not org_like(names):  # "Given Family, Institute": the affiliation dropped
        literal = names
    if org_like(literal) or not re.fullmatch(r"[^\W\d_][\w.'’\- ]*(?:,? (?:and|&) [^\W\d_][\w.'’\- ]*|, [^\W\d_][\w.'’\- ]*)*",
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
