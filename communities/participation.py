"""What people do in a community: join, accept, decline, leave, invite, start projects; each step sends its e-mail."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from core.mail import recipient_language, send_templated_email
from core.pages import available_slug
from core.text import text_to_rich_text
from core.urls import absolute_url

from .choices import MembershipRole, MembershipStatus, PartnerRequestKind, PartnerRequestStatus
from .models import Invitation, Membership, PartnerRequest, ProjectPage, ProjectPartner

# How long a teacher's request may wait before those who answer it are reminded,
# and before the editors are told that nobody has.
REMIND_AFTER = timedelta(days=3)
ESCALATE_AFTER = timedelta(days=7)
NOTE_AT_MOST_EVERY = timedelta(hours=24)
ASK_AGAIN_AFTER = timedelta(days=90)
MESSAGE_MAX_LENGTH = 1000


class ParticipationError(Exception):
    """A step the rules do not allow; the message is meant for the person who tried."""


# -- Who is who in a community -------------------------------------------------


def membership_of(person, community):
    """The person's membership of the community in any of its translations, or None."""
    if person is None:
        return None
    return community.memberships().filter(person=person).first()


def is_active_member(person, community):
    membership = membership_of(person, community)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def is_facilitator(person, community):
    return person is not None and community.memberships().active().facilitators().filter(person=person).exists()


def is_editor(user):
    """Superusers and the Editors and Moderators groups look after the whole site."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or user.groups.filter(name__in=["Editors", "Moderators"]).exists()


def can_moderate(user, person, community):
    """Facilitators look after their community; editors may step in for any (they are told when nobody answers)."""
    return is_editor(user) or is_facilitator(person, community)


# -- E-mail ------------------------------------------------------------------------


def notify(template, context, recipients):
    """Queue one e-mail per recipient (persons, users or addresses), each in the recipient's language.

    One message each, so that addresses are never disclosed to each other.
    A bare template name is one of ours; other apps pass their own "app/emails/name".
    """
    template = template if "/" in template else f"communities/emails/{template}"
    for recipient in recipients:
        if recipient:
            send_templated_email(template, context, recipient)


def facilitators_to_notify(community):
    """The facilitators who have an account with an e-mail address."""
    return [p for p in community.facilitators().select_related("user") if p.user_id and p.user.email]


def editors():
    """The people who look after the whole site: superusers and the Editors and Moderators groups."""
    User = get_user_model()
    return list(
        User.objects.filter(Q(is_superuser=True) | Q(groups__name__in=["Editors", "Moderators"]), is_active=True)
        .exclude(email="")
        .distinct()
    )


def link_for(recipient, target):
    """The public URL of `target` (a path name and args, or a page) under the recipient's own language prefix."""
    with translation.override(recipient_language(recipient)):
        if isinstance(target, tuple):
            return absolute_url(reverse(target[0], args=target[1:]))
        return absolute_url(target)


def notify_each(template, recipients, context_for):
    """One e-mail per recipient, whose context (links under their own language) `context_for(recipient)` makes."""
    for recipient in recipients:
        if recipient:
            notify(template, context_for(recipient), [recipient])


# -- Joining and leaving -----------------------------------------------------------


def request_to_join(person, community):
    """Ask to join; facilitators decide."""
    membership = membership_of(person, community)
    if membership is not None and membership.status in (MembershipStatus.ACTIVE, MembershipStatus.REQUESTED):
        return membership
    if membership is None:
        membership = Membership(person=person, community=community, role=MembershipRole.MEMBER)
    membership.status = MembershipStatus.REQUESTED
    membership.role = MembershipRole.MEMBER
    membership.since = timezone.localdate()
    membership.message = ""
    membership.message_sent_at = membership.reminded_at = membership.escalated_at = None
    membership.save()
    notify_each(
        "join_requested",
        facilitators_to_notify(community),
        lambda facilitator: {
            "person": person,
            "community": community,
            "requests_url": link_for(facilitator, ("participation:requests", community.pk)),
        },
    )
    return membership


def who_answers(community):
    """The facilitators who will answer a request to join (with an account: the ones who can)."""
    return [p for p in community.facilitators() if p.user_id and p.anonymised_at is None]


