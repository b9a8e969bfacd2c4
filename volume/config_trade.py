"""The manifest's tables for the printer and the distributors: [print], [cover], [prices] and [onix]."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from volume.diagnostics import SourceLocation

PRINT_KEYS = {"paper", "ppi", "caliper", "spine_text_min"}
COVER_KEYS = {"image", "image_credit", "back_text"}
PRICE_KEYS = {"currency", "print", "epub", "pdf"}
ONIX_KEYS = {"bisac", "thema"}
TRADE_TABLES = {"print", "cover", "prices", "onix"}

# Pages per inch of the papers named without figures: the per-page thicknesses print-on-demand services publish
# for their standard stocks (white 0.002252 in, cream 0.0025 in a page). A printer's own quote wins: give ppi or
# caliper.
PAPER_PRESETS = {"white": 444.0, "cream": 400.0}
DEFAULT_PAPER = "white"
DEFAULT_SPINE_TEXT_MIN = "0.25in"
PPI_RANGE = (200.0, 1200.0)  # from heavy coated stock to bible paper; outside it a figure is surely mistyped
POINTS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "um": 72 / 25400}
LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt|in|mm|cm|um|µm)\s*$")

# BISAC: three letters and six digits (POL011000). Thema: a subject category is letters (JPSF); a qualifier begins
# with its type's digit 1-6 (1FPC place, 2ACB language, 3MPQ time …) and may carry a national extension (-GB-…).
BISAC_SHAPE = re.compile(r"^[A-Z]{3}\d{6}$")
THEMA_SHAPE = re.compile(r"^(?:[A-Z]{1,8}|[1-6][A-Z0-9]{1,8}(?:-[A-Z0-9]{1,6}){0,3})$")


def points(text: str) -> float | None:
    """A length such as "0.25in", "6.35mm" or "100um" in PDF points; None if it is not one."""
    match = LENGTH.match(text) if isinstance(text, str) else None
    if not match:
        return None
    return float(match.group(1)) * POINTS[match.group(2).replace("µm", "um")]


def trim_points(trim_size: tuple[str, str]) -> tuple[float, float]:
    """The manifest's trim size (already checked) as (width, height) in points."""
    return points(trim_size[0]), points(trim_size[1])


@dataclass(frozen=True)
class Paper:
    """The interior paper: its name and how many pages make an inch of spine."""

    name: str = DEFAULT_PAPER
    ppi: float = PAPER_PRESETS[DEFAULT_PAPER]
    basis: str = "preset"  # preset | ppi | caliper

    def spine_points(self, pages: int) -> float:
        """The spine's width for this many pages: pages ÷ PPI."""
        return pages / self.ppi * 72.0


@dataclass(frozen=True)
class PrintSettings:
    paper: Paper = field(default_factory=Paper)
    spine_text_min: float = 18.0  # points (0.25 in): a narrower spine carries no text


@dataclass(frozen=True)
class CoverSettings:
    image: str = ""  # a file in the chapters folder
    image_credit: str = ""
    back_text: str = ""  # the back cover's copy; the manifest's description when empty
    location: SourceLocation | None = None  # where image = … stands in the manifest


@dataclass(frozen=True)
class Prices:
    currency: str = ""
    print: str = ""  # amounts with two decimals, e.g. "24.95"; empty when not given
    epub: str = ""
    pdf: str = ""


@dataclass(frozen=True)
class OnixSettings:
    bisac: tuple[str, ...] = ()
    thema: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trade:
    """What the cover wrap and the ONIX records need beyond [volume]."""

    print: PrintSettings = field(default_factory=PrintSettings)
    cover: CoverSettings = field(default_factory=CoverSettings)
    prices: Prices = field(default_factory=Prices)
    onix: OnixSettings = field(default_factory=OnixSettings)


def read_trade(reader, data: dict[str, Any]) -> Trade:
    """The four tables, every problem reported through the manifest reader (config._Reader)."""
    tables = {}
    for name in TRADE_TABLES:
        table = data.get(name, {})
        if not isinstance(table, dict):
            reader.report.add("M005", f"[{name}] must be a table", reader.where(name))
            table = {}
        tables[name] = table
    return Trade(print=_print(reader, tables["print"]), cover=_cover(reader, tables["cover"]),
                 prices=_prices(reader, tables["prices"]), onix=_onix(reader, tables["onix"]))


def _number(reader, table: dict, key: str) -> float | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        reader.report.add("M022", f"'{key}' must be a number such as 444", reader.where(key))
        return None
    return float(value)


