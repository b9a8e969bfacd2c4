"""Read one GOST reference (Russian and Ukrainian standard, ISO 690 kin): "Family I. O. Title / responsibility //
Journal. – Year. – Т. 5, № 2. – С. 10–20." or "… Title / … – Place: Publisher, Year. – 300 с.", also in the
2018 form ("Family, I. O. Title / I. O. Family. – Текст : электронный // Site : [сайт]. – URL: …"); None if the
reference does not have that shape throughout."""

from __future__ import annotations

import re

from volume.references.dates import date_field

AREA_RE = re.compile(r"\s+[–—-]\s+")  # GOST separates its areas with a spaced dash
SHORT_AREA_RE = re.compile(r"(?<=\.)\s+(?=(?:1[5-9]\d\d|20\d\d)\.|(?:Т|Т\.|Вып|№|С|Vol|No|P)\.?\s*\d)")
PART_OF_RE = re.compile(r"\s+//\s*")  # "Title // Journal", also "Title //Journal" (Google Scholar's GOST export)
AUTHOR_RE = re.compile(r"([^\W\d_][\w'’-]+(?:[ -][^\W\d_][\w'’-]+)?),?\s+((?:[^\W\d_]{1,2}\.(?:\s?|-(?=[^\W\d_]))){1,3})"
                       r"(?:,\s*|\s+|$)")  # "Chang, M.-W.": a hyphen joins the initials of a compound given name
# "Коршунов Антон, Гомзин Андрей. Title": people written family name and full given name, the list closed by a full stop
FULL_NAMES_RE = re.compile(r"((?:[^\W\d_][\w'’-]+ [^\W\d_][\w'’-]+, )*[^\W\d_][\w'’-]+ [^\W\d_][\w'’-]+)\.\s+")
LISTED_RE = re.compile(r"((?:[^\W\d_]{1,2}\.\s?){1,3})\s*([^\W\d_][\w'’-]+(?:[ -][^\W\d_][\w'’-]+)?)")  # "И. О. Фамилия"
OTHERS_RE = re.compile(r"\s*\[?(?:и др|et al)\.?\]?\.?$")
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)\.?$")
VOLUME_RE = re.compile(r"^(?:т|том|vol|bd|t)\.?\s*(\w+)(?:\s*\((\w+)\))?$", re.IGNORECASE)
ISSUE_RE = re.compile(r"^(?:№|no|nr|вып)\.?\s*(\w+(?:-\w+)?)(?:\s*\((\w+(?:-\w+)?)\))?$", re.IGNORECASE)  # "№ 1-2 (15-16)"
# "№ 2 (34)": the issue and, in brackets, its running number (or, in some lists, the volume: the string cannot tell),
# kept together as the issue, as written; "Т. 5, № 2" is volume 5, issue 2 (tests/cases/references/README.md)
PAGES_RE = re.compile(r"^(?:с|c|s|p|pp|стр)\.\s*([A-Za-zА-Яа-я]?\d+(?:\s*[–—-]\s*\d+)?)$", re.IGNORECASE)
ARTICLE_NUMBER_RE = re.compile(r"^(?:art|ст)\.\s*(?:no\.\s*)?\w+$", re.IGNORECASE)  # "Art. 7": no page range
LENGTH_RE = re.compile(r"^(?:[IVXLC]+,\s*)?\d+\s*(?:с|c|s|p|pp|стр)\.?(?:\s*:.*)?$", re.IGNORECASE)
PUBLICATION_RE = re.compile(r"^(?P<place>[^:;]+?)\s*:\s*(?P<publisher>[^,:;]+?),\s*(?P<year>1[5-9]\d\d|20\d\d)"
                            r"(?:\s*\([^)]*\))?\.?$")
