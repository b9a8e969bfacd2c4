"""Diagnostics: what a user did wrong, where, and how to fix it; the table of stable codes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.IntEnum):
    WARNING = 1
    ERROR = 2


# code -> (severity, what it is). The message of each diagnostic says how to fix it.
CODES: dict[str, tuple[Severity, str]] = {
    "M001": (Severity.ERROR, "manifest missing or unreadable"),
    "M002": (Severity.ERROR, "manifest is not valid TOML"),
    "M003": (Severity.ERROR, "unknown key in the manifest"),
    "M004": (Severity.ERROR, "required manifest key missing"),
    "M005": (Severity.ERROR, "manifest value has the wrong type or form"),
    "M006": (Severity.ERROR, "invalid ISBN"),
    "M007": (Severity.ERROR, "contents entry is not valid"),
    "M008": (Severity.WARNING, "a silenced code matched nothing"),
    "M020": (Severity.ERROR, "one ISBN given for two editions"),
    "M021": (Severity.ERROR, "paper named without its pages per inch or caliper"),
    "M022": (Severity.ERROR, "paper thickness (ppi or caliper) not a usable figure"),
    "M023": (Severity.ERROR, "BISAC subject code of the wrong shape"),
    "M024": (Severity.ERROR, "Thema subject code of the wrong shape"),
    "M025": (Severity.ERROR, "price or currency not valid"),
    "M030": (Severity.ERROR, "notes style not known, or not a CSL file"),
    "M031": (Severity.WARNING, "bibliography and notes in two different styles"),
    "M032": (Severity.WARNING, "ibid = true with a style that has no Ibid. form"),
    "C001": (Severity.ERROR, "cover image missing, unreadable or outside the project"),
    "C002": (Severity.ERROR, "cover image too small for 300 dpi at the cover's size"),
    "C003": (Severity.ERROR, "cover image without its credit and licence"),
    "C004": (Severity.WARNING, "back cover text longer than the back cover holds"),
    "C005": (Severity.WARNING, "spine text shortened to fit the spine"),
    "S001": (Severity.ERROR, "listed source file missing"),
    "S002": (Severity.ERROR, "source path leaves the project"),
    "S003": (Severity.ERROR, "source file is empty"),
    "S004": (Severity.ERROR, "source file is not UTF-8 text"),
    "S005": (Severity.ERROR, "source file could not be converted by pandoc"),
    "S006": (Severity.ERROR, "broken YAML front matter"),
    "S007": (Severity.WARNING, "chapter has no title"),
    "S008": (Severity.ERROR, "source type not supported"),
    "S009": (Severity.WARNING, "unsafe markup removed"),
    "N001": (Severity.ERROR, "note marker without a note"),
    "N002": (Severity.WARNING, "note defined but never referenced"),
    "N003": (Severity.ERROR, "note label defined twice: pandoc keeps one, the other note is lost"),
    "N010": (Severity.WARNING, "notes kept as written among notes in the house style"),
    "N011": (Severity.WARNING, "a reference the notes style could not render, kept as written"),
    "N020": (Severity.WARNING, "a note of commentary kept out of the bibliography"),
    "N030": (Severity.WARNING, "imported citation group left as text: not all its numbers are notes of the source"),
    "L001": (Severity.WARNING, "link to a chapter or anchor that does not exist"),
    "F001": (Severity.ERROR, "image missing"),
    "F002": (Severity.ERROR, "remote image"),
    "F003": (Severity.WARNING, "image without alternative text"),
    "F004": (Severity.ERROR, "chart data file unreadable"),
    "G001": (Severity.WARNING, "character without a glyph in the shipped fonts"),
    "B001": (Severity.ERROR, "output could not be written"),
    "B002": (Severity.ERROR, "the contents page did not settle: its page numbers would be wrong"),
    "B003": (Severity.ERROR, "a layout or packaging process failed"),
    "B004": (Severity.ERROR, "the installed styles are missing"),
    "B005": (Severity.ERROR, "an image cannot be converted to CMYK for the print edition"),
    "O001": (Severity.ERROR, "the output folder is the project folder or holds a source"),
    "O002": (Severity.ERROR, "the output folder is, or lies inside, a folder volume reads or keeps"),
    "O003": (Severity.ERROR, "the output folder is a symbolic link or lies outside the project"),
    "O004": (Severity.ERROR, "the output folder's name is taken by a file"),
    "O005": (Severity.WARNING, "files found in a killed build's leftovers were put back into the output folder"),
    "S010": (Severity.WARNING, "raw HTML in a front-matter field removed"),
    "S011": (Severity.WARNING, "markup in a manifest field is printed as written"),
    "S012": (Severity.WARNING, "front-matter language is not a language tag"),
    "W001": (Severity.WARNING, "WeasyPrint warned while laying out the book"),
    "W002": (Severity.WARNING, "pandoc warned while reading a source"),
    "W003": (Severity.WARNING, "a warning while packaging the e-book"),
    "W004": (Severity.WARNING, "a warning while embedding the fonts"),
    "W005": (Severity.WARNING, "index occurrences placed on their paragraph's first page"),
    "W006": (Severity.WARNING, "another library warned during the build"),
    "R001": (Severity.ERROR, "Ibid. in a chapter's first note"),
    "R002": (Severity.WARNING, "reference not read with confidence; kept as written in the bibliography"),
    "R003": (Severity.WARNING, "one work cited with conflicting facts"),
    "R004": (Severity.ERROR, "references file unreadable"),
    "R005": (Severity.ERROR, "citation key not in the references file"),
    "R006": (Severity.WARNING, "Ibid. with no earlier citation in the chapter"),
    "A001": (Severity.WARNING, "abbreviation used before it is spelled out"),
    "A002": (Severity.WARNING, "abbreviation spelled out differently in two places"),
    "I001": (Severity.ERROR, "index terms file is not valid TOML"),
    "I002": (Severity.ERROR, "index entry has an unknown key or a wrong value"),
    "I003": (Severity.ERROR, "index cross-reference or parent names no entry"),
    "I004": (Severity.ERROR, "index aliases collide"),
    "I005": (Severity.WARNING, "index term occurs nowhere"),
    "I006": (Severity.WARNING, "inline index mark names no entry; added as a new entry"),
    "P001": (Severity.ERROR, "import source type not supported"),
    "P002": (Severity.ERROR, "unsafe or damaged .docx refused"),
    "P003": (Severity.ERROR, "nothing recognisable to import"),
    "P004": (Severity.ERROR, "imported chapter would overwrite an existing file"),
    "P005": (Severity.ERROR, "import source missing or unreadable"),
    "P006": (Severity.ERROR, "imported Markdown is not in house format"),
    "P007": (Severity.WARNING, "title, author or date not recognised in the imported source"),
    "P008": (Severity.ERROR, "`volume new` target is not an empty folder"),
    "P009": (Severity.WARNING, "imported note marker has no note in the source; a visible placeholder note was written"),
    "P010": (Severity.WARNING, "imported numbered list has no note markers in the text; kept as a list"),
}


LAYOUT_CODES = {"W001", "W003", "W004", "W005"}  # raised while laying out and packaging, not by `volume check`


@dataclass(frozen=True, order=True)
class SourceLocation:
    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else f"{self.path}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    location: SourceLocation | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def format(self, root: Path | None = None) -> str:
        where = ""
        if self.location is not None:
            path = self.location.path
            if root is not None:
                try:
                    path = path.resolve().relative_to(root.resolve())
                except ValueError:
                    pass
            where = f"{path}:{self.location.line}: " if self.location.line else f"{path}: "
        return f"{where}{self.severity.name.lower()} {self.code}: {self.message}"


@dataclass
class Report:
    """Collects diagnostics during one build; an error stops the build at the next checkpoint."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, code: str, message: str, location: SourceLocation | None = None) -> None:
        if code not in CODES:
            raise KeyError(f"undeclared diagnostic code {code}")
        diag = Diagnostic(code, message, location)
        if diag not in self.items:
            self.items.append(diag)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def apply_silence(self, codes: tuple[str, ...], where: SourceLocation | None = None,
                      layout: bool = False) -> None:
        """Drop silenced warnings; a silence that matched nothing is itself reported (as Standard Ebooks does).
        Codes that only the layout can raise are judged after it (`layout`), the others before."""
        for code in codes:
            matched = [d for d in self.items if d.code == code and d.severity is Severity.WARNING]
            if not matched and (code in LAYOUT_CODES) == layout:
                self.add("M008", f"silence '{code}' matched nothing; remove it from [check] silence", where)
            self.items = [d for d in self.items if d not in matched]

    def checkpoint(self) -> None:
        """Stop here if anything so far would lose or garble content."""
        if self.errors:
            raise VolumeError(self)


class VolumeError(Exception):
    """A user's mistake: carries the report; the CLI prints it without a traceback."""

    def __init__(self, report: Report):
        super().__init__("; ".join(d.message for d in report.errors))
        self.report = report

    def __reduce__(self):  # whole across processes: a worker's diagnostic reaches the build as it was
        return VolumeError, (self.report,)

    @classmethod
    def single(cls, code: str, message: str, location: SourceLocation | None = None) -> "VolumeError":
        report = Report()
        report.add(code, message, location)
        return cls(report)
