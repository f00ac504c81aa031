"""core.text: what a teacher typed becomes paragraphs, escaped, never HTML."""

from core.text import paragraphs, text_to_paragraph_blocks, text_to_rich_text


def test_blank_lines_separate_paragraphs_and_single_breaks_stay_inside_one():
    text = "First line\r\nsame paragraph\n  \t\nSecond paragraph\n\n\n\n"
    assert paragraphs(text) == [["First line", "same paragraph"], ["Second paragraph"]]
    assert text_to_rich_text(text) == "<p>First line<br/>same paragraph</p><p>Second paragraph</p>"


def test_markup_typed_by_a_person_is_shown_as_text():
    html = text_to_rich_text('<script>alert("x")</script> & <b>bold</b>')
    assert "<script>" not in html and "<b>" not in html
    assert html == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>"


def test_empty_or_missing_text_gives_no_paragraph():
    assert text_to_rich_text(None) == ""
    assert text_to_paragraph_blocks(" \n\n \r\n") == []


def test_stream_blocks_are_rich_text_paragraphs():
    blocks = text_to_paragraph_blocks("One\n\nTwo")
    assert [kind for kind, _value in blocks] == ["paragraph", "paragraph"]
    assert [value.source for _kind, value in blocks] == ["<p>One</p>", "<p>Two</p>"]
