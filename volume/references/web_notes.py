"""Web notes as policy writers paste them: "(2020, September 24). Title. Site. URL", "Title. Site. URL",
"OEC. China/Kazakhstan. URL" — no author, no date, or an organisation's short name as author; and the notes around
them: '"Title," Site, Month Day, Year, URL' (with or without an author), 'Title - Site, accessed …, URL' (generated
"Works cited" lists), 'Org. (2026). *Title*. Site. URL', each with its access date in any of the volume's languages
(never the work's date), a list number before it, and a remark after it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from volume.references.bodies import org_like
from volume.references.dates import date_at_end, date_field, find_date, parse_apa_date, strip_access
from volume.references.keys import ascii_fold
from volume.references.urls import doi_from_url, find_urls

DATE_FIRST_RE = re.compile(r"^\((?P<date>[^()]{4,40})\)\.?\s+(?P<rest>.+)$")
DATE_LAST_RE = re.compile(r"^(?P<rest>.+?[.?!])\s+\((?P<date>[^()]{4,40})\)\.?$")
DATE_MID_RE = re.compile(r"^(?P<title>[^()]+?[.?!])\s+\((?P<date>[^()]{3,40})\)\.\s+(?P<site>[^()]+)$")  # APA 7 with no
# author: "Title. (n.d.). Site." — the title where the author goes
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,9}")
NO_DATE_RE = re.compile(r"(?<=[.\s])(?:n\.\s?d|s\.\s?d|o\.\s?J)\.(?=\s|$)")
SENTENCE_RE = re.compile(r"(?<=[^\s.][.?!])\s+(?=[A-Z0-9“\"«*‘'])")


def _segments(text: str) -> list[str]:
    text = NO_DATE_RE.sub(" ", text)  # "n.d.", "s.d.", "o.J.": no date, no segment
    return [_unquoted(s.strip().rstrip(".").strip("* ")) for s in SENTENCE_RE.split(text) if s.strip(" .")]


def _unquoted(segment: str) -> str:
    """A segment without the quotes around it ("‘Berlin Wall Built’"); a closing quote of its own stays."""
    pairs = {"‘": "’", "“": "”", '"': '"', "'": "'"}
    if len(segment) > 2 and segment[0] in pairs and segment[-1] == pairs[segment[0]]:
        return segment[1:-1].strip()
    return segment


def _host_words(url: str) -> list[str]:
    """The names in a URL's host, less "www" and the top-level domain: "learn.microsoft.com" -> learn, microsoft."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return [ascii_fold(label) for label in host.split(".")[:-1] if len(label) > 2] if host else []


def _matches_host(name: str, url: str, shortest_host: int = 0) -> bool:
    """Whether a name is the URL's host's: the host's word in it (one of at least `shortest_host` letters), it in the
    host's word, or its initials the host's word ("Environmental Defense Fund" at edf.org)."""
    folded = ascii_fold(name).replace(" ", "")
    initials = "".join(w[0] for w in ascii_fold(name).split() if w)
    return bool(folded) and any(
        folded in host or (len(host) >= shortest_host and host in folded) or (len(initials) > 1 and initials == host)
        for host in _host_words(url))


def _site_like(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "for", "de", "&"} for w in words)


ORDER = ("type", "author", "editor", "issued", "title", "container-title", "publisher", "publisher-place", "URL", "DOI",
         "accessed")


def read_web_note(text: str) -> dict | None:
    """The work of a web note in one of the pasted forms, or None if the note is not one of them."""
    work = _read(text)
    if work is None:
        return None
    return {key: work[key] for key in sorted(work, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))}


def _read(text: str) -> dict | None:
    found = _cleaned(text)
    if found is None:
        return None
    body, url, accessed = found
    if not body:  # a bare URL: a work only when a remark follows it (the bare URL alone has its own reading)
        return {"type": "webpage", "URL": url} if split_remark(text)[1] else None
    work = _quoted(body)
    literal = ((work or {}).get("author") or [{}])[0].get("literal")
    folded = ascii_fold(literal or "").replace(" ", "")
    if work and folded and "container-title" not in work and any(folded in host for host in _host_words(url)):
        return None  # 'Eurasianet, "Title," date, eurasianet.org/…': the site's name, or its author? Cannot be told
    if work and literal and len(work["author"]) == 1 and "container-title" not in work and _outlet(literal):
        work["container-title"] = work.pop("author")[0]["literal"]  # 'BBC News, "Title," date, URL': the outlet
        # named before the title is the site (tests/cases/references/README.md), not an author
    work = work or _org_dated(body, url) or _italic_report(body)
    if work is None:
        pasted = _pasted(body + " " + url)
        if pasted is not None or not accessed:
            return pasted
        work = _dash_site(body)
        if work is None:
            return None
    work["URL"] = url
    doi = doi_from_url(url)
    if doi:
        work["DOI"] = doi
    work.setdefault("type", "webpage")
    if isinstance(accessed, list):
        work["accessed"] = date_field(accessed)
    return work


