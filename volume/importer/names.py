"""People's names as pages print them: bylines, lists of authors with their marks and affiliations, a name with its
role, speakers of a speech, organisations credited as authors."""

from __future__ import annotations

import re

from volume.importer import words
from volume.importer.dates import DATE_PATTERNS
from volume.importer.line_text import key, squash
from volume.importer.words import HEADING_WORDS

BYLINE = re.compile(r"^(?:(?:" + words.BYLINE_LABELS + r")\s*[:\-–—]|(?:" + words.BYLINE_LABELS + r")(?=\s+\S+\s+\S)|"
                    r"(?:by|par|von)\s*:|(?:" + words.BYLINE_WORDS + r"))\s+(?P<names>.+)$", re.IGNORECASE)
# Labels a byline far from the top must have: a colon after a one-word label, or a phrase ('Posted by A')
LABEL_WITH_COLON = re.compile(r"^(?:(?:" + words.BYLINE_LABELS + r")\s*[:\-–—]|\w+\s+(?:by|von|par)\s|"
                              r"verfasst von|опубликовал)", re.IGNORECASE)
UNLABELLED_BYLINE = re.compile(r"^(?:" + words.BYLINE_WORDS + r")\s", re.IGNORECASE)
NAME_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "y", "and",
                  "du", "des", "zu", "ten", "ter", "и", "et", "und", "ve", "oğlu"}
ROLE_WORDS = {
    "fellow", "director", "professor", "researcher", "research", "analyst", "editor", "lecturer", "associate",
    "head", "chair", "president", "manager", "coordinator", "student", "candidate", "institute", "university",
    "center", "centre", "school", "department", "programme", "program", "foundation", "council", "academy",
    "college", "ministry", "office", "expert", "scholar", "journalist", "correspondent", "consultant",
    "advisor", "adviser", "officer", "staff", "team", "contributor", "senior", "junior", "visiting", "phd",
    "policy", "forum", "network", "group", "press", "review", "journal", "initiative", "project",
    "эксперт", "директор", "профессор", "научный", "сотрудник", "редактор", "корреспондент", "аналитик",
    "институт", "университет", "центр", "кафедра", "доцент", "журналист",
    "chercheur", "chercheuse", "directeur", "directrice", "professeur", "rédacteur", "rédactrice", "journaliste",
    "université", "institut", "maître", "chargé", "chargée",
    "wissenschaftlicher", "wissenschaftliche", "mitarbeiter", "mitarbeiterin", "redakteur", "redakteurin",
    "universität", "leiter", "leiterin", "korrespondent", "rechtsanwalt",
    "uzman", "araştırmacı", "muhabir", "editör", "üniversitesi", "öğretim", "müdür",
}


CONJUNCTIONS = {"and", "und", "et", "и", "ve", "y", "or", "oder", "ou", "или", "veya"}
FIRST_WORDS_NOT_NAMES = {"on", "the", "in", "a", "an", "of", "for", "to", "at", "why", "how", "what", "when", "der",
                         "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "в", "на", "о", "bir"}


# Words no one's name ends with: a heading's or menu line's nouns ('Continuing Resolutions', 'DHS Provisions')
COMMON_NOUN_ENDING = re.compile(r"(?i)\w{3,}(?:tions|sions|ments|ities|ances|ences|ships)$")


def looks_like_name(part: str) -> bool:
    words = part.replace(".", ". ").split()
    if not 1 < len(words) <= 6 or any(ch.isdigit() for ch in part) or words[0].lower() in FIRST_WORDS_NOT_NAMES \
            or words[0].lower() in CONJUNCTIONS:
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS or COMMON_NOUN_ENDING.search(w.strip(".,")) for w in words):
        return False
    if any(w.lower().strip(".,:") in HEADING_WORDS for w in words):
        return False  # a heading's words ('Domestic Political Background'), no name
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-"))
               for w in words)


