"""Manifest order → each source read safely and converted by pandoc → the Volume model."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from volume.config import SOURCE_SUFFIXES, ContentsEntry, Manifest
from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.model import Author, Chapter, Part, Volume
from volume.near_names import closest
from volume.pandoc import convert, inline_markdown
from volume.pandoc_warnings import report_pandoc_warnings
from volume.sanitizer import RAW_HTML, clean_markup, clean_text
from volume.xhtml import escape_text, plain_text

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


def _inline_field(meta: dict, key: str, stripped: set[str]) -> str:
    """A title-like front-matter field as safe inline XHTML; as escaped plain text where it held raw HTML."""
    value = _meta_text(meta, key)
    return escape_text(clean_text(value)) if key in stripped else clean_markup(_strip_p(value), inline=True).strip()


def load_chapter(entry: ContentsEntry, path: Path, chapter_id: str, report: Report,
                 converted: tuple[dict, str, list[str]] | None = None) -> Chapter:
    meta, body, warnings = converted if converted is not None else convert(path)
    report_pandoc_warnings(path, warnings, report)
    stripped = raw_html_in_front_matter(path, report)
    title = _inline_field(meta, "title", stripped)
    if not title and entry.title:
        title = escape_text(entry.title)  # the manifest's title is plain text
    if not title:
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
        title = clean_markup(heading.group(1), inline=True).strip() if heading else ""
        if not title:
            title = escape_text(path.stem.replace("-", " ").title())
        if not heading:
            report.add("S007", "no title; add `title:` to the YAML front matter (or title = in the manifest)",
                       SourceLocation(path, 1))
    body = _drop_repeated_title(body, plain_text(title))
    lang = clean_text(_meta_text(meta, "lang"))
    if lang and not LANGUAGE_TAG.fullmatch(lang):
        report.add("S012", f"lang '{lang[:40]}' is not a language tag such as en or ka; it was ignored",
                   SourceLocation(path, _front_matter_line(path, "lang")))
        lang = ""
    abstract = _meta_text(meta, "abstract")
    abstract = (f"<p>{escape_text(clean_text(abstract))}</p>" if "abstract" in stripped and abstract.strip()
                else clean_markup(abstract))
    return Chapter(
        id=chapter_id,
        role=entry.role,
        matter=entry.matter,
        title=title,
        title_text=plain_text(title),
        body=body,
        subtitle=_inline_field(meta, "subtitle", stripped),
        authors=_authors(meta),  # names and affiliations are plain text: any markup is stripped
        date=clean_text(_meta_text(meta, "date")),
        lang=lang,
        abstract=abstract.strip(),
        source=SourceLocation(path),
    )


def _front_matter_line(path: Path, key: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(rf"(?m)^{re.escape(key)}[ \t]*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _drop_repeated_title(body: str, title: str) -> str:
    """HTML and Word sources often repeat the title as their first heading; the chapter head already shows it."""
    match = re.match(r"\s*(?:<section[^>]*>\s*)?<h1[^>]*>(.*?)</h1>", body, re.S)
    if match and plain_text(match.group(1)) == title:
        return body[: match.start(1)].rsplit("<h1", 1)[0] + body[match.end():]
    return body


def _strip_p(markup: str) -> str:
    markup = markup.strip()
    match = re.fullmatch(r"<p>(.*)</p>", markup, re.S)
    return match.group(1) if match else markup


def convert_all(paths: list[Path], cache, citations=None) -> dict[Path, tuple[dict, str, list[str]] | VolumeError]:
    """Run pandoc on every source at once (separate processes, so threads suffice), using the cache."""
    from concurrent.futures import ThreadPoolExecutor

    def one(path: Path):
        try:
            return convert(path, cache, citations)
        except VolumeError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(paths, pool.map(one, paths)))


def load_volume(manifest: Manifest, report: Report | None = None, cache=None) -> Volume:
    """Read every source the manifest lists, in order, into one Volume (before transforms)."""
    report = report or Report()
    checked: dict[ContentsEntry, Path] = {}
    for entry in manifest.contents:
        if entry.kind == "source":
            path = resolve_inside(manifest.chapters_dir, entry.file, entry.location, report)
            if path is not None and read_source(path, entry.location, report):
                checked[entry] = path
    citations = None
    if manifest.references_file:
        from volume.transforms.bibliography import style_file

        citations = (manifest.chapters_dir / manifest.references_file, style_file(manifest))
    converted = convert_all(list(dict.fromkeys(checked.values())), cache, citations)
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
    return Volume(manifest=manifest, chapters=tuple(chapters), parts=tuple(parts),
                  description_html=description_html(manifest.meta.description))


MARKDOWN_SIGNS = re.compile(r"[`*_\[\\<&]")


def description_html(description: str) -> str:
    """The description as the copyright page and the preview print it: its Markdown rendered, made safe."""
    if not MARKDOWN_SIGNS.search(description):
        return escape_text(description)
    return clean_markup(_strip_p(inline_markdown(description)), inline=True).strip()
