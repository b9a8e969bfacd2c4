"""Links from an HTML page to a place in the page itself, however the saved page spells them ('https://site/post/#_ftn1',
'./Dog#cite_note-1' under <base>), written back as '#id'; and the elements such links reach."""

from __future__ import annotations

import re

from lxml import etree

from volume.importer import recognise as rec
from volume.importer.html_markers import MARKER_TEXT


def _address_key(address: str) -> str:
    """An address without its scheme, 'www.', query, fragment and closing slash: '//en.wikipedia.org/wiki/Dog'."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*:", "", address.strip(), flags=re.IGNORECASE)
    address = re.split(r"[?#]", address, maxsplit=1)[0].rstrip("/")
    return re.sub(r"^//www\.", "//", address).casefold()


def _own_addresses(doc: etree._Element) -> tuple[set[str], str]:
    """The page's own addresses as its head declares them (canonical, og:url, a wiki's dc:isVersionOf), and the
    <base> that relative links resolve against."""
    found = [*doc.xpath("//link[@rel='canonical' or contains(@rel, 'isVersionOf')]/@href"),
             *doc.xpath("//meta[@property='og:url' or @name='og:url']/@content")]
    base = next(iter(doc.xpath("//base/@href")), "")
    return {_address_key(a) for a in found if a.strip()} - {""}, base


def _resolved(href: str, base: str) -> str:
    """A link's address resolved against the page's <base> the way a browser does, for the cases pages use."""
    if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", href, re.IGNORECASE) or not base:
        return href
    if href.startswith("/"):
        host = re.match(r"^((?:[a-z][a-z0-9+.-]*:)?//[^/]+)", base, re.IGNORECASE)
        return (host.group(1) if host else "") + href
    return base.rsplit("/", 1)[0] + "/" + re.sub(r"^\./", "", href)


def _scripted_target(link: etree._Element, href: str, ids: set[str]) -> str | None:
    """The ids of the page a script link opens, as an in-page link names them ('ref3 ref4 ref5'): a link going
    nowhere ('JavaScript:void(0);', '#') whose onclick names ids of the page in one quoted string
    ("showRef(event, 'ref3 ref4 ref5')"); else None."""
    if not re.fullmatch(r"(?i)javascript:.*|#?", href):
        return None
    for quoted in re.findall(r"""['"]([^'"]{1,400})['"]""", link.get("onclick") or ""):
        names = quoted.split()
        if names and all(n in ids for n in names):
            return " ".join(names)
    return None


def same_page_links(doc: etree._Element) -> int:
    """Write links to a place in the page itself as '#id': a saved page keeps a note marker's link as its full
    address ('https://site/post/#_ftn1'), a wiki's REST HTML as './Dog#cite_note-1' under <base>. A link counts
    as one when the part before '#' is empty or is the page's own declared address and the id is in the page; a
    script link whose onclick names one id of the page is one too. A note's numbered back-links are taken out (see
    _drop_numbered_backlinks). Returns how many links were rewritten."""
    addresses, base = _own_addresses(doc)
    ids = {n for node in doc.iter() if isinstance(node.tag, str)
           for n in (node.get("id"), node.get("name")) if n}
    rewritten = 0
    for link in doc.iter("a"):
        href = (link.get("href") or "").strip()
        scripted = _scripted_target(link, href, ids)
        if scripted:  # 'javascript:void(0)' whose onclick opens reference 'ref26' of the page (ACS): a link to it
            link.set("href", "#" + scripted)
            rewritten += 1
            continue
        if "#" not in href or href.startswith("#"):
            continue
        where, fragment = href.split("#", 1)
        if fragment not in ids:
            continue
        if not where.strip() or (addresses and _address_key(_resolved(where, base)) in addresses):
            link.set("href", "#" + fragment)
            rewritten += 1
    _drop_numbered_backlinks(doc)
    return rewritten


BACKLINK_NUMBER = re.compile(r"[\[(]?(?:\d{1,3}(?:[.,]\d{1,3})?|[ivxl]{1,7})[\])]?")  # '1', '2', '1.0', '[3]', 'ii'


def _drop_numbered_backlinks(doc: etree._Element) -> None:
    """Take out a note's back-links that show numbers ('1 2 3' before a reference a wiki's REST HTML cites three times,
    '1.0 1.1' on a Chinese wiki): a link up the page to a marker that itself links to the note holding it. Left
    in, each reads as a marker of note 1, 2, 3 and the note takes that number. The markers stay as they are."""
    by_id, order = {}, {}
    for position, node in enumerate(doc.iter()):
        order[node] = position
        if isinstance(node.tag, str):
            for name in (node.get("id"), node.get("name")):
                if name:
                    by_id.setdefault(name, node)
    dropped = []
    for link in doc.iter("a"):
        href = (link.get("href") or "").strip()
        if not href.startswith("#") or not BACKLINK_NUMBER.fullmatch(rec.squash(link.text_content())):
            continue
        marker = by_id.get(href[1:])
        if marker is None or order[marker] > order[link]:  # a back-link points up to its marker; a marker down
            continue
        forward = [m for m in ([marker] if marker.tag == "a" else list(marker.iter("a")))
                   if (m.get("href") or "").startswith("#")]
        holders = {n for a in link.iterancestors() for n in (a.get("id"), a.get("name")) if n}
        if forward and all(m.get("href")[1:] in holders for m in forward):
            dropped.append(link)
    for link in dropped:
        link.drop_tree()


def holds_targets(element: etree._Element, targets: dict[str, int], share: float = 0.0) -> bool:
    """Whether an element holds notes a marker of the text links to (their id or name among `targets`), making up
    at least `share` of its text (a folded-away block of references, not a box of article information that also
    holds the affiliations the authors' numbers link to)."""
    if not targets:
        return False
    found = [n for n in element.iter() if isinstance(n.tag, str) and ((n.get("id") or "") in targets or
                                                                    (n.get("name") or "") in targets)]
    if not found or not share:
        return bool(found)
    holders = [n if rec.squash(n.text_content()) or n.getparent() is None else n.getparent() for n in found]
    noted = sum(len(rec.squash(h.text_content())) for h in {id(h): h for h in holders}.values())
    return noted >= share * len(rec.squash(element.text_content()))


def note_label_term(term: etree._Element, targets: dict[str, int]) -> bool:
    """A <dt> holding only a note's printed number ('[12]', a link back to its marker) over the <dd> a marker of
    the text links to (ScienceDirect's reference lists): the note is the <dd>, numbered by its marker."""
    following = term.getnext()
    return following is not None and following.tag == "dd" and holds_targets(following, targets) and \
        bool(MARKER_TEXT.fullmatch(rec.squash(term.text_content())))
