"""Dates as pages print them: a full date in any of the common forms read as ISO, a date line, a month alone, a
journal's labelled publication date and history line, a wiki's revision footer."""

from __future__ import annotations

import datetime
import re

from volume.importer import words
from volume.importer.line_text import key, squash

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


# The footer of a wiki page: the revision it shows, which is how a wiki page is cited.
REVISION = re.compile(r"(?:this page was last (?:edited|modified)|последнее изменение этой страницы|эта страница в "
                      r"последний раз была (?:отредактирована|изменена)|dernière modification de cette page|"
                      r"diese seite wurde zuletzt|bu sayfa(?:da)? en son)\b(?P<rest>.{0,80})", re.IGNORECASE)


def revision_date(text: str) -> str | None:
    """The date of a wiki page's revision from its footer ('This page was last edited on 25 October 2019')."""
    match = REVISION.search(text)
    return parse_date(match.group("rest"), False) if match else None
