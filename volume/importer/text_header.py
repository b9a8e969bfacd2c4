"""Plain text's header, read line by line: the title (above the byline or date, over its date, the running head a
PDF's pages repeat, a cover's lines), the name alone under it, and the dates a text gives elsewhere (a labelled
publication date, a month only, a PDF's first date line)."""

from __future__ import annotations

import re

from volume.importer import citations, furniture, page_notes
from volume.importer import recognise as rec
from volume.importer.article import Article, Block, inline_text
from volume.importer.byline import AFFILIATION_IN, AUTHOR_NOISE, _byline_and_date

LONG_WORDS = 25  # a paragraph this long that ends a sentence is the article's text, not the page's
TITLE_REACH = 8  # lines between the title and the byline or date
AUTHOR_BLOCK_REACH = 40  # lines of a journal's list of authors (names, affiliations, e-mail) the title may stand over
STANDFIRST_REACH = 3  # lines after a standfirst in which its byline or date may follow


def _is_metadata(text: str) -> bool:
    """A byline, a date line, or a journal's list of authors ('A, B, and C'; 'Djoko T. Iskandar,')."""
    names = rec.name_list(text)
    return bool(rec.parse_byline(text) or rec.date_line(text) or (len(text) < 160 and _byline_and_date(text)[0])
                or (names and (len(names) >= 2 or text.rstrip().endswith((",", "mail")))))


def _is_furniture(text: str) -> bool:
    return rec.is_chrome_line(text) or rec.is_menu_word(text) or rec.is_credit(text) or rec.is_stop_line(text)


def _is_body(block: Block) -> bool:
    text = block.plain
    return len(text.split()) >= LONG_WORDS and not _is_furniture(text) and text.rstrip()[-1:] in ".!?…\"”»)"


def _name_line(text: str) -> bool:
    """A line that is only a person's name ('Heiko Sauer'), as some pages print the author under the title."""
    return len(text) <= 40 and not re.search(r"[:;,!?\d]", text) and rec.looks_like_name(text) \
        and not rec.is_chrome_line(text)  # ('CC BY', a licence badge, is no name)


TITLE_WORDS = 30  # a journal article's title can run this long


def _title_candidate(text: str, long: bool = False) -> bool:
    """A line that can be the title: heading-like ('t-SNE' and 'iPhone' may open it), or with `long` (right above
    the byline) any line of up to 30 words that ends no sentence."""
    if _is_furniture(text) or _is_metadata(text) or not re.search(r"[^\W\d_]{2}", text):
        return False  # (a line of numbers, a page's counters '300' / '72', is no title)
    cased = re.sub(r"^([a-z])(?=[-A-Z])", lambda m: m.group(1).upper(), text)
    cased = re.sub(r"^[…\s]+(\w)", lambda m: m.group(1).upper(), cased)  # '… und jetzt der importierte X'
    if _headline(cased):
        return True
    opens = cased[:1].isupper() or re.match(r"\d{1,4}\s+[^\W\d_]", cased)  # ('15 Jahre rete-mirabile.net')
    return long and len(text.split()) <= TITLE_WORDS and bool(opens) and not text.rstrip().endswith(".")


def _headline(text: str) -> bool:
    """A heading-like line, or one a headline closes with '!' or '?' ('Du wirst nicht glauben, wie …!')."""
    return rec.is_heading_like(text) or (text.rstrip()[-1:] in "!?" and rec.is_heading_like(text.rstrip()[:-1]))


COMMON = set().union(*rec.LANGUAGE_WORDS.values())


def _words(text: str) -> set[str]:
    """A line's words for comparing it with the text: none of the commonest words of the five languages."""
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 and w not in COMMON}


