"""The Volume model: what the book holds, built once by the loader, changed by the transforms, read by every
renderer. Data only, no I/O.

book.py: Volume, Part, Chapter, Note, NoteCite, Author, Asset; back_matter.py: BibEntry, Citing, IndexEntry, Occurrence,
Abbreviation; layout.py: PageFacts, PageStart (what the layout tells back); dates.py: BuildDate; markup.py: Markup, the
parsed XHTML every field with markup holds.
"""

from volume.model.back_matter import Abbreviation, BibEntry, Citing, IndexEntry, Occurrence
from volume.model.book import Asset, Author, Chapter, Note, NoteCite, Part, Volume
from volume.model.dates import BuildDate
from volume.model.layout import PageFacts, PageStart
from volume.model.markup import Markup

__all__ = ["Abbreviation", "Asset", "Author", "BibEntry", "BuildDate", "Chapter", "Citing", "IndexEntry", "Markup", "Note",
           "NoteCite", "Occurrence", "PageFacts", "PageStart", "Part", "Volume"]