def _outlet(name: str) -> bool:
    """A news outlet's name ("BBC News", "The Washington Post", "Foreign Policy Magazine"): APA's news words, no
    body's word ("Editorial Board", "News Desk" and "Office of News" sign; they are no outlet)."""
    from volume.references.apa import NEWS_WORDS_RE

    return bool(NEWS_WORDS_RE.search(name)) and not re.search(
        r"(?i)\b(?:board|desk|staff|team|office|department|agency|ministry|service|bureau)\b", name)


def _pasted(text: str) -> dict | None:
    """The three forms first written for: "(date). Title. Site. URL", "Title. Site. URL", "OEC. Title. URL"."""
    urls = find_urls(text)
    if len(urls) != 1 or text[urls[0][1]:].strip(" .") or len(text) > 400:
        return None
    url = urls[0][2]
    body = text[: urls[0][0]].strip()
    work: dict = {"URL": url}
    dated = DATE_FIRST_RE.match(body) or DATE_LAST_RE.match(body)  # "(2020, May 1). Title. Site." or "Title. Site. (…)."
    if not dated and DATE_MID_RE.match(body):
        return _title_dated_site(body, url)
    if dated:
        parsed = parse_apa_date(dated["date"])
        if parsed is None:
            return None
        if parsed[0]:
            work["issued"] = date_field(parsed[0])
        body = dated["rest"]
    segments = _segments(body)
    if any(re.search(r"\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)|^[^\W\d_][\w'’-]+,\s", s) for s in segments):
        return None  # an author and a year: a reference the other readers know
    if len(segments) == 1 and dated:
        work["title"] = segments[0]
        site = re.fullmatch(r"(?P<title>.*\S[^\s.])\.\s+(?P<site>[a-z][\w.-]*)", segments[0])
        if site and names_the_site(site["site"], url):  # "Microservices pattern: Sagas. microservices.io. (n.d.).":
            work["title"], work["container-title"] = site["title"], site["site"]  # a site named by its lower-case host
    elif len(segments) == 2:
        first, second = segments
        a_body_first = names_a_body(first, url) and not names_a_body(second, url)  # "Office of Water. Drinking
        # Water Rules. URL": a body and its page, or a page and its site? Read so only when the URL's host tells
        if _site_like(second) and (_matches_host(second, url) or dated) and not a_body_first:
            work["title"], work["container-title"] = first, second
        elif not dated and (ACRONYM_RE.fullmatch(first) or _matches_host(first, url)) and _site_like(first):
            work["author"], work["title"] = [{"literal": first}], second
        elif not dated and _site_like(second) and len(first.split()) > len(second.split()) + 2 and not a_body_first:
            work["title"], work["container-title"] = first, second
        else:
            return None
    else:
        return None
    doi = doi_from_url(url)
    if doi:
        work["DOI"] = doi
    work["type"] = "webpage"
    return work


def _title_dated_site(body: str, url: str) -> dict | None:
    """APA 7 with no author, "Title. (n.d.). Site. URL": a title that names no body, its date, and a short site name
    that is the URL's host's ("Speech to text made simple. (n.d.). Google Cloud."); None for any other shape."""
    match = DATE_MID_RE.match(body)
    if not match or re.search(r"[*_\[\]]", body):
        return None
    title, site = match["title"].rstrip(".").strip(), match["site"].strip(" .")
    parsed = parse_apa_date(match["date"])
    if (parsed is None or len(_segments(site)) != 1 or len(_segments(title)) != 1 or not _site_like(site)
            or names_a_body(title, url) or not names_the_site(site, url)):
        return None
    work: dict = {"type": "webpage", "title": title, "container-title": site, "URL": url}
    if parsed[0]:
        work["issued"] = date_field(parsed[0])
    doi = doi_from_url(url)
    if doi:
        work["DOI"] = doi
    return work


