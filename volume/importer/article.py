"""An article as recognised in a web page or copied text: blocks, notes and metadata, written out as a chapter."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.diagnostics import Report, SourceLocation
from volume.importer import citations, furniture
from volume.importer import notes as notes_list
from volume.importer import recognise as rec
from volume.importer.notes import TOKEN, Note

# Markers as pages print them: [1], [iv], [footnote 3] (GOV.UK), and superscript digits (¹²³) after a word.
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER = re.compile(r"\[(\d{1,3}|[ivxl]{1,7})\]|\[(?:footnote|note|fn|сноска|note de bas de page)\s*(\d{1,3})\]|"
                    r"(?<=[^\W\d_]|[.,;:!?)\]\"”’»])(?<!\b[kcm]m)(?<!\bm)(?<!\bft)([" + SUPERSCRIPTS + r"]{1,3})(?![" + SUPERSCRIPTS + r"])",
                    re.IGNORECASE)
URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]']")
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>$~^])")


@dataclass
class Block:
    """One paragraph-level piece: kind is heading, para, caption, item or quote; text is Markdown inline."""

    kind: str
    text: str
    line: int | None = None
    level: int = 2
    ordinal: int | None = None  # position in a numbered list
    meta: bool = False  # from an element the page marks as byline or date
    anchor: int | None = None  # the note number of the in-page marker link (href="#…") that points here
    broken: bool = False  # one of the short lines a <br> broke a paragraph into (a letterhead, a transcript's header)
    affiliation: bool = False  # an author's affiliation under the names ('1 University of …'): never a heading

    @property
    def plain(self) -> str:
        return rec.plain(self.text)


TEXT_KINDS = ("para", "item", "quote")  # the blocks that carry an article's text


@dataclass
class Article:
    source: Path
    title: str = ""
    subtitle: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)
    date: str = ""
    lang: str = ""
    abstract: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    notes_heading: str = ""
    credited: list[Block] = field(default_factory=list)  # names alone under the title (copied text): authors or credits
    captions: int = 0
    unjoined: list[tuple[str, int | None]] = field(default_factory=list)  # citation groups left as text, lines
    bare_superscripts: set[str] = field(default_factory=set)  # labels of unlinked <sup> numbers taken for markers
    recognised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def headings(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "heading")

    @property
    def has_text(self) -> bool:
        """Whether a paragraph, list item or quotation was recognised (an article without one is refused)."""
        return any(b.kind in TEXT_KINDS for b in self.blocks)


def token(label: str, line: int | None) -> str:
    value = rec.label_value(label)
    return f"\x00{value}:{label}:{line or ''}\x00" if value else f"[{label}]"


def escape(text: str) -> str:
    """Plain text as Markdown inline text that pandoc reads back as the same characters."""
    text = INLINE_SPECIALS.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return re.sub(r"(?<![\w\\])@", r"\\@", text)


def inline_text(text: str, line: int | None, markers: bool = True) -> str:
    """A run of plain text as Markdown: whitespace squashed, note markers tokenised, URLs made autolinks."""
    text = re.sub(r"\s+", " ", text)
    out, pos = [], 0
    pattern = re.compile(f"{MARKER.pattern}|{URL.pattern}" if markers else URL.pattern, re.IGNORECASE)
    for match in pattern.finditer(text):
        out.append(escape(text[pos:match.start()]))
        found = match.group(0)
        out.append(f"<{found}>" if found.startswith("http") else token(_marker_label(match), line))
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _marker_label(match: re.Match) -> str:
    label = next(g for g in match.groups()[:3] if g)
    return str(int(label.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))) if label[0] in SUPERSCRIPTS else label


def escape_line_start(text: str) -> str:
    """Escape what would make a paragraph into a heading, list, quote or rule at the start of a line."""
    text = re.sub(r"^(#|>|:|%|\+|-|=)", r"\\\1", text)
    return re.sub(r"^(\(?(?:\d+|[A-Za-z]|[ivxlcdm]+))([.)])(?=\s|$)", r"\1\\\2", text)


def emphasis(mark: str, inner: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


# --- recognising the parts of an article among its blocks ---------------------------------------------------

def tidy_title(title: str) -> str:
    """A title without the spaces a page's markup leaves inside brackets: 'Echium ( Echium plantagineum )'."""
    return re.sub(r"([(\[])\s+|\s+([)\]])", lambda m: m.group(1) or m.group(2), title).strip()


def take_title(article: Article) -> None:
    """Drop the heading that repeats the title, and what stands above it when that is page furniture (kickers,
    menus; far down the page only when it holds little text)."""
    wanted = rec.key(rec.plain(article.title))
    for index, block in enumerate(article.blocks):
        if rec.key(block.plain) != wanted:
            continue
        above = article.blocks[:index]
        running = furniture.running_text(article.blocks)
        size = lambda part: sum(len(article.blocks[i].plain) for i in running if i in part)  # noqa: E731
        if size(range(index)) > 0.2 * size(range(index, len(article.blocks))):
            article.blocks = above + article.blocks[index + 1:]
            return
        dateline = [b for b in above[-KICKER_LINES:] if _metadata_line(b)]  # 'December 23, 2016' over the title
        for before in above:
            if before.kind != "caption" and before not in dateline:
                _drop(article, before, "above the title")
        article.blocks = [b for b in above if b.kind == "caption"] + dateline + article.blocks[index + 1:]
        return


