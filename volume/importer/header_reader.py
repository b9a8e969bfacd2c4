"""A scored reader of an article's header: each of the first lines of a page (as copied, or as the page's blocks)
gets a score as the title, a byline and a date from features that hold on any site (position beside the other
two, length, case, byline and date labels in six languages, date shapes, a name's shape, words shared with the
text, agreement with the page's <h1>/og:title); the best line of each kind is read. The importer's rules run
first; `settle_header` takes the reader's field where the rules found none or found something no header holds
(a menu word as the title, a label left in a name). The weights are set by hand on the fit half of
tests/cases/import/headers/ (see README, 'Header reader')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from volume.importer import furniture, words
from volume.importer import recognise as rec

# Byline labels as pages print them before the names, longest first: 'Artikel von', 'Post author By',
# 'Veröffentlicht von', 'Por', 'Автор:'. The publisher's masthead ('Herausgegeben von') credits no author.
LABEL = re.compile(r"^(?:(?:post\s+author|artikel|beitrag|text|ein\s+(?:beitrag|artikel))\s+)?(?:(?:"
                   + words.BYLINE_LABELS + r")\s*[:\-–—]?|by|von|par|por|от|yazan)\s*:?\s*(?=\S)", re.IGNORECASE)
NOT_AUTHORS = re.compile(r"^(?:herausgegeben|published|edited|photo|foto|bild|image|fotos?|photos?)\b", re.IGNORECASE)
# (Latin Extended-A, both cases, for Turkish, Polish, Czech names: 'Ayşe Yılmaz', 'İlhan Şahin', 'Łukasz')
UPPER, LOWER = "A-ZÀ-ÞĀ-ſА-ЯЁ", "a-zà-ÿĀ-ſа-яё"
NAME_WORD = re.compile(rf"[{UPPER}](?:[{LOWER}'’-]+|\.)(?:-[{UPPER}][{LOWER}'’]+)?|[{UPPER}]{{1,2}}\.?|"
                       r"(?:Mc|Mac|O’|O'|De|Di|La|Le)[A-ZÀ-Þ][a-zà-ÿ]+|Jr\.?|Sr\.?|" + "|".join(sorted(rec.NAME_PARTICLES)))
# What a page glues after a name in its byline: the writer's role or the paper ('Evan HalperStaff Writer',
# 'Isabel KeaneJournal News', 'Richard Adams Education editor', 'Bob Yirka , Phys.org').
ROLE_AFTER_NAME = re.compile(r"\s*(?:,\s*|\s+)(?:(?:senior|chief|deputy|associate|contributing|staff|special|"
                             r"education|political|science|health|foreign|business|sports?)\s+)?(?:writer|editor|"
                             r"reporter|correspondent|columnist|contributor|journalist|redakteur(?:in)?|"
                             r"rédact(?:eur|rice)|journaliste|periodista|корреспондент)\b.*$", re.IGNORECASE)
CAMEL_GLUE = re.compile(r"(?<=[a-zà-ÿа-яё]{2})(?=[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё])")
YEAR_GLUE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}[.:\s]|[^\W\d_])")
LABEL_GLUE = re.compile(r"\b((?i:" + words.HIDDEN_LABELS + r"))(?=[A-ZÀ-ÞА-ЯЁ])")  # 'Veröffentlicht vonChris Jung'
SPACED_DATE = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.\s(?P<mon>\d{1,2})\.\s(?P<year>(?:19|20)\d\d)(?!\d)")
UPDATED = re.compile(r"\b(?:updated|aktualisiert|mis à jour|actualizado|обновлено|güncellen\w*|last modified|"
                     r"zuletzt)\b", re.IGNORECASE)
DATE_LEAD = re.compile(r"^(?:(?:" + words.DATE_LABELS + r")\s*[:\-–—]?\s*|(?:le|am|on|el|den)\s+(?=\d)|post date\s+)",
                       re.IGNORECASE)
COMMENT = re.compile(r"\b(?:says|sagt|schreibt|dit|dice|пишет)\s*:?\s*$|^(?:reply|antworten|répondre|responder)$",
                     re.IGNORECASE)
HEAD_LINES = 300  # lines of the page read as its header at most
TEXT_WORDS = 25  # a line this long that ends a sentence is the article's text


@dataclass
class Header:
    title: str = ""
    title_score: float = 0.0
    authors: list[str] | None = None
    byline_score: float = 0.0
    byline_line: str = ""
    date: str = ""
    date_score: float = 0.0
    date_line: str = ""  # the line, when it is only the date
    dated_line: str = ""  # the line the date was read from
    lines: list[str] = field(default_factory=list)
    titles: dict[int, float] = field(default_factory=dict)  # every title candidate's score, by line


def unglued(text: str) -> str:
    """A header line with the joints a copy without style sheet leaves set apart: a year glued to what follows
    ('20202. Februar', '202200:00'), a word glued to a capitalised one ('vonChris', 'HalperStaff')."""
    return CAMEL_GLUE.sub(" ", YEAR_GLUE.sub(r"\1 ", text))


def line_date(text: str) -> tuple[str | None, bool]:
    """The date a header line gives, and whether the line is (nearly) only that date with its label."""
    text = rec.squash(unglued(text))
    if len(text) > 120:
        return None, False
    spaced = SPACED_DATE.search(text)
    if spaced:
        text = text[:spaced.start()] + f"{spaced['day']}.{spaced['mon']}.{spaced['year']}" + text[spaced.end():]
    found = rec.date_line(text) or rec.date_line(DATE_LEAD.sub("", text))
    if found:
        return found, True
    found = rec.parse_date(text)
    return found, False


def byline_names(text: str, labelled: bool | None = None) -> list[str] | None:
    """The names a byline line gives ('By Daniel' → Daniel; 'Artikel von Alexa von Heyden'; 'By Evan HalperStaff
    Writer' → Evan Halper; 'Robert Brum and Isabel KeaneJournal News' → both names), or None. With `labelled`
    False the line must be names alone."""
    text = LABEL_GLUE.sub(r"\1 ", rec.squash(text))
    if len(text) > 160 or NOT_AUTHORS.search(text):
        return None
    label = LABEL.match(text)
    if labelled is True and not label:
        return None
    rest = text[label.end():] if label else text
    if label is None and labelled is None:
        return None
    rest = re.split(r"\s+[|•·]\s+|\s+[—–-]\s+(?=\d)|\s*,?\s+(?:on|am|le|el|den)\s+(?=\d)", rest)[0]
    dated = [m.start() for pattern in rec.DATE_PATTERNS for m in pattern.finditer(rest)]
    rest = rest[:min(dated)] if dated else rest
    names = []
    for part in re.split(r"\s*(?:,\s*(?:" + words.AND_WORDS + r"|y)\s+|\s(?:" + words.AND_WORDS + r"|y)\s|&|;)\s*",
                         rest.strip(" ,;:")):
        part = ROLE_AFTER_NAME.sub("", without_glued_tail(part.strip(" ,;:")))
        listed = re.split(r"\s*,\s*", part)
        if len(listed) > 1 and all(len(p.split()) >= 2 and _name_only(p) == p for p in listed):
            names += listed  # ('Автор: Иван Петров, Мария Сидорова': two names, not a name and a role)
            continue
        part = _name_only(listed[0])
        if not part:
            return names or None
        names.append(part)
    return names or None


def without_glued_tail(name: str) -> str:
    """A name without what a page glued after it: 'Evan HalperStaff Writer' → 'Evan Halper', 'Isabel
    KeaneJournal News' → 'Isabel Keane' (only where two words or more follow the joint: 'Ruth MacArthur' stays)."""
    glue = CAMEL_GLUE.search(name)
    if glue and len(name[:glue.start()].split()) >= 2 and (len(name[glue.start():].split()) >= 2
                                                            or ROLE_AFTER_NAME.match(" " + name[glue.start():])):
        return name[:glue.start()]
    return name


def _name_only(part: str) -> str | None:
    """The person's name a byline's part opens with: the whole part when it looks like a name; else its first two
    or three words when they do and the rest is a glued organisation ('Isabel Keane Journal News'); one word only
    when a label stood before it ('By Daniel')."""
    tokens = part.split()
    if not tokens or any(ch.isdigit() for ch in part) or any(t.casefold().strip(".,") in words.MONTHS for t in tokens):
        return None
    if len(tokens) > 1 and not all(NAME_WORD.fullmatch(t) for t in tokens[:3]):
        return None  # ('MineralölINFO November', 'Verzerrtes Politik(er*innen)bild')
    if len(tokens) == 1:
        return part if re.fullmatch(rf"[{UPPER}][\w'’.-]{{1,30}}", part) and part.casefold().strip(".:") not in NOT_NAMES \
            and part.casefold().strip(".:") not in words.HEADING_WORDS else None  # ('By' / 'Introduction': no name)
    if rec.looks_like_name(part) and not rec.organisation(part) and len(tokens) <= 4:
        return part
    for size in (3, 2):
        head = " ".join(tokens[:size])
        if len(tokens) > size and rec.looks_like_name(head) and tokens[size][:1].isupper() \
                and tokens[size - 1].casefold() not in rec.NAME_PARTICLES:  # ('Würde des Lebens': no 'Würde des')
            return head
    return None


NOT_NAMES = {"admin", "redaktion", "editor", "editors", "staff", "guest", "anonymous", "the", "comments", "share",
             "email", "twitter", "facebook", "print"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 3}


def _is_text(line: str) -> bool:
    return len(line.split()) >= TEXT_WORDS and line.rstrip()[-1:] in ".!?…\"”»)"


def text_start(lines: list[str]) -> int:
    """The first line of the article's text: a long sentence with another one within ten lines (not a banner the
    page prints twice, 'Thank you for visiting nature.com …')."""
    seen = {}
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
    long = [i for i, line in enumerate(lines) if _is_text(line) and seen[line] == 1 and not _furniture(line)]
    return next((i for i in long if any(i < j <= i + 10 for j in long)), long[0] if long else len(lines))


def _furniture(line: str) -> bool:
    return rec.is_chrome_line(line) or rec.is_menu_word(line) or rec.is_stop_line(line) or rec.is_pager_word(line) \
        or bool(COMMENT.search(line))


def title_scores(lines: list[str], start: int, hints: set[str]) -> dict[int, float]:
    """Each line before the text that can be a title, scored: the words it shares with the text's first lines,
    a byline or date close under or over it, agreement with the page's <h1> / og:title, its length."""
    sample = set().union(*(_words(x) for x in lines[start:start + 12])) if start < len(lines) else set()
    scores = {}
    for i in range(max(0, start - 40), min(start + 1, len(lines))):
        line = rec.squash(lines[i])
        count = len(line.split())
        if not 2 <= count <= 30 or _furniture(line) or line_date(line)[1] or byline_names(line, True) \
                or _credit_line(line) \
                or (line.endswith(".") and count > 12) or not re.search(r"[^\W\d_]{3}", line):
            continue
        own = _words(line)
        score = 2.0 * len(own & sample) / max(1, len(own)) + (0.5 if line[:1].isupper() or line[:1] in "„“\"«¿¡'‘" else 0)
        near = [j for j in range(i + 1, min(len(lines), i + 5)) if _meta_line(lines[j])]
        score += 1.5 if near else (0.5 if any(_meta_line(lines[j]) for j in range(max(0, i - 3), i)) else 0)
        score += 2.0 if rec.key(line) in hints else 0
        under = lines[i + 1] if i + 1 < len(lines) else ""
        above = lines[i - 1] if i > 0 else ""
        kicker = _kicker_over(line, under)
        score += 0.75 if len(under.split()) > count and not _meta_line(under) and not _is_text(under) \
            and not kicker else 0  # (a headline over its longer standfirst)
        score -= KICKER_COST if kicker else 0
        score -= STANDFIRST_COST if _standfirst_under(above, line) else 0
        short_run = sum(1 for j in (i - 1, i + 1) if 0 <= j < len(lines) and len(lines[j].split()) <= 2)
        score -= 0.75 * short_run if not near else 0
        score -= 0.1 * max(0, count - 18)
        scores[i] = score
    return scores


KICKER_WORDS = 5  # a kicker (a section's or story's label over the headline) is this short at most
STANDFIRST_WORDS = 12  # a standfirst under the headline is a sentence this long at least
KICKER_COST = 1.0
STANDFIRST_COST = 1.0


def _kicker_over(line: str, under: str) -> bool:
    """Whether a line is a kicker over the headline under it: short, ending no sentence, over a longer line of
    three words or more that ends no sentence either and is no byline or date ('Siemens und die Kohlemine Adani' over
    'Kaeser verarscht Neubauer' is not: the headline is no longer)."""
    count, below = len(line.split()), len(under.split())
    return count <= KICKER_WORDS and 3 <= below <= 20 and below > count and not line.rstrip().endswith((".", ":")) \
        and not under.rstrip().endswith(".") and not _meta_line(under) and not _furniture(under) \
        and bool(re.search(r"[^\W\d_]{3}", under))


def _standfirst_under(above: str, line: str) -> bool:
    """Whether a line is the standfirst under a headline: a sentence of twelve words or more under a shorter line
    that ends no sentence and is no byline, date or page chrome."""
    count = len(line.split())
    return count >= STANDFIRST_WORDS and line.rstrip().endswith((".", "!", "?", "…")) \
        and 2 <= len(above.split()) < count and not above.rstrip().endswith(".") and not _meta_line(above) \
        and not _furniture(above)


AFFILIATION_OR_ID = re.compile(r"^\d{1,2}\s?[A-ZÀ-Þ]|^(?:doi|issn|isbn|e-?mail|orcid)\b|\bmail$|https?://|\b10\.\d{4,}/",
                               re.IGNORECASE)


def _credit_line(line: str) -> bool:
    """A journal header's line that is no title: an author with a mail mark, a numbered affiliation, a DOI or
    ISSN line, a list of names."""
    return bool(AFFILIATION_OR_ID.search(line)) or bool(rec.name_list(line)) or bool(_bare_name(line, True))


def _meta_line(line: str) -> bool:
    return bool(line_date(line)[0]) or bool(byline_names(line, True))


def date_scores(lines: list[str], anchor: int, start: int) -> dict[int, tuple[float, str]]:
    """Each line near the title that gives a date, scored: only a date (with its label) beats a date inside
    other words, a publication label beats an update's, a list of dated lines (a sidebar, comments) counts
    against each of them, and so does the distance from the title."""
    found = {}
    for i in range(max(0, anchor - 6), _header_end(lines, anchor, start)):
        date, alone = line_date(lines[i])
        if date:
            found[i] = (date, alone)
    scores = {}
    for i, (date, alone) in found.items():
        line = lines[i]
        score = 2.0 + (1.0 if alone else 0) + (1.0 if DATE_LEAD.match(rec.squash(line).lstrip("-–—|•·: ")) else 0)
        score -= 1.0 if UPDATED.search(line) else 0
        score -= 1.5 * sum(1 for j in found if j != i and abs(j - i) <= 2 and found[j][0] != date)
        score -= 2.0 if i > 0 and COMMENT.search(lines[i - 1]) else 0
        score -= _distance(i, anchor, start)
        score -= 0.5 if len(line) > 80 else 0
        scores[i] = (score, date)
    return scores


def _header_end(lines: list[str], anchor: int, start: int) -> int:
    """Where the header's reach ends: twelve lines into the text, or at a list's heading after the title ('Das
    Neueste', 'Related articles'), whichever comes first."""
    end = min(len(lines), max(start, anchor) + 12)
    return next((i for i in range(anchor + 1, end) if rec.is_stop_line(lines[i])), end)


def _distance(i: int, anchor: int, start: int) -> float:
    """What a byline's or date's distance from its place costs: between the title and the text little, above the
    title or inside the text more."""
    if anchor <= i <= start:
        return 0.02 * (i - anchor)
    if i < anchor:
        return 0.25 * (anchor - i)
    return 0.25 * (i - max(start, anchor)) + (1.0 if i > max(start, anchor) + 4 else 0)


def byline_scores(lines: list[str], anchor: int, start: int, dates: dict[int, tuple[float, str]],
                  site_names: set[str] = frozenset()) -> dict[int, tuple[float, list[str]]]:
    """Each line near the title that names its authors, scored: a labelled byline beats a name alone (which
    counts only beside the title or a date), the distance from the title counts against it."""
    scores = {}
    for i in range(max(0, anchor - 4), min(_header_end(lines, anchor, start), max(start, anchor) + 10)):
        line = lines[i]
        names = byline_names(line, True)
        score = 3.0
        if not names and len(line) <= 60 and (anchor < i <= anchor + 3 or i - 1 in dates or i + 1 in dates) \
                and not (i > 0 and SECTION_NUMBER.fullmatch(rec.squash(lines[i - 1]))):  # ('I' / 'Laying Plans')
            beside = i - 1 in dates or i + 1 in dates
            names = _bare_name(line, capitals=beside, title=lines[anchor] if anchor < len(lines) else "")
            score = 2.5 if beside else 1.75
        if not names and i in dates:
            names = _name_beside_date(line)
            score = 2.0
        if not names or any(re.sub(r"\W|_", "", n.casefold()) in site_names for n in names):
            continue  # (the blog's name over its date header)
        score -= 2.0 if (i + 1 < len(lines) and COMMENT.search(lines[i + 1])) or COMMENT.search(line) else 0
        score -= _distance(i, anchor, start)
        scores[i] = (score, names)
    return scores


# A section's number alone on its line ('I', '12.', 'Chapter IV', 'Глава 3'): the line under it is that section's
# title, never a byline, however much it looks like a name.
SECTION_NUMBER = re.compile(r"(?:(?:chapter|part|book|section|kapitel|teil|chapitre|partie|глава|часть|bölüm|kısım)\s+)?"
                            r"(?:(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|\d{1,3})\.?", re.IGNORECASE)


def _name_beside_date(line: str) -> list[str] | None:
    """The name a dated header line gives before or after its dates ('2. Februar 2020 Alexander Roll 1 Kommentar',
    'Martin Clavey Politique scientifique française 20 janvier 2020')."""
    text = rec.squash(unglued(line))
    spans = sorted((m.start(), m.end()) for pattern in rec.DATE_PATTERNS for m in pattern.finditer(text))
    if not spans:
        return None
    for part in (text[spans[-1][1]:], text[:spans[0][0]]):
        part = re.sub(r"^[\s|•·,–—-]+|[\s|•·,–—-]+$", "", rec.WEEKDAY.sub("", part))
        tokens = re.split(r"\s+(?=\d)|\s*[|•·,]\s*", part)[0] if part else ""
        name = _name_only(tokens) if tokens and not LABEL.match(tokens) else None
        if name and " " in name:
            return [name]
    return None


def _bare_name(line: str, capitals: bool = False, title: str = "") -> list[str] | None:
    """A line that is a person's name alone; in capitals only beside a date ('NATHANAEL JOHNSON' over it, not 'LO
    MÁS LEIDO' over a list)."""
    text = rec.squash(line)
    if re.search(r"[:;!?\d@]", text) or _furniture(text) or (text.isupper() and not capitals) \
            or re.search(r"\s(?:" + words.AND_WORDS + r"|&)\s", text) or _words(text) & _words(title):
        return None
    name = _name_only(text)
    return [name] if name and " " in name else None


def read_header(lines: list[str], hints: set[str] = frozenset(), site_names: set[str] = frozenset()) -> Header:
    """The title, byline and date the header lines score best for (empty where none scores)."""
    lines = [rec.squash(x) for x in lines[:HEAD_LINES] if rec.squash(x)]
    header = Header()
    if not lines:
        return header
    start = text_start(lines)
    titles = title_scores(lines, start, {rec.key(h) for h in hints if h})
    header.lines, header.titles = lines, titles
    anchor = max(titles, key=lambda i: (titles[i], i)) if titles else max(0, start - 1)
    if titles:
        header.title, header.title_score = lines[anchor], titles[anchor]
    dates = date_scores(lines, anchor, start)
    if dates:
        best = max(dates, key=lambda i: dates[i][0])
        header.date_score, header.date = dates[best]
        header.date_line = lines[best] if line_date(lines[best])[1] else ""
        header.dated_line = lines[best]
    bylines = byline_scores(lines, anchor, start, dates, site_names)
    if bylines:
        best = max(bylines, key=lambda i: bylines[i][0])
        header.byline_score, header.authors = bylines[best]
        header.byline_line = lines[best]
    return header


TITLE_AT_LEAST = 2.0  # the reader's title replaces a rule's implausible one from this score up
BYLINE_AT_LEAST = 1.5
DATE_AT_LEAST = 1.0


def implausible_title(title: str) -> bool:
    """A title no article has: a menu or pager word, a byline or date line, a banner sentence."""
    text = rec.squash(title)
    return not text or _furniture(text) or rec.is_pager_word(text) or bool(byline_names(text, True)) \
        or bool(line_date(text)[1]) or (len(text.split()) > 30) or (text.endswith(".") and len(text.split()) > 20)


def clean_authors(authors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Authors without a byline's label left in the name ('Artikel von A', 'By Daniel') or a role or paper glued
    after it ('Evan HalperStaff Writer', 'Isabel KeaneJournal News')."""
    cleaned = []
    for name, place in authors:
        names = byline_names(name, True) if LABEL.match(name) else None
        bare = ROLE_AFTER_NAME.sub("", without_glued_tail(name)) if not names else name
        if not names and bare != name:
            names = [n for n in [_name_only(bare)] if n]
        cleaned += [(n, place) for n in names] if names else [(name, place)]
    people = [(name, place) for name, place in cleaned if not DEGREE.fullmatch(name.strip())]
    return people or cleaned  # ('J.S. SHEDLOCK, B.A.': the degree after the name is no second author)


DEGREE = re.compile(r"(?:[A-Z]\.\s?){2,3}|(?:Ph\.?\s?D|M\.?\s?D|LL\.?\s?[BDM]|D\.?\s?Litt|Knt|Esq|MBA|MSc|BSc|PhD)\.?",
                    re.IGNORECASE)


def implausible_authors(authors: list[tuple[str, str]], title: str) -> bool:
    """Authors no byline names: the title, a line of four words or more, a heading in capitals ('ÚLTIMAS
    NOTICIAS'), a publisher's masthead."""
    return any(rec.key(name) == rec.key(title) or len(name.split()) > 4
               or (name.isupper() and len(name) > 4 and not INITIAL.search(name)) or NOT_AUTHORS.search(name)
               for name, _ in authors)  # (a name in capitals with an initial is one: 'WILLIAM H. HOLMES')


INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-ÞА-ЯЁ]\.")


MENU_WORDS = 3  # a title of this many words at most, between lines as short, is a menu's entry ('Edición PDF')


def _in_menu(header: Header, title: str) -> bool:
    """Whether the rules' title is a short line of the header between short lines (a menu's entry)."""
    wanted = rec.key(rec.plain(title))
    at = next((i for i, line in enumerate(header.lines) if rec.key(line) == wanted), None)
    short = lambda j: 0 <= j < len(header.lines) and len(header.lines[j].split()) <= MENU_WORDS  # noqa: E731
    return at is not None and short(at) and short(at - 1) and short(at + 1) \
        and len(header.title.split()) > MENU_WORDS  # (the reader's own title no menu entry: 'Über mich')


def settle_header(article) -> None:
    """Take the reader's title, authors and date where the rules found none, or found what no header holds; the
    lines it read them from leave the text (article.take_header_line). Names the rules found are cleaned of labels
    and glued roles either way."""
    from volume.importer.article import inline_text, take_header_line

    def take_line(text: str) -> bool:
        return take_header_line(article, text)

    article.authors = clean_authors(article.authors)
    if any(NOT_AUTHORS.search(name) for name, _ in article.authors):  # a masthead's 'Herausgegeben von A, B'
        article.dropped.append(f"not the authors (a masthead or credit): {', '.join(a for a, _ in article.authors)}")
        article.authors = []
    if not article.header:
        return
    header = read_header(article.header, site_names=article.site_names)
    read = {rec.key(header.dated_line), rec.key(header.byline_line)} - {""}
    if header.title and header.title_score >= TITLE_AT_LEAST and (
            implausible_title(rec.plain(article.title)) or rec.key(rec.plain(article.title)) in read
            or _in_menu(header, article.title)):
        article.recognised.append(f"title: {header.title} (the header reader's, over '{rec.plain(article.title)[:40]}')")
        article.title = inline_text(header.title, None, markers=False)
        take_line(header.title)
    if header.authors and header.byline_score >= BYLINE_AT_LEAST and (
            not article.authors or implausible_authors(article.authors, rec.plain(article.title))):
        article.authors = [(name, "") for name in header.authors]
        article.recognised.append(f"author: {', '.join(header.authors)} (the header reader's, from "
                                  f"'{header.byline_line[:60]}')")
        take_line(header.byline_line)
    if header.date and header.date_score >= DATE_AT_LEAST and not article.date:
        article.date = header.date
        article.recognised.append(f"date: {header.date} (the header reader's)")
        if header.date_line:
            take_line(header.date_line)
