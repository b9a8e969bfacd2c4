"""Token-labelled training strings from hand-labelled records: each expected field's value found in the text.

    python3 tools/align_labels.py                # counts: records aligned, and why the others were left out
    python3 tools/align_labels.py --show 5       # the first five aligned strings, token by token

A record of tests/cases/references (one JSON object a line, "expected" a CSL-JSON subset) says what each field
holds, not where: this finds each value's span of tokens in the text (the words of the value in order, case and
punctuation aside) and gives those tokens the labeller's label for the field; words of no field are "other",
trailing page numbers of a note its "locator". A record any of whose fields cannot be found, or two of whose
fields claim one token, is left out rather than guessed. The records used (TRAINING_SETS) are the tuning material
that is not kept for checking: all of tune-fresh/ and the "fit" half of tune-eval1/ (by the same hash of the id
as `bench/references.py --half fit`); dev/ and the "check" half stay out of training.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from volume.references.checks import LIST_NUMBER_RE  # noqa: E402
from volume.references.labels import FIELD_OF  # noqa: E402
from volume.references.tokens import Token, tokenize  # noqa: E402

CASES = ROOT / "tests" / "cases" / "references"
TRAINING_SETS = (("tune-fresh", "all"), ("tune-eval1", "fit"), ("tune-r9/fit", "all"), ("tune-r11/fit", "all"))  # never a check half
LABEL_OF_FIELD = {field: label for label, field in FIELD_OF.items()}
MONTH_RE = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:janvier|février|"
                      r"mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|"
                      r"juli|oktober|dezember)$")
LOCATOR_RE = re.compile(r"^(?:[,.:;]\s*)?(?:(?:pp?|s|с|at)\.?\s*)?[\divxlc]+(?:\s*[-–—]\s*[\divxlc]+)?(?:,\s*\d+)*\.?$",
                        re.IGNORECASE)


def fit_half(record_id: str) -> bool:
    """The same fixed split as bench/references.py's halves(): the first byte of the id's SHA-1, even."""
    return hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0


def records() -> list[dict]:
    """The hand-labelled records that may be trained on (see TRAINING_SETS), in a fixed order."""
    out = []
    for folder, half in TRAINING_SETS:
        for path in sorted((CASES / folder).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    if half == "all" or fit_half(record["id"]):
                        out.append(record)
    return out


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _words(value: str) -> list[str]:
    return [_fold(t.text) for t in tokenize(value.replace("*", " ")) if t.kind != "punct"]


def _find(tokens: list[Token], value: str, taken: list[str | None], start: int = 0) -> tuple[int, int] | None:
    """The first run of tokens, none taken, whose words are the value's words in order (punctuation between them
    aside): (first token, last token + 1)."""
    wanted = _words(value)
    if not wanted:
        return None
    words = [(i, _fold(t.text)) for i, t in enumerate(tokens) if t.kind != "punct"]
    for k in range(len(words) - len(wanted) + 1):
        if words[k][0] < start:
            continue
        if all(words[k + j][1] == wanted[j] for j in range(len(wanted))):
            first, last = words[k][0], words[k + len(wanted) - 1][0] + 1
            if all(taken[i] is None for i in range(first, last)):
                return first, last
    return None


def _person_words(person: dict) -> list[str]:
    if person.get("literal"):
        return [person["literal"]]
    return [v for v in (person.get("family"), person.get("given")) if v]


def _people_span(tokens: list[Token], people: list[dict], taken: list[str | None]) -> tuple[int, int] | None:
    """The run of tokens from the first name word of the first person to the last of the last."""
    spans = []
    for person in people:
        for part in _person_words(person):
            found = _find(tokens, part, taken)
            if found is None:
                return None
            spans.append(found)
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    if last - first > 6 * len(people) + 6 or any(taken[i] is not None for i in range(first, last)):
        return None
    return first, last


def _date_span(tokens: list[Token], issued: dict, taken: list[str | None]) -> tuple[int, int] | None:
    """The year's token, with a month and day written beside it ("September 24, 2020", "(2020, September 24)")."""
    parts = (issued.get("date-parts") or [[]])[0]
    if not parts:
        return None
    year = str(parts[0])
    at = next((i for i, t in enumerate(tokens) if re.fullmatch(year + r"[a-z]?", t.text) and taken[i] is None), None)
    if at is None:
        return None
    first = last = at

    def part_of_date(token: Token) -> bool:
        return bool(MONTH_RE.match(token.text) or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", token.text))

    i = at - 1
    while i >= 0 and taken[i] is None and (part_of_date(tokens[i]) or tokens[i].text in ",." and i > 0
                                           and part_of_date(tokens[i - 1])):
        if part_of_date(tokens[i]):
            first = i
        i -= 1
    i = at + 1
    while i < len(tokens) and taken[i] is None and (part_of_date(tokens[i]) or tokens[i].text == ","
                                                    and i + 1 < len(tokens) and part_of_date(tokens[i + 1])):
        if part_of_date(tokens[i]):
            last = i
        i += 1
    return first, last + 1


def _url_index(tokens: list[Token], value: str, kind: str) -> int | None:
    wanted = re.sub(r"^(?:https?://)?(?:dx\.)?(?:www\.)?", "", value.strip().casefold()).rstrip("/.")
    for i, token in enumerate(tokens):
        if token.kind in ("url", "doi"):
            got = re.sub(r"^(?:https?://)?(?:dx\.)?(?:www\.)?", "", token.text.casefold()).rstrip("/.")
            if got == wanted or kind == "doi" and got.endswith(wanted):
                return i
    return None


FIELDS_ALIGNED = ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page")
LEFT_ALONE = {"type", "accessed", "translator", "genre", "note", "number", "edition", "collection-title", "medium",
              "original-date", "event", "archive", "version", "status", "language", "section"}


def align(record: dict) -> tuple[str, list[Token], list[str]] | str:
    """(text, tokens, labels) of one record, or the reason it is left out."""
    if record.get("ibid"):
        return "an Ibid. note"
    text = record["text"]
    numbered = LIST_NUMBER_RE.match(text)
    if numbered and re.match(r"[^\W\d_]|[“\"«‘*]", text[numbered.end():]):
        text = text[numbered.end():]  # as the reader does: the list number is no part of the reference
    tokens = tokenize(text)
    taken: list[str | None] = [None] * len(tokens)
    expected = record.get("expected", {})
    unknown = set(expected) - LEFT_ALONE - set(FIELDS_ALIGNED) - {"author", "editor", "issued", "URL", "DOI"}
    if unknown:
        return f"a field with no label ({sorted(unknown)[0]})"

    def claim(span: tuple[int, int] | None, label: str, what: str) -> str | None:
        if span is None:
            return f"{what} not found in the text"
        for i in range(*span):
            taken[i] = label
        return None

    for key, label in (("URL", "url"), ("DOI", "doi")):
        if expected.get(key):
            at = _url_index(tokens, str(expected[key]), label)
            if at is None:
                if key == "URL" and expected.get("DOI"):
                    continue  # a DOI link given as the URL
                return f"{key} not found in the text"
            taken[at] = "doi" if label == "doi" or "doi.org" in tokens[at].text.lower() else "url"
    for role in ("author", "editor"):
        if expected.get(role):
            problem = claim(_people_span(tokens, expected[role], taken), role, role)
            if problem:
                return problem
    if expected.get("issued"):
        problem = claim(_date_span(tokens, expected["issued"], taken), "date", "date")
        if problem:
            return problem
    for key in FIELDS_ALIGNED:
        if expected.get(key):
            problem = claim(_find(tokens, str(expected[key]), taken), LABEL_OF_FIELD[key], key)
            if problem:
                return problem
    labels = [lab or "other" for lab in taken]
    _trim_edges(tokens, labels)
    _label_locator(text, tokens, labels)
    return text, tokens, labels


def _trim_edges(tokens: list[Token], labels: list[str]) -> None:
    """Punctuation at the edges of a field is no part of it (as in the other training strings); a full stop after
    an initial stays with the name."""
    for i, token in enumerate(tokens):
        if token.kind != "punct" or labels[i] == "other":
            continue
        before = labels[i - 1] if i else "other"
        after = labels[i + 1] if i + 1 < len(labels) else "other"
        if before != labels[i] or after != labels[i]:
            keep = labels[i] in ("author", "editor") and token.text == "." and i and len(tokens[i - 1].text) <= 2
            if not keep:
                labels[i] = "other"
    for i, token in enumerate(tokens):  # punctuation inside a field's run takes its label
        if token.kind == "punct" and labels[i] == "other" and 0 < i < len(tokens) - 1:
            if labels[i - 1] == labels[i + 1] != "other" and labels[i - 1] not in ("url", "doi", "date"):
                labels[i] = labels[i - 1]


def _label_locator(text: str, tokens: list[Token], labels: list[str]) -> None:
    """The page numbers a note ends on, after its last field: the locator."""
    fields = [i for i, lab in enumerate(labels) if lab != "other"]
    if not fields or fields[-1] + 1 >= len(tokens):
        return
    tail = text[tokens[fields[-1] + 1].start:]
    if not LOCATOR_RE.match(tail.strip()):
        return
    for i in range(fields[-1] + 1, len(tokens)):
        if tokens[i].kind != "punct" and not re.fullmatch(r"(?i)pp?|s|с|at", tokens[i].text):
            labels[i] = "locator"


def examples():
    """(text, tokens, labels) of every record that aligns, in a fixed order."""
    for record in records():
        found = align(record)
        if not isinstance(found, str):
            yield found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many aligned strings, token by token")
    args = parser.parse_args(argv)
    reasons: dict[str, int] = {}
    aligned = shown = 0
    for record in records():
        found = align(record)
        if isinstance(found, str):
            key = re.sub(r"\(.*\)", "(…)", found)
            reasons[key] = reasons.get(key, 0) + 1
            continue
        aligned += 1
        if shown < args.show:
            shown += 1
            text, tokens, labels = found
            print(record["id"], " ".join(f"{t.text}/{lab}" for t, lab in zip(tokens, labels)))
    total = aligned + sum(reasons.values())
    print(f"{aligned} of {total} records aligned; left out: " + ", ".join(f"{n} {r}" for r, n in
                                                                           sorted(reasons.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
