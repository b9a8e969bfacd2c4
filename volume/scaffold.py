"""`volume new`: write a small, complete volume that builds at once, as a model to edit."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import uuid
from pathlib import Path

from volume.diagnostics import SourceLocation, VolumeError

VOLUME_TITLE = "A New Volume"
UUID_NAMESPACE = uuid.UUID("6f0f5d1e-8b6a-5c61-9a3e-7c1d2b4e5f60")  # fixed: same folder name, same identifier


def project_slug(name: str) -> str:
    """The output slug for a project folder: lower-case letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "volume"


def volume_identifier(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, name)}"


def _manifest(name: str, today: datetime.date) -> str:
    q = lambda value: json.dumps(value, ensure_ascii=False)
    return f"""# The manifest of this volume. Format: see the README of `volume`, "The manifest".

[volume]
title = {q(VOLUME_TITLE)}
subtitle = "Two Sample Chapters"
editors = ["The editors"]
publisher = "The editors"
place = "Online"
year = {today.year}
date = {today.isoformat()}
language = "en"
rights = {q(f"© {today.year} The editors")}
description = "A sample volume made by `volume new`: replace its chapters with your own."
subject = "International relations; Central Asia"
keywords = ["Caspian region", "energy", "Kazakhstan"]

[volume.identifiers]
# isbn_print = "..."        # add the ISBNs when the publisher has them
# isbn_ebook = "..."
# isbn_pdf = "..."
other = {q(volume_identifier(name))}

[output]
slug = {q(project_slug(name))}
trim_size = "6in 9in"

[print]                     # the paper decides the cover's spine: pages ÷ pages per inch
paper = "white"             # white or cream, or your printer's paper with ppi = 444 or caliper = "0.1mm"

# [cover]
# image = "images/cover.jpg"  # the front's picture; at least 300 dpi where it is printed
# image_credit = "Photograph: …, CC BY 4.0"

# [prices]                  # the barcode's price add-on and the ONIX records
# currency = "USD"
# print = 24.95
# epub = 9.99

# [onix]                    # subject codes for distributors
# bisac = ["POL011000"]
# thema = ["JPSF", "1FPC"]

[[contents]]
file = "first-chapter.md"

[[contents]]
file = "second-chapter.md"
"""


FIRST_CHAPTER = """---
title: "Energy Corridors Across the Caspian"
subtitle: "A sample chapter"
authors:
  - name: "The editors"
date: {date}
lang: en
abstract: |
  This sample chapter shows the house format: YAML front matter, sections opened by second-level
  headings and endnotes written as Pandoc footnotes. Replace it with your own text.
---

The Caspian basin has been read as a prize of great-power rivalry since Halford Mackinder described the
interior of Eurasia as the pivot of world politics.[^1] For the states around the sea, the question has
been more practical: how to move oil and gas to buyers when every route crosses someone else's territory.
Kazakhstan, the largest of them, has answered by keeping several partners engaged at once.[^2]

## Economic Relations

Energy has shaped the region's economic relations more than any other sector. Oil was the first great
commodity of the modern age, and the companies that found and moved it shaped the politics of every
state they touched.[^3] In the Caspian region, the decisive questions have been about pipelines: who
builds them, who owns them and which borders they cross. Kazakhstan sends its crude west across Russia
and east towards China, and its capital, Astana, has kept both routes open.

## Security Relations

Security relations follow the same logic of balance. Governments around the sea have preferred
partnerships without alliances, and the larger powers have learned to work through local rules rather
than impose their own.[^4] A pipeline is a security asset as much as an economic one, and its guardians
are more often local police than foreign soldiers.

[^1]: Mackinder, H. J. (1904). The geographical pivot of history. *The Geographical Journal, 23*(4),
    421–437.

[^2]: Olcott, M. B. (2002). *Kazakhstan: Unfulfilled promise*. Carnegie Endowment for International Peace.

[^3]: Yergin, D. (1991). *The prize: The epic quest for oil, money, and power*. Simon & Schuster.

[^4]: Cooley, A. (2012). *Great games, local rules: The new great power contest in Central Asia*. Oxford
    University Press.
"""

SECOND_CHAPTER = """---
title: "Capitals, Names and Routes"
subtitle: "A second sample chapter"
authors:
  - name: "The editors"
date: {date}
lang: en
abstract: |
  A second sample chapter, with a repeated reference written as "Ibid." and a link to the first chapter.
---

Names change faster than geography. Kazakhstan's capital was called Nur-Sultan from 2019 to 2022 and is
Astana again; an index has to send readers from one name to the other. The routes across the region are
older than any of its capitals.[^1]

## Economic Relations

Trade across Central Asia long ran along the routes that later writers called the Silk Roads, which
linked China with the Mediterranean world.[^2] Their modern successors are railways and pipelines, and
the energy they carry is traced in [the first chapter](first-chapter.md#economic-relations). The same
geography that made the old routes valuable makes the new ones contested.[^3]

## Local Reactions

Local reactions to these projects are rarely simple. Communities along the routes weigh jobs and
revenue against land and water, and their judgements change as the projects age.[^4]

[^1]: Frankopan, P. (2015). *The Silk Roads: A new history of the world*. Bloomsbury.

[^2]: Ibid., pp. 1–26.

[^3]: Hopkirk, P. (1990). *The Great Game: On secret service in High Asia*. John Murray.

[^4]: Laruelle, M., & Peyrouse, S. (2012). *The Chinese question in Central Asia: Domestic order, social
    change, and the Chinese factor*. Hurst.
"""

INDEX = """# The index of this volume: one [[entry]] per heading. Terms are found in the chapters' text.

[[entry]]
term = "Astana"              # the heading as printed
aliases = ["Nur-Sultan"]     # other spellings located as this term
see_also = ["Kazakhstan"]

[[entry]]
term = "Nur-Sultan"
see = "Astana"

[[entry]]
term = "Kazakhstan"

[[entry]]
term = "energy"

[[entry]]
term = "pipelines"
parent = "energy"            # a sub-entry of "energy"
"""


def _refuse_unless_empty(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "a file" if not target.is_dir() else "a folder that is not empty"
        raise VolumeError.single("P008", f"'{target}' is {what}; give `volume new` a new or empty folder",
                                 SourceLocation(target))


def create_project(target: Path, today: datetime.date | None = None) -> list[Path]:
    """Write a new volume into `target` (new or empty): manifest, two chapters, an index and the styles.

    Returns the files written."""
    from volume.resources import bundled_styles, shipped_files

    _refuse_unless_empty(target)
    name = target.resolve().name
    today = today or datetime.date.today()
    chapters = target / "chapters"
    chapters.mkdir(parents=True, exist_ok=True)
    texts = {
        chapters / "volume.toml": _manifest(name, today),
        chapters / "first-chapter.md": FIRST_CHAPTER.format(date=today.isoformat()),
        chapters / "second-chapter.md": SECOND_CHAPTER.format(date=today.isoformat()),
        chapters / "index.toml": INDEX,
    }
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    source = bundled_styles()
    styles = []
    for name in shipped_files(source):
        copy = target / "styles" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, copy)
        styles.append(copy)
    return [*texts, *styles]
