"""A material's body edited block by block in the front-end form.

A teacher adapting a material for other pupils changes its headings, its
paragraphs and the steps and minutes of its activities. Each block of the
body (resources.blocks.BodyBlock) gets its own fields, in the body's order,
and saving puts every block back where it was: only the text typed into a
block changes it. A block whose text was not touched keeps its rich text as
it was (bold, links, lists); images and embeds stay as they are.

The body is handled in its stored (prepared) shape, a list of
{"type", "value", "id"} dicts, which reads every stored shape of a step the
same (resources.blocks.StepBlock).
"""

import html
import re

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.text import paragraph_html, paragraphs, text_to_rich_text

MAX_TEXT = 20000
BREAKS = re.compile(r"<br\s*/?>")


def rich_text_to_text(source):
    """The plain text of rich-text HTML: one empty line between paragraphs, list items on their own lines."""
    text = BREAKS.sub("\n", source or "")
    text = text.replace("</p>", "</p>\n\n").replace("</li>", "</li>\n").replace("</h2>", "</h2>\n\n")
    text = html.unescape(strip_tags(text))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _same(typed, text):
    return " ".join((typed or "").split()) == " ".join((text or "").split())


def stored_blocks(body):
    """The body as its stored list of {"type", "value", "id"} dicts (an empty list for an empty body)."""
    if not body:
        return []
    return list(body.stream_block.get_prep_value(body))


def editable_by_block(body):
    """Whether the body holds more than paragraphs, so that one textarea would lose its order and its steps."""
    return any(block["type"] != "paragraph" for block in stored_blocks(body))


def _text_field(label, initial, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_TEXT,
        initial=initial,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def block_fields(body):
    """(name, field) for every editable text of every block, in the body's order."""
    fields = []
    for n, block in enumerate(stored_blocks(body), start=1):
        kind, value = block["type"], block["value"]
        if kind == "heading":
            fields.append(
                (
                    f"block_{n}_heading",
                    forms.CharField(
                        label=_("Part %(number)s: heading") % {"number": n},
                        required=False,
                        max_length=255,
                        initial=value,
                    ),
                )
            )
        elif kind == "paragraph":
            fields.append(
                (
                    f"block_{n}_text",
                    _text_field(
                        _("Part %(number)s: text") % {"number": n},
                        rich_text_to_text(value),
                        help_text=_("Leave an empty line between paragraphs."),
                    ),
                )
            )
        elif kind == "activity":
            fields.append(
                (
                    f"block_{n}_title",
                    forms.CharField(
                        label=_("Part %(number)s: activity") % {"number": n},
                        required=False,
                        max_length=255,
                        initial=value.get("title", ""),
                    ),
                )
            )
            for s, item in enumerate(value.get("steps") or [], start=1):
                step = item.get("value", item) if isinstance(item, dict) else {}
                numbers = {"number": n, "step": s}
                fields += [
                    (
                        f"block_{n}_step_{s}_title",
                        forms.CharField(
                            label=_("Part %(number)s, step %(step)s") % numbers,
                            required=False,
                            max_length=255,
                            initial=step.get("title", ""),
                        ),
                    ),
                    (
                        f"block_{n}_step_{s}_minutes",
                        forms.IntegerField(
                            label=_("Part %(number)s, step %(step)s: minutes") % numbers,
                            required=False,
                            min_value=0,
                            max_value=10000,
                            initial=step.get("minutes"),
                        ),
                    ),
                    (
                        f"block_{n}_step_{s}_instructions",
                        _text_field(
                            _("Part %(number)s, step %(step)s: instructions") % numbers,
                            rich_text_to_text(step.get("instructions", "")),
                            rows=3,
                        ),
                    ),
                ]
        elif kind == "image":
            fields.append(
                (
                    f"block_{n}_caption",
                    forms.CharField(
                        label=_("Part %(number)s: image caption") % {"number": n},
                        required=False,
                        max_length=255,
                        initial=value.get("caption", ""),
                    ),
                )
            )
        elif kind == "attachment":
            fields.append(
                (
                    f"block_{n}_description",
                    forms.CharField(
                        label=_("Part %(number)s: file description") % {"number": n},
                        required=False,
                        max_length=255,
                        initial=value.get("description", ""),
                    ),
                )
            )
    return fields


def _edited_rich_text(data, name, source):
    """The block's rich text, rewritten from the typed text only when the text was changed."""
    if name not in data or _same(data[name], rich_text_to_text(source)):
        return source
    return text_to_rich_text(data[name])


def _plain(data, name, old):
    value = data.get(name)
    return old if value is None else value.strip()


def edited_blocks(body, data, more_text=""):
    """The body with the typed changes, every block in its place; `more_text` adds paragraphs at the end.

    A heading, text or step title emptied by the teacher is left out; an
    activity without steps stays with its title.
    """
    result = []
    for n, block in enumerate(stored_blocks(body), start=1):
        kind, value = block["type"], block["value"]
        if kind == "heading":
            value = _plain(data, f"block_{n}_heading", value)
            if not value:
                continue
        elif kind == "paragraph":
            value = _edited_rich_text(data, f"block_{n}_text", value)
            if not strip_tags(value).strip():
                continue
        elif kind == "activity":
            steps = []
            for s, item in enumerate(value.get("steps") or [], start=1):
                step = dict(item.get("value", item))
                prefix = f"block_{n}_step_{s}"
                step["title"] = _plain(data, f"{prefix}_title", step.get("title", ""))
                if f"{prefix}_minutes" in data:
                    step["minutes"] = data[f"{prefix}_minutes"]
                step["instructions"] = _edited_rich_text(data, f"{prefix}_instructions", step.get("instructions", ""))
                if step["title"]:  # a step's title is required (StepBlock): emptying it removes the step
                    steps.append({**item, "value": step} if "value" in item else step)
            value = {**value, "title": _plain(data, f"block_{n}_title", value.get("title", "")), "steps": steps}
        elif kind == "image":
            value = {**value, "caption": _plain(data, f"block_{n}_caption", value.get("caption", ""))}
        elif kind == "attachment":
            value = {**value, "description": _plain(data, f"block_{n}_description", value.get("description", ""))}
        result.append({**block, "value": value})
    result += [{"type": "paragraph", "value": paragraph_html(lines)} for lines in paragraphs(more_text)]
    return result