def _best_title(blocks: list[Block], start: int) -> int | None:
    """Without a byline: the heading-like line before the text that shares most words with its first paragraph
    (the upper one when the line under it is its standfirst), else the nearest heading-like line above the text,
    else the first line that is not page chrome."""
    first = _words(blocks[start].plain) if start < len(blocks) else set()
    candidates = [i for i in range(min(start, 60)) if _title_candidate(blocks[i].plain)]
    headers = [i for i in candidates if _heads_a_menu(blocks, i, start)]
    candidates = [i for i in candidates if i not in headers] or headers
    shared = {i: len(_words(blocks[i].plain) & first) for i in candidates}
    scored = [(shared[i] / max(1, len(_words(blocks[i].plain))), shared[i], i) for i in candidates
              if shared[i] >= min(2, len(_words(blocks[i].plain)))]
    good = [s for s in scored if s[0] >= 0.5 and len(_words(blocks[s[2]].plain)) > 1] or \
        [s for s in scored if s[0] >= 0.5 and s[2] < 5]
    if good:  # the line sharing most of its words with the text, then the most words, then the later one
        best = max(good)[2]
        return best - 1 if best - 1 in candidates and _standfirst_under(blocks, best - 1, best, start) else best
    if candidates:
        return candidates[-1]
    return next((i for i, b in enumerate(blocks) if not _is_furniture(b.plain)), None)


SITE_MENU = 4  # menu lines straight under a line that make it the site's or a section's name, not the title


def _heads_a_menu(blocks: list[Block], index: int, start: int) -> bool:
    """Whether a line stands over a menu (a site's or group's name over its navigation: 'Wie diskutiert die GMK zu
    Big Data?' / 'Übersicht' / 'Vorschläge' / …): four menu-like lines follow it before the text."""
    following = blocks[index + 1:min(start, index + 1 + SITE_MENU)]
    return len(following) == SITE_MENU and all(furniture.menu_like(b) and len(b.plain.split()) <= 2
                                               for b in following)


def _standfirst_under(blocks: list[Block], above: int, line: int, start: int) -> bool:
    """Whether `line` is the standfirst of the title `above` it: the line above is no longer and uses more of its
    words in the text ('Digitale Datenerhebung …' over 'Ein … Diskussionspapier zu Big Data')."""
    text = set().union(*(_words(b.plain) for b in blocks[start:start + TEXT_SAMPLE]))
    share = lambda i: len(_words(blocks[i].plain) & text) / max(1, len(_words(blocks[i].plain)))  # noqa: E731
    return len(blocks[above].plain.split()) >= 4 and len(blocks[above].plain.split()) >= \
        len(blocks[line].plain.split()) and share(above) >= 0.75 and share(above) > share(line)


TEXT_SAMPLE = 40  # blocks of the text whose words a title is compared with
BODY_WINDOW = 10  # blocks after a paragraph of the text in which another one follows it


def _text_start(blocks: list[Block]) -> int | None:
    """The first paragraph of the article's text: a long sentence-like paragraph with another one soon after it
    (a banner over the page, 'This is historical material …', stands alone among menus), else the first one."""
    body = [i for i, b in enumerate(blocks) if _is_body(b)]
    for index in body:
        if any(index < other <= index + BODY_WINDOW for other in body):
            return index
    return body[0] if body else None


DATED_BYLINE_REACH = 40  # blocks from the top in which a line naming both author and date marks the header


def _dated_byline(text: str) -> bool:
    """A line that names the author and the date together ('Veröffentlicht am 13. März 2019 von A', 'By A | 3
    March 2021'): the header's, wherever the text's first long paragraph is found."""
    return len(text) < 160 and all(_byline_and_date(text))


def _author_noise(block: Block) -> bool:
    """An affiliation or e-mail line, or a pop-up's 'X', among a journal's list of authors."""
    return bool(AUTHOR_NOISE.match(block.plain.strip()) or AFFILIATION_IN.search(block.plain))


def _affiliation_line(text: str) -> bool:
    """An author's affiliation under a journal article's title, numbered or labelled: '3 Department of Crop and
    Soil Sciences, Washington State University, …', 'Affiliations: State Key Laboratory …'."""
    return bool(re.match(r"^(?:\d{1,2}|[a-h]|\*|†)\s*(?=[A-ZÀ-Þ])", text) and citations.AFFILIATION_WORDS.search(text)
                and not text.rstrip().endswith(".")) or bool(AFFILIATION_IN.match(text.strip()))