def names_the_site(name: str, url: str) -> bool:
    """A short name that is the URL's host's: "Google Cloud" at cloud.google.com, "Environmental Defense Fund" at
    edf.org (its initials); never a long title that merely holds the host's word."""
    return 1 <= len(name.split()) <= 4 and _matches_host(name, url, shortest_host=4)


LEAD_IN_RE = re.compile(r"(?:see(?: also)?|cf\.|compare|vgl\.|siehe|voir(?: aussi)?|bkz\.|см\.)\s", re.IGNORECASE)
NUMBER_RE = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.)\s+")
LEAD_RE = re.compile(  # the words that announce the URL: "[Online]. Available:", "– Режим доступа:", "Disponible à :"
    r"(?:\s*[\[(](?:online|en ligne|çevrimiçi)[\])]\.?)?\s*(?:[–—-]\s*)?(?:(?:available|accessible)(?:\s+(?:at|from|online))?"
    r"|retrieved\s+from|disponible(?:\s+(?:sur|à l[’']adresse|à))?|verfügbar(?:\s+unter)?|abgerufen\s+unter"
    r"|erişim\s+adresi|режим\s+доступа|url)\s*:?\s*<?(?:url\s*:)?\s*$"
    r"|\s*[\[(](?:online|en ligne|çevrimiçi)[\])]\.?\s*$",
    re.IGNORECASE,
)
REMARK_RE = re.compile(r"^\.?\s+[A-Z][a-z]*\S*(?:\s+\S+){3,}")  # a sentence after the URL: the writer's remark
QUOTED_RE = re.compile(r"^(?:(?P<who>[^\"“”«»„]{2,120}?)(?P<sep>[,.])\s*)?(?:[\"“„]|«\s?)(?P<title>[^\"“”«»„]{3,300}?)[,.]?(?:[\"”“]|\s?»),?"
                       r"\s*(?P<rest>.*)$")
PUBLISHED_RE = re.compile(r"[,\s]*\b(?:publié le|published(?: on)?|veröffentlicht am|publicado el|yayın tarihi:?)\s*$", re.IGNORECASE)
SITE_WORDS_RE = re.compile(r"^(?:sur|in:?|auf|en|on)\s+(?=\S)|\s*[\[(](?:[Ee]n ligne|[Oo]nline|[Çç]evrimiçi)[\])]")
INVERTED_RE = re.compile(r"(?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), (?P<given>[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,2})")
PERSON_RE = re.compile(r"(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+[A-Z]\.?)*(?:\s+[A-Z][\w'’-]+){1,2}")
DESCRIPTOR_RE = re.compile(r"\s*\((?:blog|podcast|video|newsletter|press release)\)$|,\s*(?:press release|blog post|blog|podcast|"
                           r"video|newsletter|report|fact sheet)$", re.IGNORECASE)  # what the page is, not its site
JOURNAL_RE = re.compile(r"\b(?:Journal|Review|Quarterly|Proceedings|Zeitschrift|Revue|Журнал|Dergisi)\b")
REPORT_TITLE_RE = re.compile(r"\b(?:Annual Report|Report \d{4}|Working Paper|Policy Brief|Issue Brief|White Paper)\b")
ORG_DATED_RE = re.compile(r"^(?P<who>[^()]{2,60}?)\.\s+\((?P<date>[^()]{4,30})\)\.\s+(?P<rest>.+)$")


def _cleaned(text: str) -> tuple[str, str, list[int] | bool] | None:
    """(the note before its one URL, without list number, access date and announcing words; the URL; whether an
    access date was written), or None when the note has no single URL at its end (a remark may follow it)."""
    bare, accessed = strip_access(text)
    urls = find_urls(bare)
    if len(urls) != 1 or len(bare) > 500:
        return None
    start, end, url = urls[0]
    tail = bare[end:].strip(" .>")
    if tail and not REMARK_RE.match(bare[end:].lstrip(">")):
        return None
    if LEAD_IN_RE.match(bare):
        return None  # "See …", "Cf. …": a lead-in the house readers keep as the note's comment
    body = NUMBER_RE.sub("", bare[:start]).rstrip()
    body = LEAD_RE.sub("", body).strip()
    body = re.sub(r"\s+,", ",", body).strip(" ,;")
    return body, url, accessed