IMPRINT_ONLY_RE = re.compile(r"^(?P<name>[^\W\d_][^:;,]{1,60}?),\s*(?P<year>1[5-9]\d\d|20\d\d)\.?$")
# The areas a reader of the work's fields passes over: the content type of GOST R 7.0.100-2018, ISBN, notes,
# a series in brackets, an edition statement
CONTENT_RE = re.compile(r"^(?:Текст|Электронная копия|Изображение)\s*:\s*[\w ,]+\.?$", re.IGNORECASE)
SKIPPED_RE = re.compile(r"^(?:ISBN\s|ISSN\s|Библиогр|Загл\.|Пер\. с|Режим доступа\s*:\s*(?:свободный|для)|\(.*\)\.?$"
                        r"|Дата (?:доступа|обращения)\s*:\s*[\d.]+$"  # "– Дата доступа: 07.06.2026.": the Belarusian form
                        r"|\d+(?:-?е|nd|rd|th|st)?\s*(?:ed|изд|éd)\b)", re.IGNORECASE)
URL_AREA_RE = re.compile(r"^(?:URL|Режим доступа)\s*:\s*(?P<url>\S+?)\.?(?:\s*\((?:дата обращения|accessed|date of access)[^)]*\))?"
                         r"\.?$", re.IGNORECASE)
DOI_AREA_RE = re.compile(r"^DOI:?\s*(?P<doi>10\.\S+?)\.?$", re.IGNORECASE)
RESOURCE_RE = re.compile(r"\s*\[(?:Электронный ресурс|Electronic resource|Текст)\]", re.IGNORECASE)
SITE_RE = re.compile(r"\s*:\s*\[(?:сайт|site|веб-сайт)\]$", re.IGNORECASE)
# A designation of what the work is, written after the title: not part of the title
GENRE_RE = re.compile(r"\s*:\s+(?:(?:учебное|учеб\.|учебно-методическое|учеб\.-метод\.|методическое|метод\.)\s+пособие|"
                      r"учебник|монография|monogr|monograph|textbook|практикум|хрестоматия|"
                      r"сборник(?: научных)? (?:статей|трудов)|справочник|словарь|(?:автореф\.\s+)?дис\.\s[^:/]+|diss)"
                      r"(?:\s+для\s+[\w\s]+)?$", re.IGNORECASE)  # ": monogr.", ": дис. … канд. техн. наук"
DISSERTATION_RE = re.compile(r":\s+(?:(?:автореф\.\s+)?дис\.\s|diss\.)")  # a thesis: its imprint may be its year alone
# An act named after its title ("О персональных данных : Федеральный закон от 27.07.2006 № 152-ФЗ"): the act's kind,
# date and number are no part of the title; its date is the work's
ACT_RE = re.compile(r"\s+:\s+(?:федеральный закон|федеральный конституционный закон|закон|указ|постановление|приказ|"
                    r"распоряжение)\b[^:]*?\bот\s+(\d{1,2})\.(\d{1,2})\.((?:1[89]|20)\d\d)(?:\s*г\.)?"
                    r"(?:\s*№\s*[\w-]+)?$", re.IGNORECASE)
# Who is responsible for a site ("Title : [сайт] / Компания Postgres Professional."): a body, not people with initials
# nor an editor, translator or compiler
BODY_RE = re.compile(r"(?![^\W\d_]{1,2}\.\s?[^\W\d_]{1,2}\.)(?!.*\b(?:под ред|пер\.|сост\.|ред\.|ed\.))[^\W\d_][^/;:\[\]]{1,60}",
                     re.IGNORECASE)
DAY_MONTH_RE = re.compile(r"^(\d{1,2})\s+(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*$",
                          re.IGNORECASE)  # "2025. – 13 марта": a web page's day after its year
MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
CONFERENCE_RE = re.compile(r"conference|proceedings|symposium|конференц|симпозиум|материалы|сборник", re.IGNORECASE)


