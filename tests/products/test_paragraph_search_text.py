"""A paragraph's words reach search as Wagtail's own rich-text indexing gives them."""

import pytest
from wagtail import blocks
from wagtail.rich_text import RichText

from products.blocks import IndexedRichTextBlock
from search.text import analyse

PARAGRAPHS = [
    "<p>Holds a mug &amp; a glass</p><p>Two handles</p>",
    '<h2>Fitting</h2><ul><li>Screws into <a href="https://example.com/a?b=1&amp;c=2">studs</a>'
    "</li><li>Needs a drill</li></ul>",
    "<p>Line one<br/>line two, <b>bold</b> and <i>italic</i>: 5 &lt; 6 &gt; 4</p>",
    '<p>See <a linktype="page" id="3">the guide</a> &quot;quoted&quot; caf&eacute;</p>',
    "<ol><li>First</li><li>Second</li></ol><h3>Care</h3><p>Wipe clean.</p>",
    "",
]


@pytest.mark.parametrize("html", PARAGRAPHS)
def test_a_paragraph_gives_the_words_wagtail_indexes(html):
    ours = IndexedRichTextBlock().get_searchable_content(RichText(html))
    wagtails = blocks.RichTextBlock().get_searchable_content(RichText(html))
    assert [analyse(text) for text in ours] == [analyse(text) for text in wagtails]
    assert not any("<" in text for text in ours if "&lt;" not in html)


def test_a_paragraph_left_out_of_search_gives_nothing():
    assert (
        IndexedRichTextBlock(search_index=False).get_searchable_content(RichText("<p>x</p>")) == []
    )
