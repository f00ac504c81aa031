"""Plain text a person typed, as rich-text paragraphs: escaped, never taken as HTML."""

import re

from django.utils.html import escape

BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(text):
    """The blank-line-separated paragraphs of `text`, each a list of its stripped lines (no empty paragraph)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    result = []
    for paragraph in BLANK_LINE.split(text):
        lines = [line.strip() for line in paragraph.strip().split("\n")]
        if any(lines):
            result.append(lines)
    return result


def paragraph_html(lines):
    """One <p>: the lines escaped and joined by <br/>."""
    return "<p>" + "<br/>".join(escape(line) for line in lines) + "</p>"


def text_to_rich_text(text):
    """Rich-text HTML (for a RichTextField): one escaped <p> per paragraph."""
    return "".join(paragraph_html(lines) for lines in paragraphs(text))


def text_to_paragraph_blocks(text, block_type="paragraph"):
    """StreamField data: one ("paragraph", RichText) block per paragraph."""
    from wagtail.rich_text import RichText

    return [(block_type, RichText(paragraph_html(lines))) for lines in paragraphs(text)]
