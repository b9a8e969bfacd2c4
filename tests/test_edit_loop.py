"""The edit loop: the back matter's layout does not move with the pages, and whatever sequence of edits a project
goes through, its outputs are byte for byte those of a cold build of the same sources in a fresh folder."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace

import pypdf

from tests.conftest import ROOT
from volume.build import build, layout_scheduler, styles_dir_for
from volume.cache import forget_rounds, remember_between_builds
from volume.render.pdf.pieces import back_pieces

CHAPTERS = ("armenia.md", "azerbaijan.md", "georgia.md")  # none links to a chapter left out


def three_chapters(folder):
    """The default volume's preface and three chapters, with its index terms and its manifest's head."""
    project = folder / "three"
    shutil.copytree(ROOT / "chapters", project / "chapters")
    manifest = project / "chapters" / "volume.toml"
    head = manifest.read_text(encoding="utf-8").split("[[contents]]")[0]
    contents = '[[contents]]\nfile = "preface.md"\nrole = "preface"\n\n' + "".join(
        f'[[contents]]\nfile = "{name}"\n\n' for name in CHAPTERS)
    manifest.write_text(head + contents, encoding="utf-8")
    return project


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def paragraph(path, number: int) -> str:
    """The number-th body paragraph of a chapter (a long line after the front matter)."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return [line for line in body.split("\n") if len(line) > 300 and not line.startswith(("#", "[^"))][number]


def note_line(path, number: int) -> str:
    return next(line for line in path.read_text(encoding="utf-8").split("\n") if line.startswith(f"[^{number}]: "))


def outputs(project) -> dict[str, bytes]:
    """Every output file (not the build's stamp, which names the project's folder in its warnings)."""
    return {p.name: p.read_bytes() for p in sorted((project / "dist").iterdir())
            if p.is_file() and not p.name.startswith(".")}


def assert_same_outputs(project, fresh, at_least: int) -> None:
    """The edited project's outputs are byte for byte the fresh (cold) build's, at least at_least files of them."""
    edited, rebuilt = outputs(project), outputs(fresh)
    assert sorted(edited) == sorted(rebuilt) and len(edited) >= at_least
    for name in edited:
        assert edited[name] == rebuilt[name], f"{name} differs from a cold build's"


def test_back_matter_html_does_not_change_with_the_page_numbers(tmp_path):
    """Every arabic page number moved to another of the same width: the bibliography's and index's HTML (what their
    layout is cached by) stay the same; only the digits to stamp differ."""
    project = three_chapters(tmp_path)
    placed = build(project).volume

    def shifted(label: str) -> str:
        return label.translate(str.maketrans("0123456789", "1234567891")) if label.isdigit() else label

    moved = replace(placed, index_entries=tuple(
        replace(e, locators=tuple((i, shifted(label), a) for i, label, a in e.locators)) for e in placed.index_entries),
        bibliography=tuple(replace(e, pages=tuple((c, shifted(label), a) for c, label, a in e.pages))
                           for e in placed.bibliography))
    before, after = back_pieces(placed), back_pieces(moved)
    assert [p.name for p in before] == ["bibliography", "index"]
    for old, new in zip(before, after):
        assert old.html == new.html and old.css == new.css and old.slots == new.slots
        assert old.digits != new.digits and len(old.digits) > 20
        # every digit moved, the separators and the cells' unused room (render/page_numbers.py) as they were
        assert [d.translate(str.maketrans("0123456789", "1234567891")) for d in old.digits] == list(new.digits)
        assert not re.search(r'class="pn" href="[^"]*">[^<]*[1-9]', old.html)  # no digit but the blanks' zeros


