"""The "not relevant" control and the signed-in teacher's personal suggestions page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from communities.choices import PersonPlace
from communities.privacy import viewer_person

from . import services


@require_POST
@login_required
def dismiss_suggestion(request):
    key = request.POST.get("key", "")
    try:
        services.dismiss(request.user, key)
    except ValueError:
        return HttpResponseBadRequest(_("This suggestion cannot be dismissed."))
    messages.success(request, _("Thanks. We will show you fewer suggestions like this one."))
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@never_cache
@login_required
def for_you(request):
    person = viewer_person(request.user)
    context = {"person_profile": person, "has_profile": person is not None}
    if person is not None:
        suggestions = services.suggestions_for_person(person, request.user)
        context.update(colleagues=suggestions["colleagues"], materials=suggestions["materials"])
        services.count_shown(request.user, PersonPlace.FOR_YOU, len(suggestions["colleagues"]))
    return render(request, "recommender/for_you.html", context)
