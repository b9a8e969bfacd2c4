"""Index occurrences: every term of chapters/index.toml found in body text becomes an anchored span."""

from __future__ import annotations

import re

from volume.diagnostics import Report
from volume.indexing.terms import IndexTerm, read_terms
from volume.model import Chapter, IndexEntry, Occurrence, Volume

SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "sup", "script", "style", "a"}
POSSESSIVE = r"(?:['’]s|['’](?=\s))?"


def _pattern(terms: tuple[IndexTerm, ...]) -> tuple[re.Pattern | None, list[IndexTerm]]:
    """One alternation of every form, longest first, each a named group by entry number.

    The forms are grouped by their first letter behind a lookahead, so that at each place in the text only the
    forms that can begin there are tried: one flat alternation of a few hundred forms made the marking of a
    volume take seconds.
    """
    forms = sorted(((form, number) for number, term in enumerate(terms) for form in term.forms),
                   key=lambda item: (-len(item[0]), item[0]))
    if not forms:
        return None, list(terms)
    groups: dict[str, list[str]] = {}
    for count, (form, number) in enumerate(forms):
        body = "".join("['’]" if ch in "'’" else r"\s+" if ch == " " else re.escape(ch) for ch in form)
        alternative = f"(?P<t{number}_{count}>{body if terms[number].match_case else '(?i:' + body + ')'})"
        first = "'" if form[0] in "'’" else form[0].lower()
        groups.setdefault(first, []).append(alternative)
    branches = []
    for first, alternatives in groups.items():
        letters = {"'", "’"} if first == "'" else {first, first.upper(), first.lower()}
        branches.append(f"(?=[{''.join(re.escape(c) for c in sorted(letters))}])(?:{'|'.join(alternatives)})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(branches)}){POSSESSIVE}(?![\w])"), list(terms)


def _skipped(element) -> bool:
    node = element
    while node is not None:
        if isinstance(node.tag, str) and (node.tag in SKIP_TAGS or "ix" in (node.get("class") or "").split()):
            return True
        node = node.getparent()
    return False


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


def mark_chapter(chapter: Chapter, pattern: re.Pattern | None, terms: list[IndexTerm],
                 found: dict[int, list[Occurrence]], report: Report) -> None:
    from lxml import etree

    root = chapter.body.root
    counter = mark_inline(root, chapter, terms, found, report)
    for element in list(root.iter()) if pattern is not None else []:
        if not isinstance(element.tag, str):
            continue
        for attr in ("text", "tail"):
            owner = element if attr == "text" else element.getparent()
            if owner is None or _skipped(owner) or (attr == "text" and _skipped(element)):
                continue
            text = getattr(element, attr)
            if not text or not pattern.search(text):
                continue
            pieces = []
            last = 0
            for match in pattern.finditer(text):
                number = int(match.lastgroup[1:].split("_")[0])
                counter += 1
                span = etree.Element("span", {"class": "ix", "id": f"{chapter.id}-ix{counter}"})
                span.text = match.group(0)
                pieces.append((text[last:match.start()], span))
                last = match.end()
                found.setdefault(number, []).append(Occurrence(span.get("id"), chapter.id))
            rest = text[last:]
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
                span.tail = pieces[index + 1][0] if index + 1 < len(pieces) else rest


def mark_index_terms(volume: Volume, report: Report) -> Volume:
    terms = read_terms(volume.manifest.chapters_dir, report)
    if not terms and not any(_inline_marks(c.body.root) for c in volume.chapters):
        return volume
    pattern, ordered = _pattern(terms)
    found: dict[int, list[Occurrence]] = {}
    for chapter in volume.chapters:
        if chapter.matter == "body":
            mark_chapter(chapter, pattern, ordered, found, report)
    entries = []
    for number, term in enumerate(ordered):
        occurrences = tuple(found.get(number, ()))
        if term.forms and not occurrences and term.location is not None and term.location.path.name == "index.toml":
            report.add("I005", f"'{term.term}' occurs nowhere in the chapters' text; check its spelling or "
                       "remove it", term.location)
        entries.append(IndexEntry(term, occurrences))
    return volume.with_(index_entries=tuple(entries))
