"""The cover wrap and the ONIX records: geometry from pages and paper, PDF/X-4, the barcode read back from pixels,
the front agreeing with the EPUB's cover, ONIX valid against EDItEUR's 3.0 schema and true to the editions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree
from PIL import Image

from tests.conftest import copy_case
from volume.build import build
from volume.config import load_manifest
from volume.config_trade import trim_points

BLEED = 3 * 72 / 25.4
ONIX = {"o": "http://ns.editeur.org/onix/3.0/reference"}
TRADE_TABLES = """
[print]
paper = "cream"

[cover]
image = "images/cover.jpg"
image_credit = "Generated test picture, public domain"

[prices]
currency = "USD"
print = 24.95
epub = "9.99"

[onix]
bisac = ["POL011000", "pol040000"]
thema = ["JPSF", "1FPC"]
"""


def landscape_picture(path: Path, size: tuple[int, int]) -> None:
    """A generated picture (sky, a row of hills): no one's photograph, so no licence to keep."""
    from PIL import ImageDraw

    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        draw.line((0, y, size[0], y), fill=(60 + 120 * y // size[1], 110 + 60 * y // size[1], 160 - 80 * y // size[1]))
    for i in range(12):
        draw.ellipse((size[0] * i // 13, size[1] // 2, size[0] * i // 13 + size[0] // 6, size[1] * 4 // 5),
                     fill=(40 + 10 * i, 90, 50))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=92)


def with_trade_tables(project: Path, extra: str = TRADE_TABLES) -> Path:
    manifest = project / "chapters" / "volume.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        'isbn_ebook = "978-1-4028-9462-6"', 'isbn_ebook = "978-1-4028-9462-6"\nisbn_pdf = "978-3-16-148410-0"')
    manifest.write_text(text + extra, encoding="utf-8")
    return manifest


@pytest.fixture(scope="module")
def trade_build(tmp_path_factory):
    """The small volume with every trade table: cream paper, a cover picture, prices, subject codes, a PDF ISBN."""
    project = copy_case("small", tmp_path_factory.mktemp("trade"))
    with_trade_tables(project)
    landscape_picture(project / "chapters" / "images" / "cover.jpg", (2000, 1400))
    return project, build(project)


def render(pdf: Path, dpi: float) -> Image.Image:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def boxes(pdf: Path) -> dict[str, list[float]]:
    with pikepdf.open(pdf) as document:
        page = document.pages[0].obj
        return {key: [float(v) for v in page[key]] for key in ("/MediaBox", "/BleedBox", "/TrimBox")}


def page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as document:
        return len(document.pages)


@pytest.mark.parametrize("which, ppi", [("small_build", 444), ("default_build", 444), ("trade_build", 400)])
def test_cover_width_is_two_panels_and_the_spine(which, ppi, request):
    """Width = 2 × (trim width + bleed) + pages ÷ PPI, on volumes of different lengths and papers; the trim box
    is inset by the bleed, and its height is the print edition's."""
    project, result = request.getfixturevalue(which)
    manifest = load_manifest(project / "chapters" / "volume.toml")
    slug = manifest.slug
    pages = page_count(project / "dist" / f"{slug}-print.pdf")
    width, height = trim_points(manifest.trim_size)
    spine = pages / ppi * 72
    found = boxes(project / "dist" / f"{slug}-cover.pdf")
    assert found["/MediaBox"] == pytest.approx([0, 0, 2 * (width + BLEED) + spine, height + 2 * BLEED], abs=0.01)
    assert found["/BleedBox"] == found["/MediaBox"]
    assert found["/TrimBox"] == pytest.approx([BLEED, BLEED, 2 * width + spine + BLEED, height + BLEED], abs=0.01)
    with pikepdf.open(project / "dist" / f"{slug}-print.pdf") as interior:
        trim = [float(v) for v in interior.pages[0].TrimBox]
    assert trim[3] - trim[1] == pytest.approx(height, abs=0.01) and trim[2] - trim[0] == pytest.approx(width, abs=0.01)
    assert next(o for o in result.outputs if o.path.name == f"{slug}-cover.pdf").pages == 1


def test_spines_of_two_lengths_differ_by_their_pages(small_build, default_build):
    widths, counts = [], []
    for project, _ in (small_build, default_build):
        slug = load_manifest(project / "chapters" / "volume.toml").slug
        counts.append(page_count(project / "dist" / f"{slug}-print.pdf"))
        box = boxes(project / "dist" / f"{slug}-cover.pdf")["/MediaBox"]
        widths.append(box[2] - 2 * (trim_points(load_manifest(project / "chapters" / "volume.toml").trim_size)[0]
                                    + BLEED))
    assert counts[1] > 4 * counts[0]
    assert widths[1] / widths[0] == pytest.approx(counts[1] / counts[0], rel=1e-4)


def spine_text(project: Path) -> tuple[str, list[tuple[float, float]]]:
    """The characters drawn inside the spine (their centres), in the order they are drawn."""
    import pypdfium2 as pdfium

    manifest = load_manifest(project / "chapters" / "volume.toml")
    width = trim_points(manifest.trim_size)[0]
    pages = page_count(project / "dist" / f"{manifest.slug}-print.pdf")
    left, right = BLEED + width, BLEED + width + pages / 444 * 72
    document = pdfium.PdfDocument(str(project / "dist" / f"{manifest.slug}-cover.pdf"))
    text_page = document[0].get_textpage()
    chars, centres = [], []
    for index in range(text_page.count_chars()):
        x0, y0, x1, y1 = text_page.get_charbox(index)
        if left <= (x0 + x1) / 2 <= right and x1 > x0:
            chars.append(text_page.get_text_range(index, 1))
            centres.append(((x0 + x1) / 2, (y0 + y1) / 2))
    document.close()
    return "".join(chars), centres


def test_spine_text_only_on_a_spine_wide_enough(small_build, default_build):
    """The default volume's spine (over 0.25 in) carries the title top to bottom; the small one's (16 pages) none."""
    text, centres = spine_text(default_build[0])
    assert text.replace(" ", "").startswith("ChinaandtheCaspianRegion")
    ys = [y for _x, y in centres]
    assert ys == sorted(ys, reverse=True)  # each letter lower on the page than the one before: head to foot
    assert spine_text(small_build[0])[0] == ""


def test_cover_is_pdfx4_with_embedded_fonts_and_no_rgb(trade_build):
    project, _ = trade_build
    path = project / "dist" / "small-cover.pdf"
    assert path.read_bytes().startswith(b"%PDF-1.6")
    with pikepdf.open(path) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX" and int(intents[0].DestOutputProfile.N) == 4
        xmp = pdf.Root.Metadata.read_bytes()
        assert b"PDF/X-4" in xmp and b"pdfuaid:part" not in xmp and pdf.trailer.Info.Trapped == "/False"
        assert "/StructTreeRoot" not in pdf.Root and not any("/Annots" in p.obj for p in pdf.pages)
        fonts, images, operators = set(), [], set()
        for obj in pdf.objects:
            holder = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
            if not isinstance(holder, pikepdf.Dictionary):
                continue
            assert "/DeviceRGB" not in repr(holder), holder  # no image, group or colour space in RGB
            if holder.get("/Type") == "/FontDescriptor":
                assert any(k in holder for k in ("/FontFile", "/FontFile2", "/FontFile3")), holder
                fonts.add(str(holder.FontName).split("+")[-1])
            if holder.get("/Subtype") == "/Image":
                images.append(str(holder.ColorSpace))
            if isinstance(obj, pikepdf.Stream) and holder.get("/Subtype") == "/Form":
                operators.update(str(op) for _, op in pikepdf.parse_content_stream(obj))
        for page in pdf.pages:
            operators.update(str(op) for _, op in pikepdf.parse_content_stream(page))
    assert fonts == {"Noto-Serif", "Noto-Serif-Bold", "Noto-Serif-Italic"}
    assert images == ["/DeviceCMYK"]  # the cover picture, converted through the print profile
    assert not operators & {"rg", "RG", "g", "G", "sc", "scn"} and {"k"} <= operators, operators


def decode(image: Image.Image, add_on: bool) -> list[str]:
    import zxingcpp

    mode = zxingcpp.EanAddOnSymbol.Require if add_on else zxingcpp.EanAddOnSymbol.Ignore
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.EAN13,
                                                   ean_add_on_symbol=mode)]