KICKER_LINES = 4  # lines right above a title that may carry its date or byline


def _metadata_line(block: Block) -> bool:
    text = block.plain
    named = _name_among_times(text)  # '/ A / 10:08 am Fri' over the date line
    if block.kind == "heading":  # a blog's date header over the post's title
        return len(text) <= DATE_HEADING and bool(rec.date_line(text))
    return len(text) < 160 and bool(
        rec.date_line(text) or rec.parse_byline(text) or _byline_and_date(text)[0]
        or (named != text and rec.looks_like_name(named)))


META_WORDS_AT_MOST = 25  # a block in an element marked as metadata this long or longer is text (an abstract)
DATE_HEADING = 40  # a heading near the top that is only a date this short is the date ('Friday, December 23, 2016')
AUTHOR_BLOCK_REACH = 3  # the list of authors starts this close under the title
AUTHOR_NOISE = re.compile(r"^(?:x|×|✕|\\?\*?\s*e-?mail\s*:?\s*\S+@\S+.*|\S+@\S+)$", re.IGNORECASE)
AFFILIATION_IN = re.compile(r"\b(?:affiliations?|аффилиация)\s*:\s*(?P<text>.+?)(?:\s+[x×✕])?$", re.IGNORECASE)


def take_author_block(article: Article, head: int = 12) -> None:
    """The authors a journal lists under its title without 'By': a line of names ('A, B, and C'), or one name a
    line with its affiliation and e-mail lines between ('Djoko T. Iskandar,' / 'Affiliation: …' / 'X'). A lone
    name counts only with a comma after it, an affiliation under it or another name after it. The numbered
    affiliations under the names ('1Department of Biology, …') go to the authors' `affiliation`, not the text;
    when the page's metadata named the authors already, the same list under the title only lends them those."""
    blocks = article.blocks
    reach = [i for i in range(min(AUTHOR_BLOCK_REACH + LINK_BAR_LINES, len(blocks))) if not _link_bar_line(blocks[i])]
    toc = next((i for i in range(min(AUTHOR_BLOCK_REACH + LINK_BAR_LINES, len(blocks)))
                if rec.is_toc_heading(blocks[i].plain)), None)  # the entries of a table of contents under it
    for first in reach[:AUTHOR_BLOCK_REACH]:  # ('Wireless Emergency Alerts') name no one
        if toc is not None and first > toc:
            return
        if blocks[first].kind != "heading" and rec.name_list(_marked(blocks[first])):
            break
    else:
        return
    authors: list[tuple[str, str]] = []
    marks: list[list[str]] = []
    places: dict[str, str] = {}
    taken: list[Block] = []
    for block in blocks[first:first + 4 * head]:
        text = _marked(block)
        names = rec.name_list(text) if block.kind != "heading" else None
        affiliation = AFFILIATION_IN.search(text)
        numbered = rec.affiliation_line(text) if authors and block.kind != "heading" else None
        if names:
            authors += names
            found = rec.name_marks(text)
            marks += found if len(found) == len(names) else [[] for _ in names]
        elif numbered:
            places.setdefault(*numbered)
        elif affiliation and authors:
            authors[-1] = (authors[-1][0], affiliation.group("text").strip())
        elif not (AUTHOR_NOISE.match(text.strip()) and authors):
            break
        taken.append(block)
    opening = blocks[first].plain.rstrip()
    affiliated = any(a for _, a in authors) or places
    if len(authors) < 2 and not affiliated and not opening.endswith(","):
        return
    authors = _with_places(authors, marks, places)
    if article.authors:  # named by the page's metadata: the same people, in the same order, or nothing is taken
        if len(article.authors) != len(authors):
            return
        article.authors = [(_fuller(name, printed), own or place)
                           for (name, own), (printed, place) in zip(article.authors, authors)]
    else:
        article.authors = authors
        article.recognised.append(f"author: {', '.join(a for a, _ in authors)} (the names under the title, line "
                                  f"{blocks[first].line})")
    if places:
        article.recognised.append(f"the authors' affiliations ({len(places)}) from under their names, into the "
                                  "chapter's front matter")
    for block in taken:
        _drop(article, block, "the list of authors")
    article.blocks = [b for b in blocks if not any(b is t for t in taken)]


SUFFIX = re.compile(r"^,?\s*(?:jr\.?|sr\.?|ii|iii|iv|v)$", re.IGNORECASE)


def _fuller(declared: str, printed: str) -> str:
    """The name as printed when it only adds a generational suffix the metadata left out ('Thomas H. Pendergast'
    in citation_author, 'Thomas H. Pendergast IV' under the title)."""
    return printed if printed.startswith(declared) and SUFFIX.match(printed[len(declared):].strip()) else declared


