"""Finders of active content in the outputs: what must never be in an EPUB, the preview or a PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree, html

ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
                   "textarea", "select", "base", "noscript", "template", "video", "audio", "source", "track",
                   "picture", "portal"}
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "formaction", "data", "background", "cite",
                  "{http://www.w3.org/1999/xlink}href"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data:text|data:application|livescript)", re.I)
REMOTE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//)", re.I)


def active_in_tree(root, allowed_script_nonce: str | None = None) -> list[str]:
    """What is active in a parsed (X)HTML tree: elements, event handlers, script URLs, remote sources, attachments."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname.lower()
        if tag in ACTIVE_ELEMENTS:
            if not (tag == "script" and allowed_script_nonce and element.get("nonce") == allowed_script_nonce):
                found.append(f"<{tag}>")
        if tag == "link" and (element.get("rel") or "").lower() != "stylesheet":
            found.append(f"<link rel={element.get('rel')}>")
        if tag == "meta" and element.get("http-equiv"):
            found.append("<meta http-equiv>")
        for name, value in element.attrib.items():
            local = etree.QName(name).localname.lower() if name.startswith("{") else name.lower()
            if local.startswith("on"):
                found.append(f"{local}=")
            if local == "rel" and "attachment" in value.lower():
                found.append('rel="attachment"')
            if name in URL_ATTRIBUTES or local in URL_ATTRIBUTES:
                if BAD_SCHEME.match(value):
                    found.append(f"{local}={value[:30]}")
                if local in ("src", "srcset", "poster") and REMOTE.match(value) \
                        and not value.lower().startswith("data:image/"):
                    found.append(f"remote {local}={value[:30]}")
            if local == "style" and re.search(r"url\(|expression\(", value, re.I):
                found.append("style url()")
    return found


def active_in_epub(path: Path) -> list[str]:
    found = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if not name.endswith((".xhtml", ".html", ".opf", ".ncx", ".svg")):
                continue
            data = book.read(name)
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
            found += [f"{name}: {item}" for item in active_in_tree(root)]
            if b"<script" in data.lower():
                found.append(f"{name}: <script text")
    return found


def active_in_xml(path: Path) -> list[str]:
    """What is active in an XML file such as the ONIX records: any (X)HTML active element, or script text."""
    data = path.read_bytes()
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    found = [f"{path.name}: {item}" for item in active_in_tree(root)]
    if b"<script" in data.lower():
        found.append(f"{path.name}: <script text")
    return found


def active_in_output(path: Path) -> list[str]:
    """Active content in any file a build writes: EPUB, PDF (the editions and the cover) or XML (ONIX)."""
    if path.suffix == ".epub":
        return active_in_epub(path)
    if path.suffix == ".xml":
        return active_in_xml(path)
    return active_in_pdf(path)


def active_in_html(text: str, nonce: str | None = None) -> list[str]:
    return active_in_tree(html.document_fromstring(text), allowed_script_nonce=nonce)


PDF_ACTIVE_KEYS = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/AA", "/OpenAction",
                   "/SubmitForm", "/ImportData", "/RichMedia", "/AcroForm", "/GoToR", "/GoToE", "/XFA"}


def active_in_pdf(path: Path) -> list[str]:
    """JavaScript, launch and submit actions, embedded files and attachments, forms; links to script URLs."""
    import pikepdf

    found = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            keys = set(obj.keys())
            found += [f"{obj.objgen} {key}" for key in keys & PDF_ACTIVE_KEYS]
            if obj.get("/Subtype") in ("/FileAttachment", "/Widget", "/Movie", "/Sound", "/Screen", "/3D"):
                found.append(f"{obj.objgen} annotation {obj.get('/Subtype')}")
            if obj.get("/S") in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE"):
                found.append(f"{obj.objgen} action {obj.get('/S')}")
            uri = obj.get("/URI")
            if uri is not None and BAD_SCHEME.match(str(uri)):
                found.append(f"{obj.objgen} URI {str(uri)[:30]}")
    return found