ORGANISATION_WORDS = {
    "foundation", "institute", "institut", "institution", "center", "centre", "council", "university", "ministry",
    "office", "agency", "association", "society", "commission", "committee", "network", "initiative", "programme",
    "program", "project", "staff", "team", "editors", "desk", "bureau", "secretariat", "service", "department",
    "stiftung", "verein", "verband", "redaktion", "rédaction", "fondation", "редакция", "фонд", "институт", "центр",
    "vakfı", "vakfi", "merkezi", "enstitüsü", "derneği",
    "foundations", "endowment", "alliance", "coalition", "watch", "international", "board", "fund", "trust",
}
# A byline naming the publication's own staff instead of a person: 'The Editors', 'Die Redaktion', 'Редакция'
STAFF_BYLINE = re.compile(r"^(?:the\s+)?(?:editors|editorial (?:board|team|staff)|editorial)$|^(?:die\s+)?redaktion$|"
                          r"^la rédaction$|^(?:редакция|редакторы)$|^editörler?$|^(?:yayın kurulu)$", re.IGNORECASE)


def organisation(part: str) -> bool:
    """'Wikimedia Foundation', 'Carnegie Endowment Policy Team': a capitalised name of 2-6 words holding an
    organisation's word, as an explicit byline credits an institution."""
    words = part.split()
    return 2 <= len(words) <= 6 and not re.search(r"[\d,;&]", part) and \
        words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in NAME_PARTICLES | {"for", "of", "the", "für"}
                                        for w in words) and any(w.lower().strip(".,") in ORGANISATION_WORDS
                                                                for w in words)


def name_with_role(line: str) -> list[tuple[str, str]] | None:
    """'Jane Doe, Senior Fellow, Climate Program' under a title: the name, with the role or institution after it
    as the affiliation (a role's word must follow, or it is no byline: 'Berlin, Germany')."""
    parts = [p.strip() for p in squash(line).split(",")]
    if len(line) > 120 or len(parts) < 2 or not looks_like_name(parts[0]) or BYLINE.match(squash(line)):
        return None
    rest = ", ".join(parts[1:])
    if not any(w.lower().strip(".,()") in ROLE_WORDS for w in rest.split()):
        return None
    return [(parts[0], rest)]


def organisation_line(text: str) -> bool:
    """A line that is only an organisation's name or its editors ('Carnegie Endowment for International Peace',
    'The Editors'), as some pages set under the title in the byline's place."""
    return len(text) <= 80 and (organisation(squash(text)) or bool(STAFF_BYLINE.match(key(text))))


# A line crediting a translator or an editor near the top ('Übersetzung Sarah-Indra Jungblut, 12.12.22'): metadata,
# its date the article's when no other is given, its names no author.
ROLE_CREDIT = re.compile(r"^(?:übersetzung|übersetzt von|translation|translated by|traduction|traduit par|перевод|"
                         r"переводчик|çeviri|çeviren|edited by|redaktion|lektorat|édité par)\b", re.IGNORECASE)

# Other people a byline credits after the authors: editors, translators, photographers.
OTHER_CREDIT = re.compile(r"\s*[,;]?\s+(?:(?:edited|translated|reviewed|illustrated|compiled|photographed)\s+by|"
                          r"(?:photos?|photographs|illustrations?)\s+by|под редакцией|перевод(?:\s+с\s+\w+)?\s*:?|"
                          r"редактор\s*:|(?:édité|traduit|révisé)\s+par|(?:herausgegeben|übersetzt|redigiert|"
                          r"bearbeitet)\s+von|redaktion\s*:|çeviren\s*:?|editör\s*:|(?:editor|translator)s?\s*:)\s",
                          re.IGNORECASE)


# A labelled byline at the end of a longer line: 'Аннотация научной статьи по …, автор научной работы — A, B'
LABEL_AFTER_COMMA = re.compile(r",\s*(?P<label>(?:" + words.BYLINE_LABELS + r")\s*[:—–]\s*\S.*)$", re.IGNORECASE)
# What joins a name to the date after it: 'A on 3 March', 'A, le 17 février', 'A am 3. März', 'A, 17.02.2022'
CONNECTOR_TAIL = re.compile(r"(?:[\s,;]+(?:on|am|le|den|vom|du|the|в|от|tarihinde))+[\s,;]*$|[\s,;]+$", re.IGNORECASE)
# The time a byline may end with: 'Posted by A at 5:11 AM', 'von A um 16:20 Uhr', 'par A à 10h30'
TIME_TAIL = re.compile(r"[\s,]+(?:at|um|à|в|saat)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr))?\s*$", re.IGNORECASE)


