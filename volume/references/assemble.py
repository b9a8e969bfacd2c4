"""Turn a labelled reference into a CSL-JSON work, with a confidence for each field and for the whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from volume.references.dates import ACCESS_BEFORE_YEAR, ACCESS_WORDS, date_field, find_date
from volume.references.keys import year as year_of
from volume.references.labeller import Labelled
from volume.references.labels import FIELD_OF
from volume.references.name_lists import split_people
from volume.references.relabel import relabel
from volume.references.urls import clean_url, doi_from_url

STRIP = " \t.,;:/\\*“”\"'‘’«»„()[]"
PREFIX_RE = {
    "container": re.compile(r"^(?:in|dans|en|im|//|в)\s*:?\s+", re.IGNORECASE),
    "volume": re.compile(r"^(?:vol(?:ume)?s?|bd|band|t|т|tome|jg|jahrgang|том)\.?\s*", re.IGNORECASE),
    "issue": re.compile(r"^(?:no|nos|nr|n°|№|issue|iss|heft|h|вып|выпуск|número)\.?\s*", re.IGNORECASE),
    "pages": re.compile(r"^(?:pp?|pages?|s|с|стр|pg)\.?\s*", re.IGNORECASE),
}
NO_DATE_RE = re.compile(r"^\(?\s*(?:n\.\s?d|s\.\s?d|o\.\s?j|б\.\s?г|undated|no date)\.?\s*\)?$", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@dataclass
class Reading:
    """What the labeller read: the CSL-JSON work, each field's confidence, and the note's locator."""

    work: dict
    confidence: dict[str, float] = field(default_factory=dict)
    locator: str | None = None
    problems: list[str] = field(default_factory=list)


def _runs(labelled: Labelled) -> list[tuple[str, int, int]]:
    """Maximal runs of one label (start and end token index, end exclusive); lone punctuation labelled
    "other" between two tokens of the same label does not break a run."""
    runs: list[tuple[str, int, int]] = []
    labels, tokens = labelled.labels, labelled.tokens
    for i, lab in enumerate(labels):
        if lab == "other":
            continue
        if runs and runs[-1][0] == lab:
            gap = range(runs[-1][2], i)
            if all(labels[k] == "other" and tokens[k].kind == "punct" for k in gap) and len(gap) <= 2:
                runs[-1] = (lab, runs[-1][1], i + 1)
                continue
        runs.append((lab, i, i + 1))
    return runs


def _text(labelled: Labelled, start: int, end: int) -> str:
    value = labelled.text[labelled.tokens[start].start: labelled.tokens[end - 1].end]
    tokens = labelled.tokens
    for opening, closing in (("(", ")"), ("[", "]")):
        if value.count(opening) > value.count(closing) and end < len(tokens) and tokens[end].text == closing:
            value = labelled.text[tokens[start].start: tokens[end].end]  # "(IJCAI-91" and its ")" left out
    return value


def _confidence(labelled: Labelled, start: int, end: int) -> float:
    values = [labelled.marginals[i] for i in range(start, end) if labelled.tokens[i].kind != "punct"]
    return min(values) if values else 0.0


def _clean(value: str, label: str) -> str:
    italic_start = value.lstrip().startswith("*")  # "*In These Times*": the "In" is the name's own
    value = " ".join(value.replace("*", " ").split())
    prefix = PREFIX_RE.get(label)
    if prefix and not (label == "container" and italic_start):
        value = prefix.sub("", value)
    value = _strip_keeping_pairs(value, STRIP)
    if label == "title" and value.endswith(("?", "!")) is False:
        value = value.rstrip(".")
    return _strip_keeping_pairs(value, STRIP + "?" if label != "title" else STRIP)


def _strip_keeping_pairs(value: str, chars: str) -> str:
    """The value without the given characters at either end, but with a closing bracket that closes one of its
    own ("Proceedings … (IJCAI-91)")."""
    stripped = value.strip(chars)
    for opening, closing in (("(", ")"), ("[", "]")):
        if stripped.count(opening) > stripped.count(closing) and value.rstrip(" .,;:").endswith(closing):
            stripped += closing
    return stripped


def _title(value: str) -> str:
    value = " ".join(value.replace("*", " ").split())
    value = value.strip(" \t.,;:/\\“”\"«»„")
    if value[:1] in "‘'" and value[-1:] in "’'":
        value = value[1:-1]
    if value[:1] == "‘" and "’" not in value:
        value = value[1:]
    if value[-1:] == "’" and "‘" not in value:
        value = value[:-1]
    if value.count("(") < value.count(")") and value.endswith(")"):
        value = value[:-1]
    return value.rstrip(" .,;:").strip()


def _issued(value: str, reading: Reading) -> None:
    if NO_DATE_RE.match(value.strip()):
        return
    outside = re.sub(r"\[[^\]]*\]|^[^\[\]]*\]", " ", value)  # "1988 [1964]", "([1857], 1972)": the bracketed original year
    if YEAR_RE.search(outside):
        value = outside
    found = find_date(value)
    if found:
        reading.work["issued"] = date_field(found[2])
        return
    years = YEAR_RE.findall(value)
    if len(set(years)) == 1:
        reading.work["issued"] = date_field([int(years[0])])
    elif years:
        reading.work["issued"] = date_field([int(years[0])])
        reading.problems.append("two years in the date")
    else:
        reading.problems.append("no year in the date")


def _people(value: str, role: str, reading: Reading) -> None:
    people, certain = split_people(value)
    if not people:
        reading.problems.append(f"no name in the {role}")
        return
    reading.work[role] = people
    if not certain:
        reading.problems.append(f"{role} names not split with certainty")


def _set(reading: Reading, key: str, value: str, confidence: float) -> None:
    if not value:
        return
    if key in reading.work:
        if reading.work[key] != value:
            reading.problems.append(f"two {key} values")
        reading.confidence[key] = min(reading.confidence.get(key, 1.0), confidence)
        return
    reading.work[key] = value
    reading.confidence[key] = confidence


HYPHENATED_GIVEN_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")  # "Jean-Paul", "Hans-Peter"


def _hyphenated_given(labelled: Labelled) -> Labelled:
    """"Bertaud, Jean-Paul. 2004.": a hyphenated given name after the family name and its comma, left out of the
    author by the labeller (which knows "Jean" but not "Jean-Paul"), is the author's."""
    labels = list(labelled.labels)
    tokens = labelled.tokens
    for i in range(1, len(tokens) - 2):
        if (labels[i - 1] == "author" and tokens[i].text == "," and labels[i] == "other" and labels[i + 1] == "other"
                and HYPHENATED_GIVEN_RE.fullmatch(tokens[i + 1].text) and tokens[i + 2].text in (".", ",")
                and "author" not in labels[i + 1:]):
            labels[i] = labels[i + 1] = "author"
            return replace(labelled, labels=tuple(labels))
    return labelled


