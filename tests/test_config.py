"""The manifest loader: valid manifests read into dataclasses, every mistake a coded diagnostic."""

from __future__ import annotations

import pytest

from volume.config import isbn_is_valid, load_manifest
from volume.diagnostics import VolumeError

BASE = """
[volume]
title = "T"
editors = ["The editors"]
[volume.identifiers]
other = "urn:uuid:00000000-0000-0000-0000-000000000000"
[output]
slug = "t"
[[contents]]
file = "a.md"
"""


def load(tmp_path, text):
    (tmp_path / "chapters").mkdir(exist_ok=True)
    path = tmp_path / "chapters" / "volume.toml"
    path.write_text(text, encoding="utf-8")
    return load_manifest(path)


def codes(excinfo) -> list[str]:
    return [d.code for d in excinfo.value.report.items]


@pytest.mark.parametrize("isbn,valid", [
    ("978-0-306-40615-7", True), ("9780306406157", True), ("978-0-306-40615-8", False),
    ("0-306-40615-2", True), ("0-306-40615-3", False), ("080442957X", True), ("12345", False),
])
def test_isbn_checksums(isbn, valid):
    assert isbn_is_valid(isbn) is valid


def test_valid_manifest_reads_defaults(tmp_path):
    manifest = load(tmp_path, BASE)
    assert manifest.meta.title == "T"
    assert manifest.trim_size == ("6in", "9in")
    assert manifest.contents[0].file == "a.md" and manifest.contents[0].role == "chapter"
    assert manifest.meta.identifiers.ebook.startswith("urn:uuid:")


def test_unknown_key_lists_valid_keys(tmp_path):
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, BASE.replace('slug = "t"', 'slug = "t"\ncolour = "red"'))
    diag = excinfo.value.report.items[0]
    assert diag.code == "M003"
    assert "colour" in diag.message and "slug" in diag.message and "trim_size" in diag.message
    assert diag.location.line == 9


def test_syntax_error_has_line(tmp_path):
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, BASE.replace('title = "T"', 'title = "T'))
    assert codes(excinfo) == ["M002"]
    assert excinfo.value.report.items[0].location.line == 3


def test_bad_isbn_is_an_error(tmp_path):
    text = BASE.replace('other = "urn', 'isbn_print = "978-0-306-40615-8"\nother = "urn')
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    assert codes(excinfo) == ["M006"]


def test_identifier_required(tmp_path):
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, BASE.replace('other = "urn:uuid:00000000-0000-0000-0000-000000000000"', ""))
    assert "M004" in codes(excinfo)


@pytest.mark.parametrize("trim,expected", [("A5", ("148mm", "210mm")), ("156mm 234mm", ("156mm", "234mm")),
                                           ("6in x 9in", ("6in", "9in"))])
def test_trim_sizes(tmp_path, trim, expected):
    manifest = load(tmp_path, BASE.replace('slug = "t"', f'slug = "t"\ntrim_size = "{trim}"'))
    assert manifest.trim_size == expected


def test_bad_trim_and_role(tmp_path):
    text = BASE.replace('slug = "t"', 'slug = "t"\ntrim_size = "huge"').replace('file = "a.md"',
                                                                               'file = "a.md"\nrole = "chorus"')
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    assert sorted(codes(excinfo)) == ["M005", "M007"]


def test_front_matter_after_body_is_reported(tmp_path):
    text = BASE + '\n[[contents]]\nfile = "p.md"\nrole = "preface"\n'
    with pytest.raises(VolumeError) as excinfo:
        load(tmp_path, text)
    assert codes(excinfo) == ["M007"]
    assert excinfo.value.report.items[0].location.line == 13  # the file = line