def _marked(block: Block) -> str:
    """A block's plain text with the note markers a page's <sup> became written as superscripts ('Roe^1^')."""
    return rec.plain(citations.TOKEN.sub(lambda m: f"^{m.group(2)}^", block.text))


def _with_places(authors: list[tuple[str, str]], marks: list[list[str]],
                 places: dict[str, str]) -> list[tuple[str, str]]:
    """Each author with the affiliations their marks number; one affiliation alone is every unmarked author's."""
    if not places:
        return authors
    only = next(iter(places.values())) if len(places) == 1 else ""
    joined = []
    for (name, own), numbers in zip(authors, marks or [[] for _ in authors]):
        place = "; ".join(places[m] for m in numbers if m in places) or (only if not numbers else "")
        joined.append((name, own or place))
    return joined


LINK_BAR_LINES = 6  # short lines of a journal's link bar ('Full text HTMLPDF', 'Open access', 'DOI:') over its names


def _link_bar_line(block: Block) -> bool:
    """A journal's tool or link line between its title and its names: page chrome, or three words at most that
    name no one ('Open access', 'DOI:', '10.1080/20550308.2015.1135230')."""
    text = block.plain
    return block.kind != "heading" and (rec.is_chrome_line(text) or (
        len(text.split()) <= 3 and not rec.name_list(text) and not text.rstrip().endswith(".")))


def take_metadata(article: Article, head: int = 12, author_block: bool = True) -> None:
    """Recognise byline and date lines near the top (and labelled ones anywhere) and take them out of the text;
    with `author_block`, also a journal's list of names under the title."""
    if author_block:
        take_author_block(article, head)
    kept, dated_at = [], None
    for index, block in enumerate(article.blocks):
        text = block.plain
        near_top = index < head and block.kind != "heading"
        authors = rec.parse_byline(text, labelled_only=not near_top) \
            if len(text) < 160 or (near_top and rec.LABEL_AFTER_COMMA.search(text)) else None
        dated_heading = block.kind == "heading" and index < head and len(text) <= DATE_HEADING  # a blog's date header
        date = rec.date_line(text) if (near_top or dated_heading or rec.DATE_LABEL.match(text)) else None
        if (authors is None or date is None) and block.kind != "heading" and len(text) < 160 and near_top:
            both = _byline_and_date(text)
            authors, date = authors or both[0], date or both[1]
        if authors and date is None:  # 'By Joe Matazzoni, Wikimedia Foundation June 28th, 2018'
            date = rec.parse_date(text)
        speaking = rec.speakers(text) if near_top and not article.authors and authors is None else None
        if speaking:  # a transcript's header: its speakers are the authors; the line stays in the text
            article.authors = speaking
            article.recognised.append(f"author: {', '.join(a for a, _ in speaking)} (the speakers, from "
                                      f"'{text[:60]}')")
        if date and article.date and authors is None and (date != article.date or (
                furniture.body_in(kept) and not rec.DATE_LABEL.match(text))):
            date = None  # another date than the page's own, or a bare one after the text began: the text's own
        if block.broken:  # a line of the text's own header: read, never taken out
            authors = date = None
        elif near_top and len(text) < 160 and rec.ROLE_CREDIT.match(text) and not authors:
            credit_date = rec.parse_date(text)
            if credit_date and not article.date:
                article.date = credit_date
                article.recognised.append(f"date: {credit_date} (from '{text[:60]}')")
            article.dropped.append(f"page metadata (a translator's or editor's credit): '{text[:60]}'")
            continue
        if authors is not None or date is not None:
            if authors and not article.authors:
                article.authors = authors
                article.recognised.append(f"author: {', '.join(a for a, _ in authors)} (from '{text[:60]}')")
            if date and not article.date:
                article.date = date
                article.recognised.append(f"date: {date} (from '{text[:60]}')")
                dated_at = len(kept)
            continue
        if block.meta and near_top and len(text.split()) < META_WORDS_AT_MOST:  # (an abstract in the page's
            article.dropped.append(f"page metadata: '{text[:60]}'")  # 'article-meta' header is text)
            continue
        kept.append(block)
    article.blocks = kept
    if not article.authors and dated_at is not None:
        _name_beside_date(article, dated_at)


def _name_beside_date(article: Article, at: int) -> None:
    """A name alone on the line just above or below the date line near the top ('Leena Simon' / 'Veröffentlicht am
    06.10.2023'): the author, when no byline named one."""
    for block in article.blocks[max(0, at - 1):at + 1]:
        role = rec.name_with_role(block.plain) if block.kind == "para" else None
        if role:  # 'Jane Doe, Senior Fellow, Climate Program' over the date
            article.authors = role
            article.recognised.append(f"author: {role[0][0]} (the name beside the date, line {block.line})")
            article.blocks.remove(block)
            return
        text = _name_among_times(block.plain)
        if block.kind == "para" and len(text) <= 40 and not re.search(r"[:;,!?\d]", text) and (
                rec.looks_like_name(text) or rec.organisation_line(text)):  # ('The Editors' over the date too)
            # ('Москва, Кремль' beside the date is the place)
            article.authors = [(text, "")]
            article.recognised.append(f"author: {text} (the name beside the date, line {block.line})")
            article.blocks.remove(block)
            return