def write_to_facilitators(membership, message):
    """The waiting teacher's note to the facilitators: kept on the request, mailed at most once a day."""
    if membership.status != MembershipStatus.REQUESTED:
        raise ParticipationError("not_pending")
    now = timezone.now()
    if membership.message_sent_at and membership.message_sent_at > now - NOTE_AT_MOST_EVERY:
        raise ParticipationError("too_soon")
    membership.message = message[:MESSAGE_MAX_LENGTH]
    membership.message_sent_at = now
    membership.save(update_fields=["message", "message_sent_at"])
    community = membership.community
    notify_each(
        "join_request_note",
        facilitators_to_notify(community),
        lambda facilitator: {
            "person": membership.person,
            "community": community,
            "message": membership.message,
            "requests_url": link_for(facilitator, ("participation:requests", community.pk)),
        },
    )


def accept(membership):
    # Saving the membership puts the person in the community's group
    # (communities/signals.py), which opens members-only pages to them.
    membership.status = MembershipStatus.ACTIVE
    membership.since = timezone.localdate()
    membership.save()
    notify(
        "join_accepted",
        {
            "person": membership.person,
            "community": membership.community,
            "community_url": link_for(membership.person, membership.community),
        },
        [membership.person],
    )


def decline(membership):
    # The row goes, so that the person may ask again later.
    person, community = membership.person, membership.community
    membership.delete()
    notify("join_declined", {"person": person, "community": community}, [person])


def leave(person, community):
    membership = membership_of(person, community)
    if membership is None or membership.status == MembershipStatus.LEFT:
        return None
    if membership.role == MembershipRole.FACILITATOR and membership.status == MembershipStatus.ACTIVE:
        others = community.memberships().active().facilitators().exclude(person=person)
        if not others.exists():
            # A community without facilitators has nobody to accept members or read reports.
            raise ParticipationError("last_facilitator")
    membership.status = MembershipStatus.LEFT
    membership.save()
    return membership


# -- Invitations -------------------------------------------------------------------
#
# Only facilitators admit members. A community invitation comes from the
# facilitators' page (views.invite checks can_moderate) and makes the invitee
# a member; a project partner's invitation makes them a partner of the project
# and nothing more, unless its sender facilitates the community: membership is
# then asked of the facilitators (request_to_join), who decide as for any
# request. An invitation is for its address: whoever is signed in with another
# account cannot accept it.


def invite(email, community, invited_by, project=None, message=""):
    """Invite an address into `community` (facilitators) or into `project` (its partners).

    The invitee becomes a member or partner only by accepting. The mail is in
    the language of the account that holds the address, if there is one, else
    in the community's language.
    """
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        community=community,
        project=project,
        invited_by=invited_by,
        message=(message or "")[:MESSAGE_MAX_LENGTH],
    )
    User = get_user_model()
    holder = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    language = recipient_language(holder, default=community.locale.language_code) if holder else None
    with translation.override(language or community.locale.language_code):
        accept_url = absolute_url(reverse("accounts:invitation", args=[invitation.token]))
    send_templated_email(
        "communities/emails/invitation",
        {
            "invitation": invitation,
            "community": community,
            "project": project,
            "inviter": invited_by,
            "message": invitation.message,
            "accept_url": accept_url,
        },
        invitation.email,
        language=language,
        default_language=community.locale.language_code,
    )
    return invitation


def invitation_admits(invitation):
    """Whether accepting the invitation makes the invitee a member of its community.

    A community invitation always does (only facilitators may send one); a
    project invitation only when its sender still facilitates the community.
    """
    if invitation.project_id is None:
        return True
    return is_facilitator(invitation.invited_by, invitation.community)


def invitation_is_for(invitation, user):
    """Whether `user` holds the address the invitation was sent to (case does not matter)."""
    email = (getattr(user, "email", "") or "").strip().lower()
    return bool(email) and email == invitation.email.strip().lower()


@transaction.atomic
def accept_invitation(invitation, person):
    """Accept for `person`: a member when the invitation admits, a partner of the invited project.

    Returns the person's membership of the community afterwards (active,
    requested of the facilitators, or None). Refuses an invitation sent to
    another address (ParticipationError "other_address").
    """
    if person is None or person.user_id is None or not invitation_is_for(invitation, person.user):
        raise ParticipationError("other_address")
    membership = membership_of(person, invitation.community)
    if invitation_admits(invitation):
        if membership is None:
            membership = Membership(person=person, community=invitation.community, role=MembershipRole.MEMBER)
        if membership.status != MembershipStatus.ACTIVE:
            membership.status = MembershipStatus.ACTIVE
            membership.since = timezone.localdate()
            membership.save()
    elif membership is None or membership.status != MembershipStatus.ACTIVE:
        membership = request_to_join(person, invitation.community)
    if invitation.project is not None:
        add_partner(invitation.project, person)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# -- Projects ----------------------------------------------------------------------