def test_barcode_decodes_to_the_print_isbn_and_price(trade_build, small_build):
    """Read from the rendered cover by zxing-cpp: the ISBN, and the $24.95 add-on where the manifest prices it."""
    image = render(trade_build[0] / "dist" / "small-cover.pdf", 300)
    assert set(decode(image, add_on=True)) == {"978030640615752495"}
    plain = render(small_build[0] / "dist" / "small-cover.pdf", 300)
    assert set(decode(plain, add_on=False)) == {"9780306406157"} and decode(plain, add_on=True) == []


def test_no_barcode_without_a_print_isbn(default_build):
    project, _ = default_build
    assert decode(render(project / "dist" / "china-caspian-cover.pdf", 300), add_on=False) == []


@pytest.fixture(scope="module")
def child():
    """A process of its own for what sets fontconfig up (WeasyPrint): the test process's environment, which the
    builds' processes inherit, stays as it was."""
    import concurrent.futures
    import multiprocessing

    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


def svg_to_pdf(svg: str) -> bytes:
    from volume.render.pdf.fontconfig import isolate_fontconfig

    isolate_fontconfig(Path(__file__).resolve().parent.parent / "styles" / "fonts")
    from weasyprint import HTML

    return HTML(string=f"<style>@page {{ size: 90mm 50mm; margin: 5mm }}</style>{svg}").write_pdf()


