"""Public profile pages, shown only within each person's discoverability."""
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Person
from .privacy import can_see_person


def person_profile(request, slug):
    person = get_object_or_404(Person, slug=slug)
    if not can_see_person(request.user, person):
        # 404 rather than 403: a hidden person must not be confirmed to exist.
        raise Http404("No such person")
    return render(request, "communities/person.html", {"person": person})
