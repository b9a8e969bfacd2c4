"""Markup: text with markup as the model holds it, an XHTML fragment kept as a parsed lxml tree.

The loader parses each source's HTML once into Markup; the transforms change the tree in place; only the renderers
write it out (`xhtml()`). Plain text (names, dates, the manifest's strings) is never Markup: it is a `str`, escaped
where a renderer writes it. A Markup pickles as its XHTML (an lxml tree cannot be pickled), so a worker process gets
an equal copy. Writing one into an f-string by mistake raises, instead of printing its repr into a book.
"""

from __future__ import annotations

import copy

from lxml import etree

from volume.xhtml import new_wrapper, parse_fragment, serialize_children


class Markup:
    """An XHTML fragment: the text and children of `root`, a <div> that is never written out."""

    __slots__ = ("root",)

    def __init__(self, root: etree._Element):
        self.root = root

    @classmethod
    def parse(cls, markup: str) -> Markup:
        """From HTML or XHTML text (lxml's HTML parser: no entity, DTD or network resource is ever loaded)."""
        return cls(parse_fragment(markup)) if markup else cls.empty()

    @classmethod
    def empty(cls) -> Markup:
        return cls(new_wrapper())

    @classmethod
    def from_text(cls, text: str) -> Markup:
        """Plain text as markup: shown as written."""
        fragment = cls.empty()
        fragment.root.text = text or None
        return fragment

    def xhtml(self) -> str:
        """The fragment written as XHTML (what every renderer embeds)."""
        return serialize_children(self.root)

    def text(self) -> str:
        """The text content, white space collapsed."""
        return " ".join(self.root.text_content().split())

    def strip(self) -> Markup:
        """White space removed at the fragment's start and end (in place); returns itself."""
        root = self.root
        root.text = (root.text or "").lstrip() or None
        last = root[-1] if len(root) else None
        if last is None:
            root.text = (root.text or "").rstrip() or None
        else:
            last.tail = (last.tail or "").rstrip() or None
        return self

    def copy(self) -> Markup:
        return Markup(copy.deepcopy(self.root))

    def __bool__(self) -> bool:
        return bool(len(self.root) or (self.root.text or "").strip())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Markup) and self.xhtml() == other.xhtml()

    def __hash__(self) -> int:
        return hash(self.xhtml())

    def __reduce__(self):
        return Markup.parse, (self.xhtml(),)

    def __repr__(self) -> str:
        text = self.xhtml()
        return f"Markup({text[:60]!r}{'…' if len(text) > 60 else ''})"

    def __format__(self, spec: str) -> str:
        raise TypeError("Markup is written with .xhtml() (or .text() for its plain text), not formatted as a string")