def _paper(reader, table: dict) -> Paper:
    name = reader.string(table, "paper", DEFAULT_PAPER) or DEFAULT_PAPER
    ppi = _number(reader, table, "ppi")
    caliper_text = table.get("caliper")
    caliper = None
    if caliper_text is not None:
        caliper = points(caliper_text) if isinstance(caliper_text, str) else None
        if not caliper:
            reader.report.add("M022", "'caliper' is the thickness of one leaf (two pages) with its unit, such as "
                              "\"0.1mm\", \"100um\" or \"0.0045in\"", reader.where("caliper"))
    if ppi is not None and caliper:
        reader.report.add("M022", "give either ppi or caliper, not both (ppi = 2 ÷ caliper in inches)",
                          reader.where("caliper"))
    if ppi is None and caliper:
        ppi, basis = 2 * 72.0 / caliper, "caliper"
    elif ppi is not None:
        basis = "ppi"
    elif name.lower() in PAPER_PRESETS:
        return Paper(name.lower(), PAPER_PRESETS[name.lower()], "preset")
    else:
        if caliper_text is None:
            reader.report.add("M021", f"paper '{name}' is not one of {', '.join(sorted(PAPER_PRESETS))}: give its "
                              "pages per inch (ppi = 444) or the caliper of one leaf (caliper = \"0.1mm\") from the "
                              "printer's quote", reader.where("paper"))
        return Paper()
    if not PPI_RANGE[0] <= ppi <= PPI_RANGE[1]:
        reader.report.add("M022", f"{ppi:.0f} pages per inch is not a book paper (between {PPI_RANGE[0]:.0f} and "
                          f"{PPI_RANGE[1]:.0f}); check the figure and its unit", reader.where(basis))
        return Paper()
    return Paper(name, ppi, basis)


def _print(reader, table: dict) -> PrintSettings:
    reader.check_keys(table, PRINT_KEYS, "print")
    paper = _paper(reader, table)
    minimum = reader.string(table, "spine_text_min", DEFAULT_SPINE_TEXT_MIN)
    width = points(minimum)
    if width is None:
        reader.report.add("M005", "'spine_text_min' must be a length such as \"0.25in\" or \"6mm\"",
                          reader.where("spine_text_min"))
        width = points(DEFAULT_SPINE_TEXT_MIN)
    return PrintSettings(paper=paper, spine_text_min=width)


def _cover(reader, table: dict) -> CoverSettings:
    reader.check_keys(table, COVER_KEYS, "cover")
    image = reader.string(table, "image")
    credit = reader.string(table, "image_credit")
    if image and not credit:
        reader.report.add("C003", f"the cover image '{image}' needs its credit and licence: add image_credit = "
                          "\"Photograph: Name, CC BY 4.0\" under [cover]", reader.where("image"))
    return CoverSettings(image=image, image_credit=credit, back_text=reader.string(table, "back_text"),
                         location=reader.where("image") if image else None)


def _amount(reader, table: dict, key: str) -> str:
    value = table.get(key)
    if value is None:
        return ""
    try:
        amount = Decimal(str(value)) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        reader.report.add("M025", f"price '{key}' must be an amount such as 24.95 (at most two decimals)",
                          reader.where(key))
        return ""
    return str(amount.quantize(Decimal("0.01")))


def _prices(reader, table: dict) -> Prices:
    import pycountry

    reader.check_keys(table, PRICE_KEYS, "prices")
    amounts = {key: _amount(reader, table, key) for key in ("print", "epub", "pdf")}
    currency = reader.string(table, "currency").upper()
    if currency and pycountry.currencies.get(alpha_3=currency) is None:
        reader.report.add("M025", f"currency '{currency}' is not an ISO 4217 code such as USD, GBP or EUR",
                          reader.where("currency"))
        currency = ""
    elif any(amounts.values()) and not currency:
        reader.report.add("M025", "prices need their currency: add currency = \"USD\" (or GBP, EUR …) under "
                          "[prices]", reader.where("prices"))
    return Prices(currency=currency, **amounts)


def _codes(reader, table: dict, key: str, shape: re.Pattern, example: str) -> tuple[str, ...]:
    codes = tuple(code.upper() for code in reader.strings(table, key))
    code_name = {"bisac": "BISAC", "thema": "Thema"}[key]
    for code in codes:
        if not shape.match(code):
            reader.report.add("M023" if key == "bisac" else "M024",
                              f"'{code}' is not a {code_name} code: {example}", reader.where(key))
    return tuple(code for code in codes if shape.match(code))


def _onix(reader, table: dict) -> OnixSettings:
    reader.check_keys(table, ONIX_KEYS, "onix")
    return OnixSettings(
        bisac=_codes(reader, table, "bisac", BISAC_SHAPE,
                     "three capital letters and six digits, such as POL011000 (BISAC's list names them)"),
        thema=_codes(reader, table, "thema", THEMA_SHAPE,
                     "a subject category in capitals such as JPSF, or a qualifier starting with its digit 1-6 "
                     "such as 1FPC (Thema's list names them)"))
