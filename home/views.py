"""The site's legal and trust pages (privacy, imprint, terms, licences) and its favicon.

Plain views with translated templates, so every site has them, with or without the demo
content. The operator's identity comes from settings (KOLLEGA_OPERATOR_NAME,
KOLLEGA_OPERATOR_ADDRESS, KOLLEGA_CONTACT_EMAIL), read at call time; while one is empty the
imprint shows a marked placeholder naming the setting to fill in.
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from vocabularies.licences import ALL_RIGHTS_RESERVED, LICENCES

FAVICON = Path(__file__).resolve().parent / "static" / "kollega" / "favicon.ico"

OPERATOR_SETTINGS = ("KOLLEGA_OPERATOR_NAME", "KOLLEGA_OPERATOR_ADDRESS", "KOLLEGA_CONTACT_EMAIL")


def operator():
    """The operator's name, address and contact address, each None while its setting is empty."""
    name, address, email = (getattr(settings, key, "") or None for key in OPERATOR_SETTINGS)
    return {"name": name, "address": address, "email": email}


def _legal(request, template, **context):
    return render(request, f"home/legal/{template}.html", {"operator": operator(), **context})


@require_safe
def privacy(request):
    return _legal(request, "privacy")


@require_safe
def imprint(request):
    return _legal(request, "imprint")


@require_safe
def terms(request):
    return _legal(request, "terms")


@require_safe
def licences(request):
    open_licences = [licence for licence in LICENCES if licence.uri != ALL_RIGHTS_RESERVED]
    return _legal(request, "licences", licences=open_licences)


@require_safe
@cache_control(max_age=7 * 24 * 3600, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico on every site, whatever the page's <link rel="icon"> says."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
