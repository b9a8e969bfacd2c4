"""The PDF chapters' markup for WeasyPrint's line breaking (render/line_breaks.py), on fragments."""

from __future__ import annotations

from volume.render.line_breaks import LAST_CHARACTERS, WORD_JOINER, adjust_line_breaks
from volume.xhtml import parse_fragment

LONG = ("China was among the first states to recognise Armenian independence, and the two countries established "
        "diplomatic relations early")


def test_a_note_reference_is_bound_to_the_word_before_it():
    out = adjust_line_breaks(f'<p>{LONG} in 2016.<a class="noteref" href="#n1"><sup>11</sup></a> More <em>text'
                             '</em><a class="noteref" href="#n2"><sup>12</sup></a> and a spaced one. '
                             '<a class="noteref" href="#n3"><sup>13</sup></a></p>')
    assert f"2016.{WORD_JOINER}<a" in out and f"text{WORD_JOINER}</em><a" in out
    assert f". {WORD_JOINER}" not in out and out.count(WORD_JOINER) == 2


def test_one_span_keeps_the_paragraph_end_whole_and_holds_the_space_before_it():
    out = adjust_line_breaks(f"<p>{LONG} with <em>an emphasis</em> and a link to <a href='#x'>the introduction</a>"
                             ", which closes the paragraph.</p><p>Short.</p><ul><li>An item.</li></ul>")
    root = parse_fragment(out)
    spans = root.xpath("//span[@class='nohyphen']")
    assert len(spans) == 3  # one per paragraph or item
    first = spans[0]
    assert first.text.startswith(" ")  # WeasyPrint breaks early when an inline box begins after a space
    assert len(first.xpath("string()")) >= LAST_CHARACTERS
    assert first.xpath("string()").endswith("closes the paragraph.") and first.getparent().tag == "p"
    assert "".join(root.itertext()).replace(WORD_JOINER, "") == "".join(parse_fragment(
        out.replace('<span class="nohyphen">', "").replace("</span>", "")).itertext()).replace(WORD_JOINER, "")


def test_headings_and_nested_blocks_get_no_span():
    out = adjust_line_breaks("<h2>A heading</h2><blockquote><p>A quoted paragraph.</p></blockquote>")
    root = parse_fragment(out)
    assert root.xpath("//h2/span") == [] and len(root.xpath("//blockquote/p/span[@class='nohyphen']")) == 1
    assert root.xpath("//blockquote/span") == []
