"""Tokens of a reference string with their offsets, and the features the sequence labeller sees for each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from volume.references.lexicon import (
    CONTAINER_WORDS,
    EDITOR_WORDS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    LOCATOR_WORDS,
    MONTHS,
    ORG_WORDS,
    PLACES,
    PUBLISHER_WORDS,
    WEB_WORDS,
)

TOKEN_RE = re.compile(
    r"(?P<doi>\b10\.\d{4,9}/[^\s<>\"]+)"
    r"|(?P<url>(?:https?|ftp)://[^\s<>\"]+|www\.[^\s<>\"]+|(?<![\w@/.-])[\w-]+(?:\.[\w-]+)+/[^\s<>\"]*)"
    r"|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"
    r"|(?P<punct>\S)"
)
URL_TRAILING = ".,;:)]>*\"'”’"
OPEN_QUOTES = "“«„‘\"'"
CLOSE_QUOTES = "”»“’\"'"
YEAR_RE = re.compile(r"(1[5-9]\d\d|20\d\d)[a-z]?")
ROMAN_RE = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Token:
    """A word, number, URL or punctuation mark of a reference, with where it stands in the text."""

    text: str
    start: int
    end: int
    kind: str  # url, doi, word, punct


def tokenize(text: str) -> list[Token]:
    """The tokens of a reference; URLs and DOIs stay whole, without the punctuation that follows them."""
    tokens = []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup or "punct"
        value, start = match.group(), match.start()
        if kind in ("url", "doi"):
            value = value.rstrip(URL_TRAILING) or value
            tokens.append(Token(value, start, start + len(value), kind))
            tokens += [Token(c, start + len(value) + i, start + len(value) + i + 1, "punct")
                       for i, c in enumerate(match.group()[len(value):])]
            continue
        glued = re.match(r"\d+(?=[^\W\d_]{2,})", value) if kind == "word" else None
        if glued:  # "1Brooks": a list number run into the first author
            tokens.append(Token(glued.group(), start, start + glued.end(), "word"))
            value, start = value[glued.end():], start + glued.end()
        tokens.append(Token(value, start, match.end(), kind))
    return tokens


def _script(word: str) -> str:
    first = word[0]
    if "\u0400" <= first <= "\u04ff":
        return "cyr"
    if "\u3040" <= first <= "\u9fff" or "\uac00" <= first <= "\ud7af":
        return "cjk"
    return "lat" if first.isalpha() else "other"


def shape(word: str) -> str:
    """A compressed shape: Xx for "Family", X for "A", dddd for "2019", x-x for "self-care"."""
    out = []
    for c in word:
        s = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != s or s == "d":
            out.append(s)
    return "".join(out)[:8]


def _word_features(token: Token) -> list[str]:
    word = token.text
    low = word.lower()
    if token.kind == "url":
        return ["url", "urldoi=" + str("doi.org" in low)]
    if token.kind == "doi":
        return ["doi"]
    if token.kind == "punct":
        return ["p=" + word]
    feats = ["w=" + low[:20], "shape=" + shape(word), "len=" + str(min(len(word), 10)), "script=" + _script(word)]
    if len(word) > 3:
        feats += ["suf=" + low[-3:], "pre=" + low[:3]]
    if word[0].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("caps")
    if word.isdigit():
        feats.append("num")
        feats.append("numlen=" + str(min(len(word), 5)))
    if YEAR_RE.fullmatch(word):
        feats.append("year")
    if re.fullmatch(r"\d+[-–]\d+", word):
        feats.append("range")
    if ROMAN_RE.fullmatch(word) and len(word) < 6:
        feats.append("roman")
    if len(word) == 1 and word.isalpha() and word.isupper():
        feats.append("initial")
    for name, words in (("month", MONTHS), ("given", GIVEN_NAMES), ("pub", PUBLISHER_WORDS), ("place", PLACES),
                        ("cont", CONTAINER_WORDS), ("org", ORG_WORDS), ("func", FUNCTION_WORDS),
                        ("loc", LOCATOR_WORDS), ("ed", EDITOR_WORDS), ("web", WEB_WORDS)):
        if low in words:
            feats.append(name)
    return feats


def _context_flags(tokens: list[Token]) -> list[list[str]]:
    """Whether each token stands inside quotes, italics (*...*), parentheses or brackets."""
    flags, quote, italic, paren, bracket = [], False, False, 0, 0
    for i, token in enumerate(tokens):
        word = token.text
        here = []
        if quote:
            here.append("inquote")
        if italic:
            here.append("initalic")
        if paren:
            here.append("inparen")
        if bracket:
            here.append("inbracket")
        flags.append(here)
        if word == "*":
            italic = not italic
        elif not quote and (word in "“«„»" or (word in "\"'‘" and (i == 0 or tokens[i - 1].end < token.start))):
            quote = True  # » opens a German quotation (»Titel«), „ and « open German and French ones
        elif quote and word in "”»“«\"’'" and (i + 1 == len(tokens) or tokens[i + 1].start > token.end
                                               or tokens[i + 1].text in ",.;:"):
            quote = False
        elif word == "(":
            paren += 1
        elif word == ")" and paren:
            paren -= 1
        elif word == "[":
            bracket += 1
        elif word == "]" and bracket:
            bracket -= 1
    return flags


ABBREVIATED = frozenset(["p", "pp", "vol", "vols", "no", "nos", "nr", "ed", "eds", "s", "st", "dr", "mr", "jr", "sr", "co", "inc", "ltd", "trans", "comp", "dept", "univ"])


def _segments(tokens: list[Token]) -> list[int]:
    """How many sentence-like breaks (a full stop after a word, ?, !, a closing quote) come before each token."""
    counts, seen = [], 0
    for i, token in enumerate(tokens):
        counts.append(seen)
        word = token.text
        before = tokens[i - 1].text if i else ""
        if word == "." and len(before) > 1 and before.lower() not in ABBREVIATED and not before.isupper() or word in "?!”»":
            seen += 1
    return counts


def _segment_flags(tokens: list[Token], segments: list[int]) -> dict[int, list[str]]:
    """What each sentence-like segment holds: italics, quotes, a year, numbers, a colon, a URL; and its size."""
    flags: dict[int, set[str]] = {}
    sizes: dict[int, int] = {}
    for token, segment in zip(tokens, segments):
        here = flags.setdefault(segment, set())
        sizes[segment] = sizes.get(segment, 0) + (token.kind != "punct")
        word = token.text
        if word == "*":
            here.add("ital")
        elif word in "“”«»\"‘":
            here.add("quote")
        elif word == ":":
            here.add("colon")
        elif word in "()":
            here.add("paren")
        elif token.kind in ("url", "doi"):
            here.add("url")
        elif YEAR_RE.fullmatch(word):
            here.add("year")
        elif word.isdigit():
            here.add("num")
        elif word.lower() in PUBLISHER_WORDS:
            here.add("pub")
        elif word.lower() in CONTAINER_WORDS:
            here.add("cont")
    return {s: sorted(f) + ["size=" + str(min(sizes[s], 12) // 3)] for s, f in flags.items()}


LEXICON_FEATURES = frozenset(["month", "given", "pub", "place", "cont", "org", "func", "loc", "ed", "web"])


def _own_features(own: list[list[str]], flags: list[list[str]], i: int) -> list[str]:
    """What both labellers see of token i itself: its words' features, its context flags and its place in the
    reference."""
    n = len(own)
    feats = ["bias", "pos=" + str(min(9, i * 10 // max(n, 1))), *own[i], *flags[i]]
    if i == 0:
        feats.append("first")
    if i == n - 1:
        feats.append("last")
    return feats


def _neighbour_features(tokens: list[Token], own: list[list[str]], i: int) -> list[str]:
    """The features of the two tokens either side of token i (their words' shapes, not their affixes), and the first
    characters around it."""
    n = len(tokens)
    feats = []
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < n:
            feats += [f"{offset}:{f}" for f in own[j] if not f.startswith(("suf=", "pre=", "len=", "script="))]
        else:
            feats.append(f"{offset}:none")
    if 0 < i < n - 1:
        feats.append("around=" + tokens[i - 1].text[:1] + "_" + tokens[i + 1].text[:1])
    return feats


def plain_features(tokens: list[Token]) -> list[list[str]]:
    """The second labeller's features: the tokens' own words and shapes, their neighbours', position, quotes and
    italics, without the word lists and the sentence-like segments the first labeller also sees, so that the two
    err in different places (a reading both agree on is more likely right)."""
    own = [[f for f in _word_features(t) if f not in LEXICON_FEATURES] for t in tokens]
    flags = _context_flags(tokens)
    return [[*_own_features(own, flags, i), *_neighbour_features(tokens, own, i)] for i in range(len(tokens))]


EDITOR_AHEAD = 7  # tokens: "Andrew Erickson et al., eds.", "Bekiari, Chryssoula, …, et Pat Riva, dir."
EDITOR_BEHIND = 4  # "Hrsg. von Anna Schmidt", "edited by A. B. Smith"


def _editor_word_near(editor_words: list[int], years: list[int], i: int) -> list[str]:
    """Whether an editor word ("eds.", "dir.", "Hrsg.", "ред.") follows token i closely with no year between, or
    stands just before it: names so marked are editors, which two tokens either side cannot show."""
    feats = []
    if any(i < e <= i + EDITOR_AHEAD and not any(i < y < e for y in years) for e in editor_words):
        feats.append("edahead")
    if any(i - EDITOR_BEHIND <= e < i for e in editor_words):
        feats.append("edbehind")
    return feats


def features(tokens: list[Token]) -> list[list[str]]:
    """The labeller's features of every token: its own, its neighbours', its position and its context."""
    own = [_word_features(t) for t in tokens]
    flags = _context_flags(tokens)
    years = [i for i, t in enumerate(tokens) if "year" in own[i]]
    segments = _segments(tokens)
    seg_flags = _segment_flags(tokens, segments)
    editor_words = [i for i, f in enumerate(own) if "ed" in f]
    result = []
    for i, token in enumerate(tokens):
        feats = _own_features(own, flags, i)
        feats += _editor_word_near(editor_words, years, i)
        if i < 3:
            feats.append("start=" + str(i))
        if token.start and i and tokens[i - 1].end == token.start:
            feats.append("glued")
        feats.append("yearsbefore=" + str(min(2, sum(1 for y in years if y < i))))
        feats.append("seg=" + str(min(segments[i], 6)))
        feats.append("segleft=" + str(min(segments[-1] - segments[i], 4)))
        feats += ["s:" + f for f in seg_flags[segments[i]]]
        feats += ["s+1:" + f for f in seg_flags.get(segments[i] + 1, ["none"])]
        feats += ["s-1:" + f for f in seg_flags.get(segments[i] - 1, ["none"])]
        feats += _neighbour_features(tokens, own, i)
        result.append(feats)
    return result

