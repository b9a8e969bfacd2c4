"""The running heads' texts: a chapter's authors (versos) and title (rectos), shortened to fit one line of the head,
as editors shorten them: "First Author et al.", the title before its colon, else cut at a word with an ellipsis.
A head that wrapped to a second line ran into the folio and the text block."""

from __future__ import annotations

# What one line of the head holds at the default page (the text block 4.6 in wide, 8.5 pt): the authors are set in
# letter-spaced small capitals, wider than the title's italic.
AUTHOR_CHARS = 48
TITLE_CHARS = 72


def _cut(text: str, limit: int) -> str:
    """The text, or its words up to the limit with an ellipsis."""
    if len(text) <= limit:
        return text
    words, kept = text.split(), ""
    for word in words:
        if len(kept) + len(word) + (1 if kept else 0) > limit - 1:
            break
        kept = f"{kept} {word}" if kept else word
    return (kept or text[: limit - 1]).rstrip(" ,;:–—-") + "…"


def running_author(names: list[str]) -> str:
    """The verso's head: every author when they fit, two joined by "and", else the first author "et al."."""
    full = ", ".join(names)
    if len(full) <= AUTHOR_CHARS:
        return full
    if len(names) == 2 and len(" and ".join(names)) <= AUTHOR_CHARS:
        return " and ".join(names)
    if len(names) >= 2:
        return _cut(names[0], AUTHOR_CHARS - len(" et al.")) + " et al."
    return _cut(full, AUTHOR_CHARS)


def running_title(title: str) -> str:
    """The recto's head: the title when it fits, else the part before its colon when that fits, else cut."""
    if len(title) <= TITLE_CHARS:
        return title
    head = title.split(":", 1)[0].strip()
    if head != title and 0 < len(head) <= TITLE_CHARS:
        return head
    return _cut(title, TITLE_CHARS)
