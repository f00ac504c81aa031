"""{% recommender_sidebars %}: "People working on this" and "Related materials" for the page or person in context."""

from django import template

from communities.choices import PersonPlace

from .. import conf
from ..documents import key_for, kind_of
from ..services import count_opened, count_shown, related_people, related_resources

register = template.Library()


@register.inclusion_tag("recommender/sidebars_content.html", takes_context=True)
def recommender_sidebars(context, limit=6):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    obj = context.get("person") or context.get("page")
    # KOLLEGA_RECOMMENDER["SIDEBARS"] = False switches them off (bench/ compares page times with and without).
    if obj is None or not conf.get_config_raw().get("SIDEBARS", True):
        return {"enabled": False}
    obj = getattr(obj, "specific", obj)

    kind = kind_of(obj)
    if kind is None:
        return {"enabled": False}
    people = related_people(obj, viewer=viewer, limit=limit)
    count_shown(viewer, kind, len(people), once_for=key_for(obj))
    return {
        "enabled": True,
        "kind": kind,
        # Upcoming events beside the suggestions: events_tags' related_events reads it in the template.
        "object": obj,
        "people": people,
        "materials": related_resources(obj, viewer=viewer, limit=limit),
        "request": request,
        "current_language": getattr(request, "LANGUAGE_CODE", None),
    }


@register.simple_tag(takes_context=True)
def suggested_partners(context, project, limit=6):
    """{% suggested_partners project as suggestions %}: partner teachers for a project.

    related_people already ranks open-to-collaboration people first when the project is
    looking for partners, and confirms every name with the privacy rule. The project template
    loads it, while communities' Python never imports the recommender.
    """
    request = context.get("request")
    viewer = getattr(request, "user", None)
    suggestions = related_people(project, viewer=viewer, limit=limit)
    count_shown(viewer, PersonPlace.PARTNERS, len(suggestions), once_for=key_for(project))
    return suggestions


@register.simple_tag(takes_context=True)
def suggestion_opened(context, place):
    """{% suggestion_opened place %}: count that the viewer followed a suggestion (renders nothing).

    Profiles and the contact form call it when their link came from a suggestion or search result
    (`via=<place>`); an unknown place counts nothing.
    """
    request = context.get("request")
    if request is not None and request.method == "GET":
        count_opened(getattr(request, "user", None), place, once_for=request.path)
    return ""
