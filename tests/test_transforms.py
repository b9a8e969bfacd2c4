"""Transforms on in-memory models: ids, notes, sanitising, typography, images. No renderer involved."""

from __future__ import annotations

from pathlib import Path

from volume.config import ContentsEntry, Manifest, VolumeMeta
from volume.diagnostics import Report, SourceLocation
from volume.model import Chapter, Volume
from volume.transforms import ids, notes, sanitize, typography
from volume.transforms.notes import markdown_note_lines

PANDOC_BODY = (
    '<p>Claim.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>'
    '<section id="economic-relations" class="level2"><h2>Economic Relations</h2>'
    '<p>See <a href="{other}.md#economic-relations">there</a>.</p></section>'
    '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr/><ol>'
    '<li id="fn1"><p>Smith, J. (2020). <em>Title</em>.<a href="#fnref1" class="footnote-back" '
    'role="doc-backlink">↩︎</a></p></li></ol></section>'
)


def volume_of(*chapters: Chapter, folder: Path = Path("/nonexistent")) -> Volume:
    manifest = Manifest(path=folder / "volume.toml", meta=VolumeMeta(title="T"), slug="t",
                        trim_size=("6in", "9in"), contents=tuple(
                            ContentsEntry("source", SourceLocation(folder), file=c.id + ".md") for c in chapters))
    return Volume(manifest=manifest, chapters=chapters)


def chapter(chapter_id: str, body: str) -> Chapter:
    return Chapter(id=chapter_id, role="chapter", matter="body", title=chapter_id, title_text=chapter_id,
                   body=body, source=SourceLocation(Path(f"/nonexistent/{chapter_id}.md")))


def test_ids_unique_across_chapters_and_links_resolve():
    report = Report()
    volume = volume_of(chapter("alpha", PANDOC_BODY.format(other="beta")),
                       chapter("beta", PANDOC_BODY.format(other="alpha")))
    volume = notes.collect_notes(ids.prefix_ids(volume, report), report)
    alpha, beta = volume.chapters
    assert 'id="alpha-economic-relations"' in alpha.body and 'id="beta-economic-relations"' in beta.body
    assert 'href="#beta-economic-relations"' in alpha.body
    assert 'href="#alpha-economic-relations"' in beta.body
    assert alpha.notes[0].id == "alpha-fn1" and beta.notes[0].id == "beta-fn1"
    assert alpha.notes[0].ref_id == "alpha-fnref1"
    assert 'id="alpha-fnref1"' in alpha.body and 'epub:type="noteref"' in alpha.body
    assert "footnotes" not in alpha.body
    assert "↩" not in alpha.notes[0].html and alpha.notes[0].text.startswith("Smith, J. (2020)")
    assert not report.items


def test_link_to_unknown_chapter_is_reported():
    report = Report()
    volume = volume_of(chapter("alpha", PANDOC_BODY.format(other="gamma")))
    ids.prefix_ids(volume, report)
    assert [d.code for d in report.items] == ["L001"]


def test_markdown_note_lines_orphans_and_unused():
    text = "---\ntitle: x\n---\n\nA.[^a] B.[^b] C.[^missing]\n\n[^b]: Second.\n[^a]: First.\n[^unused]: Never.\n"
    lines, orphans, unused = markdown_note_lines(text)
    assert lines == {1: 8, 2: 7}
    assert orphans == [("missing", 5)]
    assert unused == [("unused", 9)]


def test_sanitize_removes_active_content():
    markup = ('<p onclick="x()">Hi<script>alert(1)</script></p><iframe src="http://e.org"></iframe>'
              '<a href="javascript:alert(1)">x</a><object data="a.swf"></object><embed src="a"/>')
    clean, removed = sanitize.sanitize_markup(markup)
    for bad in ("script", "iframe", "onclick", "javascript:", "object", "embed"):
        assert bad not in clean
    assert "Hi" in clean and len(removed) == 6


def test_typography_no_break_spaces():
    assert typography.refine_text("about 1,780 km long") == "about 1,780\u00a0km long"
    assert typography.refine_text("see p. 12") == "see p.\u00a012"
    assert typography.refine_text("by J. R. Smith") == "by J.\u00a0R.\u00a0Smith"
    assert typography.refine_text("$27 billion") == "$27\u00a0billion"


def test_raw_html_is_told_from_markdown_and_plain_text():
    from volume.sanitizer import RAW_HTML

    for raw in ("<script>x</script>", "<img src=x onerror=y>", "<b>bold</b>", "</p>", "<!-- note -->", "<br/>"):
        assert RAW_HTML.search(raw), raw
    for plain in ("<https://example.org>", "<someone@example.org>", "a < b and c > d", "x<1", "Oil & Gas",
                  "*emphasis*", "<< less-than signs"):
        assert not RAW_HTML.search(plain), plain


def test_svg_images_keep_their_drawing_and_lose_what_runs_or_fetches():
    from lxml import etree

    from volume.sanitizer import clean_svg

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="x()">'
           b'<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
           b'<rect width="9" height="9" fill="url(#g)" style="fill:url(http://x/a)"/><script>x()</script>'
           b'<image xlink:href="http://127.0.0.1:9/x.png"/><use href="#g"/><a xlink:href="javascript:x()">'
           b'<text>kept</text></a><set attributeName="href" to="javascript:x()"/></svg>')
    cleaned, removed = clean_svg(svg)
    root = etree.fromstring(cleaned)
    names = {etree.QName(e).localname for e in root.iter()}
    assert {"rect", "text", "linearGradient", "use", "a"} <= names
    assert not names & {"script", "image", "set"}
    assert b"javascript" not in cleaned and b"http://x" not in cleaned and b"onload" not in cleaned
    assert root.find(".//{http://www.w3.org/2000/svg}rect").get("fill") == "url(#g)"
    assert {"<script>", "<set>", "onload= attribute", "a reference outside the image"} <= set(removed)
