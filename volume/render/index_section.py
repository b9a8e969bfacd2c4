"""The index as printed books have it (PDF) and as EPUB Indexes 1.0 describes it (EPUB), from the same entries."""

from __future__ import annotations

from collections import defaultdict

from volume.indexing.terms import sort_key
from volume.model import IndexEntry, Volume
from volume.render.page_numbers import INDEX_FEW, LIST, RANGE, PageNumbers
from volume.xhtml import escape_text

INDEX_ID = "index"


def entry_id(term: str) -> str:
    return "index-" + "".join(c if c.isalnum() else "-" for c in sort_key(term)).strip("-")


def page_ranges(locators: tuple[tuple[int, str, str], ...]) -> list[tuple[str, str, str]]:
    """Collapse consecutive arabic pages: [(first label, last label, anchor of the first)]."""
    ranges: list[tuple[int, str, str, int, str]] = []
    for index, label, anchor in locators:
        if ranges and label.isdigit() and ranges[-1][4].isdigit() and index == ranges[-1][3] + 1:
            first_index, first_label, first_anchor, _last_index, _ = ranges[-1]
            ranges[-1] = (first_index, first_label, first_anchor, index, label)
        else:
            ranges.append((index, label, anchor, index, label))
    return [(first_label, last_label, anchor) for _i, first_label, anchor, _j, last_label in ranges]


def _locators(entry: IndexEntry, epub: bool, numbers: PageNumbers | None = None,
              chapters: dict[str, int] | None = None) -> str:
    if epub:
        links = [f'<a epub:type="index-locator" href="#{anchor}">{label}</a>'
                 for _index, label, anchor in entry.locators]
    elif numbers is not None:  # blanks of the numbers' width, stamped after the layout (render/page_numbers.py)
        return _blank_locators(entry, numbers, chapters)
    else:
        links = [f'<a href="#{anchor}">{first}{"–" + last if last != first else ""}</a>'
                 for first, last, anchor in page_ranges(entry.locators)]
    return ", ".join(links)


def _blank_locators(entry: IndexEntry, numbers: PageNumbers, chapters: dict[str, int] | None = None) -> str:
    """The locators as blanks in cells with room for more (render/page_numbers.py): each printed number links to its
    own page, and the separators are blanks too, so that a list turning into a range ("45, 47" into "46–47"), or a
    number into a range with the page beside it ("57" into "57–58"), keeps the layout."""
    anchors = {label: anchor for _index, label, anchor in entry.locators}
    printed: list[str] = []
    separators: list[str] = []
    for first, last, _anchor in page_ranges(entry.locators):
        separators += [LIST] if printed else []
        printed.append(first)
        if last != first:
            separators.append(RANGE)
            printed.append(last)
    roman = [label for label in printed if not (label.isascii() and label.isdigit())]
    arabic = printed[len(roman):]
    out = [f'<a class="pn" href="{numbers.href(anchors[label])}">{numbers.text(label)}</a>' for label in roman]
    if arabic:
        out.append(numbers.cells([(label, anchors[label]) for label in arabic], separators[len(roman):],
                                 len(entry.occurrences), fewest_numbers(entry, chapters or {}), INDEX_FEW))
    return ", ".join(out)



def fewest_numbers(entry: IndexEntry, chapters: dict[str, int]) -> int:
    """How many arabic numbers the entry prints at the least, from its text alone: `chapters` numbers the chapters
    in arabic pages in reading order. A run of pages ("45–47") can join only chapters that follow each other (a
    chapter between them without the term has a page without it), and a run over two chapters prints two numbers;
    so each stretch of consecutive chapters holding the term prints at least one number, two if it is longer."""
    places = sorted({chapters[o.chapter_id] for o in entry.occurrences if o.chapter_id in chapters})
    fewest, stretch = 0, 0
    for at, place in enumerate(places):
        stretch = stretch + 1 if at and place == places[at - 1] + 1 else 1
        fewest += stretch <= 2
    return fewest

def arabic_chapters(volume: Volume) -> dict[str, int]:
    """The chapters printed in arabic page numbers (all but the front matter), numbered in reading order."""
    return {c.id: n for n, c in enumerate(c for c in volume.chapters if c.matter != "front")}


