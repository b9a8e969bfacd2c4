"""Our pieces' HTML parsed by libxml2 (through lxml) instead of WeasyPrint's pure-Python HTML5 parser.

tinyhtml5 took 1.5 s of a default build's layout CPU (0.34 s for the index alone); lxml parses the same documents
in milliseconds. The pieces are documents we write ourselves (well-formed, no scripts, no foreign markup), so
libxml2's HTML parser reads them the same: the result is handed to WeasyPrint as the ElementTree tinyhtml5 would
have built (plain tag names, no namespaces). tests/test_default_volume.py compares the two on every piece.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def element_tree(markup: str) -> ET.Element:
    """The document's root <html> as an xml.etree element, as tinyhtml5 would build it."""
    from lxml import html

    root = _convert(html.document_fromstring(markup))
    if root.find("head") is None:  # HTML5 parsing always makes a <head>
        root.insert(0, ET.Element("head"))
    return root


def _convert(source) -> ET.Element:
    node = ET.Element(source.tag, dict(source.attrib))
    node.text = source.text
    last = None
    for child in source:
        if not isinstance(child.tag, str):  # a comment or processing instruction: its tail is text
            if child.tail:
                if last is None:
                    node.text = (node.text or "") + child.tail
                else:
                    last.tail = (last.tail or "") + child.tail
            continue
        last = _convert(child)
        last.tail = child.tail
        node.append(last)
    return node


def parsed_html(markup: str, base_url: str, url_fetcher):
    """A weasyprint.HTML for `markup`, parsed by lxml."""
    from volume.render.pdf.weasy import document_from_tree

    return document_from_tree(element_tree(markup), base_url, url_fetcher)