@transaction.atomic
def start_project(
    community,
    person,
    user,
    *,
    title,
    theme,
    summary="",
    description="",
    looking_for_partners=False,
    start_date=None,
    end_date=None,
):
    if not is_active_member(person, community):
        raise ParticipationError("not_member")
    project = ProjectPage(
        title=title,
        theme=theme,
        summary=summary,
        description=text_to_rich_text(description),
        looking_for_partners=looking_for_partners,
        start_date=start_date,
        end_date=end_date,
        owner=user,
        locale_id=community.locale_id,
        # A title of only punctuation or emoji ("!!!", "🙂") has no slug of its own: never a blank one.
        slug=available_slug(community, title, fallback="project"),
    )
    project.partners.add(ProjectPartner(person=person, school=person.school, country=person.country))
    community.add_child(instance=project)
    project.save_revision(user=user).publish()
    project.refresh_from_db()
    return project


def is_partner(person, project):
    return person is not None and project.partners.filter(person=person).exists()


def can_manage_project(user, person, project):
    return is_partner(person, project) or can_moderate(user, person, project.community)


def _publish(project, user):
    # Through a revision, so that the admin's history and later edits start from this state.
    project.save_revision(user=user).publish()
    project.refresh_from_db()


def add_partner(project, person, user=None):
    """Make `person` a partner now: only after their yes (or the project's, when they asked)."""
    project = ProjectPage.objects.get(pk=project.pk)
    if project.partners.filter(person=person).exists():
        return False
    project.partners.add(ProjectPartner(person=person, school=person.school, country=person.country))
    _publish(project, user)
    return True


def set_looking_for_partners(project, looking, user=None):
    project = ProjectPage.objects.get(pk=project.pk)
    project.looking_for_partners = looking
    _publish(project, user)
    return project


# -- Partner requests: nobody is a partner without a yes ----------------------------


def project_answerers(project):
    """Who answers a teacher's request to join a project: its owner and the community's facilitators."""
    people = []
    owner = getattr(project.owner, "person", None) if project.owner_id else None
    if owner is not None and owner.anonymised_at is None:
        people.append(owner)
    community = project.community
    if community is not None:
        people.extend(p for p in who_answers(community) if p.pk not in {q.pk for q in people})
    return people


def can_answer_for_project(user, person, project):
    if is_editor(user):
        return True
    return person is not None and any(p.pk == person.pk for p in project_answerers(project))


def pending_partner_request(project, person):
    return PartnerRequest.objects.filter(project=project, person=person, status=PartnerRequestStatus.PENDING).first()


def may_ask_to_join(person, project):
    """None when `person` may ask to join `project`, else the reason (a ParticipationError code)."""
    if person is None:
        return "no_profile"
    if not project.is_looking_for_partners:
        return "not_looking"
    if is_partner(person, project):
        return "already_partner"
    if pending_partner_request(project, person):
        return "pending"
    declined = PartnerRequest.objects.filter(
        project=project,
        person=person,
        kind=PartnerRequestKind.ASKED,
        status=PartnerRequestStatus.DECLINED,
        answered_at__gt=timezone.now() - ASK_AGAIN_AFTER,
    )
    if declined.exists():
        return "declined_recently"
    return None


def _request_context(request, recipient):
    return {
        "request": request,
        "project": request.project,
        "person": request.person,
        "sender": request.sent_by,
        "message": request.message,
        "request_url": link_for(recipient, ("participation:partner_request", request.pk)),
        "project_url": link_for(recipient, request.project),
    }


@transaction.atomic
def ask_to_join_project(person, project, message):
    """The teacher asks; the project's owner and facilitators are told, each in their language."""
    reason = may_ask_to_join(person, project)
    if reason:
        raise ParticipationError(reason)
    request = PartnerRequest.objects.create(
        project=project,
        person=person,
        kind=PartnerRequestKind.ASKED,
        sent_by=person,
        message=message[:MESSAGE_MAX_LENGTH],
    )
    recipients = [p for p in project_answerers(project) if p.pk != person.pk]
    notify_each("partner_asked", recipients, lambda r: _request_context(request, r))
    return request


