"""Parse and serialise the XHTML fragments the model holds (lxml; entities never resolved)."""

from __future__ import annotations

import re

from lxml import etree, html

_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
# Our own XHTML is parsed with this: no entity is ever expanded, no DTD or network resource ever loaded.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse_fragment(markup: str) -> etree._Element:
    """A `<div>` holding the fragment's elements."""
    markup = INVALID_XML_CHARS.sub("", markup)
    wrapper = html.fragment_fromstring(markup or "", create_parent="div", parser=_PARSER)
    return wrapper


def serialize_children(wrapper: etree._Element) -> str:
    """The XHTML serialisation of everything inside `wrapper`."""
    parts = [escape_text(wrapper.text or "")]
    for child in wrapper:
        parts.append(etree.tostring(child, method="xml", encoding="unicode", with_tail=True))
    return "".join(parts)


def escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def plain_text(markup: str) -> str:
    """Text content of an XHTML fragment, whitespace collapsed."""
    if not markup:
        return ""
    return " ".join(parse_fragment(markup).text_content().split())
