"""Read one reference: the house rules and the sequence labeller each give a work; keep the one to trust, with a
confidence, or keep the text as written when neither can be trusted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from volume.references import calibration, labeller, shapes
from volume.references.assemble import assemble
from volume.references.chicago_notes import parse_chicago_note
from volume.references.checks import LIST_NUMBER_RE, ambiguities, doubts, leftover_words, repair
from volume.references.din import parse_din
from volume.references.french import parse_french
from volume.references.gost import parse_gost
from volume.references.mla import parse_mla
from volume.references.title_checks import subtitle_as_site
from volume.references.vancouver import parse_vancouver
from volume.references.keys import first_author, normal_text, year
from volume.references.name_checks import names_really_differ, names_took_title_words
from volume.references.names import is_organisation
from volume.references.urls import find_urls

KEEP_BELOW = 0.88  # a reading whose calibrated confidence (volume.references.calibration) is below this is kept as
# written: the lowest threshold at which no tuning set (dev, tune-anystyle, tune-fresh, the fit half of tune-eval1)
# mangles more than before the calibration (round 4), measured with `python3 bench/references.py SET --threshold T`
AGREEING_TITLE = 90  # similarity (rapidfuzz ratio) at which the rules' title and the labeller's are one title
JOURNAL_TAIL_RE = re.compile(r"\d+\s*\([^)]*\)|,\s*\d+\s*[-–]\s*\d+\s*$|^\s*(?:in|dans)\b|\s\d+$", re.IGNORECASE)
ACCESS_WORDS_RE = re.compile(r"\b(?:available|accessible|retrieved|accessed)\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d/.-])(1[6-9]\d\d|20[0-4]\d)(?![\d/])")
PAGE_CITED_RE = re.compile(r"(?<![\w/])(?:pp?|S|с|стр)\.\s*\d+")
PART_ONLY_RE = re.compile(r"\s*(?:in|dans|im|в)\s*:\s", re.IGNORECASE)  # "In: Journal …" with the part's authors and title
# left before it (taken for a remark): only the container


@dataclass(frozen=True)
class Verdict:
    """The work to print (None: keep the text as written), how sure the reader is, and why it kept it."""

    work: dict | None
    confidence: float
    method: str
    reason: str = ""
    locator: str | None = None
    signals: dict | None = None  # what the calibrated confidence is computed from (volume.references.calibration)


def _first_key(work: dict) -> str | None:
    people = work.get("author") or work.get("editor") or []
    if not people:
        return None
    return first_author({"author": people})


def agree(rules: dict, model: dict) -> bool:
    """Whether two readings of one reference give the same first author, year and title."""
    if _first_key(rules) != _first_key(model) or year(rules) != year(model):
        return False
    a, b = normal_text(rules.get("title", "")), normal_text(model.get("title", ""))
    return bool(a) and bool(b) and fuzz.ratio(a, b) >= AGREEING_TITLE


def rules_look_sound(work: dict, text: str) -> bool:
    """The house rules' reading has the shape they were written for: a title, an author without stray words or
    digits, no journal tail in a container, nothing left over, no year lost."""
    from volume.references.lexicon import PLACES

    if not work.get("title") and not work.get("URL"):
        return False
    container = work.get("container-title", "")
    if container and JOURNAL_TAIL_RE.search(container):
        return False
    for person in work.get("author") or []:
        literal = person.get("literal", "")
        if YEAR_RE.search(literal) or re.match(r"[^\W\d_][\w'’-]+,\s+[^\W\d_]\.", literal) or len(literal.split()) > 12:
            return False
    title = work.get("title", "")
    head = title.split(": ", 1)[0]
    if not work.get("author") and ": " in title and len(head.split()) >= 2 and is_organisation(head):
        return False  # "World Health Organization: Statement on …": an author the rules took for the title
    if re.search(r"^[^\W\d_][\w'’-]+,?\s+[^\W\d_]\.?\s*\(\d{4}|^[^\W\d_][\w'’-]+,\s+[^\W\d_]\.\s", title):
        return False
    publisher = work.get("publisher", "")
    if re.search(r"[():]|^(?:no|vol|pp?)\.", publisher) or publisher.lower() in PLACES:
        return False
    if any(ACCESS_WORDS_RE.search(str(work.get(k, ""))) for k in ("title", "container-title", "publisher")):
        return False
    note = work.get("note", "")
    if note.count(";") >= 2 or YEAR_RE.search(note):
        return False
    if _lost_year(text, work):
        return False
    return "*" in text or "“" in text or '"' in text or bool(work.get("URL"))


SECONDARY = ("container-title", "volume", "issue", "page", "publisher", "publisher-place")


def fields_differ(rules: dict, model: dict) -> bool:
    """Whether the two readings give different values for a field both of them have."""
    return any(rules.get(k) and model.get(k) and normal_text(str(rules[k])) != normal_text(str(model[k]))
               for k in SECONDARY)


def _lost_year(text: str, work: dict) -> bool:
    """A year stands in the text (outside URLs) but the reading has none, or a different one."""
    bare = text
    for start, end, _url in reversed(find_urls(text)):
        bare = bare[:start] + bare[end:]
    years = {int(y) for y in YEAR_RE.findall(bare)}
    if not years:
        return False
    found = year(work)
    return found is None and not re.search(r"\bn\.\s?d\.|\bs\.\s?d\.|accessed|retrieved|consult", bare, re.IGNORECASE)


def model_confidence(reading, text: str) -> float:
    """The labeller's confidence in the fields it would print, lowered for each structural doubt."""
    work = reading.work
    printed = [v for k, v in reading.confidence.items() if k in work]
    confidence = min(printed) if printed else 0.0
    if not work.get("title"):
        confidence = min(confidence, 0.3)
    for _problem in reading.problems:
        confidence *= 0.6
    if _lost_year(text, work):
        confidence *= 0.5
    return confidence


