"""Build CSL-JSON items: field order, titles and their bracketed extras, elements sorted into fields."""

from __future__ import annotations

import re

from volume.references.text import split_elements, unitalic, word_list

FIELD_ORDER = word_list(
    "type author translator issued title container-title publisher publisher-place volume issue page number "
    "genre medium URL DOI accessed note locator year-suffix note-text"
)
GENRES = frozenset(
    word_list(
        "video|interview|report chapter|report|press release|blog post|podcast|audio|data set|dataset|"
        "fact sheet|policy brief|working paper|speech|testimony|transcript|map|infographic|tweet|photograph|"
        "editorial|letter|brochure|abstract|lecture|conference presentation|webinar|film|video file|op-ed",
        "|",
    )
)
NOTE_PREFIX_RE = re.compile(
    r"(?i)^(?:republished|reproduced|reprinted|first published|originally|translated|retrieved|available|"
    r"cited|citing|quoted|updated|in [A-Z][a-z]+$)"
)
LOCATOR_RE = re.compile(r"^(?:pp?\.|para\.?|paras\.|ch\.|§)\s*\S.*$")
DESCRIPTION_RE = re.compile(  # what APA 7 writes in brackets after a title to say what the work is ("[Large language
    # model]", "[Interview with M. Skok]", "[Presentation slides]"): no part of the title (a translated title is)
    r"(?i)^(?:interview|large language model|(?:computer |mobile )?(?:software|app)\b|presentation|"
    r"(?:lecture |powerpoint )?slides|(?:interactive |online )?(?:dashboard|map|graphic|tool|database)|data\b|datasets?\b|pdf\b|video|audio|"
    r"podcast|webinar|tweet|image|infographic|unpublished|doctoral|master'?s|preprint|poster|brochure|pamphlet|"
    r"white paper|technical report|source code|press release|fact sheet|blog post)")
NUMBER_RE = re.compile(r"^(?:Cable|Report|Working Paper|Policy Brief|Paper|No\.|Publication|Document)\s+\S+")


def ordered(work: dict) -> dict:
    """A CSL item with its fields in a fixed order and empty ones dropped."""
    known = {key: work[key] for key in FIELD_ORDER if work.get(key)}
    extra = {key: value for key, value in sorted(work.items()) if key not in known and value}
    return {**known, **extra}


def add_note(work: dict, text: str) -> None:
    """Append a remark to the item's note."""
    text = unitalic(text).strip(" .,;")
    if text:
        work["note"] = f"{work['note']}; {text}" if work.get("note") else text


def add_parenthetical(work: dict, text: str) -> None:
    """Sort a parenthetical or bracketed remark after a title into locator, number, genre or note."""
    inner = text.strip()[1:-1].strip()
    translator = re.fullmatch(r"(.+?),\s*(?:Trans|Tr)\.?", inner)
    if translator:
        work["translator"] = [{"literal": translator.group(1)}]
    elif LOCATOR_RE.match(inner):
        work["locator"] = inner
    elif NUMBER_RE.match(inner):
        work["number"] = inner
    elif inner.lower() in GENRES:
        work["genre"] = inner
    else:
        add_note(work, inner)


def is_description(inner: str) -> bool:
    """Whether a bracketed phrase after a title says what the work is ("Data set", "Interview with M. Skok")."""
    return inner.lower() in GENRES or bool(DESCRIPTION_RE.match(inner.strip()))


TRAILING_NUMBER_RE = re.compile(  # a title's trailing edition, version, release or report number: "(3rd ed.)",
    # "(Release 0.15.2)", "(Report 4186)", "(arXiv:2203.05794)", "(NREL/PR-7A40-89172)" — never an acronym "(SDGs)"
    r"\s*\(((?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+|rev\.|updated)\s+ed\.?|(?:version|release|v\.)\s*\d[^()]*|"
    r"[\w .,-]{1,30}\d[\w .,-]{0,20}\bversion|"
    r"(?:report|working paper|paper|brief|publication|document)\s+(?:no\.\s*)?\d[^()]*|arXiv:\s*\S+|"
    r"[A-Z]{2,}[\w.]*[/-](?=[\w./-]*\d)[\w./-]+|[A-Z]{2,}\s+\d{2,}[-/.]\d[\w./-]*)\)$", re.IGNORECASE)


