"""Index occurrences: every term of chapters/index.toml found in body text becomes an anchored span."""

from __future__ import annotations

import copy
import re
import threading
from pathlib import Path

from volume.cache import Codec, Rounds, digest, keeping, remembered
from volume.diagnostics import Report
from volume.indexing.terms import INDEX_FILE, IndexTerm, read_terms
from volume.model import Chapter, IndexEntry, Markup, Occurrence, Volume

SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "sup", "script", "style", "a"}
POSSESSIVE = r"(?:['’]s|['’](?=\s))?"


SEPARATOR = "\x00"  # between pieces of text matched at once: no text holds it, and no form matches across it


def _form_pattern(form: str) -> list[str]:
    return ["['’]" if ch in "'’" else r"\s+" if ch == " " else re.escape(ch) for ch in form]


def _pattern(terms: tuple[IndexTerm, ...]) -> tuple[re.Pattern | None, list[IndexTerm]]:
    """One alternation of every form, longest first, each ending in an empty group named by its entry number.

    The alternation is grouped by the character a form can begin with (both cases of it, for a form that ignores
    case), each group opening with that character itself: the regular expression engine then looks only at places
    where some form can begin, and tries only the forms that begin there. (One flat alternation of a few hundred
    forms made the marking of a volume take seconds; the word boundary is checked behind the first character.)
    """
    forms = sorted(((form, number) for number, term in enumerate(terms) for form in term.forms),
                   key=lambda item: (-len(item[0]), item[0]))
    if not forms:
        return None, list(terms)
    groups: dict[str, list[str]] = {}
    for count, (form, number) in enumerate(forms):
        first, *rest = _form_pattern(form)
        case = terms[number].match_case
        rest_pattern = "".join(rest) if case or not rest else "(?i:" + "".join(rest) + ")"
        for start in _start_characters(form, first, case):
            # The group that names the form is an empty one at its end: an alternative that opens with a literal
            # character is skipped by the engine at a glance when that character is not there.
            groups.setdefault(start, []).append(f"{rest_pattern}(?P<t{number}_{count}_{ord(start)}>)")
    branches = [rf"{re.escape(start)}(?<![\w-][\s\S])(?:{'|'.join(alternatives)})"
                for start, alternatives in groups.items()]
    return re.compile(rf"(?:{'|'.join(branches)}){POSSESSIVE}(?![\w])"), list(terms)


def _start_characters(form: str, first: str, case: bool) -> list[str]:
    """The characters an occurrence of the form can begin with (`first`: the pattern of its first character)."""
    if form[0] in "'’":
        return ["'", "’"]
    if case:
        return [form[0]]
    starts = re.compile(f"(?i:{first})")
    return sorted(c for c in {c for s in (form[0], form[0].upper(), form[0].lower()) for c in s} if starts.fullmatch(c))


def _text_slots(root) -> list[tuple[object, str]]:
    """(element, "text" or "tail") of every piece of text where terms are looked for, in the order occurrences are
    numbered: each element's text and then its tail, elements in document order. Not inside headings, code,
    superscripts, links, or what is already an occurrence."""
    skipped: dict = {root.getparent(): True} if root.getparent() is not None else {}
    slots = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        own = element.tag in SKIP_TAGS or "ix" in (element.get("class") or "").split()
        skipped[element] = own or skipped.get(parent, False)
        if element.text and not skipped[element]:
            slots.append((element, "text"))
        if element.tail and parent is not None and not skipped[parent]:
            slots.append((element, "tail"))
    return slots


def _inline_marks(root) -> list:
    return root.xpath(".//span[contains(concat(' ', @class, ' '), ' idx ')]")


def mark_inline(root, chapter: Chapter, terms: list[IndexTerm], found: dict[int, list[Occurrence]],
                report: Report) -> int:
    """Spans written `[text]{.idx}` or `[text]{.idx term="Term"}` are occurrences of that term."""
    numbers = {t.term: n for n, t in enumerate(terms)}
    counter = 0
    for span in _inline_marks(root):
        name = (span.get("data-term") or " ".join(span.text_content().split())).strip()
        if not name:
            continue
        if name not in numbers:
            report.add("I006", f"inline index mark '{name}' names no entry in index.toml; it is indexed as a new "
                       "entry (add it to index.toml to give it aliases or a sort key)", chapter.source)
            terms.append(IndexTerm(term=name, location=chapter.source))
            numbers[name] = len(terms) - 1
        counter += 1
        span.set("class", "ix")
        span.set("id", f"{chapter.id}-ix{counter}")
        span.attrib.pop("data-term", None)
        found.setdefault(numbers[name], []).append(Occurrence(span.get("id"), chapter.id))
    return counter


def _matches(pattern: re.Pattern, texts: list[str]) -> list[list[tuple[re.Match, int]]]:
    """The matches in each text, found by one pass over them all: (match, where the text starts in the pass)."""
    joined = SEPARATOR.join(texts)
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    found: list[list[tuple[re.Match, int]]] = [[] for _ in texts]
    slot = 0
    for match in pattern.finditer(joined):
        while slot + 1 < len(starts) and starts[slot + 1] <= match.start():
            slot += 1
        found[slot].append((match, starts[slot]))
    return found