@transaction.atomic
def invite_partner(project, person, sent_by, message=""):
    """The project side invites a teacher on Kollega; they become a partner only by accepting."""
    if is_partner(person, project):
        raise ParticipationError("already_partner")
    existing = pending_partner_request(project, person)
    if existing is not None:
        if existing.kind == PartnerRequestKind.ASKED:
            # They asked already: inviting them is the project's yes.
            accept_partner_request(existing, sent_by)
        return existing
    request = PartnerRequest.objects.create(
        project=project,
        person=person,
        kind=PartnerRequestKind.INVITED,
        sent_by=sent_by,
        message=(message or "")[:MESSAGE_MAX_LENGTH],
    )
    notify("partner_invited", _request_context(request, person), [person])
    return request


def who_decides(request):
    """The people whose yes makes the request true: the invitee, or the project's answerers."""
    if request.kind == PartnerRequestKind.INVITED:
        return [request.person]
    return project_answerers(request.project)


def can_decide(user, person, request):
    if request.kind == PartnerRequestKind.INVITED:
        return person is not None and person.pk == request.person_id
    return can_answer_for_project(user, person, request.project)


def _answer(request, by, status):
    request.status = status
    request.answered_at = timezone.now()
    request.answered_by = by
    request.save(update_fields=["status", "answered_at", "answered_by"])


@transaction.atomic
def accept_partner_request(request, by, user=None):
    if not request.is_pending:
        raise ParticipationError("not_pending")
    _answer(request, by, PartnerRequestStatus.ACCEPTED)
    add_partner(request.project, request.person, user)
    # The side that asked hears the yes: the teacher who asked, or whoever invited.
    told = request.person if request.kind == PartnerRequestKind.ASKED else request.sent_by
    if told is not None:
        notify("partner_accepted", _request_context(request, told), [told])
    return request


def decline_partner_request(request, by):
    """A teacher who was invited declines silently; a teacher who asked is told, kindly."""
    if not request.is_pending:
        raise ParticipationError("not_pending")
    _answer(request, by, PartnerRequestStatus.DECLINED)
    if request.kind == PartnerRequestKind.ASKED:
        notify("partner_declined", _request_context(request, request.person), [request.person])
    return request


def withdraw_partner_request(request, by):
    if not request.is_pending or by is None or request.sent_by_id != by.pk:
        raise ParticipationError("not_pending")
    _answer(request, by, PartnerRequestStatus.WITHDRAWN)
    return request


# -- Reminders: a request never waits unseen -----------------------------------------


def _remind_or_escalate(item, template, answerers, escalate_to, context_for, waited, now):
    """One waiting request: remind its answerers once, then (after ESCALATE_AFTER) tell the editors once.

    `item` has `reminded_at` and `escalated_at`; returns "reminded", "escalated" or None.
    """
    if item.reminded_at is None:
        notify_each(f"{template}_reminder", answerers, context_for)
        item.reminded_at = now
        step = "reminded"
    elif waited >= ESCALATE_AFTER:
        notify_each(f"{template}_escalated", escalate_to, context_for)
        item.escalated_at = now
        step = "escalated"
    else:
        return None
    item.save(update_fields=["reminded_at", "escalated_at"])
    return step


def send_request_reminders(now=None):
    """Remind those who answer after 3 days, tell the editors after 7; each at most once per request.

    Returns (reminders, escalations) counted per request.
    """
    now = now or timezone.now()
    site_editors = editors()
    steps = []
    waiting_joins = Membership.objects.filter(
        status=MembershipStatus.REQUESTED, escalated_at__isnull=True, since__lte=(now - REMIND_AFTER).date()
    ).select_related("person", "community")
    for membership in waiting_joins:
        community = membership.community
        waited = now.date() - membership.since
        steps.append(
            _remind_or_escalate(
                membership,
                "join_request",
                facilitators_to_notify(community),
                site_editors,
                lambda r, m=membership, c=community, w=waited.days: {
                    "person": m.person,
                    "community": c,
                    "days": w,
                    "requests_url": link_for(r, ("participation:requests", c.pk)),
                },
                waited,
                now,
            )
        )
    waiting_asks = PartnerRequest.objects.filter(
        status=PartnerRequestStatus.PENDING,
        kind=PartnerRequestKind.ASKED,
        escalated_at__isnull=True,
        created_at__lte=now - REMIND_AFTER,
    ).select_related("project", "person", "sent_by")
    for request in waiting_asks:
        waited = now - request.created_at
        steps.append(
            _remind_or_escalate(
                request,
                "partner_asked",
                [p for p in project_answerers(request.project) if p.pk != request.person_id],
                site_editors,
                lambda r, q=request, w=waited.days: {**_request_context(q, r), "days": w},
                waited,
                now,
            )
        )
    return steps.count("reminded"), steps.count("escalated")
