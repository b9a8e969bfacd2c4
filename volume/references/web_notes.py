"""Web notes as policy writers paste them: "(2020, September 24). Title. Site. URL", "Title. Site. URL",
"OEC. China/Kazakhstan. URL" — no author, no date, or an organisation's short name as author."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from volume.references.dates import date_field, parse_apa_date
from volume.references.keys import ascii_fold
from volume.references.urls import doi_from_url, find_urls

DATE_FIRST_RE = re.compile(r"^\((?P<date>[^()]{4,40})\)\.?\s+(?P<rest>.+)$")
DATE_LAST_RE = re.compile(r"^(?P<rest>.+?[.?!])\s+\((?P<date>[^()]{4,40})\)\.?$")
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,9}")
SENTENCE_RE = re.compile(r"(?<=[^\s.][.?!])\s+(?=[A-Z0-9“\"«*‘'])")


def _segments(text: str) -> list[str]:
    return [s.strip().rstrip(".").strip("* ") for s in SENTENCE_RE.split(text) if s.strip(" .")]


def _host_words(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return ascii_fold(host.split(".")[0]) if host else ""


def _matches_host(name: str, url: str) -> bool:
    folded = ascii_fold(name).replace(" ", "")
    host = _host_words(url)
    if not folded or not host:
        return False
    initials = "".join(w[0] for w in ascii_fold(name).split() if w)
    return folded in host or host in folded or (len(initials) > 1 and initials == host)


def _site_like(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "for", "de", "&"} for w in words)


def read_web_note(text: str) -> dict | None:
    """The work of a web note in one of the three pasted forms, or None if the note is not one of them."""
    urls = find_urls(text)
    if len(urls) != 1 or text[urls[0][1]:].strip(" .") or len(text) > 400:
        return None
    url = urls[0][2]
    body = text[: urls[0][0]].strip()
    work: dict = {"URL": url}
    dated = DATE_FIRST_RE.match(body) or DATE_LAST_RE.match(body)  # "(2020, May 1). Title. Site." or "Title. Site. (…)."
    if dated:
        parsed = parse_apa_date(dated["date"])
        if parsed is None:
            return None
        if parsed[0]:
            work["issued"] = date_field(parsed[0])
        body = dated["rest"]
    segments = _segments(body)
    if any(re.search(r"\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)|^[^\W\d_][\w'’-]+,\s", s) for s in segments):
        return None  # an author and a year: a reference the other readers know
    if len(segments) == 1 and dated:
        work["title"] = segments[0]
    elif len(segments) == 2:
        first, second = segments
        if _site_like(second) and (_matches_host(second, url) or dated):
            work["title"], work["container-title"] = first, second
        elif not dated and (ACRONYM_RE.fullmatch(first) or _matches_host(first, url)) and _site_like(first):
            work["author"], work["title"] = [{"literal": first}], second
        elif not dated and _site_like(second) and len(first.split()) > len(second.split()) + 2:
            work["title"], work["container-title"] = first, second
        else:
            return None
    else:
        return None
    doi = doi_from_url(url)
    if doi:
        work["DOI"] = doi
    work["type"] = "webpage"
    return work
