"""Consolidate the works cited across chapters into one entry per work, and report conflicting citations."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from volume.references.keys import base_key, first_author, normal_text, year
from volume.references.parse import parse_note
from volume.references.urls import doi_from_url, normalize_url

SAME_TITLE = 90  # token_sort_ratio at or above which two titles (same author and year) are one work
CONFLICTING_TITLE = 80  # below this, two citations of one URL or DOI disagree on the title
UNCOUNTED = frozenset({"note-text", "locator", "kept-as-written", "kept-reason"})


@dataclass(frozen=True)
class Citation:
    """One work as cited in one note."""

    work: dict
    chapter_id: str
    chapter_number: int | None
    note_number: int
    location: tuple[str, int | None]


@dataclass(frozen=True)
class Entry:
    """One distinct work: its key, the most complete version cited, and every citation of it."""

    id: str
    work: dict
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Conflict:
    """Two citations of the same URL or DOI that disagree on title or year."""

    kind: str  # "title" or "year"
    message: str
    first: Citation
    second: Citation


def _order(citation: Citation) -> tuple:
    path, line = citation.location
    number = citation.chapter_number
    work = json.dumps(citation.work, sort_keys=True, ensure_ascii=False)
    return (number is None, number or 0, citation.chapter_id, citation.note_number, path, line or 0, work)


def _doi(work: dict) -> str | None:
    doi = work.get("DOI") or (doi_from_url(work["URL"]) if work.get("URL") else None)
    return doi.lower() if doi else None


def _url(work: dict) -> str | None:
    """The work's URL as a key; none for a site's home page ("news.usni.org/"), which many works cite as their
    place and which names none of them."""
    key = normalize_url(work["URL"]) if work.get("URL") else None
    if key and not urlsplit(key if "://" in key else "//" + key).path.strip("/") and "?" not in key:
        return None
    return key


def _title_ratio(a: dict, b: dict) -> float:
    return fuzz.token_sort_ratio(normal_text(a.get("title", "")), normal_text(b.get("title", "")))


def _disagreement(a: dict, b: dict) -> str | None:
    """Why two citations of one URL or DOI cannot be one work: "year", "title", or None. A reference kept as
    written has no title or year of its own to disagree with."""
    if a.get("kept-as-written") or b.get("kept-as-written"):
        return None
    if year(a) and year(b) and year(a) != year(b):
        return "year"
    if a.get("title") and b.get("title") and _title_ratio(a, b) < CONFLICTING_TITLE:
        return "title"
    return None


def _same_names(first: str | None, second: str | None) -> bool:
    """Two first authors' normalised names (None: no author) name one author."""
    if first is None or second is None:
        return first == second
    return first == second or fuzz.token_set_ratio(first, second) == 100


class _Clusters:
    """Union-find over citation indices, keeping each cluster's URLs and DOIs."""

    def __init__(self, works: list[dict]):
        self.parent = list(range(len(works)))
        self.keys = [{k for k in (("url", _url(w)), ("doi", _doi(w))) if k[1]} for w in works]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, i: int, j: int) -> bool:
        """False if the two clusters carry different URLs (or DOIs) and share none."""
        a, b = self.keys[self.find(i)], self.keys[self.find(j)]
        for kind in ("doi", "url"):
            mine, theirs = {k for k in a if k[0] == kind}, {k for k in b if k[0] == kind}
            if mine and theirs and not mine & theirs:
                return False
        return True

    def union(self, i: int, j: int) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        if a != b:
            self.parent[b] = a
            self.keys[a] |= self.keys[b]


def _merge_by_key(
    cits: list[Citation], clusters: _Clusters, key: Callable[[dict], str | None], label: str, conflicts: dict
) -> None:
    """Citations sharing a DOI or URL are one work; where they disagree on title or year, record it once.

    The entry keeps the most complete version (ties: the earliest citation), so the choice is deterministic,
    and the conflict names both places so an editor can make them agree.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, citation in enumerate(cits):
        value = key(citation.work)
        if value:
            groups[value].append(index)
    for value, members in groups.items():
        first = members[0]
        for index in members[1:]:
            kind = _disagreement(cits[first].work, cits[index].work)
            if kind:
                _record(conflicts, kind, label, value, cits[first], cits[index])
            clusters.union(first, index)


def _record(conflicts: dict, kind: str, label: str, value: str, first: Citation, second: Citation) -> None:
    a, b = first.work, second.work
    message = (
        f"{label} {value} is cited as “{a.get('title', '')}” ({year(a) or 'n.d.'}) and as "
        f"“{b.get('title', '')}” ({year(b) or 'n.d.'}); make the two citations agree"
    )
    conflicts.setdefault(
        (kind, value, normal_text(b.get("title", "")), year(b)), Conflict(kind, message, first, second)
    )


def _merge_fuzzy(cits: list[Citation], clusters: _Clusters) -> None:
    """Merge citations by first author, year and a close title, unless their URLs or DOIs differ."""
    blocks: dict[int | None, list[int]] = defaultdict(list)
    authors = [first_author(citation.work) for citation in cits]  # each compared many times
    for index, citation in enumerate(cits):
        if citation.work.get("title"):
            blocks[year(citation.work)].append(index)
    for members in blocks.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = cits[i].work, cits[j].work
                if (
                    clusters.find(i) != clusters.find(j)
                    and _same_names(authors[i], authors[j])
                    and _title_ratio(a, b) >= SAME_TITLE
                    and clusters.compatible(i, j)
                ):
                    clusters.union(i, j)


def _completeness(work: dict) -> int:
    return sum(1 for k, v in work.items() if v and k not in UNCOUNTED) + len(work.get("author") or [])


def _copied(value):
    """A copy of a CSL-JSON value (dicts, lists, strings and numbers), as copy.deepcopy makes, several times faster."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_copied(item) for item in value)
    return value


def _entries(cits: list[Citation], clusters: _Clusters) -> list[Entry]:
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(cits)):
        members[clusters.find(index)].append(index)
    entries, used = [], defaultdict(int)
    for root in sorted(members):
        group = [cits[i] for i in members[root]]
        best = max(enumerate(group), key=lambda pair: (not pair[1].work.get("kept-as-written"),
                                                       _completeness(pair[1].work), -pair[0]))[1]
        work = _copied(best.work)
        key = base_key(work)
        used[key] += 1
        suffix = (
            "" if used[key] == 1 else chr(ord("a") + used[key] - 1) if used[key] <= 26 else str(used[key])
        )
        entries.append(Entry(key + suffix, work, tuple(group)))
    return entries


def consolidate(citations: list[Citation]) -> tuple[list[Entry], list[Conflict]]:
    """One entry per distinct work (in order of first citation) and the conflicts found on the way."""
    cits = sorted(citations, key=_order)
    clusters = _Clusters([c.work for c in cits])
    conflicts: dict = {}
    _merge_by_key(cits, clusters, _doi, "DOI", conflicts)
    _merge_by_key(cits, clusters, _url, "URL", conflicts)
    _merge_fuzzy(cits, clusters)
    return _entries(cits, clusters), list(conflicts.values())


def count_distinct_works(notes: list[str]) -> int:
    """How many distinct works a list of note texts cites (Ibid. adds none)."""
    citations = [
        Citation(work, "notes", None, number, ("", None))
        for number, text in enumerate(notes, 1)
        for work in parse_note(text).works
    ]
    return len(consolidate(citations)[0])
