"""{% messages_link %} for the header and {% get_in_touch person %} for profiles, sidebars and "For you".

Lower apps' templates load these (as they load recommender_tags); their Python never imports messaging.
"""

from django import template
from wagtail.models import Page

from communities.privacy import viewer_person

from ..services import ABOUT_TYPES, unread_count

register = template.Library()


@register.inclusion_tag("messaging/includes/messages_link.html", takes_context=True)
def messages_link(context):
    request = context.get("request")
    me = viewer_person(getattr(request, "user", None))
    return {"show": me is not None, "unread": unread_count(me) if me is not None else 0}


def _page_of(request):
    """The material, project or community being shown, when this request serves a Wagtail page."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    # Wagtail routed this request already and keeps the route on it: no new query.
    page = Page.find_for_request(request, request.path)
    if page is None or page.specific_class is None or page.specific_class.__name__.lower() not in ABOUT_TYPES:
        return None
    return page


@register.inclusion_tag("messaging/includes/get_in_touch.html", takes_context=True)
def get_in_touch(context, person, via="profile", signed_in_only=True, opens=False):
    """A "Get in touch" link to `person`, about the page in view if it is a material, project or community.

    `via` is a place (communities.choices.PersonPlace) or a source; `opens` marks a link straight from a
    suggestion, so that the contact form counts the suggestion as opened (a link from the profile does not:
    the profile counted it already).
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    show = (
        person is not None
        and getattr(person, "user_id", None) is not None
        and not person.is_former_member
        and (signed_in or not signed_in_only)
        and (not signed_in or user.pk != person.user_id)
    )
    page = _page_of(request) if show else None
    return {
        "show": show,
        "person": person,
        "via": via,
        "opens": opens,
        "about": page.pk if page is not None else None,
    }
