"""{% suggested_partners project as suggestions %}: partner teachers for a project, from the recommender.

It lives in the site shell because communities must not know the recommender;
the project template loads it.
"""
from django import template

from recommender.services import related_people

register = template.Library()


@register.simple_tag(takes_context=True)
def suggested_partners(context, project, limit=6):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    # related_people already ranks open-to-collaboration people first when the
    # project is looking for partners, and confirms every name with the privacy rule.
    return related_people(project, viewer=viewer, limit=limit)
