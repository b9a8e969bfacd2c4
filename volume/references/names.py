"""Author names: APA's "Family, A. B.", Chicago's "Given Family", and organisations as literal names."""

from __future__ import annotations

import re

from volume.references.text import CONNECTORS, is_abbreviation, word_list

PARTICLES = frozenset(
    word_list("van von der den de del della di da du le la al el bin ibn ter ten dos das des zu zur zum vom")
)
CAPITAL_PARTICLES = frozenset({"Le", "La", "De", "Van", "Von", "Der", "Di", "Da", "Du", "Del", "Al", "El"})
ORG_WORDS = frozenset(
    word_list(
        "academy administration affairs agency association bank briefing broadcasting bureau center "
        "centre channel club commission committee company corporation council daily department embassy "
        "express federation forum foundation fund gazette government group herald information initiative "
        "institute institution insight international journal media ministry monthly national network news "
        "observatory office online organisation organization parliament party policy portal post press "
        "program programme project radio report reporter republic research review school service society "
        "studies television times tribune union university weekly world reuters xinhua tass agence"
    )
)
_INITIALS_RE = re.compile(r"(?:[^\W\d_][^\W\d_]?\.[\s-]*)+")
_NAME_PART_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*")
_PEOPLE_SPLIT_RE = re.compile(r"\s*[,;]\s*(?:(?:&|and|ve|y|et|und|и)\s+)?|\s+(?:&|and|ve|y|et|und|и)\s+")  # "; " joins
# people too ("Family, G.; Family, G."), and the word for "and" of the languages the lists come in ("Irmak, M.A. ve
# Yılmaz, H.", "García, J. y López, M.", "Dupont, J. et Martin, P.", "Müller, H. und Weber, K.")
_GIVEN_FIRST_SPLIT_RE = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def _capitalised(token: str) -> bool:
    """Name-shaped: letters, inner apostrophes; each hyphenated part starts with a non-lower-case letter."""
    return all(_NAME_PART_RE.fullmatch(p) and not p[0].islower() for p in token.split("-"))


def _name_word(token: str) -> bool:
    """A capitalised name word with at least one lower-case or caseless letter after the first."""
    return _capitalised(token) and len(token) > 1 and not token.isupper() and token.lower() not in ORG_WORDS


def _initials(text: str) -> bool:
    return bool(_INITIALS_RE.fullmatch(text.strip() + " ")) and not text.strip()[0].islower()


def is_family(text: str) -> bool:
    """Whether a text can be a family name: particles, then one or two capitalised words."""
    tokens = text.split()
    while len(tokens) > 1 and tokens[0].lower() in PARTICLES:
        tokens = tokens[1:]
    return 1 <= len(tokens) <= 2 and all(_name_word(t) for t in tokens)


def is_given(text: str) -> bool:
    """Whether a text can be given names: initials ("J. A.") or up to three words ("Paul", "Albert M.")."""
    text = text.strip()
    if not text:
        return False
    if _initials(text):
        return True
    tokens = text.rstrip(".").split() if not is_abbreviation(text.split()[-1]) else text.split()
    return (
        1 <= len(tokens) <= 3 and all(_name_word(t) or _initials(t) for t in tokens) and _name_word(tokens[0])
    )


def _given(text: str) -> str:
    text = text.strip()
    return text if is_abbreviation(text.split()[-1]) else text.rstrip(".")


def family_first_people(text: str) -> list[dict] | None:
    """People written "Family, Given" (APA and bibliographies), joined by commas, "&" or "and"; else None."""
    parts = _PEOPLE_SPLIT_RE.split(text.strip())
    if "," not in text or len(parts) % 2 or len(parts) > 60 or not all(parts):
        return None
    people = []
    for family, given in zip(parts[::2], parts[1::2]):
        if not (is_family(family) and is_given(given)):
            return None
        people.append({"family": family, "given": _given(given)})
    return people


