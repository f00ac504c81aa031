"""get_object_or_404 for keys that come from a form: a value the key column cannot hold is "not found" too.

Django's shortcut lets a posted "abc" (ValueError while building the query),
a 20-digit number (OverflowError in SQLite's driver) or a malformed UUID
(ValidationError) escape as a 500. Keys in URLs are already checked by the
`<id:...>` converter (core.converters); this is for keys in POST and GET data.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404 as django_get_object_or_404


def get_object_or_404(klass, *args, **kwargs):
    try:
        return django_get_object_or_404(klass, *args, **kwargs)
    except (ValueError, TypeError, OverflowError, ValidationError) as exc:
        raise Http404("No such object") from exc