def test_edits_then_a_cold_build_give_the_same_bytes(tmp_path, monkeypatch):
    """A sentence, a page's worth of text, an edit in another chapter, the page taken out again, a note changed:
    built one after another with one scheduler kept warm (as `volume build --watch` does), then the same sources
    built cold in a fresh folder: every output is the same, byte for byte. The edits' builds copy the unchanged
    pieces into the book while the edited chapter is laid out (pdf/early_join.py); the cold build here copies none
    ahead (the whole joining after the layout, on the main thread), and the files are still the same."""
    from volume.render.pdf import early_join

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    armenia, georgia = chapters / "armenia.md", chapters / "georgia.md"
    page = " ".join(["The figures were revised again after a review of the customs returns."] * 40)
    first = paragraph(armenia, 1)
    steps = [
        lambda: edit(armenia, first, first + " Officials called the new figures provisional."),
        lambda: edit(armenia, first, first + "\n\n" + page),
        lambda: edit(georgia, paragraph(georgia, 2), paragraph(georgia, 2) + " A sentence was added here."),
        lambda: edit(armenia, "\n\n" + page, ""),
        lambda: edit(georgia, "[^1]: ", "[^1]: See also the ministry's statement. "),
    ]
    remember_between_builds()  # as volume build --watch does, its workers kept warm from one build to the next
    with layout_scheduler(styles_dir_for_project(project), keep_warm=True) as scheduler:
        cold = build(project, scheduler=scheduler)
        pages = [len(pypdf.PdfReader(project / "dist" / "china-caspian.pdf").pages)]
        digits = [{p.name: p.digits for p in back_pieces(cold.volume)}]
        relaid = []
        for step in steps:
            step()
            result = build(project, scheduler=scheduler)
            assert not result.up_to_date and not result.report.errors
            relaid.append(set(result.laid_out))
            assert result.timings["pdf_pieces_joined_ahead"] >= 4  # cover, parts, the preface, a chapter
            pages.append(len(pypdf.PdfReader(project / "dist" / "china-caspian.pdf").pages))
            digits.append({p.name: p.digits for p in back_pieces(result.volume)})
    assert pages[2] > pages[1]  # the page's worth of text made the book longer
    assert all(len(names) < cold.pieces["laid_out"] for names in relaid)
    # numbers moved while a back matter piece was taken from the cache: they were stamped, not laid out
    assert any(digits[i + 1][name] != digits[i][name] and name not in relaid[i]
               for i in range(len(steps)) for name in ("bibliography", "index"))
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    forget_rounds()  # nothing this process remembers from the builds before: a cold build
    monkeypatch.setattr(early_join, "EARLY_PAGES", 0)
    assert build(fresh).timings["pdf_pieces_joined_ahead"] == 0
    assert_same_outputs(project, fresh, at_least=5)


def test_early_joining_for_another_plan_is_given_up(tmp_path):
    """A book joined ahead for a plan that is not the final one (a piece at another page, another file) is not
    taken: its files are closed and the book is joined from nothing."""
    from pathlib import Path

    from volume.render.pdf.early_join import EarlyJoin
    from volume.render.pdf.join import PreOpened, _Joined, _Joiner
    from volume.render.pdf.layout import PieceLayout
    from volume.render.pdf.pieces import PieceSpec
    from volume.render.pdf.plan import plan

    def layout(pages: int) -> PieceLayout:
        return PieceLayout("piece", pages)

    pieces = [(PieceSpec("cover", "cover", "", ""), layout(4), Path("cover.pdf")),
              (PieceSpec("contents", "contents", "", ""), layout(1), Path("contents.pdf")),
              (PieceSpec("one", "body", "", ""), layout(3), Path("one.pdf"))]
    book = plan(pieces)
    for first, pdf, taken in ((book.placed[2].first, Path("one.pdf"), True), (book.placed[2].first + 2, Path(
            "one.pdf"), False), (book.placed[2].first, Path("other.pdf"), False)):
        early = EarlyJoin(PreOpened())
        joiner = _Joiner()
        joiner.joined[0] = _Joined(Path("cover.pdf"), 0, False, [], [], [], [], ())
        joiner.joined[2] = _Joined(pdf, first, True, [], [], [], [], ())
        early.future = _finished(joiner)
        assert (early.take(book) is joiner) == taken
        assert early.taken == (2 if taken else 0)
    early = EarlyJoin(PreOpened())
    joiner = _Joiner()
    joiner.joined[2] = _Joined(Path("one.pdf"), book.placed[2].first, True, [], [], [], [], ())
    early.future = _finished(joiner)
    assert early.take(book) is None  # not the first piece of the joining order: the cover is missing


def _finished(value):
    import concurrent.futures

    future = concurrent.futures.Future()
    future.set_result(value)
    return future


