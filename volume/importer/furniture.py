"""Page furniture found by its shape rather than its words: runs of menu lines, lines a page repeats, link bars."""

from __future__ import annotations

import re
from collections import Counter

from volume.importer import recognise as rec
from volume.importer.citations import TOKEN

MENU_WORDS_MAX = 6  # words in a menu item
MENU_RUN = 5  # menu items in a row that make a menu
REPEATS = 3  # a short line the page prints this often is a button or a tool bar ('PowerPoint slide', 'View Article')
BODY_WORDS = 25  # a paragraph this long that ends a sentence is the article's text
SEPARATORS = "·|•»›/"
LINK = re.compile(r"\[([^\]]{1,60})\]\([^)\s]+\)")
TRAILING_LINKS = re.compile(r"(?:\s*[·|•]?\s*\[[^\]]{1,60}\]\([^)\s]+\))+\s*$")
BAR_SPLIT = re.compile(r"\s+[·|•]\s+|\s*[·|•]\s*$")


def is_body(block) -> bool:
    """A paragraph of the article's text: long, ending a sentence, not a line of page chrome."""
    text = block.plain
    return block.kind in ("para", "quote", "item") and len(text.split()) >= BODY_WORDS and \
        text.rstrip()[-1:] in ".!?…\"”»)" and not rec.is_chrome_line(text)


def body_in(blocks) -> bool:
    """Whether the article's running text has begun among `blocks` (a paragraph of its text is there)."""
    return any(is_body(b) for b in blocks)


BODY_WINDOW = 10  # blocks after a paragraph of the text in which another one follows it


def running_text(blocks) -> list[int]:
    """Positions of the paragraphs of running text: body paragraphs with another one within ten blocks (a banner
    over the page stands alone among menus)."""
    body = [i for i, b in enumerate(blocks) if is_body(b)]
    return [i for i in body if any(0 < abs(other - i) <= BODY_WINDOW for other in body)]


def menu_like(block) -> bool:
    """A line that could be a menu item: a few words, no sentence, date, credit, note or note label."""
    text = block.plain.strip().rstrip(SEPARATORS).strip()
    if block.kind in ("heading", "caption") or not text or TOKEN.search(block.text):
        return False
    if len(text.split()) > MENU_WORDS_MAX or len(text) > 50 or text[-1] in ".!?:;,…" or text[0] in "↑^↩*[(":
        return False
    return not (rec.date_line(text) or rec.is_credit(text) or rec.is_notes_heading(text) or
                re.match(r"^(?:\d{1,3}|[ivxl]{1,5})[.)]\s", text))


def menu_runs(blocks, linked: bool = False) -> set[int]:
    """Positions of menus: five or more menu-like lines in a row, above the article's first paragraph of text or
    below its last (a list of short items between paragraphs is the article's own). With `linked` (a page, whose
    menus are links) half the lines at least must be links."""
    body = [i for i, b in enumerate(blocks) if is_body(b)]
    first, last = (body[0], body[-1]) if body else (len(blocks), -1)
    found: set[int] = set()
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and menu_like(blocks[end]):
            end += 1
        links = sum(1 for b in blocks[index:end] if "](" in b.text or re.search(r"<https?://", b.text))
        glossed = sum(1 for b in blocks[index:end] if _glossed_link(b.text))
        if end - index >= MENU_RUN and (end <= first or index > last) and (not linked or 2 * links >= end - index) \
                and 2 * glossed < end - index:
            heads = end == first and not linked and index < end - 1  # the run's last line over the text's first
            found.update(range(index, end - 1 if heads else end))  # paragraph is its heading ('Summary')
        index = end + 1
    return found


def _glossed_link(text: str) -> bool:
    """A line whose link has the writer's words beside it ('Infos allgemein: [Barcamp Graz](…)', 'auf [Twitter](…)'):
    an item of the article's own list of links; a menu item is its link alone (or with a count, '(12)')."""
    if not LINK.search(text):
        return False
    return bool(re.search(r"[^\W\d_]{2}", LINK.sub("", re.sub(r"<https?://[^>\s]+>", "", text))))


def line_key(text: str) -> str:
    """A short line reduced for counting repeats; a counter's number left out ('0 Diskussionen', '8 Diskussionen')."""
    return re.sub(r"^\d+\s+(?=[^\W\d])", "# ", rec.key(text))


def repeated_lines(blocks) -> set[str]:
    """Short lines the page prints three times or more: the buttons of a tool bar under every figure, a menu
    printed at the top and again at the bottom ('Briefing Room' twice is not enough; a bar three times is), a
    counter under every section ('3 Diskussionen'); compare with `line_key`."""
    counts = Counter(line_key(b.plain) for b in blocks if b.kind != "heading" and len(b.plain.split()) <= 4
                     and len(rec.key(b.plain)) > 2 and not TOKEN.search(b.text)
                     and not b.plain.rstrip().endswith(":"))  # 'THE PRESIDENT:' before every turn of a transcript
    return {text for text, count in counts.items() if count >= REPEATS}


def strip_link_bars(notes) -> list[str]:
    """Take the link bars a reference list repeats under every note ('View Article / PubMed/NCBI / Google
    Scholar', '… 2005. View at Publisher · View at Google Scholar') out of the notes; returns the bar's items.
    A bar has two items or more and comes back under three notes or more; a phrase that merely ends several notes
    ('In Russian.') is no bar."""
    if len(notes) < REPEATS:
        return []
    tails = Counter(piece for note in notes for piece in set(_bar(note.text)[1]))
    bar = {piece for piece, count in tails.items() if count >= 2}
    if sum(1 for note in notes if set(_bar(note.text)[1]) & bar) < REPEATS:
        return []
    for note in notes:
        cut, pieces = _bar(note.text)
        if pieces and set(pieces) <= bar:
            note.text = note.text[:cut].rstrip(" ·|•\n")
    return sorted(bar)


def _bar(text: str) -> tuple[int, list[str]]:
    """Where a note's closing bar of short link items starts and its items: short paragraphs closing the note
    ('View Article' / 'PubMed/NCBI'), or items between ' · ' closing its last line, the first of them glued to the
    citation's full stop ('… 2005. View at Publisher · View at Scopus'); ([len(text)], []) without two items."""
    paragraphs = text.split("\n\n")
    count = 0
    while count < len(paragraphs) - 1 and len(rec.plain(paragraphs[-1 - count]).split()) <= MENU_WORDS_MAX:
        count += 1
    if count >= 2:
        cut = len("\n\n".join(paragraphs[:-count]))
        return cut, [rec.key(rec.plain(p)) for p in paragraphs[-count:]]
    last = paragraphs[-1]
    links = TRAILING_LINKS.search(last)
    if links and len(LINK.findall(links.group(0))) >= 2:  # '… 0778 [View Article](…) [PubMed/NCBI](…)'
        return len(text) - len(last) + links.start(), [rec.key(t) for t in LINK.findall(links.group(0))]
    items = re.split(r"\s+[·|•]\s+", last)
    if len(items) < 2 or any(len(rec.plain(i).split()) > MENU_WORDS_MAX for i in items[1:]):
        return len(text), []
    head = re.search(r"(?<=[.)”\"])\s+(?=[^.]{1,60}$)", items[0])  # the first item, after the citation's full stop
    if not head or len(items[0][head.end():].split()) > MENU_WORDS_MAX:
        return len(text), []
    cut = len(text) - len(last) + head.start()
    return cut, [rec.key(rec.plain(items[0][head.end():]))] + [rec.key(rec.plain(i)) for i in items[1:]]
