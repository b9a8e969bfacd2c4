"""Each assumption render/pdf/weasy.py makes about WeasyPrint's private API, checked against the WeasyPrint installed:
a WeasyPrint upgrade that breaks one fails here by name, not somewhere in a build. WeasyPrint runs in a child
process (fontconfig is set up there), so this process's environment stays as it was."""

from __future__ import annotations

import concurrent.futures
import inspect
import multiprocessing
import re
from pathlib import Path

import pytest

FONTS = Path(__file__).resolve().parent.parent / "styles" / "fonts"
PAGE = """<html lang="en"><head><style>
@page { size: 4in 4in; margin: 0.6in; @top-left { content: ""; } @bottom-center { content: "folio"; } }
body { font-family: "Noto Serif"; font-size: 10pt; }
.grey { background: #808080; } .red { color: rgb(200, 20, 20); }
</style></head><body>
<h1 id="title">A heading</h1>
<p id="first">The first paragraph, with <em>emphasis</em> and a <a href="#second">link</a>.</p>
<ul><li id="item">An item</li></ul>
<p id="second" class="grey red">A grey box with red text. Caspian ქართული Հայերեն 中国.</p>
</body></html>"""


@pytest.fixture(scope="module")
def child():
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


def _set_up():
    from volume.render.pdf.fontconfig import isolate_fontconfig
    from volume.render.pdf.weasy import use_uharfbuzz_subsetter

    isolate_fontconfig(FONTS)
    use_uharfbuzz_subsetter()


def _subsetter_is_used() -> dict:
    """Our subsetter replaces Font.subset, is called for every font, and finds the attributes it reads."""
    _set_up()
    from weasyprint import HTML
    from weasyprint.pdf import fonts

    import volume.harfbuzz

    seen = []
    original = volume.harfbuzz.subset_font

    def recording(font, **options):
        seen.append((type(font).__name__, sorted(options)))
        return original(font, **options)

    volume.harfbuzz.subset_font = recording
    try:
        HTML(string=PAGE).write_pdf()
    finally:
        volume.harfbuzz.subset_font = original
    return {"ours": getattr(fonts.Font.subset, "volume_uharfbuzz", False), "calls": seen,
            "clean_calls_subset": "self.subset(to_unicode, hinting)" in inspect.getsource(fonts.Font.clean)}


def test_fonts_are_cut_by_our_subsetter(child):
    found = child.submit(_subsetter_is_used).result()
    assert found["ours"], "weasyprint.pdf.fonts.Font.subset could not be replaced"
    assert found["clean_calls_subset"], "Font.clean no longer calls self.subset(to_unicode, hinting)"
    assert len(found["calls"]) >= 3  # the regular, italic and the scripts' faces
    assert all(kind == "bytes" and options == ["glyphs", "hinting", "index", "notdef"]
               for kind, options in found["calls"])


def _documents_agree() -> dict:
    """A document made from lxml's tree lays out as WeasyPrint's own parse of the same markup."""
    _set_up()
    from weasyprint import HTML

    from volume.render.pdf import weasy
    from volume.render.pdf.fast_html import element_tree

    def shape(document):
        return [(sorted(page.anchors), [weasy.line_text(box) for box in _lines(weasy.page_box(page))])
                for page in document.pages]

    ours = weasy.document_from_tree(element_tree(PAGE), FONTS.as_uri() + "/", None).render()
    theirs = HTML(string=PAGE, base_url=str(FONTS)).render()
    assigned = set(re.findall(r"self\.(\w+) =", inspect.getsource(HTML.__init__)))
    return {"ours": shape(ours), "theirs": shape(theirs), "assigned": assigned}


def _lines(box):
    from volume.render.pdf import weasy

    if weasy.is_line(box):
        return [box]
    return [line for child in weasy.children(box) for line in _lines(child)]


def test_a_document_made_from_our_tree_is_weasyprints_own(child):
    found = child.submit(_documents_agree).result()
    assert found["assigned"] == {"base_url", "url_fetcher", "media_type", "wrapper_element", "etree_element"}, \
        "weasyprint.HTML's constructor sets other attributes now: document_from_tree must set them too"
    assert found["ours"] == found["theirs"] and found["ours"][0][1]


