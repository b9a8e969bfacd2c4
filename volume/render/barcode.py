"""The back cover's barcode: the print ISBN as an EAN-13 with its price add-on (EAN-5), drawn by python-barcode.

python-barcode draws the EAN-13 (guard bars, the digits under the bars, the first one outside them); it has no
add-on, so the EAN-5 is a Barcode subclass of our own that uses its symbol tables and its SVG writer. The two are
placed side by side with "ISBN …" above, as one SVG in millimetres, for a white box on the cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from barcode.base import Barcode
from barcode.charsets import ean as symbols
from barcode.ean import EuropeanArticleNumber13
from barcode.writer import SVGWriter
from lxml import etree

from volume.xhtml import escape_attr, escape_text

SVG = "http://www.w3.org/2000/svg"
MODULE = 0.33  # mm: EAN-13 at 100 % magnification
BAR_HEIGHT = 20.0  # mm: the normal bars (the guard bars are 10 % longer)
ADDON_GAP = 9  # modules between the EAN-13 and its add-on (7 to 12 allowed)
PADDING = 2.5  # mm of white around the symbols, beyond their own quiet zones
DIGITS_PT = 8.5
# The add-on's first digit names the currency of the price in the other four (in cents, or pence). Book-trade
# convention in the English-speaking markets; prices of 100 or more are written 9999.
ADDON_CURRENCY = {"GBP": "0", "AUD": "3", "NZD": "4", "USD": "5", "CAD": "6"}
# Which of the add-on's digits take the even-parity (G) symbols, by the add-on's own checksum.
ADDON_PARITY = ("GGLLL", "GLGLL", "GLLGL", "GLLLG", "LGGLL", "LLGGL", "LLLGG", "LGLGL", "LGLLG", "LLGLG")


def isbn13(isbn: str) -> str:
    """The 13 digits of an ISBN (an ISBN-10 gains its 978 prefix and a new check digit)."""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10:
        body = "978" + digits[:9]
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
        return body + str((10 - total % 10) % 10)
    return digits


def price_addon(amount: str, currency: str) -> str | None:
    """The five digits of the price add-on, or None when the currency has no add-on convention."""
    if not amount or currency not in ADDON_CURRENCY:
        return None
    cents = int(Decimal(amount) * 100)
    return ADDON_CURRENCY[currency] + (f"{cents:04d}" if cents < 10000 else "9999")


class PriceAddOn(Barcode):
    """The EAN-5 add-on: a start pattern, then five digits in L or G symbols separated by 01."""

    name = "EAN-5"
    digits = 5

    def __init__(self, code: str, writer=None) -> None:
        if len(code) != 5 or not code.isdigit():
            raise ValueError(f"an EAN-5 add-on has five digits, not {code!r}")
        self.code = code
        self.writer = writer or SVGWriter()

    def get_fullcode(self) -> str:
        return self.code

    def build(self) -> list[str]:
        check = sum(int(d) * (3 if i % 2 == 0 else 9) for i, d in enumerate(self.code)) % 10
        parts = [symbols.CODES["A" if parity == "L" else "B"][int(digit)]
                 for digit, parity in zip(self.code, ADDON_PARITY[check])]
        return ["1011" + "01".join(parts)]


@dataclass(frozen=True)
class BarcodeBox:
    svg: str  # an <svg> element, sized in millimetres
    width: float  # mm
    height: float  # mm


def _writer() -> SVGWriter:
    writer = SVGWriter()
    writer.compress = True  # compact XML: no whitespace inside the digits' <text>
    writer.with_doctype = False
    return writer


def _symbol(code: Barcode, options: dict, text: str | None = None) -> etree._Element:
    data = code.render({"background": None, "foreground": "black", "module_width": MODULE, **options}, text)
    return etree.fromstring(data)


def _mm(element: etree._Element, name: str) -> float:
    return float(element.get(name).removesuffix("mm"))


def barcode_box(isbn: str, addon: str | None) -> BarcodeBox:
    """The ISBN's barcode (and the add-on when given) with "ISBN …" above, on white, as one SVG."""
    digits = isbn13(isbn)
    quiet = 11 * MODULE
    main = _symbol(EuropeanArticleNumber13(digits, writer=_writer(), guardbar=True),
                   {"module_height": BAR_HEIGHT, "quiet_zone": quiet, "font_size": DIGITS_PT, "text_distance": 0.5,
                    "margin_top": 0, "margin_bottom": 0},
                   text=f"{digits[0]} {digits[1:7]} {digits[7:]}" + ("" if addon else " >"))
    label_height = 4.0
    width = _mm(main, "width")
    parts = [_placed(main, PADDING, PADDING + label_height)]
    if addon:
        shift = 3.2  # the add-on's bars start lower, its digits above them
        extra = _symbol(PriceAddOn(addon, writer=_writer()),
                        {"module_height": BAR_HEIGHT - shift, "quiet_zone": 0, "write_text": False,
                         "margin_top": 0, "margin_bottom": 0})
        x = PADDING + quiet + 95 * MODULE + ADDON_GAP * MODULE
        y = PADDING + label_height + shift
        parts.append(_placed(extra, x, y))
        addon_width = 47 * MODULE
        parts.append(f'<text x="{x + addon_width / 2:.3f}" y="{y - 0.8:.3f}" text-anchor="middle" '
                     f'font-size="{DIGITS_PT * 25.4 / 72:.3f}">{addon}</text>')
        parts.append(f'<text x="{x + addon_width + 5 * MODULE:.3f}" y="{y - 0.8:.3f}" '
                     f'font-size="{DIGITS_PT * 25.4 / 72:.3f}">&gt;</text>')
        width = x + addon_width + 7 * MODULE - PADDING
    box_width = width + 2 * PADDING
    box_height = label_height + _mm(main, "height") + 2 * PADDING
    label = f"ISBN {isbn}" if len(isbn.replace("-", "")) == 13 else f"ISBN {digits}"
    svg = (f'<svg xmlns="{SVG}" width="{box_width:.3f}mm" height="{box_height:.3f}mm" '
           f'viewBox="0 0 {box_width:.3f} {box_height:.3f}" font-family="Noto Serif" role="img" '
           f'aria-label="{escape_attr(label)}">'
           f'<rect width="{box_width:.3f}" height="{box_height:.3f}" fill="white"/>'
           f'<text x="{PADDING + quiet + 95 * MODULE / 2:.3f}" y="{PADDING + label_height - 1.2:.3f}" '
           f'text-anchor="middle" font-size="{8 * 25.4 / 72:.3f}">{escape_text(label)}</text>'
           + "".join(parts) + "</svg>")
    return BarcodeBox(svg, box_width, box_height)


def _placed(svg: etree._Element, x: float, y: float) -> str:
    """python-barcode's drawing moved to (x, y), in the millimetre user units of the SVG it is put into (it
    writes its lengths with "mm" and its font size in points)."""
    group = svg.find(f"{{{SVG}}}g")
    for element in group.iter():
        for name in ("x", "y", "width", "height"):
            value = element.get(name)
            if value and value.endswith("mm"):
                element.set(name, value.removesuffix("mm"))
        style = element.get("style")
        if style:
            element.set("style", re.sub(r"font-size:([\d.]+)pt", lambda m: f"font-size:{float(m.group(1)) * 25.4 / 72:.3f}px",
                                        style))
    group.set("transform", f"translate({x:.3f} {y:.3f})")
    group.attrib.pop("id", None)
    etree.cleanup_namespaces(group)
    return etree.tostring(group, encoding="unicode").replace(f' xmlns="{SVG}"', "")
