"""Links the sanitiser keeps, rewrites or removes: a bare DOI in a note is a link to its resolver, not unsafe markup."""

from __future__ import annotations

import pypandoc

from volume.sanitizer import clean_markup, unsafe_parts


def test_pandoc_links_a_bare_doi_and_the_sanitiser_keeps_it_as_a_resolver_link():
    # a note as authors paste it: APA 6 writes "doi:10.…" after the pages (pandoc's autolink_bare_uris links it)
    html = pypandoc.convert_text("Text.[^1]\n\n[^1]: Smith, J. (2020). A title. *Journal*, 3(2), 1-9. doi:10.1000/xyz123\n",
                                 "html", format="markdown+autolink_bare_uris")
    assert 'href="doi:10.1000/xyz123"' in html
    assert unsafe_parts(html) == []
    cleaned = clean_markup(html).xhtml()
    assert 'href="https://doi.org/10.1000/xyz123"' in cleaned
    assert "doi:10.1000/xyz123</a>" in cleaned  # the text stays as the author wrote it


def test_other_schemes_are_still_removed_and_reported():
    markup = '<p><a href="javascript:alert(1)">x</a> <a href="file:///etc/passwd">y</a> <a href="doi:10.1/z">z</a></p>'
    assert sorted(unsafe_parts(markup)) == ["file: link", "javascript: link"]
    cleaned = clean_markup(markup).xhtml()
    assert "javascript" not in cleaned and "file:" not in cleaned
    assert 'href="https://doi.org/10.1/z"' in cleaned