def _boxes_as_read() -> dict:
    _set_up()
    from weasyprint import HTML

    from volume.render.pdf import weasy

    page = HTML(string=PAGE).render().pages[0]
    root = weasy.page_box(page)
    found = {"empty_margins": weasy.empty_margin_boxes(page), "ids": [], "generated": 0, "texts": [],
             "replaced": weasy.is_replaced(root), "positions": []}
    stack = [root]
    while stack:
        box = stack.pop()
        element = weasy.element(box)
        if element is not None and element.get("id") and element.get("id") not in found["ids"]:
            found["ids"].append(element.get("id"))
        found["generated"] += weasy.is_generated(box)
        if weasy.is_text(box):
            found["texts"].append(weasy.text(box))
            found["positions"].append(weasy.position(box))
        stack.extend(reversed(weasy.children(box)))
    return found


def test_laid_out_boxes_are_read_as_assumed(child):
    found = child.submit(_boxes_as_read).result()
    assert found["empty_margins"] == ["@top-left"]  # the folio box left empty; the one with content is not listed
    assert found["ids"] == ["title", "first", "item", "second"]
    assert found["generated"] >= 1  # the list item's marker
    assert "A heading" in found["texts"] and "emphasis" in found["texts"]
    assert all(isinstance(x, float) and isinstance(y, float) for x, y in found["positions"])
    assert not found["replaced"]


def _anchor_becomes_destination() -> list[str]:
    _set_up()
    import io

    import pikepdf
    from weasyprint import HTML

    from volume.render.pdf import weasy

    document = HTML(string=PAGE).render()
    weasy.add_anchor(document.pages[0], "volume-added", 10.0, 20.0)
    pdf = pikepdf.open(io.BytesIO(document.write_pdf()))
    return sorted(str(name) for name in pikepdf.NameTree(pdf.Root.Names.Dests).keys())


def test_an_anchor_added_to_a_page_becomes_a_named_destination(child):
    assert "volume-added" in child.submit(_anchor_becomes_destination).result()


def _colour_operators() -> dict:
    """Every colour operator in WeasyPrint's content stream is a line of its own (what recolour_stream rewrites)."""
    _set_up()
    import io

    import pikepdf
    from weasyprint import HTML

    from volume.render.pdf import weasy

    pdf = pikepdf.open(io.BytesIO(HTML(string=PAGE).write_pdf()))
    page = pdf.pages[0]
    page.contents_coalesce()
    data = page.obj.Contents.read_bytes()
    operators = [str(op) for _operands, op in pikepdf.parse_content_stream(page)]
    colour = sum(op in ("rg", "RG", "g", "G") for op in operators)
    lines = [line for line in data.splitlines() if re.fullmatch(rb"(-?\d*\.?\d+ ){1,3}(rg|RG|g|G)", line)]
    recoloured = weasy.recolour_stream(data, lambda r, g, b: [0.1, 0.2, 0.3, 0.4])
    after = [str(op) for _operands, op in pikepdf.parse_content_stream(pikepdf.Stream(pdf, recoloured))]
    return {"colour": colour, "lines": len(lines), "left": sum(op in ("rg", "RG", "g", "G") for op in after),
            "cmyk": sum(op in ("k", "K") for op in after)}


def test_colour_operators_are_lines_of_their_own(child):
    found = child.submit(_colour_operators).result()
    assert found["colour"] >= 2  # the red text and the grey box at least
    assert found["lines"] == found["colour"], "WeasyPrint no longer writes each colour operator on a line of its own"
    assert found["left"] == 0 and found["cmyk"] == found["colour"]


def test_source_date_is_what_fonttools_stamps_and_is_undone():
    import os

    from fontTools.misc.timeTools import epoch_diff, timestampNow

    from volume.render.pdf.weasy import source_date

    before = os.environ.get("SOURCE_DATE_EPOCH")
    with source_date("2026-11-01T00:00:00Z"):
        expected = 1793491200 if before is None else int(before)
        assert timestampNow() == expected - epoch_diff
    assert os.environ.get("SOURCE_DATE_EPOCH") == before


NARROW = """<html lang="en"><head><style>@page { size: 1.2in 4in; margin: 0.1in; }
body { font-family: "Noto Serif"; font-size: 10pt; hyphens: auto; }</style></head><body>
<p>an internationalisation Internationalisation</p></body></html>"""


