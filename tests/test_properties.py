"""Property tests: arbitrary input to the manifest loader and the importer raises nothing but our diagnostics."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from volume.config import load_manifest
from volume.diagnostics import VolumeError

TOML_PIECES = st.sampled_from([
    "[volume]\n", "[output]\n", "[[contents]]\n", "[volume.identifiers]\n", "[check]\n", "[bibliography]\n",
    'title = "T"\n', "title = 3\n", 'editors = ["a"]\n', "editors = 3\n", 'other = "urn:x"\n',
    'isbn_print = "978-0-306-40615-7"\n', 'isbn_ebook = "123"\n', 'file = "a.md"\n', 'file = "../x"\n',
    'role = "preface"\n', 'role = "x"\n', 'part = "P"\n', 'slug = "a b"\n', 'trim_size = "6in 9in"\n',
    'trim_size = 7\n', "pad_pages = -1\n", 'silence = ["I005"]\n', 'silence = ["M001"]\n', 'style = "x"\n',
    'date = 2026-01-01\n', 'date = "yesterday"\n', "year = true\n", 'language = "??"\n', "= broken\n", "[\n",
])


def load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        chapters = Path(folder) / "chapters"
        chapters.mkdir()
        (chapters / "volume.toml").write_text(text, encoding="utf-8")
        try:
            load_manifest(chapters / "volume.toml")
        except VolumeError as exc:
            assert exc.report.errors and all(d.location is not None for d in exc.report.items)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(TOML_PIECES, max_size=25))
def test_manifest_loader_only_raises_diagnostics_on_toml_like_text(pieces):
    load_text("".join(pieces))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_manifest_loader_only_raises_diagnostics_on_any_text(text):
    load_text(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600), st.sampled_from([".txt", ".html"]))
def test_importer_only_raises_diagnostics(text, suffix):
    from volume.importer import import_source
    from volume.scaffold import create_project

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "p"
        create_project(project)
        source = Path(folder) / f"article{suffix}"
        source.write_text(text, encoding="utf-8")
        try:
            import_source(source, project)
        except VolumeError as exc:
            assert exc.report.errors


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["Asian", "Infrastructure", "Investment", "Bank", "of", "the", "and", "Shanghai",
                     "Cooperation", "Organisation", "China’s", "Belt-and-Road", "U.S.", "&", "e.g.", "x", "",
                     "(SCO)", "(AIIB)", "(BRI)", "(EU)", "(A)", "(aIIB)", "(SCO", "SCO)", "(", ")", ",", "2024"]),
    st.text(alphabet="aAbBsSCO()’'&.- \n\t,", max_size=8)), max_size=60),
    st.lists(st.sampled_from([" ", "  ", "\n", " \t "]), min_size=1, max_size=4))
def test_abbreviation_definitions_found_as_by_the_plain_regex(tokens, spaces):
    """definitions() runs the definition pattern only before each "(ABBR)": it finds exactly what the pattern run
    over the whole text finds."""
    from volume.transforms.abbreviations import DEFINITION, definitions

    text = "".join(token + spaces[i % len(spaces)] for i, token in enumerate(tokens))
    assert [(m.span(), m.groups()) for m in definitions(text)] == \
        [(m.span(), m.groups()) for m in DEFINITION.finditer(text)]


# --- any string in a manifest or front-matter field: a clean build or a diagnostic, never a traceback, never active
# content in what is made of it (the markup of the EPUB, the PDF's pieces and the preview)

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src='http://127.0.0.1:9/'>",
           "javascript:alert(1)", "<a href='javascript:x'>x</a>", "<svg onload=alert(1)>", "<object data=x>",
           "<embed src=x>", "<form><input></form>", "<a rel='attachment' href='x.pdf'>x</a>",
           "<link rel=attachment href=x>", "<video poster='http://x/y.png'>", "<img srcset='http://x 1x'>", "]]>",
           "<!--", "-->", "&", "&amp;", "&#0;", "\x00", "\u202e", '"', "'", "{", "}", "$", "\\", "---", "...", "*",
           "[^1]", "<?xml?>", "<![CDATA[x]]>", "<style>@import url(http://x)</style>", "<base href=http://x/>",
           "<meta http-equiv=refresh content='0;url=http://x'>", "<p>", "</section>", "<b>", "\n", "\t", "#", ":",
           "<math><mi>x</mi></math>", "<template><script>x</script></template>", "<noscript><p title='</noscript>"
           "<img src=x onerror=alert(1)>'>"]
HOSTILE_TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE)), max_size=6).map("".join)
# for whole builds: printable text around the attacks, so that most examples build rather than stop early
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=10)
BUILDABLE_HOSTILE = st.lists(st.one_of(PRINTABLE, st.sampled_from([h for h in HOSTILE if h.isprintable()])),
                             min_size=1, max_size=5).map(lambda parts: "T " + "".join(parts))


def _toml(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


MANIFEST_FIELDS = ["title", "subtitle", "editors", "publisher", "place", "rights", "description", "subject",
                   "keywords", "part", "entry-title", "bibliography-title", "abbreviation"]


def _manifest_with(field: str, value: str) -> str:
    volume = {"title": _toml("T"), "other": _toml("urn:x")}
    text_fields = {k: _toml(value) for k in ("subtitle", "publisher", "place", "rights", "description", "subject")
                   if k == field}
    lines = ["[volume]", f"title = {_toml(value) if field == 'title' else volume['title']}"]
    lines += [f"{k} = {v}" for k, v in text_fields.items()]
    if field in ("editors", "keywords"):
        lines.append(f"{field} = [{_toml(value)}, {_toml('plain')}]")
    lines += ["[volume.identifiers]", f"other = {volume['other']}", "[output]", 'slug = "p"']
    if field == "part":
        lines += ["[[contents]]", f"part = {_toml(value)}"]
    lines += ["[[contents]]", 'file = "c.md"'] + ([f"title = {_toml(value)}"] if field == "entry-title" else [])
    if field == "bibliography-title":
        lines += ["[bibliography]", f"title = {_toml(value)}"]
    if field == "abbreviation":
        lines += ["[abbreviations]", f"BRI = {_toml(value)}"]
    return "\n".join(lines) + "\n"


def _markup_of(volume) -> list[tuple[str, str]]:
    """Every document the editions and the preview make from the model, without laying anything out."""
    from volume.preview_page import book_page
    from volume.render import epub
    from volume.render import html as shared
    from volume.render.pieces import back_pieces, contents_piece, first_pieces

    documents = [(s.name, s.html) for s in first_pieces(volume) + back_pieces(volume)]
    documents.append(("contents", contents_piece(volume, {}).html))
    documents.append(("preview", book_page(volume, "", [], Path("."), 1, "n0nce")))
    for name, body in (("title", shared.title_page(volume)), ("copyright", shared.copyright_page(volume)),
                       ("nav", epub.nav_body(volume, [])),
                       *((c.id, shared.chapter_section(c, volume)) for c in volume.chapters),
                       *((p.id, shared.part_section(p)) for p in volume.parts)):
        documents.append((f"epub-{name}", epub.document(volume.meta.title, body, volume.meta.language).decode()))
    return documents


def _assert_safe(volume) -> None:
    from lxml import etree

    from tests.active_content import active_in_html, active_in_tree
    from volume.xhtml import XML_PARSER

    for name, text in _markup_of(volume):
        if name.startswith("epub-"):  # XHTML: must parse as XML (epub.document checks it too)
            assert active_in_tree(etree.fromstring(text.encode("utf-8"), XML_PARSER)) == [], name
        else:
            assert active_in_html(text, nonce="n0nce") == [], name


def _volume_from(manifest, chapter_body: str = "<p>Text.</p>"):
    from volume.diagnostics import Report
    from volume.load import load_chapter
    from volume.model import Part, Volume

    parts = tuple(Part(f"part-{i}", i, e.title, e.location)
                  for i, e in enumerate((e for e in manifest.contents if e.kind == "part"), start=1))
    entry = next(e for e in manifest.contents if e.kind == "source")
    chapter = load_chapter(entry, manifest.chapters_dir / "c.md", "c", Report(), ({}, chapter_body, []))
    chapter = chapter.with_(number=1, part_id=parts[0].id if parts else None)
    return Volume(manifest=manifest, chapters=(chapter,), parts=parts)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MANIFEST_FIELDS), HOSTILE_TEXT)
def test_any_manifest_string_gives_a_diagnostic_or_safe_markup(field, value):
    from volume.diagnostics import Report
    from volume.transforms import run_transforms

    with tempfile.TemporaryDirectory() as folder:
        chapters = Path(folder) / "chapters"
        chapters.mkdir()
        (chapters / "volume.toml").write_text(_manifest_with(field, value), encoding="utf-8")
        (chapters / "c.md").write_text("Text.\n", encoding="utf-8")
        try:
            manifest = load_manifest(chapters / "volume.toml")
        except VolumeError as exc:
            assert exc.report.errors and all(d.location is not None for d in exc.report.items)
            event(f"refused: {sorted({d.code for d in exc.report.errors})}")
            return
        report = Report()
        try:
            volume = run_transforms(_volume_from(manifest), report)
        except VolumeError as exc:
            assert exc.report.errors
            event(f"refused: {sorted({d.code for d in exc.report.errors})}")
            return
        event("made")
        _assert_safe(volume)


FRONT_MATTER_FIELDS = ["title", "subtitle", "abstract", "author-name", "affiliation", "date", "lang"]


def _chapter_with(field: str, value: str) -> str:
    import json

    quoted = json.dumps(value, ensure_ascii=False)
    front = {"title": '"A title"', "subtitle": '"A subtitle"', "abstract": '"An abstract."', "date": "2026-01-01",
             "lang": "en"}
    name, affiliation = '"An Author"', '"An Institute"'
    if field == "author-name":
        name = quoted
    elif field == "affiliation":
        affiliation = quoted
    else:
        front[field] = quoted
    lines = ["---"] + [f"{k}: {v}" for k, v in front.items()]
    lines += ["authors:", f"  - name: {name}", f"    affiliation: {affiliation}", "---", "",
              "Body text with a note.[^1]", "", "[^1]: A note.", ""]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FRONT_MATTER_FIELDS), HOSTILE_TEXT)
def test_any_front_matter_string_gives_a_diagnostic_or_safe_markup(field, value):
    from volume.diagnostics import Report
    from volume.load import load_volume
    from volume.transforms import run_transforms

    with tempfile.TemporaryDirectory() as folder:
        chapters = Path(folder) / "chapters"
        chapters.mkdir()
        (chapters / "volume.toml").write_text(_manifest_with("subject", "x"), encoding="utf-8")
        (chapters / "c.md").write_text(_chapter_with(field, value), encoding="utf-8")
        report = Report()
        try:
            volume = run_transforms(load_volume(load_manifest(chapters / "volume.toml"), report), report)
        except VolumeError as exc:
            assert exc.report.errors and all(d.location is not None for d in exc.report.errors)
            event(f"refused: {sorted({d.code for d in exc.report.errors})}")
            return
        event("made")
        _assert_safe(volume)  # names and dates are plain text: escaped wherever they are written


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory):
    from volume.build import build
    from volume.scaffold import create_project

    project = tmp_path_factory.mktemp("scaffold") / "book"
    create_project(project)
    build(project)
    return project


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(BUILDABLE_HOSTILE, BUILDABLE_HOSTILE)
def test_full_builds_with_any_title_and_abstract(scaffold, title, abstract):
    """A few whole builds: the manifest's title and a chapter's title and abstract set to the strings."""
    import json
    import shutil

    from tests.active_content import active_in_output
    from volume.build import build

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "book"
        shutil.copytree(scaffold, project)
        manifest = project / "chapters" / "volume.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace('title = "A New Volume"',
                                                                         f"title = {_toml(title)}"), encoding="utf-8")
        chapter = project / "chapters" / "first-chapter.md"
        text = chapter.read_text(encoding="utf-8")
        text = text.replace('title: "Energy Corridors Across the Caspian"',
                            f"title: {json.dumps(title + ' Energy', ensure_ascii=False)}")
        text = text.replace("abstract: |\n", f"abstract: {json.dumps(abstract, ensure_ascii=False)}\nx-old: |\n")
        chapter.write_text(text, encoding="utf-8")
        try:
            result = build(project)
        except VolumeError as exc:
            assert exc.report.errors
            event(f"refused: {sorted({d.code for d in exc.report.errors})}")
            return
        event("built")
        for output in result.outputs:
            assert active_in_output(output.path) == [], output.path.name
