"""The one sanitiser for everything that becomes markup: an allow-list (nh3, the binding of Rust's Ammonia).

Chapter bodies (with their captions, alt texts and notes), front-matter fields and formatted bibliography entries
pass through `clean_markup`; what is meant as plain text (names, dates, manifest strings) is reduced to its text by
`clean_text` and escaped where it is written. Only the elements and attributes listed here survive: no scripts,
event handlers, frames, objects, forms, styles beyond a few layout properties, `rel` (WeasyPrint embeds a link with
rel="attachment" into the PDF), URLs other than http(s), mailto and relative ones, nor any remote or `data:` source
of an image.
"""

from __future__ import annotations

import html
import re

import nh3
from lxml import etree

from volume.model.markup import Markup
from volume.xhtml import INVALID_XML_CHARS, escape_text

INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd",
               "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
               "var", "wbr"}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "caption", "col", "colgroup", "dd", "div", "dl", "dt",
              "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
              "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
# removed with everything inside them (their content is code, or a fallback for active content)
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "noscript", "noembed", "noframes", "object",
                        "applet", "frameset", "svg", "math", "textarea", "select", "title", "xmp", "head"}
ATTRIBUTES = {
    "*": {"id", "class", "lang", "title", "dir", "role", "hidden", "style"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"type", "start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "time": {"datetime"},
}
PREFIXES = {"data-", "aria-"}  # pandoc's attributes from {key=value}; accessibility attributes
STYLE_PROPERTIES = {"width", "height", "max-width", "text-align", "vertical-align", "font-style", "font-weight",
                    "font-variant", "text-decoration"}
LINK_SCHEMES = {"http", "https", "mailto"}
DOI_RESOLVER = "https://doi.org/"
IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.I)
SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):|^\s*//", re.I)
# raw HTML as a person types it in plain text or YAML: a tag, a comment, a declaration
RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*>|<!--|<!\[CDATA\[|<![A-Za-z]|<\?")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """URLs: links only to http(s), mailto or inside the book; images only from inside the book."""
    if attribute == "src" or attribute == "href" and tag != "a":
        return value if not SCHEME.match(value) or IMAGE_DATA.match(value) else None
    if attribute == "href":
        match = SCHEME.match(value)
        scheme = (match.group(1) or "").lower() if match else ""
        if scheme == "doi":  # pandoc links a bare "doi:10.…" in a note: the same work's resolver address
            return DOI_RESOLVER + value[match.end():].strip().lstrip("/")
        return value if not match or scheme in LINK_SCHEMES else None
    return value


def _cleaner(tags: set[str]) -> nh3.Cleaner:
    return nh3.Cleaner(tags=tags, clean_content_tags=DROPPED_WITH_CONTENT,
                       attributes={k: v for k, v in ATTRIBUTES.items() if k == "*" or k in tags},
                       generic_attribute_prefixes=PREFIXES, attribute_filter=_filter, link_rel=None,
                       url_schemes=LINK_SCHEMES | {"data", "doi"}, filter_style_properties=STYLE_PROPERTIES,
                       strip_comments=True)


_BLOCK = _cleaner(INLINE_TAGS | BLOCK_TAGS)
_INLINE = _cleaner(INLINE_TAGS)
_TEXT = _cleaner(set())


def _as_html(fragment: Markup) -> str:
    """The fragment serialised as HTML: the model's XHTML writes an empty element as `<object/>`, which an HTML5
    parser (Ammonia's) reads as an open tag that swallows the rest of the chapter."""
    root = fragment.root
    return escape_text(root.text or "") + "".join(
        etree.tostring(child, method="html", encoding="unicode", with_tail=True) for child in root)


def clean_markup(markup: str | Markup, inline: bool = False) -> Markup:
    """The markup with only what the allow-list keeps (`inline`: phrasing elements only, for titles).

    nh3 reads and writes text, so the fragment is written out as HTML for it and its answer parsed again: the one
    place where the model's markup is serialised before a renderer."""
    fragment = markup if isinstance(markup, Markup) else Markup.parse(markup or "")
    return _without_sourceless_images(_through_nh3(fragment, inline))


def _through_nh3(fragment: Markup, inline: bool) -> Markup:
    return Markup.parse((_INLINE if inline else _BLOCK).clean(_as_html(fragment)))


def _without_sourceless_images(fragment: Markup) -> Markup:
    for img in list(fragment.root.iter("img")):  # an image whose source was removed would be an empty box
        if not img.get("src"):
            img.drop_tree()
    return fragment


BOUNDARY = "data-volume-boundary"  # marks where one fragment ends in a batch (a data- attribute: both keep it)


def clean_markups(fragments: list[str], inline: bool = False) -> list[Markup]:
    """clean_markup of each fragment (well-formed XHTML, as pandoc's citeproc entries are), in one pass of the
    sanitiser: one parse, one nh3 call. (White space at a fragment's ends is read differently alone and in a
    batch: such fragments are cleaned one by one.)"""
    if any(fragment != fragment.strip() for fragment in fragments):
        return [clean_markup(fragment, inline) for fragment in fragments]
    batch = Markup.parse("".join(f"{fragment}<span {BOUNDARY}=\"\"></span>" for fragment in fragments))
    root = _through_nh3(batch, inline).root
    marks = [child for child in root if child.get(BOUNDARY) is not None]
    if len(marks) != len(fragments) or len(root.xpath(f".//*[@{BOUNDARY}]")) != len(fragments):
        return [clean_markup(fragment, inline) for fragment in fragments]  # a fragment was not whole after all
    results, text = [], root.text
    for mark in marks:
        part = Markup.empty()
        part.root.text = text if (text or "").strip() else None  # as the parser leaves a fragment's start
        while root.index(mark) > 0:
            part.root.append(root[0])
        text = mark.tail
        root.remove(mark)
        results.append(_without_sourceless_images(part))
    return results


def clean_text(markup: str) -> str:
    """The plain text of an HTML fragment as pandoc writes it (tags, comments and CDATA stripped, script and style
    content dropped), whitespace collapsed. (Not for the model's XHTML: see _as_html.)"""
    text = INVALID_XML_CHARS.sub("", html.unescape(_TEXT.clean(markup or "")))  # control characters: no XML
    return " ".join(text.split())


_ALLOWED_ATTRIBUTES = {tag: frozenset(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())) for tag in INLINE_TAGS | BLOCK_TAGS}
_PREFIXES = tuple(PREFIXES)
_UNSAFE_STYLE = re.compile(r"url\(|expression\(|@import", re.I)


def unsafe_parts(markup: str | Markup) -> list[str]:
    """What the allow-list would remove from the markup, for the diagnostic that says so."""
    found: set[str] = set()
    fragment = markup if isinstance(markup, Markup) else Markup.parse(markup)
    for element in fragment.root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        allowed = _ALLOWED_ATTRIBUTES.get(tag)
        if allowed is None:
            found.add(f"<{tag}>")
            continue
        for name, value in element.items():
            problem = _unsafe_attribute(tag, name.lower(), value, allowed)
            if problem:
                found.add(problem)
    return sorted(found)


def _unsafe_attribute(tag: str, name: str, value: str, allowed: frozenset[str]) -> str | None:
    if name.startswith("on"):
        return f"{name}= attribute"
    # (a link to a place in the book is safe: "#…" is not looked at further)
    if name in ("href", "src") and not value.startswith("#") and _filter(tag, name, value) is None:
        scheme = SCHEME.match(value)
        return "an image from outside the book" if name == "src" else f"{(scheme.group(1) or '//').lower()}: link"
    if name == "style" and _UNSAFE_STYLE.search(value):
        return "style with url()"
    if name not in allowed and not name.startswith(_PREFIXES):
        return f"{name}= attribute"
    return None


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
SVG_ELEMENTS = {"svg", "a", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
                "polygon", "text", "tspan", "textPath", "title", "desc", "linearGradient", "radialGradient", "stop",
                "clipPath", "mask", "pattern", "image", "marker", "filter", "switch", "view"}
LOCAL_REFERENCE = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);base64,)", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.I)