def _hyphenation_spares_capitals() -> dict:
    """With pyphen's name in WeasyPrint's line breaking replaced, a capitalised word is never broken, others are."""
    _set_up()
    from weasyprint import HTML
    from weasyprint.text import line_break

    from volume.render.pdf import weasy

    weasy.spare_capitalised_words()
    lines = [weasy.line_text(box) for box in _lines(weasy.page_box(HTML(string=NARROW).render().pages[0]))]
    source = inspect.getsource(line_break)
    return {"lines": lines, "ours": getattr(line_break.pyphen, "volume_spares_capitals", False),
            "uses": ["pyphen.Pyphen(" in source, "pyphen.language_fallback(" in source]}


def test_hyphenation_spares_capitalised_words(child):
    found = child.submit(_hyphenation_spares_capitals).result()
    assert found["ours"] and found["uses"] == [True, True], \
        "weasyprint.text.line_break no longer asks its module-level pyphen for dictionaries"
    broken = [line for line in found["lines"] if line.rstrip().endswith(("-", "\u2010"))]
    assert broken and all(line.strip()[:1].islower() or line.strip().startswith("an ") for line in broken), found
    assert "Internationalisation" in [line.strip() for line in found["lines"]], found


def _columns_document() -> str:
    """Several pages of two balanced columns after a heading, as the index is: groups, entries, links."""
    groups = []
    for letter in "ABCDEFGHIJ":
        entries = "".join(f'<li>{letter}{"lorem ipsum " * (n % 4)}term {n}, <a href="#t">{n * 7}</a>, '
                          f'<a href="#t">{n * 7 + 3}</a></li>' for n in range(14))
        groups.append(f'<section><h2>{letter}</h2><ul>{entries}</ul></section>')
    return f"""<html lang="en"><head><style>@page {{ size: 4in 5in; margin: 0.5in; }}
body {{ font-family: "Noto Serif"; font-size: 9pt; }} .columns {{ column-count: 2; column-gap: 1em; }}
ul {{ list-style: none; margin: 0; padding: 0; }} li {{ break-inside: avoid; }} h2 {{ font-size: 1.1em; }}
</style></head><body><h1 id="t">Index</h1><div class="columns">{"".join(groups)}</div></body></html>"""


def _pdf(document: str, patch: str | None) -> tuple[bytes, int, int]:
    """A document of this module (its function's name) as a PDF, laid out with weasy's `patch` applied or without:
    (bytes, pages, how often the patch took its shortcut)."""
    _set_up()
    from weasyprint import HTML
    from weasyprint.layout import block, percent

    from volume.render.pdf import weasy

    if patch:
        getattr(weasy, patch)()
    laid_out = HTML(string=globals()[document]()).render()
    shortcut = block.block_box_layout if patch == "reuse_column_trials" else percent.resolve_percentages
    return laid_out.write_pdf(), len(laid_out.pages), getattr(shortcut, "reused", 0)


def _both_ways(document: str, patch: str) -> list[tuple[bytes, int, int]]:
    """_pdf without the patch and with it, each in a fresh child process."""
    results = []
    for applied in (None, patch):
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            results.append(pool.submit(_pdf, document, applied).result())
    return results


def test_columns_placed_from_their_trials_are_laid_out_as_weasyprint_would():
    """The index's columns placed from their trial layouts (weasy.reuse_column_trials): the same PDF, byte for byte,
    as WeasyPrint's own two layouts give, and the trials were taken (or the patch no longer reaches them)."""
    (plain, pages, _), (reused, reused_pages, taken) = _both_ways("_columns_document", "reuse_column_trials")
    assert pages >= 3 and reused_pages == pages
    assert taken >= pages - 1, "columns_layout no longer places its columns by calling block_box_layout as assumed"
    assert reused == plain