def _name_among_times(text: str) -> str:
    """'/ Cory Doctorow / 10:08 am Fri' (a logo, the name, the time, the date on the next line): the one part
    that is no time or weekday, when the others are; else the line as it is."""
    parts = [p for p in re.split(r"\s*(?:^|\s)[/|•·](?:\s|$)\s*", text) if p.strip()]
    rest = [p for p in parts if rec.key(re.sub(r"\b\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr))?", "",
                                                rec.WEEKDAY.sub("", p), flags=re.IGNORECASE))]
    return rest[0].strip() if len(parts) > 1 and len(rest) == 1 else text


# WordPress themes' closing line: "This entry was posted in X on 3 March 2021 by A." and its translations.
POSTED_LINE = re.compile(
    r"(?:this entry was posted (?:in .+? )?on (?P<en_date>.+?) by (?P<en_name>[^.]+?)\.?(?:\s+bookmark|$)|"
    r"dieser (?:beitrag|eintrag|artikel) wurde am (?P<de_date>.+?) von (?P<de_name>.+?) (?:in .+? )?"
    r"(?:veröffentlicht|geschrieben|erstellt)|"
    r"cet article a été publié (?:dans .+? )?le (?P<fr_date>.+?) par (?P<fr_name>[^.]+))", re.IGNORECASE)
# 'Suggested citation: Sauer, Heiko: Title, VerfBlog, 2020/4/09, URL' and its translations.
CITATION_LINE = re.compile(
    r"^(?:suggested\s+citation|cite\s+(?:this\s+(?:article\s+)?)?as|how\s+to\s+cite(?:\s+this\s+article)?|"
    r"zitiervorschlag|zitierweise|empfohlene\s+zitierweise|pour\s+citer(?:\s+cet\s+article)?|"
    r"citation\s+recommandée|(?:ссылка\s+)?для\s+цитирования|atıf(?:\s+için)?|kaynak\s+gösterimi)"
    r"\s*:?\s*(?P<surname>[^\W\d][\w'’-]+(?:\s[^\W\d][\w'’-]+)?),\s*(?P<given>[^\W\d][\w.'’ -]{0,40}?)\s*[:(]",
    re.IGNORECASE)


def _closing_found(article: Article, authors, date: str | None, block: Block, what: str) -> None:
    if authors and not article.authors:
        article.authors = authors
        article.recognised.append(f"author: {', '.join(a for a, _ in authors)} (from {what}, line {block.line})")
    if date and not article.date:
        article.date = date
        article.recognised.append(f"date: {date} (from {what}, line {block.line})")


