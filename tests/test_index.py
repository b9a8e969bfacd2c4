"""The index: terms file diagnostics, locating occurrences, page ranges and cross-references."""

from __future__ import annotations

from pathlib import Path

from tests.test_transforms import chapter, volume_of
from volume.diagnostics import Report
from volume.indexing.terms import read_terms
from volume.model import PageFacts
from volume.render.index_section import index_section, page_ranges
from volume.transforms.index import mark_index_terms
from volume.transforms.pagination import apply_page_facts

TERMS = """
[[entry]]
term = "Khorgos"
aliases = ["Khorgas"]
see_also = ["Kazakhstan"]

[[entry]]
term = "Kazakhstan"

[[entry]]
term = "Nur-Sultan"
see = "Astana"

[[entry]]
term = "Astana"

[[entry]]
term = "energy"
match_case = false

[[entry]]
term = "pipelines"
parent = "energy"
match_case = false

[[entry]]
term = "Ilham Aliyev"
sort = "Aliyev, Ilham"
"""


def indexed_volume(tmp_path: Path, terms: str, *bodies: str):
    (tmp_path / "index.toml").write_text(terms, encoding="utf-8")
    chapters = [chapter(f"c{i}", body) for i, body in enumerate(bodies, start=1)]
    report = Report()
    volume = mark_index_terms(volume_of(*chapters, folder=tmp_path), report)
    return volume, report


def test_occurrences_found_at_word_boundaries_with_possessives(tmp_path):
    volume, report = indexed_volume(
        tmp_path, TERMS,
        "<p>Khorgos's dry port and Khorgas; not Khorgosian. Kazakhstan, Astana and Ilham Aliyev.</p>"
        "<h2>Khorgos in a heading</h2><p>Energy and PIPELINES and pipelines.</p>",
    )
    counts = {e.term.term: len(e.occurrences) for e in volume.index_entries}
    assert counts["Khorgos"] == 2 and counts["Kazakhstan"] == 1 and counts["Astana"] == 1
    assert counts["energy"] == 1 and counts["pipelines"] == 2 and counts["Nur-Sultan"] == 0
    body = volume.chapters[0].body.xhtml()
    assert '<span class="ix" id="c1-ix1">Khorgos\'s</span>' in body
    assert "<h2>Khorgos in a heading</h2>" in body
    assert not report.items


def test_terms_in_notes_are_not_indexed(tmp_path):
    from volume.model import Markup, Note

    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Only Kazakhstan here.</p>")
    noted = volume.chapters[0].with_(notes=(Note(1, "n", "r", Markup.parse("<p>Khorgos in a note</p>"), "Khorgos", None),))
    volume, _ = indexed_volume(tmp_path, TERMS, noted.body)
    assert {e.term.term: len(e.occurrences) for e in volume.index_entries}["Khorgos"] == 0


def test_diagnostics_for_bad_terms(tmp_path):
    bad = TERMS + '\n[[entry]]\nterm = "Tbilisi"\nsee_also = ["Nowhere"]\n\n[[entry]]\nterm = "Khorgas port"\n' \
                  'aliases = ["Khorgas"]\n\n[[entry]]\nterm = "Baku"\ncolour = "red"\n'
    volume, report = indexed_volume(tmp_path, bad, "<p>Khorgos and Kazakhstan and Astana.</p>")
    codes = sorted(d.code for d in report.items)
    assert codes.count("I003") == 1 and codes.count("I004") == 1 and codes.count("I002") == 1
    assert "I005" in codes  # Tbilisi, energy... occur nowhere
    assert all(d.location.line for d in report.items)


def test_page_ranges_collapse_consecutive_pages():
    locators = ((10, "3", "a"), (11, "4", "b"), (12, "5", "c"), (14, "7", "d"), (3, "iv", "e"))
    assert page_ranges(locators) == [("3", "5", "a"), ("7", "7", "d"), ("iv", "iv", "e")]


