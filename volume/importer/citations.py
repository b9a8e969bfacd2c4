"""Numbered citations as journals print them: groups and ranges of note numbers, and runs of plain numbers a copy left.

'[7–11]', '[3,5–8]', '^1,2^' (an unlinked `<sup>1,2</sup>`) and two linked numbers with a dash between become one
marker per note in the range, when every number is a note of the source's list; brackets left around joined markers
go; 'fibrillation.1 2 3 4' and 'growth1–3' in copied text continue a marker recovered from a plain digit. What stays
text is returned, so the import can name it."""

from __future__ import annotations

import re

# A note marker inside Markdown text while the article is assembled: \x00<number>:<label as printed>:<line>\x00
TOKEN = re.compile(r"\x00(\d+):([^:\x00]*):(\d*)\x00")
_SEP = r"(?:\\ |\s)*(?:,|;|–|—|-)(?:\\ |\s)*"
GROUP = re.compile(r"\\\[(\d{1,3}(?:" + _SEP + r"\d{1,3})+)\\\]")  # '\[6, 7\]', '\[4-10\]' in Markdown
SUP_GROUP = re.compile(r"\^(\d{1,3}(?:" + _SEP + r"\d{1,3})+)\^")  # '^1,2^', '^3,\ 5–8^': an unlinked <sup>
GROUPISH = re.compile(r"\d{1,3}(?:\s*(?:,|;|–|—|-)\s*\d{1,3})+")  # the text of a <sup> that may be such a group
TOKEN_RANGE = re.compile(r"(\x00(\d+):[^:\x00]*:(\d*)\x00)(\s*[–—-]\s*)(?=\x00(\d+):)")
_ONE = r"\x00\d+:[^:\x00]*:\d*\x00"
BRACKETED = re.compile(r"[ \t]*\\\[\s*(" + _ONE + r"(?:\s*[,;]?\s*" + _ONE + r")*)\s*\\\]")  # ' \[tok, tok\]'
RANGE_LIMIT = 50  # a range spanning more notes than this is no citation ('[1-100]' of a scale)
# The link bar a reference list prints under every item ('OpenUrlCrossRefMedlineWeb of Science' as a copy joins it)
LINK_BAR = re.compile(r"(?:\s*(?:OpenUrl|CrossRef|Medline|PubMed(?:/NCBI| Abstract| Central)?|Web of Science|"
                      r"Google Scholar|Scopus|IOPscience|View Article|Publisher Full Text|Full Text|FREE|Abstract|"
                      r"Find this article online|Article|[/|·,]))+\s*", re.IGNORECASE)