def test_single_builds_after_edits_give_a_cold_builds_bytes(tmp_path):
    """`volume build` run once per edit, each in a process of its own (nothing remembered in memory, the pieces, the
    pieces' documents and pandoc's conversions from the project's cache): every output is byte for byte a cold build's
    of the same sources."""
    import subprocess
    import sys

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    armenia, georgia = chapters / "armenia.md", chapters / "georgia.md"

    def single_build(folder) -> None:
        run = subprocess.run([sys.executable, "-m", "volume", "build"], cwd=folder, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]

    single_build(project)
    edit(armenia, paragraph(armenia, 1), paragraph(armenia, 1) + " Officials called the new figures provisional.")
    single_build(project)
    edit(georgia, note_line(georgia, 1), note_line(georgia, 1) + " See also the ministry's statement.")
    single_build(project)
    last = json.loads((project / ".volume-cache" / "last-build.json").read_text(encoding="utf-8"))
    assert "georgia" in last["laid_out"] and "armenia" not in last["laid_out"]  # the rest from the cache
    assert last["timings"]["pdf_pieces_joined_ahead"] >= 4  # copied while georgia was laid out
    assert len(list((project / ".volume-cache" / "documents").rglob("*.json"))) > len(CHAPTERS)  # kept for reuse
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    single_build(fresh)
    assert_same_outputs(project, fresh, at_least=5)


