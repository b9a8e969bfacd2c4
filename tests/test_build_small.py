"""A small volume built end to end: PDF and EPUB checked by their structure, and EPUBCheck."""

from __future__ import annotations

import subprocess
import sys

import pypdf
import pytest

from tests.conftest import NS, Epub, flatten_outline, copy_case, epubcheck_messages
from volume.build import build
from volume.diagnostics import VolumeError


def test_outputs_written(small_build):
    project, result = small_build
    names = sorted(o.path.name for o in result.outputs)
    assert names == ["small-cover.pdf", "small-onix.xml", "small-print.pdf", "small.epub", "small.pdf"]
    assert not [p for p in (project / "dist").iterdir() if p.name not in names + [".build-stamp.json"]]


def test_unsafe_markup_reported_and_removed(small_build):
    project, result = small_build
    assert {d.code for d in result.report.items} == {"S009"}
    text = "".join(page.extract_text() for page in pypdf.PdfReader(project / "dist" / "small.pdf").pages)
    assert "alert(1)" not in text


def test_pdf_page_labels_outline_metadata(small_build):
    project, _ = small_build
    reader = pypdf.PdfReader(project / "dist" / "small.pdf")
    labels = list(reader.page_labels)
    first_arabic = labels.index("1")
    assert first_arabic > 0
    assert labels[:first_arabic] == ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"][:first_arabic]
    assert labels[first_arabic:] == [str(n) for n in range(1, len(labels) - first_arabic + 1)]
    titles = [item.title for item in flatten_outline(reader.outline)]
    for expected in ("Contents", "Preface", "Part I First Things", "Alpha Relations", "Beta Relations"):
        assert any(expected in " ".join(t.split()) for t in titles), (expected, titles)
    info = reader.metadata
    assert info.title == "A Small Test Volume: Two Chapters and a Preface"
    assert info.author == "The editors"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 148 / 25.4 * 72) < 1 and abs(height - 210 / 25.4 * 72) < 1


def test_pdf_chapters_open_on_odd_pages_and_text_extracts(small_build):
    project, _ = small_build
    reader = pypdf.PdfReader(project / "dist" / "small.pdf")
    labels = list(reader.page_labels)
    texts = [page.extract_text() for page in reader.pages]
    for title in ("Alpha Relations", "Beta Relations"):
        index = next(i for i, t in enumerate(texts) if title in t and "Contents" not in t and "Chapter" in t)
        assert int(labels[index]) % 2 == 1, (title, labels[index])
    body = " ".join(" ".join(texts).split())
    assert "Trade grew to 5 billion" in body and "Smith, J. (2020" in body


def test_print_pdf_has_trim_and_bleed(small_build):
    project, _ = small_build
    reader = pypdf.PdfReader(project / "dist" / "small-print.pdf")
    for page in reader.pages:
        trim, bleed = page.trimbox, page.bleedbox
        assert float(trim.left) - float(bleed.left) == pytest.approx(3 / 25.4 * 72, abs=0.2)


def test_epub_structure(small_build):
    project, _ = small_build
    book = Epub(project / "dist" / "small.epub")
    opf = book.opf
    assert opf.xpath("string(//dc:identifier)", namespaces=NS) == "urn:isbn:9781402894626"
    assert opf.xpath("string(//dc:language)", namespaces=NS) == "en"
    assert opf.xpath("string(//opf:meta[@property='dcterms:modified'])", namespaces=NS) == "2025-06-01T00:00:00Z"
    spine = [book.manifest()[i]["href"] for i in book.spine()]
    assert spine[:4] == ["cover.xhtml", "titlepage.xhtml", "copyright.xhtml", "nav.xhtml"]
    assert spine[4:] == ["preface.xhtml", "part-1.xhtml", "alpha.xhtml", "beta.xhtml", "bibliography.xhtml"]
    alpha = book.doc("alpha.xhtml")
    section = alpha.xpath("//x:section[@role='doc-chapter']", namespaces=NS)[0]
    assert section.xpath("string(.//x:h1)", namespaces=NS) == "Alpha Relations"
    refs = alpha.xpath("//x:a[@epub:type='noteref'][@role='doc-noteref']", namespaces=NS)
    assert len(refs) == 3
    for ref in refs:
        target = ref.get("href").lstrip("#")
        note = alpha.xpath(f"//*[@id='{target}']", namespaces=NS)[0]
        assert note.get("{http://www.idpf.org/2007/ops}type") == "endnote"
        back = note.xpath(".//x:a[@role='doc-backlink']/@href", namespaces=NS)[0]
        assert back == "#" + ref.get("id")
    assert alpha.xpath("//x:section[@role='doc-endnotes']", namespaces=NS)
    link = alpha.xpath("//x:a[contains(., \"other chapter\")]/@href", namespaces=NS)[0]
    assert link == "beta.xhtml#beta-economic-relations"
    beta = book.doc("beta.xhtml")
    assert not beta.xpath("//@onclick")
    preface = book.doc("preface.xhtml")
    assert preface.xpath("//x:section/@role", namespaces=NS) == ["doc-preface"]
    nav = book.nav()
    assert nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS) == [
        "cover", "toc", "bodymatter", "bibliography"]
    toc_links = nav.xpath("//x:nav[@epub:type='toc']//x:a/@href", namespaces=NS)
    assert toc_links == ["preface.xhtml", "part-1.xhtml", "alpha.xhtml", "beta.xhtml", "bibliography.xhtml"]
    assert "META-INF/container.xml" in book.zip.namelist() and book.zip.namelist()[0] == "mimetype"
    assert any(name.endswith("toc.ncx") for name in book.zip.namelist())


