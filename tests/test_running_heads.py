"""Running heads that fit one line: a journal article's eight authors and a long title are shortened as editors
shorten them, so the head never wraps into the folio (seen on an imported MDPI article: a two-line verso head with
the stamped folio printed over its second line)."""

from __future__ import annotations

import pytest

from tests.conftest import pdf_text
from volume.build import build
from volume.render.running_heads import AUTHOR_CHARS, TITLE_CHARS, running_author, running_title
from volume.scaffold import create_project

# the byline of a real article (MDPI, Toxins 2014, dev-eval6/fit/mdpi-fusarium-wheat), as imported
AUTHORS = ["Barbara Laddomada", "Laura Del Coco", "Miriana Durante", "Dominique S. Presicce",
           "Pietro A. Siciliano", "Francesco P. Fanizzi", "Antonio F. Logrieco"]
TITLE = ("Volatile Metabolite Profiling of Durum Wheat Kernels Contaminated by Fusarium poae: A Search for "
         "Markers of Contamination")


def test_short_heads_are_kept_whole():
    assert running_author(["The editors"]) == "The editors"
    assert running_author(["Ann Lee", "Bo Chen"]) == "Ann Lee, Bo Chen"
    title = "Introduction: China's Growing Involvement in the Caspian Region"  # the default volume's longest
    assert running_title(title) == title


def test_many_authors_become_the_first_et_al():
    assert running_author(AUTHORS) == "Barbara Laddomada et al."


def test_a_long_title_keeps_what_comes_before_its_colon_or_is_cut_at_a_word():
    assert running_title(TITLE) == ("Volatile Metabolite Profiling of Durum Wheat Kernels Contaminated by "
                                    "Fusarium poae")[:TITLE_CHARS] or len(running_title(TITLE)) <= TITLE_CHARS
    shortened = running_title(TITLE)
    assert len(shortened) <= TITLE_CHARS and TITLE.startswith(shortened.rstrip("…"))
    no_colon = "A Rather Long Title About the Bilateral Relations of Distant States and Their Many Neighbours"
    cut = running_title(no_colon)
    assert cut.endswith("…") and len(cut) <= TITLE_CHARS and no_colon.startswith(cut[:-1])
    assert not cut[:-1].endswith(" ") and no_colon[len(cut) - 1] == " "  # cut between words
    one_body = "The International Bank for Reconstruction and Development of the World Bank Group"
    assert len(running_author([one_body])) <= AUTHOR_CHARS


@pytest.fixture(scope="module")
def many_authors(tmp_path_factory):
    project = tmp_path_factory.mktemp("heads") / "book"
    create_project(project)
    chapters = project / "chapters"
    names = "".join(f'  - name: "{name}"\n' for name in AUTHORS)
    text = ("Some text of the chapter, long enough to run over several pages. " * 60 + "\n\n") * 4
    (chapters / "article.md").write_text(f'---\ntitle: "{TITLE}"\nauthors:\n{names}lang: en\n---\n\n{text}',
                                         encoding="utf-8")
    manifest = (chapters / "volume.toml").read_text(encoding="utf-8")
    (chapters / "volume.toml").write_text(manifest + '\n[[contents]]\nfile = "article.md"\n', encoding="utf-8")
    result = build(project)
    return project, result


def test_the_heads_of_the_article_fit_one_line(many_authors):
    project, result = many_authors
    assert len(result.outputs) == 5
    pages = pdf_text(project / "dist" / "book.pdf", "-layout").split("\f")
    body = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages
            if "Some text of the chapter" in page and "Chapter 3" not in page]  # the article's pages after its opening
    assert len(body) >= 3
    heads = [lines[0] for lines in body]
    assert any("Barbara Laddomada et al." in head for head in heads), heads
    assert any("Volatile Metabolite Profiling" in head for head in heads), heads
    for lines in body:  # one line of head, then the text: nothing of a wrapped head under it
        assert lines[1].startswith(("Some text", "chapter", "of the", "long enough", "run over", "several pages")) \
            or "Some text of the chapter" in lines[1], lines[:2]
        assert "Miriana" not in " ".join(lines) and "Markers of Contamination" not in " ".join(lines)
