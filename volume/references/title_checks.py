"""Doubts about the title of a reading: cut at an abbreviation's full stop, running past its closing quote or
into an organisation, a container or a place; and the title boundaries one reading cannot settle."""

from __future__ import annotations

import re

from volume.references.bodies import ACCESS_RE, CONTAINER_RE, MONTHS_OF_DATES, names_a_body, unbalanced
from volume.references.lexicon import PLACES


ABBREVIATED = frozenset("vol no nr dr st mr mrs ms prof bd hg jg vs ed eds p pp s".split())
NAME_AFTER_STOP_RE = re.compile(  # a title whose last sentence is a name in title case: the site or journal after it
    r"^(?P<head>.*?\S)\.\s+(?:The |A )?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for|the|&|de|in|on)){0,5}$")
def title_doubts(work: dict, text: str) -> list[str]:
    found = []
    title = str(work.get("title", ""))
    if re.match(r"[A-Z][\w’'-]+, [A-Z][\w.]*(?: [A-Z]\.)*(?:,| and| &)", title) and re.search(r"[\"“]", title):
        found.append("names read into the title")
    last = title.rsplit("? ", 1)[-1] if "? " in title else ""
    if last and (last.lower() in PLACES or re.fullmatch(r"[A-Z][\w.]+(?:, [A-Z]{2})?", last) and "?" not in text[
            text.find(last) + len(last): text.find(last) + len(last) + 1]) and re.match(r"\s*:", text[text.find(last) + len(last):]):
        found.append("a place read into the title after its question mark")
    words = title.split()
    after = text[text.find(title) + len(title):] if title and text.find(title) >= 0 else ""
    if words and (re.fullmatch(r"\d{1,2}", words[-1]) and re.match(r"\.\s+(?!https?:|www\.)(?:[a-zà-ÿ]|(?i:%s)\b)" % "|".join(
            sorted(MONTHS_OF_DATES | {"januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "juin",
                                      "juillet", "août", "mai", "mars", "avril"})), after)
                  or words[-1].lower().rstrip(".") in ABBREVIATED and after.startswith(".")):
        found.append("a title cut at an abbreviation's or a number's full stop")
    if title.count("”") > title.count("“") or title.count("»") > title.count("«") or (
            "‘" not in title and re.search(r"’\s*[(,]|[^s\W]’\s+\w", title)):
        found.append("a closing quote inside the title")
    if re.match(r"[\"“«„][^\"”»“]+[\"”»“]\s*[.,:;]?\s+\S", title):
        found.append("a title that runs past its closing quote")  # "\"Title.\" Site": the site read into the title
    tail = re.split(r"\.\s+", title)[-1] if ". " in title else ""
    if tail and tail[:1].isupper() and names_a_body(tail) and all(
            w[:1].isupper() or w.lower() in {"of", "for", "and", "the", "&", "de"} for w in tail.split()):
        found.append("a title that runs into an organisation's name")
    last_part = title.rsplit(", ", 1)[-1] if ", " in title else ""
    if last_part and CONTAINER_RE.search(last_part) and last_part[:1].isupper():
        found.append("a title that runs into the container")
    if re.search(r"[-–—/:]$", title) or re.search(r"(?<!\b[A-Z])\.\s+(?![а-я])\S[^.]*(?:\d|\bpresented\b|\bpaper\b)",
                                                   title):  # "U.S. growth in 2026": an abbreviation's stop
        found.append("a title that runs into what follows it")
    at = text.find(title) if title and " // " in text else -1
    if at >= 0 and " // " in text[at:]:
        between = text[at + len(title):].split(" // ", 1)[0]
        if re.search(r"[^\W\d_]{3,}", between) and not re.search(r"[/:\[]", between):
            found.append("a title cut before the part's mark (//)")  # GOST "Title … publicly available data // Journal"
    named = NAME_AFTER_STOP_RE.match(title)
    if named and len(named["head"].split()) >= 3 and not work.get("container-title") and not work.get("publisher"):
        found.append("a title that runs into a name after its last full stop")  # "There Is No A.I. The New Yorker"
    if re.search(r"(?i),\s*(?:traduit|translated|übersetzt|traducido|tradução|перевод)\b|,\s*trad\.\s", title):
        found.append("a translator's statement read into the title")  # (round 14, r15c) ", traduit de l'anglais par …"
    if ACCESS_RE.search(title) or re.search(r"\b(?:arxiv|ssrn)\b", title, re.IGNORECASE):
        found.append("access words or a repository inside the title")
    if re.search(r"[\u3400-\u9fff][.．][\u3400-\u9fff]", title):
        found.append("two parts of a Chinese reference read as one title")
    for key in ("title", "container-title"):
        if unbalanced(str(work.get(key, ""))):
            found.append(f"unbalanced quotes or brackets in the {key}")
        if re.search(r"\s[A-Z]$", str(work.get(key, ""))):
            found.append(f"a {key} cut after an initial")
    if title and work.get("publisher") and not work.get("publisher-place"):
        at = text.find(title[-15:]) if len(title) > 15 else -1
        if at >= 0 and text[at + 15:].lstrip(" *”\"'’)").startswith(":"):
            found.append("a place read into the title")
    return found


