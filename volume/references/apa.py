"""Parse one APA 7 reference: Author. (Date). Title. Container or Publisher. URL."""

from __future__ import annotations

import re

from volume.references.dates import date_field, parse_apa_date
from volume.references.fields import (
    add_note,
    add_parenthetical,
    assign_plain,
    is_description,
    italic_element,
    ordered,
    split_title,
    title_extras,
)
from volume.references.segment import Piece
from volume.references.text import split_elements, unitalic
from volume.references.urls import extract_links

JOURNAL_TAIL_RE = re.compile(
    r"^,\s*\*?(?P<volume>\d+[A-Za-z]?|[IVXLC]+)\*?\s*(?:\((?P<issue>[^()]+)\))?"
    r"(?:\s*,\s*(?P<page>(?:pp?\.\s*)?(?:Article\s+)?[\w]+(?:\s*[–—-]\s*[\w]+)?))?"
    r"(?:\s*(?P<extra>\([^()]*\)))?\s*$"
)
SPEECH_RE = re.compile(r"(?i)^\[?(?:testimony|speech|address|remarks|lecture)\b")
SYMBOL = r"[A-Z][\w.]*/[\w./-]*\d[\w./-]*"
SYMBOLS_RE = re.compile(rf"{SYMBOL}(?:,\s*{SYMBOL})*")  # UN document symbols: "A/RES/71/313, E/CN.3/2018/2"
MEDIA_RE = re.compile(r"(?i)^(?:video|audio|podcast|webinar|tweet|image|infographic|photograph|film|blog post|map|"
                      r"press release|web ?page|website|news)")
# media and pages on a site (YouTube, a newsroom): what follows them is the site (a web page's, by the round-5
# convention of tests/cases/references/README.md); a data set, software, slides, a fact sheet or a data brief is
# published by what follows it (APA 7's "Publisher")
IN_CONTAINER_RE = re.compile(r"^In\s+\*(?P<name>[^*]{3,200})\*\s*(?:\((?:pp?\.\s*)?(?P<page>\d+(?:\s*[–—-]\s*\d+)?)\))?\.?$")
WEBSITE_RE = re.compile(r"(?i)^(?:retrieved\s+from\s+)?(?:the\s+)?(?P<site>[^:]{2,80}?)\s+website\s*:?$")  # APA 6's
# "Retrieved October 27, 2017, from Oliver Wyman website: URL": the body that published the page
GROUP_AUTHOR_RE = re.compile(  # a group that signs a page, standing where the author goes: "Wikipedia contributors."
    r"(?i)^(?P<name>[^\W\d_][\w .&'’-]{1,60}?\s(?:contributors|staff|editors|editorial (?:board|team|staff)|desk|"
    r"team|newsroom|writers|reporters))\.?$")
RETRIEVED_FROM_RE = re.compile(r"(?i)(?:retrieved|recuperado|obtenido)\s+(?:from|de)\s+(?!the\b)(?P<site>[^:/*\[\]]{2,60}?)"
                               r"(?<!\swebsite)\s*:?")  # APA 6's "Retrieved from Amazon AWS:" before the URL
NESTED_SYMBOL_RE = re.compile(r"\s*\((?P<symbol>[A-Z]{2,}[^()]*\(\d{4}\)[^()]*\d[^()]*)\)$")  # "(COM(2020) 65 final)"
PLAIN_IN_RE = re.compile(r"^In\s+(?P<name>[A-Z][^()\d*]{2,120}?)\.?$")  # "In Wikipedia, The Free Encyclopedia."
PUBLISHER_NAME_RE = re.compile(r"(?i)\b(?:publishing|publications office|publishers|university press|verlag)\b")
REPORT_NAME_RE = re.compile(r"(?i)\b(?:annual report|report \d{4}|working paper|policy brief|issue brief|white paper|"
                            r"discussion paper|briefing paper|technical report)\b")  # a title that says it is a report
# (the round-5 convention of tests/cases/references/README.md, and repairs.REPORT_CUE_RE)
THESIS_KIND = r"doctoral dissertation|master'?s thesis|ph\.?d\.? thesis|dissertation|thesis"
THESIS_RE = re.compile(rf"(?i)^(?P<kind>{THESIS_KIND}),\s*(?P<where>[^,].+)$")
NEWS_WORDS_RE = re.compile(r"(?i)\b(?:news|times|post|journal|magazine|daily|herald|tribune|gazette|review|blog|wire|"
                           r"press agency|television|radio|broadcasting)\b")
