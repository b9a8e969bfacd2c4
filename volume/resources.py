"""The styles, fonts and colour profile volume ships: the wheel's package data, or a checkout's styles/ folder."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError

PACKAGE = "volume._styles"  # made from the top-level styles/ folder when the wheel is built (pyproject.toml)
CHECKOUT_STYLES = Path(__file__).resolve().parent.parent / "styles"
SHIPPED = ("book.css", "epub.css", "fonts", "color")  # what `volume new` copies into a project


def bundled_styles() -> Path:
    """The folder holding the shipped book.css, epub.css, fonts/ and color/.

    Installed from a wheel, they are the package `volume._styles`, read through importlib.resources (a folder in
    site-packages, so a real path). Run from a checkout, including an editable install (setuptools cannot expose
    a package mapped to another folder there), they are the checkout's own styles/ folder."""
    try:
        book_css = importlib.resources.files(PACKAGE).joinpath("book.css")
    except ModuleNotFoundError:
        book_css = CHECKOUT_STYLES / "book.css"
    if not isinstance(book_css, Path) or not book_css.is_file():
        raise VolumeError.single("B004", "this installation of volume has lost its styles (styles/book.css); "
                                 "reinstall it (pip install --force-reinstall volume)", SourceLocation(Path(__file__)))
    return book_css.parent


def shipped_files(styles: Path) -> list[Path]:
    """The shipped files under a styles folder, relative to it, in a stable order."""
    found = []
    for name in SHIPPED:
        path = styles / name
        if path.is_file():
            found.append(Path(name))
        elif path.is_dir():
            found += sorted(p.relative_to(styles) for p in path.rglob("*")
                            if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts)
    return found