def read_with_model(text: str):
    """The labeller's reading of a reference, and its confidence; None if the model is not installed."""
    if not labeller.available():
        return None, 0.0
    reading = drop_unsure_extras(assemble(labeller.label(text)))
    return reading, model_confidence(reading, text)


@dataclass(frozen=True)
class Readings:
    """Each labeller's whole reading of one reference, repaired as a work to print would be (the first with the
    editors it is unsure of; empty where a model is not installed): assembled once per reference, and compared
    with the work to print by the second opinion and the confirmation."""

    first: dict
    second: dict


def labellers_readings(text: str, first: bool = True, second: bool = True) -> Readings:
    """Both labellers' readings of a reference (only those asked for: the others are left empty)."""
    work = repair(assemble(labeller.label(text)).work, text) if first and labeller.available() else {}
    return Readings(work, _second_reading(text) if second else {})


OPTIONAL_FIELDS = ("editor",)  # left out, rather than the whole reading kept, when unsure
OPTIONAL_SURE = 0.9


def drop_unsure_extras(reading):
    """A reading without the editors the labeller is unsure of: a bibliography entry without them is
    incomplete, one with wrong ones is a published error. A field read twice, or names that are no person, are
    a boundary the labeller got wrong: those doubts stay."""
    for key in OPTIONAL_FIELDS:
        if key not in reading.work:
            continue
        unmarked = [p for p in reading.problems if p == "editors without an editor's mark" and key == "editor"]
        if reading.confidence.get(key, 0.0) < OPTIONAL_SURE or unmarked:
            del reading.work[key]
            reading.confidence.pop(key, None)
            reading.problems = [p for p in reading.problems if p not in unmarked]
    return reading


