"""Every use volume makes of WeasyPrint's private API, in one place; tests/test_weasy.py checks each assumption and
fails loudly when a WeasyPrint upgrade breaks one.

- Fonts are cut by the HarfBuzz that uharfbuzz carries: `weasyprint.pdf.fonts.Font.subset` is replaced (WeasyPrint
  cuts with the system's libharfbuzz-subset when there is one, with fontTools otherwise, so the bytes would depend
  on the machine). Glyph ids are kept as WeasyPrint keeps them; sorted, so the cut never depends on set order.
- Hyphenation spares capitalised words: WeasyPrint asks `weasyprint.text.line_break.pyphen.Pyphen` (the module it
  imported) for a word's break points; that name is replaced by a dictionary that answers none for them.
- A document is made from a tree lxml parsed: a `weasyprint.HTML` built without its own parser (`HTML.__new__`, the
  attributes its constructor sets, `cssselect2.ElementWrapper.from_html_root`).
- The laid-out boxes are read: `page._page_box`, the box classes, `box.element`, `box.element_tag`, a margin box's
  `at_keyword` and `style["content"]`, a text box's `text` and position; and an anchor added to `page.anchors`
  before the PDF is written becomes a named destination.
- Content streams: WeasyPrint writes one operator per line and text as hex strings, so a colour operator is a
  whole line of its own (the print edition rewrites those lines).
- Multi-column layout (the index) reuses its trial layouts: `weasyprint.layout.column.columns_layout` lays each
  page's columns out once to learn whether they fit and again to place them, with the same height and break; the
  second time, the first's boxes are taken, moved to their column (`layout.block.block_box_layout`, called by name
  from inside `columns_layout`; `Box.translate`; a column box's `is_column`). Only when the columns hold nothing that
  a layout registers beside its boxes (floats, positioned boxes, footnotes, running elements).
- Used values are kept per style object (`keep_used_values`): `layout.percent.resolve_percentages` (imported by name
  into the layout modules), `text.line_break.strut` (imported by name too) and `text.line_break.Layout.setup` (its
  Pango context, language, font description, decoration metrics and features attribute) are functions of a style's
  values, which WeasyPrint fixes before layout (it copies a style before changing one); the per-style results are
  kept in the style object's `__dict__`.
- fontTools, which WeasyPrint uses for variable and colour fonts, stamps a font with the clock unless
  SOURCE_DATE_EPOCH is set.
- pydyf (`PDF.write`, the `data` of `Dictionary`, `Array` and `Stream`, `_to_bytes`): given an identifier,
  `PDF.write` serialises every object a second time to hash it for the file's /ID; within one write each object's
  bytes are kept the first time (`write_objects_once`). A piece's object and cross-reference streams, which qpdf
  reads and never copies, are compressed at zlib level 1 instead of 9.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from typing import Callable

log = logging.getLogger(__name__)


# Fonts


def use_uharfbuzz_subsetter() -> None:
    """Replace weasyprint.pdf.fonts.Font.subset (in this process) by a cut through uharfbuzz."""
    from weasyprint.pdf import fonts

    if getattr(fonts.Font.subset, "volume_uharfbuzz", False):
        return

    def subset(self, to_unicode, hinting):
        from volume.harfbuzz import subset_font

        if not to_unicode:
            return
        data = subset_font(self.file_content, glyphs=set(to_unicode), hinting=hinting, notdef=bool(self.missing),
                           index=self.index)
        if data is None:
            log.warning('HarfBuzz could not cut the font "%s"; it is embedded whole', self.family)
            return
        self.file_content = data

    subset.volume_uharfbuzz = True
    fonts.Font.subset = subset


def spare_capitalised_words() -> None:
    """Never hyphenate a word that begins with a capital (names: "Kazakhstan", "Astana"), as TeX's \\uchyph=0.

    WeasyPrint asks pyphen for a word's break points only when a line must break inside it; CSS has no property
    for this, so the dictionary WeasyPrint makes (in this process) answers "none" for capitalised words.
    """
    import types

    import pyphen
    from weasyprint.text import line_break

    if getattr(line_break.pyphen, "volume_spares_capitals", False):
        return

    class SparingPyphen(pyphen.Pyphen):
        def iterate(self, word):
            if word[:1].isupper():
                return iter(())
            return super().iterate(word)

    line_break.pyphen = types.SimpleNamespace(Pyphen=SparingPyphen, language_fallback=pyphen.language_fallback,
                                              volume_spares_capitals=True)


def reuse_column_trials() -> None:
    """Make WeasyPrint place each page's columns from the layout it tried them with (in this process).

    columns_layout lays the columns out to see whether the content fits at the page's height (or, on the last page,
    at each height it tries while balancing), then lays them out again at that height to place them: the same work
    twice, half of the index's layout. Its trial calls pass a list of adjoining margins, its placing calls None, each
    with a column box made by `_create_column_box` (`is_column`); a placing call with the same skip stack, space
    below, top, width and arguments as a trial of the same columns_layout call takes that trial's boxes, moved
    across to its column.
    """
    from weasyprint.layout import block

    if getattr(block.block_box_layout, "volume_reuses_trials", False):
        return
    lay_out, lay_out_columns = block.block_box_layout, block.columns_layout
    calls: list[dict] = []  # per columns_layout call under way: its trials' boxes by what they were laid out for

    def columns_layout(*args, **kwargs):
        calls.append({})
        try:
            return lay_out_columns(*args, **kwargs)
        finally:
            calls.pop()

    def block_box_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty, absolute_boxes,
                         fixed_boxes, adjoining_margins, *args, **kwargs):
        if not calls or not getattr(box, "is_column", False) or bottom_space == float("inf"):
            return lay_out(context, box, bottom_space, skip_stack, containing_block, page_is_empty, absolute_boxes,
                           fixed_boxes, adjoining_margins, *args, **kwargs)
        trials = calls[-1]
        key = (repr(skip_stack), bottom_space, box.position_y, box.width, page_is_empty, args,
               tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # a ::first-letter or ::first-line style passed down: laid out as WeasyPrint does
            return lay_out(context, box, bottom_space, skip_stack, containing_block, page_is_empty, absolute_boxes,
                           fixed_boxes, adjoining_margins, *args, **kwargs)
        trial = adjoining_margins is not None
        if not trial and key in trials:
            result, x = trials.pop(key)
            result[0].translate(box.position_x - x, 0)
            block_box_layout.reused += 1
            return result
        result = lay_out(context, box, bottom_space, skip_stack, containing_block, page_is_empty, absolute_boxes,
                         fixed_boxes, adjoining_margins, *args, **kwargs)
        if trial and result[0] is not None and _self_contained(result[0]):
            trials[key] = (result, box.position_x)
        return result

    block_box_layout.volume_reuses_trials = True
    block_box_layout.reused = 0  # placing layouts taken from a trial (tests/test_weasy.py)
    block.block_box_layout, block.columns_layout = block_box_layout, columns_layout


# Used values kept per style


# what weasyprint.layout.percent.resolve_percentages sets on a box: every one a function of the box's style and its
# containing block's size alone (the border widths too, unless the borders collapse)
RESOLVED = ("margin_left", "margin_right", "margin_top", "margin_bottom", "padding_left", "padding_right",
            "padding_top", "padding_bottom", "width", "min_width", "max_width", "height", "min_height", "max_height",
            "border_top_width", "border_right_width", "border_bottom_width", "border_left_width")
PERCENT_MODULES = ("percent", "inline", "page", "float", "grid", "absolute", "block", "column", "table")


THROWN_AWAY = ("/ObjStm", "/XRef")  # streams of a piece's file that the joined book never copies (qpdf writes its own)


def write_objects_once() -> None:
    """Make pydyf serialise each object once per file written (in this process), and compress cheaply what the
    joining throws away.

    `PDF.write` with an identifier (every piece has one) computes the second half of the file's /ID as the MD5 of
    every object's bytes, asking each object for them again: every dictionary was serialised, and every content
    stream joined and compressed at zlib level 9, twice. While a PDF is written, an object's bytes are now kept on
    first use (nothing changes an object while it is written), so the hash is taken over the very bytes written and
    the file is the same. The object streams and the cross-reference stream are compressed at level 1: the joined
    book (and a stamped piece) is written by qpdf, which reads those streams and writes its own, so the editions'
    bytes do not depend on them; the content streams, which qpdf copies as they are, keep level 9."""
    import zlib

    import pydyf

    if getattr(pydyf.PDF.write, "volume_once", False):
        return
    write = pydyf.PDF.write
    kept: list[dict | None] = [None]  # id(object) -> (object, its bytes), only while a PDF is written

    def quick(stream, serialise) -> bytes:
        if not stream.compress or stream.extra.get("Type") not in THROWN_AWAY:
            return serialise(stream)
        extra = pydyf.Dictionary(stream.extra.copy())
        extra["Filter"] = "/FlateDecode"
        packed = zlib.compress(b"\n".join(pydyf._to_bytes(item) for item in stream.stream), 1)
        extra["Length"] = len(packed)
        return b"\n".join((extra.data, b"stream", packed, b"endstream"))

    def once(serialise, streams: bool):
        def data(self):
            memo = kept[0]
            if memo is None:
                return serialise(self)
            found = memo.get(id(self))
            if found is None:
                found = memo[id(self)] = (self, quick(self, serialise) if streams else serialise(self))
            return found[1]
        return property(data)

    def write_once(self, *args, **kwargs):
        kept[0] = {}
        try:
            return write(self, *args, **kwargs)
        finally:
            kept[0] = None

    write_once.volume_once = True
    for kind in (pydyf.Dictionary, pydyf.Array, pydyf.Stream):
        kind.data = once(kind.data.fget, kind is pydyf.Stream)
    pydyf.PDF.write = write_once


def keep_used_values() -> None:
    """Remember, on each style object, what WeasyPrint works out again for every box that shares it: the used
    margins, paddings, sizes and borders for a containing block's size (`layout.percent.resolve_percentages`, called
    by name from the layout modules that import it, for every box at every line: a tenth of a chapter's layout), and
    the line height and baseline of its strut (`text.line_break.strut`, which builds a string key of fourteen style
    values for its cache at every call). Both are functions of the style's values, which are fixed once the boxes
    are built, so the boxes and the PDF are the same (tests/test_weasy.py)."""
    import importlib

    from weasyprint.formatting_structure import boxes
    from weasyprint.text import line_break

    percent = importlib.import_module("weasyprint.layout.percent")
    if getattr(percent.resolve_percentages, "volume_keeps", False):
        return
    resolve, find_strut = percent.resolve_percentages, line_break.strut
    page_box = boxes.PageBox

    def resolve_percentages(box, containing_block):
        style = box.style
        if style["border_collapse"] == "collapse":
            return resolve(box, containing_block)
        if isinstance(containing_block, boxes.Box):
            key = (containing_block.width, containing_block.height, isinstance(box, page_box))
        else:
            width, height = containing_block
            key = (width, height, isinstance(box, page_box))
        kept = style.__dict__.setdefault("volume_resolved", {})
        values = kept.get(key)
        if values is None:
            resolve(box, containing_block)
            kept[key] = {name: getattr(box, name) for name in RESOLVED}
        else:
            box.__dict__.update(values)
            resolve_percentages.reused += 1

    def strut(style):
        found = style.__dict__.get("volume_strut")
        if found is None:
            found = style.__dict__["volume_strut"] = find_strut(style)
        return found

    def setup(self, style):  # Layout.setup, its Pango context, language, font and features made once per style
        kept = style.__dict__.get("volume_pango")
        if kept is None:
            kept = style.__dict__["volume_pango"] = _pango_setup(style, line_break)
        context, language, description, metrics, features = kept
        self.style, self.first_line_direction, self.language = style, 0, language
        self.layout = ffi.gc(pango.pango_layout_new(context), gobject.g_object_unref)
        pango.pango_layout_set_auto_dir(self.layout, False)
        pango.pango_layout_set_font_description(self.layout, description)
        self.__dict__.update(metrics)
        if features is not None:
            attr_list = pango.pango_attr_list_new()
            pango.pango_attr_list_insert(attr_list, features)
            pango.pango_layout_set_attributes(self.layout, attr_list)

    from weasyprint.text.ffi import ffi, gobject, pango

    line_break.Layout.setup = setup
    resolve_percentages.volume_keeps = True
    resolve_percentages.reused = 0  # boxes given their used values from their style's (tests/test_weasy.py)
    for name in PERCENT_MODULES:
        module = importlib.import_module(f"weasyprint.layout.{name}")
        if getattr(module, "resolve_percentages", None) is resolve:
            module.resolve_percentages = resolve_percentages
    for name in ("weasyprint.text.line_break", "weasyprint.layout.inline", "weasyprint.css.units",
                 "weasyprint.css.computed_values"):
        module = importlib.import_module(name)
        if getattr(module, "strut", None) is find_strut:
            module.strut = strut


def _pango_setup(style, line_break) -> tuple:
    """What WeasyPrint's Layout.setup (text/line_break.py) makes of a style before it makes the layout itself: the
    Pango context, the language, the font description, the decoration metrics and the font features' attribute."""
    from weasyprint.text.constants import LST_TO_ISO, PANGO_DIRECTION
    from weasyprint.text.ffi import FROM_UNITS, ffi, gobject, pango, unicode_to_char_p
    from weasyprint.text.fonts import font_features, get_font_description

    context = ffi.gc(pango.pango_font_map_create_context(style.font_config.font_map), gobject.g_object_unref)
    pango.pango_context_set_round_glyph_positions(context, False)
    pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
    override = style["font_language_override"]
    lang = (LST_TO_ISO.get(override.lower(), override) if override != "normal" else style["lang"]) or None
    if lang:
        lang_p, _kept = unicode_to_char_p(lang)
        language = pango.pango_language_from_string(lang_p)
        pango.pango_context_set_language(context, language)
    else:
        language = pango.pango_language_get_default()
    description = get_font_description(style)
    if style["text_decoration_line"] != "none":
        found = ffi.gc(pango.pango_context_get_metrics(context, description, language),
                       pango.pango_font_metrics_unref)
        metrics = {name: FROM_UNITS * getattr(pango, f"pango_font_metrics_get_{name}")(found)
                   for name in ("ascent", "underline_position", "strikethrough_position", "underline_thickness",
                                "strikethrough_thickness")}
    else:
        metrics = {"ascent": None, "underline_position": None, "strikethrough_position": None}
    features = font_features(style["font_kerning"], style["font_variant_ligatures"], style["font_variant_position"],
                             style["font_variant_caps"], style["font_variant_numeric"],
                             style["font_variant_alternates"], style["font_variant_east_asian"],
                             style["font_feature_settings"])
    attr = None
    if features:
        features = ",".join(f"{key} {value}" for key, value in features.items()).encode()
        attr = style.font_config.font_features.setdefault(features, pango.pango_attr_font_features_new(features))
    return context, language, description, metrics, attr