def group_numbers(group: str) -> list[int]:
    """The note numbers a printed group names: '3,5–8' → 3, 5, 6, 7, 8 (a backwards or overlong range: its ends)."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group.replace("\\ ", " ").strip()):
        ends = [int(n) for n in re.split(r"\s*[–—-]\s*", part)]
        spans = len(ends) == 2 and ends[0] < ends[1] <= ends[0] + RANGE_LIMIT
        numbers += list(range(ends[0], ends[-1] + 1)) if spans else ends
    return numbers


def link_group(href: str, text: str) -> list[tuple[str, int]]:
    """The (id, number) pairs of one link standing for a group of notes: its href names as many ids as its text
    names numbers ('#CIT0012 CIT0013 CIT0014' over '12–14', a script link's '(20, 21)'); else []."""
    names = href[1:].split() if href.startswith("#") else []
    shown = text.strip().strip("[]()").strip()
    if len(names) < 2 or not GROUPISH.fullmatch(shown):
        return []
    numbers = group_numbers(shown)
    return list(zip(names, numbers)) if len(numbers) == len(names) else []


def group_markers(text: str) -> set[int]:
    """The numbers the printed groups of a block name (for finding the list of notes they point to)."""
    return {n for pattern in (GROUP, SUP_GROUP) for m in pattern.finditer(text) for n in group_numbers(m.group(1))}


def number_tokens(numbers, line) -> str:
    """Markers, one per number, each showing its number (article.token's shape)."""
    return "".join(f"\x00{n}:{n}:{line or ''}\x00" for n in numbers)


def expand_groups(blocks, numbers: set[int]) -> tuple[int, list[tuple[str, int | None]]]:
    """Make markers of the note numbers printed as groups and fill in ranges between two linked markers, in place;
    returns (markers added, the groups left as text (Markdown) with their lines). A group naming a number that is no note
    ('[0, 1]', an interval) stays text."""
    added, left = 0, []

    for block in blocks:
        def group(match: re.Match) -> str:
            nonlocal added
            found = group_numbers(match.group(1))
            if not found or not set(found) <= numbers:
                if found and min(found) >= 1 and set(found) & numbers:  # ('[0, 1]' is an interval)
                    left.append((match.group(0), block.line))
                return match.group(0)
            added += len(found)
            return number_tokens(found, block.line)

        def fill(match: re.Match) -> str:
            nonlocal added
            first, last = int(match.group(2)), int(match.group(5))
            between = range(first + 1, last)
            if last - first > RANGE_LIMIT or not set(between) <= numbers:
                return match.group(0)
            added += len(between)
            return match.group(1) + number_tokens(list(between), match.group(3))

        text = _unbracket(SUP_GROUP.sub(group, GROUP.sub(group, block.text)))  # ('[4]–[10]': brackets first)
        block.text = _unbracket(TOKEN_RANGE.sub(fill, text))
    return added, left


# '[ 12 ]', '[ 29]', '[ 5 , 10 ]', '[ 16 – 20 ]': a journal's bracketed citation links as a copy spaces them (innerText puts a
# space round each link), in Markdown
SPACED = re.compile(r"\\\[[ \t]*(\d{1,3}(?:" + _SEP + r"\d{1,3})*)[ \t]*\\\]")


def _unspaced(match: re.Match, line: int | None) -> str:
    if not re.search(r"\s", match.group(0)):
        return match.group(0)  # ('\\[12\\]' as typed stays as the text reader left it)
    group = re.sub(r"\s+", "", match.group(1).replace("\\ ", " ")).replace(",", ", ").replace(";", "; ")
    return number_tokens([group], line) if group.isdigit() else f"\\[{group}\\]"


def unspace_brackets(blocks) -> int:
    """A copy's spaced bracketed citations as the page printed them: one number a marker, a group '\\[5, 10\\]' for
    expand_groups; returns how many were found."""
    count = 0
    for block in blocks:
        count += sum(1 for m in SPACED.finditer(block.text) if re.search(r"\s", m.group(0)))
        block.text = SPACED.sub(lambda m, line=block.line: _unspaced(m, line), block.text)
    return count


def _unbracket(text: str) -> str:
    """Joined markers without the brackets printed around them: ' \\[tok, tok\\]' → 'toktok' (the chapter prints
    note numbers, not the page's brackets)."""
    return BRACKETED.sub(lambda m: "".join(t.group(0) for t in TOKEN.finditer(m.group(1))), text)


RUN_STEP = re.compile(r"(\s?[,–-]\s?|\s)(\d{1,3})(?=[\s,.;:!?)\]—–-]|$)")


def run_after(text: str, position: int, first: int, wanted: set[int] | None = None,
              notes: set[int] | None = None) -> tuple[list[int], int]:
    """The note numbers that carry on a marker ending at `position`: '–3' (a range), ',5' (a later number), ' 2'
    (the next number, set apart by a space as some pages print their markers); returns (numbers, where they end).
    `wanted` (None: any) bounds them to notes no marker reaches yet; a range ('1–3' after 2 was cited alone) only
    to `notes`, the list's numbers, when given."""
    found, last, end = [], first, position
    while True:
        match = RUN_STEP.match(text, end)
        if not match:
            break
        separator, number = match.group(1).strip(), int(match.group(2))
        if separator in ("–", "-"):
            span = list(range(last + 1, number + 1))
            ok = last < number <= last + RANGE_LIMIT
        elif separator == ",":
            span, ok = [number], number > last
        else:
            span, ok = [number], number == last + 1
        bound = notes if notes is not None and separator in ("–", "-") else wanted
        if not ok or (bound is not None and not set(span) <= bound):
            break
        found, last, end = found + span, number, match.end()
    return found, end


# One item of the link bars a publisher sets under (and between the parts of) each reference
BAR_ITEM = (r"(?:OpenUrl|CrossRef|Medline|PubMed(?:/NCBI| Abstract| Central)?|Web of Science®?(?: Times Cited: ?\d+)?|"
            r"Google Scholar|Scopus|IOPscience|View Article|Publisher Full Text|Abstract/FREE Full Text|FREE Full Text|"
            r"Full Text|Find this article online|Full Article(?: \(HTML\))?|Article|Abstract|PDF ?\(\d+ ?[KM]B?\)|PDF|"
            r"References|CAS|ADS|Direct Link:|Order article via Infotrieve|ejournals@[\w.]+ - find full text|"
            r"View at Publisher|View at Google Scholar|View at Scopus)")
STRONG_ITEM = re.compile(r"OpenUrl|CrossRef|Medline|PubMed|Web of Science|Google Scholar|Scopus|Times Cited|"
                         r"Direct Link:|PDF ?\(\d|Full Article \(HTML\)|View at Publisher|Infotrieve", re.IGNORECASE)
BAR_RUN = re.compile(r"(?:(?<=[.;,:)\s\d])|^)(?:" + BAR_ITEM + r"[ \t\n,;·|/]*){2,}(?=\s|$|[A-ZÀ-Þ])")
BAR_LINE = re.compile(r"\s*" + BAR_ITEM + r"[\s,;·|/]*")


def strip_bar_runs(notes) -> list[str]:
    """Take the link bars out of the notes wherever they stand, also between a reference's parts ('… 8247;Direct
    Link:AbstractArticlePDF(1008K)…Times Cited: 101Angew. Chem. 2011 …'): a run of two bar items or more with one
    that only a bar prints (CrossRef, PubMed, 'Times Cited', 'PDF(1008K)'); returns the runs taken."""
    taken: list[str] = []
    for note in notes:
        before = len(taken)

        def cut(match: re.Match) -> str:
            if not STRONG_ITEM.search(match.group(0)):
                return match.group(0)
            taken.append(" ".join(match.group(0).split())[:60])
            return " " if match.end() < len(note.text) else ""
        text = re.sub(r"\s*Direct Link:(?=\s|$|[A-ZÀ-Þ])", " ", BAR_RUN.sub(cut, note.text))  # a bar's own label
        last = text.rsplit("\n\n", 1)
        if len(last) == 2 and bar_item_line(last[1]) and STRONG_ITEM.search(last[1]):  # '… 50–59.' / 'CrossRef'
            taken.append(last[1].strip())
            text = last[0]
        note.text = re.sub(r"[ \t]*\n\n[ \t]*(?=\n|$)", "", text).strip()
        note.text = re.sub(r"(?:\s*\n\n\s*)+", "\n\n", re.sub(r"[ \t]{2,}", " ", note.text))
        if len(taken) > before:  # bars between a reference's parts ('…151;' / 'J. Fernández …'): one line
            note.text = re.sub(r";\n\n", "; ", note.text)
    return taken


def bar_item_line(text: str) -> bool:
    """A line that is one item of a reference's link bar ('References', 'PDF(1645K)', 'CrossRef,')."""
    return bool(BAR_LINE.fullmatch(text or ""))


def link_bar_line(text: str) -> bool:
    """A line that is only a reference list's link bar ('OpenUrlCrossRefMedlineWeb of Science', 'CrossRef')."""
    return bool(text.strip()) and bool(LINK_BAR.fullmatch(text)) and bool(re.search(r"[A-Za-z]{4}", text))


BAR_REPEATS = 3  # a one-link bar ('CrossRef') closes this many notes at least


def strip_lone_bars(notes) -> list[str]:
    """Take a closing paragraph that is only a link bar word ('CrossRef', 'IOPscience' as a copy keeps them under
    each reference) out of the notes, when three notes or more close with one; returns the words taken."""
    def last(note) -> str:
        parts = note.text.rsplit("\n\n", 1)
        return parts[1].strip() if len(parts) == 2 else ""
    closing = [note for note in notes if link_bar_line(last(note))]
    if len(closing) < BAR_REPEATS:
        return []
    taken = sorted({last(note) for note in closing})
    for note in closing:
        note.text = note.text.rsplit("\n\n", 1)[0].rstrip()
    return taken


AFFILIATION_WORDS = re.compile(r"\b(?:universit\w*|institut\w*|department|faculty|school|college|cent(?:re|er)|"
                               r"laborator\w*|hospital|academy|fakultät|université|университет|институт)\b",
                               re.IGNORECASE)
SUPERSCRIPT = re.compile(r"\^[^\s^]*\^")
BODY_WORDS = 25  # the article's text begins with the first paragraph this long


SENTENCES_WORDS = 10
SENTENCES = re.compile(r"[a-z)]\.\S{0,4}\s+[A-Z].*[.!?]\S{0,4}$", re.DOTALL)  # two sentences: 'enacted.1 It … levels.2'


def affiliation_marks(blocks, names) -> list:
    """The blocks above the article's text that number authors' affiliations, not notes: a line of names with
    superscripts ('Jane Roe^1,2^, John Poe^2^') and the affiliations under it ('^1^ University of …'). Their marks
    are written back as superscript numbers, so no note is joined to them; returns those blocks. `names` is the
    recogniser's list of authors' names (recognise.name_list)."""
    kept = []
    for block in blocks:
        words = len(TOKEN.sub("", block.text).split())
        opens_with_mark = bool(re.match(r"\s*(?:\x00|\^|\d{1,2}\s)", block.text))
        if block.kind == "para" and (words >= BODY_WORDS or (  # the text has begun: a long paragraph, or
                words >= SENTENCES_WORDS and not opens_with_mark and SENTENCES.search(block.text))):  # sentences
            break
        if any(len(m.group(2).strip("[]()")) > 2 for m in TOKEN.finditer(block.text)):
            continue  # a mark of three digits ('Laying Plans168', a chapter title's note 168) numbers no affiliation
        bare = SUPERSCRIPT.sub("", TOKEN.sub("", block.text))
        bare = re.sub(r"(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*(?=[\s,;]|$)", "", bare)  # 'Roe1,2' as a copy glues it
        if names(" ".join(bare.split())) or (opens_with_mark and AFFILIATION_WORDS.search(bare) and words <= 40):
            kept.append(block)
    # names with marks are authors' only beside an affiliation those marks open ('1 University of …'): a wiki's
    # infobox line 'Vincenzo Viviani[2]' over the text has no such line, and its marks are markers
    affiliations = [b for b in kept if re.match(r"\s*(?:\x00|\^|\d{1,2}\s)", b.text)
                    and AFFILIATION_WORDS.search(b.text)]
    kept = [b for b in kept if affiliations]
    for block in kept:
        block.text = TOKEN.sub(lambda m: f"^{m.group(2)}^", block.text)
        block.affiliation = bool(re.match(r"\s*(?:\x00|\^|\d{1,2}\s)", block.text))
    return kept
