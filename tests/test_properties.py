"""Property tests: arbitrary input to the manifest loader and the importer raises nothing but our diagnostics."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
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
