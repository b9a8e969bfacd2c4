"""`volume new`: a fresh project that builds at once, and refusing to write over anything."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from volume.build import build
from volume.cli import main
from volume.config import find_manifest, load_manifest
from volume.diagnostics import VolumeError
from volume.resources import bundled_styles, shipped_files
from volume.scaffold import create_project, volume_identifier


def test_new_writes_a_complete_project(tmp_path):
    target = tmp_path / "Caspian Studies 2027"
    result = CliRunner().invoke(main, ["new", str(target)])
    assert result.exit_code == 0, result.output
    assert "chapters/volume.toml" in result.output

    manifest = load_manifest(find_manifest(target))
    assert manifest.meta.title == "A New Volume"
    assert manifest.meta.editors == ("The editors",)
    assert manifest.slug == "caspian-studies-2027"
    assert manifest.meta.identifiers.other == volume_identifier("Caspian Studies 2027")
    assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}",
                        manifest.meta.identifiers.other)
    assert [e.file for e in manifest.contents] == ["first-chapter.md", "second-chapter.md"]

    chapters = target / "chapters"
    text = ""
    for name in ("first-chapter.md", "second-chapter.md"):
        chapter = (chapters / name).read_text(encoding="utf-8")
        front = chapter.split("---\n")[1]
        for key in ("title:", "authors:", "date:", "lang:", "abstract:"):
            assert f"\n{key}" in "\n" + front, (name, key)
        assert "\n## Economic Relations\n" in chapter
        assert 3 <= len(re.findall(r"^\[\^\d+\]:", chapter, re.MULTILINE)) <= 4
        text += chapter
    assert "Ibid." in text

    index = tomllib.loads((chapters / "index.toml").read_text(encoding="utf-8"))["entry"]
    assert len(index) == 5
    for entry in index:
        assert entry["term"] in text, entry["term"]
    assert {"term": "pipelines", "parent": "energy"} in index

    shipped = bundled_styles()
    names = shipped_files(shipped)
    assert {"book.css", "epub.css", "color/artifex-swop-cmyk.icc", "fonts/OFL.txt"} <= {str(n) for n in names}
    for name in names:
        assert (target / "styles" / name).read_bytes() == (shipped / name).read_bytes()


def test_same_folder_name_same_identifier(tmp_path):
    create_project(tmp_path / "a" / "book")
    create_project(tmp_path / "b" / "book")
    first = (tmp_path / "a" / "book" / "chapters" / "volume.toml").read_text(encoding="utf-8")
    second = (tmp_path / "b" / "book" / "chapters" / "volume.toml").read_text(encoding="utf-8")
    assert first == second
    assert volume_identifier("book") != volume_identifier("other-book")


def test_new_project_builds(tmp_path):
    target = tmp_path / "fresh"
    target.mkdir()  # an empty folder is fine
    create_project(target)
    result = build(target)
    assert sorted(o.path.name for o in result.outputs) == ["fresh-cover.pdf", "fresh-onix.xml", "fresh-print.pdf",
                                                                "fresh.epub", "fresh.pdf"]
    assert result.report.items == []
    chapters = [c for c in result.volume.chapters]
    assert [c.title_text for c in chapters] == ["Energy Corridors Across the Caspian", "Capitals, Names and Routes"]
    assert [len(c.notes) for c in chapters] == [4, 4]


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(VolumeError) as failure:
        create_project(target)
    assert [d.code for d in failure.value.report.items] == ["P008"]

    result = CliRunner().invoke(main, ["new", str(target)])
    assert result.exit_code == 1
    assert "error P008" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"

    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(VolumeError):
        create_project(a_file)


def test_a_project_without_its_own_styles_builds_with_the_shipped_ones(tmp_path):
    import shutil

    target = tmp_path / "bare"
    create_project(target)
    shutil.rmtree(target / "styles")
    result = build(target)
    assert result.report.items == [] and len(result.outputs) == 5  # three editions, the cover, the ONIX