def assemble(labelled: Labelled) -> Reading:
    """A CSL-JSON work from the labelled spans; fields the labeller was unsure of lower its confidence."""
    labelled = relabel(_hyphenated_given(labelled))
    reading = Reading(work={})
    for label, start, end in _runs(labelled):
        value = _text(labelled, start, end)
        confidence = _confidence(labelled, start, end)
        if label in ("author", "editor"):
            if label in reading.work:
                reading.problems.append(f"two {label} spans")
                continue
            _people(value, label, reading)
            reading.confidence[label] = confidence
        elif label == "date":
            if _after_access_word(labelled, start) or re.match(rf"\W*(?:{ACCESS_WORDS})\b", value, re.IGNORECASE):
                continue  # the date the page was read, not the work's
            if "issued" in reading.work:
                if set(YEAR_RE.findall(value)) - {str(year_of(reading.work))}:
                    reading.problems.append("two dates")
                continue
            _issued(value, reading)
            reading.confidence["issued"] = confidence
        elif label == "title":
            before = {lab for lab, _s, e in _runs(labelled) if e <= start}
            if "title" in reading.work and "editor" in before and "container-title" not in reading.work:
                _set(reading, "container-title", _title(value), confidence)  # "In Eds. (Eds.), Book": the book
            elif "title" in reading.work and before & {"publisher", "location"}:
                continue  # a series after the publisher ("Paris, Seuil, « Points »")
            else:
                _set(reading, "title", _title(value), confidence)
        elif label in FIELD_OF:
            if labelled.text[: labelled.tokens[start].start].rstrip().endswith("*"):
                value = "*" + value  # the span opens the emphasis: "*In These Times*" keeps its "In"
            _set(reading, FIELD_OF[label], _clean(value, label), confidence)
        elif label == "url":
            url = clean_url(labelled.tokens[start].text)
            _set(reading, "URL", url if "://" in url else "https://" + url, confidence)
        elif label == "doi":
            raw = labelled.tokens[start].text
            doi = doi_from_url(raw) if "/" in raw and "doi.org" in raw.lower() else clean_url(raw)
            if "://" in raw:
                _set(reading, "URL", clean_url(raw), confidence)
            _set(reading, "DOI", doi or "", confidence)
        elif label == "locator":
            reading.locator = _clean(value, "pages") or None
    _check(labelled, reading)
    reading.work["type"] = guess_type(reading.work)
    return reading


