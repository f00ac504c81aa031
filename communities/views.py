"""Public profile pages, and the front-end steps of taking part in communities and projects."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from communities.choices import PersonPlace
from core.pages import one_per_translation
from core.shortcuts import get_object_or_404

from . import participation
from .choices import MembershipStatus, PartnerRequestKind, PartnerRequestStatus
from .forms import InviteForm, LookingForPartnersForm, NoteForm, PartnerInviteForm, ProjectForm
from .models import CommunityPage, PartnerRequest, Person, ProjectPage
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
            # A link from a suggestion or a search result says where it was shown (counted, and carried
            # into "Get in touch"); hostile values are ignored.
            "place": PersonPlace.from_param(request.GET.get("via")),
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
        return _after(request, community)
    messages.success(
        request, _("Your request has been sent to the facilitators. You will get an e-mail when they answer.")
    )
    # The next step: see who will answer, and write to them.
    return redirect("participation:my_request", pk=community.pk)


@login_required
def my_request(request, pk):
    """A waiting request to join: who will answer it, and a note to them."""
    community = _visible_community(request, pk)
    me = viewer_person(request.user)
    membership = participation.membership_of(me, community)
    if membership is None or membership.status != MembershipStatus.REQUESTED:
        return _after(request, community)
    form = NoteForm(request.POST or None, initial={"message": membership.message})
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        membership.delete()
        messages.success(request, _("Your request to join has been withdrawn."))
        return _after(request, community)
    if request.method == "POST" and form.is_valid():
        try:
            participation.write_to_facilitators(membership, form.cleaned_data["message"])
        except participation.ParticipationError:
            messages.error(request, _("You have already written today. The facilitators will answer soon."))
        else:
            messages.success(request, _("Your message has been sent to the facilitators."))
        return redirect("participation:my_request", pk=community.pk)
    answerers = visible_people(
        request.user, Person.objects.filter(pk__in=[p.pk for p in participation.who_answers(community)])
    )
    return render(
        request,
        "communities/my_request.html",
        {"community": community, "membership": membership, "answerers": answerers, "form": form},
    )


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


def _visible_project(request, pk):
    project = get_object_or_404(ProjectPage, pk=pk)
    if not can_see_page(request.user, project):
        raise Http404("No such project")
    return project


ASK_REFUSALS = {
    "not_looking": _("This project is not looking for partners at the moment."),
    "already_partner": _("You are already a partner of this project."),
    "pending": _("Your request is waiting for an answer."),
    "declined_recently": _("You asked recently. You may ask again 90 days after the answer."),
}


@login_required
def ask_to_join_project(request, pk):
    project = _visible_project(request, pk)
    me = _me_or_profile_redirect(request)
    if me is None:
        return redirect("accounts:profile")
    refusal = participation.may_ask_to_join(me, project)
    if refusal:
        pending = participation.pending_partner_request(project, me)
        if pending is not None:
            return redirect("participation:partner_request", pk=pending.pk)
        messages.info(request, ASK_REFUSALS.get(refusal, ASK_REFUSALS["not_looking"]))
        return redirect(project.get_url(request) or "/")
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner_request = participation.ask_to_join_project(me, project, form.cleaned_data["message"])
        messages.success(request, _("Your request has been sent. You will get an e-mail when they answer."))
        return redirect("participation:partner_request", pk=partner_request.pk)
    answerers = visible_people(
        request.user, Person.objects.filter(pk__in=[p.pk for p in participation.project_answerers(project)])
    )
    return render(
        request,
        "communities/ask_to_join_project.html",
        {"project": project, "form": form, "answerers": answerers},
    )


@login_required
def partner_request(request, pk):
    """One partner request, for the two sides only: the one who asks sees it wait, the one who decides answers."""
    partner_request = get_object_or_404(PartnerRequest.objects.select_related("project", "person", "sent_by"), pk=pk)
    project = partner_request.project
    me = viewer_person(request.user)
    deciding = participation.can_decide(request.user, me, partner_request)
    asking = me is not None and me.pk in (
        partner_request.sent_by_id,
        partner_request.person_id if partner_request.kind == PartnerRequestKind.ASKED else None,
    )
    if not (deciding or asking) or not can_see_page(request.user, project):
        raise Http404("No such request")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "accept" and deciding:
                participation.accept_partner_request(partner_request, me, request.user)
                if partner_request.kind == PartnerRequestKind.ASKED:
                    text = _("%(name)s is now a partner of this project.") % {
                        "name": partner_request.person.display_name
                    }
                else:
                    text = _("Welcome to the project! You are now a partner.")
                messages.success(request, text)
            elif action == "decline" and deciding:
                participation.decline_partner_request(partner_request, me)
                messages.success(request, _("You declined."))
            elif action == "withdraw" and asking:
                participation.withdraw_partner_request(partner_request, me)
                messages.success(request, _("Your request has been withdrawn."))
            else:
                raise PermissionDenied
        except participation.ParticipationError:
            messages.info(request, _("This request has already been answered."))
        return redirect("participation:partner_request", pk=pk)
    answerers = visible_people(
        request.user, Person.objects.filter(pk__in=[p.pk for p in participation.who_decides(partner_request)])
    )
    return render(
        request,
        "communities/partner_request.html",
        {
            "partner_request": partner_request,
            "project": project,
            "deciding": deciding and partner_request.is_pending,
            "asking": asking,
            "answerers": answerers,
            "sender_visible": partner_request.sent_by is not None
            and can_see_person(request.user, partner_request.sent_by),
            "person_visible": can_see_person(request.user, partner_request.person),
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
            message = invite_form.cleaned_data["message"]
            if person is not None:
                # A request, never an addition: they are a partner once they say yes.
                try:
                    participation.invite_partner(project, person, me, message)
                except participation.ParticipationError:
                    messages.info(request, _("%(name)s is already a partner.") % {"name": person.display_name})
                else:
                    messages.success(
                        request,
                        _("Invitation sent to %(name)s. They become a partner when they accept.")
                        % {"name": person.display_name},
                    )
            else:
                email = invite_form.cleaned_data["email"]
                participation.invite(email, project.community, me, project=project, message=message)
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": email})
            return redirect("participation:partners", pk=project.pk)
    pending = PartnerRequest.objects.filter(project=project, status=PartnerRequestStatus.PENDING).select_related(
        "person"
    )
    return render(
        request,
        "communities/partners.html",
        {
            "project": project,
            "answering": participation.can_answer_for_project(request.user, me, project),
            "asked": pending.filter(kind=PartnerRequestKind.ASKED),
            "invited": pending.filter(kind=PartnerRequestKind.INVITED),
            "invite_form": invite_form,
            "looking_form": looking_form,
            # As the project page lists them: never a person the viewer may not see.
            "partners": visible_partners(request.user, project.partners.all()),
        },
    )
