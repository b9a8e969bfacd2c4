"""The repository's own volume: content as the content issue asks, valid EPUB, a well-formed PDF, reproducible."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pypdf

from tests.conftest import NS, Epub, flatten_outline, epubcheck_messages, pdf_text

COUNTRIES = ["Armenia", "Azerbaijan", "Georgia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan",
             "Uzbekistan"]


def test_build_has_no_diagnostics(default_build):
    _, result = default_build
    assert [d.format() for d in result.report.items] == []


def test_eight_country_chapters_with_words_and_notes(default_build):
    project, _ = default_build
    book = Epub(project / "dist" / "china-caspian.epub")
    chapters = []
    for _href, doc in book.spine_docs():
        chapters += doc.xpath("//x:section[@role='doc-chapter']", namespaces=NS)
    titles = [c.xpath("string(.//x:h1)", namespaces=NS) for c in chapters]
    assert len(chapters) == 8
    for country in COUNTRIES:
        assert sum(country in t for t in titles) == 1, (country, titles)
    for chapter, title in zip(chapters, titles):
        body = chapter.xpath(".//x:div[@class='chapter-body']", namespaces=NS)[0]
        words = len(" ".join(body.itertext()).split())
        refs = chapter.xpath(".//x:a[@role='doc-noteref']", namespaces=NS)
        assert words >= 1500, (title, words)
        assert len(refs) >= 15, (title, len(refs))
        headings = chapter.xpath(".//x:h2/text()", namespaces=NS)
        for section in ("Economic Relations", "Security Relations", "Policy Recommendations"):
            assert section in headings, (title, headings)


def test_scripts_present_in_body_text(default_build):
    project, _ = default_build
    book = Epub(project / "dist" / "china-caspian.epub")
    text = " ".join(" ".join(doc.xpath("//x:div[@class='chapter-body']//text()", namespaces=NS))
                    for _h, doc in book.spine_docs())
    for word in ("Қазақстан", "საქართველო", "Հայաստան", "一带一路"):
        assert word in text, word


def test_epubcheck_clean(default_build):
    project, _ = default_build
    assert epubcheck_messages(project / "dist" / "china-caspian.epub") == []


def test_pdf_structure(default_build):
    project, _ = default_build
    reader = pypdf.PdfReader(project / "dist" / "china-caspian.pdf")
    labels = list(reader.page_labels)
    start = labels.index("1")
    assert all(label.isalpha() and label.islower() for label in labels[:start])
    assert labels[start:] == [str(n) for n in range(1, len(labels) - start + 1)]
    outline = " | ".join(item.title for item in flatten_outline(reader.outline))
    for country in COUNTRIES:
        assert f"China–{country} Relations" in outline
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_every_page_shows_its_own_folio(default_build):
    """The folios stamped on the joined pieces: each page with a folio shows its own label in its head or foot line.

    Read by position (pdftotext -layout), as a reader sees the page, and in the content stream's order (pypdf), where
    a folio must stand first or last on its page, not glued to the running head (pdf/folios.py draws one in the
    page's left half before the page's text, one in the right half after it)."""
    project, _ = default_build
    pdf = project / "dist" / "china-caspian.pdf"
    reader = pypdf.PdfReader(pdf)
    labels = list(reader.page_labels)
    in_order = [labels[i] for i, page in enumerate(reader.pages)
                if (words := page.extract_text().split()) and labels[i] not in (words[0], words[-1])]
    assert len(in_order) <= 3 + 2, in_order
    pages = pdf_text(pdf, "-layout").split("\f")
    shown, without = 0, []
    for index, label in enumerate(labels):
        lines = [line for line in pages[index].splitlines() if line.strip()]
        if not lines:
            continue  # a blank page
        if label in lines[0].split() or label in lines[-1].split():
            shown += 1
        else:
            without.append(label)
    # only the cover pages (half title, title, copyright) and part titles go without a folio
    assert len(without) <= 3 + 2, without
    assert shown > 0.9 * len(labels) - 20


def test_fonts_are_the_shipped_ones(default_build):
    project, _ = default_build
    reader = pypdf.PdfReader(project / "dist" / "china-caspian.pdf")
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert fonts and all(name.startswith("Noto-Serif") for name in fonts), fonts


def test_reproducible_across_time_zone_and_hash_seed(default_build, tmp_path):
    project, _ = default_build
    copy = tmp_path / "again"
    shutil.copytree(project / "chapters", copy / "chapters")
    shutil.copytree(project / "styles", copy / "styles")
    env = dict(os.environ, TZ="Pacific/Kiritimati", PYTHONHASHSEED="12345")
    run = subprocess.run([sys.executable, "-m", "volume", "build", "--project", str(copy)], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for name in ("china-caspian.pdf", "china-caspian-print.pdf", "china-caspian.epub", "china-caspian-cover.pdf",
                 "china-caspian-onix.xml"):
        assert (copy / "dist" / name).read_bytes() == (project / "dist" / name).read_bytes(), name


def test_page_list_matches_the_digital_pdf(default_build):
    """One page-list entry per PDF page label, in order; the words after each marker stand on that page."""
    import re

    project, _ = default_build
    book = Epub(project / "dist" / "china-caspian.epub")
    reader = pypdf.PdfReader(project / "dist" / "china-caspian.pdf")
    labels = list(reader.page_labels)
    pages = {labels[i]: re.sub(r"[\s\u2010\u00ad-]", "", page.extract_text()) for i, page in enumerate(reader.pages)}
    entries = book.nav().xpath("//x:nav[@epub:type='page-list']//x:a", namespaces=NS)
    assert [a.text for a in entries] == labels
    checked = 0
    for link in entries:
        name, fragment = link.get("href").split("#")
        doc = book.doc(name)
        span = doc.xpath(f"//*[@id='{fragment}']")[0]
        assert span.get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
        assert span.get("role") == "doc-pagebreak" and span.get("aria-label") == link.text
        if not pages[link.text] or name == "nav.xhtml":
            continue  # a blank page, or the contents page (the e-book's contents list has no bylines)
        words = []
        for text in span.xpath("following::text()[not(ancestor::*[@class='bib-link'])]"):
            words += text.split()  # (the e-book's "Bibliography entry" links are not printed)
            if len(words) >= 3:
                break
        probe = re.sub(r"[\s\u2010\u00ad-]", "", "".join(words[:3]))
        # in reading order; a page whose text the PDF extracts in another order (the list of abbreviations,
        # set as floats) must at least hold each word
        assert probe in pages[link.text] or all(re.sub(r"[\u2010\u00ad-]", "", w) in pages[link.text]
                                                for w in words[:3]), (link.text, words[:3])
        checked += 1
    assert checked > 0.8 * len(labels)
    opf = book.opf
    features = opf.xpath("//opf:meta[@property='schema:accessibilityFeature']/text()", namespaces=NS)
    assert {"printPageNumbers", "pageNavigation", "tableOfContents", "alternativeText"} <= set(features)
    assert opf.xpath("//opf:meta[@property='pageBreakSource']", namespaces=NS)


def test_index_locators_point_to_the_printed_pages(default_build):
    """Each EPUB index locator's target text stands on the PDF page whose label the locator shows."""
    import re

    project, result = default_build
    book = Epub(project / "dist" / "china-caspian.epub")
    reader = pypdf.PdfReader(project / "dist" / "china-caspian.pdf")
    labels = list(reader.page_labels)
    squash = lambda text: re.sub(r"[\s\u2010\u00ad-]", "", text)  # noqa: E731
    pages = {labels[i]: squash(page.extract_text()) for i, page in enumerate(reader.pages)}
    locators = book.doc("index.xhtml").xpath("//x:a[@epub:type='index-locator']", namespaces=NS)
    assert len(locators) >= 150
    assert result.pieces["index_fallbacks"] == 0  # every occurrence placed by its character count
    found = 0
    for locator in locators:
        name, fragment = locator.get("href").split("#")
        target = book.doc(name).xpath(f"//*[@id='{fragment}']")[0]
        found += squash("".join(target.itertext())) in pages[locator.text]
    assert found >= 0.99 * len(locators), (found, len(locators))
    index_pages = [i for i, page in enumerate(reader.pages) if page.extract_text().lstrip().startswith("Index")]
    assert index_pages, "the PDF has an index"


