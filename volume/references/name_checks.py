"""Doubts about the people of a reading: a name with a digit, a role word or a date in it, people kept as one
name, an organisation read as people, a byline, a name that runs into the title."""

from __future__ import annotations

import re

from volume.references.bodies import MONTHS_OF_DATES, org_like


ROLE_WORD_RE = re.compile(r"\b(?:eds?|editors?|hrsg|trans|transl)\b\.?", re.IGNORECASE)
NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s+(?:and|&|und|et|и)\s+|,\s*)")
def editors_in_the_authors(work: dict, text: str) -> bool:
    """"Bekiari, Chryssoula, Martin Doerr, … et Pat Riva, dir. 2015. *Title*": authors and editors both read from
    the names before the title, with no "In" before a book's editors: one list, the mark after it for all of them."""
    title = str(work.get("title", ""))[:20]
    if not (work.get("author") and work.get("editor") and title and title in text):
        return False
    if re.search(r"(?i)(?:^|[\s.,])(?:in|dans|im|en)\s*:?\s|edited by|ed\. by|hrsg", text):
        return False
    editor = str(work["editor"][0].get("family") or work["editor"][0].get("literal") or "")
    return bool(editor) and -1 < text.find(editor) < text.find(title)


def second_given_unknown(person: dict, text: str) -> bool:
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
def people_in_literal(literal: str) -> bool:
    """"Joe Gould and Bryant Harris", "Luque-Fernandez MA, Daniel Redondo Sanchez": a list of two or more names,
    each of two to four capitalised words and none an organisation's, kept as one name."""
    parts = [p for p in NAME_LIST_SPLIT_RE.split(literal.strip(" .,")) if p]
    if len(parts) < 2 or org_like(literal):
        return False
    return all(2 <= len(p.split()) <= 4 and all(w[:1].isupper() for w in p.split()) for p in parts)


def name_doubts(work: dict, text: str) -> list[str]:
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
        if any(org_like(str(person.get(k, ""))) or ":" in str(person.get(k, "")) for k in ("family", "given")):
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
    return (2 <= len(words) <= 3 and first in GIVEN_NAMES and not org_like(literal)
            and all(w[:1].isupper() for w in words))


NAME_JOINERS = frozenset("and & und et al y e ve и i eds ed hrsg hg dir".split())
INITIAL_RE = re.compile(r"^(?:[^\W\d_]\.\s?)+$|^[^\W\d_]{1,2}$")


def _words(person: dict) -> set[str]:
    return set(_normal(" ".join(str(person.get(k, "")) for k in ("literal", "given", "family"))).split())


def _well_formed(person: dict) -> bool:
    """A person split into family and given name, or a body's name of a few words with no comma, full stop or
    slash in it ("HCL Software", not "Davis, P.H., Tan" nor "Kerbl, B. 3D Gaussian Splatting …")."""
    literal = str(person.get("literal", ""))
    if not literal:
        return bool(person.get("family"))
    return len(literal.split()) <= 6 and not re.search(r"[,/]|\w\.\s|\d", literal)


READ_FIELDS = ("title", "container-title", "publisher", "publisher-place")


def names_really_differ(work: dict, other: dict, text: str) -> bool:
    """Whether a second reading whose first author or number of authors is not the work's names other people, or
    only writes the same people in another convention, or is the one that went wrong in a way that contradicts no
    name of the work: the same names with the words split otherwise ("HCL Software" read as given "HCL", family
    "Software"); no author at all where the work's first name opens the reference (unless it reads that name as the site or
    publisher); the work's names run together with
    each other or with the title and what follows it into one unsplit name ("Blei, D. M., Ng, A. Y., Jordan, M. I. Latent Dirichlet
    Allocation", "Irmak, M.A. ve Yılmaz"), or cut short ("BOIS DE" for "BOIS DE GAUDUSSON", the header name alone for
    a GOST list after the slash); the opening words of a title read as a name where the work has no author
    ("О персональных данных : Федеральный закон …", "Git Documentation // Git : [сайт]")."""
    mine, theirs = work.get("author") or [], other.get("author") or []
    if sorted(map(sorted, map(_words, mine))) == sorted(map(sorted, map(_words, theirs))):
        return False
    title = set(_normal(work.get("title", "")).split())
    if not mine:
        return not (theirs and all(_words(p) <= title for p in theirs)
                    and not any(INITIAL_RE.match(str(p.get("given", "")).strip()) for p in theirs))
    if not all(_well_formed(p) for p in mine):
        return True
    opening = _normal(re.sub(r"^\s*\[?\d{1,3}[.)\]]?\s+", "", text)).split()[:2]
    first = _normal(str(mine[0].get("family") or mine[0].get("literal") or "")).split()[:1]
    if not theirs:  # left out, not named otherwise; but a body the second reading takes for the site or publisher
        # ("Eurasianet, "Title," July 25, 2022"): its role is what the readings disagree on
        elsewhere = set(_normal(" ".join(str(other.get(k, "")) for k in ("container-title", "publisher"))).split())
        return not (first and first[0] in opening) or bool(_words(mine[0]) & elsewhere)
    people = [_words(p) for p in mine]
    named = set().union(*people)
    fields = set(_normal(" ".join(str(work.get(k, "")) for k in READ_FIELDS)).split())
    unsplit = False
    for person in theirs:
        words = _words(person)
        covered = set().union(*(p for p in people if p and p <= words))
        if not words <= named | fields | NAME_JOINERS or not (covered or words < named):
            return True
        unsplit = unsplit or bool(covered and words - covered - NAME_JOINERS) or not covered and words < named
    return not (unsplit and len(theirs) <= len(mine))


def names_took_title_words(work: dict, other: dict) -> bool:
    """Whether the second reading read words of the work's title into its names ("Robertson, S. E. Understanding
    Inverse Document Frequency" as one name, "Causality" as an author of "Causality: Models, Reasoning, and
    Inference"): its title then starts or ends elsewhere because of how it split the names, which says nothing of
    where the work's title ends."""
    title = set(_normal(work.get("title", "")).split())
    named = set().union(*(_words(p) for p in work.get("author") or work.get("editor") or []))
    return any(_words(p) & title - named - NAME_JOINERS for p in other.get("author") or [])


def _normal(text) -> str:
    from volume.references.keys import normal_text

    return normal_text(str(text))
