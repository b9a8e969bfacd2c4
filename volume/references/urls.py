"""URLs and DOIs in reference text: find them, strip what follows them, normalise them for comparison."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from volume.references.dates import DATE_IN_TEXT_RE, find_date, strip_access
from volume.references.text import word_list

TRACKING_PARAMS = frozenset(
    word_list(
        "fbclid gclid dclid gbraid wbraid msclkid yclid igshid mc_cid mc_eid ref ref_src ref_url _ga _gl "
        "spm cmpid s_cid ocid"
    )
)
URL_RE = re.compile(
    r"<(?P<angle>(?:https?|ftp)://[^>\s]+)>"
    r"|(?P<bare>(?:https?|ftp)://[^\s<>]+)"
    r"|(?P<www>(?<![\w/@.])www\.[^\s<>]+\.[^\s<>]+)"
    r"|(?P<host>(?<![\w/@.:-])(?:[a-z0-9-]+\.)+(?:com|org|net|gov|mil|edu|int|info|io|news|asia|eu|uk|cn|ru|de|fr|"
    r"jp|kz|uz|kg|tj|tm|az|ge|am|ch|it|es|nl|be|pl|tr|in|au|ca|us|co|ir|pk|af|mn|ua|by)/[^\s<>]*)",
    re.IGNORECASE,
)
DOI_RE = re.compile(r"(?:^|/)(10\.\d{4,9}/[^\s?#]+)")
DOI_TEXT_RE = re.compile(r"\b(?:doi|DOI)\s*:?\s*(10\.\d{4,9}/\S+)")
ACCESSED_RE = re.compile(
    rf"\b(?:accessed|retrieved|consulted)(?:\s+on)?\s+(?P<date>{DATE_IN_TEXT_RE.pattern})(?:\s*,?\s*from\b)?",
    re.IGNORECASE,
)
LEAD_RE = re.compile(
    r"\b(?:retrieved|available|accessible)\s+(?:from|at|online)\s*:?\s*$|\bonline\s*:\s*$", re.IGNORECASE
)
_TRAILING = ".,;:!?'\"”’*"
_PAIRS = {")": "(", "]": "[", ">": "<", "}": "{"}
_CLOSE_SLASH = re.compile(r"/+$")


def clean_url(raw: str) -> str:
    """A URL as found in prose, without the punctuation and unbalanced brackets that follow it."""
    url = raw
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _PAIRS and url.count(_PAIRS[last]) < url.count(last)):
            url = url[:-1]
            continue
        break
    return url


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """Every URL in a text: (start, end of the URL as written, clean URL)."""
    found = []
    for match in URL_RE.finditer(text):
        if match["angle"]:
            found.append((match.start(), match.end(), match["angle"]))
            continue
        raw = match["bare"] or match["www"] or match["host"]
        url = clean_url(raw)
        if len(url) > (10 if match["bare"] else 6):
            found.append(
                (match.start(), match.start() + len(url), url if match["bare"] else "https://" + url)
            )
    return found


@functools.lru_cache(maxsize=4096)  # pure; the clustering asks for each work's several times
def doi_from_url(url: str) -> str | None:
    """The DOI a URL carries (doi.org links, publisher links whose path holds a DOI), bare; else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    match = DOI_RE.search(unquote(parts.path))
    if not match:
        return None
    doi = clean_url(match.group(1))
    return doi or None


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


@functools.lru_cache(maxsize=4096)  # pure; the clustering asks for each work's several times
def normalize_url(url: str) -> str:
    """A URL's comparison key: https, lower-case host without www., no fragment, tracking, trailing slash."""
    raw = url.strip().strip("<>")
    if raw.lower().startswith("www."):
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return raw.lower()
    if not parts.scheme or not host:
        return raw.rstrip("/")
    scheme = parts.scheme.lower()
    scheme = "https" if scheme == "http" else scheme
    host = host.removeprefix("www.")
    netloc = host + (f":{port}" if port and port not in (80, 443) else "")
    path = _CLOSE_SLASH.sub("", quote(unquote(parts.path), safe="/:@!$&'()*+,;=~-._%"))
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def extract_links(text: str) -> tuple[str, dict]:
    """Take the URL, DOI and access date out of a reference's text: (what is left, CSL fields)."""
    fields: dict = {}
    urls = find_urls(text)
    if urls:
        start, end, url = urls[-1]
        fields["URL"] = url
        doi = doi_from_url(url)
        if doi:
            fields["DOI"] = doi
        tail = text[end:]
        if re.match(r"\s*\)", tail) and text[:start].count("(") <= text[:start].count(")"):
            tail = tail.lstrip()[1:]  # "… https://example.org/page)." : the URL's closing bracket closes nothing
        text = text[:start] + " " + tail
    doi_match = DOI_TEXT_RE.search(text)
    if doi_match:
        fields["DOI"] = clean_url(doi_match.group(1))
        text = text[: doi_match.start()] + " " + text[doi_match.end() :]
    accessed = ACCESSED_RE.search(text)
    if accessed:
        date = find_date(accessed["date"])
        if date:
            fields["accessed"] = {"date-parts": [date[2]]}
        text = text[: accessed.start()] + " " + text[accessed.end() :]
    else:  # "(Erişim tarihi: 17 Haziran 2026)", "[consulté le 3 mai 2024]": an access date in another language
        text, date = strip_access(text)
        if isinstance(date, list):
            fields["accessed"] = {"date-parts": [date]}
    text = LEAD_RE.sub("", text.rstrip(" .,;")).strip()
    return " ".join(text.split()), fields
