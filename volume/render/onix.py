"""ONIX 3.0 product records for distributors: one Product per edition (print, EPUB, PDF), from the manifest and the
editions' real page counts. Reference tags; codes from EDItEUR's code lists (each list named where it is used)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from volume.model import Volume
from volume.render.pdf.barcode import isbn13, price_addon
from volume.xhtml import INVALID_XML_CHARS

NS = "http://ns.editeur.org/onix/3.0/reference"
TAX_EXCLUSIVE = {"USD", "CAD"}  # retail prices quoted before sales tax; elsewhere a book's price includes VAT/GST
BARCODE_TYPE = {"USD": "03", "CAD": "04", "GBP": "10"}  # List 141; another add-on currency is 11, none 02
THEMA_QUALIFIER_SCHEME = {"1": "94", "2": "95", "3": "96", "4": "97", "5": "98", "6": "99"}  # List 27


@dataclass(frozen=True)
class Pages:
    """The page counts ONIX asks for (List 23), from the digital edition's page labels and the print edition."""

    front: int  # roman-numbered pages (03)
    main: int  # the highest arabic page number before the back matter (00)
    back: int  # the back matter's pages (04)
    digital: int  # every page of the digital PDF (05 total numbered; 07 absolute for the PDF)
    printed: int  # the print edition's pages, blank ones at the end included (06 production page count)


@dataclass(frozen=True)
class Edition:
    key: str  # print | epub | pdf
    form: str  # List 150
    detail: str  # List 175 ('' for none)
    isbn: str | None
    fallback: tuple[str, str]  # (List 5 type, value) when there is no ISBN
    price: str


def page_counts(volume: Volume, labels: tuple[str, ...], anchors: dict[str, int], printed: int) -> Pages:
    back_ids = [c.id for c in volume.chapters if c.matter == "back"] + ["bibliography", "index"]
    back_start = min((anchors[i] for i in back_ids if i in anchors), default=len(labels))
    front = sum(1 for label in labels if not label.isdigit())
    main = max((int(label) for label in labels[:back_start] if label.isdigit()), default=0)
    return Pages(front, main, len(labels) - back_start, len(labels), printed)


def editions(volume: Volume) -> list[Edition]:
    ids, prices, slug = volume.meta.identifiers, volume.manifest.trade.prices, volume.manifest.slug
    other = ids.other or ""
    epub_fallback = ("22", other) if other.startswith("urn:") else ("01", other or f"{slug}-epub")
    return [Edition("print", "BC", "", ids.isbn_print, ("01", f"{slug}-print"), prices.print),
            Edition("epub", "ED", "E101", ids.isbn_ebook, epub_fallback, prices.epub),
            Edition("pdf", "ED", "E107", ids.isbn_pdf, ("01", f"{slug}-pdf"), prices.pdf)]


