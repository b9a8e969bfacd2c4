"""What a saved page declares about its article in markup: <meta> tags, JSON-LD, bylines and dates marked up."""

from __future__ import annotations

import json
import re

from lxml import etree

from volume.importer import recognise as rec
from volume.importer import words

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "report", "scholarlyarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "reportagenewsarticle", "techarticle", "posting", "socialmediaposting"}
# Classes that mark the author's name in blog and news templates.
AUTHOR_CLASS = ('//*[contains(concat(" ", normalize-space(@class), " "), " author ") '
                'or contains(concat(" ", normalize-space(@class), " "), " byline ") '
                'or contains(concat(" ", normalize-space(@class), " "), " author-name ") '
                'or contains(concat(" ", normalize-space(@class), " "), " entry-author ") '
                'or contains(concat(" ", normalize-space(@class), " "), " post-author ")]')
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
                kind = author.get("@type", "") if isinstance(author, dict) else ""
                if isinstance(name, str) and name.strip() and kind not in ("Organization", "NewsMediaOrganization",
                                                                           "Corporation", "WebSite"):
                    items.append(("author", name.strip()))
            if isinstance(node.get("datePublished"), str):
                items.append(("datepublished", node["datePublished"]))
    return items


def _nodes(data) -> list[dict]:
    """The JSON-LD objects a script holds: its top-level ones, those of an @graph, and the article a page object
    names as its main entity ('{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", …}}')."""
    nodes = []
    for item in _as_list(data):
        if isinstance(item, dict):
            nodes.append(item)
            nodes.extend(n for n in _as_list(item.get("@graph")) if isinstance(n, dict))
    nodes.extend(n for node in list(nodes) for n in _as_list(node.get("mainEntity")) if isinstance(n, dict))
    return nodes


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def clean_name(name: str) -> str:
    """An author's name without an address, e-mail or 'By' in front of it; 'Bushong, Jacob T.' turned round."""
    name = ADDRESS_IN_NAME.sub("", rec.squash(name))
    name = LEAD.sub("", name).strip(" ,;|–—-")
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and len(parts[0].split()) <= 3 and rec.looks_like_name(f"{parts[1]} {parts[0]}"):
        return f"{parts[1]} {parts[0]}"
    return name


# Words that make a name an organisation's, not a person's: a publisher or a wiki is no author.
ORGANISATION_WORDS = {
    "corporation", "corp", "inc", "ltd", "llc", "gmbh", "publishing", "publishers", "publisher", "press", "media",
    "contributors", "projects", "project", "staff", "editors", "editorial", "team", "desk", "news", "agency",
    "foundation", "institute", "office", "ministry", "department", "government", "university", "wikipedia",
    "admin", "administrator", "webmaster", "redaktion", "rédaction", "редакция", "editör", "haber", "group",
}


def _plausible(name: str) -> bool:
    words = {w.strip(".,").lower() for w in name.split()}
    slug = name == name.lower() and bool(re.search(r"[-_]", name))  # 'sarah-indra': a login's slug
    return bool(name) and len(name) <= 60 and len(name.split()) <= 6 and not re.search(r"\d|https?:|@", name) \
        and not words & ORGANISATION_WORDS and not slug


def _names(values: list[str], split: bool) -> list[str]:
    pieces = [n for v in values for n in (re.split(r"\s*;\s*|\s+(?:" + words.AND_WORDS + r")\s+", v) if split
                                          else re.split(r"\s*;\s*", v))]  # (a ';' is in no one's name)
    pieces = [n for piece in pieces for n in _listed(piece)]
    names = [clean_name(n) for n in pieces]
    return list(dict.fromkeys(n for n in names if _plausible(n)))


def _listed(value: str) -> list[str]:
    """'Anna Schmidt, Peter Müller' in one tag: two names (but 'Harm, Robert' is one, written surname first)."""
    parts = [p.strip() for p in rec.squash(value).split(",")]
    if len(parts) > 1 and all(len(p.split()) >= 2 and rec.looks_like_name(p) for p in parts):
        return parts
    return [value]


SCHOLARLY_AUTHORS = (("citation_author", False), ("citation_authors", True), ("dc.creator", False),
                     ("dcterms.creator", False), ("prism.author", False))
OTHER_AUTHORS = (("ld:author", False), ("article:author", True), ("parsely-author", True),
                 ("sailthru.author", True), ("byl", True))
