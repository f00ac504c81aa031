"""Links that leave the site (e-mails, feeds for machines) are built from one setting, KOLLEGA_BASE_URL.

A request's Host header, Wagtail's Site hostname (``localhost`` in the demo) and
``WAGTAILADMIN_BASE_URL`` used to give three different hosts in e-mails. The
public address is one setting; Wagtail's own settings are derived from it.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url():
    """The site's public address without a trailing slash, e.g. ``https://kollega.example.org``."""
    return settings.KOLLEGA_BASE_URL.rstrip("/")


def absolute_url(target):
    """The public URL of a path, a Wagtail page or any object with ``get_absolute_url()``.

    Pages are resolved through their own URL parts (with the locale prefix of
    their language), so the host is always the public one, never the Site's
    hostname.
    """
    if hasattr(target, "get_url_parts"):
        parts = target.get_url_parts()
        path = parts[2] if parts else "/"
    elif hasattr(target, "get_absolute_url"):
        path = target.get_absolute_url()
    else:
        path = str(target)
    split = urlsplit(path)
    if split.scheme or split.netloc or not path.startswith("/"):
        raise ValueError(f"absolute_url() takes a path starting with '/', not {path!r}")
    return base_url() + path
