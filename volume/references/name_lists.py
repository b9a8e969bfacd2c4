"""Split the author (or editor) span of a reference in any style into people, or one organisation."""

from __future__ import annotations

import re

from volume.references.names import PARTICLES, is_organisation

ROLE_RE = re.compile(
    r"\(?\b(?:eds?|editors?|edited\s+by|ed\.\s+by|hrsg|hg|herausgegeben\s+von|dir|éds?|coord|comp|red|ред|"
    r"под\s+ред|trans|transl|translated\s+by|übers)\b\.?\)?:?|\(\s*\)",
    re.IGNORECASE,
)
ETAL_RE = re.compile(r"(?:,?\s*\b(?:et\s+al|and\s+others|u\.\s*a|и\s+др)\.?|,?\s*等|,?\s*\.\s*\.\s*\.)\s*$",
                     re.IGNORECASE)
LEAD_RE = re.compile(r"^(?:in|dans|in:|by|von|eds?\.?|edited by)\s+", re.IGNORECASE)
SPLIT_RE = re.compile(r"(\s*;\s*(?:(?:and|&|et|und|и|y|e|ve)\s+)?|\s*,\s*(?:(?:and|&|et|und|и|y|e|ve)\s+)?|"
                      r"\s+(?:and|&|et|und|и|y|e|ve)\s+|\s*，\s*|\s*、\s*)")  # "ve": Turkish "and"
COMMA_ONLY_RE = re.compile(r"\s*[,，]\s*")
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
LOWER = "a-zß-öø-ÿā-žа-яё"
INITIALS_RE = re.compile(rf"(?:(?:[{UPPER}][{LOWER}]?\.|[{UPPER}](?![{LOWER}]))[\s\-‐]*){{1,4}}")
UPPER_INITIALS_RE = re.compile(rf"[{UPPER}]{{1,3}}")
SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr|Jun|Sen|II|III)\.?$")
CHINESE_SURNAMES = frozenset(
    ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "cui", "zhong", "tan", "fan", "jin", "shi", "liao", "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu", "mao", "hao", "gong", "shao", "wan", "qian"]
)
PINYIN_RE = re.compile(r"(?:[bpmfdtnlgkhjqxzcsryw]?h?(?:[aeiouü]|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iu|"
                       r"ian|iang|iao|in|ing|ua|uo|ui|un|uan|uang)n?g?){1,3}", re.IGNORECASE)
MORE_GIVEN_NAMES = frozenset(  # given names of the languages the reference lists come in, beyond lexicon's
    "agnès alain alexandre édouard edouard gérard georges jules amélie anne antoine arnaud aurélie bernard bruno camille caroline catherine céline "
    "chantal christian christine christophe claire claude daniel denis didier dominique élisabeth elisabeth "
    "emmanuel émile éric eric étienne fabien florence françois françoise frédéric gérard gilles guillaume "
    "hélène henri hervé isabelle jacques jean-claude jean-luc jean-marc jean-pierre jérôme julien laurence "
    "laurent léa louis luc lucie marcel marie martine mathieu michel monique nathalie nicolas olivier pascal "
    "patrick philippe pierre raymond rené roland sandrine sébastien serge simone stéphane sylvie thierry "
    "valérie véronique vincent xavier yves "
    "yann cécile fanny matthieu frédérique élodie émilie aurélien benoît thibault gaëlle gaël loïc anaïs chloé "
    "régis yvonne josette mireille solène erwan ronan maël baptiste manon inès océane margaux clémence bérénice "
    "odile ghislaine jacqueline brigitte armand hubert gérald gwenaëlle "  # common French given names (round 13)
    "andreas anja birgit claudia dieter dirk elke erich ernst florian frank franz friedrich gerhard günter "
    "hans heinrich helmut holger jakob jan jens joachim jörg jürgen karl klaus lukas manfred matthias "
    "monika norbert ralf reinhard rolf sabine stefan stephan sven theresa ulrich ursula uwe walther werner "
    "wolfgang "
    "alejandro alfonso ana andrés antonio carlos carmen diego eduardo elena enrique fernando francisco "
    "gabriel guillermo ignacio javier jesús jorge josé juan luis manuel mercedes miguel pablo pedro rafael "
    "ramón ricardo roberto rosa sergio teresa "
    "ahmet ali ayşe bilal can cem elif emre fatma hakan hasan hüseyin ibrahim kemal mehmet murat mustafa "
    "ömer osman ramazan selahattin selim serkan yusuf zeynep "
    "александр алексей андрей анна антон владимир дмитрий елена иван мария михаил наталья николай ольга "
    "павел сергей татьяна".split()
)
WORD_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*\.?")


