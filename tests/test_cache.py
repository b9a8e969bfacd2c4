"""The build cache: nothing is redone when nothing changed, and a change of a chapter, a style, the manifest or
the tool's version or code is always seen (never a stale result). Two builds of one project at once both succeed."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pypdf

from tests.conftest import ROOT, copy_case
from volume.build import build


def text_of(pdf) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())


def test_each_kind_of_change_is_seen(tmp_path, monkeypatch):
    project = copy_case("small", tmp_path)
    shutil.copytree(ROOT / "styles", project / "styles")  # the project's own styles, to be edited
    pdf = project / "dist" / "small.pdf"
    first = build(project)
    assert first.pieces["laid_out"] > 0 and first.pieces["cached"] == 0

    again = build(project)
    assert again.up_to_date  # nothing changed: nothing redone, not even a piece from the cache

    forced = build(project, force=True)  # every piece is taken from the cache, and the files are the same
    assert forced.pieces["laid_out"] == 0 and forced.pieces["cached"] == first.pieces["laid_out"]

    # a chapter: only its piece (and what shows page numbers) is laid out again, and the new text is there
    alpha = project / "chapters" / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace(
        "Trade grew to 5 billion", "Trade grew to 7 billion"), encoding="utf-8")
    edited = build(project)
    assert not edited.up_to_date and 0 < edited.pieces["laid_out"] < first.pieces["laid_out"]
    assert "Trade grew to 7 billion" in text_of(pdf) and "Trade grew to 5 billion" not in text_of(pdf)

    # a style: every piece is laid out again, and the change shows (a larger type makes more pages)
    before = len(pypdf.PdfReader(pdf).pages)
    css = project / "styles" / "book.css"
    css.write_text(css.read_text(encoding="utf-8").replace("font-size: 10.25pt;", "font-size: 30pt;"),
                   encoding="utf-8")
    styled = build(project)
    assert styled.pieces["cached"] == 0 and len(pypdf.PdfReader(pdf).pages) > before

    # the manifest: a new title is on the title page and in the metadata
    manifest = project / "chapters" / "volume.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('title = "A Small Test Volume"', 'title = "A Renamed Test Volume"', 1),
                        encoding="utf-8")
    renamed = build(project)
    assert not renamed.up_to_date
    assert pypdf.PdfReader(pdf).metadata.title.startswith("A Renamed Test Volume")
    assert "A Renamed Test Volume" in text_of(pdf)

    import volume.cache

    # the tool's code changed under the same version number (an editable install, a patched wheel): no no-op
    before_code = build(project)
    assert before_code.up_to_date
    monkeypatch.setattr(volume.cache, "code_fingerprint", lambda: "changed-code")
    recoded = build(project)
    assert not recoded.up_to_date and not recoded.report.errors

    # the tool's version: nothing is reused

    monkeypatch.setattr(volume.cache, "__version__", "999.0-test")
    upgraded = build(project)
    assert not upgraded.up_to_date and upgraded.pieces["cached"] == 0


def test_two_builds_at_once(tmp_path):
    project = copy_case("small", tmp_path)
    command = [sys.executable, "-m", "volume", "build", "--force", "--project", str(project)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    reference = tmp_path / "reference"
    shutil.copytree(project / "chapters", reference / "chapters")
    build(reference)
    for name in ("small.pdf", "small-print.pdf", "small.epub", "small-cover.pdf", "small-onix.xml"):
        assert (project / "dist" / name).read_bytes() == (reference / "dist" / name).read_bytes(), name
    assert not list((project / ".volume-cache" / "pieces").glob(".*tmp*"))  # no half-written cache file left


def test_joining_short_and_long_books_writes_the_same_bytes(tmp_path, monkeypatch):
    """Up to KEEP_OPEN_PAGES pages the pieces' files stay open until the book is saved; a longer book reads each
    piece's streams in and closes its file at once (memory). Both ways write the same bytes."""
    import volume.render.pdf.join as assemble

    project = copy_case("small", tmp_path)
    build(project)
    names = ("small.pdf", "small-print.pdf")
    kept_open = {name: (project / "dist" / name).read_bytes() for name in names}
    monkeypatch.setattr(assemble, "KEEP_OPEN_PAGES", 0)
    again = build(project, force=True)
    assert again.pieces["laid_out"] == 0  # the same pieces, joined the other way
    for name in names:
        assert (project / "dist" / name).read_bytes() == kept_open[name], name


