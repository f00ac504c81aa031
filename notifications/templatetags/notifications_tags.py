"""{% notifications_link %} for the header and {% follow_button target %} for profiles, communities and projects.

Lower apps' templates load these; their Python never imports notifications.
"""

from django import template

from communities.models import Person
from communities.privacy import viewer_person

from ..services import can_follow, is_following, unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/notifications_link.html", takes_context=True)
def notifications_link(context):
    """The link to the notification centre with the unread count (one COUNT query)."""
    request = context.get("request")
    me = viewer_person(getattr(request, "user", None))
    return {"show": me is not None, "unread": unread_count(me) if me is not None else 0}


@register.inclusion_tag("notifications/includes/follow_button.html", takes_context=True)
def follow_button(context, target):
    """Follow / Unfollow for a person or a community or project page, to signed-in people who may see it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    show = target is not None and user is not None and user.is_authenticated and can_follow(user, target)
    is_person = isinstance(target, Person)
    return {
        "show": show,
        "following": show and is_following(viewer_person(user), target),
        "field": "person" if is_person else "page",
        "target": target,
        "name": (target.display_name if is_person else target.title) if target is not None else "",
        "next": request.get_full_path() if request is not None else "",
    }
