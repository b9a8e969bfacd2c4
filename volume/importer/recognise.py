"""Recognisers shared by the HTML and text importers: bylines, dates, page chrome, headings, note labels."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),  # also 2021-03-03T08:00
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b"),  # 03.03.2021, day first
)
DATE_LABEL = re.compile(r"^(?:date|published(?: on)?|posted(?: on)?|first published|publication date|"
                        r"updated|last updated)\s*[:\-–—]?\s*", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.IGNORECASE)

BYLINE = re.compile(r"^(?:(?:authors?|author\(s\)|written by)\s*[:\-–—]?|by\s*:|By)\s+(?P<names>.+)$", re.IGNORECASE)
NAME_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "y", "and"}
ROLE_WORDS = {
    "fellow", "director", "professor", "researcher", "research", "analyst", "editor", "lecturer", "associate",
    "head", "chair", "president", "manager", "coordinator", "student", "candidate", "institute", "university",
    "center", "centre", "school", "department", "programme", "program", "foundation", "council", "academy",
    "college", "ministry", "office", "expert", "scholar", "journalist", "correspondent", "consultant",
    "advisor", "adviser", "officer", "staff", "team", "contributor", "senior", "junior", "visiting", "phd",
    "policy", "forum", "network", "group", "press", "review", "journal", "initiative", "project",
}

# Lines that are always page chrome, whatever their neighbours.
ALWAYS_CHROME = {
    "share", "share this", "share this article", "share this page", "share on", "tweet", "print", "print this page",
    "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "copy link",
    "subscribe", "subscribe now", "donate", "donate now", "support us", "skip to content",
    "skip to main content", "back to top", "log in", "login", "sign in", "sign up", "register", "follow us",
    "download pdf", "download the pdf", "cite this", "cite this article", "listen to this article", "menu",
    "open menu", "close menu", "close", "toggle navigation", "search", "newsletter",
}
# Menu items: chrome when two or more come together, or before the article's title.
MENU_WORDS = {
    "home", "about", "about us", "contact", "contact us", "research", "publications", "events", "experts",
    "people", "programs", "programmes", "projects", "commentary", "analysis", "topics", "regions", "media",
    "podcasts", "podcast", "multimedia", "news", "opinion", "issues", "blog", "careers", "press",
    "get involved", "join", "more", "en", "ru", "kz", "english", "русский", "қазақша", "library", "reports",
    "articles", "video", "videos", "work with us", "our team", "team", "partners", "donate",
}
STOP_LINES = {
    "related", "related articles", "related posts", "related content", "related publications", "related reading",
    "related research", "related stories", "read more", "read next", "more to read", "you may also like",
    "you might also like", "recommended", "recommended for you", "most read", "most popular", "popular",
    "latest", "latest articles", "comments", "leave a reply", "leave a comment", "join the discussion",
    "about the author", "about the authors", "more from this author", "more on this topic",
}
CHROME_PATTERNS = (
    re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE),
    re.compile(r"all rights reserved", re.IGNORECASE),
    re.compile(r"\b(?:we use|this (?:web)?site uses) cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|mailing list|updates)\b|"
               r"\benter your e-?mail\b|\byour e-?mail address\b|\bin your inbox\b|\bstay (?:informed|up to date)\b",
               re.IGNORECASE),
    re.compile(r"^(?:tags|topics|filed under|categories|keywords)\s*:", re.IGNORECASE),
    re.compile(r"^share (?:on|via|this)\b", re.IGNORECASE),
    re.compile(r"^\d+\s*(?:min(?:ute)?s?)\s+read$|^reading time\b|^read time\b", re.IGNORECASE),
    re.compile(r"^\d+\s+comments?$|^(?:no )?comments?\s*\(\d+\)$", re.IGNORECASE),
    re.compile(r"^(?:previous|next)(?: article| post)?\s*[:»›>]", re.IGNORECASE),
)
CREDIT = re.compile(r"^(?:photo(?:graph)?|image|picture|illustration|credit|photo credit|image credit)s?"
                    r"\s*(?:credit)?\s*[:|©]\s*\S|^photo by\s+\S", re.IGNORECASE)
NOTES_HEADINGS = {
    "notes", "endnotes", "end notes", "footnotes", "references", "sources", "notes and references",
    "references and notes", "notes and sources", "sources and notes", "citations",
}
ROMAN = re.compile(r"^(?=[ivxl])(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
SENTENCE_END = (".", ",", ";", ":", "!", "…", '"', "”", "’", "»")


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


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO yyyy-mm-dd, or None."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mon"])
        try:
            return datetime.date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def date_line(line: str) -> str | None:
    """The date a line states when the line is a date line ('Date: 3 March 2021', 'March 3, 2021')."""
    line = squash(line)
    if len(line) > 80:
        return None
    labelled = DATE_LABEL.match(line)
    if labelled:
        return parse_date(line[labelled.end():])
    found = parse_date(line)
    if not found:
        return None
    rest = WEEKDAY.sub("", line)
    for pattern in DATE_PATTERNS:
        rest = pattern.sub("", rest)
    return found if len(key(rest)) <= 3 else None


def _looks_like_name(part: str) -> bool:
    words = part.replace(".", ". ").split()
    if not 1 < len(words) <= 6 or any(ch.isdigit() for ch in part):
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS for w in words):
        return False
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-"))
               for w in words)


def parse_byline(line: str, labelled_only: bool = False) -> list[tuple[str, str]] | None:
    """Authors (name, affiliation) named by a byline such as 'By A and B' or 'Author: A, Senior Fellow'."""
    line = squash(line)
    match = BYLINE.match(line)
    if not match or len(line) > 160:
        return None
    if labelled_only and line.startswith("By "):
        return None
    names = re.split(r"\s+[|•·]\s+|\s+[—–]\s+", match.group("names"))[0]
    authors: list[tuple[str, str]] = []
    for chunk in re.split(r"\s*;\s*|\s+and\s+|\s*&\s*|,\s*and\s+", names):
        pieces = [p.strip() for p in chunk.split(",") if p.strip()]
        if not pieces or not _looks_like_name(pieces[0]):
            if authors:
                continue
            return None
        name, affiliation = pieces[0], []
        for piece in pieces[1:]:
            if _looks_like_name(piece) and not affiliation:
                authors.append((name, ""))
                name = piece
            else:
                affiliation.append(piece)
        authors.append((name, ", ".join(affiliation)))
    return authors or None


def is_chrome_line(line: str) -> bool:
    text = key(line)
    if not text:
        return True
    if text in ALWAYS_CHROME:
        return True
    if any(p.search(squash(line)) for p in CHROME_PATTERNS):
        return True
    return is_menu_bar(line)


def is_menu_bar(line: str) -> bool:
    """Several short items on one line: a menu ('Home | About | Research') or breadcrumbs ('Home › Analysis')."""
    items = [i for i in re.split(r"\s*(?:\||·|•|»|›|>|/|\t)\s*", squash(line)) if i.strip()]
    if len(items) < 2 or any(len(i.split()) > 5 for i in items) or line.rstrip().endswith("."):
        return False
    return key(items[0]) in MENU_WORDS or len(items) >= 3 or "\t" in line


def is_menu_word(line: str) -> bool:
    return key(line) in MENU_WORDS


def is_stop_line(line: str) -> bool:
    return key(line) in STOP_LINES


def is_notes_heading(line: str) -> bool:
    return key(line) in NOTES_HEADINGS


def is_credit(line: str) -> bool:
    return bool(CREDIT.match(squash(line))) and len(line) < 200


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation, starting with a capital or a number: a section heading."""
    line = squash(line)
    words = line.split()
    if not 1 <= len(words) <= 14 or len(line) > 100 or line.endswith(SENTENCE_END):
        return False
    if re.search(r"\x00|\[\d+\]|\[[ivxl]+\]$", line):
        return False
    return line[0].isupper() or line[0].isdigit()