def take_closing_byline(article: Article, month_first: bool | None = None) -> None:
    """Author and date from the article's closing lines when the top of the page left them unnamed: a theme's
    'This entry was posted on … by …', a suggested citation ('Sauer, Heiko: …, 2020/4/09'), or a line naming
    the author beside the date ('Nicolas Perriault — 2013-09-29 — in Code') before any comments."""
    if article.authors and article.date:
        return
    if not article.date:  # a wiki page: the revision its footer states
        for block in reversed(article.blocks):
            revision = rec.revision_date(block.plain)
            if revision:
                _closing_found(article, None, revision, block, "the page's 'last edited' line")
                break
    for block in article.blocks:
        match = POSTED_LINE.search(block.plain)
        if match:
            parts = {k.split("_")[1]: v for k, v in match.groupdict().items() if v}
            name = parts["name"].strip()
            authors = [(name, "")] if name and len(name.split()) <= 5 else None
            _closing_found(article, authors, rec.parse_date(parts["date"], month_first), block, "the closing line")
            return
        match = CITATION_LINE.match(block.plain)
        if match:
            name = f"{match.group('given').strip()} {match.group('surname')}"
            authors = [(name, "")] if rec.looks_like_name(name) else None
            _closing_found(article, authors, rec.parse_date(block.plain[match.end():], month_first), block,
                           "the suggested citation")
            return
    _signature(article)
    for block in article.blocks[len(article.blocks) // 2:]:
        if rec.is_stop_line(block.plain):
            return
        authors, date = _byline_and_date(block.plain) if len(block.plain) < 160 else (None, None)
        if authors and date:
            _closing_found(article, authors, date, block, "the closing line")
            article.blocks.remove(block)
            article.dropped.append(f"page metadata (line {block.line}): '{block.plain[:60]}'")
            return


# A closing line saying when the text was last changed: 'Zuletzt geändert am 07.01.2020' (no publication date)
MODIFIED = re.compile(r"^(?:zuletzt (?:geändert|bearbeitet|aktualisiert)|last (?:modified|updated|edited)|updated|"
                      r"dernière (?:modification|mise à jour)|mis à jour|обновлено|изменено|son (?:güncelleme|"
                      r"değişiklik))\b", re.IGNORECASE)
CLOSING_TEXT_WORDS = 25  # the text's last paragraph this long or longer ends the article's own lines
SIGNATURE_DATE = 80  # a closing date line beside the author's name is no longer than this


def _signature(article: Article) -> None:
    """The author's name signing the text after its paragraphs, beside a short dated line, when nothing above
    named one (the page's sidebar after it can be longer than the text)."""
    text = [i for i, b in enumerate(article.blocks) if len(b.plain.split()) >= CLOSING_TEXT_WORDS]
    if article.authors or not text:
        return
    for index in range(text[0] + 1, len(article.blocks)):
        block = article.blocks[index]
        if rec.is_stop_line(block.plain):
            return
        if _signed_beside_date(article.blocks, index):
            _closing_found(article, [(block.plain, "")], None, block, "the name beside the closing date line")
            article.blocks.remove(block)
            return


def _signed_beside_date(blocks: list[Block], index: int) -> bool:
    """A name alone on its line right under or over a short dated line after the text ('Zuletzt geändert am
    07.01.2020' / 'Frank Boës', 'Anna Schmidt' / 'Berlin, 3. März 2021'): the author signing the article."""
    text = blocks[index].plain
    if blocks[index].kind != "para" or len(text) > 40 or re.search(r"[:;,!?\d]", text) \
            or not rec.looks_like_name(text) or rec.is_chrome_line(text):
        return False
    neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
    return any(len(b.plain) <= SIGNATURE_DATE and (rec.date_line(b.plain) or (
        MODIFIED.match(b.plain) and rec.parse_date(b.plain))) for b in neighbours)


def _byline_and_date(text: str) -> tuple[list[tuple[str, str]] | None, str | None]:
    """'By A | 3 March 2021', 'Tuesday 15 October 2019 by A', 'Posted on 15. April 2016 by LD': both or neither."""
    parts = [p for p in re.split(r"\s+[|•·]\s+|\s*—\s*|\s+[–-]\s+|(?:^|\s+)/\s+|\s*,?\s+(?=(?:by|von|par)\s)|"
                                 r",\s+(?=\d{1,2}[.\s]\S)", text)
             if p.strip()]  # (', 17 февраля 2022': a name and its date after a comma; ' / A / 10:08 am Fri Jul 19, 2013')
    if len(parts) < 2:
        return None, None
    date = next((d for d in (rec.date_line(p) for p in parts) if d), None)
    authors = next((a for a in (rec.parse_byline(p) or _short_byline(p) for p in parts) if a), None)
    if date and not authors:  # 'Nicolas Perriault — 2013-09-29 — in Code': a bare name beside the date
        authors = next(([(p.strip(), "")] for p in parts[:2] if len(p.split()) >= 2 and not rec.date_line(p)
                        and rec.looks_like_name(p.strip())), None)
    return (authors, date) if authors and date else (None, None)


def _short_byline(part: str) -> list[tuple[str, str]] | None:
    """'by LD', 'by Reuters': a one-word name is taken only right after an explicit 'by'."""
    match = re.fullmatch(r"(?:by|von|par)\s+([A-ZÀ-ÞА-Я][\w.'-]{0,30}(?:\s+[A-ZÀ-ÞА-Я][\w.'-]{0,30}){0,2})\.?", part.strip())
    handle = re.fullmatch(r"(?:by|von|par)\s+([a-zà-þа-я][\w.-]{1,30})", part.strip())  # 'by marc', beside a date
    if handle and handle.group(1) not in NOT_HANDLES:
        return [(handle.group(1), "")]
    return [(match.group(1), "")] if match else None


NOT_HANDLES = {"the", "default", "hand", "email", "mail", "phone", "post", "admin", "guest", "anonymous", "me", "us",
               "der", "die", "das", "den", "dem", "le", "la", "les", "un", "une"}


TEASER_WORDS = 15  # a line after an early stop line this short is a link to another article
CLOSING_SHARE = 0.25  # a closing line ends the article when less than this much text follows it


def _text_size(blocks: list[Block]) -> int:
    return sum(len(b.plain) for b in blocks if b.kind in TEXT_KINDS and len(b.plain.split()) >= 25)


def _drop(article: Article, block: Block, why: str) -> None:
    where = f" (line {block.line})" if block.line else ""
    article.dropped.append(f"{why}{where}: '{block.plain[:70]}'")


def _ends_article(blocks: list[Block], index: int, kept: list[Block], tail: bool) -> bool:
    """Whether a stop or closing line at `index` closes the article: little of the text follows it."""
    after, before = _text_size(blocks[index + 1:]), _text_size(kept)
    if not tail and not any(b.kind in ("para", "quote") for b in kept):
        return False  # nothing of the article yet: a stop line above its text closes nothing
    return tail or after <= CLOSING_SHARE * before or (after < before and rec.is_stop_line(blocks[index].plain))


def drop_chrome(article: Article, blocks: list[Block], tail: bool = False,
                repeated: set[str] | None = None) -> list[Block]:
    """`blocks` without share buttons, menus, copyright and cookie lines, and without 'Related Articles' (or a
    copyright line) and all after it when it closes the article; without runs of menu lines above or below the
    text and short lines the page repeats (`repeated`); every block left out is named in the report.
    Never called on the list of notes."""
    kept: list[Block] = []
    linked = article.source.suffix.lower() in (".html", ".htm", ".xhtml", ".docx")  # its menus are links
    menus = furniture.menu_runs(blocks, linked=linked)
    index = 0
    while index < len(blocks):
        block, text = blocks[index], blocks[index].plain
        if index in menus:
            _drop(article, block, "navigation (a run of menu lines)")
            index += 1
            continue
        if repeated and furniture.line_key(text) in repeated and block.kind != "heading":
            _drop(article, block, "a line the page repeats (buttons, a tool bar)")
            index += 1
            continue
        short = block.kind == "heading" or len(text) <= 40
        neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
        stop = short and rec.is_stop_line(text)
        if (stop or rec.is_closing_line(text)) and _ends_article(blocks, index, kept, tail):
            for rest in blocks[index:]:
                _drop(article, rest, f"'{text[:40]}' and after it")
            break
        if short and rec.is_toc_heading(text):
            index = _drop_contents(article, blocks, index)
            continue
        if rec.is_pager_word(text) and index + 1 < len(blocks) and len(blocks[index + 1].plain.split()) <= TEASER_WORDS:
            _drop(article, block, "previous / next links")  # 'Previous' / 'Chapter 5 - Eliminating Toil'
            _drop(article, blocks[index + 1], "previous / next links")
            index += 2
            continue
        if stop:  # early in the text: the line and the short teasers under it
            _drop(article, block, f"'{text}'")
            index += 1
            while index < len(blocks) and len(blocks[index].plain.split()) <= TEASER_WORDS \
                    and blocks[index].kind != "heading" and not _ends_teasers(blocks[index]):
                _drop(article, blocks[index], f"after '{text}'")
                index += 1
            continue
        if (block.kind != "caption" and len(text) < 200 and rec.is_chrome_line(text)) or \
                (rec.is_menu_word(text) and any(rec.is_menu_word(b.plain) for b in neighbours)):
            _drop(article, block, "page chrome")
        else:
            kept.append(block)
        index += 1
    return kept


SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+(?=\S)")
TOC_ENTRY_WORDS = 14


def _drop_contents(article: Article, blocks: list[Block], index: int) -> int:
    """Leave out a table of contents: its heading and the entries under it, short lines that are numbered
    ('2.1 Hauptfiguren') or name a later line of the text; returns where the text goes on."""
    _drop(article, blocks[index], "table of contents")
    last = {rec.key(b.plain): at for at, b in enumerate(blocks)}  # where each line's text last stands
    position = index + 1

    def entry(at: int) -> bool:
        text = blocks[at].plain if at < len(blocks) else ""
        if not text or len(text.split()) > TOC_ENTRY_WORDS or blocks[at].kind == "caption":
            return False
        bare = SECTION_NUMBER.sub("", text)
        toggle = re.fullmatch(r"\[\s*\w+\s*\]", text.strip())  # '[hide]', '[убрать]'
        return bool(toggle) or bare != text or last.get(rec.key(bare), -1) > at  # named again further on

    while position < len(blocks) and (entry(position) or (entry(position + 1) and position + 1 < len(blocks)
                                                          and rec.is_heading_like(blocks[position].plain))):
        _drop(article, blocks[position], "table of contents")
        position += 1
    return position


def _ends_teasers(block: Block) -> bool:
    return block.kind != "item" and rec.is_heading_like(block.plain) is False and len(block.plain.split()) > 8


def settle_notes(article: Article, plain_digit_markers: bool = False, page_notes: list[Note] | None = None) -> None:
    """Find the list of notes first, drop page chrome around it (never inside it), take its notes out of the
    text, and (for copied text) turn plain digits that continue the sequence of markers into markers. `page_notes`
    are notes already taken from the pages' feet of a PDF's text: their markers are the plain digits."""
    if page_notes:
        article.blocks = drop_chrome(article, article.blocks, repeated=furniture.repeated_lines(article.blocks))
        article.notes.extend(page_notes)
        recovered = notes_list.recover_markers(article.blocks, {n.number for n in page_notes})
        if recovered:
            article.recognised.append(f"{recovered} note markers typed as plain digits after words")
        return
    affiliations = citations.affiliation_marks(article.blocks, rec.name_list)
    if affiliations:
        article.recognised.append(f"authors' affiliation numbers above the text, no notes (line "
                                  f"{affiliations[0].line})")
    blocks, symbols = notes_list.symbol_notes(article.blocks)
    if symbols:
        article.notes.extend(symbols)
        article.recognised.append(f"{len(symbols)} notes marked with symbols ({', '.join(n.label for n in symbols)})")
    prose = [b for b in blocks if not any(b is a for a in affiliations)]
    weak = notes_list.weak_numbers(prose) if plain_digit_markers else set()
    found = notes_list.locate(blocks, weak)
    if found is None:
        article.blocks = drop_chrome(article, blocks, repeated=furniture.repeated_lines(blocks))
        _bare_superscripts_back(article, set())
        return
    outside = blocks[:found.start] + found.between + blocks[found.end:]
    repeated = furniture.repeated_lines(outside)
    before = drop_chrome(article, blocks[:found.start] + found.between, repeated=repeated)
    for block in found.skipped:
        _drop(article, block, "a heading between two lists of notes")
    after = drop_chrome(article, blocks[found.end:], tail=True, repeated=repeated)
    article.blocks = before + after
    bar = furniture.strip_link_bars(found.notes) or citations.strip_lone_bars(found.notes)
    if bar:
        article.dropped.append(f"the link bar under the notes: {' · '.join(bar)}")
    runs = citations.strip_bar_runs(found.notes)
    if runs:
        article.dropped.append(f"{len(runs)} link bars inside the notes, e.g. '{runs[0]}'")
    article.notes.extend(found.notes)
    _bare_superscripts_back(article, {n.number for n in article.notes})
    prose_before = [b for b in before if not any(b is a for a in affiliations)]
    grouped, article.unjoined = citations.expand_groups(prose_before, {n.number for n in found.notes})
    if grouped:
        article.recognised.append(f"{grouped} note markers printed in groups ('[6, 7]', '[14–17]')")
    article.notes_heading = found.heading
    where = f"under '{found.heading}'" if found.heading else "closing the article"
    counted = "" if found.numbered else " (the copy lost their numbers: counted in order)"
    article.recognised.append(f"{len(found.notes)} notes listed {where}{counted}")
    if plain_digit_markers or (found.heading and not notes_list.referenced(prose_before)):  # (a page whose
        numbers = {n.number for n in found.notes}  # superscripts were only CSS: 'widely1,2.' in it and its Word file)
        recovered = notes_list.recover_markers(prose_before, numbers)
        in_order = len(notes_list.referenced(prose_before) & numbers) >= notes_list.IN_ORDER_SHARE * len(numbers)
        recovered += notes_list.recover_cited(prose_before, numbers, in_order)  # cited again or out of order: only
        # where nothing but a marker can stand
        if recovered:
            article.recognised.append(f"{recovered} note markers typed as plain digits after words")


def _bare_superscripts_back(article: Article, numbers: set[int]) -> None:
    """An unlinked superscript number that no note of the list carries ('Tyr<sup>33</sup>', an isotope's mass, a
    position) is text, not a marker: it stays a superscript instead of getting a '[note missing]' placeholder (a
    linked marker without its note still gets one)."""
    if not article.bare_superscripts:
        return
    def back(match: re.Match) -> str:
        label = match.group(2)
        return f"^{label}^" if label in article.bare_superscripts and int(match.group(1)) not in numbers \
            else match.group(0)
    for block in article.blocks:
        block.text = TOKEN.sub(back, block.text)


# --- writing the chapter ------------------------------------------------------------------------------------

def yaml_string(markdown: str) -> str:
    return json.dumps(markdown, ensure_ascii=False)


def front_matter(article: Article, lang: str) -> list[str]:
    title = TOKEN.sub("", article.title).strip() or "Untitled"
    lines = ["---", f"title: {yaml_string(title)}"]
    if article.subtitle:
        lines.append(f"subtitle: {yaml_string(article.subtitle)}")
    if article.authors:
        lines.append("authors:")
        for name, affiliation in article.authors:
            lines.append(f"  - name: {yaml_string(escape(rec.without_honorifics(name)))}")
            if affiliation:
                lines.append(f"    affiliation: {yaml_string(escape(affiliation))}")
    if article.date:
        lines.append(f"date: {article.date}")
    lines.append(f"lang: {article.lang or lang}")
    if article.abstract:
        lines.append("abstract: |")
        lines.extend("  " + line if line else "" for line in article.abstract.splitlines())
    lines.append("---")
    return lines


def _block_markdown(block: Block) -> str:
    text = escape_line_start(block.text.strip())
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + block.text.strip()
    if block.kind == "caption":
        return emphasis("*", block.text.strip()) if "*" not in block.text.replace("\\*", "") else text
    if block.kind == "item":
        return (f"{block.ordinal}. " if block.ordinal is not None else "- ") + block.text.strip()
    if block.kind == "quote":
        return "> " + text
    return text


MISSING_NOTE = "\\[note missing in the source\\]"
# Two note references side by side (a group '[4,6]', a range '[1–3]' as one reference per note): a superscript comma
# between them, so that 1, 2, 3 do not print as 123.
ADJACENT_REFS = re.compile(r"(\[\^[\w-]+\])(?=\[\^[\w-]+\](?!:))")
# the space a journal sets before "[1]" goes once the marker is a superscript note ("survey [1]." → "survey¹.")
SPACED_REF = re.compile(r"(?<=\S)[ \u00a0\u202f]+(\[\^[\w-]+\](?!:))")
UNMARKED_NOTES = "\\[Notes the source lists without a marker in its text:\\]"


def compose(article: Article, chapter: Path, lang: str, report: Report) -> tuple[str, int]:
    """The chapter as house-format Markdown, with each marker joined to its note; returns (text, notes written).

    Nothing is lost: a marker whose note is missing gets the visible note '[note missing in the source]'
    ([^missing-<label>]), a note no marker reaches is kept as [^unreferenced-<label>] with its marker in a closing
    paragraph (so the build prints it too), and a numbered list that no marker reaches at all is kept at the end of
    the text as the list it is."""
    if article.notes and not any(TOKEN.search(b.text) for b in article.blocks):
        _list_without_markers(article, chapter, report)
    notes: dict[int, Note] = {}
    for note in article.notes:
        notes.setdefault(note.number, note)
    numbers: dict[int, int] = {}
    orphans: dict[str, int | None] = {}

    def link(match: re.Match) -> str:
        value, label, line = int(match.group(1)), match.group(2), match.group(3)
        if value in notes:
            numbers.setdefault(value, len(numbers) + 1)
            return f"[^{numbers[value]}]"
        orphans.setdefault(label, int(line) if line else None)
        return f"[^missing-{label}]"

    lines = front_matter(article, lang)
    previous = None
    for block in article.blocks:
        if not (block.kind == "item" and previous == "item"):
            lines.append("")
        lines.append(SPACED_REF.sub(r"\1", ADJACENT_REFS.sub(r"\1^,^", TOKEN.sub(link, _block_markdown(block)))))
        previous = block.kind
    definitions = sorted((n, notes[v]) for v, n in numbers.items())
    unused = [note for note in article.notes if notes.get(note.number) is not note or note.number not in numbers]
    for number, note in definitions:
        lines += ["", _definition(str(number), note.text)]
    for label in orphans:
        lines += ["", f"[^missing-{label}]: {MISSING_NOTE}"]
    labels = _unused_labels(unused)
    if unused:
        closing = " ".join(f"[^unreferenced-{label}]" for label in labels)
        at = next(i for i, line in enumerate(lines) if line.startswith("[^") and "]: " in line) - 1 \
            if definitions or orphans else len(lines)
        lines[at:at] = ["", f"{UNMARKED_NOTES}{closing}"]
    for note, label in zip(unused, labels):
        lines += ["", _definition(f"unreferenced-{label}", note.text)]
    text = "\n".join(lines) + "\n"
    _report_note_problems(article, chapter, text, orphans, list(zip(unused, labels)), report)
    return text, len(definitions) + len(orphans)


def _unused_labels(unused: list[Note]) -> list[str]:
    """A distinct footnote label per unreferenced note (a list can repeat a number)."""
    labels, seen = [], set()
    for note in unused:
        label = re.sub(r"[^\w-]", "", note.label) or "note"
        while label in seen:
            label += "-again"
        seen.add(label)
        labels.append(label)
    return labels


def _list_without_markers(article: Article, chapter: Path, report: Report) -> None:
    """A numbered list no marker points to is not a list of endnotes: keep it in the text as a list."""
    heading = article.notes_heading
    if heading:
        article.blocks.append(Block("heading", escape(heading), article.notes[0].line))
    for note in article.notes:
        text = note.text.replace("\n\n", "\n\n    ")
        article.blocks.append(Block("item", text, note.line, ordinal=note.number))
    report.add("P010", f"the numbered list{f' under {heading!r}' if heading else ''} ({len(article.notes)} items) "
               "has no note markers in the text; it is kept at the end of the chapter as a list: turn its items "
               "into notes by hand if they are notes", SourceLocation(article.source, article.notes[0].line))
    article.recognised.append(f"{len(article.notes)} numbered items without markers kept as a list")
    article.notes = []


def _definition(label: str, text: str) -> str:
    paragraphs = text.split("\n\n")
    first = f"[^{label}]: {paragraphs[0]}"
    rest = ["    " + escape_line_start(p) for p in paragraphs[1:]]
    return "\n\n".join([first, *rest])


def _chapter_line(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _report_note_problems(article: Article, chapter: Path, text: str, orphans: dict[str, int | None], unused,
                          report: Report) -> None:
    for label, line in orphans.items():
        where = _chapter_line(text, f"[^missing-{label}]")
        report.add("P009", f"note marker [{label}] has no note in the source's list of notes; the chapter keeps it "
                   f"with the note '[note missing in the source]' ([^missing-{label}], {chapter.name}:{where}): "
                   "write the note there or remove the marker", SourceLocation(article.source, line))
    for group, line in article.unjoined:
        shown = rec.plain(group)
        where = f"{chapter.name}:{_chapter_line(text, group) or '?'}"
        report.add("N030", f"the citation '{shown}' was left as text: not every number in it is a note of the "
                   f"source's list ({where}); write a marker [^n] for each note it cites, or leave it if it is no "
                   "citation", SourceLocation(article.source, line))
    for note, label in unused:
        where = _chapter_line(text, f"[^unreferenced-{label}]:")
        report.add("N002", f"note {note.label} has no marker in the text; the chapter keeps it as "
                   f"[^unreferenced-{label}] ({chapter.name}:{where}), its marker in the closing paragraph "
                   f"'{UNMARKED_NOTES.replace(chr(92), '')}': move the marker where it belongs or delete both",
                   SourceLocation(article.source, note.line))
