"""A Word file: checked as a zip before pandoc sees it, then converted to Markdown with its notes as footnotes."""

from __future__ import annotations

import html
import json
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pypandoc
from lxml import etree

from volume.diagnostics import SourceLocation, VolumeError
from volume.importer import recognise as rec
from volume.pandoc import BODY_MARK, TEMPLATE

MAX_UNPACKED_BYTES = 100 * 2**20  # a long book in Word is a few MB; more is a zip bomb or not a chapter
MAX_RATIO = 100  # deflated XML rarely shrinks more than 30 times
RATIO_FLOOR = 2**20  # small entries may compress as they like
MAX_ENTRIES = 5000
MEDIA = "@@MEDIA@@"  # where the chapter's images go, filled in once the chapter's slug is known
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif"}
MARKDOWN_OUT = ("markdown-raw_html-raw_attribute-bracketed_spans-native_spans-native_divs-fenced_divs"
                "-link_attributes-header_attributes-smart")
CORE_NS = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
           "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


@dataclass
class WordChapter:
    body: str  # Markdown with [^n] footnotes; images under MEDIA/
    title: str = ""
    subtitle: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)
    date: str = ""
    abstract: str = ""
    media: dict[str, bytes] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    has_notes: bool = False  # Word footnotes or endnotes: a document written in Word, not a page saved as Word


def _refuse(message: str, source: Path, code: str = "P002") -> VolumeError:
    return VolumeError.single(code, message, SourceLocation(source))


def check_docx(source: Path) -> None:
    """Refuse a .docx whose zip could write outside a folder or unpack into far more than it holds."""
    if source.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _refuse("this is an old-format .doc or a password-protected file; open it in Word and save it "
                      "as an unprotected .docx", source, "P001")
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise _refuse(f"the .docx holds {len(infos)} files; a Word document holds a few dozen", source)
            for info in infos:
                name = info.filename.replace("\\", "/")
                if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in PurePosixPath(name).parts:
                    raise _refuse(f"the .docx holds an entry '{info.filename}' that points outside the document; "
                                  "it was not made by Word: save the text again from Word", source)
                if info.flag_bits & 0x1:
                    raise _refuse("the .docx is encrypted; save an unprotected copy from Word", source)
            if "word/document.xml" not in {i.filename for i in infos}:
                raise _refuse("this zip holds no word/document.xml: it is not a Word document", source, "P001")
            _check_sizes(archive, infos, source)
    except zipfile.BadZipFile:
        raise _refuse("the .docx is damaged (not a readable zip); save it again from Word", source) from None
    except (zlib.error, NotImplementedError, RuntimeError, EOFError) as exc:
        raise _refuse(f"the .docx cannot be unpacked ({exc}); save it again from Word", source) from None


def _check_sizes(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], source: Path) -> None:
    """Unpack every entry without keeping it, counting real bytes (a zip's declared sizes can lie)."""
    total = 0
    for info in infos:
        size = 0
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                size += len(chunk)
                total += len(chunk)
                if total > MAX_UNPACKED_BYTES:
                    raise _refuse(f"the .docx unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; "
                                  "split it or compress its images", source)
                if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                    raise _refuse(f"'{info.filename}' in the .docx unpacks to over {MAX_RATIO} times its packed "
                                  "size (a zip bomb?); it was refused", source)


def _core_properties(source: Path) -> dict[str, str]:
    with zipfile.ZipFile(source) as archive:
        try:
            data = archive.read("docProps/core.xml")
        except KeyError:
            return {}
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    found = {}
    for key, path in (("title", "dc:title"), ("creator", "dc:creator"), ("created", "dcterms:created")):
        value = root.findtext(path, namespaces=CORE_NS)
        if value and value.strip():
            found[key] = value.strip()
    return found


def _convert(source: Path, media_dir: Path) -> tuple[dict, str]:
    try:
        output = pypandoc.convert_file(
            str(source), MARKDOWN_OUT, format="docx", sandbox=True,
            extra_args=["--wrap=none", f"--template={TEMPLATE}", f"--extract-media={media_dir}",
                        "--track-changes=accept"])
    except RuntimeError as exc:
        lines = [line for line in str(exc).splitlines() if line.strip() and "Pandoc died" not in line]
        raise _refuse(f"pandoc could not read the .docx: {(lines or ['unknown error'])[0][:200]}", source) from None
    except OSError as exc:
        raise _refuse(f"pandoc failed to run: {exc}", source) from None
    meta_json, _, body = output.partition(BODY_MARK)
    try:
        meta = json.loads(meta_json.strip() or "{}")
    except json.JSONDecodeError:
        meta = {}
    return meta, body.strip()


def _text(value) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value.get("name", ""))
    return str(value).strip() if value is not None else ""


def _collect_media(body: str, media_dir: Path, chapter: WordChapter) -> str:
    def move(match: re.Match) -> str:
        path = Path(match.group(2))
        if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            chapter.dropped.append(f"image {path.name} ({path.suffix or 'no type'}: not PNG, JPEG or GIF); "
                                   "export it as PNG and add it by hand")
            return ""
        chapter.media[path.name] = path.read_bytes()
        return f"{match.group(1)}({MEDIA}/{path.name})"

    pattern = re.compile(r"(!\[[^\]]*\])\((" + re.escape(str(media_dir)) + r"/[^)\s]+)\)")
    body = pattern.sub(move, body)
    if chapter.media:
        chapter.recognised.append(f"{len(chapter.media)} image(s)")
    return body


