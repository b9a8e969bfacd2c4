"""Remove active content from converted sources: scripts, frames, plug-ins, event handlers, javascript: URLs."""

from __future__ import annotations

from volume.diagnostics import Report
from volume.model import Chapter, Volume
from volume.xhtml import parse_fragment, serialize_children

FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "applet", "frame", "frameset", "style", "link",
                      "meta", "base", "form", "input", "button", "textarea", "select", "noscript", "template"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background"}


def sanitize_markup(markup: str) -> tuple[str, list[str]]:
    """The markup without active content, and a description of each thing removed."""
    root = parse_fragment(markup)
    removed: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in FORBIDDEN_ELEMENTS:
            removed.append(f"<{tag}>")
            element.drop_tree()
            continue
        for name in list(element.attrib):
            value = element.attrib[name]
            lowered = "".join(value.split()).lower()
            if name.lower().startswith("on"):
                removed.append(f"{name}= attribute")
                del element.attrib[name]
            elif name.lower() in URL_ATTRIBUTES and lowered.startswith(("javascript:", "vbscript:", "data:text/html")):
                removed.append(f"{lowered.split(':')[0]}: URL")
                del element.attrib[name]
            elif name.lower() == "style" and ("expression(" in lowered or "url(" in lowered):
                removed.append("style with url()/expression()")
                del element.attrib[name]
    return serialize_children(root), removed


def sanitize_chapter(chapter: Chapter, report: Report) -> Chapter:
    body, removed = sanitize_markup(chapter.body)
    if removed:
        report.add("S009", f"removed unsafe markup ({', '.join(sorted(set(removed)))}); it cannot run in a book",
                   chapter.source)
    return chapter.with_(body=body)


def sanitize_volume(volume: Volume, report: Report) -> Volume:
    return volume.with_chapters(sanitize_chapter(c, report) for c in volume.chapters)