def take_title(article: Article) -> None:
    """The title: the heading-like line just above the byline or date (a standfirst between them becomes the
    abstract; on some pages the title follows the date), else the heading-like line above the text that shares
    its words. Lines above the title are the site's, not the article's."""
    blocks = article.blocks
    start = _text_start(blocks)
    if start is None:  # a short piece: its first sentence-like paragraph
        start = next((i for i, b in enumerate(blocks) if len(b.plain.split()) >= 10 and not _is_furniture(b.plain)
                      and not _is_metadata(b.plain) and b.plain.rstrip()[-1:] in ".!?…\"”»)"), None)
        start = start if start is not None else next(  # (a sentence, not a ten-word title over its names)
            (i for i, b in enumerate(blocks) if len(b.plain.split()) >= 10 and not _is_furniture(b.plain)
             and not _is_metadata(b.plain)), len(blocks))
    metas = [i for i in range(max(0, start - 15), min(len(blocks), start + 1)) if _is_metadata(blocks[i].plain)]
    if not metas:  # the byline or date under a standfirst long enough to pass for the text's first paragraph
        metas = [i for i in range(start + 1, min(len(blocks), start + 1 + STANDFIRST_REACH))
                 if _is_metadata(blocks[i].plain)][:1]
    if not metas:  # a text whose first paragraphs end no sentence (lists, a table): its byline and date line
        metas = [i for i in range(min(start, DATED_BYLINE_REACH)) if _dated_byline(blocks[i].plain)][:1]
    while metas and metas[0] > 0 and (_is_metadata(blocks[metas[0] - 1].plain) or _author_noise(blocks[metas[0] - 1])):
        metas.insert(0, metas[0] - 1)  # the whole list of authors, with its affiliation and e-mail lines
    title_at, abstract, names = None, [], []
    if metas:
        title_at, abstract, names = _title_between(blocks, metas)
    if metas and title_at is None:
        named = any(rec.parse_byline(blocks[i].plain) or rec.name_list(blocks[i].plain) for i in metas)
        index, reach = metas[0], TITLE_REACH
        while index > 0 and reach > 0 and metas[0] - index < AUTHOR_BLOCK_REACH:
            index -= 1
            text = blocks[index].plain
            if _author_noise(blocks[index]) or _affiliation_line(text) or (_is_metadata(text) and rec.name_list(text)):
                continue  # a journal's list of authors with their affiliations ('Suryendu Dutta,' / 'Affiliation:
                # …' / 'X'; '3 Department of Crop and Soil Sciences, …') runs on above: no title, and no reach spent
            reach -= 1
            if _is_furniture(text):
                continue
            if (_name_line(text) or rec.organisation_line(text)) and not (named and not abstract and not names):
                names.append(index)  # a name alone under the title: the author, or a photo's credit; an
                continue  # organisation or 'The Editors' there credits them, and is no title
            if _title_candidate(text, long=not abstract):
                title_at = index
                upper = blocks[index - 1].plain if index > 0 else ""
                if not _headline(text) and _headline(upper) and len(upper.split()) >= 4 \
                        and not _is_furniture(upper) and not _is_metadata(upper):
                    title_at = index - 1  # the headline over a long standfirst that ends no sentence
                    abstract.insert(0, blocks[index])
                break
            abstract.insert(0, blocks[index])
        if title_at is None and names:
            title_at = names.pop()
        if title_at is not None and not names:
            title_at, abstract = _title_sharing_words(blocks, metas[0], title_at, start, abstract)
        after = next((i for i in range(metas[-1] + 1, min(start, metas[-1] + 4)) if not _is_furniture(blocks[i].plain)),
                     None)  # (the first line under the date that is not the page's: a title, or the text begun)
        after = after if after is not None and _title_candidate(blocks[after].plain) else None
        first = _words(blocks[start].plain) if start < len(blocks) else set()
        shared = lambda i: len(_words(blocks[i].plain) & first) if i is not None else -1  # noqa: E731
        if after is not None and (title_at is None or (shared(after) > shared(title_at) and shared(after) >= 2)
                                  or _shares_more(blocks, title_at, after, start)):
            title_at, abstract = after, []  # the title under the date line ('13. Mai 2014, von A' / title)
    if title_at is None:
        abstract = []
        title_at = _best_title(blocks, start)
    if title_at is None:
        return
    inner, twin = _quoted_title(blocks, title_at)
    if inner:  # the title a heading quotes; the heading or the title's second setting is the page's
        article.title = inline_text(inner, blocks[title_at].line, markers=False)
        article.recognised.append(f"title: {inner} (line {blocks[title_at].line}, as a heading quotes it)")
        article.dropped.append(f"the title set again (line {blocks[twin].line}): '{blocks[twin].plain[:60]}'")
        blocks = article.blocks = [b for i, b in enumerate(blocks) if i != twin]
        title_at -= twin < title_at
        metas = [m - (twin < m) for m in metas if m != twin]
        names = [n - (twin < n) for n in names if n != twin]
    else:
        article.title = blocks[title_at].text
        article.recognised.append(f"title: {blocks[title_at].plain} (line {blocks[title_at].line})")
    if abstract:  # kept as the text's first paragraph: the publisher wrote it for the reader too
        article.recognised.append(f"standfirst: the lines below the title from line {abstract[0].line}, kept as "
                                  "the first paragraph")
    top = min(title_at, metas[0]) if metas else title_at
    for block in blocks[:top]:
        article.dropped.append(f"above the title (line {block.line}): '{block.plain[:60]}'")
    article.credited = sorted((blocks[i] for i in names if i > title_at), key=lambda b: b.line or 0)
    # (read after the byline: the authors when no byline names one, else a photo's credit)
    kept = {id(b) for b in abstract}
    article.blocks = [b for i, b in enumerate(blocks) if i != title_at and
                      (i > title_at or (metas and i >= metas[0]) or id(b) in kept)]


