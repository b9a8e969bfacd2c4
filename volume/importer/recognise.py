"""Recognisers shared by the HTML and text importers: page chrome, headings, note labels, a text's language; the
dates (dates.py), names and bylines (names.py) and a line's reduced text (line_text.py) are read in their own
modules and named here too, so that callers keep one name space."""

from __future__ import annotations

import re

from volume.importer import words
# (named here for the importers, which call them all as recognise's)
from volume.importer.dates import (DATE_LABEL, DATE_PATTERNS, WEEKDAY, date_line, labelled_publication_date,  # noqa: F401
                                   month_only, parse_date, REVISION, revision_date)
from volume.importer.line_text import key, plain, squash  # noqa: F401
from volume.importer.names import (LABEL_AFTER_COMMA, NAME_PARTICLES, ROLE_CREDIT, affiliation_line,  # noqa: F401
                                   looks_like_name, name_list, name_marks, name_with_role, organisation,
                                   organisation_line, parse_byline, speakers, without_honorifics)


ALWAYS_CHROME = words.ALWAYS_CHROME
MENU_WORDS = words.MENU_WORDS
STOP_LINES = words.STOP_LINES
CHROME_HEAD = re.compile(r"^(?:share|teilen|partager|поделиться|paylaş|drucken|print|imprimer|печать|yazdır)\b.{0,20}$",
                         re.IGNORECASE)
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
    # a video player's buttons as a copy keeps them: 'Sound on Sound off Play Pause', 'Play Mute Fullscreen'
    re.compile(rf"^(?:{words.PLAYER_BUTTONS})(?:\s+(?:{words.PLAYER_BUTTONS})){{1,8}}$", re.IGNORECASE),
    # a journal's figure or table box as a copy keeps it: its download links ('Download:' / 'PPT' / 'PowerPoint
    # slide' / 'larger image ()'), the figure's own DOI ('doi:10.1371/journal.pone.0111303.g003'), and the links
    # that open it ('Click here to enlarge figure', 'Click here to display table')
    re.compile(r"^(?:download\s*:|ppt|powerpoint slide|png|tiff|(?:larger|original) image\s*\(\s*[^)]{0,20}\)|"
               r"click here to (?:display|enlarge|view|download) (?:the )?(?:table|figure|image)s?|"
               r"doi:\s*10\.\d{4,9}/\S+\.[gt]\d{3,4})$", re.IGNORECASE),
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
                    r"^\(?(?:photo|image|picture|illustration|фото|foto|fotoğraf)\s+(?:by|:|von|de|par)\s+\S|"
                    # a credit line naming whose photos they are first: 'Photocredits MYMARINI: Christin Schwarzer'
                    r"^\(?(?:photo ?credits?|fotocredits?|image credits?|bildnachweise?)\b[^:.]{0,40}:\s*\S",
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
    if re.search(r"\x00|\[\d+\]|\[[ivxl]+\]$", line) or is_credit(line) or parse_date(line) or \
            journal_furniture(line):
        return False
    first = line.lstrip("„“”\"«»‘’'(")
    if first != line and re.sub(r"[\d\s]*$", "", line).rstrip("“”\"»«’‘'").endswith(SENTENCE_END):
        return False  # a quotation standing alone ('“Es ist nicht zu wenig Zeit, die wir haben.”1'), no heading
    if len(re.findall(r"[^\W\d_]", line)) < 2 or re.match(r"^\d{1,2}[.)]\s+[a-zа-яё]", first):  # ('K.I.T.T.' is one)
        return False  # a table's figure ('184.7', '32.4%') or a list item ('7. aligned real property …')
    return bool(first) and (first[0].isupper() or first[0].isdigit() or bool(numbered))


# A journal article's furniture under its title, each a label and its value: 'Editor: Qi Wang, …', 'Academic
# Editor: …', 'Received: …; Accepted: …', 'Published: …', 'Citation: Shi G, … (2014) …', 'DOI: 10.1371/…'
JOURNAL_LABEL = re.compile(r"^(?:\*\*)?(?:academic\s+|handling\s+|external\s+|guest\s+)?(?:editor|edited\s+by|reviewed\s+by|received|revised|"
                           r"accepted|published(?:\s+online)?|citation|doi|copyright)(?:\*\*)?\s*:\s*\S", re.IGNORECASE)
JOURNAL_LABEL_WORDS = 80  # such a line runs this long at most (a citation with its authors)


def journal_furniture(line: str) -> bool:
    """A journal's label-and-value line under an article's title (its editor, dates, citation, DOI): neither a
    heading nor the article's text."""
    return bool(JOURNAL_LABEL.match(line.strip())) and len(line.split()) <= JOURNAL_LABEL_WORDS


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