STOP_ENDINGS = frozenset(["of", "in", "on", "the", "a", "an", "and", "to", "for", "with", "from", "by", "at", "de", "la", "le", "les", "des", "du", "et", "der", "die", "das", "und", "im", "zur", "zum", "in:", "и", "в", "на"])
ACCESS_INSIDE_RE = re.compile(r",?\s*(?:(?:available|accessible)(?:\s+online)?(?:\s+(?:at|from))?|retrieved(?:\s+from)?|"
                              r"accessed(?:\s+on)?)\b.*$", re.IGNORECASE)
ACCESS_RE = re.compile(rf"(?:(?:accessed|retrieved|viewed|consult[ée]e?|abgerufen|zugriff|stand|cited|обращения"
                       rf"|mis en ligne le)\W*|{ACCESS_BEFORE_YEAR})$",  # OpenEdition's "mis en ligne le": posted
                       re.IGNORECASE)  # "Zugriff am 03.03.", "consultado el 3 de", "Erişim tarihi:" (dates.ACCESS_WORDS)


# Words journals' names are abbreviated to (ISO 4, IEEE): "IEEE Trans. Smart Grid" is one name, not two parts
JOURNAL_ABBREVIATIONS = frozenset("trans proc syst convers commun process sens electron comput mater technol manage "
                                  "intell appl lett phys chem biol assoc annu conf symp polit stud econ sociol psychol "
                                  "philos hist geogr environ educ assess geosci transport electrific".split())


def _runs_over(container: str) -> bool:
    """Whether a container holds a sentence's end inside it ("… Review. Oxford"), an abbreviated word aside."""
    return any(m[1].lower() not in JOURNAL_ABBREVIATIONS for m in re.finditer(r"\b(\w*[a-z]{4,})\. (?=[A-Z])", container))


def _check(labelled: Labelled, reading: Reading) -> None:
    """Repairs the labels cannot express, and doubts that lower the reading's confidence."""
    work = reading.work
    if "title" not in work and work.get("container-title") and not (work.get("volume") or work.get("issue")):
        work["title"] = work.pop("container-title")  # a book's italic title read as a container
        reading.confidence["title"] = reading.confidence.pop("container-title", 0.5)
    if re.fullmatch(r"[A-Z]?\d{1,4}[A-Z]?|[A-Z]\d", work.get("publisher", "")) and not work.get("issue"):
        work["issue"] = work.pop("publisher")  # "10(S2)": an issue number read as a publisher
        reading.confidence["issue"] = reading.confidence.pop("publisher", 0.5)
    title = work.get("title", "")
    if title and title.split()[-1].lower() in STOP_ENDINGS:
        reading.problems.append("title cut short")
    for key in ("publisher", "publisher-place"):
        value = work.get(key, "")
        if value and (re.fullmatch(r"[IVXLC]+|\d+", value) or len(value) < 2):
            reading.problems.append(f"odd {key}")
    if re.search(r"[()]", work.get("page", "")):
        reading.problems.append("pages run into the issue")
    container = work.get("container-title", "")
    if _runs_over(container) or ACCESS_INSIDE_RE.search(container):
        reading.problems.append("the container runs over two parts")
    for key in ("container-title", "publisher", "title"):
        if work.get(key):
            work[key] = ACCESS_INSIDE_RE.sub("", work[key]).strip(" ,;:")
    if re.search(r"\(\s*\d{4}[a-z]?\s*\)$", work.get("title", "")):
        reading.problems.append("a year left in the title")
    if work.get("editor") and not EDITOR_CUE_RE.search(labelled.text):
        reading.problems.append("editors without an editor's mark")
    if container and all(len(w.strip(".")) <= 2 for w in container.split()):
        reading.problems.append("a container of initials only")
    if _stray_word_after(labelled, ("publisher", "container", "title")):
        reading.problems.append("a word joined to a field but left out of it")
    if any(p.get("literal") for p in work.get("editor", [])):
        reading.problems.append("an editor that is no person")
    for label in ("title", "container"):
        if _crosses_emphasis(labelled, label):
            reading.problems.append(f"the {label} runs across emphasis")
    author = (work.get("author") or [{}])[0].get("literal", "")
    if "," in author and len(work.get("author", [])) == 1:
        reading.problems.append("author names not split with certainty")
    if re.search(r"\[[A-Z/]{1,5}\]", title + work.get("container-title", "")):
        reading.problems.append("a document-type marker inside a field")
    if _left_out(labelled):
        reading.problems.append("words left out of every field")
    if _names_before_author(labelled):
        reading.problems.append("names before the first author left out")
    if _glued_other(labelled):
        reading.problems.append("a field cut in the middle of a phrase")
    if _volume_after_issue_word(labelled):
        reading.problems.append("an issue number read as the volume")