UNFAMILIAR = "a form unlike every reference the parser was checked on"  # shapes.gate(): kept, whatever the readers say
DOUBTFUL = 0.2  # the confidence of a reading that fails a plausibility check (volume.references.checks)
# Calibrated on the tuning sets (`python3 bench/references.py <set> --tune`, and by method with --by-method): the
# house rules were written for the house forms; on strings they were not written for (tune-fresh) a reading of
# theirs that the labeller does not confirm was right 2 times in 7, so alone they are not trusted.
RULES_ALONE = 0.6  # the house rules, sound in shape, but the labeller reads another author, year or title
HOUSE_FORM = 0.95  # … unless the reference is in the house form they were written for (APA's "Author. (Date).
# Title. …"), and the fields they read account for every word of it
WHOLE_READER = 0.95  # the GOST reader, which reads a reference whole or not at all
AGREED = 0.95  # rules and labeller agree on author, year and title, and on every other field both read
DISAGREE_ON_FIELD = 0.8  # they agree on author, year and title but read another journal, publisher, volume, …
SITE_OR_PUBLISHER = ("container-title", "publisher")
HOUSE_FLOOR = 0.2  # below this calibrated confidence even the house form read whole is kept as written (the
# default volume's house-form notes, as the build reads them, score 0.29 and up; 1.01 would calibrate the house form too)
TRUSTED_FORMS = ("apa",)  # the forms read whole whose rules' reading is trusted over the calibrated confidence: APA's
# "Author. (Date). Title. Site. URL", the default volume's notes (246 of its 257 references). A Chicago note read whole
# ("Given Family, “Title,” Site, Date, URL") is calibrated like any other reading: foreign Chicago notes were the
# house rules' most frequent misreadings (eval2, round 5: 13.8% of its Chicago notes mangled)
SECOND_ASKED = 0.7  # a reading the rules confirm, this confident, and that the second labeller reads field for field
SECOND_AGREES = 0.92  # alike, is printed with this confidence


def outvoted_authors(work: dict, readings: Readings) -> list[str]:
    """A doubt when both labellers, each on its own, read one number of authors (at least one) and the rules read
    another: the rules joined a list of names into one body or split it ("Mandal A, Deshmukh, S.G." read as one
    organisation, names before a quoted title left out). The labellers often leave an organisation's name out of
    every field (the default volume's "Asia-Plus."), which contradicts nothing."""
    if not (readings.first and readings.second):
        return []
    counts = {len(reading.get("author") or []) for reading in (readings.first, readings.second)}
    found = counts.pop()
    if counts or found == 0 or found == len(work.get("author") or []):
        return []
    return ["both labellers read another number of authors"]


def _settle_fields(rules: dict, model: dict) -> tuple[dict, list[str]]:
    """The rules' work once the two readings are compared field by field: a name one reads as the site
    (container) and the other as the publisher is left out (styles print them differently, and the reading
    cannot tell which it is); the fields on which they still differ are returned."""
    work = dict(rules)
    a, b = (normal_text(str(rules.get(k, ""))) for k in SITE_OR_PUBLISHER)
    c, d = (normal_text(str(model.get(k, ""))) for k in SITE_OR_PUBLISHER)
    if (a and a == d and a != c) or (b and b == c and b != d):
        for key in SITE_OR_PUBLISHER:
            if normal_text(str(work.get(key, ""))) in (a if a == d else "", b if b == c else ""):
                work.pop(key, None)
    differ = [k for k in SECONDARY if work.get(k) and model.get(k)
              and normal_text(str(work[k])) != normal_text(str(model[k]))]
    return work, differ


WHOLE_READERS = (("mla", parse_mla), ("chicago-note", parse_chicago_note), ("gost", parse_gost),
                 ("vancouver", parse_vancouver), ("din", parse_din), ("french", parse_french))
MARKED_READERS = ("gost", "din", "french", "mla", "chicago-note")
# the readers whose whole readings need no labeller's agreement: the
# labellers were trained on English styles and read these standards' marks ("//", "– С.", "(Hrsg.):", "NOM Prénom")
# poorly (round 14, every fit half: 94 of their 99 readings without a doubt right, 46 of them kept for the calibration).
# Trusted even where the labeller read another field or the second labeller other people, two check halves printed
# 4 works more wrong (tune-r11/check, tune-r12-lang/check): those two still keep a reading. MLA's reader (round
# 15) reads English entries whole by its style's grammar, or not at all
SENTENCE_RE = re.compile(r"[^\W\d_]{2,}\.\s+[^\W\d_]")


def whole_reading(text: str) -> tuple[str, dict | None]:
    """The first of the whole readers (GOST, Vancouver, DIN, French NOM Prénom) that reads the reference, by name."""
    for name, read in WHOLE_READERS:
        work = read(text)
        if work is not None:
            return name, work
    return "", None


def _people_named(work: dict) -> bool:
    return any("family" in person for person in work.get("author") or [])