def test_single_builds_after_edits_to_the_first_and_last_chapters_and_a_page_added(tmp_path):
    """Single builds (a process each, the pieces' files opened and read for the joining while the edited piece is
    laid out): a page's worth of text added to the last chapter (every page after it moves, the back matter's numbers
    with them), a sentence added to the first piece (the preface: the book's first pages, whose file gives the book's
    document information), the page taken out again. Each edit lays out only the piece edited (and what its page
    numbers reach; the last, none: the chapter as it was is in the cache), and every output ends byte for byte a cold
    build's."""
    import subprocess
    import sys

    import pikepdf

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    georgia, preface = chapters / "georgia.md", chapters / "preface.md"
    page = " ".join(["The figures were revised again after a review of the customs returns."] * 40)
    last_paragraph = paragraph(georgia, 3)

    def single_build(folder) -> tuple[int, list[str]]:
        run = subprocess.run([sys.executable, "-m", "volume", "build"], cwd=folder, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
        with pikepdf.open(folder / "dist" / "china-caspian.pdf") as pdf:
            pages = len(pdf.pages)
        last = json.loads((folder / ".volume-cache" / "last-build.json").read_text(encoding="utf-8"))
        return pages, last["laid_out"]

    before, _ = single_build(project)
    edit(georgia, last_paragraph, last_paragraph + "\n\n" + page)
    longer, laid_out = single_build(project)
    assert longer > before and "georgia" in laid_out and "armenia" not in laid_out
    first = paragraph_of_preface(preface)
    edit(preface, first, first + " The editors thank the archivists in Tbilisi.")
    pages, laid_out = single_build(project)
    assert pages == longer and "preface" in laid_out and "georgia" not in laid_out
    edit(georgia, last_paragraph + "\n\n" + page, last_paragraph)
    pages, laid_out = single_build(project)
    assert pages == before and not {"preface", "armenia", "georgia"} & set(laid_out)  # georgia's from the cache
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    single_build(fresh)
    assert_same_outputs(project, fresh, at_least=5)


def test_a_number_becoming_a_range_is_stamped_not_laid_out(tmp_path):
    """Text put between two occurrences of a term on one page until the second moves to the next page: the index
    prints "N–N+1" where it printed "N", and that build stamps the index (its cells had room for the range) instead
    of laying it out again; then the outputs are byte for byte a cold build's."""
    import datetime

    from volume.render.index_section import page_ranges
    from volume.scaffold import create_project

    project = tmp_path / "small"
    create_project(project, today=datetime.date(2026, 11, 1))
    chapters = project / "chapters"
    terms = chapters / "index.toml"
    terms.write_text(terms.read_text(encoding="utf-8") + '\n[[entry]]\nterm = "Qarshi"\n', encoding="utf-8")
    second = chapters / "second-chapter.md"
    second.write_text(second.read_text(encoding="utf-8").rstrip("\n") + "\n\nQarshi lies in the south. Qarshi grew.\n",
                      encoding="utf-8")
    filler = " ".join(["The figures were revised again after a review of the customs returns."] * 6)

    def printed(result) -> list[tuple[str, str]]:
        entry = next(e for e in result.volume.index_entries if e.term.term == "Qarshi")
        return [(first, last) for first, last, _anchor in page_ranges(entry.locators)]

    remember_between_builds()
    with layout_scheduler(styles_dir_for_project(project)) as scheduler:
        result = build(project, scheduler=scheduler)
        alone = printed(result)
        assert len(alone) == 1 and alone[0][0] == alone[0][1]  # both occurrences on one page
        for _step in range(30):  # about six lines a step: the second occurrence moves down its page
            edit(second, " Qarshi grew.", f" {filler} Qarshi grew.")
            result = build(project, scheduler=scheduler)
            if printed(result) != alone:
                break
        page = alone[0][0]
        assert printed(result) == [(page, str(int(page) + 1))]
        assert "index" not in result.laid_out and result.laid_out  # the chapter laid out, the index stamped
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    shutil.copytree(project / "styles", fresh / "styles")
    forget_rounds()
    build(fresh)
    assert_same_outputs(project, fresh, at_least=3)


def _links(pdf) -> list:
    return [(number, a) for number, page in enumerate(pdf.pages) for a in page.obj.get("/Annots", [])
            if a.get("/Subtype") == "/Link"]


def _link_elements(pdf) -> list:
    """The annotations the structure tree's Link elements hold (objgen), walking the tree from its root."""
    import pikepdf

    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
        if isinstance(node, pikepdf.Dictionary) and node.get("/S") == "/Link":
            found += [k.Obj.objgen for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
        stack += [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") != "/OBJR"]
    return found


def _parent_tree(pdf) -> dict:
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _marked_contents(pdf) -> dict[int, list[int]]:
    """Each page's marked-content ids (by its StructParents key)."""
    return {int(page.obj.StructParents): [int(m) for m in re.findall(rb"<</MCID (\d+)>>",
                                                                     page.obj.Contents.read_bytes())]
            for page in pdf.pages if page.obj.get("/StructParents") is not None}


def styles_dir_for_project(project):
    from volume.config import find_manifest, load_manifest

    return styles_dir_for(load_manifest(find_manifest(project)))


def test_stamping_puts_each_number_in_its_blank(tmp_path):
    """The index laid out with blanks, stamped with its numbers and separators: the piece's text reads the numbers
    in order where the blanks were, ", " or an en dash between two of them where a separator blank was (the
    separators are blanks too since a list turning into a range should not move the layout); one number too few or
    too many is refused (the build then lays the piece out with them)."""
    import json

    import pytest

    from volume.render.index_section import page_ranges
    from volume.render.page_numbers import LIST, RANGE, UNUSED
    from volume.render.pdf.stamp_numbers import StampError, stamp_line, stamp_numbers

    project = three_chapters(tmp_path)
    placed = build(project).volume
    index = next(p for p in back_pieces(placed) if p.name == "index")
    assert LIST in index.digits and RANGE in index.digits  # the three chapters' index has both kinds
    laid = [p for p in (project / ".volume-cache" / "pieces").glob("*.json")
            if json.loads(p.read_text(encoding="utf-8"))["name"] == "index"]
    assert len(laid) == 1
    blank = laid[0].with_suffix(".pdf")
    fonts = ROOT / "styles" / "fonts"
    stamped = tmp_path / "stamped.pdf"
    stamp_numbers(blank, index.digits, fonts, stamped)

    def text(pdf) -> str:
        return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)

    before, after = text(blank), text(stamped)  # the blanks read as zeros; terms may hold numbers too
    assert re.search(r"\b\d+, \d+\b", after) and re.search(r"\b\d+\u2013\d+\b", after)
    assert "".join(after.split()) == "".join(stamp_line(before, "".join(index.digits), 0).split())
    numbers = [d.rstrip(UNUSED) for d in index.digits if d not in (LIST, RANGE) and d.rstrip(UNUSED)]  # a cell's
    # room for a wider number than its own, and the cells and separators no number fills, are stamped as nothing
    found = iter(re.findall(r"\d+", after))
    assert all(number in found for number in numbers)  # every number, in order (terms may hold numbers between)
    import pikepdf

    with pikepdf.open(stamped) as pdf:  # the spacing numbers stamped beside the separators stand apart
        assert all(pikepdf.parse_content_stream(page) for page in pdf.pages)
    # the cells' unused room (render/page_numbers.py) leaves nothing: no link without text, no Link element without
    # its annotation, no marked content without its element; every other link kept, moved with its number
    assert UNUSED in "".join(index.digits)
    with pikepdf.open(blank) as before_pdf, pikepdf.open(stamped) as pdf:
        kept, links, contents = _links(pdf), _link_elements(pdf), _marked_contents(pdf)
        printed = sum(1 + (first != last) for e in placed.index_entries for first, last, _a in page_ranges(e.locators))
        emptied = index.html.count('class="pn"') - printed  # cells no number fills
        assert 0 < emptied and len(kept) == len(_links(before_pdf)) - emptied > 100
        assert sorted(annotation.objgen for _page, annotation in kept) == sorted(links)
        assert all(float(a.Rect[2]) - float(a.Rect[0]) > 2 for _page, a in kept)  # a number's width at least
        parents = {n: list(v) if isinstance(v, pikepdf.Array) else v for n, v in _parent_tree(pdf).items()}
        for page_number, mcids in contents.items():
            held = parents[page_number]
            assert all(m < len(held) and held[m] is not None for m in mcids)  # every marked content has its element
    for wrong in (index.digits[:-1], index.digits + ("7",)):
        with pytest.raises(StampError):
            stamp_numbers(blank, wrong, fonts, tmp_path / "wrong.pdf")


def test_preview_after_edits_is_a_cold_preview(tmp_path):
    """The preview rebuilt after each edit (its passes taking unchanged chapters' and notes' results from the
    builds before) is, after every step, the page a fresh process makes of the same sources."""
    from volume.preview import Preview

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    armenia, georgia = chapters / "armenia.md", chapters / "georgia.md"
    first = paragraph(armenia, 1)
    steps = [
        lambda: edit(armenia, first, first + " Officials in Georgia called the new figures provisional."),
        lambda: edit(georgia, "[^1]: ", "[^1]: See also the ministry's statement. "),
        lambda: edit(georgia, note_line(georgia, 5), note_line(georgia, 5) + " The translation is ours."),
        lambda: edit(georgia, "translation is ours.", "translation is mine."),  # the note's spans stay the same
        lambda: edit(georgia, paragraph(georgia, 2), paragraph(georgia, 2) + " Armenia and Azerbaijan agreed."),
        lambda: edit(chapters / "index.toml", 'term = "Armenia"', 'term = "Armenia"\nheading = "Armenia (Republic)"'),
        lambda: edit(armenia, " Officials in Georgia called the new figures provisional.", ""),
    ]
    warm = Preview(project)
    warm.nonce = "n"
    warm.rebuild()
    for step in steps:
        step()
        warm.rebuild()
        forget_rounds()
        cold = Preview(project)
        cold.nonce = "n"
        cold.rebuild()
        assert cold.report.items == warm.report.items
        assert cold.written == warm.written
        warm.rebuild()  # after the cold one, so the next step finds some results remembered and some not
        assert cold.written == warm.written


def test_preview_pdf_after_edits_gives_a_cold_builds_bytes(tmp_path, monkeypatch):
    """`volume preview --pdf` builds the editions from the volume its page was made from (the sources read once per
    save: the build does not read them again) and serves the digital PDF before the print edition and the EPUB are
    done: after a sentence, a page's worth of text and a note changed, dist/ holds a cold build's bytes, and the PDF
    served is dist/'s."""
    import volume.build
    from volume.preview import Preview

    read_by_builds = []
    prepare = volume.build.prepare
    monkeypatch.setattr(volume.build, "prepare", lambda *a, **k: read_by_builds.append(a) or prepare(*a, **k))

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    armenia, georgia = chapters / "armenia.md", chapters / "georgia.md"
    page = " ".join(["The figures were revised again after a review of the customs returns."] * 40)
    first = paragraph(armenia, 1)
    steps = [
        lambda: edit(armenia, first, first + " Officials called the new figures provisional."),
        lambda: edit(armenia, first, first + "\n\n" + page),
        lambda: edit(georgia, "[^1]: ", "[^1]: See also the ministry's statement. "),
    ]
    preview = Preview(project, pdf=True)
    try:
        preview.rebuild()
        ended = preview.editions.wait_for_build(0, 600)
        served = [preview.editions.pdf]
        for step in steps:
            step()
            preview.rebuild()
            ended = preview.editions.wait_for_build(ended, 600)
            served.append(preview.editions.pdf)
            assert served[-1] == (project / "dist" / "china-caspian.pdf").read_bytes()
    finally:
        preview.close()
    assert len(set(served)) == len(served)  # each edit served a new PDF
    assert read_by_builds == []
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    forget_rounds()
    build(fresh)
    assert_same_outputs(project, fresh, at_least=5)


def test_edits_that_move_links_bookmarks_and_page_labels_give_a_cold_builds_bytes(tmp_path):
    """Edits that reach beyond the changed chapter's pages: a link out of one chapter into another, the page it
    points at moved by a page's worth of text before it, a heading (a bookmark) renamed, the front matter made a
    page longer (every page label after it moves), the text taken out again. Built one after another with one
    scheduler kept warm, then cold in a fresh folder: the link, the bookmark and the labels are there, and every
    output is byte for byte the cold build's."""
    import pikepdf

    project = three_chapters(tmp_path)
    chapters = project / "chapters"
    armenia, georgia, preface = chapters / "armenia.md", chapters / "georgia.md", chapters / "preface.md"
    page = " ".join(["The figures were revised again after a review of the customs returns."] * 40)
    anaklia = "### Anaklia: the port as a geopolitical choice {#anaklia}"
    first = paragraph(armenia, 1)
    steps = [
        lambda: edit(armenia, first, first + " Georgia's port plans differ ([see Anaklia](georgia.md#anaklia))."),
        lambda: edit(georgia, anaklia, page + "\n\n" + anaklia),
        lambda: edit(georgia, "## Local Reactions", "## Reactions in Georgia"),
        lambda: edit(preface, paragraph_of_preface(preface), paragraph_of_preface(preface) + "\n\n" + page),
        lambda: edit(georgia, page + "\n\n" + anaklia, anaklia),
    ]

    def digital():
        with pikepdf.open(project / "dist" / "china-caspian.pdf") as pdf:
            labels = [int(n) for n in list(pdf.Root.PageLabels.Nums)[::2]]
            links = [i for i, p in enumerate(pdf.pages) for a in p.obj.get("/Annots", [])
                     if str(a.get("/Dest", "")) == "georgia-anaklia"]  # a chapter's ids take its id before them
            named = dict(pikepdf.NameTree(pdf.Root.Names.Dests).items())
            target = _page_index(pdf, named["georgia-anaklia"][0])
            with pdf.open_outline() as outline:
                titles = {item.title for top in outline.root for item in _all_items(top)}
            return len(pdf.pages), labels, links, target, titles

    remember_between_builds()
    with layout_scheduler(styles_dir_for_project(project)) as scheduler:
        build(project, scheduler=scheduler)
        seen = [digital()]
        for step in steps:
            step()
            result = build(project, scheduler=scheduler)
            assert not result.up_to_date and not result.report.errors
            seen.append(digital())
    assert len(seen[1][2]) == len(seen[0][2]) + 1  # armenia's new link into georgia
    assert seen[2][3] > seen[1][3] and seen[2][0] > seen[1][0]  # the place linked to moved a page on
    assert "Reactions in Georgia" in seen[3][4] and "Reactions in Georgia" not in seen[2][4]  # the bookmark
    assert seen[4][1][1] > seen[3][1][1]  # the arabic numbering starts later: the front matter grew
    assert seen[5][3] < seen[4][3]
    fresh = tmp_path / "fresh"
    shutil.copytree(chapters, fresh / "chapters")
    forget_rounds()
    build(fresh)
    assert_same_outputs(project, fresh, at_least=5)


def _page_index(pdf, page) -> int:
    return next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == page.objgen)


def paragraph_of_preface(path) -> str:
    """The preface's first long paragraph."""
    return next(line for line in path.read_text(encoding="utf-8").split("\n") if len(line) > 200)


def _all_items(item):
    yield item
    for child in item.children:
        yield from _all_items(child)
