"""Plain text copied from a browser: the same article recognised line by line, page chrome left behind."""

from __future__ import annotations

import re
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import citations, furniture, header_reader, page_notes, plain_markers
from volume.importer import recognise as rec
from volume.importer import words
from volume.importer.article import Article, Block, inline_text
from volume.importer.html_walk import MARKER_TOKEN, TABLE_LEFT, tables_cited_elsewhere
from volume.importer.byline import (AFFILIATION_IN, AUTHOR_NOISE, _byline_and_date, split_glued_dates,
                                    take_closing_byline, take_metadata)
from volume.importer.settle import settle_notes
from volume.importer.citations import TOKEN
from volume.importer.marked_notes import lettered_notes

BULLET = re.compile(r"^[•·▪‣◦\-–*]\s+")
NOTE_START = re.compile(r"^(?:\[(?:\d{1,3}|[ivxl]{1,7})\]|(?:\d{1,3}|[ivxl]{1,7})[.)])\s")


def decode_text(source: Path) -> tuple[str, str]:
    data = source.read_bytes()
    if b"\x00" in data:
        raise VolumeError.single("P005", "the file holds binary data (NUL bytes); is it the right file?",
                                 SourceLocation(source))
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise VolumeError.single("P005", "not UTF-8 text; save the copied text as UTF-8 and import it again",
                                 SourceLocation(source, line)) from None


def _continues(previous: str, line: str, raw: str, wrapped: bool, shortest: int = 40) -> bool:
    """Whether `line` carries on the paragraph of `previous`: an indented continuation, or in hard-wrapped text
    a line that follows one of 40-100 characters (`shortest`-100: a PDF's narrow columns) broken mid-sentence."""
    if NOTE_START.match(line) or BULLET.match(line):
        return False
    if raw[:1].isspace():
        return True
    return wrapped and shortest <= len(previous) <= 100 and (not previous.endswith((".", "!", "?", ":"))
                                                       or line[:1].islower())


COLUMN = 20  # a line of a PDF's narrow column (a report's highlights) is this long at least


LABEL_ALONE = re.compile(r"^(?:" + words.BYLINE_LABELS + r"|by|von|par|" + words.DATE_LABELS + r")\s*:?$",
                         re.IGNORECASE)