def marked_whole(work: dict) -> bool:
    """Whether a whole reader's reading leaves nothing for a labeller to settle: it names its people, or its title
    holds no sentence that may be an organisation's or a site's name ("Anthropic. API reference. …")."""
    return bool(work.get("author") or work.get("editor")) or not SENTENCE_RE.search(str(work.get("title", "")))


def decide(text: str, rules_work: dict | None, threshold: float = KEEP_BELOW, house: bool | str = False,
           prose: bool = False) -> Verdict:
    """The reading to print for one reference, or the reason to keep it as written; house: the form the rules
    read it in ("apa", "chicago", "chicago-anon"; True for "apa"). Which reading is chosen does not depend on the
    threshold; only whether it is printed does."""
    form = "apa" if house is True else (house or "")
    numbered = LIST_NUMBER_RE.match(text)
    if numbered and re.match(r"[^\W\d_]|[“\"«‘*]", text[numbered.end():]):
        text = text[numbered.end():]  # "12. Smith, J. …", "[4] J. Smith, …": the list's number is no part of it
    if PART_ONLY_RE.match(text):
        return Verdict(None, 0.0, "none", "the reference begins with 'In': the work it is part of was not found")
    reading, confidence = read_with_model(text)
    if reading is None:
        if rules_work:
            return Verdict(rules_work, RULES_ALONE, "rules")
        return Verdict(None, 0.0, "none", "not recognised (no labeller installed)")
    locator = reading.locator
    sound = bool(rules_work) and rules_look_sound(rules_work, text)
    alone, reader = RULES_ALONE, ""
    if rules_work is None:  # a GOST or Vancouver reference: their own readers, which read it whole or not at all
        reader, rules_work = whole_reading(text)
        sound, alone = rules_work is not None, WHOLE_READER
    differ: list[str] = []
    covered = bool(form) and sound and not leftover_words(rules_work, text)  # the house form, read whole
    if rules_work and agree(rules_work, reading.work) and covered:
        work, confidence, method = rules_work, max(confidence, AGREED), "rules+model"  # the rules' conventions
    elif rules_work and agree(rules_work, reading.work) and sound:
        work, differ = _settle_fields(rules_work, reading.work)
        confidence, method = (DISAGREE_ON_FIELD if differ else max(confidence, AGREED)), "rules+model"
    elif rules_work and agree(rules_work, reading.work):  # the key fields confirmed, the rest from the model
        work, method = {**reading.work, "note-text": text}, "model+rules"
        confidence = min(1.0, confidence + 0.1)
    elif sound:
        if covered and alone == RULES_ALONE:
            alone = HOUSE_FORM
        work, confidence, method = rules_work, alone, "rules"
    else:
        work, method = {**reading.work, "note-text": text}, "model"
    work = repair(work, text)
    doubt = doubts(work, text) + (ambiguities(work, text) if method == "model" else [])
    cited = PAGE_CITED_RE.search(text) if method.startswith("model") and not locator and not work.get("page") else None
    if cited and re.match(r"\s*[-–—]\s*\d", text[cited.end():]):
        doubt.append("pages cited, read as no field")  # restyled without them, the note would lose its pages
    elif cited:
        locator = cited.group()  # "…, p. 2, navy.mil/": the page the note cites, which the labeller left out
    shape_doubts = list(doubt)
    trusted = covered and form in TRUSTED_FORMS  # the house form itself: the rules' own reading, not asked again
    marked = (reader in MARKED_READERS and method.startswith("rules") and not doubt and not differ
              and marked_whole(rules_work))  # a labeller that reads another journal or publisher still keeps it
    readings = labellers_readings(text, first=covered, second=covered or not doubt)  # those asked for below
    if covered:  # the house form read whole: the one place both labellers' whole readings are at hand
        outvoted = outvoted_authors(work, readings) + (subtitle_as_site(work) if form == "apa" else [])
        doubt, shape_doubts = doubt + outvoted, shape_doubts + outvoted
    second = [] if trusted or doubt else second_opinion(work, text, readings.second)
    marked = marked and not (_people_named(work) and any("authors" in s or "year" in s for s in second))  # people
    # or a year the second labeller reads otherwise keep a whole reading too; its other title or site does not (the
    # labellers take an untitled site's name for its author: "Разработка WebXR … : [сайт] / Microsoft")
    alike = (method == "model+rules" and not doubt and confidence >= SECOND_ASKED
             and _read_alike(work, text, readings.second))
    heuristic = confidence
    doubt = doubt + second
    if alike:
        confidence = SECOND_AGREES  # the rules' author, year and title, and a second labeller that reads every
        # field as the first: three readings agree
    if doubt:
        confidence = min(confidence, DOUBTFUL)
    confirmed = confirmed_share(work, text, readings) if covered else 0.0
    trusted = trusted or covered and confirmed == 1.0 and not doubt  # a Chicago note read whole that both
    # labellers read field for field as the rules do
    trusted = trusted or marked  # a GOST, DIN or French reading whose every area sits where its standard puts it
    signals = calibration.signals(text, work, method, heuristic=heuristic, confidence=confidence,
                                  doubts=shape_doubts, second=second, alike=alike, covered=covered, sound=sound,
                                  differ=differ, prose=prose, form=form if covered else "",
                                  confirmed=confirmed, reader=reader if marked else "")
    calibrated = calibration.score(signals)
    if calibrated is not None and not (trusted and calibrated >= HOUSE_FLOOR):
        confidence = calibrated
    elif marked:  # the whole reader trusted: the calibration does not lower it
        confidence = max(confidence, calibrated or 0.0, WHOLE_READER)
    # the house form read whole keeps the rules' confidence unless the calibrated one is very low: the forms they were
    # written for (the default volume's notes) are read as they always were
    unfamiliar = signals["shape_novelty"] > shapes.gate()
    if unfamiliar:  # a form no tuning string comes near: no rule or check was ever tried on it
        confidence = min(confidence, DOUBTFUL)
    if confidence >= threshold:
        return Verdict(work, confidence, method, locator=locator, signals=signals)
    reason = doubt[0] if doubt else (f"the rules and the labeller read the {differ[0]} differently" if differ
                                     else UNFAMILIAR if unfamiliar else _why(reading, confidence))
    if method == "rules" and not doubt and not unfamiliar:
        reason = "the labeller does not confirm the author, year or title"
    return Verdict(None, confidence, method, reason, locator, signals)


