"""Public profile pages, shown only within each person's discoverability."""
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale, Page

from .models import Person
from .privacy import can_see_person, visible_pages


def one_per_translation(pages):
    """Collapse translations of the same page, keeping the one in the reader's language when live."""
    active = Locale.get_active().pk
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale_id == active:
            chosen[page.translation_key] = page
    return list(chosen.values())


def person_profile(request, slug):
    person = get_object_or_404(
        Person.objects.select_related("photo").prefetch_related("languages", "subjects", "levels"), slug=slug
    )
    if not can_see_person(request.user, person):
        # 404 rather than 403: a hidden person must not be confirmed to exist.
        raise Http404("No such person")
    # Materials through the reverse relation of ResourceContributor, so that
    # communities does not import resources; privacy decides what is listed.
    contributed = Page.objects.filter(pk__in=person.resource_contributions.values("page"))
    resources = one_per_translation(
        visible_pages(request.user, contributed).specific().order_by("-first_published_at")
    )[:24]
    communities = one_per_translation(visible_pages(request.user, person.active_communities()).specific())
    return render(request, "communities/person.html", {
        "person": person,
        "resources": resources,
        "communities": communities,
    })
