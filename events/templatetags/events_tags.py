"""Events on community and project pages, JSON-LD for an event, and the personal feed's address.

Community and project templates load this library; communities' Python never imports events.
"""

import json

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from communities.models import CommunityPage
from communities.privacy import can_see_page, viewer_person, visible_pages
from core.urls import absolute_url

from ..models import EventPage
from ..views import feed_token

register = template.Library()

LIMIT = 10


@register.inclusion_tag("events/includes/community_events.html", takes_context=True)
def community_events(context, page):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    now = timezone.now()
    events = visible_pages(viewer, EventPage.objects.descendant_of(page))
    return {
        "request": request,
        "page": page,
        "upcoming": list(events.filter(end__gte=now).order_by("start")[:LIMIT]),
        "past": list(events.filter(end__lt=now).order_by("-start")[:LIMIT]),
        "calendar_url": reverse("events:community_calendar", args=[page.pk]),
        # The month and list view is the community's (`<community url>events/`); a project's events are in it.
        "calendar_page_url": f"{page.url}events/" if isinstance(page, CommunityPage) and page.url else "",
    }


@register.inclusion_tag("events/includes/related_events.html", takes_context=True)
def related_events(context, obj, limit=3):
    """Upcoming events related to a material, a curriculum unit or a person (the recommender's sidebar)."""
    from ..suggestions import related_events as suggestions

    request = context.get("request")
    if obj is None:
        return {"suggestions": []}
    return {"suggestions": suggestions(obj, viewer=getattr(request, "user", None), limit=limit), "request": request}


@register.simple_tag(takes_context=True)
def personal_feed_url(context):
    """The secret address of the viewer's own calendar of registrations ("" when signed out)."""
    request = context.get("request")
    me = viewer_person(getattr(request, "user", None))
    if me is None:
        return ""
    return absolute_url(reverse("events:personal_calendar", args=[feed_token(me)]))


def _script_json(data):
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def education_event(event):
    """schema.org EducationEvent of an event, as an anonymous visitor may see it (no online link)."""
    online, place = event.is_online, bool(event.place)
    mode = "Mixed" if online and place else "Online" if online else "Offline"
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent",
        "name": event.title,
        "description": event.summary,
        "url": absolute_url(event),
        "startDate": event.start.astimezone(event.zone).isoformat(),
        "endDate": event.end.astimezone(event.zone).isoformat(),
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": event.language_codes,
    }
    locations = []
    if place:
        address = {"@type": "PostalAddress", "streetAddress": event.address}
        if event.country:
            address["addressCountry"] = event.country.code
        locations.append({"@type": "Place", "name": event.place, "address": address})
    if online:
        # The link itself is for registered people: the page stands in for it.
        locations.append({"@type": "VirtualLocation", "url": absolute_url(event)})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = event.places_left
    return data


@register.simple_tag
def event_jsonld(event):
    """The JSON-LD script of a public event; nothing for a members-only one, even to its members."""
    if not can_see_page(AnonymousUser(), event):
        return ""
    return mark_safe(f'<script type="application/ld+json">{_script_json(education_event(event))}</script>')
