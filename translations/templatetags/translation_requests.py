"""The "ask for a translation" box on resource pages."""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import translation

from ..permissions import may_translate_in_editor
from ..views import missing_locales, open_request_locales

register = template.Library()


@register.inclusion_tag("translations/request_box.html", takes_context=True)
def translation_request_box(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    missing = missing_locales(page)
    asked = open_request_locales(user, page) if user is not None else set()
    # The reader's own language (language cookie or browser), offered first.
    preferred = translation.get_language_from_request(request) if request is not None else None
    # Languages this reader translates in the editor are offered by "Translate this resource" instead.
    choices = [
        loc for loc in missing if loc.pk not in asked and not (user is not None and may_translate_in_editor(user, loc))
    ]
    choices.sort(key=lambda loc: loc.language_code != preferred)
    return {
        "request": request,
        "page": page,
        "choices": choices,
        "asked": [loc for loc in missing if loc.pk in asked],
        "signed_in": bool(user and user.is_authenticated),
        "csrf_token": context.get("csrf_token"),
        "login_url": resolve_url(settings.LOGIN_URL),
    }