def test_print_edition_from_memory_and_from_the_digital_file_prints_the_same(tmp_path, monkeypatch):
    """A short book's print edition is made from the joined book in memory, a long one's from the digital file read
    again (PRINT_FROM_MEMORY_PAGES): the objects are numbered otherwise, but the pages, their boxes and everything
    drawn on them are the same."""
    import pikepdf

    import volume.render.pdf.editions as editions

    project = copy_case("small", tmp_path)
    build(project)
    printed = project / "dist" / "small-print.pdf"
    from_memory = printed.read_bytes()
    monkeypatch.setattr(editions, "PRINT_FROM_MEMORY_PAGES", 0)
    assert build(project, force=True).pieces["laid_out"] == 0
    assert printed.read_bytes() != from_memory  # made the other way

    def pages(pdf) -> list:
        return [(page.obj.Contents.read_bytes() if isinstance(page.obj.Contents, pikepdf.Stream) else
                 b"".join(part.read_bytes() for part in page.obj.Contents),
                 [list(map(float, page.obj[box])) for box in ("/MediaBox", "/TrimBox", "/BleedBox")])
                for page in pdf.pages]

    with pikepdf.open(printed) as from_file, pikepdf.open(__import__("io").BytesIO(from_memory)) as in_memory:
        assert len(from_file.pages) == len(in_memory.pages) > 2
        assert pages(from_file) == pages(in_memory)
        assert from_file.Root.OutputIntents[0].DestOutputProfile.read_bytes() == \
            in_memory.Root.OutputIntents[0].DestOutputProfile.read_bytes()


def test_entries_no_build_used_for_two_weeks_are_forgotten(tmp_path):
    """The cache grows with every edit (a document, pandoc's reading, the notes' readings per version of a chapter):
    what no build has read or written for two weeks goes; what a build reads stays however old it is."""
    import os
    import time

    from volume.cache import UNUSED_FOR, Cache

    cache = Cache(tmp_path)
    for kind, key in (("documents", "aa11"), ("pandoc", "bb22"), ("notes", "cc33")):
        cache.put(kind, key, {"kind": kind})
    old = time.time() - UNUSED_FOR - 3600
    for path in cache.root.glob("*/??/*.json"):
        os.utime(path, (old, old))
    pieces = cache.root / "pieces"
    pieces.mkdir()
    (pieces / "x.pdf").write_bytes(b"%PDF")
    os.utime(pieces / "x.pdf", (old, old))
    assert cache.get("notes", "cc33") == {"kind": "notes"}  # read by a build now: kept
    assert cache.prune() == 2
    assert not cache.has("documents", "aa11") and not cache.has("pandoc", "bb22")
    assert cache.get("notes", "cc33") == {"kind": "notes"}
    assert (pieces / "x.pdf").exists()  # the pieces have their own rule


def test_builds_look_for_unused_entries_once_an_hour(tmp_path):
    """A build looks at every entry's time only if no build has done so for an hour (each edit adds entries, and
    looking at a day's thousand took a tenth of a second of every build); then the old entries go as prune() says."""
    import os
    import time

    from volume.cache import PRUNE_EVERY, PRUNED_MARKER, UNUSED_FOR, Cache

    cache = Cache(tmp_path)
    old = time.time() - UNUSED_FOR - 3600

    def stale(key: str) -> None:
        cache.put("documents", key, {"key": key})
        os.utime(cache._path("documents", key), (old, old))

    stale("aa11")
    assert cache.prune_now_and_then() == 1  # never looked before: looks now
    stale("bb22")
    assert cache.prune_now_and_then() == 0 and cache.has("documents", "bb22")  # looked a moment ago
    marker = cache.root / PRUNED_MARKER
    an_hour_ago = time.time() - PRUNE_EVERY - 1
    os.utime(marker, (an_hour_ago, an_hour_ago))
    assert cache.prune_now_and_then() == 1 and not cache.has("documents", "bb22")
    assert marker.stat().st_mtime > an_hour_ago + 1


def test_the_epub_cover_image_is_kept_and_drawn_again_when_the_cover_changes(tmp_path, monkeypatch):
    """The EPUB's cover PNG (half a second to encode) comes from the build cache while its design, fonts and code
    are the same, and is drawn again when the title on it changes."""
    from volume.build import prepare, styles_dir_for
    from volume.config_trade import BLEED, trim_points
    from volume.diagnostics import Report
    from volume.render import cover_design
    from volume.render.epub import cover

    project = copy_case("small", tmp_path)
    volume = prepare(project, Report())
    styles = styles_dir_for(volume.manifest)
    manifest = volume.manifest
    design = cover_design.front_cover(volume.meta, manifest.trade.cover, manifest.chapters_dir,
                                      trim_points(manifest.trim_size), styles / "fonts", bleed=BLEED)
    drawn = cover.cover_png(volume, styles)
    assert drawn == cover_design.front_png(design, styles / "fonts")
    kept = list((project / ".volume-cache" / cover.CACHE_KIND).glob("*.png"))
    assert len(kept) == 1 and kept[0].read_bytes() == drawn

    def not_again(*args, **kwargs):
        raise AssertionError("the cover image was drawn again although nothing on it changed")

    monkeypatch.setattr(cover, "front_png", not_again)
    assert cover.cover_png(volume, styles) == drawn
    monkeypatch.undo()

    toml = manifest.path
    toml.write_text(toml.read_text(encoding="utf-8").replace('title = "A Small Test Volume"',
                                                             'title = "A Renamed Test Volume"', 1), encoding="utf-8")
    renamed = prepare(project, Report())
    redrawn = cover.cover_png(renamed, styles)
    assert redrawn != drawn
    assert len(list((project / ".volume-cache" / cover.CACHE_KIND).glob("*.png"))) == 2
