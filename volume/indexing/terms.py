"""chapters/index.toml read into IndexTerm records, with every mistake a coded diagnostic."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from volume.diagnostics import Report, SourceLocation

INDEX_FILE = "index.toml"
ENTRY_KEYS = {"term", "heading", "aliases", "sort", "match_case", "see", "see_also", "parent"}


@dataclass(frozen=True)
class IndexTerm:
    term: str
    aliases: tuple[str, ...] = ()
    sort: str = ""
    match_case: bool = True
    see: str = ""
    see_also: tuple[str, ...] = ()
    parent: str = ""
    location: SourceLocation | None = None
    heading: str = ""  # as printed, when it differs from the term (e.g. "Aliyev, Ilham")

    @property
    def printed(self) -> str:
        """The heading in the index: given, or an inverted name given as the sort key, or the term."""
        if self.heading:
            return self.heading
        if ", " in self.sort and " " in self.term and "," not in self.term:
            return self.sort
        return self.term

    @property
    def forms(self) -> tuple[str, ...]:
        """What is located in the text: the term and its aliases (a see-entry locates nothing)."""
        return () if self.see else (self.term, *self.aliases)

    @property
    def sort_key(self) -> str:
        return sort_key(self.sort or self.term)


def sort_key(text: str) -> str:
    """Letter-by-letter, accents and case folded, leading non-letters ignored."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return re.sub(r"[^a-z0-9 ]", "", folded.lower()).strip() or text.lower()


def _lines(text: str) -> list[int]:
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == "[[entry]]"]


def read_terms(chapters_dir: Path, report: Report) -> tuple[IndexTerm, ...]:
    path = chapters_dir / INDEX_FILE
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        report.add("I001", f"{exc}; fix the TOML syntax", SourceLocation(path, int(line.group(1)) if line else None))
        return ()
    entries = data.get("entry", [])
    lines = _lines(text)
    terms: list[IndexTerm] = []
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        where = SourceLocation(path, lines[number] if number < len(lines) else None)
        term = _read_entry(entry, where, report)
        if term is not None:
            terms.append(term)
    check_terms(terms, report)
    return tuple(terms)


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML


def _read_entry(entry: object, where: SourceLocation, report: Report) -> IndexTerm | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
        report.add("I002", "each [[entry]] needs term = \"...\"", where)
        return None
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        report.add("I002", f"unknown key(s) {', '.join(sorted(unknown))}; valid keys: {', '.join(sorted(ENTRY_KEYS))}",
                   where)
    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report.add("I002", f"'{key}' must be a list of strings", where)
            return ()
        return tuple(v.strip() for v in value if v.strip())
    texts = [v for v in entry.values() if isinstance(v, str)] + [v for v in entry.values() if isinstance(v, list)
                                                                 for v in v if isinstance(v, str)]
    bad = next((c for text in texts for c in text if CONTROL.match(c)), None)
    if bad is not None:
        report.add("I002", f"a value holds the control character U+{ord(bad):04X}, which no book can print; "
                   "remove it", where)
        return None
    match_case = entry.get("match_case", True)
    if not isinstance(match_case, bool):
        report.add("I002", "'match_case' must be true or false", where)
        match_case = True
    return IndexTerm(term=entry["term"].strip(), heading=str(entry.get("heading", "")).strip(),
                     aliases=strings("aliases"), sort=str(entry.get("sort", "")),
                     match_case=match_case, see=str(entry.get("see", "")).strip(), see_also=strings("see_also"),
                     parent=str(entry.get("parent", "")).strip(), location=where)


def check_terms(terms: list[IndexTerm], report: Report) -> None:
    names = {t.term for t in terms}
    forms: dict[str, IndexTerm] = {}
    for term in terms:
        for target in (term.see, term.parent, *term.see_also):
            if target and target not in names:
                report.add("I003", f"'{term.term}' refers to '{target}', which is no entry's term; add that "
                           "entry or correct the name", term.location)
        for form in term.forms:
            key = form if term.match_case else form.lower()
            other = forms.get(key) or forms.get(form.lower())
            if other is not None and other is not term:
                report.add("I004", f"'{form}' is located for both '{other.term}' and '{term.term}'; keep it in one "
                           "entry", term.location)
            forms[key] = term
