"""Public profile pages, and the front-end steps of taking part in communities and projects."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pages import one_per_translation
from core.shortcuts import get_object_or_404
from core.urls import absolute_url

from . import participation
from .choices import MembershipStatus
from .forms import InviteForm, LookingForPartnersForm, PartnerInviteForm, ProjectForm
from .models import CommunityPage, Person, ProjectPage
from .privacy import can_see_page, can_see_person, viewer_person, visible_pages, visible_partners, visible_people


def person_profile(request, slug):
    person = get_object_or_404(
        Person.objects.select_related("photo").prefetch_related("languages", "subjects", "levels"), slug=slug
    )
    if not can_see_person(request.user, person):
        # 404 rather than 403: a hidden person must not be confirmed to exist.
        raise Http404("No such person")
    # Materials through the reverse relation of ResourceContributor, so that
    # communities does not import resources; privacy decides what is listed.
    material = person.resource_contributions.model._meta.get_field("page").related_model
    contributed = material.objects.by_person(person).for_cards()
    resources = one_per_translation(visible_pages(request.user, contributed).order_by("-first_published_at"))[:24]
    communities = one_per_translation(visible_pages(request.user, person.active_communities()).specific())
    return render(
        request,
        "communities/person.html",
        {
            "person": person,
            "resources": resources,
            "communities": communities,
        },
    )


# -- Taking part: joining, facilitating, projects --------------------------------
#
# Every view below starts from what the viewer may see: a community or project
# the viewer cannot open answers 404, exactly like its page does.


def _visible_community(request, pk):
    community = get_object_or_404(CommunityPage, pk=pk)
    if not can_see_page(request.user, community):
        raise Http404("No such community")
    return community


def _me_or_profile_redirect(request):
    me = viewer_person(request.user)
    if me is None:
        messages.info(request, _("Please fill in your profile first."))
    return me


def _after(request, community):
    """Back to the community when the viewer may still open it, else to the home page."""
    if can_see_page(request.user, community):
        return redirect(community.get_url(request) or "/")
    return redirect("/")


@login_required
@require_POST
def join(request, pk):
    community = _visible_community(request, pk)
    me = _me_or_profile_redirect(request)
    if me is None:
        return redirect("accounts:profile")
    membership = participation.request_to_join(me, community)
    if membership.status == MembershipStatus.ACTIVE:
        messages.info(request, _("You are already a member of this community."))
    else:
        messages.success(
            request, _("Your request has been sent to the facilitators. You will get an e-mail when they answer.")
        )
    return _after(request, community)


@login_required
@require_POST
def leave(request, pk):
    community = _visible_community(request, pk)
    me = viewer_person(request.user)
    try:
        participation.leave(me, community)
    except participation.ParticipationError:
        messages.error(
            request,
            _(
                "You are the only facilitator of this community. Ask another member to become facilitator before you leave."
            ),
        )
        return _after(request, community)
    messages.success(request, _("You have left %(community)s.") % {"community": community.title})
    return _after(request, community)


def _facilitated_community(request, pk):
    community = _visible_community(request, pk)
    if not participation.can_moderate(request.user, viewer_person(request.user), community):
        raise PermissionDenied
    return community


@login_required
def requests(request, pk):
    community = _facilitated_community(request, pk)
    if request.method == "POST":
        membership = get_object_or_404(community.memberships().requested(), pk=request.POST.get("membership"))
        name = membership.person.display_name
        if request.POST.get("action") == "accept":
            participation.accept(membership)
            messages.success(request, _("%(name)s is now a member.") % {"name": name})
        elif request.POST.get("action") == "decline":
            participation.decline(membership)
            messages.success(request, _("You declined the request from %(name)s.") % {"name": name})
        return redirect("participation:requests", pk=community.pk)
    return render(
        request,
        "communities/requests.html",
        {
            "community": community,
            "pending": community.memberships().requested().select_related("person").order_by("since"),
        },
    )


@login_required
def invite(request, pk):
    community = _facilitated_community(request, pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participation.invite(form.cleaned_data["email"], community, viewer_person(request.user))
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("participation:invite", pk=community.pk)
    return render(request, "communities/invite.html", {"community": community, "form": form})


@login_required
def new_project(request, pk):
    community = _visible_community(request, pk)
    me = viewer_person(request.user)
    if not participation.is_active_member(me, community):
        # Seen by non-members who followed a link: say why rather than a bare 403.
        return render(request, "communities/project_refused.html", {"community": community}, status=403)
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = participation.start_project(community, me, request.user, **form.cleaned_data)
        messages.success(request, _("Your project is published. Invite partners to join it."))
        return redirect("participation:partners", pk=project.pk)
    return render(request, "communities/project_form.html", {"community": community, "form": form})


@login_required
def partners(request, pk):
    project = get_object_or_404(ProjectPage, pk=pk)
    if not can_see_page(request.user, project):
        raise Http404("No such project")
    me = viewer_person(request.user)
    if not participation.can_manage_project(request.user, me, project):
        raise PermissionDenied
    # Only people the inviter may already see, never former members.
    people = visible_people(request.user, Person.objects.with_account().filter(anonymised_at__isnull=True)).exclude(
        pk__in=project.partners.exclude(person=None).values("person")
    )
    invite_form = PartnerInviteForm(people=people)
    looking_form = LookingForPartnersForm(initial={"looking_for_partners": project.looking_for_partners})
    if request.method == "POST" and request.POST.get("action") == "looking":
        looking_form = LookingForPartnersForm(request.POST)
        if looking_form.is_valid():
            participation.set_looking_for_partners(
                project, looking_form.cleaned_data["looking_for_partners"], request.user
            )
            messages.success(request, _("Saved."))
            return redirect("participation:partners", pk=project.pk)
    elif request.method == "POST":
        invite_form = PartnerInviteForm(request.POST, people=people)
        if invite_form.is_valid():
            person = invite_form.cleaned_data["person"]
            if person is not None:
                participation.add_partner(project, person, request.user)
                participation.notify(
                    "partner_added",
                    {
                        "person": person,
                        "project": project,
                        "inviter": me,
                        "project_url": absolute_url(project),
                    },
                    [person],
                )
                messages.success(
                    request, _("%(name)s is now a partner of this project.") % {"name": person.display_name}
                )
            else:
                email = invite_form.cleaned_data["email"]
                participation.invite(email, project.community, me, project=project)
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": email})
            return redirect("participation:partners", pk=project.pk)
    return render(
        request,
        "communities/partners.html",
        {
            "project": project,
            "invite_form": invite_form,
            "looking_form": looking_form,
            # As the project page lists them: never a person the viewer may not see.
            "partners": visible_partners(request.user, project.partners.all()),
        },
    )