# <meta name="author">: on a blog or a site built from a template often the template's or the site owner's name,
# so a byline the page prints comes before it
GENERIC_AUTHORS = (("author", True),)


def scholarly_authors(meta: dict[str, list[str]]) -> tuple[list[tuple[str, str]], str]:
    """Every author a journal page lists in its citation_* or Dublin Core tags, in order."""
    for key, split in SCHOLARLY_AUTHORS:
        names = _names(meta.get(key, []), split)
        if names:
            return [(n, "") for n in names], f"<meta {key}>"
    return [], ""


def meta_authors(meta: dict[str, list[str]], keys=OTHER_AUTHORS) -> tuple[list[tuple[str, str]], str]:
    """The authors named by the given <meta> or JSON-LD keys, in the order of the keys."""
    for key, split in keys:
        names = [n for n in _names(meta.get(key, []), split) if not n.startswith(("http", "www."))]
        if names:
            return [(n, "") for n in names], f"<meta {key}>" if not key.startswith("ld:") else "JSON-LD"
    return [], ""


def dom_authors(doc: etree._Element, meta: dict[str, list[str]]) -> tuple[list[tuple[str, str]], str]:
    """The authors the markup names: citation_* and Dublin Core tags, rel=author / itemprop=author, JSON-LD and
    article:author tags, then an element of class 'author' or 'byline' (the generic <meta name="author"> is the
    caller's last resort); organisations are no authors."""
    found = scholarly_authors(meta)
    if found[0]:
        return found
    for element in doc.xpath('//*[@rel="author"] | //*[@itemprop="author"] | //*[@itemprop="creator"]'):
        if _theme_credit(element):
            continue
        name = clean_name(element.xpath('string(.//*[@itemprop="name"])') or element.text_content()
                          or element.get("title") or "")
        if _plausible(name):
            return [(name, "")], "rel=author / itemprop=author"
    found = meta_authors(meta)
    if found[0]:
        return found
    found = profile_links(doc)
    if found[0]:
        return found
    for element in doc.xpath(AUTHOR_CLASS):
        if element.tag in ("body", "html", "article", "section", "main"):
            continue
        text = rec.squash(element.text_content())
        byline = rec.parse_byline(text) if len(text) < 160 else None
        if byline:
            return byline, f"an element of class '{element.get('class')}'"
        name = clean_name(text)
        if _plausible(name) and rec.looks_like_name(name):
            return [(name, "")], f"an element of class '{element.get('class')}'"
    return [], ""


THEME_CREDIT = re.compile(r"\b(?:theme|template|designed|design by|powered by|thema|thème)\b", re.IGNORECASE)


def _theme_credit(element: etree._Element) -> bool:
    """A rel=author link that credits the site's theme ('Theme: ColorMag von <a rel="author">ThemeGrill</a>'), not
    the article's writer."""
    parent = element.getparent()
    around = rec.squash(parent.text_content()) if parent is not None else ""
    return "theme" in (element.get("href") or "").lower() or (len(around) < 300 and bool(THEME_CREDIT.search(around)))


PROFILE = re.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?|experts?|people|person|profiles?|staff|team|fellows?|"
                     r"scholars?|contributors?|avtory?|yazar(?:lar)?|mitarbeiter(?:innen)?)/[\w%.-]+/?(?:[?#].*)?$",
                     re.IGNORECASE)
LONG_PARAGRAPH = 25  # words: the article's text has begun


def profile_links(doc: etree._Element) -> tuple[list[tuple[str, str]], str]:
    """Names linked to their profile pages ('/experts/jane-doe', '/author/anna-schmidt') between the page's <h1>
    and the first paragraph of its text: the authors a think tank's or newspaper's header lists."""
    heading = next((h for h in doc.iter("h1") if h.text_content().strip()), None)
    if heading is None:
        return [], ""
    names, started = [], False
    for element in doc.iter():
        if element is heading:
            started = True
            continue
        if not started or not isinstance(element.tag, str):
            continue
        if element.tag == "p" and len(element.text_content().split()) >= LONG_PARAGRAPH:
            break
        if element.tag == "a" and PROFILE.search(element.get("href") or ""):
            name = clean_name(element.text_content())
            if _plausible(name) and rec.looks_like_name(name) and name not in names:
                names.append(name)
    return ([(n, "") for n in names], "links to the authors' profile pages") if names else ([], "")


