"""Title, byline and date among an article's first and last blocks (its header, a journal's list of names, a
closing signature), taken out of the text into the article's metadata."""

from __future__ import annotations

import re

from volume.importer import citations, furniture, words
from volume.importer import recognise as rec
from volume.importer.article import Article, Block, drop_block


def tidy_title(title: str) -> str:
    """A title without the spaces a page's markup leaves inside brackets: 'Echium ( Echium plantagineum )'."""
    return re.sub(r"([(\[])\s+|\s+([)\]])", lambda m: m.group(1) or m.group(2), title).strip()


def glued_date(text: str) -> tuple[str, str, str] | None:
    """A date a page's kicker sets over its title, glued to it by a copy without the page's style sheet
    ('27.01.2022MineralölINFO November 2021'): (the date as ISO, the date as printed, the title); else None. Only a
    date that opens the line and runs straight into a capital letter, with words after it."""
    for pattern in rec.DATE_PATTERNS:
        match = pattern.match(text)
        rest = text[match.end():] if match else ""
        if match and rest[:1].isupper() and re.match(r"[^\W\d_]{2}", rest) and len(rest.split()) >= 2:
            found = rec.parse_date(match.group(0))
            if found:
                return found, match.group(0), rest
    return None


def split_glued_dates(article: Article, reach: int = 60) -> None:
    """Set a date glued to the title under it apart (copied text): the date line, then the title line."""
    blocks: list[Block] = []
    for index, block in enumerate(article.blocks):
        glued = glued_date(block.plain) if index < reach and block.kind in ("para", "heading") else None
        if glued and block.text.startswith(glued[1]):
            blocks += [Block("para", glued[1], block.line), Block(block.kind, block.text[len(glued[1]):], block.line,
                                                                  level=block.level)]
            article.recognised.append(f"a date glued to the line under it set apart (line {block.line}): "
                                      f"'{glued[1]}'")
        else:
            blocks.append(block)
    article.blocks = blocks


def undated_title(title: str) -> tuple[str, str | None]:
    """A title found with its kicker's date glued before it ('27.01.2022MineralölINFO …'): the title without it, and
    the date (ISO) it gave; else the title as it is."""
    glued = glued_date(rec.plain(title))
    if glued and title.startswith(glued[1]):
        return title[len(glued[1]):], glued[0]
    return title, None


def take_title(article: Article) -> None:
    """Drop the heading that repeats the title, and what stands above it when that is page furniture (kickers,
    menus; far down the page only when it holds little text)."""
    wanted = rec.key(rec.plain(article.title))
    for index, block in enumerate(article.blocks):
        if rec.key(block.plain) != wanted and rec.key(undated_title(block.plain)[0]) != wanted:
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
                drop_block(article, before, "above the title")
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
        drop_block(article, block, "the list of authors")
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
    _label_over_name_at_top(article, head)
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
        if date and article.date and authors is None and date != article.date and MODIFIED.match(text) \
                and len(text) <= SIGNATURE_DATE:  # 'Updated: 06 December 2019' beside the publication date
            article.dropped.append(f"page metadata (the date of a later update): '{text[:60]}'")
            continue
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
            if _take_found(article, authors, date, f"'{text[:60]}'"):
                dated_at = len(kept)
            continue
        if block.meta and near_top and len(text.split()) < META_WORDS_AT_MOST:  # (an abstract in the page's
            article.dropped.append(f"page metadata: '{text[:60]}'")  # 'article-meta' header is text)
            continue
        kept.append(block)
    article.blocks = kept
    _contributor(article, head)
    if not article.authors and dated_at is not None:
        _name_beside_date(article, dated_at)


# 'Blog Beitrag von A', 'Ein Gastbeitrag von A', 'A guest post by A', 'Un article de A': the writer the text's
# first lines credit, beside a CMS's 'Gespeichert von human' / 'Submitted by admin' naming the account that posted it
CONTRIBUTION = re.compile(r"^(?:(?:ein|eine|der|die|a|an|un|une)\s+)?(?:blog[- ]?)?(?:(?:gast)?beitrag|artikel|text|"
                          r"post|article|guest post|billet|tribune|статья|материал|yazı|makale)\s+(?:von|by|par|de|"
                          r"от|автор)\s+(?P<names>[^\d:;|]{3,80}?)\.?$", re.IGNORECASE)