def _people(who: str) -> list[dict] | None:
    """Authors written "Jessie G Taft, Celeste Campos-Castillo, and Denise L Anthony"; an organisation's name (one
    that is not a list of two- or three-word names) is one literal author; None if it reads as neither."""
    who = re.sub(r",?\s+et\s+al\.?$", "", who)  # "et al." adds no author
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", who) if n.strip()]
    persons = [bool(PERSON_RE.fullmatch(n)) and not n.isupper() and len(n.split()) <= 4 and not org_like(n) for n in names]
    if any(persons) and not all(persons):
        return None  # people and a body ("Sarah Leberstein and …, National Employment Law Project"): which is which?
    if names and all(persons):
        people = []
        for name in names:
            *given, family = name.split()
            people.append({"family": family, "given": " ".join(given)})
        return people
    if len(who.split()) <= 12 and who[:1].isupper() and not re.search(r"\d{4}|[\"“”]|\bet al\b", who):
        return [{"literal": who}]
    return None


def _date_at_end(rest: str) -> tuple[str, list[int] | None]:
    """A site name and the date written after it ("The Verge, September 14, 2022"; "2017"; "18 févr. 2025")."""
    rest = rest.strip(" ,.")
    found = date_at_end(rest)
    if found:
        return PUBLISHED_RE.sub("", rest[: found[0]]).strip(" ,."), found[1]
    year = re.search(r"(?:^|,\s*|\s)(?:(?:\d{1,2}\s+)?[^\W\d_]+\.?\s+)?((?:1[89]|20)\d\d)$", rest)
    if year:
        return rest[: year.start()].strip(" ,."), [int(year.group(1))]
    return rest, None


def _quoted(body: str) -> dict | None:
    """'[Author(s),] "Title," Site, Date' — the Chicago web note and the IEEE web entry."""
    match = QUOTED_RE.match(body)
    if not match:
        return None
    rest, parts = match["rest"], None
    dated = re.match(r"\((?P<date>[^()]{4,30})\)\.?\s*", rest)  # '"Title." (2025). Site.'
    if dated:
        parsed = parse_apa_date(dated["date"])
        if parsed is None:
            return None
        rest, parts = rest[dated.end():], parsed[0]
    site, at_end = _date_at_end(rest)
    if parts and at_end:
        return None
    parts = parts or at_end
    site = DESCRIPTOR_RE.sub("", SITE_WORDS_RE.sub("", site.strip("* ")).strip("* ,")).strip("* ")
    if re.search(r"[\"“”,*()]|\b(?:pp?|vol|no|eds?)\.\s", site) or len(site.split()) > 10:
        return None  # a site with a publisher, editors, numbers or a date after it: not a site alone
    work: dict = {"title": match["title"].strip().rstrip(",")}
    if match["who"]:
        inverted = INVERTED_RE.fullmatch(match["who"].strip()) if match["sep"] == "." else None
        given = inverted and re.sub(r"(?<=\b[A-Z])$", ".", inverted["given"])  # the stop the separator took back
        authors = ([{"family": inverted["family"], "given": given}] if inverted  # MLA: "Revkin, Andrew C."
                   else _people(match["who"].strip()) if match["sep"] == "," else None)
        if authors is None:
            return None
        work["author"] = authors
    if site and REPORT_TITLE_RE.search(work["title"]):
        work["type"], work["publisher"] = "report", site  # a title that names itself a report: the site publishes it
    elif site:
        work["container-title"] = site
        if JOURNAL_RE.search(site):
            work["type"] = "article-journal"  # "Oil & Gas Journal": an article of a periodical, put online
    if parts:
        work["issued"] = date_field(parts)
    return work


ABBREVIATED_BODY_RE = re.compile(  # a body's name with its abbreviation joined by a dash, as Spanish-language APA lists
    r"^(?P<name>[^\W\d_][^()*\[\]]{2,120}?\S\s[—–]\s?[A-Z][A-Z0-9]{1,9})\.?$")  # write it: "Dirección Nacional … —DNINFOA"


def names_a_body(name: str, url: str) -> bool:
    """An organisation's name, an acronym, a name with its abbreviation after a dash ("… Desarrollo Económico
    —OCDE"), or the name of the URL's host ("Axios" at axios.com), not a page's title."""
    return bool(org_like(name) or ACRONYM_RE.fullmatch(name) or ABBREVIATED_BODY_RE.match(name)
                or _matches_host(name, url))