def test_locators_one_per_page_linked_to_first_occurrence(tmp_path):
    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Kazakhstan Kazakhstan Kazakhstan Kazakhstan Astana.</p>")
    anchors = {"c1-ix1": 4, "c1-ix2": 4, "c1-ix3": 5, "c1-ix4": 6, "c1-ix5": 9}
    labels = tuple(str(i - 2) for i in range(12))
    volume = apply_page_facts(volume, PageFacts(labels, anchors))
    entry = next(e for e in volume.index_entries if e.term.term == "Kazakhstan")
    assert entry.locators == ((4, "2", "c1-ix1"), (5, "3", "c1-ix3"), (6, "4", "c1-ix4"))
    html = index_section(volume)
    assert '<a href="#c1-ix1">2–4</a>' in html
    epub = index_section(volume, epub=True)
    assert epub.count('epub:type="index-locator"') == 4  # Kazakhstan 2, 3, 4 and Astana 7


def test_a_list_turning_into_a_range_keeps_the_blank_layout(tmp_path):
    """With blanks (the PDF's back matter), "2, 4" becoming "3–4" when an occurrence moves to the next page gives the
    same HTML (what the index's cached layout is keyed by): only the digits and separators to stamp differ, and each
    printed number links to its own page's first occurrence."""
    from volume.render.page_numbers import LIST, RANGE, UNUSED, PageNumbers

    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Kazakhstan Kazakhstan Astana.</p>")
    labels = tuple(str(i - 2) for i in range(12))
    laid = []
    for first_page in (4, 5):  # the first occurrence on page 2, then pushed to page 3
        placed = apply_page_facts(volume, PageFacts(labels, {"c1-ix1": first_page, "c1-ix2": 6, "c1-ix3": 9}))
        numbers = PageNumbers("ix")
        laid.append((index_section(placed, numbers=numbers), numbers))
    (before, list_numbers), (after, range_numbers) = laid
    assert before == after
    assert list_numbers.digits == ["7", "2", LIST, "4"] and range_numbers.digits == ["7", "3", RANGE, "4"]  # Astana 7
    assert list(range_numbers.slots.values())[1:] == ["c1-ix1", "c1-ix2"]
    assert '>00</a>' in after  # the separator blank ends the first number's link; with two occurrences (INDEX_FEW or
    # fewer: a cell each) no line breaks inside the numbers, since the second cell may stand empty
    # a roman number is ROMAN_CELLS blanks whatever its letters, its separator text: "iv, 2" and "v, 2" lay out the
    # same, the letters stamped into the blanks and the rest dropped
    romans = []
    for roman in ("iv", "v"):
        placed = apply_page_facts(volume, PageFacts(("iii", roman) + labels[2:], {"c1-ix1": 1, "c1-ix2": 4}))
        numbers = PageNumbers("ix")
        romans.append((index_section(placed, numbers=numbers), numbers.digits[0]))
    assert romans[0][0] == romans[1][0] and ">0000</a>, <a" in romans[0][0]
    assert [digits for _html, digits in romans] == ["iv" + UNUSED * 2, "v" + UNUSED * 3]
    # a roman number longer than its blanks is laid out as text
    placed = apply_page_facts(volume, PageFacts(("xviii",) + labels[1:], {"c1-ix1": 0, "c1-ix2": 4}))
    assert ">xviii</a>, <a" in index_section(placed, numbers=PageNumbers("ix"))