# 'A report by A', 'An essay by A', 'Policy brief by A': the kind of text before 'by', read as 'By A'
KIND_BY = re.compile(r"^(?:an?\s+)?(?:(?:policy|research|special|issue)\s+)?(?:report|paper|essay|study|commentary|"
                     r"brief|analysis|article|note|memo|review)\s+(?=by\s)", re.IGNORECASE)
# Titles before a name that the book leaves out: 'Dr. A', 'Prof. Dr. A', 'Professor A', 'Mr A'
HONORIFIC = re.compile(r"^(?:(?:prof(?:essor)?|dr|mr|mrs|ms|dipl\.-ing|ing|doc|проф|др|д-р)\.?\s+)+(?=\S)",
                       re.IGNORECASE)


def without_honorifics(name: str) -> str:
    """A person's name without the titles before it ('Prof. Dr. Anna Schmidt' → 'Anna Schmidt'), unless nothing
    but one word would be left."""
    bare = HONORIFIC.sub("", name.strip())
    return bare if len(bare.split()) >= 2 else name.strip()


def parse_byline(line: str, labelled_only: bool = False) -> list[tuple[str, str]] | None:
    """Authors (name, affiliation) named by a byline such as 'By A and B', 'Author: A, Senior Fellow', 'Автор: А'.

    `labelled_only` refuses the unlabelled 'By A' / 'Par A' / 'Von A' (far from the top they open sentences)."""
    line = KIND_BY.sub("", squash(line))
    tail = LABEL_AFTER_COMMA.search(line) if len(line) < 300 else None
    line = line[tail.start("label"):] if tail and not BYLINE.match(line) else line  # '…, автор научной работы — A'
    match = BYLINE.match(line)
    if not match or len(line) > 160:
        return None
    if labelled_only and UNLABELLED_BYLINE.match(line):
        return None
    if labelled_only and not LABEL_WITH_COLON.match(line) and not UNLABELLED_BYLINE.match(line):
        return None  # far from the top only 'Author: A' (not 'Autorin und Netzphilosophin A', a caption)
    names = re.split(r"\s*[|•·]\s*|\s+[—–]\s+", match.group("names"))[0]
    names = OTHER_CREDIT.split(names)[0]  # 'Rob Ewaschuk Edited by Betsy Beyer': the editor is no author
    dated = [m.start() for pattern in DATE_PATTERNS for m in pattern.finditer(names)]
    names = names[:min(dated)].rstrip(" ,;") if dated and min(dated) > 0 else names  # '…, Foundation June 28th, 2018'
    names = re.sub(r"\s*[,;]?\s*(?:" + words.DATE_LABELS + r")\b.*$", "", names, flags=re.IGNORECASE) or names
    names = CONNECTOR_TAIL.sub("", TIME_TAIL.sub("", names))  # 'Posted by A on 3. März 2021', 'Par A, le 17 février
    # 2022', 'Posted by A at 5:11 AM'
    names = re.sub(r"(?<=\w\w)\.$", "", names.strip())  # 'Posted by Alon Zakai.' (not an initial's dot)
    names = names.rstrip(" :")  # 'Autor Mark Newton:'
    if organisation(names):  # 'By Wikimedia Foundation': the organisation the byline credits
        return [(names, "")]
    authors: list[tuple[str, str]] = []
    for chunk in re.split(r"\s*;\s*|\s+(?:" + words.AND_WORDS + r")\s+|\s*&\s*|,\s*(?:" + words.AND_WORDS + r")\s+", names):
        pieces = [p.strip() for p in chunk.split(",") if p.strip()]
        if not pieces or not looks_like_name(pieces[0]):
            if authors:
                continue
            return None
        name, affiliation = pieces[0], []
        for piece in pieces[1:]:
            if looks_like_name(piece) and not affiliation:
                authors.append((name, ""))
                name = piece
            else:
                affiliation.append(piece)
        authors.append((name, ", ".join(affiliation)))
    return authors or None