def _add(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", **attributes)
    if text is not None:
        element.text = INVALID_XML_CHARS.sub("", text)  # a control character in the manifest is no XML
    return element


def _identifiers(parent, edition: Edition) -> None:
    if edition.isbn:
        for kind in ("15", "03"):  # ISBN-13 and GTIN-13: the same digits
            identifier = _add(parent, "ProductIdentifier")
            _add(identifier, "ProductIDType", kind)
            _add(identifier, "IDValue", isbn13(edition.isbn))
        return
    identifier = _add(parent, "ProductIdentifier")
    _add(identifier, "ProductIDType", edition.fallback[0])
    if edition.fallback[0] == "01":
        _add(identifier, "IDTypeName", "volume")
    _add(identifier, "IDValue", edition.fallback[1])


def _language_code(tag: str) -> str | None:
    """ISO 639-2/B, as ONIX's List 74 has it, for a BCP 47 tag's language (pycountry's ISO 639-3 table)."""
    primary = tag.split("-")[0].lower()
    field = "alpha_2" if len(primary) == 2 else "alpha_3"
    table = _iso_639_3()
    if table is None:  # another layout of the package: its own look-up
        import pycountry

        found = pycountry.languages.get(**{field: primary})
        return getattr(found, "bibliographic", None) or getattr(found, "alpha_3", None) if found else None
    language = next((entry for entry in table if entry.get(field) == primary), None)
    return language.get("bibliographic") or language.get("alpha_3") if language else None


def _iso_639_3() -> list[dict] | None:
    """pycountry's table of languages as it ships it, read as plain JSON: pycountry's own look-up builds an object
    and indexes for each of its 7,900 languages first (0.1 s of each build's CPU, against 0.01 s)."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pycountry")
    table = Path(next(iter(spec.submodule_search_locations))) / "databases" / "iso639-3.json" if spec else None
    return json.loads(table.read_text(encoding="utf-8"))["639-3"] if table and table.is_file() else None


def _subjects(parent, volume: Volume) -> None:
    codes = volume.manifest.trade.onix
    subjects = [("10", code) for code in codes.bisac]
    subjects += [(THEMA_QUALIFIER_SCHEME.get(code[0], "93"), code) for code in codes.thema]
    mains = set()
    for scheme, code in subjects:
        subject = _add(parent, "Subject")
        if scheme in ("10", "93") and scheme not in mains:
            mains.add(scheme)
            _add(subject, "MainSubject")
        _add(subject, "SubjectSchemeIdentifier", scheme)
        _add(subject, "SubjectCode", code)
    if volume.meta.keywords:
        subject = _add(parent, "Subject")
        _add(subject, "SubjectSchemeIdentifier", "20")
        _add(subject, "SubjectHeadingText", "; ".join(volume.meta.keywords))


def _extents(parent, edition: Edition, pages: Pages) -> None:
    values = [("03", pages.front), ("00", pages.main), ("04", pages.back)]
    values += {"print": [("05", pages.digital), ("06", pages.printed)], "pdf": [("05", pages.digital),
               ("07", pages.digital)], "epub": [("08", pages.digital)]}[edition.key]
    for kind, value in values:
        if value:
            extent = _add(parent, "Extent")
            _add(extent, "ExtentType", kind)
            _add(extent, "ExtentValue", str(value))
            _add(extent, "ExtentUnit", "03")


def _descriptive(product, volume: Volume, edition: Edition, pages: Pages, size: tuple[float, float, float]) -> None:
    meta = volume.meta
    detail = _add(product, "DescriptiveDetail")
    _add(detail, "ProductComposition", "00")
    _add(detail, "ProductForm", edition.form)
    if edition.detail:
        _add(detail, "ProductFormDetail", edition.detail)
    _add(detail, "PrimaryContentType", "10")  # text
    if edition.key == "print":
        for kind, value in zip(("01", "02", "03"), (size[1], size[0], size[2])):  # height, width, thickness
            measure = _add(detail, "Measure")
            _add(measure, "MeasureType", kind)
            _add(measure, "Measurement", f"{value:.1f}")
            _add(measure, "MeasureUnitCode", "mm")
    title = _add(detail, "TitleDetail")
    _add(title, "TitleType", "01")
    element = _add(title, "TitleElement")
    _add(element, "TitleElementLevel", "01")
    _add(element, "TitleText", meta.title)
    if meta.subtitle:
        _add(element, "Subtitle", meta.subtitle)
    authors = sorted({a.name for c in volume.chapters for a in c.authors} - set(meta.editors))
    people = [(name, "B01") for name in meta.editors] + [(name, "A32") for name in authors]  # List 17
    for number, (name, role) in enumerate(people, start=1):
        contributor = _add(detail, "Contributor")
        _add(contributor, "SequenceNumber", str(number))
        _add(contributor, "ContributorRole", role)
        _add(contributor, "PersonName", name)
    if not people:
        _add(detail, "NoContributor")
    code = _language_code(meta.language)
    if code:
        language = _add(detail, "Language")
        _add(language, "LanguageRole", "01")
        _add(language, "LanguageCode", code)
    _extents(detail, edition, pages)
    _subjects(detail, volume)


def _publishing(product, volume: Volume) -> None:
    meta = volume.meta
    detail = _add(product, "PublishingDetail")
    if meta.publisher:
        publisher = _add(detail, "Publisher")
        _add(publisher, "PublishingRole", "01")
        _add(publisher, "PublisherName", meta.publisher)
    if meta.place:
        _add(detail, "CityOfPublication", meta.place)
    _add(detail, "PublishingStatus", "04")  # active
    if meta.date or meta.year:
        date = _add(detail, "PublishingDate")
        _add(date, "PublishingDateRole", "01")
        if meta.date:
            _add(date, "Date", meta.date.replace("-", ""))
        else:
            _add(date, "Date", str(meta.year), dateformat="05")
    rights = _add(detail, "SalesRights")
    _add(rights, "SalesRightsType", "01")
    territory = _add(rights, "Territory")
    _add(territory, "RegionsIncluded", "WORLD")


def _related(product, current: Edition, all_editions: list[Edition]) -> None:
    others = [e for e in all_editions if e is not current]
    material = _add(product, "RelatedMaterial")
    for other in others:
        related = _add(material, "RelatedProduct")
        _add(related, "ProductRelationCode", "06")  # alternative format
        _identifiers(related, other)
        _add(related, "ProductForm", other.form)
        if other.detail:
            _add(related, "ProductFormDetail", other.detail)


def _supply(product, volume: Volume, edition: Edition) -> None:
    currency = volume.manifest.trade.prices.currency
    if not edition.price or not currency:
        return
    supply = _add(product, "ProductSupply")
    market = _add(supply, "Market")
    territory = _add(market, "Territory")
    _add(territory, "RegionsIncluded", "WORLD")
    detail = _add(supply, "SupplyDetail")
    supplier = _add(detail, "Supplier")
    _add(supplier, "SupplierRole", "01")  # publisher to resellers
    _add(supplier, "SupplierName", volume.meta.publisher or "volume")
    _add(detail, "ProductAvailability", "20")  # available
    price = _add(detail, "Price")
    _add(price, "PriceType", "01" if currency in TAX_EXCLUSIVE else "02")  # RRP excluding / including tax
    _add(price, "PriceAmount", edition.price)
    _add(price, "CurrencyCode", currency)


def _product(root, volume: Volume, edition: Edition, all_editions: list[Edition], pages: Pages,
             size: tuple[float, float, float]) -> None:
    meta = volume.meta
    product = _add(root, "Product")
    _add(product, "RecordReference", f"{volume.manifest.slug}-{edition.key}")
    _add(product, "NotificationType", "03")  # confirmed on publication
    _identifiers(product, edition)
    if edition.key == "print" and edition.isbn:
        prices = volume.manifest.trade.prices
        addon = price_addon(prices.print, prices.currency)
        barcode = _add(product, "Barcode")
        _add(barcode, "BarcodeType", BARCODE_TYPE.get(prices.currency, "11") if addon else "02")
        _add(barcode, "PositionOnProduct", "01")  # cover 4: the back
    _descriptive(product, volume, edition, pages, size)
    if meta.description:
        collateral = _add(product, "CollateralDetail")
        text = _add(collateral, "TextContent")
        _add(text, "TextType", "03")  # description
        _add(text, "ContentAudience", "00")
        _add(text, "Text", meta.description)
    _publishing(product, volume)
    _related(product, edition, all_editions)
    _supply(product, volume, edition)


def onix_message(volume: Volume, pages: Pages, size: tuple[float, float, float], sent: str) -> bytes:
    """The ONIX message: a header (sender, date sent: `sent`, YYYY-MM-DD) and a Product per edition.
    size is the print edition's (width, height, thickness) in millimetres."""
    root = etree.Element(f"{{{NS}}}ONIXMessage", nsmap={None: NS}, release="3.0")
    header = _add(root, "Header")
    sender = _add(header, "Sender")
    _add(sender, "SenderName", volume.meta.publisher or "volume")
    _add(header, "SentDateTime", sent.replace("-", "")[:8])
    all_editions = editions(volume)
    for edition in all_editions:
        _product(root, volume, edition, all_editions, pages, size)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
