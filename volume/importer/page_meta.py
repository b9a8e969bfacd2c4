"""What a saved page declares about its article in markup: <meta> tags, JSON-LD, bylines and dates marked up."""

from __future__ import annotations

import json
import re

from lxml import etree

from volume.importer import recognise as rec

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "report", "scholarlyarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "reportagenewsarticle", "techarticle", "posting", "socialmediaposting"}
# Classes that mark the author's name in blog and news templates.
AUTHOR_CLASS = ('//*[contains(concat(" ", normalize-space(@class), " "), " author ") '
                'or contains(concat(" ", normalize-space(@class), " "), " byline ") '
                'or contains(concat(" ", normalize-space(@class), " "), " author-name ") '
                'or contains(concat(" ", normalize-space(@class), " "), " entry-author ")]')
ADDRESS_IN_NAME = re.compile(r"\s*(?:\(\s*(?:https?://|www\.|mailto:)[^)]*\)|<[^>]*>|\S+@\S+|https?://\S+)")
LEAD = re.compile(r"^(?:by|von|par|автор[ы]?:?|yazar:?|author:?)\s+", re.IGNORECASE)


def page_meta(doc: etree._Element) -> dict[str, list[str]]:
    """<meta name|property|itemprop=... content=...> values by lower-case key, in page order; JSON-LD adds
    'ld:headline', 'ld:author' and 'ld:datepublished'."""
    found: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content") or meta.get("value")  # some pages write twitter:* with value=
        if name and value:
            found.setdefault(name, []).append(value.strip())
    for key, value in _json_ld(doc):
        found.setdefault(f"ld:{key}", []).append(value)
    return found


def _json_ld(doc: etree._Element) -> list[tuple[str, str]]:
    items = []
    for script in doc.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, ValueError):
            continue
        nodes = _nodes(data)
        by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict) and n.get("@id")}
        for node in nodes:
            types = node.get("@type", [])
            types = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
            if not types & ARTICLE_TYPES:
                continue
            if isinstance(node.get("headline"), str):
                items.append(("headline", node["headline"]))
            for author in _as_list(node.get("author")):
                author = by_id.get(author.get("@id"), author) if isinstance(author, dict) else author
                name = author.get("name") if isinstance(author, dict) else author
                if isinstance(name, str) and name.strip():
                    items.append(("author", name.strip()))
            if isinstance(node.get("datePublished"), str):
                items.append(("datepublished", node["datePublished"]))
    return items


def _nodes(data) -> list[dict]:
    nodes = []
    for item in _as_list(data):
        if isinstance(item, dict):
            nodes.append(item)
            nodes.extend(n for n in _as_list(item.get("@graph")) if isinstance(n, dict))
    return nodes


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def clean_name(name: str) -> str:
    """An author's name without an address, e-mail or 'By' in front of it."""
    name = ADDRESS_IN_NAME.sub("", rec.squash(name))
    return LEAD.sub("", name).strip(" ,;|–—-")


def _plausible(name: str) -> bool:
    return bool(name) and len(name) <= 60 and len(name.split()) <= 6 and not re.search(r"\d|https?:", name)


def dom_authors(doc: etree._Element, meta: dict[str, list[str]]) -> tuple[list[tuple[str, str]], str]:
    """The authors the markup names: rel=author / itemprop=author, JSON-LD, <meta> author tags, then an element
    of class 'author' or 'byline'."""
    for element in doc.xpath('//*[@rel="author"] | //*[@itemprop="author"] | //*[@itemprop="creator"]'):
        name = clean_name(element.xpath('string(.//*[@itemprop="name"])') or element.text_content()
                          or element.get("title") or "")
        if _plausible(name):
            return [(name, "")], "rel=author / itemprop=author"
    for key in ("ld:author", "author", "article:author", "citation_author", "dc.creator", "sailthru.author",
                "parsely-author"):
        names = [clean_name(n) for v in meta.get(key, []) for n in re.split(r"\s*;\s*|\s+and\s+", v)]
        names = list(dict.fromkeys(n for n in names if _plausible(n)))
        if names:
            return [(n, "") for n in names], f"<meta {key}>" if not key.startswith("ld:") else "JSON-LD"
    for element in doc.xpath(AUTHOR_CLASS):
        if element.tag in ("body", "html", "article", "section", "main"):
            continue
        name = clean_name(element.text_content())
        if _plausible(name):
            return [(name, "")], f"an element of class '{element.get('class')}'"
    return [], ""


def dom_date(doc: etree._Element, root: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """The publication date the markup states: <meta> tags, JSON-LD, then <time datetime> and datePublished."""
    for key in ("article:published_time", "ld:datepublished", "datepublished", "citation_publication_date",
                "dc.date.issued", "dc.date", "date", "pubdate", "publish-date", "sailthru.date", "og:published_time"):
        for value in meta.get(key, []):
            if rec.parse_date(value):
                return rec.parse_date(value), f"<meta {key}>" if not key.startswith("ld:") else "JSON-LD"
    published = root.xpath('.//time[contains(@class, "published")] | .//*[@itemprop="datePublished"]') + \
        doc.xpath('//*[@itemprop="datePublished"] | //time[contains(@class, "published")]')
    for element in [*published, *root.iter("time"), *doc.iter("time")]:
        value = element.get("datetime") or element.get("content") or element.text_content()
        if rec.parse_date(value or ""):
            return rec.parse_date(value), "<time datetime>"
    return "", ""
