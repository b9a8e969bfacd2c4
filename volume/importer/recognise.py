"""Recognisers shared by the HTML and text importers: bylines, dates, page chrome, headings, note labels."""

from __future__ import annotations

import datetime
import re

from volume.importer import words

MONTHS = words.MONTHS
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),  # also 2021-03-03T08:00
    re.compile(r"(?<![\d/])(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?![\d/])"),  # 2020/4/09
    re.compile(r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])" + _DAY + r"\s+(?:of\s+|de\s+)?" + _MONTH + r",?\s+(?:de\s+)?(?P<year>\d{4})(?!\d)"
               + words.DATE_TAIL, re.IGNORECASE),  # ('04 mayo de 2022')
    re.compile(r"(?<![\w.])" + _DAY + r"\s+" + _MONTH + r"\s+['’‘](?P<yy>\d{2})(?!\d)", re.IGNORECASE),  # '14 Feb ’20'

    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})(?!\d)"),  # 03.03.2021, day first
    re.compile(r"(?<![\d/])(?P<slash>\d{1,2})/(?P<other>\d{1,2})/(?P<year>\d{4})(?!\d)"),  # 17/02/2022 or 02/17/2022
    re.compile(r"(?<![\d-])(?P<slash>\d{1,2})-(?P<other>\d{1,2})-(?P<year>\d{4})(?![\d-])"),  # 17-02-2022, as slashes
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<yy>\d{2})(?![\d.])"),  # 12.12.22, day first
)
DATE_LABEL = re.compile(r"^(?:" + words.DATE_LABELS + r")\s*[:\-–—]?\s*", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:" + words.WEEKDAYS + r")\b\.?,?", re.IGNORECASE)

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