PARTICLES = frozenset("le la de du des da di del della van von der den ten ter al el bin ibn".split())


def _same_first_person(work: dict, other: dict) -> bool:
    """Whether two readings' first authors (or editors) are one person: the same family name but for a particle one
    reading took for a given name ("Le Corre, P." read as family "Corre", given "Le")."""
    a, b = (((w.get("author") or w.get("editor") or [{}])[0]) for w in (work, other))
    if not a or not b:
        return not a and not b

    def family(person: dict) -> list[str]:
        return [w for w in normal_text(str(person.get("family") or person.get("literal") or "")).split()
                if w not in PARTICLES]

    return _first_key(work) == _first_key(other) or bool(family(a)) and family(a) == family(b)


def _second_reading(text: str) -> dict:
    """The second labeller's work for a reference (empty when its model is not installed)."""
    if not labeller.second_available():
        return {}
    return repair(assemble(labeller.label(text, second=True)).work, text)


ALIKE_FIELDS = ("title", "container-title", "volume", "issue", "page", "publisher", "publisher-place", "DOI", "URL")


def _read_alike(work: dict, text: str, other: dict | None = None) -> bool:
    """Whether the second labeller reads every field of the work as it stands, and no other field; other: its
    reading, when already made."""
    other = _second_reading(text) if other is None else other
    if not other or second_opinion(work, text, other) or year(work) != year(other):
        return False
    people = [normal_text(str(p.get("family") or p.get("literal") or "")) for p in work.get("author") or []]
    if people != [normal_text(str(p.get("family") or p.get("literal") or "")) for p in other.get("author") or []]:
        return False
    return all(normal_text(str(work.get(k, ""))) == normal_text(str(other.get(k, ""))) for k in ALIKE_FIELDS)