def _org_dated(body: str, url: str = "") -> dict | None:
    """'Org. (2026). *Title*. Site.' — an organisation (one name, no initials) as author of a dated page."""
    match = ORG_DATED_RE.match(body)
    if not match or re.search(r"\b[A-Z]\.", match["who"]) or len(match["who"].split()) > 5:
        return None
    if not all(_site_like(n) or re.fullmatch(r"[\w.-]+", n) for n in re.split(r",?\s*&\s*", match["who"])):
        return None  # "The confluence of … interests. (2020)": a title where the author goes
    names = [n.strip() for n in re.split(r",?\s*&\s*", match["who"])]  # "BorisD23, & Instructables": handles, bodies
    if "," in match["who"] and not (len(names) > 1 and all(re.fullmatch(r"[\w.-]+", n) for n in names)):
        return None
    parsed = parse_apa_date(match["date"])
    described = re.search(r"[\[\]]|\((?![a-z][a-z ]*\))", match["rest"])  # "(the easy way)" is the title's own
    if parsed is None or described or "*" in re.sub(r"^\*[^*]+\*", "", match["rest"]):
        return None  # "[Blog post]", "(Briefing PE 603.949)", "*Title* [Report]": the APA reader's forms
    segments = _segments(match["rest"])
    if not 1 <= len(segments) <= 2 or (len(segments) == 2 and not _site_like(segments[1])):
        return None
    if len(segments) == 1 and not names_a_body(match["who"], url) and len(names) == 1:
        return None  # "Drug shortages reach record high. (2024). Axios.": a title and its site, or an author and a
        # title? Only a name that is a body's, or the URL's, tells
    work: dict = {"author": [{"literal": name} for name in names], "title": segments[0]}
    if len(segments) == 2:
        from volume.references.apa import named_publisher

        work["container-title"], work["type"] = segments[1], "webpage"
        named_publisher(work)  # "Publications Office of the European Union", a report's title: the publisher
    if parsed[0]:
        work["issued"] = date_field(parsed[0])
    return work


def _dash_site(body: str) -> dict | None:
    """'Title - Site' or 'Title' before an access date (generated "Works cited" lists): the site is a short name
    after the last " - "; a title that ends on "| Site" keeps it (the page names itself so)."""
    if (re.search(r"[\"“”«»*]|\S\s*\[|\(\s*(?:1[5-9]|20)\d\d|\b[A-Z]\.\s", body) or not body or body.endswith(".")
            or find_date(body)):
        return None  # a quoted title, a bracket, an author's year or initials, a date, sentences: another form
    if re.match(r"[^\W\d_][^,.]{0,40},\s*[^,.]{1,30}\.\s", body):
        return None  # "SMITH, John. Titre de la page": an author before the title
    title, dash, site = max((body.rpartition(d) for d in (" - ", " – ", " — ")), key=lambda split: len(split[0]))
    words = site.split()
    if (dash and 1 <= len(words) <= 4 and not re.search(r"\d", site)
            and (words[0][:1].isupper() or re.fullmatch(r"[\w-]+\.[a-z]{2,6}|[a-z]+[A-Z]\w*", site))):
        return {"title": title.strip(), "container-title": site.strip()}
    return {"title": body}


ITALIC_RE = re.compile(r"^(?P<who>[^*\"“”]{2,80}?),\s*\*(?P<title>[^*]{3,300})\*,\s*(?P<rest>[^*\"“”]+)$")


def _italic_report(body: str) -> dict | None:
    """'Author, *Title*, Publisher, Place, Date' — the IEEE form of a report or standard put online."""
    match = ITALIC_RE.match(body)
    if not match:
        return None
    rest, parts = _date_at_end(match["rest"])
    authors = _people(match["who"].strip())
    pieces = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts or authors is None or not 1 <= len(pieces) <= 3 or any(re.search(r"\d", p) for p in pieces):
        return None
    work: dict = {"type": "report", "author": authors, "title": match["title"].strip(), "publisher": pieces[0],
                  "issued": date_field(parts)}
    if len(pieces) > 1:
        work["publisher-place"] = ", ".join(pieces[1:])
    return work


def split_remark(text: str) -> tuple[str, str]:
    """A web note and the writer's remark after its URL ("…/aug-6-2018. However, the policy …"): (note, remark)."""
    urls = find_urls(text)
    if len(urls) == 1:
        end = urls[0][1]
        match = REMARK_RE.match(text[end:])
        if match and strip_access(text[end:])[0].strip(" .[]()"):  # an access date after the URL is no remark
            cut = end + len(text[end:]) - len(text[end:].lstrip(". "))
            return text[:cut].strip(), text[cut:].strip()
    return text, ""