def parse_gost(text: str) -> dict | None:
    """The work of a GOST reference, or None."""
    text = re.sub(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+", "", " ".join(text.split())).strip()
    short = not AREA_RE.search(text.partition(" // ")[2] if " // " in text else text)
    if short:
        text = _with_dashes(text)  # the short form without the dashes between areas
        if text is None:
            return None
    head, *container = PART_OF_RE.split(text, maxsplit=1)
    head_areas = [area for area in AREA_RE.split(head) if not CONTENT_RE.match(area.strip())]
    if short:  # in the short form a spaced dash before "//" is the title's own ("в конце XIX – начале XX века")
        head_areas = [" – ".join(head_areas)]
    authors, title = _authors_and_title(head_areas[0])
    if not title or (not authors and not container and not _has_url(head_areas[1:])):
        return None  # a work without a person at its head is read only when it says where it is
    act = ACT_RE.search(title)
    title = title[:act.start()] if act else title
    work: dict = {"author": authors, "title": title} if authors else {"title": title}
    if container:
        work = _article(work, container[0]) if len(head_areas) == 1 else None
    else:
        work = _book(work, head_areas[1:], thesis=bool(DISSERTATION_RE.search(head_areas[0])))
    if work is not None and act:
        work["type"] = "legislation"
        work["issued"] = date_field([int(act[3]), int(act[2]), int(act[1])])
    return work


def _with_dashes(text: str) -> str | None:
    """"Family I. O. Title // Journal. 2015. Т. 15. № 2. С. 21-23.": an article in the short form many Russian
    journals print, with full stops where the full form has its spaced dashes; written with the dashes (the areas
    after "//" start at the year and at each numbering), or None when the reference has not that shape."""
    head, found, container = text.partition(" // ")
    parts = SHORT_AREA_RE.split(container.strip())
    if not found or len(parts) < 3 or not YEAR_RE.match(parts[1]) or AREA_RE.search(container):
        return None
    return f"{head} // {' – '.join(parts)}"


def _has_url(areas: list[str]) -> bool:
    return any(URL_AREA_RE.match(area.strip()) for area in areas)


def _authors_and_title(statement: str) -> tuple[list[dict], str]:
    """"Campbell J. L., Pedersen O. K. The varieties …": the people at the start, the rest up to "/" the title;
    the people named after "/" when they are more than those at the start ("Title / A. B. Family, C. D. Family")."""
    people, at = [], 0
    for match in AUTHOR_RE.finditer(statement):
        if match.start() != at:
            break
        people.append({"family": match[1], "given": match[2].strip()})
        at = match.end()
    if not people:
        people, at = _full_names(statement)
    title, _, responsibility = statement[at:].partition(" / ")
    title = GENRE_RE.sub("", RESOURCE_RE.sub("", title).strip().rstrip(".").strip())
    site = SITE_RE.search(title)
    title = SITE_RE.sub("", title)
    if not (title[:1].isupper() or title[:1].isdigit()):  # "3D Gaussian Splatting …"
        return [], ""
    if site and not people and BODY_RE.fullmatch(responsibility.strip().rstrip(".").strip()):
        return [{"literal": responsibility.strip().rstrip(".").strip()}], title  # "Site : [сайт] / Microsoft."
    listed = _responsible(responsibility)
    if len(listed) > len(people) and (not people or listed[0]["family"] == people[0]["family"]):
        people = people[:1] + listed[1:] if people else listed
    return people, title


def _full_names(statement: str) -> tuple[list[dict], int]:
    """People at the head written "Family Given" with full given names that are known as given names
    ("Коршунов Антон, Гомзин Андрей. …"), and where the title starts; none when any given name is unknown."""
    from volume.references.name_lists import _known_given

    match = FULL_NAMES_RE.match(statement)
    if not match:
        return [], 0
    pairs = [name.split() for name in match[1].split(", ")]
    if not all(_known_given(given) and not _known_given(family) for family, given in pairs):
        return [], 0
    return [{"family": family, "given": given} for family, given in pairs], match.end()


def _responsible(statement: str) -> list[dict]:
    """The people of a statement of responsibility, "A. B. Family, C. D. Family [et al.]"; none when it names
    anything else (an editor, a translator, a body)."""
    names = OTHERS_RE.sub("", statement.split(";")[0].strip().rstrip(".").strip())
    people = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        match = LISTED_RE.fullmatch(name)
        if not match:
            return []
        people.append({"family": match[2], "given": match[1].strip()})
    return people


def _skipped(work: dict, area: str) -> bool:
    """Whether an area holds nothing of the work's own fields but its address: content type, ISBN, notes,
    series, edition, URL (kept), DOI (kept)."""
    url, doi = URL_AREA_RE.match(area), DOI_AREA_RE.match(area)
    if url:
        work["URL"] = url["url"]
    elif doi:
        work["DOI"] = doi["doi"]
    return bool(url or doi or CONTENT_RE.match(area) or SKIPPED_RE.match(area))


def _article(work: dict, container: str) -> dict | None:
    areas = [a.strip().rstrip(".").strip() for a in AREA_RE.split(container)]
    site = SITE_RE.search(areas[0])
    work["container-title"] = SITE_RE.sub("", areas[0])
    for area in areas[1:]:
        published = PUBLICATION_RE.match(area)
        if published:  # a paper in proceedings: "… // Conference. – Place : Publisher, Year. – P. 1–5."
            work.update(_published(published))
            continue
        if _skipped(work, area):
            continue
        for part in re.split(r",\s*|\.\s+(?=[№TТVv])", area):
            if not _article_part(work, part.strip().rstrip(".")):
                return None
    if not work["container-title"]:
        return None
    if "issued" not in work or site and work.get("URL"):
        if not work.get("URL"):
            return None
        work["type"] = "webpage"  # "Title. – Текст : электронный // Site : [сайт]. – URL: …"
    elif "publisher" in work:
        work["type"] = "paper-conference" if CONFERENCE_RE.search(work["container-title"]) else "chapter"
    else:
        work["type"] = "article-journal"
    return work


def _article_part(work: dict, part: str) -> bool:
    """One element of an article's areas: year, volume, issue (with the volume in brackets) or pages."""
    year, volume, issue, pages = (YEAR_RE.match(part), VOLUME_RE.match(part), ISSUE_RE.match(part),
                                  PAGES_RE.match(part))
    day = DAY_MONTH_RE.match(part)
    if year:
        work["issued"] = date_field([int(year[1])])
    elif day and "issued" in work:
        month = next(i for i, stem in enumerate(MONTH_STEMS, 1) if day[2].lower().startswith(stem))
        work["issued"] = date_field([work["issued"]["date-parts"][0][0], month, int(day[1])])
    elif volume:
        work["volume"] = volume[1]
        if volume[2]:
            work["issue"] = volume[2]  # "Т. 11(3)"
    elif issue:
        work["issue"] = f"{issue[1]} ({issue[2]})" if issue[2] else issue[1]  # "№ 2 (34)": see ISSUE_RE
    elif pages:
        work["page"] = pages[1]
    elif not ARTICLE_NUMBER_RE.match(part):
        return False
    return True


def _published(found: re.Match) -> dict:
    if "place" not in found.groupdict():  # "– Wiley, 2010.", "– М., 1983.": a publisher, or a place, alone
        name = found["name"].strip()
        key = "publisher-place" if _known_place(name) else "publisher"
        return {key: name, "issued": date_field([int(found["year"])])}
    return {"publisher-place": found["place"].strip(), "publisher": found["publisher"].strip(),
            "issued": date_field([int(found["year"])])}


def _known_place(name: str) -> bool:
    from volume.references.fields import _known_place as known

    return known(name) or known(name.rstrip(".")) or name.lower() in ("м.", "л.", "спб.", "к.", "мн.")


def _book(work: dict, areas: list[str], thesis: bool = False) -> dict | None:
    published = None
    for area in (a.strip() for a in areas):
        found = PUBLICATION_RE.match(area) or IMPRINT_ONLY_RE.match(area)
        if found and published is None:
            published = found
        elif thesis and YEAR_RE.match(area) and published is None and "issued" not in work:
            work["issued"] = date_field([int(YEAR_RE.match(area)[1])])  # "дис. … / Р. Т. Филдинг. – 2000. – 180 с."
        elif not LENGTH_RE.match(area) and not _skipped(work, area.rstrip(".").strip()):
            return None
    if published is None and "issued" in work:
        work["type"] = "thesis"
        return work
    if published is None:
        if not work.get("URL"):
            return None
        work["type"] = "webpage"  # "Title [Электронный ресурс]. – URL: … (дата обращения: …)."
        return work
    work.update(_published(published))
    work["type"] = "thesis" if thesis else "book"
    return work