def _given_first_person(name: str) -> dict | None:
    tokens = name.split()
    if len(tokens) > 2 and tokens[-1].rstrip(".") in ("Jr", "Sr"):  # "Joseph S. Nye Jr.": the suffix is no name
        tokens = tokens[:-1]
    if not 2 <= len(tokens) <= 5 or not _name_word(tokens[-1].rstrip(".")):
        return None
    if len(tokens) == 2:
        from volume.references.name_lists import _chinese_order

        if _chinese_order(tokens):  # "Chen Shaofeng": a Chinese name, family name first
            return {"family": tokens[0], "given": tokens[1].rstrip(".")}
    split = len(tokens) - 1
    while split > 1 and (tokens[split - 1] in PARTICLES or tokens[split - 1] in CAPITAL_PARTICLES):
        split -= 1
    given, family = tokens[:split], tokens[split:]
    if not all(_name_word(t) or _initials(t) for t in given):
        return None
    return {"family": " ".join(family).rstrip("."), "given": " ".join(given)}


def given_first_people(text: str) -> list[dict] | None:
    """People written "Given Family" (Chicago notes): "A B", "A B and C D", "A B, C D, and E F"; else None."""
    people = [_given_first_person(name) for name in _GIVEN_FIRST_SPLIT_RE.split(text.strip())]
    return people if people and all(people) else None  # type: ignore[return-value]


def bibliography_people(text: str) -> list[dict] | None:
    """Chicago bibliography: the first person inverted ("Cooley, Alexander"), the others given-first."""
    people = family_first_people(text)
    if people:
        return people
    parts = _GIVEN_FIRST_SPLIT_RE.split(text.strip())
    if len(parts) < 3 or not (is_family(parts[0]) and is_given(parts[1])):
        return None
    rest = [_given_first_person(name) for name in parts[2:]]
    if not all(rest):
        return None
    return [{"family": parts[0], "given": _given(parts[1])}] + rest  # type: ignore[operator]


def _org_token_ok(token: str, index: int, last: int) -> bool | None:
    """True for a name word, None for a connector, False for a word no organisation name has."""
    core = token.strip("()[],:'’\"")
    if ";" in core or "://" in core:
        return False
    if not core or core in {"&", "-", "–", "—", "/", "|"}:
        return None
    if index < last and core.endswith(".") and not is_abbreviation(core):
        return False
    if core[0].isdigit() or not core[0].islower():
        return True
    if token.lower() in CONNECTORS:
        return None
    return any(c.isdigit() or c.isupper() or c == "." for c in core) or (index == 0 and len(core) <= 4)


def is_organisation(text: str) -> bool:
    """Whether a text can be the name of an organisation (every word capitalised but for connectors)."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 15 or any(c in text for c in '*"“”'):
        return False
    verdicts = [_org_token_ok(t, i, len(tokens) - 1) for i, t in enumerate(tokens)]
    if False in verdicts or verdicts[-1] is None:
        return False
    return any(v and len(re.sub(r"\W", "", t)) >= 2 for v, t in zip(verdicts, tokens))


def literal_name(text: str) -> str:
    """An organisation's name without the full stop that closes it in APA."""
    text = " ".join(text.split())
    last = text.split()[-1] if text else ""
    if text.endswith(".") and not (is_abbreviation(last) and len(last.rstrip(".")) <= 4):
        return text[:-1]
    return text


def apa_authors(text: str) -> list[dict] | None:
    """The authors of an APA reference ("Le Corre, P.", "Reuters.", "Laruelle, M., & Toal, G."); else None."""
    text = " ".join(text.split())
    if not text:
        return None
    people = family_first_people(text)
    if people:
        return people
    name = literal_name(text)
    return [{"literal": name}] if name and is_organisation(name) else None


def chicago_authors(text: str, inverted: bool = False, people_only: bool = False) -> list[dict] | None:
    """The authors of a Chicago note (given-first) or bibliography entry (inverted); else None."""
    text = " ".join(text.split())
    if not text:
        return None
    people = bibliography_people(text) if inverted else given_first_people(text)
    if people or people_only:
        return people
    name = literal_name(text)
    return [{"literal": name}] if is_organisation(name) else None