@pytest.mark.parametrize("isbn, amount, currency, expected", [
    ("978-0-306-40615-7", "7.99", "GBP", "978030640615700799"),
    ("0-306-40615-2", "150", "USD", "978030640615759999"),  # an ISBN-10 becomes 978…; $100 or more is 9999
    ("978-1-4028-9462-6", "19.50", "CAD", "978140289462661950"),
])
def test_barcode_box_alone_decodes(isbn, amount, currency, expected, child):
    import pypdfium2 as pdfium

    from volume.render.pdf.barcode import barcode_box, price_addon

    pdf = child.submit(svg_to_pdf, barcode_box(isbn, price_addon(amount, currency)).svg).result()
    image = pdfium.PdfDocument(pdf)[0].render(scale=300 / 72).to_pil().convert("RGB")
    assert decode(image, add_on=True) == [expected]


def test_price_addon_digits():
    from volume.render.pdf.barcode import price_addon

    assert price_addon("24.95", "USD") == "52495" and price_addon("0.99", "AUD") == "30099"
    assert price_addon("9.99", "EUR") is None and price_addon("", "USD") is None


def epub_cover(project: Path, slug: str) -> Image.Image:
    with zipfile.ZipFile(project / "dist" / f"{slug}.epub") as book:
        name = next(n for n in book.namelist() if n.endswith("images/cover.png"))
        return Image.open(io.BytesIO(book.read(name))).convert("RGB")


def front_panel(project: Path, slug: str, width_px: int) -> Image.Image:
    """The cover PDF's front panel, trim only, rendered to the EPUB cover's width."""
    manifest = load_manifest(project / "chapters" / "volume.toml")
    width, height = trim_points(manifest.trim_size)
    sheet = boxes(project / "dist" / f"{slug}-cover.pdf")["/MediaBox"][2]
    scale = width_px / width
    image = render(project / "dist" / f"{slug}-cover.pdf", 72 * scale)
    left, top = round((sheet - BLEED - width) * scale), round(BLEED * scale)
    return image.crop((left, top, left + width_px, top + round(height * scale)))


def light_mask(image: Image.Image) -> Image.Image:
    return image.convert("L").point(lambda v: 255 if v > 200 else 0)  # lettering, frame, rules