def test_a_number_becoming_a_range_with_the_next_page_keeps_the_blank_layout(tmp_path):
    """"2" becoming "2–3" when one of two occurrences on page 2 moves to page 3 gives the same HTML: the entry has a
    cell per occurrence (at most INDEX_FEW), and the one "2" leaves empty is stamped UNUSED (its blanks dropped, its link
    taken out). A longer entry gets its printed numbers rounded up to a multiple of CELLS, and a line may break only
    before a cell that is always filled."""
    from volume.render.page_numbers import CELLS, INDEX_FEW, LIST, RANGE, UNUSED, PageNumbers

    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Kazakhstan Kazakhstan.</p>")
    labels = tuple(str(i - 2) for i in range(12))
    laid = []
    for second in (4, 5):  # both occurrences on page 2; then the second pushed to page 3
        placed = apply_page_facts(volume, PageFacts(labels, {"c1-ix1": 4, "c1-ix2": second}))
        numbers = PageNumbers("ix")
        laid.append((index_section(placed, numbers=numbers), numbers))
    (before, alone), (after, ranged) = laid
    assert before == after  # the layout is cached by the HTML; the slots are pointed at their anchors when joined
    assert alone.digits == ["2", UNUSED, UNUSED] and ranged.digits == ["2", RANGE, "3"]
    assert list(ranged.slots.values()) == ["c1-ix1", "c1-ix2"] and "\u200b" not in after

    many = " ".join(["Kazakhstan."] * (INDEX_FEW + 3))
    (tmp_path / "many").mkdir()
    volume, _ = indexed_volume(tmp_path / "many", TERMS, f"<p>{many}</p>")
    pages = {f"c1-ix{i + 1}": 4 + 2 * i for i in range(INDEX_FEW + 3)}  # pages 2, 4, 6, …: as many numbers as occurrences
    numbers = PageNumbers("ix")
    html = index_section(apply_page_facts(volume, PageFacts(tuple(str(i - 2) for i in range(40)), pages)),
                         numbers=numbers)
    count = -(-(INDEX_FEW + 3) // CELLS) * CELLS
    assert html.count('class="pn"') == count and len(numbers.slots) == count
    cells, separators = numbers.digits[0::2], numbers.digits[1::2]  # a cell, then the separator after it
    assert cells[:2] == ["2_", "4_"] and cells[INDEX_FEW + 3:] == ["__"] * (count - INDEX_FEW - 3)  # cells as wide as "12"
    assert separators == [LIST] * (INDEX_FEW + 2) + [UNUSED] * (count - INDEX_FEW - 3)
    assert html.count("\u200b") == count - CELLS  # no break before the last CELLS - 1 cells, which may be empty


def test_an_entry_in_chapters_apart_may_break_lines_between_its_first_numbers(tmp_path):
    """An entry in two chapters that do not follow each other prints at least two numbers wherever its occurrences
    land (index_section.fewest_numbers: no run of pages can join them), so a line may break before its second cell,
    and the cells keep the same HTML when its count of printed numbers changes; one in two chapters that follow each
    other may print one run over both ("9–10", two numbers) and no fewer; one chapter, one number."""
    from volume.model import IndexEntry, Occurrence
    from volume.render.index_section import arabic_chapters, fewest_numbers
    from volume.render.page_numbers import INDEX_FEW, PageNumbers

    assert INDEX_FEW >= 3
    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Kazakhstan. Kazakhstan.</p>", "<p>Astana.</p>",
                               "<p>Kazakhstan.</p>")
    chapters = arabic_chapters(volume)
    assert chapters == {"c1": 0, "c2": 1, "c3": 2}
    term = volume.index_entries[0].term
    assert [fewest_numbers(IndexEntry(term, tuple(Occurrence(f"{c}-x", c) for c in ids)), chapters)
            for ids in (["c1"], ["c1", "c1"], ["c1", "c2"], ["c1", "c3"], ["c1", "c2", "c3"])] == [1, 1, 2, 2, 2]
    labels = tuple(str(i - 2) for i in range(40))
    laid = []
    for second in (4, 5):  # c1's two occurrences on page 2, then the second pushed to page 3; c3's on page 30
        placed = apply_page_facts(volume, PageFacts(labels, {"c1-ix1": 4, "c1-ix2": second, "c3-ix1": 32}))
        numbers = PageNumbers("ix")
        laid.append((index_section(placed, numbers=numbers), numbers))
    (before, _two), (after, _three) = laid
    assert before == after and before.count("\u200b") == 1  # a break before the second of three cells only