FIELD_LABELS = frozenset(["title", "container", "publisher", "location", "author", "editor"])
SKIPPED_WORDS = frozenset(
    ["in", "im", "dans", "en", "eds", "ed", "edn", "editor", "editors", "edited", "by", "hrsg", "hg", "trans", "transl", "translated", "vol", "vols", "volume", "no", "nos", "nr", "issue", "pp", "p", "pages", "page", "s", "retrieved", "from", "available", "online", "at", "accessed", "url", "doi", "isbn", "issn", "pmid", "pmcid", "et", "al", "and", "&", "u", "a", "see", "also", "cf", "der", "die", "das", "the", "of", "de", "la", "le", "les", "des", "du", "von", "und", "et", "и", "в", "с", "под", "ред", "под", "and", "th", "st", "nd", "rd", "tech", "technical", "rep", "report", "reports", "thesis", "dissertation", "phd", "ph", "d", "master", "masters", "master's", "diss", "working", "paper", "papers", "press", "release", "series", "no.", "web", "internet", "online", "website", "video", "dvd", "motion", "picture", "film", "interview", "speech", "cited", "consulted", "abgerufen", "zugriff", "consulté", "disponible", "à", "l’adresse", "l'adresse", "adresse",
     "ligne", "sur", "verfügbar", "unter", "online-ressource",
     "ausgabe", "seite", "seiten", "ff", "heft", "jahrgang", "jg", "bd", "band", "herausgeber", "epub", "ahead", "print", "обращения", "дата", "электронный", "ресурс", "режим", "доступа", "original", "work", "published", "reprint", "reprinted", "edition", "revised", "ed", "rev", "trad", "traduit", "übers", "suppl", "supplement", "aufl", "auflage", "erweiterte", "überarbeitete", "neu", "bearbeitete", "éd", "édition", "impr", "изд", "издание", "доп", "перераб"]
)


GLUE_WORDS = frozenset(["and", "of", "for", "from", "on", "&", "und", "et", "de", "du", "des", "la"])


def _left_out(labelled: Labelled) -> bool:
    """Two or more content words between fields, labelled as nothing: a field the reading lost."""
    from volume.references.lexicon import MONTHS

    labels, tokens = labelled.labels, labelled.tokens
    if not any(lab in FIELD_LABELS for lab in labels):
        return False
    first_field = next(i for i, lab in enumerate(labels) if lab != "other")
    last_field = max(i for i, lab in enumerate(labels) if lab != "other")
    run: list[str] = []
    depth = 0
    for i in range(first_field, last_field + 1):
        text = tokens[i].text
        depth += (text in "([") - (text in ")]") if tokens[i].kind == "punct" else 0
        if labels[i] != "other":
            if _content(run, MONTHS):
                return True
            run = []
            continue
        if tokens[i].kind == "word" and depth <= 0:  # bracketed remarks ("[Adm., USN]", "(Hg.)") are no field
            run.append(text)
    return False


def _content(words: list[str], months: frozenset) -> bool:
    kept = [w for w in words if w.lower().strip(".") not in SKIPPED_WORDS and w.lower() not in months
            and not re.search(r"\d", w) and not re.fullmatch(r"[IVXLCivxlc]+", w)]
    return len(kept) >= 2 or any(w[:1].isupper() and len(w) > 3 or re.match(r"[\u3040-\u9fff]{2}", w) for w in kept)


COMMENT_WORDS = frozenset(["see", "also", "cf", "compare", "quoted", "in", "for", "e", "g", "eg", "vgl", "voir", "siehe", "см", "also", "and", "on", "this", "point", "as", "reported", "this", "figure", "is", "from", "further", "details"])


