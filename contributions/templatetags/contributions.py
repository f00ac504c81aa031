"""The "Adapt this resource" (not on one's own material, which is edited instead) and, for translators, "Translate this resource" actions on a resource page."""

from django import template
from django.utils import translation
from wagtail.models import Locale

from core.content_cache import cached
from translations.permissions import may_translate_in_editor
from vocabularies.licences import get_licence

from ..services import adaptation_refusal, can_edit_draft, is_own_material

register = template.Library()


def _untranslated_locales(page):
    """Locales without any translation of the page (draft or live): content only, so cached."""

    def compute():
        taken = set(page.get_translations(inclusive=True).values_list("locale_id", flat=True))
        return [loc for loc in Locale.objects.all() if loc.pk not in taken]

    return cached("untranslated-locales", (page.translation_key,), compute)


@register.inclusion_tag("contributions/includes/resource_actions.html", takes_context=True)
def resource_actions(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    locales = []
    if signed_in:
        # Only the languages this reader translates in the editor: everyone else
        # asks the translators in the "Not in your language?" box (translations app).
        locales = [loc for loc in _untranslated_locales(page) if may_translate_in_editor(user, loc)]
        # The reader's own language first: the one they are most likely to translate into.
        current = translation.get_language()
        locales.sort(key=lambda loc: loc.language_code != current)
    licence = get_licence(page.licence)
    own = signed_in and is_own_material(user, page)
    return {
        "own": own,
        "editable": own and can_edit_draft(user, page),
        "request": request,
        "page": page,
        "signed_in": signed_in,
        "adapt_refusal": adaptation_refusal(page) if signed_in and not own else None,
        "share_alike": bool(licence and licence.share_alike),
        "translate_locales": locales,
        "csrf_token": context.get("csrf_token"),
    }