def _styled_document() -> str:
    """Boxes whose used values depend on their containing block and style in each way resolve_percentages and
    Layout.setup read them: percentages, border-box sizing, collapsed table borders, decorations, spacing, features,
    a language override, first-line and first-letter styles, columns, a contents' absolutely placed numbers."""
    rows = "".join(f"<tr><td>{n}</td><td style='width: 30%'>cell {n} text</td></tr>" for n in range(12))
    contents = "".join(f'<li>Chapter {n} {"with a longer title " * (n % 3)}<a class="pg" href="#t">{n * 9}</a></li>'
                       for n in range(12))
    paragraphs = "".join(
        f'<p class="p{n % 4}">Paragraph {n}: <u>underlined</u> words, <span class="caps">Small Caps 0123</span>, '
        f'<a href="#t">a link</a>, <s>struck</s>, <em lang="de">deutsche Wörter</em>. {"lorem ipsum " * (n % 9)}</p>'
        for n in range(40))
    return f"""<html lang="en"><head><style>@page {{ size: 4in 5in; margin: 5%; @bottom-center {{ content: "x"; }} }}
body {{ font-family: "Noto Serif"; font-size: 9pt; }} p {{ margin: 2% 3%; padding: 1em 4%; }}
.p1 {{ box-sizing: border-box; width: 80%; border: 2px solid; letter-spacing: 0.05em; }}
.p2 {{ word-spacing: 0.3em; font-variant-numeric: oldstyle-nums; -weasy-font-language-override: "TRK"; }}
.p3 {{ column-count: 2; max-width: 90%; min-height: 3em; line-height: 150%; }}
.caps {{ font-variant: small-caps; }} p::first-line {{ font-weight: bold; }} p::first-letter {{ font-size: 150%; }}
table {{ border-collapse: collapse; width: 100%; }} td {{ border: 1px solid; padding: 2%; }}
li {{ position: relative; padding-right: 2.5em; }} .pg {{ position: absolute; right: 0; top: 0; height: 40%; }}
</style></head><body><h1 id="t">Title</h1><ul>{contents}</ul>{paragraphs}<table>{rows}</table></body></html>"""


def test_used_values_kept_per_style_lay_out_as_weasyprint_would():
    """Used values kept per style (weasy.keep_used_values): the same PDF, byte for byte, as WeasyPrint's own
    resolve_percentages, strut and Layout.setup give, and the kept values were taken (or the patch no longer
    reaches the layout modules, which import resolve_percentages by name)."""
    (plain, pages, _), (kept, kept_pages, reused) = _both_ways("_styled_document", "keep_used_values")
    assert pages >= 4 and kept_pages == pages
    assert reused > 100, "resolve_percentages is no longer called by the name keep_used_values replaces"
    assert kept == plain


def _written(identifier: bytes, thrown_away: tuple[str, ...] | None) -> tuple[bytes, int]:
    """_styled_document as a tagged PDF with an identifier, pydyf's objects serialised once
    (weasy.write_objects_once, `thrown_away` the stream types compressed at level 1; None: not patched), and how
    many times zlib's level-9 compressor was made while it was written."""
    _set_up()
    import zlib

    import pydyf
    from weasyprint import HTML

    from volume.render.pdf import weasy

    if thrown_away is not None:
        weasy.THROWN_AWAY = thrown_away
        weasy.write_objects_once()
    made = []

    class Counting:
        compress = staticmethod(zlib.compress)

        @staticmethod
        def compressobj(*args, **kwargs):
            made.append(1)
            return zlib.compressobj(*args, **kwargs)

    document = HTML(string=_styled_document()).render()
    pydyf.zlib = Counting
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier), len(made)

def test_objects_serialised_once_give_the_same_file_and_the_thrown_away_streams_only_differ():
    """pydyf asked for each object's bytes once per write (weasy.write_objects_once): without the cheaper
    compression the file is WeasyPrint's own byte for byte, with each stream compressed once instead of twice (the
    /ID's hash asked for them again); with it, only the object and cross-reference streams differ: every page's
    content stream, which the joined book copies, is the same."""
    import io

    import pikepdf

    identifier = b"volume-test-piece"
    runs = {}
    for name, thrown_away in (("plain", None), ("once", ()), ("cheap", ("/ObjStm", "/XRef"))):
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            runs[name] = pool.submit(_written, identifier, thrown_away).result()
    (plain, plain_made), (once, once_made), (cheap, cheap_made) = runs["plain"], runs["once"], runs["cheap"]
    assert once == plain
    # every stream but the cross-reference stream (made after the hash) was compressed twice
    assert plain_made == 2 * once_made - 1 > 0, "PDF.write no longer asks for every stream's bytes again"
    assert cheap != plain and cheap_made < once_made

    def contents(data: bytes) -> list[bytes]:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return [page.obj.Contents.read_raw_bytes() for page in pdf.pages]

    assert contents(cheap) == contents(plain) and len(contents(plain)) >= 4