def clean_svg(data: bytes) -> tuple[bytes, list[str]]:
    """An SVG image with only static drawing left: no scripts, styles, foreign objects, animations or event
    handlers, and no reference to anything outside the file (WeasyPrint and reading systems would fetch it)."""
    from volume.xhtml import XML_PARSER

    root = etree.fromstring(data, XML_PARSER)
    removed: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            if element.getparent() is not None:
                element.getparent().remove(element)  # comments, processing instructions
            continue
        name = etree.QName(element)
        if name.namespace != SVG_NS or (name.localname not in SVG_ELEMENTS and not name.localname.startswith("fe")):
            removed.append(f"<{name.localname}>")
            if element.getparent() is not None:
                element.getparent().remove(element)
            continue
        for attribute, value in list(element.attrib.items()):
            local = etree.QName(attribute).localname.lower() if attribute.startswith("{") else attribute.lower()
            if local.startswith("on"):
                removed.append(f"{local}= attribute")
            elif local == "href" and not LOCAL_REFERENCE.match(value):
                removed.append("a reference outside the image")
            elif CSS_URL.search(value) or "expression(" in value.lower():
                removed.append(f"url() in {local}=")
            else:
                continue
            del element.attrib[attribute]
        if name.localname in ("image", "use") and element.getparent() is not None \
                and not any(etree.QName(a).localname == "href" for a in element.attrib):
            element.getparent().remove(element)  # an image of nothing: WeasyPrint would try to load "None"
    return etree.tostring(root, encoding="utf-8", xml_declaration=True), sorted(set(removed))
