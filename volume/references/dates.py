"""Dates as references write them: APA's "(2019, February 28)", Chicago's "March 3, 2021", "3 May 2024"."""

from __future__ import annotations

import re

from volume.references.text import word_list

_NAMES = word_list("january february march april may june july august september october november december")
MONTHS = {name[:length]: n for n, name in enumerate(_NAMES, 1) for length in (3, len(name))} | {"sept": 9}
SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_MONTH = r"[A-Z][a-z]{2,8}\.?"
DATE_IN_TEXT_RE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),\s*(?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m3>{_MONTH})\s+(?P<y3>\d{{4}})\b"
    r"|\b(?P<y4>\d{4})-(?P<mm4>\d{2})-(?P<d4>\d{2})\b"
)
_MONTH_DAY_RE = re.compile(r"(?P<month>[^\W\d_]+)\.?(?:\s+(?P<day>\d{1,2}))?(?:\s*[–—-].*)?")
_DAY_MONTH_RE = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?")
_APA_RE = re.compile(r"(?P<year>\d{4})(?P<suffix>[a-z])?(?:\s*,\s*(?P<rest>.+))?")
_ND_RE = re.compile(r"n\.\s?d\.?(?:-?[a-z])?", re.IGNORECASE)


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for, or None."""
    return MONTHS.get(word.rstrip(".").lower())


def _valid(parts: list[int]) -> bool:
    year = parts[0]
    return 1000 <= year <= 2100 and (len(parts) < 3 or 1 <= parts[2] <= 31)


def month_day(text: str) -> list[int] | None:
    """[month] or [month, day] from "February 28", "Sept. 7" or "28 February"; [] for a season; else None."""
    text = text.strip()
    if text.lower().rstrip(".") in SEASONS:
        return []
    for regex, swap in ((_MONTH_DAY_RE, False), (_DAY_MONTH_RE, True)):
        match = regex.fullmatch(text)
        if match and month_number(match["month"]):
            day = match["day"]
            return [month_number(match["month"])] + ([int(day)] if day else [])
    return None


def parse_apa_date(inner: str) -> tuple[list[int] | None, str | None] | None:
    """(date parts, or None for "n.d."; year suffix) from inside APA's date parentheses; None if no date."""
    inner = inner.strip()
    if _ND_RE.fullmatch(inner):
        return None, None
    match = _APA_RE.fullmatch(inner)
    if not match:
        return None
    parts = [int(match["year"])]
    if match["rest"]:
        extra = month_day(match["rest"])
        if extra is None:
            return None
        parts += extra
    return (parts, match["suffix"]) if _valid(parts) else None


def find_date(text: str) -> tuple[int, int, list[int]] | None:
    """The first written-out date in a text: (start, end, date parts)."""
    for match in DATE_IN_TEXT_RE.finditer(text):
        if match["y4"]:
            parts = [int(match["y4"]), int(match["mm4"]), int(match["d4"])]
            if 1 <= parts[1] <= 12 and _valid(parts):
                return match.start(), match.end(), parts
            continue
        month = match["m1"] or match["m2"] or match["m3"]
        day = match["d1"] or match["d2"]
        year = match["y1"] or match["y2"] or match["y3"]
        if month_number(month):
            parts = [int(year), month_number(month)] + ([int(day)] if day else [])
            if _valid(parts):
                return match.start(), match.end(), parts
    return None


def date_field(parts: list[int]) -> dict:
    """A CSL date variable."""
    return {"date-parts": [list(parts)]}


# An access date as web references write it, in the languages of the volume's authors: "accessed November 21, 2023",
# "Retrieved April 18, 2021, from", "[Zugriff am 19 04 2024]", "zuletzt abgerufen am 21.10.2018", "[Consulté le : 29 avr.
# 2026]", "Erişim tarihi: 02.05.2026", "(дата обращения: 04.2025)", "consultado el 3 de mayo de 2024". It is never the
# work's date.
ACCESS_WORDS = (
    r"(?:last\s+)?(?:accessed|retrieved|viewed|consulted)(?:\s+on)?|(?:zuletzt\s+)?(?:abgerufen|zugegriffen)\s+am"
    r"|zugriff(?:\s+am)?|stand|consult[ée]e?\s+le|consultado\s+el|erişim\s+tarihi|son\s+erişim|дата\s+обращения"
)
_ACCESS_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s\d{1,2}\s\d{4}|\d{1,2}[./]\d{4}"
    r"|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]+\.?\s+(?:de\s+)?\d{4}|[^\W\d_]+\.?\s+\d{4})"
)
ACCESS_CLAUSE_RE = re.compile(
    rf"[\[(]\s*(?:{ACCESS_WORDS})\s*:?\s*[^\[\]()]{{0,40}}[\])]\.?"  # bracketed: "[Zugriff am …]", "(дата обращения: …)"
    rf"|,?\s*\b(?:{ACCESS_WORDS})\s*:?\s*{_ACCESS_DATE}(?:,?\s*(?:\d{{1,2}}:\d{{2}}\s*(?:Uhr)?))?"
    r"(?:\s*,?\s*(?:from|unter|at)\b\s*:?)?\.?",
    re.IGNORECASE,
)


