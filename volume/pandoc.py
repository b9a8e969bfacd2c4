"""The one module that runs pandoc: a source file in, its metadata and XHTML body out."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pypandoc

from volume.diagnostics import SourceLocation, VolumeError
from volume.library_warnings import collecting

log = logging.getLogger(__name__)
logging.getLogger("pypandoc").addHandler(logging.NullHandler())  # else pypandoc prints pandoc's warnings itself

BODY_MARK = "@@VOLUME-BODY@@"
TEMPLATE = Path(__file__).parent / "templates" / "body.html"
READERS = {
    ".md": "markdown+autolink_bare_uris",
    ".markdown": "markdown+autolink_bare_uris",
    ".docx": "docx+styles",
    ".html": "html",
    ".htm": "html",
}


# pandoc's runtime asks for a 64 MB heap to start with (its -with-rtsopts=-H64m); the system's time spent handing a
# short run those pages was a third of converting a chapter. A smaller start heap gives the same output sooner.
RUNTIME = ["+RTS", "-H8m", "-RTS"]
# citeproc allocates about 2 GB/s and spent 40% of its time collecting: a 64 MB allocation area (a collection every
# 64 MB) takes a fifth off its CPU (2.9 s → 2.3 s for the default volume's eleven runs); a conversion is faster with
# the small heap above (1.1 s → 1.3 s for its ten chapters with this one)
CITEPROC_RUNTIME = ["+RTS", "-A64m", "-RTS"]
# Every call passes verify_format=False: pypandoc checks a format by running `pandoc --list-input-formats` and
# `--list-output-formats` on each call (two processes before every conversion, nothing cached); ours are constants.


def pandoc_version() -> str:
    return pypandoc.get_pandoc_version()


def convert(path: Path, cache=None, citations: tuple[Path, Path] | None = None) -> tuple[dict, str, list[str]]:
    """Convert one source into (metadata as HTML strings, body as an HTML5 fragment, pandoc's warnings), cached
    by content (the warnings with it, so that a build from the cache reports them again).

    With `citations` (references file, CSL style), pandoc's citeproc formats in-text `[@key]` citations; the
    bibliography itself is left out here (the volume's one bibliography is built from all chapters)."""
    key = None
    if cache is not None:
        key = _key(path, citations)
        hit = cache.get("pandoc", key)
        if hit is not None and isinstance(hit.get("warnings", []), list):
            return hit["meta"], hit["body"], hit.get("warnings", [])
    with collecting("pypandoc", this_thread_only=True) as collector:  # the sources are converted in threads
        meta, body = _convert(path, citations)
    warnings = [message for _name, message in collector.records]
    if cache is not None:
        cache.put("pandoc", key, {"meta": meta, "body": body, "warnings": warnings})
    return meta, body, warnings


def _key(path: Path, citations: tuple[Path, Path] | None) -> str:
    """What a source's conversion depends on: its bytes and kind, the tools, the template, the citations' files."""
    from volume.cache import digest, versions

    extra = [p.read_bytes() for p in citations] if citations else []
    return digest(path.read_bytes(), path.suffix.lower(), json.dumps(versions(), sort_keys=True),
                  TEMPLATE.read_text(encoding="utf-8"), *extra)


def is_cached(path: Path, cache, citations: tuple[Path, Path] | None = None) -> bool:
    """Whether convert() will find the source's conversion in the cache (pandoc will not run for it)."""
    return cache is not None and cache.has("pandoc", _key(path, citations))


def _convert(path: Path, citations: tuple[Path, Path] | None = None) -> tuple[dict, str]:
    reader = READERS[path.suffix.lower()]
    args = ["--wrap=none", "--section-divs", f"--template={TEMPLATE}", "--syntax-highlighting=none"]
    if citations:
        references, style = citations
        args += ["--citeproc", f"--bibliography={references}", f"--csl={style}",
                 "--metadata=suppress-bibliography=true", "--metadata=link-citations=false"]
    if reader.startswith("docx"):
        args.append("--track-changes=accept")
    try:
        output = pypandoc.convert_file(str(path), "html5", format=reader, extra_args=args + RUNTIME, sandbox=True,
                                        verify_format=False)
    except RuntimeError as exc:
        code = "S006" if "YAML" in str(exc) else "S005"
        hint = ("fix the YAML front matter between the --- lines (quotes, colons, indentation)" if code == "S006"
                else "fix the markup pandoc names")
        raise VolumeError.single(code, f"pandoc could not read it: {_first_line(str(exc)).rstrip(',.')}; {hint}",
                                 _location(path, str(exc))) from None
    except OSError as exc:
        raise VolumeError.single("S005", f"pandoc failed to run: {exc}", SourceLocation(path)) from None
    meta_json, _, body = output.partition(BODY_MARK)
    try:
        meta = json.loads(meta_json.strip() or "{}")
    except json.JSONDecodeError:
        meta = {}
    return meta, body.strip()


def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    useful = [line for line in lines if not line.startswith("Pandoc died")]
    return (useful or lines or ["unknown error"])[0][:300]


def _location(path: Path, message: str) -> SourceLocation:
    import re

    yaml = re.search(r"YAML parse exception at line (\d+)", message)
    if yaml:  # pandoc counts from the line after the opening ---
        return SourceLocation(path, int(yaml.group(1)) + 1)
    match = re.search(r"line (\d+)", message)
    return SourceLocation(path, int(match.group(1)) if match else None)


def inline_markdown(text: str) -> str:
    """A manifest string's Markdown (*emphasis*, `code`) as HTML; raw HTML in it stays text, as S011 says."""
    return pypandoc.convert_text(text, "html5", format="markdown-raw_html-raw_attribute-native_divs-native_spans",
                                 extra_args=["--wrap=none"], sandbox=True, verify_format=False)


def render_bibliography(items: list[dict], style: Path, lang: str) -> list[tuple[str, str]]:
    """Format CSL-JSON items with a CSL style through pandoc's citeproc: [(item id, entry HTML)] in style order."""
    if not items:
        return []
    return [(key, descriptions_unquoted(entry))
            for key, entry in _split_entries(_citeproc(f"---\nnocite: '@*'\nlang: {lang}\n---\n", items, style))]


def _citeproc(source: str, items: list[dict], style: Path) -> str:
    """Markdown with citations, as HTML from pandoc's citeproc with the items and the CSL style; citeproc's warnings
    passed on to the build's collector, as pandoc's are (W002)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="volume-citeproc-") as folder, \
            collecting("pypandoc", this_thread_only=True) as collector:
        data = Path(folder) / "references.json"
        data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        html = pypandoc.convert_text(source, "html5", format="markdown", sandbox=True, verify_format=False, extra_args=[
            "--citeproc", f"--csl={style}", f"--bibliography={data}", "--wrap=none", *CITEPROC_RUNTIME])
    for _name, message in collector.records:
        logging.getLogger("volume.pandoc.citeproc").warning("citeproc: %s", message)
    return html


def render_note_citations(citations: list[tuple[str, str | None]], items: list[dict], style: Path,
                          lang: str) -> list[str]:
    """One chapter's citations, each (item id, locator) the whole of a note of its own, formatted by pandoc's citeproc
    with a note style: the citation's HTML per note, in order. Citeproc decides each one's position (first,
    subsequent, ibid, ibid-with-locator) from the notes before it, so the first is the full note, later ones short."""
    if not citations:
        return []
    html = _citeproc(_notes_source(citations, lang), items, style)
    return [descriptions_unquoted(note) for note in _split_notes(html, len(citations))]


def _notes_source(citations: list[tuple[str, str | None]], lang: str) -> str:
    markers = " ".join(f"x[^{n}]" for n in range(1, len(citations) + 1))
    notes = "\n".join(f"[^{n}]: [@{key}{_locator(locator)}]" for n, (key, locator) in enumerate(citations, 1))
    return f"---\nsuppress-bibliography: true\nlang: {lang}\n---\n\n{markers}\n\n{notes}\n"


BATCH_FILTER = Path(__file__).parent / "templates" / "citeproc_batch.lua"


def render_note_citations_batch(chapters: list[tuple[list[tuple[str, str | None]], list[dict]]], style: Path,
                                lang: str) -> list[list[str]]:
    """render_note_citations for several chapters [(citations, items)] in one pandoc process: a Lua filter runs
    citeproc on each chapter's notes apart (templates/citeproc_batch.lua), so each chapter's positions are its own
    and each result is what a run of its own gives (tests/test_pandoc_batch.py), without a process, a 64 MB
    allocation area and the style's parsing per chapter (about 0.15 s of CPU each)."""
    import tempfile

    if len(chapters) < 2 or b"independent-parent" in style.read_bytes():  # a dependent style's parent is looked up by
        # citeproc itself: that stays in runs of their own, whose --sandbox keeps it from the network
        return [render_note_citations(citations, items, style, lang) for citations, items in chapters]
    with tempfile.TemporaryDirectory(prefix="volume-citeproc-") as folder, \
            collecting("pypandoc", this_thread_only=True) as collector:
        jobs = []
        for n, (citations, items) in enumerate(chapters):
            data = Path(folder) / f"references-{n}.json"
            data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
            jobs.append({"source": _notes_source(citations, lang) if citations else "", "bibliography": str(data),
                         "csl": str(style)})
        listing = Path(folder) / "jobs.json"
        listing.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
        output = pypandoc.convert_text("", "html5", format="markdown", sandbox=True, verify_format=False,
                                       extra_args=[f"--lua-filter={BATCH_FILTER}", f"--metadata=volume-jobs:{listing}",
                                                   "--wrap=none", *CITEPROC_RUNTIME])
    for _name, message in collector.records:
        logging.getLogger("volume.pandoc.citeproc").warning("citeproc: %s", message)
    return [[descriptions_unquoted(note) for note in _split_notes(html, len(citations))] if citations else []
            for html, (citations, _items) in zip(json.loads(output), chapters)]


DESCRIPTION = r"(?:<span[^<>]*>)?\[[^\[\]“”<>]*\](?:</span>)?"  # with the span that protects its case, if any
DESCRIPTION_IN_QUOTES = re.compile(rf"[“‘]({DESCRIPTION})([.,;:]?)[”’]")
DESCRIPTION_IN_ITALICS = re.compile(rf"<(em|i)>({DESCRIPTION})</\1>")


def descriptions_unquoted(entry: str) -> str:
    """A title that is wholly in square brackets is a description of an untitled work ('[Letter to the editor]'),
    which APA and Chicago print as it is: the quotation marks or italics a style sets a title in taken off it."""
    return DESCRIPTION_IN_ITALICS.sub(r"\2", DESCRIPTION_IN_QUOTES.sub(r"\1\2", entry))


def _locator(locator: str | None) -> str:
    """A locator as pandoc's citation syntax takes it: in braces, so its label ("p.", "pp.") is read and nothing in
    it is read as Markdown."""
    if not locator or any(c in locator for c in "{}[]@;"):
        return ""
    return ", {" + locator + "}"


def _split_notes(html: str, count: int) -> list[str]:
    from volume.xhtml import parse_fragment, serialize_children

    root = parse_fragment(html)
    rendered = []
    for number in range(1, count + 1):
        found = root.xpath(f".//li[@id='fn{number}']//span[contains(concat(' ', @class, ' '), ' citation ')]")
        if not found:
            rendered.append("")
            continue
        citation = found[0]
        inner = citation[0] if len(citation) == 1 and citation[0].tag == "span" and not (citation.text or "").strip() \
            and not (citation[0].tail or "").strip() else citation
        rendered.append(serialize_children(inner).strip())
    return rendered


def _split_entries(html: str) -> list[tuple[str, str]]:
    from lxml import etree

    from volume.xhtml import parse_fragment, serialize_children

    root = parse_fragment(html)
    entries = []
    for entry in root.xpath(".//div[contains(concat(' ', @class, ' '), ' csl-entry ')]"):
        key = (entry.get("id") or "").removeprefix("ref-")
        wrapper = etree.Element("div")
        wrapper.text = entry.text
        for child in entry:
            wrapper.append(child)
        entries.append((key, serialize_children(wrapper).strip()))
    return entries


def references_to_csl(path: Path) -> list[dict]:
    """A references file (CSL-JSON, CSL-YAML or BibTeX) as CSL-JSON items, through pandoc."""
    if path.suffix.lower() == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    reader = {".bib": "bibtex", ".yaml": "csljson", ".yml": "csljson"}.get(path.suffix.lower(), "biblatex")
    if path.suffix.lower() in (".yaml", ".yml"):
        text = pypandoc.convert_text("", "csljson", format="markdown", sandbox=True, verify_format=False,
                                     extra_args=[f"--metadata-file={path}"])
    else:
        text = pypandoc.convert_file(str(path), "csljson", format=reader, sandbox=True, verify_format=False)
    return json.loads(text or "[]")