def agreement(a: Image.Image, b: Image.Image, tolerance: int = 2) -> tuple[float, float]:
    """How much of each image's light marks lie within `tolerance` pixels of the other's (anti-aliasing and
    the two text rasterisers differ by a pixel here and there; a moved line or word does not)."""
    import numpy as np
    from PIL import ImageFilter

    masks = [light_mask(a), light_mask(b)]
    plain = [np.asarray(m) > 0 for m in masks]
    grown = [np.asarray(m.filter(ImageFilter.MaxFilter(2 * tolerance + 1))) > 0 for m in masks]
    return float((plain[0] & grown[1]).sum() / plain[0].sum()), float((plain[1] & grown[0]).sum() / plain[1].sum())


@pytest.mark.parametrize("which, slug", [("trade_build", "small"), ("default_build", "china-caspian")])
def test_front_cover_agrees_with_the_epub_cover(which, slug, request):
    """One design, two painters: the print cover's front and the EPUB's cover image put the same marks in the
    same places (checked on the light marks: the picture's colours differ, CMYK against the screen's RGB)."""
    project, _ = request.getfixturevalue(which)
    png = epub_cover(project, slug)
    front = front_panel(project, slug, png.width)
    assert front.size == png.size
    assert min(agreement(front, png)) > 0.95
    shifted = png.transform(png.size, Image.Transform.AFFINE, (1, 0, 0, 0, 1, -12))  # 12 px (3 pt) lower
    assert max(agreement(front, shifted)) < 0.8  # the measure tells a moved design


def test_cover_picture_on_both_fronts(trade_build):
    """The manifest's picture fills the lower front in print and in the EPUB's cover (green hills, not navy)."""
    project, _ = trade_build
    png = epub_cover(project, "small")
    front = front_panel(project, "small", png.width)
    for image in (png, front):
        red, green, blue = image.crop((0, int(image.height * 0.75), image.width, int(image.height * 0.8))).resize(
            (1, 1), Image.Resampling.BOX).getpixel((0, 0))
        assert green > blue, (red, green, blue)
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(project / "dist" / "small.pdf").pages[:6])
    assert "Cover image: Generated test picture, public domain" in text  # the picture's licence, in the book too


def onix(project: Path, slug: str):
    return etree.parse(str(project / "dist" / f"{slug}-onix.xml"))


def test_onix_is_valid_against_the_3_0_schema(trade_build, default_build, small_build):
    import onixcheck

    for project, slug in ((trade_build[0], "small"), (default_build[0], "china-caspian"), (small_build[0], "small")):
        assert onixcheck.validate(str(project / "dist" / f"{slug}-onix.xml")) == [], slug
    broken = onix(trade_build[0], "small")
    broken.find(".//o:ProductForm", ONIX).text = "XX"  # the same check fails a wrong code
    target = trade_build[0] / "broken-onix.xml"
    broken.write(str(target))
    assert onixcheck.validate(str(target)) != []