ALWAYS_CHROME = words.ALWAYS_CHROME
MENU_WORDS = words.MENU_WORDS
STOP_LINES = words.STOP_LINES
# Phrases a box of page chrome says, which a sentence of the text can say too ('… land in your inbox'): chrome
# only in a line this short
PHRASE_WORDS = 20
PHRASE_PATTERNS = (
    re.compile(words.COOKIES, re.IGNORECASE),
    re.compile(words.NEWSLETTER, re.IGNORECASE),
    re.compile(words.APPEAL, re.IGNORECASE),
)
CHROME_PATTERNS = (
    # a table of contents' entry with its dot leaders and page: 'Background ........ 1', 'Introduction . . . . iii'
    re.compile(r"^\S.{0,160}?(?:\s?\.){6,}\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.IGNORECASE),
    # a skip link as a copy keeps it: 'Jump to Main Text of Report', 'Skip to main content', 'Go to navigation'
    re.compile(r"^(?:jump|skip|go)\s+to\s+(?:the\s+)?(?:main\s+)?(?:text|content|navigation|article)\b.{0,20}$",
               re.IGNORECASE),
    re.compile(words.COPYRIGHT, re.IGNORECASE),
    re.compile(r"^(?:" + words.TAG_LABELS + r")\s*:", re.IGNORECASE),
    re.compile(r"^(?:" + words.SHARE_LABELS + r")\b", re.IGNORECASE),
    re.compile(words.READING_TIME, re.IGNORECASE),
    re.compile(r"^\d+\s+(?:comments?|комментари[йяев]+|commentaires?|kommentare?|yorum|discussions?|diskussion(?:en)?|"
               r"обсуждени[йяе]|tartışma)$|"
               r"^(?:no )?comments?\s*\(\d+\)$", re.IGNORECASE),
    re.compile(r"^(?:материал\s+)?(?:from|aus|de|из|vikipedi)\s+(?:wikipedia|википедии|vikipedi)|^(?:jump to|wechseln zu|"
               r"aller à|перейти к)\s*:|^(?:jump to navigation|jump to search|zur navigation springen)\b|"
               r"^(?:der titel dieses artikels ist mehrdeutig|this article is about|for other uses|"
               r"не следует путать|pour les articles homonymes)|"
               # a wiki's notes on the page: 'X redirects here', 'Для термина X см. другие значения', stub notices
               r"\bredirects here\b|\bleitet hierher weiter\b|\bredirige ici\b|\bсм\. другие значения\b|"
               r"^(?:для термина|о значениях)\b|^(?:this|это)\b.{0,40}\b(?:stub|заготовка)\b|"
               r"^(?:hidden categories|скрытые категории|versteckte kategorien?|catégories cachées|gizli kategoriler)\s*:",
               re.IGNORECASE),
    re.compile(r"^←\s*\S.{0,120}$|^\S.{0,120}\s*→$"),  # previous / next links drawn as arrows
    re.compile(r"^(?:show|view|see|read|more) (?:all |more )?(?:articles|posts|stories|entries) (?:by|of|from)\b|"
               r"^alle (?:beiträge|artikel) (?:von|anzeigen)\b|^tous les articles de\b|^все (?:материалы|статьи|публикации) "
               r"автора\b|^(?:yazarın )?tüm yazıları\b", re.IGNORECASE),
    re.compile(r"^[←→«»‹›<>\s]*(?:previous|next|vorheriger|nächster|précédent|suivant|предыдущ\w*|следующ\w*|"
               r"önceki|sonraki)(?:\s+(?:article|post|beitrag|artikel|eintrag|entry|story|статья|запись|материал|"
               r"yazı|haber))?\s*[:»›>→]", re.IGNORECASE),
    # "Read also: <another article>" standing alone in the text
    re.compile(r"^(?:read also|also read|see also|related|read more|читайте также|смотрите также|см\. также|"
               r"mehr lesen|weiterlesen|mehr dazu|lire plus|en savoir plus|подробнее|devamını oku|"
               r"по теме|lire aussi|à lire aussi|a lire aussi|voir aussi|lesen sie auch|mehr zum thema|"
               r"siehe auch|ayrıca okuyun|ayrıca bakınız|ilgili haber)\s*[:—–-]\s*\S", re.IGNORECASE),
)
CREDIT = re.compile(r"^\(?(?:" + words.CREDIT_LABELS + r")\s*(?:credit)?\s*[:|©]\s*\S|"
                    r"^\(?(?:photo|image|picture|illustration|фото|foto|fotoğraf)\s+(?:by|:|von|de|par)\s+\S",
                    re.IGNORECASE)
NOTES_HEADINGS = words.NOTES_HEADINGS
_EDIT_WORDS = (r"(?:edit|править|править код|modifier|modifier le code|bearbeiten|quelltext bearbeiten|değiştir|"
               r"kaynağı değiştir)")
# '[edit]', '[править | править код]', and in a Word file the same as Markdown links: '\[[править](…)\]'
_EDIT = (r"\\?\[\s*(?:" + _EDIT_WORDS + r"|\[" + _EDIT_WORDS + r"\]\([^)\s]*\))"
         r"(?:\s*\|\s*(?:[^\]\[]+|\[[^\]]+\]\([^)\s]*\)))?\s*\\?\]")
WIKI_EDIT = re.compile(r"^\s*" + _EDIT + r"\s*|\s*" + _EDIT + r"\s*$", re.IGNORECASE)
LANGUAGE_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "with", "for", "was", "are"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auch", "eine"},
    "fr": {"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "qui"},
    "ru": {"и", "в", "не", "на", "что", "с", "по", "это", "как", "для"},
    "tr": {"ve", "bir", "bu", "da", "için", "ile", "olarak", "de", "daha", "gibi"},
}
ROMAN = re.compile(r"^(?=[ivxl])(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
SENTENCE_END = (".", ",", ";", ":", "!", "…", '"', "”", "’", "»")


def guess_language(text: str) -> str:
    """The language of a text among en, de, fr, ru and tr, by its commonest words ("" when none stands out)."""
    counts = {}
    words = re.findall(r"\w+", text[:20000].casefold())
    for language, common in LANGUAGE_WORDS.items():
        counts[language] = sum(1 for w in words if w in common)
    best = max(counts, key=counts.get)
    return best if counts[best] >= 5 and counts[best] >= 2 * sorted(counts.values())[-2] else ""


def month_first(language: str) -> bool | None:
    """How to read 03/04/2022: day first in German, French, Russian and Turkish; undecided in English."""
    return False if language in ("de", "fr", "ru", "tr") else None


def squash(text: str) -> str:
    return " ".join(text.split())


def plain(markup: str) -> str:
    """Markdown inline as plain text, for comparing and classifying (escapes and emphasis removed)."""
    text = re.sub(r"\x00[^\x00]*\x00", "", markup)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\\)\*+", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return squash(text)


def key(text: str) -> str:
    """A line reduced for matching against word lists: lower case, no surrounding punctuation or bullets."""
    return squash(re.sub(r"^[\W_]+|[\W_]+$", "", text.lower()))


def roman_value(text: str) -> int | None:
    text = text.lower()
    if not ROMAN.match(text):
        return None
    values = [ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def label_value(label: str) -> int | None:
    """A note label ('iv', '4') as its number, or None when it is not one."""
    label = label.strip()
    if label.isdigit() and 0 < int(label) < 1000:
        return int(label)
    return roman_value(label) if label.islower() else None


def parse_date(text: str, month_first: bool | None = None) -> str | None:
    """The first full date in `text` as ISO yyyy-mm-dd, or None.

    17/02/2022 is read day first and 02/17/2022 month first; 03/04/2022 only when `month_first` says which
    (True for US English pages), since guessing would write a wrong date."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _date_of(match.groupdict(), month_first)
            if found:
                return found
    return None


def _date_of(parts: dict, month_first: bool | None) -> str | None:
    if parts.get("slash"):
        first, second = int(parts["slash"]), int(parts["other"])
        if first > 12 or (second <= 12 and month_first is False):
            day, month = first, second
        elif second > 12 or month_first:
            day, month = second, first
        else:
            return None
    else:
        month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mon"])
        day = int(parts["day"])
    year = int(parts["year"]) if parts.get("year") else _century(int(parts["yy"]))
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _century(short: int) -> int:
    """A two-digit year: this century up to next year, else the last one ('22' → 2022, '98' → 1998)."""
    return 2000 + short if short <= datetime.date.today().year % 100 + 1 else 1900 + short


# A kicker beside the date: '1. November 2023 | ak 698 | Deutschland', 'March 3, 2021 · Analysis'
KICKER_PARTS = 3  # short parts (an issue, a section) a dated kicker may hold besides the date


# 'March 2021', 'Published: März 2021', 'Updated Feb. 2020': a month and a year, no day
MONTH_ONLY = re.compile(r"^(?:(?:published|date|updated|veröffentlicht|publié(?:e)?|опубликовано|yayın tarihi|stand)"
                        r"\s*:?\s*)?(?P<month>[^\W\d_]{3,})\.?\s+(?P<year>(?:19|20)\d{2})$", re.IGNORECASE)


def month_only(line: str) -> str | None:
    """'2021-03' when a line gives only a month and a year ('March 2021'): no day to put in a chapter's date."""
    match = MONTH_ONLY.match(squash(line))
    month = MONTHS.get(match.group("month").casefold()) if match else None
    return f"{match.group('year')}-{month:02d}" if month else None


def date_line(line: str, month_first: bool | None = None) -> str | None:
    """The date a line states when the line is a date line ('Date: 3 March 2021', 'March 3, 2021', '17.02.2022')."""
    line = squash(line)
    if (";" in line or HISTORY.search(line)) and len(line) < 200:
        return published_in_history(line)
    if len(line) > 80:
        return None
    labelled = DATE_LABEL.match(line)
    if labelled:
        return parse_date(line[labelled.end():], month_first)
    found = parse_date(line, month_first)
    if not found:
        return None
    rest = WEEKDAY.sub("", line)
    for pattern in DATE_PATTERNS:
        rest = pattern.sub("", rest)
    rest = re.sub(r"\b\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|uhr))?\b|\b(?:utc|gmt|msk|cet|cest)\b|\b(?:в|à|um|saat)\b", "",
                  rest, flags=re.IGNORECASE)
    if len(key(rest)) <= 3:
        return found
    kicker = [p for p in re.split(r"\s*[|•·]\s*", rest) if key(p)]
    dated = re.search(r"\S\s*[|•·]|[|•·]\s*\S", line) and len(kicker) <= KICKER_PARTS
    return found if dated and all(len(p.split()) <= 3 and not p.rstrip().endswith(".") for p in kicker) else None


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


CHROME_HEAD = re.compile(r"^(?:share|teilen|partager|поделиться|paylaş|drucken|print|imprimer|печать|yazdır)\b.{0,20}$",
                         re.IGNORECASE)


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


# A journal's history line with its parts between slashes or bars: 'Received: … / Accepted: … / Published: …'
HISTORY = re.compile(r"^(?:received|submitted|eingegangen|eingereicht|reçu|soumis|получен[оа]?|поступил[аи]?|"
                     r"geliş tarihi)\b.*\s[/|•·]\s", re.IGNORECASE)


# A publication date labelled as such, anywhere in a line: a journal's sidebar 'doi: … First published online:
# January 19, 2015', 'Published online: 26 Feb 2016', 'Veröffentlicht am 3. März 2021', 'Опубликовано: …'
PUBLISHED_LABEL = re.compile(r"(?:^|[\s(;|•·])(?:first published(?: online)?|published online|published|"
                             r"date of publication|publication date|veröffentlicht(?: am)?|erschienen am|"
                             r"publié(?: en ligne)?(?: le)?|date de publication|опубликовано|дата публикации|"
                             r"yayın(?:lanma)? tarihi|yayımlanma tarihi)\s*:?\s*", re.IGNORECASE)


def labelled_publication_date(line: str, month_first: bool | None = None) -> str | None:
    """The date a line says the article was published ('… First published online: January 19, 2015'), when the
    date follows the label at once."""
    if len(line) > 300:
        return None
    for match in PUBLISHED_LABEL.finditer(line):
        rest = line[match.end():match.end() + 40]
        found = parse_date(rest, month_first)
        if found and any(p.match(rest) for p in DATE_PATTERNS):
            return found
    return None


def published_in_history(line: str) -> str | None:
    """The publication date from a journal's history line ('Received 16 June 2014; Revised …; Published 17
    December 2014')."""
    for part in re.split(r"\s*[;|•·]\s*|\s+/\s+", squash(line)):
        label = DATE_LABEL.match(part)
        if label and re.match(r"(?:published|publication|опубликован|publié|veröffentlicht|yayın)", part, re.IGNORECASE):
            return parse_date(part[label.end():])
    return None


# An open-access article's licence statement, wherever the page sets it: 'This is an open access article under the
# terms of the Creative Commons Attribution License, which permits …' (left out with the chrome once the title,
# byline and date are read: until then it marks where a journal's header ends)
LICENCE_STATEMENT = re.compile(r"^(?:this (?:is an open[- ]access article|article is (?:an open[- ]access article )?"
                               r"(?:distributed|published|licensed)|work is licensed)|open access funding "
                               r"(?:enabled|provided))\b.{0,200}(?:creative commons|licen[cs]e|projekt deal)",
                               re.IGNORECASE)


def is_licence_statement(line: str) -> bool:
    return len(line) < 600 and bool(LICENCE_STATEMENT.match(squash(line)))


def is_chrome_line(line: str) -> bool:
    text = key(line)
    if not text:
        return True
    if text in ALWAYS_CHROME or CHROME_HEAD.match(text):
        return True
    words = text.split()
    if 1 < len(words) <= 6 and all(key(w) in ALWAYS_CHROME for w in words):  # 'Weiterempfehlen Drucken'
        return True
    if any(p.search(squash(line)) for p in CHROME_PATTERNS) or (len(line) < 200 and REVISION.search(line)):
        return True
    if len(words) <= PHRASE_WORDS and any(p.search(squash(line)) for p in PHRASE_PATTERNS):
        return True
    return is_menu_bar(line)


def is_menu_bar(line: str) -> bool:
    """Several short items on one line: a menu ('Home | About | Research') or breadcrumbs ('Home › Analysis').

    A line holding an address is never one: '/' splits URLs, and a short note (an organisation, a page title
    and its URL) must not be taken for a menu."""
    line = squash(line)
    if re.search(r"https?://|www\.|\.(?:org|com|gov|int|net|edu)\b", line, re.IGNORECASE):
        return False
    items = [i for i in re.split(r"\s*(?:\||·|•|»|›|>|(?<=\s)/(?=\s)|\t)\s*", line) if i.strip()]
    if len(items) < 2 or any(len(i.split()) > 5 for i in items) or line.rstrip().endswith("."):
        return False
    return key(items[0]) in MENU_WORDS or len(items) >= 3


PAGER = re.compile(r"^(?:previous|next|older|newer|prev|vorherige[rs]?|nächste[rs]?|zurück|weiter|précédent|suivant|"
                   r"предыдущ\w*|следующ\w*|назад|далее|önceki|sonraki)(?:\s+(?:article|post|entry|page|chapter|"
                   r"story|beitrag|artikel|kapitel|seite|статья|запись|глава|страница|yazı|sayfa|posts?|entries))?$",
                   re.IGNORECASE)


def is_pager_word(line: str) -> bool:
    """'Previous', 'Next post', 'Следующая статья': a link to the neighbouring page follows it."""
    return bool(PAGER.match(key(line)))


def is_menu_word(line: str) -> bool:
    return key(line) in MENU_WORDS


CLOSING = re.compile(words.COPYRIGHT + r"|" + words.LICENCE + r"|^(?:" + words.TAG_LABELS + r")\s*:|"
                     r"^(?:posted|filed) (?:in|under)\b|^submit comments\b|^\d+\s+comments?$|"
                     # a comments section: '6 Comments on <title>', '3 thoughts on …', '12 комментариев'
                     r"^(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts|kommentare?|commentaires?|réponses?|"
                     r"комментари\w*|отзыв\w*|yorum)\b(?:\s+(?:on|to|zu|à|sur|к|на)\b.*)?$|"
                     r"^comments are closed\b|^kommentare sind geschlossen\b|^les commentaires sont fermés\b|"
                     # a wiki's footer: 'Retrieved from "https://…"'
                     r"^(?:retrieved from|источник\s*[—–-]|abgerufen von|récupérée de|alındığı yer)\s*[«\"„“]?\s*https?://|"
                     r"^[←→«»‹›<>\s]*(?:previous|next)(?:\s+(?:article|post|entry))?\s*[:»›>→]", re.IGNORECASE)


def is_closing_line(line: str) -> bool:
    """A line that closes an article on many sites: copyright or licence notice, tags, comments, previous/next."""
    return len(line) < 300 and bool(CLOSING.search(squash(line)))


# The footer of a wiki page: the revision it shows, which is how a wiki page is cited.
REVISION = re.compile(r"(?:this page was last (?:edited|modified)|последнее изменение этой страницы|эта страница в "
                      r"последний раз была (?:отредактирована|изменена)|dernière modification de cette page|"
                      r"diese seite wurde zuletzt|bu sayfa(?:da)? en son)\b(?P<rest>.{0,80})", re.IGNORECASE)


def revision_date(text: str) -> str | None:
    """The date of a wiki page's revision from its footer ('This page was last edited on 25 October 2019')."""
    match = REVISION.search(text)
    return parse_date(match.group("rest"), False) if match else None


def is_toc_heading(line: str) -> bool:
    """'Contents', 'Содержание [убрать]', 'Inhaltsverzeichnis': a table of contents begins (its toggle aside)."""
    return key(re.sub(r"\\?\[\s*\w+\s*\\?\]\s*$", "", line)) in words.TOC_HEADINGS


def is_stop_line(line: str) -> bool:
    """'Related articles', 'Читайте также', also with a translation after a dash ('Related — 有關')."""
    return key(line) in STOP_LINES or (len(line) < 60 and key(re.split(r"\s+[—–|/]\s+", line)[0]) in STOP_LINES)


def without_edit_links(line: str) -> str:
    """A heading without Wikipedia's '[edit]' / '[Bearbeiten]' / '[править | править код]' links copied with it."""
    return WIKI_EDIT.sub("", line) if len(line) < 200 else line


def is_notes_heading(line: str) -> bool:
    return key(without_edit_links(line)) in NOTES_HEADINGS


def is_credit(line: str) -> bool:
    return bool(CREDIT.match(squash(line))) and len(line) < 200


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation, starting with a capital or a number: a section heading."""
    line = squash(line)
    words = line.split()
    abbreviation = bool(words) and len(words) <= 5 and re.search(r"(?:\b[A-Z]\.){2,}$|\b[IVX]{2,}\.$", line)
    numbered = SECTION_NUMBER.match(line)  # '1. Collect or create information in a way that supports …', 'a. Use …'
    longest, widest = (NUMBERED_HEADING_WORDS, 160) if numbered else (14, 100)
    ends = re.sub(r"(?<=[.!?…])\d{1,3}(?:[,–-]\d{1,3})*$", "", line)  # '… each year.2': a sentence and its marker
    if not 1 <= len(words) <= longest or len(line) > widest or (ends.endswith(SENTENCE_END) and not abbreviation):
        return False
    if re.search(r"\x00|\[\d+\]|\[[ivxl]+\]$", line) or is_credit(line) or parse_date(line):
        return False
    first = line.lstrip("„“”\"«»‘’'(")
    if first != line and re.sub(r"[\d\s]*$", "", line).rstrip("“”\"»«’‘'").endswith(SENTENCE_END):
        return False  # a quotation standing alone ('“Es ist nicht zu wenig Zeit, die wir haben.”1'), no heading
    if len(re.findall(r"[^\W\d_]", line)) < 2 or re.match(r"^\d{1,2}[.)]\s+[a-zа-яё]", first):  # ('K.I.T.T.' is one)
        return False  # a table's figure ('184.7', '32.4%') or a list item ('7. aligned real property …')
    return bool(first) and (first[0].isupper() or first[0].isdigit() or bool(numbered))


# A section's number before its title: '1.', '2.3', 'III.', 'a.', '(b)', followed by a capitalised word
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|\(?[a-h][.)])\s+(?=[A-ZÀ-ÞА-ЯЁ])")
NUMBERED_HEADING_WORDS = 20  # a numbered section title may run longer than a plain heading


TYPED_EMPHASIS = re.compile(r"^\\?([*_])\s*(?P<inner>[^*_]{2,}?)\s*\\?\1$")


def typed_emphasis(line: str) -> str | None:
    """A line wrapped in emphasis typed as characters ('*4) Die digitale Selbstbestimmung fördern *'): its
    text without them."""
    match = TYPED_EMPHASIS.match(line.strip())
    return match.group("inner").strip() if match else None


PERSONAL_SITE = re.compile(r"^(?:(?:Dr|Prof|PD|Doz)\.(?:-Ing\.)?\s+)+(?P<name>[^|–—:]+)$")


def personal_site_name(text: str) -> str | None:
    """The person a site is named after ('Dr. Alexander Klier'): a name behind an academic title, no more."""
    match = PERSONAL_SITE.match(squash(text))
    name = match.group("name").strip() if match else ""
    return name if name and 2 <= len(name.split()) <= 4 and looks_like_name(name) else None