# A transcript's header naming who speaks: 'Remarks of President Barack Obama and First Lady Michelle Obama as
# Delivered', 'Statement by Secretary John Kerry', 'Rede von Bundeskanzlerin Angela Merkel'.
SPEECH = re.compile(r"^(?:(?:prepared\s+)?remarks|statement|address|speech|testimony|keynote|interview|"
                    r"rede|ansprache|erklärung|discours|allocution|déclaration|выступление|заявление|konuşma|"
                    r"açıklama)\s+(?:of|by|von|de|du|d['’])\s+(?P<names>.+?)"
                    r"(?:\s*[,–—-]?\s*(?:as\s+(?:delivered|prepared(?:\s+for\s+delivery)?)|"
                    r"in\s+the\s+weekly\s+address))?\.?$", re.IGNORECASE)
OFFICES = re.compile(r"^(?:(?:the|der|die|le|la|m\.|mme)\s+)?(?:(?:vice|deputy|former|acting|first|second|"
                     r"prime|foreign|us|u\.s\.|federal|bundes)\s*-?\s*)*"
                     r"(?:president|lady|minister|secretary(?:\s+of\s+\w+)?|senator|governor|mayor|ambassador|"
                     r"chancellor|kanzler(?:in)?|präsident(?:in)?|minister(?:in)?|président(?:e)?|ministre|"
                     r"general|admiral|representative|congress(?:wo)?man|speaker|leader|"
                     r"dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?)\s+", re.IGNORECASE)


def speakers(line: str) -> list[tuple[str, str]] | None:
    """The people a transcript's header says are speaking ('Remarks of President Barack Obama and First Lady
    Michelle Obama as Delivered' → Barack Obama, Michelle Obama), their offices left out; None unless every one
    is named."""
    match = SPEECH.match(squash(line))
    if not match or len(line) > 160:
        return None
    names = []
    for part in re.split(r"\s*,\s*|\s+(?:" + words.AND_WORDS + r")\s+|\s*&\s*", match.group("names")):
        while OFFICES.match(part):
            part = part[OFFICES.match(part).end():]
        if not looks_like_name(part.strip()):
            return None
        names.append((part.strip(), ""))
    return names or None


NAME_TAIL = re.compile(r"(?:\s*(?:\bmail\b|\be-?mail\b|[*†‡§#✉]|\d{1,2}(?:,\d{1,2})*|,|;|\band\b))+\s*$", re.IGNORECASE)
AFFILIATION = re.compile(r"^(?:affiliations?|аффилиация|affiliation\(s\)|zugehörigkeit|kurum)\s*:\s*(?P<text>.+)$",
                         re.IGNORECASE)


# Affiliation numbers and marks after an author's name: 'Schmidt1,2', 'Müller 2,*', 'Nowak3†'
AFFILIATION_MARKS = re.compile(r"(?<=[^\W\d_])\s?(?:\d{1,2}|[*†‡§#✉])(?:\s*,\s*(?:\d{1,2}|[*†‡§#✉])|[*†‡§#✉])*"
                               r"(?=\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\bи\b|\bve\b|$))")


LETTER_MARKED = re.compile(r"^(?P<name>.*?[a-zà-ÿ])(?P<marks>[a-f](?:,[a-f])*)(?P<star>[*†]?)$")


def letter_marks(line: str) -> str:
    """Affiliation letters a copy glues to a journal's names ('S. Vivekanandhana, M. Venkateswarlub &
    N. Satyanarayanaa*') set apart as superscripts ('Vivekanandhan^a^'): only when every name ends in one of a-f,
    the letters are 'a' and another, and a corresponding author's '*' or '†' shows the names are marked."""
    if "*" not in line and "†" not in line:
        return line
    pieces = re.split(r"(\s*,\s*(?=[A-ZÀ-ÞА-Я])|\s+(?:and|&)\s+|\s*&\s*)", squash(line))
    names = pieces[::2]
    found = [LETTER_MARKED.match(n.strip()) for n in names]
    letters = {c for m in found if m for c in m.group("marks").split(",")}
    if len(names) < 2 or not all(found) or "a" not in letters or len(letters) < 2:
        return line
    pieces[::2] = [f"{m.group('name')}^{m.group('marks')}^{m.group('star')}" for m in found]
    return "".join(pieces)