def test_onix_matches_the_editions(trade_build):
    from pypdf import PdfReader

    project, _ = trade_build
    tree = onix(project, "small")
    products = tree.findall("o:Product", ONIX)

    def values(product, path):
        return [e.text for e in product.findall(path, ONIX)]

    forms = [(values(p, "o:DescriptiveDetail/o:ProductForm"), values(p, "o:DescriptiveDetail/o:ProductFormDetail"))
             for p in products]
    assert forms == [(["BC"], []), (["ED"], ["E101"]), (["ED"], ["E107"])]
    isbns = [values(p, "o:ProductIdentifier[o:ProductIDType='15']/o:IDValue") for p in products]
    assert isbns == [["9780306406157"], ["9781402894626"], ["9783161484100"]]
    for product in products:
        assert values(product, ".//o:TitleText") == ["A Small Test Volume"]
        assert values(product, ".//o:Subtitle") == ["Two Chapters and a Preface"]
        assert values(product, ".//o:Contributor/o:ContributorRole") == ["B01"]
        assert values(product, ".//o:LanguageCode") == ["eng"]
        assert values(product, ".//o:PublishingDate/o:Date") == ["20250601"]
        assert values(product, ".//o:PublisherName") == ["Test Press"]
        subjects = [(s.findtext("o:SubjectSchemeIdentifier", namespaces=ONIX), s.findtext("o:SubjectCode",
                     namespaces=ONIX)) for s in product.findall(".//o:Subject", ONIX)]
        assert subjects[:4] == [("10", "POL011000"), ("10", "POL040000"), ("93", "JPSF"), ("94", "1FPC")]
    printed = len(PdfReader(project / "dist" / "small-print.pdf").pages)
    digital = PdfReader(project / "dist" / "small.pdf")
    labels = list(digital.page_labels)

    def extent(product, kind):
        return int(product.findtext(f".//o:Extent[o:ExtentType='{kind}']/o:ExtentValue", namespaces=ONIX))

    assert extent(products[0], "06") == printed and extent(products[0], "05") == len(digital.pages)
    assert extent(products[2], "07") == len(digital.pages) and extent(products[1], "08") == len(digital.pages)
    assert extent(products[0], "03") == sum(1 for label in labels if not label.isdigit())
    assert 0 < extent(products[0], "00") <= max(int(label) for label in labels if label.isdigit())
    thickness = float(products[0].findtext(".//o:Measure[o:MeasureType='03']/o:Measurement", namespaces=ONIX))
    assert thickness == pytest.approx(printed / 400 * 25.4, abs=0.05)
    prices = [(values(p, ".//o:PriceAmount"), values(p, ".//o:CurrencyCode")) for p in products]
    assert prices == [(["24.95"], ["USD"]), (["9.99"], ["USD"]), ([], [])]
    assert values(products[0], "o:Barcode/o:BarcodeType") == ["03"]  # GTIN-13+5, US dollar price
    assert tree.findtext("o:Header/o:SentDateTime", namespaces=ONIX) == "20250601"  # the manifest's date


def test_onix_without_isbns_uses_the_volume_identifier(default_build):
    project, _ = default_build
    tree = onix(project, "china-caspian")
    kinds = [p.findtext("o:ProductIdentifier/o:ProductIDType", namespaces=ONIX) for p in tree.findall("o:Product", ONIX)]
    assert kinds == ["01", "22", "01"]  # proprietary ids for print and PDF; the EPUB's urn:uuid
    assert tree.find(".//o:Barcode", ONIX) is None


def test_cover_layout_is_reproducible(trade_build, tmp_path, child):
    """The cover laid out twice, without the cache, gives the same bytes. (Whole builds in fresh folders are
    compared in test_cache.py and test_default_volume.py, the cover and ONIX with the editions.)"""
    import dataclasses

    from pypdf import PdfReader

    from volume.build import styles_dir_for
    from volume.render.pdf.cover_wrap import lay_out_cover
    from volume.render.trade_files import cover_job

    project, result = trade_build
    manifest = load_manifest(project / "chapters" / "volume.toml")
    pages = len(PdfReader(project / "dist" / "small-print.pdf").pages)
    job = cover_job(manifest, styles_dir_for(manifest), result.volume, pages, tmp_path / "one.pdf")
    made = []
    for name in ("one.pdf", "two.pdf"):
        assert child.submit(lay_out_cover, dataclasses.replace(job, target=tmp_path / name)).result() == 1
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1]
    assert boxes(tmp_path / "one.pdf") == boxes(project / "dist" / "small-cover.pdf")


def test_onix_language_codes_are_pycountrys_bibliographic_ones(monkeypatch):
    """The codes read from pycountry's table as plain JSON are those its own look-up gives (and that is used when
    the table is not where this version of pycountry keeps it)."""
    import pycountry

    from volume.render import onix

    def by_pycountry(tag):
        found = pycountry.languages.get(**{"alpha_2" if len(tag) == 2 else "alpha_3": tag})
        return getattr(found, "bibliographic", None) or getattr(found, "alpha_3", None) if found else None

    tags = ["en", "de", "fr", "ru", "tr", "zh", "kk", "fil", "eng", "ger", "xx", "qqq"]
    assert [onix._language_code(t + "-GB") for t in tags] == [by_pycountry(t) for t in tags]
    assert [onix._language_code(t) for t in tags][:4] == ["eng", "ger", "fre", "rus"]
    monkeypatch.setattr(onix, "_iso_639_3", lambda: None)
    assert [onix._language_code(t) for t in tags] == [by_pycountry(t) for t in tags]
