"""Manifest order → each source read safely and converted by pandoc → the Volume model."""

from __future__ import annotations

import copy
import logging
import os
import re
from pathlib import Path
from typing import Callable

from lxml import etree

from volume.config import SOURCE_SUFFIXES, ContentsEntry, Manifest
from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.model import Author, BuildDate, Chapter, Markup, Part, Volume
from volume.near_names import closest
from volume.pandoc import convert, inline_markdown, is_cached
from volume.pandoc_warnings import report_pandoc_warnings
from volume.sanitizer import RAW_HTML, clean_markup, clean_text
from volume.source_lines import line_of

log = logging.getLogger(__name__)

MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_DOCX_BYTES = 100 * 2**20  # a Word file carries its images: the limit `volume import` applies too


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "chapter"


def resolve_inside(root: Path, name: str, where: SourceLocation, report: Report) -> Path | None:
    """The path `name` under `root`, or None (with a diagnostic) if it leaves the project."""
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        report.add("S002", f"'{name}' points outside the chapters folder; move the file into it", where)
        return None
    path = root / candidate
    try:
        real = path.resolve(strict=False)
        real.relative_to(root.resolve())
    except (ValueError, OSError):
        report.add("S002", f"'{name}' is a link that leaves the project; copy the file in instead", where)
        return None
    return path


def read_source(path: Path, where: SourceLocation, report: Report) -> bool:
    """Check a listed source is a readable text (or .docx) file; report what is wrong with it."""
    if not path.exists():
        near = closest(path.name, [p.name for p in path.parent.glob("*") if p.suffix.lower() in SOURCE_SUFFIXES])
        fix = f"did you mean '{near}'?" if near else "create it or fix the file name"
        report.add("S001", f"'{path.name}' is listed in the manifest but does not exist in "
                   f"{path.parent.name}/; {fix}", where)
        return False
    if path.is_dir():
        report.add("S001", f"'{path.name}' is a folder, not a file; list the chapter file itself", where)
        return False
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        report.add("S008", f"'{path.name}': chapters must be {', '.join(sorted(SOURCE_SUFFIXES))}", where)
        return False
    here = SourceLocation(path)
    is_word = path.suffix.lower() == ".docx"
    limit = MAX_DOCX_BYTES if is_word else MAX_SOURCE_BYTES
    if path.stat().st_size > limit:
        report.add("S003", f"the file is over {limit // 2**20} MB; split it", here)
        return False
    data = path.read_bytes()
    if not data.strip():
        report.add("S003", "the file is empty; write the chapter or remove it from the manifest", here)
        return False
    if is_word:
        return _word_file_is_safe(path, report)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add("S004", "not UTF-8 text (binary or another encoding); save it as UTF-8",
                   SourceLocation(path, line))
        return False
    if "\x00" in text:
        report.add("S004", "the file holds binary data (NUL bytes); is it the right file?", here)
        return False
    return True


def _word_file_is_safe(path: Path, report: Report) -> bool:
    """A Word file listed as a chapter gets the checks an imported one gets (a zip bomb, entries that point out of
    the document, encryption, an old .doc) before pandoc unpacks it."""
    from volume.importer.docx import check_docx

    try:
        check_docx(path)
    except VolumeError as exc:
        report.items.extend(d for d in exc.report.items if d not in report.items)
        return False
    return True


def _authors(meta: dict) -> tuple[Author, ...]:
    raw = meta.get("authors") or meta.get("author") or []
    if isinstance(raw, (str, dict)):
        raw = [raw]
    authors = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict):
            authors.append(Author(clean_text(str(item.get("name", ""))), clean_text(str(item.get("affiliation", "")))))
        else:
            authors.append(Author(clean_text(str(item))))
    return tuple(a for a in authors if a.name)


def _meta_text(meta: dict, key: str) -> str:
    value = meta.get(key, "")
    return value if isinstance(value, str) else ""


FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
TOP_KEY = re.compile(r"([A-Za-z0-9_-]+)[ \t]*:")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def raw_html_in_front_matter(path: Path, report: Report) -> set[str]:
    """The front-matter keys whose value holds raw HTML (each reported with its line): their markup is stripped."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return set()
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return set()
    found: set[str] = set()
    key = None
    for number, line in enumerate(match.group(1).splitlines() if match else [], start=2):
        top = TOP_KEY.match(line)
        key = top.group(1) if top else key
        raw = RAW_HTML.search(line)
        if key and raw:
            found.add(key)
            report.add("S010", f"raw HTML in the front matter's '{key}' ({raw.group(0)[:40]}) was removed; write "
                       "Markdown instead (*italic*, **bold**)", SourceLocation(path, number))
    return found


def _inline_field(meta: dict, key: str, stripped: set[str]) -> Markup:
    """A title-like front-matter field as safe inline markup; as plain text where it held raw HTML."""
    value = _meta_text(meta, key)
    if key in stripped:
        return Markup.from_text(clean_text(value))
    return clean_markup(_unwrapped_paragraph(Markup.parse(value)), inline=True).strip()


def _abstract(meta: dict, stripped: set[str]) -> Markup:
    value = _meta_text(meta, "abstract")
    if "abstract" not in stripped or not value.strip():
        return clean_markup(Markup.parse(value)).strip()
    abstract = Markup.parse("")
    paragraph = etree.SubElement(abstract.root, "p")
    paragraph.text = clean_text(value)
    return abstract


def _title(meta: dict, stripped: set[str], entry: ContentsEntry, body: Markup, path: Path, report: Report) -> Markup:
    """From the front matter, else the manifest (plain text), else the body's first heading, else the file name."""
    title = _inline_field(meta, "title", stripped)
    if not title and entry.title:
        title = Markup.from_text(entry.title)
    if title:
        return title
    heading = body.root.find(".//h1")
    if heading is not None:
        title = clean_markup(Markup(copy.deepcopy(heading)), inline=True).strip()
    else:
        report.add("S007", "no title; add `title:` to the YAML front matter (or title = in the manifest)",
                   SourceLocation(path, 1))
    return title or Markup.from_text(path.stem.replace("-", " ").title())


def _language(meta: dict, path: Path, report: Report) -> str:
    lang = clean_text(_meta_text(meta, "lang"))
    if lang and not LANGUAGE_TAG.fullmatch(lang):
        report.add("S012", f"lang '{lang[:40]}' is not a language tag such as en or ka; it was ignored",
                   SourceLocation(path, line_of(path, re.compile(r"(?m)^lang[ \t]*:"))))
        return ""
    return lang


def load_chapter(entry: ContentsEntry, path: Path, chapter_id: str, report: Report,
                 converted: tuple[dict, str, list[str]] | None = None) -> Chapter:
    """One source as a Chapter: pandoc's HTML parsed once into the model's Markup."""
    meta, html, warnings = converted if converted is not None else convert(path)
    report_pandoc_warnings(path, warnings, report)
    stripped = raw_html_in_front_matter(path, report)
    body = Markup.parse(html)
    title = _title(meta, stripped, entry, body, path, report)
    _drop_repeated_title(body, title.text())
    return Chapter(
        id=chapter_id,
        role=entry.role,
        matter=entry.matter,
        title=title,
        title_text=title.text(),
        body=body,
        subtitle=_inline_field(meta, "subtitle", stripped),
        authors=_authors(meta),  # names and affiliations are plain text: any markup is stripped
        date=clean_text(_meta_text(meta, "date")),
        lang=_language(meta, path, report),
        abstract=_abstract(meta, stripped),
        source=SourceLocation(path),
    )


def _drop_repeated_title(body: Markup, title: str) -> None:
    """HTML and Word sources often repeat the title as their first heading; the chapter head already shows it."""
    holder = body.root
    if len(holder) and holder[0].tag == "section" and not (holder.text or "").strip():
        holder = holder[0]  # pandoc's --section-divs wraps the heading in its section
    first = holder[0] if len(holder) else None
    if first is not None and first.tag == "h1" and not (holder.text or "").strip() \
            and " ".join(first.text_content().split()) == title:
        first.drop_tree()


