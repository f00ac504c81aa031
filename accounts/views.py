"""Views for the account life cycle: sign-up and confirmation, invitations, sign-in, profile, export, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from communities.choices import MembershipStatus
from communities.models import Invitation, Person
from communities.participation import accept_invitation, invitation_admits, invitation_is_for
from communities.privacy import can_see_page, viewer_person

from . import services
from .forms import DeleteAccountForm, PasswordResetForm, ProfileForm, SignInForm, SignUpForm

# Django's own back end, named because Wagtail may add others and login() then needs to know.
BACKEND = "django.contrib.auth.backends.ModelBackend"


@sensitive_post_parameters("password1", "password2")
@never_cache
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # The same answer whether or not the address already has an account (services.sign_up).
        services.sign_up(
            email=email,
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
        )
        return render(request, "accounts/sign_up_sent.html", {"email": email})
    return render(request, "accounts/sign_up.html", {"form": form})


@never_cache
def confirm(request, token):
    user = services.user_from_confirmation_token(token)
    if user is None:
        return render(request, "accounts/confirm_failed.html", status=400)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    login(request, user, backend=BACKEND)
    messages.success(
        request, _("Your e-mail address is confirmed. Welcome to Kollega! Tell colleagues a little about yourself.")
    )
    return redirect("accounts:profile")


@sensitive_post_parameters("password1", "password2")
@never_cache
def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("community"), token=token)
    if not invitation.is_open:
        return render(request, "accounts/invitation_closed.html", {"invitation": invitation}, status=410)
    community = invitation.community
    if request.user.is_authenticated:
        # Already has an account: one click to accept, when it holds the invited address.
        me = viewer_person(request.user)
        if not invitation_is_for(invitation, request.user):
            return render(request, "accounts/invitation_other_account.html", {"invitation": invitation}, status=403)
        if request.method == "POST" and me is not None:
            membership = accept_invitation(invitation, me)
            messages.success(request, _invitation_accepted_message(invitation, membership))
            target = invitation.project or community
            if not can_see_page(request.user, target):
                target = community if can_see_page(request.user, community) else None
            return redirect((target and target.get_url(request)) or "accounts:profile")
        return render(
            request,
            "accounts/invitation.html",
            {
                "invitation": invitation,
                "form": None,
                "me": me,
                "admits": invitation_admits(invitation),
            },
        )
    form = SignUpForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        # Following the link proves the address: the account is active at once.
        user, person = services.create_account(
            email=invitation.email,
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
            active=True,
        )
        membership = accept_invitation(invitation, person)
        login(request, user, backend=BACKEND)
        if membership is not None and membership.status == MembershipStatus.ACTIVE:
            messages.success(
                request,
                _("Welcome to Kollega! You are now a member of %(community)s.") % {"community": community.title},
            )
        else:
            messages.success(request, _invitation_accepted_message(invitation, membership))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": invitation,
            "form": form,
            "admits": invitation_admits(invitation),
        },
    )


def _invitation_accepted_message(invitation, membership):
    """What accepting did: a member, or a partner whose membership the facilitators decide on."""
    community = invitation.community.title
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        return _("You are now a member of %(community)s.") % {"community": community}
    return _(
        "You are now a partner of %(project)s. The facilitators of %(community)s decide whether you "
        "become a member; you will get an e-mail when they answer."
    ) % {"project": invitation.project.title, "community": community}


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@never_cache
@login_required
def profile(request):
    # Accounts made in the admin may have no profile yet: start a private one.
    person = Person.objects.for_user(request.user, create=True)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        # Languages, subjects, levels and interests are parental relations kept
        # in memory by the form; saving the profile again writes them.
        person.save()
        form.save_photo()
        services.set_admin_language(request.user, person)
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "person": person})


@never_cache
@login_required
def export(request):
    data = services.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kollega-my-data-{stamp}.json"'
    return response


@never_cache
@sensitive_post_parameters("password")
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user, delete_drafts=form.cleaned_data["delete_drafts"])
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})