def _shares_more(blocks: list[Block], above: int, under: int, start: int) -> bool:
    """Whether the line `under` the date shares more words with the text's first paragraphs than the line `above`
    it (the blog's or section's name over the date, the post's title under it) and at least two."""
    sample = set().union(*(_words(b.plain) for b in blocks[start:start + TEXT_SAMPLE // 4]))
    share = lambda i: len(_words(blocks[i].plain) & sample)  # noqa: E731
    return share(under) >= 2 and share(under) > share(above)


def _title_sharing_words(blocks: list[Block], meta: int, title_at: int, start: int,
                         abstract: list[Block]) -> tuple[int, list[Block]]:
    """The line chosen as the title shares no words with the text ('Full text HTMLPDF', a journal's link bar
    between the title and the byline): a heading-like line higher up within reach that shares most of its words
    with the text is the title instead (the lines between stay the page's, no standfirst)."""
    text = [b for b in blocks[start + 1:start + 5] if _is_body(b)] + blocks[start:start + 1]  # (not link bars)
    sample = set().union(*(_words(b.plain) for b in text))
    share = lambda i: len(_words(blocks[i].plain) & sample)  # noqa: E731
    if share(title_at) >= 1:  # ('15 Jahre rete-mirabile.net' shares 'Jahre': a title, not a link bar)
        return title_at, abstract
    better = [i for i in range(max(0, meta - 1 - TITLE_REACH), title_at) if _title_candidate(blocks[i].plain, True)
              and share(i) >= 2 and share(i) >= 0.5 * len(_words(blocks[i].plain))]
    return (better[-1], []) if better else (title_at, abstract)


QUOTED = re.compile(r"^[^'‘’\"“”«»„‹›]{0,80}['‘’\"“«„‹]\s*(?P<inner>.{8,300}?)\s*['’\"”»“‹›]\s*$")
QUOTE_REACH = 3  # lines between a title in quotes and the same title set alone


def _quoted_title(blocks: list[Block], at: int) -> tuple[str | None, int | None]:
    """A library's or index's heading that quotes the title ('Научная статья на тему «T»', 'Article: "T"') over or
    under the title set alone (often with a subject line after it, 'T Текст научной статьи по специальности …'):
    the quoted text, and the other of the two lines (the page's, not the article's)."""
    def quoted(index: int) -> str | None:
        match = QUOTED.search(blocks[index].plain) if blocks[index].kind == "para" else None
        return match.group("inner").strip() if match else None
    near = [i for i in range(max(0, at - QUOTE_REACH), min(len(blocks), at + QUOTE_REACH + 1)) if i != at]
    own = quoted(at)
    for index in near:
        inner = own if own else quoted(index)
        alone = blocks[index if own else at].plain
        if inner and len(inner.split()) >= 2 and rec.key(alone).startswith(rec.key(inner)):
            return inner, index
    return None, None


def take_cover_title(article: Article, index: int, title: str) -> bool:
    """A PDF's text: the title its cover sets over several lines; the cover's lines above it are the publisher's."""
    at = next((i for i, b in enumerate(article.blocks) if b.line == index + 1), None)
    if at is None:
        return False
    article.title = inline_text(title, index + 1)
    article.recognised.append(f"title: {title} (line {index + 1}, set over the cover's lines)")
    for block in article.blocks[:at]:
        article.dropped.append(f"above the title (line {block.line}): '{block.plain[:60]}'")
    article.blocks = article.blocks[at + 1:]
    return True


def running_head_title(article: Article, foot: page_notes.PageNotes | None) -> bool:
    """A PDF's text whose first lines set the running head its pages repeat: that is the title, with the date the
    cover sets beside it ('Repairs and Alterations Backlog at the General June 12, 2020' / 'Services
    Administration' under every page's head 'Repairs and Alterations Backlog at the General Services
    Administration'); what follows on those lines stays (the byline 'Garrett Hatch')."""
    heads = {rec.key(line): line for line in (foot.furniture.values() if foot else ())
             if len(line.split()) >= page_notes.COVER_WORDS and not page_notes.FOLIO.match(line)}
    if not heads or not article.blocks:
        return False
    first = article.blocks[0]
    words_, date = first.plain.split(), None
    for start in range(len(words_)):  # a date set on the title's line: 'June 12, 2020'
        for end in range(start + 2, min(len(words_), start + 4) + 1):
            if not date and rec.date_line(" ".join(words_[start:end])):
                date, words_ = rec.date_line(" ".join(words_[start:end])), words_[:start] + words_[end:]
    for size in range(len(words_), 2, -1):
        head = heads.get(rec.key(" ".join(words_[:size])))
        if head:
            article.title = inline_text(head, first.line)
            article.recognised.append(f"title: {head} (line {first.line}, the running head its pages repeat)")
            if date and not article.date:
                article.date = date
                article.recognised.append(f"date: {date} (beside the title, line {first.line})")
            rest = " ".join(words_[size:])
            if rest:
                first.text = inline_text(rest, first.line)
            else:
                article.blocks.remove(first)
            return True
    return False


DATE_LINE = 40  # a line that is only a date is no longer than this


def title_over_date(article: Article) -> bool:
    """The text's very first line a heading-like title and the line under it its date ('National Alerts: A Primer
    …' / 'August 15, 2025 (R48632)'), as a report's or post's own header copies: that line is the title."""
    blocks = article.blocks
    dated = re.sub(r"\s*[(\[][A-Z]{0,4}[-\d.]+[)\]]$", "", blocks[1].plain.strip()) if len(blocks) > 1 else ""
    if len(blocks) < 3 or not _title_candidate(blocks[0].plain) or not rec.date_line(dated) \
            or rec.parse_byline(blocks[1].plain) or _byline_and_date(blocks[1].plain)[0] \
            or len(blocks[0].plain.split()) < 3:  # ('Publié le … par A': a byline too, read with the others)
        return False  # ('(R48632)': the report's number after its date)
    if _title_candidate(blocks[2].plain, long=True) and _shares_more(blocks, 0, 2, 3):
        return False  # a section's kicker over the date, the headline under it ('Región de los Ríos' / date / title)
    article.title, article.date = blocks[0].text, rec.date_line(dated)
    article.recognised.append(f"title: {blocks[0].plain} (line {blocks[0].line}, over its date)")
    article.recognised.append(f"date: {article.date} (from '{blocks[1].plain[:60]}')")
    article.blocks = blocks[2:]
    return True


def labelled_date(article: Article, month_first: bool | None) -> None:
    """The date a line anywhere labels as the publication's ('First published online: January 19, 2015' in a
    journal's sidebar), when the top of the text gave none (its received and accepted dates are no such line)."""
    for block in article.blocks:
        found = rec.labelled_publication_date(block.plain, month_first)
        if found:
            article.date = found
            article.recognised.append(f"date: {found} (from '{block.plain[:60]}', line {block.line})")
            return


MONTH_REACH = 8  # a month-only date line stands among the text's first blocks


def month_only_date(article: Article) -> None:
    """A date line near the top that gives only a month ('March 2021'): the chapter's date, a day, is left empty
    rather than guessed, and the report says so; the line leaves the text."""
    for block in article.blocks[:MONTH_REACH]:
        month = rec.month_only(block.plain)
        if month:
            article.recognised.append(f"date: only a month is given ('{block.plain}', line {block.line}): the date "
                                      "is left empty; write the day into the chapter's front matter if you know it")
            article.dropped.append(f"page metadata (line {block.line}): '{block.plain}'")
            article.blocks.remove(block)
            return


def first_date_line(article: Article) -> None:
    """A PDF's text without a date near its top: the first line that is only a date ('February 28, 2007' over a
    report's letter, after its cover and contents)."""
    for block in article.blocks:
        date = rec.date_line(block.plain) if len(block.plain) <= DATE_LINE else None
        if date:
            article.date = date
            article.recognised.append(f"date: {date} (line {block.line}, the first line that is only a date)")
            article.blocks.remove(block)
            return


def _title_between(blocks: list[Block], metas: list[int]) -> tuple[int | None, list[Block], list[int]]:
    """The title between a date line above it and a byline below it ('1. November 2023 | Deutschland' / title /
    standfirst / 'Von A'): the first line there that can be one; the lines after it are its standfirst."""
    first, last = blocks[metas[0]].plain, blocks[metas[-1]].plain
    if not (rec.date_line(first) and not rec.parse_byline(first) and (rec.parse_byline(last) or rec.name_list(last))) \
            or metas[-1] - metas[0] > TITLE_REACH // 2:
        return None, [], []
    between = [i for i in range(metas[0] + 1, metas[-1]) if i not in metas and not _is_furniture(blocks[i].plain)
               and not _author_noise(blocks[i])]
    names = [i for i in between if _name_line(blocks[i].plain)]
    lines = [i for i in between if i not in names]
    if not lines or not _title_candidate(blocks[lines[0]].plain, long=True):
        return None, [], []
    return lines[0], [blocks[i] for i in lines[1:]], names


def bare_byline(article: Article) -> None:
    """A name alone on a line next to the date, just below the title, is the author ('Heiko Sauer' / 'Do 9 Apr')."""
    credited = [b for b in article.credited if b in article.blocks]
    if credited:
        unnamed = not article.authors
        for block in credited:
            if unnamed:
                article.authors.append((block.plain, ""))
                article.recognised.append(f"author: {block.plain} (line {block.line}, the name under the title)")
            else:
                article.dropped.append(f"a name under the title, not the byline's (line {block.line}): "
                                       f"'{block.plain}': a photo's credit?")
            article.blocks.remove(block)
        return
    if article.authors:
        return
    blocks = article.blocks[:6]
    role = rec.name_with_role(blocks[0].plain) if blocks and blocks[0].kind == "para" else None
    if role and article.date:  # 'Иван Петров, эксперт РСМД' right under the title and its date
        article.authors = role
        article.recognised.append(f"author: {role[0][0]} (the name and role under the title, line {blocks[0].line})")
        article.blocks.remove(blocks[0])
        return
    for index, block in enumerate(blocks):
        neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
        if _name_line(block.plain) and (index == 0 or any(rec.date_line(b.plain) for b in neighbours)):
            article.authors = [(block.plain, "")]
            article.recognised.append(f"author: {block.plain} (the name under the title, line {block.line})")
            article.blocks.remove(block)
            return


# Words a title broken over lines leaves at a line's end or start ('ANCIENT ART' / 'OF THE' / 'PROVINCE OF …')
CONNECTORS = {"of", "the", "and", "or", "a", "an", "in", "on", "for", "to", "with", "at", "from", "by", "de",
              "du", "des", "la", "le", "les", "et", "der", "die", "das", "und", "von", "zu", "im", "del", "y",
              "el", "los", "las"}
BROKEN_TITLE_LINES = 5  # lines a title set over several short lines runs over at most
BROKEN_LINE_WORDS = 8  # words on each of them at most
BROKEN_REACH = 40  # blocks at the top in which such a title is looked for


def _title_piece(block: Block) -> bool:
    """A short line that can be part of a title set over several lines: every word capitalised or a connecting
    word ('OF THE', 'Province of Chiriqui'), no sentence's end before its last word, no date or byline."""
    text = block.plain.strip()
    tokens = text.split()
    return block.kind == "para" and 0 < len(tokens) <= BROKEN_LINE_WORDS and bool(re.search(r"[^\W\d_]", text)) \
        and all(t[:1].isupper() or not t[:1].isalpha() or t.casefold().strip(".,:;") in CONNECTORS for t in tokens) \
        and not re.search(r"[.!?]\s", text) and not _is_metadata(text) and not _is_furniture(text)


def _joint(upper: str, lower: str) -> bool:
    """Whether two lines are one phrase broken: the upper ends with a connecting word or the lower starts with one."""
    last, first = upper.split()[-1].casefold().strip(",:;"), lower.split()[0].casefold().strip(",:;")
    return last in CONNECTORS or first in CONNECTORS


def join_broken_title(article: Article) -> None:
    """A title set over several short lines, as a book's or report's title page prints it ('ANCIENT ART' / 'OF THE'
    / 'PROVINCE OF CHIRIQUI, COLOMBIA.'; 'THE' / 'PIANOFORTE SONATA' / 'ITS ORIGIN AND DEVELOPMENT' / 'BY …'): one
    line again, so that the title rules read it whole. Lines are joined where a connecting word breaks the phrase,
    and, in a run of capitals lines straight over its byline, a subtitle after a colon."""
    blocks = article.blocks
    index = 0
    while index < min(len(blocks), BROKEN_REACH):
        end = index
        while end + 1 < len(blocks) and end + 1 - index < BROKEN_TITLE_LINES and _title_piece(blocks[end + 1]) \
                and blocks[end + 1].line == (blocks[end].line or -2) + 1 and _title_piece(blocks[index]):
            end += 1
        run = blocks[index:end + 1]
        capitals = all(b.plain.isupper() for b in run)
        if len(run) >= 2 and (capitals or any(all(t.casefold() in CONNECTORS for t in b.plain.split()) for b in run)):
            # (title-case lines only around a line of connecting words alone: 'Ancient Art' / 'of the' / '…')
            after = blocks[end + 1] if end + 1 < len(blocks) else None
            bylined = after is not None and after.line == (run[-1].line or -2) + 1 \
                and bool(rec.parse_byline(after.plain)) and capitals
            joints = [_joint(a.plain, b.plain) for a, b in zip(run, run[1:])]
            if all(joints) or bylined:
                text = run[0].plain.strip()
                for joint, block in zip(joints, run[1:]):
                    text = f"{text.rstrip(':,')}: {block.plain.strip()}" if not joint and not text.endswith(",") \
                        else f"{text} {block.plain.strip()}"
                article.recognised.append(f"title set over {len(run)} lines (from line {run[0].line}): one line "
                                          f"again, '{text[:60]}'")
                blocks[index:end + 1] = [Block("para", inline_text(text, run[0].line), run[0].line)]
                return
        index = end + 1