def _contributor(article: Article, head: int) -> None:
    """The writer a contribution line near the top credits, over an account's login the page's header names (a
    lower-case handle, 'human') or where none was found; the line leaves the text."""
    if article.authors and not all(re.fullmatch(r"[a-zà-ÿа-яё][\w.-]*", a) for a, _ in article.authors):
        return
    for block in article.blocks[:head]:
        match = CONTRIBUTION.match(block.plain.strip()) if block.kind == "para" else None
        names = [n.strip() for n in re.split(r"\s*(?:,|&|\s(?:" + words.AND_WORDS + r")\s)\s*", match["names"])] \
            if match else []
        if names and all(len(n.split()) >= 2 and rec.looks_like_name(n) and not rec.organisation(n) for n in names):
            replaced = f" over '{', '.join(a for a, _ in article.authors)}'" if article.authors else ""
            article.authors = [(n, "") for n in names]
            article.recognised.append(f"author: {', '.join(names)} (the contribution line '{block.plain[:60]}'"
                                      f"{replaced})")
            _drop_metadata(article, block)
            return


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
        if re.sub(r"\W|_", "", text.casefold()) in article.site_names:
            continue  # the blog's name over its date header ('Silicon Exposed' / 'Sunday, May 8, 2016')
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


def _take_found(article: Article, authors, date: str | None, origin: str) -> bool:
    """Authors and a date read from one place (origin, as the import report names it), each taken where the article
    has none yet; whether the date was taken."""
    if authors and not article.authors:
        article.authors = authors
        article.recognised.append(f"author: {', '.join(a for a, _ in authors)} (from {origin})")
    if date and not article.date:
        article.date = date
        article.recognised.append(f"date: {date} (from {origin})")
        return True
    return False


def _closing_found(article: Article, authors, date: str | None, block: Block, what: str) -> None:
    _take_found(article, authors, date, f"{what}, line {block.line}")


def take_closing_byline(article: Article, month_first: bool | None = None) -> None:
    """Author and date from the article's closing lines when the top of the page left them unnamed: a theme's
    'This entry was posted on … by …', a suggested citation ('Sauer, Heiko: …, 2020/4/09'), or a line naming
    the author beside the date ('Nicolas Perriault — 2013-09-29 — in Code') before any comments."""
    if article.authors and article.date:
        return
    if not article.date:  # a wiki page: the revision its footer states
        for block in reversed(article.blocks):
            revision = rec.revision_date(block.plain)
            edited = None if revision else WIKI_EDITED.search(block.plain)
            revision = revision or (rec.parse_date(edited.group("date"), month_first) if edited else None)
            if revision:
                _closing_found(article, None, revision, block, "the page's 'last edited' line")
                if edited and len(block.plain) <= SIGNATURE_DATE:  # the wiki's page-info line is its, not the text's
                    _drop_metadata(article, block)
                break
    if not article.authors and (_first_appeared(article) or _label_over_name(article)):
        return
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
    _site_credit(article)
    for block in article.blocks[len(article.blocks) // 2:]:
        if rec.is_stop_line(block.plain):
            return
        created = CREATED_LINE.match(block.plain) if not article.date and len(block.plain) < 200 else None
        if created and rec.parse_date(block.plain[created.end():], month_first):  # a wiki's or blog's page-info line
            _closing_found(article, None, rec.parse_date(block.plain[created.end():], month_first), block,
                           "the page's 'created' line")
            _drop_metadata(article, block)
            continue
        authors, date = _byline_and_date(block.plain) if len(block.plain) < 160 else (None, None)
        if authors and date:
            _closing_found(article, authors, date, block, "the closing line")
            _drop_metadata(article, block)
            return


# A page-info line after the text: 'Created … Sunday, October 18th, 2020. Edited …' (ikiwiki), 'Erstellt am …'
CREATED_LINE = re.compile(r"^(?:created|posted|first posted|erstellt(?: am)?|créé(?: le)?|publié le|создано|"
                          r"oluşturuldu|oluşturulma tarihi)\b\s*:?", re.IGNORECASE)


# 'Doris Schuppe • Dieser Beitrag Solopreneur Social Media erschien zuerst im Blog DoSchu.Com': the author credited
# before a line saying where the text first appeared
FIRST_APPEARED = re.compile(
    r"^(?P<name>[^•|–—:]{3,60}?)\s*[•|–—]\s*(?:this (?:post|article|piece|text)|dieser (?:beitrag|artikel|text)|"
    r"cet article|ce billet|este (?:artículo|texto)|эта статья)\b.{0,200}?\b(?:first (?:appeared|published)|"
    r"appeared first|erschien (?:zuerst|erstmals)|zuerst erschienen|(?:a )?(?:d'abord|initialement) (?:été )?"
    r"(?:publié|paru)|publicado originalmente|apareció (?:primero|originalmente)|впервые опубликована)",
    re.IGNORECASE)
# A byline's label alone on its line, the name on the next (a Word file keeps a footer's parts apart: 'Posted by' /
# 'Andrew Zonenberg')
LONE_LABEL = re.compile(r"^(?:" + words.BYLINE_LABELS + r"|by|von|par)\s*:?$", re.IGNORECASE)


def _drop_metadata(article: Article, block: Block) -> None:
    """Take a line of page metadata (a byline, a page-info line) out of the text, and say so in the report."""
    article.blocks.remove(block)
    article.dropped.append(f"page metadata (line {block.line}): '{block.plain[:60]}'")


def _first_appeared(article: Article) -> bool:
    """The author a 'first appeared in' credit names ('Doris Schuppe • Dieser Beitrag … erschien zuerst im Blog …')."""
    for block in article.blocks:
        match = FIRST_APPEARED.match(block.plain) if len(block.plain) < 300 else None
        name = match.group("name").strip() if match else ""
        if name and rec.looks_like_name(name) and not rec.organisation(name):
            _closing_found(article, [(name, "")], None, block, "the line saying where the text first appeared")
            _drop_metadata(article, block)
            return True
    return False


def _label_over_name(article: Article) -> bool:
    """'Posted by' alone on a line after the text, the author's name alone on the next."""
    for block, following in zip(article.blocks, article.blocks[1:]):
        name = re.sub(r"\s+(?:at|on|um|am|à|le)$", "", following.plain.strip())  # ('Andrew Zonenberg at' / '12:55 AM')
        if LONE_LABEL.match(block.plain.strip()) and len(name) <= 40 and rec.looks_like_name(name) \
                and not rec.organisation(name) and not re.search(r"[:;,!?\d]", name):
            _closing_found(article, [(name, "")], None, following, "the name under a byline's label")
            for taken in (block, following):
                _drop_metadata(article, taken)
            return True
    return False


def _label_over_name_at_top(article: Article, head: int) -> None:
    """'Von' alone on a line near the top, the name on the next (a Word file keeps a theme's header parts apart:
    'Von' / 'Robert' / '-' / '31. Dezember 2019'): the author; one word will do when a date line follows."""
    blocks = article.blocks
    for at in range(min(head, len(blocks) - 1)):
        if article.authors or not LONE_LABEL.match(blocks[at].plain.strip()) or blocks[at].kind == "heading":
            continue
        name = blocks[at + 1].plain.strip()
        dated = any(rec.date_line(b.plain) for b in blocks[at + 2:at + 5])
        person = len(name) <= 40 and not re.search(r"[:;,!?\d]", name) and not rec.organisation(name) and (
            rec.looks_like_name(name) or (dated and re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]{1,30}", name) is not None
                                          and name.casefold() not in NOT_HANDLES))
        if person:
            article.authors = [(name, "")]
            article.recognised.append(f"author: {name} (the name under a byline's label, line {blocks[at + 1].line})")
            for taken in (blocks[at], blocks[at + 1]):
                _drop_metadata(article, taken)
            return