def title_extras(title: str, work: dict) -> str:
    """A title without a trailing genre label ("[Interview]"), which goes to the genre field, nor a trailing edition,
    version or report number ("(3rd ed.)", "(Report 4186)"), which go to the number or the note."""
    while True:
        match = re.search(r"\s*\[([^\[\]]+)\]$", title)
        if match and is_description(match.group(1)) and title[: match.start()].strip():
            work["genre"] = match.group(1)
            title = title[: match.start()].strip()
            continue
        match = TRAILING_NUMBER_RE.search(title)
        if match and title[: match.start()].strip():
            add_parenthetical(work, f"({match.group(1)})")
            title = title[: match.start()].strip()
            continue
        return title


def split_title(body: str, work: dict) -> tuple[str, bool, str]:
    """The title that opens a text, whether it was in italics, and the rest."""
    body = body.strip()
    if body.startswith("*") and body.find("*", 1) > 1:
        close = body.find("*", 1)
        title, rest = body[1:close].strip(), body[close + 1 :]
        while True:
            match = re.match(r"\s*(\[[^\[\]]*\]|\([^()]*(?:\([^()]*\)[^()]*)*\))", rest)
            if not match:
                break
            extra = match.group(1)
            if extra.startswith("[") and not is_description(extra[1:-1]):
                title = f"{title} {extra}"
            else:
                add_parenthetical(work, extra)
            rest = rest[match.end() :]
        return title.rstrip(" ."), True, rest.lstrip(" .")
    elements = split_elements(body)
    if not elements:
        return "", False, ""
    title = elements[0]
    if title.endswith("?") and len(elements) > 2 and not elements[1].startswith("*"):
        title = body[: body.find(elements[1]) + len(elements[1])]  # a question, then its subtitle
    rest = body[body.find(title) + len(title) :].lstrip(" .")
    return title_extras(unitalic(title), work), False, rest


def italic_element(element: str) -> tuple[str, str] | None:
    """An element opening with an italic name: (the name, what follows it)."""
    if element.startswith("*") and element.find("*", 1) > 1:
        close = element.find("*", 1)
        return element[1:close].strip(), element[close + 1 :].strip(" ,.")
    return None


def assign_plain(work: dict, element: str, slot: str) -> None:
    """A plain element: the first fills the slot (container-title or publisher); later ones are remarks."""
    text = unitalic(element).strip(" ,.")
    if not text:
        return
    remark = re.search(r"\s*\(([^()]+)\)$", text)
    if remark and remark.group(1)[:1].islower() and text[: remark.start()].strip():
        add_note(work, remark.group(1))
        text = text[: remark.start()].strip()
    if NOTE_PREFIX_RE.match(text) or work.get(slot):
        add_note(work, text)
        return
    work[slot] = text
    place = PUBLISHER_PLACE_RE.fullmatch(text) if slot == "publisher" and not work.get("publisher-place") else None
    if place and _known_place(place["place"]):  # "Cambridge Univ. Press, Cambridge": the place after the publisher
        work["publisher"], work["publisher-place"] = place["publisher"], place["place"]


PUBLISHER_PLACE_RE = re.compile(r"(?P<publisher>[^,]{3,}?),\s+(?P<place>[^\W\d_][\w.\- ]*[^\W\d_])")
MORE_PLACES = frozenset(word_list(  # places of the Turkish, German and Spanish lists, beyond lexicon's
    "izmir bursa konya kocaeli eskişehir adana antalya trabzon erzurum samsun kayseri edinburgh edinburg "
    "münster freiburg mainz dresden düsseldorf hannover bremen nürnberg graz innsbruck salzburg basel bern "
    "sevilla valencia bogotá méxico quito lima santiago caracas buenos aires"))


def _known_place(text: str) -> bool:
    """A place name the lists know ("Cambridge", "New York", "İstanbul"), one to three words."""
    from volume.references.lexicon import PLACES

    words = text.lower().split()
    return 1 <= len(words) <= 3 and all(w in PLACES or w in MORE_PLACES for w in words)
