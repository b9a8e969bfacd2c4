"""A PDF bookmark for a heading that carries a note: the heading's words, without the note's number."""

from __future__ import annotations

from volume.model import Chapter

NOTEREF = ".//a[contains(concat(' ', @class, ' '), ' noteref ')]"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _css_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ") + "'"


def label_headings(root) -> None:
    """Give each heading holding a note reference a bookmark label of its text without the reference (WeasyPrint
    labels a bookmark with all the heading's text, so 'Port Capacity' with note 5 would read 'Port Capacity5')."""
    for heading in root.iter(*HEADINGS):
        markers = heading.xpath(NOTEREF)
        if not markers:
            continue
        copy = heading.__copy__()
        for marker in copy.xpath(NOTEREF):
            marker.drop_tree()
        words = " ".join(copy.xpath("string()").replace("\u2060", "").split())
        style = heading.get("style", "").rstrip("; ")
        heading.set("style", (style + "; " if style else "") + f"bookmark-label: {_css_string(words)}")


def for_pdf(chapter: Chapter) -> Chapter:
    """The chapter (a copy already made for the PDF) with its headings' bookmarks labelled; changed in place."""
    label_headings(chapter.body.root)
    return chapter