# A personal site's footer credit: '2009-2020 by Florian Posdziech', '© 2021 by Jane Doe' (an explicit 'by')
SITE_CREDIT = re.compile(r"^(?:©\s*|\(c\)\s*|copyright\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+by\s+"
                         r"(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\.?$", re.IGNORECASE)


# 'Copyright (c) 2012- Gregory Szorc. All rights reserved.': a personal site's owner, named in its copyright line
SITE_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?\s+"
                            r"(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\.(?:\s|$)", re.IGNORECASE)


def _site_credit(article: Article) -> None:
    """The person a personal site's footer credits ('Archive – RSS – 2009-2020 by Florian Posdziech – Powered by
    Nikola') after the text, when nothing else named an author: a person's name only, never an organisation."""
    if article.authors:
        return
    for block in article.blocks[len(article.blocks) // 2:]:
        for part in re.split(r"\s+[–—|•·]\s+", block.plain):
            match = SITE_CREDIT.match(part.strip()) or SITE_COPYRIGHT.match(part.strip())
            name = match.group("name").strip() if match else ""
            if name and len(name.split()) >= 2 and rec.looks_like_name(name) and not rec.organisation(name):
                _closing_found(article, [(name, "")], None, block, "the site's footer credit")
                return


# Other wikis' revision line under the page: 'page revision: 8, last edited: 17 Jun 2018 15:15' (Wikidot), 'Last
# edited on 3 March 2021', 'Zuletzt bearbeitet am 03.03.2021', 'Dernière modification le 3 mars 2021'
WIKI_EDITED = re.compile(r"^(?:page revision:\s*\d+,\s*)?(?:last edited|zuletzt bearbeitet|dernière modification|"
                         r"последняя правка|son düzenleme)\s*(?:on|am|le|:)?\s*:?\s*(?P<date>.{6,40})$", re.IGNORECASE)


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
    """'By A | 3 March 2021', 'Tuesday 15 October 2019 by A', 'Posted on 15. April 2016 by LD': both or neither;
    also a theme's header line as a copy without its style sheet glues it ('Posted on28. Juli 201928. Juli
    2019AuthorAndreas Kalt4 Kommentare')."""
    found = _byline_and_date_of(text)
    unglued = unglued_header(text) if not found[0] else text
    return _byline_and_date_of(unglued) if unglued != text else found


# The joints a copy leaves between a header's parts when the page's style sheet is gone: a year glued to the next
# date or word ('201928. Juli', '2019Author'), a word glued to a number ('on28', 'Kalt4'), a hidden label glued to
# a name ('AuthorAndreas')
GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}\.|[^\W\d_])")
GLUED_NUMBER = re.compile(r"(?<=[^\W\d_]{2})(?=\d)")
GLUED_LABEL = re.compile(r"\b((?i:" + words.HIDDEN_LABELS + r"))(?=[A-ZÀ-ÞА-Я0-9])")
LABEL_INSIDE = re.compile(r"\s+(?=(?i:author|autor(?:innen|in|en)?|auteure?|yazar|автор)\s+[A-ZÀ-ÞА-Я])")
COUNTER_TAIL = re.compile(r"\s*[|•·,]?\s*(?i:" + words.COMMENT_COUNTER + r")\s*$")