def ambiguities(work: dict, text: str) -> list[str]:
    """Title boundaries a single reading cannot settle: doubts for a reading that no second reading confirms."""
    found = []
    title = str(work.get("title", ""))
    enclosed = bool(re.search(r"[“\"«‘*]\s*" + re.escape(title[:20]), text)) if title else False
    book = bool(work.get("publisher") and work.get("publisher-place"))  # "Title. Subtitle. Place: Publisher"
    if not enclosed and not book and re.search(r"[a-zà-ÿ]{3,}\.\s+[A-ZÀ-Þ][a-zà-ÿ]", title):
        found.append("a title that runs over a full stop")  # not in quotes or italics: two parts read as one
    head, _comma, tail = title.rpartition(", ")
    if (not enclosed and head and 1 <= len(tail.split()) <= 4 and all(w[:1].isupper() for w in tail.split())
            and sum(w[:1].isupper() for w in head.split()[1:]) <= len(head.split()) // 3):
        found.append("a name after the title's last comma")  # "This is the American earth, Sierra Club"
    lead, _comma, rest = title.partition(", ")  # (round 14, r15c) a web note's "Deloitte, The AI regulations …" or
    if not enclosed and not work.get("author") and rest and (  # "A Framework …, Markkula Center for Applied Ethics at
            re.fullmatch(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2}", lead) and rest[:1].isupper()  # Santa Clara
            or names_a_body(tail) and tail[:1].isupper() and len(tail.split()) <= 10):  # University": author or site?
        found.append("a body's name and the title read as one title")
    return found


SUBTITLE_WORDS = frozenset("and or of the in to for with a an on at from by".split())
SUBTITLE_LENGTH = 7  # words: the default volume's sites and publishers read in the house form are shorter, or name a body


def subtitle_as_site(work: dict) -> list[str]:
    """A doubt for a reading in APA's house form ("Author. (Date). Title. Site. URL") whose site or publisher reads
    like the rest of the title: seven words or more, at least two of them joining words, and no word that names a
    body ("What Is Web 2.0. Design Patterns and Business Models for the Next Generation of Software": the title cut at
    its inner full stop). The house form's element after the title is a name; other forms' containers (a book's
    title after "In") are not asked."""
    for key in ("container-title", "publisher"):
        words = str(work.get(key, "")).split()
        if (len(words) >= SUBTITLE_LENGTH and sum(w in SUBTITLE_WORDS for w in words) >= 2
                and not names_a_body(" ".join(words))):
            return ["a site or publisher that reads like the title's subtitle"]
    return []