ET_AL_RE = re.compile(r"^(?P<family>[^\W\d_][\w'’-]+)\s+et\s+al\.?$")
TWO_BODIES_RE = re.compile(r"([A-Z][\w'’-]+) (?:y|and|&|und|et|e|ve|и) ([A-Z][\w'’-]+)")


def _title_from_author(piece: Piece, work: dict) -> tuple[str, bool]:
    """For a reference without author, the title stands where the author would."""
    text = piece.author_text.strip()
    italic = text.startswith("*")
    title, _, _ = split_title(text, work) if italic else (unitalic(text).rstrip(" ."), False, "")
    return title_extras(title, work), italic


def _container(work: dict, element: str) -> None:
    """An italic element after an article title: a periodical, with volume, issue and pages if a journal."""
    name, after = italic_element(element) or ("", "")
    inside = re.fullmatch(r"(?P<name>.+?),\s*(?P<volume>\d+[A-Za-z]?)", name)
    if inside and (not after or after.startswith("(")):  # "*Water Policy, 10*(S2), 71–88": the volume in italics
        name, after = inside["name"], f"{inside['volume']}{after}"
    work["container-title"] = name
    journal = JOURNAL_TAIL_RE.match("," + after) if after[:1].isdigit() or after.startswith("*") else None
    if journal:
        work.update({k: journal[k] for k in ("volume", "issue", "page") if journal[k]})
        if journal["extra"]:
            add_parenthetical(work, journal["extra"])
        return
    paren = re.match(r"^(\([^()]*\))\s*(.*)$", after)
    if paren:
        add_parenthetical(work, paren.group(1))
        after = paren.group(2)
    add_note(work, after)


def _et_al(person: dict) -> dict:
    """"Blanchard et al." read as one name: the first author's family name ("et al." adds no author)."""
    match = ET_AL_RE.match(person.get("literal", ""))
    return {"family": match["family"]} if match else person


def _two_bodies(people: list[dict]) -> list[dict]:
    """"Asale y RAE": two one-word bodies joined by "and" in any language, one of them an abbreviation, read as one
    name: the two bodies (a firm's "Procter & Gamble" has no abbreviation, and stays one name)."""
    found = []
    for person in people:
        match = TWO_BODIES_RE.fullmatch(person.get("literal", ""))
        if match and any(re.fullmatch(r"[A-Z]{2,8}", word) for word in match.group(1, 2)):
            found += [{"literal": match[1]}, {"literal": match[2]}]
        else:
            found.append(person)
    return found


def named_publisher(work: dict) -> None:
    """A plain name after the title that names a publisher ("Publications Office of the European Union", "OECD
    Publishing"), or that follows a title naming a report ("Cost of a data breach report 2023. IBM."), publishes it:
    no site."""
    from volume.references.bodies import CONTAINER_RE

    container = str(work.get("container-title", ""))
    if (not container or work.get("publisher") or work.get("type") not in ("webpage", "report")
            or any(work.get(k) for k in ("volume", "issue", "page")) or CONTAINER_RE.search(container)
            or NEWS_WORDS_RE.search(container)):
        return
    if PUBLISHER_NAME_RE.search(container) or REPORT_NAME_RE.search(str(work.get("title", ""))):
        work["publisher"], work["type"] = work.pop("container-title"), "report"


def _abbreviated_body(author_text: str, body: str) -> re.Match | None:
    """"Organización … Económico —OCDE. (2019). *Going digital …*": a body's name with its abbreviation after a
    dash, before the date, is the author when an italic title follows (no author's title ends on "—OCDE")."""
    from volume.references.web_notes import ABBREVIATED_BODY_RE

    return ABBREVIATED_BODY_RE.match(author_text.strip()) if body.lstrip().startswith("*") else None


def _title_first(work: dict, italic: bool) -> None:
    """APA 7 with no author, "Climate Change Basics. (2021). Environmental Defense Fund. URL": read as an author and a
    title, it is a title and its site when the second names a body or the URL's host and the first does not."""
    from volume.references.web_notes import names_a_body, names_the_site

    people, title, url = work.get("author") or [], str(work.get("title", "")), str(work.get("URL", ""))
    if (len(people) != 1 or not people[0].get("literal") or italic or not title or not url
            or any(work.get(k) for k in ("container-title", "publisher", "genre"))):
        return
    if names_the_site(title, url) and not names_a_body(people[0]["literal"], url):
        work["title"], work["container-title"] = people[0]["literal"], title
        del work["author"]


