"""The frames round a copied text that are not the article's: a wiki's tagline under its title (the line over it is
the title; a wiki page names no author and is dated by its revision), an e-text archive's catalogue header,
producers' credit and closing licence (read for the work's title and author, then left out)."""

from __future__ import annotations

import re

from volume.importer import recognise as rec
from volume.importer.article import Article, inline_text
from volume.importer.text_header import TITLE_WORDS, _is_furniture

# A wiki's tagline under the page's title: 'From Wikipedia, the free encyclopedia', 'Aus Wikipedia, der freien
# Enzyklopädie', 'Материал из Википедии — свободной энциклопедии', 'Un article de Wikipédia, l'encyclopédie libre',
# 'Vikipedi, özgür ansiklopedi', 'From Wikinews, the free news source you can write!'
WIKI_TAGLINE = re.compile(r"^(?:from|aus|un article de|материал из)\s+(?:wiki\w+|вики\w+)\b|"
                          r"^vikip\w+,\s+özgür|^(?:wikipedia|wikinews|vikipedi)\s*[,—–-]", re.IGNORECASE)
TAGLINE_REACH = 4  # lines from the top in which a wiki's tagline follows the title


def wiki_title(article: Article) -> bool:
    """A wiki page as copied: the line over its tagline is the title (not a navigation box's line further down,
    'Experiments' / '2dF Galaxy Redshift Survey'); the tagline and what stands above the title leave the text."""
    blocks = article.blocks
    at = next((i for i, b in enumerate(blocks[:TAGLINE_REACH]) if WIKI_TAGLINE.match(b.plain.strip())), None)
    if not at or _is_furniture(blocks[at - 1].plain) or len(blocks[at - 1].plain.split()) > TITLE_WORDS:
        return False
    title = blocks[at - 1]
    article.title = title.text
    article.recognised.append(f"title: {title.plain} (line {title.line}, over the wiki's tagline)")
    for block in blocks[:at - 1]:
        article.dropped.append(f"above the title (line {block.line}): '{block.plain[:60]}'")
    article.dropped.append(f"the wiki's tagline (line {blocks[at].line}): '{blocks[at].plain[:60]}'")
    article.blocks = blocks[at + 1:]
    article.wiki = True
    return True


def wiki_header(article: Article) -> None:
    """A wiki page names no author and is dated by its revision (its footer's 'last edited' line, read after the
    text): names and dates its infobox lent the header ('Presidential Standard', an office's first holder's
    inauguration) are not the page's."""
    if article.authors:
        article.dropped.append(f"not the authors (a wiki page's infobox): {', '.join(a for a, _ in article.authors)}")
        article.authors = []
    revision = next((d for d in (rec.revision_date(b.plain) for b in reversed(article.blocks)) if d), None)
    if revision and article.date != revision:
        article.date = ""  # (take_closing_byline reads the revision)



# An e-text archive's own header and footer round the work it distributes: 'The Project Gutenberg EBook of …' /
# 'Title: …' / 'Release Date: …' / '*** START OF THIS PROJECT GUTENBERG EBOOK … ***', then its producers' credit
ETEXT_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$", re.IGNORECASE | re.MULTILINE)
ETEXT_END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b", re.IGNORECASE | re.MULTILINE)
ETEXT_CREDIT = re.compile(r"\s*(?P<credit>(?:produced by|e-?text prepared by|transcribed (?:from|by))\b.*?)(?=\n[ \t]*\n|\Z)",
                          re.IGNORECASE | re.DOTALL)
ETEXT_REACH = 4000  # characters at the top in which the archive's start line stands


def without_etext_frame(text: str) -> tuple[str, list[str]]:
    """The text without an e-text archive's header (its catalogue entry: title, author, release date, licence),
    its producers' credit under it and its licence at the end: the archive's, not the work's. The lines stay as
    blank lines, so that line numbers hold. Also what was left out, said for the report."""
    start = ETEXT_START.search(text[:ETEXT_REACH])
    if not start:
        return text, []
    blank = lambda part: "\n" * part.count("\n")  # noqa: E731
    head, rest = text[:start.end()], text[start.end():]
    dropped = [f"an e-text archive's header (lines 1–{head.count(chr(10)) + 1}): its catalogue entry and licence"]
    credit = ETEXT_CREDIT.match(rest)
    if credit:
        rest = rest[:credit.start("credit")] + blank(rest[credit.start("credit"):credit.end()]) + rest[credit.end():]
        dropped.append(f"the e-text's producers' credit: '{rec.squash(credit.group('credit'))[:60]}'")
    end = ETEXT_END.search(rest)
    if end:
        dropped.append("an e-text archive's licence at the end")
        rest = rest[:end.start()] + blank(rest[end.start():])
    return blank(head) + rest, dropped


CATALOGUE_FIELD = re.compile(r"^(?P<field>Title|Author):[ \t]*(?P<value>.+(?:\n[ \t]+\S.*)*)", re.MULTILINE)
CATALOGUE_TITLE_LINES = 300  # lines from the top in which the work's own title page is looked for


def etext_catalogue(text: str) -> tuple[str, list[str]]:
    """The title and authors an e-text archive's catalogue entry names ('Title: Guernsey Folk Lore' with its
    indented further lines, 'Author: Edgar MacCulloch'), when the text has such a header."""
    start = ETEXT_START.search(text[:ETEXT_REACH])
    if not start:
        return "", []
    fields = {m["field"].casefold(): rec.squash(m["value"]) for m in CATALOGUE_FIELD.finditer(text[:start.start()])}
    names = re.split(r"\s*(?:;|,?\s+and\s+)\s*", fields.get("author", ""))
    return fields.get("title", ""), [n for n in names if n and rec.looks_like_name(n)]


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", rec.plain(text).casefold())


def catalogue_header(article: Article, title: str, authors: list[str], text: str) -> None:
    """An e-text's title and author from its archive's catalogue entry where the text's own lines gave none or a
    title the entry does not name (an epigraph in capitals over the preface): the work's title page line that
    spells the entry's title ('GUERNSEY FOLK-LORE.' for 'Guernsey Folk Lore'), the entry's author."""
    wanted, own = _letters(title.split("  ")[0]), _letters(article.title)
    first = _letters(" ".join(title.split()[:2]))  # (at least two words of it: 'Beethoven's Letters' for '… Vol. 2')
    if wanted and not (own and (wanted.startswith(own) or own.startswith(wanted))):
        lines = [(n, rec.squash(x)) for n, x in enumerate(text.splitlines()[:CATALOGUE_TITLE_LINES], 1) if x.strip()]
        for number, line in lines:  # (the title page may stand above the lines the rules took for the title)
            letters = _letters(line)
            if letters and len(line.split()) >= 2 and letters.startswith(first) and wanted.startswith(letters):
                article.recognised.append(f"title: {line} (line {number}, the title the e-text's catalogue entry "
                                          f"names, over '{rec.plain(article.title)[:40]}')")
                article.title = inline_text(line.rstrip("."), number, markers=False)
                article.blocks = [b for b in article.blocks if b.line != number]
                break
    if authors and not article.authors:
        article.authors = [(name, "") for name in authors]
        article.recognised.append(f"author: {', '.join(authors)} (the e-text's catalogue entry)")