def second_opinion(work: dict, text: str, other: dict | None = None) -> list[str]:
    """Where the second labeller (other features, labeller.SECOND) reads the reference otherwise than the work
    to print: its first author, number of authors, year, title, or the journal, site or publisher. A reading that
    two independent readers make alike is printed; one they disagree on is kept as written. other: the second
    labeller's reading, when already made."""
    other = _second_reading(text) if other is None else other
    if not other:
        return []
    if (not _same_first_person(work, other) or len(work.get("author") or []) != len(other.get("author") or [])) \
            and names_really_differ(work, other, text):
        return ["a second reading names other authors"]
    if year(work) != year(other) and year(other) is not None:
        return ["a second reading finds another year"]
    title = str(work.get("title", "")).strip()
    a, b = normal_text(title), normal_text(other.get("title", ""))
    bracketed = title.startswith("[") and title.endswith("]")  # APA's description: the brackets are its bounds
    if not bracketed and (not b or fuzz.ratio(a, b) < AGREEING_TITLE) and not names_took_title_words(work, other):
        return ["a second reading ends the title elsewhere"]
    for key, twin in (("container-title", "publisher"), ("publisher", "container-title")):
        mine = normal_text(str(work.get(key, "")))
        if mine and (normal_text(str(other.get(twin, ""))) == mine
                     or other.get(key) and fuzz.partial_ratio(mine, normal_text(str(other[key]))) < AGREEING_TITLE):
            return [f"a second reading reads the {key.replace('container-title', 'journal or site')} otherwise"]
    return []


def _why(reading, confidence: float) -> str:
    if reading.problems:
        return reading.problems[0]
    if not reading.work.get("title"):
        return "no title found"
    weakest = min(reading.confidence, key=reading.confidence.get) if reading.confidence else "fields"
    return f"unsure of the {weakest.replace('container-title', 'journal or site')} ({confidence:.2f})"


CONFIRMED_FIELDS = ("container-title", "publisher", "publisher-place", "volume", "issue", "page", "URL", "DOI")


def _people_words(work: dict) -> list[list[str]]:
    """Each author's (or editor's) name as its sorted words: "Massis Post" read as one body or as a person is one
    name either way."""
    people = work.get("author") or work.get("editor") or []
    return [sorted(normal_text(" ".join(str(p.get(k, "")) for k in ("literal", "given", "family"))).split())
            for p in people]


def _confirmed_by(work: dict, other: dict) -> tuple[int, int]:
    """How many of the fields compared the other reading reads alike, and how many were compared. A field only
    one reading has is compared when the other reads a value the work lacks, or reads the work's value into another
    field; a year or field the other reader leaves unread is not (the labellers often leave a note's date or site
    out of every field, which contradicts nothing)."""
    agreed = compared = 0
    people = (_people_words(work), _people_words(other))
    if any(people):
        agreed, compared = int(people[0] == people[1]), 1
    if year(work) is not None and year(other) is not None:
        agreed, compared = agreed + (year(work) == year(other)), compared + 1
    title = fuzz.ratio(normal_text(str(work.get("title", ""))), normal_text(str(other.get("title", ""))))
    agreed, compared = agreed + (title >= AGREEING_TITLE), compared + 1
    elsewhere = " | ".join(normal_text(str(other.get(k, ""))) for k in ("title", *CONFIRMED_FIELDS))
    for key in CONFIRMED_FIELDS:
        mine, theirs = normal_text(str(work.get(key, ""))), normal_text(str(other.get(key, "")))
        if mine and not theirs and mine not in elsewhere:
            continue  # left out by the other reader
        if mine or theirs:
            agreed, compared = agreed + (mine == theirs), compared + 1
    return agreed, compared


def confirmed_share(work: dict, text: str, readings: Readings | None = None) -> float:
    """The share of the reading's fields that both labellers, each on its own, read as it does (the lower of the two);
    1.0 when two readers of other kinds confirm the reading field by field. readings: both labellers' readings,
    when already made."""
    readings = readings or labellers_readings(text)
    readers = [other for other in (readings.first, readings.second) if other]
    shares = [agreed / compared if compared else 0.0 for agreed, compared in (_confirmed_by(work, r) for r in readers)]
    return min(shares) if shares else 0.0