# Publication dates by name; the generic ones (a page's 'date' may be when it was saved) only after its own lines.
DECLARED_DATES = ("citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued",
                  "dcterms.issued", "prism.publicationdate", "article:published_time", "ld:datepublished",
                  "datepublished", "og:published_time")
GENERIC_DATES = ("dc.date", "dcterms.date", "date", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date")
def declared_date(meta: dict[str, list[str]], keys: tuple[str, ...] = DECLARED_DATES) -> tuple[str, str]:
    """The publication date the page's <meta> tags or JSON-LD state."""
    for key in keys:
        for value in meta.get(key, []):
            compact = re.fullmatch(r"((?:19|20)\d{2})([01]\d)([0-3]\d)", value.strip())  # 'pubdate' 20210303
            value = "-".join(compact.groups()) if compact else value
            if rec.parse_date(value):
                return rec.parse_date(value), f"<meta {key}>" if not key.startswith("ld:") else "JSON-LD"
    return "", ""


def wiki_revision(doc: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """A wiki page's revision date, from its footer: MediaWiki's (its 'footer-info-lastmod' line also on a saved
    page that lost the generator tag), Wikidot's 'page-info' line ('page revision: 8, last edited: 17 Jun 2018')."""
    from volume.importer.byline import WIKI_EDITED
    wiki = any("mediawiki" in v.lower() for v in meta.get("generator", []))
    for element in doc.xpath('//*[@id="footer-info-lastmod"] | //*[@id="page-info"]' +
                             (' | //footer | //*[@id="footer"] | //*[contains(@class, "last-modified-bar")]'
                              if wiki else "")):  # (Wikidot's 'page-info'; the mobile skin's bar)
        text = rec.squash(element.text_content())
        edited = WIKI_EDITED.search(text)
        found = rec.revision_date(text) or (rec.parse_date(edited.group("date"), False) if edited else None)
        if found:
            return found, "the wiki page's revision ('last edited')"
    return "", ""


# hAtom's and templates' published date: <time class="published">, <abbr class="published" title="2016-12-23T…">
PUBLISHED_CLASS = ('*[(self::time and contains(@class, "published")) or ((self::abbr or self::span) and '
                   'contains(concat(" ", normalize-space(@class), " "), " published "))]')


def dom_date(doc: etree._Element, root: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """The publication date the markup states: <meta> tags, JSON-LD, then <time datetime> and datePublished."""
    found = declared_date(meta, DECLARED_DATES + GENERIC_DATES)
    if found[0]:
        return found
    published = root.xpath(f'.//*[@itemprop="datePublished"] | .//{PUBLISHED_CLASS}') + \
        doc.xpath(f'//*[@itemprop="datePublished"] | //{PUBLISHED_CLASS}')
    for element in [*published, *root.iter("time"), *doc.iter("time")]:
        value = element.get("datetime") or element.get("content") or element.get("title") or element.text_content()
        if rec.parse_date(value or ""):
            return rec.parse_date(value), "<time datetime>"
    return address_date(doc, meta)


# A date in the page's own address, as blogs build them: '/2011/09/17/slug/', '/posts/2019-12-22-slug/'
ADDRESS_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})(?:/|-)(?P<mon>[01]\d)(?:/|-)(?P<day>[0-3]\d)(?:/|-)[\w%-]")


def address_date(doc: etree._Element, meta: dict[str, list[str]]) -> tuple[str, str]:
    """The date in the page's canonical address or og:url, when nothing in the page states one."""
    addresses = [*doc.xpath('//link[@rel="canonical"]/@href'), *meta.get("og:url", [])]
    for address in addresses:
        match = ADDRESS_DATE.search(address)
        if match:
            found = rec.parse_date(f"{match['year']}-{match['mon']}-{match['day']}")
            if found:
                return found, f"the page's address ({address[:80]})"
    return "", ""


def etext_authors(doc: etree._Element) -> tuple[list[tuple[str, str]], str]:
    """The authors an e-text archive's catalogue entry in the page names ('Author: Edgar MacCulloch' over '*** START
    OF THIS PROJECT GUTENBERG EBOOK …'), for a page whose markup names none."""
    from volume.importer.text_frames import etext_catalogue

    body = doc.find(".//body")
    names = etext_catalogue(body.text_content() if body is not None else "")[1]
    return ([(n, "") for n in names], "the e-text's catalogue entry") if names else ([], "")