def test_epubcheck_clean(small_build):
    project, _ = small_build
    assert epubcheck_messages(project / "dist" / "small.epub") == []


def test_failed_build_keeps_previous_outputs(small_build, tmp_path):
    project = copy_case("small", tmp_path)
    build(project)
    before = {p.name: p.read_bytes() for p in (project / "dist").iterdir()}
    (project / "chapters" / "alpha.md").write_text("---\ntitle: x\n---\nText.[^9]\n", encoding="utf-8")
    with pytest.raises(VolumeError) as excinfo:
        build(project)
    assert [d.code for d in excinfo.value.report.errors] == ["N001"]
    assert {p.name: p.read_bytes() for p in (project / "dist").iterdir()} == before


def test_cli_reports_user_error_without_traceback(tmp_path):
    project = copy_case("small", tmp_path)
    (project / "chapters" / "beta.html").unlink()
    run = subprocess.run([sys.executable, "-m", "volume", "build", "--project", str(project)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "chapters/volume.toml:33: error S001:" in run.stderr


def test_ebooklib_faults_are_handled(small_build):
    """Each known ebooklib 0.20 fault, and what our code does about it."""
    project, _ = small_build
    book = Epub(project / "dist" / "small.epub")
    # 1. its automatic page-list (every element with an epub:type and an id) is off: exactly our own page-list
    nav = book.nav()
    lists = nav.xpath("//x:nav[@epub:type='page-list']", namespaces=NS)
    assert len(lists) == 1 and all(a.get("href").split("#")[1].startswith("page-")
                                   for a in lists[0].xpath(".//x:a", namespaces=NS))
    # 2. it drops <head> and <body> attributes of EpubHtml: our documents keep theirs
    assert nav.xpath("//x:body/@epub:type", namespaces=NS) == ["frontmatter"]
    assert book.doc("alpha.xhtml").xpath("//x:head/x:link[@rel='stylesheet']", namespaces=NS)
    # 3. zip entries stamped with the clock: fixed, mimetype first and stored
    infos = book.zip.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == 0
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    # 4. manifest properties it does not detect: nav, index, cover-image
    properties = {i["href"]: i.get("properties", "") for i in book.manifest().values()}
    assert properties["nav.xhtml"] == "nav" and "cover-image" in properties["images/cover.png"]
    # 5. no xml:lang on <package>
    assert book.opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    # 6. the scripts a reader may lack travel as font subsets, with their licence
    names = book.zip.namelist()
    assert {n for n in names if n.startswith("EPUB/fonts/")} >= {
        "EPUB/fonts/NotoSerifGeorgian-Regular-subset.ttf", "EPUB/fonts/NotoSerifArmenian-Regular-subset.ttf",
        "EPUB/fonts/NotoSerifSC-Regular-GB2312-subset.otf", "EPUB/fonts/OFL.txt"}
    assert len(book.zip.read("EPUB/fonts/NotoSerifSC-Regular-GB2312-subset.otf")) < 100_000


def test_release_writes_checksums_and_report(tmp_path):
    import hashlib
    import json

    from click.testing import CliRunner

    from volume.cli import main

    project = copy_case("small", tmp_path)
    run = CliRunner().invoke(main, ["build", "--release", "--project", str(project)])
    assert run.exit_code == 0, run.output
    dist = project / "dist"
    sums = dict(reversed(line.split("  ")) for line in (dist / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == {"small.pdf", "small-print.pdf", "small.epub", "small-cover.pdf", "small-onix.xml"}
    for name, digest in sums.items():
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest
    report = json.loads((dist / "build-report.json").read_text())
    assert report["counts"]["chapters"] == 2 and report["counts"]["notes"] == 3
    assert report["outputs"]["small-print.pdf"]["pages"] % 4 == 0
    assert report["outputs"]["small-cover.pdf"]["pages"] == 1 and "small-onix.xml" in report["outputs"]
    assert "spine 0.036 in (0.9 mm) = 16 pages ÷ 444 PPI (white paper)" in run.output
    assert {"volume", "weasyprint", "ebooklib"} <= set(report["tool"]) and report["timings_seconds"]["total"] > 0
