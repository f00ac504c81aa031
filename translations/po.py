"""PO file upload for a wagtail-localize translation that refuses bad files instead of half-importing them.

wagtail-localize's own `Translation.import_po` silently returns when a file
belongs to another translation and skips strings it does not know; its upload
view crashes on a file without the translation header. Here every problem is
named, and a refused file changes nothing.
"""

import os
import re
import tempfile

import polib
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import StringNotUsedInContext, Translation, UnknownContext, UnknownString

HEADER = "X-WagtailLocalize-TranslationID"


class POFileRefused(ValueError):
    """The file was not imported; the message says why in the editor's language."""


class _Rollback(Exception):
    def __init__(self, warnings):
        self.warnings = warnings


def parse_po(content):
    """A polib.POFile from uploaded bytes or text.

    polib.pofile() treats a string that names an existing file as a path, so
    uploaded text always goes through a temporary file.
    """
    if isinstance(content, str):
        content = content.encode("utf-8")
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        # polib names the temporary file in its message; the editor only needs the line.
        error = re.sub(r" in po file \S+", "", str(exc))
        raise POFileRefused(_("This is not a valid PO file: %(error)s") % {"error": error}) from exc
    finally:
        os.unlink(handle.name)


def describe_translation(translation):
    """“Photosynthesis” (English → Svenska): how an editor recognises a translation."""
    return _("“%(title)s” (%(source)s → %(target)s)") % {
        "title": translation.source.object_repr,
        "source": translation.source.locale.get_display_name(),
        "target": translation.target_locale.get_display_name(),
    }


def check_header(translation, po):
    file_id = po.metadata.get(HEADER)
    if not file_id:
        raise POFileRefused(
            _(
                "This PO file has no %(header)s header, so it cannot be matched to a translation. "
                "Download the PO file from the translation editor and fill that one in."
            )
            % {"header": HEADER}
        )
    if file_id == str(translation.uuid):
        return
    other = (
        Translation.objects.filter(uuid=file_id).select_related("source", "source__locale", "target_locale").first()
        if _is_uuid(file_id)
        else None
    )
    if other is None:
        raise POFileRefused(
            _(
                "This PO file belongs to a translation that does not exist (any more); "
                "it cannot be imported into %(this)s."
            )
            % {"this": describe_translation(translation)}
        )
    if other.source_id == translation.source_id:
        raise POFileRefused(
            _("This PO file is for the %(language)s translation of this page, not for %(this)s.")
            % {"language": other.target_locale.get_display_name(), "this": describe_translation(translation)}
        )
    raise POFileRefused(
        _("This PO file is for %(other)s, not for %(this)s.")
        % {"other": describe_translation(other), "this": describe_translation(translation)}
    )


def _is_uuid(value):
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def describe_warning(warning):
    line = warning.index + 1
    if isinstance(warning, UnknownString):
        return _("entry %(n)s: the text “%(text)s” is not in this page") % {"n": line, "text": _short(warning.string)}
    if isinstance(warning, UnknownContext):
        return _("entry %(n)s: the field “%(field)s” is not in this page") % {"n": line, "field": warning.context}
    if isinstance(warning, StringNotUsedInContext):
        return _("entry %(n)s: the text “%(text)s” is not used in the field “%(field)s”") % {
            "n": line,
            "text": _short(warning.string),
            "field": warning.context,
        }
    return str(warning)


def _short(text, limit=60):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_po_file(translation, content, user=None):
    """Import an uploaded PO file into `translation` or raise POFileRefused, changing nothing.

    Returns the number of entries that carried a translation.
    """
    po = content if isinstance(content, polib.POFile) else parse_po(content)
    check_header(translation, po)
    filled = [entry for entry in po if entry.msgstr and not entry.obsolete]
    if not filled:
        raise POFileRefused(_("This PO file has no translated strings (every msgstr is empty)."))
    try:
        # import_po writes as it goes; any warning rolls the whole file back.
        with transaction.atomic():
            warnings = translation.import_po(po, user=user, tool_name="PO File")
            if warnings:
                raise _Rollback(warnings)
    except _Rollback as refused:
        details = "; ".join(describe_warning(w) for w in refused.warnings[:5])
        more = len(refused.warnings) - 5
        if more > 0:
            details += " " + _("(and %(count)s more)") % {"count": more}
        raise POFileRefused(
            _(
                "This PO file was not imported because it does not match the page's current text: %(details)s. "
                "Download a fresh PO file and copy your translations into it."
            )
            % {"details": details}
        ) from None
    return len(filled)
