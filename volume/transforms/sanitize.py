"""Every chapter body (with its captions, alt texts and notes) through the one allow-list sanitiser."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Chapter, Markup, Volume
from volume.sanitizer import clean_markup, unsafe_parts
from volume.transforms.remembered import each_chapter


def sanitize_markup(markup: str | Markup) -> tuple[Markup, list[str]]:
    """The markup as the allow-list keeps it, and a description of each kind of thing removed."""
    return clean_markup(markup), unsafe_parts(markup)


def sanitize_chapter(chapter: Chapter, report: Report) -> Chapter:
    body, removed = sanitize_markup(chapter.body)
    if removed:
        report.add("S009", f"removed unsafe markup ({', '.join(removed)}); it cannot run in a book",
                   chapter.source)
    return chapter.with_(body=body)


def sanitize_volume(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(each_chapter("sanitize", volume.chapters, report, sanitize_chapter))
