"""Markers a copy left as plain digits ('growth.12 The next', 'policy (3)', 'Indians,1 bases'): which digits may be
markers, and turning those that continue the text's sequence of notes into markers joined to their notes."""

from __future__ import annotations

import re

from volume.importer.citations import TOKEN, group_numbers, number_tokens, run_after
from volume.importer.notes import referenced

GLUED = re.compile(r"(?<=[a-zа-яёçğıöşüäßéèàâêîôûœ\.,;:!?\)\]\"”’»*])(\d{1,3})(?=[\s,.;:!?)\]—–]|-\d|$)")  # 'spoofing59—where', 'work3-5'
# '(3)' after a word, or after a number and a space ('No 1309/2013 (1), and', as EUR-Lex's copied text gives its
# markers); never glued to ')' or a digit, where it numbers a subdivision: 'Section 1101(a)(6)', '2(a)(1)'
PAREN = re.compile(r"(?:(?<=\S)(?<![)\d])|(?<=\d)(?=\s))\s?\((\d{1,3})\)(?=[\s,.;:!?]|$)")
# 'ultimately included 31.8 The FY2025 …': a marker after a number's full stop, where a new sentence starts
SENTENCE_AFTER_NUMBER = re.compile(r"(?<=\d\.)([1-9]\d{0,2})(?=\s+[A-ZА-ЯЁ\"“«(]|$)")
# 'en janvier 20195. Plutôt': a marker glued to a year; the 1, 2, 3 pass takes it only as the very note it expects next
AFTER_YEAR = re.compile(r"(?<![\d.,/-])(?:1[6-9]|20)\d\d([1-9]\d?)(?=[\s,.;:!?)\]]|$)")
# 'Transparency and Open Government 1 instructed': a marker set apart by spaces, as a copy of a superscript link
# with a space before it gives it; taken only when such numbers run 1, 2, 3 ... through every note of the list
SPACED = re.compile(r"(?:(?<=\w )|(?<=\w[.,;:)”\"’»] )|(?<=\w[)”\"’»][.,;:] ))([1-9]\d{0,2})(?= (?:[^\W\d_]|[“\"«(])| ?$)")
# A digit glued to a cell of a table a copy left out ('Kazakhstan5'), kept after the table's line until the notes
# are settled: the 1, 2, 3 pass takes it when it is the very note it expects next
TABLE_DIGIT_MARK = "\x01"
TABLE_DIGIT = re.compile(r"\x01(\d{1,3})")
PROTECTED = re.compile(r"<[^>\s]+>|\]\([^)]*\)|\x00[^\x00]*\x00")


def weak_candidates(text: str) -> list[re.Match]:
    """Digits glued to a word or a sentence's end, and '(3)' after a word: markers that lost their superscript."""
    protected = [m.span() for m in PROTECTED.finditer(text)]
    found = []
    for pattern in (GLUED, PAREN):
        for match in pattern.finditer(text):
            if any(a <= match.start(1) < b for a, b in protected) or _decimal(text, match.start(1)) or \
                    re.match(r"\.\d|,\d{3}(?!\d)", text[match.end(1):match.end(1) + 5]):  # 'doi:10.1371', 'ca.3,500'
                continue
            found.append(match)
    return sorted(found, key=lambda m: m.start(1))


def _decimal(text: str, at: int) -> bool:
    """'3.5', '1,000', '12.3', 'P = .01', '.5 mm': the digits continue a number or are one written without its
    zero (a year before the full stop is no number; no note is numbered '01')."""
    before = re.search(r"(\d+)[.,]$", text[:at])
    if text[at] == "0" or re.search(r"(?:^|[\s(=<>≤≥±~–-])[.,]$", text[:at]):
        return True
    return bool(before) and len(before.group(1)) <= 3


def weak_numbers(blocks) -> set[int]:
    """Numbers plain digits in the text may be markers for, with the runs that carry them on ('fibrillation.1 2 3'),
    and the run 1, 2, 3 ... of numbers set apart by spaces when it is long enough to be a text's markers."""
    found: set[int] = set()
    for block in blocks:
        for match in weak_candidates(block.text):
            first = int(match.group(1))
            found |= {first, *run_after(block.text, match.end(1), first)[0]}
        found |= {int(d) for d in TABLE_DIGIT.findall(block.text)}
    spaced = spaced_run(blocks)
    return found | (set(spaced) if len(spaced) >= SPACED_RUN else set())


SPACED_RUN = 5  # numbers set apart by spaces that run 1, 2, 3, 4, 5 in the text's order: its markers, not chance