def _clean(span: str) -> tuple[str, bool]:
    """The span without role words, "et al." and surrounding punctuation; whether "et al." was there."""
    text = " ".join(re.sub(r"\[[^\]]*\]?", " ", span.replace("*", "")).split())  # "[Adm., USN]"
    text = re.sub(r"\s*,?\s*(?:\.\s*){3}\s*", ", ", text)  # APA's ". . ." before the last author
    text = LEAD_RE.sub("", text)
    text = ROLE_RE.sub(" ", text)
    etal = bool(ETAL_RE.search(text))
    text = ETAL_RE.sub("", text)
    text = re.sub(r"\s*[,;:]+\s*$", "", text).strip(" ,;:")
    if text.endswith(".") and not re.search(r"(?:^|[\s.\-])[^\W\d_]\.$", text):
        text = text[:-1]
    text = re.sub(r"^[\s.,;:]+", "", text)
    return " ".join(text.split()), etal


def _is_initials(part: str) -> bool:
    part = part.strip()
    if not part:
        return False
    return bool(UPPER_INITIALS_RE.fullmatch(part) or INITIALS_RE.fullmatch(part + " "))


def _name_word(word: str) -> bool:
    core = word.rstrip(".")
    return bool(WORD_RE.fullmatch(word)) and (core[:1].isupper() or core.lower() in PARTICLES) and len(core) > 1


def _is_family(part: str) -> bool:
    words = part.split()
    while len(words) > 1 and words[0].lower() in PARTICLES | {"des", "st.", "mac"}:
        words = words[1:]
    return len(words) == 1 and _name_word(words[0]) and not _is_initials(part) and not _org_word(part)


def _org_word(text: str) -> bool:
    from volume.references.lexicon import ORG_WORDS, PUBLISHER_WORDS

    return any(w.lower().strip(".,") in ORG_WORDS | PUBLISHER_WORDS | {"team", "group", "staff", "museum"}
               for w in text.split())