def test_pieces_parse_as_weasyprint_would(default_build):
    """The pieces are parsed by lxml (render/pdf/fast_html.py), not by WeasyPrint's tinyhtml5: for every piece of the
    volume, and a folio sheet, the two trees are the same (tags, attributes, text and tails)."""
    import tinyhtml5

    from volume.render.pdf.fast_html import element_tree
    from volume.render.pdf.pages import folio_sheet
    from volume.render.pdf.pieces import back_pieces, first_pieces

    _, result = default_build
    documents = [p.html for p in first_pieces(result.volume) + back_pieces(result.volume)]
    documents.append(folio_sheet(result.volume, [("iv", "@bottom-center"), ("12", "@top-left"), ("13", None)])[0])
    assert len(documents) >= 15 and any("data-ix=" in d for d in documents)

    def shape(element):
        return (element.tag, dict(element.attrib), element.text or "", element.tail or "", [shape(c) for c in element])

    for markup in documents:
        assert shape(element_tree(markup)) == shape(tinyhtml5.parse(markup, namespace_html_elements=False))


def test_print_edition_is_ready_for_a_printer(default_build):
    """PDF/X-4: CMYK output intent and XMP claim, trim and bleed boxes, crop marks outside the bleed, every
    colour in CMYK (text in K only), the digital edition's pages, padded to a multiple of 4."""
    import re

    import pikepdf

    project, _ = default_build
    reader = pypdf.PdfReader(project / "dist" / "china-caspian-print.pdf")
    digital = pypdf.PdfReader(project / "dist" / "china-caspian.pdf")
    assert len(reader.pages) % 4 == 0 and 0 <= len(reader.pages) - len(digital.pages) < 4
    intents = [intent.get_object() for intent in reader.trailer["/Root"]["/OutputIntents"]]
    assert [i["/S"] for i in intents] == ["/GTS_PDFX"] and "/DestOutputProfile" in intents[0]
    bleed = 3 / 25.4 * 72
    for page in reader.pages:
        trim, box, media = page.trimbox, page.bleedbox, page.mediabox
        assert abs(float(trim.left) - float(box.left) - bleed) < 0.1
        assert abs(float(box.top) - float(trim.top) - bleed) < 0.1
        assert float(media.left) < float(box.left) and float(media.top) > float(box.top)  # room for the marks
    assert reader.pages[20].extract_text() == digital.pages[20].extract_text()
    assert (project / "dist" / "china-caspian-print.pdf").read_bytes().startswith(b"%PDF-1.6")  # X-4 is PDF 1.6
    with pikepdf.open(project / "dist" / "china-caspian-print.pdf") as pdf:
        xmp = pdf.Root.Metadata.read_bytes()
        assert b"PDF/X-4" in xmp and b'pdfuaid:part="1"' not in xmp
        # PDF/X allows no annotations in the printed area: the links (and the tags describing them) are gone
        assert not any("/Annots" in page.obj for page in pdf.pages) and "/StructTreeRoot" not in pdf.Root
        operators = set()
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                operators.add(str(operator))
            for xobject in page.Resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Form":
                    operators.update(str(op) for _, op in pikepdf.parse_content_stream(xobject))
    assert not operators & {"rg", "RG", "g", "G", "cs", "CS", "sc", "scn"}, operators
    assert {"k", "K"} <= operators
    assert re.search(rb"^0 0 0 1 k$", reader.pages[20].get_contents().get_data(), re.M)  # black text in K