def _promote_headings(body: str, chapter: WordChapter) -> str:
    """Word's Heading 1 is a section here (the chapter title is the level above): shift headings down one."""
    if not chapter.title:
        first = re.match(r"\s*# (.+)\n", body)
        if first:
            chapter.title = first.group(1).strip()
            chapter.recognised.append(f"title: {rec.plain(chapter.title)} (from the first Heading 1)")
            body = body[first.end():]
    if re.search(r"^# ", body, re.MULTILINE):
        body = re.sub(r"^(#{1,5}) ", r"#\1 ", body, flags=re.MULTILINE)
    return body


def _leading_metadata(body: str, chapter: WordChapter) -> str:
    """Byline and date paragraphs at the top of the text (common in Word articles) go to the front matter."""
    paragraphs = body.split("\n\n")
    kept_from = 0
    for index, paragraph in enumerate(paragraphs[:6]):
        text = rec.plain(paragraph)
        authors = rec.parse_byline(text)
        date = rec.date_line(text)
        if index == 0 and not chapter.title and re.fullmatch(r"\*\*[^*]+\*\*", paragraph.strip()):
            chapter.title = paragraph.strip()[2:-2]
            chapter.recognised.append(f"title: {rec.plain(chapter.title)} (from the bold first paragraph)")
        elif authors and not chapter.authors:
            chapter.authors = authors
            chapter.recognised.append(f"author: {', '.join(a for a, _ in authors)} (from '{text[:50]}')")
        elif date and not chapter.date:
            chapter.date = date
            chapter.recognised.append(f"date: {date} (from '{text[:50]}')")
        else:
            break
        kept_from = index + 1
    return "\n\n".join(paragraphs[kept_from:])


def docx_as_html(source: Path, word: WordChapter) -> str:
    """The Word file as an HTML page, for one without footnotes (a web page saved as Word, or a plain document):
    its Title, Author and Date paragraphs become the page's <title> and <meta> tags."""
    try:
        body = pypandoc.convert_file(str(source), "html5", format="docx", sandbox=True,
                                     extra_args=["--wrap=none", "--track-changes=accept"])
    except (RuntimeError, OSError) as exc:
        raise _refuse(f"pandoc could not read the .docx: {str(exc)[:200]}", source) from None
    head = [f"<title>{html.escape(rec.plain(word.title))}</title>"] if word.title else []
    head += [f'<meta name="author" content="{html.escape(a)}">' for a, _ in word.authors]
    if word.date and "creation date" not in " ".join(word.recognised):
        head.append(f'<meta name="date" content="{word.date}">')
    return f"<html><head>{''.join(head)}</head><body>{body}</body></html>"


def read_docx(source: Path) -> WordChapter:
    check_docx(source)
    with tempfile.TemporaryDirectory(prefix="volume-import-") as tmp:
        media_dir = Path(tmp) / "media-out"
        meta, body = _convert(source, media_dir)
        chapter = WordChapter(body="")
        body = _collect_media(body, media_dir, chapter)
    core = _core_properties(source)
    chapter.title = _text(meta.get("title"))
    chapter.has_notes = bool(re.search(r"^\[\^[^\]]+\]:", body, re.MULTILINE))
    if chapter.title:
        chapter.recognised.append(f"title: {rec.plain(chapter.title)} (from the Title paragraph)")
    chapter.subtitle = _text(meta.get("subtitle"))
    names = meta.get("author") or []
    names = names if isinstance(names, list) else [names]
    chapter.authors = [(rec.plain(_text(n)), "") for n in names if _text(n)]
    if chapter.authors:
        chapter.recognised.append(f"author: {', '.join(a for a, _ in chapter.authors)} (from the Author paragraph)")
    chapter.date = rec.parse_date(_text(meta.get("date"))) or ""
    if chapter.date:
        chapter.recognised.append(f"date: {chapter.date} (from the Date paragraph)")
    chapter.abstract = _text(meta.get("abstract"))
    body = _promote_headings(body, chapter)
    body = _leading_metadata(body, chapter)
    if not chapter.title and core.get("title"):
        chapter.title = core["title"]
        chapter.recognised.append(f"title: {chapter.title} (from the document properties)")
    if not chapter.authors and core.get("creator"):
        chapter.authors = [(n.strip(), "") for n in re.split(r"\s*;\s*", core["creator"]) if n.strip()]
        chapter.recognised.append(f"author: {core['creator']} (from the document properties: check it)")
    if not chapter.date and rec.parse_date(core.get("created", "")) and not core["created"].startswith("1970-01-01"):
        # (1970-01-01, the epoch, is the date a converter writes when it knows none: no date)
        chapter.date = rec.parse_date(core["created"])
        chapter.recognised.append(f"date: {chapter.date} (the file's creation date: check it)")
    chapter.body = body.strip() + "\n"
    return chapter
