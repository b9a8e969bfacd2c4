"""What the layout tells the model back: each page's label, where every id landed, where each page's text begins."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageStart:
    """Where a printed page begins: inside the block `anchor`, at its start or at the line `text`."""

    index: int
    label: str
    anchor: str | None  # nearest element with an id holding the page's first line; None for a blank page
    text: str = ""  # the first line's text when the page begins inside the element
    at_start: bool = True


@dataclass(frozen=True)
class PageFacts:
    labels: tuple[str, ...]
    anchors: dict[str, int] = field(default_factory=dict)  # id -> page index
    starts: tuple[PageStart, ...] = ()

    def label_of(self, anchor: str) -> str | None:
        index = self.anchors.get(anchor)
        return self.labels[index] if index is not None else None