def _is_given(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(_name_word(w) or _is_initials(w) for w in words)


def _person(family: str, given: str) -> dict:
    given = given.strip()
    return {"family": family.strip().rstrip(",").strip(), **({"given": given} if given else {})}


def _inverted_pairs(parts: list[str], seps: list[str]) -> list[dict] | None:
    """"Family, G., Family, G." (APA, Harvard, Chicago bibliographies' first names): the family and given names
    of one person are joined by a comma, never by "and", "&" or ";" ("Smith and Jones" is two people)."""
    if len(parts) % 2 or not parts:
        return None
    if any(not COMMA_ONLY_RE.fullmatch(sep) for sep in seps[::2]):
        return None
    people = []
    for family, given in zip(parts[::2], parts[1::2]):
        double = _is_initials(given) and _double_family(family)  # "Escudero Serrano, M. J.": two family names
        if not ((_is_family(family) or double) and (_is_given(given) or _is_initials(given))):
            return None
        people.append(_person(family, given))
    return people


def _double_family(part: str) -> bool:
    """Two capitalised family names ("Escudero Serrano", "Potoğlu Erkara"), as Spanish, Portuguese and Turkish
    names have; only before initials, where the comma shows which part is the family name."""
    words = part.split()
    return len(words) == 2 and all(_name_word(w) and not w.endswith(".") and not _org_word(w) for w in words)


def _family_initials(part: str) -> dict | None:
    """One "Family GG" / "Family G.G." / "FAMILY G." / "Family, G." person (Vancouver, GOST)."""
    match = re.fullmatch(r"(?P<family>.+?),?\s+(?P<given>(?:[^\W\d_]{1,2}\.?[\s-]*){1,4})", part)
    if not match:
        return None
    family, given = match["family"], match["given"].strip()
    if not _is_family(family) or not _is_initials(given):
        return None
    return _person(family, given)


def _given_first(part: str) -> dict | None:
    """One "Given Family" / "G. G. Family" person (notes, IEEE)."""
    words = part.split()
    if not 2 <= len(words) <= 5:
        return None
    split = len(words) - 1
    while split > 1 and words[split - 1].lower() in PARTICLES:
        split -= 1
    given, family = words[:split], words[split:]
    if not (_is_given(" ".join(given)) and _is_family(" ".join(family))):
        return None
    if len(words) == 2 and (_chinese_order(words) or _capital_family(words)):
        return _person(words[0], words[1])
    if family[-1].rstrip(".") in ("Jr", "Sr") and split > 1:  # "Joseph S. Nye Jr."
        return _person(words[split - 1], " ".join(words[: split - 1]))
    return _person(" ".join(family).rstrip("."), " ".join(given))


def _first_inverted_rest_given(parts: list[str], seps: list[str]) -> list[dict] | None:
    """"Family, Given, Given Family, and Given Family" (Chicago bibliography)."""
    if len(parts) < 3 or not COMMA_ONLY_RE.fullmatch(seps[0]) or not (_is_family(parts[0]) and _is_given(parts[1])):
        return None
    rest = [_given_first(p) for p in parts[2:]]
    return [_person(parts[0], parts[1])] + rest if all(rest) else None  # type: ignore[operator]


def _capital_family(words: list[str]) -> bool:
    """"BARTHES Roland": the family name in capitals, written first (French NOM Prénom)."""
    first, second = words[0].rstrip(","), words[1]
    return (first.isupper() and len(first) > 2 and first.replace("-", "").isalpha()
            and not second.isupper() and not _is_initials(second) and _known_given(second.split("-")[0]))


def _capitals_first(part: str) -> dict | None:
    """"DALLOZ Édouard", "BOIS DE GAUDUSSON Jean", "VERGÉ Charles fils": the family name in capitals, then the given
    names (French NOM Prénom bibliographies); None for any other shape."""
    words = part.split()
    cut = 0
    while cut < len(words) and words[cut].isupper() and len(words[cut].strip(".-")) > 1 and words[cut].replace(
            "-", "").replace("'", "").replace("’", "").isalpha():
        cut += 1
    given = words[cut:]
    if not cut or not given or not (words[0].isupper() and len(words[0]) > 2) or given[0].isupper():
        return None
    if not (_is_given(given[0]) and given[0][:1].isupper()) or len(given) > 3:
        return None
    return _person(" ".join(words[:cut]), " ".join(given))


def _given_second(words: list[str]) -> bool | None:
    """For a two-word name: True when only the second word is a known given name ("Noizet Hélène"), False when
    only the first is ("Hélène Noizet"), None when both or neither are ("Robert Sandrine", "Elton Quist")."""
    if len(words) != 2 or _capital_family(words) or any(_is_initials(w) or len(w) < 3 for w in words):
        return None
    first, second = _known_given(words[0].rstrip(",")), _known_given(words[1].rstrip("."))
    return None if first == second else second


def _name_order(parts: list[str], people: list[dict], seps: list[str] = ()) -> tuple[list[dict], bool]:
    """People read given name first, turned family name first when the list is written NOM Prénom (French
    bibliographies: "Noizet Hélène, Bove Boris et Bernardi Philippe"). Two or more names with a known given name
    in second place and none with one in first place decide it; one such name alone, or a list that disagrees,
    leaves the order unsure (the work is kept as written rather than printed with names swapped), as does a French
    list ("… et …") of two-word names none of which is a known given name."""
    votes = [_given_second(part.split()) for part in parts]
    second, first = votes.count(True), votes.count(False)
    french = any(sep.strip(" ,") == "et" for sep in seps)
    if not second:  # a French list ("… et …") of two-word names none of which is known: either order is written
        return people, bool(first) or not (french and all(len(part.split()) == 2 for part in parts))
    if first:
        return people, False
    flipped = [_person(part.split()[0], part.split()[1]) if len(part.split()) == 2 else person
               for part, person in zip(parts, people)]
    return flipped, second >= 2


def _known_given(word: str) -> bool:
    from volume.references.lexicon import GIVEN_NAMES

    word = word.lower()
    if "-" in word.strip("-"):  # "Jean-Christophe", "Anne-Marie": each part a given name
        return all(_known_given(part) for part in word.split("-"))
    return word in GIVEN_NAMES or word in MORE_GIVEN_NAMES


def split_people(span: str) -> tuple[list[dict], bool]:
    """The people (or one organisation) an author span names, and whether the split is certain."""
    text, etal = _clean(span)
    if not text:
        return [], False
    listed = _family_initial_list(text) or _slashed_pairs(text)
    if listed:
        return listed, True
    parts, seps = _split(text)
    if len(parts) == 1 and _org_word(text) or all(_org_word(p) or not p[:1].isupper() for p in parts):
        return [{"literal": text.rstrip(".")}], True
    capitals = [_capitals_first(p) for p in parts]
    if all(capitals) and (len(parts) > 1 or _known_given(str(capitals[0]["given"]).split()[0].split("-")[0])):
        return capitals, True  # type: ignore[return-value]  # "DALLOZ Édouard, VERGÉ Charles"; one name alone
        # only with a known given name ("NASA Goddard" is no person)
    for reader in (_first_inverted_rest_given, _inverted_pairs):
        people = reader(parts, seps)
        if people:
            return people, True
    for reader in (_family_initials, _given_first):
        people = [reader(p) for p in parts]
        if people and all(people):
            if reader is _given_first:
                return _name_order(parts, people, seps)  # type: ignore[arg-type]
            return people, True  # type: ignore[return-value]
    if len(parts) == 1 and _is_family(parts[0]) and not etal:
        return [_person(parts[0], "")], True  # a family name alone ("Gorshkov, Title")
    if len(parts) > 1 and all(_is_family(p) for p in parts) and not COMMA_ONLY_RE.fullmatch(seps[-1]):
        # "Chiba, Nakanishi, Fukuda & Yata": family names only; but two ("Smith and Jones") may be a firm
        return [_person(p, "") for p in parts], len(parts) > 2
    name = text.rstrip(".")
    if is_organisation(name) or _cjk(name):
        return ([{"literal": n} for n in parts] if _cjk(name) and len(parts) > 1 else [{"literal": name}]), True
    return [{"literal": name}], False


FAMILY_INITIALS_RE = re.compile(rf"([{UPPER}][{LOWER}'’\-]+(?:[ -][{UPPER}][{LOWER}'’\-]+)?),?\s+([{UPPER}]{{1,3}}|(?:[{UPPER}]\.\s?){{1,3}})\.?(?:\s+|$|,\s*)")


SLASHED_PAIR_RE = re.compile(rf"([{UPPER}][{LOWER}'’\-]+(?:[ -][{UPPER}][{LOWER}'’\-]+)?), "
                             rf"((?:[{UPPER}][{LOWER}'’\-]*\.?)(?:[ -][{UPPER}][{LOWER}'’\-]*\.?)*)")


def _slashed_pairs(text: str) -> list[dict] | None:
    """"Enderle, Tobias/Vollmar, Meike", "Fischer, Norbert / Kimmel, Dominik": German lists (DIN) that put a slash
    between people written family name first."""
    parts = re.split(r"\s*/\s*", text.strip(" .,"))
    if len(parts) < 2:
        return None
    matches = [SLASHED_PAIR_RE.fullmatch(part) or SLASHED_INITIALS_RE.fullmatch(part) for part in parts]
    return [_person(m[1], m[2]) for m in matches] if all(matches) else None  # type: ignore[index]


# "Suresh H. / Guttag J. V.": a slashed list of family names before their initials, with no comma
SLASHED_INITIALS_RE = re.compile(rf"([{UPPER}][{LOWER}'’\-]+(?:[ -][{UPPER}][{LOWER}'’\-]+)?)\s+((?:[{UPPER}]\.\s?){{0,2}}[{UPPER}]\.?)")


def _family_initial_list(text: str) -> list[dict] | None:
    """"Chung, YS. Kang, DH. Shin, NY." and "Modahl, C. Green, L. Fein, D.": people separated by the full stop
    after their initials only."""
    found, at = [], 0
    for match in FAMILY_INITIALS_RE.finditer(text):
        if match.start() != at:
            return None
        found.append(_person(match[1], match[2]))
        at = match.end()
    return found if len(found) >= 2 and at >= len(text.rstrip(" .,")) else None


def _split(text: str) -> tuple[list[str], list[str]]:
    """The name parts of a span and the separator before each part after the first (", ", " and ", "; ")."""
    pieces = SPLIT_RE.split(text)
    parts, seps, pending = [], [], ""
    for index, piece in enumerate(pieces):
        if index % 2:
            pending = pending or piece
            continue
        piece = piece.strip()
        if not piece.strip(" .") or piece.rstrip(".") in ("Jr", "Sr", "Jun", "Sen"):
            continue
        if parts:
            seps.append(pending or ",")
        parts.append(SUFFIX_RE.sub("", piece))
        pending = ""
    return parts, seps


def _chinese_order(words: list[str]) -> bool:
    """"Chen Shaofeng": a Chinese name written family name first, in pinyin."""
    from volume.references.lexicon import GIVEN_NAMES

    first, second = words[0].lower(), words[1].lower()
    return (first in CHINESE_SURNAMES and second not in GIVEN_NAMES and bool(PINYIN_RE.fullmatch(second))
            )


def _cjk(text: str) -> bool:
    return bool(text) and all("\u3040" <= c <= "\u9fff" or c in " ,，、·" for c in text)
