"""The notification centre, following, and the digest's settings and one-click unsubscribe.

Every page is private to the viewer and never cached. A notification that is not the
viewer's, or that names what the viewer may no longer see, answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from communities.models import Person
from communities.privacy import viewer_person

from . import services
from .forms import DigestForm, FollowForm
from .models import NotificationSettings

PER_PAGE = 20


@never_cache
@login_required
def centre(request):
    me = viewer_person(request.user)
    page = Paginator(services.visible_to(me), PER_PAGE).get_page(request.GET.get("page"))
    items = services.present(page.object_list, request.user, request=request) if me is not None else []
    settings_row = NotificationSettings.objects.filter(person=me).first() if me is not None else None
    return render(
        request,
        "notifications/centre.html",
        {
            "page_obj": page,
            "items": items,
            "unread": services.unread_count(me),
            "digest_form": DigestForm(instance=settings_row) if me is not None else None,
        },
    )


@never_cache
@login_required
def open_notification(request, pk):
    """Mark one notification read and go where it points, in the reader's language."""
    me = viewer_person(request.user)
    notification = services.visible_to(me).filter(pk=pk).first()
    if notification is None:
        raise Http404("No such notification")
    services.mark_read(notification)
    return redirect(services.present([notification], request.user, request=request)[0].url)


@never_cache
@login_required
@require_POST
def read_all(request):
    me = viewer_person(request.user)
    if me is not None:
        services.mark_all_read(me)
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:centre")


@never_cache
@login_required
@require_POST
def settings_view(request):
    me = viewer_person(request.user)
    if me is None:
        raise Http404("No profile")
    form = DigestForm(request.POST, instance=NotificationSettings.objects.filter(person=me).first())
    if not form.is_valid():
        return HttpResponseBadRequest()
    services.set_digest(me, form.cleaned_data["weekly_digest"])
    if form.cleaned_data["weekly_digest"]:
        messages.success(request, _("You will receive the weekly digest."))
    else:
        messages.success(request, _("You will no longer receive the weekly digest."))
    return redirect("notifications:centre")


def _back(request, form, target):
    wanted = form.cleaned_data.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(wanted)
    if isinstance(target, Person):
        return redirect(target.get_absolute_url())
    return redirect(target.get_url(request) or "/")


@never_cache
@login_required
@require_POST
def follow_view(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    target = form.target
    # A person or page the viewer may not see, or may not follow, answers as if it did not exist.
    if not services.can_follow(request.user, target):
        raise Http404("Nothing to follow")
    me = viewer_person(request.user)
    name = target.display_name if isinstance(target, Person) else target.title
    if form.cleaned_data["action"] == "follow":
        services.follow(me, target)
        messages.success(request, _("You follow %(name)s.") % {"name": name})
    else:
        services.unfollow(me, target)
        messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    return _back(request, form, target)


@never_cache
@csrf_exempt  # the signed token is the authentication (RFC 8058 one-click from the mail client)
def unsubscribe(request, token):
    person = services.person_from_unsubscribe_token(token)
    if person is None:
        raise Http404("No such link")
    if request.method == "POST":
        services.set_digest(person, False)
        return render(request, "notifications/unsubscribed.html", {"person": person})
    return render(request, "notifications/unsubscribe.html", {"person": person, "token": token})