def _join_labels(paragraphs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A byline's or date's label alone on its line ('Autor:' / 'Jane Doe', 'Veröffentlicht am' / '3. März 2021'),
    as pages that set label and value in blocks of their own copy them: one line again."""
    joined: list[tuple[str, int]] = []
    for text, line in paragraphs:
        if joined and LABEL_ALONE.match(joined[-1][0]) and len(text) <= 80:
            joined[-1] = (f"{joined[-1][0]} {text}", joined[-1][1])
        else:
            joined.append((text, line))
    return joined


ARROW_ONLY = re.compile(r"^(?:↵|↩\uFE0E?|↩︎|↑|\^)$")  # a reference's back-link, copied onto a line of its own


def _paragraphs(text: str, foot: page_notes.PageNotes | None = None,
                bars: list[tuple[str, int]] | None = None) -> list[tuple[str, int]]:
    """(text, line) per paragraph: one per line as browsers copy them, wrapped lines joined back together; lines in
    `foot` (notes at the pages' feet, running heads) are left out and the text closed up around them. A back-link
    alone on its line ('↵', as HighWire's reference lists copy) opens an item that runs to the next one or a blank
    line, its lines joined (a copy breaks the authors one a line); link bars in it go to `bars`.

    Text is hard-wrapped when no line runs past 100 characters (browsers put a paragraph on one line), or when it
    is a PDF's text (it had notes at its pages' feet)."""
    wrapped = bool(foot) or not any(len(line) > 100 and "://" not in line for line in text.splitlines())
    result: list[tuple[str, int]] = []
    lines: list[str] = []  # the physical lines of the last paragraph
    removed, marked = (foot.removed, foot.marked) if foot else (set(), {})
    kept = page_notes.kept_lines(text.splitlines(), removed, marked)
    item = False  # inside a back-linked reference
    for index, raw in page_notes.join_broken_titles(kept) if foot else kept:
        number = index + 1
        line = raw.strip()
        if not line:
            lines, item = [], False
            continue
        if ARROW_ONLY.match(line):
            result.append((line, number))
            lines, item = [line], True
            continue
        if item and citations.link_bar_line(line):
            if bars is not None:
                bars.append((line, number))
            continue
        if item:
            glue = "" if re.match(r"[.,;:)]", line) else " "
            result[-1] = (result[-1][0] + glue + line, result[-1][1])
            lines.append(line)
            continue
        if lines and _continues(lines[-1], line, raw, wrapped, COLUMN if foot else 40):
            result[-1] = (result[-1][0] + " " + line, result[-1][1])
            lines.append(line)
        else:
            result.append((line, number))
            lines = [line]
    return result


LONG_WORDS = 25  # a paragraph this long that ends a sentence is the article's text, not the page's
TITLE_REACH = 8  # lines between the title and the byline or date
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


def _author_noise(block: Block) -> bool:
    """An affiliation or e-mail line, or a pop-up's 'X', among a journal's list of authors."""
    return bool(AUTHOR_NOISE.match(block.plain.strip()) or AFFILIATION_IN.search(block.plain))


def _take_title(article: Article) -> None:
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
    while metas and metas[0] > 0 and (_is_metadata(blocks[metas[0] - 1].plain) or _author_noise(blocks[metas[0] - 1])):
        metas.insert(0, metas[0] - 1)  # the whole list of authors, with its affiliation and e-mail lines
    title_at, abstract, names = None, [], []
    if metas:
        title_at, abstract, names = _title_between(blocks, metas)
    if metas and title_at is None:
        named = any(rec.parse_byline(blocks[i].plain) or rec.name_list(blocks[i].plain) for i in metas)
        for index in range(metas[0] - 1, max(-1, metas[0] - 1 - TITLE_REACH), -1):
            text = blocks[index].plain
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


def _take_cover_title(article: Article, index: int, title: str) -> bool:
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


def _running_head_title(article: Article, foot: page_notes.PageNotes | None) -> bool:
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


def _title_over_date(article: Article) -> bool:
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


def _labelled_date(article: Article, month_first: bool | None) -> None:
    """The date a line anywhere labels as the publication's ('First published online: January 19, 2015' in a
    journal's sidebar), when the top of the text gave none (its received and accepted dates are no such line)."""
    for block in article.blocks:
        found = rec.labelled_publication_date(block.plain, month_first)
        if found:
            article.date = found
            article.recognised.append(f"date: {found} (from '{block.plain[:60]}', line {block.line})")
            return


MONTH_REACH = 8  # a month-only date line stands among the text's first blocks


def _month_only(article: Article) -> None:
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


def _first_date_line(article: Article) -> None:
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


def _bare_byline(article: Article) -> None:
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


def _captions(article: Article) -> None:
    """A credit line ('Photo: …') with the caption line before it becomes one italic caption."""
    kept: list[Block] = []
    for block in article.blocks:
        if rec.is_credit(block.plain):
            before = kept[-1] if kept else None
            # the line above a credit is its caption, even when short enough to pass for a heading
            if before is not None and before.kind == "para" and len(before.plain.split()) <= 60 \
                    and not TOKEN.search(before.text) and not rec.is_credit(before.plain) \
                    and not before.text.startswith(TABLE_LEFT):  # (a table's line left out: its source, no caption)
                kept[-1] = Block("caption", f"{before.text} {block.text}", before.line)
            else:
                kept.append(Block("caption", block.text, block.line))
            article.captions += 1
            continue
        kept.append(block)
    article.blocks = kept


SUBTITLE_WORDS = 6  # a heading-like first line of the text this long is the standfirst under the title


def _headings(article: Article) -> None:
    """A heading-like line followed by text is a heading; so are up to two heading-like lines straight above it
    ('Figuren' / 'Hauptfiguren' / 'Michael Knight' / text). A line of six words or more opening the text is the
    standfirst under the title, no heading."""
    blocks = article.blocks
    standfirst = blocks[0] if blocks and blocks[0].kind == "para" and len(blocks[0].plain.split()) >= SUBTITLE_WORDS \
        else None
    for block, following in zip(blocks, blocks[1:]):
        inner = rec.typed_emphasis(block.plain) if block.kind == "para" and following.kind == "para" else None
        if inner and rec.is_heading_like(inner):  # '*4) Die digitale Selbstbestimmung fördern *'
            block.text = inline_text(inner, block.line)
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _counter(blocks, index):
            continue
        if block.kind == "para" and following is not None and block is not standfirst and following.kind in ("para", "item") \
                and not following.text.startswith(TABLE_LEFT) \
                and rec.is_heading_like(block.plain) and not block.affiliation \
                and (not rec.is_heading_like(following.plain) or following.kind == "item"):
            block.kind = "heading"
            for above in reversed(blocks[max(0, index - 2):index]):
                if above.kind != "para" or not rec.is_heading_like(above.plain) or above is standfirst \
                        or above.affiliation:
                    break
                above.kind = "heading"


def _title_again(article: Article) -> None:
    """The title set a second time at the text's top (a page's breadcrumb or header over the date, then its
    heading), and a page's counters there ('1108' / '186'): the page's, not the text's."""
    wanted = rec.key(rec.plain(article.title))
    for index, block in enumerate(article.blocks[:TITLE_AGAIN]):
        if wanted and rec.key(block.plain) == wanted or _counter(article.blocks, index):
            article.dropped.append(f"{'the title again' if rec.key(block.plain) == wanted else 'a counter'} "
                                   f"(line {block.line}): '{block.plain[:60]}'")
    article.blocks = [b for i, b in enumerate(article.blocks) if i >= TITLE_AGAIN or not (
        wanted and rec.key(b.plain) == wanted or _counter(article.blocks, i))]


TITLE_AGAIN = 3  # lines at the text's top where the title set again or a page's counters are dropped
NUMBER_ONLY = re.compile(r"[\d\s.,]+[kKМмтыс.]*")


def _counter(blocks: list[Block], index: int) -> bool:
    """A line that is only a number beside another such line (a page's view and download counters '1108' / '186'),
    or one that cannot be a year: no heading."""
    if not NUMBER_ONLY.fullmatch(blocks[index].plain):
        return False
    neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
    year = re.fullmatch(r"1[5-9]\d\d|20\d\d", blocks[index].plain.strip())
    return not year or any(NUMBER_ONLY.fullmatch(b.plain) for b in neighbours)


CODE = re.compile(r"[;{}]\s*$|^\s*[{}]|==|!=|->|\w\(\S*\);|^\s*(?:#include|#define|import|def|return|if\s*\(|for\s*\()")


def looks_like_code(line: str) -> bool:
    """A line of program code copied with the page ('open(argv[1], O_RDONLY)'): its brackets are no markers."""
    return bool(CODE.search(line))


CELL_WORDS = 8  # a line straight under a table row this short is more of the row's last cell


def read_text(source: Path) -> Article:
    text, encoding = decode_text(source)
    article = read_plain(text, source)
    if encoding != "UTF-8":
        article.recognised.insert(0, f"encoding: {encoding}")
    return article


# 'link to page 4  link to page 6 …': the links a PDF-to-HTML conversion sets before a page's running head
PAGE_LINKS = re.compile(r"(?m)^(?:[ \t]*link to page \d+)+[ \t]*")


# 'Background ........ 1': a table of contents' line, with its dot leaders and page number
TOC_LINES = re.compile(r"(?m)^[ \t]*\S[^\n]{0,160}?(?:[ \t]?\.){6,}[ \t]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[ \t]*(?:\n|$)")


CELL_MARKER_BEFORE = re.compile(r"(?:(?<![\w-])(?=[^\W\d_]*[a-zà-ÿа-яё])[^\W\d_]{3,}|[^\W\d_][.,;)\]])$")


def _table_markers(article: Article, row: str, number: int, same_table: bool) -> None:
    """The note markers of a table row left out stay where the table stood, after a line saying so (see
    html_walk.table_markers): a row's markers join those of the rows above it in the same table."""
    markers = MARKER_TOKEN.findall(row)
    pending = [m.group(1) for m in plain_markers.weak_candidates(row)  # 'Kazakhstan5', 'reported.6' (not 'km2', 'CO2')
               if m.re is plain_markers.GLUED and CELL_MARKER_BEFORE.search(row[:m.start(1)])]
    if not markers and not pending:
        return
    last = article.blocks[-1] if article.blocks else None
    digits = "".join(f"{plain_markers.TABLE_DIGIT_MARK}{d}" for d in pending)
    if same_table and last is not None and last.text.startswith(TABLE_LEFT):
        last.text += "".join(m for m in markers if m not in last.text) + digits
    else:
        article.blocks.append(Block("para", TABLE_LEFT + "".join(dict.fromkeys(markers)) + digits, number))


def _table_digits_settled(article: Article) -> None:
    """A left-out table's digits that no note claimed are cell text, not markers: gone, and a table's line left
    without any marker goes too."""
    kept = []
    for block in article.blocks:
        if block.text.startswith(TABLE_LEFT) and plain_markers.TABLE_DIGIT_MARK in block.text:
            block.text = plain_markers.TABLE_DIGIT.sub("", block.text).replace(plain_markers.TABLE_DIGIT_MARK, "")
            if not MARKER_TOKEN.search(block.text):
                continue
        kept.append(block)
    article.blocks = kept


def read_plain(text: str, source: Path) -> Article:
    """The article in plain text: copied from a browser, or a PDF's text (also as a page converted from a PDF)."""
    article = Article(source=source)
    text, links = PAGE_LINKS.subn("", text)
    if links:
        article.dropped.append(f"{links} runs of page links a PDF's conversion left ('link to page 4 …')")
    text, entries = TOC_LINES.subn("\n", text)  # (blank lines: the pages keep their lines)
    if entries:
        article.dropped.append(f"table of contents: {entries} lines with dot leaders and page numbers")
    table_line = -2
    foot = page_notes.find(text)
    if foot:
        article.recognised.append(f"{len(foot.notes)} notes at the pages' feet (a PDF's text), numbered "
                                  f"{foot.notes[0].number}–{foot.notes[-1].number}")
        if foot.skipped:
            article.recognised.append(f"no page-foot note found for {', '.join(map(str, foot.skipped))} (its marker "
                                      "or note not where a page's foot has it): left in the text as it stands")
        for index, line in sorted(foot.furniture.items()):
            article.dropped.append(f"running head or folio the pages repeat (line {index + 1}): '{line[:60]}'")
    bars: list[tuple[str, int]] = []
    for line, number in _join_labels(_paragraphs(text, foot, bars)):
        heading = rec.without_edit_links(line) != line  # '[Bearbeiten] Hintergrund': a wiki's heading
        line = rec.without_edit_links(line)
        in_cell = number == table_line + 1 and len(line.split()) <= CELL_WORDS and not heading and \
            not line.endswith((".", "!", "?"))
        if "\t" in line or in_cell:  # a table row as browsers copy it: cells between tabs, a cell's further lines
            article.dropped.append(f"table row (line {number}): '{rec.squash(line)[:60]}': rebuild the table by hand")
            _table_markers(article, inline_text(line, number, markers=True), number, table_line == number - 1)
            table_line = number
            continue
        bullet = BULLET.match(line)
        kind = "item" if bullet and not NOTE_START.match(line) else "para"
        article.blocks.append(Block(kind, inline_text(line[bullet.end():] if kind == "item" else line, number,
                                                      markers=not looks_like_code(line)), number))
    for line, number in bars:
        article.dropped.append(f"link bar under a reference (line {number}): '{line[:60]}'")
    split_glued_dates(article)  # ('27.01.2022MineralölINFO …': a kicker's date glued to the title)
    article.header = [b.plain for b in article.blocks[:header_reader.HEAD_LINES]]
    article.lang = rec.guess_language(text)
    month_first = rec.month_first(article.lang)
    site_person = next((n for n in (rec.personal_site_name(b.plain) for b in article.blocks[:4]) if n), None)
    cover = page_notes.cover_title(text, foot) if foot else None
    if not _running_head_title(article, foot) and not (cover and _take_cover_title(article, *cover)) \
            and not _title_over_date(article):
        _take_title(article)
    take_metadata(article)
    _title_again(article)
    if not foot and not article.date:
        _month_only(article)
    if foot and not article.date:
        _first_date_line(article)
    _bare_byline(article)
    header_reader.settle_header(article)
    take_closing_byline(article, month_first)
    if not article.date:
        _labelled_date(article, month_first)
    if not article.authors and site_person:
        article.authors = [(site_person, "")]
        article.recognised.append(f"author: {site_person} (the site's name at the top: a person's)")
    _captions(article)
    article.blocks = tables_cited_elsewhere(article.blocks)
    if not foot:
        article.blocks, lettered = lettered_notes(article.blocks)
        if lettered:
            article.notes.extend(lettered)
            last = lettered[-1].label
            article.recognised.append(f"{len(lettered)} lettered notes ([a]–[{last}]) in their own list")
    settle_notes(article, plain_digit_markers=True, page_notes=foot.notes if foot else None)
    _table_digits_settled(article)
    _headings(article)
    return article