def _names_before_author(labelled: Labelled) -> bool:
    """Capitalised words labelled as nothing just before the first author ("Chung, YS. Kang, DH. | Kwon, JS."):
    the first authors lost, unless the words are a remark ("See also", "Cf.")."""
    labels, tokens = labelled.labels, labelled.tokens
    first = next((i for i, lab in enumerate(labels) if lab != "other"), None)
    if not first or labels[first] not in ("author", "editor"):
        return False
    words = [t.text for t in tokens[:first] if t.kind == "word"]
    names = [w for w in words if w[:1].isupper() and w.lower().strip(".") not in COMMENT_WORDS and not w.isdigit()]
    return bool(names) and tokens[first - 1].text in (",", ".", "&", ";") and words[-1].lower() not in COMMENT_WORDS


def _glued_other(labelled: Labelled) -> bool:
    """A content word labelled as nothing right against a title, container or publisher word, with no
    punctuation between them ("From | Clocks to Chaos", "Journal of Computer | and System Sciences")."""
    labels, tokens = labelled.labels, labelled.tokens
    for i in range(len(tokens) - 1):
        a, b = labels[i], labels[i + 1]
        if tokens[i].kind != "word" or tokens[i + 1].kind != "word" or (a == "other") == (b == "other"):
            continue
        field, other = (a, tokens[i + 1]) if b == "other" else (b, tokens[i])
        if field in ("title", "container", "publisher") and (other.text.lower().strip(".") not in SKIPPED_WORDS
                                                             or other.text.lower() in GLUE_WORDS):
            return True
        after = i + 2  # "… based on publicly | available data": a skipped word, then more words of no field
        if (field == "title" and b == "other" and after < len(tokens) and labels[after] == "other"
                and tokens[after].kind == "word" and tokens[after].text.lower().strip(".") not in SKIPPED_WORDS
                and not tokens[after].text[:1].isupper() and not tokens[after].text.isdigit()):
            return True
    return False


def _volume_after_issue_word(labelled: Labelled) -> bool:
    words = ("no", "№", "nr", "n°", "issue", "heft", "h", "вып", "número", "num")
    tokens, labels = labelled.tokens, labelled.labels
    for i, lab in enumerate(labels):
        if lab == "volume":
            before = [t.text.lower().strip(".") for t in tokens[max(0, i - 2): i] if t.kind != "punct" or t.text == "№"]
            if before and before[-1] in words:
                return True
    return False


EDITOR_CUE_RE = re.compile(r"(?i:\b(?:eds?|editors?|edited|hrsg|hg|dir|éds?|red|ред|coord|comp)\b\.?|\bin:|\bdans\b)|\bIn\b")


def _crosses_emphasis(labelled: Labelled, label: str) -> bool:
    """Whether the first run of a label has words both inside and outside *emphasis*: two fields run together."""
    runs = [r for r in _runs(labelled) if r[0] == label]
    if not runs or "*" not in labelled.text:
        return False
    _, start, end = runs[0]
    italic, inside = False, set()
    for i, token in enumerate(labelled.tokens[:end]):
        if token.text == "*":
            italic = not italic
        elif i >= start and token.kind != "punct":
            inside.add(italic)
    return len(inside) > 1


def _stray_word_after(labelled: Labelled, labels: tuple[str, ...]) -> bool:
    """A capitalised word labelled "other" glued to a field by "/", "&" or "-" ("Routledge/Falmer")."""
    tokens, found = labelled.tokens, labelled.labels
    for i in range(1, len(tokens) - 1):
        if (found[i - 1] in labels and tokens[i].text in "/&-" and found[i + 1] == "other"
                and tokens[i + 1].text[:1].isupper() and tokens[i].start == tokens[i - 1].end):
            return True
    return False


def _after_access_word(labelled: Labelled, start: int) -> bool:
    before = labelled.text[max(0, labelled.tokens[start].start - 20): labelled.tokens[start].start]
    return bool(ACCESS_RE.search(before.strip()))


def guess_type(work: dict) -> str:
    """The CSL type its fields suggest."""
    container = work.get("container-title")
    if container and (work.get("volume") or work.get("issue")):
        return "article-journal"
    if container and work.get("editor"):
        return "chapter"
    if container and work.get("page") and not work.get("URL"):
        return "article-journal"
    if container:
        parts = (work.get("issued") or {}).get("date-parts", [[]])[0]
        return "article-newspaper" if len(parts) == 3 and not work.get("publisher") else "webpage"
    if work.get("publisher"):
        return "book"
    return "webpage" if work.get("URL") else "document"