def spaced_run(blocks, start: int = 1) -> list[int]:
    """How far the numbers set apart by spaces (or glued to a word or a year) run start, start + 1, ... in the text's
    order."""
    expected, found = start, []
    for block in blocks:
        protected = [m.span() for m in PROTECTED.finditer(block.text)]
        matches = sorted([*SPACED.finditer(block.text), *AFTER_YEAR.finditer(block.text), *weak_candidates(block.text),
                          *TABLE_DIGIT.finditer(block.text)], key=lambda m: m.start(1))
        for match in matches:
            if int(match.group(1)) == expected and not any(a <= match.start(1) < b for a, b in protected):
                found.append(expected)
                expected += 1
    return found


def recover_markers(blocks, numbers: set[int]) -> int:
    """Turn plain digits into markers where they continue the text's sequence of notes (1, 2, 3, ...) and point
    to a note no marker reaches, with the run that carries a glued one on ('fibrillation.1 2 3 4', 'growth1–3');
    returns how many were recovered. Digits out of sequence stay text."""
    reached = referenced(blocks)
    wanted = numbers - reached
    if not wanted:
        return 0
    expected, recovered = min(numbers), 0  # a book's chapter numbers its notes on: 22, 23, ...
    ordered = sorted(numbers)
    spaced = len(numbers) >= SPACED_RUN and set(spaced_run(blocks, ordered[0])) >= numbers  # every note's marker so
    following = dict(zip(ordered, ordered[1:]))  # the list's next number: notes 15-20 on pages left out, 14 -> 21
    for block in blocks:
        pieces, position = [], 0
        candidates = [*TOKEN.finditer(block.text), *weak_candidates(block.text), *_after_numbers(block.text),
                      *_protected_out(AFTER_YEAR, block.text), *(_protected_out(SPACED, block.text) if spaced else []),
                      *TABLE_DIGIT.finditer(block.text)]
        for match in sorted(candidates, key=lambda m: m.start()):
            if match.start() < position:  # inside a run already taken ('1 2 3')
                continue
            if match.re is TOKEN:
                expected = following.get(int(match.group(1)), int(match.group(1)) + 1)
                continue
            value = int(match.group(1))
            if value == expected and value in wanted:
                cut = match.start(0) if match.re in (PAREN, TABLE_DIGIT) else match.start(1) - (match.re is SPACED)
                pieces.append(block.text[position:cut])
                position = match.end(0) if match.re is PAREN else match.end(1)
                wanted.discard(value)
                run, position = run_after(block.text, position, value, wanted, numbers) if match.re is GLUED \
                    else ([], position)
                wanted -= set(run)
                pieces.append(number_tokens((value, *run), block.line))
                last = run[-1] if run else value
                expected, recovered = following.get(last, last + 1), recovered + 1 + len(run)
        if pieces:
            block.text = "".join(pieces) + block.text[position:]
    return recovered


def _protected_out(pattern: re.Pattern, text: str) -> list[re.Match]:
    protected = [m.span() for m in PROTECTED.finditer(text)]
    return [m for m in pattern.finditer(text) if not any(a <= m.start(1) < b for a, b in protected)]


def _after_numbers(text: str) -> list[re.Match]:
    """Digits after a number's full stop where a sentence starts ('included 31.8 The'): a decimal to every other
    rule, so the 1, 2, 3 pass takes them only when they are the very note it expects next."""
    protected = [m.span() for m in PROTECTED.finditer(text)]
    return [m for m in SENTENCE_AFTER_NUMBER.finditer(text) if not any(a <= m.start(1) < b for a, b in protected)]


# Abbreviations a number follows after their full stop: 'p.12', 'Fig.3', 'No.5' are pages, figures and numbers
ABBREVIATION = re.compile(r"(?:^|[\s(\[])(?:pp?|nos?|vols?|figs?|ch|chap|art|arts|para|paras|sec|secs|tab|eq|"
                          r"eqs|refs?|nr|s|ss|ed|eds|rev|ser|suppl|ibid|op|cf|vs|ca|approx|с|ст|гл|рис|табл|т|"
                          r"ч|abb|abs|bd|hft|nº|n)\.$", re.IGNORECASE)
ET_AL = re.compile(r"\bet al\.?$|\bи др\.?$|\bu\. ?a\.?$|\bve ark\.?$", re.IGNORECASE)