def _xref_term(term: str, epub: bool) -> str:
    return f'<span epub:type="index-term">{escape_text(term)}</span>' if epub else escape_text(term)


def _xrefs(entry: IndexEntry, known: set[str], epub: bool) -> str:
    out = []
    if entry.term.see:
        kind = ' epub:type="index-xref-preferred"' if epub else ""
        out.append(f'<em>See</em> <a{kind} href="#{entry_id(entry.term.see)}">{_xref_term(entry.term.see, epub)}</a>')
    related = [t for t in entry.term.see_also if t in known]
    if related:
        kind = ' epub:type="index-xref-related"' if epub else ""
        links = "; ".join(f'<a{kind} href="#{entry_id(t)}">{_xref_term(t, epub)}</a>'
                          for t in sorted(related, key=sort_key))
        out.append(f"<em>See also</em> {links}")
    return ". ".join(out)


def _entry_html(entry: IndexEntry, children: dict[str, list[IndexEntry]], known: set[str], epub: bool,
                numbers: PageNumbers | None = None, chapters: dict[str, int] | None = None) -> str:
    li = ' epub:type="index-entry"' if epub else ""
    # the PDF's term is plain text: an element apiece is a box apiece for WeasyPrint, and nothing styles it
    parts = [f'<span class="index-term" epub:type="index-term">{escape_text(entry.term.printed)}</span>' if epub
             else escape_text(entry.term.printed)]
    locators = _locators(entry, epub, numbers, chapters)
    if locators:
        parts.append(", " + locators)
    xrefs = _xrefs(entry, known, epub)
    if xrefs:
        parts.append(". " + xrefs)
    subentries = sorted(children.get(entry.term.term, []), key=lambda c: c.term.sort_key)
    if subentries:
        kind = ' epub:type="index-entry-list"' if epub else ""
        parts.append(f'<ul class="index-subentries"{kind}>'
                     + "".join(_entry_html(c, children, known, epub, numbers, chapters) for c in subentries) + "</ul>")
    return f'<li class="index-entry" id="{entry_id(entry.term.term)}"{li}>{"".join(parts)}</li>'


def index_section(volume: Volume, epub: bool = False, numbers: PageNumbers | None = None) -> str:
    """The index; with `numbers`, the PDF's locators are blanks of their width that numbers collects."""
    entries = [e for e in volume.index_entries if e.locators or e.term.see or e.term.see_also]
    chosen, parents = set(entries), {e.term.parent for e in entries}
    entries += [e for e in volume.index_entries if e not in chosen
                and e.term.term in parents]  # parents with no pages of their own
    names = {e.term.term for e in entries}
    children: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in entries:
        if entry.term.parent in names:
            children[entry.term.parent].append(entry)
    top = [e for e in entries if e.term.parent not in names]
    known = names
    groups: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in sorted(top, key=lambda e: e.term.sort_key):
        letter = (entry.term.sort_key[:1] or "#").upper()
        groups[letter if letter.isalpha() else "#"].append(entry)
    html = []
    chapters = arabic_chapters(volume)
    group_type = ' epub:type="index-group"' if epub else ""
    for letter in sorted(groups):
        items = "".join(_entry_html(e, children, known, epub, numbers, chapters) for e in groups[letter])
        html.append(f'<section class="index-group"{group_type} aria-labelledby="index-letter-{letter}">'
                    f'<h2 class="index-letter" id="index-letter-{letter}">{letter}</h2>'
                    f'<ul class="index-entries">{items}</ul></section>')
    head = (f'<header class="chapter-head" data-running-author="Index" data-running-title="Index">'
            f'<h1 class="chapter-title" id="index-title">Index</h1></header>')
    if epub:
        # EPUB Indexes 1.0 (as EPUBCheck enforces it): the groups directly inside the epub:type="index" section;
        # the heading stays just outside, so neither EPUBCheck nor Ace (daisy/ace#433) objects.
        return (f'{head}<section id="{INDEX_ID}" class="backmatter generated index" epub:type="index" '
                f'role="doc-index" aria-labelledby="index-title">{"".join(html)}</section>')
    return (f'<section id="{INDEX_ID}" class="backmatter generated index" epub:type="backmatter index" '
            f'role="doc-index" aria-labelledby="index-title">{head}'
            f'<div class="index-columns">{"".join(html)}</div></section>')