def test_room_falls_back_when_fewer_numbers_print_than_the_text_said():
    """room(): a cell per occurrence up to `few`, the first `always` always filled; should fewer numbers print than
    `always` (an occurrence placed outside its chapter's pages), or more occurrences than `few` stand behind them,
    the printed count rounded up to CELLS, which never leaves a line of empty cells."""
    from volume.render.page_numbers import CELLS, room

    assert room(2, 6, 2, 8) == (6, 2) and room(5, 6, 2, 8) == (6, 2) and room(1, 1, 1, 8) == (1, 1)
    assert room(1, 6, 2, 8) == (CELLS, 1)  # fewer than the two the text promised
    assert room(4, 9, 1, 8) == (-(-4 // CELLS) * CELLS, -(-4 // CELLS) * CELLS - CELLS + 1)


def test_cross_references_and_subentries(tmp_path):
    volume, _ = indexed_volume(tmp_path, TERMS, "<p>Khorgos, Kazakhstan, Astana, pipelines, Ilham Aliyev.</p>")
    anchors = {f"c1-ix{i}": 10 for i in range(1, 6)}
    volume = apply_page_facts(volume, PageFacts(tuple(str(i) for i in range(20)), anchors))
    html = index_section(volume)
    assert 'id="index-nursultan">Nur-Sultan. <em>See</em> <a href="#index-astana">Astana</a>' in html
    assert "<span" not in html  # the PDF's terms are plain text (a box apiece for nothing)
    assert "<em>See also</em> <a href=\"#index-kazakhstan\">Kazakhstan</a>" in html
    energy = html[html.index('id="index-energy"'):]
    assert energy.index("pipelines") < energy.index("</li></ul>")  # nested under energy
    assert "Aliyev, Ilham" in html
    epub = index_section(volume, epub=True)
    assert 'epub:type="index-xref-preferred"' in epub and 'epub:type="index-xref-related"' in epub
    assert 'epub:type="index-entry-list"' in epub
    assert '<span class="index-term" epub:type="index-term">Nur-Sultan</span>' in epub


def test_default_volume_terms_file_is_clean():
    report = Report()
    terms = read_terms(Path(__file__).resolve().parent.parent / "chapters", report)
    assert len(terms) >= 80
    assert [d.format() for d in report.items] == []


def test_inline_marks(tmp_path):
    volume, report = indexed_volume(
        tmp_path, TERMS,
        '<p>The <span class="idx" data-term="Khorgos">dry port on the border</span> and a '
        '<span class="idx">Lianyungang</span> terminal.</p>')
    counts = {e.term.term: len(e.occurrences) for e in volume.index_entries}
    assert counts["Khorgos"] == 1 and counts["Lianyungang"] == 1
    assert [d.code for d in report.items if d.code != "I005"] == ["I006"]
    assert 'class="ix"' in volume.chapters[0].body.xhtml() and "data-term" not in volume.chapters[0].body.xhtml()


def _unwrapped(markup: str) -> str:
    """The markup as the PDF's pieces carry it: occurrence spans taken out, their places on their blocks."""
    from volume.render.pdf.index_points import unwrap_occurrences
    from volume.xhtml import parse_fragment, serialize_children

    root = parse_fragment(markup)
    unwrap_occurrences(root)
    return serialize_children(root)


def test_unwrapped_occurrences_keep_the_text_and_note_their_places():
    from lxml import html as lhtml

    from volume.render.pdf.index_points import visible_length

    markup = ('<p id="b1">The <span class="ix" id="c-ix1">Khorgos</span> gateway and <em>the <span class="ix" '
              'id="c-ix2">Caspian</span></em> <span class="ix" id="c-ix3">Sea<sup>1</sup></span> end.</p>'
              '<ul><li>A <span class="ix" id="c-ix4">term</span> in a list</li></ul>')
    out = _unwrapped(markup)
    assert 'class="ix"' not in out
    before = lhtml.fragment_fromstring(markup, create_parent="div")
    after = lhtml.fragment_fromstring(out, create_parent="div")
    assert before.text_content() == after.text_content()
    paragraph = after.xpath("//p")[0]
    total, *places = paragraph.get("data-ix").split(" ")
    assert int(total) == visible_length(paragraph.text_content())
    offsets = dict(place.split(":") for place in places)
    assert offsets == {"c-ix1": str(visible_length("The ")), "c-ix2": str(visible_length("The Khorgos gateway and the ")),
                       "c-ix3": str(visible_length("The Khorgos gateway and the Caspian "))}
    assert after.xpath("//li")[0].get("data-ix") == f"{visible_length('A term in a list')} c-ix4:1"


def test_unwrapped_occurrences_are_placed_where_their_text_landed():
    """Laid out with WeasyPrint on small pages, hyphenated and justified: each occurrence is placed on the page
    where its term's text begins, found independently (the whole document's laid-out text against the term's
    place in the HTML), and every block's counts agree."""
    import random

    from lxml import html as lhtml
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    from volume.render.pdf.index_points import IGNORED, place_occurrences, visible_length

    words = ("pipeline railway Khorgos corridor investment agreement Tajikistan, debt (the) Caspian région "
             "Türkmenbaşy — “quoted” 2024 40 per cent").split()
    rng = random.Random(7)
    paragraphs = []
    counter = 0
    for number in range(40):
        parts = []
        for _ in range(rng.randint(20, 90)):
            word = rng.choice(words)
            if rng.random() < 0.15:
                counter += 1
                word = f'<span class="ix" id="c-ix{counter}">{word}</span>'
            parts.append(word)
        tag = "li" if number % 7 == 3 else "p"
        paragraphs.append(f'<{tag} id="b{number}">{" ".join(parts)}<sup>{number}</sup></{tag}>')
    body = "".join(f"<ul>{p}</ul>" if p.startswith("<li") else p for p in paragraphs)
    css = ("<style>@page { size: 3in 3.2in; margin: 0.3in } body { hyphens: auto; text-align: justify; "
           "font-size: 10pt; widows: 2; orphans: 2 }</style>")
    document = HTML(string=f'<html lang="en"><head>{css}</head><body>{_unwrapped(body)}</body></html>').render()
    assert len(document.pages) > 5
    assert place_occurrences(document) == []
    placed = {name: i for i, p in enumerate(document.pages) for name in p.anchors if "-ix" in name}
    assert len(placed) == counter > 100

    laid_out, page_of = [], []  # every visible character of the layout, and its page
    for index, page in enumerate(document.pages):
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if "::" in (getattr(box, "element_tag", "") or ""):
                continue
            if isinstance(box, boxes.TextBox):
                kept = [ch for ch in box.text if not ch.isspace() and ch not in IGNORED]
                laid_out += kept
                page_of += [index] * len(kept)
            stack.extend(reversed(getattr(box, "children", None) or []))
    laid_out = "".join(laid_out)
    root = lhtml.fragment_fromstring(body, create_parent="div")
    for number in range(1, counter + 1):
        span = root.xpath(f"//span[@id='c-ix{number}']")[0]
        preceding = "".join(root.xpath(f"//span[@id='c-ix{number}']/preceding::text()"))
        offset = visible_length(preceding)
        term = "".join(ch for ch in span.text_content() if not ch.isspace() and ch not in IGNORED)
        assert laid_out[offset:offset + len(term)] == term
        assert placed[f"c-ix{number}"] == page_of[offset], number


def test_occurrences_of_a_block_whose_counts_disagree_fall_back_to_its_first_page():
    """Text the layout does not show (here display: none) makes the counts disagree: the block is reported and
    its occurrences go to the page where the block begins, never to a wrong later page."""
    from weasyprint import HTML

    from volume.render.pdf.index_points import place_occurrences

    filler = "word " * 400
    body = (f'<p id="b1">{filler}<span class="hidden">{"x" * 3000}</span> the '
            f'<span class="ix" id="c-ix1">Caspian</span> {filler}</p>')
    css = "<style>@page { size: 3in 3in; margin: 0.3in } .hidden { display: none }</style>"
    document = HTML(string=f"<html><head>{css}</head><body>{_unwrapped(body)}</body></html>").render()
    assert len(document.pages) > 2
    assert place_occurrences(document) == ["b1"]
    assert "c-ix1" in document.pages[0].anchors