def strip_access(text: str) -> tuple[str, list[int] | bool]:
    """The text without its access-date clauses, and the date of the first (its parts; True when it cannot be read;
    False when there is none)."""
    found = ACCESS_CLAUSE_RE.search(text)
    if not found:
        return " ".join(text.split()), False
    stripped = ACCESS_CLAUSE_RE.sub(" ", text)
    return " ".join(stripped.split()), access_date(found.group()) or True


def access_date(clause: str) -> list[int] | None:
    """The date of an access clause: "November 21, 2023", "19 04 2024" and "02.05.2026" (day first), "04.2025",
    "29 avr. 2026"."""
    clause = re.sub(rf"(?i)^\W*(?:{ACCESS_WORDS})\s*:?\s*", "", clause.strip()).strip(" .,;:[]()")
    clause = re.sub(r"(?i),?\s*(?:from|unter|at)$|,?\s*\d{1,2}:\d{2}.*$", "", clause).strip(" .,")
    numeric = re.fullmatch(r"(?:(\d{1,2})[./\s])?(\d{1,2})[./\s](\d{4})", clause)
    if numeric:
        parts = [int(numeric[3]), int(numeric[2])] + ([int(numeric[1])] if numeric[1] else [])
        return parts if 1 <= parts[1] <= 12 and _valid(parts) else None
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", clause)
    if iso:
        return [int(iso[1]), int(iso[2]), int(iso[3])]
    found = date_at_end(clause)
    return found[1] if found and found[0] == 0 else None


# Month names of the other languages the volume's authors write in (French, German, Spanish, Turkish, Russian), by
# their first four letters (abbreviations written "févr.", "Sept.", "сент."); read only where a web note's date is.
_OTHER_MONTHS = (
    "janv févr mars avri mai juin juil août sept octo nove déce",
    "janu febr märz apri mai juni juli augu sept okto nove deze",
    "ener febr marz abri mayo juni juli agos sept octu novi dici",
    "ocak şuba mart nisa mayı hazi temm ağus eylü ekim kası aralı",
    "janv fevr mars avr mai juin juil aout sept oct nov dec",
    "янва февр март апре мая июня июля авгу сент октя нояб дека",
)
OTHER_MONTHS = {name[:4]: n for row in _OTHER_MONTHS for n, name in enumerate(row.split(), 1)}
_DAY_MONTH_YEAR_RE = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+(?:de\s+)?)?(?P<month>[^\W\d_]{3,})\.?\s+(?:de\s+)?(?P<year>\d{4})$")


def any_month(word: str) -> int | None:
    """The month a name stands for in English or one of the volume's other languages, or None."""
    word = word.rstrip(".").lower()
    return month_number(word) or OTHER_MONTHS.get(word[:4]) or (OTHER_MONTHS.get(word) if len(word) == 3 else None)


def date_at_end(text: str) -> tuple[int, list[int]] | None:
    """A date that ends a text, in any of the volume's languages ("18 févr. 2025", "3 de mayo de 2024", "mai 2024",
    "September 14, 2022"): (where it starts, date parts), or None."""
    found = find_date(text)
    if found and not text[found[1]:].strip(" ,."):
        return found[0], found[2]
    match = _DAY_MONTH_YEAR_RE.search(text.rstrip(" ,."))
    if match and any_month(match["month"]) and (match.start() == 0 or not text[match.start() - 1].isalnum()):
        parts = [int(match["year"]), any_month(match["month"])] + ([int(match["day"])] if match["day"] else [])
        if _valid(parts):
            return match.start(), parts
    return None
MONTH_WORD = "(?:" + "|".join(sorted({re.escape(m[:3]) for m in (*MONTHS, *OTHER_MONTHS)}, key=len, reverse=True)) + r")[^\W\d_]*\.?"
# what may stand between an access word and the year a labeller marked as the date: "Zugriff am 03.03.", "le 3 mars"
ACCESS_BEFORE_YEAR = rf"(?:{ACCESS_WORDS})\W*(?:(?:\d{{1,2}}|{MONTH_WORD})[\s.,/-]*){{0,3}}"