def _self_contained(box) -> bool:
    """Whether a laid-out box tree holds nothing that its layout registers outside it (floats, positioned boxes,
    footnotes, running elements): then placing it is moving it."""
    stack = [box]
    while stack:
        box = stack.pop()
        style = box.style
        if (style["position"] not in ("static", "relative") or style["float"] != "none" or box.footnote is not None
                or box.note is not None):
            return False
        stack.extend(getattr(box, "children", None) or ())
    return True


@contextmanager
def source_date(stamp: str):
    """While the block runs, SOURCE_DATE_EPOCH is the volume's date (unless the build was given one), so that fontTools
    stamps a font it writes with it instead of the clock; the environment is as it was afterwards."""
    import datetime

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if stamp and not (previous or "").strip().isdigit():
        moment = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


# Documents


def document_from_tree(root, base_url: str, url_fetcher):
    """A weasyprint.HTML for a document already parsed: `root`, an xml.etree <html> element as WeasyPrint's own
    parser (tinyhtml5) builds it (plain tag names, no namespaces)."""
    import cssselect2
    from weasyprint import HTML

    document = HTML.__new__(HTML)
    document.base_url = base_url
    document.url_fetcher = url_fetcher
    document.media_type = "print"
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    document.etree_element = document.wrapper_element.etree_element
    return document