def _wrap(element, attr: str, text: str, matches: list, chapter: Chapter, counter: int,
          found: dict[int, list[Occurrence]]) -> int:
    """Each match in the element's text (or tail) wrapped in an occurrence span; returns the counter."""
    from lxml import etree

    pieces = []
    last = 0
    for match, offset in matches:
        number = int(match.lastgroup[1:].split("_")[0])
        counter += 1
        span = etree.Element("span", {"class": "ix", "id": f"{chapter.id}-ix{counter}"})
        span.text = match.group(0)
        pieces.append((text[last:match.start() - offset], span))
        last = match.end() - offset
        found.setdefault(number, []).append(Occurrence(span.get("id"), chapter.id))
    setattr(element, attr, pieces[0][0])
    if attr == "text":
        for position, (_before, span) in enumerate(pieces):
            element.insert(position, span)
    else:
        anchor = element
        for _before, span in pieces:
            anchor.addnext(span)
            anchor = span
    for index, (_before, span) in enumerate(pieces):
        span.tail = pieces[index + 1][0] if index + 1 < len(pieces) else text[last:]
    return counter


def mark_chapter(chapter: Chapter, pattern: re.Pattern | None, terms: list[IndexTerm],
                 found: dict[int, list[Occurrence]], report: Report) -> None:
    root = chapter.body.root
    counter = mark_inline(root, chapter, terms, found, report)
    if pattern is None:
        return
    slots = _text_slots(root)
    texts = [getattr(element, attr) for element, attr in slots]
    if any(SEPARATOR in text for text in texts):  # never from the parser; one at a time, to be sure
        matches = [[(match, 0) for match in pattern.finditer(text)] for text in texts]
    else:
        matches = _matches(pattern, texts)
    for (element, attr), text, found_here in zip(slots, texts, matches):
        if found_here:
            counter = _wrap(element, attr, text, found_here, chapter, counter, found)


def _marking_to_disk(value: tuple) -> list:
    root, own = value
    return [Markup(root).xhtml(), [[number, [[o.anchor, o.chapter_id] for o in found]] for number, found in own.items()]]


def _marking_from_disk(stored: list) -> tuple:
    body, own = stored
    return Markup.parse(body).root, {int(number): [Occurrence(*o) for o in found] for number, found in own}


# each chapter's marking by its text and the terms: for the next build in this process, and in the build cache
MARKED = Rounds("index-marks", Codec(_marking_to_disk, _marking_from_disk))
_TERMS_LOCK = threading.Lock()  # read_index_terms may be under way in the build's warm-up thread


def read_index_terms(chapters_dir: Path) -> tuple[tuple[IndexTerm, ...], re.Pattern | None, list]:
    """index.toml's terms, their pattern and the diagnostics of reading them, kept in this process while the file
    is the same: a build reads them while pandoc converts the sources (build.warm_up), the marking finds them ready.
    (Compiling the pattern of a few hundred forms is a sixth of a second.)"""
    path = chapters_dir / INDEX_FILE
    try:
        key = digest(str(path), path.read_bytes())
    except OSError:
        key = digest(str(path))

    def read() -> tuple[tuple[IndexTerm, ...], re.Pattern | None, list]:
        own = Report()
        terms = read_terms(chapters_dir, own)
        return terms, _pattern(terms)[0], own.items

    with _TERMS_LOCK:
        return remembered("index-terms", key, read)


def _terms_and_pattern(chapters_dir: Path, report: Report) -> tuple[tuple[IndexTerm, ...], re.Pattern | None]:
    """index.toml's terms and their pattern (read_index_terms), their diagnostics given again."""
    terms, pattern, diagnostics = read_index_terms(chapters_dir)
    for diagnostic in diagnostics:
        report.add(diagnostic.code, diagnostic.message, diagnostic.location)
    return terms, pattern


def _remembered_marking(chapter: Chapter, pattern: re.Pattern | None, terms: list[IndexTerm],
                        found: dict[int, list[Occurrence]], report: Report) -> None:
    """mark_chapter, its result taken from the last builds in this process when the chapter's text and the pattern
    are the same (a chapter with inline marks, which add terms, is always marked again)."""
    if pattern is None or not keeping() or _inline_marks(chapter.body.root):
        mark_chapter(chapter, pattern, terms, found, report)
        return

    marked_here = []

    def mark() -> tuple[object, dict[int, list[Occurrence]]]:
        own: dict[int, list[Occurrence]] = {}
        mark_chapter(chapter, pattern, terms, own, report)
        marked_here.append(True)
        return copy.deepcopy(chapter.body.root), own  # kept apart: the later passes change the chapter's tree

    marked, own = MARKED.get(digest(chapter.id, pattern.pattern, chapter.body.xhtml()), mark)
    if not marked_here:  # taken from an earlier build
        chapter.body.root = copy.deepcopy(marked)
    for number, occurrences in own.items():
        found.setdefault(number, []).extend(occurrences)


def mark_index_terms(volume: Volume, report: Report) -> Volume:
    MARKED.next_round()
    terms, pattern = _terms_and_pattern(volume.manifest.chapters_dir, report)
    if not terms and not any(_inline_marks(c.body.root) for c in volume.chapters):
        return volume
    ordered = list(terms)
    found: dict[int, list[Occurrence]] = {}
    for chapter in volume.chapters:
        if chapter.matter == "body":
            _remembered_marking(chapter, pattern, ordered, found, report)
    entries = []
    for number, term in enumerate(ordered):
        occurrences = tuple(found.get(number, ()))
        if term.forms and not occurrences and term.location is not None and term.location.path.name == "index.toml":
            report.add("I005", f"'{term.term}' occurs nowhere in the chapters' text; check its spelling or "
                       "remove it", term.location)
        entries.append(IndexEntry(term, occurrences))
    return volume.with_(index_entries=tuple(entries))
