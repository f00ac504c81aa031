"""{% lrmi_jsonld page %}: the page's schema.org description for search engines and harvesters."""
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import public
from ..jsonld import learning_resource, script_json

register = template.Library()


@register.simple_tag(takes_context=True)
def lrmi_jsonld(context, page):
    """A JSON-LD script element, only for live pages that anonymous visitors may open.

    A members-only material is shown to its members without any JSON-LD:
    nothing machine-readable about it should leave the community.
    """
    if page is None or not public.is_public(page):
        return ""
    data = learning_resource(page, context.get("request"))
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(script_json(data)))
