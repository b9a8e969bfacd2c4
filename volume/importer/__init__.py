"""`volume import`: a Word file, a saved web article, copied text or a house-format chapter → a new chapter."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from volume.config import find_manifest, load_manifest
from volume.diagnostics import Diagnostic, Report, SourceLocation, VolumeError
from volume.importer.article import Article, escape
from volume.importer.byline import tidy_title
from volume.importer.compose import compose, front_matter
from volume.importer.manifest import add_contents_entry
from volume.importer.recognise import plain
from volume.load import MAX_DOCX_BYTES, MAX_SOURCE_BYTES, slugify
from volume.transforms.notes import DEF_RE, markdown_note_lines

KINDS = {".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".text": "text",
         ".md": "markdown", ".markdown": "markdown"}
SLUG_LENGTH = 60
ADVICE = {
    ".doc": "save it from Word as .docx",
    ".pdf": "PDF text loses its notes and headings: import the .docx it was made from, or copy the text into a .txt",
    ".odt": "save it as .docx",
    ".rtf": "save it as .docx",
}


@dataclass
class ImportReport:
    """What one import wrote, recognised and left out, and the problems to fix in the new chapter."""

    source: Path
    chapter: Path
    title: str
    authors: list[str]
    date: str
    notes: int
    headings: int = 0
    captions: int = 0
    recognised: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    listed: bool = True  # added to the manifest now (False: it was listed already)


@dataclass
class _Written:
    text: str
    title: str
    authors: list[str]
    date: str
    notes: int
    headings: int
    captions: int
    recognised: list[str]
    dropped: list[str]
    assets: dict[str, bytes] = field(default_factory=dict)  # path under chapters/ → bytes


# Cyrillic letters in Latin (a simple scholarly-style table), so a Russian title names its chapter's file
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєў",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie", "u"]))


def latin(title: str) -> str:
    """A title with its Cyrillic letters written in Latin ('Дипфейк как феномен' → 'dipfeik kak fenomen')."""
    return "".join(CYRILLIC.get(c, c) for c in title.lower())


def chapter_slug(title: str) -> str:
    """A file name from a title: its main part before a colon when that is long enough, at most 60 characters."""
    title = latin(title)
    main = title.split(":")[0]
    slug = slugify(main if len(main.split()) >= 2 else title)
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def _check_source(source: Path) -> str:
    if not source.is_file():
        raise VolumeError.single("P005", "no such file to import; check the path", SourceLocation(source))
    suffix = source.suffix.lower()
    if suffix not in KINDS:
        advice = ADVICE.get(suffix, "save it as .docx, .html, .txt or house-format .md")
        raise VolumeError.single("P001", f"cannot import '{suffix or source.name}' files: {advice}",
                                 SourceLocation(source))
    size = source.stat().st_size
    limit = MAX_DOCX_BYTES if suffix == ".docx" else MAX_SOURCE_BYTES
    if size == 0:
        raise VolumeError.single("P003", "the file is empty", SourceLocation(source))
    if size > limit:
        raise VolumeError.single("P005", f"the file is over {limit // 2**20} MB; is it the right file?",
                                 SourceLocation(source))
    return KINDS[suffix]


def _headings_in(markdown: str) -> int:
    return len(re.findall(r"^#{1,6} \S", markdown, re.MULTILINE))


def _from_article(article: Article, chapters: Path, lang: str, report: Report) -> tuple[Path, _Written]:
    if not article.has_text:
        raise VolumeError.single("P003", "no paragraphs of text were recognised; is this the article itself, "
                                 "saved as 'Web page, complete' or copied with Ctrl+A?", SourceLocation(article.source))
    if not article.title:
        article.title = escape(article.source.stem.replace("-", " ").replace("_", " ").strip().title())
        report.add("P007", f"no title recognised; the chapter is called '{article.title}': correct `title:`",
                   SourceLocation(article.source))
    article.title = tidy_title(article.title)
    chapter = _free_chapter_path(chapters, _plain_title(article.title))
    text, notes = compose(article, chapter, lang, report)
    written = _Written(text, _plain_title(article.title), [a for a, _ in article.authors], article.date, notes,
                       article.headings, article.captions, article.recognised, article.dropped)
    return chapter, written


def _free_chapter_path(chapters: Path, title: str) -> Path:
    """chapters/<slug>.md; when another article's chapter has that name ('Weekly Address: …' twice), the slug of
    the whole title. The same article imported twice keeps its name, so P004 still refuses it."""
    chapter = chapters / f"{chapter_slug(title)}.md"
    if chapter.exists():
        match = re.search(r"^title:\s*(.*?)\s*$", chapter.read_text(encoding="utf-8")[:2000], re.MULTILINE)
        try:
            existing = json.loads(match.group(1)) if match else ""
        except ValueError:
            existing = match.group(1).strip('"') if match else ""
        if existing and plain(existing) != title.strip():
            title = latin(title)
            whole = slugify(title)[:SLUG_LENGTH * 2].rsplit("-", 1)[0] if len(slugify(title)) > SLUG_LENGTH * 2 \
                else slugify(title)
            return chapters / f"{whole}.md"
    return chapter


def _plain_title(markdown: str) -> str:
    return plain(markdown)


def _from_docx(source: Path, chapters: Path, lang: str, report: Report) -> tuple[Path, _Written]:
    from volume.importer.docx import MEDIA, read_docx

    word = read_docx(source)
    if not word.body.strip():
        held = f"only its title '{plain(word.title)[:60]}'" if word.title else "no text"
        raise VolumeError.single("P003", f"the Word document holds {held}: if it was made from a web page (pandoc "
                                 "keeps only a page's main element, empty on some sites), import the saved page "
                                 "(.html) or its copied text (.txt) instead", SourceLocation(source))
    if not word.has_notes:  # perhaps a page saved as Word: find the article as in the page
        from volume.importer.docx import docx_as_html
        from volume.importer.html import read_html

        article = read_html(source, docx_as_html(source, word))
        article.recognised.insert(0, "a Word file without footnotes: its article found as in a saved page")
        return _from_article(article, chapters, lang, report)
    if not word.title:
        report.add("P007", "no title recognised (no Title paragraph or document title); correct `title:` in "
                   "the chapter", SourceLocation(source))
    article = Article(source=source, title=word.title or escape(source.stem.replace("_", " ")), subtitle=word.subtitle,
                      authors=word.authors, date=word.date, abstract=word.abstract)
    slug = chapter_slug(_plain_title(article.title))
    body = word.body.replace(MEDIA, f"images/{slug}")
    text = "\n".join(front_matter(article, lang)) + "\n\n" + body
    assets = {f"images/{slug}/{name}": data for name, data in word.media.items()}
    captions = len(re.findall(r"^!\[[^\]]+\]\(", body, re.MULTILINE))
    written = _Written(text, _plain_title(article.title), [a for a, _ in word.authors], word.date,
                       len(DEF_RE.findall(body)), _headings_in(body), captions, word.recognised, word.dropped,
                       assets)
    return chapters / f"{slug}.md", written


def _from_markdown(source: Path, chapters: Path, report: Report) -> tuple[Path, _Written]:
    from volume.importer.markdown import read_markdown

    house = read_markdown(source, report)
    body = house.text
    written = _Written(body, house.title, house.authors, house.date, len(DEF_RE.findall(body)),
                       _headings_in(body), len(re.findall(r"^!\[[^\]]+\]\(", body, re.MULTILINE)), house.recognised, [])
    return chapters / f"{chapter_slug(source.stem)}.md", written


def _markdown_note_problems(chapter: Path, text: str, report: Report) -> None:
    _lines, orphans, unused = markdown_note_lines(text)
    for label, line in orphans:
        report.add("N001", f"note marker [^{label}] has no note; add a line `[^{label}]: ...` or remove the marker",
                   SourceLocation(chapter, line))
    for label, line in unused:
        report.add("N002", f"note [^{label}] is never referenced; add its marker or delete it",
                   SourceLocation(chapter, line))


def _missing_metadata(written: _Written, source: Path, report: Report) -> None:
    if not written.authors:
        report.add("P007", "no author recognised; add `authors:` to the chapter's front matter",
                   SourceLocation(source))
    if not written.date:
        report.add("P007", "no date recognised; add `date: yyyy-mm-dd` to the chapter's front matter",
                   SourceLocation(source))


def _write(chapter: Path, written: _Written, manifest: Path) -> bool:
    targets = [chapter, *(chapter.parent / name for name in written.assets)]
    for target in targets:
        if target.exists():
            raise VolumeError.single("P004", f"{target.relative_to(chapter.parent)} exists already; rename or "
                                     "remove it, or change the title of the source", SourceLocation(target))
    created: list[Path] = []
    try:
        for name, data in written.assets.items():
            path = chapter.parent / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            created.append(path)
        chapter.write_text(written.text, encoding="utf-8")
        created.append(chapter)
        return add_contents_entry(manifest, chapter.name)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")


def import_source(source: Path, project: Path) -> ImportReport:
    """Write `source` as a new house-format chapter of the volume at `project` and list it in the manifest."""
    manifest = load_manifest(find_manifest(project))
    kind = _check_source(source)
    chapters, lang, report = manifest.chapters_dir, manifest.meta.language, Report()
    if kind == "html":
        from volume.importer.html import read_html

        chapter, written = _from_article(read_html(source), chapters, lang, report)
    elif kind == "text":
        from volume.importer.text import read_text

        chapter, written = _from_article(read_text(source), chapters, lang, report)
    elif kind == "docx":
        chapter, written = _from_docx(source, chapters, lang, report)
        _markdown_note_problems(chapter, written.text, report)
    else:
        chapter, written = _from_markdown(source, chapters, report)
        _markdown_note_problems(chapter, written.text, report)
    if kind != "markdown":
        _missing_metadata(written, source, report)
    listed = _write(chapter, written, manifest.path)
    recognised = [*written.recognised, _count(written.headings, "heading"),
                  _count(written.notes, "note") + " attached to their markers", _count(written.captions, "caption")]
    return ImportReport(source=source, chapter=chapter, title=written.title, authors=written.authors,
                        date=written.date, notes=written.notes, headings=written.headings,
                        captions=written.captions, recognised=recognised, dropped=written.dropped,
                        problems=list(report.items), listed=listed)
