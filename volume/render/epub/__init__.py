"""The EPUB 3 edition: content documents, navigation, the page-list from the PDF's page facts, fonts and cover."""

from __future__ import annotations


def write_epub_in_worker(volume, styles_dir, target, facts=None) -> None:
    """package.write_epub, for a build's worker: the build submits this (importing only this small module) and
    the worker imports the packaging modules, not the build's."""
    from volume.render.epub.package import write_epub

    write_epub(volume, styles_dir, target, facts)