def unglued_header(text: str) -> str:
    """A header line with its glued parts set apart, a date the theme prints twice (published, then updated)
    once, the comment counter after it left off, and ' | ' before an author label inside it: 'Posted on 28.
    Juli 2019 | Author Andreas Kalt'. A line with nothing glued stays as it is."""
    spaced = GLUED_LABEL.sub(r"\1 ", GLUED_NUMBER.sub(" ", GLUED_YEAR.sub(r"\1 ", text)))
    if spaced == text:
        return text
    dates = sorted((m.start(), m.end()) for pattern in rec.DATE_PATTERNS for m in pattern.finditer(spaced))
    for (_, end), (start, stop) in reversed(list(zip(dates, dates[1:]))):
        if end <= start and not spaced[end:start].strip():  # the second of two dates side by side: the update
            spaced = spaced[:start] + spaced[stop:]
    spaced = COUNTER_TAIL.sub("", spaced)
    return LABEL_INSIDE.sub(" | ", re.sub(r"\s{2,}", " ", spaced)).strip()


def _byline_and_date_of(text: str) -> tuple[list[tuple[str, str]] | None, str | None]:
    text = COUNTER_TAIL.sub("", text) or text  # '… by Jane Doe Leave a comment', '… von A Ein Kommentar'
    parts = [p for p in re.split(r"\s+[|•·]\s+|\s*—\s*|\s+[–-]\s+|(?:^|\s+)/\s+|\s*,?\s+(?=(?:by|von|par)\s)|"
                                 r",\s+(?=\d{1,2}[.\s]\S)", text)
             if p.strip()]  # (', 17 февраля 2022': a name and its date after a comma; ' / A / 10:08 am Fri Jul 19, 2013')
    if len(parts) < 2:
        return None, None
    date = next((d for d in (rec.date_line(p) for p in parts) if d), None)
    authors = next((a for a in (rec.parse_byline(p) or _short_byline(p) for p in parts) if a), None)
    if date and not authors:  # 'Nicolas Perriault — 2013-09-29 — in Code': a bare name beside the date
        authors = next(([(p.strip(), "")] for p in parts[:2] if len(p.split()) >= 2 and not rec.date_line(p)
                        and ":" not in p and rec.looks_like_name(p.strip())), None)  # ('Kategorien: Social Media')
    closing = re.search(r"\s(?:on|am|le)\s+(?P<date>[^|•·]+)$", text) if authors and not date else None
    date = date or (rec.date_line(closing.group("date")) if closing else None)  # '… by A on August 3, 2019'
    return (authors, date) if authors and date else (None, None)


def _short_byline(part: str) -> list[tuple[str, str]] | None:
    """'by LD', 'by Reuters': a one-word name is taken only right after an explicit 'by' (also with the date after
    it: 'by damianduchamps on August 3, 2019')."""
    dated = re.search(r"\s+(?:on|am|le)\s+(?P<date>.+)$", part.strip())
    part = part.strip()[:dated.start()] if dated and rec.date_line(dated.group("date")) else part
    match = re.fullmatch(r"(?:by|von|par)\s+([A-ZÀ-ÞА-Я][\w.'-]{0,30}(?:\s+[A-ZÀ-ÞА-Я][\w.'-]{0,30}){0,2})\.?", part.strip())
    handle = re.fullmatch(r"(?:by|von|par)\s+([a-zà-þа-я][\w.-]{1,30})", part.strip())  # 'by marc', beside a date
    if handle and handle.group(1) not in NOT_HANDLES:
        return [(handle.group(1), "")]
    return [(match.group(1), "")] if match else None


NOT_HANDLES = {"the", "default", "hand", "email", "mail", "phone", "post", "admin", "guest", "anonymous", "me", "us",
               "der", "die", "das", "den", "dem", "le", "la", "les", "un", "une"}