def name_list(line: str) -> list[tuple[str, str]] | None:
    """The authors a journal prints under its title, with no 'By': 'Jacob T. Bushong, Eric C. Miller, and William
    R. Raun', 'Djoko T. Iskandar,', 'Jimmy A. McGuire mail' (an e-mail icon's label), superscript numbers
    dropped; None unless every part is a person's name."""
    if BYLINE.match(squash(line)) or ROLE_CREDIT.match(squash(line)):
        return None  # 'Geschrieben von A', 'Übersetzt von B': a byline or a credit, no list of names
    line = re.sub(r"\^[^^\s]{1,8}\^", "", letter_marks(squash(line)))  # marks set as superscripts: 'Vivekanandhan^a^'
    line = NAME_TAIL.sub("", AFFILIATION_MARKS.sub("", line))
    if not line or len(line) > 300 or re.search(r"[:()\[\]/@]|https?", line):
        return None
    names = []
    for part in re.split(r"\s*[,;]\s*(?:(?:" + words.AND_WORDS + r")\s+)?|\s+(?:" + words.AND_WORDS + r")\s+|\s*&\s*",
                         line):
        part = NAME_TAIL.sub("", part).strip()
        if not looks_like_name(part) or re.fullmatch(r"[^a-zа-яё]+", part):  # 'SHOW ALL ARTICLES OF': a button
            return None
        names.append((part, ""))
    return names or None


MARK = re.compile(r"\^([^^\s]{1,8})\^|(?<=[^\W\d_])\s?((?:\d{1,2}|[*†‡§#✉])(?:\s*,\s*(?:\d{1,2}|[*†‡§#✉])|[*†‡§#✉])*)"
                  r"(?=\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\bи\b|\bve\b|$))")


def name_marks(line: str) -> list[list[str]]:
    """The affiliation marks after each name of a journal's list of authors, in order ('Anna Schmidt1,2,*, Peter
    Müller^2^' → [['1', '2'], ['2']]); the marks are numbers, so '*' (the corresponding author) is left out."""
    parts = re.split(r"\s*[,;]\s*(?:(?:" + words.AND_WORDS + r")\s+)?(?=[^\W\d_])|\s+(?:" + words.AND_WORDS
                     + r")\s+|\s*&\s*", squash(line))
    found = []
    for part in (p for p in parts if re.search(r"[^\W\d_]{2}", p)):
        marks = [m for match in MARK.finditer(part) for m in re.split(r"\s*,\s*|(?=[*†‡§#✉])",
                                                                       (match.group(1) or match.group(2) or "")
                                                                       .replace("\\", ""))]
        found.append([m for m in marks if m.isdigit() or (m.isalpha() and len(m) == 1)])
    return found


# An affiliation line under a journal's names, opening with its mark: '1Department of Biology, University of …',
# '^2^ Rocky Mountain Biological Laboratory, …', 'a School of Chemistry, …'
AFFILIATION_LINE = re.compile(r"^\s*(?:\^(?P<sup>[^^\s]{1,3})\^|(?P<digit>\d{1,2})(?=\s?[^\W\d_])|(?P<letter>[a-z])\s+"
                              r"(?=[A-ZÀ-ÞА-Я]))\s*(?P<text>\S.{5,300})$")
AFFILIATION_PLACE = re.compile(r"\b(?:universit\w*|institut\w*|department|dept\.|faculty|school|college|cent(?:re|er)|"
                               r"laborator\w*|hospital|academy|division|foundation|fakultät|université|университет|"
                               r"институт|üniversitesi|enstitüsü|fakültesi)\b", re.IGNORECASE)


def affiliation_line(line: str) -> tuple[str, str] | None:
    """An affiliation numbered for the names above it: (its mark, its text), or None."""
    match = AFFILIATION_LINE.match(squash(line))
    if not match or not AFFILIATION_PLACE.search(match.group("text")):
        return None
    return match.group("sup") or match.group("digit") or match.group("letter"), match.group("text").strip(" ,;")