def _kind(work: dict, italic_title: bool) -> str:
    from volume.references.bodies import CONTAINER_RE

    if work.get("volume"):
        return "article-journal"
    if work.get("in-container"):
        return "paper-conference" if CONTAINER_RE.search(work["container-title"]) else "chapter"
    if re.fullmatch(THESIS_KIND, work.get("genre", ""), re.IGNORECASE):
        return "thesis"
    if SPEECH_RE.match(work.get("title", "")) or work.get("genre", "").lower() in {"speech", "testimony"}:
        return "speech"
    if work.get("genre", "").lower() == "video":
        return "motion_picture"
    if not italic_title and work.get("container-title") and work.get("container-italic"):
        return "article-newspaper"
    if work.get("publisher") and (italic_title or work.get("genre")):
        return "report" if work.get("URL") or work.get("number") else "book"
    if italic_title and work.get("number"):
        return "report"
    return "webpage"


def parse_apa(piece: Piece) -> dict:
    """A CSL-JSON item from one APA reference."""
    work: dict = {}
    if piece.authors:
        work["author"] = _two_bodies([_et_al(dict(a)) for a in piece.authors])
    parts, suffix = parse_apa_date(piece.date or "") or (None, None)
    if parts:
        work["issued"] = date_field(parts)
    if suffix:
        work["year-suffix"] = suffix
    body, links = extract_links(piece.body)
    work.update(links)
    group = None if piece.authors else (GROUP_AUTHOR_RE.match(unitalic(piece.author_text).strip())
                                         or _abbreviated_body(piece.author_text, body))
    if group:
        work["author"] = [{"literal": group["name"].strip()}]
    retrieved = RETRIEVED_FROM_RE.fullmatch(body.strip())
    if retrieved and len(work.get("author") or []) <= 1 and all(a.get("literal") for a in work.get("author") or []):
        # "AWS WAF. (n.d.). Retrieved from Amazon AWS: URL": nothing after the date but the site, so what stands in
        # the author's place is the title (APA's rule for a work with no author), and the site is the site
        work.pop("author", None)
        (title, italic), rest = _title_from_author(piece, work), ""
        work["container-title"] = retrieved["site"].strip()
    elif piece.authors or group:
        title, italic, rest = split_title(body, work)
    else:
        (title, italic), rest = _title_from_author(piece, work), body
    nested = NESTED_SYMBOL_RE.search(title)
    if nested and title[: nested.start()].strip():  # "… trust (COM(2020) 65 final)": a document's symbol, as the
        add_note(work, nested["symbol"])  # report numbers title_extras takes out, with a bracket inside it
        title = title[: nested.start()].strip()
    work["title"] = title
    thesis = THESIS_RE.match(work.get("genre", ""))
    if thesis:  # "[Doctoral dissertation, University of Oxford]": the university grants it; an archive after it is no
        work["genre"], work["publisher"] = thesis["kind"], thesis["where"].strip()  # publisher
    for element in split_elements(rest):
        bracketed = re.fullmatch(r"\[([^\[\]]+)\]\.?", element.strip())
        if bracketed and is_description(bracketed.group(1)) and not work.get("genre"):
            work["genre"] = bracketed.group(1)  # "*Malnutrition*. [Fact sheet]. URL": what the work is, not its site
        elif SYMBOLS_RE.fullmatch(element.strip(" .")):
            add_note(work, element)  # document symbols ("A/RES/71/313, E/CN.3/2018/2"): neither site nor publisher
        elif IN_CONTAINER_RE.match(element) and not italic and not work.get("container-title"):
            found = IN_CONTAINER_RE.match(element)  # "In *Proceedings of KONVENS 2016* (pp. 65–71).": no editors
            work["container-title"], work["in-container"] = found["name"].strip(), True
            if found["page"]:
                work["page"] = found["page"]
        elif PLAIN_IN_RE.match(element) and not italic and not work.get("container-title") and not re.search(
                r"\b[A-Z]\.\s|\bEds?\b", element):
            work["container-title"], work["in-container"] = PLAIN_IN_RE.match(element)["name"].strip(), True
        elif WEBSITE_RE.match(element) and not work.get("publisher") and not work.get("container-title"):
            work["publisher"] = WEBSITE_RE.match(element)["site"]
        elif italic_element(element) and not italic and not work.get("container-title"):
            _container(work, element)
            work["container-italic"] = True
        else:
            described = work.get("genre") and not MEDIA_RE.match(work["genre"])
            slot = "publisher" if italic or described or work.get("in-container") else "container-title"
            assign_plain(work, element, slot)
    _title_first(work, italic)
    work["type"] = _kind(work, italic)
    named_publisher(work)
    work.pop("container-italic", None)
    work.pop("in-container", None)
    work["note-text"] = piece.text
    return ordered(work)