# Boxes


def page_box(page):
    """The root of a laid-out page's box tree."""
    return page._page_box


def children(box) -> list:
    return getattr(box, "children", None) or []


def element(box):
    """The element (a cssselect2 wrapper's etree element, with .get) a box was made for, or None."""
    return getattr(box, "element", None)


def is_generated(box) -> bool:
    """A box of ::before, ::after or ::marker content: text that is not in the HTML."""
    return "::" in (getattr(box, "element_tag", "") or "")


def is_margin(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.MarginBox)


def is_line(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.LineBox)


def is_text(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.TextBox)


def is_replaced(box) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.ReplacedBox)


def text(box) -> str:
    """A text box's text."""
    return box.text


def line_text(box) -> str:
    """The text of a line box."""
    return "".join(t.text for t in box.descendants() if is_text(t))


def position(box) -> tuple[float, float]:
    return box.position_x, box.position_y


def empty_margin_boxes(page) -> list[str]:
    """The at-keywords (`@top-left`, …) of a page's margin boxes whose content is the empty string."""
    return [child.at_keyword for child in page_box(page).children
            if is_margin(child) and child.style["content"] == (("string", ""),)]


def add_anchor(page, name: str, x: float, y: float) -> None:
    """A place on the page, written as a named destination with the page's own anchors (kept if already there)."""
    page.anchors.setdefault(name, (x, y, 0, 0))


# Content streams

_NUMBER = rb"(-?\d*\.?\d+)"
_RGB = re.compile(rb"(?m)^" + _NUMBER + rb" " + _NUMBER + rb" " + _NUMBER + rb" (rg|RG)$")
_GRAY = re.compile(rb"(?m)^" + _NUMBER + rb" (g|G)$")


def recolour_stream(data: bytes, cmyk: Callable[[float, float, float], list[float]]) -> bytes:
    """A content stream WeasyPrint wrote, its DeviceRGB and DeviceGray colour operators made DeviceCMYK by `cmyk`
    (red, green, blue → four values): each such operator is a line of its own."""
    def rgb(match):
        values = cmyk(*(float(v) for v in match.groups()[:3]))
        return " ".join(f"{v:g}" for v in values).encode() + (b" k" if match.group(4) == b"rg" else b" K")

    def gray(match):
        return f"0 0 0 {1 - float(match.group(1)):g}".encode() + (b" k" if match.group(2) == b"g" else b" K")

    return _GRAY.sub(gray, _RGB.sub(rgb, data))