def _cited_shape(text: str, at: int) -> bool:
    """Digits at `at` glued where only a citation stands: after a sentence's or clause's punctuation that follows a
    word or a bracket ('injuries.12', 'post).1,15', 'lower,4 and'), or after 'et al' ('Tan et al23'); not after
    a digit ('3:1', '1,000'), a colon ('doi:10…'), an abbreviation ('p.12', 'Fig.3') or a unit ('kg/m2', 'CO2')."""
    before = text[:at]
    if ET_AL.search(before):
        return True
    if len(before) < 2 or before[-1] not in ".,;!?)]\"”’»" or before[-2].isdigit() or before[-2].isspace():
        return False
    return not ABBREVIATION.search(before)


def _after_word(text: str, at: int) -> bool:
    """Digits glued to a word of three lower-case letters or more ('common2,5'), not to a unit or formula ('m2',
    'CO2')."""
    return bool(re.search(r"(?<![\w-])[a-zäöüßçğışéèàа-яё]{3,}$", text[:at]))


IN_ORDER_SHARE = 0.5  # a copy whose 1, 2, 3 pass reached this share of its notes runs in order


def _first_markers(blocks) -> dict[int, tuple[int, int]]:
    """Where each note's first marker stands: (block index, offset)."""
    first: dict[int, tuple[int, int]] = {}
    for index, block in enumerate(blocks):
        for match in TOKEN.finditer(block.text):
            first.setdefault(int(match.group(1)), (index, match.start()))
    return first


def _between_neighbours(first: dict[int, tuple[int, int]], value: int, at: tuple[int, int]) -> bool:
    """Whether `at` lies after the marker of the nearest lower note that has one and before that of the nearest
    higher one: where a note's marker stands in a text whose markers run in order."""
    lower = [first[n] for n in first if n < value]
    upper = [first[n] for n in first if n > value]
    return (not lower or max(lower) < at) and (not upper or at < min(upper))


def recover_cited(blocks, numbers: set[int], in_order: bool = False) -> int:
    """In a copy whose markers do not run 1, 2, 3 in the text (a journal numbering its references alphabetically,
    a note cited again), turn digits into markers where their place leaves no other reading (see _cited_shape), or
    a group glued to a word ('common2,5'), with the group they open ('post).1,15,20,25'), when every number of it
    is a note; returns how many. A copy whose markers run `in_order` (a report whose 1, 2, 3 pass missed a few)
    gets a marker only for a note none reaches, and only between its neighbours' markers: a number glued after a
    full stop elsewhere ('Section 12.', 'in 2019,14') is text there."""
    recovered = 0
    first = _first_markers(blocks) if in_order else {}
    for index, block in enumerate(blocks):
        pieces, position = [], 0
        for match in weak_candidates(block.text):
            if match.re is not GLUED or match.start(1) < position:
                continue
            value = int(match.group(1))
            if value not in numbers:
                continue
            run, end = run_after(block.text, match.end(1), value, numbers)
            if any(n not in numbers for n in run) or not (_cited_shape(block.text, match.start(1)) or
                                                           (run and _after_word(block.text, match.start(1)))):
                continue
            if in_order and any(n in first or not _between_neighbours(first, n, (index, match.start(1)))
                                for n in (value, *run)):
                continue
            pieces += [block.text[position:match.start(1)], number_tokens((value, *run), block.line)]
            position, recovered = end, recovered + 1 + len(run)
        if pieces:
            block.text = "".join(pieces) + block.text[position:]
    return recovered


# '(12, 14)', '(3–5)', '(2, 7–9)' after a word: a journal's linked citations in parentheses as a copy leaves them
PAREN_GROUP = re.compile(r"(?<=[^\W\d_]|[.,;:]) ?\((\d{1,3}(?:\s*[,;–-]\s*\d{1,3})+)\)(?=[\s,.;:!?]|$)")
GROUP_LIST = 5  # a numbered list at least this long: groups of its numbers in parentheses are its citations


def recover_paren_groups(blocks, numbers: set[int]) -> int:
    """Turn groups of note numbers in parentheses after a word ('earlier work (10, 11)') into markers, one per note
    of the group, when every number of it is a note of the list; returns how many markers were made."""
    if len(numbers) < GROUP_LIST:
        return 0
    made = 0
    for block in blocks:
        protected = [m.span() for m in PROTECTED.finditer(block.text)]

        def group(match: re.Match) -> str:
            nonlocal made
            found = group_numbers(match.group(1))
            if not set(found) <= numbers or any(a <= match.start() < b for a, b in protected):
                return match.group(0)
            made += len(found)
            return number_tokens(found, block.line)

        block.text = PAREN_GROUP.sub(group, block.text)
    return made