def _unwrapped_paragraph(fragment: Markup) -> Markup:
    """A fragment that is one bare <p> as the paragraph's content (pandoc writes a metadata value as a paragraph)."""
    root = fragment.root
    if len(root) == 1 and root[0].tag == "p" and not root[0].attrib and not (root.text or "").strip() \
            and not (root[0].tail or "").strip():
        return Markup(root[0])
    return fragment


def convert_all(paths: list[Path], cache, citations=None) -> dict[Path, tuple[dict, str, list[str]] | VolumeError]:
    """Run pandoc on every source at once (separate processes, so threads suffice), using the cache."""
    from volume.scheduler import in_thread

    def one(path: Path):
        try:
            return convert(path, cache, citations)
        except VolumeError as exc:
            return exc

    jobs = [in_thread(one, path) for path in paths]
    return {path: job.result() for path, job in zip(paths, jobs)}


def load_volume(manifest: Manifest, report: Report | None = None, cache=None,
                before_converting: Callable[[int], None] | None = None) -> Volume:
    """Read every source the manifest lists, in order, into one Volume (before transforms). before_converting(n)
    is told how many sources pandoc is about to convert (the others come from the cache)."""
    report = report or Report()
    checked: dict[ContentsEntry, Path] = {}
    for entry in manifest.contents:
        if entry.kind == "source":
            path = resolve_inside(manifest.chapters_dir, entry.file, entry.location, report)
            if path is not None and read_source(path, entry.location, report):
                checked[entry] = path
    citations = None
    if manifest.references_file:
        citations = (manifest.chapters_dir / manifest.references_file, manifest.bibliography_style_file)
    paths = list(dict.fromkeys(checked.values()))
    if before_converting is not None:
        before_converting(sum(1 for path in paths if not is_cached(path, cache, citations)))
    converted = convert_all(paths, cache, citations)
    chapters: list[Chapter] = []
    parts: list[Part] = []
    used_ids: set[str] = set()
    current_part: str | None = None
    chapter_number = 0
    for entry in manifest.contents:
        if entry.kind == "part":
            part = Part(id=f"part-{len(parts) + 1}", number=len(parts) + 1, title=entry.title,
                        location=entry.location)
            parts.append(part)
            current_part = part.id
            continue
        path = checked.get(entry)
        if path is None:
            continue
        chapter_id = slugify(Path(entry.file).stem)
        while chapter_id in used_ids or chapter_id.startswith("part-"):
            chapter_id += "-x"
        used_ids.add(chapter_id)
        result = converted[path]
        if isinstance(result, VolumeError):
            report.items.extend(d for d in result.report.items if d not in report.items)
            continue
        chapter = load_chapter(entry, path, chapter_id, report, result)
        if entry.role == "chapter":
            chapter_number += 1
            chapter = chapter.with_(number=chapter_number)
        if entry.matter != "body":
            current_part = None
        chapters.append(chapter.with_(part_id=current_part if entry.matter == "body" else None))
    report.checkpoint()
    date = BuildDate.of(manifest.meta, os.environ.get("SOURCE_DATE_EPOCH", ""))
    return Volume(manifest=manifest, chapters=tuple(chapters), parts=tuple(parts), date=date,
                  description=description_markup(manifest.meta.description))


MARKDOWN_SIGNS = re.compile(r"[`*_\[\\<&]")  # in a manifest string: only then is pandoc asked to read it


def description_markup(description: str) -> Markup:
    """The description as the copyright page and the preview print it: its Markdown rendered, made safe."""
    if not MARKDOWN_SIGNS.search(description):
        return Markup.from_text(description)
    return clean_markup(_unwrapped_paragraph(Markup.parse(inline_markdown(description).strip())), inline=True).strip()
